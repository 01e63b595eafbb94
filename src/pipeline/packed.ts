/**
 * A run's findings, kept packed until the report. A run keeps every finding until then (the
 * who-runs pass may still hold some back, and the report is sorted by path), and as objects each
 * took ~860 bytes of heap even with its strings shared (a finding is a dozen small objects: its
 * positions, fix, edits, lists). Packed, a file's findings are one Int32Array of numbers and indexes
 * into the run's table of distinct strings: ~180 bytes a finding (`test/memory.test.ts`), kept
 * outside the JavaScript heap (an array buffer that large is), so that V8 neither scans them nor
 * grows its heap for them. They are made into objects again where
 * they are used: by the passes after the check, one file at a time, and by the CLI's report, one
 * file at a time as it writes (`DiagnosticList`).
 *
 * Packing is exact or it does not happen: a finding with anything the format does not hold (a key
 * it does not know, a value that is not text or a 32-bit whole number) keeps its file's findings as
 * they are. Keys present with the value `undefined` stay so (`fix: undefined`).
 */
import type { Diagnostic, DiagnosticList, Edit, Fix, RelatedLocation } from '../kernel/diagnostic.js';

/** The findings of one file, packed (or, when they could not be, as they were). */
export interface PackedFindings {
  readonly table: StringTable;
  readonly count: number;
  readonly ints?: Int32Array;
  readonly raw?: Diagnostic[];
}

/** A field that is not there; a field there with the value `undefined`. */
const ABSENT = -1;
const UNDEFINED = -2;
const SEVERITY = ['error', 'warning'] as const;
const APPLICABILITY = ['safe', 'unsafe', 'display-only'] as const;
const DIAGNOSTIC_KEYS = new Set(['code', 'rule', 'severity', 'message', 'remedy', 'messageId', 'data', 'path', 'span', 'start', 'end', 'related', 'fix']);
const RELATED_KEYS = new Set(['message', 'path', 'span', 'start', 'end']);
const FIX_KEYS = new Set(['title', 'applicability', 'reason', 'edits']);
const EDIT_KEYS = new Set(['start', 'end', 'text']);
const PAIR_KEYS = new Set(['start', 'end']);
const LOCATION_KEYS = new Set(['line', 'column']);

/** Distinct strings of a run; a string is kept once (past MAX_INDEXED, new strings are added without the look-up). */
export class StringTable {
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private static readonly MAX_INDEXED = 200_000;

  id(s: string): number {
    const known = this.index.get(s);
    if (known !== undefined) return known;
    const id = this.strings.length;
    this.strings.push(s);
    if (this.index.size < StringTable.MAX_INDEXED) this.index.set(s, id);
    return id;
  }

  text(id: number): string {
    return this.strings[id];
  }
}

class Unpackable extends Error {}

/** `o` has no key but `keys`, or the finding cannot be packed. */
function hasOnly(o: object, keys: ReadonlySet<string>): void {
  for (const k of Object.keys(o)) if (!keys.has(k)) throw new Unpackable(k);
}

/** A 32-bit whole number, or the finding cannot be packed. */
function int(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new Unpackable(String(n));
  return n;
}

class Writer {
  out: number[] = [];
  constructor(private readonly table: StringTable) {}

  str(s: unknown): void {
    if (typeof s !== 'string') throw new Unpackable(typeof s);
    this.out.push(this.table.id(s));
  }

  /** An optional string field of `o`. */
  opt(o: object, key: string): void {
    if (!(key in o)) this.out.push(ABSENT);
    else {
      const v = (o as Record<string, unknown>)[key];
      if (v === undefined) this.out.push(UNDEFINED);
      else this.str(v);
    }
  }

  positions(o: { span: unknown; start: unknown; end: unknown }): void {
    const { span, start, end } = o as { span: { start: number; end: number }; start: { line: number; column: number }; end: { line: number; column: number } };
    hasOnly(span, PAIR_KEYS);
    hasOnly(start, LOCATION_KEYS);
    hasOnly(end, LOCATION_KEYS);
    this.out.push(int(span.start), int(span.end), int(start.line), int(start.column), int(end.line), int(end.column));
  }

  /** A finding: its length in numbers first (so that a reader can step over it), then its fields. */
  diagnostic(d: Diagnostic): void {
    hasOnly(d, DIAGNOSTIC_KEYS);
    const at = this.out.length;
    this.out.push(0);
    this.str(d.code);
    this.str(d.rule);
    const sev = SEVERITY.indexOf(d.severity);
    if (sev < 0) throw new Unpackable(d.severity);
    this.out.push(sev);
    this.str(d.message);
    this.opt(d, 'remedy');
    this.opt(d, 'messageId');
    if (!('data' in d)) this.out.push(ABSENT);
    else if (d.data === undefined) this.out.push(UNDEFINED);
    else {
      const keys = Object.keys(d.data);
      this.out.push(keys.length);
      for (const k of keys) {
        this.str(k);
        this.str(d.data[k]);
      }
    }
    this.str(d.path);
    this.positions(d);
    this.out.push(d.related.length);
    for (const r of d.related) {
      hasOnly(r, RELATED_KEYS);
      this.str(r.message);
      this.opt(r, 'path');
      this.positions(r);
    }
    if (!('fix' in d)) this.out.push(ABSENT);
    else if (d.fix === undefined) this.out.push(UNDEFINED);
    else {
      const f = d.fix;
      hasOnly(f, FIX_KEYS);
      this.str(f.title);
      const a = APPLICABILITY.indexOf(f.applicability);
      if (a < 0) throw new Unpackable(f.applicability);
      this.out.push(a);
      this.opt(f, 'reason');
      this.out.push(f.edits.length);
      for (const e of f.edits) {
        hasOnly(e, EDIT_KEYS);
        this.out.push(int(e.start), int(e.end));
        this.str(e.text);
      }
    }
    this.out[at] = this.out.length - at;
  }
}

