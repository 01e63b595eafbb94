/**
 * A worker thread: loads the parsers once, then analyses the decoded files it is sent (the main
 * thread has already read, decoded and prefiltered them). Results cross back as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseDecoded, type FileCheckResult } from './check-file.js';
import { SourceFile } from '../kernel/source.js';
import { loadParsers, parsersDamaged } from '../frontends/tree-sitter.js';
import { contextFromSettings, type RunSettings } from './context.js';

export interface WorkItem {
  index: number;
  result: FileCheckResult;
  file: { path: string; text: string; encoding: SourceFile['encoding'] };
}

const settings = workerData as RunSettings;
await loadParsers();
const ctx = contextFromSettings(settings);
parentPort!.on('message', async (items: WorkItem[]) => {
  const results = [];
  for (const { index, result, file } of items) {
    // A parser trap is its own file's problem: rebuild the runtime before the next file.
    if (parsersDamaged()) await loadParsers();
    const r = analyseDecoded(result, new SourceFile(file.path, file.text, file.encoding), ctx);
    results.push({ index, result: { ...r, source: r.source ? { path: r.source.path, text: r.source.text, encoding: r.source.encoding } : undefined } });
  }
  parentPort!.postMessage(results);
});
parentPort!.postMessage('ready');
