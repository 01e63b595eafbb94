/**
 * YAML helpers shared by the front ends that read YAML (GitHub Actions, GitLab CI): the `yaml`
 * library, loaded on first use, and the mapping of a scalar's value back to the file character by
 * character (block indentation stripped, folded `>` line joins mapped to the line break they
 * replace, quotes and escapes removed), so findings point at a command word's real position.
 */
import { createRequire } from 'node:module';
import type { Scalar } from 'yaml';
import { pushAll, type Char } from '../kernel/word-units.js';
import { within, YAML_NESTING } from '../kernel/budgets.js';

// Loaded on first use (synchronously, its CommonJS build): most runs see no YAML file, and
// importing the YAML library up front added ~50 ms to every start.
export type YamlLib = typeof import('yaml');
let yamlLib: YamlLib | undefined;
export const yaml = (): YamlLib => (yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib);

/**
 * Throws the file's `yaml-nesting-depth` problem when its flow collections nest deeper than the
 * budget, before the library reads it. A file with fewer brackets than the limit cannot: only
 * those are lexed (the library's lexer, so that brackets in quoted and block scalars do not count).
 */
export function checkYamlNesting(src: string): void {
  let brackets = 0;
  for (let i = 0; i < src.length && brackets <= YAML_NESTING.limit; i++) {
    const c = src.charCodeAt(i);
    if (c === 91 || c === 123) brackets++; // [ {
  }
  if (brackets <= YAML_NESTING.limit) return;
  let depth = 0;
  for (const token of new (yaml().Lexer)().lex(src)) {
    if (token === '[' || token === '{') within(YAML_NESTING, ++depth);
    else if ((token === ']' || token === '}') && depth > 0) depth--;
  }
}

/** A parse's result: one document, or a stream of them (with the stream's own errors when empty). */
type Parsed = { errors: { code: string; message: string; pos: [number, number] }[] };

/**
 * libyaml (PyYAML, so pre-commit; Ruby's Psych, so GitLab) reads a quoted scalar whose later lines
 * start at column 0 (`exclude: "^(\` … `)"` under a top-level key); the YAML 1.2 grammar, and so the
 * `yaml` library, wants those lines indented past their key. A text the library refuses for that
 * alone is read again with those lines indented to the opening quote's column (a quoted scalar's
 * leading spaces are folded away, so each value is the same), and every node's place is mapped back
 * to the file. `parse` is the library call (one document or all of them); any other error keeps the
 * first reading.
 */
export function parseLenient<T extends Parsed | Parsed[]>(src: string, parse: (text: string) => T): T {
  const first = parse(src);
  const errorsOf = (r: T): Parsed['errors'] =>
    Array.isArray(r) ? [...((r as unknown as Parsed).errors ?? []), ...r.flatMap((d) => d.errors)] : r.errors;
  const unclosed = (r: T) => errorsOf(r).filter((e) => e.code === 'MISSING_CHAR' && /quote/.test(e.message));
  // A real file has one or two such scalars; a text with many more is not read twice.
  const count = unclosed(first).length;
  if (count === 0 || count > 64) return first;
  const inserts: { at: number; n: number }[] = [];
  const done = new Set<number>();
  // Where each insertion starts in the padded text, and the spaces inserted before it.
  let starts: number[] = [];
  let before: number[] = [];
  const toOriginal = (p: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= p) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return p;
    const i = lo - 1;
    const at = inserts[i].at;
    return p < starts[i] + inserts[i].n ? at : p - before[i] - inserts[i].n;
  };
  let result = first;
  const lib = yaml();
  const docsOf = (r: T) => (Array.isArray(r) ? r : [r]) as unknown as Parameters<YamlLib['visit']>[0][];
  /** The opening quote (in `src`) of each quoted scalar an unclosed-quote error ends. */
  const openingQuotes = (r: T): number[] => {
    const ends = unclosed(r).map((e) => e.pos[0]);
    const out: number[] = [];
    for (const d of docsOf(r))
      lib.visit(d, {
        Scalar: (_k, n) => {
          const [a, , c] = n.range ?? [0, 0, 0];
          if ((n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && ends.some((e) => a <= e && e <= c)) out.push(toOriginal(a));
        },
      });
    return out;
  };
  for (let round = 0; round < 8; round++) {
    const quotes = openingQuotes(result).filter((q) => !done.has(q));
    if (quotes.length === 0) break;
    for (const q of quotes) {
      done.add(q);
      const added = padQuoted(src, q);
      if (added === undefined) return first;
      inserts.push(...added);
    }
    inserts.sort((a, b) => a.at - b.at);
    starts = [];
    before = [];
    const parts: string[] = [];
    let k = 0;
    let shift = 0;
    for (const i of inserts) {
      starts.push(i.at + shift);
      before.push(shift);
      parts.push(src.slice(k, i.at), ' '.repeat(i.n));
      k = i.at;
      shift += i.n;
    }
    const text = parts.join('');
    result = parse(text + src.slice(k));
  }
  if (inserts.length === 0 || errorsOf(result).length >= errorsOf(first).length) return first;
  for (const d of docsOf(result)) {
    const doc = d as unknown as { range?: number[] };
    if (doc.range) doc.range = doc.range.map(toOriginal);
    lib.visit(d, {
      Node: (_k, n) => {
        if (n.range) n.range = n.range.map(toOriginal) as typeof n.range;
      },
    });
  }
  for (const e of errorsOf(result)) e.pos = [toOriginal(e.pos[0]), toOriginal(e.pos[1])];
  return result;
}

