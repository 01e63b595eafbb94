/**
 * A lexical prefilter: can this file hold an escape at all? Every finding needs (1) a launch API
 * named in code (not in a comment or string) and (2) a Python tool's name inside a string literal
 * that is not a docstring — because argv is resolved from literals of the same module; a file that
 * uses another module's command constant or helper is let through by `mayMatterThroughProject`.
 * No parsing. Test (1) is cheap and runs first, even on the raw bytes before decoding (most files
 * stop there); test (2) splits out the string literals. The tests check that the prefilter never
 * drops a file the full check flags.
 */
import { importsProcessLibrary } from './process-libraries.js';
import type { OtherModules } from './other-modules.js';
import { hasToolName } from '../../judge/python-tools.js';

/**
 * Words that a launch in the file must show as a code token. A launch API M.N is reached through
 * its last segment N (the called attribute, or the name a `from M import N` brings in) and through
 * its module's root name (`import subprocess as sp; sp.run`), so for each API one of the two is
 * listed: the module for subprocess.* and popen2.* (whose last segments, like run, are common
 * words), the last segment for the rest (os is imported everywhere). test/prefilter.test.ts checks
 * the list against every API in launch-apis.ts.
 */
// Task runners and process libraries (invoke, sh, plumbum …) start programs named outside any
// string (`sh.pip(…)`) through calls named like anything (`c.run`): a file importing one is kept
// whole (process-libraries.ts).
export const API_WORDS =
  /\b(?:subprocess|system|popen[234]?|spawn|spawn[lv]p?e?|posix_spawnp?|exec[lv]p?e?|create_subprocess_(?:exec|shell)|subprocess_(?:exec|shell)|getoutput|getstatusoutput|getstatus|set_executable|which|find_executable|Popen)\b/;

/**
 * Substrings one of which every API word contains. Searching for them and then checking the whole
 * word around a hit is about twice as fast as searching with API_WORDS itself, whose leading \b
 * keeps V8 from skipping ahead (test/prefilter.test.ts checks both find the same words).
 */
export const API_KEYS = /subprocess|system|[pP]open|spawn|exec|getoutput|getstatus|which/g;
const API_WORD_EXACT = new RegExp(`^(?:${API_WORDS.source.slice(2, -2)})$`);

/** An ASCII word character (`\w`). */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Where the first API word (a whole word, as API_WORDS with its \b matches it) starting at or
 * after `from` and before `to` is, or -1.
 */
export function nextApiWord(s: string, from = 0, to = s.length): number {
  API_KEYS.lastIndex = from;
  for (let m = API_KEYS.exec(s); m && m.index < to; m = API_KEYS.exec(s)) {
    let a = m.index;
    let b = a + m[0].length;
    while (a > 0 && isWordChar(s.charCodeAt(a - 1))) a--;
    while (b < s.length && isWordChar(s.charCodeAt(b))) b++;
    // A word that starts before `from` is not a whole word from there on (API_WORDS' \b).
    if (a >= from && a < to && API_WORD_EXACT.test(s.slice(a, b))) return a;
    API_KEYS.lastIndex = b;
  }
  return -1;
}

export class Prefilter {
  /**
   * `tools`: the name of any Python tool the judge knows, as it may appear in a string; `project`:
   * the project's other modules, whose constants and helpers a file may use (project-modules.ts).
   */
  constructor(
    readonly tools: RegExp,
    readonly project?: OtherModules,
  ) {}

  /** True when the Python file may contain an escape and must be analysed. */
  mayContainEscape(text: string): boolean {
    return pythonMayMatter(text, this.tools);
  }

