/**
 * The rule tester, ESLint's RuleTester for every format: a table of valid and invalid cases per
 * rule, each a file's text and the name that picks its front end (Python when none is given).
 * Invalid cases list the findings by message id and data (not wording), and the text after --fix
 * and after --fix --unsafe-fixes (`null`: no such fix). For every case, through the public API and
 * the pipeline as the CLI runs them, the tester checks:
 *   - the findings: count, line, column, message id, data; and that the id's template filled with
 *     the data is the message, with no placeholder left (for every finding, asserted or not);
 *   - the same findings whether the prefilter's parse-less analysis is on (the CLI) or off;
 *   - the prefilter (the front end's mayMatterBytes/mayMatter, as check-file.ts reads a file)
 *     never skips a file with a finding;
 *   - each fixed text (safe and unsafe, asserted or not) re-parses with no problem for its format,
 *     and fixing it again changes nothing (idempotence).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText, fixText } from '../src/api.js';
import type { Diagnostic, FileProblem } from '../src/kernel/diagnostic.js';
import { fillMessage, placeholdersOf, splitTemplate, type MessageTemplates, type Placeholders } from '../src/kernel/messages.js';
import type { Rule } from '../src/kernel/rule.js';
import { SourceFile } from '../src/kernel/source.js';
import { claimingFrontEnd } from '../src/frontends/index.js';
import { checkSource, readForCheck } from '../src/pipeline/check-file.js';
import { loadConfig } from '../src/pipeline/config.js';
import { buildSettings, contextFromSettings } from '../src/pipeline/context.js';
import { tempDir } from './helpers.js';

/** The canonical name of each configuration format; any other path a configuration front end claims works too. */
export type CaseFileName =
  | 'Dockerfile'
  | '.github/workflows/ci.yml'
  | '.gitlab-ci.yml'
  | 'Makefile'
  | 'deploy.sh'
  | 'app.service'
  | 'supervisord.conf'
  | 'Procfile'
  | 'crontab'
  | (string & {});

/** A finding by message id, with the placeholders asserted (those not named are not). */
type ExpectedMessage<M extends MessageTemplates> = {
  [K in keyof M & string]: { messageId: K; data?: { readonly [P in Placeholders<M[K]>]?: string | number } };
}[keyof M & string];

export type ExpectedError<M extends MessageTemplates = MessageTemplates> = {
  line: number;
  column?: number;
  /** The wording (Python rule tests of old); prefer messageId and data. */
  message?: RegExp;
} & (ExpectedMessage<M> | { messageId?: undefined; data?: undefined });

export interface ValidCase {
  code: string;
  /** Picks the front end (default: the table's `filename`). */
  filename?: CaseFileName;
  name?: string;
  /** The code does not parse (its front end reports a problem); without this, every case must parse. */
  syntaxError?: boolean;
}

export interface InvalidCase<M extends MessageTemplates = MessageTemplates> extends ValidCase {
  errors: ExpectedError<M>[];
  /** Text after --fix; null: no safe fix applies; undefined: not asserted (still re-parsed and re-fixed). */
  output?: string | null;
  /** Text after --fix --unsafe-fixes; null: no fix at all; undefined: not asserted (likewise). */
  unsafeOutput?: string | null;
  /** The fixed text (unsafeOutput if given, else output) draws no finding of the rule. */
  fixSilences?: boolean;
}

export interface RuleCases<M extends MessageTemplates = MessageTemplates> {
  /** The file name of every case that names none (none: Python source). */
  filename?: CaseFileName;
  /** Shown in test names after the rule's name, e.g. `actions`. */
  label?: string;
  valid: (string | ValidCase)[];
  invalid: InvalidCase<M>[];
}

/**
 * Collect mode (test/message-ids.test.ts): the tables are recorded instead of run, so that one
 * process can see every rule test file's cases.
 */
export const COLLECT_ENV = 'VENVGUARD_COLLECT_RULE_CASES';
export const collectedCases: { rule: string; cases: RuleCases }[] = [];

const clip = (s: string) => (s.length > 70 ? s.slice(0, 67) + '...' : s).replace(/\n/g, '⏎');
const caseName = (c: ValidCase) => (c.filename ? `${c.filename}: ` : '') + (c.name ?? clip(c.code));
const shown = (diags: Diagnostic[]) => JSON.stringify(diags.map((d) => `${d.start.line}:${d.start.column} ${d.messageId} ${d.message}`), null, 1);

