/**
 * Reading a Dockerfile: parser directives, comments, escape-character continuations, heredocs
 * and the JSON exec form, every character mapped to its offset in the file; and the small
 * grammars inside instructions (`K=V` pairs, quote removal, `--flag=value`, `$VAR` expansion).
 * Our own reader: the JS Dockerfile parsers on npm either drop positions after joining
 * continuations or are unmaintained, and the shell inside RUN goes to the shared shell model.
 */
import { DOCKERFILE_RUN_CHARS, within } from '../../kernel/budgets.js';
import { splitLines, type Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';
import { type Char, pushAll, type Unit, unitsToWord } from '../../kernel/word-units.js';

const KNOWN = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);


export interface Instruction {
  keyword: string;
  /**
   * Arguments after the keyword, continuations removed, each character mapped to the file. Made
   * afresh on each read from a packed copy (text and offsets): an object per character of every
   * instruction, held for the whole analysis, was 90 MiB for a 1.9 MB Dockerfile of RUN lines.
   */
  readonly args: Char[];
  /** Heredoc bodies, in order (the lines between the marker line and the delimiter); `body` is made afresh like `args`. */
  heredocs: { delimiter: string; readonly body: Char[] }[];
  span: Span;
  firstLine: number;
  lastLine: number;
}

export interface ParsedDockerfile {
  instructions: Instruction[];
  comments: { offset: number; text: string }[];
  problems: { message: string; offset: number }[];
  escape: string;
}