  /**
   * For a Python file the tests above would skip: whether it may still start a tool through another
   * module of the project — it calls a helper of a module it imports, with a tool's name in a string,
   * or it names a launch API and uses a name a module sets to a tool's name. `text` may be the
   * undecoded bytes (then only the cheap half: a helper called, and a tool's name anywhere; the
   * bytes read as Latin-1, as the test on bytes read them).
   */
  mayMatterThroughProject(path: string, text: string | Buffer): boolean {
    const p = this.project;
    if (!p) return false;
    if (typeof text !== 'string') {
      const s = latin1(text);
      if (!p.mayImportProject(s)) return false;
      // The regex first: the project's test reads and resolves other modules.
      return hasToolName(this.tools, s) && p.callsHelper(path, s);
    }
    if (!p.mayImportProject(text)) return false;
    // The file failed pythonMayMatter: with a launch API in its code it has no tool's name in a
    // string (so no helper call of its own can start one), and without one no constant can be launched.
    if (apiWordInCode(text)) return p.usesToolConstant(path, text, this.tools);
    return someStringMatches(text, this.tools) && p.callsHelper(path, text);
  }
}

/** A launch API named in code, and a tool's name in a non-docstring string literal. */
export function pythonMayMatter(text: string, tools: RegExp): boolean {
  return (apiWordInCode(text) && someStringMatches(text, tools)) || importsProcessLibrary(text);
}

/**
 * Test (1) on the undecoded bytes of a file that decodes as UTF-8 or Latin-1 without loss: false
 * means the file cannot matter. Equivalent to testing the decoded text, because the scan only
 * looks at ASCII characters (quotes, `#`, backslashes, braces, line ends, string prefixes and the
 * ASCII words themselves), which are the same bytes in both encodings, and every other byte is a
 * non-word character for `\b`, as every non-ASCII character is in the decoded text.
 */
