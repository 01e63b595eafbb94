/**
 * A rule tester for configuration-file rules (Dockerfile, GitHub Actions …): the front end that
 * claims the file name, then one rule through the real checker (suppressions applied), returning
 * its findings with the fix edits it would make.
 */
import assert from 'node:assert/strict';
import type { Edit } from '../src/kernel/diagnostic.js';
import type { LaunchSite } from '../src/kernel/launch-site.js';
import type { Rule } from '../src/kernel/rule.js';
import { SourceFile } from '../src/kernel/source.js';
import { wordSourceSpan, wordText } from '../src/kernel/word.js';
import { checkSource } from '../src/pipeline/check-file.js';
import { frontEndFor } from '../src/frontends/index.js';
import { loadParsers } from '../src/frontends/tree-sitter.js';
import { CURATED_CONSOLE_SCRIPTS } from '../src/judge/python-tools.js';

const knowledge = {
  consoleScripts: new Map([...CURATED_CONSOLE_SCRIPTS].map(([name, module]) => [name, { module, source: 'curated list' }])),
};

export interface Found {
  line: number;
  column: number;
  message: string;
  edits?: Edit[];
  fixTitle?: string;
}

/** Analyse, lint and assert silence for files named `defaultName` unless told otherwise. */
export function configLinter(defaultName: string) {
  const analyze = async (text: string, name = defaultName) => {
    await loadParsers();
    const file = new SourceFile(name, text);
    return { file, ...frontEndFor(name).analyze(file, (a) => a) };
  };
  /** One rule through the real checker (judge, report, fixes, suppressions), as the CLI runs it. */
  const lint = async (rule: Rule, text: string, name = defaultName): Promise<Found[]> => {
    await loadParsers();
    const file = new SourceFile(name, text);
    const { diagnostics } = checkSource(file, { rules: [rule], knowledge });
    return diagnostics
      .map((d) => ({ line: d.start.line, column: d.start.column, message: d.message, edits: d.fix?.edits, fixTitle: d.fix?.title }))
      .sort((a, b) => a.line - b.line || a.column - b.column);
  };
  const assertSilent = async (rule: Rule, text: string): Promise<void> => {
    const found = await lint(rule, text);
    assert.deepEqual(found.map((f) => `${f.line}:${f.column} ${f.message}`), []);
  };
  return { analyze, lint, assertSilent };
}

export function applyEdits(text: string, edits: Edit[]): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

/** An argv as text, with `?` for a word that is not all literal. */
export const argvText = (s: LaunchSite) => s.argv.map((w) => wordText(w) ?? '?').join(' ');

/** The nth site whose argv text starts with `prefix` (literal parts of partly known words count). */
export function siteAt(sites: LaunchSite[], prefix: string, nth = 0): LaunchSite {
  const text = (x: LaunchSite) => x.argv.map((w) => w.fragments.map((f) => (f.kind === 'text' ? f.text : '?')).join('')).join(' ');
  const s = sites.filter((x) => x.argv[0] && text(x).startsWith(prefix))[nth];
  assert.ok(s, `no site starting with ${prefix}: ${sites.map(argvText).join(' | ')}`);
  return s;
}

/** 1-based line:column of each word of a site. */
export function positions(site: LaunchSite): string[] {
  return site.argv.map((w) => {
    const span = wordSourceSpan(w);
    if (!span) return '?';
    const l = site.file.location(span.start);
    return `${l.line}:${l.column}`;
  });
}
