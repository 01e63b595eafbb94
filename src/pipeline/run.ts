/**
 * Checks a list of files. This thread reads, decodes and prefilters every file (most files stop
 * there). The files that remain are analysed here when they are few; when more than
 * PARALLEL_BYTES of source remains, worker threads (each loading the WASM parsers once) take
 * them over, so small and medium trees do not pay for a second parser heap. Measured on the
 * CPython stdlib (2 CPUs): 34 files / 2 MB remain; analysing them here took 1.16 s at 138 MB
 * peak, one worker 1.18 s at 175 MB. Sharing this phase with a second thread was measured too
 * (a helper reading, or reading and analysing, from a shared counter, started before the check
 * pipeline loads): no gain on this 2-CPU machine, where each thread's work then took up to twice
 * as long, and +25–45 MB.
 */
import os from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { readForCheckSafely as readForCheck, type FileCheckResult } from './check-file.js';
import { pack, StringTable } from './packed.js';
import type { Language } from '../kernel/launch-site.js';
import { SourceFile } from '../kernel/source.js';
import { loadParsers, parsersDamaged, parsersLoaded } from '../frontends/tree-sitter.js';
import { contextFromSettings, type RunSettings } from './context.js';
import type { WorkItem } from './worker.js';
import { checkAndFix, outcomeOf, type CheckedFile, type ComputedFix, type FixRequest } from './check-and-fix.js';

export const PARALLEL_BYTES = Number(process.env.VG_PARALLEL_BYTES ?? 8 * 1024 * 1024);
const BATCH = 4;

type Progress = (done: number, total: number) => void;
type Ctx = ReturnType<typeof contextFromSettings>;

/** A fix run: fixes are computed by the thread that checks each file; `dropped` gives a file's per-file ignores. */
export type FixFiles = FixRequest & { dropped: (path: string) => ReadonlySet<string> };

/**
 * With the prefilter on, the parsers' WASM runs on V8's baseline compiler (Liftoff) only. What is
 * left to parse is then small (CPython stdlib: 0.42 MB of 31.7 MB), and optimising it (TurboFan
 * tier-up) runs on background threads the process waits for: on the stdlib the check was done at
 * 1.6 s and the process still waited 0.8 s for tier-up it never used. When everything is parsed
 * (--no-prefilter) the optimised code wins: all 31.7 MB took 13 s with tier-up, 22 s on Liftoff
 * alone. (A helper thread that parses while this one reads was measured too: no gain, +25 MB.)
 * V8's flags are per process, and apply only before the first WebAssembly module is compiled.
 */
export function chooseWasmTier(settings: RunSettings): void {
  const liftoff = process.env.VG_LIFTOFF === undefined ? settings.usePrefilter : process.env.VG_LIFTOFF === '1';
  if (liftoff && !parsersLoaded()) v8.setFlagsFromString('--liftoff-only');
}

/** Files read between yields to the event loop while the parsers load in the background. */
const YIELD_EVERY = 16;

/**
 * Threads a run uses: --jobs N, but never more than the machine runs at once
 * (os.availableParallelism()). Each worker loads its own parsers (~30 MB): `--jobs 100000` once
 * started that many, until the process died at 13 GB.
 */
export function threadsFor(jobs: number | undefined): number {
  return Math.max(1, Math.min(jobs ?? Infinity, os.availableParallelism()));
}

/**
 * How many worker threads analyse (0: the main thread does), from the threads the run may use and
 * the bytes of source the prefilter has let through so far; decided while reading. Workers pay
 * for their start (each loads the parsers: ~0.3 s of CPU) and for copying the files to them, so
 * they start only above PARALLEL_BYTES, and then as many as leave the main thread its CPU for
 * reading (and, with --fix, writing). Measured on 2 CPUs (README, "Speed"; `node
 * dist/bench/fix-speed.js --layouts`): at 1, 30, 300 and 3,000 files (up to 1.2 MB analysed) the
 * main thread alone used the least CPU for check and --fix, and one worker less than two; in wall
 * time it was the fastest but in two of 24 cells. VG_WORKERS overrides the count (for measuring).
 */
export function workersFor(threads: number, pendingBytes: number): number {
  return threads > 1 && pendingBytes > PARALLEL_BYTES ? threads - 1 : 0;
}

/**
 * `settings`: one for every file, or the run's distinct settings with `settingsOf` giving each
 * file's (by its index in `files`): settings per file, from the settings file nearest to it.
 */
