/**
 * Does venvguard's time grow linearly with its input? For each format, a large realistic
 * file is grown 1×, 4× and 16×, within the budgets (Python from real standard-library modules, the Makefile from
 * CPython's own, the other formats from the bundled example's files with their names numbered),
 * and a tree of 1k, 4k and 16k small Python files is checked with and without an escape in every
 * file. Each step is one `venvguard check` child process; the table shows its wall time, its CPU
 * time, the check's own time (the JSON summary's durationMs: no start-up), the slope and the peak
 * RSS. The slope is how much the CPU time above a base run grew for 4× the input (~4 is linear,
 * ~16 quadratic); the base run checks the format's one-unit file (the example file, one module),
 * so start-up and loading the parsers are not counted as work that grows.
 *
 * A measurement, not a test: nothing is asserted. `npm run bench:scale` (after a build:
 * `node dist/bench/scale.js [--only python,makefile,tree] [--quick]`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repo, 'dist', 'cli', 'main.js');
const example = path.join(repo, 'examples', 'ci-mixed');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const STEPS = quick ? [1, 4] : [1, 4, 16];
const TREES = quick ? [1000, 4000] : [1000, 4000, 16000];
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Measured {
  wall: number;
  cpu: number | null;
  rssMiB: number | null;
  checkSeconds: number | null;
  exit: number | null;
  diagnostics: number | null;
  problems: number | null;
  /** The first problem's message, when there is one. */
  problem?: string;
}

/** One `venvguard check` in a child process: stdout (JSON) to a file, rusage from GNU time. */
function measure(target: string, extra: string[], format = 'json'): Promise<Measured> {
  const out = path.join(os.tmpdir(), `vg-scale-out-${process.pid}.txt`);
  const rusage = path.join(os.tmpdir(), `vg-scale-rusage-${process.pid}.txt`);
  const cmd = [process.execPath, cli, 'check', target, '--no-config', '--format', format, ...extra];
  const argv = TIME ? [TIME, '-f', '%M %U %S', '-o', rusage, ...cmd] : cmd;
  const fd = fs.openSync(out, 'w');
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', fd, 'ignore'] });
    child.on('close', (code) => {
      const wall = (performance.now() - start) / 1000;
      fs.closeSync(fd);
      let rssMiB: number | null = null;
      let cpu: number | null = null;
      if (TIME && fs.existsSync(rusage)) {
        const [m, u, s] = fs.readFileSync(rusage, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        rssMiB = m / 1024;
        cpu = u + s;
      }
      let checkSeconds: number | null = null;
      let diagnostics: number | null = null;
      let problems: number | null = null;
      let problem: string | undefined;
      if (format === 'json') {
        try {
          const r = JSON.parse(fs.readFileSync(out, 'utf8')) as { summary: { durationMs: number }; diagnostics: unknown[]; problems: { message: string }[] };
          checkSeconds = r.summary.durationMs / 1000;
          diagnostics = r.diagnostics.length;
          problems = r.problems.length;
          problem = r.problems[0]?.message;
        } catch {
          /* a failed run: the exit code says so */
        }
      }
      fs.rmSync(out, { force: true });
      fs.rmSync(rusage, { force: true });
      resolve({ wall, cpu, rssMiB, checkSeconds, exit: code, diagnostics, problems, ...(problem ? { problem } : {}) });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The inputs

function python3(): string {
  for (const p of ['python3.12', 'python3']) if (spawnSync(p, ['-c', '1']).status === 0) return p;
  throw new Error('no python3 on PATH: the Python input is made of its standard library');
}

/**
 * About `bytes` of real code: whole standard-library modules, in a fixed order, those that use
 * subprocess first (so that even 1× has launches to analyse, not only text the prefilter skips).
 */
function stdlibCode(bytes: number): string {
  const lib = spawnSync(python3(), ['-c', 'import os; print(os.path.dirname(os.__file__))'], { encoding: 'utf8' }).stdout.trim();
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && e.name !== 'site-packages' && e.name !== '__pycache__') walk(path.join(d, e.name));
      else if (e.isFile() && e.name.endsWith('.py')) files.push(path.join(d, e.name));
    }
  };
  walk(lib);
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const launching = (f: string) => (texts.get(f)!.includes('subprocess') ? 0 : 1);
  files.sort((a, b) => launching(a) - launching(b));
  let s = '';
  for (const f of files) {
    if (s.length >= bytes) break;
    s += texts.get(f)! + '\n';
  }
  return s;
}

/** CPython's own Makefile (pyenv's interpreters first), cut at a blank line to `max` bytes. */
function cpythonMakefile(max: number): string {
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' }).stdout?.trim();
  const found: string[] = [];
  const lib = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const v of fs.readdirSync(dir).filter((n) => /^python3\.\d+$/.test(n))) {
      for (const c of fs.readdirSync(path.join(dir, v)).filter((n) => n.startsWith('config-'))) {
        const m = path.join(dir, v, c, 'Makefile');
        if (fs.existsSync(m)) found.push(m);
      }
    }
  };
  if (root) for (const v of fs.readdirSync(path.join(root, 'versions'))) lib(path.join(root, 'versions', v, 'lib'));
  const sys = spawnSync(python3(), ['-c', 'import sysconfig; print(sysconfig.get_makefile_filename())'], { encoding: 'utf8' }).stdout?.trim();
  if (sys && fs.existsSync(sys)) found.push(sys);
  if (!found.length) throw new Error('no CPython Makefile found (pyenv root, sysconfig.get_makefile_filename())');
  const text = fs.readFileSync(found.find((f) => f.includes('3.12')) ?? found[0], 'utf8');
  return text.length <= max ? text : text.slice(0, text.lastIndexOf('\n\n', max) + 1);
}

