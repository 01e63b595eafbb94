/**
 * Checks a list of files, in worker threads when there are enough of them to repay the start-up
 * (each worker loads the WASM parsers once), else on this thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { readAndCheck, type FileCheckResult } from '../core/check-file.js';
import { SourceFile } from '../core/source.js';
import { loadParsers } from '../frontends/tree-sitter.js';
import { contextFromSettings, type RunSettings } from './context.js';

const PARALLEL_THRESHOLD = 48;
const BATCH = 16;

export async function checkFiles(files: string[], settings: RunSettings, opts: { jobs?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<FileCheckResult[]> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? os.availableParallelism(), Math.ceil(files.length / BATCH)));
  if (jobs === 1 || files.length < PARALLEL_THRESHOLD) {
    await loadParsers();
    const ctx = contextFromSettings(settings);
    const out: FileCheckResult[] = [];
    for (const f of files) {
      out.push(readAndCheck(f, ctx));
      opts.onProgress?.(out.length, files.length);
    }
    return out;
  }
  const results = new Array<FileCheckResult>(files.length);
  let next = 0;
  let done = 0;
  const workerUrl = new URL('./worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: jobs }, () =>
      new Promise<void>((resolve, reject) => {
        // Only plain data crosses to workers: rules are looked up again there by code.
        const data: RunSettings = { ruleCodes: settings.ruleCodes, consoleScripts: settings.consoleScripts, usePrefilter: settings.usePrefilter, maxFileSize: settings.maxFileSize };
        const w = new Worker(workerUrl, { workerData: data });
        let batchStart = 0;
        let batchLen = 0;
        const send = () => {
          if (next >= files.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          batchStart = next;
          batchLen = Math.min(BATCH, files.length - next);
          next += batchLen;
          w.postMessage(files.slice(batchStart, batchStart + batchLen));
        };
        w.on('message', (msg: unknown) => {
          if (msg === 'ready') return send();
          const batch = msg as (Omit<FileCheckResult, 'source'> & { source?: { path: string; text: string; encoding: SourceFile['encoding'] } })[];
          batch.forEach((r, i) => {
            results[batchStart + i] = { ...r, source: r.source ? new SourceFile(r.source.path, r.source.text, r.source.encoding) : undefined };
          });
          done += batch.length;
          opts.onProgress?.(done, files.length);
          send();
        });
        w.on('error', reject);
      }),
    ),
  );
  return results;
}
