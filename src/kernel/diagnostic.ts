/**
 * The one diagnostic model. Every reporter (text, json, sarif, github) renders this, nothing else.
 */
import type { Location, Span } from './source.js';

export type FixApplicability = 'safe' | 'unsafe' | 'display-only';

export interface Edit {
  /** UTF-16 offsets into the decoded file text. */
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  applicability: FixApplicability;
  /** Why this fix is unsafe or display-only. */
  reason?: string;
  edits: Edit[];
}

export interface RelatedLocation {
  message: string;
  /** Another file than the diagnostic's (the configuration that runs a script), as the report shows paths. */
  path?: string;
  span: Span;
  start: Location;
  end: Location;
}

export interface Diagnostic {
  /** Stable rule code, e.g. VG101. */
  code: string;
  /** Kebab-case rule name, e.g. bare-python-interpreter. */
  rule: string;
  severity: 'error' | 'warning';
  /** What is wrong, short (the concise report's line). */
  message: string;
  /** What to do about it, when the rule says (the full report's help; machine formats append it). */
  remedy?: string;
  /** The rule's id for the message (its `messages` key); `message` is that template filled with `data`. */
  messageId?: string;
  /** What filled the template's placeholders. Not rendered by the reporters: for tests and API users. */
  data?: Readonly<Record<string, string>>;
  path: string;
  span: Span;
  start: Location;
  end: Location;
  related: RelatedLocation[];
  fix?: Fix;
}

/**
 * Findings in report order, read in one pass at a time: an array (the API's), or the CLI's list
 * that makes each file's findings into objects only while they are read (src/pipeline/packed.ts).
 */
export interface DiagnosticList extends Iterable<Diagnostic> {
  readonly length: number;
}

/** A file that could not be checked, or not completely. Never fatal for the run. */
export interface FileProblem {
  path: string;
  kind: 'unreadable' | 'not-a-file' | 'binary' | 'too-large' | 'decode' | 'syntax' | 'symlink-loop' | 'too-deep' | 'too-complex' | 'parser-crash' | 'not-fixed' | 'internal';
  message: string;
  /** Where in the file, when known (syntax errors). */
  start?: Location;
  /** True when the file was still checked (e.g. partially parsed). */
  partial: boolean;
}