/** Splits the file into instructions (directives, comments, continuations, heredocs). */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = splitLines(text);
  const out: ParsedDockerfile = { instructions: [], comments: [], problems: [], escape: '\\' };
  let i = 0;
  // Parser directives: `# name=value` lines at the very top only.
  for (; i < lines.length; i++) {
    const m = /^\s*#\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\S*)\s*$/.exec(lines[i].text);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) out.escape = m[2];
  }
  const esc = out.escape;
  const isComment = (t: string) => /^\s*#/.test(t);
  const chars = (ln: { start: number; text: string }, from = 0, to = ln.text.length): Char[] => {
    const r: Char[] = [];
    for (let k = from; k < to; k++) r.push({ ch: ln.text[k], off: ln.start + k });
    return r;
  };
  while (i < lines.length) {
    const ln = lines[i];
    if (/^\s*$/.test(ln.text)) {
      i++;
      continue;
    }
    if (isComment(ln.text)) {
      out.comments.push({ offset: ln.start + ln.text.indexOf('#'), text: ln.text.trim() });
      i++;
      continue;
    }
    const firstLine = i + 1;
    const logical: Char[] = [];
    let cur = ln;
    for (;;) {
      const trimmed = cur.text.replace(/\s+$/, '');
      // Read character by character below: over the budget, the file is too complex (before the work).
      within(DOCKERFILE_RUN_CHARS, logical.length + cur.text.length);
      if (trimmed.endsWith(esc)) {
        pushAll(logical, chars(cur, 0, trimmed.length - 1));
        i++;
        // Comment and empty lines inside a continuation are removed (Dockerfile reference).
        while (i < lines.length && (isComment(lines[i].text) || /^\s*$/.test(lines[i].text))) {
          if (isComment(lines[i].text)) out.comments.push({ offset: lines[i].start + lines[i].text.indexOf('#'), text: lines[i].text.trim() });
          i++;
        }
        if (i >= lines.length) break;
        cur = lines[i];
        continue;
      }
      pushAll(logical, chars(cur));
      i++;
      break;
    }
    let lastLine = Math.min(i, lines.length);
    let k = 0;
    while (k < logical.length && /\s/.test(logical[k].ch)) k++;
    const kwStart = k;
    while (k < logical.length && !/\s/.test(logical[k].ch)) k++;
    const keyword = logical.slice(kwStart, k).map((c) => c.ch).join('').toUpperCase();
    while (k < logical.length && /\s/.test(logical[k].ch)) k++;
    const args = logical.slice(k);
    const heredocs: Instruction['heredocs'] = [];
    const argText = args.map((c) => c.ch).join('');
    if ((keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') && !argText.trimStart().startsWith('[')) {
      const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
      for (let m = re.exec(argText); m; m = re.exec(argText)) {
        const strip = m[1] === '-';
        const delimiter = m[3];
        const body: Char[] = [];
        let found = false;
        while (i < lines.length) {
          const l = lines[i++];
          const t = strip ? l.text.replace(/^\t+/, '') : l.text;
          if (t === delimiter) {
            found = true;
            break;
          }
          within(DOCKERFILE_RUN_CHARS, logical.length + body.length + l.text.length);
          pushAll(body, chars(l));
          body.push({ ch: '\n', off: l.start + l.text.length });
        }
        lastLine = Math.min(i, lines.length);
        if (!found) out.problems.push({ message: `unterminated heredoc: no line "${delimiter}" closes <<${delimiter}`, offset: args[m.index]?.off ?? ln.start });
        heredocs.push(new PackedHeredoc(delimiter, pack(body)));
      }
    }
    const endLine = lines[lastLine - 1];
    const span = { start: logical[kwStart]?.off ?? ln.start, end: endLine.start + endLine.text.length };
    if (!KNOWN.has(keyword)) out.problems.push({ message: `unknown instruction ${JSON.stringify(keyword)}`, offset: span.start });
    out.instructions.push(new PackedInstruction(keyword, pack(args), heredocs, span, firstLine, lastLine));
  }
  return out;
}

/**
 * Characters packed as their text and the runs of consecutive offsets in it (`runs[2i]` is where a
 * run starts in the text, `runs[2i + 1]` its first offset): one run per physical line of an
 * instruction, and a few bytes a character instead of an object.
 */
interface Packed {
  text: string;
  runs: number[];
}

function pack(cs: readonly Char[]): Packed {
  const runs: number[] = [];
  for (let i = 0; i < cs.length; i++) {
    if (i === 0 || cs[i].off < 0 || cs[i - 1].off < 0 || cs[i].off !== cs[i - 1].off + 1) runs.push(i, cs[i].off);
  }
  return { text: cs.map((c) => c.ch).join(''), runs };
}

function unpack(p: Packed): Char[] {
  const out: Char[] = new Array(p.text.length);
  for (let r = 0; r < p.runs.length; r += 2) {
    const from = p.runs[r];
    const to = r + 2 < p.runs.length ? p.runs[r + 2] : p.text.length;
    const off = p.runs[r + 1];
    for (let i = from; i < to; i++) out[i] = { ch: p.text[i], off: off < 0 ? off : off + (i - from) };
  }
  return out;
}

class PackedInstruction implements Instruction {
  constructor(
    readonly keyword: string,
    private readonly packed: Packed,
    readonly heredocs: Instruction['heredocs'],
    readonly span: Span,
    readonly firstLine: number,
    readonly lastLine: number,
  ) {}

  get args(): Char[] {
    return unpack(this.packed);
  }
}

class PackedHeredoc {
  constructor(
    readonly delimiter: string,
    private readonly packed: Packed,
  ) {}

  get body(): Char[] {
    return unpack(this.packed);
  }
}

/** A JSON array of strings (exec form) with each character mapped; undefined when it is not one. */
export function parseExecForm(args: Char[]): Word[] | undefined {
  let k = 0;
  const ws = () => {
    while (k < args.length && /\s/.test(args[k].ch)) k++;
  };
  ws();
  if (args[k]?.ch !== '[') return undefined;
  k++;
  const words: Word[] = [];
  ws();
  if (args[k]?.ch === ']') {
    k++;
  } else {
    for (;;) {
      ws();
      if (args[k]?.ch !== '"') return undefined;
      const open = args[k].off;
      k++;
      const units: Unit[] = [];
      for (;;) {
        const c = args[k];
        if (!c) return undefined;
        if (c.ch === '"') break;
        if (c.ch === '\\') {
          const n = args[k + 1];
          if (!n) return undefined;
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (n.ch in simple) {
            units.push({ ch: simple[n.ch], off: -1 });
            k += 2;
          } else if (n.ch === 'u') {
            const hex = args.slice(k + 2, k + 6).map((x) => x.ch).join('');
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
            units.push({ ch: String.fromCharCode(parseInt(hex, 16)), off: -1 });
            k += 6;
          } else return undefined;
          continue;
        }
        units.push({ ch: c.ch, off: c.off });
        k++;
      }
      const close = args[k].off;
      k++;
      words.push(unitsToWord(units, { start: open + 1, end: close }));
      ws();
      if (args[k]?.ch === ',') {
        k++;
        continue;
      }
      if (args[k]?.ch === ']') {
        k++;
        break;
      }
      return undefined;
    }
  }
  ws();
  return k === args.length ? words : undefined;
}

export const text = (cs: Char[]) => cs.map((c) => c.ch).join('');
/** `$NAME`, `${NAME}`, `${NAME:-default}` against known values; PATH defaults to the image's own. */
export function expandVars(value: string, vars: Map<string, string>): string {
  return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    const v = vars.get(name);
    if (v !== undefined) return v;
    if (name === 'PATH') return DEFAULT_PATH;
    return def ?? UNKNOWN;
  });
}

