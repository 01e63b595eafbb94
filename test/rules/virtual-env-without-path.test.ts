/** VG205 virtual-env-without-path: VIRTUAL_ENV set persistently, the venv's bin not on PATH, a Python tool by name. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { virtualEnvWithoutPath } from '../../src/rules/virtual-env-without-path.js';
import { tempDir } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const rule = virtualEnvWithoutPath;

testRule(rule, {
  filename: 'Dockerfile',
  valid: [
    { name: 'PATH set from VIRTUAL_ENV', code: 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN python -m venv $VIRTUAL_ENV\nENV PATH="$VIRTUAL_ENV/bin:$PATH"\nRUN pip install x\n' },
    { name: 'both in one ENV', code: 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n' },
    { name: 'tools that read VIRTUAL_ENV themselves', code: 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN uv pip install x && poetry install\n' },
    { name: 'no Python tool runs', code: 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN apt-get update && git --version\n' },
    { name: 'the venv used by path', code: 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN /opt/venv/bin/pip install x\n' },
    { name: 'activated in the RUN', code: 'FROM python:3.12\nENV VIRTUAL_ENV=/opt/venv\nRUN . /opt/venv/bin/activate && pip install x\n' },
  ],
  invalid: [
    {
      name: 'ENV VIRTUAL_ENV alone; reported once at the ENV; the fix adds PATH to it',
      code: 'FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv\nRUN python -m venv $VIRTUAL_ENV\nRUN pip install requests\nCMD ["python", "app.py"]\n',
      errors: [{ line: 2, column: 5, messageId: 'virtualEnvOnly', data: { venv: '/opt/venv', advice: 'put it on PATH for every later instruction with ENV PATH="/opt/venv/bin:$PATH"' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN python -m venv $VIRTUAL_ENV\nRUN pip install requests\nCMD ["python", "app.py"]\n',
      fixSilences: true,
    },
    {
      name: 'legacy `ENV KEY value` gets a second ENV line',
      code: 'FROM python:3.12\nENV VIRTUAL_ENV /venv\nRUN pip install x\n',
      errors: [{ line: 2, column: 5, messageId: 'virtualEnvOnly', data: { venv: '/venv' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nENV VIRTUAL_ENV /venv\nENV PATH="/venv/bin:$PATH"\nRUN pip install x\n',
      fixSilences: true,
    },
  ],
});

const wf = (env: string, ...steps: string[]) => `on: push\n${env}jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

testRule(rule, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: [
    { name: '$GITHUB_PATH written as well', code: wf('env:\n  VIRTUAL_ENV: ${{ github.workspace }}/.venv\n', 'run: python -m venv .venv && echo "$VIRTUAL_ENV/bin" >> "$GITHUB_PATH"', 'run: pip install .') },
    // uv reads VIRTUAL_ENV itself (uv pip; uv sync and uv run with --active): issue 15.
    { name: 'VIRTUAL_ENV for uv', code: wf('env:\n  VIRTUAL_ENV: /opt/venv\n', 'run: uv venv /opt/venv', 'run: uv pip install -r requirements.txt', 'run: uv sync --active && uv run --active pytest') },
  ],
  invalid: [
    {
      name: 'env: at workflow level, advice only',
      code: wf('env:\n  VIRTUAL_ENV: ${{ github.workspace }}/.venv\n', 'run: python -m venv .venv', 'run: pip install .'),
      errors: [
        {
          line: 3,
          column: 3,
          messageId: 'virtualEnvOnly',
          data: { venv: '.venv', advice: 'write the venv\'s bin to $GITHUB_PATH (echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH") so that later steps find it' },
        },
      ],
      output: null,
      unsafeOutput: null,
    },
  ],
});

const GITLAB = 'variables:\n  VIRTUAL_ENV: $CI_PROJECT_DIR/.venv\ntest:\n  image: python:3.12\n  script:\n    - python -m venv .venv\n    - pip install -r requirements.txt\n';

testRule(rule, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab',
  valid: [
    { name: 'variables: VIRTUAL_ENV, and the job activates the venv', code: GITLAB.replace('    - pip install', '    - source .venv/bin/activate\n    - pip install') },
    { name: 'variables: VIRTUAL_ENV for uv pip install', code: GITLAB.replace('python -m venv .venv', 'uv venv .venv').replace('pip install', 'uv pip install') },
    { name: 'export VIRTUAL_ENV in the script for uv', code: 'test:\n  image: python:3.12\n  script:\n    - uv venv /opt/v\n    - export VIRTUAL_ENV=/opt/v\n    - uv pip install -r requirements.txt\n' },
  ],
  invalid: [
    {
      name: 'variables: VIRTUAL_ENV without PATH, in a job that creates the venv',
      code: GITLAB,
      errors: [{ line: 2, column: 3, messageId: 'virtualEnvOnly', data: { venv: '.venv' } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

test('virtual-env-without-path: what the rule claims, measured: VIRTUAL_ENV does not change which python runs', (t) => {
  const dir = tempDir();
  const made = spawnSync('python3', ['-m', 'venv', '--without-pip', path.join(dir, 'v')], { encoding: 'utf8' });
  if (made.status !== 0) return t.skip('python3 -m venv is not available');
  const r = spawnSync('sh', ['-c', 'python3 -c "import sys; print(sys.prefix)"'], { encoding: 'utf8', env: { ...process.env, VIRTUAL_ENV: path.join(dir, 'v') } });
  assert.equal(r.status, 0);
  assert.notEqual(r.stdout.trim(), path.join(dir, 'v'));
});
