/**
 * Fuzzing every front end within a time budget, deterministic for a seed (printed; FUZZ_SEED and
 * FUZZ_BUDGET_MS override it, FUZZ_INPUT_MS the per-input limit). Each front end gets random bytes,
 * its real-world-shaped seeds (the bundled examples and the seeds below) truncated, mutated and
 * spliced, and deeply nested variants of its own constructs. Invariants, for every input:
 *  - analysis never throws and reports no internal error and no parser crash;
 *  - it ends within the per-input limit (CPU time);
 *  - every diagnostic, related location and fix edit lies within the file;
 *  - a file the prefilter skips has no finding when analysed in full;
 *  - with --unsafe-fixes the fix loop never produces text that does not parse, and fixing its
 *    result again changes nothing.
 * A failure prints the seed, the input's number and where the input was written.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { decodeText } from '../src/kernel/decode.js';
import type { Diagnostic } from '../src/kernel/diagnostic.js';
import type { Language } from '../src/kernel/launch-site.js';
import { SourceFile } from '../src/kernel/source.js';
import { frontEndByLanguage } from '../src/frontends/index.js';
import { loadParsers, parsersDamaged } from '../src/frontends/tree-sitter.js';
import { analyseDecoded } from '../src/pipeline/check-file.js';
import { contextFromSettings } from '../src/pipeline/context.js';
import { fixLoop } from '../src/pipeline/fix.js';
import { RULES } from '../src/rules/index.js';
import { SEEDS, NESTERS, TOKENS } from './fuzz-seeds.js';
import { repoRoot } from './helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203) >>> 0;
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 20_000);
const INPUT_MS = Number(process.env.FUZZ_INPUT_MS ?? 4_000);

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}
type Rng = ReturnType<typeof prng>;

/** Each front end, the file name it is checked under, and the bundled examples that are its seeds. */
const FORMATS: { language: Language; name: string; examples: string[] }[] = [
  { language: 'python', name: 'app/tasks.py', examples: ['examples/flask-worker/app/tasks.py', 'examples/flask-worker/app/reports.py', 'examples/flask-worker/scripts/deploy.py', 'examples/flask-worker/vendor/legacy_build.py'] },
  { language: 'dockerfile', name: 'Dockerfile', examples: ['examples/ci-mixed/Dockerfile'] },
  { language: 'github-actions', name: '.github/workflows/ci.yml', examples: ['examples/ci-mixed/.github/workflows/ci.yml'] },
  { language: 'gitlab-ci', name: '.gitlab-ci.yml', examples: ['examples/ci-mixed/.gitlab-ci.yml'] },
  { language: 'makefile', name: 'Makefile', examples: ['examples/ci-mixed/Makefile'] },
  { language: 'shell', name: 'scripts/bootstrap.sh', examples: ['examples/ci-mixed/scripts/bootstrap.sh'] },
  { language: 'systemd', name: 'deploy/app.service', examples: ['examples/ci-mixed/deploy/app.service'] },
  { language: 'supervisor', name: 'deploy/supervisor/app.conf', examples: ['examples/ci-mixed/deploy/supervisor/app.conf'] },
  { language: 'procfile', name: 'Procfile', examples: ['examples/ci-mixed/Procfile'] },
  { language: 'crontab', name: 'deploy/crontab', examples: ['examples/ci-mixed/deploy/crontab'] },
];

const enc = (s: string) => Buffer.from(s, 'utf8');