/**
 * The spaces that indent a quoted scalar's later lines (from the quote at `q` to its closing quote)
 * to the quote's column, as insertions into `src`; undefined when the quote is not closed, or a
 * line would be a document marker, which no reader takes as text.
 */
function padQuoted(src: string, q: number): { at: number; n: number }[] | undefined {
  const quote = src[q];
  if (quote !== '"' && quote !== "'") return undefined;
  const column = q - (src.lastIndexOf('\n', q - 1) + 1);
  const out: { at: number; n: number }[] = [];
  for (let i = q + 1; i < src.length; i++) {
    const c = src[i];
    if (quote === '"' && c === '\\') {
      if (src[i + 1] !== '\n' && src[i + 1] !== '\r') i++; // an escaped line break still starts a line
    } else if (c === quote) {
      if (quote === "'" && src[i + 1] === "'") i++;
      else return out;
    } else if (c === '\n') {
      let j = i + 1;
      while (src[j] === ' ') j++;
      if (src.startsWith('---', i + 1) || src.startsWith('...', i + 1)) return undefined;
      if (j - (i + 1) < column && src[j] !== '\n' && src[j] !== '\r') out.push({ at: i + 1, n: column - (j - (i + 1)) });
    }
  }
  return undefined;
}

/** The library's node type guards, usable before the library is loaded (they load it). */
/**
 * A parse's errors that leave the file not fully read. One is left out: a comment right after a
 * flow collection or a quoted scalar (`os: [ubuntu, macos]#,windows]`), which YAML 1.2 wants
 * separated by a blank. The library reads it as a comment, as PyYAML and GitHub's own parser do
 * (fastcore's CI matrix runs as written), so the document is the one the CI reads.
 */
export function yamlErrors<E extends { code: string; message: string }>(errors: readonly E[]): E[] {
  return errors.filter((e) => !(e.code === 'MISSING_CHAR' && e.message.startsWith('Comments must be separated from other tokens by white space')));
}

export const isAlias = ((n: unknown) => yaml().isAlias(n)) as YamlLib['isAlias'];
export const isMap = ((n: unknown) => yaml().isMap(n)) as YamlLib['isMap'];
export const isScalar = ((n: unknown) => yaml().isScalar(n)) as YamlLib['isScalar'];
export const isSeq = ((n: unknown) => yaml().isSeq(n)) as YamlLib['isSeq'];

