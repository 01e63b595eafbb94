/**
 * The CPython 3 interpreters on this machine, and real venvs made with them: what `venvguard lab`
 * builds its temporary environments from. Discovery never uses a fixed path: `python3` found on
 * PATH (past pyenv shims, so the system's own), then every `pyenv root`/versions/3.*.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Interpreter {
  /** The path it was given or found by. */
  path: string;
  /** `3.11.2` */
  version: string;
}

/** Not a Python interpreter, or one that cannot make a venv: `message` says which and why. */
export class InterpreterError extends Error {}

/** Ask an interpreter its version; `InterpreterError` when it is not a Python 3 we can run. */
export function interpreterVersion(exe: string): string {
  if (!fs.existsSync(exe)) throw new InterpreterError(`${exe}: no such file`);
  const st = fs.statSync(exe);
  if (!st.isFile()) throw new InterpreterError(`${exe}: not a file`);
  const r = spawnSync(exe, ['-I', '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3], sys.implementation.name)'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error) throw new InterpreterError(`${exe}: cannot be run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
  const m = /^(\d+\.\d+\.\d+) (\w+)\s*$/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new InterpreterError(`${exe}: not a Python interpreter (\`${exe} -c "import sys"\` ${r.status === 0 ? 'printed something else' : `exited ${r.status}`})`);
  if (!m[1].startsWith('3.')) throw new InterpreterError(`${exe}: Python ${m[1]} has no venv module (Python 3 is needed)`);
  return m[1];
}

const minor = (v: string) => v.split('.').slice(0, 2).join('.');

/**
 * Up to `max` interpreters of distinct major.minor versions: the system's python3 first (what a
 * service finds), then pyenv's versions, newest first.
 */
export function discoverInterpreters(max = 3, env: NodeJS.ProcessEnv = process.env): Interpreter[] {
  const candidates: string[] = [];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || /[\\/]shims$/.test(dir)) continue; // a pyenv shim picks another interpreter by its own rules
    const p = path.join(dir, 'python3');
    if (fs.existsSync(p)) {
      candidates.push(p);
      break;
    }
  }
  const r = spawnSync('pyenv', ['root'], { encoding: 'utf8', env });
  if (r.status === 0 && r.stdout.trim()) {
    const versions = path.join(r.stdout.trim(), 'versions');
    const names = fs.existsSync(versions) ? fs.readdirSync(versions) : [];
    names
      .filter((v) => /^3\.\d+\.\d+$/.test(v))
      .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
      .forEach((v) => candidates.push(path.join(versions, v, 'bin', 'python3')));
  }
  const out: Interpreter[] = [];
  for (const c of candidates) {
    if (out.length >= max) break;
    let version: string;
    try {
      version = interpreterVersion(c);
    } catch {
      continue;
    }
    if (Number(version.split('.')[1]) < 8) continue; // older than any supported CPython: not worth a venv
    if (!out.some((o) => minor(o.version) === minor(version))) out.push({ path: c, version });
  }
  return out;
}

/**
 * `python -m venv DIR` for real (with pip, as users make them). On failure the folder is removed
 * and `InterpreterError` says why, with the interpreter's own last line (Debian without
 * python3-venv, a build without ensurepip).
 */
export async function makeVenv(python: string, dir: string, env: NodeJS.ProcessEnv = process.env, started?: (child: ChildProcess) => void): Promise<void> {
  const child = spawn(python, ['-m', 'venv', dir], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  started?.(child);
  let said = '';
  child.stdout.on('data', (d: Buffer) => (said += d.toString()));
  child.stderr.on('data', (d: Buffer) => (said += d.toString()));
  const end = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code }));
  });
  if (end.code === 0 && fs.existsSync(path.join(dir, 'bin', 'python'))) return;
  fs.rmSync(dir, { recursive: true, force: true });
  const lines = said.split('\n').map((l) => l.trim()).filter(Boolean);
  const ensurepip = lines.some((l) => /ensurepip/.test(l));
  const last = lines.filter((l) => !/^(Traceback|File |\^)/.test(l)).pop() ?? (end.error ? end.error.message : `exit ${end.code}`);
  throw new InterpreterError(`${python} cannot create a venv${ensurepip ? ' (its ensurepip is missing or failed: on Debian, install python3-venv)' : ''}: ${last}`);
}
