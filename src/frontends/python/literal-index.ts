/**
 * Which recorded string literal holds a range of source: the first recorded (in the module's
 * recording order) among those whose content contains it. Built once per module, so that finding
 * the literal of each of a file's launches costs a binary search instead of a pass over every
 * literal (8,000 launches in one file: 64 million comparisons).
 */
import type { PythonModule } from './evaluate.js';
import type { LiteralRef } from './values.js';

interface Entry {
  lit: LiteralRef;
  /** Position in the module's recording order. */
  order: number;
  /** The innermost entry whose content holds this one's (-1: none). */
  parent: number;
}

export class LiteralIndex {
  private readonly entries: Entry[];

  constructor(literals: Iterable<LiteralRef>) {
    const entries = [...literals].map((lit, order) => ({ lit, order, parent: -1 }));
    // Literal contents nest or are disjoint (an f-string's replacement fields hold whole literals):
    // sorted by start, outer first, a stack of open contents gives each one its parent.
    entries.sort((a, b) => a.lit.contentSpan.start - b.lit.contentSpan.start || b.lit.contentSpan.end - a.lit.contentSpan.end || a.order - b.order);
    const open: number[] = [];
    entries.forEach((e, i) => {
      while (open.length && !contains(entries[open[open.length - 1]].lit, e.lit.contentSpan.start, e.lit.contentSpan.end)) open.pop();
      e.parent = open.length ? open[open.length - 1] : -1;
      open.push(i);
    });
    this.entries = entries;
  }

  around(start: number, end: number): LiteralRef | undefined {
    const es = this.entries;
    // The last entry starting at or before `start`: every literal holding the range is it or one
    // of its ancestors (a holder starts before it and, contents being nested or disjoint, holds it).
    let lo = 0;
    let hi = es.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (es[mid].lit.contentSpan.start <= start) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let best: Entry | undefined;
    for (let i = last; i >= 0; i = es[i].parent) {
      if (contains(es[i].lit, start, end) && (!best || es[i].order < best.order)) best = es[i];
    }
    return best?.lit;
  }
}

function contains(lit: LiteralRef, start: number, end: number): boolean {
  return lit.contentSpan.start <= start && end <= lit.contentSpan.end;
}

const indexes = new WeakMap<PythonModule, { size: number; index: LiteralIndex }>();

/** The module's index, rebuilt if literals were recorded since it was built. */
export function literalIndex(mod: PythonModule): LiteralIndex {
  let known = indexes.get(mod);
  if (!known || known.size !== mod.literals.size) {
    known = { size: mod.literals.size, index: new LiteralIndex(mod.literals.values()) };
    indexes.set(mod, known);
  }
  return known.index;
}
