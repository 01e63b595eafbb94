/** This package's package.json (its version), found from the running file upward: works from dist/ and from bundles alike. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function ownPackage(from: string): { version: string } {
  for (let dir = path.dirname(fileURLToPath(from)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (json.name === 'venvguard') return json;
    }
    if (path.dirname(dir) === dir) return { version: '0.0.0' };
  }
}
