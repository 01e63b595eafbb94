/**
 * A Jupyter notebook (nbformat 4, or 3: its worksheets' cells, a code cell's source in `input`) read as its code cells: each cell's source decoded from its JSON
 * string (or list of strings) with every character's place in the `.ipynb` text, and each line of
 * it classified the way IPython reads it: Python, a shell escape (`!cmd`, `!!cmd`, `x = !cmd`,
 * `%system`, `%sx`), a line magic, or part of a cell magic (`%%bash`, `%%script bash` … run their
 * body as a shell script; `%%time`, `%%capture` … as IPython code; any other `%%` cell is not Python).
 */
import { NOTEBOOK_CELLS, NOTEBOOK_SOURCE_CHARS, within } from '../../kernel/budgets.js';
import { decodedLength, decodeInto, decodeText, JsonError, member, parseJson, parseJsonAt, type JsonValue, type Want } from './json.js';

/** One decoded character of a cell's source: where its JSON writing starts and ends (made on demand, `charAt`). */
export interface CellChar {
  ch: string;
  start: number;
  end: number;
  /** The JSON string (list element) it is written in. */
  token: number;
}

/** A line of a cell: indices into the cell's decoded source. */
export interface CellLine {
  /** The line's characters, without its line break: the cell's [from, to). */
  from: number;
  to: number;
  /** Its line break is [to, brkEnd) (empty on the last line). */
  brkEnd: number;
  text: string;
}

export interface CodeCell {
  /** 1-based, counting every cell of the notebook (markdown too), as Jupyter shows them. */
  index: number;
  /** The decoded source, the JSON strings joined. */
  text: string;
  /**
   * For each UTF-16 unit of `text`: where its writing in the `.ipynb` starts and ends, and which of
   * `tokens` it is in (k for the k-th). Typed arrays, not an object per character: a 1 MB cell's characters as
   * objects held ~60 MB.
   */
  starts: Int32Array;
  ends: Int32Array;
  token: Int32Array;
  lines: CellLine[];
  /** The JSON strings the source is written in, in order: the k-th is [tokens[2k], tokens[2k + 1]), quotes included. */
  tokens: Int32Array;
  /** `"source": "…"` or `"source": ["…\n", …]`. */
  form: 'string' | 'list';
  /** List form: what separates two elements (`",\n    "` without the quotes), to split an inserted line. */
  separator: string;
  /** The cell's `metadata.tags` (`skip-execution`, `remove-cell`, …). */
  tags: string[];
}

/** The cell's character `i`. */
export function charAt(cell: CodeCell, i: number): CellChar {
  return { ch: cell.text[i], start: cell.starts[i], end: cell.ends[i], token: cell.token[i] };
}

export interface Notebook {
  cells: CodeCell[];
  /** The kernel's language when the notebook names it (`metadata.kernelspec.language`, `language_info.name`). */
  language?: string;
  /** Problems with single cells (a source that is not text): the rest was read. */
  problems: { message: string; offset: number }[];
  /** Saved from Google Colab (its top-level metadata has a `colab` member). */
  colab?: boolean;
  /** Saved from Kaggle (a `kaggle` member): its kernel is the image's Python, first on PATH. */
  kaggle?: boolean;
  /** Jupytext's metadata (a `jupytext` member), with the formats it pairs the notebook with when it says. */
  jupytext?: { formats?: string };
}

export class NotebookError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * What of a notebook's JSON is built: the format, the kernel's language, the cells' list (counted,
 * not built, until its number is within the budget), and of each cell its type and source. The rest
 * (outputs, attachments, metadata) is only checked to be JSON.
 */
const METADATA: Want = { members: { kernelspec: { members: { language: 'all' } }, language_info: { members: { name: 'all' } }, colab: 'skip', kaggle: 'skip', jupytext: { members: { formats: 'all' } } } };
const ROOT: Want = { members: { nbformat: 'all', cells: 'skip', worksheets: { items: { members: { cells: 'skip' } } }, metadata: METADATA } };
/** Of each cell, its type and source: `source` in nbformat 4, a code cell's `input` in nbformat 3. */
const cellsWant = (source: 'source' | 'input'): Want => ({ items: { members: { cell_type: 'all', [source]: 'strings', metadata: { members: { tags: 'strings' } } } } });
const CELLS = cellsWant('source');
const CELLS_V3 = cellsWant('input');

