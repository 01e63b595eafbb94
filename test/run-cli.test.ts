/**
 * `venvguard run` end to end: the built CLI runs real programs in real venvs under the tracer.
 * The founding story (a worker started by its venv path under cron's PATH, `os.system("python
 * analyze.py")` beside a safe sys.executable spawn), a shell script that runs another python,
 * the exit codes, the report files, the Node API, and bad input.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { trace } from '../src/api.js';
import { CLI, python3, tempDir } from './helpers.js';
import { assertValidSarif } from './sarif-schema.js';

const base = python3();
const skip = base ? false : 'no python3 to make a venv with';
const root = fs.realpathSync(tempDir('venvguard-run-cli-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const CRON_PATH = '/usr/bin:/bin';
const srv = path.join(root, 'srv', 'app');
const venv = path.join(srv, 'venv');
const other = path.join(root, 'other-bin'); // a PATH entry with an interpreter that is not the venv's

const WORKER = `import os
import subprocess
import sys


def analyze():
    subprocess.run([sys.executable, "-c", "print('safe child')"], check=True)
    os.system("python analyze.py")
    print("worker done")


if __name__ == "__main__":
    analyze()
`;
const ESCAPE_LINE = WORKER.split('\n').indexOf('    os.system("python analyze.py")') + 1;

if (base) {
  fs.mkdirSync(srv, { recursive: true });
  execFileSync(base, ['-m', 'venv', '--without-pip', venv]);
  fs.writeFileSync(path.join(srv, 'worker.py'), WORKER);
  fs.writeFileSync(path.join(srv, 'analyze.py'), 'print("analyzed")\n');
  // A console script of the venv, as pip writes them: the worker is started by this path.
  fs.writeFileSync(path.join(venv, 'bin', 'app-worker'), `#!${path.join(venv, 'bin', 'python')}\nimport runpy, sys\nsys.path.insert(0, ${JSON.stringify(srv)})\nrunpy.run_path(${JSON.stringify(path.join(srv, 'worker.py'))}, run_name="__main__")\n`, { mode: 0o755 });
  fs.mkdirSync(other);
  fs.symlinkSync(base, path.join(other, 'python3'));
  fs.writeFileSync(path.join(srv, 'ci.sh'), 'echo "ci starts"\npython3 -c "import requests_or_not" 2>/dev/null\npython3 analyze.py\n');
}

function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, 'run', ...args], { cwd: opts.cwd ?? srv, encoding: 'utf8', input: opts.input ?? '', env: { HOME: process.env.HOME ?? '/', PATH: CRON_PATH, ...opts.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `python` is on cron's PATH on this machine: nothing on most, a system interpreter on some. */
function cronPython(): string | null {
  for (const d of CRON_PATH.split(':')) {
    const f = path.join(d, 'python');
    try {
      fs.accessSync(f, fs.constants.X_OK);
      if (fs.statSync(f).isFile()) return f;
    } catch {
      /* next */
    }
  }
  return null;
}

test('the founding story: a worker started by its venv path under cron\'s PATH; os.system("python …") is reported at that line, the sys.executable spawn is not', { skip }, () => {
  const out = path.join(root, 'story.json');
  const r = run(['--format', 'json', '--output', out, '--', path.join(venv, 'bin', 'app-worker')]);
  assert.equal(r.code, 1, r.stderr);
  // The program's own output passes through on stdout, untouched; the report is on stderr.
  assert.match(r.stdout, /safe child\n/);
  assert.match(r.stdout, /worker done\n$/);
  assert.doesNotMatch(r.stdout, /VG101|venvguard/);
  const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { expectedVenv: { venv: string; how: string }; escapes: { code: string; resolved: string | null; path: string; callSite: { file: string; line: number } }[] };
  assert.deepEqual(json.expectedVenv.venv, venv);
  assert.equal(json.expectedVenv.how, 'command');
  assert.equal(json.escapes.length, 1, JSON.stringify(json.escapes));
  const e = json.escapes[0];
  assert.equal(e.code, 'VG101');
  assert.deepEqual([e.callSite.file, e.callSite.line], [path.join(srv, 'worker.py'), ESCAPE_LINE]);
  assert.equal(e.path, CRON_PATH);
  const sys = cronPython();
  assert.equal(e.resolved, sys);
  if (!sys) assert.match(r.stderr, new RegExp(`^VG101 worker\\.py:${ESCAPE_LINE}: os\\.system "python analyze\\.py"\\n  python: not found on PATH=/usr/bin:/bin \\(cron's PATH\\)$`, 'm'));
  assert.match(r.stderr, /^venvguard run: 1 escape from the venv .*; 2 Python processes, 2 spawns seen; the command exited with 0$/m);
});

