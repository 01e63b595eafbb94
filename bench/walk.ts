/**
 * The one corpus walk of the benchmark: which files count as "the corpus". The harness uses it to stage
 * the corpus, and the Node-side peers (Ruff-WASM, the floor) use it to find their input, so every tool
 * sees the same set of files. Rule: regular `.py` files, recursively, sorted, never following symlinks,
 * skipping `site-packages` and `__pycache__` folders.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Folder names the walk never enters. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['site-packages', '__pycache__']);

/** Absolute paths of the corpus's Python files, in a stable order. */
export function listPythonFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: not part of the corpus
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        out.push(full);
      }
    }
  };
  visit(path.resolve(root));
  return out;
}
