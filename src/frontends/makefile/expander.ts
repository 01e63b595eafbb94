/**
 * Make variables and their expansion: `MakeVar` (recursive or simple, exported or not), the
 * variables make defines itself, and the `Expander` that turns `$(…)` references, substitution
 * references and the make functions we can evaluate into Units mapped back to the file (anything
 * that depends on the run, `$(shell …)`, `$(wildcard …)` …, is unknown).
 */
import path from 'node:path';
import type { Span } from '../../kernel/source.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';
import { resolveDir } from '../shell/state.js';
import type { Unit } from '../../kernel/word-units.js';
import { matchClose, topLevelIndex, type Char } from './reader.js';

/** The directory make runs in ($(CURDIR)); venvs are kept as absolute paths under it. */
export const CURDIR = '/__make_curdir__';

export const text = (cs: readonly Unit[]): string => {
  // A loop, not map + join: called for every recipe line and value (no array per call).
  let t = '';
  for (const c of cs) t += 'ch' in c ? c.ch : UNKNOWN;
  return t;
};
export const unknown = (span?: Span, why?: string): Unit => ({ frag: { kind: 'unknown', span, why } });

// ---------------------------------------------------------------------------------------------
// Variables and expansion

export interface MakeVar {
  flavor: 'recursive' | 'simple';
  /** The value as written (recursive variables are expanded each time they are used). */
  raw: Char[];
  /** The value expanded at definition (simple variables). */
  value: Unit[];
  /** true: `export`; false: `unexport`; undefined: make's default (exported when from the environment). */
  exported?: boolean;
  origin: 'file' | 'environment' | 'default';
  /** Where it was (last) assigned. */
  span?: Span;
}

export type Vars = Map<string, MakeVar>;

const FUNCTIONS = new Set([
  'subst', 'patsubst', 'strip', 'findstring', 'filter', 'filter-out', 'sort', 'word', 'wordlist', 'words', 'firstword', 'lastword',
  'dir', 'notdir', 'suffix', 'basename', 'addsuffix', 'addprefix', 'join', 'wildcard', 'realpath', 'abspath', 'error', 'warning',
  'info', 'shell', 'origin', 'flavor', 'foreach', 'if', 'or', 'and', 'call', 'eval', 'file', 'value', 'guile', 'let', 'intcmp',
]);

/**
 * A recursive variable's expansion, kept for the next reference: valid while every variable and
 * automatic variable it looked up (transitively) is still the same. make re-expands a recursive
 * variable at each use; so did we, which made CPython's Makefile (`$(LIBRARY_OBJS)` in many
 * rules, each a few hundred references deep) quadratic.
 */
interface Memo {
  undefinedEmpty: boolean;
  vars: Map<string, MakeVar | undefined>;
  auto: Map<string, string | undefined>;
  result: Unit[];
}
const MEMO = new WeakMap<MakeVar, Memo>();
/** The same for text-only expansions (expandText), whose characters keep the offsets they had. */
const TEXT_MEMO = new WeakMap<MakeVar, Memo>();

/** What one expansion looked up: variables and automatic variables, by name. */
interface Deps {
  vars: Map<string, MakeVar | undefined>;
  auto: Map<string, string | undefined>;
}

/** Counts of the work expansions did (the regression tests bound them, instead of timing). */
export const expansionStats = { references: 0, memoHits: 0, units: 0 };

/** Characters one expansion may produce: CPython's Makefile and every Makefile of the 106-repository corpus expand within 128 Ki (checked by lowering this to 1 << 17); each character is an object with its offset, so the cap bounds memory too. */
export const MAX_EXPANSION = 1 << 18;

export class Expander {
  private active = new Set<string>();
  /** The expansions in progress, innermost last: each records what it looked up. */
  private deps: Deps[] = [];
  /** Bumped whenever a result is cut short (a cycle, the depth or the budget): such results are not kept. */
  private cuts = 0;
  /** References to automatic variables ($@, $(<D) …) so far, memoized ones included. */
  autoRefs = 0;
  /** false inside expandText: the characters a reference produces are not moved to the reference. */
  private positions = true;
  constructor(
    private vars: Vars,
    /** Automatic variables ($@, $<, $^) while expanding a recipe. */
    private auto: Map<string, string> = new Map(),
    private problems: { message: string; offset: number }[] = [],
    /** In conditionals: a variable the file does not define is empty (assumed absent from the environment, as for `?=`). */
    private undefinedEmpty = false,
  ) {}