const ex = (p: string) => fs.readFileSync(path.join(example, p), 'utf8');
/** `unit(i)` repeated until about `bytes`. */
const repeated = (bytes: number, unit: (i: number) => string, head = '') => {
  let s = head;
  for (let i = 0; s.length < bytes; i++) s += unit(i);
  return s;
};

/**
 * Each format's input at 1×, so that 16× stays within every budget (src/kernel/budgets.ts): a file
 * over one is refused as too complex, which measures the budget, not the format (64 KiB at 1× did
 * once: shell, Actions, GitLab and others reported one problem and no finding at 16×). The
 * binding budgets: 256 KiB in one shell script, 5,000 exec-form lines, 1 MiB of Python parsed at
 * once (16× 48 KiB stays under it even if every block is kept). The bench stops when a step
 * reports a problem.
 */
const CONFIG_1X = 12 * 1024;
const PYTHON_1X = 48 * 1024;
const MAKEFILE_1X = 24 * 1024;
const FORMATS: { name: string; file: string; make: (scale: number) => string; base?: () => string; extra?: string[] }[] = [
  { name: 'python', file: 'big.py', make: (k) => stdlibCode(k * PYTHON_1X), base: () => stdlibCode(1), extra: ['--max-file-size', String(200 * 1024 * 1024)] },
  {
    name: 'dockerfile',
    file: 'Dockerfile',
    make: (k) => repeated(k * CONFIG_1X, (i) => ex('Dockerfile').replace(/builder/g, `builder${i}`) + '\n'),
  },
  {
    name: 'actions',
    file: '.github/workflows/ci.yml',
    make: (k) => repeated(k * CONFIG_1X, (i) => ex('.github/workflows/ci.yml').split('jobs:\n')[1].replace(/^  test:/m, `  test${i}:`), ex('.github/workflows/ci.yml').split('jobs:\n')[0] + 'jobs:\n'),
  },
  {
    name: 'gitlab',
    file: '.gitlab-ci.yml',
    make: (k) => {
      const [head, jobs] = ex('.gitlab-ci.yml').split(/\n(?=lint:)/);
      return repeated(k * CONFIG_1X, (i) => '\n' + jobs.replace(/^(lint|test|typecheck|build):/gm, `$1_${i}:`), head + '\n');
    },
  },
  { name: 'makefile', file: 'Makefile', make: (k) => cpythonMakefile(MAKEFILE_1X).repeat(k), base: () => ex('Makefile') },
  { name: 'shell', file: 'scripts/bootstrap.sh', make: (k) => repeated(k * CONFIG_1X, () => ex('scripts/bootstrap.sh').replace(/^#!.*\n/, '').replace(/^deactivate$/m, 'deactivate || true'), '#!/bin/sh\n') },
  { name: 'systemd', file: 'deploy/app.service', make: (k) => repeated(k * CONFIG_1X, (i) => ex('deploy/app.service').replace(/manage\.py migrate/, `manage.py migrate${i}`)) },
  { name: 'supervisor', file: 'deploy/supervisor/app.conf', make: (k) => repeated(k * CONFIG_1X, (i) => ex('deploy/supervisor/app.conf').replace(/\[program:(\w+)\]/g, `[program:$1${i}]`) + '\n') },
  { name: 'procfile', file: 'Procfile', make: (k) => repeated(k * CONFIG_1X, (i) => ex('Procfile').replace(/^(\w+):/gm, `$1${i}:`)) },
  { name: 'crontab', file: 'deploy/crontab', make: (k) => repeated(k * CONFIG_1X, () => ex('deploy/crontab')) },
];

// Two findings in every file: a console script and an interpreter by name. (Not `pip install` and
// `python`: a file that installs with PATH's pip and runs PATH's python uses one environment
// throughout, which the default policy holds back as \`path-chain\`, so such a tree has no findings.)
const ESCAPE = `"""A small module of a project's shape."""
import os
import subprocess
import sys


def build(target: str) -> int:
    """Build the target."""
    env = dict(os.environ)
    env["TARGET"] = target
    subprocess.run(["pytest", "-q", target], check=True, env=env)
    return subprocess.call(["python", "-m", "build", target])


if __name__ == "__main__":
    sys.exit(build(sys.argv[1]))
`;
const CLEAN = ESCAPE.replace('["pytest", "-q"', '[sys.executable, "-m", "pytest", "-q"').replace('["python", "-m"', '[sys.executable, "-m"');

function tree(dir: string, files: number, text: string): void {
  for (let i = 0; i < files; i++) {
    const d = path.join(dir, `pkg${Math.floor(i / 100)}`);
    if (i % 100 === 0) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `mod${i}.py`), text);
  }
}

// ---------------------------------------------------------------------------------------------
// The table

const f2 = (n: number | null, d = 2) => (n === null ? '?' : n.toFixed(d));
const rows: string[] = ['| Input | Size | Wall (s) | CPU (s) | Check (s) | Slope (CPU above base, per 4×) | Peak RSS (MiB) | Findings | Problems |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
const print = (r: string) => {
  rows.push(r);
  process.stdout.write(r + '\n');
};
const sizeText = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(b / 1024)} KiB`);

async function main(): Promise<void> {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: npm run build first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-scale-'));
  try {
    process.stdout.write(`venvguard scale bench: ${os.availableParallelism()} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);
    fs.mkdirSync(path.join(work, 'empty'));
    const startup = await measure(path.join(work, 'empty'), []);
    process.stdout.write(`start-up (check of an empty folder): wall ${f2(startup.wall)} s, CPU ${f2(startup.cpu)} s, ${f2(startup.rssMiB, 0)} MiB\n\n`);
    process.stdout.write(rows.join('\n') + '\n');
    for (const fmt of FORMATS) {
      if (only && !only.includes(fmt.name)) continue;
      const run = async (tag: string, text: string) => {
        const dir = path.join(work, `${fmt.name}-${tag}`);
        const file = path.join(dir, fmt.file);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        const m = await measure(dir, fmt.extra ?? []);
        fs.rmSync(dir, { recursive: true, force: true });
        return m;
      };
      const base = await run('base', fmt.base ? fmt.base() : fmt.make(1 / 1024));
      let prev: number | null = null;
      for (const k of STEPS) {
        const text = fmt.make(k);
        const m = await run(String(k), text);
        const grown = m.cpu !== null && base.cpu !== null ? Math.max(m.cpu - base.cpu, 0.005) : null;
        const slope = prev !== null && grown !== null ? grown / prev : null;
        print(`| ${fmt.name} ${k}× | ${sizeText(Buffer.byteLength(text))} | ${f2(m.wall)} | ${f2(m.cpu)} | ${f2(m.checkSeconds, 3)} | ${slope === null ? '' : f2(slope, 1)} | ${f2(m.rssMiB, 0)} | ${m.diagnostics ?? `exit ${m.exit}`} | ${m.problems ?? ''} |`);
        if (m.problems) throw new Error(`${fmt.name} ${k}×: the check reported a problem (${m.problem}): the step measured a budget, not the format`);
        prev = grown;
      }
    }
    if (!only || only.includes('tree')) {
      for (const [kind, text, each] of [['escape in every file', ESCAPE, 2], ['no escape', CLEAN, 0]] as const) {
        let prev: number | null = null;
        for (const n of TREES) {
          const dir = path.join(work, `tree-${n}`);
          tree(dir, n, text);
          const m = await measure(dir, []);
          // A tree meant to hold findings that reports none measures the wrong thing (it once did).
          if (m.diagnostics !== null && m.diagnostics !== each * n) throw new Error(`tree ${n}, ${kind}: ${m.diagnostics} findings, expected ${each * n}`);
          const grown = m.cpu !== null && startup.cpu !== null ? m.cpu - startup.cpu : null;
          const slope = prev !== null && grown !== null ? grown / prev : null;
          print(`| tree ${n / 1000}k files, ${kind} | ${sizeText(n * Buffer.byteLength(text))} | ${f2(m.wall)} | ${f2(m.cpu)} | ${f2(m.checkSeconds, 3)} | ${slope === null ? '' : f2(slope, 1)} | ${f2(m.rssMiB, 0)} | ${m.diagnostics ?? `exit ${m.exit}`} | ${m.problems ?? ''} |`);
          prev = grown;
          if (n === TREES.at(-1)) {
            // The same tree reported as text (the JSON figures above).
            const t = await measure(dir, [], 'text');
            print(`| tree ${n / 1000}k files, ${kind}, text output | ${sizeText(n * Buffer.byteLength(text))} | ${f2(t.wall)} | ${f2(t.cpu)} | | | ${f2(t.rssMiB, 0)} | exit ${t.exit} | |`);
          }
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
