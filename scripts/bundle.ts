/**
 * Bundles the tsc output into dist/cli/ (the package's `bin`). Two builds:
 * - dist/cli/program/: the commander program (program.js) and the analysis worker, ES modules code
 *   split so that each command still loads only what it uses. Why: the check pipeline is ~50 ES
 *   modules, and Node resolves, reads and links each one at start-up; one file per command cut
 *   `venvguard check` of an empty folder from 0.35 s to 0.29 s here (README "Speed").
 * - dist/cli/main.js: the entry point (src/cli/entry.ts), one CommonJS script holding everything
 *   `doctor` and `--version` run (their dynamic imports inlined, evaluated only when called); any
 *   other invocation imports program/program.js. Not loading commander saved ~20 ms of CPU per
 *   doctor run here, one file instead of five ~9 ms, and CommonJS instead of an ES module ~5 ms
 *   more (Node 20 starts its ES-module loader for an ES entry, and builds a facade for each built-in
 *   module imported, which loads fs's streams) — README "doctor".
 * Each folder has a package.json that says which kind its .js files are. npm packages stay
 * imports in both (web-tree-sitter finds its .wasm next to itself).
 */
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root = path.dirname(fileURLToPath(import.meta.url));
while (!fs.existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
const outdir = path.join(root, 'dist/cli');
const cliSrc = path.join(root, 'dist/src/cli');
fs.rmSync(outdir, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' } as const;
await build({
  ...common,
  outdir: path.join(outdir, 'program'),
  format: 'esm',
  // The worker stays beside the chunks: run.ts starts it as new URL('./worker.js', import.meta.url).
  entryPoints: { program: path.join(cliSrc, 'main.js'), worker: path.join(root, 'dist/src/pipeline/worker.js') },
  splitting: true,
});
/** entry.ts's `import('./main.js')` is the program bundled above: left as an import of it. */
const program: Plugin = {
  name: 'program',
  setup(b) {
    b.onResolve({ filter: /^\.\/main\.js$/ }, (args) => (path.resolve(args.resolveDir, args.path) === path.join(cliSrc, 'main.js') ? { path: './program/program.js', external: true } : undefined));
  },
};
await build({
  ...common,
  outdir,
  format: 'cjs',
  entryPoints: { main: path.join(cliSrc, 'entry.js') },
  plugins: [program],
  // version.ts finds package.json from import.meta.url, which a CommonJS script does not have.
  define: { 'import.meta.url': '__venvguardModuleUrl' },
  banner: { js: '"use strict";\nvar __venvguardModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
fs.writeFileSync(path.join(outdir, 'program', 'package.json'), '{ "type": "module" }\n');
const missing = ['main.js', 'program/program.js', 'program/worker.js'].filter((f) => !fs.existsSync(path.join(outdir, f)));
if (missing.length) throw new Error(`bundle: ${missing.join(', ')} not written`);
if (!fs.readFileSync(path.join(outdir, 'main.js'), 'utf8').includes('import("./program/program.js")')) throw new Error('bundle: dist/cli/main.js does not load program/program.js');
fs.chmodSync(path.join(outdir, 'main.js'), 0o755);
