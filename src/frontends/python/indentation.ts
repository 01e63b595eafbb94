/**
 * Indentation as CPython's tokenizer reads it. tree-sitter-python recovers from indentation that
 * CPython refuses without marking an error (a line that unindents to no outer level, an indented
 * line after a simple statement, a block header with nothing indented under it), so a file that
 * cannot run at all read as valid, and its launches were reported with fixes (skyCORE-AI's
 * plugin_installer.py, an IndentationError in CPython). Both passes are lexical and linear.
 */
import { commentEnd, literalExtent } from './prefilter.js';

/**
 * The most indentation levels open at once, counted on physical lines as the tokenizer's stack
 * would be (blank lines skipped; comments are blanked before parsing): an upper bound on what the
 * scanner holds, since continuation lines and string contents only add to it. One pass.
 */
export function indentationLevels(text: string): number {
  const stack: number[] = [0];
  let most = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let width = 0;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9 || c === 12) {
      width = c === 9 ? (width & ~7) + 8 : c === 12 ? 0 : width + 1;
      c = text.charCodeAt(++i);
    }
    if (i < n && c !== 10 && c !== 13) {
      while (width < stack[stack.length - 1]) stack.pop();
      if (width > stack[stack.length - 1]) {
        stack.push(width);
        if (stack.length - 1 > most) most = stack.length - 1;
      }
    }
    i = lineAfter(text, i);
  }
  return most;
}

export interface IndentationProblem {
  /** Where CPython reports it: the first character of the offending line (or the end of the text). */
  offset: number;
  /** CPython's words (`unindent does not match any outer indentation level`), without the header's line. */
  message: string;
  error: 'IndentationError' | 'TabError';
  /** For `expected an indented block`: where the block's header line starts. */
  header?: number;
}

/**
 * The first indentation error CPython's tokenizer and parser would raise, read on logical lines
 * (string literals, bracketed continuations and backslash continuations are inside the line they
 * start in; blank and comment-only lines carry no indentation):
 *
 * - an unindent to a column no open block has (`unindent does not match any outer indentation level`);
 * - an indent after a line that opens no block (`unexpected indent`), the first line included;
 * - a block header (a logical line ending in `:`) whose next line is not indented deeper, or that
 *   ends the file (`expected an indented block`);
 * - with `tabs`, an indentation whose order differs when a tab counts 8 columns or 1 (TabError:
 *   `inconsistent use of tabs and spaces in indentation`). Python 2 accepts that, so callers pass
 *   `tabs` only for code that is Python 3 only.
 *
 * Undefined when there is none, and whenever the text is not lexically whole (an unterminated
 * string, brackets that do not balance): that is a syntax error of another kind, which the parser
 * reports, and no claim about indentation is made.
 */
export function indentationError(s: string, tabs: boolean): IndentationProblem | undefined {
  const n = s.length;
  const cols = [0];
  const alts = [0];
  let header = -1; // the line start of a block header waiting for its block
  let i = 0;
  while (i < n) {
    // The indentation of a logical line.
    const start = i;
    let col = 0;
    let alt = 0;
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9 || c === 12) {
      if (c === 32) {
        col++;
        alt++;
      } else if (c === 9) {
        col = (col & ~7) + 8;
        alt++;
      } else col = alt = 0;
      c = s.charCodeAt(++i);
    }
    if (i >= n) break;
    if (c === 10 || c === 13 || c === 35 /* # */) {
      // Blank or comment-only: no indentation, to the next physical line.
      i = c === 35 ? commentEnd(s, i) : i;
      i = lineAfter(s, i);
      continue;
    }
    const bad = compare(start, col, alt, cols, alts, header, tabs);
    if (bad) return bad;
    // The rest of the logical line, to the newline that ends it outside brackets.
    let depth = 0;
    let last = 0; // the last character that is neither blank nor in a comment
    for (;;) {
      if (i >= n) {
        if (depth !== 0) return undefined;
        break;
      }
      c = s.charCodeAt(i);
      if (c === 39 || c === 34) {
        const lit = literalExtent(s, i);
        // Unterminated: the parser's error, not an indentation one.
        if (lit.end >= n || s.charCodeAt(lit.end) !== c) return undefined;
        i = lit.next;
        last = c;
        continue;
      }
      if (c === 35) {
        i = commentEnd(s, i);
        continue;
      }
      if (c === 92 /* \ */ && (s.charCodeAt(i + 1) === 10 || (s.charCodeAt(i + 1) === 13 && s.charCodeAt(i + 2) === 10))) {
        i = lineAfter(s, i + 1);
        continue;
      }
      if (c === 10 || c === 13) {
        i = lineAfter(s, i);
        if (depth === 0) break;
        continue;
      }
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) {
        if (--depth < 0) return undefined;
      }
      if (c !== 32 && c !== 9 && c !== 12) last = c;
      i++;
    }
    if (depth !== 0) return undefined;
    header = last === 58 /* : */ ? start : -1;
  }
  if (header >= 0) return { offset: n, message: 'expected an indented block', error: 'IndentationError', header };
  return undefined;
}

/** The offset after the line break at i (whichever of \n, \r\n or a lone \r), or after the line i is in. */
function lineAfter(s: string, i: number): number {
  const n = s.length;
  let c = s.charCodeAt(i);
  while (i < n && c !== 10 && c !== 13) c = s.charCodeAt(++i);
  if (c === 13 && s.charCodeAt(i + 1) === 10) return i + 2;
  return i + 1;
}

/**
 * The tokenizer's comparison of a logical line's indentation with the open blocks (cols, alts), which
 * it updates, then the parser's view of the result (an indent after no header, no indent after one),
 * in CPython's order.
 */
function compare(at: number, col: number, alt: number, cols: number[], alts: number[], header: number, tabs: boolean): IndentationProblem | undefined {
  const top = cols[cols.length - 1];
  const altTop = alts[alts.length - 1];
  const mixed: IndentationProblem = { offset: at, message: 'inconsistent use of tabs and spaces in indentation', error: 'TabError' };
  if (col > top) {
    if (tabs && alt <= altTop) return mixed;
    if (header < 0) return { offset: at, message: 'unexpected indent', error: 'IndentationError' };
    cols.push(col);
    alts.push(alt);
    return undefined;
  }
  while (col < cols[cols.length - 1]) {
    cols.pop();
    alts.pop();
  }
  if (col !== cols[cols.length - 1]) return { offset: at, message: 'unindent does not match any outer indentation level', error: 'IndentationError' };
  if (tabs && alt !== alts[alts.length - 1]) return mixed;
  if (header >= 0) return { offset: at, message: 'expected an indented block', error: 'IndentationError', header };
  return undefined;
}
