/**
 * The fix engine: apply the fixes of a file's diagnostics (apply-fixes.ts), re-check the new text
 * with the same front end until nothing more applies, refuse a result that does not parse or
 * cannot be encoded back, and write it atomically.
 */
import type { Diagnostic, FileProblem } from '../kernel/diagnostic.js';
import { encodeText } from '../kernel/decode.js';
import { SourceFile } from '../kernel/source.js';
import type { FrontEnd } from '../frontends/front-end.js';
import { frontEndByLanguage, frontEndFor, headOf } from '../frontends/index.js';
import { applyFixes } from './apply-fixes.js';
import { checkSource, crashProblem, type FileCheckContext, type FileCheckResult } from './check-file.js';
import { ParserDamagedError, parsersHealthy } from '../frontends/tree-sitter.js';
import type { FixWriter } from './fix-write.js';

/** What re-checking a fixed text needs (the run's rules, knowledge and prefilter). */
export type FixContext = Omit<FileCheckContext, 'maxFileSize'>;

const MAX_FIX_PASSES = 10;

/**
 * Apply fixes until none applies (a later pass may fix what overlapped before), re-checking
 * the new text each time; refuse if the result no longer parses or cannot be encoded back.
 * `writer` writes the result (fix-write.ts: only where it may); without one, nothing is written (--diff).
 */
export function fixFile(
  r: FileCheckResult,
  diags: Diagnostic[],
  ctx: FixContext,
  unsafe: boolean,
  writer: FixWriter | undefined,
): { fixed?: { before: string; after: string; applied: number }; remaining: Diagnostic[]; source?: SourceFile; problem?: FileProblem } {
  const original = r.source!;
  if (!original.encoding.lossless) return { remaining: diags, problem: { path: r.path, kind: 'decode', message: 'not fixed: the file could not be decoded losslessly', partial: true } };
  let loop: ReturnType<typeof fixLoop>;
  try {
    loop = fixLoop(original, diags, ctx, unsafe, r.language ? frontEndByLanguage(r.language) : undefined);
    if (!parsersHealthy()) throw new ParserDamagedError('the parser answered a known text wrongly after fixing this file');
  } catch (e) {
    const p = crashProblem(r.path, e);
    return { remaining: diags, problem: { ...p, message: `not fixed: ${p.message}`, partial: true } };
  }
  if ('error' in loop) return { remaining: diags, problem: { path: r.path, kind: loop.kind, message: loop.error, partial: true } };
  const { text, applied, remaining: current } = loop;
  if (applied === 0) return { remaining: diags };
  const source = new SourceFile(original.path, text, original.encoding);
  if (writer) {
    const bytes = encodeText(original, text);
    if (!bytes) return { remaining: diags, problem: { path: r.path, kind: 'decode', message: `not fixed: the result cannot be encoded as ${original.encoding.name}`, partial: true } };
    // A file it may not write (read-only, another user's, a link out of the checked paths), or a
    // failed write (read-only folder or file system), is reported; the run goes on.
    const refused = writer.write(r.path, bytes);
    if (refused) return { remaining: diags, problem: { path: r.path, kind: 'not-fixed', message: refused, partial: true } };
  }
  return { fixed: { before: original.text, after: text, applied }, remaining: current, source };
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
): { text: string; applied: number; remaining: Diagnostic[] } | { error: string; kind: FileProblem['kind'] } {
  const parses = (text: string) => !hasSyntaxErrors(new SourceFile(original.path, text, original.encoding), fe);
  if (!parses(original.text)) return { kind: 'syntax', error: 'not fixed: the file has syntax errors, so a fix could not be verified' };
  let text = original.text;
  let current = diags;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const step = applyFixes(text, current, unsafe);
    if (step.applied === 0 || step.text === text) break;
    if (!parses(step.text)) return { kind: 'internal', error: 'not fixed: the fixed code would not parse (please report this)' };
    text = step.text;
    applied += step.applied;
    current = checkSource(new SourceFile(original.path, text, original.encoding), ctx, fe).diagnostics;
  }
  return { text, applied, remaining: current };
}

/** Whether the file's own front end reports it as not fully parsed. */
function hasSyntaxErrors(file: SourceFile, fe: FrontEnd): boolean {
  return fe.analyze(file, (a) => a.syntaxProblem?.kind === 'syntax');
}
