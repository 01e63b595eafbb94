/**
 * The machine-readable report (`--format json`): one JSON document, 2-space indented, newline at
 * the end. Its shape is the `JsonReport` type below and is stable within a `schemaVersion`; keys are
 * always present (null when there is nothing) except `fix.reason`. Paths are relative to the working
 * directory with `/` separators (absolute when outside it); lines and columns are 1-based, columns in
 * UTF-16 code units, and every `end` is exclusive.
 */
import type { Diagnostic, FileProblem, FixApplicability } from '../kernel/diagnostic.js';
import type { Location } from '../kernel/source.js';
import { countFindings, countProblemFiles, editRange, ITEMS_PLACE, portablePath, prettyJsonChunks, shownFix } from './common.js';
import type { ReportInput, ReportOptions, Reporter } from './types.js';

/** Bumped only when a key is removed or changes meaning; adding keys is not a break. */
export const JSON_SCHEMA_VERSION = 1;

export interface JsonReport {
  schemaVersion: number;
  /** venvguard's version. */
  version: string;
  diagnostics: JsonDiagnostic[];
  /** Files that could not be checked, or not completely. */
  problems: JsonProblem[];
  summary: JsonSummary;
}

export interface JsonDiagnostic {
  /** Rule code, e.g. VG101. */
  code: string;
  /** Rule name, e.g. bare-python-tool. */
  rule: string;
  severity: 'error' | 'warning';
  /** What is wrong. */
  message: string;
  /** What to do about it (null when the rule gives no remedy). */
  remedy: string | null;
  path: string;
  start: Location;
  end: Location;
  related: { message: string; path: string; start: Location; end: Location }[];
  /** Null when the diagnostic has no fix, or the fix is not shown (`--show-fixes`). */
  fix: JsonFix | null;
}

export interface JsonFix {
  title: string;
  /** safe: applied by --fix; unsafe: applied with --unsafe-fixes; display-only: never applied. */
  applicability: FixApplicability;
  /** Why the fix is unsafe or display-only. */
  reason?: string;
  /** Non-overlapping replacements of the original text between `start` and `end` by `content`. */
  edits: { start: Location; end: Location; content: string }[];
}

export interface JsonProblem {
  path: string;
  kind: FileProblem['kind'];
  message: string;
  /** Where in the file, when known (syntax errors). */
  start: Location | null;
  /** True when the file was still (partially) checked. */
  partial: boolean;
}

export interface JsonSummary {
  /** Number of diagnostics. */
  diagnostics: number;
  errors: number;
  warnings: number;
  /** Diagnostics with a fix of each applicability (independent of which fixes are shown). */
  fixable: { safe: number; unsafe: number; displayOnly: number };
  filesChecked: number;
  filesSkipped: number;
  /** Distinct files in `problems`, but for those only not fixed (kind `not-fixed`: they were checked). */
  filesNotFullyChecked: number;
  /** Fixes written when --fix ran, else null. */
  fixesApplied: number | null;
  /** With --baseline: findings the baseline held (not in `diagnostics`), else null. */
  baselined: number | null;
  durationMs: number | null;
}

export function toJsonReport(r: ReportInput, o: ReportOptions): JsonReport {
  return jsonReport(r, o, Array.from(r.diagnostics, (d) => jsonDiagnostic(d, r, o)));
}

/** The report around its diagnostics (`ITEMS_PLACE` when they are streamed). */
function jsonReport<D>(r: ReportInput, o: ReportOptions, diagnostics: D): Omit<JsonReport, 'diagnostics'> & { diagnostics: D } {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    version: o.version,
    diagnostics,
    problems: r.problems.map((p) => ({
      path: portablePath(p.path, r.cwd),
      kind: p.kind,
      message: p.message,
      start: p.start ? loc(p.start) : null,
      partial: p.partial,
    })),
    summary: {
      diagnostics: r.diagnostics.length,
      ...countFindings(r.diagnostics),
      filesChecked: r.filesChecked,
      filesSkipped: r.filesSkipped,
      filesNotFullyChecked: countProblemFiles(r.problems.filter((p) => p.kind !== 'not-fixed')),
      fixesApplied: r.fixesApplied ?? null,
      baselined: r.baseline ? r.baseline.hidden : null,
      durationMs: r.durationMs ?? null,
    },
  };
}

/** The report in pieces (`prettyJsonChunks`), for the CLI to write as they come. */
export function jsonReportChunks(r: ReportInput, o: ReportOptions): Generator<string> {
  return prettyJsonChunks(jsonReport(r, o, ITEMS_PLACE), r.diagnostics, (d) => jsonDiagnostic(d, r, o));
}

export const renderJson: Reporter = (r, o) => [...jsonReportChunks(r, o)].join('');


function jsonDiagnostic(d: Diagnostic, r: ReportInput, o: ReportOptions): JsonDiagnostic {
  const path = portablePath(d.path, r.cwd);
  const fix = shownFix(d, o);
  const source = r.sources.get(d.path);
  const jsonFix: JsonFix | null =
    fix && source
      ? {
          title: fix.title,
          applicability: fix.applicability,
          ...(fix.reason !== undefined ? { reason: fix.reason } : {}),
          edits: fix.edits.map((e) => ({ ...editRange(source, e), content: e.text })),
        }
      : null;
  return {
    code: d.code,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    remedy: d.remedy ?? null,
    path,
    start: loc(d.start),
    end: loc(d.end),
    related: d.related.map((rel) => ({ message: rel.message, path: rel.path ? portablePath(rel.path, r.cwd) : path, start: loc(rel.start), end: loc(rel.end) })),
    fix: jsonFix,
  };
}

/** A copy with the keys in a fixed order, whatever object the location came from. */
function loc(l: Location): Location {
  return { line: l.line, column: l.column };
}
