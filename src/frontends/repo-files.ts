/**
 * Reading another file of the repository that a checked file names (a script it sources or runs):
 * looked up from the checked file's folder and each folder above it (a CI or make script is usually
 * run from the repository root), and read once per version: answers are cached by path, size and
 * time of change, so a long-lived process (the language server, `--watch`) sees an edited file anew.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Folders above the checked file's that are asked, at most. */
const MAX_LEVELS = 8;

/** The first answer `look` gives for the folder of `from` or a folder above it (undefined: none). */
export function fromFolderUp<T>(from: string, look: (dir: string) => T | undefined): T | undefined {
  let dir = path.dirname(path.resolve(from));
  for (let i = 0; i < MAX_LEVELS; i++) {
    const found = look(dir);
    if (found !== undefined) return found;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/**
 * `answer` for the regular file `p` (its text, or undefined when it is over `maxBytes`), cached in
 * `cache` by path, size and time of change; undefined when `p` is no regular file or cannot be read.
 */
export function fileAnswer<T>(cache: Map<string, T>, p: string, maxBytes: number, answer: (text: string | undefined) => T): T | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return undefined;
  }
  if (!st.isFile()) return undefined;
  const key = `${p}\0${st.size}\0${st.mtimeMs}`;
  if (cache.has(key)) return cache.get(key);
  let result: T;
  try {
    result = answer(st.size <= maxBytes ? fs.readFileSync(p, 'utf8') : undefined);
  } catch {
    return undefined;
  }
  cache.set(key, result);
  return result;
}
