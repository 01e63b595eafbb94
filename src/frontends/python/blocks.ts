/**
 * Parse less of a file that passed the prefilter: the top-level `def`/`class` blocks (and the
 * members of kept classes) that cannot take part in a finding are left out of tree-sitter's parse (keptRanges → included ranges), so
 * node offsets are those of the whole file and what is kept is a valid Python file of its own.
 *
 * What the evaluator (evaluate.ts and its modules, launch-sites.ts, rewriter.ts) reads across
 * blocks, and why each kept block is kept:
 * - top-level statements that import (the import table is file-wide), the module docstring and
 *   `__future__` imports the fix inserts after, and the first statement after them: kept; any
 *   other top-level statement only when a kept block uses a name it may bind (module constants);
 * - a block whose code names a launch API or an alias a launch-API import binds (`import
 *   subprocess as sp`, `from os import system as run_it`) may hold a launch: kept;
 * - a block that calls a function or method defined in such a block may be a wrapper's caller,
 *   where the finding is reported (`def run(c): subprocess.run(c)` … `run(["pip", …])`): kept;
 * - then, to a fixpoint, a block that defines a name a kept block or statement uses (a function
 *   whose return value is argv, an import inside a function, a class), and a top-level statement
 *   that may bind such a name: kept;
 * - the first def/class after the leading imports (the fix's import insertion looks at it), and
 *   blocks holding Python 2 `print`/`exec` statements (the fix picks pipes.quote for them): kept;
 * - a top-level class is planned member by member (see planBlocks): a test class with one
 *   launching method keeps that method and what it reads, not its other forty.
 * Measured on the CPython 3.12 stdlib (33 files after the prefilter, 2.0 MB): whole blocks kept
 * 857 KB, members 473 KB; 387 KB since a method reaches its class's names only as attributes.
 * The scan (block-scan.ts) knows strings (all prefixes, PEP 701 f-strings), comments, brackets
 * and backslash continuations, and splits only at real top-level statements. On anything it does
 * not understand (unbalanced brackets, an unterminated literal) it keeps the whole file. A syntax
 * error inside a blanked block is no longer reported — the same trade the file prefilter makes
 * for files it skips. `--no-prefilter` turns this off.
 */
