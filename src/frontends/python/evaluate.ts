/**
 * Resolves Python expressions to abstract Values, lazily and only for expressions that reach a
 * launch. Names are resolved by an approximation of reaching definitions: assignments before the
 * use, where one in a block that contains the use replaces earlier values and one in another
 * branch adds an alternative. Follows imports/aliases, module and function constants, list
 * mutation (+=, append, extend, insert), f-strings, % and .format, shlex/str helpers,
 * `self.x` attributes, and return values of functions in the same module.
 *
 * PythonModule holds the module's state (import table, literals, parameter bindings) and
 * evaluates expressions; it hands out the rest to its modules, which call back through the
 * Evaluator interface: scopes.ts (scopes, bindings, name lookup), calls.ts (calls and their
 * arguments), summaries.ts (function returns, class attributes), string-literals.ts (string
 * literals) and value-ops.ts (joins, formatting, environment PATH state).
 */
import type { Node } from 'web-tree-sitter';
import type { SourceFile, Span } from '../../kernel/source.js';
import { descendantAt, parentOf } from './ancestry.js';
import { unwrapNot } from './branches.js';
import { callArgs, evalCall } from './calls.js';
import { Scopes, spanOf, type Evaluator, type Scope } from './scopes.js';
import { evalString } from './string-literals.js';
import { enclosingClass, Summaries } from './summaries.js';
import { hasVenvFragment, joinPath, mergeEnv, percentFormat, stripLiteral, withKey, wordTextOf } from './value-ops.js';
import type { OtherModules } from './other-modules.js';
import { concatValues, fragmentValue, mapEach, mapValue, options, runningVersion, union, UNKNOWN, type EnvPath, type ListItem, type LiteralRef, type Value } from './values.js';

const MAX_DEPTH = 40;

/**
 * Syntax only Python 3 reads (see mayRunPython2). An f-string is a prefix and a quote that opens a
 * string holding a `{` on its line (or a triple quote): not the end of `"-f"` or `"rm f"`, whose
 * `f"` closes a string (unknown-horizons' `("-f", "--fife-dir",)`).
 */