export function pythonMayMatterBytes(bytes: Uint8Array): boolean {
  const s = latin1(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return apiWordInCode(s) || importsProcessLibrary(s);
}

let lastBytes: Buffer | undefined;
let lastLatin1 = '';

/**
 * A file's bytes read as Latin-1 (one character per byte): the prefilter's tests on undecoded
 * bytes, all on one reading of the file (the last one is kept for the next test of the same bytes).
 */
export function latin1(bytes: Buffer): string {
  if (bytes !== lastBytes) {
    lastBytes = bytes;
    lastLatin1 = bytes.toString('latin1');
  }
  return lastLatin1;
}

/**
 * Whether a launch-API word occurs outside comments and string literals (by the same lexical
 * rules as splitCodeAndStrings), counting an f-string's replacement fields as code. Visits only
 * the quotes and `#` before the last API word, and never builds the code text: a word is a
 * token, so it lies within one piece of code.
 */
export function apiWordInCode(s: string): boolean {
  // The prefilter asks twice about a file that fails its first tests (pythonMayMatter, then
  // mayMatterThroughProject): the last answer is kept for the same text.
  if (s === lastApiText) return lastApiAnswer;
  lastApiText = s;
  return (lastApiAnswer = apiWordInCodeOf(s));
}

let lastApiText: string | undefined;
let lastApiAnswer = false;

function apiWordInCodeOf(s: string): boolean {
  const nextWord = (from: number): number => {
    const at = nextApiWord(s, from);
    return at < 0 ? Infinity : at;
  };
  let word = nextWord(0);
  const interesting = /[#'"]/g;
  let found: RegExpExecArray | null;
  while (word !== Infinity && (found = interesting.exec(s))) {
    const i = found.index;
    if (word < i) return true; // in the code before this comment or literal
    let end: number;
    if (s.charCodeAt(i) === 35) end = commentEnd(s, i);
    else {
      const lit = literalExtent(s, i);
      // An unterminated triple-quoted string runs to the end of the file here, but the parser
      // recovers from it and reads what follows as code: the word after it may be a launch.
      if (lit.qlen === 3 && lit.end >= s.length) return true;
      end = lit.next;
      // f"{os.system(cmd)}" launches: a replacement field is code.
      if (lit.fString) {
        for (; word < end; word = nextWord(word + 1)) if (inReplacementField(s, i + lit.qlen, word)) return true;
      }
    }
    if (word < end) word = nextWord(end);
    interesting.lastIndex = end;
  }
  return word !== Infinity; // in the code after the last comment or literal
}

/** Whether offset `pos` of an f-string whose content starts at `from` lies inside a {…} field. */
function inReplacementField(s: string, from: number, pos: number): boolean {
  let depth = 0;
  for (let j = from; j < pos; j++) {
    const d = s.charCodeAt(j);
    if (d === 92) j++;
    else if (d === 123 /* { */) {
      if (depth === 0 && s.charCodeAt(j + 1) === 123) j++;
      else depth++;
    } else if (d === 125 /* } */ && depth > 0) depth--;
  }
  return depth > 0;
}

/** End of a comment starting at i: its line end, before a CR of CRLF. */
export function commentEnd(s: string, i: number): number {
  let j = s.indexOf('\n', i);
  if (j < 0) j = s.length;
  if (s.charCodeAt(j - 1) === 13) j--;
  return j;
}

/**
 * The literal whose opening quote is at i: where its content ends (the closing quote, or the
 * line or file end when unterminated), the quote length, and the offset just after it.
 */
export function literalExtent(s: string, i: number): { end: number; qlen: number; next: number; fString: boolean } {
  const c = s.charCodeAt(i);
  const triple = s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === c;
  // PEP 701: inside an f-string's {…}, the same quote may start a nested string.
  const fString = isFStringPrefix(s, i);
  const end = fString ? fStringEnd(s, i + (triple ? 3 : 1), c, triple) : triple ? tripleEnd(s, i + 3, c) : singleEnd(s, i + 1, c);
  const qlen = triple ? 3 : 1;
  return { end, qlen, next: Math.min(s.length, end + qlen), fString };
}

/** The one or two characters before a quote make it an f-string (or t-string): f, rf, fr, bf … */
function isFStringPrefix(s: string, i: number): boolean {
  const ft = (k: number) => k === 102 || k === 70 || k === 116 || k === 84; // f F t T
  const rb = (k: number) => k === 114 || k === 82 || k === 98 || k === 66; // r R b B
  const a = s.charCodeAt(i - 1);
  return ft(a) || (rb(a) && ft(s.charCodeAt(i - 2)));
}

/**
 * The lexical walk the prefilter and the parse share: visits every comment (start, end) and every
 * string literal that is not docstring-like (a triple-quoted string alone at the start of a
 * logical line, outside brackets), in order. Literals joined by implicit concatenation or `+`
 * are one string, as Python evaluates them ("pyt" "hon" and "p" + "ip" still show the name):
 * `joined` is true for a literal glued to the one before. Tolerant of broken input: an
 * unterminated string runs to its line end (single quotes) or to the end of the file (triple
 * quotes). Jumps between interesting characters with native regex search instead of visiting
 * every character. A string visitor returning true stops the walk.
 */
function walkSource(
  s: string,
  onComment: ((start: number, end: number) => void) | undefined,
  onString: ((start: number, end: number, qlen: number, joined: boolean) => boolean | void) | undefined,
): void {
  const n = s.length;
  const interesting = /[#'"]/g;
  let lastStringEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = interesting.exec(s))) {
    const i = m.index;
    if (s.charCodeAt(i) === 35 /* # */) {
      const j = commentEnd(s, i);
      onComment?.(i, j);
      interesting.lastIndex = j;
      continue;
    }
    const { end, qlen, fString } = literalExtent(s, i);
    const next = Math.min(n, end + qlen);
    // An f-string is never a docstring (and its fields may launch). Nor is an unterminated
    // triple-quoted string: the parser reads what follows it as code, with string literals in it.
    const unterminated = qlen === 3 && end >= n;
    if (onString && (unterminated || !(qlen === 3 && !fString && startsLogicalLine(s, i) && followsBlockHeader(s, i)))) {
      const joined = lastStringEnd >= 0 && GLUE.test(s.slice(lastStringEnd, i));
      if (onString(i, Math.min(end, n), qlen, joined)) return;
      lastStringEnd = next;
    }
    interesting.lastIndex = next;
  }
}

/** Splits Python source into code text, the contents of its non-docstring string literals, and its comments (see walkSource). */
export function splitCodeAndStrings(s: string): { code: string; strings: string; comments: number[] } {
  const code: string[] = [];
  const comments: number[] = [];
  const strings: string[] = [];
  let last = 0;
  walkSource(
    s,
    (i, j) => {
      code.push(s.slice(last, i));
      comments.push(i, j);
      last = j;
    },
    (i, end, qlen, joined) => {
      code.push(s.slice(last, i));
      const content = unescape(s.slice(i + qlen, end));
      if (joined && strings.length) strings[strings.length - 1] += content;
      else strings.push(content);
      last = Math.min(s.length, end + qlen);
    },
  );
  code.push(s.slice(last));
  return { code: code.join(''), strings: strings.join('\n'), comments };
}

/**
 * Whether any non-docstring string (joined literals as one) matches `pattern`: test (2) of the
 * prefilter, stopping at the first match and building nothing else.
 */
export function someStringMatches(s: string, pattern: RegExp): boolean {
  let current = '';
  let found = false;
  walkSource(s, undefined, (i, end, qlen, joined) => {
    const content = unescape(s.slice(i + qlen, end));
    if (joined) current += content;
    else {
      if (current && pattern.test(current)) return (found = true);
      current = content;
    }
  });
  return found || (!!current && pattern.test(current));
}

/**
 * The text tree-sitter parses: comments replaced by spaces (offsets unchanged). tree-sitter-python's
 * scanner re-reads comment text on every line of a comment block, which is quadratic (3,000
 * comment lines: 2.3 s; as blank lines: under 1 ms). Comments matter only for suppressions,
 * which are read from the returned list.
 */
export function blankComments(text: string): { text: string; comments: { offset: number; text: string }[] } {
  const spans: number[] = [];
  walkSource(text, (i, j) => void spans.push(i, j), undefined);
  if (spans.length === 0) return { text, comments: [] };
  const parts: string[] = [];
  const comments: { offset: number; text: string }[] = [];
  let last = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const [a, b] = [spans[k], spans[k + 1]];
    parts.push(text.slice(last, a), ' '.repeat(b - a));
    comments.push({ offset: a, text: text.slice(a, b) });
    last = b;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), comments };
}

