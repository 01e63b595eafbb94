/**
 * CPython's own Makefile (issue 15): `venvguard check` on it, as a ratio to the benchmark's floor
 * (bench/floor.ts: a fresh Node process reading the same file and running one regex over it, the
 * least any checker written in Node pays), next to a one-line Makefile (the CLI's own start-up and
 * the parsers' load, which every Makefile pays). The Makefile is found as the tests find it: pyenv's
 * interpreters first, then `python3`'s sysconfig. Runs are interleaved; medians are printed.
 * Nothing is asserted (test/frontends/makefile-batch.test.ts counts the work instead).
 *
 *   node dist/bench/makefile.js [--runs N] [--makefile PATH]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpythonMakefiles } from '../test/cpython-makefiles.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '..', 'cli', 'main.js');
const FLOOR = path.join(here, 'floor.js');

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const s = (performance.now() - t0) / 1000;
  if (r.status === null || r.status === 2) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, makefile: { type: 'string' } } });
  const makefile = values.makefile ?? cpythonMakefiles()[0];
  if (!makefile) {
    process.stderr.write('no CPython Makefile found (pyenv root, sysconfig.get_makefile_filename()); pass --makefile PATH\n');
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bench-mk-'));
  try {
    const small = path.join(dir, 'Makefile');
    fs.writeFileSync(small, 'test:\n\tpython -m pytest\n');
    const t = { floor: [] as number[], cpython: [] as number[], small: [] as number[] };
    const runs = Math.max(1, Number(values.runs));
    for (let r = 0; r < runs; r++) {
      t.floor.push(timed([FLOOR, makefile]));
      t.cpython.push(timed([CLI, 'check', '--format', 'json', makefile]));
      t.small.push(timed([CLI, 'check', '--format', 'json', small]));
    }
    const floor = median(t.floor);
    const lines = fs.readFileSync(makefile, 'utf8').split('\n').length;
    const x = (s: number) => `${(s / floor).toFixed(1)}× floor`;
    process.stdout.write(
      [
        `CPython Makefile (${makefile}, ${lines.toLocaleString('en-US')} lines), medians of ${runs}:`,
        `  venvguard check             ${median(t.cpython).toFixed(3)} s = ${x(median(t.cpython))}`,
        `  venvguard check, 2 lines    ${median(t.small).toFixed(3)} s = ${x(median(t.small))}  (start-up and the parsers' load)`,
        `  floor (read it, one regex)  ${floor.toFixed(3)} s`,
        `  load average ${os.loadavg()[0].toFixed(2)} at the end, ${os.cpus().length} CPUs`,
      ].join('\n') + '\n',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
