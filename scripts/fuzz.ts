/**
 * `npm run fuzz`: the real CLI over trees of hostile files (issue 16, point 3). Each round writes a
 * tree of generated inputs for every front end — random bytes, truncated and mutated real-shaped
 * files, deeply nested constructs, YAML alias bombs (test/fuzz-gen.ts, the generator the in-process
 * fuzz test uses) — plus a canary escape in a file that sorts after all of them, runs
 * `venvguard check --format json` over the tree, and asserts for the round:
 *  - no crash: the CLI exits with a code in 0–3, by no signal, with no internal error or parser
 *    crash on any file, and prints a JSON report;
 *  - bounded memory: the CLI's peak resident memory (process.resourceUsage().maxRSS, read in a
 *    wrapper that loads the CLI; worker threads included) stays under --max-rss-mb;
 *  - the canary is still found.
 *
 *   node dist/scripts/fuzz.js [--seed N] [--seconds S] [--batch N] [--max-rss-mb M] [--round-seconds S] [--venvguard CLI]
 *
 * Deterministic for a seed (the inputs, not the timing: rounds run until --seconds have passed,
 * at least one). A failing round's tree is kept and named. Exit codes: 0 every round passed,
 * 1 a round failed, 2 usage error.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FORMATS, generate, prng } from '../test/fuzz-gen.js';
import { SEEDS } from '../test/fuzz-seeds.js';
import { repositoryRoot } from '../src/kernel/own-package.js';

const root = repositoryRoot(import.meta.url);

export interface FuzzOptions {
  seed: number;
  seconds: number;
  /** Generated files per round (spread over the front ends in turn). */
  batch: number;
  maxRssMb: number;
  /** A round that runs longer is a hang. */
  roundSeconds: number;
  venvguard: string;
}

const DEFAULTS: FuzzOptions = { seed: 20261203, seconds: 60, batch: 40, maxRssMb: 1024, roundSeconds: 120, venvguard: path.join(root, 'dist/cli/main.js') };

/** The canary: an escape every build reports, in a file that sorts after every generated one. */
const CANARY = { dir: 'zzzz-canary', name: 'canary.py', text: 'import subprocess\n\nsubprocess.run(["pip", "install", "requests"])\n' };

/** Loads the CLI in this process and, at exit, writes the process's peak RSS (KiB) to a file. */
const WRAPPER = `import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
const [rssFile, cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', () => fs.writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(cli).href);
`;

export function parseArgs(argv: string[]): FuzzOptions {
  const o = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = (min: number) => {
      const v = value();
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || n < min) throw new Error(`${a}: expected a number of at least ${min}, got ${JSON.stringify(v)}`);
      return n;
    };
    if (a === '--seed') o.seed = num(0) >>> 0;
    else if (a === '--seconds') o.seconds = num(0);
    else if (a === '--batch') o.batch = Math.floor(num(1));
    else if (a === '--max-rss-mb') o.maxRssMb = num(64);
    else if (a === '--round-seconds') o.roundSeconds = num(1);
    else if (a === '--venvguard') o.venvguard = path.resolve(value());
    else throw new Error(`unknown argument ${JSON.stringify(a)}`);
  }
  if (!fs.existsSync(o.venvguard)) throw new Error(`no CLI at ${o.venvguard} (run npm run build, or pass --venvguard)`);
  return o;
}

interface RoundResult {
  failures: string[];
  rssMb: number;
  ms: number;
  exitCode: number | null;
}

