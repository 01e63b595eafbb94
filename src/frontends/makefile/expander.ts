/**
 * Make variables and their expansion: `MakeVar` (recursive or simple, exported or not), the
 * variables make defines itself, and the `Expander` that turns `$(…)` references, substitution
 * references and the make functions we can evaluate into Units mapped back to the file (anything
 * that depends on the run, `$(shell …)`, `$(wildcard …)` …, is unknown).
 */
import path from 'node:path';
import type { Span } from '../../kernel/source.js';
import { UNKNOWN } from '../config/facts.js';
import { resolveDir } from '../shell/state.js';
import { EMPTY, fragAt, hasFrags, MBuilder, mtext, offAt, slice, unknownText, valueText, type MText } from './mtext.js';
import { matchClose, topLevelIndex } from './reader.js';

export { valueText } from './mtext.js';

/** The directory make runs in ($(CURDIR)); venvs are kept as absolute paths under it. */
export const CURDIR = '/__make_curdir__';

/** The text, each unknown value as UNKNOWN. */
export const text = (t: MText): string => t.s;
export const unknown = (span?: Span, why?: string): MText => unknownText({ kind: 'unknown', span, why });

// ---------------------------------------------------------------------------------------------
// Variables and expansion

export interface MakeVar {
  flavor: 'recursive' | 'simple';
  /** The value as written (recursive variables are expanded each time they are used). */
  raw: MText;
  /** The value expanded at definition (simple variables). */
  value: MText;
  /** true: `export`; false: `unexport`; undefined: make's default (exported when from the environment). */
  exported?: boolean;
  origin: 'file' | 'environment' | 'default';
  /** Where it was (last) assigned. */
  span?: Span;
}

export type Vars = Map<string, MakeVar>;

/** Automatic variables ($@, $<, $^, $+) by name, while expanding a recipe (a Map will do). */
export interface AutoVars {
  get(name: string): string | undefined;
}

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
  result: MText;
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

