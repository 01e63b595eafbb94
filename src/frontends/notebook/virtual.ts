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

export class VirtualModule {
  private readonly chars: string[] = [];
  readonly refs: (VirtualRef | undefined)[] = [];

  get text(): string {
    return this.chars.join('');
  }

  get length(): number {
    return this.refs.length;
  }

  push(cell: CodeCell, c: CellChar): void {
    this.chars.push(c.ch);
    this.refs.push({ cell, token: c.token, start: c.start, end: c.end });
  }

  /** `pass` (or nothing) in place of an IPython line, anchored before its first character. */
  synth(text: string, cell: CodeCell, at: CellChar | undefined): void {
    for (const ch of text) {
      this.chars.push(ch);
      this.refs.push(at ? { cell, token: at.token, start: at.start, end: at.start, synthetic: true } : undefined);
    }
  }

  /** The notebook offset of module offset `o` (-1 for text that is not the notebook's). */
  offset(o: number): number {
    const r = this.refs[o];
    return r && !r.synthetic ? r.start : -1;
  }

  span(s: Span): Span {
    let a = -1;
    let b = -1;
    for (let i = s.start; i < s.end && i < this.refs.length; i++) {
      const r = this.refs[i];
      if (!r || r.synthetic) continue;
      if (a < 0) a = r.start;
      b = r.end;
    }
    if (a >= 0) return { start: a, end: b };
    // Empty, or only synthetic text: the nearest character before it.
    for (let i = Math.min(s.start, this.refs.length - 1); i >= 0; i--) {
      const r = this.refs[i];
      if (r) return { start: r.start, end: r.start };
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
      const here = this.refs[e.start];
      const before = e.start > 0 ? this.refs[e.start - 1] : undefined;
      const r = here ?? (before && !before.synthetic ? { ...before, start: before.end } : undefined);
      if (!r) return undefined;
      return { start: r.start, end: r.start, text: jsonText(e.text, r.cell, r.start) };
    }
    const first = this.refs[e.start];
    if (!first || first.synthetic) return undefined;
    let end = first.start;
    for (let i = e.start; i < e.end; i++) {
      const r = this.refs[i];
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
  const token = cell.tokens.find((t) => t.start < at && at < t.end);
  const atElementEnd = token !== undefined && at === token.end - 1;
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
