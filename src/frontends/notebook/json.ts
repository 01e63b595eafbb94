/**
 * A JSON reader that keeps positions: every value with its span in the text, and strings decoded
 * on demand with the source offsets of each decoded UTF-16 unit (an escape `\n`, `\"`, `\u00e9`
 * is one unit whose source is the whole escape). Notebooks are JSON; their cells' code is in JSON
 * strings, and findings and fixes must point at the bytes of the `.ipynb` file.
 *
 * A reader can ask for only part of the tree (`Want`): the rest is checked to be JSON and kept as
 * its span, never built, so that 10 MB of outputs or of cells over the budget cost no memory.
 */

export type JsonValue =
  | { kind: 'object'; start: number; end: number; entries: [string, JsonValue][] }
  | { kind: 'array'; start: number; end: number; items: JsonValue[] }
  | JsonString
  | { kind: 'number' | 'literal'; start: number; end: number; text: string }
  /** An array of strings only, read with `Want` 'strings': each item's [start, end) as two numbers. */
  | { kind: 'strings'; start: number; end: number; spans: Int32Array }
  /** A value read as JSON but not built (`Want` 'skip'): what it is, and an array's number of items. */
  | { kind: 'skipped'; start: number; end: number; of: 'object' | 'array' | 'string' | 'number' | 'literal'; items: number };

/** A string token: [start, end) covers its quotes. */
export interface JsonString {
  kind: 'string';
  start: number;
  end: number;
}

/**
 * What of a value to build: all of it; nothing (checked, kept as a 'skipped' span); of an object
 * only the members named (the others checked and dropped); of an array each item as `items` says;
 * `strings`: a string, or an array of strings kept as their spans in one typed array (2.5 million
 * empty list elements as an object each took 289 MiB), any other array skipped.
 * A want for an object or array met on a value of another type builds a scalar and skips a container.
 */
export type Want = 'all' | 'skip' | 'strings' | { members: Record<string, Want> } | { items: Want };

/** A run of string characters that are neither a quote, a backslash nor a control character. */
const PLAIN = /[^"\\\u0000-\u001f]*/y;

export class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Nesting beyond this is refused (the reader recurses; a notebook nests 6 levels or so). */
const MAX_DEPTH = 512;

/** The whole text as one JSON value, built as `want` asks (all of it by default). */
export function parseJson(text: string, want: Want = 'all'): JsonValue {
  return new Reader(text).whole(want);
}

/** The JSON value at `start` (a span an earlier reading kept, e.g. a skipped one), built as `want` asks. */
export function parseJsonAt(text: string, start: number, want: Want = 'all'): JsonValue {
  return new Reader(text, start).value(0, want);
}

class Reader {
  private readonly n: number;

  constructor(
    private readonly text: string,
    private i = 0,
  ) {
    this.n = text.length;
  }

  whole(want: Want): JsonValue {
    const v = this.value(0, want);
    this.ws();
    if (this.i < this.n) this.fail('expected the end of the file');
    return v;
  }

  private ws(): void {
    const { text, n } = this;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  private fail(what: string): never {
    const { text, n, i } = this;
    throw new JsonError(i >= n ? `unexpected end of the file, ${what}` : `unexpected ${JSON.stringify(text[i])}, ${what}`, Math.min(i, n));
  }

  /** Reads a string token; returns its start (its end is this.i). */
  private str(): number {
    const { text, n } = this;
    const start = this.i++;
    while (this.i < n) {
      // Characters that need no look, skipped by the regex engine (a notebook's base64 images are megabytes of them).
      PLAIN.lastIndex = this.i;
      PLAIN.test(text);
      this.i = PLAIN.lastIndex;
      if (this.i >= n) break;
      const c = text.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return start;
      }
      if (c === 92) {
        const e = text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) {
            this.i += 2;
            this.fail('expected four hex digits after \\u');
          }
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else {
          this.i++;
          this.fail('not a JSON string escape');
        }
      } else if (c < 32) this.fail('a control character inside a string');
      else this.i++;
    }
    return this.fail('expected the end of a string');
  }

  /** The items of the array at this.i, each read by `item` (which starts at the item's first character); returns their number. */
  private list(item: () => void): number {
    const { text } = this;
    this.i++;
    let count = 0;
    this.ws();
    if (text[this.i] === ']') {
      this.i++;
      return count;
    }
    for (;;) {
      this.ws();
      item();
      count++;
      this.ws();
      if (text[this.i] === ',') {
        this.i++;
        continue;
      }
      if (text[this.i] === ']') {
        this.i++;
        return count;
      }
      this.fail('expected "," or "]"');
    }
  }

  /** An array read with `Want` 'strings'. */
  private strings(depth: number, start: number): JsonValue {
    let spans = new Int32Array(16);
    let n = 0;
    let only = true;
    const items = this.list(() => {
      if (only && this.text[this.i] === '"') {
        const s = this.str();
        if (n + 2 > spans.length) {
          const more = new Int32Array(spans.length * 2);
          more.set(spans);
          spans = more;
        }
        spans[n++] = s;
        spans[n++] = this.i;
      } else {
        only = false;
        this.value(depth + 1, 'skip');
      }
    });
    return only ? { kind: 'strings', start, end: this.i, spans: spans.slice(0, n) } : { kind: 'skipped', start, end: this.i, of: 'array', items };
  }

  value(depth: number, want: Want): JsonValue {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    this.ws();
    const { text } = this;
    const c = text[this.i];
    const start = this.i;
    const skip = want === 'skip';
    if (c === '{') {
      const members = typeof want === 'object' && 'members' in want ? want.members : undefined;
      const keep = want === 'all' || members !== undefined;
      this.i++;
      const entries: [string, JsonValue][] = [];
      const done = (): JsonValue => (keep ? { kind: 'object', start, end: this.i, entries } : { kind: 'skipped', start, end: this.i, of: 'object', items: 0 });
      this.ws();
      if (text[this.i] === '}') {
        this.i++;
        return done();
      }
      for (;;) {
        this.ws();
        if (text[this.i] !== '"') this.fail('expected a key');
        const k = this.str();
        const kEnd = this.i;
        this.ws();
        if (text[this.i] !== ':') this.fail('expected ":"');
        this.i++;
        if (!keep) this.value(depth + 1, 'skip');
        else {
          const key = decodeText(text, { kind: 'string', start: k, end: kEnd });
          if (members === undefined) entries.push([key, this.value(depth + 1, 'all')]);
          else {
            const w = Object.prototype.hasOwnProperty.call(members, key) ? members[key] : undefined;
            if (w === undefined) this.value(depth + 1, 'skip');
            else entries.push([key, this.value(depth + 1, w)]);
          }
        }
        this.ws();
        if (text[this.i] === ',') {
          this.i++;
          continue;
        }
        if (text[this.i] === '}') {
          this.i++;
          return done();
        }
        this.fail('expected "," or "}"');
      }
    }
    if (c === '[' && want === 'strings') return this.strings(depth, start);
    if (c === '[') {
      const itemWant: Want | undefined = want === 'all' ? 'all' : typeof want === 'object' && 'items' in want ? want.items : undefined;
      const items: JsonValue[] = [];
      const count = this.list(() => {
        if (itemWant === undefined) this.value(depth + 1, 'skip');
        else items.push(this.value(depth + 1, itemWant));
      });
      return itemWant !== undefined ? { kind: 'array', start, end: this.i, items } : { kind: 'skipped', start, end: this.i, of: 'array', items: count };
    }
    if (c === '"') {
      this.str();
      return skip ? { kind: 'skipped', start, end: this.i, of: 'string', items: 0 } : { kind: 'string', start, end: this.i };
    }
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = this.i;
    const r = m.exec(text);
    if (!r) return this.fail('expected a value');
    this.i += r[0].length;
    const kind = /^[tfn]/.test(r[0]) ? 'literal' : 'number';
    return skip ? { kind: 'skipped', start, end: this.i, of: kind, items: 0 } : { kind, start, end: this.i, text: r[0] };
  }
}

