/**
 * Bundles the tsc output into dist/cli/ (the package's `bin`). Four CommonJS scripts:
 * - dist/cli/program.js: the commander program (src/cli/main.ts) and everything its commands
 *   load, one file whose modules are evaluated only when first imported (esbuild's lazy
 *   wrappers), so that each command still runs only what it uses. With program.js.cache, its V8
 *   code cache, written by a `check` run here over a small project of every format.
 * - dist/cli/worker.js: the analysis worker (src/pipeline/worker.ts), started by program.js.
 * - dist/cli/fast.js: src/cli/fast.ts, everything `doctor` and `--version` run, with fast.js.cache
 *   written by a doctor run here.
 * - dist/cli/main.js: the entry point (src/cli/entry.ts), which runs fast.js or program.js, each
 *   compiled with its cache (code-cache.ts).
 * Why (README "Speed"): Node resolves, reads, compiles and links each ES module at start-up. As ES
 * module chunks, the check pipeline cost ~0.2 s of a one-line Makefile's 0.4 s here; one script
 * compiled from a code cache (which holds the functions the warm-up run compiled) cut `venvguard
 * check` of a two-line Makefile by ~90 ms. For doctor: not loading commander saved ~20 ms of CPU
 * per run, one file instead of five ~9 ms, CommonJS instead of an ES module ~5 ms, the code cache
 * ~8 ms. The scripts use require, never import() (V8 gives a script compiled from a cache no
 * callback for it). The npm packages every check loads (commander, ignore, picocolors, smol-toml)
 * are bundled too, so that the cache holds them (~20 ms less for a two-line Makefile); left as
 * requires of the installed package: web-tree-sitter (it finds its .wasm next to itself, and a
 * parser rebuild after a trap needs a fresh copy of the module) and what only some runs load
 * (yaml, diff, the language server). dist/cli/package.json says the .js files there are CommonJS.
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../src/kernel/own-package.js';

const root = repositoryRoot(import.meta.url);
const outdir = path.join(root, 'dist/cli');
const cliSrc = path.join(root, 'dist/src/cli');
fs.rmSync(outdir, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' } as const;
/** npm packages left as requires (see the top). */
const external = ['web-tree-sitter', 'yaml', 'diff', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'];
// version.ts finds package.json from import.meta.url, which a CommonJS script does not have.
const cjs = {
  ...common,
  outdir,
  format: 'cjs',
  define: { 'import.meta.url': '__venvguardModuleUrl' },
  banner: { js: '"use strict";\nvar __venvguardModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
} as const;
// The worker stays beside the program: run.ts starts it as new URL('./worker.js', import.meta.url).
await build({ ...cjs, external, entryPoints: { program: path.join(cliSrc, 'main.js'), worker: path.join(root, 'dist/src/pipeline/worker.js'), fast: path.join(cliSrc, 'fast.js') } });
/** entry.ts's imports `./main.js` and `./fast.js`: each the script above, compiled with its code cache (code-cache.ts). */
const entryImports: Plugin = {
  name: 'entry-imports',
  setup(b) {
    const inCli = (args: { path: string; resolveDir: string }, name: string) => path.resolve(args.resolveDir, args.path) === path.join(cliSrc, name);
    for (const [name, script] of [['main', 'program'], ['fast', 'fast']]) {
      b.onResolve({ filter: new RegExp(`^\\./${name}\\.js$`) }, (args) => (inCli(args, `${name}.js`) ? { path: script, namespace: 'cached' } : undefined));
    }
    b.onLoad({ filter: /^(program|fast)$/, namespace: 'cached' }, (args) => ({
      contents: `const { requireCached } = require("./code-cache.js");\nmodule.exports = requireCached(require("node:path").join(__dirname, "${args.path}.js"), require).exports;\n`,
      resolveDir: cliSrc,
      loader: 'js',
    }));
  },
};
await build({ ...cjs, external, entryPoints: { main: path.join(cliSrc, 'entry.js') }, plugins: [entryImports] });
fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
const missing = ['main.js', 'fast.js', 'program.js', 'worker.js'].filter((f) => !fs.existsSync(path.join(outdir, f)));
if (missing.length) throw new Error(`bundle: ${missing.join(', ')} not written`);
// import() in a script compiled from a code cache fails (no callback), and a dynamic import of a
// bundled module would have been turned into a require: any left names an npm package.
for (const f of ['program.js', 'worker.js', 'fast.js']) {
  const left = /\bimport\((?![?)])/.exec(fs.readFileSync(path.join(outdir, f), 'utf8'));
  if (left) throw new Error(`bundle: dist/cli/${f} still calls import(): use require (see the comment at the top)`);
}
if (!fs.readFileSync(path.join(outdir, 'main.js'), 'utf8').includes('"program.js"')) throw new Error('bundle: dist/cli/main.js does not load program.js');
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

/**
 * program.js's code cache: a `check` of the bundled examples (Python and every configuration
 * format), run as main.js runs it. VG_LIFTOFF=0 and VG_HEAP_GROWTH=0: check otherwise sets V8 flags
 * (WebAssembly's compiler, the heap's growth) during the run, and V8 stamps a cache with the flags
 * of the moment it is written, so the cache would not match a fresh process.
 */
{
  const program = path.join(outdir, 'program.js');
  const run = [
    `import { createRequire } from 'node:module';`,
    `import { requireCached, writeCodeCache } from ${JSON.stringify(path.join(cliSrc, 'code-cache.js'))};`,
    `const file = ${JSON.stringify(program)};`,
    `process.argv = [process.argv[0], file, 'check', 'examples/flask-worker', 'examples/ci-mixed'];`,
    `const { script } = requireCached(file, createRequire(file));`,
    `process.on('exit', () => writeCodeCache(file, script));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', run], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, VG_LIFTOFF: '0', VG_HEAP_GROWTH: '0', NO_COLOR: '1' } });
  if (r.status !== 1) throw new Error(`bundle: the code-cache run of program.js did not find the examples' escapes (${r.status ?? r.signal}): ${r.stderr}`);
  if (!fs.existsSync(`${program}.cache`)) throw new Error('bundle: the code-cache run wrote no dist/cli/program.js.cache');
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