export async function checkFiles(
  files: string[],
  settings: RunSettings | readonly RunSettings[],
  opts: { jobs?: number; onProgress?: Progress; claimed?: ReadonlyMap<string, Language>; fix?: FixFiles; settingsOf?: (index: number) => number } = {},
): Promise<CheckedFile[]> {
  const cpus = threadsFor(opts.jobs);
  const all = Array.isArray(settings) ? (settings as readonly RunSettings[]) : [settings as RunSettings];
  const contexts = new Map<number, Ctx>();
  const ctxOf = (i: number): Ctx => {
    const k = opts.settingsOf?.(i) ?? 0;
    let c = contexts.get(k);
    if (!c) contexts.set(k, (c = contextFromSettings(all[k])));
    return c;
  };
  const results = new Array<CheckedFile>(files.length);
  let done = 0;
  // Findings are kept until the report: packed, with one table of the run's strings (packed.ts).
  const strings = new StringTable();
  const finish = (i: number, r: FileCheckResult, fix?: ComputedFix) => {
    const checked: CheckedFile = fix ? { ...r, fix: outcomeOf(r, fix) } : r;
    if (r.diagnostics.length) {
      checked.packed = pack(r.diagnostics, strings);
      checked.diagnostics = [];
    }
    results[i] = checked;
    opts.onProgress?.(++done, files.length);
  };
  const pending: WorkItem[] = [];
  let pendingBytes = 0;
  // Loaded from the first file that needs them, while reading goes on (loading is mostly
  // compiling WebAssembly on a background thread; it needs the event loop now and then).
  let parsers: Promise<void> | undefined;
  let parsersReady = false;
  let next = 0;
  for (; next < files.length; next++) {
    const { result, file } = readForCheck(files[next], ctxOf(next), opts.claimed?.get(files[next]));
    if (!file) finish(next, result);
    else {
      if (!parsers) {
        chooseWasmTier(all[0]);
        parsers = loadParsers().then(() => void (parsersReady = true));
      }
      pending.push({ index: next, result, file: { path: file.path, text: file.text, encoding: file.encoding }, drop: dropOf(opts.fix, file.path), settings: opts.settingsOf?.(next) });
      pendingBytes += file.text.length;
      if (workersFor(cpus, pendingBytes) > 0) {
        next++;
        break;
      }
    }
    if (parsers && !parsersReady && next % YIELD_EVERY === 0) await new Promise<void>((r) => setImmediate(r));
  }
  if (next >= files.length && workersFor(cpus, pendingBytes) === 0) {
    if (parsers) await parsers;
    for (const item of pending) {
      // A parser trap is its own file's problem: rebuild the runtime before the next file.
      if (parsersDamaged()) await loadParsers();
      const r = checkAndFix(item.result, new SourceFile(item.file.path, item.file.text, item.file.encoding), ctxOf(item.index), fixRequest(opts.fix), item.drop);
      finish(item.index, r.result, r.fix);
    }
    return results;
  }
  await withWorkers(files, next, pending, all, ctxOf, Number(process.env.VG_WORKERS) || workersFor(cpus, pendingBytes), finish, opts, opts.fix);
  return results;
}

async function withWorkers(
  files: string[],
  from: number,
  queue: WorkItem[],
  settings: readonly RunSettings[],
  ctxOf: (i: number) => Ctx,
  workers: number,
  finish: (i: number, r: FileCheckResult, fix?: ComputedFix) => void,
  opts: { claimed?: ReadonlyMap<string, Language>; settingsOf?: (index: number) => number },
  fix?: FixFiles,
): Promise<void> {
  const { claimed, settingsOf } = opts;
  // Only plain data crosses to workers: rules are looked up again there by code.
  const data: RunSettings[] = settings.map((s) => ({ ruleCodes: s.ruleCodes, consoleScripts: s.consoleScripts, usePrefilter: s.usePrefilter, maxFileSize: s.maxFileSize, imageRuns: s.imageRuns, whoRuns: s.whoRuns, projectRoot: s.projectRoot, windows: s.windows }));
  let producing = true;
  const idle: (() => void)[] = [];
  const wake = () => idle.splice(0).forEach((f) => f());

  const pool = Array.from({ length: workers }, () => {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: { settings: data, fix: fixRequest(fix) }, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    return new Promise<void>((resolve, reject) => {
      const next = () => {
        if (queue.length) w.postMessage(queue.splice(0, BATCH));
        else if (producing) idle.push(next);
        else void w.terminate().then(() => resolve());
      };
      w.on('message', (msg: 'ready' | { index: number; result: FileCheckResult & { source?: { path: string; text: string; encoding: SourceFile['encoding'] } }; fix?: ComputedFix }[]) => {
        if (msg !== 'ready') {
          for (const { index, result, fix } of msg) {
            finish(index, { ...result, source: result.source ? new SourceFile(result.source.path, result.source.text, result.source.encoding) : undefined }, fix);
          }
        }
        next();
      });
      w.on('error', reject);
    });
  });

  for (let i = from; i < files.length; i++) {
    const { result, file } = readForCheck(files[i], ctxOf(i), claimed?.get(files[i]));
    if (!file) finish(i, result);
    else {
      queue.push({ index: i, result, file: { path: file.path, text: file.text, encoding: file.encoding }, drop: dropOf(fix, file.path), settings: settingsOf?.(i) });
      wake();
    }
    // Let workers' messages in while this thread keeps reading.
    if (i % 64 === 63) await new Promise<void>((r) => setImmediate(r));
  }
  producing = false;
  wake();
  await Promise.all(pool);
}

/** The fix request as plain data (for a worker), without the per-file function. */
function fixRequest(fix: FixFiles | undefined): FixRequest | undefined {
  return fix && { unsafe: fix.unsafe };
}

function dropOf(fix: FixFiles | undefined, file: string): string[] | undefined {
  const d = fix?.dropped(file);
  return d?.size ? [...d] : undefined;
}