/** Source between two literals that concatenates them: spaces, `+`, parentheses, continuations, the next prefix. */
const GLUE = /^[\s+()\\]*[rRbBfFuUtT]{0,2}$/;

/**
 * Enough of Python's escape decoding that a name written with escapes is still seen: `\n` and
 * friends become separators (so "\npip" shows `pip` as a word), continuations vanish, and
 * \xHH, \ooo, \uXXXX become their characters.
 */
function unescape(t: string): string {
  if (!t.includes('\\')) return t;
  return t.replace(/\\(\r?\n|[ntrfv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g, (_, e: string) => {
    if (e[0] === '\r' || e[0] === '\n') return '';
    if (e.length === 1 && 'ntrfv'.includes(e)) return ' ';
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') {
      const cp = parseInt(e.slice(1), 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : ''; // CPython rejects these; so does a name
    }
    return String.fromCharCode(parseInt(e, 8));
  });
}

/**
 * Docstrings follow a block header (`def f():`, `class C:`) or open the module. Checking the
 * previous non-blank line for a trailing `:` avoids tracking bracket depth over the whole file.
 */
function followsBlockHeader(s: string, i: number): boolean {
  let end = s.lastIndexOf('\n', i - 1);
  while (end > 0) {
    const start = s.lastIndexOf('\n', end - 1) + 1;
    const line = s.slice(start, end).replace(/\r$/, '');
    if (/\S/.test(line) && !/^\s*#/.test(line)) return /:\s*(#[^'"]*)?$/.test(line);
    end = start - 1;
  }
  return true; // nothing but blank lines and comments before it: the module docstring
}

/** Index of the closing triple quote (or n). */
function tripleEnd(s: string, from: number, q: number): number {
  const quote = q === 34 ? '"""' : "'''";
  let j = from;
  for (;;) {
    const k = s.indexOf(quote, j);
    if (k < 0) return s.length;
    let bs = 0;
    while (s.charCodeAt(k - 1 - bs) === 92) bs++;
    if (bs % 2 === 0) return k;
    j = k + 1;
  }
}

/**
 * Index of the closing quote of an f-string. Inside a replacement field's expression a quote starts
 * a string of its own (PEP 701 allows the same quote; `f"{'[{'}"` holds a brace that is no field's),
 * skipped whole; after the field's top-level `:` the format spec is text again, where a quote is a
 * character (`f"{x:'^10}"`) and `{…}` a nested field. The f-strings and their fields are explicit
 * stacks: nesting is unbounded in hostile input (5,000 nested f-strings overflowed a recursion).
 */
function fStringEnd(s: string, from: number, q: number, triple: boolean): number {
  // Per open f-string: its quote, and per open field brackets open in its expression, or -1 once in its format spec.
  const strings: { q: number; triple: boolean; fields: number[] }[] = [{ q, triple, fields: [] }];
  for (let j = from; j < s.length; j++) {
    const str = strings[strings.length - 1];
    const fields = str.fields;
    const d = s.charCodeAt(j);
    const top = fields.length ? fields[fields.length - 1] : -1;
    if (d === 92) {
      j++;
    } else if (fields.length && top >= 0) {
      if (d === 39 || d === 34) {
        const three = s.charCodeAt(j + 1) === d && s.charCodeAt(j + 2) === d;
        if (isFStringPrefix(s, j)) {
          strings.push({ q: d, triple: three, fields: [] });
          if (three) j += 2;
        } else {
          const end = three ? tripleEnd(s, j + 3, d) : singleEnd(s, j + 1, d);
          if (end >= s.length) return s.length;
          j = three ? end + 2 : end;
        }
      } else if (d === 40 || d === 91 || d === 123) fields[fields.length - 1] = top + 1;
      else if (d === 41 || d === 93) fields[fields.length - 1] = Math.max(0, top - 1);
      else if (d === 125) {
        if (top > 0) fields[fields.length - 1] = top - 1;
        else fields.pop();
      } else if (d === 58 /* : */ && top === 0) fields[fields.length - 1] = -1;
      else if (d === 35 /* # */) j = commentEnd(s, j) - 1;
    } else if (d === 123 /* { */) {
      if (!fields.length && s.charCodeAt(j + 1) === 123) j++;
      else fields.push(0);
    } else if (d === 125 /* } */) {
      if (fields.length) fields.pop();
    } else if (!fields.length && d === str.q && (!str.triple || (s.charCodeAt(j + 1) === d && s.charCodeAt(j + 2) === d))) {
      if (strings.length === 1) return j;
      strings.pop();
      if (str.triple) j += 2;
    } else if (!fields.length && !str.triple && (d === 10 || d === 13)) {
      if (strings.length === 1) return j;
      // A nested one-line f-string unterminated at the line end: the line end is its field's again.
      strings.pop();
      j--;
    }
  }
  return s.length;
}

/** Index of the closing quote of a one-line string, or of the line end when unterminated. */
function singleEnd(s: string, from: number, q: number): number {
  for (let j = from; j < s.length; j++) {
    const d = s.charCodeAt(j);
    if (d === 92) j++;
    else if (d === q) return j;
    else if (d === 10 || d === 13) return j;
  }
  return s.length;
}

/** Only whitespace between the previous line break and `i`, and that line break not continued by a backslash. */
function startsLogicalLine(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9 || s.charCodeAt(j) === 12)) j--;
  if (j < 0) return true;
  if (s.charCodeAt(j) !== 10 && s.charCodeAt(j) !== 13) return false;
  let k = j - 1;
  if (s.charCodeAt(j) === 10 && s.charCodeAt(k) === 13) k--;
  return s.charCodeAt(k) !== 92;
}
