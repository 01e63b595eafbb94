/** This package's root and package.json (its version), found from the running file upward: works from dist/, from bundles and from a copy alike. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** venvguard's package.json above the module at URL `from` and its folder (other packages' package.json files are passed), or undefined at the file system's root. */
function findPackage(from: string): { dir: string; json: { name?: string; version: string } } | undefined {
  for (let dir = path.dirname(fileURLToPath(from)); ; dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (json.name === 'venvguard') return { dir, json };
    } catch {
      /* none here */
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The folder of venvguard's package.json above the module at URL `from`, or undefined. */
export const packageRoot = (from: string): string | undefined => findPackage(from)?.dir;

/** The same root, for a script or test that runs only inside the repository: an error naming the module otherwise. */
export function repositoryRoot(from: string): string {
  const root = packageRoot(from);
  if (root === undefined) throw new Error(`${fileURLToPath(from)}: no venvguard package.json above it (run it from the repository)`);
  return root;
}

export function ownPackage(from: string): { version: string } {
  return findPackage(from)?.json ?? { version: '0.0.0' };
}
