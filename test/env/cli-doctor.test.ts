/** `venvguard doctor` end to end: exit codes, the JSON shape, and the order of the human view. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { CLI, python3, repoRoot, tempDir } from '../helpers.js';

const root = tempDir('venvguard-doctor-cli-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

function doctor(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'doctor', ...args], { cwd: root, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('doctor: exit 0 and the human view in the order interpreter → prefix → sys.path → PATH', (t) => {
  const py = python3();
  if (!py) return t.skip('no Python 3 found (pyenv or python3 on PATH): no venv to inspect');
  const venv = path.join(root, 'ok');
  assert.equal(spawnSync(py, ['-m', 'venv', '--without-pip', venv]).status, 0);
  const text = doctor(['--python', venv]);
  assert.equal(text.code, 0, text.stdout + text.stderr);
  const at = (s: string) => text.stdout.indexOf(s);
  const order = ['target', 'interpreter', 'prefix', 'sys.path', 'user site', 'PATH'].map((s) => at(`\n${s} `) === -1 ? at(`${s} `) : at(`\n${s} `));
  assert.ok(order.every((n, i) => n >= 0 && (i === 0 || n > order[i - 1])), `${order}\n${text.stdout}`);
  assert.match(text.stdout, /runs the environment's \.pth code/);
  // Only PATH and HOME set, the user site off: one start, and the report says why.
  assert.match(text.stdout, /the probe started the interpreter once \(no PYTHON… variable is set and the user site is off/);
  const json = doctor(['--python', venv, '--format', 'json']);
  const report = JSON.parse(json.stdout) as { interpreter: Record<string, unknown>; findings: { code: string; severity: string; message: string; evidence: string[]; fix: string }[] };
  assert.deepEqual(Object.keys(report), ['interpreter', 'findings']);
  assert.equal(report.interpreter.probe, 'ran');
  for (const f of report.findings) assert.deepEqual(Object.keys(f).sort(), ['code', 'evidence', 'fix', 'message', 'severity']);
  const st = doctor(['--python', venv, '--static']);
  assert.match(st.stdout, /not probed: static pass only/);
});

test('doctor: exit 1 on an error finding, in both formats', () => {
  const fake = path.join(root, 'fake-venv');
  fs.mkdirSync(path.join(fake, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(fake, 'pyvenv.cfg'), `home = ${path.join(root, 'no-such-python', 'bin')}\nversion = 3.12.1\n`);
  fs.symlinkSync(path.join(root, 'no-such-python', 'bin', 'python3.12'), path.join(fake, 'bin', 'python'));
  const text = doctor(['--python', fake]);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /^error {3}DR001 /m);
  assert.match(text.stdout, /fix: .*python3\.12 -m venv --clear /);
  const json = doctor(['--python', fake, '--format', 'json']);
  assert.equal(json.code, 1);
  assert.ok((JSON.parse(json.stdout) as { findings: { code: string }[] }).findings.some((f) => f.code === 'DR002'));
});

test('doctor: every finding code is listed in the README table, and no other', async () => {
  const { FINDING_CODES } = await import('../../src/env/finding.js');
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const listed = [...readme.matchAll(/^\| \[(DR\d{3})\]\(docs\/doctor\/\1\.md\) \|/gm)].map((m) => m[1]);
  assert.deepEqual(listed, Object.keys(FINDING_CODES));
  const sources = fs.readdirSync(path.join(repoRoot, 'src', 'env')).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(repoRoot, 'src', 'env', f), 'utf8')).join('\n');
  const emitted = [...new Set([...sources.matchAll(/code: '(DR\d{3})'/g)].map((m) => m[1]))].sort();
  assert.deepEqual(emitted, Object.keys(FINDING_CODES).sort(), 'a code is emitted but not declared in finding.ts, or declared but never emitted');
});