test('CMD need not be Python: a shell script that runs another python3 is named by its parent command line', { skip }, () => {
  const r = run(['--venv', 'venv', '--', 'bash', 'ci.sh'], { env: { PATH: `${other}:${CRON_PATH}` } });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^ci starts\nanalyzed\n$/);
  const escapes = r.stderr.split('\n').filter((l) => /^VG1\d\d /.test(l));
  // The stdlib-free -c line imports a package: it is an escape too; both are named by `bash ci.sh`.
  assert.equal(escapes.length, 2, r.stderr);
  for (const l of escapes) assert.match(l, /^VG101 process \d+ \(started by bash ci\.sh\): /);
  assert.ok(escapes.some((l) => l.endsWith('analyze.py')), r.stderr);
});

test('exit codes: CMD\'s own when it failed, 1 with escapes, 0 without, --no-fail keeps CMD\'s, a signal is 128+N', { skip }, () => {
  const py = path.join(venv, 'bin', 'python');
  const escaping = 'import os, sys; os.system("python analyze.py"); sys.exit(int(sys.argv[1]))';
  assert.equal(run(['--', py, '-c', escaping, '0']).code, 1);
  assert.equal(run(['--', py, '-c', escaping, '5']).code, 5);
  assert.equal(run(['--no-fail', '--', py, '-c', escaping, '0']).code, 0);
  assert.equal(run(['--no-fail', '--', py, '-c', escaping, '7']).code, 7);
  const clean = run(['--', py, '-c', 'import subprocess, sys; subprocess.run([sys.executable, "-c", "pass"])']);
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stderr, /no escapes from the venv/);
  assert.equal(run(['--', py, '-c', 'import os, signal; os.kill(os.getpid(), signal.SIGTERM)']).code, 128 + 15);
});

test('stdin passes through to the command', { skip }, () => {
  const r = run(['--', path.join(venv, 'bin', 'python'), '-c', 'import sys; sys.stdout.write(sys.stdin.read().upper())'], { input: 'piped text\n' });
  assert.equal(r.stdout, 'PIPED TEXT\n');
  assert.equal(r.code, 0);
});

test('--format sarif --output is valid SARIF 2.1.0 with VG101 at the line; --html writes one self-contained page', { skip }, (t) => {
  const sarif = path.join(root, 'run.sarif');
  const html = path.join(root, 'run.html');
  const r = run(['--format', 'sarif', '--output', sarif, '--html', html, '--', path.join(venv, 'bin', 'app-worker')]);
  assert.equal(r.code, 1, r.stderr);
  const log = fs.readFileSync(sarif, 'utf8');
  assertValidSarif(t, log);
  const results = (JSON.parse(log) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0].results;
  assert.deepEqual(results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine]), [['VG101', 'worker.py', ESCAPE_LINE]]);
  const page = fs.readFileSync(html, 'utf8');
  assert.doesNotMatch(page, /<script|<link|\bsrc=|https?:\/\//i);
  assert.match(page, new RegExp(`<li class="callsite"><code>worker\\.py:${ESCAPE_LINE}</code>`));
  assert.equal((page.match(/<span class="node in"/g) ?? []).length, 2);
});

test('the Node API: trace() returns the records and the judged escapes', { skip }, async () => {
  const r = await trace({ command: [path.join(venv, 'bin', 'app-worker')], cwd: srv, env: { PATH: CRON_PATH, HOME: process.env.HOME ?? '/' }, stdio: 'pipe' });
  assert.equal(r.exitCode, 0);
  assert.match(r.stdout!.toString(), /worker done/);
  assert.equal(r.expected.venv, venv);
  assert.equal(r.records.filter((x) => x.type === 'process').length, 2);
  assert.deepEqual(r.judgement.escapes.map((e) => [e.code, e.callSite?.line]), [['VG101', ESCAPE_LINE]]);
});

test('bad input: one line each, documented exit codes', { skip }, () => {
  const noCommand = run([]);
  assert.equal(noCommand.code, 2);
  assert.equal(noCommand.stderr, 'venvguard: error: no command to run: venvguard run [options] -- CMD [ARGS…]\n');
  const missing = run(['--', 'no-such-program-xyz']);
  assert.equal(missing.code, 127);
  assert.equal(missing.stderr, `venvguard: error: no-such-program-xyz: command not found (PATH=${CRON_PATH})\n`);
  assert.equal(run(['--', './analyze.py']).code, 126); // not executable
  assert.equal(run(['--', './nothing-here']).code, 127);
  const notVenv = run(['--venv', root, '--', 'true']);
  assert.equal(notVenv.code, 2);
  assert.match(notVenv.stderr, /^venvguard: error: --venv .*: not a venv \(no pyvenv\.cfg in .*\)\n$/);
  assert.match(run(['--venv', path.join(root, 'nope'), '--', 'true']).stderr, /^venvguard: error: --venv .*: no such folder\n$/);
  const none = run(['--', 'true'], { cwd: root });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^venvguard: error: no venv to judge against: give --venv DIR, .*\n$/);
  assert.match(run(['--format', 'json', '--output', path.join(root, 'no', 'such', 'x.json'), '--', 'true']).stderr, /^venvguard: error: --output .*: the folder .* does not exist\n$/);
  const unknown = run(['--bogus', '--', 'true']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr.split('\n').length, 2, unknown.stderr);
});
