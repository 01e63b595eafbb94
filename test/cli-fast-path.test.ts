/**
 * The entry point's fast path (src/cli/entry.ts, fast-path.ts): `doctor` and `--version` run without
 * commander and the check pipeline, and print, exit and fail exactly as the commander program does
 * for the same command line; everything else reaches the program.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { fastCommand } from '../src/cli/fast-path.js';
import { CLI, python3, repoRoot, tempDir } from './helpers.js';

const PROGRAM = path.join(repoRoot, 'dist/cli/program.js');
const root = tempDir('venvguard-fast-path-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('fastCommand: --version alone and doctor with well-formed options; anything else is left to commander', () => {
  const doctor = (o: object) => ({ command: 'doctor', static: false, format: 'text', ...o });
  const cases: [string[], object | undefined][] = [
    [['--version'], { command: 'version' }],
    [['-V'], { command: 'version' }],
    [['doctor'], doctor({})],
    [['doctor', '--python', 'v', '--static'], doctor({ python: 'v', static: true })],
    [['doctor', '--python=a b', '--format=json'], doctor({ python: 'a b', format: 'json' })],
    [['doctor', '--format', 'json', '--format', 'text', '--python', 'a', '--python', 'b'], doctor({ python: 'b' })],
    // Help, usage errors and values commander might read otherwise: the program decides.
    [['--version', 'doctor'], undefined],
    [['--help'], undefined],
    [['doctor', '--help'], undefined],
    [['doctor', '-h'], undefined],
    [['doctor', '--python'], undefined],
    [['doctor', '--python', '--static'], undefined],
    [['doctor', '--python', '-x'], undefined],
    [['doctor', '--python='], undefined],
    [['doctor', '--format', 'yaml'], undefined],
    [['doctor', '--static=1'], undefined],
    [['doctor', 'extra'], undefined],
    [['doctor', '--', '--static'], undefined],
    [['doctor', '--pyth', 'v'], undefined],
    [['check', '.'], undefined],
    [[], undefined],
  ];
  for (const [args, want] of cases) assert.deepEqual(fastCommand(args), want, args.join(' '));
});

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/', ...env } });
  // Timings differ from run to run: the text summary's "(N ms, probe N ms)" and the JSON's durations.
  const timeless = (s: string) => s.replace(/\(\d+ ms(, probe \d+ ms)?\)/g, '(ms)').replace(/"(durationMs|probeMs)": [\d.]+/g, '"$1": 0');
  return { code: r.status, stdout: timeless(r.stdout), stderr: r.stderr };
}

/**
 * The scripts and modules a run loads: NODE_DEBUG's (CommonJS and ES modules), and a line for each
 * file read through fs.readFileSync, which is how the entry reads the scripts it compiles with
 * their code caches (code-cache.ts: program.js holds commander and the check pipeline).
 */
function loads(args: string[]): string {
  const preload = path.join(root, 'reads.cjs');
  fs.writeFileSync(preload, `const fs = require('fs'); const read = fs.readFileSync;\nfs.readFileSync = function (p, ...a) { if (typeof p === 'string') process.stderr.write('READ ' + p + '\\n'); return read.call(this, p, ...a); };\n`);
  return spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd: root, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/', NODE_DEBUG: 'module,esm' } }).stderr;
}

test('doctor and --version through the entry: what the commander program prints, without loading it or commander', (t) => {
  const py = python3();
  if (!py) return t.skip('no Python 3 found (pyenv or python3 on PATH): no venv to inspect');
  const venv = path.join(root, 'venv');
  assert.equal(spawnSync(py, ['-m', 'venv', '--without-pip', venv]).status, 0);
  const broken = path.join(root, 'broken');
  fs.mkdirSync(path.join(broken, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(broken, 'pyvenv.cfg'), `home = ${path.join(root, 'gone', 'bin')}\nversion = 3.12.1\n`);
  const cases = [
    ['--version'],
    ['-V'],
    ['doctor', '--python', venv],
    ['doctor', `--python=${venv}`, '--format', 'json'],
    ['doctor', '--static', '--python', venv, '--format=json', '--format', 'text'],
    ['doctor', '--python', broken], // error findings: exit 1
    ['doctor', '--python', path.join(root, 'nothing-here')],
    ['doctor'], // nothing in root and PATH=/usr/bin:/bin: whatever python3 is there, or DR018
  ];
  for (const args of cases) {
    assert.ok(fastCommand(args), `${args.join(' ')} should take the fast path`);
    const fast = run(CLI, args);
    const program = run(PROGRAM, args);
    assert.deepEqual(fast, program, args.join(' '));
    assert.ok(fast.stdout.length > 0 && (fast.code === 0 || fast.code === 1), `${args.join(' ')}: ${JSON.stringify(fast)}`);
  }
  const fastLoads = loads(['doctor', '--python', venv]);
  assert.match(fastLoads, /main\.js/, 'NODE_DEBUG reports the modules loaded');
  assert.match(fastLoads, /^READ .*fast\.js$/m, 'the preload reports the scripts read');
  assert.doesNotMatch(fastLoads, /commander|program\.js/);
  assert.doesNotMatch(loads(['--version']), /commander|program\.js/);
});

test('every other command line reaches the commander program: help, usage errors, other commands', () => {
  for (const args of [['doctor', '--help'], ['doctor', '--format', 'yaml'], ['doctor', '--python'], ['doctor', 'extra'], ['--help'], ['rules'], []]) {
    const fast = run(CLI, args);
    assert.deepEqual(fast, run(PROGRAM, args), args.join(' '));
    assert.match(loads(args), /^READ .*program\.js$/m, args.join(' '));
  }
  assert.match(run(CLI, ['doctor', '--format', 'yaml']).stderr, /^venvguard: error: option '--format <format>' argument 'yaml' is invalid\./);
});

test("the entry's code cache: this Node takes the build's; a stale or missing one only means compiling", async () => {
  const { requireCached } = await import('../src/cli/code-cache.js');
  const { createRequire } = await import('node:module');
  const { compileCached } = await import('../src/cli/code-cache.js');
  // The program's cache too (compiled only: running it would run the command line of this test).
  assert.equal(compileCached(PROGRAM).cacheRejected, false, 'V8 rejected dist/cli/program.js.cache: the build wrote it for another source, Node or V8 flags');
  const built = path.join(repoRoot, 'dist/cli/fast.js');
  const taken = requireCached(built, createRequire(built));
  assert.equal(taken.cacheRejected, false, 'V8 rejected dist/cli/fast.js.cache: the build wrote it for another source or Node');
  assert.equal(typeof (taken.exports as { startFast?: unknown }).startFast, 'function');
  // A copy whose cache belongs to another script (the build's cache of a one-line change), then none.
  const dir = path.join(root, 'stale');
  fs.mkdirSync(dir);
  const copy = path.join(dir, 'fast.js');
  fs.writeFileSync(copy, fs.readFileSync(built, 'utf8').replace('"use strict";', '"use strict"; void 0;'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
  fs.copyFileSync(`${built}.cache`, `${copy}.cache`);
  const stale = requireCached(copy, createRequire(copy));
  assert.equal(stale.cacheRejected, true);
  assert.equal(typeof (stale.exports as { startFast?: unknown }).startFast, 'function');
  fs.rmSync(`${copy}.cache`);
  const none = requireCached(copy, createRequire(copy));
  assert.equal(none.cacheRejected, undefined);
  assert.equal(typeof (none.exports as { startFast?: unknown }).startFast, 'function');
});
