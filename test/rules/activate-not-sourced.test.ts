/** VG204 activate-not-sourced: `activate` run as a program or as a shell's script operand. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { activateNotSourced } from '../../src/rules/activate-not-sourced.js';
import { applyEdits, assertSilent, lint } from '../dockerfile-lint.js';
import { lint as lintActions } from '../actions-lint.js';
import { tempDir } from '../helpers.js';

const rule = activateNotSourced;

const valid: [string, string][] = [
  ['sourced with .', 'FROM python:3.12\nRUN python -m venv /v\nRUN . /v/bin/activate && pip install x\n'],
  ['sourced with source in bash', 'FROM python:3.12\nSHELL ["/bin/bash", "-c"]\nRUN python -m venv /v\nRUN source /v/bin/activate && pip install x\n'],
  ['bash -c running a script that sources it', 'FROM python:3.12\nRUN bash -c ". /v/bin/activate && pytest"\n'],
  ['another script named activate-ish', 'FROM x\nRUN ./bin/activate-license && sh scripts/activate.sh\n'],
  ['chmod on the script is not running it', 'FROM x\nRUN chmod +x /v/bin/activate\n'],
];
for (const [name, code] of valid) test(`activate-not-sourced valid: ${name}`, () => assertSilent(rule, code));

test('activate-not-sourced invalid: bash venv/bin/activate; the fix sources it', async () => {
  const code = 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN bash /opt/venv/bin/activate && pip install requests\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 5]]);
  assert.equal(found[0].message, '"bash /opt/venv/bin/activate" runs it in a new shell that exits at once, so PATH and VIRTUAL_ENV of this shell do not change; source it: ". /opt/venv/bin/activate"');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install requests\n');
  await assertSilent(rule, fixed);
});

test('activate-not-sourced invalid: executed directly, in a workflow step', async () => {
  const code = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          python -m venv venv\n          ./venv/bin/activate\n          pytest\n';
  const found = await lintActions(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[8, 11]]);
  assert.match(found[0].message, /^"\.\/venv\/bin\/activate" runs it as a program \(and venv installs it without an execute bit: "Permission denied", status 126\)/);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('          ./venv/bin/activate', '          . ./venv/bin/activate'));
});

test('activate-not-sourced invalid: exec form gets no fix (no shell to source into)', async () => {
  const found = await lint(rule, 'FROM python:3.12\nRUN python -m venv /v\nRUN ["/v/bin/activate"]\n');
  assert.equal(found.length, 1);
  assert.equal(found[0].edits, undefined);
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