export interface DecodedString {
  text: string;
  /** Source offset where each UTF-16 unit of `text` is written (an escape's backslash). */
  starts: Int32Array;
  /** Source offset just after each unit's writing. */
  ends: Int32Array;
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The number of UTF-16 units the string token [start, end) (already checked by parseJson) decodes to, without decoding it. */
export function decodedLength(text: string, start: number, stop: number): number {
  const end = stop - 1;
  let units = 0;
  for (let i = start + 1; i < end; units++) {
    if (text.charCodeAt(i) !== 92) i++;
    else i += text[i + 1] === 'u' ? 6 : 2;
  }
  return units;
}

/** A string token (already checked by parseJson) decoded, with each unit's place in the source. */
export function decodeString(text: string, s: JsonString): DecodedString {
  const units = decodedLength(text, s.start, s.end);
  const starts = new Int32Array(units);
  const ends = new Int32Array(units);
  return { text: decodeInto(text, s.start, s.end, starts, ends, 0), starts, ends };
}

/**
 * The string token [start, stop) (already checked by parseJson) decoded: its text, each unit's place
 * in the source written into `starts` and `ends` from index `at` (room for decodedLength units).
 */
export function decodeInto(text: string, start: number, stop: number, starts: Int32Array, ends: Int32Array, at: number): string {
  const parts: string[] = [];
  let i = start + 1;
  const end = stop - 1;
  let u = at;
  let run = i;
  while (i < end) {
    if (text.charCodeAt(i) !== 92) {
      starts[u] = i;
      ends[u++] = ++i;
      continue;
    }
    if (run < i) parts.push(text.slice(run, i));
    const e = text[i + 1];
    starts[u] = i;
    if (e === 'u') {
      parts.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
      i += 6;
    } else {
      parts.push(SIMPLE[e]);
      i += 2;
    }
    ends[u++] = i;
    run = i;
  }
  if (run === start + 1) return text.slice(run, end);
  if (run < end) parts.push(text.slice(run, end));
  return parts.join('');
}

/** A string token's text (already checked by parseJson), without the offsets. */
export function decodeText(text: string, s: JsonString): string {
  const inner = text.slice(s.start + 1, s.end - 1);
  return inner.includes('\\') ? decodeString(text, s).text : inner;
}

/** A JSON object's member by key (the last one, as JSON.parse keeps). */
export function member(v: JsonValue | undefined, key: string): JsonValue | undefined {
  if (v?.kind !== 'object') return undefined;
  for (let k = v.entries.length - 1; k >= 0; k--) if (v.entries[k][0] === key) return v.entries[k][1];
  return undefined;
}

/**
 * Text written as the content of a JSON string: what JSON.stringify escapes (quotes, backslashes,
 * control characters), nothing more, so the rest of a fix's text reads as written.
 */
export function jsonStringContent(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}
