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

/** Each character of `line` from UTF-16 index `from` to `to` as printed: its index, units, text and cells (tabs from cell 0 at `from`). */
function* printed(line: string, from = 0, to = line.length): Generator<{ i: number; units: number; text: string; cell: number; width: number }> {
  let cell = 0;
  for (let i = from; i < to; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const ch = line.slice(i, i + units);
    let text: string;
    let width: number;
    if (cp === 9) {
      width = TAB_WIDTH - (cell % TAB_WIDTH);
      text = ' '.repeat(width);
    } else {
      const shown = standIn(cp);
      text = shown ?? ch;
      width = shown === undefined ? cellWidth(cp, ch) : 1;
    }
    yield { i, units, text, cell, width };
    cell += width;
    i += units;
  }
}

/** One source line (no terminator) as printed, with the cell of every UTF-16 index. */
export function toTerminalLine(line: string): TerminalLine {
  const cells: number[] = new Array(line.length + 1);
  let text = '';
  let cell = 0;
  for (const c of printed(line)) {
    cells[c.i] = c.cell;
    if (c.units === 2) cells[c.i + 1] = c.cell;
    text += c.text;
    cell = c.cell + c.width;
  }
  cells[line.length] = cell;
  return { text, cells };
}

/**
 * A frame prints a source line whole up to WHOLE_LINE_CELLS cells (long hand-written lines stay as
 * they are); a wider one (minified code, a 1 MB one-line file) is cut to a window of
 * MAX_LINE_CELLS around the span, with `…` on each cut side, so a frame costs the same whatever
 * the line's length.
 */
export const MAX_LINE_CELLS = 120;
export const WHOLE_LINE_CELLS = 200;

/** A source line as a frame prints it: whole, or cut to MAX_LINE_CELLS around UTF-16 indexes [from, to). */
export function framedLine(line: string, from: number, to: number): { text: string; cellOf(i: number): number } {
  const W = MAX_LINE_CELLS;
  from = clamp(from, 0, line.length);
  to = clamp(to, from, line.length);
  // Only the units that can reach the window are measured (no character is less than one unit,
  // and few are zero cells wide); a surrogate pair is never split.
  let lo = 0;
  let hi = line.length;
  if (line.length > 2 * WHOLE_LINE_CELLS) {
    lo = Math.max(0, from - 2 * W);
    hi = Math.min(line.length, Math.min(to, from + W) + 2 * W);
    if (lo > 0 && /[\udc00-\udfff]/.test(line[lo])) lo++;
    if (hi < line.length && /[\ud800-\udbff]/.test(line[hi - 1])) hi--;
  }
  const chars = [...printed(line, lo, hi)];
  const total = chars.length ? chars[chars.length - 1].cell + chars[chars.length - 1].width : 0;
  const cellAt = (i: number) => {
    // The cell where index i starts within [lo, hi] (binary search over the characters).
    if (i >= hi) return total;
    let a = 0;
    let b = chars.length - 1;
    while (a < b) {
      const m = (a + b + 1) >> 1;
      if (chars[m].i <= i) a = m;
      else b = m - 1;
    }
    return chars[a]?.cell ?? 0;
  };
  if (lo === 0 && hi === line.length && total <= WHOLE_LINE_CELLS) return { text: chars.map((c) => c.text).join(''), cellOf: (i) => cellAt(clamp(i, 0, line.length)) };
  // W cells: an ellipsis each side, the span centred in the rest (its start, when it is wider).
  const room = W - 2;
  const spanStart = cellAt(from);
  const spanCells = Math.min(cellAt(to) - spanStart, room);
  const winStart = clamp(spanStart - Math.floor((room - spanCells) / 2), 0, Math.max(0, total - room));
  const winEnd = winStart + room;
  const cutLeft = lo > 0 || winStart > 0;
  const cutRight = hi < line.length || winEnd < total;
  const lead = cutLeft ? 1 : 0;
  let text = cutLeft ? '\u2026' : '';
  // A wide character or a tab across the window's left edge leaves blank cells, so that the caret stays aligned.
  let at = winStart;
  for (const c of chars) {
    if (c.cell < winStart || c.cell + c.width > winEnd) continue;
    text += ' '.repeat(c.cell - at) + c.text;
    at = c.cell + c.width;
  }
  if (cutRight) text += '\u2026';
  return { text, cellOf: (i) => lead + clamp((i < lo ? 0 : cellAt(i)) - winStart, 0, Math.min(room, total - winStart)) };
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
  // The span's columns on the flagged line; a long context line is cut around the same columns.
  const primaryLength = source.lineText(primary).length;
  const from = clamp(start.column - 1, 0, primaryLength);
  const to = start.line === end.line ? clamp(end.column - 1, from, primaryLength) : primaryLength;
  for (let n = first; n <= last; n++) {
    const shown = framedLine(source.lineText(n), from, to);
    const gutter = style.gutter(`${String(n).padStart(width)} |`);
    out.push(shown.text === '' ? gutter : `${gutter} ${shown.text}`);
    if (n !== primary) continue;
    const col = shown.cellOf(from);
    const len = Math.max(1, shown.cellOf(to) - col);
    out.push(`${blank} ${' '.repeat(col)}${style.marker('^'.repeat(len))}`);
  }
  out.push(blank);
  return { lines: out, gutterWidth: width };
}
