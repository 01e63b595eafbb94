/**
 * A decoded source file and the offset → line/column mapping every front end and reporter shares.
 * Offsets are UTF-16 code units into `text` (what web-tree-sitter and SARIF's default columnKind use).
 */

export interface Location {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

/** A half-open range [start, end) of UTF-16 offsets into a SourceFile's text. */
export interface Span {
  start: number;
  end: number;
}

export class SourceFile {
  private lineStarts: number[] | undefined;
  private nl: string | undefined;

  constructor(
    /** Path as given to / discovered by the CLI (relative or absolute). */
    readonly path: string,
    /** Decoded text, without a BOM. */
    readonly text: string,
    /** How the bytes were decoded; needed to write a fix back byte-faithfully. */
    readonly encoding: SourceEncoding = { name: 'utf-8', bom: false, lossless: true },
  ) {}

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  location(offset: number): Location {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string {
    const starts = this.starts();
    const s = starts[line - 1];
    if (s === undefined) return '';
    const e = line < starts.length ? starts[line] : this.text.length;
    return this.text.slice(s, e).replace(/\r?\n$|\r$/, '');
  }

  lineStart(line: number): number {
    return this.starts()[line - 1] ?? this.text.length;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  /** The file's dominant newline, used when a fix inserts lines. */
  get newline(): string {
    // Asked once per fix: searched once (a file without \n would be read to its end each time).
    if (this.nl === undefined) {
      const i = this.text.indexOf('\n');
      this.nl = i > 0 && this.text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
    }
    return this.nl;
  }
}

export interface SourceEncoding {
  /** Normalised codec name (utf-8, latin-1, …). */
  name: string;
  bom: boolean;
  /** False when bytes could not be decoded and were replaced: such a file is never rewritten. */
  lossless: boolean;
}

export interface TextLine {
  /** 1-based line number. */
  no: number;
  start: number;
  /** Without the line terminator (`\n` or `\r\n`). */
  text: string;
}

/** The text's lines, the empty one after a final line break included (line-based readers share this). */
export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let no = 1;
  for (let s = 0; s <= text.length; no++) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    let t = text.slice(s, e);
    if (t.endsWith('\r')) t = t.slice(0, -1);
    out.push({ no, start: s, text: t });
    s = e + 1;
  }
  return out;
}
