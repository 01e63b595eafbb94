/**
 * CI's short budget of `npm run fuzz` (scripts/fuzz.ts): one round of 40 generated files, every
 * front end fed, through the real CLI; and proof that the script's checks can fail.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { fuzz, parseArgs } from '../scripts/fuzz.js';
import { FORMATS } from './fuzz-gen.js';

test('npm run fuzz, short budget: one round of 40 hostile files through the real CLI exits 0–3 within the memory bound and finds the canary', { timeout: 240_000 }, () => {
  const lines: string[] = [];
  const ok = fuzz({ ...parseArgs(['--seed', '20261203', '--seconds', '0', '--batch', '40']) }, (l) => lines.push(l));
  assert.ok(ok, lines.join('\n'));
  const last = lines[lines.length - 1];
  assert.match(last, /^fuzz: 1 round, 40 inputs in \d+ ms; every round exited 0–3 and found the canary; peak memory \d+ MiB; slowest round \d+ ms$/);
  // Every front end got its share: 40 inputs round robin, a tenth or an eleventh each.
  const shares = lines.map((l) => /^ {2}(\S+) +(\d+) inputs$/.exec(l)).filter((m) => m !== null);
  assert.deepEqual(shares.map((m) => m[1]), FORMATS.map((f) => f.language), lines.join('\n'));
  for (const m of shares) assert.ok(Math.abs(Number(m[2]) - 40 / FORMATS.length) < 1, lines.join('\n'));
});

test('npm run fuzz: a peak memory over the bound fails the round, naming the measure and the kept files', { timeout: 240_000 }, () => {
  const lines: string[] = [];
  // No Node process runs a tree-sitter analysis in 64 MiB: the bound is measured, not assumed.
  const ok = fuzz({ ...parseArgs(['--seed', '7', '--seconds', '0', '--batch', '10', '--max-rss-mb', '64']) }, (l) => lines.push(l));
  assert.equal(ok, false);
  const text = lines.join('\n');
  assert.match(text, /round 0 FAILED \(seed 7;/);
  assert.match(text, /\n {2}peak memory \d+ MiB, over 64 MiB\n/);
  const kept = /the round's files are kept in (\S+)round-0 /.exec(text);
  assert.ok(kept, text);
  fs.rmSync(kept[1], { recursive: true, force: true });
});

test('npm run fuzz: bad arguments are a clear error', () => {
  assert.throws(() => parseArgs(['--seconds', 'soon']), /^Error: --seconds: expected a number of at least 0, got "soon"$/);
  assert.throws(() => parseArgs(['--sed', '1']), /^Error: unknown argument "--sed"$/);
  assert.throws(() => parseArgs(['--seed']), /^Error: --seed needs a value$/);
});
