/**
 * Small pieces every reporter shares, so that the formats agree: how a path is shown, which fix a
 * reporter shows, how fixable problems are counted, and where a fix edit lies in lines and columns.
 */
import path from 'node:path';
import type { Diagnostic, Edit, FileProblem, Fix } from '../kernel/diagnostic.js';
import type { Location, SourceFile } from '../kernel/source.js';
import type { ReportOptions } from './types.js';

/** `p` relative to `cwd` (native separators) if it lies inside `cwd`, else undefined. */
export function pathInside(p: string, cwd: string): string | undefined {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  const outside = rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel);
  return outside ? undefined : rel;
}

/**
 * A path relative to `cwd` when it lies inside `cwd`, else the path as given (a relative `../x`
 * stays as typed; an absolute path elsewhere stays absolute). Native separators.
 */
export function displayPath(p: string, cwd: string): string {
  return pathInside(p, cwd) ?? p;
}

/** `displayPath` with forward slashes, for machine formats read on any platform. */
export function portablePath(p: string, cwd: string): string {
  return displayPath(p, cwd).split(path.sep).join('/');
}

/** Whether `--fix` applies this fix under the current options. */
export function appliedByFix(fix: Fix, o: Pick<ReportOptions, 'unsafeFixesEnabled'>): boolean {
  return fix.applicability === 'safe' || (fix.applicability === 'unsafe' && o.unsafeFixesEnabled);
}

/** The diagnostic's fix if `o.showFixes` lets it be shown. */
export function shownFix(d: Diagnostic, o: Pick<ReportOptions, 'showFixes' | 'unsafeFixesEnabled'>): Fix | undefined {
  if (!d.fix || o.showFixes === 'none') return undefined;
  if (o.showFixes === 'safe' && !appliedByFix(d.fix, o)) return undefined;
  return d.fix;
}

export interface FixCounts {
  safe: number;
  unsafe: number;
  displayOnly: number;
}

export function countFixes(diagnostics: readonly Diagnostic[]): FixCounts {
  const n: FixCounts = { safe: 0, unsafe: 0, displayOnly: 0 };
  for (const d of diagnostics) {
    if (d.fix?.applicability === 'safe') n.safe++;
    else if (d.fix?.applicability === 'unsafe') n.unsafe++;
    else if (d.fix?.applicability === 'display-only') n.displayOnly++;
  }
  return n;
}

/** Distinct files among the problems (one file may have several). */
export function countProblemFiles(problems: readonly FileProblem[]): number {
  return new Set(problems.map((p) => p.path)).size;
}

/** Start and end of an edit, in lines and UTF-16 columns (end exclusive). */
export function editRange(source: SourceFile, edit: Edit): { start: Location; end: Location } {
  return { start: source.location(edit.start), end: source.location(edit.end) };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The whole sentence, problem and remedy, for formats that show one message (SARIF, annotations). */
export function fullMessage(d: Pick<Diagnostic, 'message' | 'remedy'>): string {
  return d.remedy ? `${d.message}; ${d.remedy}` : d.message;
}
