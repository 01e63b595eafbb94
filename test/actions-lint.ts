/**
 * The GitHub Actions counterpart of dockerfile-lint.ts: analyse a workflow with the Actions front
 * end, judge each site, run one rule (suppressions applied), apply its fix when asked.
 */
import assert from 'node:assert/strict';
import type { Edit } from '../src/core/diagnostic.js';
import type { Report, Rule } from '../src/core/rule.js';
import { SourceFile } from '../src/core/source.js';
import { isSuppressed } from '../src/core/suppressions.js';
import { analyzeActions } from '../src/frontends/actions/index.js';
import { loadParsers } from '../src/frontends/tree-sitter.js';
import { judgeLaunch } from '../src/judge/judge.js';
import { CURATED_CONSOLE_SCRIPTS } from '../src/judge/python-tools.js';

const knowledge = {
  consoleScripts: new Map([...CURATED_CONSOLE_SCRIPTS].map(([name, module]) => [name, { module, source: 'curated list' }])),
};

export interface Found {
  line: number;
  column: number;
  message: string;
  edits?: Edit[];
}

export async function analyze(text: string, name = '.github/workflows/ci.yml') {
  await loadParsers();
  const file = new SourceFile(name, text);
  return { file, ...analyzeActions(file) };
}

export async function lint(rule: Rule, text: string, name?: string): Promise<Found[]> {
  const { file, sites, suppressions } = await analyze(text, name);
  const out: Found[] = [];
  for (const site of sites) {
    const verdict = judgeLaunch(site, knowledge);
    rule.check(site, verdict, {
      report(r: Report) {
        const span = r.span ?? verdict?.programSpan ?? site.callSpan;
        const start = file.location(span.start);
        const lines = [start.line, file.location(site.callSpan.start).line, file.location(site.callSpan.end).line];
        if (isSuppressed(suppressions, lines, rule.code, rule.name)) return;
        const rw = r.fix && site.rewriter ? site.rewriter.rewrite(r.fix.target) : undefined;
        out.push({ line: start.line, column: start.column, message: r.message, edits: rw?.edits });
      },
    });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

export async function assertSilent(rule: Rule, text: string): Promise<void> {
  const found = await lint(rule, text);
  assert.deepEqual(found.map((f) => `${f.line}:${f.column} ${f.message}`), []);
}
