/**
 * A worker thread: loads the parsers once, then analyses the decoded files it is sent (the main
 * thread has already read, decoded and prefiltered them) and, in a fix run, computes the fixed
 * text of those with fixable findings (check-and-fix.ts). Results cross back as plain data; the
 * main thread writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileCheckResult } from './check-file.js';
import { SourceFile } from '../kernel/source.js';
import { loadParsers, parsersDamaged } from '../frontends/tree-sitter.js';
import { contextFromSettings, type RunSettings } from './context.js';
import { checkAndFix, type FixRequest } from './check-and-fix.js';

export interface WorkItem {
  index: number;
  result: FileCheckResult;
  file: { path: string; text: string; encoding: SourceFile['encoding'] };
  /** In a fix run: the rule codes the config's per-file ignores drop for this file. */
  drop?: string[];
  /** Which of the run's settings the file takes (0 when the run has one). */
  settings?: number;
}

const { settings, fix } = workerData as { settings: RunSettings[]; fix?: FixRequest };
// No top-level await: the bundle of this file is a CommonJS script (scripts/bundle.ts).
const ready = loadParsers();
const contexts = new Map<number, ReturnType<typeof contextFromSettings>>();
const contextOf = (k: number) => {
  let c = contexts.get(k);
  if (!c) contexts.set(k, (c = contextFromSettings(settings[k])));
  return c;
};
parentPort!.on('message', async (items: WorkItem[]) => {
  await ready;
  const results = [];
  for (const { index, result, file, drop, settings: k } of items) {
    const ctx = contextOf(k ?? 0);
    // A parser trap is its own file's problem: rebuild the runtime before the next file.
    if (parsersDamaged()) await loadParsers();
    const done = checkAndFix(result, new SourceFile(file.path, file.text, file.encoding), ctx, fix, drop);
    const r = done.result;
    results.push({ index, result: { ...r, source: r.source ? { path: r.source.path, text: r.source.text, encoding: r.source.encoding } : undefined }, fix: done.fix });
  }
  parentPort!.postMessage(results);
});
void ready.then(() => parentPort!.postMessage('ready'));
