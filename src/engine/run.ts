/**
 * Checks a list of files. This thread reads, decodes and prefilters every file (most files stop
 * there). The files that remain are analysed here when they are few; when more than
 * PARALLEL_BYTES of source remains, worker threads (each loading the WASM parsers once) take
 * them over, so small and medium trees do not pay for a second parser heap. Measured on the
 * CPython stdlib (2 CPUs): 34 files / 2 MB remain; analysing them here took 1.16 s at 138 MB
 * peak, one worker 1.18 s at 175 MB.
 */
import os from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { analyseDecoded, readForCheckSafely as readForCheck, type FileCheckResult } from '../core/check-file.js';
import { SourceFile } from '../core/source.js';
import { loadParsers, parsersLoaded } from '../frontends/tree-sitter.js';
import { contextFromSettings, type RunSettings } from './context.js';
import type { WorkItem } from './worker.js';

const PARALLEL_BYTES = Number(process.env.VG_PARALLEL_BYTES ?? 8 * 1024 * 1024);
const BATCH = 4;

type Progress = (done: number, total: number) => void;

/**
 * Below this much source left to parse, the parsers' WASM runs on V8's baseline compiler
 * (Liftoff) only. Optimising it (TurboFan tier-up) happens on background threads, and the
 * process cannot exit until those jobs end: on the CPython stdlib (2 MB left after the
 * prefilter) the check was done at 1.6 s and the process still waited 0.8 s for tier-up it
 * never used. Above it the optimised code wins: parsing all 31.7 MB took 13 s with tier-up,
 * 22 s on Liftoff alone (about 0.28 s per MB), so the break-even is near 3 MB. (A helper thread
 * that parses while this one reads was measured too: no gain at this size, +25 MB.)
 */
const LIFTOFF_BYTES = Number(process.env.VG_LIFTOFF_BYTES ?? 3 * 1024 * 1024);

function chooseWasmTier(bytesToParse: number): void {
  // Only before the first WebAssembly module is compiled: V8's flags are per process.
  if (bytesToParse < LIFTOFF_BYTES && !parsersLoaded()) v8.setFlagsFromString('--liftoff-only');
}

export async function checkFiles(files: string[], settings: RunSettings, opts: { jobs?: number; onProgress?: Progress } = {}): Promise<FileCheckResult[]> {
  const cpus = opts.jobs ?? os.availableParallelism();
  const ctx = contextFromSettings(settings);
  const results = new Array<FileCheckResult>(files.length);
  let done = 0;
  const finish = (i: number, r: FileCheckResult) => {
    results[i] = r;
    opts.onProgress?.(++done, files.length);
  };
  const pending: WorkItem[] = [];
  let pendingBytes = 0;
  let next = 0;
  for (; next < files.length; next++) {
    const { result, file } = readForCheck(files[next], ctx);
    if (!file) finish(next, result);
    else {
      pending.push({ index: next, result, file: { path: file.path, text: file.text, encoding: file.encoding } });
      pendingBytes += file.text.length;
      if (cpus > 1 && pendingBytes > PARALLEL_BYTES) {
        next++;
        break;
      }
    }
  }
  if (next >= files.length && (cpus <= 1 || pendingBytes <= PARALLEL_BYTES)) {
    chooseWasmTier(pendingBytes);
    await loadParsers();
    for (const item of pending) finish(item.index, analyseDecoded(item.result, new SourceFile(item.file.path, item.file.text, item.file.encoding), ctx));
    return results;
  }
  await withWorkers(files, next, pending, settings, ctx, Math.max(1, cpus - 1), finish);
  return results;
}

async function withWorkers(
  files: string[],
  from: number,
  queue: WorkItem[],
  settings: RunSettings,
  ctx: ReturnType<typeof contextFromSettings>,
  workers: number,
  finish: (i: number, r: FileCheckResult) => void,
): Promise<void> {
  // Only plain data crosses to workers: rules are looked up again there by code.
  const data: RunSettings = { ruleCodes: settings.ruleCodes, consoleScripts: settings.consoleScripts, usePrefilter: settings.usePrefilter, maxFileSize: settings.maxFileSize };
  let producing = true;
  const idle: (() => void)[] = [];
  const wake = () => idle.splice(0).forEach((f) => f());

  const pool = Array.from({ length: workers }, () => {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    return new Promise<void>((resolve, reject) => {
      const next = () => {
        if (queue.length) w.postMessage(queue.splice(0, BATCH));
        else if (producing) idle.push(next);
        else void w.terminate().then(() => resolve());
      };
      w.on('message', (msg: 'ready' | { index: number; result: FileCheckResult & { source?: { path: string; text: string; encoding: SourceFile['encoding'] } } }[]) => {
        if (msg !== 'ready') {
          for (const { index, result } of msg) {
            finish(index, { ...result, source: result.source ? new SourceFile(result.source.path, result.source.text, result.source.encoding) : undefined });
          }
        }
        next();
      });
      w.on('error', reject);
    });
  });

  for (let i = from; i < files.length; i++) {
    const { result, file } = readForCheck(files[i], ctx);
    if (!file) finish(i, result);
    else {
      queue.push({ index: i, result, file: { path: file.path, text: file.text, encoding: file.encoding } });
      wake();
    }
    // Let workers' messages in while this thread keeps reading.
    if (i % 64 === 63) await new Promise<void>((r) => setImmediate(r));
  }
  producing = false;
  wake();
  await Promise.all(pool);
}
