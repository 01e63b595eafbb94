/**
 * The GitHub Action's entry point (action.yml `runs.main`, bundled to action/index.js). It uses only
 * Node's own modules: the action's dependencies are installed from the committed lockfile on first
 * use (`npm ci --omit=dev --ignore-scripts` in the action's folder: the runner has npm, and nothing
 * of other projects is committed here), then the run itself (action/run.js) is loaded.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here); // action/ is one level below the repository root
if (!fs.existsSync(path.join(root, 'node_modules', 'web-tree-sitter'))) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stdout.write(`::error title=venvguard::could not install the action's dependencies (npm ci exited ${r.status ?? r.signal})\n`);
    process.exit(2);
  }
}
await import(new URL('./run.js', import.meta.url).href);