/** A plain YAML mapping's value for `key` (no aliases or merges followed), or undefined. */
export const mapValue = (m: unknown, key: string): unknown => (isMap(m) ? m.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.value : undefined);
/** A scalar's value as text (null and collections: undefined). */
export const scalarText = (n: unknown): string | undefined => (isScalar(n) && n.value !== null && typeof n.value !== 'object' ? String(n.value) : undefined);

export type { Char } from '../kernel/word-units.js';

/**
 * Every alias of a document resolved in one walk: an alias names the last node before it with that
 * anchor. (The library's `Alias.resolve(doc)` walks the whole document for each alias it resolves,
 * which made a file of many aliases quadratic.)
 */
export function aliasTargets(doc: object): (alias: unknown) => unknown {
  const targets = new Map<unknown, unknown>();
  const last = new Map<string, unknown>();
  const lib = yaml();
  lib.visit(doc as Parameters<YamlLib['visit']>[0], {
    Node: (_key, node) => {
      if (lib.isAlias(node)) targets.set(node, last.get(node.source));
      else if ((lib.isScalar(node) || lib.isCollection(node)) && node.anchor) last.set(node.anchor, node);
    },
  });
  return (alias) => targets.get(alias);
}

export const charsText = (cs: readonly Char[]): string => cs.map((c) => c.ch).join('');

/**
 * A CI system's templates, filled in before the shell sees the script (Actions `${{ }}`, GitLab
 * `$[[ ]]`, CircleCI `<< >>`): `cs` with each match of the global `re` (whose text holds `hint`)
 * replaced by `value(match)`'s text, whose characters take the match's first offset when `at` (a
 * placeholder reported where the template was), or none (-1).
 */
export function replaceChars(cs: Char[], re: RegExp, hint: string, value: (m: RegExpMatchArray, text: string) => { text: string; at: boolean }): Char[] {
  const s = charsText(cs);
  if (!s.includes(hint)) return cs;
  const out: Char[] = [];
  let k = 0;
  for (const m of s.matchAll(re)) {
    pushAll(out, cs.slice(k, m.index));
    const { text, at } = value(m, s);
    const off = at ? cs[m.index!].off : -1;
    for (const ch of text) out.push({ ch, off });
    k = m.index! + m[0].length;
  }
  pushAll(out, cs.slice(k));
  return out;
}

/** Whether offset `at` of a script is inside an arithmetic expansion or command opened earlier on its line. */
export function inArithmetic(s: string, at: number): boolean {
  const line = s.slice(s.lastIndexOf('\n', at - 1) + 1, at);
  return (line.match(/\(\(/g)?.length ?? 0) > (line.match(/\)\)/g)?.length ?? 0);
}

function splitLines(src: string, from: number, to: number): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (let s = from; s < to; ) {
    let e = src.indexOf('\n', s);
    if (e < 0 || e > to) e = to;
    let t = src.slice(s, e);
    if (t.endsWith('\r')) t = t.slice(0, -1);
    out.push({ start: s, text: t });
    s = e + 1;
  }
  return out;
}

/** `|` / `>` block scalars: indentation stripped; folded line breaks become spaces mapped to the break. */
function blockChars(src: string, start: number, end: number): Char[] {
  const header = /^[|>][-+]?[1-9]?[-+]?/.exec(src.slice(start, start + 5))?.[0] ?? '|';
  const folded = header.startsWith('>');
  const nl = src.indexOf('\n', start);
  if (nl < 0 || nl >= end) return [];
  const lines = splitLines(src, nl + 1, end);
  let indent = -1;
  for (const l of lines) {
    if (l.text.trim() !== '') {
      indent = l.text.length - l.text.trimStart().length;
      break;
    }
  }
  if (indent < 0) return [];
  const out: Char[] = [];
  const body = (l: { start: number; text: string }): Char[] => {
    const r: Char[] = [];
    for (let k = indent; k < l.text.length; k++) r.push({ ch: l.text[k], off: l.start + k });
    return r;
  };
  const isEmpty = (l: { text: string }) => l.text.trim() === '' && l.text.length <= indent;
  if (!folded) {
    lines.forEach((l, i) => {
      if (i > 0) out.push({ ch: '\n', off: lines[i - 1].start + lines[i - 1].text.length });
      if (!isEmpty(l)) pushAll(out, body(l));
    });
    return out;
  }
  let prev: { start: number; text: string; more: boolean } | undefined;
  let empties = 0;
  for (const l of lines) {
    if (isEmpty(l)) {
      if (prev) empties++;
      continue;
    }
    const b = body(l);
    const more = /^[ \t]/.test(l.text.slice(indent));
    if (prev) {
      const breakOff = prev.start + prev.text.length;
      if (prev.more || more) out.push({ ch: '\n', off: breakOff });
      else if (empties === 0) out.push({ ch: ' ', off: breakOff });
      for (let e = 0; e < empties; e++) out.push({ ch: '\n', off: breakOff });
    }
    pushAll(out, b);
    prev = { ...l, more };
    empties = 0;
  }
  return out;
}

