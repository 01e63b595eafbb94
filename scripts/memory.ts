/**
 * `npm run fuzz:memory`: peak memory and time of the real CLI on one large or hostile file at a time
 * (issue 16, point 1). For every front end and shape of test/memory-shapes.ts (one long line of
 * launches, a launch on every line, lone \r line ends, deep nesting, many lines without launches)
 * at each size, it writes the file, runs
 *
 *   /usr/bin/time -v node --max-old-space-size=M <cli> check --no-config --max-file-size 20971520 FILE
 *
 * under a limit of CPU seconds (--timeout), and prints a table: peak RSS (the whole process, from time -v), wall and CPU
 * seconds, the exit code and what happened to the file (findings, too complex, too large …). Rows
 * over --max-rss-mb, over --max-seconds of CPU time (user + system: on a shared machine wall time
 * measures the other jobs too), killed by the timeout or crashed are marked and listed at the end;
 * the exit code is 1 when there are any.
 *
 *   node dist/scripts/memory.js [--sizes 1,4,10] [--formats python,shell,…] [--shapes one-line,…]
 *                               [--max-rss-mb 256] [--max-seconds 10] [--timeout 60] [--heap-mb 2048]
 *                               [--venvguard CLI] [--json OUT]
 *
 * Sizes are in MiB, or `cap`: just under the size the format's files are analysed up to (98% of it:
 * 0.49 MiB for the YAML formats' 512 KiB, 1.96 MiB for the other configuration formats' 2 MiB, 9.8
 * MiB for Python and notebooks' default --max-file-size of 10 MiB), where the worst cases are; the
 * default is `1,cap`. A size over a format's cap is left out for it (the file would be refused
 * unread as too large). Wall time depends on the machine's load (it is shared); CPU seconds less so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MEMORY_FORMATS, SHAPES, shapeText, type Shape } from '../test/memory-shapes.js';
import { frontEndByLanguage } from '../src/frontends/index.js';
import type { Language } from '../src/kernel/launch-site.js';
import { repositoryRoot } from '../src/kernel/own-package.js';

/** The default --max-file-size (pipeline/config.ts): the cap of formats without one of their own. */
const DEFAULT_MAX_FILE_SIZE = 10 * 1048576;

/** The size `language`'s files are analysed up to, in bytes. */
export function capOf(language: Language): number {
  return frontEndByLanguage(language).maxBytes ?? DEFAULT_MAX_FILE_SIZE;
}

/** `cap` for a format: just under its cap, in MiB (two decimals). */
export function justUnder(language: Language): number {
  return Math.floor((capOf(language) * 0.98) / 1048576 * 100) / 100;
}

const root = repositoryRoot(import.meta.url);

export interface MemoryOptions {
  /** MiB, or 'cap' (just under each format's cap). */
  sizes: (number | 'cap')[];
  formats: string[];
  shapes: Shape[];
  maxRssMb: number;
  maxSeconds: number;
  timeout: number;
  heapMb: number;
  venvguard: string;
  json?: string;
}

export interface MemoryRow {
  format: string;
  shape: Shape;
  mib: number;
  rssMb: number;
  wallS: number;
  cpuS: number;
  exit: number | null;
  outcome: string;
  over: string[];
}

