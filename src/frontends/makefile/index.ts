/**
 * Makefile front end (`Makefile`, `makefile`, `GNUmakefile`, `*.mk`) → launch sites, modelling
 * what GNU make (4.3, measured on this machine) really does with the environment:
 *
 * - make reads the whole file first (variables, rules, conditionals), then expands a recipe with
 *   the FINAL values of the variables (and the target's target-specific ones), `$$` becoming `$`.
 * - Each recipe line runs in its own shell, `$(SHELL) -c line` (default `/bin/sh`, dash here),
 *   unless `.ONESHELL:` appears anywhere: then the whole recipe is one shell. A multi-line
 *   variable (`define`) expanded in a recipe gives one command line per line (GNU make manual,
 *   "Canned Recipes"). `@`/`-`/`+` prefixes are stripped after expansion (`$(Q)echo` works).
 *   Backslash-newline inside a recipe is passed to the shell, which joins the lines.
 * - Only exported variables reach a recipe's environment (`export`, `.EXPORT_ALL_VARIABLES`, or
 *   a variable make found in its own environment). PATH always comes from the environment, so
 *   `PATH := $(VENV)/bin:$(PATH)` DOES reach recipes even without `export` (measured: make 4.3
 *   marks imported variables for export and a makefile assignment keeps that), `unexport PATH`
 *   stops it. `VIRTUAL_ENV := …` without export does not reach recipes (measured).
 * - Venvs created by a recipe (`python3 -m venv $(VENV)`, `virtualenv`, `uv venv`) are files:
 *   make runs targets in dependency order, not file order, so the model is "a venv created by
 *   any recipe is known in every recipe of the file, except in the creating line itself and the
 *   earlier lines of the same recipe". A venv only ever used by path is not "known" (as in the
 *   Dockerfile and Actions models: no creation seen, no finding).
 * - Conditionals: both branches are read (their rules are all analysed: they are alternatives).
 *   A variable the branches set differently is unknown after `endif`, unless the condition can
 *   be decided from the file alone (variables the file does not define taken as undefined, the
 *   same assumption as `?=`). `include` is not followed. `$(shell …)`, `$(wildcard …)`,
 *   `$(realpath …)`, `$(eval …)`, `$(call …)` are unknown; `$(abspath …)`, `$(subst …)`,
 *   `$(patsubst …)`, `$(dir …)`, `$(notdir …)`, `$(addprefix …)` … are evaluated.
 * - Not modelled: target-specific variables inherited by prerequisites, pattern-specific
 *   variables, `.SHELLFLAGS`, `$(eval)` output, the "no shell" fast path (make execs a simple
 *   command itself; its lookup uses the same exported PATH, so the verdict is the same).
 *
 * The lexer is our own: npm has `tree-sitter-make` (a grammar: syntax only, none of make's
 * reading rules — continuation collapsing, recipe prefixes, expansion) and `@kba/makefile-parser`
 * (0.0.x), neither maps expanded text back to the file, which findings need character by character.
 */
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { LaunchSite, ProgramRewriter, Rewrite, RewriteTarget, ConfigSiteFacts, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import { suppressedCodes, type Suppressions } from '../../kernel/suppressions.js';
import { wordSourceSpan, wordText, type Word } from '../../kernel/word.js';
import { DEFAULT_PATH, dropSideVenvs, linkLaterSites, syntaxProblemOf, UNKNOWN, venvProgram } from '../config-facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, type FrontEnd } from '../front-end.js';
import { decodeText, type DecodeResult } from '../../kernel/decode.js';
import type { ShellDialect } from '../shell/parse.js';
import { runShellSession } from '../shell/session.js';
import { resolveDir } from '../shell/state.js';
import { type Unit, unitsToWord } from '../../kernel/word-units.js';

export type Char = { ch: string; off: number };

/** The directory make runs in ($(CURDIR)); venvs are kept as absolute paths under it. */
export const CURDIR = '/__make_curdir__';

const text = (cs: readonly Unit[]) => cs.map((c) => ('ch' in c ? c.ch : UNKNOWN)).join('');
const unknown = (span?: Span, why?: string): Unit => ({ frag: { kind: 'unknown', span, why } });
const isWs = (ch: string | undefined) => ch === ' ' || ch === '\t';

// ---------------------------------------------------------------------------------------------
// Reading: logical lines, comments, continuations

interface LogicalLine {
  /** The physical lines joined, backslash-newline pairs kept (`\` then `\n`, mapped to the file). */
  chars: Char[];
  firstLine: number;
  lastLine: number;
  /** Offset of each physical line's start (to strip a recipe prefix on continued lines). */
  starts: number[];
}

/** Physical lines joined where a line ends in an odd number of backslashes (GNU make's readline). */
export function logicalLines(src: string): LogicalLine[] {
  const phys: { start: number; text: string }[] = [];
  for (let s = 0; s < src.length; ) {
    let e = src.indexOf('\n', s);
    if (e < 0) e = src.length;
    let t = src.slice(s, e);
    if (t.endsWith('\r')) t = t.slice(0, -1);
    phys.push({ start: s, text: t });
    s = e + 1;
  }
  const out: LogicalLine[] = [];
  for (let i = 0; i < phys.length; ) {
    const ll: LogicalLine = { chars: [], firstLine: i + 1, lastLine: i + 1, starts: [] };
    for (;;) {
      const p = phys[i];
      ll.starts.push(p.start);
      for (let k = 0; k < p.text.length; k++) ll.chars.push({ ch: p.text[k], off: p.start + k });
      ll.lastLine = i + 1;
      i++;
      let bs = 0;
      for (let k = p.text.length - 1; k >= 0 && p.text[k] === '\\'; k--) bs++;
      if (bs % 2 === 0 || i >= phys.length) break;
      ll.chars.push({ ch: '\n', off: p.start + p.text.length });
    }
    out.push(ll);
  }
  return out;
}

/** Drops a make comment: from the first `#` not escaped by a backslash (`\#` is a literal `#`). */
function stripComment(cs: Char[]): Char[] {
  const out: Char[] = [];
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    if (c.ch === '\\' && cs[k + 1]?.ch === '#') {
      out.push(cs[k + 1]);
      k++;
      continue;
    }
    if (c.ch === '#') break;
    out.push(c);
  }
  return out;
}

