import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** venvguard's package.json, found upwards from this module (the tsc output and the bundle sit at different depths). */
export function ownPackage(): { version: string } {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (json.name === 'venvguard') return json;
    }
    if (path.dirname(dir) === dir) return { version: '0.0.0' };
  }
}
