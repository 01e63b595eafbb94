/**
 * One file through the pipeline: bytes → SourceFile → (prefilter) → front end → LaunchSites →
 * judge → rules → Diagnostics (+ fixes). Never throws for bad input: problems are returned.
 */
import fs from 'node:fs';
import type { Diagnostic, Fix, FileProblem, RelatedLocation } from '../kernel/diagnostic.js';
import type { Report, Rule } from '../kernel/rule.js';
import type { SourceFile, Span } from '../kernel/source.js';
import { isSuppressed } from '../kernel/suppressions.js';
import { decodeText } from '../kernel/decode.js';
import type { Analysis } from '../frontends/front-end.js';
import { frontEndFor } from '../frontends/index.js';
import type { Prefilter } from '../frontends/python/prefilter.js';
import { judgeLaunch, type ToolKnowledge } from '../judge/judge.js';

export interface FileCheckContext {
  rules: readonly Rule[];
  knowledge: ToolKnowledge;
  /** Skip files that cannot hold an escape (undefined: analyse everything). */
  prefilter?: Prefilter;
  maxFileSize: number;
}

export interface FileCheckResult {
  path: string;
  diagnostics: Diagnostic[];
  problems: FileProblem[];
  /** True when the prefilter showed the file cannot hold an escape. */
  skipped: boolean;
  /** The decoded source, when there are diagnostics (for code frames and fixes). */
  source?: SourceFile;
}

/** readForCheck, never throwing: an unexpected error is that file's problem, not the run's. */
export function readForCheckSafely(path: string, ctx: Pick<FileCheckContext, 'prefilter' | 'maxFileSize'>): { result: FileCheckResult; file?: SourceFile } {
  try {
    return readForCheck(path, ctx);
  } catch (e) {
    return {
      result: { path, diagnostics: [], problems: [{ path, kind: 'internal', message: `internal error while reading: ${(e as Error).message}`, partial: false }], skipped: false },
    };
  }
}

/**
 * The cheap half: read, decode and prefilter. Returns the decoded file only when it must be
 * analysed (the engine runs this on the main thread and sends only those files to workers).
 */
export function readForCheck(path: string, ctx: Pick<FileCheckContext, 'prefilter' | 'maxFileSize'>): { result: FileCheckResult; file?: SourceFile } {
  const result: FileCheckResult = { path, diagnostics: [], problems: [], skipped: false };
  const problem = (kind: FileProblem['kind'], message: string) => {
    result.problems.push({ path, kind, message, partial: false });
    return { result };
  };
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // One open and fstat instead of stat, then open and fstat again (readFileSync): 1,740 files,
    // ~20 ms. Non-blocking, so that opening a FIFO does not wait for a writer.
    fd = OPEN_FLAGS === undefined ? undefined : fs.openSync(path, OPEN_FLAGS);
    const st = fd === undefined ? fs.statSync(path) : fs.fstatSync(fd);
    if (!st.isFile()) return problem('not-a-file', 'not a regular file; skipped');
    if (st.size > ctx.maxFileSize) return problem('too-large', `${sizeText(st.size)} is over the --max-file-size limit of ${sizeText(ctx.maxFileSize)}; skipped`);
    bytes = fd === undefined ? fs.readFileSync(path) : readAll(fd, st.size);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ELOOP') return problem('symlink-loop', 'symbolic link loop; skipped');
    return problem('unreadable', `cannot read: ${err.code ?? ''} ${err.message.replace(/^[A-Z]+: /, '')}`.trim());
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  // Only a name without an extension can be claimed by its first line (a shebang).
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const fe = frontEndFor(path, name.includes('.') ? '' : firstLine(bytes));
  if (fe.maxBytes !== undefined && bytes.length > fe.maxBytes) {
    return problem('too-large', `${sizeText(bytes.length)} is over the ${sizeText(fe.maxBytes)} that ${fe.language} files are analysed up to; skipped`);
  }
  if (ctx.prefilter && fe.mayMatterBytes && !fe.mayMatterBytes(bytes)) {
    result.skipped = true;
    return { result };
  }
  const decoded = (fe.decode ?? decodeText)(path, bytes);
  if (!decoded.ok) return problem(decoded.kind, decoded.message);
  if (decoded.warning) result.problems.push({ path, kind: 'decode', message: decoded.warning, partial: true });
  const file = decoded.file;
  if (ctx.prefilter && !fe.mayMatter(file.text, ctx.prefilter.tools)) {
    result.skipped = true;
    return { result };
  }
  return { result, file };
}

/** Where the platform has O_NONBLOCK (not Windows, which stats first instead). */
const OPEN_FLAGS = fs.constants.O_NONBLOCK === undefined ? undefined : fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/** A regular file's bytes, up to the `size` fstat gave (fewer if it shrank meanwhile). */
function readAll(fd: number, size: number): Buffer {
  // Some file systems (procfs, some FUSE) report 0 for files that have content: read to the end.
  if (size === 0) return fs.readFileSync(fd);
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const r = fs.readSync(fd, buf, n, size - n, n);
    if (r === 0) break;
    n += r;
  }
  return n < size ? buf.subarray(0, n) : buf;
}