/** Characters one expansion may produce: CPython's Makefile and every Makefile of the 106-repository corpus expand within 128 Ki (checked by lowering this to 1 << 17); it bounds the offset table (four bytes a character) too. */
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
    private auto: AutoVars = new Map<string, string>(),
    private problems: { message: string; offset: number }[] = [],
    /** In conditionals: a variable the file does not define is empty (assumed absent from the environment, as for `?=`). */
    private undefinedEmpty = false,
  ) {}

  /**
   * Expands make references in `cs`. Literal characters keep their offsets; the characters a
   * reference produces all map to the reference (its `$`, the last one to its closing paren),
   * so a word made only of `$(PIP)` still has a place in the file.
   */
  expand(cs: MText, depth = 0): MText {
    const s = cs.s;
    let k = s.indexOf('$');
    if (k < 0) return cs; // nothing to expand: the text itself, offsets and all
    const out = new MBuilder(this.positions);
    let from = 0;
    for (; k >= 0; k = s.indexOf('$', k + 1)) {
      if (fragAt(cs, k)) continue;
      out.text(cs, from, k);
      from = s.length;
      const off = offAt(cs, k);
      if (k + 1 >= s.length) break; // a lone `$` at the end expands to nothing
      if (fragAt(cs, k + 1)) {
        out.frag(UNKNOWN_FRAG());
        k++;
        from = k + 1;
        continue;
      }
      const n = s[k + 1];
      if (n === '$') {
        out.char('$', off);
        k++;
        from = k + 1;
        continue;
      }
      let inner: MText;
      let end: number;
      if (n === '(' || n === '{') {
        // Unknowns match no bracket.
        end = matchClose(s, k + 1);
        if (end < 0) {
          this.problems.push({ message: 'unterminated variable reference', offset: off });
          out.text(unknown({ start: Math.max(off, 0), end: Math.max(off, 0) + 1 }, 'unterminated $('));
          break;
        }
        inner = slice(cs, k + 2, end);
      } else {
        end = k + 1;
        inner = slice(cs, k + 1, k + 2);
      }
      const lastOff = offAt(cs, end);
      const span: Span | undefined = off >= 0 ? { start: off, end: (lastOff >= 0 ? lastOff : off) + 1 } : undefined;
      const value = this.reference(inner, depth);
      const chars = value.s.length;
      if (out.length + chars > MAX_EXPANSION) {
        // Memoized values no longer cost references: `A2 = $(A1)$(A1)` … is stopped by its size.
        this.tooLarge(off);
        out.text(unknown(span, 'expansion too large'));
      } else {
        expansionStats.units += chars;
        if (this.positions) out.relocated(value, span);
        else out.text(value);
      }
      k = end;
      from = end + 1;
    }
    out.text(cs, from, s.length);
    return out.build();
  }

  /**
   * The expansion's text only (valueText of expand): targets, prerequisites, names, values. No
   * offset table is made: most of the work when a prerequisite list of hundreds of files is
   * expanded for each of hundreds of rules.
   */
  expandText(cs: MText): string {
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
  private reference(inner: MText, depth: number): MText {
    expansionStats.references++;
    if (depth > 40) {
      this.cuts++;
      return unknown(undefined, 'expansion too deep');
    }
    if (--this.budget < 0 || this.reportedTooLarge) {
      this.tooLarge(inner.s.length ? offAt(inner, 0) : 0);
      return unknown(undefined, 'expansion too large');
    }
    const raw = inner.s;
    const fm = /^([a-z-]+)[ \t]/.exec(raw);
    if (fm && FUNCTIONS.has(fm[1])) return this.call(fm[1], splitArgs(slice(inner, fm[0].length), fm[1]), depth);
    // `$(VAR:.c=.o)`: a substitution reference.
    const colon = topLevelIndex(raw, ':');
    if (colon > 0 && raw.slice(colon).includes('=')) {
      const name = this.expand(slice(inner, 0, colon), depth + 1).s;
      const [from, to] = splitOnce(raw.slice(colon + 1), '=');
      const value = this.variable(name, depth);
      if (hasFrags(value)) return unknown(undefined, `$(${name}:…)`);
      const pat = from.includes('%') ? from : `%${from}`;
      const rep = from.includes('%') ? to : `%${to}`;
      return synth(words(value.s).map((w) => patsubstWord(pat, rep, w)).join(' '));
    }
    const name = this.expand(inner, depth + 1).s;
    if (name.includes(UNKNOWN)) return unknown(undefined, `$(${raw})`);
    return this.variable(name, depth);
  }

  variable(name: string, depth: number): MText {
    if (/^[@<^+*?|%][DF]?$/.test(name)) {
      this.autoRefs++;
      const a = this.autoGet(name) ?? this.autoGet(name.replace(/[DF]$/, ''));
      if (a === undefined) return unknown(undefined, `$${name}`);
      if (name.length === 1) return synth(a);
      const ws = words(a);
      return synth(ws.map((w) => (name.endsWith('D') ? path.posix.dirname(w) : path.posix.basename(w))).join(' '));
    }
    const v = this.vars.get(name);
    const top = this.deps.at(-1);
    if (top && !top.vars.has(name)) top.vars.set(name, v);
    if (!v) return this.undefinedEmpty ? EMPTY : unknown(undefined, `$(${name})`);
    if (v.flavor === 'simple') return v.value;
    if (this.active.has(name)) {
      this.cuts++;
      this.problems.push({ message: `recursive variable '${name}' references itself (eventually)`, offset: v.span?.start ?? 0 });
      return unknown(undefined, `$(${name})`);
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
      const result = this.expand(v.raw, depth + 1);
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

  /**
   * `$(call NAME,a,b)`: NAME's value expanded with `$(0)` bound to NAME and `$(1)`, `$(2)` … to the
   * arguments, expanded first (a `define` used as a recipe template: oncall's `$(call
   * backend_command,python manage.py start_celery)`). Numbers past the arguments are empty, as in
   * make; the outer call's bindings come back after it.
   */
  private callVariable(args: MText[], depth: number): MText {
    const name = this.expand(args[0] ?? EMPTY, depth + 1);
    if (hasFrags(name)) return unknown(undefined, '$(call …)');
    const v = this.vars.get(name.s.trim());
    if (!v) return EMPTY;
    const params = [synth(name.s.trim()), ...args.slice(1).map((a) => this.expand(a, depth + 1))];
    const saved = new Map<string, MakeVar | undefined>();
    const bind = (key: string, value: MText) => {
      if (!saved.has(key)) saved.set(key, this.vars.get(key));
      this.vars.set(key, { flavor: 'simple', raw: EMPTY, value, origin: 'file' });
    };
    params.forEach((p, i) => bind(String(i), p));
    // An outer call's further arguments are not this one's.
    for (let i = params.length; this.vars.has(String(i)); i++) bind(String(i), EMPTY);
    try {
      return v.flavor === 'simple' ? v.value : this.expand(v.raw, depth + 1);
    } finally {
      for (const [key, old] of saved) {
        if (old) this.vars.set(key, old);
        else this.vars.delete(key);
      }
    }
  }

  private call(fn: string, args: MText[], depth: number): MText {
    const x = (i: number) => this.expand(args[i] ?? EMPTY, depth + 1);
    const known = (t: MText) => !hasFrags(t);
    if (fn === 'info' || fn === 'warning' || fn === 'error' || fn === 'eval') {
      // eval defines things we do not follow; the others print. All expand to nothing.
      return EMPTY;
    }
    if (fn === 'call') return this.callVariable(args, depth);
    if (fn === 'if') {
      const cond = x(0);
      if (!known(cond)) return unknown(undefined, '$(if …)');
      return cond.s.trim() !== '' ? x(1) : x(2);
    }
    if (fn === 'or' || fn === 'and') {
      let last: MText = EMPTY;
      for (let i = 0; i < args.length; i++) {
        const v = x(i);
        if (!known(v)) return unknown(undefined, `$(${fn} …)`);
        const empty = v.s.trim() === '';
        if (fn === 'or' && !empty) return v;
        if (fn === 'and' && empty) return EMPTY;
        last = v;
      }
      return fn === 'or' ? EMPTY : last;
    }
    const vals = args.map((_, i) => x(i));
    if (!vals.every(known)) return unknown(undefined, `$(${fn} …)`);
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
        // shell, wildcard, realpath, foreach, origin …: depends on the run.
        return unknown(undefined, `$(${fn} …)`);
    }
  }
}

const UNKNOWN_FRAG = () => ({ kind: 'unknown' as const, span: undefined, why: undefined });

/** Text made here (no place in the file). */
export const synth = (s: string): MText => mtext(s);
/** The words of s, split on white space (`\s`): one regex match, no empty strings to filter out. */
export const words = (s: string): string[] => s.match(/\S+/g) ?? [];
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
function splitArgs(t: MText, fn: string): MText[] {
  const maxArgs: Record<string, number> = { subst: 3, patsubst: 3, addprefix: 2, addsuffix: 2, if: 3, word: 2, wordlist: 3, foreach: 3, findstring: 2, filter: 2, 'filter-out': 2, join: 2 };
  const max = maxArgs[fn] ?? (fn === 'or' || fn === 'and' || fn === 'call' ? Infinity : 1);
  const out: MText[] = [];
  const s = t.s;
  let depth = 0;
  let from = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0 && out.length + 1 < max) {
      out.push(slice(t, from, k));
      from = k + 1;
    }
  }
  out.push(slice(t, from));
  return out;
}

export function defaultVars(): Vars {
  const v: Vars = new Map();
  const def = (name: string, value: string, origin: MakeVar['origin'] = 'default') => v.set(name, { flavor: 'simple', raw: EMPTY, value: synth(value), origin });
  def('SHELL', '/bin/sh');
  def('CURDIR', CURDIR);
  def('MAKE', 'make');
  def('.SHELLFLAGS', '-c');
  // PATH is imported from make's environment (so exported): its value is the unknown default.
  v.set('PATH', { flavor: 'simple', raw: EMPTY, value: unknownText({ kind: 'unknown', why: 'environment PATH' }), origin: 'environment' });
  return v;
}

export const sameVar = (a: MakeVar | undefined, b: MakeVar | undefined): boolean =>
  a === b || (!!a && !!b && a.flavor === b.flavor && a.exported === b.exported && a.raw.s === b.raw.s && valueText(a.value) === valueText(b.value));
