/**
 * The Node side of `venvguard run`: runs a command with the tracer installed and returns what every
 * Python process below it recorded (records.ts). The command is never changed: it gets the caller's
 * stdin/stdout/stderr (or pipes, for the Node API), its exit status is returned as is, and SIGTERM/SIGHUP
 * (and SIGINT/SIGQUIT when they cannot have reached it from the terminal already) are forwarded to it.
 *
 * Installing the tracer: a private folder (mkdtemp, owner-only 0700) holding sitecustomize.py and the
 * tracer's body (sitecustomize.ts), put first on PYTHONPATH, with VENVGUARD_TRACE_DIR naming it. Each Python process
 * appends its records to <folder>/records.jsonl (made here, empty). When the folder cannot be made the command still runs,
 * untraced, and `notWatched` says why; so it does for what the run shows was not watched (a Python CMD that
 * reported nothing, a CMD that turns tracing off with -I/-E/-S). The folder is removed unless `keep`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tty from 'node:tty';
import type { TraceRecord, TraceResult } from './records.js';
import { SITECUSTOMIZE_SOURCE, SPAWN_SOURCE, TRACER_SOURCE } from './sitecustomize.js';

export type { TraceResult } from './records.js';

export interface LaunchOptions {
  command: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  keep?: boolean;
  stdio?: 'inherit' | 'pipe';
  /** With stdio 'pipe': what the command reads on stdin (default: nothing, stdin closed). */
  input?: string | Buffer;
  /** Where the private folder is made (default: os.tmpdir()). */
  tempRoot?: string;
}

/** What launchTraced returns; with stdio 'pipe', also the command's output, byte for byte. */
export interface LaunchResult extends TraceResult {
  stdout?: Buffer;
  stderr?: Buffer;
}

/** The command could not be started at all (not found, not executable): nothing ran. */
export class LaunchError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'LaunchError';
  }
}

/** Signals a supervisor sends to us alone, forwarded to the command. */
const ALWAYS_FORWARDED: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
/** Signals a terminal sends to the whole foreground process group: the command has them already when
 * we run on a terminal, so they are forwarded only when none of our streams is one. */
const TERMINAL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGQUIT'];

