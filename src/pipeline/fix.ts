/**
 * The fix engine: apply the fixes of a file's diagnostics (apply-fixes.ts), re-check the new text
 * with the same front end until nothing more applies, refuse a result that does not parse or
 * cannot be encoded back, and write it atomically.
 */
import type { Diagnostic, Edit, FileProblem } from '../kernel/diagnostic.js';
import type { Span } from '../kernel/source.js';
import { encodeText } from '../kernel/decode.js';
import { SourceFile } from '../kernel/source.js';
import type { FrontEnd } from '../frontends/front-end.js';
import { frontEndByLanguage, frontEndFor, headOf } from '../frontends/index.js';
import { applyFixes, fixableBy } from './apply-fixes.js';
import { crashProblem, projectAnswers, type FileCheckContext, type FileCheckResult } from './check-file.js';
import { diagnose } from './diagnose.js';
import { ParserDamagedError, parsersHealthy } from '../frontends/tree-sitter.js';
import type { FixWriter } from './fix-write.js';

/** What re-checking a fixed text needs (the run's rules, knowledge and prefilter). */
export type FixContext = Omit<FileCheckContext, 'maxFileSize'>;

const MAX_FIX_PASSES = 10;

/** What fixing one file came to: the fixed text (none when nothing applied), what is left, or why not. */
export interface FixOutcome {
  fixed?: { before: string; after: string; applied: number };
  remaining: Diagnostic[];
  source?: SourceFile;
  problem?: FileProblem;
}

/**
 * Apply fixes until none applies (a later pass may fix what overlapped before), re-checking
 * the new text each time; refuse if the result no longer parses or cannot be encoded back.
 * `writer` writes the result (fix-write.ts: only where it may); without one, nothing is written (--diff).
 */
export function fixFile(r: FileCheckResult, diags: Diagnostic[], ctx: FixContext, unsafe: boolean, writer: FixWriter | undefined, drop: readonly string[] = []): FixOutcome {
  return writeFix(r, diags, computeFix(r, diags, ctx, unsafe, drop), writer);
}

/**
 * The fixed text of a checked file, computed and verified but not written: run by the thread that
 * checked the file (a worker, or the main thread), right after the check.
 */
export function computeFix(r: FileCheckResult, diags: Diagnostic[], ctx: FixContext, unsafe: boolean, drop: readonly string[] = []): FixOutcome {
  const original = r.source!;
  if (!original.encoding.lossless) return { remaining: diags, problem: { path: r.path, kind: 'decode', message: 'not fixed: the file could not be decoded losslessly', partial: true } };
  let loop: ReturnType<typeof fixLoop>;
  try {
    // The check has read the file: a syntax error it reported is known, and the original is not parsed again.
    if (r.problems.some((p) => p.kind === 'syntax')) loop = { kind: 'syntax', error: NOT_VERIFIED };
    else loop = fixLoop(original, diags, ctx, unsafe, r.language ? frontEndByLanguage(r.language) : undefined, { checked: true, drop });
    if (!parsersHealthy()) throw new ParserDamagedError('the parser answered a known text wrongly after fixing this file');
  } catch (e) {
    const p = crashProblem(r.path, e);
    return { remaining: diags, problem: { ...p, message: `not fixed: ${p.message}`, partial: true } };
  }
  // A file with syntax errors was checked (as far as its check says) but is not fixed: that is a file
  // not fixed, not a file not checked (the check of a notebook parses only what may matter, so its fix
  // is the first to meet a syntax error in another cell).
  if ('error' in loop) return { remaining: diags, problem: { path: r.path, kind: loop.error === NOT_VERIFIED ? 'not-fixed' : loop.kind, message: loop.error, partial: true } };
  const { text, applied, remaining: current } = loop;
  if (applied === 0) return { remaining: diags };
  return { fixed: { before: original.text, after: text, applied }, remaining: current, source: new SourceFile(original.path, text, original.encoding) };
}

/** Write a computed fix (on the main thread, which holds the signals while it writes); `diags` are the file's findings before it. */
export function writeFix(r: FileCheckResult, diags: Diagnostic[], outcome: FixOutcome, writer: FixWriter | undefined): FixOutcome {
  if (!outcome.fixed || !writer) return outcome;
  const original = r.source!;
  const bytes = encodeText(original, outcome.fixed.after);
  if (!bytes) return { remaining: diags, problem: { path: r.path, kind: 'decode', message: `not fixed: the result cannot be encoded as ${original.encoding.name}`, partial: true } };
  // A file it may not write (read-only, another user's, a link out of the checked paths), or a
  // failed write (read-only folder or file system), is reported; the run goes on.
  const refused = writer.write(r.path, bytes);
  if (refused) return { remaining: diags, problem: { path: r.path, kind: 'not-fixed', message: refused, partial: true } };
  return outcome;
}

/**
 * Apply fixes until none applies (a later pass may fix what overlapped before), re-checking the
 * new text each time; refuse when the file had syntax errors or a result would not parse.
 */
