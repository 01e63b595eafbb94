/**
 * The human-readable reports of `venvguard check`, in the manner of Ruff and actionlint.
 * - concise (the default): one line per finding, `path:line:col: CODE message [rule-name]`, then
 *   the files that could not be checked, then the summary;
 * - full: each line followed by a code frame, notes for related locations, the remedy once as
 *   help, the fix and whether `--fix` applies it, and why a fix is unsafe — once per rule and
 *   reason in a run, not under every finding.
 * Colour only when `o.color`; everything file-derived is sanitized before it reaches the terminal.
 */
import pc from 'picocolors';
import type { Diagnostic, Fix } from '../kernel/diagnostic.js';
import { codeFrame, sanitize } from './code-frame.js';
import { appliedByFix, countFixes, countProblemFiles, displayPath, joinedChunks, plural, shownFix } from './common.js';
import type { ReportInput, ReportOptions, Reporter } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

export const renderConcise: Reporter = (r, o) => [...concisePieces(r, o)].join('');
export const renderFull: Reporter = (r, o) => [...fullPieces(r, o)].join('');
/** The full report (the reporter's historical name). */
export const renderText: Reporter = renderFull;

/** The text reports in pieces of about 64 KB, for the CLI to write as they are built. */
export const concisePieces = (r: ReportInput, o: ReportOptions): Generator<string> => joinedChunks(entries(r, o, 'concise'), '\n', '\n');
export const fullPieces = (r: ReportInput, o: ReportOptions): Generator<string> => joinedChunks(entries(r, o, 'full'), '\n', '\n');

/** The report's entries (a finding, a problem, a summary line), to be joined by newlines. */
function* entries(r: ReportInput, o: ReportOptions, style: 'concise' | 'full'): Generator<string> {
  const c = pc.createColors(o.color);
  const notesShown = new Set<string>();
  // One flat string per finding: the pieces each line was built from are garbage at once (kept as
  // V8 cons strings until the final join, 32,000 findings held ~130 MB more than the JSON report).
  for (const d of r.diagnostics) {
    yield style === 'concise' ? headerLine(d, r, c) : renderDiagnostic(d, r, o, c, notesShown).join('\n') + '\n';
  }
  if (style === 'concise' && r.diagnostics.length > 0) yield '';
  for (const p of r.problems) {
    const where = p.start ? `:${p.start.line}:${p.start.column}` : '';
    yield `${c.bold(sanitize(displayPath(p.path, r.cwd)))}${where}: ${c.yellow(c.bold('warning'))}: ${sanitize(p.message)}`;
  }
  if (r.problems.length > 0) yield '';
  yield* summary(r, o, c);
}

function headerLine(d: Diagnostic, r: ReportInput, c: Colors): string {
  const tone = d.severity === 'error' ? c.red : c.yellow;
  const path = sanitize(displayPath(d.path, r.cwd));
  return `${c.bold(path)}:${d.start.line}:${d.start.column}: ${tone(c.bold(d.code))} ${sanitize(d.message)} ${c.dim(`[${d.rule}]`)}`;
}

/** A remedy or fix title without case, spacing, a leading verb or a trailing "instead". */
function core(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(use|start|run) /, '').replace(/[ .]*(instead)?[ .]*$/, '');
}

/** Whether the remedy says what the fix does (possibly with more after it): then it is said once. */
function remedyIsFix(remedy: string, fix: Fix): boolean {
  const r = core(remedy);
  const f = core(fix.title);
  return r === f || r.startsWith(f + ';') || r.startsWith(f + ',');
}

