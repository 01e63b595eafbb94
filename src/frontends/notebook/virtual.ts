/**
 * A notebook's code cells as one Python module, the way the kernel runs them: cells in order, each
 * line of IPython syntax (a shell escape, a magic, a help request) replaced by `pass` at its own
 * indentation so that the rest parses, cells whose magic makes them something else left out. Every
 * character of the module knows where it is written in the `.ipynb` text, so the Python front
 * end's sites, spans and fixes are carried back to the notebook's bytes.
 */
import type { Edit } from '../../kernel/diagnostic.js';
import type { Span } from '../../kernel/source.js';
import type { Fragment, Word } from '../../kernel/word.js';
import { jsonStringContent } from './json.js';
import type { CellChar, CodeCell } from './cells.js';

/** Where a character of the module comes from: a character of a cell, or text put in its place. */
export interface VirtualRef {
  cell: CodeCell;
  /** The JSON string it is in. */
  token: number;
  start: number;
  end: number;
  /** Put in place of an IPython line (`pass`): an insertion there goes before that line. */
  synthetic?: boolean;
}

/**
 * The module's text and, for each of its characters, its place: kept in typed arrays (a cell of
 * 1 MB held ~64 MB as an object per character).
 */
export class VirtualModule {
  private readonly parts: string[] = [];
  /** The cells characters come from; a character's cell is an index here (-1: no place). */
  private readonly cells: CodeCell[] = [];
  private n = 0;
  private cellOf: Int32Array;
  private tokenOf: Int32Array;
  private startOf: Int32Array;
  private endOf: Int32Array;
  private synthOf: Uint8Array;

  /** `capacity`: the characters it is expected to hold (it grows past them when it must). */
  constructor(capacity = 1024) {
    const cap = Math.max(capacity, 16);
    this.cellOf = new Int32Array(cap);
    this.tokenOf = new Int32Array(cap);
    this.startOf = new Int32Array(cap);
    this.endOf = new Int32Array(cap);
    this.synthOf = new Uint8Array(cap);
  }

  get text(): string {
    return this.parts.join('');
  }

  get length(): number {
    return this.n;
  }

  /** Where module character `i` comes from (undefined: nowhere, or past the end). */
  ref(i: number): VirtualRef | undefined {
    if (i < 0 || i >= this.n || this.cellOf[i] < 0) return undefined;
    const r: VirtualRef = { cell: this.cells[this.cellOf[i]], token: this.tokenOf[i], start: this.startOf[i], end: this.endOf[i] };
    if (this.synthOf[i]) r.synthetic = true;
    return r;
  }

  /** The cell's characters [from, to), in order. */
  pushRange(cell: CodeCell, from: number, to: number): void {
    if (to <= from) return;
    this.room(to - from);
    const id = this.cellId(cell);
    this.parts.push(cell.text.slice(from, to));
    const n = this.n;
    this.cellOf.fill(id, n, n + to - from);
    this.tokenOf.set(cell.token.subarray(from, to), n);
    this.startOf.set(cell.starts.subarray(from, to), n);
    this.endOf.set(cell.ends.subarray(from, to), n);
    this.synthOf.fill(0, n, n + to - from);
    this.n += to - from;
  }

  /** `pass` (or nothing) in place of an IPython line, anchored before its first character. */
  synth(text: string, cell: CodeCell, at: CellChar | undefined): void {
    this.room(text.length);
    this.parts.push(text);
    const id = at ? this.cellId(cell) : -1;
    for (let k = 0; k < text.length; k++) {
      const i = this.n++;
      this.cellOf[i] = id;
      this.tokenOf[i] = at ? at.token : 0;
      this.startOf[i] = at ? at.start : 0;
      this.endOf[i] = at ? at.start : 0;
      this.synthOf[i] = 1;
    }
  }

  private cellId(cell: CodeCell): number {
    if (this.cells[this.cells.length - 1] !== cell) this.cells.push(cell);
    return this.cells.length - 1;
  }

