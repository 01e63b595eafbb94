/**
 * A JSON reader that keeps positions: every value with its span in the text, and strings decoded
 * on demand with the source offsets of each decoded UTF-16 unit (an escape `\n`, `\"`, `\u00e9`
 * is one unit whose source is the whole escape). Notebooks are JSON; their cells' code is in JSON
 * strings, and findings and fixes must point at the bytes of the `.ipynb` file.
 */

export type JsonValue =
  | { kind: 'object'; start: number; end: number; entries: [string, JsonValue][] }
  | { kind: 'array'; start: number; end: number; items: JsonValue[] }
  | JsonString
  | { kind: 'number' | 'literal'; start: number; end: number; text: string };

/** A string token: [start, end) covers its quotes. */
export interface JsonString {
  kind: 'string';
  start: number;
  end: number;
}

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

export function parseJson(text: string): JsonValue {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const fail = (what: string): never => {
    throw new JsonError(i >= n ? `unexpected end of the file, ${what}` : `unexpected ${JSON.stringify(text[i])}, ${what}`, Math.min(i, n));
  };
  const str = (): JsonString => {
    const start = i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) return { kind: 'string', start, end: ++i };
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail('expected four hex digits after \\u');
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail('not a JSON string escape');
        }
      } else if (c < 32) fail('a control character inside a string');
      else i++;
    }
    return fail('expected the end of a string');
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    ws();
    const c = text[i];
    const start = i;
    if (c === '{') {
      i++;
      const entries: [string, JsonValue][] = [];
      ws();
      if (text[i] === '}') return { kind: 'object', start, end: ++i, entries };
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        entries.push([decodeString(text, k).text, value(depth + 1)]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return { kind: 'object', start, end: ++i, entries };
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonValue[] = [];
      ws();
      if (text[i] === ']') return { kind: 'array', start, end: ++i, items };
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return { kind: 'array', start, end: ++i, items };
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = i;
    const r = m.exec(text);
    if (!r) return fail('expected a value');
    i += r[0].length;
    return { kind: /^[tfn]/.test(r[0]) ? 'literal' : 'number', start, end: i, text: r[0] };
  };
  const v = value(0);
  ws();
  if (i < n) fail('expected the end of the file');
  return v;
}

export interface DecodedString {
  text: string;
  /** Source offset where each UTF-16 unit of `text` is written (an escape's backslash). */
  starts: number[];
  /** Source offset just after each unit's writing. */
  ends: number[];
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A string token (already checked by parseJson) decoded, with each unit's place in the source. */
export function decodeString(text: string, s: JsonString): DecodedString {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = s.start + 1;
  const end = s.end - 1;
  while (i < end) {
    const c = text[i];
    if (c !== '\\') {
      out.push(c);
      starts.push(i);
      ends.push(++i);
      continue;
    }
    const e = text[i + 1];
    if (e === 'u') {
      out.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
      starts.push(i);
      ends.push((i += 6));
    } else {
      out.push(SIMPLE[e]);
      starts.push(i);
      ends.push((i += 2));
    }
  }
  return { text: out.join(''), starts, ends };
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
