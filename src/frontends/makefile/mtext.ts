/**
 * Text as the Makefile front end reads and expands it: a string, the file offset of each of its
 * characters, and the values it does not know (unknown fragments) at their places. One object per
 * piece of text, not one per character: a character's offset is found from the piece's offset
 * table, which is a single number (`base`: the characters are consecutive in the file, as on any
 * one physical line), an Int32Array (expanded text, where a reference's characters all point at the
 * reference), or absent (no character has a place: synthesised text, or an expansion whose text
 * alone is wanted). CPython's Makefile held ~1.5 million such character objects alive and copied
 * them at each expansion; a 1 MB Makefile peaked over 400 MiB.
 */
import type { Span } from '../../kernel/source.js';
import type { Fragment, Word } from '../../kernel/word.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';

export type UnknownFrag = Extract<Fragment, { kind: 'unknown' }>;

export interface MText {
  /** The characters; a fragment stands as UNKNOWN at its position (text() is then `s` itself). */
  readonly s: string;
  /** Offsets: `off + k` when a number; -1 for every character when absent. */
  readonly off?: number | Int32Array;
  /** The unknown values, by position in `s` (each at an UNKNOWN character). */
  readonly frags?: ReadonlyMap<number, UnknownFrag>;
}

export const EMPTY: MText = { s: '' };

/** Text whose characters sit in the file from `start` on (or nowhere: synthesised). */
export const mtext = (s: string, start?: number): MText => (start === undefined || start < 0 ? { s } : { s, off: start });

/** One unknown value as text. */
export const unknownText = (frag: UnknownFrag): MText => ({ s: UNKNOWN, frags: new Map([[0, frag]]) });

/** The file offset of character k (-1: none). */
export function offAt(t: MText, k: number): number {
  const o = t.off;
  if (o === undefined) return -1;
  return typeof o === 'number' ? o + k : o[k];
}

/** The fragment at k, when the character there is an unknown value and not text. */
export const fragAt = (t: MText, k: number): UnknownFrag | undefined => (t.frags && t.s.charCodeAt(k) === 1 ? t.frags.get(k) : undefined);

export const isChar = (t: MText, k: number): boolean => fragAt(t, k) === undefined;

export const hasFrags = (t: MText): boolean => !!t.frags && t.frags.size > 0;

/** Characters a to b (b exclusive). */
export function slice(t: MText, a: number, b = t.s.length): MText {
  if (a <= 0 && b >= t.s.length) return t;
  if (a < 0) a = 0;
  if (b > t.s.length) b = t.s.length;
  if (b <= a) return EMPTY;
  const o = t.off;
  const off = o === undefined ? undefined : typeof o === 'number' ? o + a : o.subarray(a, b);
  let frags: Map<number, UnknownFrag> | undefined;
  if (t.frags) {
    for (const [k, f] of t.frags) {
      if (k < a || k >= b) continue;
      (frags ??= new Map()).set(k - a, f);
    }
  }
  return off === undefined ? (frags ? { s: t.s.slice(a, b), frags } : { s: t.s.slice(a, b) }) : frags ? { s: t.s.slice(a, b), off, frags } : { s: t.s.slice(a, b), off };
}

/** A value's text with PATH's unknown default part marked DEFAULT_PATH and other unknowns UNKNOWN. */
export function valueText(t: MText): string {
  if (!t.frags) return t.s;
  let out: string | undefined;
  for (const [k, f] of t.frags) {
    if (f.why !== 'environment PATH' || t.s.charCodeAt(k) !== 1) continue;
    out ??= t.s;
    out = out.slice(0, k) + DEFAULT_PATH + out.slice(k + 1);
  }
  return out ?? t.s;
}

/**
 * Builds text piece by piece. The offset table is made only when a character with a place in the
 * file is added (and never by a builder made without positions: an expansion whose text is wanted).
 */
export class MBuilder {
  private parts: string[] = [];
  length = 0;
  private off: Int32Array | undefined;
  private frags: Map<number, UnknownFrag> | undefined;
  constructor(private readonly positions = true) {}

  private room(n: number): Int32Array {
    let o = this.off;
    if (!o) {
      o = new Int32Array(Math.max(16, this.length + n)).fill(-1);
      this.off = o;
    } else if (this.length + n > o.length) {
      const grown = new Int32Array(Math.max(o.length * 2, this.length + n)).fill(-1, this.length);
      grown.set(o.subarray(0, this.length));
      this.off = o = grown;
    }
    return o;
  }

  /** Marks offsets -1 for n characters about to be added (when the table exists). */
  private noPlace(n: number): void {
    if (!this.off) return;
    this.room(n).fill(-1, this.length, this.length + n);
  }

  char(ch: string, off: number): void {
    if (this.positions && off >= 0) this.room(1)[this.length] = off;
    else this.noPlace(1);
    this.parts.push(ch);
    this.length += 1;
  }

