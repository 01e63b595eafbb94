/**
 * The floor of the benchmark: Node walks the corpus, reads and decodes every file and runs one regex over
 * it. No parsing, no judging: this is the least any checker written in Node has to pay for the same input.
 * Usage: node dist/bench/floor.js <corpus-dir | file>. Prints one JSON object on stdout. Given a
 * file (bench/makefile.ts: CPython's Makefile), that one file is read, whatever its name.
 */
import fs from 'node:fs';
import { listPythonFiles } from './walk.js';

const LAUNCH_HINT = /subprocess|os\.system/;

function main(): void {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('usage: floor.js <corpus-dir>\n');
    process.exit(2);
  }
  let files = 0;
  let bytes = 0;
  let matchingFiles = 0;
  const one = fs.statSync(root, { throwIfNoEntry: false })?.isFile();
  for (const file of one ? [root] : listPythonFiles(root)) {
    const raw = fs.readFileSync(file);
    files += 1;
    bytes += raw.length;
    if (LAUNCH_HINT.test(raw.toString('utf8'))) matchingFiles += 1;
  }
  process.stdout.write(JSON.stringify({ files, bytes, matchingFiles }) + '\n');
}

main();
