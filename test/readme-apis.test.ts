/**
 * The README's list of the Python launch APIs that `check` follows ("It follows the program name the
 * way Python does: …") names only APIs that a rule test exercises: each API written there in
 * backticks must occur in the code of at least one case of the rule tests' tables (test/rules/). A
 * README that names an API no test covers fails here.
 *
 * As test/message-ids.test.ts does, the tables are collected by running this file in a child
 * process that loads every rule test file with node:test replaced by no-ops (COLLECT_ENV).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COLLECT_ENV, collectedCases } from './rule-tester.js';
import { repoRoot } from './helpers.js';

const here = fileURLToPath(import.meta.url);
const STUB = `data:text/javascript,${encodeURIComponent(
  'const noop = () => {}; export const test = noop, it = noop, describe = noop, suite = noop, before = noop, after = noop, beforeEach = noop, afterEach = noop, mock = {}; export default noop;',
)}`;
const HOOKS = `data:text/javascript,${encodeURIComponent(
  `export async function resolve(specifier, context, next) { return specifier === 'node:test' ? { url: ${JSON.stringify(STUB)}, shortCircuit: true } : next(specifier, context); }`,
)}`;

/** The README paragraph that lists the APIs, from its first words to "through `import … as` aliases". */
export function apiParagraph(readme: string): string {
  const start = readme.indexOf('It follows the program name the way Python does:');
  const end = readme.indexOf('through `import … as` aliases', start);
  assert.ok(start >= 0 && end > start, 'the README lists the APIs it follows');
  return readme.slice(start, end);
}

/**
 * Each API a backticked span names, as a pattern over test code: `os.system/popen/exec*` is
 * os.system, os.popen and os.exec…; `*` stands for a name's rest, `[p]` for an optional p, `…` for
 * arguments. Spans that are not APIs (keyword arguments such as `shell=`, a decorator) are skipped.
 */
export function apiPatterns(paragraph: string): { api: string; re: RegExp }[] {
  const out: { api: string; re: RegExp }[] = [];
  for (const m of paragraph.matchAll(/`([^`]+)`/g)) {
    const span = m[1].replace(/\.\.\./g, '…');
    if (/=$/.test(span) || span.startsWith('@')) continue;
    const parts = span.split('/');
    const first = parts[0];
    const prefix = first.includes('.') ? first.slice(0, first.lastIndexOf('.') + 1) : '';
    for (const [i, part] of parts.entries()) {
      const api = i > 0 && !part.includes('.') ? prefix + part : part;
      const re = api
        .split(/(\*|\[p\]|\(…\)|…)/)
        .map((piece) => (piece === '*' ? '\\w*' : piece === '[p]' ? 'p?' : piece === '(…)' ? '\\([^)]*\\)' : piece === '…' ? '[^)\\]]*' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      out.push({ api, re: new RegExp(re) });
    }
  }
  return out;
}

if (process.env[COLLECT_ENV]) {
  register(HOOKS);
  const dir = path.join(path.dirname(here), 'rules');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) await import(pathToFileURL(path.join(dir, f)).href);
  const codes = collectedCases.flatMap(({ cases }) => [...cases.valid, ...cases.invalid].map((c) => (typeof c === 'string' ? c : c.code)));
  process.stdout.write(JSON.stringify(codes));
} else {
  test("every API the README's list of followed APIs names is in the code of a rule test case", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, [COLLECT_ENV]: '1' };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, [here], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const codes = JSON.parse(r.stdout) as string[];
    const patterns = apiPatterns(apiParagraph(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')));
    assert.ok(patterns.length >= 30, `the README's list should name its APIs (found ${patterns.length})`);
    const uncovered = patterns.filter((p) => !codes.some((c) => p.re.test(c))).map((p) => p.api);
    assert.deepEqual(uncovered, [], 'APIs the README names that no rule test case uses');
  });

  test('the README check itself fails on an API nobody tests', () => {
    const patterns = apiPatterns(apiParagraph('It follows the program name the way Python does: `os.system/frobnicate`, `subprocess.*`; through `import … as` aliases'));
    assert.deepEqual(patterns.map((p) => p.api), ['os.system', 'os.frobnicate', 'subprocess.*']);
    assert.ok(patterns[2].re.test('subprocess.run(x)'));
    assert.ok(!patterns[1].re.test('import os\nos.system("python")\n'));
  });
}
