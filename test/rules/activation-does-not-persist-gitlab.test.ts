/** VG202 on GitLab CI pipelines: an activation ends with its shell (before_script + script, or after_script). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { assertSilent, lint } from '../gitlab-lint.js';

const rule = activationDoesNotPersist;
const job = (...lines: string[]) => `test:\n  image: python:3.12\n${lines.map((l) => `  ${l}\n`).join('')}`;

const valid: [string, string][] = [
  ['activated in before_script, used in script', job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script:', '  - pip install .')],
  ['after_script activates again', job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script: [pytest]', 'after_script:', '  - source .venv/bin/activate', '  - coverage xml')],
  ['after_script uses the venv by path', job('before_script: [python -m venv .venv, . .venv/bin/activate]', 'script: [pytest]', 'after_script: [.venv/bin/coverage xml]')],
  ['after_script runs no Python tool', job('before_script: [python -m venv .venv, . .venv/bin/activate]', 'script: [pytest]', 'after_script: [echo done, git status]')],
  ['an unknown snippet follows the activation', job('before_script: [python -m venv .venv, . .venv/bin/activate]', 'script:', '  - !reference [.from_include, script]')],
  ['suppressed', job('before_script: [python -m venv .venv]', 'script:', '  # venvguard: ignore[VG202]', '  - source .venv/bin/activate')],
  ['a script called activate elsewhere', job('script:', '  - . /etc/profile', '  - echo ok')],
];

for (const [name, code] of valid) test(`activation-does-not-persist (gitlab) valid: ${name}`, () => assertSilent(rule, code));

test('activation-does-not-persist (gitlab) invalid: activation in script that after_script relies on', async () => {
  const code = job('script:', '  - python -m venv .venv', '  - source .venv/bin/activate', '  - pip install -e .', '  - pytest', 'after_script:', '  - coverage report');
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[5, 7]]);
  assert.equal(
    found[0].message,
    '"source .venv/bin/activate" lasts only for this job\'s script\'s shell; the "coverage" at line 9 runs without it; activate it with "source .venv/bin/activate" after the command that creates it and before the commands that use it (before_script and script run in one shell); after_script runs in a new shell and needs its own activation',
  );
  // …and the after_script line itself is VG201.
  assert.deepEqual((await lint(venvNotOnPath, code)).map((f) => [f.line, f.column]), [[9, 7]]);
});

test('activation-does-not-persist (gitlab) invalid: activation as the last command of the job\'s script', async () => {
  const code = job('image: python:3.12-alpine', 'before_script:', '  - python -m venv venv', 'script:', '  - pip --version', '  - . venv/bin/activate');
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[8, 7]]);
  assert.equal(
    found[0].message,
    '". venv/bin/activate" is the last command of this job\'s script: activation ends with this job\'s script\'s shell, so it has no effect; activate it with ". venv/bin/activate" after the command that creates it and before the commands that use it (before_script and script run in one shell)',
  );
});

test('activation-does-not-persist (gitlab) invalid: activation alone in a block script, and last in after_script', async () => {
  const code = job('before_script:', '  - python -m venv .venv', 'script: |', '  source .venv/bin/activate', 'after_script:', '  - echo cleanup', '  - source .venv/bin/activate');
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[6, 5], [9, 7]]);
  assert.match(found[1].message, /^"source \.venv\/bin\/activate" is the last command of after_script: activation ends with after_script's shell, so it has no effect; activate it again at the start of after_script/);
});
