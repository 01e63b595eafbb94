/**
 * One decoded file checked and, in a fix run, fixed by the thread that checked it (a worker, or
 * the main thread): the fix loop, its convergence check and its verifying parse run right after
 * the check, on the text and parsers that thread already holds, and only for a file with fixable
 * findings. Writing stays on the main thread (fix-write.ts, which holds SIGINT/SIGTERM while it
 * writes and sweeps stale temporary files by process id).
 */
import type { Diagnostic, FileProblem } from '../kernel/diagnostic.js';
import { SourceFile } from '../kernel/source.js';
import { fixableBy } from './apply-fixes.js';
import { analyseDecoded, type FileCheckResult } from './check-file.js';
import { computeFix, type FixContext, type FixOutcome } from './fix.js';

/** What a fix run asks of the thread that checks a file. */
export interface FixRequest {
  unsafe: boolean;
}

/** A fix computed where the file was checked, as plain data (it crosses back from a worker). */
export interface ComputedFix {
  after?: string;
  applied?: number;
  remaining: Diagnostic[];
  problem?: FileProblem;
}

/** A checked file, with the fix its thread computed (fix runs only, files with fixable findings only). */
export interface CheckedFile extends FileCheckResult {
  fix?: FixOutcome;
}

/**
 * Check a decoded file; with `fix`, also compute its fixed text when it has fixable findings that
 * `drop` (the config's per-file ignores for it) leaves.
 */
export function checkAndFix(result: FileCheckResult, file: SourceFile, ctx: FixContext, fix?: FixRequest, drop: readonly string[] = []): { result: FileCheckResult; fix?: ComputedFix } {
  const r = analyseDecoded(result, file, ctx);
  if (!fix || !r.source) return { result: r };
  const diags = drop.length ? r.diagnostics.filter((d) => !drop.includes(d.code)) : r.diagnostics;
  if (!diags.some((d) => fixableBy(d, fix.unsafe))) return { result: r };
  const o = computeFix(r, diags, ctx, fix.unsafe, drop);
  return { result: r, fix: { after: o.fixed?.after, applied: o.fixed?.applied, remaining: o.remaining, problem: o.problem } };
}

/** The outcome of a computed fix again, on the main thread (`result.source` is the checked text). */
export function outcomeOf(result: FileCheckResult, c: ComputedFix): FixOutcome {
  const original = result.source!;
  if (c.after === undefined) return { remaining: c.remaining, problem: c.problem };
  return { fixed: { before: original.text, after: c.after, applied: c.applied! }, remaining: c.remaining, source: new SourceFile(original.path, c.after, original.encoding), problem: c.problem };
}
