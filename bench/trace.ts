/**
 * What the `venvguard run` tracer costs the program it watches: wall time traced / untraced, for
 *  - a spawn-heavy job: one Python starting --children (default 48) Python children with sys.executable,
 *    one after the other (every start loads the tracer and writes a record; the parent writes one per spawn);
 *  - a real test suite: the standard library's test_subprocess (POSIXProcessTestCase by default; any
 *    `python -m test` arguments with --suite), run in an empty folder.
 * Untraced: the interpreter started from this process with pipes; traced: launchTraced (folder made,
 * tracer written, records read, folder removed — the whole cost), also with pipes. Runs are interleaved
 * (the order alternates round by round) after one warm-up round; the report gives the medians and their
 * ratio, the exit codes of both (a test suite that fails only when traced is a finding, not noise), and
 * the number of records. Target (issue 11): ratio ≤ 1.10 on both. Nothing is asserted: a busy machine
 * moves the ratios. Run after a build: `node dist/bench/trace.js [--python P] [--runs N] [--children N]
 * [--suite "test_x -m Pattern"]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { launchTraced } from '../src/env/trace/launch.js';
import { python3 } from '../test/helpers.js'; // the tests' interpreter choice: pyenv's newest, else python3 on PATH

const { values } = parseArgs({
  options: {
    python: { type: 'string' },
    runs: { type: 'string', default: '5' },
    children: { type: 'string', default: '48' },
    suite: { type: 'string', default: 'test_subprocess -m POSIXProcessTestCase' },
  },
});
const count = (name: string, v: string, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`trace bench: --${name} ${v}: expected an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return n;
};
const runs = count('runs', values.runs!, 1);
const children = count('children', values.children!, 1);


const python = values.python ?? python3();
if (!python) {
  process.stderr.write('trace bench: no Python 3 found (pyenv or python3 on PATH); use --python\n');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bench-trace-'));
const spawnJob = path.join(dir, 'spawn_job.py');
fs.writeFileSync(
  spawnJob,
  `import subprocess, sys\nfor i in range(${children}):\n    subprocess.run([sys.executable, "-c", "pass"], check=True)\n`,
);
const work = path.join(dir, 'work');
fs.mkdirSync(work);
// PATH and HOME only: a PYTHONPATH or VIRTUAL_ENV of the shell running the bench changes nothing.
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.homedir() };

interface Job {
  name: string;
  command: string[];
}
const jobs: Job[] = [
  { name: `spawn-heavy: ${children} children with sys.executable`, command: [python, spawnJob] },
  { name: `test suite: python -m test ${values.suite}`, command: [python, '-m', 'test', ...values.suite!.split(/\s+/).filter(Boolean)] },
];

interface Sample {
  seconds: number;
  code: number | null;
  records?: number;
}

function untraced(command: string[]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command[0], command.slice(1), { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ seconds: (performance.now() - start) / 1000, code }));
  });
}

async function traced(command: string[]): Promise<Sample> {
  const start = performance.now();
  const r = await launchTraced({ command, cwd: work, env, stdio: 'pipe' });
  return { seconds: (performance.now() - start) / 1000, code: r.exitCode, records: r.records.length };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const version = spawnSync(python, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).stdout.trim();
process.stdout.write(`venvguard run overhead — Python ${version} (${python}), ${runs} interleaved runs each after 1 warm-up, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}\n\n`);
process.stdout.write('| job | untraced median s | traced median s | ratio | exit codes (untraced/traced) | records per run |\n|---|---|---|---|---|---|\n');
try {
  for (const job of jobs) {
    await untraced(job.command);
    await traced(job.command);
    const plain: Sample[] = [];
    const withTracer: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        plain.push(await untraced(job.command));
        withTracer.push(await traced(job.command));
      } else {
        withTracer.push(await traced(job.command));
        plain.push(await untraced(job.command));
      }
    }
    const a = median(plain.map((s) => s.seconds));
    const b = median(withTracer.map((s) => s.seconds));
    const codes = `${[...new Set(plain.map((s) => s.code))].join(',')} / ${[...new Set(withTracer.map((s) => s.code))].join(',')}`;
    const records = [...new Set(withTracer.map((s) => s.records))].join(', ');
    const ratio = b / a;
    process.stdout.write(`| ${job.name} | ${a.toFixed(3)} | ${b.toFixed(3)} | **${ratio.toFixed(3)}**${ratio <= 1.1 ? '' : ' (over 1.10)'} | ${codes} | ${records} |\n`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.stdout.write('\nTarget: ratio ≤ 1.10 on both (issue 11). Medians of wall time; a busy machine moves them.\n');
