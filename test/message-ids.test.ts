/**
 * Messages by id: every message id of every rule is asserted by at least one invalid case of the
 * rule tester's tables (test/rules/), and every template is well formed. The rule tester checks,
 * finding by finding, that the template filled with the data is the message with nothing left
 * unfilled; this file checks that no id goes untested.
 *
 * The tables live in many test files, each run in its own process; to see them all at once, this
 * file runs itself in a child process that loads every rule test file with node:test replaced by
 * no-ops, so that the rule tester only records its tables (COLLECT_ENV) and nothing runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Report } from '../src/kernel/rule.js';
import { splitTemplate } from '../src/kernel/messages.js';
import { RULES } from '../src/rules/index.js';
import type { venvNotOnPath } from '../src/rules/venv-not-on-path.js';
import { COLLECT_ENV, collectedCases } from './rule-tester.js';

const here = fileURLToPath(import.meta.url);

/** node:test for the rule test files in collect mode: every function a no-op. */
const STUB = `data:text/javascript,${encodeURIComponent(
  'const noop = () => {}; export const test = noop, it = noop, describe = noop, suite = noop, before = noop, after = noop, beforeEach = noop, afterEach = noop, mock = {}; export default noop;',
)}`;
const HOOKS = `data:text/javascript,${encodeURIComponent(
  `export async function resolve(specifier, context, next) { return specifier === 'node:test' ? { url: ${JSON.stringify(STUB)}, shortCircuit: true } : next(specifier, context); }`,
)}`;

if (process.env[COLLECT_ENV]) {
  register(HOOKS);
  const dir = path.join(path.dirname(here), 'rules');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) await import(pathToFileURL(path.join(dir, f)).href);
  const used = collectedCases.map(({ rule, cases }) => ({ rule, ids: cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId).filter(Boolean)) }));
  process.stdout.write(JSON.stringify(used));
} else {
  test('every message id of every rule is asserted by a case of the rule tests', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, [COLLECT_ENV]: '1' };
    delete env.NODE_TEST_CONTEXT; // a plain process, not a test runner's child
    const r = spawnSync(process.execPath, [here], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const used = new Map<string, Set<string>>();
    for (const { rule, ids } of JSON.parse(r.stdout) as { rule: string; ids: string[] }[]) for (const id of ids) (used.get(rule) ?? used.set(rule, new Set()).get(rule)!).add(id);
    const missing = RULES.flatMap((rule) => Object.keys(rule.messages).filter((id) => !used.get(rule.code)?.has(id)).map((id) => `${rule.code} ${id}`));
    assert.deepEqual(missing, []);
  });

  test('every rule declares its messages, and every template is well formed', () => {
    for (const rule of RULES) {
      assert.ok(Object.keys(rule.messages).length > 0, `${rule.code} declares no message`);
      for (const [id, template] of Object.entries(rule.messages)) {
        assert.match(id, /^[a-z][A-Za-z]*$/, `${rule.code} message id ${id}`);
        // Placeholders are {{word}}; any other {{ or }} would be printed as it stands.
        assert.doesNotMatch(template.replace(/\{\{\w+\}\}/g, ''), /\{\{|\}\}/, `${rule.code} ${id}: a malformed placeholder`);
      }
    }
  });

  test('the types refuse a message id a rule does not declare, and a placeholder without data', () => {
    type Messages = (typeof venvNotOnPath)['messages'];
    const data = { name: 'pip', venv: '/v', origin: '', scope: 'in this RUN', replacement: '/v/bin/pip', advice: 'put it on PATH' };
    const ok: Report<Messages> = { messageId: 'notOnPath', data };
    // @ts-expect-error: VG201 declares no such message id
    const unknownId: Report<Messages> = { messageId: 'sourceNotInSh', data };
    // @ts-expect-error: the template's {{advice}} gets no data
    const missingData: Report<Messages> = { messageId: 'notOnPath', data: { name: 'pip', venv: '/v', origin: '', scope: '', replacement: '' } };
    assert.ok(ok && unknownId && missingData);
  });
}

if (!process.env[COLLECT_ENV]) test('every template is a problem, then "; ", then a remedy: the concise report prints the first, the full one the second once', () => {
  for (const rule of RULES) {
    for (const [id, template] of Object.entries(rule.messages)) {
      const { problem, remedy } = splitTemplate(template);
      assert.ok(problem.trim().length > 0 && remedy !== undefined && remedy.trim().length > 0, `${rule.code} ${id}: ${template}`);
      assert.doesNotMatch(remedy, /\{\{$|^\}\}/, `${rule.code} ${id}: split inside a placeholder`);
    }
  }
});