/** One to four mutations of a seed's bytes: the kinds of damage real files and editors produce. */
function mutate(rng: Rng, input: Buffer, language: Language, others: string[]): Buffer {
  let b = input;
  const at = () => rng.int(b.length + 1);
  for (let k = 1 + rng.int(4); k > 0; k--) {
    switch (rng.int(9)) {
      case 0: // truncated (a download cut short, a half-saved file)
        b = b.subarray(0, at());
        break;
      case 1: // a token of the format inserted anywhere
        {
          const i = at();
          b = Buffer.concat([b.subarray(0, i), enc(rng.pick(TOKENS[language].concat(TOKENS.any))), b.subarray(i)]);
        }
        break;
      case 2: // a range deleted
        {
          const i = at();
          b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + rng.int(64)))]);
        }
        break;
      case 3: // a range repeated
        {
          const i = at();
          const piece = b.subarray(i, i + 1 + rng.int(80));
          b = Buffer.concat([b.subarray(0, i), ...Array<Buffer>(1 + rng.int(20)).fill(piece), b.subarray(i)]);
        }
        break;
      case 4: // random bytes overwritten
        b = Buffer.from(b);
        for (let n = 1 + rng.int(8); n > 0 && b.length; n--) b[rng.int(b.length)] = rng.int(256);
        break;
      case 5: // lines of another seed of the same format spliced in
        {
          const lines = b.toString('utf8').split('\n');
          const other = rng.pick(others).split('\n');
          const from = rng.int(other.length);
          lines.splice(rng.int(lines.length + 1), 0, ...other.slice(from, from + 1 + rng.int(8)));
          b = enc(lines.join('\n'));
        }
        break;
      case 6: // other line endings, a BOM, tabs for indentation
        {
          const s = b.toString('utf8');
          const v = rng.int(4);
          b = enc(v === 0 ? s.replace(/\n/g, '\r\n') : v === 1 ? s.replace(/\n/g, '\r') : v === 2 ? '\ufeff' + s : s.replace(/^ {4}/gm, '\t'));
        }
        break;
      case 7: // lines shuffled locally
        {
          const lines = b.toString('utf8').split('\n');
          const i = rng.int(lines.length);
          const j = rng.int(lines.length);
          [lines[i], lines[j]] = [lines[j], lines[i]];
          b = enc(lines.join('\n'));
        }
        break;
      default: // a nested construct of the format dropped in
        {
          const i = at();
          b = Buffer.concat([b.subarray(0, i), enc(rng.pick(NESTERS[language])(1 + rng.int(40), rng.next)), b.subarray(i)]);
        }
    }
  }
  return b;
}

/** The next input for a format: random bytes, a seed as is or mutated, or a deeply nested variant. */
function generate(rng: Rng, language: Language, seeds: string[]): { kind: string; bytes: Buffer } {
  const r = rng.int(10);
  if (r === 0) return { kind: 'random bytes', bytes: Buffer.from(Array.from({ length: rng.int(600) }, () => rng.int(256))) };
  if (r === 1) return { kind: 'random bytes after a seed', bytes: Buffer.concat([enc(rng.pick(seeds)), Buffer.from(Array.from({ length: rng.int(200) }, () => rng.int(256)))]) };
  if (r === 2) return { kind: 'seed', bytes: enc(rng.pick(seeds)) };
  if (r <= 4) {
    // Nested deeply: hundreds to thousands of levels.
    const depth = rng.pick([50, 200, 700, 3000]);
    return { kind: `nested ${depth}`, bytes: enc(rng.pick(NESTERS[language])(depth, rng.next)) };
  }
  return { kind: 'mutated seed', bytes: mutate(rng, enc(rng.pick(seeds)), language, seeds) };
}

function assertWithin(d: Diagnostic, length: number, where: string): void {
  const inside = (s: { start: number; end: number }, what: string) =>
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= length, `${where}: ${d.code} ${what} [${s.start}, ${s.end}) outside a file of ${length} characters`);
  inside(d.span, 'span');
  assert.ok(d.start.line >= 1 && d.start.column >= 1, `${where}: ${d.code} at ${d.start.line}:${d.start.column}`);
  for (const r of d.related) inside(r.span, 'related span');
  for (const e of d.fix?.edits ?? []) inside(e, 'fix edit');
}