/** Outside recipes, backslash-newline and the white space around it become one space. */
function collapseContinuations(cs: Char[]): Char[] {
  const out: Char[] = [];
  for (let k = 0; k < cs.length; k++) {
    if (cs[k].ch === '\\' && cs[k + 1]?.ch === '\n') {
      const at = cs[k].off;
      while (out.length && isWs(out[out.length - 1].ch)) out.pop();
      k += 2;
      while (k < cs.length && isWs(cs[k].ch)) k++;
      k--;
      out.push({ ch: ' ', off: at });
      continue;
    }
    out.push(cs[k]);
  }
  return out;
}

const trimChars = (cs: Char[]): Char[] => {
  let a = 0;
  let b = cs.length;
  while (a < b && /\s/.test(cs[a].ch)) a++;
  while (b > a && /\s/.test(cs[b - 1].ch)) b--;
  return cs.slice(a, b);
};

/** Index of the matching close paren/brace for the opener at `open`, or -1. */
function matchClose(cs: readonly { ch: string }[], open: number): number {
  const o = cs[open].ch;
  const c = o === '(' ? ')' : '}';
  let depth = 0;
  for (let k = open; k < cs.length; k++) {
    if (cs[k].ch === o) depth++;
    else if (cs[k].ch === c && --depth === 0) return k;
  }
  return -1;
}

/** The first `:` or `=` (or `;`) outside variable references, for telling assignments from rules. */
function topLevelIndex(cs: Char[], chars: string, from = 0): number {
  for (let k = from; k < cs.length; k++) {
    const ch = cs[k].ch;
    if (ch === '$' && (cs[k + 1]?.ch === '(' || cs[k + 1]?.ch === '{')) {
      const e = matchClose(cs, k + 1);
      if (e < 0) return -1;
      k = e;
      continue;
    }
    if (ch === '$') {
      k++;
      continue;
    }
    if (chars.includes(ch)) return k;
  }
  return -1;
}

type AssignOp = '=' | ':=' | '::=' | '?=' | '+=' | '!=';

/** `NAME op value` when the text is a variable assignment (GNU make checks this before rules). */
function parseAssignment(cs: Char[]): { name: Char[]; op: AssignOp; value: Char[] } | undefined {
  const k = topLevelIndex(cs, ':=');
  if (k < 0) return undefined;
  let op: AssignOp;
  let nameEnd = k;
  let valueStart: number;
  if (cs[k].ch === ':') {
    if (cs[k + 1]?.ch === '=') {
      op = ':=';
      valueStart = k + 2;
    } else if (cs[k + 1]?.ch === ':' && cs[k + 2]?.ch === '=') {
      op = '::=';
      valueStart = k + 3;
    } else return undefined; // a rule
  } else {
    const prev = cs[k - 1]?.ch;
    if (prev === '+' || prev === '?' || prev === '!') {
      op = `${prev}=` as AssignOp;
      nameEnd = k - 1;
    } else op = '=';
    valueStart = k + 1;
  }
  const name = trimChars(cs.slice(0, nameEnd));
  if (!name.length) return undefined;
  let v = valueStart;
  while (v < cs.length && isWs(cs[v].ch)) v++; // leading white space goes; trailing stays (GNU make)
  return { name, op, value: cs.slice(v) };
}

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

type Vars = Map<string, MakeVar>;

const FUNCTIONS = new Set([
  'subst', 'patsubst', 'strip', 'findstring', 'filter', 'filter-out', 'sort', 'word', 'wordlist', 'words', 'firstword', 'lastword',
  'dir', 'notdir', 'suffix', 'basename', 'addsuffix', 'addprefix', 'join', 'wildcard', 'realpath', 'abspath', 'error', 'warning',
  'info', 'shell', 'origin', 'flavor', 'foreach', 'if', 'or', 'and', 'call', 'eval', 'file', 'value', 'guile', 'let', 'intcmp',
]);

