/**
 * `venvguard doctor` start-up cost: on a fresh healthy venv, the median wall time of the
 * interpreter's own start (`python -c pass`), of `inspectEnvironment` in-process, of the whole CLI
 * (`node dist/cli/main.js doctor`), and of Node starting with nothing to do. Run after a build:
 * `node dist/bench/doctor.js [--python /path/to/python3.X] [--runs N]`. Nothing is asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inspectEnvironment } from '../src/api.js';

const { values } = parseArgs({ options: { python: { type: 'string' }, runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const python = values.python ?? 'python3';
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bench-doctor-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timeSpawn(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.error) throw r.error;
  return performance.now() - t;
}
try {
  const venv = path.join(dir, 'venv');
  execFileSync(python, ['-m', 'venv', '--without-pip', venv]);
  const py = path.join(venv, 'bin', 'python');
  const rows: [string, number[]][] = [['python -c pass', []], ['inspectEnvironment (in-process)', []], ['venvguard doctor (CLI)', []], ['node -e 0', []], ['venvguard --version (CLI floor)', []], ['doctor modules only (lazy CLI)', []]];
  const envDir = path.join(path.dirname(cli), '..', 'env');
  const lazy = `const { inspectEnvironment } = await import(${JSON.stringify(path.join(envDir, 'doctor.js'))}); const { renderDoctorJson } = await import(${JSON.stringify(path.join(envDir, 'render.js'))}); process.stdout.write(renderDoctorJson(await inspectEnvironment({ python: ${JSON.stringify(venv)} })));`;
  for (let i = 0; i < runs; i++) {
    rows[0][1].push(timeSpawn(py, ['-c', 'pass']));
    const t = performance.now();
    await inspectEnvironment({ python: venv });
    rows[1][1].push(performance.now() - t);
    rows[2][1].push(timeSpawn(process.execPath, [cli, 'doctor', '--python', venv, '--format', 'json']));
    rows[3][1].push(timeSpawn(process.execPath, ['-e', '0']));
    rows[4][1].push(timeSpawn(process.execPath, [cli, '--version']));
    rows[5][1].push(timeSpawn(process.execPath, ['--input-type=module', '-e', lazy]));
  }
  const base = median(rows[0][1]);
  process.stdout.write(`| ${'measure'.padEnd(32)} | median ms | vs python start |\n| --- | ---: | ---: |\n`);
  for (const [name, xs] of rows) process.stdout.write(`| ${name.padEnd(32)} | ${median(xs).toFixed(1)} | ${(median(xs) - base >= 0 ? '+' : '') + (median(xs) - base).toFixed(1)} |\n`);
  process.stdout.write(`(${runs} runs each, interleaved; ${py} → ${fs.realpathSync(py)}; ${os.cpus().length} CPUs)\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