import { lastAtOrBefore, scanUnits, splitClass, type Scan, type Unit } from './block-scan.js';
import { nextApiWord } from './prefilter.js';
import { SETS_PATH } from './file-facts.js';

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type'.split(
    ' ',
  ),
);
/** Outside literals, valid Python has non-ASCII characters only in names: count them all as name characters. */
const IDENT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;
/** Python 2 statements (print "x", exec code): the tree's print_statement/exec_statement. */
const PY2_STATEMENT = /\b(?:print|exec)\b(?![ \t]*\()/;
const DEF_NAME = /\bdef[ \t]+([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/g;
/** A statement's plain assignment targets, up to and including its `=` (an annotation is left out with them). */
const ASSIGNMENT_TARGETS = /^\s*[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*(?:[ \t]*,[ \t]*[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)*[ \t]*(?::[^=\n]*)?=(?!=)/;
const ATTRIBUTE = /\.\s*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/g;
const CALLED_ATTRIBUTE = /\.\s*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)\s*\(/g;
/** A def's first parameter (after any decorators and `async`). */
const FIRST_PARAMETER = /\bdef[ \t]+[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*[ \t]*(?:\[[^\]]*\][ \t]*)?\(\s*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/;
const ASSIGNED_ATTRIBUTE = /\.[ \t]*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)[ \t]*(?::[^=\n\r]*)?(?:[-+*/%&|^@]|\/\/|>>|<<|\*\*)?=(?!=)/g;

/** Why a unit is kept (or 'blanked'), for tests and for measuring what is kept. */
export type Reason = 'statement' | 'launch' | 'caller' | 'defines' | 'import-insertion' | 'python2' | 'class-body' | 'blanked';

export interface PlannedUnit {
  start: number;
  end: number;
  kind: 'def' | 'class' | 'other' | 'header';
  name?: string;
  reason: Reason;
  /** For 'defines' and 'caller': the name that made it needed. */
  via?: string;
  /** A class planned member by member: its header (decorators, `class` line), then its members. */
  members?: PlannedUnit[];
}

/** A range of the text for tree-sitter's includedRanges (offsets and columns in UTF-16 units, rows 0-based). */
export interface TextRange {
  startIndex: number;
  endIndex: number;
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
}

/**
 * The ranges tree-sitter should parse: the kept units (and kept members of split classes),
 * merged where adjacent. Undefined when nothing is left out (or the scan gives up): then the
 * whole text is parsed. tree-sitter skips the rest without even reading it, and every kept range
 * starts and ends at a line start, so the parser sees the kept statements as if they were a file
 * of their own, at their own offsets; a class's kept members keep their indentation.
 */
export function keptRanges(text: string): TextRange[] | undefined {
  const plan = planBlocks(text);
  if (!plan) return undefined;
  const spans: [number, number][] = [];
  let left = false;
  const add = (u: PlannedUnit) => {
    if (u.reason === 'blanked') {
      left = true;
      return;
    }
    const last = spans[spans.length - 1];
    if (last && last[1] === u.start) last[1] = u.end;
    else spans.push([u.start, u.end]);
  };
  for (const u of plan) {
    if (u.members && u.reason !== 'blanked') u.members.forEach(add);
    else add(u);
  }
  if (!left || !spans.length) return undefined;
  // Rows and columns as tree-sitter counts them: only \n breaks a row.
  let row = 0;
  let rowStart = 0;
  // The next \n not yet counted (searched once each: on one long line, a search per span would
  // run to the file's end every time).
  let next = text.indexOf('\n');
  const point = (offset: number) => {
    for (; next >= 0 && next < offset; next = text.indexOf('\n', next + 1)) {
      row++;
      rowStart = next + 1;
    }
    return { row, column: offset - rowStart };
  };
  return spans.map(([a, b]) => ({ startIndex: a, startPosition: point(a), endIndex: b, endPosition: point(b) }));
}

/**
 * The top-level units of `text` and why each is kept or blanked (a split class also lists its
 * header and members); undefined when the scan gives up.
 *
 * The plan works on leaves: top-level statements, defs and classes, except that a class whose
 * body can be split is replaced by its header and its members (methods, nested classes, body
 * statements). A class's members are kept one by one: a method that may launch, calls a wrapper,
 * is called by name (`self.argv()`), or assigns an attribute a kept member reads (`self.cmd = …`
 * for `self.cmd`: the evaluator's self.x follows assignments in every method of the class). When
 * any member is kept, so are the header and the body statements (class attributes: self.x reads
 * them too), and a class always keeps at least one member, so that its body is never empty.
 */
export function planBlocks(text: string): PlannedUnit[] | undefined {
  const scan = scanUnits(text);
  if (!scan) return undefined;
  const { units, code } = scan;
  for (const u of units) if (u.kind === 'class') splitClass(scan, u);
  const leaves = units.flatMap((u) => u.split ?? [u]);
  const reasons = new Map<Unit, Reason>();
  const via = new Map<Unit, string>();
  const body = (u: Unit) => code.slice(u.start, u.end);
  const api = (t: string) => nextApiWord(t) >= 0;
  /** Statements outside any def: a module's, or a class body's. */
  const isStatement = (u: Unit) => u.kind === 'other';

  // Names bound by an import that names a launch API (anywhere in the file: the evaluator's
  // import table is file-wide).
  const aliases = new Set<string>();
  const importBinds = importedNames(code, leaves, aliases);
  const aliasUse = namesPattern(aliases);

  // Leaves that may hold a launch: a launch-API word or alias in their code. These, and the
  // callers of the functions and methods in them that may launch (a wrapper's finding is
  // reported at its caller), are where evaluation starts.
  const mayLaunch = (t: string) => api(t) || !!aliasUse?.test(t);
  const seeds: Unit[] = [];
  const wrappers = new Set<string>();
  for (const u of leaves) {
    if (!mayLaunch(body(u))) continue;
    seeds.push(u);
    reasons.set(u, isStatement(u) ? 'statement' : 'launch');
    for (const [name, from, to] of functionsIn(scan, u)) if (mayLaunch(code.slice(from, to))) wrappers.add(name);
  }
  const wrapperUse = callsPattern(wrappers);
  if (wrapperUse) {
    for (const u of leaves) {
      if (reasons.has(u)) continue;
      const m = wrapperUse.exec(body(u));
      if (!m) continue;
      seeds.push(u);
      reasons.set(u, isStatement(u) ? 'statement' : 'caller');
      via.set(u, m[0]);
    }
  }
  // The leading docstring and imports, and the first statement, def or class after them: the
  // fix's import insertion looks at them.
  for (const u of units) {
    const leaf = u.split?.[0] ?? u;
    const leading = u.kind === 'other' && /^\s*(?:(?:import|from)\b|[rRbBuUfFtT]{0,2}["']|$)/.test(body(u));
    if (!reasons.has(leaf)) reasons.set(leaf, leading ? 'statement' : 'import-insertion');
    if (!leading) break;
  }
  // Python 2 print/exec statements anywhere (the fix picks pipes.quote for such files), and
  // every statement that imports: the evaluator's import table and the fix's "is sys imported"
  // are file-wide. Other top-level statements are kept only when a kept block uses a name they
  // may bind (the fixpoint, keepDefiners), like defs.
  for (const u of leaves) if (!reasons.has(u) && u.kind !== 'header' && PY2_STATEMENT.test(body(u))) reasons.set(u, 'python2');
  for (const u of units) if (!reasons.has(u) && u.kind === 'other' && importBinds.has(u)) reasons.set(u, 'statement');

  keepDefiners(code, leaves, seeds, importBinds, reasons, via);
  return planResult(text, units, reasons, via);
}

/**
 * Fixpoint from the seeds (adding to reasons and via): a leaf that may define a name an
 * evaluated leaf uses is kept, and evaluated too unless it is a class or a class's header (a class body is never evaluated
 * from outside it: its name's value is unknown). Module names: a top-level def/class defines
 * its own name, a top-level statement any name it holds, and any leaf what its imports bind
 * (the import table is file-wide; nested defs are local). A class's own names, looked up only
 * from its members (self.x and self.m() reach them, nothing else does): a method defines the
 * attributes it assigns, a body statement any name it holds, and a method's name is needed
 * where a member calls it (`.m(`: a method referred to without a call is never followed).
 * Evaluating a member evaluates its class's header and body statements.
 */
function keepDefiners(
  code: string,
  leaves: Unit[],
  seeds: Unit[],
  importBinds: Map<Unit, Set<string>>,
  reasons: Map<Unit, Reason>,
  via: Map<Unit, string>,
): void {
  type Definers = Map<string, Unit[]>;
  const define = (map: Definers, name: string, u: Unit) => {
    let l = map.get(name);
    if (!l) map.set(name, (l = []));
    l.push(u);
  };
  const moduleNames: Definers = new Map();
  for (const u of leaves) {
    for (const n of importBinds.get(u) ?? []) define(moduleNames, n, u);
    if (!u.owner) {
      if (u.kind === 'other') for (const w of wordsOf(code, u)) define(moduleNames, w, u);
      else if (u.name) define(moduleNames, u.name, u);
    } else if (u.kind === 'header' && u.name) define(moduleNames, u.name, u);
  }
  // A class's own names, built when one of its members is first evaluated (most classes never are).
  const classScopes = new Map<Unit, { names: Definers; methods: Definers }>();
  const classScope = (cls: Unit) => {
    let scope = classScopes.get(cls);
    if (scope) return scope;
    scope = { names: new Map(), methods: new Map() };
    classScopes.set(cls, scope);
    for (const m of cls.split!) {
      if (m.kind === 'header') continue;
      if (m.kind === 'other') for (const w of wordsOf(code, m)) define(scope.names, w, m);
      else {
        if (m.name) define(scope.methods, m.name, m);
        if (m.kind === 'def') for (const n of assignedAttributes(code, m)) define(scope.names, n, m);
      }
    }
    return scope;
  };
  const used = new Map<Definers, Set<string>>();
  const evaluated = new Set<Unit>();
  const work = [...seeds];
  const need = (map: Definers, w: string) => {
    let seen = used.get(map);
    if (!seen) used.set(map, (seen = new Set()));
    if (seen.has(w)) return;
    seen.add(w);
    for (const d of map.get(w) ?? []) {
      if (!reasons.has(d)) {
        reasons.set(d, 'defines');
        via.set(d, w);
      }
      if (d.kind !== 'class' && d.kind !== 'header' && !evaluated.has(d)) work.push(d);
    }
  };
  while (work.length) {
    const u = work.pop()!;
    if (evaluated.has(u)) continue;
    evaluated.add(u);
    if (u.owner) {
      for (const m of u.owner.split!) {
        if (m.kind !== 'header' && m.kind !== 'other') continue;
        if (!reasons.has(m)) reasons.set(m, 'statement');
        if (!evaluated.has(m)) work.push(m);
      }
    }
    const scope = u.owner ? classScope(u.owner) : undefined;
    for (const w of wordsOf(code, u)) need(moduleNames, w);
    if (scope) {
      // A body statement runs in the class's scope and reads its names bare; a method (or a nested
      // class) never does, as Python scopes go: it reaches them only as attributes (`self.x`,
      // `cls.x`). A method's parameter `event` is not the class's `self.event`.
      // A body statement's own targets (`rmenu = None`) are bound there, not read: the methods that
      // also assign `self.rmenu` are not needed for it.
      for (const w of u.kind === 'other' ? readsOf(code, u) : attributesOf(code, u)) need(scope.names, w);
      for (const w of calledAttributes(code, u)) need(scope.methods, w);
    }
  }
}

/** The plan: each unit with its reason ('blanked' when none), a split class with its header and members. */
function planResult(text: string, units: Unit[], reasons: Map<Unit, Reason>, via: Map<Unit, string>): PlannedUnit[] {
  const planned = (u: Unit): PlannedUnit => ({
    start: u.start,
    end: u.end,
    kind: u.kind === 'decorator' ? 'other' : u.kind,
    name: u.name,
    reason: reasons.get(u) ?? 'blanked',
    via: via.get(u),
  });
  return units.map((u) => {
    if (!u.split) return planned(u);
    const [header, ...members] = u.split;
    if (!u.split.some((m) => reasons.has(m))) return { ...planned(u), reason: 'blanked', members: u.split.map(planned) };
    // Kept in any way: the header and the body statements are kept, and the body is never empty.
    reasons.set(header, reasons.get(header) ?? 'statement');
    for (const m of members) if (m.kind === 'other' && !reasons.has(m)) reasons.set(m, 'statement');
    // An `__init__` that sets PATH: the other methods run after it (file-facts' path-set).
    for (const m of members) {
      if (m.kind === 'def' && m.name === '__init__' && !reasons.has(m) && SETS_PATH.test(text.slice(m.start, m.end))) {
        reasons.set(m, 'defines');
        via.set(m, 'PATH');
      }
    }
    if (!members.some((m) => reasons.has(m))) {
      const smallest = members.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
      reasons.set(smallest, 'class-body');
    }
    const order: Reason[] = ['launch', 'caller', 'python2', 'defines', 'import-insertion', 'statement'];
    const memberReasons = u.split.map((m) => reasons.get(m));
    const reason = order.find((r) => memberReasons.includes(r)) ?? 'statement';
    const viaName = u.split.map((m) => via.get(m)).find((v) => v);
    return { start: u.start, end: u.end, kind: 'class', name: u.name, reason, via: viaName, members: u.split.map(planned) };
  });
}

/**
 * The names a statement reads: all its names, but a plain assignment's targets (`a, b = …`, `a: T =
 * …`); an import reads none (`from idlelib.undo import X` binds X and reads no `undo`).
 */
function readsOf(code: string, u: Unit): Set<string> {
  const text = code.slice(u.start, u.end);
  if (/^\s*(?:from|import)\b/.test(text)) return new Set();
  const target = ASSIGNMENT_TARGETS.exec(text);
  if (!target) return wordsOf(code, u);
  const out = new Set<string>();
  for (const m of text.slice(target[0].length).matchAll(IDENT)) if (!KEYWORDS.has(m[0])) out.add(m[0]);
  return out;
}

/** Attribute names a unit reads or calls (`x.name`): what self.name may reach in the class. */
function attributesOf(code: string, u: Unit): Set<string> {
  const out = new Set<string>();
  for (const m of code.slice(u.start, u.end).matchAll(ATTRIBUTE)) out.add(m[1]);
  return out;
}

/** Attribute names a unit calls (`x.name(`): the methods self.name() may run. */
function calledAttributes(code: string, u: Unit): Set<string> {
  const out = new Set<string>();
  for (const m of code.slice(u.start, u.end).matchAll(CALLED_ATTRIBUTE)) out.add(m[1]);
  return out;
}

/**
 * Attribute names a method assigns through its first parameter (`self.name = …`, `+=`, `self.name:
 * T = …`): what self.name may read elsewhere in the class (the evaluator follows only assignments
 * whose object is the enclosing method's first parameter). No first parameter, nothing.
 */
function assignedAttributes(code: string, u: Unit): Set<string> {
  const out = new Set<string>();
  const text = code.slice(u.start, u.end);
  const first = FIRST_PARAMETER.exec(text)?.[1];
  if (!first) return out;
  const assigned = new RegExp(`(?<![\\w\\u0080-\\uffff.])${first}[ \\t]*${ASSIGNED_ATTRIBUTE.source}`, 'g');
  for (const m of text.matchAll(assigned)) out.add(m[1]);
  return out;
}

/** The names in a unit's code (keywords left out), computed once. */
function wordsOf(code: string, u: Unit): Set<string> {
  if (u.words) return u.words;
  const words = new Set<string>();
  const re = new RegExp(IDENT.source, 'g');
  re.lastIndex = u.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code)) && m.index < u.end) if (!KEYWORDS.has(m[0])) words.add(m[0]);
  u.words = words;
  return words;
}

/**
 * A pattern matching a call of any of the names (`name(` or `x.name(`, not `def name(`), or
 * undefined for none: where the evaluator looks for a wrapper's callers (PythonModule.callsTo).
 */
function callsPattern(names: Set<string>): RegExp | undefined {
  return names.size ? new RegExp(`(?<![\\w\\u0080-\\uffff])(?<!\\bdef[ \\t]+)(?:${alternation(names)})\\s*\\(`) : undefined;
}

/** A pattern matching any of the names as a whole name, or undefined for none. */
function namesPattern(names: Set<string>): RegExp | undefined {
  return names.size ? new RegExp(`(?<![\\w\\u0080-\\uffff])(?:${alternation(names)})(?![\\w\\u0080-\\uffff])`) : undefined;
}

/** The names as regex alternatives, anything but name characters escaped. */
function alternation(names: Set<string>): string {
  return [...names].map((n) => n.replace(/[^\w\u0080-\uffff]/g, '\\$&')).join('|');
}

/**
 * The functions defined in a unit, at any depth: name and the extent of its body (to the next
 * logical line indented no deeper than the `def`). With tabs in the indentation the extent is the
 * rest of the unit, so that no interpretation of a tab can make it too short.
 */
function functionsIn(scan: Scan, u: Unit): [string, number, number][] {
  const { code, lines, columns } = scan;
  const out: [string, number, number][] = [];
  // On the unit's own text: a search from u.start would run on to the end of the file.
  for (const found of code.slice(u.start, u.end).matchAll(DEF_NAME)) {
    const at = u.start + found.index;
    let end = u.end;
    const li = lastAtOrBefore(lines, at);
    if (!scan.tabs && li >= 0 && /^(?:async[ \t]+)?$/.test(code.slice(lines[li], at))) {
      for (let k = li + 1; k < lines.length && lines[k] < u.end; k++) {
        if (columns[k] <= columns[li]) {
          end = lines[k];
          break;
        }
      }
    }
    out.push([found[1], at, end]);
  }
  return out;
}

/**
 * Names bound by the import statements in each unit. A name whose import names a launch-API word
 * (`import subprocess as sp`, `from os import system as s`, `from subprocess import run`) is also
 * an alias: a call through it may launch. A statement runs from its line start (or `;`) to its end
 * (a line break outside brackets and not continued, or `;`).
 */
function importedNames(code: string, units: Unit[], aliases: Set<string>): Map<Unit, Set<string>> {
  const out = new Map<Unit, Set<string>>();
  const api = (t: string) => nextApiWord(t) >= 0;
  let k = 0;
  for (const m of code.matchAll(/\bimport\b/g)) {
    const at = m.index;
    while (units[k].end <= at) k++;
    const u = units[k];
    let start = at;
    for (;;) {
      const c = code.charCodeAt(start - 1);
      if (start <= u.start || c === 59 /* ; */) break;
      if ((c === 10 || c === 13) && !continued(code, start - 1)) break;
      start--;
    }
    let end = at + m[0].length;
    let depth = 0;
    for (; end < u.end; end++) {
      const c = code.charCodeAt(end);
      if (c === 40 /* ( */) depth++;
      else if (c === 41 /* ) */) depth--;
      else if (c === 59 /* ; */ && depth <= 0) break;
      else if ((c === 10 || c === 13) && depth <= 0 && !continued(code, end)) break;
    }
    let names = out.get(u);
    if (!names) out.set(u, (names = new Set()));
    const from = /\bfrom\s+([^\s;:]*)\s*$/.exec(code.slice(start, at).replace(/\\\r?\n|\\\r/g, ' '));
    const fromApi = !!from && api(from[1]);
    for (const item of code.slice(at + m[0].length, end).replace(/[()\\\r\n]/g, ' ').split(',')) {
      const parsed = /^\s*([\w.\u0080-\uffff]+)(?:\s+as\s+([\w\u0080-\uffff]+))?\s*$/.exec(item);
      if (!parsed) {
        // Not a plain `name [as alias]` (a star, or broken): every name in it, as a launch if any is.
        const all = [...item.matchAll(IDENT)].map((w) => w[0]).filter((w) => w !== 'as');
        for (const w of all) names.add(w);
        if (fromApi || api(item)) for (const w of all) aliases.add(w);
        continue;
      }
      const bound = parsed[2] ?? (from ? parsed[1] : parsed[1].split('.')[0]);
      names.add(bound);
      if (fromApi || api(parsed[1])) aliases.add(bound);
    }
  }
  return out;
}

/** Whether the line break at `i` follows a backslash (a continuation). */
function continued(code: string, i: number): boolean {
  let j = i - 1;
  if (code.charCodeAt(i) === 10 && code.charCodeAt(j) === 13) j--;
  return code.charCodeAt(j) === 92;
}