  /** Characters with no place in the file. */
  synth(s: string): void {
    if (!s) return;
    this.noPlace(s.length);
    this.parts.push(s);
    this.length += s.length;
  }

  frag(f: UnknownFrag): void {
    this.noPlace(1);
    (this.frags ??= new Map()).set(this.length, f);
    this.parts.push(UNKNOWN);
    this.length += 1;
  }

  /** Characters a to b of t, with their offsets and fragments. */
  text(t: MText, a = 0, b = t.s.length): void {
    const n = b - a;
    if (n <= 0) return;
    const o = t.off;
    if (this.positions && o !== undefined) {
      const into = this.room(n);
      if (typeof o === 'number') for (let k = 0; k < n; k++) into[this.length + k] = o + a + k;
      else into.set(o.subarray(a, b), this.length);
    } else this.noPlace(n);
    if (t.frags) for (const [k, f] of t.frags) if (k >= a && k < b) (this.frags ??= new Map()).set(this.length + k - a, f);
    this.parts.push(a === 0 && b === t.s.length ? t.s : t.s.slice(a, b));
    this.length += n;
  }

  /**
   * A reference's value: its characters all point at the reference (`span.start`), the last one at
   * its closing paren; its unknowns take the reference's span. Without a span, no character has a
   * place and the unknowns keep theirs.
   */
  relocated(t: MText, span: Span | undefined): void {
    const n = t.s.length;
    if (!n) return;
    if (this.positions && span) {
      const into = this.room(n);
      into.fill(span.start, this.length, this.length + n);
      if (!t.frags?.has(n - 1) || t.s.charCodeAt(n - 1) !== 1) into[this.length + n - 1] = span.end - 1;
    } else this.noPlace(n);
    if (t.frags) for (const [k, f] of t.frags) (this.frags ??= new Map()).set(this.length + k, span ? { ...f, span } : f);
    this.parts.push(t.s);
    this.length += n;
  }

  /** Takes back trailing blanks (spaces and tabs). */
  trimEnd(): void {
    while (this.parts.length) {
      const last = this.parts[this.parts.length - 1];
      let e = last.length;
      while (e > 0 && (last[e - 1] === ' ' || last[e - 1] === '\t')) e--;
      this.length -= last.length - e;
      if (e > 0) {
        this.parts[this.parts.length - 1] = last.slice(0, e);
        return;
      }
      this.parts.pop();
    }
  }

  build(): MText {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    const off = this.off && this.positions ? this.off.subarray(0, this.length) : undefined;
    if (off && this.frags) return { s, off, frags: this.frags };
    if (off) return { s, off };
    if (this.frags) return { s, frags: this.frags };
    return { s };
  }
}

/** Joins texts (with synthesised separators between them, when given). */
export function concat(ts: readonly MText[], sep = ''): MText {
  if (ts.length === 1 && !sep) return ts[0];
  const b = new MBuilder();
  ts.forEach((t, i) => {
    if (i) b.synth(sep);
    b.text(t);
  });
  return b.build();
}

/** The first character that is not white space, or '' when there is none. */
export function firstNonBlank(t: MText): string {
  const m = /\S/.exec(t.s);
  return m ? m[0] : '';
}

/** The text without leading and trailing white space (`\s`). */
export function trim(t: MText): MText {
  const s = t.s;
  let a = 0;
  let b = s.length;
  while (a < b && /\s/.test(s[a])) a++;
  while (b > a && /\s/.test(s[b - 1])) b--;
  return slice(t, a, b);
}

/**
 * The text as a Word for the shell model: text runs between unknowns, each with its offsets (kept
 * only when one of them has a place in the file, as unitsToWord keeps them).
 */
export function toWord(t: MText, span: Span): Word {
  const fragments: Word['fragments'] = [];
  const run = (a: number, b: number) => {
    if (b <= a) return;
    let offsets: number[] | undefined;
    const o = t.off;
    if (typeof o === 'number') {
      offsets = new Array<number>(b - a);
      for (let k = a; k < b; k++) offsets[k - a] = o + k;
    } else if (o) {
      let placed = false;
      for (let k = a; k < b && !placed; k++) placed = o[k] >= 0;
      if (placed) {
        offsets = new Array<number>(b - a);
        for (let k = a; k < b; k++) offsets[k - a] = o[k];
      }
    }
    fragments.push({ kind: 'text', text: t.s.slice(a, b), offsets });
  };
  let from = 0;
  if (t.frags && t.frags.size) {
    const at = [...t.frags.keys()].filter((k) => t.s.charCodeAt(k) === 1).sort((x, y) => x - y);
    for (const k of at) {
      run(from, k);
      fragments.push(t.frags.get(k)!);
      from = k + 1;
    }
  }
  run(from, t.s.length);
  return { fragments, span };
}
