/**
 * Every rule's docs against its metadata (typescript-eslint style): codes and names are unique
 * and well-formed, every section is filled in, the broken example raises the rule and the fixed
 * example does not (Biome style), and docs/rules/<name>.md is the page generated from the code.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText } from '../src/api.js';
import { RULES } from '../src/rules/index.js';
import { PAGE_SECTIONS, renderRuleDoc } from '../src/rules/docs.js';
import { pageOutput, recordedTranscripts } from '../src/lab/page.js';
import { repoRoot } from './helpers.js';

test('rule codes and names are unique and well-formed', () => {
  assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
  assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
  for (const r of RULES) {
    assert.match(r.code, /^VG\d{3}$/);
    assert.match(r.name, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(fs.existsSync(path.join(repoRoot, 'src/rules', `${r.name}.ts`)), `rule ${r.code} lives in src/rules/${r.name}.ts`);
    assert.ok(fs.existsSync(path.join(repoRoot, 'test/rules', `${r.name}.test.ts`)), `rule ${r.code} has test/rules/${r.name}.test.ts`);
  }
});

for (const rule of RULES) {
  test(`${rule.code} ${rule.name}: docs are complete`, () => {
    for (const [k, v] of Object.entries(rule.docs)) {
      if (k === 'exampleLanguage' || k === 'lab') continue;
      if (Array.isArray(v)) assert.ok(v.length > 0, `${k} is empty`);
      else assert.ok(typeof v === 'string' && v.trim().length > 20, `${k} is too short`);
    }
    for (const ref of rule.docs.references) assert.match(ref, /^https:\/\//);
    // A lab that runs both examples, each with a claim it can check.
    const { cases } = rule.docs.lab;
    assert.ok(cases.some((c) => c.example === 'broken') && cases.some((c) => c.example === 'fixed'), 'the lab runs both examples');
    for (const c of cases) assert.ok(c.claim.exit !== undefined || c.claim.where?.length || c.claim.says?.length || c.claim.never?.length, `${c.example}/${c.situation}: the claim checks something`);
    if (rule.judges === 'python') for (const s of ['unactivated', 'activated', 'cron']) assert.ok(cases.some((c) => c.situation === s), `runs ${s}`);
  });

  test(`${rule.code} ${rule.name}: the page has every section, in order`, () => {
    const recorded = recordedTranscripts(repoRoot).find((t) => t.code === rule.code);
    for (const page of [renderRuleDoc(rule), renderRuleDoc(rule, recorded && pageOutput(recorded))]) {
      const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      assert.deepEqual(headings, [...PAGE_SECTIONS]);
      for (const part of page.split(/^## /m).slice(1)) assert.ok(part.split('\n').slice(1).join('\n').trim().length > 20, `section ${part.split('\n')[0]} is empty`);
    }
    assert.match(renderRuleDoc(rule), /\*\*Answer\.\*\* /, 'the question has its answer below it');
  });

  test(`${rule.code} ${rule.name}: the broken example raises it, the fixed one does not`, async () => {
    // The example's language picks the front end, through the file name a user would give it.
    const path = { dockerfile: 'Dockerfile', yaml: '.github/workflows/ci.yml', makefile: 'Makefile', shell: 'example.sh', python: 'example.py' }[rule.docs.exampleLanguage];
    const broken = await checkText(rule.docs.example, { select: [rule.code], path });
    assert.ok(broken.length >= 1, `example should raise ${rule.code}`);
    assert.ok(broken.every((d) => d.code === rule.code));
    const fixed = await checkText(rule.docs.useInstead, { select: ['ALL'], path });
    assert.deepEqual(fixed.map((d) => d.message), [], 'the fixed example must be clean for every rule');
  });

  test(`${rule.code} ${rule.name}: docs/rules page matches the code (npm run docs)`, () => {
    const file = path.join(repoRoot, 'docs/rules', `${rule.name}.md`);
    assert.ok(fs.existsSync(file), `missing ${file}: run npm run docs`);
    const recorded = recordedTranscripts(repoRoot).find((t) => t.code === rule.code);
    assert.ok(recorded, `no recorded lab run for ${rule.code} in docs/lab/transcripts.json: run npm run docs`);
    assert.equal(fs.readFileSync(file, 'utf8'), renderRuleDoc(rule, pageOutput(recorded)), `${file} is stale: run npm run docs`);
  });
}
