/**
 * The human-readable report (default of `venvguard check`), in the manner of Ruff and actionlint:
 * `path:line:col: CODE message [rule-name]`, a code frame, notes for related locations, a help line
 * per fix saying whether `--fix` applies it, then files that could not be checked, then a summary.
 * Colour only when `o.color`; everything file-derived is sanitized before it reaches the terminal.
 */
import pc from 'picocolors';
import type { Diagnostic, Fix } from '../kernel/diagnostic.js';
import { codeFrame, sanitize } from './code-frame.js';
import { appliedByFix, countFixes, countProblemFiles, displayPath, plural, shownFix } from './common.js';
import type { CheckResult, ReportOptions, Reporter } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

export const renderText: Reporter = (r, o) => {
  const c = pc.createColors(o.color);
  const out: string[] = [];
  // One flat string per finding: the pieces each line was built from are garbage at once (kept as
  // V8 cons strings until the final join, 32,000 findings held ~130 MB more than the JSON report).
  for (const d of r.diagnostics) {
    out.push(renderDiagnostic(d, r, o, c).join('\n') + '\n');
  }
  for (const p of r.problems) {
    const where = p.start ? `:${p.start.line}:${p.start.column}` : '';
    out.push(`${c.bold(sanitize(displayPath(p.path, r.cwd)))}${where}: ${c.yellow(c.bold('warning'))}: ${sanitize(p.message)}`);
  }
  if (r.problems.length > 0) out.push('');
  out.push(...summary(r, o, c));
  return out.join('\n') + '\n';
};

function renderDiagnostic(d: Diagnostic, r: CheckResult, o: ReportOptions, c: Colors): string[] {
  const tone = d.severity === 'error' ? c.red : c.yellow;
  const path = sanitize(displayPath(d.path, r.cwd));
  const lines = [`${c.bold(path)}:${d.start.line}:${d.start.column}: ${tone(c.bold(d.code))} ${sanitize(d.message)} ${c.dim(`[${d.rule}]`)}`];

  const source = r.sources.get(d.path);
  const gutter = (s: string) => c.blue(c.bold(s));
  let gutterWidth = 1;
  if (source) {
    const frame = codeFrame(source, d.start, d.end, { gutter, marker: (s) => tone(c.bold(s)) });
    lines.push(...frame.lines);
    gutterWidth = frame.gutterWidth;
  }

  // Annotations hang under the gutter's rule, as rustc and Ruff print them.
  const indent = ' '.repeat(gutterWidth + 1);
  const label = (name: string) => `${indent}${gutter('=')} ${c.bold(name)}:`;
  for (const rel of d.related) {
    lines.push(`${label('note')} ${sanitize(rel.message)} at ${path}:${rel.start.line}:${rel.start.column}`);
  }
  const fix = shownFix(d, o);
  if (fix) {
    lines.push(`${label('help')} ${helpLine(fix, o, c)}`);
    if (fix.reason && fix.applicability !== 'safe') {
      const why = fix.applicability === 'unsafe' ? 'fix is unsafe' : 'not applied automatically';
      lines.push(`${label('note')} ${why}: ${sanitize(fix.reason)}`);
    }
  }
  return lines;
}

function helpLine(fix: Fix, o: ReportOptions, c: Colors): string {
  const title = sanitize(fix.title);
  const star = c.cyan('[*]');
  if (fix.applicability === 'safe') return `${star} ${title} ${c.dim('(fixable with --fix)')}`;
  if (fix.applicability === 'unsafe') {
    return appliedByFix(fix, o)
      ? `${star} ${title} ${c.dim('(unsafe fix, fixable with --fix)')}`
      : `${title} ${c.dim('(unsafe fix, fixable with --unsafe-fixes)')}`;
  }
  return `${title} ${c.dim('(suggestion, not applied automatically)')}`;
}

function summary(r: CheckResult, o: ReportOptions, c: Colors): string[] {
  const lines: string[] = [];
  if (r.fixesApplied) lines.push(c.green(`Fixed ${plural(r.fixesApplied, 'problem')}.`));

  const unchecked = countProblemFiles(r.problems);
  if (r.diagnostics.length === 0 && unchecked > 0) {
    // Not "all passed": something was not checked (exit 3).
    lines.push(c.yellow(`No problems found in ${plural(r.filesChecked, 'file')} checked (${r.filesSkipped} skipped), but ${plural(unchecked, 'file')} could not be checked completely (see the warnings above).`));
    return lines;
  }
  if (r.diagnostics.length === 0) {
    lines.push(`${c.green(c.bold('All checks passed!'))} (${plural(r.filesChecked, 'file')} checked, ${r.filesSkipped} skipped)`);
  } else {
    const n = countFixes(r.diagnostics);
    const withFix = n.safe + (o.unsafeFixesEnabled ? n.unsafe : 0);
    const withUnsafe = o.unsafeFixesEnabled ? 0 : n.unsafe;
    const parts: string[] = [];
    if (withFix > 0) parts.push(`${withFix} fixable with --fix`);
    if (withUnsafe > 0) parts.push(`${withUnsafe} ${withFix > 0 ? 'more' : 'fixable'} with --unsafe-fixes`);
    const fixable = parts.length > 0 ? ` (${parts.join(', ')})` : '';
    const skipped = r.filesSkipped > 0 ? ` (${r.filesSkipped} skipped by the prefilter)` : '';
    lines.push(`${c.bold(`Found ${plural(r.diagnostics.length, 'problem')}`)}${fixable} in ${plural(r.filesChecked, 'file')} checked${skipped}.`);
  }

  // A file --fix would not write (read-only, another user's, a link out of the tree) was checked.
  const notFixed = countProblemFiles(r.problems.filter((p) => p.kind === 'not-fixed'));
  const incomplete = countProblemFiles(r.problems.filter((p) => p.kind !== 'not-fixed'));
  if (incomplete > 0) lines.push(c.yellow(`${plural(incomplete, 'file')} could not be checked completely.`));
  if (notFixed > 0) lines.push(c.yellow(`${plural(notFixed, 'file')} could not be fixed (see the warnings above).`));
  return lines;
}