/** Runs the CLI over `tree` and checks the round's invariants. */
function runRound(o: FuzzOptions, tree: string, wrapper: string): RoundResult {
  const rssFile = path.join(tree, '..', `${path.basename(tree)}.rss`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [wrapper, rssFile, o.venvguard, 'check', '.', '--format', 'json', '--no-config'], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: o.roundSeconds * 1000,
    killSignal: 'SIGKILL',
  });
  const ms = performance.now() - t0;
  const failures: string[] = [];
  const rssMb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') failures.push(`hang: killed after ${o.roundSeconds} s`);
  else if (r.error) failures.push(`could not run the CLI: ${r.error.message}`);
  if (r.signal) failures.push(`crash: ended by ${r.signal}`);
  if (r.status !== null && (r.status < 0 || r.status > 3)) failures.push(`crash: exit code ${r.status}, outside 0–3`);
  if (/internal error|FATAL ERROR/.test(r.stderr ?? '')) failures.push(`crash: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
  if (!(rssMb <= o.maxRssMb)) failures.push(Number.isNaN(rssMb) ? 'no peak memory reported (the CLI did not exit normally)' : `peak memory ${rssMb.toFixed(0)} MiB, over ${o.maxRssMb} MiB`);
  let report: { diagnostics?: { path: string }[]; problems?: { path: string; kind: string; message: string }[] } | undefined;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    if (!failures.length) failures.push(`no JSON report on stdout (${(r.stdout ?? '').length} bytes; stderr: ${(r.stderr ?? '').slice(0, 200)})`);
  }
  if (report) {
    const canary = `${CANARY.dir}/${CANARY.name}`;
    if (!report.diagnostics?.some((d) => d.path.split(path.sep).join('/') === canary)) failures.push(`the canary escape in ${canary} was not found`);
    for (const p of report.problems ?? []) {
      if (p.kind === 'internal' || p.kind === 'parser-crash') failures.push(`${p.path}: ${p.kind}: ${p.message}`);
    }
  }
  return { failures, rssMb, ms, exitCode: r.status };
}

export function fuzz(o: FuzzOptions, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): boolean {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-fuzz-cli-'));
  const wrapper = path.join(work, 'peak-rss.mjs');
  fs.writeFileSync(wrapper, WRAPPER);
  const rng = prng(o.seed);
  const formats = FORMATS.map((f) => ({ ...f, seeds: [...f.examples.map((e) => fs.readFileSync(path.join(root, e), 'utf8')), ...SEEDS[f.language]], inputs: 0 }));
  log(`fuzz: seed ${o.seed}, ${o.seconds} s, ${o.batch} files per round, peak memory under ${o.maxRssMb} MiB, CLI ${path.relative(process.cwd(), o.venvguard) || o.venvguard}`);
  const t0 = performance.now();
  let n = 0;
  let peak = 0;
  let slowest = 0;
  let round = 0;
  for (; round === 0 || performance.now() - t0 < o.seconds * 1000; round++) {
    const tree = path.join(work, `round-${round}`);
    const kinds: string[] = [];
    for (let i = 0; i < o.batch; i++, n++) {
      const f = formats[n % formats.length];
      const input = generate(rng, f.language, f.seeds);
      // Its own folder per input, named to sort before the canary's.
      const file = path.join(tree, `in-${String(i).padStart(4, '0')}`, f.name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, input.bytes);
      kinds.push(`${path.relative(tree, file)}: ${f.language}, ${input.kind}`);
      f.inputs++;
    }
    fs.mkdirSync(path.join(tree, CANARY.dir));
    fs.writeFileSync(path.join(tree, CANARY.dir, CANARY.name), CANARY.text);
    fs.writeFileSync(path.join(work, `round-${round}.inputs`), kinds.join('\n') + '\n');
    const r = runRound(o, tree, wrapper);
    peak = Math.max(peak, r.rssMb);
    slowest = Math.max(slowest, r.ms);
    if (r.failures.length) {
      log(`fuzz: round ${round} FAILED (seed ${o.seed}; exit ${r.exitCode}; ${Math.round(r.ms)} ms; ${r.rssMb.toFixed(0)} MiB):`);
      for (const f of r.failures) log(`  ${f}`);
      log(`  the round's files are kept in ${tree} (listed in ${tree}.inputs); rerun: node dist/scripts/fuzz.js --seed ${o.seed} …`);
      return false;
    }
    fs.rmSync(tree, { recursive: true, force: true });
  }
  for (const f of formats) log(`  ${f.language.padEnd(15)} ${String(f.inputs).padStart(5)} inputs`);
  log(`fuzz: ${round} round${round === 1 ? '' : 's'}, ${n} inputs in ${Math.round(performance.now() - t0)} ms; every round exited 0–3 and found the canary; peak memory ${peak.toFixed(0)} MiB; slowest round ${Math.round(slowest)} ms`);
  fs.rmSync(work, { recursive: true, force: true });
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let opts: FuzzOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fuzz: error: ${(e as Error).message}\n`);
    process.exit(2);
  }
  process.exitCode = fuzz(opts) ? 0 : 1;
}