/** Splits `K=V K2="v 2"` (or the legacy `K V`) into pairs, quotes removed, variables expanded. */
export function parseKeyValues(args: string, vars: Map<string, string>, esc: string, legacyAllowed: boolean): [string, string][] {
  const s = args.trim();
  const first = /^\S+/.exec(s)?.[0] ?? '';
  if (legacyAllowed && !first.includes('=')) {
    const rest = s.slice(first.length).trim();
    return first ? [[first, expandVars(unquote(rest, esc).value, vars)]] : [];
  }
  const out: [string, string][] = [];
  let k = 0;
  while (k < s.length) {
    while (k < s.length && /\s/.test(s[k])) k++;
    if (k >= s.length) break;
    const tok = unquote(s.slice(k), esc, true);
    k += tok.consumed;
    const eq = tok.raw.indexOf('=');
    if (eq <= 0) {
      // `ARG NAME` without default.
      out.push([tok.value, UNKNOWN]);
      continue;
    }
    const name = tok.raw.slice(0, eq);
    out.push([name, expandVars(unquote(tok.raw.slice(eq + 1), esc).value, vars)]);
  }
  return out;
}

/** Quote removal of one word (or the whole string when `oneWord` is false). */
export function unquote(s: string, esc: string, oneWord = false): { value: string; raw: string; consumed: number } {
  let value = '';
  let q = '';
  let k = 0;
  for (; k < s.length; k++) {
    const c = s[k];
    if (!q && oneWord && /\s/.test(c)) break;
    if (c === esc && q !== "'" && k + 1 < s.length) {
      value += s[++k];
      continue;
    }
    if ((c === '"' || c === "'") && (!q || q === c)) {
      q = q ? '' : c;
      continue;
    }
    value += c;
  }
  return { value, raw: s.slice(0, k), consumed: k };
}

/** `--from=x`, `--mount=…` flags before the arguments. */
export function splitFlags(args: Char[]): { flags: Map<string, string>; rest: Char[] } {
  const flags = new Map<string, string>();
  let k = 0;
  for (;;) {
    while (k < args.length && /\s/.test(args[k].ch)) k++;
    if (args[k]?.ch !== '-' || args[k + 1]?.ch !== '-') break;
    let e = k;
    while (e < args.length && !/\s/.test(args[e].ch)) e++;
    const t = text(args.slice(k + 2, e));
    const eq = t.indexOf('=');
    flags.set((eq < 0 ? t : t.slice(0, eq)).toLowerCase(), eq < 0 ? '' : t.slice(eq + 1));
    k = e;
  }
  return { flags, rest: args.slice(k) };
}

/** `HEALTHCHECK [options] CMD command`: the command's characters (undefined for `HEALTHCHECK NONE`). */
export function healthcheckCommand(args: Char[]): Char[] | undefined {
  const { rest } = splitFlags(args);
  const m = /^\s*CMD\s+/i.exec(text(rest));
  return m ? rest.slice(m[0].length) : undefined;
}