  /**
   * Expands make references in `cs`. Literal characters keep their offsets; the characters a
   * reference produces all map to the reference (its `$`, the last one to its closing paren),
   * so a word made only of `$(PIP)` still has a place in the file.
   */
  expand(cs: readonly Unit[], depth = 0): Unit[] {
    const out: Unit[] = [];
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k];
      if (!('ch' in c) || c.ch !== '$') {
        out.push(c);
        continue;
      }
      const n = cs[k + 1];
      if (!n) break; // a lone `$` at the end expands to nothing
      if (!('ch' in n)) {
        out.push(unknown());
        k++;
        continue;
      }
      if (n.ch === '$') {
        out.push({ ch: '$', off: c.off });
        k++;
        continue;
      }
      let inner: Unit[];
      let end: number;
      if (n.ch === '(' || n.ch === '{') {
        // Fragments have no `ch`: they match no bracket.
        end = matchClose(cs as readonly { ch: string }[], k + 1);
        if (end < 0) {
          this.problems.push({ message: 'unterminated variable reference', offset: c.off });
          out.push(unknown({ start: Math.max(c.off, 0), end: Math.max(c.off, 0) + 1 }, 'unterminated $('));
          break;
        }
        inner = cs.slice(k + 2, end) as Unit[];
      } else {
        end = k + 1;
        inner = [n];
      }
      const last = cs[end];
      const span: Span | undefined = c.off >= 0 ? { start: c.off, end: ('ch' in last && last.off >= 0 ? last.off : c.off) + 1 } : undefined;
      const value = this.reference(inner, depth);
      let chars = 0;
      for (const u of value) chars += 'ch' in u ? u.ch.length : 1;
      if (out.length + chars > MAX_EXPANSION) {
        // Memoized values no longer cost references: `A2 = $(A1)$(A1)` … is stopped by its size.
        this.tooLarge(c.off);
        out.push(unknown(span, 'expansion too large'));
      } else {
        expansionStats.units += value.length;
        if (this.positions) for (const u of relocate(value, span)) out.push(u);
        else for (const u of value) out.push(u);
      }
      k = end;
    }
    return out;
  }

  /**
   * The expansion's text only (valueText of expand): targets, prerequisites, names, values. The
   * characters are not copied to point at their references, which is most of the work when a
   * prerequisite list of hundreds of files is expanded for each of hundreds of rules.
   */
  expandText(cs: readonly Unit[]): string {
    const was = this.positions;
    this.positions = false;
    try {
      return valueText(this.expand(cs));
    } finally {
      this.positions = was;
    }
  }

  /** References expanded so far: `A2 = $(A1)$(A1)`, `A1 = $(A0)$(A0)` … doubles at each level. */
  private budget = 100_000;

  /** The value of `$(inner)`: a function call, a substitution reference or a variable. */
  private reference(inner: Unit[], depth: number): Unit[] {
    expansionStats.references++;
    if (depth > 40) {
      this.cuts++;
      return [unknown(undefined, 'expansion too deep')];
    }
    if (--this.budget < 0 || this.reportedTooLarge) {
      this.tooLarge('ch' in (inner[0] ?? {}) ? (inner[0] as Char).off : 0);
      return [unknown(undefined, 'expansion too large')];
    }
    const raw = text(inner);
    const fm = /^([a-z-]+)[ \t]/.exec(raw);
    if (fm && FUNCTIONS.has(fm[1])) return this.call(fm[1], splitArgs(inner.slice(fm[0].length), fm[1]), depth);
    // `$(VAR:.c=.o)`: a substitution reference.
    const colon = topLevelIndex(inner.filter((u): u is Char => 'ch' in u), ':');
    if (colon > 0 && raw.slice(colon).includes('=')) {
      const name = text(this.expand(inner.slice(0, colon), depth + 1));
      const [from, to] = splitOnce(raw.slice(colon + 1), '=');
      const value = this.variable(name, depth);
      if (value.some((u) => !('ch' in u))) return [unknown(undefined, `$(${name}:…)`)];
      const pat = from.includes('%') ? from : `%${from}`;
      const rep = from.includes('%') ? to : `%${to}`;
      return synth(words(text(value)).map((w) => patsubstWord(pat, rep, w)).join(' '));
    }
    const name = text(this.expand(inner, depth + 1));
    if (name.includes(UNKNOWN)) return [unknown(undefined, `$(${raw})`)];
    return this.variable(name, depth);
  }

  variable(name: string, depth: number): Unit[] {
    if (/^[@<^+*?|%][DF]?$/.test(name)) {
      this.autoRefs++;
      const a = this.autoGet(name) ?? this.autoGet(name.replace(/[DF]$/, ''));
      if (a === undefined) return [unknown(undefined, `$${name}`)];
      if (name.length === 1) return synth(a);
      const ws = words(a);
      return synth(ws.map((w) => (name.endsWith('D') ? path.posix.dirname(w) : path.posix.basename(w))).join(' '));
    }
    const v = this.vars.get(name);
    const top = this.deps.at(-1);
    if (top && !top.vars.has(name)) top.vars.set(name, v);
    if (!v) return this.undefinedEmpty ? [] : [unknown(undefined, `$(${name})`)];
    if (v.flavor === 'simple') return v.value;
    if (this.active.has(name)) {
      this.cuts++;
      this.problems.push({ message: `recursive variable '${name}' references itself (eventually)`, offset: v.span?.start ?? 0 });
      return [unknown(undefined, `$(${name})`)];
    }
    const memos = this.positions ? MEMO : TEXT_MEMO;
    const memo = memos.get(v);
    if (memo && this.valid(memo)) {
      expansionStats.memoHits++;
      if (memo.auto.size) this.autoRefs++;
      if (top) this.merge(top, memo);
      return memo.result;
    }
    this.active.add(name);
    const own: Deps = { vars: new Map(), auto: new Map() };
    this.deps.push(own);
    const cuts = this.cuts;
    try {
      const expanded = this.expand(v.raw, depth + 1);
      const result = this.positions ? expanded : compact(expanded);
      if (this.cuts === cuts) memos.set(v, { undefinedEmpty: this.undefinedEmpty, vars: own.vars, auto: own.auto, result });
      return result;
    } finally {
      this.deps.pop();
      this.active.delete(name);
      if (top) this.merge(top, own);
    }
  }

  private reportedTooLarge = false;
  private tooLarge(offset: number): void {
    this.cuts++;
    if (!this.reportedTooLarge) this.problems.push({ message: 'variable expansion too large to analyse', offset: Math.max(offset, 0) });
    this.reportedTooLarge = true;
  }

  private autoGet(name: string): string | undefined {
    const a = this.auto.get(name);
    const top = this.deps.at(-1);
    if (top && !top.auto.has(name)) top.auto.set(name, a);
    return a;
  }

  private valid(m: Memo): boolean {
    if (m.undefinedEmpty !== this.undefinedEmpty) return false;
    for (const [n, v] of m.vars) if (this.vars.get(n) !== v) return false;
    for (const [n, a] of m.auto) if (this.auto.get(n) !== a) return false;
    return true;
  }

  private merge(into: Deps, from: Deps): void {
    for (const [n, v] of from.vars) if (!into.vars.has(n)) into.vars.set(n, v);
    for (const [n, a] of from.auto) if (!into.auto.has(n)) into.auto.set(n, a);
  }

  private call(fn: string, args: Unit[][], depth: number): Unit[] {
    const x = (i: number) => this.expand(args[i] ?? [], depth + 1);
    const known = (us: Unit[]) => !us.some((u) => !('ch' in u));
    if (fn === 'info' || fn === 'warning' || fn === 'error' || fn === 'eval') {
      // eval defines things we do not follow; the others print. All expand to nothing.
      return [];
    }
    if (fn === 'if') {
      const cond = x(0);
      if (!known(cond)) return [unknown(undefined, '$(if …)')];
      return text(cond).trim() !== '' ? x(1) : x(2);
    }
    if (fn === 'or' || fn === 'and') {
      let last: Unit[] = [];
      for (let i = 0; i < args.length; i++) {
        const v = x(i);
        if (!known(v)) return [unknown(undefined, `$(${fn} …)`)];
        const empty = text(v).trim() === '';
        if (fn === 'or' && !empty) return v;
        if (fn === 'and' && empty) return [];
        last = v;
      }
      return fn === 'or' ? [] : last;
    }
    const vals = args.map((_, i) => x(i));
    if (!vals.every(known)) return [unknown(undefined, `$(${fn} …)`)];
    const t = vals.map(text);
    const ws = (i: number) => words(t[i] ?? '');
    switch (fn) {
      case 'subst':
        return synth((t[2] ?? '').split(t[0] ?? '').join(t[1] ?? ''));
      case 'patsubst':
        return synth(ws(2).map((w) => patsubstWord(t[0].trim(), (t[1] ?? '').trim(), w)).join(' '));
      case 'strip':
        return synth(ws(0).join(' '));
      case 'firstword':
        return synth(ws(0)[0] ?? '');
      case 'lastword':
        return synth(ws(0).at(-1) ?? '');
      case 'words':
        return synth(String(ws(0).length));
      case 'dir':
        return synth(ws(0).map((w) => (w.includes('/') ? w.slice(0, w.lastIndexOf('/') + 1) : './')).join(' '));
      case 'notdir':
        return synth(ws(0).map((w) => w.slice(w.lastIndexOf('/') + 1)).join(' '));
      case 'addprefix':
        return synth(ws(1).map((w) => t[0] + w).join(' '));
      case 'addsuffix':
        return synth(ws(1).map((w) => w + t[0]).join(' '));
      case 'abspath':
        // Purely textual in GNU make (no file system access): relative to $(CURDIR).
        return synth(ws(0).map((w) => resolveDir(w, CURDIR) ?? w).join(' '));
      default:
        // shell, wildcard, realpath, call, foreach, origin …: depends on the run.
        return [unknown(undefined, `$(${fn} …)`)];
    }
  }
}

