/**
 * A worker thread: loads the parsers once, then checks the files it is sent. Results cross the
 * thread boundary as plain data (SourceFile is rebuilt on the other side).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readAndCheck } from '../core/check-file.js';
import { loadParsers } from '../frontends/tree-sitter.js';
import { contextFromSettings, type RunSettings } from './context.js';

const settings = workerData as RunSettings;
await loadParsers();
const ctx = contextFromSettings(settings);
parentPort!.on('message', (files: string[]) => {
  const results = files.map((f) => {
    const r = readAndCheck(f, ctx);
    return { ...r, source: r.source ? { path: r.source.path, text: r.source.text, encoding: r.source.encoding } : undefined };
  });
  parentPort!.postMessage(results);
});
parentPort!.postMessage('ready');
