/**
 * The lexical scan behind parse-less planning (blocks.ts): splits a Python file into its
 * top-level units (statements, defs, classes with their decorators) at real top-level statement
 * starts, knowing strings (all prefixes, PEP 701 f-strings), comments, brackets and backslash
 * continuations; blanks comments and plain string contents; and splits a class's body into
 * members when its indentation is unambiguous. Gives up (undefined) on unbalanced brackets or an
 * unterminated literal.
 */
import { commentEnd, literalExtent } from './prefilter.js';

export interface Scan {
  units: Unit[];
  /** The text with comments and plain string contents blanked (f-string contents kept). */
  code: string;
  /** Where each logical line's first token is (outside brackets), and its indentation column. */
  lines: number[];
  columns: number[];
  /** Whether any indentation holds a tab (then def extents are not computed: see wrapperNames). */
  tabs: boolean;
}

export interface Unit {
  start: number;
  end: number;
  /** 'header': a split class's decorators, `class` line and anything before its first member. */
  kind: 'def' | 'class' | 'decorator' | 'other' | 'header';
  /** The defined name (def/class, and a class's header). */
  name?: string;
  /** Names in the unit's code (comments and plain string contents left out; f-strings kept), once computed. */
  words?: Set<string>;
  /** For a split class's header and members: the class (whose `split` they are). */
  owner?: Unit;
  /** For a class whose body is planned member by member: its header, then its members. */
  split?: Unit[];
}

