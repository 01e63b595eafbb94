/**
 * `check --watch`: run once, then again whenever something under the paths changes, until
 * interrupted. Node's fs.watch (recursive on Linux since Node 19.1, on macOS and Windows natively)
 * reports the changes; they are gathered for DEBOUNCE_MS so that a save that writes several files,
 * or an editor's write-and-rename, gives one run, and a change during a run gives one more run after
 * it. Changes only venvguard itself or tools make (.git, caches, fix temporary files) are left out.
 */
import fs from 'node:fs';
import path from 'node:path';

const DEBOUNCE_MS = 150;

/** Paths whose changes never call for a new run. */
const QUIET = /(^|[\\/])(\.git|\.hg|\.svn|__pycache__|\.mypy_cache|\.pytest_cache|\.ruff_cache|node_modules)([\\/]|$)|\.venvguard-\d+\.tmp$/;

export function watchPaths(paths: string[], run: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const go = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        await run();
      } while (again);
    } finally {
      running = false;
    }
  };
  const changed = (name: string | Buffer | null) => {
    if (name && QUIET.test(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void go(), DEBOUNCE_MS);
  };
  const watchers = paths.map((p) => {
    const dir = fs.statSync(p).isDirectory();
    // A file is watched through its folder (an editor that saves by renaming replaces the file's inode).
    const w = fs.watch(dir ? p : path.dirname(p), { recursive: dir }, (_event, name) => {
      if (dir || (name && path.basename(String(name)) === path.basename(p))) changed(name);
    });
    w.on('error', () => undefined); // a watched folder removed: the next run reports the path
    return w;
  });
  return new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void go();
  });
}
