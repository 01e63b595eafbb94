/**
 * Reading a GitLab CI configuration as GitLab does: YAML merge keys, `extends:` (deep-merged hashes,
 * everything else replaced, bases in order, the job on top) and `!reference` tags applied, nested
 * up to 10 levels, while every leaf stays the YAML node it came from so that findings keep their
 * positions. A reference to something not in this file (an `include:`) is unknown, not an error.
 */
import type { Document, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../../kernel/source.js';
import { aliasTargets, isAlias, isMap, isScalar, isSeq, scalarText } from '../yaml-scalars.js';
import { BudgetMeter, GITLAB_EXTENDS_DEPTH, GITLAB_EXTENDS_KEYS, GITLAB_REFERENCE_DEPTH, TooComplexError, YAML_ALIASES } from '../../kernel/budgets.js';

// ---------------------------------------------------------------------------------------------
// The configuration as GitLab sees it: merge keys, `extends:` and `!reference` applied, every
// leaf still the YAML node it came from (for positions)

export interface Mapping {
  kind: 'mapping';
  entries: Map<string, Entry>;
}
export interface Entry {
  /** The key as written (the nearest one: a job's own key wins over a template's). */
  key?: Scalar;
  value: Value;
  /** The value node as written (before aliases and merges): the entry's own extent in the file. */
  node?: unknown;
}
export type Value = Mapping | YamlNode | null;

export const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && (v as Mapping).kind === 'mapping';

/**
 * ActiveSupport's Hash#deep_merge, as `extends:` uses it: hashes merge key by key, anything else is
 * replaced. The keys it copies are charged to the file's budget.
 */
function deepMerge(base: Mapping, over: Mapping, meter: BudgetMeter): Mapping {
  meter.charge(GITLAB_EXTENDS_KEYS, base.entries.size + over.entries.size);
  const entries = new Map(base.entries);
  for (const [k, e] of over.entries) {
    const b = entries.get(k);
    entries.set(k, b && isMapping(b.value) && isMapping(e.value) ? { ...e, value: deepMerge(b.value, e.value, meter) } : e);
  }
  return { kind: 'mapping', entries };
}

export class Config {
  private readonly extendedMemo = new Map<string, Value>();
  /** Levels of `extends:` under each entry merged so far (GitLab refuses more than 11). */
  private readonly extendsDepth = new Map<string, number>();
  private readonly extending = new Set<string>();
  /** One Mapping per YAML mapping: aliases of aliases would otherwise expand exponentially. */
  private readonly mappings = new WeakMap<YAMLMap, Mapping>();
  readonly root: Mapping | undefined;

  private readonly target: (alias: unknown) => unknown;

  constructor(
    doc: Document.Parsed,
    /** The file's running totals against its budgets (aliases followed, keys merged). */
    readonly meter = new BudgetMeter(),
  ) {
    this.target = aliasTargets(doc);
    const r = this.valueOf(doc.contents, 0);
    this.root = isMapping(r) ? r : undefined;
  }

  deAlias(n: unknown): unknown {
    for (let i = 0; i < 20 && isAlias(n); i++) {
      this.meter.charge(YAML_ALIASES);
      n = this.target(n);
    }
    return isAlias(n) ? undefined : n;
  }

  /** A node as a Value: aliases followed, mappings with their `<<` merges applied. */
  valueOf(n: unknown, depth: number): Value {
    const v = this.deAlias(n);
    if (v === undefined || v === null || (isScalar(v) && v.value === null)) return null;
    if (isMap(v)) {
      if (depth > 30) return null;
      let m = this.mappings.get(v);
      if (!m) this.mappings.set(v, (m = this.toMapping(v, depth + 1)));
      return m;
    }
    return v as YamlNode;
  }

  /**
   * YAML merge keys as Ruby's Psych applies them (GitLab loads YAML with it): `<<: *a` merges a's
   * keys over what came before, later keys override, and in `<<: [*a, *b]` the first wins.
   */
  private toMapping(node: YAMLMap, depth: number): Mapping {
    const entries = new Map<string, Entry>();
    const mergeFrom = (n: unknown) => {
      const m = this.valueOf(n, depth);
      if (isMapping(m)) for (const [k, e] of m.entries) entries.set(k, e);
    };
    for (const p of node.items) {
      if (!isScalar(p.key) || p.key.value === null) continue;
      const k = String(p.key.value);
      if (k === '<<' && p.key.type === 'PLAIN') {
        const v = this.deAlias(p.value);
        if (isSeq(v)) {
          const merged = new Map<string, Entry>();
          for (const item of [...v.items].reverse()) {
            const m = this.valueOf(item, depth);
            if (isMapping(m)) for (const [kk, e] of m.entries) merged.set(kk, e);
          }
          for (const [kk, e] of merged) entries.set(kk, e);
        } else mergeFrom(v);
        continue;
      }
      entries.set(k, { key: p.key, value: this.valueOf(p.value, depth), node: p.value });
    }
    return { kind: 'mapping', entries };
  }

  /** A top-level entry after `extends:` (Extendable::Entry#extend!: bases merged in order, then the entry itself). */
  /**
   * Each entry is merged once (memoized), so a file costs the keys its entries hold times their
   * `extends:` depth, which is GitLab's own limit: deeper is reported as too complex, as GitLab
   * refuses such a pipeline.
   */
  extended(name: string): Value {
    if (this.extendedMemo.has(name)) return this.extendedMemo.get(name)!;
    const own = this.root?.entries.get(name)?.value;
    if (own === undefined) return null;
    if (!isMapping(own) || !own.entries.has('extends') || this.extending.has(name)) return own;
    this.extending.add(name);
    let merged: Mapping = { kind: 'mapping', entries: new Map() };
    let depth = 1;
    for (const base of this.names(own.entries.get('extends')!.value)) {
      // A base that is not in this file comes from an `include:`: unknown, left out.
      if (!this.root?.entries.has(base)) continue;
      const b = this.extended(base);
      depth = Math.max(depth, 1 + (this.extendsDepth.get(base) ?? 0));
      if (depth > GITLAB_EXTENDS_DEPTH.limit) throw new TooComplexError(GITLAB_EXTENDS_DEPTH, depth);
      if (isMapping(b)) merged = deepMerge(merged, b, this.meter);
    }
    this.extending.delete(name);
    const result = deepMerge(merged, own, this.meter);
    this.extendsDepth.set(name, depth);
    this.extendedMemo.set(name, result);
    return result;
  }

  /** `extends: .a` or `extends: [.a, .b]`. */
  names(v: Value): string[] {
    const n = this.deAlias(v);
    if (isScalar(n) && n.value !== null) return [String(n.value)];
    if (isSeq(n)) return n.items.map((i) => this.deAlias(i)).filter(isScalar).map((s) => String(s.value));
    return [];
  }

  /** `!reference [job, key, …]`: the value it selects, or undefined when that is not in this file. */
  reference(seq: YAMLSeq, chain: readonly YAMLSeq[]): Value | undefined {
    if (chain.includes(seq)) return undefined;
    // GitLab's own limit: deeper nesting is refused by GitLab, and reported here as too complex.
    if (chain.length >= GITLAB_REFERENCE_DEPTH.limit) throw new TooComplexError(GITLAB_REFERENCE_DEPTH, chain.length + 1);
    const keys = seq.items.map((i) => this.deAlias(i));
    if (keys.length === 0 || !keys.every((k) => isScalar(k) && k.value !== null)) return undefined;
    const [first, ...rest] = keys.map((k) => String((k as Scalar).value));
    if (!this.root?.entries.has(first)) return undefined;
    let cur: Value | undefined = this.extended(first);
    for (const k of rest) {
      cur = this.resolved(cur, [...chain, seq]);
      cur = isMapping(cur) ? cur.entries.get(k)?.value : undefined;
      if (cur === undefined) return undefined;
    }
    return cur;
  }

  /** The value with a `!reference` in its place followed (undefined when it points outside the file). */
  resolved(v: Value | undefined, chain: readonly YAMLSeq[] = []): Value | undefined {
    return isSeq(v) && v.tag === '!reference' ? this.resolved(this.reference(v, chain), [...chain, v]) : v;
  }
}

export { scalarText };

export function trimmedSpan(src: string, node: YamlNode): Span {
  const [start, end] = node.range ?? [0, 0];
  let e = end;
  while (e > start && /\s/.test(src[e - 1])) e--;
  return { start, end: e };
}
