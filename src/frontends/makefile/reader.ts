/**
 * Reading a makefile the way GNU make's reader does, before any expansion: physical lines joined
 * into logical lines (backslash-newline), comments (`\#` is a literal `#`), continuations collapsed
 * outside recipes, and `NAME op value` assignments told from rules. Every character keeps its
 * offset in the file, which findings need character by character: the text is a string with an
 * offset table (mtext.ts), a single number for a line read from one physical line.
 *
 * The lexer is our own: npm has `tree-sitter-make` (a grammar: syntax only, none of make's
 * reading rules — continuation collapsing, recipe prefixes, expansion) and `@kba/makefile-parser`
 * (0.0.x), neither maps expanded text back to the file.
 */
import { MBuilder, mtext, offAt, slice, trim, type MText } from './mtext.js';

export const isWs = (ch: string | undefined) => ch === ' ' || ch === '\t';

// ---------------------------------------------------------------------------------------------
// Reading: logical lines, comments, continuations

export interface LogicalLine {
  /** The physical lines joined, backslash-newline pairs kept (`\` then `\n`, mapped to the file). */
  text: MText;
  firstLine: number;
  lastLine: number;
  /** Offset of each physical line's start (to strip a recipe prefix on continued lines). */
  starts: number[];
}

/** Physical lines joined where a line ends in an odd number of backslashes (GNU make's readline). */
export function logicalLines(src: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const r = new LineReader(src);
  for (let ll = r.next(); ll; ll = r.next()) out.push(ll);
  return out;
}

/**
 * The logical lines of a file one at a time, as make reads them: the parser holds the line it is
 * at, not the whole file's (a 2 MB Makefile of 137,000 lines held 25 MB of lines while it was
 * parsed). A line can be handed back, to be read again (`export define`).
 */
export class LineReader {
  /** Physical lines read so far. */
  private no = 0;
  /** Where the next physical line starts. */
  private s = 0;
  private back: LogicalLine | undefined;
  constructor(private readonly src: string) {}

  /** The next physical line as splitLines reads it (a `\r` before the `\n` is not part of the line); make reads no line after the final line break. */
  private physical(): { start: number; text: string } | undefined {
    const src = this.src;
    const s = this.s;
    if (s >= src.length) return undefined;
    let e = src.indexOf('\n', s);
    if (e < 0) e = src.length;
    const end = e > s && src.charCodeAt(e - 1) === 13 ? e - 1 : e;
    this.s = e + 1;
    this.no++;
    return { start: s, text: src.slice(s, end) };
  }

  unread(ll: LogicalLine): void {
    this.back = ll;
  }

  next(): LogicalLine | undefined {
    if (this.back) {
      const b = this.back;
      this.back = undefined;
      return b;
    }
    let p = this.physical();
    if (!p) return undefined;
    const firstLine = this.no;
    const starts = [p.start];
    let bs = 0;
    for (let k = p.text.length - 1; k >= 0 && p.text.charCodeAt(k) === 92; k--) bs++;
    let q: { start: number; text: string } | undefined;
    if (bs % 2 === 0 || !(q = this.physical())) return { text: mtext(p.text, p.start), firstLine, lastLine: firstLine, starts };
    // Continued: each physical line's characters, then a `\n` at the line break's place.
    const b = new MBuilder();
    b.text(mtext(p.text, p.start));
    for (;;) {
      b.char('\n', p.start + p.text.length);
      p = q;
      starts.push(p.start);
      b.text(mtext(p.text, p.start));
      bs = 0;
      for (let k = p.text.length - 1; k >= 0 && p.text.charCodeAt(k) === 92; k--) bs++;
      if (bs % 2 === 0) break;
      const n = this.physical();
      if (!n) break;
      q = n;
    }
    return { text: b.build(), firstLine, lastLine: this.no, starts };
  }
}

/** Drops a make comment: from the first `#` not escaped by a backslash (`\#` is a literal `#`). */
export function stripComment(t: MText): MText {
  const s = t.s;
  let h = s.indexOf('#');
  if (h < 0) return t;
  if (h === 0 || s[h - 1] !== '\\') return slice(t, 0, h);
  // `\#`: the backslash goes, the `#` stays; the next `#` may end the line.
  const b = new MBuilder();
  let from = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === '\\' && s[k + 1] === '#') {
      b.text(t, from, k);
      b.text(t, k + 1, k + 2);
      k++;
      from = k + 1;
      continue;
    }
    if (c === '#') {
      b.text(t, from, k);
      return b.build();
    }
  }
  b.text(t, from, s.length);
  return b.build();
}

/** Outside recipes, backslash-newline and the white space around it become one space. */
export function collapseContinuations(t: MText): MText {
  const s = t.s;
  if (!s.includes('\\\n')) return t;
  const b = new MBuilder();
  // Pieces of t kept so far, as [from, to) ranges, so trailing white space can be taken back.
  let from = 0;
  let k = 0;
  for (; k < s.length; k++) {
    if (s[k] === '\\' && s[k + 1] === '\n') {
      const at = offAt(t, k);
      let end = k;
      while (end > from && isWs(s[end - 1])) end--;
      b.text(t, from, end);
      if (end === from) b.trimEnd();
      k += 2;
      while (k < s.length && isWs(s[k])) k++;
      b.char(' ', at);
      from = k;
      k--;
    }
  }
  b.text(t, from, s.length);
  return b.build();
}

export const trimChars = trim;

/** Index of the matching close paren/brace for the opener at `open`, or -1 (unknowns match nothing). */
export function matchClose(s: string, open: number): number {
  const o = s[open];
  const c = o === '(' ? ')' : '}';
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const ch = s[k];
    if (ch === o) depth++;
    else if (ch === c && --depth === 0) return k;
  }
  return -1;
}

/** The first `:` or `=` (or `;`) outside variable references, for telling assignments from rules. */
export function topLevelIndex(s: string, chars: string, from = 0): number {
  for (let k = from; k < s.length; k++) {
    const ch = s[k];
    if (ch === '$' && (s[k + 1] === '(' || s[k + 1] === '{')) {
      const e = matchClose(s, k + 1);
      if (e < 0) return -1;
      k = e;
      continue;
    }
    if (ch === '$') {
      k++;
      continue;
    }
    if (chars.includes(ch)) return k;
  }
  return -1;
}

export type AssignOp = '=' | ':=' | '::=' | '?=' | '+=' | '!=';

/** `NAME op value` when the text is a variable assignment (GNU make checks this before rules). */
export function parseAssignment(t: MText): { name: MText; op: AssignOp; value: MText } | undefined {
  const s = t.s;
  const k = topLevelIndex(s, ':=');
  if (k < 0) return undefined;
  let op: AssignOp;
  let nameEnd = k;
  let valueStart: number;
  if (s[k] === ':') {
    if (s[k + 1] === '=') {
      op = ':=';
      valueStart = k + 2;
    } else if (s[k + 1] === ':' && s[k + 2] === '=') {
      op = '::=';
      valueStart = k + 3;
    } else return undefined; // a rule
  } else {
    const prev = s[k - 1];
    if (prev === '+' || prev === '?' || prev === '!') {
      op = `${prev}=` as AssignOp;
      nameEnd = k - 1;
    } else op = '=';
    valueStart = k + 1;
  }
  const name = trim(slice(t, 0, nameEnd));
  if (!name.s.length) return undefined;
  let v = valueStart;
  while (v < s.length && isWs(s[v])) v++; // leading white space goes; trailing stays (GNU make)
  return { name, op, value: slice(t, v) };
}
