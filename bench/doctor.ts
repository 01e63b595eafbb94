/**
 * What `venvguard doctor` costs, as ratios to the starts it cannot avoid, so that the figures carry
 * over to another machine (absolute milliseconds do not: Node alone starts ~2× slower on some).
 * In one run, on a venv made here: `node -e 0`, the venv's `python -c pass` (the interpreter doctor
 * probes), `venvguard doctor` and `doctor --static` (the CLI, as a user starts it), each started the
 * same way (a child process, stdio ignored, the same environment and folder), interleaved round by
 * round after warm-up rounds; and `inspectEnvironment` called in this process. Prints the ratios of
 * the medians (and of the minimums), then the absolute times. Targets (issue 10): the CLI within
 * 1.5× of a Node start plus a Python start, in process within 3× of a Python start. Run after a
 * build: `node dist/bench/doctor.js [--python python3.X] [--runs N] [--warmup N] [--baseline JS]`.
 * `--baseline` names another build's dist/cli/main.js (say, of the commit before a change): its
 * doctor, doctor --static and --version join the same rounds and get their ratios too, so that a
 * before/after comparison shares the machine's load. Nothing is asserted: the exit code is 0
 * whether a target is met or not (a busy machine shifts the ratios).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inspectEnvironment } from '../src/api.js';

const { values } = parseArgs({ options: { python: { type: 'string' }, baseline: { type: 'string' }, runs: { type: 'string', default: '21' }, warmup: { type: 'string', default: '3' } } });
const count = (name: string, v: string, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`doctor bench: --${name} ${v}: expected an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return n;
};
const runs = count('runs', values.runs!, 1);
const warmup = count('warmup', values.warmup!, 0);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`doctor bench: ${cli} is missing: run npm run build first\n`);
  process.exit(2);
}
const baseline = values.baseline ? path.resolve(values.baseline) : undefined;
if (baseline && !fs.existsSync(baseline)) {
  process.stderr.write(`doctor bench: --baseline ${baseline}: no such file\n`);
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bench-doctor-'));
// The same small environment for every child and for the in-process call: PATH and HOME only, so
// that a PYTHONPATH or VIRTUAL_ENV of the shell running the bench changes nothing.
const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.homedir() };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const min = (xs: number[]) => Math.min(...xs);

/** Wall time of one child process, started and waited for synchronously; a failure stops the bench. */
function timeChild(cmd: string, args: string[], expect: number[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'ignore', env, cwd: dir });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (!expect.includes(r.status ?? -1)) throw new Error(`${[cmd, ...args].join(' ')} exited with ${r.status ?? r.signal}, expected ${expect.join(' or ')}`);
  return ms;
}