/**
 * A text-only expansion (expandText) with each run of characters as one unit holding the run's
 * text: a memoized value of thousands of characters is then a few units to copy at each use. Only
 * text() and valueText() read such units, which join `ch`; they never leave the expander.
 */
function compact(us: Unit[]): Unit[] {
  const out: Unit[] = [];
  let run = '';
  for (const u of us) {
    if ('ch' in u) run += u.ch;
    else {
      if (run) out.push({ ch: run, off: -1 });
      run = '';
      out.push(u);
    }
  }
  if (run) out.push({ ch: run, off: -1 });
  return out;
}

/** Characters a reference produced: they all point at the reference in the file. */
function relocate(us: Unit[], span: Span | undefined): Unit[] {
  const out: Unit[] = us.map((u) => ('ch' in u ? { ch: u.ch, off: span ? span.start : -1 } : { frag: u.frag.kind === 'unknown' ? { ...u.frag, span: span ?? u.frag.span } : u.frag }));
  const lastChar = out.length - 1;
  if (span && lastChar >= 0 && 'ch' in out[lastChar]) (out[lastChar] as Char).off = span.end - 1;
  return out;
}

export const synth = (s: string): Unit[] => [...s].map((ch) => ({ ch, off: -1 }));
export const words = (s: string) => s.split(/\s+/).filter(Boolean);
const splitOnce = (s: string, sep: string): [string, string] => {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
};

