/**
 * Abstract values for resolving argv statically: strings as Words (literal text mapped back to the
 * source, plus sys.executable / PATH-lookup / unknown holes), lists, environment mappings, and
 * unions for values that differ by branch. Small on purpose: only what launching code uses.
 */
import type { Span } from '../../kernel/source.js';
import { concatWords, mergeText, type Fragment, type Word } from '../../kernel/word.js';
import { RUNNING_VERSION } from '../../judge/python-tools.js';

export type Value =
  | { k: 'str'; word: Word; /** the string literal node it came from, when it is one whole literal */ literal?: LiteralRef }
  | { k: 'list'; items: ListItem[]; span?: Span }
  /**
   * An environment mapping: PATH copied from os.environ (`inherited`), given by the code (`set`),
   * absent (`no`: the lookup uses os.defpath), or `unknown`.
   */
  | { k: 'env'; path: EnvPath; span?: Span }
  | { k: 'bool'; v: boolean }
  | { k: 'none' }
  | { k: 'func'; name: string; node: unknown }
  | { k: 'union'; options: Value[] }
  | { k: 'unknown'; span?: Span };

export type EnvPath = 'inherited' | 'set' | 'no' | 'unknown';

export type ListItem = { value: Value } | { splat: Value };

/** A string literal in the source that a fix may rewrite. */
export interface LiteralRef {
  span: Span;
  /** Span of the literal's content (between the quotes). */
  contentSpan: Span;
  prefix: string;
  quote: string;
  /** True when the literal's characters map 1:1 to its value (no escapes, no interpolation). */
  verbatim: boolean;
  /** The syntactic context (for precedence when splitting the literal). */
  parentType: string;
}

export const UNKNOWN: Value = { k: 'unknown' };
const MAX_OPTIONS = 16;

export function strValue(word: Word, literal?: LiteralRef): Value {
  return { k: 'str', word, literal };
}

export function fragmentValue(f: Fragment, span?: Span): Value {
  return { k: 'str', word: { fragments: [f], span } };
}

export function union(values: Value[]): Value {
  const out: Value[] = [];
  for (const v of values) {
    if (v.k === 'union') out.push(...v.options);
    else out.push(v);
  }
  if (out.length === 1) return out[0];
  if (out.length > MAX_OPTIONS) return { k: 'union', options: out.slice(0, MAX_OPTIONS) };
  return { k: 'union', options: out };
}

export function options(v: Value): Value[] {
  return v.k === 'union' ? v.options : [v];
}

/**
 * `f` of each combination of the values' options (`"python{0}".format(v)` with v "3" or ""), while
 * there are at most MAX_OPTIONS combinations; past that, `f` of the values as they are.
 */
export function mapEach(vs: Value[], f: (vs: Value[]) => Value): Value {
  let combos: Value[][] = [[]];
  for (const v of vs) {
    const opts = options(v);
    if (combos.length * opts.length > MAX_OPTIONS) return f(vs);
    combos = combos.flatMap((c) => opts.map((o) => [...c, o]));
  }
  return combos.length === 1 ? f(combos[0]) : union(combos.map(f));
}

/** Map over union options (each result may itself be a union). */
export function mapValue(v: Value, f: (v: Value) => Value): Value {
  return v.k === 'union' ? union(v.options.map(f)) : f(v);
}

/** The running interpreter's version (sys.version_info …): text known only at run time. */
export function runningVersion(span?: Span): Value {
  return fragmentValue({ kind: 'unknown', span, why: RUNNING_VERSION }, span);
}

export function unknownWord(span?: Span): Word {
  return { fragments: [{ kind: 'unknown', span }], span };
}

/** A value as one Word, when it is a string (unknown otherwise). */
export function asWord(v: Value, span?: Span): Word {
  if (v.k === 'str') return v.word;
  return unknownWord(span);
}

export function concatValues(a: Value, b: Value, span?: Span): Value {
  return mapValue(a, (x) =>
    mapValue(b, (y) => {
      if (x.k === 'str' && y.k === 'str') return strValue(concatWords(x.word, y.word));
      if (x.k === 'list' && y.k === 'list') return { k: 'list', items: [...x.items, ...y.items], span };
      if (x.k === 'list' && y.k === 'unknown') return { k: 'list', items: [...x.items, { splat: UNKNOWN }], span };
      if (x.k === 'unknown' && y.k === 'list') return { k: 'list', items: [{ splat: UNKNOWN }, ...y.items], span };
      if (x.k === 'str' || y.k === 'str') {
        return strValue({ fragments: mergeText([...asWord(x, span).fragments, ...asWord(y, span).fragments]), span });
      }
      return { k: 'unknown', span };
    }),
  );
}

/** Split a string value on whitespace into words (str.split() and, roughly, shlex.split()). */
export function splitWords(word: Word, shellLike: boolean): Word[] {
  const words: Word[] = [];
  let cur: Fragment[] = [];
  const flush = () => {
    const merged = mergeText(cur);
    if (merged.length) words.push({ fragments: merged });
    cur = [];
  };
  for (const f of word.fragments) {
    if (f.kind !== 'text') {
      cur.push(f);
      continue;
    }
    const t = f.text;
    let quote: string | undefined;
    let piece = '';
    let pieceOffsets: number[] = [];
    const pushPiece = () => {
      if (piece) cur.push({ kind: 'text', text: piece, offsets: f.offsets ? pieceOffsets : undefined });
      piece = '';
      pieceOffsets = [];
    };
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      const off = f.offsets?.[i] ?? -1;
      if (shellLike && (ch === '"' || ch === "'")) {
        if (!quote) {
          quote = ch;
          continue;
        }
        if (quote === ch) {
          quote = undefined;
          continue;
        }
      }
      if (!quote && /\s/.test(ch)) {
        pushPiece();
        flush();
        continue;
      }
      piece += ch;
      pieceOffsets.push(off);
    }
    pushPiece();
  }
  flush();
  return words;
}
