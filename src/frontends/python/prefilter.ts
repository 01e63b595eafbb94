/**
 * A lexical prefilter: can this file hold an escape at all? Every finding needs (1) a launch API
 * named in code (not in a comment or string) and (2) a Python tool's name inside a string literal
 * that is not a docstring — because argv is only resolved from literals of the same module.
 * One linear scan, no parsing; the tests check that it never drops a file the full check flags.
 */

const API_WORDS =
  /\b(?:subprocess|system|popen[234]?|spawn[lv]p?e?|posix_spawnp?|exec[lv]p?e?|create_subprocess_(?:exec|shell)|getoutput|getstatusoutput|set_executable|which|find_executable|Popen)\b/;

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
 * docstring-like (a triple-quoted string starting a logical line at bracket depth 0).
 * Comments are dropped. Tolerant of broken input: an unterminated string runs to its line end
 * (single quotes) or to the end of the file (triple quotes).
 */
export function splitCodeAndStrings(s: string): { code: string; strings: string } {
  const code: string[] = [];
  const strings: string[] = [];
  const n = s.length;
  let i = 0;
  let last = 0;
  let depth = 0;
  let atLogicalLineStart = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 35 /* # */) {
      code.push(s.slice(last, i));
      let j = s.indexOf('\n', i);
      if (j < 0) j = n;
      i = last = j;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      code.push(s.slice(last, i));
      const triple = s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === c;
      const qlen = triple ? 3 : 1;
      let j = i + qlen;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 92 /* \ */) {
          j += 2;
          continue;
        }
        if (d === c && (!triple || (s.charCodeAt(j + 1) === c && s.charCodeAt(j + 2) === c))) break;
        if (!triple && (d === 10 || d === 13)) break;
        j++;
      }
      if (!(triple && atLogicalLineStart && depth === 0)) strings.push(s.slice(i + qlen, Math.min(j, n)));
      i = last = Math.min(n, j + qlen);
      atLogicalLineStart = false;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    if (c === 10) {
      // A backslash-continued line does not start a new logical line.
      if (!(i > 0 && s.charCodeAt(i - 1) === 92) && !(i > 1 && s.charCodeAt(i - 1) === 13 && s.charCodeAt(i - 2) === 92)) atLogicalLineStart = true;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 12) {
      atLogicalLineStart = false;
    }
    i++;
  }
  code.push(s.slice(last));
  return { code: code.join(''), strings: strings.join('\n') };
}
