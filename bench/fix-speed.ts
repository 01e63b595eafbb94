/**
 * `--fix` against `check` on the same tree, and one thread against the default, on a generated
 * tree shaped like a monorepo (issue 16, point 7): most Python modules launch nothing or launch
 * `sys.executable`, some start `python`/`pip` by name (list and shell forms, a constant, several
 * launches a module), and there are shell scripts, Makefiles and workflows with escapes.
 * Each measurement runs the bundled CLI as its own process; `--fix` runs on a fresh copy each
 * time (the copy is not timed). Prints medians and the fix ÷ check ratio; nothing is asserted.
 *
 *   node dist/bench/fix-speed.js [--files N,N…] [--runs N] [--out FILE]
 *   node dist/bench/fix-speed.js --layouts [--files 1,30,300,3000]   (check and --fix with the
 *     analysis on the main thread, on 1 worker, on 2 workers: what the default thread count follows)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '..', 'cli', 'main.js');

/** One module of the tree: `i` picks its shape (about one in four launches something by name). */
function pythonModule(i: number): string {
  const body = ['"""Module %d of the generated tree."""', 'import os', 'import subprocess', 'import sys', '', '', `def task_${i}(args):`];
  switch (i % 8) {
    case 0:
      body.push(`    subprocess.run(["python", "-m", "pkg${i}.worker", *args], check=True)`, `    os.system("pip install -q pkg${i}")`);
      break;
    case 3:
      body.push(`    return subprocess.check_output(["pip", "freeze"]).decode()`);
      break;
    default:
      body.push(`    subprocess.run([sys.executable, "-m", "pkg${i}.worker", *args], check=True)`);
  }
  // Some weight that is not launches: helpers, constants, a class.
  for (let k = 0; k < 12; k++) body.push('', '', `def helper_${k}(value, scale=${k + 1}):`, `    """Scale value by ${k + 1}."""`, `    return [v * scale for v in value if v is not None]`);
  body.push('', '', `class Service${i}:`, '    def __init__(self, name):', '        self.name = name', '', '    def path(self):', '        return os.path.join("/srv", self.name)', '');
  return body.join('\n').replace('%d', String(i));
}