export function readNotebook(text: string): Notebook {
  let root: JsonValue;
  try {
    root = parseJson(text, ROOT);
  } catch (e) {
    if (e instanceof JsonError) throw new NotebookError(`not valid JSON: ${e.message}`, e.offset);
    throw e;
  }
  if (root.kind !== 'object') throw new NotebookError('not a Jupyter notebook: the file is JSON but not an object', root.start);
  const nbformat = member(root, 'nbformat');
  const major = nbformat?.kind === 'number' ? Number(nbformat.text) : undefined;
  if (major === undefined) throw new NotebookError('not a Jupyter notebook: no "nbformat" number', root.start);
  if (major < 3) throw new NotebookError(`nbformat ${major} notebook: only nbformat 3 and 4 are read (convert it with \`jupyter nbconvert --to notebook --nbformat 4\`)`, nbformat!.start);
  if (major > 4) throw new NotebookError(`nbformat ${major} notebook: only nbformat 3 and 4 are read`, nbformat!.start);
  // nbformat 4 keeps its cells in `cells`; nbformat 3 (IPython 1 and 2, which Jupyter still opens)
  // in the `cells` of each of its `worksheets`, a code cell's source in `input`.
  const lists: JsonValue[] = [];
  if (major === 4) {
    const list = member(root, 'cells');
    if (list?.kind !== 'skipped' || list.of !== 'array') throw new NotebookError('not an nbformat 4 notebook: no "cells" list', (list ?? root).start);
    lists.push(list);
  } else {
    const sheets = member(root, 'worksheets');
    if (sheets?.kind !== 'array') throw new NotebookError('not an nbformat 3 notebook: no "worksheets" list', (sheets ?? root).start);
    for (const sheet of sheets.items) {
      const list = member(sheet, 'cells');
      if (list?.kind !== 'skipped' || list.of !== 'array') throw new NotebookError('not an nbformat 3 notebook: a worksheet without a "cells" list', (list ?? sheet).start);
      lists.push(list);
    }
  }
  // Counted before the cells are built: 10 MB of small cells built whole took 270 MB.
  within(NOTEBOOK_CELLS, lists.reduce((n, l) => n + (l.kind === 'skipped' ? l.items : 0), 0));
  const metadata = member(root, 'metadata');
  const lang = member(member(metadata, 'kernelspec'), 'language') ?? member(member(metadata, 'language_info'), 'name');
  const out: Notebook = { cells: [], problems: [], language: lang?.kind === 'string' ? decodeText(text, lang).toLowerCase() : undefined, colab: member(metadata, 'colab') !== undefined, kaggle: member(metadata, 'kaggle') !== undefined };
  const jupytext = member(metadata, 'jupytext');
  if (jupytext) {
    const formats = member(jupytext, 'formats');
    out.jupytext = formats?.kind === 'string' ? { formats: decodeText(text, formats) } : {};
  }
  const sourceKey = major === 4 ? 'source' : 'input';
  let chars = 0;
  let index = 0;
  for (const l of lists) {
    const cells = parseJsonAt(text, l.start, major === 4 ? CELLS : CELLS_V3);
    if (cells.kind !== 'array') throw new Error('the cells list read again is not a list');
    for (const cell of cells.items) {
      const k = index++;
      const type = member(cell, 'cell_type');
      if (type?.kind !== 'string' || decodeText(text, type) !== 'code') continue;
      const source = member(cell, sourceKey);
      let tokens: Int32Array;
      if (source?.kind === 'string') tokens = Int32Array.of(source.start, source.end);
      else if (source?.kind === 'strings') tokens = source.spans;
      else {
        out.problems.push({ message: `cell ${k + 1}: its "${sourceKey}" is not a string or a list of strings; not checked`, offset: (source ?? cell).start });
        continue;
      }
      const count = tokens.length / 2;
      // Counted before it is decoded: one 10 MB string decoded with its offsets took 1.4 GB.
      const lengths = new Int32Array(count);
      let n = 0;
      for (let t = 0; t < count; t++) n += lengths[t] = decodedLength(text, tokens[2 * t], tokens[2 * t + 1]);
      chars += n;
      within(NOTEBOOK_SOURCE_CHARS, chars);
      // Decoded straight into the cell's arrays: no arrays of one's own for each list element.
      const starts = new Int32Array(n);
      const ends = new Int32Array(n);
      const token = new Int32Array(n);
      const parts: string[] = [];
      let at = 0;
      for (let t = 0; t < count; t++) {
        if (lengths[t] === 0) continue;
        parts.push(decodeInto(text, tokens[2 * t], tokens[2 * t + 1], starts, ends, at));
        token.fill(t, at, at + lengths[t]);
        at += lengths[t];
      }
      const src = parts.length === 1 ? parts[0] : parts.join('');
      const list = source.kind === 'strings';
      const separator = list && count > 1 ? text.slice(tokens[1], tokens[2]) : list ? `,${text.slice(source.start + 1, count ? tokens[0] : source.start + 1)}` : '';
      const tagList = member(member(cell, 'metadata'), 'tags');
      const tags: string[] = [];
      if (tagList?.kind === 'strings') for (let t = 0; t < tagList.spans.length; t += 2) tags.push(decodeText(text, { kind: 'string', start: tagList.spans[t], end: tagList.spans[t + 1] }));
      out.cells.push({ index: k + 1, text: src, starts, ends, token, lines: splitCellLines(src), tokens, form: list ? 'list' : 'string', separator, tags });
    }
  }
  return out;
}

