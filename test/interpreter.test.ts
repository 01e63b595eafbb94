/** resolveInterpreter / spawnPython (the Node API's answer to node-gyp-style `python` by name), on real venvs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { activatedEnv, InterpreterNotFound, resolveInterpreter, spawnPython } from '../src/api.js';
import { python3, tempDir } from './helpers.js';

const base = python3();

/** A project folder holding a real `.venv` made by a discovered interpreter. */
function projectWithVenv(): { dir: string; venv: string } {
  const dir = fs.realpathSync(tempDir('venvguard-interp-'));
  const venv = path.join(dir, '.venv');
  const r = spawnSync(base!, ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return { dir, venv };
}

function output(child: ReturnType<typeof spawnPython>): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (b) => (out += b));
  child.stderr?.on('data', (b) => (err += b));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

// The environment a service manager gives: no VIRTUAL_ENV, a PATH without the venv.
const bare = (): Record<string, string | undefined> => ({ ...process.env, VIRTUAL_ENV: undefined });

test('resolveInterpreter: explicit, VIRTUAL_ENV, a .venv found upward, each with its reason', { skip: !base && 'no python3 here' }, () => {
  const { dir, venv } = projectWithVenv();
  const sub = path.join(dir, 'src', 'pkg');
  fs.mkdirSync(sub, { recursive: true });
  const found = resolveInterpreter({ cwd: sub, env: bare() });
  assert.equal(found.source, 'found');
  assert.equal(found.venv, venv);
  assert.equal(path.dirname(found.executable), path.join(venv, 'bin'));
  assert.match(found.reason, /found \.venv in /);

  const other = projectWithVenv();
  const viaEnv = resolveInterpreter({ cwd: sub, env: { ...bare(), VIRTUAL_ENV: other.venv } });
  assert.equal(viaEnv.source, 'VIRTUAL_ENV');
  assert.equal(viaEnv.venv, other.venv);

  const explicit = resolveInterpreter({ cwd: sub, python: other.venv, env: { ...bare(), VIRTUAL_ENV: venv } });
  assert.equal(explicit.source, 'explicit');
  assert.equal(explicit.venv, other.venv);

  // A stale VIRTUAL_ENV is not taken, and the reason says so.
  const stale = resolveInterpreter({ cwd: sub, env: { ...bare(), VIRTUAL_ENV: path.join(dir, 'gone') } });
  assert.equal(stale.source, 'found');
  assert.match(stale.reason, /VIRTUAL_ENV=.*gone is not a venv/);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(other.dir, { recursive: true, force: true });
});

test('resolveInterpreter never guesses PATH silently; nothing at all is an error naming what was tried', { skip: !base && 'no python3 here' }, () => {
  const empty = fs.realpathSync(tempDir('venvguard-interp-none-'));
  const bin = path.join(empty, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(base!, path.join(bin, 'python3'));
  const viaPath = resolveInterpreter({ cwd: empty, env: { PATH: bin } });
  assert.equal(viaPath.source, 'PATH');
  assert.equal(viaPath.venv, undefined);
  assert.match(viaPath.reason, /no venv given, active or found here: python3 on PATH/);
  assert.throws(() => resolveInterpreter({ cwd: empty, env: { PATH: path.join(empty, 'nothing') } }), (e: Error) => e instanceof InterpreterNotFound && /no python3 on PATH/.test(e.message));
  assert.throws(() => spawnPython(['-c', 'pass'], { cwd: empty, env: { PATH: bin } }), (e: Error) => e instanceof InterpreterNotFound && /no venv to start Python in/.test(e.message));
  fs.rmSync(empty, { recursive: true, force: true });
});

test('spawnPython starts the venv interpreter, and a grandchild started by name lands in the venv too', { skip: !base && 'no python3 here' }, async () => {
  const { dir, venv } = projectWithVenv();
  // What a service gives: PATH without the venv. The child runs `python` by name, as real code does.
  const code = 'import subprocess, sys; print(sys.prefix); subprocess.run(["python", "-c", "import sys; print(sys.prefix)"], check=True)';
  const child = spawnPython(['-c', code], { cwd: dir, env: { ...bare(), PATH: '/usr/bin:/bin', PYTHONHOME: '/nonexistent' }, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(child.interpreter.venv, venv);
  const r = await output(child);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(r.out.trim().split('\n'), [venv, venv]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('activatedEnv: VIRTUAL_ENV, the venv bin first and once, PYTHONHOME gone', () => {
  const e = activatedEnv('/srv/app/venv', { PATH: '/srv/app/venv/bin:/usr/bin', PYTHONHOME: '/x', HOME: '/root' });
  assert.deepEqual(e, { PATH: '/srv/app/venv/bin:/usr/bin', VIRTUAL_ENV: '/srv/app/venv', HOME: '/root' });
});
