/**
 * A character-level view of Words, shared by the shell parser and the command-line unwrapper.
 * Re-tokenising a Word (shell parsing, `env -S` splitting, `--opt=value` slicing) must keep every
 * literal character's source offset and every non-text fragment intact, so both work on Units:
 * one UTF-16 unit of literal text with its offset, or one opaque fragment.
 */
import type { Span } from './source.js';
import type { Fragment, TextFragment, Word } from './word.js';

export type OpaqueFragment = Exclude<Fragment, TextFragment>;

/** One literal character and its source offset (-1 when it has none). */
export type Char = { ch: string; off: number };

export type Unit = Char | { frag: OpaqueFragment };

/** The word as Units; characters without a source offset get -1. */
export function wordUnits(w: Word): Unit[] {
  const out: Unit[] = [];
  for (const f of w.fragments) {
    if (f.kind === 'text') {
      for (let i = 0; i < f.text.length; i++) out.push({ ch: f.text[i], off: f.offsets?.[i] ?? -1 });
    } else {
      out.push({ frag: f });
    }
  }
  return out;
}

/**
 * Builds a Word from Units: adjacent characters become one text fragment. Its arrays are made at
 * their size: an array grown by push from empty holds room for 17 (~180 bytes), and sites keep
 * their words (10,000 recipe lines' sites held 10 MB of such room).
 */
export function unitsToWord(units: readonly Unit[], span?: Span): Word {
  let n = 0;
  for (let i = 0; i < units.length; ) {
    n++;
    if ('frag' in units[i]) i++;
    else while (i < units.length && !('frag' in units[i])) i++;
  }
  const fragments: Fragment[] = new Array(n);
  n = 0;
  for (let i = 0; i < units.length; ) {
    const u = units[i];
    if ('frag' in u) {
      fragments[n++] = u.frag;
      i++;
      continue;
    }
    let j = i;
    while (j < units.length && !('frag' in units[j])) j++;
    let text = '';
    const offsets: number[] = new Array(j - i);
    let placed = false;
    for (let k = i; k < j; k++) {
      const c = units[k] as Char;
      text += c.ch;
      offsets[k - i] = c.off;
      if (c.off >= 0) placed = true;
    }
    // Offsets are only worth keeping when at least one character comes from the source.
    if (text !== '') fragments[n++] = { kind: 'text', text, offsets: placed ? offsets : undefined };
    i = j;
  }
  fragments.length = n;
  return { fragments, span: span ?? unitsSpan(units) };
}

/** Source span from the smallest to the largest mapped position among the units. */
export function unitsSpan(units: readonly Unit[]): Span | undefined {
  let start = Infinity;
  let end = -Infinity;
  for (const u of units) {
    if ('frag' in u) {
      if (u.frag.span) {
        start = Math.min(start, u.frag.span.start);
        end = Math.max(end, u.frag.span.end);
      }
    } else if (u.off >= 0) {
      start = Math.min(start, u.off);
      end = Math.max(end, u.off + 1);
    }
  }
  return start === Infinity ? undefined : { start, end };
}

/** The literal text before the word's first non-text fragment ('' when it starts with one). */
export function leadingText(w: Word): string {
  let s = '';
  for (const f of w.fragments) {
    if (f.kind !== 'text') break;
    s += f.text;
  }
  return s;
}

/** True when the word has no non-text fragment (its whole text is `leadingText`). */
export function isAllText(w: Word): boolean {
  return w.fragments.every((f) => f.kind === 'text');
}

/** The word without its first `n` characters, which must lie within its leading text. */
export function dropLeading(w: Word, n: number): Word {
  return unitsToWord(wordUnits(w).slice(n));
}

/**
 * Appends `items` to `out` one by one: `out.push(...items)` passes every item as an argument, and
 * a line of ~120,000 characters or more overflows the stack.
 */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const x of items) out.push(x);
}

/** Joins words with a synthesised separator, the way `watch`/`eval` build one command line. */
export function joinWords(words: readonly Word[], sep = ' '): Word {
  const units: Unit[] = [];
  words.forEach((w, i) => {
    if (i > 0) for (const ch of sep) units.push({ ch, off: -1 });
    pushAll(units, wordUnits(w));
  });
  return unitsToWord(units);
}
