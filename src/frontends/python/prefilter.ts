/**
 * A lexical prefilter: can this file hold an escape at all? Every finding needs (1) a launch API
 * named in code (not in a comment or string) and (2) a Python tool's name inside a string literal
 * that is not a docstring — because argv is only resolved from literals of the same module.
 * One linear scan, no parsing; the tests check that it never drops a file the full check flags.
 */

const API_WORDS =
  /\b(?:subprocess|system|popen[234]?|spawn|spawn[lv]p?e?|posix_spawnp?|exec[lv]p?e?|create_subprocess_(?:exec|shell)|getoutput|getstatusoutput|set_executable|which|find_executable|Popen)\b/;

export class Prefilter {
  constructor(private readonly toolInString: RegExp) {}

  /** True when the file may contain an escape and must be analysed. */
  mayContainEscape(text: string): boolean {
    const { code, strings } = splitCodeAndStrings(text);
    return API_WORDS.test(code) && this.toolInString.test(strings);
  }
}

/**
 * Splits Python source into code text and the contents of string literals that are not
 * docstring-like (a triple-quoted string alone at the start of a logical line, outside brackets).
 * Comments are dropped. Tolerant of broken input: an unterminated string runs to its line end
 * (single quotes) or to the end of the file (triple quotes). Jumps between interesting characters
 * with native regex search instead of visiting every character.
 */
export function splitCodeAndStrings(s: string): { code: string; strings: string } {
  const code: string[] = [];
  const strings: string[] = [];
  const n = s.length;
  const interesting = /[#'"()[\]{}]/g;
  let last = 0;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = interesting.exec(s))) {
    const i = m.index;
    const c = s.charCodeAt(i);
    if (c === 35 /* # */) {
      code.push(s.slice(last, i));
      let j = s.indexOf('\n', i);
      if (j < 0) j = n;
      interesting.lastIndex = last = j;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      code.push(s.slice(last, i));
      const triple = s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === c;
      // PEP 701: inside an f-string's {…}, the same quote may start a nested string.
      const fString = /[fFtT][rRbB]?$|[rRbB][fFtT]$/.test(s.slice(Math.max(0, i - 2), i));
      const end = fString ? fStringEnd(s, i + (triple ? 3 : 1), c, triple) : triple ? tripleEnd(s, i + 3, c) : singleEnd(s, i + 1, c);
      const qlen = triple ? 3 : 1;
      if (!(triple && depth === 0 && startsLogicalLine(s, i))) strings.push(s.slice(i + qlen, Math.min(end, n)));
      interesting.lastIndex = last = Math.min(n, end + qlen);
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (depth > 0) depth--;
  }
  code.push(s.slice(last));
  return { code: code.join(''), strings: strings.join('\n') };
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

/** Index of the closing quote of an f-string, skipping quotes inside replacement fields. */
function fStringEnd(s: string, from: number, q: number, triple: boolean): number {
  let depth = 0;
  for (let j = from; j < s.length; j++) {
    const d = s.charCodeAt(j);
    if (d === 92) j++;
    else if (d === 123 /* { */) {
      if (depth === 0 && s.charCodeAt(j + 1) === 123) j++;
      else depth++;
    } else if (d === 125 /* } */) {
      if (depth > 0) depth--;
    } else if (d === q && depth === 0 && (!triple || (s.charCodeAt(j + 1) === q && s.charCodeAt(j + 2) === q))) return j;
    else if (!triple && depth === 0 && (d === 10 || d === 13)) return j;
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
