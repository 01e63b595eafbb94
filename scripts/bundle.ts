/**
 * Bundles the tsc output into dist/cli/ (the package's `bin`). Three pieces:
 * - dist/cli/program/: the commander program (program.js) and the analysis worker, ES modules code
 *   split so that each command still loads only what it uses. Why: the check pipeline is ~50 ES
 *   modules, and Node resolves, reads and links each one at start-up; one file per command cut
 *   `venvguard check` of an empty folder from 0.35 s to 0.29 s here (README "Speed").
 * - dist/cli/fast.js: src/cli/fast.ts, one CommonJS script holding everything `doctor` and
 *   `--version` run (their dynamic imports inlined, evaluated only when called), with
 *   fast.js.cache, its V8 code cache, written by a doctor run here (code-cache.ts).
 * - dist/cli/main.js: the entry point (src/cli/entry.ts), a CommonJS script that runs fast.js
 *   with its cache, or imports program/program.js for any other command line.
 * Measured on doctor (README "doctor"): not loading commander saved ~20 ms of CPU per run, one
 * file instead of five ~9 ms, CommonJS instead of an ES module ~5 ms (Node 20 starts its
 * ES-module loader for an ES entry, and builds a facade for each built-in module imported, which
 * loads fs's streams), and the code cache ~8 ms. Each folder has a package.json that says which
 * kind its .js files are. npm packages stay imports (web-tree-sitter finds its .wasm next to itself).
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
// version.ts finds package.json from import.meta.url, which a CommonJS script does not have.
const cjs = {
  ...common,
  outdir,
  format: 'cjs',
  define: { 'import.meta.url': '__venvguardModuleUrl' },
  banner: { js: '"use strict";\nvar __venvguardModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
} as const;
await build({ ...cjs, entryPoints: { fast: path.join(cliSrc, 'fast.js') } });
/**
 * entry.ts's imports: `./main.js` is the program bundled above, left as an import of it;
 * `./fast.js` is dist/cli/fast.js, compiled with its code cache (code-cache.ts).
 */
const entryImports: Plugin = {
  name: 'entry-imports',
  setup(b) {
    const inCli = (args: { path: string; resolveDir: string }, name: string) => path.resolve(args.resolveDir, args.path) === path.join(cliSrc, name);
    b.onResolve({ filter: /^\.\/main\.js$/ }, (args) => (inCli(args, 'main.js') ? { path: './program/program.js', external: true } : undefined));
    b.onResolve({ filter: /^\.\/fast\.js$/ }, (args) => (inCli(args, 'fast.js') ? { path: 'fast', namespace: 'cached' } : undefined));
    b.onLoad({ filter: /^fast$/, namespace: 'cached' }, () => ({
      contents: 'const { requireCached } = require("./code-cache.js");\nmodule.exports = requireCached(require("node:path").join(__dirname, "fast.js"), require).exports;\n',
      resolveDir: cliSrc,
      loader: 'js',
    }));
  },
};
await build({ ...cjs, entryPoints: { main: path.join(cliSrc, 'entry.js') }, plugins: [entryImports] });
fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
fs.writeFileSync(path.join(outdir, 'program', 'package.json'), '{ "type": "module" }\n');
const missing = ['main.js', 'fast.js', 'program/program.js', 'program/worker.js'].filter((f) => !fs.existsSync(path.join(outdir, f)));
if (missing.length) throw new Error(`bundle: ${missing.join(', ')} not written`);
if (!fs.readFileSync(path.join(outdir, 'main.js'), 'utf8').includes('import("./program/program.js")')) throw new Error('bundle: dist/cli/main.js does not load program/program.js');
fs.chmodSync(path.join(outdir, 'main.js'), 0o755);

/**
 * The code cache: fast.js run as main.js runs it, then V8's cache of what it compiled. The runs:
 * `--version`, and doctor (with and without --static) on a venv-shaped folder made here: a
 * pyvenv.cfg and bin/python, a link to the interpreter `python3` on PATH starts (none: the
 * static run only, and the probe's code is compiled when a doctor run needs it).
 */
const warm = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bundle-'));
try {
  const venv = path.join(warm, 'venv');
  fs.mkdirSync(path.join(venv, 'bin'), { recursive: true });
  const py = spawnSync('python3', ['-I', '-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', timeout: 10_000 });
  const base = py.status === 0 && path.isAbsolute(py.stdout.trim()) ? py.stdout.trim() : undefined;
  if (base) fs.symlinkSync(base, path.join(venv, 'bin', 'python'));
  fs.writeFileSync(path.join(venv, 'pyvenv.cfg'), `home = ${base ? path.dirname(base) : path.join(warm, 'base', 'bin')}\ninclude-system-site-packages = false\n`);
  const fast = path.join(outdir, 'fast.js');
  const run = [
    `import { createRequire } from 'node:module';`,
    `import { requireCached, writeCodeCache } from ${JSON.stringify(path.join(cliSrc, 'code-cache.js'))};`,
    `const file = ${JSON.stringify(fast)};`,
    `const { exports, script } = requireCached(file, createRequire(file));`,
    `process.on('exit', () => writeCodeCache(file, script));`,
    `exports.startFast(['doctor', '--static', '--python', ${JSON.stringify(venv)}]);`,
    ...(base ? [`exports.startFast(['doctor', '--python', ${JSON.stringify(venv)}]);`] : []),
    `exports.startFast(['--version']);`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', run], { cwd: warm, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 1 && r.status !== 0) throw new Error(`bundle: the code-cache run failed (${r.status ?? r.signal}): ${r.stderr}`);
  if (!fs.existsSync(`${fast}.cache`)) throw new Error('bundle: the code-cache run wrote no dist/cli/fast.js.cache');
} finally {
  fs.rmSync(warm, { recursive: true, force: true });
}

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