/** Writes a tree of `n` files (90% Python, the rest shell scripts, Makefiles and workflows). */
export function generateTree(dir: string, n: number): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < n; i++) {
    const pkg = path.join(dir, `pkg${Math.floor(i / 50)}`);
    fs.mkdirSync(pkg, { recursive: true });
    if (i % 10 !== 9) {
      fs.writeFileSync(path.join(pkg, `mod${i}.py`), pythonModule(i));
      continue;
    }
    switch (Math.floor(i / 10) % 3) {
      case 0:
        fs.writeFileSync(path.join(pkg, `deploy${i}.sh`), `#!/bin/sh\nset -e\npython3 -m venv .venv\npip install -r requirements.txt\npython -m app.migrate\n`);
        break;
      case 1:
        fs.writeFileSync(path.join(pkg, 'Makefile'), `VENV := .venv\n\n$(VENV):\n\tpython3 -m venv $(VENV)\n\ntest: | $(VENV)\n\tpip install -e .\n\tpytest -q\n`);
        break;
      default: {
        const wf = path.join(pkg, '.github', 'workflows');
        fs.mkdirSync(wf, { recursive: true });
        fs.writeFileSync(path.join(wf, `ci${i}.yml`), 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python -m venv .venv\n      - run: pip install -e .\n      - run: pytest -q\n');
      }
    }
  }
}

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux; 0 elsewhere). */
function childCpu(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the name: state is field 3, cutime 16 and cstime 17 (man 5 proc), in clock ticks (100 a second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

/** The CPU seconds of the last `timed` run (0 where /proc is missing). */
let lastCpu = 0;

function timed(args: string[], cwd: string, env: Record<string, string> = {}): number {
  const cpu0 = childCpu();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env } });
  const s = (performance.now() - t0) / 1000;
  lastCpu = childCpu() - cpu0;
  if (r.status === null || r.status === 2) throw new Error(`venvguard ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface FixSpeed {
  files: number;
  checkSeconds: number;
  fixSeconds: number;
  ratio: number;
  oneThreadCheck: number;
  oneThreadFix: number;
  threads: number;
}

/** Medians of `runs` runs each of check, --fix --unsafe-fixes, and both with --jobs 1, interleaved. */
export function measureFixSpeed(files: number, runs: number): FixSpeed {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-fixspeed-'));
  try {
    const src = path.join(root, 'src');
    generateTree(src, files);
    const work = path.join(root, 'work');
    const t = { check: [] as number[], fix: [] as number[], check1: [] as number[], fix1: [] as number[] };
    const fresh = () => {
      fs.rmSync(work, { recursive: true, force: true });
      fs.cpSync(src, work, { recursive: true });
    };
    for (let r = 0; r < runs; r++) {
      t.check.push(timed(['check', '--format', 'json', '.'], src));
      fresh();
      t.fix.push(timed(['check', '--fix', '--unsafe-fixes', '--format', 'json', '.'], work));
      t.check1.push(timed(['check', '--jobs', '1', '--format', 'json', '.'], src));
      fresh();
      t.fix1.push(timed(['check', '--jobs', '1', '--fix', '--unsafe-fixes', '--format', 'json', '.'], work));
    }
    const checkSeconds = median(t.check);
    const fixSeconds = median(t.fix);
    return { files, checkSeconds, fixSeconds, ratio: fixSeconds / checkSeconds, oneThreadCheck: median(t.check1), oneThreadFix: median(t.fix1), threads: os.availableParallelism() };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** How the check is spread over threads: all on the main thread, or the main thread reading for N workers. */
const LAYOUTS: { name: string; env: Record<string, string> }[] = [
  { name: 'main thread', env: { VG_PARALLEL_BYTES: String(Number.MAX_SAFE_INTEGER) } },
  { name: '1 worker', env: { VG_PARALLEL_BYTES: '0', VG_WORKERS: '1' } },
  { name: '2 workers', env: { VG_PARALLEL_BYTES: '0', VG_WORKERS: '2' } },
];

export interface LayoutSpeed {
  files: number;
  layout: string;
  check: number;
  fix: number;
  /** CPU seconds (user + system), medians. */
  checkCpu: number;
  fixCpu: number;
}

/** Medians of `runs` runs of check and of --fix --unsafe-fixes with each thread layout (interleaved), on one tree of `files` files. */
export function measureLayouts(files: number, runs: number): LayoutSpeed[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-layouts-'));
  try {
    const src = path.join(root, 'src');
    generateTree(src, files);
    const work = path.join(root, 'work');
    const t = LAYOUTS.map(() => ({ check: [] as number[], fix: [] as number[], checkCpu: [] as number[], fixCpu: [] as number[] }));
    for (let r = 0; r < runs; r++) {
      LAYOUTS.forEach((l, i) => {
        t[i].check.push(timed(['check', '--format', 'json', '.'], src, l.env));
        t[i].checkCpu.push(lastCpu);
        fs.rmSync(work, { recursive: true, force: true });
        fs.cpSync(src, work, { recursive: true });
        t[i].fix.push(timed(['check', '--fix', '--unsafe-fixes', '--format', 'json', '.'], work, l.env));
        t[i].fixCpu.push(lastCpu);
      });
    }
    return LAYOUTS.map((l, i) => ({ files, layout: l.name, check: median(t[i].check), fix: median(t[i].fix), checkCpu: median(t[i].checkCpu), fixCpu: median(t[i].fixCpu) }));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function renderLayouts(rows: LayoutSpeed[]): string {
  const out = ['| Files | threads | check | --fix | check CPU | --fix CPU |', '| ---: | --- | ---: | ---: | ---: | ---: |'];
  for (const r of rows) out.push(`| ${r.files} | ${r.layout} | ${r.check.toFixed(2)} s | ${r.fix.toFixed(2)} s | ${r.checkCpu.toFixed(2)} s | ${r.fixCpu.toFixed(2)} s |`);
  return out.join('\n') + '\n';
}

export function renderFixSpeed(rows: FixSpeed[]): string {
  const out = ['| Files | check | --fix | --fix ÷ check | check --jobs 1 | --fix --jobs 1 | default threads |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of rows) out.push(`| ${r.files} | ${r.checkSeconds.toFixed(2)} s | ${r.fixSeconds.toFixed(2)} s | ${r.ratio.toFixed(2)}× | ${r.oneThreadCheck.toFixed(2)} s | ${r.oneThreadFix.toFixed(2)} s | ${r.threads} |`);
  return out.join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '300,3000' }, runs: { type: 'string', default: '3' }, out: { type: 'string' }, layouts: { type: 'boolean' } } });
  if (values.layouts) {
    const rows: LayoutSpeed[] = [];
    for (const n of values.files!.split(',').map(Number)) {
      process.stderr.write(`thread layouts: ${n} files…\n`);
      rows.push(...measureLayouts(n, Number(values.runs)));
      process.stderr.write(renderLayouts(rows.filter((r) => r.files === n)));
    }
    process.stdout.write(`\ncheck and --fix by thread layout (generated tree, medians of ${values.runs} runs, ${os.availableParallelism()} CPUs)\n\n${renderLayouts(rows)}`);
    if (values.out) fs.writeFileSync(values.out, JSON.stringify(rows, null, 2) + '\n');
    process.exit(0);
  }
  const rows: FixSpeed[] = [];
  for (const n of values.files!.split(',').map(Number)) {
    process.stderr.write(`fix speed: ${n} files…\n`);
    rows.push(measureFixSpeed(n, Number(values.runs)));
  }
  process.stdout.write(`\n--fix against check (generated tree, medians of ${values.runs} runs, ${os.availableParallelism()} CPUs)\n\n${renderFixSpeed(rows)}`);
  if (values.out) fs.writeFileSync(values.out, JSON.stringify(rows, null, 2) + '\n');
}