export function testRule<M extends MessageTemplates>(rule: Rule<M>, cases: RuleCases<M>): void {
  if (process.env[COLLECT_ENV]) {
    collectedCases.push({ rule: rule.code, cases: cases as RuleCases });
    return;
  }
  const title = `${rule.name}${cases.label ? ` (${cases.label})` : ''}`;
  const fileOf = (c: ValidCase) => c.filename ?? cases.filename;
  for (const v of cases.valid) {
    const c = typeof v === 'string' ? { code: v } : v;
    test(`${title} valid: ${caseName(c)}`, async () => {
      const { diags, problems } = await findings(rule, c.code, fileOf(c));
      assertParses(c, problems);
      assert.deepEqual(diags.map((d) => `${d.start.line}:${d.start.column} ${d.message}`), [], 'expected no diagnostics');
    });
  }
  for (const c of cases.invalid) {
    test(`${title} invalid: ${caseName(c)}`, async () => {
      const filename = fileOf(c);
      const { diags, problems } = await findings(rule, c.code, filename);
      assertParses(c, problems);
      assert.equal(diags.length, c.errors.length, `diagnostics: ${shown(diags)}`);
      c.errors.forEach((e, i) => {
        const d = diags[i];
        const at = `diagnostic ${i} (${d.start.line}:${d.start.column} ${d.message})`;
        assert.equal(d.code, rule.code);
        assert.equal(d.start.line, e.line, `line of ${at}`);
        if (e.column !== undefined) assert.equal(d.start.column, e.column, `column of ${at}`);
        if (rule.judges === 'config') assert.ok(e.messageId, `a configuration case names the messageId of ${at}`);
        if (e.messageId !== undefined) assert.equal(d.messageId, e.messageId, `messageId of ${at}`);
        for (const [key, value] of Object.entries(e.data ?? {})) {
          assert.ok(placeholdersOf(rule.messages[d.messageId!]).includes(key), `"${key}" is not a placeholder of ${d.messageId}`);
          assert.equal(d.data?.[key], String(value), `data.${key} of ${at}`);
        }
        if (e.message) assert.match(d.message, e.message);
      });
      if (c.errors.length) await assertNotSkipped(c.code, filename);
      // A file with syntax errors is never fixed: a fix could not be verified.
      if (c.syntaxError) assert.ok(!c.output && !c.unsafeOutput, 'a file with syntax errors gets no fix');
      for (const [unsafe, expected] of [
        [false, c.output],
        [true, c.unsafeOutput],
      ] as const) {
        if (c.syntaxError) break;
        const fixed = await fixText(c.code, { select: [rule.code], unsafe, path: filename });
        if (expected === null) assert.equal(fixed, c.code, `expected no ${unsafe ? '' : 'safe '}fix`);
        else if (expected !== undefined) assert.equal(fixed, expected, `text after --fix${unsafe ? ' --unsafe-fixes' : ''}`);
        if (fixed === c.code) continue;
        assert.deepEqual(analyse(rule, fixed, filename).problems.map((p) => p.message), [], `the fixed text must parse:\n${fixed}`);
        assert.equal(await fixText(fixed, { select: [rule.code], unsafe, path: filename }), fixed, 'a second fix must change nothing');
      }
      if (c.fixSilences) {
        const fixed = c.unsafeOutput ?? c.output;
        assert.ok(typeof fixed === 'string', 'fixSilences needs an output');
        assert.deepEqual((await findings(rule, fixed, filename)).diags.map((d) => d.message), [], 'the fixed text draws no finding');
      }
    });
  }
}

function assertParses(c: ValidCase, problems: FileProblem[]): void {
  if (c.syntaxError) assert.notDeepEqual(problems, [], 'the case is marked syntaxError but parses');
  else assert.deepEqual(problems.map((p) => p.message), [], 'the code must parse (or the case be marked syntaxError)');
}

/**
 * The rule's findings as `checkText` gives them (the CLI's analysis, parse-less with the
 * prefilter on), checked against a full analysis and against the rule's message templates.
 */
async function findings(rule: Rule, code: string, filename: string | undefined): Promise<{ diags: Diagnostic[]; problems: FileProblem[] }> {
  if (rule.judges === 'config') {
    assert.ok(filename, `a ${rule.code} case needs a file name`);
    const fe = claimingFrontEnd(filename, code.split(/\r?\n|\r/, 1)[0]);
    assert.ok(fe && fe.language !== 'python', `no configuration front end claims ${filename}`);
  }
  const diags = await checkText(code, { select: [rule.code], path: filename });
  const full = analyse(rule, code, filename);
  assert.equal(shown(diags), shown(full.diagnostics), 'the same findings with and without the parse-less analysis');
  for (const d of diags) {
    const template = rule.messages[d.messageId ?? ''];
    assert.ok(template !== undefined, `${d.code} reported "${d.messageId}", which it does not declare`);
    const unfilled = placeholdersOf(template).filter((p) => d.data?.[p] === undefined);
    assert.deepEqual(unfilled, [], `placeholders of ${d.messageId} left without data`);
    const parts = splitTemplate(template);
    assert.equal(fillMessage(parts.problem, d.data), d.message, 'the message is the template (problem part) filled with the data');
    assert.equal(parts.remedy === undefined ? undefined : fillMessage(parts.remedy, d.data), d.remedy, 'the remedy is the rest of the template, filled');
  }
  return { diags, problems: full.problems };
}

/** The full analysis (no prefilter, nothing skipped), with the file's problems. */
function analyse(rule: Rule, code: string, filename: string | undefined): { diagnostics: Diagnostic[]; problems: FileProblem[] } {
  return checkSource(new SourceFile(filename ?? '<text>', code), context(rule.code, false));
}

const contexts = new Map<string, ReturnType<typeof contextFromSettings>>();

/** The context `checkText` builds (no pyproject.toml), for one rule or all, with or without the prefilter. */
function context(select: string | undefined, prefilter: boolean): ReturnType<typeof contextFromSettings> {
  const key = `${select}|${prefilter}`;
  let ctx = contexts.get(key);
  if (!ctx) {
    const cfg = loadConfig({ start: process.cwd(), noConfig: true });
    ctx = contextFromSettings(buildSettings(cfg, { select: select ? [select] : undefined, noPrefilter: !prefilter }));
    contexts.set(key, ctx);
  }
  return ctx;
}

let scratch: string | undefined;
let written = 0;

/** Read the case from disk as the CLI does (check-file.ts's readForCheck, prefilter on): it must not be skipped. */
async function assertNotSkipped(code: string, filename: string | undefined): Promise<void> {
  if (scratch === undefined) {
    const dir = (scratch = tempDir('venvguard-rule-tester-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  const dir = path.join(scratch, String(written++));
  const file = path.join(dir, filename ?? 'case.py');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  try {
    const { result } = readForCheck(file, context(undefined, true));
    assert.equal(result.skipped, false, 'the prefilter must never skip a file with a finding');
    assert.deepEqual(result.problems, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
