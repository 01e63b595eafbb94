/** VG205 virtual-env-without-path: VIRTUAL_ENV set persistently, the venv's bin not on PATH, a Python tool by name. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { virtualEnvWithoutPath } from '../../src/rules/virtual-env-without-path.js';
import { applyEdits, assertSilent, lint } from '../dockerfile-lint.js';
import { assertSilent as assertSilentActions, lint as lintActions } from '../actions-lint.js';
import { tempDir } from '../helpers.js';

const rule = virtualEnvWithoutPath;

const valid: [string, string][] = [
  ['PATH set from VIRTUAL_ENV', 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN python -m venv $VIRTUAL_ENV\nENV PATH="$VIRTUAL_ENV/bin:$PATH"\nRUN pip install x\n'],
  ['both in one ENV', 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n'],
  ['tools that read VIRTUAL_ENV themselves', 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN uv pip install x && poetry install\n'],
  ['no Python tool runs', 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN apt-get update && git --version\n'],
  ['the venv used by path', 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN /opt/venv/bin/pip install x\n'],
  ['activated in the RUN', 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN . /opt/venv/bin/activate && pip install x\n'],
];
for (const [name, code] of valid) test(`virtual-env-without-path valid: ${name}`, () => assertSilent(rule, code));

test('virtual-env-without-path invalid: ENV VIRTUAL_ENV alone; reported once at the ENV; the fix adds PATH to it', async () => {
  const code = 'FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv\nRUN python -m venv $VIRTUAL_ENV\nRUN pip install requests\nCMD ["python", "app.py"]\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 5]]);
  assert.equal(found[0].message, 'VIRTUAL_ENV=/opt/venv does not put /opt/venv/bin on PATH: python and pip by name still run whatever PATH finds; put it on PATH for every later instruction with ENV PATH="/opt/venv/bin:$PATH"');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('ENV VIRTUAL_ENV=/opt/venv', 'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"'));
  await assertSilent(rule, fixed);
});

test('virtual-env-without-path invalid: legacy `ENV KEY value` gets a second ENV line', async () => {
  const code = 'FROM python:3.12\nENV VIRTUAL_ENV /venv\nRUN pip install x\n';
  const found = await lint(rule, code);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12\nENV VIRTUAL_ENV /venv\nENV PATH="/venv/bin:$PATH"\nRUN pip install x\n');
  await assertSilent(rule, fixed);
});

const wf = (env: string, ...steps: string[]) => `on: push\n${env}jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

test('virtual-env-without-path invalid (actions): env: at workflow level, advice only', async () => {
  const code = wf('env:\n  VIRTUAL_ENV: ${{ github.workspace }}/.venv\n', 'run: python -m venv .venv', 'run: pip install .');
  const found = await lintActions(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 3]]);
  assert.match(found[0].message, /^VIRTUAL_ENV=\.venv does not put \.venv\/bin on PATH: .*write the venv's bin to \$GITHUB_PATH/);
  assert.equal(found[0].edits, undefined);
});

test('virtual-env-without-path valid (actions): $GITHUB_PATH written as well', async () => {
  await assertSilentActions(rule, wf('env:\n  VIRTUAL_ENV: ${{ github.workspace }}/.venv\n', 'run: python -m venv .venv && echo "$VIRTUAL_ENV/bin" >> "$GITHUB_PATH"', 'run: pip install .'));
});

test('virtual-env-without-path: what the rule claims, measured: VIRTUAL_ENV does not change which python runs', (t) => {
  const dir = tempDir();
  const made = spawnSync('python3', ['-m', 'venv', '--without-pip', path.join(dir, 'v')], { encoding: 'utf8' });
  if (made.status !== 0) return t.skip('python3 -m venv is not available');
  const r = spawnSync('sh', ['-c', 'python3 -c "import sys; print(sys.prefix)"'], { encoding: 'utf8', env: { ...process.env, VIRTUAL_ENV: path.join(dir, 'v') } });
  assert.equal(r.status, 0);
  assert.notEqual(r.stdout.trim(), path.join(dir, 'v'));
});

test('virtual-env-without-path (gitlab): variables: VIRTUAL_ENV without PATH, in a job that creates the venv', async () => {
  const { lint: lintGitlab } = await import('../gitlab-lint.js');
  const code = 'variables:\n  VIRTUAL_ENV: $CI_PROJECT_DIR/.venv\ntest:\n  image: python:3.12\n  script:\n    - python -m venv .venv\n    - pip install -r requirements.txt\n';
  const found = await lintGitlab(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 3]]);
  assert.match(found[0].message, /^VIRTUAL_ENV=\.venv does not put \.venv\/bin on PATH/);
  const ok = code.replace('    - pip install', '    - source .venv/bin/activate\n    - pip install');
  assert.deepEqual(await lintGitlab(rule, ok), []);
});
