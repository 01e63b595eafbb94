/** This package's root and package.json (its version), found from the running file upward: works from dist/, from bundles and from a copy alike. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of venvguard's package.json above the module at URL `from` (folders with other packages' package.json are passed), or undefined at the file system's root. */
export function packageRoot(from: string): string | undefined {
  for (let dir = path.dirname(fileURLToPath(from)); ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'venvguard') return dir;
    } catch {
      /* none here */
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The same root, for a script or test that runs only inside the repository: an error naming the module otherwise. */
export function repositoryRoot(from: string): string {
  const root = packageRoot(from);
  if (root === undefined) throw new Error(`${fileURLToPath(from)}: no venvguard package.json above it (run it from the repository)`);
  return root;
}

export function ownPackage(from: string): { version: string } {
  const root = packageRoot(from);
  return root === undefined ? { version: '0.0.0' } : (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string });
}
