/**
 * The CLI's own output when it cannot be written (issue 16, point 6), with real pipes and a real
 * full device: a reader that goes away (`| head -1`, `| true`) ends the run quietly with the exit
 * code the findings deserve; a write error (`> /dev/full`) is one line on stderr and exit 2.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CLI, tempDir } from './helpers.js';

let root = '';
/** A worker module with 3,000 launches of pip by name: ~1.5 MB of text report, far past a pipe's buffer. */
let noisy = '';
/** A tree with nothing to report. */
let clean = '';

before(() => {
  root = tempDir('venvguard-output-');
  noisy = path.join(root, 'noisy');
  clean = path.join(root, 'clean');
  fs.mkdirSync(noisy);
  fs.mkdirSync(clean);
  const lines = ['import subprocess', '', '', 'def install_all():'];
  for (let i = 0; i < 3000; i++) lines.push(`    subprocess.run(["pip", "install", "plugin-${i}"], check=True)`);
  fs.writeFileSync(path.join(noisy, 'plugins.py'), lines.join('\n') + '\n');
  fs.writeFileSync(path.join(clean, 'app.py'), 'import subprocess\nimport sys\n\nsubprocess.run([sys.executable, "-m", "pip", "list"])\n');
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs the CLI with its stdout piped into `reader` (a shell command); returns the CLI's own exit code and stderr. */
function piped(args: string[], reader: string): { code: number; stderr: string; read: string } {
  const err = path.join(root, 'stderr');
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${quoted} 2>'${err}' | ${reader}; exit "\${PIPESTATUS[0]}"`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: r.status ?? -1, stderr: fs.readFileSync(err, 'utf8'), read: r.stdout };
}

test('EPIPE: `check | head -1` on a large report prints the first line, nothing on stderr, and exits 1 for the findings', () => {
  const r = piped(['check', noisy], 'head -1');
  assert.match(r.read, /^.*plugins\.py:5:21: VG102 /);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 1);
  // Every format, and --diff, the same way.
  for (const args of [['--format', 'json'], ['--format', 'sarif'], ['--format', 'github'], ['--diff', '--unsafe-fixes']]) {
    const f = piped(['check', ...args, noisy], 'head -c 100 >/dev/null');
    assert.equal(f.code, 1, `${args.join(' ')}: ${f.stderr}`);
    // --diff says on stderr how many fixes it would apply; nothing else may appear.
    assert.equal(f.stderr.replace(/^\d+ fix\(es\) would be applied to \d+ file\(s\)\n$/, ''), '', args.join(' '));
  }
});

test('EPIPE: a reader that exits at once leaves exit code 0 for a clean tree and 1 for findings, never a stack trace', () => {
  const c = piped(['check', clean], 'true');
  assert.deepEqual([c.code, c.stderr], [0, '']);
  const n = piped(['check', noisy], 'true');
  assert.deepEqual([n.code, n.stderr], [1, '']);
  const rules = piped(['rules'], 'true');
  assert.deepEqual([rules.code, rules.stderr], [0, '']);
});

test('a write error (ENOSPC on /dev/full) is one line on stderr and exit 2, whatever the findings', (t) => {
  if (!fs.existsSync('/dev/full')) return t.skip('no /dev/full on this system');
  for (const [dir, args] of [[clean, []], [noisy, []], [noisy, ['--format', 'json']], [clean, ['--format', 'sarif']]] as const) {
    const full = fs.openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [CLI, 'check', ...args, dir], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
    fs.closeSync(full);
    assert.equal(r.status, 2, `${dir} ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, 'venvguard: error: cannot write the output to stdout: ENOSPC: no space left on device\n');
  }
  // stderr full as well: nothing can be said, and the exit code is still 2.
  const full = fs.openSync('/dev/full', 'w');
  const r = spawnSync(process.execPath, [CLI, 'check', clean], { stdio: ['ignore', full, full] });
  fs.closeSync(full);
  assert.equal(r.status, 2);
});
