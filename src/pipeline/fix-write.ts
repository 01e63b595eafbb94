/**
 * Writing a fixed file, and what --fix may write at all. A fix is written only inside the paths the
 * run was given (a symbolic link whose target lies outside them is reported, not followed), never
 * into a read-only file (unless --fix-readonly) or one this user cannot write, and never so that the
 * file changes owner or group. The new text goes to a temporary file `.NAME.venvguard-PID.tmp`
 * beside the target (created owner-only, exclusively), gets the original's owner, group and mode,
 * and is renamed over it. Temporary files left by a run that was killed (SIGKILL, a crash) are
 * removed by the next fix run that writes in their folder, once their process is gone.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FixWriteOptions {
  /** The paths the run was given (absolute): only files whose real path lies inside them are written. */
  roots: string[];
  /** Rewrite read-only files too (they keep their mode). */
  fixReadonly?: boolean;
}

/** A write that would change the file's owner or group (fchown refused): the file is left as it was. */
export class OwnerWouldChangeError extends Error {}

/** `.NAME.venvguard-PID.tmp`, the only names this module creates, and the only ones it removes. */
const TEMP_NAME = /^\..+\.venvguard-([1-9]\d{0,9})\.tmp$/;

function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.venvguard-${process.pid}.tmp`);
}

/**
 * For tests of interrupted runs: VG_TEST_PAUSE_AFTER_TEMP_MS makes each write wait that long
 * after the temporary file holds the new text (a synchronous wait, like a slow disk).
 */
function testPause(): void {
  const ms = Number(process.env.VG_TEST_PAUSE_AFTER_TEMP_MS);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Write to a temporary file beside the target, then rename over it: never a half-written file.
 * Through a symbolic link the file it points to is rewritten (renaming over the link would replace
 * the link with a copy and leave the target unfixed). The temporary file is created exclusively
 * (an existing file or link of that name is never followed or reused) with mode 0600, then given
 * the original's owner and group and then its mode (chown clears set-id bits), and is removed if
 * anything fails. Throws OwnerWouldChangeError when the owner or group cannot be kept.
 */
export function writeAtomically(file: string, bytes: Buffer): void {
  const target = fs.realpathSync.native(file);
  writeResolved(target, fs.statSync(target), bytes);
}

/** writeAtomically for a target already resolved (its real path) and stat'ed by the caller. */
function writeResolved(target: string, st: fs.Stats, bytes: Buffer): void {
  const tmp = tempPath(target);
  let fd: number | undefined = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    fs.writeFileSync(fd, bytes);
    testPause();
    const mine = fs.fstatSync(fd);
    if (mine.uid !== st.uid || mine.gid !== st.gid) {
      try {
        fs.fchownSync(fd, st.uid, st.gid);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'EINVAL') throw e;
        const what = mine.uid !== st.uid ? `owner (uid ${st.uid} → ${mine.uid})` : `group (gid ${st.gid} → ${mine.gid})`;
        throw new OwnerWouldChangeError(`replacing it would change its ${what}`);
      }
    }
    fs.fchmodSync(fd, st.mode & 0o7777);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
    } catch {
      /* report the first error, not the clean-up's */
    }
    throw e;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // another user's process
  }
}

/**
 * Remove the temporary files of dead venvguard processes from one folder (regular files only).
 * Called before this process writes there, when it has no temporary file of its own anywhere
 * (each write is synchronous and ends with its temporary file renamed or removed): one named with
 * this process's PID is then an earlier process's that had the same PID — in CI, each container's
 * venvguard often has the same small PID, and a run killed by a timeout left the file behind.
 */
export function removeStaleTempFiles(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && alive(pid)) continue;
    const p = path.join(dir, name);
    try {
      if (fs.lstatSync(p).isFile()) {
        fs.unlinkSync(p);
        removed.push(p);
      }
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

const mode = (m: number) => `0${(m & 0o7777).toString(8)}`;

/** The writes of one fix run: which files it may write, and the folders it has swept. */
export class FixWriter {
  /** Real paths of the folders given, and of the folders holding the files given. */
  private readonly roots: string[];
  private readonly swept = new Set<string>();

  constructor(private readonly opts: FixWriteOptions) {
    this.roots = [];
    for (const r of opts.roots) {
      try {
        // A file named on the command line is inside the folder it is named in: a link there to
        // somewhere else is followed out of the checked paths, like a link met while walking.
        const dir = fs.statSync(r).isDirectory() ? r : path.dirname(r);
        this.roots.push(fs.realpathSync(dir));
      } catch {
        /* a path that names nothing holds nothing to write */
      }
    }
  }

  /** Why the file must not be written (a message starting "not fixed:"), or undefined when it may. */
  refusal(file: string): string | undefined {
    const real = fs.realpathSync.native(file);
    return this.refusalOf(real, fs.statSync(real));
  }

  /** refusal() for a file already resolved to its real path and stat'ed. */
  private refusalOf(real: string, st: fs.Stats): string | undefined {
    if (!this.roots.some((root) => isInside(root, real))) {
      return `not fixed: it is reached through a symbolic link and its real path, ${real}, lies outside the checked paths`;
    }
    const uid = process.getuid?.();
    // Its owner (or root, or anyone where there are no uids) could write it, were it not read-only:
    // the owner's write bit is off (0444), which says "do not change this" whoever could anyway
    // (root writes any file, so this is decided by the mode bits, never by a failed write).
    const owner = uid === undefined || uid === 0 || st.uid === uid;
    if (owner) {
      if ((st.mode & 0o200) === 0 && !this.opts.fixReadonly) return `not fixed: the file is read-only (mode ${mode(st.mode)}); use --fix-readonly to fix it anyway`;
    } else {
      try {
        fs.accessSync(real, fs.constants.W_OK);
      } catch {
        return `not fixed: you cannot write the file (owner uid ${st.uid}, mode ${mode(st.mode)})`;
      }
    }
    return undefined;
  }

  /** Write the file if it may be written; otherwise, or when writing fails, say why (the file is unchanged). */
  write(file: string, bytes: Buffer): string | undefined {
    // One resolution and one stat of the file serve both the checks and the write (the writer's
    // cost per file: issue 16, point 7). realpathSync.native is one system call; the JavaScript
    // realpathSync stats every folder on the way.
    let refused: string | undefined;
    let real: string;
    let st: fs.Stats;
    try {
      real = fs.realpathSync.native(file);
      st = fs.statSync(real);
      refused = this.refusalOf(real, st);
    } catch (e) {
      return `not fixed: cannot write the file: ${(e as Error).message}`;
    }
    if (refused) return refused;
    try {
      const dir = path.dirname(real);
      if (!this.swept.has(dir)) {
        this.swept.add(dir);
        removeStaleTempFiles(dir);
      }
      writeResolved(real, st, bytes);
    } catch (e) {
      if (e instanceof OwnerWouldChangeError) return `not fixed: ${e.message}, and only root can keep it`;
      return `not fixed: cannot write the file: ${(e as Error).message}`;
    }
    return undefined;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * While a fix run writes a file: SIGINT and SIGTERM no longer end the process at once, in the
 * middle of the write (which left the temporary file behind), but when the write is over (renamed
 * into place or removed) and the returned release is awaited. That passes through the event loop's
 * poll phase twice (where a signal that came meanwhile is delivered) before removing the handlers;
 * the handler removes itself and raises the signal again, so that the default action ends the run
 * between two files, with the exit status saying how it ended.
 */
export function holdSignalsWhileWriting(): () => Promise<void> {
  // A signal that already has a listener (a program using the API) does not end the process by
  // itself: it cannot interrupt a write, and is left to that listener.
  const held = SIGNALS.filter((s) => process.listenerCount(s) === 0);
  const release = () => {
    for (const s of held) process.removeListener(s, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.kill(process.pid, signal);
  };
  for (const s of held) process.on(s, onSignal);
  return async () => {
    // The first turn may end in this iteration's check phase, before any poll; the second passes one.
    for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    release();
  };
}

/** The real path of a file, or its absolute path when it cannot be resolved. */
export function realpathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