test(`fuzz: every front end, seed ${SEED}, ${BUDGET_MS} ms`, { timeout: BUDGET_MS + 120_000 }, async () => {
  console.log(`fuzz seed ${SEED} (FUZZ_SEED), budget ${BUDGET_MS} ms (FUZZ_BUDGET_MS), per input ${INPUT_MS} ms (FUZZ_INPUT_MS)`);
  await loadParsers();
  const settings = { ruleCodes: RULES.map((r) => r.code), consoleScripts: [], maxFileSize: 2 ** 31 };
  const withPrefilter = contextFromSettings({ ...settings, usePrefilter: true });
  const full = contextFromSettings({ ...settings, usePrefilter: false });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-fuzz-'));
  const rng = prng(SEED);
  const formats = FORMATS.map((f) => ({
    ...f,
    seeds: [...f.examples.map((e) => fs.readFileSync(path.join(repoRoot, e), 'utf8')), ...SEEDS[f.language]],
    inputs: 0,
    findings: 0,
    fixed: 0,
    slowest: 0,
  }));
  const t0 = performance.now();
  let n = 0;
  // Round robin, so that every front end gets its share of the budget, and always at least 20 inputs each.
  while (performance.now() - t0 < BUDGET_MS || n < formats.length * 20) {
    const f = formats[n % formats.length];
    const input = generate(rng, f.language, f.seeds);
    const index = n++;
    const where = `seed ${SEED}, input ${index} (${f.language}, ${input.kind}): ${path.join(out, `input-${index}`)}`;
    const keep = () => fs.writeFileSync(path.join(out, `input-${index}`), input.bytes);
    // Written before it runs, so that an input that hangs is left behind (with its number) to reproduce.
    fs.writeFileSync(path.join(out, 'current'), `${index} ${f.language} ${input.kind}\n`);
    fs.writeFileSync(path.join(out, 'current-input'), input.bytes);
    try {
      // CPU time, not wall time: the machine may be shared, and a hang shows in both.
      const started = process.cpuUsage();
      const fe = frontEndByLanguage(f.language);
      const decoded = (fe.decode ?? decodeText)(f.name, input.bytes);
      if (!decoded.ok) continue;
      const file = decoded.file;
      if (parsersDamaged()) await loadParsers();
      const result = analyseDecoded({ path: f.name, diagnostics: [], problems: [], skipped: false, language: f.language }, file, full);
      for (const p of result.problems) {
        assert.ok(p.kind !== 'internal' && p.kind !== 'parser-crash' && !/internal error/.test(p.message), `${where}: ${p.kind}: ${p.message}`);
      }
      for (const d of result.diagnostics) assertWithin(d, file.text.length, where);
      if (!fe.mayMatter(file.text, withPrefilter.prefilter!.tools)) {
        assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`), [], `${where}: the prefilter skips a file with findings`);
      }
      f.inputs++;
      f.findings += result.diagnostics.length;
      if (result.diagnostics.some((d) => d.fix && d.fix.applicability !== 'display-only')) {
        const loop = fixLoop(file, result.diagnostics, full, true, fe);
        if ('error' in loop) {
          // Refusing a file with syntax errors is right; a fix that breaks the parse is not.
          assert.equal(loop.kind, 'syntax', `${where}: ${loop.error}`);
        } else if (loop.applied > 0) {
          f.fixed++;
          const fixed = new SourceFile(f.name, loop.text, file.encoding);
          const again = analyseDecoded({ path: f.name, diagnostics: [], problems: [], skipped: false, language: f.language }, fixed, full);
          for (const d of again.diagnostics) assertWithin(d, loop.text.length, `${where} (after fixing)`);
          const second = fixLoop(fixed, again.diagnostics, full, true, fe);
          assert.ok(!('error' in second), `${where}: the fixed text is refused: ${'error' in second ? second.error : ''}`);
          assert.equal(second.text, loop.text, `${where}: fixing the fixed text changed it again`);
        }
      }
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      f.slowest = Math.max(f.slowest, ms);
      assert.ok(ms <= INPUT_MS, `${where}: took ${Math.round(ms)} ms of CPU, over the ${INPUT_MS} ms limit`);
    } catch (e) {
      keep();
      throw e;
    }
  }
  for (const f of formats) console.log(`  ${f.language.padEnd(15)} ${String(f.inputs).padStart(5)} inputs, ${f.findings} findings, ${f.fixed} fixed, slowest ${Math.round(f.slowest)} ms CPU`);
  console.log(`fuzz: ${n} inputs in ${Math.round(performance.now() - t0)} ms`);
  fs.rmSync(out, { recursive: true, force: true });
  // The generator must reach every front end's analysis, not only its decoder.
  for (const f of formats) assert.ok(f.inputs >= 10 && f.findings > 0, `${f.language}: ${f.inputs} inputs analysed, ${f.findings} findings`);
});