export async function launchTraced(opts: LaunchOptions): Promise<LaunchResult> {
  if (opts.command.length === 0 || !opts.command[0]) throw new LaunchError('no command to run', 'EINVAL');
  const notWatched: string[] = [];
  const baseEnv = opts.env ?? process.env;
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  const folder = makeFolder(opts.tempRoot ?? os.tmpdir(), notWatched);
  if (folder) {
    const previous = baseEnv.PYTHONPATH;
    env.PYTHONPATH = previous ? `${folder}${path.delimiter}${previous}` : folder;
    env.VENVGUARD_TRACE_DIR = folder;
  }
  const flag = scrubbingFlag(opts.command);
  if (folder && flag) {
    notWatched.push(
      `the command runs Python with ${flag}, so it does not load the tracer: it and the processes it starts are not watched`,
    );
  }
  let run: Awaited<ReturnType<typeof runChild>>;
  try {
    run = await runChild(opts, env);
  } catch (error) {
    if (folder && !opts.keep) fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const records = folder ? readRecords(folder, notWatched) : [];
  if (folder && !flag && records.every((r) => r.pid !== run.pid) && startsPython(opts.command, env, opts.cwd)) {
    notWatched.push(
      `the command is a Python program but reported nothing (pid ${run.pid}): it may run with -I, -E or -S, without the site module, or as another user`,
    );
  }
  if (folder && !opts.keep) fs.rmSync(folder, { recursive: true, force: true });
  return {
    exitCode: run.exitCode,
    signal: run.signal,
    records,
    folder: folder ?? '',
    notWatched,
    ...(run.stdout ? { stdout: run.stdout, stderr: run.stderr } : {}),
  };
}

/** The private folder with the tracer in it, or null (and the reason in notWatched). */
function makeFolder(root: string, notWatched: string[]): string | null {
  let folder: string;
  try {
    folder = fs.mkdtempSync(path.join(root, 'venvguard-run-'));
  } catch (error) {
    notWatched.push(`${folderProblem(root, error)}: the command ran without the tracer, no Python process was watched`);
    return null;
  }
  try {
    fs.chmodSync(folder, 0o700);
    fs.writeFileSync(path.join(folder, 'venvguard-tracer.py'), TRACER_SOURCE, { mode: 0o600 });
    fs.writeFileSync(path.join(folder, 'venvguard-spawn.py'), SPAWN_SOURCE, { mode: 0o600 });
    fs.writeFileSync(path.join(folder, 'sitecustomize.py'), SITECUSTOMIZE_SOURCE, { mode: 0o600 });
    fs.writeFileSync(path.join(folder, RECORDS_FILE), '', { mode: 0o600 });
    return folder;
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    notWatched.push(`${folderProblem(root, error)}: the command ran without the tracer, no Python process was watched`);
    return null;
  }
}

function folderProblem(root: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EROFS') return `the temporary folder ${root} is read-only`;
  if (code === 'EACCES' || code === 'EPERM') return `the temporary folder ${root} is not writable`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `the temporary folder ${root} does not exist`;
  if (code === 'ENOSPC') return `the temporary folder ${root} is full`;
  return `a private folder could not be made in ${root} (${code ?? String(error)})`;
}

interface ChildRun {
  pid: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout?: Buffer;
  stderr?: Buffer;
}

function runChild(opts: LaunchOptions, env: NodeJS.ProcessEnv): Promise<ChildRun> {
  const pipe = opts.stdio === 'pipe';
  return new Promise((resolve, reject) => {
    const child = spawn(opts.command[0], opts.command.slice(1), {
      cwd: opts.cwd,
      env,
      stdio: pipe ? ['pipe', 'pipe', 'pipe'] : 'inherit',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    if (pipe) {
      child.stdout!.on('data', (b: Buffer) => out.push(b));
      child.stderr!.on('data', (b: Buffer) => err.push(b));
      child.stdin!.on('error', () => {}); // the command may exit without reading its input
      child.stdin!.end(opts.input ?? '');
    }
    // isatty on the descriptors, not process.stdin: creating that stream could change the mode of a
    // descriptor the command shares with us.
    const onTerminal = [0, 1, 2].some((fd) => tty.isatty(fd));
    const forwarded = pipe || !onTerminal ? [...ALWAYS_FORWARDED, ...TERMINAL_SIGNALS] : ALWAYS_FORWARDED;
    const handlers = new Map<NodeJS.Signals, () => void>();
    for (const sig of [...ALWAYS_FORWARDED, ...TERMINAL_SIGNALS]) {
      const handler = forwarded.includes(sig) ? () => child.kill(sig) : () => {};
      handlers.set(sig, handler);
      process.on(sig, handler);
    }
    const done = () => {
      for (const [sig, handler] of handlers) process.removeListener(sig, handler);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      done();
      const name = opts.command[0];
      if (error.code === 'ENOENT') reject(new LaunchError(`${name}: command not found`, 'ENOENT'));
      else if (error.code === 'EACCES') reject(new LaunchError(`${name}: permission denied (not executable)`, 'EACCES'));
      else reject(new LaunchError(`${name}: cannot start (${error.code ?? error.message})`, error.code ?? 'EIO'));
    });
    child.on('close', (exitCode, signal) => {
      done();
      resolve({
        pid: child.pid ?? -1,
        exitCode,
        signal,
        ...(pipe ? { stdout: Buffer.concat(out), stderr: Buffer.concat(err) } : {}),
      });
    });
  });
}

/** The one file every traced process appends its records to. */
const RECORDS_FILE = 'records.jsonl';

/** Every record of the run, in the order they were written (by time; a process's own order kept). */
export function readRecords(folder: string, notWatched: string[] = []): TraceRecord[] {
  const records: TraceRecord[] = [];
  let cut = 0;
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, RECORDS_FILE), 'utf8');
  } catch (error) {
    notWatched.push(`the run's folder ${folder} could not be read afterwards (${(error as NodeJS.ErrnoException).code}): its records are lost`);
    return records;
  }
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as TraceRecord);
    } catch {
      cut++;
    }
  }
  if (cut > 0) notWatched.push(`${cut} record${cut === 1 ? ' was' : 's were'} cut short (a process was killed while writing)`);
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.time - b.r.time || a.i - b.i)
    .map(({ r }) => r);
}

/** -I, -E or -S on a Python CMD's own command line (after env/assignments), as the user wrote it. */
function scrubbingFlag(command: string[]): string | null {
  let i = 0;
  while (i < command.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(command[i])) i++;
  if (!isPythonName(command[i] ?? '')) return null;
  for (const word of command.slice(i + 1)) {
    if (!/^-[^-]/.test(word)) return null;
    for (const ch of word.slice(1)) {
      if (ch === 'I' || ch === 'E' || ch === 'S') return `-${ch}`;
      if ('cmWX'.includes(ch)) return null;
    }
  }
  return null;
}

function isPythonName(word: string): boolean {
  return /^(python|pypy)[0-9.]*$/.test(path.basename(word));
}

/** Is CMD a Python interpreter, or a script whose #! line names one (found on the command's PATH)? */
function startsPython(command: string[], env: NodeJS.ProcessEnv, cwd: string | undefined): boolean {
  const name = command[0];
  if (isPythonName(name)) return true;
  const candidates = name.includes('/')
    ? [path.resolve(cwd ?? process.cwd(), name)]
    : (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name));
  for (const file of candidates) {
    try {
      const fd = fs.openSync(file, 'r');
      try {
        const head = Buffer.alloc(256);
        const n = fs.readSync(fd, head, 0, head.length, 0);
        const first = head.subarray(0, n).toString('latin1').split('\n')[0];
        return first.startsWith('#!') && /python|pypy/.test(first);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      continue;
    }
  }
  return false;
}