try {
  const venv = path.join(dir, 'venv');
  execFileSync(values.python ?? 'python3', ['-m', 'venv', '--without-pip', venv], { env });
  const py = path.join(venv, 'bin', 'python');
  const version = execFileSync(py, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { env, encoding: 'utf8' }).trim();
  // doctor exits 1 when it finds an error; a fresh venv has none, so anything but 0 is a broken run.
  const children: [string, string, string[], number[]][] = [
    ['node', process.execPath, ['-e', '0'], [0]],
    ['python', py, ['-c', 'pass'], [0]],
    ['cli', process.execPath, [cli, 'doctor', '--python', venv], [0]],
    ['static', process.execPath, [cli, 'doctor', '--static', '--python', venv], [0]],
    ['floor', process.execPath, [cli, '--version'], [0]],
    ...(baseline
      ? ([
          ['baseCli', process.execPath, [baseline, 'doctor', '--python', venv], [0]],
          ['baseStatic', process.execPath, [baseline, 'doctor', '--static', '--python', venv], [0]],
          ['baseFloor', process.execPath, [baseline, '--version'], [0]],
        ] as [string, string, string[], number[]][])
      : []),
  ];
  const times: Record<string, number[]> = { node: [], python: [], cli: [], static: [], floor: [], api: [], baseCli: [], baseStatic: [], baseFloor: [] };
  let probeStarts = '';
  for (let round = 0; round < warmup + runs; round++) {
    const keep = round >= warmup;
    for (const [key, cmd, args, expect] of children) {
      const ms = timeChild(cmd, args, expect);
      if (keep) times[key].push(ms);
    }
    const t = performance.now();
    const report = await inspectEnvironment({ python: venv, env, cwd: dir });
    const ms = performance.now() - t;
    if (report.interpreter.probe !== 'ran') throw new Error(`inspectEnvironment did not probe the venv: ${JSON.stringify(report.findings)}`);
    probeStarts = report.interpreter.isolatedRun === 'same' ? '1 interpreter start' : `2 interpreter starts (isolated: ${report.interpreter.isolatedRun})`;
    if (keep) times.api.push(ms);
  }

  const ratios = (f: (xs: number[]) => number) => ({
    cli: f(times.cli) / (f(times.node) + f(times.python)),
    static: f(times.static) / f(times.node),
    api: f(times.api) / f(times.python),
    baseCli: baseline ? f(times.baseCli) / (f(times.node) + f(times.python)) : NaN,
    baseStatic: baseline ? f(times.baseStatic) / f(times.node) : NaN,
  });
  const med = ratios(median);
  const low = ratios(min);
  const verdict = (r: number, target: number) => `target ≤ ${target}×: ${r <= target ? 'met' : 'NOT met'}`;
  const x = (r: number) => `${r.toFixed(2)}×`;
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  const out: string[] = [];
  out.push(`doctor's cost as ratios to plain starts (medians of ${runs} interleaved rounds after ${warmup} warm-up; ratios of minimums in brackets)`);
  out.push(`  venvguard doctor (CLI)           ${x(med.cli).padStart(6)} [${x(low.cli)}] of node -e 0 + python -c pass   ${verdict(med.cli, 1.5)}`);
  out.push(`  venvguard doctor --static (CLI)  ${x(med.static).padStart(6)} [${x(low.static)}] of node -e 0`);
  out.push(`  inspectEnvironment (in process)  ${x(med.api).padStart(6)} [${x(low.api)}] of python -c pass                ${verdict(med.api, 3)}`);
  if (baseline) {
    out.push(`  baseline doctor (CLI)            ${x(med.baseCli).padStart(6)} [${x(low.baseCli)}] of node -e 0 + python -c pass   (${baseline})`);
    out.push(`  baseline doctor --static (CLI)   ${x(med.baseStatic).padStart(6)} [${x(low.baseStatic)}] of node -e 0`);
  }
  out.push('');
  out.push('absolute wall times, secondary (they depend on the machine and its load):');
  out.push(`  ${'ms'.padEnd(34)}${'median'.padStart(8)}${'min'.padStart(8)}`);
  const rows: [string, string][] = [
    ['node', 'node -e 0'],
    ['python', 'python -c pass'],
    ['cli', 'venvguard doctor'],
    ['static', 'venvguard doctor --static'],
    ['api', 'inspectEnvironment (in process)'],
    ['floor', 'venvguard --version'],
    ...(baseline
      ? ([
          ['baseCli', 'baseline doctor'],
          ['baseStatic', 'baseline doctor --static'],
          ['baseFloor', 'baseline --version'],
        ] as [string, string][])
      : []),
  ];
  for (const [key, label] of rows) out.push(`  ${label.padEnd(34)}${median(times[key]).toFixed(1).padStart(8)}${min(times[key]).toFixed(1).padStart(8)}`);
  out.push('');
  out.push(`Python ${version} (${fs.realpathSync(py)}), a fresh venv without pip; the probe took ${probeStarts}; Node ${process.version}; ${os.cpus().length} CPUs, load average ${load} at the end`);
  process.stdout.write(out.join('\n') + '\n');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
