/**
 * Procfile front end: `Procfile` and `Procfile.*` (Procfile.dev …). Each `name: command` line is
 * one process started by a shell of its own in the app's root folder — Heroku runs the command
 * with bash, foreman and honcho hand it to /bin/sh — so activation, `export` and `cd` last for that
 * line only, and processes run side by side (no line relies on another). Parsed as bash.
 *
 * "No venv, no finding": a Heroku Procfile with `web: gunicorn app:app` uses the platform's Python
 * and is silent. Only a venv the Procfile names itself (`worker: .venv/bin/celery …`, an
 * activation, `python -m venv`) makes a bare tool on another line an escape.
 */
import path from 'node:path';
import type { SourceFile } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, unreadLinesThatMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { analyzeWithNamedVenvs, entrySuppressions, finishAnalysis, newCollected, runShellCommand, showVenv, splitLines, START_DIR, type Collected } from '../config/services.js';
import { SHELL_SCRIPT_CHARS, within } from '../../kernel/budgets.js';
import { textWord, type Word } from '../../kernel/word.js';

/** `web: command`; foreman accepts letters, digits, `_` and `-` in the name. */
const LINE = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*?)\s*$/;

/**
 * A line of template tags only: mustache or Jinja (`{{#section}}`, `{{/section}}`, `{% endif %}`,
 * `{# note #}`). A tag ends at its first closer, so a line splits into tags one way only (a lazy
 * `{%.*?%}` could also swallow the tags after it: exponential on a hostile line of tags).
 */
const TEMPLATE_TAGS = /^\s*(?:(?:\{\{[^{}\n]*\}\}|\{%(?:[^%\n]|%(?!\}))*%\}|\{#(?:[^#\n]|#(?!\}))*#\})\s*)+$/;

export function analyzeProcfile(file: SourceFile): Analysis {
  const suppressions: Suppressions = new Map();
  const problems: { message: string; offset: number }[] = [];
  const entries: { name: string; line: number; start: number; end: number; cmdStart: number; cmd: string }[] = [];
  for (const ln of splitLines(file.text)) {
    if (/^\s*(#|$)/.test(ln.text)) continue;
    // A template's tag alone on its line (`{{#is_superdesk}}`, `{% if x %}`: fireq's Procfile
    // templates) is no process: the rendered Procfile has no such line.
    if (TEMPLATE_TAGS.test(ln.text)) continue;
    const m = LINE.exec(ln.text);
    if (!m) {
      problems.push({ message: `not a "name: command" line: ${JSON.stringify(ln.text.trim().slice(0, 40))}`, offset: ln.start });
      continue;
    }
    const cmdStart = ln.start + ln.text.indexOf(m[2], m[1].length + 1);
    // Each command is one shell script: over its budget, the file is too complex before any work.
    within(SHELL_SCRIPT_CHARS, m[2].length);
    entries.push({ name: m[1], line: ln.no, start: ln.start, end: ln.start + ln.text.length, cmdStart, cmd: m[2] });
    entrySuppressions(suppressions, file, ln.no, ln.no);
  }
  const advice = (venv: string) => {
    const shown = showVenv(venv);
    return `put its bin on PATH in the command (PATH="${shown.startsWith('/') ? shown : `$PWD/${shown}`}/bin:$PATH" …)`;
  };
  const out = analyzeWithNamedVenvs((initial) => {
    const o: Collected = newCollected(file, 'procfile');
    const venvs = new Map(initial);
    for (const e of entries) {
      const facts = { form: 'shell' as const, showVenv, unit: `the ${e.name} process`, scope: `in the ${e.name} process`, persistAdvice: advice };
      const script: Word = e.cmd === '' ? { fragments: [] } : textWord(e.cmd, e.cmdStart);
      runShellCommand(script, 'bash', 'bash', {
        file,
        language: 'procfile',
        api: e.name,
        callSpan: { start: e.start, end: e.end },
        order: e.line,
        envPath: DEFAULT_PATH,
        execLookupOnEnvPath: true,
        cwd: START_DIR,
        vars: new Map(),
        venvs,
        execFacts: facts,
        shellFacts: facts,
        // Processes run side by side: an activation in one is not relied on by another.
        group: e,
      }, o);
    }
    return { out: o, venvs };
  });
  // A line Heroku, foreman and honcho pass over never runs: reported when it could have held a finding.
  out.problems.push(...unreadLinesThatMatter(file.text, problems));
  return finishAnalysis(out, suppressions);
}

/** Extensions of scripts in a language of their own (Heroku's variants are `.dev`, `.worker` …). */
const SCRIPT_EXTENSION = /\.(?:sh|bash|zsh|ksh|py|pyw|ps1|bat|cmd|rb|js|ts|pl)$/i;

export const procfileFrontEnd: FrontEnd = {
  language: 'procfile',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    // `Procfile.sh` (babybuddy: `#!/bin/bash`, then the commands) is a script a Procfile runs, in
    // the language its extension says.
    return base === 'Procfile' || (base.startsWith('Procfile.') && !SCRIPT_EXTENSION.test(base));
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeProcfile(file));
  },
};
