/**
 * What every reporter receives — the result of one `check` run — and the options that shape its
 * rendering. Reporters are pure functions from these to the text the CLI writes; they never decide
 * about TTYs or environment variables themselves.
 */
import type { Diagnostic, DiagnosticList, FileProblem } from '../kernel/diagnostic.js';

export type { DiagnosticList } from '../kernel/diagnostic.js';
import type { RuleMeta } from '../kernel/rule.js';
import type { SourceFile } from '../kernel/source.js';

export interface CheckResult {
  /** Sorted by path, line, column. */
  diagnostics: Diagnostic[];
  /** Files not (fully) checked. */
  problems: FileProblem[];
  /** Files analysed. */
  filesChecked: number;
  /** Files skipped by the prefilter (they cannot hold an escape). */
  filesSkipped: number;
  /** How many fixes were written, when --fix ran. */
  fixesApplied?: number;
  /** Rules that were enabled (for SARIF rule metadata). */
  rules: RuleMeta[];
  /**
   * Text of the files with diagnostics, keyed by `Diagnostic.path`, for code frames and for turning
   * fix edits (offsets) into lines and columns. A diagnostic whose file is missing here is still
   * reported, but without a code frame, and its fix cannot be located, so it is not shown.
   */
  sources: Map<string, SourceFile>;
  /** Directory paths are shown relative to (and SARIF's %SRCROOT%). */
  cwd: string;
  durationMs?: number;
  /** With --baseline: the file, how many findings it hid, and how many were recorded (--update-baseline). */
  baseline?: { file: string; hidden: number; written?: number };
}

export interface ReportOptions {
  /** Emit ANSI colour (text reporter). The CLI decides from TTY / NO_COLOR / FORCE_COLOR. */
  color: boolean;
  /**
   * Which fixes to show (text help lines; fixes in JSON and SARIF):
   * - `none`: no fixes;
   * - `safe`: only fixes `--fix` would apply with the current options (safe ones, plus unsafe ones
   *   when `unsafeFixesEnabled`);
   * - `all`: every fix, including unsafe fixes and display-only suggestions.
   * Summary counts of fixable problems do not depend on this.
   */
  showFixes: 'none' | 'safe' | 'all';
  /** `--unsafe-fixes` was given: `--fix` also applies unsafe fixes. */
  unsafeFixesEnabled: boolean;
  /** venvguard's version. */
  version: string;
}

/** What a reporter reads: a check's result, its findings in an array or a `DiagnosticList`. */
export type ReportInput = Omit<CheckResult, 'diagnostics'> & { diagnostics: DiagnosticList };

export type Reporter = (r: ReportInput, o: ReportOptions) => string;