function splitCellLines(src: string): CellLine[] {
  const lines: CellLine[] = [];
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      const brkEnd = c === 13 && src.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ from, to: i, brkEnd, text: src.slice(from, i) });
      from = brkEnd;
      i = brkEnd - 1;
    }
  }
  lines.push({ from, to: src.length, brkEnd: src.length, text: src.slice(from) });
  return lines;
}

/** How IPython reads a line (or a cell magic's body). */
export type LineKind =
  | { kind: 'python' }
  /** A line magic or help request: not Python, not a launch (`%matplotlib inline`, `obj?`). `pathSet`: `%env PATH …`. */
  | { kind: 'magic'; pathSet?: boolean }
  /**
   * A shell command IPython runs: `!cmd` (`system`), `!!cmd` and `%sx` (`capture`), `x = !cmd`
   * (`assign`), `%system cmd`, a `%%bash`/`%%sh`/`%%script bash` body (`cell`, not var-expanded).
   * `from` is the index in the line where the command starts; `marker` where its escape starts.
   */
  | { kind: 'shell'; form: 'system' | 'capture' | 'assign' | 'magic'; marker: number; from: number };

/** `x = !cmd` with any target IPython takes (`(repos_json,) = !gh repo list …`, OWID's etl; `a.b`, `d["k"]`). */
const SHELL_MAGIC = /^(\s*)(?:([A-Za-z_([][\w.,\t ()[\]'"]*?)\s*=\s*)?(!!|!|%sx\b|%system\b)\s*/;

/** The kind of one line that starts a statement (not inside brackets, a string or a continuation). */
export function lineKind(text: string): LineKind {
  const m = SHELL_MAGIC.exec(text);
  if (m) {
    const esc = m[3];
    // `x != y` never starts a line; `!` alone runs nothing.
    if (text.length > m[0].length || esc !== '!') {
      const form = m[2] !== undefined ? 'assign' : esc === '!' ? 'system' : esc === '%system' ? 'magic' : 'capture';
      return { kind: 'shell', form, marker: m[0].lastIndexOf(esc), from: m[0].length };
    }
  }
  const t = text.trimStart();
  if (t.startsWith('%')) return { kind: 'magic', pathSet: /^%env\s+PATH\b/.test(t) };
  // A line magic's value assigned to a name (`PATH = %env PATH`, `out = %timeit -o f()`).
  if (/^[A-Za-z_][\w.]*\s*=\s*%[A-Za-z]/.test(t)) return { kind: 'magic' };
  // Automagic: a line magic or alias without its `%` (`ls ./data`, `cd src`, `pip install x`, which
  // is `%pip`), when what follows cannot continue a Python expression.
  const auto = AUTOMAGIC.exec(t);
  if (auto) return { kind: 'magic', pathSet: auto[1] === 'env' && /^env\s+PATH\b/.test(t) };
  // Help: `obj?`, `obj??`, `?obj`.
  if (/^\?/.test(t) || /^[A-Za-z_][\w.]*\?\??\s*$/.test(t)) return { kind: 'magic' };
  return { kind: 'python' };
}

/** IPython's aliases and common line magics, called without `%` (automagic), followed by an argument. */
const AUTOMAGIC = /^(cd|ls|ll|pwd|cat|cp|mv|rm|mkdir|rmdir|pip|conda|mamba|env|set_env|load_ext|reload_ext|matplotlib|pylab|run|who|whos|history|reset|store|autoreload|tensorflow_version)(?:\s+(?![=+\-*/%&|^<>!,)\]}:;]|\.(?![./])|in\b|is\b|and\b|or\b|not\b|if\b|else\b|for\b)\S|\s*$)/;

/** Cell magics whose body is IPython code again (`%%time`, `%%capture` …). */
const PYTHON_BODY_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'skip', 'memit', 'tensorflow_version']);

