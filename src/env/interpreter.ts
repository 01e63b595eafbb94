/**
 * The seed's fix for Node programs that drive Python (node-gyp, python-shell and their kin start
 * `python` by name, so PATH decides): find the venv's interpreter on purpose, and start it by its
 * absolute path with the environment activation would give, so that every child the Python program
 * starts by name stays in the venv too. The choice is the one `venvguard doctor` makes
 * (`selectTarget`): an explicit path, then `VIRTUAL_ENV`, then `.venv`/`venv` (with `pyvenv.cfg`)
 * in the folder or above, then PATH — never silently: the reason is part of the answer.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { selectTarget, type TargetChoice } from './doctor.js';

export interface ResolvedInterpreter {
  /** Absolute path of the interpreter to start. */
  executable: string;
  /** The venv it belongs to, if any. */
  venv?: string;
  /** What decided: the `python` option, `VIRTUAL_ENV`, a `.venv`/`venv` folder found, or PATH. */
  source: 'explicit' | 'VIRTUAL_ENV' | 'found' | 'PATH';
  /** Why, in a sentence (with what was tried and not taken). */
  reason: string;
}

export interface ResolveOptions {
  /** Where to look for `.venv`/`venv` (this folder, then its parents); default: the current folder. */
  cwd?: string;
  /** An interpreter or a venv folder to use; wins over everything else. */
  python?: string;
  /** The environment to read `VIRTUAL_ENV` and `PATH` from; default: `process.env`. */
  env?: Record<string, string | undefined>;
}

/** No interpreter could be chosen; `message` says what was tried. */
export class InterpreterNotFound extends Error {}

const SOURCES: Record<Exclude<TargetChoice['how'], 'none'>, ResolvedInterpreter['source']> = { option: 'explicit', VIRTUAL_ENV: 'VIRTUAL_ENV', folder: 'found', PATH: 'PATH' };

export function resolveInterpreter(opts: ResolveOptions = {}): ResolvedInterpreter {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const t = selectTarget({ python: opts.python, cwd, env: opts.env ?? process.env });
  if (t.how === 'none' || !t.python) throw new InterpreterNotFound(t.why);
  return { executable: path.resolve(cwd, t.python), venv: t.venv, source: SOURCES[t.how], reason: t.why };
}

/**
 * The environment `source VENV/bin/activate` would give: `VIRTUAL_ENV` set, the venv's `bin` first
 * on PATH (once), `PYTHONHOME` removed (activation unsets it: it would override the venv's prefix).
 */
export function activatedEnv(venv: string, env: Record<string, string | undefined> = process.env): Record<string, string> {
  const bin = path.join(path.resolve(venv), process.platform === 'win32' ? 'Scripts' : 'bin');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== 'PYTHONHOME') out[k] = v;
  const rest = (env.PATH ?? '').split(path.delimiter).filter((p) => p && path.resolve(p) !== bin);
  out.PATH = [bin, ...rest].join(path.delimiter);
  out.VIRTUAL_ENV = path.resolve(venv);
  return out;
}

export interface SpawnPythonOptions extends Omit<SpawnOptions, 'env' | 'cwd'>, ResolveOptions {
  /** The venv to use (a folder with pyvenv.cfg, or an interpreter inside one); same as `python`. */
  venv?: string;
  /** Start a Python that is in no venv (found on PATH) instead of failing. Default: false. */
  allowOutsideVenv?: boolean;
}

/**
 * Start Python in its venv: the interpreter by absolute path, with the activated environment.
 * Throws `InterpreterNotFound` when no venv can be chosen (unless `allowOutsideVenv`), with the
 * reason. The chosen interpreter is on the returned process as `interpreter`.
 */
export function spawnPython(args: readonly string[], opts: SpawnPythonOptions = {}): ChildProcess & { interpreter: ResolvedInterpreter } {
  const { venv, allowOutsideVenv, python, env, ...spawnOpts } = opts;
  const chosen = resolveInterpreter({ cwd: opts.cwd, python: venv ?? python, env });
  if (!chosen.venv && !allowOutsideVenv) throw new InterpreterNotFound(`no venv to start Python in: ${chosen.reason} (pass venv, or allowOutsideVenv to use it anyway)`);
  const childEnv = chosen.venv ? activatedEnv(chosen.venv, env ?? process.env) : { ...(env ?? process.env) };
  const child = spawn(chosen.executable, [...args], { ...spawnOpts, cwd: opts.cwd, env: childEnv }) as ChildProcess & { interpreter: ResolvedInterpreter };
  child.interpreter = chosen;
  return child;
}
