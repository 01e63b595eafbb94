/**
 * Reading a makefile the way GNU make's reader does, before any expansion: physical lines joined
 * into logical lines (backslash-newline), comments (`\#` is a literal `#`), continuations collapsed
 * outside recipes, and `NAME op value` assignments told from rules. Every character keeps its
 * offset in the file, which findings need character by character.
 *
 * The lexer is our own: npm has `tree-sitter-make` (a grammar: syntax only, none of make's
 * reading rules — continuation collapsing, recipe prefixes, expansion) and `@kba/makefile-parser`
 * (0.0.x), neither maps expanded text back to the file.
 */
import { splitLines } from '../../kernel/source.js';
import type { Char } from '../../kernel/word-units.js';

export type { Char } from '../../kernel/word-units.js';

export const isWs = (ch: string | undefined) => ch === ' ' || ch === '\t';

// ---------------------------------------------------------------------------------------------
// Reading: logical lines, comments, continuations

export interface LogicalLine {
  /** The physical lines joined, backslash-newline pairs kept (`\` then `\n`, mapped to the file). */
  chars: Char[];
  firstLine: number;
  lastLine: number;
  /** Offset of each physical line's start (to strip a recipe prefix on continued lines). */
  starts: number[];
}

/** Physical lines joined where a line ends in an odd number of backslashes (GNU make's readline). */
export function logicalLines(src: string): LogicalLine[] {
  // make reads no line after the final line break.
  const phys = splitLines(src).filter((l) => l.start < src.length);
  const out: LogicalLine[] = [];
  for (let i = 0; i < phys.length; ) {
    const ll: LogicalLine = { chars: [], firstLine: i + 1, lastLine: i + 1, starts: [] };
    for (;;) {
      const p = phys[i];
      ll.starts.push(p.start);
      for (let k = 0; k < p.text.length; k++) ll.chars.push({ ch: p.text[k], off: p.start + k });
      ll.lastLine = i + 1;
      i++;
      let bs = 0;
      for (let k = p.text.length - 1; k >= 0 && p.text[k] === '\\'; k--) bs++;
      if (bs % 2 === 0 || i >= phys.length) break;
      ll.chars.push({ ch: '\n', off: p.start + p.text.length });
    }
    out.push(ll);
  }
  return out;
}

/** Drops a make comment: from the first `#` not escaped by a backslash (`\#` is a literal `#`). */
export function stripComment(cs: Char[]): Char[] {
  const out: Char[] = [];
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    if (c.ch === '\\' && cs[k + 1]?.ch === '#') {
      out.push(cs[k + 1]);
      k++;
      continue;
    }
    if (c.ch === '#') break;
    out.push(c);
  }
  return out;
}

/** Outside recipes, backslash-newline and the white space around it become one space. */
export function collapseContinuations(cs: Char[]): Char[] {
  const out: Char[] = [];
  for (let k = 0; k < cs.length; k++) {
    if (cs[k].ch === '\\' && cs[k + 1]?.ch === '\n') {
      const at = cs[k].off;
      while (out.length && isWs(out[out.length - 1].ch)) out.pop();
      k += 2;
      while (k < cs.length && isWs(cs[k].ch)) k++;
      k--;
      out.push({ ch: ' ', off: at });
      continue;
    }
    out.push(cs[k]);
  }
  return out;
}

export const trimChars = (cs: Char[]): Char[] => {
  let a = 0;
  let b = cs.length;
  while (a < b && /\s/.test(cs[a].ch)) a++;
  while (b > a && /\s/.test(cs[b - 1].ch)) b--;
  return cs.slice(a, b);
};

/** Index of the matching close paren/brace for the opener at `open`, or -1. */
export function matchClose(cs: readonly { ch: string }[], open: number): number {
  const o = cs[open].ch;
  const c = o === '(' ? ')' : '}';
  let depth = 0;
  for (let k = open; k < cs.length; k++) {
    if (cs[k].ch === o) depth++;
    else if (cs[k].ch === c && --depth === 0) return k;
  }
  return -1;
}

/** The first `:` or `=` (or `;`) outside variable references, for telling assignments from rules. */
export function topLevelIndex(cs: Char[], chars: string, from = 0): number {
  for (let k = from; k < cs.length; k++) {
    const ch = cs[k].ch;
    if (ch === '$' && (cs[k + 1]?.ch === '(' || cs[k + 1]?.ch === '{')) {
      const e = matchClose(cs, k + 1);
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
export function parseAssignment(cs: Char[]): { name: Char[]; op: AssignOp; value: Char[] } | undefined {
  const k = topLevelIndex(cs, ':=');
  if (k < 0) return undefined;
  let op: AssignOp;
  let nameEnd = k;
  let valueStart: number;
  if (cs[k].ch === ':') {
    if (cs[k + 1]?.ch === '=') {
      op = ':=';
      valueStart = k + 2;
    } else if (cs[k + 1]?.ch === ':' && cs[k + 2]?.ch === '=') {
      op = '::=';
      valueStart = k + 3;
    } else return undefined; // a rule
  } else {
    const prev = cs[k - 1]?.ch;
    if (prev === '+' || prev === '?' || prev === '!') {
      op = `${prev}=` as AssignOp;
      nameEnd = k - 1;
    } else op = '=';
    valueStart = k + 1;
  }
  const name = trimChars(cs.slice(0, nameEnd));
  if (!name.length) return undefined;
  let v = valueStart;
  while (v < cs.length && isWs(cs[v].ch)) v++; // leading white space goes; trailing stays (GNU make)
  return { name, op, value: cs.slice(v) };
}