/** Exact bytes, with MB beside them from 1 MiB up ("0 MB limit" told nothing for small limits). */
function sizeText(n: number): string {
  return n < 1048576 ? `${n} bytes` : `${(n / 1048576).toFixed(1)} MB (${n} bytes)`;
}

/** The expensive half: parse, find launch sites, judge, report. */
export function analyseDecoded(result: FileCheckResult, file: SourceFile, ctx: Omit<FileCheckContext, 'maxFileSize'>): FileCheckResult {
  const path = result.path;
  try {
    const { diagnostics, problems } = checkSource(file, ctx);
    result.diagnostics = diagnostics;
    result.problems.push(...problems);
    if (diagnostics.length) result.source = file;
  } catch (e) {
    const err = e as Error;
    const message = err instanceof RangeError ? 'too deeply nested to analyse; skipped' : `internal error while checking: ${err.message}`;
    result.problems.push({ path, kind: 'internal', message, partial: false });
  }
  return result;
}

/** With a prefilter in the context, only what can take part in a finding is parsed (AnalyzeOptions). */
export function checkSource(file: SourceFile, ctx: Omit<FileCheckContext, 'maxFileSize'>): { diagnostics: Diagnostic[]; problems: FileProblem[] } {
  const fe = frontEndFor(file.path, file.text.slice(0, 200).split(/\r?\n|\r/, 1)[0]);
  return fe.analyze(file, (analysis) => judgeAndReport(file, analysis, ctx), { parseLess: !!ctx.prefilter });
}

/** The first line of a file's bytes (for shebangs), without decoding the rest. */
export function firstLine(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return head.split(/\r?\n|\r/, 1)[0];
}

function judgeAndReport(file: SourceFile, analysis: Analysis, ctx: Omit<FileCheckContext, 'maxFileSize' | 'prefilter'>): { diagnostics: Diagnostic[]; problems: FileProblem[] } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const site of analysis.sites) {
    const verdict = judgeLaunch(site, ctx.knowledge);
    const judges = site.language === 'python' ? 'python' : 'config';
    for (const rule of ctx.rules) {
      if (rule.judges !== judges) continue;
      rule.check(site, verdict, {
        judge: (other) => judgeLaunch(other, ctx.knowledge),
        report: (r: Report) => {
          const programSpan = verdict?.programSpan;
          const inCall = (s: Span | undefined) => !!s && s.start >= site.callSpan.start && s.end <= site.callSpan.end;
          const span = r.span ?? (inCall(programSpan) ? programSpan! : site.callSpan);
          const related: { message: string; span: Span }[] = [...(r.related ?? [])];
          if (programSpan && !inCall(programSpan) && !r.span) {
            related.push({ message: `"${verdict!.name}" comes from here`, span: programSpan });
          }
          let fix: Fix | undefined;
          if (r.fix && (site.rewriter || r.fix.edits)) {
            let title = r.fix.title;
            let rw = r.fix.edits ? { edits: r.fix.edits, applicability: 'safe' as const } : r.fix.target && site.rewriter?.rewrite(r.fix.target);
            if (!rw && r.fix.fallback && site.rewriter) {
              rw = site.rewriter.rewrite(r.fix.fallback.target);
              title = r.fix.fallback.title;
            }
            if (rw) {
              const order = ['safe', 'unsafe', 'display-only'] as const;
              const applicability = order[Math.max(order.indexOf(rw.applicability), order.indexOf(r.fix.cap ?? 'safe'))];
              // Every reason that makes the fix unsafe, the rule's own first.
              const reasons = [r.fix.cap ? r.fix.reason : undefined, rw.applicability !== 'safe' ? rw.reason : undefined].filter(Boolean);
              fix = { title: rw.title ?? title, applicability, reason: applicability === 'safe' ? undefined : reasons.join('; ') || undefined, edits: rw.edits };
            }
          }
          const key = `${rule.code}|${span.start}|${span.end}|${r.message}`;
          if (seen.has(key)) return;
          seen.add(key);
          const start = file.location(span.start);
          const lines = [start.line, file.location(site.callSpan.start).line, file.location(site.callSpan.end).line];
          if (isSuppressed(analysis.suppressions, lines, rule.code, rule.name)) return;
          diagnostics.push({
            code: rule.code,
            rule: rule.name,
            severity: 'error',
            message: r.message,
            path: file.path,
            span,
            start,
            end: file.location(span.end),
            related: related.map(
              (x): RelatedLocation => ({ message: x.message, span: x.span, start: file.location(x.span.start), end: file.location(x.span.end) }),
            ),
            fix,
          });
        },
      });
    }
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { diagnostics, problems: analysis.syntaxProblem ? [analysis.syntaxProblem] : [] };
}
