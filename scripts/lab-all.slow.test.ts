/**
 * The slow check (about 14 venvs made with pip: 1–2 minutes idle, so not in `npm test`'s suite;
 * run it with `npm run test:slow` after a build): `venvguard lab --all` exits 0 here, every rule
 * has runs that all agree with its page, and every page's recorded output (docs/lab/transcripts.json,
 * rendered into docs/rules/*.md by `npm run docs`) is what the fresh run printed, run for run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pageOutput, recordedTranscripts } from '../src/lab/page.js';
import type { LabTranscript } from '../src/lab/transcript.js';
import { renderRuleDoc } from '../src/rules/docs.js';
import { RULES } from '../src/rules/index.js';
import { repositoryRoot } from '../src/kernel/own-package.js';

const root = repositoryRoot(import.meta.url);

const run = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), 'lab', '--all', '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
const fresh = JSON.parse(run.stdout || '[]') as LabTranscript[];
const recorded = recordedTranscripts(root);

test('venvguard lab --all exits 0 here: every rule has a lab and every run agrees with its page', () => {
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(fresh.map((t) => t.code), RULES.map((r) => r.code));
  for (const t of fresh) {
    assert.ok(t.ok && t.runs.length >= 2, t.code);
    assert.ok(t.runs.some((r) => r.example === 'broken') && t.runs.some((r) => r.example === 'fixed'), t.code);
  }
  // Python rules on at least two interpreter versions, configuration rules on this machine's shells.
  for (const r of RULES) {
    const t = fresh.find((x) => x.code === r.code)!;
    if (r.judges === 'python') assert.ok(new Set(t.runs.map((x) => x.interpreter)).size >= 2, `${r.code}: two interpreter versions`);
  }
});

for (const r of RULES) {
  test(`${r.code}: the page's outputs are the fresh lab's (docs/lab/transcripts.json, docs/rules/${r.name}.md)`, () => {
    const t = fresh.find((x) => x.code === r.code)!;
    const old = recorded.find((x) => x.code === r.code);
    assert.ok(old, 'no recorded transcript: run npm run docs');
    assert.equal(old.os, t.os, 'recorded on another OS: run npm run docs here');
    assert.deepEqual(
      old.runs.map((x) => [x.example, x.situation, x.interpreter, x.command, x.output, x.exitCode]),
      t.runs.map((x) => [x.example, x.situation, x.interpreter, x.command, x.output, x.exitCode]),
    );
    assert.equal(fs.readFileSync(path.join(root, 'docs/rules', `${r.name}.md`), 'utf8'), renderRuleDoc(r, pageOutput(old)));
  });
}