function renderDiagnostic(d: Diagnostic, r: ReportInput, o: ReportOptions, c: Colors, notesShown: Set<string>): string[] {
  const tone = d.severity === 'error' ? c.red : c.yellow;
  const path = sanitize(displayPath(d.path, r.cwd));
  const lines = [headerLine(d, r, c)];

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
    lines.push(`${label('note')} ${sanitize(rel.message)} at ${rel.path ?? path}:${rel.start.line}:${rel.start.column}`);
  }
  const fix = shownFix(d, o);
  // The remedy once: the help line, with the fix's applicability when the fix does just that;
  // otherwise the fix on a line of its own.
  const merged = !!(fix && d.remedy && remedyIsFix(d.remedy, fix));
  if (d.remedy && !merged) lines.push(`${label('help')} ${sanitize(capitalize(d.remedy, d))}`);
  if (fix) {
    const title = merged ? capitalize(d.remedy!, d) : fix.title;
    lines.push(`${label(d.remedy && !merged ? 'fix' : 'help')} ${helpLine({ ...fix, title }, o, c)}`);
    const key = `${fix.applicability}|${fix.reason ?? ''}`;
    if (fix.reason && fix.applicability !== 'safe' && !notesShown.has(key)) {
      notesShown.add(key);
      const why = fix.applicability === 'unsafe' ? 'fix is unsafe' : 'not applied automatically';
      lines.push(`${label('note')} ${why}: ${sanitize(fix.reason)}`);
    }
  }
  return lines;
}

/** A sentence's first letter in capitals, unless the sentence opens with a path or the venv's name (`gimpenv created at line 8`). */
function capitalize(s: string, d?: Diagnostic): string {
  const first = s.split(/[\s:]/, 1)[0];
  const venv = d?.data?.venv;
  if (first.includes('/') || (typeof venv === 'string' && venv !== '' && s.startsWith(venv))) return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
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

/** "5 files checked, 2 of them by a fast scan that found nothing to analyse". */
export function checkedText(r: Pick<ReportInput, 'filesChecked' | 'filesSkipped'>): string {
  const total = r.filesChecked + r.filesSkipped;
  if (r.filesSkipped === 0) return `${plural(total, 'file')} checked`;
  const scan = 'by a fast scan that found nothing to analyse';
  if (r.filesSkipped === total) return `${plural(total, 'file')} checked ${scan}`;
  return `${plural(total, 'file')} checked, ${r.filesSkipped} of them ${scan}`;
}

function summary(r: ReportInput, o: ReportOptions, c: Colors): string[] {
  const lines: string[] = [];
  if (r.fixesApplied) lines.push(c.green(`Fixed ${plural(r.fixesApplied, 'problem')}.`));
  if (r.baseline?.written !== undefined) lines.push(`Recorded ${plural(r.baseline.written, 'problem')} in the baseline ${r.baseline.file}.`);
  else if (r.baseline?.hidden) lines.push(`${plural(r.baseline.hidden, 'problem')} recorded in the baseline ${r.baseline.file} not shown.`);

  // A file --fix would not write (read-only, another user's, a link out of the tree) was checked.
  const notFixed = countProblemFiles(r.problems.filter((p) => p.kind === 'not-fixed'));
  const unchecked = countProblemFiles(r.problems.filter((p) => p.kind !== 'not-fixed'));
  const couldNot = `${plural(unchecked, 'file')} could not be checked completely (see the warnings above)`;
  if (r.diagnostics.length === 0 && unchecked > 0) {
    // Not "all passed": something was not checked (exit 3).
    lines.push(c.yellow(`No problems found (${checkedText(r)}), but ${couldNot}.`));
    return lines;
  }
  if (r.diagnostics.length === 0) {
    lines.push(`${c.green(c.bold('All checks passed!'))} (${checkedText(r)})`);
    return lines;
  }
  const n = countFixes(r.diagnostics);
  const withFix = n.safe + (o.unsafeFixesEnabled ? n.unsafe : 0);
  const withUnsafe = o.unsafeFixesEnabled ? 0 : n.unsafe;
  const parts: string[] = [];
  if (withFix > 0) parts.push(`${withFix} fixable with --fix`);
  if (withUnsafe > 0) parts.push(`${withUnsafe} ${withFix > 0 ? 'more' : 'fixable'} with --unsafe-fixes`);
  const fixable = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  lines.push(`${c.bold(`Found ${plural(r.diagnostics.length, 'problem')}`)}${fixable}; ${checkedText(r)}.`);
  if (unchecked > 0) lines.push(c.yellow(`${couldNot[0].toUpperCase()}${couldNot.slice(1)}.`));
  if (notFixed > 0) lines.push(c.yellow(`${plural(notFixed, 'file')} could not be fixed (see the warnings above).`));
  return lines;
}