function parseArgs(argv: string[]): MemoryOptions {
  const o: MemoryOptions = {
    sizes: [1, 'cap'],
    formats: MEMORY_FORMATS.map((f) => f.language),
    shapes: SHAPES.map((s) => s.shape),
    maxRssMb: 256,
    maxSeconds: 10,
    timeout: 60,
    heapMb: 2048,
    venvguard: path.join(root, 'dist/cli/main.js'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = () => {
      const v = value();
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new Error(`${a}: expected a positive number, got ${JSON.stringify(v)}`);
      return Number(v);
    };
    const list = <T extends string>(known: readonly string[]) => {
      const xs = value().split(',').filter(Boolean);
      for (const x of xs) if (!known.includes(x)) throw new Error(`${a}: unknown ${JSON.stringify(x)} (known: ${known.join(', ')})`);
      return xs as T[];
    };
    if (a === '--sizes') {
      o.sizes = value().split(',').map((v) => {
        if (v === 'cap') return 'cap';
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new Error(`--sizes: expected MiB numbers or cap, got ${JSON.stringify(v)}`);
        return Number(v);
      });
    } else if (a === '--formats') o.formats = list(MEMORY_FORMATS.map((f) => f.language));
    else if (a === '--shapes') o.shapes = list<Shape>(SHAPES.map((s) => s.shape));
    else if (a === '--max-rss-mb') o.maxRssMb = num();
    else if (a === '--max-seconds') o.maxSeconds = num();
    else if (a === '--timeout') o.timeout = num();
    else if (a === '--heap-mb') o.heapMb = num();
    else if (a === '--venvguard') o.venvguard = path.resolve(value());
    else if (a === '--json') o.json = path.resolve(value());
    else throw new Error(`unknown argument ${JSON.stringify(a)}`);
  }
  if (!fs.existsSync(o.venvguard)) throw new Error(`no CLI at ${o.venvguard} (run npm run build, or pass --venvguard)`);
  if (!fs.existsSync('/usr/bin/time')) throw new Error('/usr/bin/time (GNU time) is needed for the peak RSS of the whole process');
  if (spawnSync('prlimit', ['--version']).status !== 0) throw new Error('prlimit (util-linux) is needed for the CPU time limit');
  return o;
}

/** What the CLI said about the file: its findings, or the problem it reported. */
function outcomeOf(stdout: string, stderr: string): string {
  const problem = /(too complex[^\n]*?\(([a-z-]+)\)|over the [^\n]*?(?:limit|analysed up to)|too deeply nested|internal error|parser crashed|FATAL ERROR[^\n]*|JavaScript heap out of memory)/.exec(stderr + stdout);
  if (problem) return problem[2] ? `too-complex (${problem[2]})` : problem[1].slice(0, 60);
  const found = /Found (\d+) problems?/.exec(stdout);
  if (found) return `${found[1]} findings`;
  if (/No problems found/.test(stdout)) return 'no findings';
  return (stderr.trim().split('\n').pop() ?? '').slice(0, 60);
}

/** One file through the CLI under /usr/bin/time -v. */
export function measure(file: string, o: Pick<MemoryOptions, 'heapMb' | 'timeout' | 'venvguard'>): Omit<MemoryRow, 'format' | 'shape' | 'mib' | 'over'> {
  const out = `${file}.out`;
  const fd = fs.openSync(out, 'w');
  const t0 = performance.now();
  // A limit on CPU seconds (prlimit execs the CLI in its own process, so time(1) still sees its
  // peak RSS): on a shared machine a wall-clock timeout would kill files for the others' load.
  const r = spawnSync('/usr/bin/time', ['-v', 'prlimit', `--cpu=${o.timeout}:${o.timeout + 5}`, process.execPath, `--max-old-space-size=${o.heapMb}`, o.venvguard, 'check', '--no-config', '--max-file-size', '20971520', file], {
    cwd: path.dirname(file),
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // A last resort for a CLI that waits on nothing at all without using CPU.
    timeout: o.timeout * 20 * 1000,
  });
  const wallS = (performance.now() - t0) / 1000;
  fs.closeSync(fd);
  const stdout = fs.readFileSync(out, 'utf8').slice(-4096);
  fs.rmSync(out);
  const stderr = r.stderr ?? '';
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
  const signal = /Command terminated by signal (\d+)/.exec(stderr)?.[1];
  // SIGXCPU (24) at the soft limit, SIGKILL (9) at the hard one.
  const timedOut = signal === '24' || signal === '9';
  const exit = timedOut || signal ? null : /Exit status: (\d+)/.test(stderr) ? field('Exit status') : r.status;
  return {
    rssMb: field('Maximum resident set size \\(kbytes\\)') / 1024,
    wallS,
    cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    exit,
    outcome: timedOut ? `killed after ${o.timeout} s of CPU` : outcomeOf(stdout, stderr.split('\tCommand being timed')[0]),
  };
}

export function run(o: MemoryOptions, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): MemoryRow[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-memory-'));
  const rows: MemoryRow[] = [];
  log(`memory: ${o.formats.length} formats × ${o.shapes.length} shapes × ${o.sizes.join('/')} MiB; over ${o.maxRssMb} MiB peak RSS or ${o.maxSeconds} s is marked (heap cap ${o.heapMb} MiB, killed after ${o.timeout} s of CPU)`);
  log(`${'format'.padEnd(15)} ${'shape'.padEnd(9)} ${'MiB'.padStart(4)} ${'RSS MiB'.padStart(8)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(6)} exit  outcome`);
  try {
    for (const f of MEMORY_FORMATS.filter((f) => o.formats.includes(f.language))) {
      for (const shape of o.shapes) {
        // Each size once, in order; none over the format's cap (the file would be refused unread).
        const sizes = [...new Set(o.sizes.map((x) => (x === 'cap' ? justUnder(f.language) : x)))].filter((x) => x * 1048576 <= capOf(f.language)).sort((a, b) => a - b);
        for (const mib of sizes) {
          const file = path.join(work, f.language, f.name);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, shapeText(f, shape, Math.round(mib * 1048576)));
          const m = measure(file, o);
          fs.rmSync(file);
          const over: string[] = [];
          if (!(m.rssMb <= o.maxRssMb)) over.push(`${Number.isNaN(m.rssMb) ? '?' : m.rssMb.toFixed(0)} MiB`);
          // CPU seconds: the machine is shared, and wall time there measures the other jobs too.
          if (!(m.cpuS <= o.maxSeconds) || m.exit === null) over.push(`${m.cpuS.toFixed(1)} s CPU`);
          if (m.exit === null || m.exit > 3 || /internal|crash|FATAL|heap out/.test(m.outcome)) over.push('crash');
          const row: MemoryRow = { format: f.language, shape, mib, ...m, over };
          rows.push(row);
          log(`${f.language.padEnd(15)} ${shape.padEnd(9)} ${String(mib).padStart(4)} ${m.rssMb.toFixed(0).padStart(8)} ${m.wallS.toFixed(1).padStart(7)} ${m.cpuS.toFixed(1).padStart(6)} ${String(m.exit).padStart(4)}  ${m.outcome}${over.length ? `   << OVER: ${over.join(', ')}` : ''}`);
        }
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const bad = rows.filter((r) => r.over.length);
  const peak = rows.reduce((m, r) => Math.max(m, Number.isNaN(r.rssMb) ? 0 : r.rssMb), 0);
  const slowest = rows.reduce((m, r) => Math.max(m, Number.isNaN(r.cpuS) ? 0 : r.cpuS), 0);
  log(`memory: ${rows.length} files; peak ${peak.toFixed(0)} MiB, most CPU ${slowest.toFixed(1)} s; ${bad.length} over the limits${bad.length ? ':' : ''}`);
  for (const r of bad) log(`  ${r.format} ${r.shape} ${r.mib} MiB: ${r.over.join(', ')} (${r.outcome})`);
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ options: { ...o, venvguard: undefined }, rows }, null, 1) + '\n');
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let opts: MemoryOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`memory: error: ${(e as Error).message}\n`);
    process.exit(2);
  }
  process.exitCode = run(opts).some((r) => r.over.length) ? 1 : 0;
}
