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

/** Errors, warnings and fixable findings, counted in one pass (a packed list makes its findings anew on each pass). */
export function countFindings(diagnostics: Iterable<Diagnostic>): { errors: number; warnings: number; fixable: FixCounts } {
  let errors = 0;
  let warnings = 0;
  const fixable: FixCounts = { safe: 0, unsafe: 0, displayOnly: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    if (d.fix?.applicability === 'safe') fixable.safe++;
    else if (d.fix?.applicability === 'unsafe') fixable.unsafe++;
    else if (d.fix?.applicability === 'display-only') fixable.displayOnly++;
  }
  return { errors, warnings, fixable };
}

export function countFixes(diagnostics: Iterable<Diagnostic>): FixCounts {
  return countFindings(diagnostics).fixable;
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

/** Where `prettyJsonChunks` puts the streamed array: a string no report holds. */
const ITEMS = '\u0000venvguard: items\u0000';

/**
 * `JSON.stringify(doc, null, 2) + '\n'` in pieces of about 64 KB, where `doc` holds `ITEMS_PLACE`
 * in place of one large array whose elements are `render(items[i], i)`: each element is built,
 * written and dropped in turn. The whole report as one string (a tree of 16,000 files with two
 * findings each: 20 MB, and its element objects and the copy written to stdout besides) was the
 * peak of the run's memory.
 */
export function prettyJsonChunks<T>(doc: unknown, items: Iterable<T> & { readonly length: number }, render: (item: T, i: number) => unknown): Generator<string> {
  const text = JSON.stringify(doc, null, 2);
  const mark = JSON.stringify(ITEMS);
  const at = text.indexOf(mark);
  if (at < 0) throw new Error('prettyJsonChunks: the document has no place for its items');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(text.slice(lineStart, at))![0];
  const head = text.slice(0, at);
  const tail = text.slice(at + mark.length) + '\n';
  if (!items.length) return joinedChunks([head + '[]' + tail], '', '');
  const inner = `\n${indent}  `;
  function* elements(): Generator<string> {
    let i = 0;
    for (const item of items) {
      yield (i ? '' : head + '[') + inner + JSON.stringify(render(item, i), null, 2).replaceAll('\n', inner);
      i++;
    }
  }
  return joinedChunks(elements(), ',', `\n${indent}]${tail}`);
}

/** `[...items].join(sep) + end` in pieces of about 64 KB, each item built as it is needed. */
export function* joinedChunks(items: Iterable<string>, sep: string, end: string): Generator<string> {
  let chunk = '';
  let first = true;
  for (const item of items) {
    chunk += (first ? '' : sep) + item;
    first = false;
    if (chunk.length >= 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + end;
}

/** The value to put where `prettyJsonChunks` streams its items. */
export const ITEMS_PLACE: unknown = ITEMS;