function patsubstWord(pat: string, rep: string, w: string): string {
  const p = pat.indexOf('%');
  if (p < 0) return w === pat ? rep : w;
  const pre = pat.slice(0, p);
  const post = pat.slice(p + 1);
  if (w.length < pre.length + post.length || !w.startsWith(pre) || !w.endsWith(post)) return w;
  const stem = w.slice(pre.length, w.length - post.length);
  return rep.includes('%') ? rep.replace('%', stem) : rep;
}

/** Function arguments split on top-level commas (a function's last argument may hold commas only for some). */
function splitArgs(us: Unit[], fn: string): Unit[][] {
  const maxArgs: Record<string, number> = { subst: 3, patsubst: 3, addprefix: 2, addsuffix: 2, if: 3, word: 2, wordlist: 3, foreach: 3, findstring: 2, filter: 2, 'filter-out': 2, join: 2 };
  const max = maxArgs[fn] ?? (fn === 'or' || fn === 'and' || fn === 'call' ? Infinity : 1);
  const out: Unit[][] = [[]];
  let depth = 0;
  for (const u of us) {
    if ('ch' in u) {
      if (u.ch === '(' || u.ch === '{') depth++;
      else if (u.ch === ')' || u.ch === '}') depth--;
      else if (u.ch === ',' && depth === 0 && out.length < max) {
        out.push([]);
        continue;
      }
    }
    out[out.length - 1].push(u);
  }
  return out;
}

export function defaultVars(): Vars {
  const v: Vars = new Map();
  const def = (name: string, value: string, origin: MakeVar['origin'] = 'default') =>
    v.set(name, { flavor: 'simple', raw: [], value: synth(value), origin });
  def('SHELL', '/bin/sh');
  def('CURDIR', CURDIR);
  def('MAKE', 'make');
  def('.SHELLFLAGS', '-c');
  // PATH is imported from make's environment (so exported): its value is the unknown default.
  v.set('PATH', { flavor: 'simple', raw: [], value: [{ frag: { kind: 'unknown', why: 'environment PATH' } }], origin: 'environment' });
  return v;
}

/** A value's text with PATH's unknown default part marked DEFAULT_PATH and other unknowns UNKNOWN. */
export function valueText(us: Unit[]): string {
  let t = '';
  for (const u of us) t += 'ch' in u ? u.ch : u.frag.kind === 'unknown' && u.frag.why === 'environment PATH' ? DEFAULT_PATH : UNKNOWN;
  return t;
}

export const sameVar = (a: MakeVar | undefined, b: MakeVar | undefined): boolean =>
  a === b ||
  (!!a && !!b && a.flavor === b.flavor && a.exported === b.exported && text(a.raw) === text(b.raw) && valueText(a.value) === valueText(b.value));
