/** VG203 source-in-sh: `source` where /bin/sh is dash (Dockerfile RUN, Actions `shell: sh`); `.` and bash are fine. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sourceInSh } from '../../src/rules/source-in-sh.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { applyEdits, assertSilent, lint } from '../dockerfile-lint.js';
import { assertSilent as assertSilentActions, lint as lintActions } from '../actions-lint.js';
import { tempDir } from '../helpers.js';

const rule = sourceInSh;

const valid: [string, string][] = [
  ['the POSIX spelling', 'FROM python:3.12\nRUN python -m venv /v\nRUN . /v/bin/activate && pip install x\n'],
  ['SHELL is bash', 'FROM python:3.12\nSHELL ["/bin/bash", "-c"]\nRUN python -m venv /v\nRUN source /v/bin/activate && pip install x\n'],
  ['an Alpine image: busybox ash has source', 'FROM python:3.12-alpine\nRUN python -m venv /v\nRUN source /v/bin/activate && pip install x\n'],
  ['a Fedora image: /bin/sh is bash', 'FROM fedora:40\nRUN python3 -m venv /v\nRUN source /v/bin/activate && pip install x\n'],
  ['bash -c inside RUN', 'FROM python:3.12\nRUN python -m venv /v\nRUN bash -c "source /v/bin/activate && pip install x"\n'],
  ['source of something that is not an activate script', 'FROM python:3.12\nRUN source /etc/os-release; echo $ID\n'],
  ['suppressed', 'FROM python:3.12\nRUN python -m venv /v\n# noqa: VG203\nRUN source /v/bin/activate && pip install x\n'],
];
for (const [name, code] of valid) test(`source-in-sh valid: ${name}`, () => assertSilent(rule, code));

test('source-in-sh invalid: RUN on a Debian-based image; the fix is `.`; the pip after it is not also an escape', async () => {
  const code = 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN source /opt/venv/bin/activate && pip install requests\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 5]]);
  assert.equal(
    found[0].message,
    '"source" is not a command in /bin/sh (dash, on Debian and Ubuntu): this line fails with status 127 and /opt/venv/bin/activate is never activated; use ". /opt/venv/bin/activate"',
  );
  assert.deepEqual(await lint(venvNotOnPath, code), [], 'the failed source is the one finding');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install requests\n');
  await assertSilent(rule, fixed);
  await assertSilent(venvNotOnPath, fixed);
});

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

test('source-in-sh invalid (actions): shell: sh on an Ubuntu runner', async () => {
  const code = wf('run: python -m venv .venv', 'shell: sh\n        run: |\n          source .venv/bin/activate\n          pip install .');
  const found = await lintActions(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[9, 11]]);
  assert.match(found[0].message, /^"source" is not a command in sh /);
});

test('source-in-sh valid (actions): the default bash, and sh on macOS (bash as sh)', async () => {
  await assertSilentActions(rule, wf('run: python -m venv .venv', 'run: source .venv/bin/activate && pip install .'));
  await assertSilentActions(rule, wf('run: python -m venv .venv', 'shell: sh\n        run: source .venv/bin/activate && pip install .').replace('ubuntu-latest', 'macos-14'));
});

test('source-in-sh: what the rule claims, measured with the real /bin/sh (dash) of this machine', (t) => {
  const sh = fs.existsSync('/bin/sh') ? fs.realpathSync('/bin/sh') : '';
  if (!/dash$/.test(sh)) return t.skip(`/bin/sh is ${sh || 'missing'}, not dash`);
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'v/bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'v/bin/activate'), 'VIRTUAL_ENV=x; export VIRTUAL_ENV\n');
  const r = spawnSync('/bin/sh', ['-c', 'source v/bin/activate; echo "status=$? VIRTUAL_ENV=${VIRTUAL_ENV:-unset}"'], { cwd: dir, encoding: 'utf8' });
  assert.match(r.stderr, /source: not found/);
  assert.match(r.stdout, /status=127 VIRTUAL_ENV=unset/);
  const dot = spawnSync('/bin/sh', ['-c', '. v/bin/activate; echo "VIRTUAL_ENV=$VIRTUAL_ENV"'], { cwd: dir, encoding: 'utf8' });
  assert.match(dot.stdout, /VIRTUAL_ENV=x/);
});

test('source-in-sh valid (gitlab): an Alpine image runs busybox ash, which has source', async () => {
  const { assertSilent: assertSilentGitlab } = await import('../gitlab-lint.js');
  await assertSilentGitlab(rule, 'test:\n  image: python:3.12-alpine\n  script:\n    - python -m venv .venv\n    - source .venv/bin/activate\n    - pip install .\n');
});

test('source-in-sh (makefile): a recipe line under the default /bin/sh; SHELL := /bin/bash is fine', async () => {
  const { lint: lintMake, assertSilent: assertSilentMake } = await import('../makefile-lint.js');
  const code = 'VENV := .venv\ninstall:\n\tpython3 -m venv $(VENV)\n\tsource $(VENV)/bin/activate; pip install -r requirements.txt\n';
  const found = await lintMake(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[4, 2]]);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('\tsource ', '\t. '));
  await assertSilentMake(rule, 'SHELL := /bin/bash\n' + code);
});
