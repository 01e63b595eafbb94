/** Shared test helpers: where the repository is, and temporary folders that clean themselves up. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Compiled tests live in dist/test/…; the repository root is two levels above dist/. */
export const repoRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

/** The CLI as installed: the bundle the package's `bin` names (scripts/bundle.ts). */
export const CLI = path.join(repoRoot, 'dist/cli/main.js');

export const sharedDir = path.resolve(repoRoot, '..', 'shared');

export function tempDir(prefix = 'venvguard-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
