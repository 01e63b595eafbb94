/** `--baseline` / `--update-baseline`: record today's findings, report only new ones later. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { check } from '../src/api.js';
import { runCli, tempDir } from './helpers.js';

const APP = 'import os\nimport subprocess\n\nos.system("python report.py")\nsubprocess.run(["pip", "download", "x"])\n';

function project(): string {
  const dir = tempDir('venvguard-baseline-');
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src/app.py'), APP);
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN pip install flask\n');
  return dir;
}

test('a recorded baseline hides its findings, survives lines inserted above them, and a new escape is reported', () => {
  const dir = project();
  const rec = runCli(['check', '--no-config', '--baseline', 'vg-baseline.json', '--update-baseline'], { cwd: dir });
  assert.equal(rec.code, 0, rec.stdout + rec.stderr);
  assert.match(rec.stdout, /^Recorded 3 problems in the baseline vg-baseline\.json\.$/m);
  const saved = JSON.parse(fs.readFileSync(path.join(dir, 'vg-baseline.json'), 'utf8'));
  assert.equal(saved.tool, 'venvguard');
  assert.deepEqual(saved.findings.map((f: { path: string; line: number; code: string }) => `${f.path}:${f.line}:${f.code}`), ['Dockerfile:3:VG201', 'src/app.py:4:VG101', 'src/app.py:5:VG102']);

  const same = runCli(['check', '--no-config', '--baseline', 'vg-baseline.json'], { cwd: dir });
  assert.equal(same.code, 0, same.stdout);
  assert.match(same.stdout, /^3 problems recorded in the baseline vg-baseline\.json not shown\.$/m);
  assert.match(same.stdout, /All checks passed!/);

  // Lines moved (a docstring and a function above), a new escape below: only the new one shows.
  fs.writeFileSync(path.join(dir, 'src/app.py'), `"""Reports."""\n\n\ndef helper():\n    return 1\n\n${APP}os.system("pytest -q")\n`);
  const moved = runCli(['check', '--no-config', '--baseline', 'vg-baseline.json'], { cwd: dir });
  assert.equal(moved.code, 1, moved.stdout);
  assert.deepEqual(moved.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: VG/.test(l)).map((l) => l.split(' ')[0] + ' ' + l.split(' ')[1]), ['src/app.py:12:12: VG103']);

  // From another folder, naming the baseline by another path: the same findings are recognised.
  const fromSrc = runCli(['check', '--no-config', '--baseline', '../vg-baseline.json', 'app.py'], { cwd: path.join(dir, 'src') });
  assert.deepEqual(fromSrc.stdout.split('\n').filter((l) => /: VG\d+ /.test(l)).map((l) => l.split(' ')[0]), ['app.py:12:12:']);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a second identical escape is new even though its line text is recorded', async () => {
  const dir = project();
  await check({ paths: [dir], noConfig: true, baseline: path.join(dir, 'b.json'), updateBaseline: true });
  fs.appendFileSync(path.join(dir, 'src/app.py'), 'os.system("python report.py")\n');
  const r = await check({ paths: [dir], noConfig: true, baseline: path.join(dir, 'b.json') });
  assert.deepEqual(r.diagnostics.map((d) => `${path.basename(d.path)}:${d.start.line}:${d.code}`), ['app.py:6:VG101']);
  assert.equal(r.baseline?.hidden, 3);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('bad baseline input: missing, not JSON, not ours, with --fix, --update-baseline alone', () => {
  const dir = project();
  const err = (args: string[]) => {
    const r = runCli(['check', '--no-config', ...args], { cwd: dir });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    return r.stderr;
  };
  assert.equal(err(['--baseline', 'none.json']), 'venvguard: error: ' + path.join(dir, 'none.json') + ': no such baseline (record one with `venvguard check --baseline ' + path.join(dir, 'none.json') + ' --update-baseline`)\n');
  fs.writeFileSync(path.join(dir, 'bad.json'), '{"tool": ');
  assert.match(err(['--baseline', 'bad.json']), /bad\.json: the baseline is not valid JSON/);
  fs.writeFileSync(path.join(dir, 'other.json'), '{"version": 1, "results": []}');
  assert.match(err(['--baseline', 'other.json']), /other\.json: not a venvguard baseline/);
  assert.match(err(['--update-baseline']), /--update-baseline needs --baseline FILE/);
  assert.match(err(['--baseline', 'other.json', '--fix']), /--baseline does not combine with --fix/);
  fs.rmSync(dir, { recursive: true, force: true });
});
