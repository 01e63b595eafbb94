/**
 * Terminal rendering of source text: a code frame (gutter of line numbers, the flagged line and a
 * `^^^` underline of the span) and `sanitize` for any file-derived text printed to a terminal.
 * Columns in diagnostics are UTF-16 code units; the terminal counts cells, so tabs are expanded,
 * wide (CJK, emoji) characters take two cells and combining marks none. Control and bidi-override
 * characters are replaced by visible stand-ins so a scanned file cannot drive the terminal.
 */
import type { Location, SourceFile } from '../kernel/source.js';

export const TAB_WIDTH = 4;

/** Lines of context shown before and after the flagged line (blank edge lines are dropped). */
export const CONTEXT_LINES = 1;

export interface FrameStyle {
  /** Line numbers and the `|` rule. */
  gutter(s: string): string;
  /** The underline. */
  marker(s: string): string;
}

const plain: FrameStyle = { gutter: (s) => s, marker: (s) => s };

/** The visible stand-in for a character a terminal must not receive raw, or undefined. */
function standIn(cp: number): string | undefined {
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp); // control pictures: ␀ … ␟
  if (cp === 0x7f) return '\u2421'; // ␡
  if (cp <= 0x9f && cp >= 0x80) return '\ufffd'; // C1 controls (0x9b is a CSI introducer)
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return '\ufffd'; // bidi overrides
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd'; // lone surrogate
  return undefined;
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** File-derived text (messages, paths, titles) made safe for a terminal. Tabs become spaces. */
export function sanitize(s: string): string {
  return s.replace(UNSAFE, (ch) => (ch === '\t' ? ' ' : standIn(ch.charCodeAt(0)) ?? '\ufffd'));
}

/** Terminal cells of a printable code point: 0 (combining / zero-width), 1 or 2 (wide). */
function cellWidth(cp: number, ch: string): number {
  if (/\p{M}/u.test(ch) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    /\p{Emoji_Presentation}/u.test(ch)
  ) {
    return 2;
  }
  return 1;
}

export interface TerminalLine {
  /** What to print. */
  text: string;
  /** `cells[i]`: the terminal cell where UTF-16 index `i` of the source line starts; length + 1 entries. */
  cells: number[];
}

/** One source line (no terminator) as printed, with the cell of every UTF-16 index. */
export function toTerminalLine(line: string): TerminalLine {
  const cells: number[] = new Array(line.length + 1);
  let text = '';
  let cell = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const ch = line.slice(i, i + units);
    cells[i] = cell;
    if (units === 2) cells[i + 1] = cell;
    if (cp === 9) {
      const width = TAB_WIDTH - (cell % TAB_WIDTH);
      text += ' '.repeat(width);
      cell += width;
    } else {
      const shown = standIn(cp);
      text += shown ?? ch;
      cell += shown === undefined ? cellWidth(cp, ch) : 1;
    }
    i += units;
  }
  cells[line.length] = cell;
  return { text, cells };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The frame for a span from `start` to `end` (end exclusive): context lines around the start line, a
 * gutter of line numbers, and an underline of the span on the start line only (to the line's end
 * when the span continues below; one cell when the span is empty). Lines carry no terminator;
 * `gutterWidth` is the width of the line numbers, for annotations aligned under the gutter.
 */
export function codeFrame(
  source: SourceFile,
  start: Location,
  end: Location,
  style: FrameStyle = plain,
): { lines: string[]; gutterWidth: number } {
  const primary = clamp(start.line, 1, source.lineCount);
  let first = Math.max(1, primary - CONTEXT_LINES);
  let last = Math.min(source.lineCount, primary + CONTEXT_LINES);
  while (first < primary && source.lineText(first).trim() === '') first++;
  while (last > primary && source.lineText(last).trim() === '') last--;

  const width = String(last).length;
  const blank = style.gutter(`${' '.repeat(width)} |`);
  const out = [blank];
  for (let n = first; n <= last; n++) {
    const raw = source.lineText(n);
    const shown = toTerminalLine(raw);
    const gutter = style.gutter(`${String(n).padStart(width)} |`);
    out.push(shown.text === '' ? gutter : `${gutter} ${shown.text}`);
    if (n !== primary) continue;
    const from = clamp(start.column - 1, 0, raw.length);
    const to = start.line === end.line ? clamp(end.column - 1, from, raw.length) : raw.length;
    const col = shown.cells[from];
    const len = Math.max(1, shown.cells[to] - col);
    out.push(`${blank} ${' '.repeat(col)}${style.marker('^'.repeat(len))}`);
  }
  out.push(blank);
  return { lines: out, gutterWidth: width };
}
