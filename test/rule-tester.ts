/**
 * An ESLint-style rule tester: each case is Python source; invalid cases list the expected
 * diagnostics (line, column, optional message pattern) and the code after --fix (and after
 * --fix --unsafe-fixes). `output: null` asserts that no fix is applied. Every fixed output is
 * re-checked: it must parse, and fixing it again must change nothing (idempotence).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, fixText } from '../src/api.js';
import type { Rule } from '../src/kernel/rule.js';
import { loadedParser, loadParsers } from '../src/frontends/tree-sitter.js';
import { Prefilter } from '../src/frontends/python/prefilter.js';
import { CURATED_CONSOLE_SCRIPTS, toolNamePattern } from '../src/judge/python-tools.js';

const prefilter = new Prefilter(toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys()));

export interface InvalidCase {
  code: string;
  errors: { line: number; column?: number; message?: RegExp }[];
  /** Text after --fix; null: no safe fix; undefined: not asserted. */
  output?: string | null;
  /** Text after --fix --unsafe-fixes; null: no fix at all. */
  unsafeOutput?: string | null;
  name?: string;
}

export interface RuleCases {
  valid: (string | { code: string; name?: string })[];
  invalid: InvalidCase[];
}

const clip = (s: string) => (s.length > 70 ? s.slice(0, 67) + '...' : s).replace(/\n/g, '⏎');

export function testRule(rule: Rule, cases: RuleCases): void {
  const select = [rule.code];
  for (const v of cases.valid) {
    const code = typeof v === 'string' ? v : v.code;
    const name = typeof v === 'string' ? clip(v) : v.name ?? clip(v.code);
    test(`${rule.name} valid: ${name}`, async () => {
      const diags = await checkText(code, { select });
      assert.deepEqual(
        diags.map((d) => `${d.start.line}:${d.start.column} ${d.message}`),
        [],
        'expected no diagnostics',
      );
    });
  }
  for (const c of cases.invalid) {
    test(`${rule.name} invalid: ${c.name ?? clip(c.code)}`, async () => {
      const diags = await checkText(c.code, { select });
      if (c.errors.length) assert.ok(prefilter.mayContainEscape(c.code), 'the prefilter must never skip a file with a finding');
      assert.equal(diags.length, c.errors.length, `diagnostics: ${JSON.stringify(diags.map((d) => `${d.start.line}:${d.start.column} ${d.message}`))}`);
      c.errors.forEach((e, i) => {
        const d = diags[i];
        assert.equal(d.code, rule.code);
        assert.equal(d.start.line, e.line, `line of diagnostic ${i}`);
        if (e.column !== undefined) assert.equal(d.start.column, e.column, `column of diagnostic ${i}`);
        if (e.message) assert.match(d.message, e.message);
      });
      for (const [unsafe, expected] of [
        [false, c.output],
        [true, c.unsafeOutput],
      ] as const) {
        if (expected === undefined) continue;
        const fixed = await fixText(c.code, { select, unsafe });
        if (expected === null) {
          assert.equal(fixed, c.code, `expected no ${unsafe ? 'unsafe ' : ''}fix`);
          continue;
        }
        assert.equal(fixed, expected);
        await assertReparses(fixed);
        assert.equal(await fixText(fixed, { select, unsafe }), fixed, 'a second fix must change nothing');
      }
    });
  }
}

export async function assertReparses(text: string): Promise<void> {
  await loadParsers();
  const tree = loadedParser('tree-sitter-python').parse(text);
  try {
    assert.ok(tree && !tree.rootNode.hasError, `fixed code must parse:\n${text}`);
  } finally {
    tree?.delete();
  }
}