class Expander {
  private active = new Set<string>();
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
        end = matchClose(cs.map((u) => ('ch' in u ? u : { ch: '' })), k + 1);
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
      out.push(...relocate(this.reference(inner, depth), span));
      k = end;
    }
    return out;
  }

  /** References expanded so far: `A2 = $(A1)$(A1)`, `A1 = $(A0)$(A0)` … doubles at each level. */
  private budget = 100_000;

  /** The value of `$(inner)`: a function call, a substitution reference or a variable. */
  private reference(inner: Unit[], depth: number): Unit[] {
    if (depth > 40) return [unknown(undefined, 'expansion too deep')];
    if (--this.budget < 0) {
      if (this.budget === -1) this.problems.push({ message: 'variable expansion too large to analyse', offset: ('ch' in (inner[0] ?? {}) ? (inner[0] as Char).off : 0) });
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
    const a = this.auto.get(name) ?? this.auto.get(name.replace(/[DF]$/, ''));
    if (/^[@<^+*?|%]$/.test(name) || /^[@<^+*?|%][DF]$/.test(name)) {
      if (a === undefined) return [unknown(undefined, `$${name}`)];
      if (name.length === 1) return synth(a);
      const ws = words(a);
      return synth(ws.map((w) => (name.endsWith('D') ? path.posix.dirname(w) : path.posix.basename(w))).join(' '));
    }
    const v = this.vars.get(name);
    if (!v) return this.undefinedEmpty ? [] : [unknown(undefined, `$(${name})`)];
    if (v.flavor === 'simple') return v.value;
    if (this.active.has(name)) {
      this.problems.push({ message: `recursive variable '${name}' references itself (eventually)`, offset: v.span?.start ?? 0 });
      return [unknown(undefined, `$(${name})`)];
    }
    this.active.add(name);
    try {
      return this.expand(v.raw, depth + 1);
    } finally {
      this.active.delete(name);
    }
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

/** Characters a reference produced: they all point at the reference in the file. */
function relocate(us: Unit[], span: Span | undefined): Unit[] {
  const out: Unit[] = us.map((u) => ('ch' in u ? { ch: u.ch, off: span ? span.start : -1 } : { frag: u.frag.kind === 'unknown' ? { ...u.frag, span: span ?? u.frag.span } : u.frag }));
  const lastChar = out.length - 1;
  if (span && lastChar >= 0 && 'ch' in out[lastChar]) (out[lastChar] as Char).off = span.end - 1;
  return out;
}

const synth = (s: string): Unit[] => [...s].map((ch) => ({ ch, off: -1 }));
const words = (s: string) => s.split(/\s+/).filter(Boolean);
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

function defaultVars(): Vars {
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
function valueText(us: Unit[]): string {
  return us.map((u) => ('ch' in u ? u.ch : u.frag.kind === 'unknown' && u.frag.why === 'environment PATH' ? DEFAULT_PATH : UNKNOWN)).join('');
}

const sameVar = (a: MakeVar | undefined, b: MakeVar | undefined): boolean =>
  a === b ||
  (!!a && !!b && a.flavor === b.flavor && a.exported === b.exported && text(a.raw) === text(b.raw) && valueText(a.value) === valueText(b.value));

// ---------------------------------------------------------------------------------------------
// Parsing the makefile

export interface RecipeLine {
  /** The line after its recipe prefix, continuation lines' prefixes removed, `\`-newline kept. */
  chars: Char[];
  firstLine: number;
  lastLine: number;
  span: Span;
}

export interface Rule {
  /** The targets as written (for messages) and expanded. */
  targetsText: string;
  targets: string[];
  prereqs: string[];
  doubleColon: boolean;
  recipe: RecipeLine[];
  line: number;
}

export interface ParsedMakefile {
  rules: Rule[];
  vars: Vars;
  /** Target-specific assignments by target name, in order. */
  targetVars: Map<string, { name: string; op: AssignOp; value: Char[]; exported?: boolean; span: Span }[]>;
  oneShell: boolean;
  exportAll: boolean;
  /** Comment lines (make comments and recipe-line shell comments), for suppressions. */
  commentLines: Set<number>;
  problems: { message: string; offset: number }[];
}

interface CondFrame {
  snapshot: Vars;
  results: Vars[];
  decisions: (boolean | undefined)[];
  hasElse: boolean;
  line: number;
  offset: number;
}

const cloneVars = (v: Vars): Vars => new Map(v);

export function parseMakefile(src: string): ParsedMakefile {
  const lines = logicalLines(src);
  const out: ParsedMakefile = { rules: [], vars: defaultVars(), targetVars: new Map(), oneShell: false, exportAll: false, commentLines: new Set(), problems: [] };
  const problems = out.problems;
  let vars = out.vars;
  let recipePrefix = '\t';
  let rule: Rule | undefined;
  const conds: CondFrame[] = [];
  const ex = () => new Expander(vars, undefined, problems);
  const lineSpan = (ll: LogicalLine): Span => ({ start: ll.chars[0]?.off ?? ll.starts[0], end: (ll.chars.at(-1)?.off ?? ll.starts[0]) + 1 });

  const assign = (name: string, op: AssignOp, value: Char[], span: Span, exported?: boolean, override = false) => {
    void override;
    const prev = vars.get(name);
    let nv: MakeVar;
    if (op === '?=' && prev && prev.origin !== 'default') return; // assumes the environment does not set it
    if (op === '+=' && prev) {
      nv =
        prev.flavor === 'simple'
          ? { ...prev, value: [...prev.value, ...(prev.value.length ? synth(' ') : []), ...ex().expand(value)], span }
          : { ...prev, raw: [...prev.raw, ...(prev.raw.length ? [{ ch: ' ', off: -1 }] : []), ...value], span };
    } else if (op === ':=' || op === '::=') {
      nv = { flavor: 'simple', raw: value, value: ex().expand(value), origin: 'file', span, exported: prev?.exported };
    } else if (op === '!=') {
      nv = { flavor: 'simple', raw: value, value: [unknown(span, '!= (shell assignment)')], origin: 'file', span, exported: prev?.exported };
    } else {
      nv = { flavor: 'recursive', raw: value, value: [], origin: 'file', span, exported: prev?.exported };
    }
    if (prev?.origin === 'environment') nv.origin = 'environment'; // still exported (measured)
    if (exported !== undefined) nv.exported = exported;
    vars.set(name, nv);
    if (name === '.RECIPEPREFIX') {
      const t = valueText(ex().expand(value));
      recipePrefix = t === '' ? '\t' : t[0];
    }
  };

  /** true/false when the condition is decidable from the file alone, else undefined. */
  const evalCondition = (kw: string, rest: Char[]): boolean | undefined => {
    if (kw === 'ifdef' || kw === 'ifndef') {
      const name = valueText(ex().expand(rest)).trim();
      if (name.includes(UNKNOWN)) return undefined;
      const v = vars.get(name);
      let defined: boolean | undefined;
      if (!v) defined = false; // the file does not define it: assumed absent from the environment
      else if (v.origin === 'environment') defined = true;
      else defined = v.flavor === 'recursive' ? text(v.raw) !== '' : v.value.length > 0;
      return kw === 'ifdef' ? defined : !defined;
    }
    const args = conditionArgs(rest);
    if (!args) {
      problems.push({ message: `invalid syntax in conditional`, offset: rest[0]?.off ?? 0 });
      return undefined;
    }
    const [a, b] = args.map((cs) => valueText(new Expander(vars, undefined, problems, true).expand(cs)));
    if (a.includes(UNKNOWN) || b.includes(UNKNOWN) || a.includes(DEFAULT_PATH) || b.includes(DEFAULT_PATH)) return undefined;
    return (a === b) === (kw === 'ifeq');
  };

  const endRuleContext = () => {
    rule = undefined;
  };

  for (let li = 0; li < lines.length; li++) {
    const ll = lines[li];
    // Recipe line: starts with the recipe prefix while a rule is open.
    if (rule && ll.chars[0]?.ch === recipePrefix) {
      const chars: Char[] = [];
      for (let k = 1; k < ll.chars.length; k++) {
        chars.push(ll.chars[k]);
        // The prefix at the start of a continued line is removed (GNU make manual, "Splitting Recipe Lines").
        if (ll.chars[k].ch === '\n' && ll.chars[k + 1]?.ch === recipePrefix) k++;
      }
      rule.recipe.push({ chars, firstLine: ll.firstLine, lastLine: ll.lastLine, span: lineSpan(ll) });
      if (/^\s*#/.test(chars.map((c) => c.ch).join(''))) out.commentLines.add(ll.firstLine);
      continue;
    }
    const noComment = stripComment(ll.chars);
    if (noComment.length < ll.chars.length && /^\s*#/.test(ll.chars.map((c) => c.ch).join(''))) {
      for (let l = ll.firstLine; l <= ll.lastLine; l++) out.commentLines.add(l);
    }
    // Leading white space goes; trailing white space is part of a variable's value (measured).
    const collapsed = collapseContinuations(noComment);
    const line = collapsed.slice(collapsed.findIndex((c) => !/\s/.test(c.ch)));
    if (!collapsed.some((c) => !/\s/.test(c.ch))) continue; // blank and comment lines do not end a rule's recipe
    const t = line.map((c) => c.ch).join('');
    const kwm = /^(-?[a-z]+)(?=\s|$|\()/.exec(t);
    let kw = kwm?.[1] ?? '';
    const afterKw = () => trimChars(line.slice(kw.length));

    // Conditionals (allowed inside a recipe: they do not end it).
    if (kw === 'ifeq' || kw === 'ifneq' || kw === 'ifdef' || kw === 'ifndef') {
      conds.push({ snapshot: cloneVars(vars), results: [], decisions: [evalCondition(kw, afterKw())], hasElse: false, line: ll.firstLine, offset: line[0].off });
      continue;
    }
    if (kw === 'else') {
      const f = conds.at(-1);
      if (!f || f.hasElse) {
        problems.push({ message: f ? "only one 'else' per conditional" : "extraneous 'else'", offset: line[0].off });
        continue;
      }
      f.results.push(vars);
      vars = cloneVars(f.snapshot);
      const rest = afterKw();
      const m = /^(ifeq|ifneq|ifdef|ifndef)(?=\s|\()/.exec(rest.map((c) => c.ch).join(''));
      if (m) f.decisions.push(evalCondition(m[1], trimChars(rest.slice(m[1].length))));
      else {
        f.decisions.push(true);
        f.hasElse = true;
      }
      continue;
    }
    if (kw === 'endif') {
      const f = conds.pop();
      if (!f) {
        problems.push({ message: "extraneous 'endif'", offset: line[0].off });
        continue;
      }
      f.results.push(vars);
      if (!f.hasElse) {
        f.results.push(f.snapshot);
        f.decisions.push(true);
      }
      let chosen: number | undefined;
      for (let i = 0; i < f.decisions.length; i++) {
        if (f.decisions[i] === undefined) break;
        if (f.decisions[i]) {
          chosen = i;
          break;
        }
      }
      if (chosen !== undefined) vars = f.results[chosen];
      else {
        // Undecidable: what all branches agree on stays; the rest is unknown.
        vars = cloneVars(f.results[0]);
        const names = new Set(f.results.flatMap((r) => [...r.keys()]));
        for (const n of names) {
          const vs = f.results.map((r) => r.get(n));
          if (vs.every((v) => sameVar(v, vs[0]))) continue;
          const any = vs.find((v) => v)!;
          vars.set(n, { flavor: 'simple', raw: [], value: [unknown(any.span, `$(${n}) (set differently in the branches of a conditional)`)], origin: any.origin, exported: vs.some((v) => v?.exported) ? true : any.exported, span: any.span });
        }
      }
      out.vars = vars;
      continue;
    }

    if (kw === 'define') {
      endRuleContext();
      const head = afterKw();
      const a = parseDefineHead(head);
      const body: Char[] = [];
      let depth = 1;
      let closed = false;
      let j = li + 1;
      for (; j < lines.length; j++) {
        const bt = lines[j].chars.map((c) => c.ch).join('');
        const w = /^\s*(\S+)/.exec(bt)?.[1];
        if (w === 'define' || /^\s*(override|export)\s+define(\s|$)/.test(bt)) depth++;
        if (w === 'endef' && --depth === 0) {
          closed = true;
          break;
        }
        if (body.length || j > li + 1) body.push({ ch: '\n', off: lines[j].starts[0] - 1 });
        body.push(...lines[j].chars);
      }
      if (!closed) problems.push({ message: "missing 'endef', unterminated 'define'", offset: line[0].off });
      li = j;
      if (a) assign(a.name, a.op, body, lineSpan(ll));
      continue;
    }
    if (kw === 'endef') {
      problems.push({ message: "extraneous 'endef'", offset: line[0].off });
      continue;
    }
    if (kw === 'include' || kw === '-include' || kw === 'sinclude' || kw === 'vpath' || kw === 'load' || kw === '-load') {
      endRuleContext(); // not followed
      continue;
    }

    // export / unexport / override / private prefixes.
    let rest = line;
    let exported: boolean | undefined;
    let override = false;
    for (;;) {
      const m = /^(export|unexport|override|private)(?=\s|$)/.exec(rest.map((c) => c.ch).join(''));
      if (!m) break;
      if (m[1] === 'export') exported = true;
      else if (m[1] === 'unexport') exported = false;
      else if (m[1] === 'override') override = true;
      rest = trimChars(rest.slice(m[1].length));
      kw = '';
    }
    if (exported !== undefined || override) {
      const restText = rest.map((c) => c.ch).join('');
      if (/^define(\s|$)/.test(restText)) {
        // `export define NAME`: handled as a define next time round.
        lines[li] = { ...ll, chars: rest };
        li--;
        continue;
      }
      const a = parseAssignment(rest);
      if (a) {
        endRuleContext();
        assign(valueText(ex().expand(a.name)).trim(), a.op, a.value, lineSpan(ll), exported, override);
        continue;
      }
      if (exported !== undefined) {
        endRuleContext();
        const names = words(valueText(ex().expand(rest)));
        if (!names.length) out.exportAll = exported; // `export` alone: every variable
        for (const n of names) {
          const v = vars.get(n);
          if (v) vars.set(n, { ...v, exported });
          else vars.set(n, { flavor: 'recursive', raw: [], value: [], origin: 'file', exported });
        }
        continue;
      }
    }
    if (kw === 'undefine') {
      endRuleContext();
      for (const n of words(valueText(ex().expand(afterKw())))) vars.delete(n);
      continue;
    }

    const a = parseAssignment(rest);
    if (a) {
      endRuleContext();
      assign(valueText(ex().expand(a.name)).trim(), a.op, a.value, lineSpan(ll), exported, override);
      continue;
    }

    // A rule: `targets : prereqs [; recipe]`, `targets :: …`, `targets : VAR = value`.
    const colon = topLevelIndex(rest, ':');
    if (colon < 0) {
      // make expands the line first: a line that is only references to empty variables is fine.
      if (valueText(ex().expand(rest)).trim() === '') continue;
      problems.push({ message: ll.chars[0]?.ch === recipePrefix ? 'recipe commences before first target' : 'missing separator', offset: line[0].off });
      endRuleContext();
      continue;
    }
    const targetsText = rest.slice(0, colon).map((c) => c.ch).join('').trim();
    const targets = words(valueText(ex().expand(rest.slice(0, colon))));
    let after = colon + 1;
    let doubleColon = false;
    if (rest[after]?.ch === ':') {
      doubleColon = true;
      after++;
    }
    const tail = rest.slice(after);
    const semi = topLevelIndex(tail, ';');
    const prereqPart = semi < 0 ? tail : tail.slice(0, semi);
    // Target-specific variable: `target: [export] VAR op value`.
    let tsExport: boolean | undefined;
    let tsPart = trimChars(prereqPart);
    for (;;) {
      const m = /^(export|unexport|override|private)(?=\s)/.exec(tsPart.map((c) => c.ch).join(''));
      if (!m) break;
      if (m[1] === 'export') tsExport = true;
      if (m[1] === 'unexport') tsExport = false;
      tsPart = trimChars(tsPart.slice(m[1].length));
    }
    const ts = semi < 0 ? parseAssignment(tsPart) : undefined;
    if (ts) {
      endRuleContext();
      const name = valueText(ex().expand(ts.name)).trim();
      for (const tg of targets) {
        const list = out.targetVars.get(tg) ?? [];
        list.push({ name, op: ts.op, value: ts.value, exported: tsExport, span: lineSpan(ll) });
        out.targetVars.set(tg, list);
      }
      continue;
    }
    const prereqs = words(valueText(ex().expand(prereqPart.filter((c) => c.ch !== '|'))));
    if (targets.includes('.ONESHELL')) out.oneShell = true;
    if (targets.includes('.EXPORT_ALL_VARIABLES')) out.exportAll = true;
    rule = { targetsText, targets, prereqs, doubleColon, recipe: [], line: ll.firstLine };
    out.rules.push(rule);
    if (semi >= 0) {
      // `target: prereqs ; recipe`: the first recipe line, from the raw line (comments are the shell's).
      const semiOff = tail[semi].off;
      const at = ll.chars.findIndex((c) => c.off === semiOff);
      let chars = ll.chars.slice(at + 1);
      while (chars.length && isWs(chars[0].ch)) chars = chars.slice(1);
      if (chars.length) rule.recipe.push({ chars, firstLine: ll.firstLine, lastLine: ll.lastLine, span: { start: chars[0].off, end: (chars.at(-1)?.off ?? chars[0].off) + 1 } });
    }
  }
  for (const f of conds) problems.push({ message: "missing 'endif'", offset: f.offset });
  out.vars = vars;
  return out;
}

/** `define NAME [op]`: the name and the flavour. */
function parseDefineHead(cs: Char[]): { name: string; op: AssignOp } | undefined {
  const t = cs.map((c) => c.ch).join('').trim();
  const m = /^(\S+?)\s*(=|:=|::=|\?=|\+=|!=)?$/.exec(t);
  if (!m) return undefined;
  return { name: m[1], op: (m[2] as AssignOp | undefined) ?? '=' };
}

/** `(a,b)`, `"a" "b"`, `'a' 'b'` after ifeq/ifneq. */
function conditionArgs(cs: Char[]): [Char[], Char[]] | undefined {
  if (cs[0]?.ch === '(') {
    const end = matchClose(cs, 0);
    if (end < 0) return undefined;
    const inner = cs.slice(1, end);
    const comma = topLevelIndex(inner, ',');
    if (comma < 0) return undefined;
    return [trimChars(inner.slice(0, comma)), trimChars(inner.slice(comma + 1))];
  }
  const q = cs[0]?.ch;
  if (q !== '"' && q !== "'") return undefined;
  const e1 = cs.findIndex((c, i) => i > 0 && c.ch === q);
  if (e1 < 0) return undefined;
  const rest = trimChars(cs.slice(e1 + 1));
  const q2 = rest[0]?.ch;
  if (q2 !== '"' && q2 !== "'") return undefined;
  const e2 = rest.findIndex((c, i) => i > 0 && c.ch === q2);
  if (e2 < 0) return undefined;
  return [cs.slice(1, e1), rest.slice(1, e2)];
}

// ---------------------------------------------------------------------------------------------
// Running the recipes

/**
 * The venv's programs as the fix writes them (`$(VENV)/bin` when a make variable names it), and
 * `persist`: the Makefile's own way to keep a venv on PATH for every recipe, when the front end
 * can place it.
 */
function venvRewriter(file: SourceFile, program: Word, bin: string, persist: (t: Extract<RewriteTarget, { kind: 'persist-venv' }>) => Rewrite | undefined): ProgramRewriter | undefined {
  const span = wordSourceSpan(program);
  const name = wordText(program);
  const literal = !!span && name !== undefined && file.text.slice(span.start, span.end) === name;
  return {
    rewrite(target: RewriteTarget): Rewrite | undefined {
      if (target.kind === 'persist-venv') return persist(target);
      if (!literal || !span) return undefined;
      const replacement = venvProgram(bin, target);
      if (!replacement || replacement.some((r) => /[\s"'\\`#;]/.test(r) || /\$(?!\([A-Za-z_][A-Za-z0-9_.]*\))/.test(r))) return undefined;
      const joined = replacement.join(' ');
      return { edits: [{ start: span.start, end: span.end, text: joined }], title: `Use ${joined}`, applicability: 'safe' };
    },
  };
}

/** A make variable's final value as text, when fully known. */
function globalText(p: ParsedMakefile, name: string): string | undefined {
  const v = p.vars.get(name);
  if (!v) return undefined;
  const t = valueText(new Expander(p.vars).variable(name, 0));
  return t.includes(UNKNOWN) || t.includes(DEFAULT_PATH) ? undefined : t;
}

const SHELL_DIALECTS: [RegExp, ShellDialect][] = [
  [/^bash$/, 'bash'],
  [/^(sh|dash|ash|ksh|mksh|posh|busybox)$/, 'sh'],
];

export function analyzeMakefile(file: SourceFile): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  const parsed = parseMakefile(file.text);
  const problems = parsed.problems;
  const sites: LaunchSite[] = [];
  const lineOf = (off: number) => file.location(off).line;

  // Which make variable names a venv: the first one whose whole value is that folder.
  const namedBy = new Map<string, string>();
  const venvName = (venv: string): string | undefined => {
    if (namedBy.has(venv)) return namedBy.get(venv) || undefined;
    let found = '';
    // Names that say "venv" first: `TARGET := venv` naming the folder by coincidence comes last.
    const byName = [...parsed.vars].sort(([a], [b]) => Number(!/venv|virtual|env/i.test(a)) - Number(!/venv|virtual|env/i.test(b)));
    for (const [name, v] of byName) {
      if (v.origin !== 'file' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      const t = globalText(parsed, name);
      if (t !== undefined && t !== '' && !/\s/.test(t) && resolveDir(t, CURDIR) === venv) {
        found = name;
        break;
      }
    }
    namedBy.set(venv, found);
    return found || undefined;
  };
  const shownPath = (venv: string) => (venv === CURDIR ? '.' : venv.startsWith(CURDIR + '/') ? venv.slice(CURDIR.length + 1) : venv);
  const showVenv = (venv: string) => {
    const n = venvName(venv);
    return n ? `$(${n})` : shownPath(venv);
  };
  const binFor = (venv: string, cwd: string | undefined): string | undefined => {
    const n = venvName(venv);
    const absValue = n ? globalText(parsed, n)!.startsWith('/') : false;
    if (n && (cwd === CURDIR || absValue)) return `$(${n})/bin`;
    if (!venv.startsWith(CURDIR + '/') && venv !== CURDIR) return `${venv}/bin`;
    if (cwd === undefined) return undefined;
    if (!cwd.startsWith(CURDIR)) return undefined;
    const rel = path.posix.relative(cwd, venv);
    return rel === '' ? 'bin' : `${rel}/bin`;
  };

  interface Job {
    rule: Rule;
    index: number;
    vars: Vars;
    dialect: ShellDialect | undefined;
    shellName: string;
    startPath: string;
    shellVars: Map<string, string>;
    virtualEnv?: { venv: string; span: Span };
    /** Command lines to run, each one shell (the whole recipe under .ONESHELL). */
    shells: { units: Unit[]; span: Span; ignoresErrors: boolean; order: number }[];
  }

  const jobs: Job[] = [];
  parsed.rules.forEach((rule, index) => {
    if (!rule.recipe.length) return;
    // The target's variables: the file's final values, then its target-specific assignments.
    const vars = cloneVars(parsed.vars);
    const tsv = parsed.targetVars.get(rule.targets[0] ?? '') ?? [];
    for (const a of tsv) {
      const prev = vars.get(a.name);
      const ex = new Expander(vars, undefined, problems);
      let nv: MakeVar;
      if (a.op === '+=' && prev) nv = prev.flavor === 'simple' ? { ...prev, value: [...prev.value, ...synth(' '), ...ex.expand(a.value)] } : { ...prev, raw: [...prev.raw, { ch: ' ', off: -1 }, ...a.value] };
      else if (a.op === '?=' && prev) continue;
      else if (a.op === ':=' || a.op === '::=') nv = { flavor: 'simple', raw: a.value, value: ex.expand(a.value), origin: 'file', exported: prev?.exported };
      else if (a.op === '!=') nv = { flavor: 'simple', raw: [], value: [unknown(a.span)], origin: 'file', exported: prev?.exported };
      else nv = { flavor: 'recursive', raw: a.value, value: [], origin: 'file', exported: prev?.exported };
      if (prev?.origin === 'environment') nv.origin = 'environment';
      if (a.exported !== undefined) nv.exported = a.exported;
      nv.span = a.span;
      vars.set(a.name, nv);
    }
    const auto = new Map([
      ['@', rule.targets[0] ?? ''],
      ['<', rule.prereqs[0] ?? ''],
      ['^', [...new Set(rule.prereqs)].join(' ')],
      ['+', rule.prereqs.join(' ')],
    ]);
    if (rule.targets.some((t) => t.includes('%'))) auto.delete('@'); // pattern rules: the target varies
    const ex = new Expander(vars, auto, problems);
    const exported = (name: string, v: MakeVar) => v.exported ?? (parsed.exportAll || v.origin === 'environment' ? /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) : false);
    // SHELL is never taken from the environment and is not exported by default (GNU make manual, "Choosing the Shell").
    const shellName = valueText(ex.variable('SHELL', 0)).trim();
    const shellProg = shellName.split(/\s+/);
    const progBase = path.posix.basename(shellProg[0] === '/usr/bin/env' || shellProg[0] === 'env' ? shellProg[1] ?? '' : shellProg[0] ?? '');
    const dialect = SHELL_DIALECTS.find(([re]) => re.test(progBase))?.[1];
    // PATH the recipe starts with: make's PATH variable if exported, relative entries seen from $(CURDIR).
    const pv = vars.get('PATH');
    let startPath = DEFAULT_PATH;
    if (pv && exported('PATH', pv)) {
      startPath = valueText(ex.variable('PATH', 0))
        .split(':')
        .map((e) => (e.includes(DEFAULT_PATH) || e.includes(UNKNOWN) || e.startsWith('/') ? e : (resolveDir(e === '' ? '.' : e, CURDIR) ?? e)))
        .join(':');
    } // else (`unexport PATH`, or make started without PATH): the shell's own default PATH
    const shellVars = new Map<string, string>();
    let virtualEnv: Job['virtualEnv'];
    for (const [name, v] of vars) {
      if (name === 'PATH' || !exported(name, v)) continue;
      const t = valueText(ex.variable(name, 0));
      if (t.includes(UNKNOWN) || t.includes(DEFAULT_PATH)) continue;
      shellVars.set(name, t);
      if (name === 'VIRTUAL_ENV' && v.span) {
        const d = resolveDir(t.trim(), CURDIR);
        if (d) virtualEnv = { venv: d, span: v.span };
      }
    }
    // Expand each recipe line, split multi-line values into command lines, strip prefixes.
    const commandLines: { units: Unit[]; span: Span; ignoresErrors: boolean }[] = [];
    for (const rl of rule.recipe) {
      const expanded = ex.expand(rl.chars);
      let cur: Unit[] = [];
      const flush = () => {
        let k = 0;
        let ignoresErrors = false;
        while (k < cur.length) {
          const u = cur[k];
          if (!('ch' in u) || !/[@+\- \t]/.test(u.ch)) break;
          if (u.ch === '-') ignoresErrors = true;
          k++;
        }
        const units = cur.slice(k);
        if (units.some((u) => !('ch' in u) || !/\s/.test(u.ch))) commandLines.push({ units, span: rl.span, ignoresErrors });
        cur = [];
      };
      for (let k = 0; k < expanded.length; k++) {
        const u = expanded[k];
        const prev = expanded[k - 1];
        // A newline from a multi-line variable ends a command line; a backslash-newline does not.
        if ('ch' in u && u.ch === '\n' && !(prev && 'ch' in prev && prev.ch === '\\')) flush();
        else cur.push(u);
      }
      flush();
    }
    let shells: Job['shells'];
    if (parsed.oneShell && commandLines.length) {
      const units: Unit[] = [];
      commandLines.forEach((c, i) => {
        if (i) units.push({ ch: '\n', off: -1 });
        units.push(...c.units);
      });
      const span = { start: rule.recipe[0].span.start, end: rule.recipe.at(-1)!.span.end };
      shells = [{ units, span, ignoresErrors: commandLines[0].ignoresErrors, order: 0 }];
    } else shells = commandLines.map((c, i) => ({ ...c, order: i }));
    jobs.push({ rule, index, vars, dialect, shellName, startPath, shellVars, virtualEnv, shells });
  });

  /**
   * `export PATH := $(abspath $(VENV))/bin:$(PATH)` as a file-level line: after the exported
   * VIRTUAL_ENV it belongs with, else after the variable that names the venv, else at the top.
   */
  const persistPath = (t: Extract<RewriteTarget, { kind: 'persist-venv' }>, job: Job): Rewrite | undefined => {
    const bin = binFor(t.venv, CURDIR);
    if (bin === undefined || /[\s#\\]/.test(bin) || /\$(?!\()/.test(bin)) return undefined;
    const dir = bin.slice(0, -'/bin'.length);
    const line = `export PATH := ${dir.startsWith('/') ? dir : `$(abspath ${dir})`}/bin:$(PATH)`;
    let after: number | undefined;
    // A venv that recipes use by name gets `$(VENV)/bin/…` (the rule's fallback): a file-wide PATH
    // changes every recipe, the one that creates the venv included. Only an exported VIRTUAL_ENV that
    // lacks its PATH gets the PATH line beside it.
    if (t.at !== 'virtual-env') return undefined;
    if (t.at === 'virtual-env') {
      const ve = parsed.vars.get('VIRTUAL_ENV');
      // Only a file-level VIRTUAL_ENV: a target-specific one would need a target-specific PATH.
      if (!job.virtualEnv || ve?.span?.start !== job.virtualEnv.span.start) return undefined;
      after = job.virtualEnv.span.end - 1;
    } else {
      const n = venvName(t.venv);
      after = n ? parsed.vars.get(n)?.span?.end : undefined;
      if (after !== undefined) after--;
    }
    const nl = file.newline;
    let edit;
    if (after === undefined) edit = { start: 0, end: 0, text: line + nl };
    else {
      let eol = file.text.indexOf('\n', after);
      if (eol < 0) eol = file.text.length;
      else if (file.text[eol - 1] === '\r') eol--;
      edit = { start: eol, end: eol, text: nl + line };
    }
    return {
      edits: [edit],
      title: `Put the venv on PATH for every recipe: ${line}`,
      applicability: 'unsafe',
      reason: 'every recipe line then finds the venv\'s programs first on PATH, the line that creates the venv included',
    };
  };
  const shellsActivating = new Set<Job>();
  const runJob = (job: Job, venvs: Map<string, VenvOrigin>, record: boolean) => {
    const recipeSites: { site: LaunchSite; order: number }[] = [];
    const activations: { site: LaunchSite; order: number }[] = [];
    if (job.dialect === undefined) return; // not a POSIX shell (python, fish …): not analysed
    const unit = parsed.oneShell ? 'this recipe' : 'this recipe line';
    for (const sh of job.shells) {
      if (!record && !/venv|virtualenv/.test(text(sh.units))) continue;
      const facts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
        form: 'shell',
        shellName: job.shellName,
        showVenv,
        unit,
        scope: `in ${unit}`,
        persistAdvice: (venv) => {
          const bin = binFor(venv, CURDIR) ?? `${shownPath(venv)}/bin`;
          // .ONESHELL helps a recipe that activates the venv; otherwise PATH must carry it.
          if (shellsActivating.has(job)) return `add .ONESHELL: so that a recipe's lines share one shell, or call the venv's programs by path on every line (${bin}/pip …)`;
          const dir = bin.slice(0, -'/bin'.length);
          const abs = dir.startsWith('/') ? dir : `$(abspath ${dir})`;
          return `put it on PATH for every recipe with export PATH := ${abs}/bin:$(PATH)`;
        },
      };
      if (job.virtualEnv) facts.virtualEnv = job.virtualEnv;
      if (sh.ignoresErrors) facts.ignoresErrors = true;
      const res = runShellSession(unitsToWord(sh.units, sh.span), {
        file,
        language: 'makefile',
        api: 'recipe',
        callSpan: sh.span,
        dialect: job.dialect,
        path: job.startPath,
        cwd: CURDIR,
        vars: job.shellVars,
        venvs,
        originAt: (at) => ({ line: lineOf(at), how: 'created', where: `by target ${job.rule.targetsText}`, offset: at }),
        facts,
        rewriter: (program, venv, cwd) => {
          const bin = binFor(venv, cwd);
          return bin === undefined ? undefined : venvRewriter(file, program, bin, (t) => persistPath(t, job));
        },
        onSite: (site) => {
          if (!record) return;
          sites.push(site);
          recipeSites.push({ site, order: sh.order });
        },
      });
      if (!record) continue;
      for (const e of res.errors) problems.push({ message: `shell: ${e.message}`, offset: e.span?.start ?? sh.span.start });
      for (const a of res.activations) activations.push({ site: a.site, order: sh.order });
      if (res.activations.length) shellsActivating.add(job);
    }
    // A recipe's later lines rely on an activation in vain; other recipes may run before or after.
    if (record) linkLaterSites(activations, recipeSites);
  };

  // Pass 1: which venvs the recipes create (files persist: every other recipe may see them).
  const created = new Map<string, VenvOrigin>();
  const createdBy = jobs.map((job) => {
    const venvs = new Map<string, VenvOrigin>();
    runJob(job, venvs, false);
    for (const [v, origin] of venvs) if (!created.has(v)) created.set(v, origin);
    return venvs;
  });
  // Pass 2: each recipe with the venvs the others create; the ones it creates itself appear
  // from their creating line on (with that line as their origin).
  jobs.forEach((job, i) => {
    const venvs = new Map([...created].filter(([v]) => !createdBy[i].has(v)));
    runJob(job, venvs, true);
  });

  const syntaxProblem = syntaxProblemOf(file, problems);
  dropSideVenvs(sites);
  return { sites, suppressions: makefileSuppressions(file, parsed), syntaxProblem };
}

/**
 * `# venvguard: ignore[…]` / `# noqa: …` at the end of a recipe line (a shell comment there) or
 * on a comment line just above it covers every physical line of that recipe line.
 */
function makefileSuppressions(file: SourceFile, parsed: ParsedMakefile): Suppressions {
  const out: Suppressions = new Map();
  const add = (from: number, to: number, codes: Set<string> | 'all') => {
    for (let l = from; l <= to; l++) {
      const prev = out.get(l);
      out.set(l, codes === 'all' || prev === 'all' ? 'all' : new Set([...(prev ?? []), ...codes]));
    }
  };
  for (const rule of parsed.rules) {
    for (const rl of rule.recipe) {
      const above = rl.firstLine - 1;
      if (above >= 1 && parsed.commentLines.has(above)) {
        const m = /^\s*#(.*)$/.exec(file.lineText(above));
        const c = m ? suppressedCodes(m[1]) : undefined;
        if (c) add(rl.firstLine, rl.lastLine, c);
      }
      for (let l = rl.firstLine; l <= rl.lastLine; l++) {
        const m = /(?:^|\s)#(.*)$/.exec(file.lineText(l));
        const c = m ? suppressedCodes(m[1]) : undefined;
        if (c) add(rl.firstLine, rl.lastLine, c);
      }
    }
  }
  return out;
}


export const makefileFrontEnd: FrontEnd = {
  language: 'makefile',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    return base === 'Makefile' || base === 'makefile' || base === 'GNUmakefile' || (base.endsWith('.mk') && base.length > 3);
  },
  mayMatter: configMayMatter,
  decode(p: string, bytes: Uint8Array): DecodeResult {
    return decodeText(p, bytes, { kind: 'a makefile' });
  },
  analyze<T>(file: SourceFile, use: (a: ReturnType<typeof analyzeMakefile>) => T): T {
    return use(analyzeMakefile(file));
  },
};