  private room(more: number): void {
    const need = this.n + more;
    if (need <= this.cellOf.length) return;
    let cap = this.cellOf.length;
    while (cap < need) cap *= 2;
    const grow = <A extends Int32Array | Uint8Array>(a: A, make: (k: number) => A): A => {
      const b = make(cap);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.cellOf = grow(this.cellOf, (k) => new Int32Array(k));
    this.tokenOf = grow(this.tokenOf, (k) => new Int32Array(k));
    this.startOf = grow(this.startOf, (k) => new Int32Array(k));
    this.endOf = grow(this.endOf, (k) => new Int32Array(k));
    this.synthOf = grow(this.synthOf, (k) => new Uint8Array(k));
  }

  /** The notebook offset of module offset `o` (-1 for text that is not the notebook's). */
  offset(o: number): number {
    return o >= 0 && o < this.n && this.cellOf[o] >= 0 && !this.synthOf[o] ? this.startOf[o] : -1;
  }

  /**
   * The notebook offset where the module's line ending at `nl` (a newline) ends: that newline's own
   * place, or, where the line is its cell's last (the newline joins cells and is not the notebook's),
   * the end of the cell's last character: an escape there is `pass` here, shorter than the line.
   */
  lineEnd(nl: number): number {
    const real = this.offset(nl);
    if (real >= 0) return real;
    for (let i = Math.min(nl - 1, this.n - 1); i >= 0; i--) {
      if (this.cellOf[i] < 0) continue;
      const cell = this.cells[this.cellOf[i]];
      return cell.text.length ? cell.ends[cell.text.length - 1] : this.startOf[i];
    }
    return 0;
  }

  span(s: Span): Span {
    let a = -1;
    let b = -1;
    for (let i = Math.max(s.start, 0); i < s.end && i < this.n; i++) {
      if (this.cellOf[i] < 0 || this.synthOf[i]) continue;
      if (a < 0) a = this.startOf[i];
      b = this.endOf[i];
    }
    if (a >= 0) return { start: a, end: b };
    // Empty, or only synthetic text: the nearest character before it.
    for (let i = Math.min(s.start, this.n - 1); i >= 0; i--) {
      if (this.cellOf[i] >= 0) return { start: this.startOf[i], end: this.startOf[i] };
    }
    return { start: 0, end: 0 };
  }

  word(w: Word): Word {
    return { fragments: w.fragments.map((f) => this.fragment(f)), ...(w.span ? { span: this.span(w.span) } : {}) };
  }

  private fragment(f: Fragment): Fragment {
    switch (f.kind) {
      case 'text':
        return f.offsets ? { ...f, offsets: f.offsets.map((o) => (o < 0 ? -1 : this.offset(o))) } : f;
      case 'path-lookup':
        return { ...f, name: this.word(f.name), span: this.span(f.span) };
      default:
        return f.span ? { ...f, span: this.span(f.span) } : f;
    }
  }

  /**
   * A Python fix's edit in the notebook: its range must be characters of one JSON string of the
   * notebook, written as they read; its text is written as JSON string content, and in a cell kept
   * as a list of lines a line break it writes ends the list element. Undefined when it cannot be.
   */
  edit(e: Edit): Edit | undefined {
    if (e.start === e.end) {
      const here = this.ref(e.start);
      const before = e.start > 0 ? this.ref(e.start - 1) : undefined;
      const r = here ?? (before && !before.synthetic ? { ...before, start: before.end } : undefined);
      if (!r) return undefined;
      return { start: r.start, end: r.start, text: jsonText(e.text, r.cell, r.start) };
    }
    const first = this.ref(e.start);
    if (!first || first.synthetic) return undefined;
    let end = first.start;
    for (let i = e.start; i < e.end; i++) {
      const r = this.ref(i);
      if (!r || r.synthetic || r.cell !== first.cell || r.token !== first.token || r.start !== end) return undefined;
      end = r.end;
    }
    return { start: first.start, end, text: jsonText(e.text, first.cell, first.start) };
  }
}

/**
 * `s` written into the cell's JSON at notebook offset `at`: escaped as JSON string content, and in
 * list form each line break followed by more of the cell ends its element (`\n", "`), as Jupyter
 * writes one line per element.
 */
export function jsonText(s: string, cell: CodeCell, at: number): string {
  if (cell.form === 'string') return jsonStringContent(s);
  let atElementEnd = false;
  for (let k = 0; k < cell.tokens.length; k += 2) {
    if (cell.tokens[k] < at && at < cell.tokens[k + 1]) {
      atElementEnd = at === cell.tokens[k + 1] - 1;
      break;
    }
  }
  const parts = s.split('\n');
  let out = '';
  parts.forEach((p, k) => {
    out += jsonStringContent(p);
    if (k === parts.length - 1) return;
    out += '\\n';
    // Nothing follows in this element: the break ends it where it is.
    if (k === parts.length - 2 && parts[k + 1] === '' && atElementEnd) return;
    out += `"${cell.separator}"`;
  });
  return out;
}
