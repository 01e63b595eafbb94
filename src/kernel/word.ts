/**
 * A Word is one argv element as far as static analysis can resolve it, in any front end.
 * It is a sequence of fragments: literal text (mapped back to the source, char by char),
 * or a value we know the meaning of without knowing its text (sys.executable, a PATH lookup),
 * or something unknown. Rules reason about Words, never about raw source text.
 */
import type { Span } from './source.js';

export type Fragment =
  | TextFragment
  | { kind: 'sys-executable'; span: Span } // sys.executable, shlex.quote(sys.executable), …
  | { kind: 'venv-path'; span: Span } // derived from sys.prefix / VIRTUAL_ENV / a known venv: explicit, safe
  | { kind: 'path-lookup'; name: Word; span: Span } // shutil.which(name): resolved on PATH at run time
  | { kind: 'unknown'; span?: Span; why?: string };

export interface TextFragment {
  kind: 'text';
  text: string;
  /**
   * Source offset of each UTF-16 unit of `text` (same length), or -1 for synthesised characters.
   * Absent when the text has no source (e.g. a default).
   */
  offsets?: number[];
}

export interface Word {
  fragments: Fragment[];
  /** Where the whole word sits in the source (best effort; may cover more than the word). */
  span?: Span;
}

export function textWord(text: string, start?: number): Word {
  const offsets = start === undefined ? undefined : Array.from({ length: text.length }, (_, i) => start + i);
  return {
    fragments: [{ kind: 'text', text, offsets }],
    span: start === undefined ? undefined : { start, end: start + text.length },
  };
}

/** The word's text if every fragment is literal text, else undefined. */
export function wordText(w: Word): string | undefined {
  let s = '';
  for (const f of w.fragments) {
    if (f.kind !== 'text') return undefined;
    s += f.text;
  }
  return s;
}

/** Source span covered by the literal characters of a word (first to last mapped offset). */
export function wordSourceSpan(w: Word): Span | undefined {
  let start = Infinity;
  let end = -Infinity;
  for (const f of w.fragments) {
    if (f.kind === 'text') {
      for (const o of f.offsets ?? []) {
        if (o < 0) continue;
        if (o < start) start = o;
        if (o + 1 > end) end = o + 1;
      }
    } else if (f.span) {
      if (f.span.start < start) start = f.span.start;
      if (f.span.end > end) end = f.span.end;
    }
  }
  if (start === Infinity) return w.span;
  return { start, end };
}

export function concatWords(a: Word, b: Word): Word {
  const span =
    a.span && b.span ? { start: Math.min(a.span.start, b.span.start), end: Math.max(a.span.end, b.span.end) } : a.span ?? b.span;
  return { fragments: mergeText([...a.fragments, ...b.fragments]), span };
}

/** Join adjacent text fragments so wordText and prefix checks see whole runs of text. */
export function mergeText(fragments: Fragment[]): Fragment[] {
  const out: Fragment[] = [];
  for (const f of fragments) {
    const prev = out[out.length - 1];
    if (f.kind === 'text' && prev && prev.kind === 'text') {
      const offsets =
        prev.offsets || f.offsets
          ? [...(prev.offsets ?? new Array(prev.text.length).fill(-1)), ...(f.offsets ?? new Array(f.text.length).fill(-1))]
          : undefined;
      out[out.length - 1] = { kind: 'text', text: prev.text + f.text, offsets };
    } else if (f.kind === 'text' && f.text === '') {
      continue;
    } else {
      out.push(f);
    }
  }
  return out;
}

/**
 * An edit replacing the word with `text`, when the word is literal and written exactly so in the
 * file (one run of consecutive offsets): quoting or escapes in the source make it undefined.
 */
export function replaceWordEdit(source: string, w: Word, text: string): { start: number; end: number; text: string } | undefined {
  if (w.fragments.length !== 1) return undefined;
  const f = w.fragments[0];
  if (f.kind !== 'text' || !f.offsets || f.offsets.length !== f.text.length || f.text.length === 0) return undefined;
  const start = f.offsets[0];
  if (f.offsets.some((o, i) => o !== start + i)) return undefined;
  if (source.slice(start, start + f.text.length) !== f.text) return undefined;
  return { start, end: start + f.text.length, text };
}

/** One piece of a plain shell word: safe unquoted characters, `"…"` or `$"…"`-free double quotes, `'…'`, `$'…'` without escapes. */
const PLAIN_SHELL_PIECE = /[A-Za-z0-9_./+@%,:=-]+|"[^"\\$`!]*"|'[^']*'|\$'[^'\\]*'/y;

/**
 * The text a shell word written as `src` stands for, when it is made of plain pieces only:
 * unquoted safe characters and quotes without escapes or expansions (`pip`, `"pip"`, `'p'ip`,
 * `$'pip'`); undefined otherwise (a backslash, `$x`, a glob, `~`, or text that is not one word).
 */
export function plainShellWord(src: string): string | undefined {
  let out = '';
  PLAIN_SHELL_PIECE.lastIndex = 0;
  while (PLAIN_SHELL_PIECE.lastIndex < src.length) {
    const at = PLAIN_SHELL_PIECE.lastIndex;
    const m = PLAIN_SHELL_PIECE.exec(src);
    if (!m || m.index !== at) return undefined;
    const p = m[0];
    out += p.startsWith("$'") ? p.slice(2, -1) : p.startsWith('"') || p.startsWith("'") ? p.slice(1, -1) : p;
  }
  return src.length ? out : undefined;
}

/**
 * Where a program word sits in `source` as a whole shell word, quotes included (`"pip"`, `'p'ip`),
 * so that a fix replaces the word and not the letters inside its quotes: the word's span when its
 * text there is a plain shell word that stands for the word's literal text; else undefined.
 */
export function shellWordSpan(source: string, w: Word): Span | undefined {
  const name = wordText(w);
  const inner = wordSourceSpan(w);
  if (name === undefined || !inner) return undefined;
  if (w.span && w.span.start <= inner.start && w.span.end >= inner.end) {
    return plainShellWord(source.slice(w.span.start, w.span.end)) === name ? w.span : undefined;
  }
  // No whole-word span to go by: only a word written as is, with no quote or escape beside it.
  if (source.slice(inner.start, inner.end) !== name) return undefined;
  const around = (source[inner.start - 1] ?? ' ') + (source[inner.end] ?? ' ');
  return /["'\\`$]/.test(around) ? undefined : inner;
}
