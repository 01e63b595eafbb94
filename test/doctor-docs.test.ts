/**
 * The doctor codes' pages against the doctor: every code in FINDING_CODES and every code the doctor's
 * sources can emit has a complete page, the severities a page names are the ones the sources report,
 * docs/doctor/ is what `npm run docs` writes, and the README's doctor table links and agrees with them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FINDING_CODES, type Severity } from '../src/env/finding.js';
import { doctorIndex, FINDING_DOCS, findingCode, renderFindingDoc } from '../src/env/finding-docs.js';
import { TOPICS } from '../src/kernel/topic.js';
import { repoRoot } from './helpers.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** The doctor's sources (src/env, not the pages): `code: 'DRnnn'` and the severities written beside it. */
function emitted(): Map<string, Set<Severity>> {
  const out = new Map<string, Set<Severity>>();
  const dir = path.join(repoRoot, 'src/env');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/code: '(DR\d{3})',\s*severity(?:: ([^,]+))?,/g)) {
      const found = out.get(m[1]) ?? new Set<Severity>();
      for (const s of (m[2] ?? '').matchAll(/'(error|warning|info)'/g)) found.add(s[1] as Severity);
      out.set(m[1], found);
    }
  }
  return out;
}

const sources = emitted();

test('the scan of the doctor sources finds codes and severities (is the regex still right?)', () => {
  assert.ok(sources.size >= 20, `found only ${[...sources.keys()]}`);
  assert.deepEqual([...sources.get('DR005')!].sort(), ['error', 'warning']);
});

test('every code the doctor can emit is in FINDING_CODES and has a page; every page is for such a code', () => {
  const codes = Object.keys(FINDING_CODES);
  assert.deepEqual([...sources.keys()].filter((c) => !codes.includes(c)), [], 'emitted but not in FINDING_CODES');
  assert.deepEqual([...sources.keys()].filter((c) => !FINDING_DOCS[c]), [], 'emitted without a page (src/env/pages)');
  assert.deepEqual(codes.filter((c) => !sources.has(c)), [], 'in FINDING_CODES but emitted nowhere');
  assert.deepEqual(Object.keys(FINDING_DOCS).sort(), codes.sort(), 'one page per code in FINDING_CODES');
});

for (const code of Object.keys(FINDING_CODES)) {
  test(`${code}: the page is complete`, () => {
    const d = FINDING_DOCS[code];
    assert.ok(d, `no page for ${code}`);
    assert.ok(d.topic in TOPICS, `topic ${d.topic} is not one of the site's topics (kernel/topic.ts)`);
    for (const [k, v] of Object.entries(d)) {
      if (k === 'topic') continue;
      if (Array.isArray(v)) assert.ok(v.length > 0, `${k} is empty`);
      else assert.ok(typeof v === 'string' && v.trim().length > 20, `${k} is too short`);
    }
    for (const ref of d.references) assert.match(ref, /^https:\/\/\S+$/);
    assert.match(d.session, /venvguard doctor/, 'the session ends with the doctor run that shows the finding');
    assert.match(d.whatItPrints, new RegExp(`\\b${code}\\b`), 'what the doctor prints shows this code');
    const page = renderFindingDoc(code);
    for (const h of ['Mental model', 'Broken environment', 'What doctor prints', 'Why', 'Do instead', 'How it fails in real systems', 'What the fix changes', 'Key takeaway', 'References']) {
      assert.match(page, new RegExp(`\\n## ${h}\\n\\n\\S`), `section ${h} is missing or empty`);
    }
  });

  test(`${code}: the page's severities are the ones the doctor reports`, () => {
    const d = FINDING_DOCS[code];
    assert.ok(d.severities.length > 0 && d.severities.every((s) => SEVERITIES.includes(s)), `${d.severities}`);
    assert.deepEqual([...d.severities], SEVERITIES.filter((s) => d.severities.includes(s)), 'most severe first, no repeats');
    const literal = sources.get(code) ?? new Set<Severity>();
    // A severity computed elsewhere (DR013's `severity` shorthand) is not checked here; literals are, both ways.
    if (literal.size) assert.deepEqual([...d.severities], SEVERITIES.filter((s) => literal.has(s)), `the sources write ${[...literal]}`);
  });

  test(`${code}: docs/doctor page matches the code (npm run docs)`, () => {
    const file = path.join(repoRoot, 'docs/doctor', `${code}.md`);
    assert.ok(fs.existsSync(file), `missing ${file}: run npm run docs`);
    assert.equal(fs.readFileSync(file, 'utf8'), renderFindingDoc(code), `${file} is stale: run npm run docs`);
  });
}

test('docs/doctor/README.md is the generated index', () => {
  const file = path.join(repoRoot, 'docs/doctor/README.md');
  assert.equal(fs.readFileSync(file, 'utf8'), doctorIndex(), `${file} is stale: run npm run docs`);
});

test("the README's doctor table links every code to its page, with the page's severities", () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| \[(DR\d{3})\]\(docs\/doctor\/(DR\d{3})\.md\) \| ([^|]+) \|/gm)];
  assert.deepEqual(rows.map((r) => r[1]), Object.keys(FINDING_CODES));
  for (const [, code, target, severity] of rows) {
    assert.equal(target, code);
    assert.equal(severity.trim(), FINDING_DOCS[code].severities.join(' / '), `${code}'s severity in the README`);
  }
  assert.doesNotMatch(readme, /^\| DR\d{3} \|/m, 'a doctor code without a link');
});

test('findingCode accepts any case and nothing else', () => {
  assert.equal(findingCode('dr005'), 'DR005');
  assert.equal(findingCode(' Dr021 '), 'DR021');
  assert.equal(findingCode('DR099'), undefined);
  assert.equal(findingCode('VG101'), undefined);
});