export function fixLoop(
  original: SourceFile,
  diags: Diagnostic[],
  ctx: FixContext,
  unsafe: boolean,
  fe: FrontEnd = frontEndFor(original.path, headOf(original.path, original.text)),
  /**
   * `checked`: the caller's check of the original reported no syntax error, so it is not parsed again up front.
   * `drop`: rule codes the config's per-file ignores drop for this file: a later pass does not fix them either.
   */
  opts: { checked?: boolean; drop?: readonly string[] } = {},
): { text: string; applied: number; remaining: Diagnostic[] } | { error: string; kind: FileProblem['kind'] } {
  const parses = (text: string) => !hasSyntaxErrors(new SourceFile(original.path, text, original.encoding), fe);
  if (!opts.checked && !parses(original.text)) return { kind: 'syntax', error: NOT_VERIFIED };
  let text = original.text;
  let current = diags;
  let applied = 0;
  /** What earlier passes wrote, as spans of the current text. */
  let written: Span[] = [];
  for (let pass = 1; ; pass++) {
    const step = applyFixes(text, current, unsafe);
    if (step.applied === 0 || step.text === text) break;
    if (pass > MAX_FIX_PASSES) {
      const left = current.filter((d) => fixableBy(d, unsafe));
      return { kind: 'internal', error: `not fixed: ${MAX_FIX_PASSES} passes of fixes left ${left.length} fixable finding(s) of ${ruleList(left)} (please report this)` };
    }
    // One full parse of the new text both verifies it and re-checks it.
    const again = recheck(new SourceFile(original.path, step.text, original.encoding), ctx, fe);
    if (again.syntax) {
      // A syntax error the check's partial parse did not reach (a left-out block) was already there.
      if (opts.checked && !parses(original.text)) return { kind: 'syntax', error: NOT_VERIFIED };
      return { kind: 'internal', error: 'not fixed: the fixed code would not parse (please report this)' };
    }
    const next = opts.drop?.length ? again.diagnostics.filter((d) => !opts.drop!.includes(d.code)) : again.diagnostics;
    // Every pass must leave fewer findings than it started with, or at least rewrite source that
    // no earlier pass wrote (a name with two definitions, `cmd = ["x"]` and `cmd = ["x", "-y"]`,
    // is one finding, fixed one definition a pass). A fix that leaves its own finding would
    // otherwise be applied again next to what it wrote, pass after pass (issue 16: an Actions fix
    // that added ten broken copies of a line, and ten more on every run).
    const fresh = step.edits.some((e) => !written.some((w) => e.start <= w.end && e.end >= w.start));
    if (next.length >= current.length && !fresh) {
      const culprits = notReduced(current, next, unsafe);
      return { kind: 'internal', error: `not fixed: the fixes of ${ruleList(culprits)} do not converge: pass ${pass} left ${next.length} finding(s) of the ${current.length} it started with (please report this)` };
    }
    text = step.text;
    applied += step.applied;
    current = next;
    written = afterEdits(written, step.edits);
  }
  return { text, applied, remaining: current };
}

/** `written` (spans of the text before the edits) moved to the text after them, plus the edits' own new text. */
function afterEdits(written: Span[], edits: Edit[]): Span[] {
  // edits are ordered and do not overlap; `shift(p)` is where offset p of the old text ends up.
  const shift = (p: number, edge: 'start' | 'end') => {
    let delta = 0;
    for (const e of edits) {
      if (e.end < p || (e.end === p && (e.start < p || edge === 'end'))) delta += e.text.length - (e.end - e.start);
      else if (e.start < p) return e.start + delta + e.text.length; // inside a replaced range: its end
      else break;
    }
    return p + delta;
  };
  const out = written.map((w) => ({ start: shift(w.start, 'start'), end: shift(w.end, 'end') }));
  let delta = 0;
  for (const e of edits) {
    out.push({ start: e.start + delta, end: e.start + delta + e.text.length });
    delta += e.text.length - (e.end - e.start);
  }
  return out;
}

/** The fixed findings whose rule has as many findings or more after the pass (all of them if none has). */
function notReduced(before: Diagnostic[], after: Diagnostic[], unsafe: boolean): Diagnostic[] {
  const count = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).length;
  const fixed = before.filter((d) => fixableBy(d, unsafe));
  const stuck = fixed.filter((d) => count(after, d.code) >= count(before, d.code));
  return stuck.length ? stuck : fixed;
}

/** `VG201 (venv-not-on-path)`, each rule once, in code order. */
function ruleList(ds: Diagnostic[]): string {
  const rules = new Map(ds.map((d) => [d.code, d.rule]));
  return [...rules].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => `${code} (${name})`).join(', ') || 'no rule';
}

const NOT_VERIFIED = 'not fixed: the file has syntax errors, so a fix could not be verified';

/** The findings in a fixed text, from one full parse that also says whether it has syntax errors. */
function recheck(file: SourceFile, ctx: FixContext, fe: FrontEnd): { syntax: boolean; diagnostics: Diagnostic[] } {
  return fe.analyze(file, (a) => (a.syntaxProblem?.kind === 'syntax' ? { syntax: true, diagnostics: [] } : { syntax: false, diagnostics: diagnose(file, a, ctx).diagnostics }), projectAnswers(ctx));
}

/** Whether the file's own front end reports it as not fully parsed. */
function hasSyntaxErrors(file: SourceFile, fe: FrontEnd): boolean {
  return fe.analyze(file, (a) => a.syntaxProblem?.kind === 'syntax');
}