export type CellMagic =
  | { kind: 'none' }
  /** The body is a shell script (`%%bash`, `%%sh`, `%%script bash`, `%%script sh`). */
  | { kind: 'shell'; dialect: 'bash' | 'sh'; program: string }
  /** `%%script PROGRAM …` for another program: PROGRAM is started by name with the body on stdin. */
  | { kind: 'script'; from: number }
  /** The body is IPython code. */
  | { kind: 'python-body' }
  /** Not Python (`%%writefile`, `%%html`, `%%javascript`, `%%sql` …). */
  | { kind: 'other' };

/**
 * The line of a cell that may hold its cell magic: the first, or in a Colab cell the first after its
 * form lines (`#@title Install` then `%%capture`, as ColabFold's notebooks write: Colab reads the
 * magic there).
 */
export function magicLineOf(texts: readonly string[]): number {
  let k = 0;
  while (k < texts.length - 1 && /^#@(?:title|markdown)\b/.test(texts[k])) k++;
  return k > 0 && /^%%\w/.test(texts[k]) ? k : 0;
}

export function cellMagic(first: string): CellMagic {
  const m = /^%%(\w+)\s*(.*)$/.exec(first);
  if (!m) return { kind: 'none' };
  const name = m[1];
  if (name === 'bash' || name === 'sh') return { kind: 'shell', dialect: name, program: name };
  if (name === 'script') {
    const args = m[2].split(/\s+/).filter((a) => !a.startsWith('-'));
    const prog = args[0]?.replace(/^.*\//, '');
    if (prog === 'bash' || prog === 'sh' || prog === 'dash') return { kind: 'shell', dialect: prog === 'bash' ? 'bash' : 'sh', program: args[0] };
    return m[2].trim() === '' ? { kind: 'other' } : { kind: 'script', from: first.indexOf(m[2]) };
  }
  if (PYTHON_BODY_MAGICS.has(name)) return { kind: 'python-body' };
  return { kind: 'other' };
}

/**
 * Whether each line starts a statement: not inside brackets, a string (triple-quoted across
 * lines) or after a backslash continuation. A light tokenizer: enough to keep `!` inside a
 * multi-line string from being taken for a shell escape.
 */
export function statementStarts(lines: readonly string[]): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  let triple: string | undefined;
  let cont = false;
  for (const line of lines) {
    out.push(depth === 0 && triple === undefined && !cont);
    cont = false;
    // An escape or magic line is not Python: nothing in it opens anything.
    if (out[out.length - 1] && lineKind(line).kind !== 'python') {
      cont = /\\$/.test(line);
      continue;
    }
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (triple !== undefined) {
        if (c === '\\') i += 2;
        else if (line.startsWith(triple, i)) {
          i += 3;
          triple = undefined;
        } else i++;
        continue;
      }
      if (c === '#') break;
      if (c === '"' || c === "'") {
        if (line.startsWith(c.repeat(3), i)) {
          triple = c.repeat(3);
          i += 3;
          continue;
        }
        i++;
        while (i < line.length && line[i] !== c) i += line[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
      i++;
    }
    if (triple === undefined && /\\$/.test(line)) cont = true;
  }
  return out;
}
