/**
 * Which venv `venvguard run` judges against: `--venv PATH`; else the venv of CMD's interpreter when
 * CMD is a venv's interpreter or one of its scripts (by its path under `<venv>/bin`, or its
 * shebang); else `VIRTUAL_ENV`; else `.venv`/`venv` from the current folder upward (doctor's
 * discovery, `selectTarget`). A `--venv` that is not a venv is the caller's error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../kernel/errors.js';
import { selectTarget } from '../doctor.js';
import { realFs, resolveProgram } from '../resolve.js';
import { isVenv, shebangInterpreter } from '../static.js';

export interface ExpectedVenv {
  venv: string;
  how: 'option' | 'command' | 'VIRTUAL_ENV' | 'folder';
  why: string;
}

/** The venv whose `bin/` holds `file` (as given, or after symlinks of the folders), if any. */
function venvOfBin(file: string): string | undefined {
  const owner = path.dirname(path.dirname(file));
  return path.basename(path.dirname(file)) === 'bin' && isVenv(owner) ? owner : undefined;
}

/** CMD's own venv: CMD is `<venv>/bin/python`, `<venv>/bin/celery`, or a script whose shebang names a venv's interpreter. */
export function commandVenv(command: readonly string[], cwd: string, env: Record<string, string | undefined>): { venv: string; why: string } | undefined {
  const prog = command[0];
  if (!prog) return undefined;
  const file = prog.includes('/') ? path.resolve(cwd, prog) : resolveProgram(prog, env.PATH ?? '', { platform: 'posix', env, cwd, lookup: realFs }).found;
  if (!file) return undefined;
  const direct = venvOfBin(file);
  if (direct) return { venv: direct, why: `the command is ${prog}, in the venv ${direct}` };
  const head = realFs.readText(file, 512);
  const interp = head !== undefined ? shebangInterpreter(head) : undefined;
  const viaShebang = interp && interp.startsWith('/') ? venvOfBin(interp) : undefined;
  if (viaShebang) return { venv: viaShebang, why: `the command ${prog} runs ${interp} (its #! line)` };
  // `python script.py` where python is a venv's, handled above; `sh -c …`, `make …`: no venv of their own.
  return undefined;
}

export function expectedVenv(opts: { venv?: string; command: readonly string[]; cwd: string; env: Record<string, string | undefined> }): ExpectedVenv {
  const { cwd, env } = opts;
  if (opts.venv !== undefined) {
    const v = path.resolve(cwd, opts.venv);
    if (!fs.existsSync(v)) throw new UsageError(`--venv ${opts.venv}: no such folder`);
    if (!fs.statSync(v).isDirectory()) throw new UsageError(`--venv ${opts.venv}: not a folder (give the venv's folder, the one with pyvenv.cfg)`);
    if (!isVenv(v)) throw new UsageError(`--venv ${opts.venv}: not a venv (no pyvenv.cfg in ${v})`);
    return { venv: v, how: 'option', why: '--venv' };
  }
  const own = commandVenv(opts.command, cwd, env);
  if (own) return { venv: own.venv, how: 'command', why: own.why };
  const t = selectTarget({ cwd, env });
  if ((t.how === 'VIRTUAL_ENV' || t.how === 'folder') && t.venv) return { venv: t.venv, how: t.how, why: t.why };
  throw new UsageError(`no venv to judge against: give --venv DIR, run a venv's interpreter or script, activate one (VIRTUAL_ENV), or run from a folder with .venv or venv${env.VIRTUAL_ENV ? ` (VIRTUAL_ENV=${env.VIRTUAL_ENV} is not a venv)` : ''}`);
}

/** CMD cannot be started: 127 when it names nothing, 126 when it is not executable (as a shell answers). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 126 | 127,
  ) {
    super(message);
  }
}

/** Refuses a command that names nothing or cannot run, before anything is started. */
export function checkCommand(command: readonly string[], cwd: string, env: Record<string, string | undefined>): void {
  const prog = command[0];
  if (prog === undefined || prog === '') throw new UsageError('no command to run: venvguard run [options] -- CMD [ARGS…]');
  if (!prog.includes('/')) {
    if (!resolveProgram(prog, env.PATH ?? '', { platform: 'posix', env, cwd, lookup: realFs }).found) throw new CommandError(`${prog}: command not found (PATH=${env.PATH ?? ''})`, 127);
    return;
  }
  const file = path.resolve(cwd, prog);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new CommandError(`${prog}: no such file`, 127);
  }
  if (st.isDirectory()) throw new CommandError(`${prog}: is a folder, not a program`, 126);
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new CommandError(`${prog}: not executable (permission denied)`, 126);
  }
}