/** `else:`, `elif …`, `except …`, `finally:` at column 0 continue the statement above. */
const CONTINUATION = /^(?:else|elif|except|finally)(?![\w\u0080-\uffff])/;
const HEADER = /^(?:(?:async[ \t]+)?def|class)[ \t]+([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/;

/**
 * Splits the text into top-level units, with `code` (see Scan) and where the logical lines start.
 * Undefined when the text has unbalanced brackets or an unterminated literal.
 */
export function scanUnits(s: string): Scan | undefined {
  const n = s.length;
  // `code` is built by blanking ranges of a UTF-16 copy: no string per literal.
  const buf = utf16(s);
  const hasCR = s.includes('\r');
  const starts: number[] = [0];
  const lines: number[] = [];
  const columns: number[] = [];
  let tabs = false;
  const lineAt = (k: number): boolean => {
    // CPython's indentation column: tabs to the next multiple of 8, a form feed resets it.
    let j = k;
    let column = 0;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 32) column++;
      else if (c === 9) {
        column = (Math.floor(column / 8) + 1) * 8;
        tabs = true;
      } else if (c === 12) column = 0;
      else break;
    }
    const d = s.charCodeAt(j);
    if (j >= n || d === 10 || d === 13 || d === 35) return false; // blank or comment-only
    lines.push(j);
    columns.push(column);
    // Only else/elif/except/finally (all starting e or f) continue the statement above.
    return column === 0 && !((d === 101 || d === 102) && CONTINUATION.test(s.slice(j, j + 9)));
  };
  lineAt(0);
  const stack: number[] = [];
  // test() instead of exec(): the match is one character, so lastIndex - 1 is where it is.
  const re = /[#'"()[\]{}\\\r\n]/g;
  while (re.test(s)) {
    const i = re.lastIndex - 1;
    const c = s.charCodeAt(i);
    if (c === 35 /* # */) {
      const end = commentEnd(s, i);
      blank(buf, s, i, end, hasCR);
      re.lastIndex = end;
    } else if (c === 34 || c === 39) {
      const lit = literalExtent(s, i);
      if (lit.end >= n || s.charCodeAt(lit.end) !== c) return undefined; // unterminated
      // f-string fields are code: their text stays (names used there count as uses).
      if (!lit.fString) blank(buf, s, i + lit.qlen, lit.end, hasCR);
      re.lastIndex = lit.next;
    } else if (c === 40 || c === 91 || c === 123) stack.push(c);
    else if (c === 41 || c === 93 || c === 125) {
      if (stack.pop() !== (c === 41 ? 40 : c === 93 ? 91 : 123)) return undefined;
    } else if (c === 92 /* \ */) {
      // A continuation joins the next line; a backslash elsewhere in code is left to the parser.
      const d = s.charCodeAt(i + 1);
      if (d === 13 && s.charCodeAt(i + 2) === 10) re.lastIndex = i + 3;
      else if (d === 10 || d === 13) re.lastIndex = i + 2;
    } else {
      // A line break outside brackets: the next line may start a top-level statement.
      if (c === 13 && s.charCodeAt(i + 1) === 10) continue; // the \n of \r\n does it
      if (!stack.length && lineAt(i + 1)) starts.push(i + 1);
    }
  }
  if (stack.length) return undefined;
  const code = fromUtf16(buf);
  return { units: unitsAt(code, starts, n), code, lines, columns, tabs };
}

/**
 * The top-level units that start at `starts` (each runs to the next start, the last to `n`), a
 * decorator joined to the def or class it decorates.
 */
function unitsAt(code: string, starts: number[], n: number): Unit[] {
  const units: Unit[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : n;
    const head = code.slice(start, Math.min(end, start + 200)).replace(/^\f+/, '');
    const h = HEADER.exec(head);
    const kind: Unit['kind'] = h ? (head.startsWith('class') ? 'class' : 'def') : head.startsWith('@') ? 'decorator' : 'other';
    const prev = units[units.length - 1];
    // A decorator belongs to the def/class it decorates (through any further decorators).
    if (prev?.kind === 'decorator') {
      prev.end = end;
      prev.kind = kind;
      prev.name = h?.[1];
      continue;
    }
    units.push({ start, end, kind, name: h?.[1] });
  }
  // A decorator at the end of the file decorates nothing: keep it as a statement.
  for (const u of units) if (u.kind === 'decorator') u.kind = 'other';
  return units;
}

/**
 * Replaces a top-level class's body by members when its indentation is unambiguous: each
 * logical line at the body's column starts a member (a decorator joins the def it decorates;
 * else/elif/except/finally continue the statement above). Members start and end at line starts.
 * Left whole (no `split`) for a one-line class, tabs in indentation, or anything unexpected.
 */
export function splitClass(scan: Scan, cls: Unit): void {
  if (scan.tabs) return;
  const { lines, columns, code } = scan;
  let k = lastAtOrBefore(lines, cls.start - 1) + 1;
  while (k < lines.length && lines[k] < cls.end && columns[k] === 0) k++;
  if (k >= lines.length || lines[k] >= cls.end) return;
  const bodyColumn = columns[k];
  const members: Unit[] = [];
  for (; k < lines.length && lines[k] < cls.end; k++) {
    if (columns[k] < bodyColumn) return;
    if (columns[k] > bodyColumn) continue;
    const at = lines[k];
    const head = code.slice(at, at + 200);
    if (CONTINUATION.test(head)) continue;
    let start = at;
    while (start > cls.start && code.charCodeAt(start - 1) !== 10 && code.charCodeAt(start - 1) !== 13) start--;
    const h = HEADER.exec(head);
    const kind: Unit['kind'] = h ? (head.startsWith('class') ? 'class' : 'def') : head.startsWith('@') ? 'decorator' : 'other';
    const prev = members[members.length - 1];
    if (prev?.kind === 'decorator') {
      prev.kind = kind;
      prev.name = h?.[1];
      continue;
    }
    members.push({ start, end: cls.end, kind, name: h?.[1], owner: cls });
  }
  if (!members.length || members[0].start <= cls.start) return;
  for (let i = 0; i + 1 < members.length; i++) members[i].end = members[i + 1].start;
  for (const m of members) if (m.kind === 'decorator') m.kind = 'other';
  const header: Unit = { start: cls.start, end: members[0].start, kind: 'header', name: cls.name, owner: cls };
  cls.split = [header, ...members];
}

/** Index of the last element of sorted `a` that is <= x, or -1. */
export function lastAtOrBefore(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The UTF-16 code units of s, to blank ranges in place (see blank). */
function utf16(s: string): Uint16Array {
  const b = Buffer.from(s, 'utf16le');
  return b.byteOffset % 2 === 0 ? new Uint16Array(b.buffer, b.byteOffset, s.length) : new Uint16Array(new Uint8Array(b).buffer);
}

const UTF16 = new TextDecoder('utf-16le');

function fromUtf16(units: Uint16Array): string {
  return UTF16.decode(units);
}

/** Replaces s[from, to) by spaces in its UTF-16 copy, keeping line breaks. */
function blank(units: Uint16Array, s: string, from: number, to: number, hasCR: boolean): void {
  if (to <= from) return;
  units.fill(32, from, to);
  // Line breaks stay. Only [from, to) is read: a search for the next break would run on to the
  // file's next one, over and over on one long line or past a lone \r.
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && hasCR)) units[i] = c;
  }
}