class Reader {
  at = 0;
  constructor(
    private readonly ints: Int32Array,
    private readonly table: StringTable,
  ) {}

  next(): number {
    return this.ints[this.at++];
  }

  str(): string {
    return this.table.text(this.next());
  }

  /** Sets an optional string field on `o` as it was. */
  opt(o: Record<string, unknown>, key: string): void {
    const v = this.next();
    if (v === UNDEFINED) o[key] = undefined;
    else if (v !== ABSENT) o[key] = this.table.text(v);
  }

  positions(o: Record<string, unknown>): void {
    o.span = { start: this.next(), end: this.next() };
    o.start = { line: this.next(), column: this.next() };
    o.end = { line: this.next(), column: this.next() };
  }

  diagnostic(): Diagnostic {
    this.next(); // its length
    const d: Record<string, unknown> = { code: this.str(), rule: this.str(), severity: SEVERITY[this.next()], message: this.str() };
    this.opt(d, 'remedy');
    this.opt(d, 'messageId');
    const n = this.next();
    if (n === UNDEFINED) d.data = undefined;
    else if (n !== ABSENT) {
      const data: Record<string, string> = {};
      for (let i = 0; i < n; i++) data[this.str()] = this.str();
      d.data = data;
    }
    d.path = this.str();
    this.positions(d);
    const related: RelatedLocation[] = [];
    for (let i = this.next(); i > 0; i--) {
      const r: Record<string, unknown> = { message: this.str() };
      this.opt(r, 'path');
      this.positions(r);
      related.push(r as unknown as RelatedLocation);
    }
    d.related = related;
    const title = this.next();
    if (title === UNDEFINED) d.fix = undefined;
    else if (title !== ABSENT) {
      const f: Record<string, unknown> = { title: this.table.text(title), applicability: APPLICABILITY[this.next()] };
      this.opt(f, 'reason');
      const edits: Edit[] = [];
      for (let i = this.next(); i > 0; i--) edits.push({ start: this.next(), end: this.next(), text: this.str() });
      f.edits = edits;
      d.fix = f as unknown as Fix;
    }
    return d as unknown as Diagnostic;
  }
}

/** One file's findings, packed with the run's string table (exactly, or kept as they are). */
export function pack(diagnostics: Diagnostic[], table: StringTable): PackedFindings {
  const w = new Writer(table);
  try {
    for (const d of diagnostics) w.diagnostic(d);
  } catch (e) {
    if (e instanceof Unpackable) return { table, count: diagnostics.length, raw: diagnostics };
    throw e;
  }
  return { table, count: diagnostics.length, ints: Int32Array.from(w.out) };
}

/** The findings again, as new objects. */
export function unpack(p: PackedFindings): Diagnostic[] {
  if (p.raw) return p.raw;
  const r = new Reader(p.ints!, p.table);
  const out: Diagnostic[] = [];
  for (let i = 0; i < p.count; i++) out.push(r.diagnostic());
  return out;
}

/** The findings' codes, in order, without making the findings into objects. */
export function codesOf(p: PackedFindings): string[] {
  if (p.raw) return p.raw.map((d) => d.code);
  const out: string[] = [];
  for (let at = 0; at < p.ints!.length; at += p.ints![at]) out.push(p.table.text(p.ints![at + 1]));
  return out;
}

/** A checked file's findings, wherever they are kept (packed by the run, or as objects). */
export function findingsOf(r: { diagnostics: Diagnostic[]; packed?: PackedFindings }): Diagnostic[] {
  return r.packed ? unpack(r.packed) : r.diagnostics;
}

/** A checked file's findings' codes (see codesOf). */
export function findingCodesOf(r: { diagnostics: Diagnostic[]; packed?: PackedFindings }): string[] {
  return r.packed ? codesOf(r.packed) : r.diagnostics.map((d) => d.code);
}

/** Findings in report order, made into objects one file at a time as they are read. */
export class PackedList implements DiagnosticList {
  readonly length: number;

  constructor(private readonly files: readonly PackedFindings[]) {
    this.length = files.reduce((n, f) => n + f.count, 0);
  }

  *[Symbol.iterator](): Iterator<Diagnostic> {
    for (const f of this.files) yield* unpack(f);
  }
}
