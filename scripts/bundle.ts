/**
 * Bundles the tsc output into dist/cli/ (the package's `bin`): the CLI and the analysis worker as
 * entry points, code split so that each command still loads only what it uses, npm packages left
 * as imports (web-tree-sitter finds its .wasm next to itself). Why: the check pipeline is ~50
 * ES modules, and Node resolves, reads and links each one at start-up; one file per command cut
 * `venvguard check` of an empty folder from 0.35 s to 0.29 s here (README "Speed").
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root = path.dirname(fileURLToPath(import.meta.url));
while (!fs.existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
const outdir = path.join(root, 'dist/cli');
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  // The worker stays beside the chunks: run.ts starts it as new URL('./worker.js', import.meta.url).
  entryPoints: { main: path.join(root, 'dist/src/cli/main.js'), worker: path.join(root, 'dist/src/pipeline/worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
fs.chmodSync(path.join(outdir, 'main.js'), 0o755);

// The GitHub Action (action.yml): the same code as one file per entry (no chunks, so the committed
// copy in action/ has stable names), npm packages left as imports that the bootstrap installs.
// `npm run action` copies it to action/; test/action.test.ts fails when that copy is stale.
const actionOut = path.join(root, 'dist/action');
fs.rmSync(actionOut, { recursive: true, force: true });
await build({
  entryPoints: {
    index: path.join(root, 'dist/src/action/bootstrap.js'),
    run: path.join(root, 'dist/src/action/run.js'),
    worker: path.join(root, 'dist/src/pipeline/worker.js'),
  },
  outdir: actionOut,
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  banner: { js: '// Generated from src/ by scripts/bundle.ts (npm run action); do not edit.' },
  absWorkingDir: root, // the path comments in the output are relative to it: the same in every clone
  logLevel: 'warning',
});
