/**
 * The little of Groovy a Jenkinsfile's shell steps need: comments, the four string forms (`'…'`,
 * `"…"`, `'''…'''`, `"""…"""`, the double-quoted ones GStrings with `${expr}` and `$name.name`
 * interpolation), braces, and identifiers. Every character of a string's value keeps its offset
 * in the file (escapes map to their backslash); an interpolation is kept as an expression for the
 * caller to resolve.
 */
import type { Char } from '../../kernel/word-units.js';
import { SHELL_SCRIPT_CHARS, within } from '../../kernel/budgets.js';

export type StringPart = { kind: 'text'; chars: Char[] } | { kind: 'expr'; expr: string; at: number };

export interface GroovyString {
  parts: StringPart[];
  start: number;
  /** Offset just past the closing quote. */
  end: number;
  /** Unterminated: the file ended inside it. */
  open?: boolean;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"', $: '$', '/': '/' };

/**
 * A Groovy line end at `i`: `\n`, `\r\n` or a lone `\r` (old Mac line ends), as Groovy's lexer
 * reads them; its length, 0 when there is none.
 */
export function lineEndAt(src: string, i: number): number {
  if (src[i] === '\n') return 1;
  if (src[i] === '\r') return src[i + 1] === '\n' ? 2 : 1;
  return 0;
}

/** Offset of the end of the line `i` is on: the next `\n` or `\r`, or the end of the file. */
export function endOfLine(src: string, i: number): number {
  while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
  return i;
}

/** Skips white space and comments from `i`; returns the next offset. */
export function skipBlank(src: string, i: number): number {
  for (;;) {
    while (i < src.length && /\s/.test(src[i])) i++;
    if (src.startsWith('//', i)) {
      // Up to the line end, a lone \r included: ended only by \n, a `//` comment in a file saved
      // with old Mac line ends took the rest of the file with it (and every finding after it).
      i = endOfLine(src, i + 2);
    } else if (src.startsWith('/*', i)) {
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? src.length : e + 2;
    } else return i;
  }
}

/** Skips white space (not line breaks) and comments that stay on the line. */
export function skipInline(src: string, i: number): number {
  for (;;) {
    while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
    if (src.startsWith('/*', i)) {
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? src.length : e + 2;
    } else if (src[i] === '\\' && lineEndAt(src, i + 1) > 0) {
      i += 1 + lineEndAt(src, i + 1);
    } else return i;
  }
}

export const isQuote = (c: string | undefined): boolean => c === "'" || c === '"';

/** The string literal starting at `i` (a quote). */
export function readString(src: string, i: number): GroovyString {
  const q = src[i];
  const triple = src.startsWith(q.repeat(3), i);
  const delim = triple ? q.repeat(3) : q;
  const gstring = q === '"';
  const parts: StringPart[] = [];
  let text: Char[] = [];
  const flush = () => {
    if (text.length) parts.push({ kind: 'text', chars: text });
    text = [];
  };
  let k = i + delim.length;
  while (k < src.length) {
    // Each character becomes an object: a string longer than a shell script may be (what `sh`
    // strings are) makes the file too complex before it is read further (one 1.96 MB `sh '…'`
    // line peaked at 398 MiB). Real Jenkinsfile strings are a few KB.
    if (k - i > SHELL_SCRIPT_CHARS.limit) within(SHELL_SCRIPT_CHARS, k - i);
    if (src.startsWith(delim, k)) {
      flush();
      return { parts, start: i, end: k + delim.length };
    }
    const c = src[k];
    if (!triple && (c === '\n' || c === '\r')) break; // a one-line string does not cross a line
    if (c === '\\') {
      const n = src[k + 1];
      if (lineEndAt(src, k + 1) > 0) {
        k += 1 + lineEndAt(src, k + 1); // a line continuation (`\` and \n, \r\n or a lone \r)
        continue;
      }
      if (n !== undefined && n in ESCAPES) {
        text.push({ ch: ESCAPES[n], off: k });
        k += 2;
        continue;
      }
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(k + 2, k + 6))) {
        text.push({ ch: String.fromCharCode(parseInt(src.slice(k + 2, k + 6), 16)), off: k });
        k += 6;
        continue;
      }
      text.push({ ch: c, off: k });
      k++;
      continue;
    }
    if (gstring && c === '$') {
      if (src[k + 1] === '{') {
        // `${expr}`: up to the matching brace (strings inside it skipped).
        let depth = 1;
        let j = k + 2;
        while (j < src.length && depth > 0) {
          if (src[j] === '{') depth++;
          else if (src[j] === '}') depth--;
          else if (isQuote(src[j])) {
            j = readString(src, j).end;
            continue;
          }
          if (depth > 0) j++;
        }
        flush();
        parts.push({ kind: 'expr', expr: src.slice(k + 2, j).trim(), at: k });
        k = j + 1;
        continue;
      }
      const m = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(k + 1, k + 200));
      if (m) {
        flush();
        parts.push({ kind: 'expr', expr: m[0], at: k });
        k += 1 + m[0].length;
        continue;
      }
    }
    text.push({ ch: c, off: k });
    k++;
  }
  flush();
  return { parts, start: i, end: k, open: true };
}

/**
 * Matching closes for a whole file, found in one pass and then looked up: `matching` from every
 * bracket a reader meets scans to the end of the file for each unmatched one (200 KB of `sh(`
 * lines took 60 s of CPU). The pass reads the file from its start as `matching` does from a
 * bracket (each kind of bracket counted on its own, strings and comments skipped), so a bracket it
 * meets has the close `matching` would find; a bracket it did not meet (one it read as inside a
 * string or comment) is scanned for.
 */
export function bracketMatcher(src: string): (i: number) => number {
  let closeOf: Int32Array | undefined;
  return (i) => {
    closeOf ??= matchAll(src);
    const c = closeOf[i];
    return c === NOT_MET ? matching(src, i) : c;
  };
}

/** In `matchAll`'s table: not a bracket the pass met. */
const NOT_MET = -2;

/** For each offset of `src`: the close of the bracket there, -1 when unclosed, NOT_MET otherwise. */
function matchAll(src: string): Int32Array {
  const closeOf = new Int32Array(src.length).fill(NOT_MET);
  const open: Record<string, number[]> = { '(': [], '[': [], '{': [] };
  const openOf: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let k = 0;
  while (k < src.length) {
    const c = src[k];
    if (isQuote(c)) {
      k = readString(src, k).end;
      continue;
    }
    if (src.startsWith('//', k) || src.startsWith('/*', k)) {
      k = skipBlank(src, k);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      open[c].push(k);
      closeOf[k] = -1;
    } else if (c === ')' || c === ']' || c === '}') {
      const o = open[openOf[c]].pop();
      if (o !== undefined) closeOf[o] = k;
    }
    k++;
  }
  return closeOf;
}

/** Matching close for the bracket at `i` (`(`, `[`, `{`), strings and comments skipped; -1 when unmatched. */
export function matching(src: string, i: number): number {
  const open = src[i];
  const close = open === '(' ? ')' : open === '[' ? ']' : '}';
  let depth = 0;
  let k = i;
  while (k < src.length) {
    const c = src[k];
    if (isQuote(c)) {
      k = readString(src, k).end;
      continue;
    }
    if (src.startsWith('//', k) || src.startsWith('/*', k)) {
      k = skipBlank(src, k);
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return k;
    k++;
  }
  return -1;
}