const PY3_ONLY = /(?<![\w.-])(?:[fF][rR]?|[rR][fF])(?:"""|'''|"(?:[^"\\\n]|\\.)*\{|'(?:[^'\\\n]|\\.)*\{)|^[ \t]*async[ \t]+def\b|\bawait[ \t]+\w|\bnonlocal[ \t]+\w|\)[ \t]*->[ \t]*[\w"'[]|\byield[ \t]+from\b/m;
/** Text that may be a Python 2 statement (`print "x"`, `exec "x"`, `except E, e:`), read lexically. */
export const PY2_CANDIDATE = /^[ \t]*(?:print|exec)[ \t]+(?![(=]|[ \t]*$)|^[ \t]*except[ \t]+[\w.]+[ \t]*,[ \t]*\w+[ \t]*:/m;

/**
 * The line of the first Python 2 statement in a tree of the whole file: `print "x"`, `exec "x"`, or
 * `except E, e:` (an except clause of two values and no `as`; Python 3 refuses it).
 */
export function firstPython2Line(root: Node, text: string): number | undefined {
  for (const m of text.matchAll(/\b(?:print|exec|except)\b/g)) {
    const at = descendantAt(root, m.index, m.index + m[0].length);
    const parent = at ? parentOf(at) : null;
    if (!parent || parent.startIndex !== m.index) continue;
    const py2 =
      parent.type === 'print_statement' ||
      parent.type === 'exec_statement' ||
      (parent.type === 'except_clause' && parent.namedChildren.filter((c) => c?.type !== 'block' && c?.type !== 'comment').length === 2);
    if (py2) return parent.startPosition.row + 1;
  }
  return undefined;
}

/** Whether Python source is written for Python 3 only (PY3_ONLY), read lexically. */
export function python3OnlyText(text: string): boolean {
  return PY3_ONLY.test(text);
}
/** Code that tells platforms apart or names Windows (see mayRunOnWindows). */
const WINDOWS_WORDS = /\bos\.name\b|\bsys\.platform\b|\bplatform\.system\b|\bwin32\b|\bWindows\b|\bWINDOWS\b|\b(?:is|IS)_?(?:windows|WINDOWS|win|WIN)\b|\.exe\b|\bmsvcrt\b|\bwinreg\b|\bCOMSPEC\b|\bcmd\.exe\b/;

/** Module names followed without a visible import when the file may bind them (PythonModule.mayBind). */
const WELL_KNOWN_MODULES = new Set(['subprocess', 'os', 'sys', 'asyncio', 'pty', 'commands', 'popen2', 'shutil', 'shlex', 'multiprocessing', 'pipes', 'sysconfig']);

export class PythonModule implements Evaluator {
  /** Local name → dotted qualified name, from every import statement in the file. */
  readonly imports = new Map<string, string>();
  /** `import sys` at module level (for fixes). */
  readonly moduleImports = new Set<string>();
  /** Every string literal evaluated, by start offset (for fixes). */
  readonly literals = new Map<number, LiteralRef>();
  /**
   * Argument values bound to a function's parameters while a call site of that function is
   * examined (function node id → parameter → value). Caches are bypassed while any is set.
   */
  readonly paramBindings = new Map<number, Map<string, Value>>();
  private readonly scopes: Scopes;
  private readonly summaries: Summaries;
  private depth = 0;
  /** Set when an expression was nested too deeply to follow: the file was not fully analysed. */
  tooDeep = false;
  private python2Cache: boolean | undefined;
  private mayRunPython2Cache: boolean | undefined;
  private windowsCache: boolean | undefined;
  private bindable = new Map<string, boolean>();
  /** Whether the project says this file may run on Windows (pipeline/platforms.ts), for fixes: see mayRunOnWindows. */
  projectOnWindows?: () => boolean;
  /** Where each launch site's program word starts (its first character's offset), for fixes. */
  launchPrograms?: ReadonlySet<number>;
  /** Whether the project says it runs on Python 2 too (pipeline/platforms.ts), for fixes: see mayRunPython2. */
  projectOnPython2?: () => boolean;

  constructor(
    readonly root: Node,
    readonly file: SourceFile,
    /** The project's other modules (project-modules.ts), when names imported from them are followed. */
    readonly project?: OtherModules,
    /** How many imports away from the checked file this module is (0: the file itself). */
    readonly importDepth = 0,
  ) {
    this.scopes = new Scopes(root, this);
    this.summaries = new Summaries(this.scopes, this);
    // Nodes are found from their keywords in the text, then checked in the tree: walking the whole
    // tree through the WASM boundary cost more than the rest of the analysis together.
    for (const n of this.nodesAtKeywords(/\b(?:import|from)\b/g, ['import_statement', 'import_from_statement'])) this.collectImport(n);
  }

  /** Whether the file is written for Python 3 only (an f-string, `async def` …), read lexically. */
  get python3Only(): boolean {
    return python3OnlyText(this.file.text);
  }

  /** Whether the file uses Python 2 statements (`print "x"`, `exec "x"`), for fixes. */
  get python2(): boolean {
    this.python2Cache ??= this.nodesAtKeywords(/\b(?:print|exec)\b/g, ['print_statement', 'exec_statement']).length > 0;
    return this.python2Cache;
  }

  /**
   * Python 2 code (above), or code of a project that says it runs on Python 2 too (its CI or
   * metadata), unless the file itself is written for Python 3 only (PY3_ONLY: an f-string, `async
   * def`, `await`, `nonlocal`, a return annotation, `yield from`; inginious' stale `.travis.yml`
   * still says 2.7).
   */
  get mayRunPython2(): boolean {
    // Once per file, not once per fix (the text is searched whole).
    this.mayRunPython2Cache ??= this.python2 || (!this.python3Only && (this.projectOnPython2?.() ?? false));
    return this.mayRunPython2Cache;
  }

  /**
   * Whether this code may run on Windows, where a shell string is run by cmd.exe (for fixes): the
   * file itself mentions Windows or tells platforms apart, or the project says so (its CI, its
   * metadata or that of a project nested in it holding the file, another module's platform test). Erring towards
   * yes costs only a longer fix (quoted for both shells), never a wrong one.
   */
  get mayRunOnWindows(): boolean {
    // Searched once per file, not once per fix (a file of many launches would search it for each).
    this.windowsCache ??= WINDOWS_WORDS.test(this.file.text) || (this.projectOnWindows?.() ?? false);
    return this.windowsCache;
  }

  /** Statements of the given types that start with a keyword the pattern matches. */
  private nodesAtKeywords(pattern: RegExp, types: string[]): Node[] {
    const out: Node[] = [];
    for (const m of this.file.text.matchAll(pattern)) {
      const at = descendantAt(this.root, m.index, m.index + m[0].length);
      const parent = at ? parentOf(at) : null;
      if (parent && types.includes(parent.type) && parent.startIndex === m.index) out.push(parent);
    }
    return out;
  }

  /**
   * Calls whose function is a name in `names` (`f(…)`) or an attribute ending in one (`x.f(…)`),
   * in source order, found as they are asked for (a file over the launch budget is left after the
   * call that goes over it, not after finding all of them).
   */
  *callsTo(names: Iterable<string>): Generator<Node> {
    const list = [...names].filter((n) => /^\w+$/.test(n));
    if (!list.length) return;
    const pattern = new RegExp(`\\b(?:${list.join('|')})\\s*\\(`, 'g');
    const seen = new Set<number>();
    for (const m of this.file.text.matchAll(pattern)) {
      // Found from the last one found: descending from the root for each was quadratic in nesting.
      const id = descendantAt(this.root, m.index, m.index + 1);
      if (id?.type !== 'identifier') continue;
      const up = parentOf(id);
      const holder = up?.type === 'attribute' && up.childForFieldName('attribute')?.id === id.id ? up : id;
      const call = parentOf(holder);
      if (call?.type !== 'call' || call.childForFieldName('function')?.id !== holder.id || seen.has(call.id)) continue;
      seen.add(call.id);
      yield call;
    }
  }

  private collectImport(n: Node): void {
    const atModule = parentOf(n)?.type === 'module';
    if (n.type === 'import_statement') {
      for (const c of n.namedChildren) {
        if (!c) continue;
        if (c.type === 'dotted_name') {
          const full = c.text;
          const first = full.split('.')[0];
          this.imports.set(first, first);
          if (atModule) this.moduleImports.add(full);
        } else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text;
          const alias = c.childForFieldName('alias')?.text;
          if (name && alias) this.imports.set(alias, name);
        }
      }
      return;
    }
    const mod = n.childForFieldName('module_name');
    if (!mod) return;
    // Relative imports keep their leading dots (`.settings.PYTHON`, `..PIP`): no launch API or
    // well-known name starts with one; project-modules.ts finds the module from this file.
    const modName = mod.text.replace(/\s+/g, '');
    const join = (name: string) => (modName.endsWith('.') ? `${modName}${name}` : `${modName}.${name}`);
    for (const c of n.childrenForFieldName('name')) {
      if (!c) continue;
      if (c.type === 'dotted_name') this.imports.set(c.text, join(c.text));
      else if (c.type === 'aliased_import') {
        const name = c.childForFieldName('name')?.text;
        const alias = c.childForFieldName('alias')?.text;
        if (name && alias) this.imports.set(alias, join(name));
      }
    }
  }

  // ---- scopes and calls (scopes.ts, calls.ts) -----------------------------------------------

  scopeAt(n: Node): Scope {
    return this.scopes.scopeAt(n);
  }

  /** Value of `name` just before offset `pos` in `scope`. */
  lookup(name: string, scope: Scope, pos: number): Value | undefined {
    return this.scopes.lookup(name, scope, pos);
  }

  /** Positional and keyword arguments of a call node. */
  callArgs(call: Node): { positional: Node[]; keywords: Map<string, Node>; splat: boolean } {
    return callArgs(call);
  }

  // ---- evaluation ---------------------------------------------------------------------------

  /** Evaluate an expression node where it stands. */
  eval(n: Node): Value {
    return this.evalIn(n, this.scopeAt(n), n.startIndex);
  }

  evalIn(n: Node, scope: Scope, pos: number): Value {
    // Parentheses add no meaning: unwrap them without spending depth ((((x)))) x 10,000).
    while (n.type === 'parenthesized_expression') {
      const inner = n.namedChildren.find((c) => c && c.type !== 'comment');
      if (!inner) break;
      n = inner;
    }
    if (this.depth > MAX_DEPTH) {
      this.tooDeep = true;
      return { k: 'unknown', span: spanOf(n) };
    }
    this.depth++;
    try {
      return this.evalNode(n, scope, pos);
    } finally {
      this.depth--;
    }
  }

  private evalNode(n: Node, scope: Scope, pos: number): Value {
    const span = spanOf(n);
    switch (n.type) {
      case 'string':
        return evalString(this, n, scope, pos);
      case 'concatenated_string': {
        let v: Value | undefined;
        for (const c of n.namedChildren) {
          if (!c || c.type !== 'string') continue;
          const s = evalString(this, c, scope, pos);
          v = v ? concatValues(v, s, span) : s;
        }
        return v ? stripLiteral(v) : UNKNOWN;
      }
      case 'parenthesized_expression': {
        const inner = n.namedChildren.find((c) => c && c.type !== 'comment');
        return inner ? this.evalIn(inner, scope, pos) : UNKNOWN;
      }
      case 'list':
      case 'tuple':
      case 'expression_list': {
        const items: ListItem[] = [];
        for (const c of n.namedChildren) {
          if (!c || c.type === 'comment') continue;
          if (c.type === 'list_splat') {
            const inner = c.namedChildren[0];
            items.push({ splat: inner ? this.evalIn(inner, scope, pos) : UNKNOWN });
          } else items.push({ value: this.evalIn(c, scope, pos) });
        }
        return { k: 'list', items, span };
      }
      case 'true':
        return { k: 'bool', v: true };
      case 'false':
        return { k: 'bool', v: false };
      case 'none':
        return { k: 'none' };
      case 'identifier':
        return this.evalName(n, scope, pos);
      case 'attribute':
        return this.evalAttribute(n, scope, pos);
      case 'binary_operator':
        return this.evalBinary(n, scope, pos);
      case 'conditional_expression': {
        const parts = n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
        if (parts.length < 3) return UNKNOWN;
        // `exe if exe else "python"` (exe = sys.executable), `"python" if not sys.executable else …`:
        // the other branch runs only when sys.executable is empty (an embedded interpreter), as with `or`.
        const test = this.interpreterTest(parts[1], scope, pos);
        if (test !== undefined) return this.evalIn(parts[test ? 0 : 2], scope, pos);
        return union([this.evalIn(parts[0], scope, pos), this.evalIn(parts[2], scope, pos)]);
      }
      case 'boolean_operator': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        const op = n.childForFieldName('operator')?.text;
        if (!left || !right) return UNKNOWN;
        const l = this.evalIn(left, scope, pos);
        // `sys.executable or "python"`: only an embedded interpreter takes the fallback; not a launch by PATH in practice.
        if (op === 'or' && l.k === 'str' && l.word.fragments.some((f) => f.kind === 'sys-executable' || f.kind === 'venv-path')) return l;
        return op === 'or' ? union([l, this.evalIn(right, scope, pos)]) : this.evalIn(right, scope, pos);
      }
      case 'named_expression': {
        const v = n.childForFieldName('value');
        return v ? this.evalIn(v, scope, pos) : UNKNOWN;
      }
      case 'dictionary':
        return this.evalDict(n, scope, pos);
      case 'call':
        return evalCall(this, this.summaries, n, scope, pos);
      case 'subscript':
        return this.evalSubscript(n, scope, pos);
      default:
        return { k: 'unknown', span };
    }
  }

  /**
   * Whether `cond` tests that the running interpreter's path is known: true for `sys.executable`
   * (or a name bound to it), false for `not sys.executable`, undefined for anything else.
   */
  interpreterTest(cond: Node, scope: Scope, pos: number): boolean | undefined {
    const { node: n, negated } = unwrapNot(cond);
    if (!n || (n.type !== 'identifier' && n.type !== 'attribute')) return undefined;
    // Each value the name can have (by branch) is sys.executable, a string that is never empty,
    // unknown (pgadmin4: a Windows-only lookup), or None (that lookup found nothing: the fallback is
    // the last resort of a helper whose normal result is the running interpreter); at least one is
    // sys.executable.
    let interpreter = false;
    for (const o of options(this.evalIn(n, scope, pos))) {
      if (o.k === 'unknown' || o.k === 'none') continue;
      if (o.k !== 'str') return undefined;
      if (o.word.fragments.some((f) => f.kind === 'sys-executable')) interpreter = true;
      else if (!o.word.fragments.some((f) => f.kind === 'text' && f.text !== '')) return undefined;
    }
    return interpreter ? !negated : undefined;
  }

  private evalName(n: Node, scope: Scope, pos: number): Value {
    const name = n.text;
    const v = this.lookup(name, scope, pos);
    if (v && !(v.k === 'unknown' && !v.span)) return v;
    const q = this.imports.get(name);
    if (q) {
      const known = this.qualifiedValue(q, spanOf(n));
      return known.k === 'unknown' ? (this.project?.constant(this.file.path, q, spanOf(n), this.importDepth) ?? known) : known;
    }
    return v ?? { k: 'unknown', span: spanOf(n) };
  }

  /** A name's value at the end of the module (for another module that imports it: project-modules.ts). */
  topLevelValue(name: string): Value | undefined {
    const v = this.lookup(name, this.scopes.scopeFor(this.root), Infinity);
    if (v && !(v.k === 'unknown' && !v.span)) return v;
    const q = this.imports.get(name);
    return q ? this.project?.constant(this.file.path, q, spanOf(this.root), this.importDepth) : undefined;
  }

  /** Where the module last binds a name at its top level (1-based line and column). */
  topLevelOrigin(name: string): { offset: number; line: number; column: number } | undefined {
    const events = this.scopes.eventsOf(this.scopes.scopeFor(this.root)).get(name);
    const last = events?.[events.length - 1];
    if (!last) return undefined;
    const offset = last.k === 'assign' && last.stmt ? last.stmt.startIndex : last.pos;
    return { offset, ...this.file.location(offset) };
  }

  /** Values with a known meaning by qualified name (sys.executable, sys.prefix, os.environ …). */
  private qualifiedValue(q: string, span: Span): Value {
    switch (q) {
      case 'sys.executable':
        return fragmentValue({ kind: 'sys-executable', span }, span);
      case 'sys.prefix':
      case 'sys.exec_prefix':
        return fragmentValue({ kind: 'venv-path', span }, span);
      case 'os.environ':
        return { k: 'env', path: 'inherited', span };
      default:
        // `sys.version_info.major`, `sys.version`: text known only at run time, but known to be
        // the running interpreter's version (`f"python{sys.version_info.major}"` means this one).
        if (q === 'sys.version' || q === 'sys.version_info' || q.startsWith('sys.version_info.')) return runningVersion(span);
        return { k: 'unknown', span };
    }
  }

  /** Whether the file's text may bind `name` somewhere: an import naming it, an assignment to it, a star import or a notebook's `%run`. */
  private mayBind(name: string): boolean {
    let b = this.bindable.get(name);
    if (b === undefined) {
      const text = this.file.text;
      b = /\bimport\s+\*|%run\b|run_line_magic\(\s*['"]run/.test(text);
      // Each use of the name, with at most 200 characters of its statement before and after it.
      for (const m of b ? [] : text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
        const at = m.index!;
        const before = text.slice(Math.max(0, at - 200), at);
        const statement = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf(';')) + 1);
        const after = text.slice(at + name.length, at + name.length + 200);
        if (/\bimport\b/.test(statement) || /^\s*(?::[^=\n]*)?=(?!=)/.test(after)) {
          b = true;
          break;
        }
      }
      this.bindable.set(name, b);
    }
    return b;
  }

  /** The dotted name an expression refers to through imports (`sp.run` → `subprocess.run`), if any. */
  qualify(n: Node, scope?: Scope): string | undefined {
    if (n.type === 'identifier') {
      const name = n.text;
      const local = scope ? this.scopes.eventsOf(scope).get(name) : undefined;
      const imported = this.imports.get(name);
      if (imported) return imported;
      if (local && local.length) return undefined;
      // Builtins, unless rebound (str(), list(), tuple(), dict() are followed by the evaluator).
      if (['str', 'list', 'tuple', 'dict'].includes(name)) return name;
      // Well-known module names used without a visible import (e.g. `import os, sys` in a try block),
      // where the file may bind them at all: a name no import, assignment, star import or `%run`
      // of the file can bind is a NameError, no launch (leafmap's notebook calls `subprocess`
      // without importing it).
      if (WELL_KNOWN_MODULES.has(name) && this.mayBind(name)) return name;
      return undefined;
    }
    if (n.type === 'attribute') {
      const obj = n.childForFieldName('object');
      const attr = n.childForFieldName('attribute')?.text;
      if (!obj || !attr) return undefined;
      const base = this.qualify(obj, scope);
      return base ? `${base}.${attr}` : undefined;
    }
    return undefined;
  }

  private evalAttribute(n: Node, scope: Scope, pos: number): Value {
    const span = spanOf(n);
    const q = this.qualify(n, scope);
    if (q) {
      const v = this.qualifiedValue(q, span);
      if (v.k !== 'unknown') return v;
      // `settings.PYTHON` of a module of the project (`from . import settings`, `import app.settings as settings`).
      const other = this.project?.constant(this.file.path, q, span, this.importDepth);
      if (other) return other;
    }
    const obj = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute')?.text;
    if (!obj || !attr) return { k: 'unknown', span };
    // self.x / cls.x inside a method: every assignment to that attribute in the class.
    if (obj.type === 'identifier') {
      const cls = enclosingClass(n, obj.text);
      if (cls) return this.summaries.classAttribute(cls, attr);
    }
    const base = this.evalIn(obj, scope, pos);
    // pathlib-style `.parent` of the interpreter path stays inside the venv.
    if ((attr === 'parent' || attr === 'parents') && base.k === 'str' && hasVenvFragment(base.word)) {
      return fragmentValue({ kind: 'venv-path', span }, span);
    }
    return { k: 'unknown', span };
  }

  private evalBinary(n: Node, scope: Scope, pos: number): Value {
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    const op = n.childForFieldName('operator')?.text;
    const span = spanOf(n);
    if (!left || !right) return { k: 'unknown', span };
    const l = this.evalIn(left, scope, pos);
    const r = this.evalIn(right, scope, pos);
    if (op === '+') return stripLiteral(concatValues(l, r, span));
    if (op === '/') {
      // pathlib: Path(a) / "bin" / "python"
      return mapValue(l, (x) => mapValue(r, (y) => (x.k === 'str' && y.k === 'str' ? joinPath([x.word, y.word]) : { k: 'unknown', span })));
    }
    if (op === '%') {
      // Each value an argument may have (`"python%s" % v`, `"%s/%s" % (a, b)`).
      const each = (x: Value & { k: 'str' }, y: Value): Value =>
        y.k === 'list' && y.items.every((i) => 'value' in i)
          ? mapEach(y.items.map((i) => ('value' in i ? i.value : UNKNOWN)), (vs) => percentFormat(x.word, { k: 'list', items: vs.map((value) => ({ value })), span: y.span }, span))
          : percentFormat(x.word, y, span);
      return mapValue(l, (x) => (x.k === 'str' ? mapValue(r, (y) => each(x, y)) : { k: 'unknown', span }));
    }
    return { k: 'unknown', span };
  }

  private evalDict(n: Node, scope: Scope, pos: number): Value {
    let path: EnvPath = 'no';
    for (const c of n.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.type === 'pair') {
        const key = c.childForFieldName('key');
        const kv = key ? this.evalIn(key, scope, pos) : UNKNOWN;
        path = withKey(path, kv.k === 'str' ? wordTextOf(kv.word) : undefined);
      } else if (c.type === 'dictionary_splat') {
        const inner = c.namedChildren[0];
        const v = inner ? this.evalIn(inner, scope, pos) : UNKNOWN;
        path = mergeEnv(path, v.k === 'env' ? v.path : 'unknown');
      } else path = withKey(path, undefined);
    }
    return { k: 'env', path, span: spanOf(n) };
  }

  private evalSubscript(n: Node, scope: Scope, pos: number): Value {
    const value = n.childForFieldName('value');
    const sub = n.childForFieldName('subscript');
    const span = spanOf(n);
    if (!value || !sub) return { k: 'unknown', span };
    const q = this.qualify(value, scope);
    if (q === 'sys.version_info' || q === 'sys.version') return runningVersion(span);
    if (q === 'os.environ') {
      const key = this.evalIn(sub, scope, pos);
      return key.k === 'str' && wordTextOf(key.word) === 'VIRTUAL_ENV' ? fragmentValue({ kind: 'venv-path', span }, span) : { k: 'unknown', span };
    }
    const base = this.evalIn(value, scope, pos);
    if (base.k !== 'list') return { k: 'unknown', span };
    if (sub.type === 'integer') {
      const i = Number(sub.text);
      const item = base.items[i];
      if (base.items.slice(0, i + 1).every((it) => 'value' in it) && item && 'value' in item) return item.value;
      return { k: 'unknown', span };
    }
    if (sub.type === 'slice') {
      const parts = sub.namedChildren.filter((c): c is Node => !!c);
      if (parts.length === 1 && parts[0].type === 'integer' && sub.text.trim().endsWith(':')) {
        const i = Number(parts[0].text);
        if (base.items.slice(0, i).every((it) => 'value' in it)) return { k: 'list', items: base.items.slice(i), span };
      }
    }
    return { k: 'unknown', span };
  }
}