/** Plain and quoted flow scalars: quotes, escapes and line folding removed. */
function flowChars(src: string, start: number, end: number, quote: '' | "'" | '"'): Char[] {
  const from = quote ? start + 1 : start;
  const to = quote ? end - 1 : end;
  const out: Char[] = [];
  const simple: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', ' ': ' ', '0': '\0', r: '\r', b: '\b', e: '\x1b' };
  for (let k = from; k < to; k++) {
    const c = src[k];
    if (c === '\r' || c === '\n') {
      // A line break: trailing white space before it and leading white space after it go.
      while (out.length && (out[out.length - 1].ch === ' ' || out[out.length - 1].ch === '\t') && out[out.length - 1].off >= 0 && /[ \t]/.test(src[out[out.length - 1].off])) out.pop();
      const breakOff = k;
      let empties = 0;
      let j = k;
      for (;;) {
        if (src[j] === '\r') j++;
        if (src[j] !== '\n') break;
        j++;
        while (j < to && (src[j] === ' ' || src[j] === '\t')) j++;
        if (src[j] === '\n' || src[j] === '\r') empties++;
        else break;
      }
      if (empties === 0) out.push({ ch: ' ', off: breakOff });
      for (let e = 0; e < empties; e++) out.push({ ch: '\n', off: breakOff });
      k = j - 1;
      continue;
    }
    if (quote === "'" && c === "'" && src[k + 1] === "'") {
      out.push({ ch: "'", off: k });
      k++;
      continue;
    }
    if (quote === '"' && c === '\\') {
      const n = src[k + 1];
      if (n === '\n' || n === '\r') {
        // Escaped line break: joined without a space.
        let j = k + 1;
        if (src[j] === '\r') j++;
        j++;
        while (j < to && (src[j] === ' ' || src[j] === '\t')) j++;
        k = j - 1;
        continue;
      }
      if (n !== undefined && n in simple) {
        out.push({ ch: simple[n], off: k });
        k++;
        continue;
      }
      return []; // \x, \u …: rare in scripts; the caller falls back
    }
    out.push({ ch: c, off: k });
  }
  if (!quote) while (out.length && /[ \t]/.test(out[out.length - 1].ch)) out.pop();
  return out;
}

/**
 * The scalar's value, each character with its offset in the file (-1 when it cannot be mapped).
 * The mapping is checked against the value the YAML parser computed; on any difference the value
 * is used unmapped, so positions may degrade but meaning never does.
 */
export function scalarChars(src: string, node: Scalar): Char[] {
  const value = String(node.value ?? '');
  const [start, end] = node.range ?? [0, 0];
  let mine: Char[] = [];
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') mine = blockChars(src, start, end);
  else if (node.type === 'QUOTE_SINGLE') mine = flowChars(src, start, end, "'");
  else if (node.type === 'QUOTE_DOUBLE') mine = flowChars(src, start, end, '"');
  else mine = flowChars(src, start, end, '');
  const strip = (s: string) => s.replace(/\n+$/, '');
  if (strip(charsText(mine)) === strip(value)) return mine;
  return [...value].map((ch) => ({ ch, off: -1 }));
}
