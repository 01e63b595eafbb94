/** VG204 activate-not-sourced: `activate` run as a program or as a shell's script operand. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { activateNotSourced } from '../../src/rules/activate-not-sourced.js';
import { tempDir } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const rule = activateNotSourced;

testRule(rule, {
  filename: 'Dockerfile',
  valid: [
    { name: 'sourced with .', code: 'FROM python:3.12\nRUN python -m venv /v\nRUN . /v/bin/activate && pip install x\n' },
    { name: 'sourced with source in bash', code: 'FROM python:3.12\nSHELL ["/bin/bash", "-c"]\nRUN python -m venv /v\nRUN source /v/bin/activate && pip install x\n' },
    { name: 'bash -c running a script that sources it', code: 'FROM python:3.12\nRUN bash -c ". /v/bin/activate && pytest"\n' },
    { name: 'another script named activate-ish', code: 'FROM x\nRUN ./bin/activate-license && sh scripts/activate.sh\n' },
    { name: 'chmod on the script is not running it', code: 'FROM x\nRUN chmod +x /v/bin/activate\n' },
    // richie's site factory: its own `bin/activate` program (a bash script its README runs as `$ bin/activate`).
    { name: "the project's own bin/activate, run from a folder that is no venv", code: 'FROM python:3.12\nWORKDIR /app\nRUN bin/activate && ./bin/activate --site demo\n' },
  ],
  invalid: [
    {
      name: 'bash venv/bin/activate; the fix sources it',
      code: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN bash /opt/venv/bin/activate && pip install requests\n',
      errors: [{ line: 3, column: 5, messageId: 'runByShell', data: { shell: 'bash', script: '/opt/venv/bin/activate' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install requests\n',
      fixSilences: true,
    },
    {
      name: 'bin/activate run from inside a venv the file made',
      code: 'FROM python:3.12\nRUN python -m venv /v\nWORKDIR /v\nRUN ./bin/activate && pip install x\n',
      errors: [{ line: 4, messageId: 'runAsProgram', data: { script: './bin/activate' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python -m venv /v\nWORKDIR /v\nRUN . ./bin/activate && pip install x\n',
      fixSilences: true,
    },
    {
      name: 'exec form gets no fix (no shell to source into)',
      code: 'FROM python:3.12\nRUN python -m venv /v\nRUN ["/v/bin/activate"]\n',
      errors: [{ line: 3, messageId: 'runAsProgram', data: { script: '/v/bin/activate' } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

testRule(rule, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: [],
  invalid: [
    {
      name: 'executed directly, in a workflow step',
      code: 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          python -m venv venv\n          ./venv/bin/activate\n          pytest\n',
      errors: [{ line: 8, column: 11, messageId: 'runAsProgram', data: { script: './venv/bin/activate' } }],
      output: null,
      unsafeOutput: 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          python -m venv venv\n          . ./venv/bin/activate\n          pytest\n',
    },
  ],
});

test('activate-not-sourced: what the rule claims, measured with a real venv', (t) => {
  const py = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
  if (py.status !== 0) return t.skip('no python3 on PATH');
  const dir = tempDir();
  const made = spawnSync('python3', ['-m', 'venv', '--without-pip', path.join(dir, 'v')], { encoding: 'utf8' });
  if (made.status !== 0) return t.skip(`python3 -m venv failed: ${made.stderr}`);
  assert.equal(fs.statSync(path.join(dir, 'v/bin/activate')).mode & 0o111, 0, 'activate has no execute bit');
  const direct = spawnSync('sh', ['-c', './v/bin/activate'], { cwd: dir, encoding: 'utf8' });
  assert.equal(direct.status, 126);
  const child = spawnSync('sh', ['-c', 'bash v/bin/activate; echo "VIRTUAL_ENV=${VIRTUAL_ENV:-unset}"'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  assert.equal(child.stdout.trim(), 'VIRTUAL_ENV=unset');
});
