/**
 * Resolves Python expressions to abstract Values, lazily and only for expressions that reach a
 * launch. Names are resolved by an approximation of reaching definitions: assignments before the
 * use, where one in a block that contains the use replaces earlier values and one in another
 * branch adds an alternative. Follows imports/aliases, module and function constants, list
 * mutation (+=, append, extend, insert), f-strings, % and .format, shlex/str helpers,
 * `self.x` attributes, and return values of functions in the same module.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceFile, Span } from '../../kernel/source.js';
import { mergeText, type Fragment, type Word } from '../../kernel/word.js';
import {
  asWord,
  concatValues,
  fragmentValue,
  mapValue,
  options,
  splitWords,
  strValue,
  union,
  UNKNOWN,
  type ListItem,
  type EnvPath,
  type LiteralRef,
  type Value,
} from './values.js';

type Scope = {
  kind: 'module' | 'function' | 'class';
  node: Node;
  parent?: Scope;
  events?: Map<string, Event[]>;
};

type Event =
  | { k: 'assign'; pos: number; block: Span; value: () => Value }
  | { k: 'aug'; pos: number; block: Span; value: () => Value }
  | { k: 'append'; pos: number; block: Span; value: () => Value }
  | { k: 'extend'; pos: number; block: Span; value: () => Value }
  | { k: 'insert'; pos: number; block: Span; index: number | undefined; value: () => Value }
  /** env["PATH"] = …, env.update(…), env.setdefault(…): a key set on a mapping. */
  | { k: 'setkey'; pos: number; block: Span; key: () => string | undefined };

/** Nodes whose children may hold statements (or `with … as x` bindings). */
const STATEMENT_CONTAINERS = new Set([
  'module', 'block', 'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement',
  'except_clause', 'except_group_clause', 'finally_clause', 'with_statement', 'with_clause', 'with_item', 'match_statement',
  'case_clause', 'decorated_definition',
]);
const SCOPE_TYPES = new Set(['function_definition', 'class_definition', 'lambda', 'module']);
const MAX_DEPTH = 40;

function spanOf(n: Node): Span {
  return { start: n.startIndex, end: n.endIndex };
}

export class PythonModule {
  /** Local name → dotted qualified name, from every import statement in the file. */
  readonly imports = new Map<string, string>();
  /** `import sys` at module level (for fixes). */
  readonly moduleImports = new Set<string>();
  /** Every string literal evaluated, by start offset (for fixes). */
  readonly literals = new Map<number, LiteralRef>();
  private readonly scopes = new Map<number, Scope>();
  private readonly returnCache = new Map<number, Value>();
  /**
   * Argument values bound to a function's parameters while a call site of that function is
   * examined (function node id → parameter → value). Caches are bypassed while any is set.
   */
  readonly paramBindings = new Map<number, Map<string, Value>>();
  private readonly classAttrCache = new Map<string, Value>();
  private readonly inProgress = new Set<string>();
  private depth = 0;
  /** Set when an expression was nested too deeply to follow: the file was not fully analysed. */
  tooDeep = false;
  private python2Cache: boolean | undefined;

  constructor(
    readonly root: Node,
    readonly file: SourceFile,
  ) {
    // Nodes are found from their keywords in the text, then checked in the tree: walking the whole
    // tree through the WASM boundary cost more than the rest of the analysis together.
    for (const n of this.nodesAtKeywords(/\b(?:import|from)\b/g, ['import_statement', 'import_from_statement'])) this.collectImport(n);
  }

  /** Whether the file uses Python 2 statements (`print "x"`, `exec "x"`), for fixes. */
  get python2(): boolean {
    this.python2Cache ??= this.nodesAtKeywords(/\b(?:print|exec)\b/g, ['print_statement', 'exec_statement']).length > 0;
    return this.python2Cache;
  }

  /** Statements of the given types that start with a keyword the pattern matches. */
  private nodesAtKeywords(pattern: RegExp, types: string[]): Node[] {
    const out: Node[] = [];
    for (const m of this.file.text.matchAll(pattern)) {
      const parent = this.root.descendantForIndex(m.index, m.index + m[0].length)?.parent;
      if (parent && types.includes(parent.type) && parent.startIndex === m.index) out.push(parent);
    }
    return out;
  }

  /**
   * Calls whose function is a name in `names` (`f(…)`) or an attribute ending in one (`x.f(…)`),
   * in source order.
   */
  callsTo(names: Iterable<string>): Node[] {
    const list = [...names].filter((n) => /^\w+$/.test(n));
    if (!list.length) return [];
    const pattern = new RegExp(`\\b(?:${list.join('|')})\\s*\\(`, 'g');
    const out: Node[] = [];
    const seen = new Set<number>();
    for (const m of this.file.text.matchAll(pattern)) {
      const id = this.root.descendantForIndex(m.index, m.index + 1);
      if (id?.type !== 'identifier') continue;
      const holder = id.parent?.type === 'attribute' && id.parent.childForFieldName('attribute')?.id === id.id ? id.parent : id;
      const call = holder.parent;
      if (call?.type !== 'call' || call.childForFieldName('function')?.id !== holder.id || seen.has(call.id)) continue;
      seen.add(call.id);
      out.push(call);
    }
    return out;
  }

  private collectImport(n: Node): void {
    const atModule = n.parent?.type === 'module';
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
    if (!mod || mod.type === 'relative_import') return;
    const modName = mod.text;
    for (const c of n.childrenForFieldName('name')) {
      if (!c) continue;
      if (c.type === 'dotted_name') this.imports.set(c.text, `${modName}.${c.text}`);
      else if (c.type === 'aliased_import') {
        const name = c.childForFieldName('name')?.text;
        const alias = c.childForFieldName('alias')?.text;
        if (name && alias) this.imports.set(alias, `${modName}.${name}`);
      }
    }
  }

  // ---- scopes -------------------------------------------------------------------------------

  scopeAt(n: Node): Scope {
    let cur: Node | null = n.parent;
    while (cur && !SCOPE_TYPES.has(cur.type)) cur = cur.parent;
    if (!cur) cur = this.root;
    if (cur.type === 'lambda') return this.scopeAt(cur);
    return this.scopeFor(cur);
  }

  private scopeFor(node: Node): Scope {
    let s = this.scopes.get(node.id);
    if (!s) {
      const kind = node.type === 'module' ? 'module' : node.type === 'class_definition' ? 'class' : 'function';
      s = { kind, node, parent: node.type === 'module' ? undefined : this.scopeAt(node) };
      this.scopes.set(node.id, s);
    }
    return s;
  }

  private eventsOf(scope: Scope): Map<string, Event[]> {
    if (scope.events) return scope.events;
    const events = new Map<string, Event[]>();
    const add = (name: string, e: Event) => {
      let l = events.get(name);
      if (!l) events.set(name, (l = []));
      l.push(e);
    };
    const body = scope.kind === 'module' ? scope.node : scope.node.childForFieldName('body');
    if (scope.kind === 'function') {
      const params = scope.node.childForFieldName('parameters');
      for (const p of params?.namedChildren ?? []) {
        if (!p) continue;
        const name = p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text;
        const dflt = p.childForFieldName('value');
        if (!name) continue;
        const block = spanOf(scope.node);
        const fnId = scope.node.id;
        add(name, {
          k: 'assign',
          pos: scope.node.startIndex,
          block,
          value: () => this.paramBindings.get(fnId)?.get(name) ?? (dflt ? union([UNKNOWN, this.evalIn(dflt, scope, dflt.startIndex)]) : UNKNOWN),
        });
      }
    }
    if (body) {
      // Iterative walk over statements only (bindings happen in statements, not deep inside
      // expressions); deep nesting must not overflow the JS stack.
      const stack: Node[] = [body];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.id !== body.id && (n.type === 'function_definition' || n.type === 'class_definition')) {
          const name = n.childForFieldName('name')?.text;
          if (name) {
            const fn = n;
            add(name, { k: 'assign', pos: n.startIndex, block: this.blockOf(n), value: () => (fn.type === 'function_definition' ? { k: 'func', name, node: fn } : UNKNOWN) });
          }
          continue;
        }
        if (n.type === 'expression_statement') {
          for (const c of n.namedChildren) if (c) this.eventsFromNode(c, scope, add);
          continue;
        }
        if (n.type === 'import_statement' || n.type === 'import_from_statement') {
          this.eventsFromNode(n, scope, add);
          continue;
        }
        if (n.type === 'for_statement' || n.type === 'as_pattern') this.eventsFromNode(n, scope, add);
        if (n.type === 'if_statement' || n.type === 'while_statement' || n.type === 'elif_clause') {
          let cond = n.childForFieldName('condition');
          while (cond?.type === 'parenthesized_expression') cond = cond.namedChildren[0] ?? null;
          if (cond?.type === 'named_expression') this.eventsFromNode(cond, scope, add);
        }
        if (!STATEMENT_CONTAINERS.has(n.type) && n.id !== body.id) continue;
        for (let i = n.namedChildCount - 1; i >= 0; i--) {
          const c = n.namedChild(i);
          if (c) stack.push(c);
        }
      }
    }
    for (const l of events.values()) l.sort((a, b) => a.pos - b.pos);
    scope.events = events;
    return events;
  }

  /** The block whose execution an event depends on (for the dominance approximation). */
  private blockOf(n: Node): Span {
    let cur: Node | null = n.parent;
    while (cur && cur.type !== 'block' && cur.type !== 'module') cur = cur.parent;
    return cur ? spanOf(cur) : spanOf(this.root);
  }

  private eventsFromNode(n: Node, scope: Scope, add: (name: string, e: Event) => void): void {
    switch (n.type) {
      case 'assignment': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (!left || !right) return;
        let valueNode = right;
        while (valueNode.type === 'assignment') valueNode = valueNode.childForFieldName('right') ?? valueNode;
        if (left.type === 'subscript' && left.childForFieldName('value')?.type === 'identifier') {
          const keyNode = left.childForFieldName('subscript');
          add(left.childForFieldName('value')!.text, { k: 'setkey', pos: n.endIndex, block: this.blockOf(n), key: () => this.keyText(keyNode, scope, n.startIndex) });
          return;
        }
        this.bindTarget(left, valueNode, n, scope, add);
        return;
      }
      case 'augmented_assignment': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        const op = n.childForFieldName('operator')?.text;
        if (left?.type === 'identifier' && right) {
          add(left.text, { k: op === '+=' ? 'aug' : 'assign', pos: n.endIndex, block: this.blockOf(n), value: op === '+=' ? () => this.evalIn(right, scope, right.startIndex) : () => UNKNOWN });
        }
        return;
      }
      case 'named_expression': {
        const name = n.childForFieldName('name');
        const value = n.childForFieldName('value');
        if (name && value) add(name.text, { k: 'assign', pos: n.endIndex, block: this.blockOf(n), value: () => this.evalIn(value, scope, value.startIndex) });
        return;
      }
      case 'call': {
        const fn = n.childForFieldName('function');
        if (fn?.type !== 'attribute') return;
        const obj = fn.childForFieldName('object');
        const attr = fn.childForFieldName('attribute')?.text;
        if (obj?.type !== 'identifier' || !attr) return;
        const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
        const block = this.blockOf(n);
        if ((attr === 'append' || attr === 'extend') && args.length === 1) {
          const a = args[0];
          add(obj.text, { k: attr, pos: n.endIndex, block, value: () => this.evalIn(a, scope, a.startIndex) });
        } else if (attr === 'setdefault' && args.length >= 1) {
          const keyNode = args[0];
          add(obj.text, { k: 'setkey', pos: n.endIndex, block, key: () => this.keyText(keyNode, scope, n.startIndex) });
        } else if (attr === 'update') {
          // update(PATH=…) / update({"PATH": …}) / update(other): every key it may set.
          for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) {
            if (!a) continue;
            if (a.type === 'keyword_argument') {
              const k = a.childForFieldName('name')?.text;
              add(obj.text, { k: 'setkey', pos: n.endIndex, block, key: () => k });
            } else if (a.type !== 'comment') {
              add(obj.text, {
                k: 'setkey',
                pos: n.endIndex,
                block,
                key: () => {
                  const v = this.evalIn(a, scope, n.startIndex);
                  return v.k === 'env' && v.path === 'set' ? 'PATH' : v.k === 'env' && v.path === 'no' ? '' : undefined;
                },
              });
            }
          }
        } else if (attr === 'insert' && args.length === 2) {
          const idx = args[0].type === 'integer' ? Number(args[0].text) : undefined;
          const a = args[1];
          add(obj.text, { k: 'insert', pos: n.endIndex, block, index: idx, value: () => this.evalIn(a, scope, a.startIndex) });
        }
        return;
      }
      case 'for_statement':
      case 'for_in_clause': {
        const left = n.childForFieldName('left');
        if (left) for (const id of identifiersIn(left)) add(id, { k: 'assign', pos: n.startIndex, block: this.blockOf(n), value: () => UNKNOWN });
        return;
      }
      case 'as_pattern': {
        const alias = n.childForFieldName('alias');
        if (alias) for (const id of identifiersIn(alias)) add(id, { k: 'assign', pos: n.endIndex, block: this.blockOf(n), value: () => UNKNOWN });
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
        // An import rebinds the name; its meaning comes from this.imports.
        for (const c of n.namedChildren) {
          if (!c || c.id === n.childForFieldName('module_name')?.id) continue;
          const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : c.text.split('.')[0];
          // Unknown without a span: evalName then takes the meaning from this.imports.
          if (local) add(local, { k: 'assign', pos: n.endIndex, block: this.blockOf(n), value: () => UNKNOWN });
        }
        return;
      default:
        return;
    }
  }

  private bindTarget(left: Node, right: Node, stmt: Node, scope: Scope, add: (name: string, e: Event) => void): void {
    const block = this.blockOf(stmt);
    if (left.type === 'identifier') {
      add(left.text, { k: 'assign', pos: stmt.endIndex, block, value: () => this.evalIn(right, scope, right.startIndex) });
      return;
    }
    if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') {
      const targets = left.namedChildren.filter((c): c is Node => !!c);
      const rhs = right.type === 'expression_list' || right.type === 'tuple' || right.type === 'list' ? right.namedChildren.filter((c): c is Node => !!c) : undefined;
      targets.forEach((t, i) => {
        const r = rhs && rhs.length === targets.length ? rhs[i] : undefined;
        if (t.type === 'identifier') add(t.text, { k: 'assign', pos: stmt.endIndex, block, value: r ? () => this.evalIn(r, scope, r.startIndex) : () => UNKNOWN });
        else for (const id of identifiersIn(t)) add(id, { k: 'assign', pos: stmt.endIndex, block, value: () => UNKNOWN });
      });
    }
  }

  /** Value of `name` just before offset `pos` in `scope`. */
  lookup(name: string, scope: Scope, pos: number): Value | undefined {
    const events = this.eventsOf(scope).get(name);
    if (!events || events.length === 0) {
      let parent = scope.parent;
      while (parent && parent.kind === 'class') parent = parent.parent;
      return parent ? this.lookup(name, parent, Infinity) : undefined;
    }
    let cur: Value[] | undefined;
    for (const e of events) {
      if (e.pos > pos) break;
      const dominates = e.block.start <= pos && pos <= e.block.end;
      switch (e.k) {
        case 'assign': {
          const v = e.value();
          cur = dominates || !cur ? [v] : [...cur, v];
          break;
        }
        case 'aug':
          if (cur) cur = cur.map((c) => concatValues(c, e.value()));
          break;
        case 'append':
          if (cur) cur = cur.map((c) => (c.k === 'list' ? { ...c, items: [...c.items, { value: e.value() }] } : c));
          break;
        case 'extend':
          if (cur) cur = cur.map((c) => (c.k === 'list' ? { ...c, items: [...c.items, { splat: e.value() }] } : c));
          break;
        case 'setkey':
          if (cur) {
            const key = e.key();
            cur = cur.map((c) => (c.k === 'env' ? { ...c, path: key === '' ? c.path : withKey(c.path, key) } : c));
          }
          break;
        case 'insert':
          if (cur) {
            cur = cur.map((c) => {
              if (c.k !== 'list') return c;
              if (e.index === undefined) return { ...c, items: [{ splat: UNKNOWN }] };
              const items = [...c.items];
              items.splice(e.index, 0, { value: e.value() });
              return { ...c, items };
            });
          }
          break;
      }
    }
    if (!cur) return { k: 'unknown' };
    return union(cur);
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
        return this.evalString(n, scope, pos);
      case 'concatenated_string': {
        let v: Value | undefined;
        for (const c of n.namedChildren) {
          if (!c || c.type !== 'string') continue;
          const s = this.evalString(c, scope, pos);
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
        return this.evalCall(n, scope, pos);
      case 'subscript':
        return this.evalSubscript(n, scope, pos);
      default:
        return { k: 'unknown', span };
    }
  }

  private evalName(n: Node, scope: Scope, pos: number): Value {
    const name = n.text;
    const v = this.lookup(name, scope, pos);
    if (v && !(v.k === 'unknown' && !v.span)) return v;
    const q = this.imports.get(name);
    if (q) return this.qualifiedValue(q, spanOf(n));
    return v ?? { k: 'unknown', span: spanOf(n) };
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
        return { k: 'unknown', span };
    }
  }

  /** The dotted name an expression refers to through imports (`sp.run` → `subprocess.run`), if any. */
  qualify(n: Node, scope?: Scope): string | undefined {
    if (n.type === 'identifier') {
      const name = n.text;
      const local = scope ? this.eventsOf(scope).get(name) : undefined;
      const imported = this.imports.get(name);
      if (imported) return imported;
      if (local && local.length) return undefined;
      // Builtins, unless rebound (str(), list(), tuple(), dict() are followed by the evaluator).
      if (['str', 'list', 'tuple', 'dict'].includes(name)) return name;
      // Well-known module names used without a visible import (e.g. `import os, sys` in a try block).
      if (['subprocess', 'os', 'sys', 'asyncio', 'pty', 'commands', 'popen2', 'shutil', 'shlex', 'multiprocessing', 'pipes', 'sysconfig'].includes(name)) return name;
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
    }
    const obj = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute')?.text;
    if (!obj || !attr) return { k: 'unknown', span };
    // self.x / cls.x inside a method: every assignment to that attribute in the class.
    if (obj.type === 'identifier') {
      const cls = this.enclosingClass(n, obj.text);
      if (cls) return this.classAttribute(cls, attr);
    }
    const base = this.evalIn(obj, scope, pos);
    // pathlib-style `.parent` of the interpreter path stays inside the venv.
    if ((attr === 'parent' || attr === 'parents') && base.k === 'str' && hasVenvFragment(base.word)) {
      return fragmentValue({ kind: 'venv-path', span }, span);
    }
    return { k: 'unknown', span };
  }

  /** The class whose method binds `selfName` as its first parameter, around node n. */
  private enclosingClass(n: Node, selfName: string): Node | undefined {
    let fn: Node | null = n.parent;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    if (!fn) return undefined;
    const params = fn.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c) ?? [];
    const first = params[0];
    const firstName = first?.type === 'identifier' ? first.text : first?.childForFieldName('name')?.text;
    if (firstName !== selfName) return undefined;
    let cls: Node | null = fn.parent;
    while (cls && cls.type !== 'class_definition' && cls.type !== 'function_definition') cls = cls.parent;
    return cls?.type === 'class_definition' ? cls : undefined;
  }

  private classAttribute(cls: Node, attr: string): Value {
    const key = `${cls.id}.${attr}`;
    const cached = this.paramBindings.size ? undefined : this.classAttrCache.get(key);
    if (cached) return cached;
    if (this.inProgress.has(key)) return UNKNOWN;
    this.inProgress.add(key);
    try {
      const values: Value[] = [];
      const classScope = this.scopeFor(cls);
      const fromBody = this.eventsOf(classScope).get(attr);
      if (fromBody?.length) values.push(this.lookup(attr, classScope, Infinity) ?? UNKNOWN);
      for (const asg of cls.descendantsOfType('assignment')) {
        if (!asg) continue;
        const left = asg.childForFieldName('left');
        const right = asg.childForFieldName('right');
        if (left?.type !== 'attribute' || !right || left.childForFieldName('attribute')?.text !== attr) continue;
        const obj = left.childForFieldName('object');
        if (obj?.type !== 'identifier' || this.enclosingClass(asg, obj.text)?.id !== cls.id) continue;
        values.push(this.evalIn(right, this.scopeAt(asg), asg.startIndex));
      }
      const v = values.length ? union(values) : UNKNOWN;
      if (!this.paramBindings.size) this.classAttrCache.set(key, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
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
    if (op === '%') return mapValue(l, (x) => (x.k === 'str' ? percentFormat(x.word, r, span) : { k: 'unknown', span }));
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

  private keyText(n: Node | null, scope: Scope, pos: number): string | undefined {
    if (!n) return undefined;
    const v = this.evalIn(n, scope, pos);
    return v.k === 'str' ? wordTextOf(v.word) : undefined;
  }

  // ---- strings ------------------------------------------------------------------------------

  private evalString(n: Node, scope: Scope, pos: number): Value {
    const startTok = n.child(0);
    const startText = startTok?.text ?? '"';
    const m = /^([A-Za-z]*)('''|"""|'|")$/.exec(startText);
    const prefix = (m?.[1] ?? '').toLowerCase();
    const quote = m?.[2] ?? '"';
    const raw = prefix.includes('r');
    const isF = prefix.includes('f') || prefix.includes('t');
    const frags: Fragment[] = [];
    let verbatim = true;
    const contentStart = startTok ? startTok.endIndex : n.startIndex;
    const endTok = n.child(n.childCount - 1);
    const contentEnd = endTok && endTok.type === 'string_end' ? endTok.startIndex : n.endIndex;
    for (const c of n.children) {
      if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
      if (c.type === 'string_content') {
        const { text, offsets, exact } = decodeContent(c, raw, isF, this.file.text);
        if (!exact) verbatim = false;
        frags.push({ kind: 'text', text, offsets });
      } else if (c.type === 'interpolation') {
        verbatim = false;
        const expr = c.childForFieldName('expression');
        const hasSpec = c.childForFieldName('format_specifier') || c.childForFieldName('type_conversion');
        const v = expr && !hasSpec ? this.evalIn(expr, scope, pos) : UNKNOWN;
        if (v.k === 'str') frags.push(...v.word.fragments);
        else frags.push({ kind: 'unknown', span: spanOf(c) });
      } else if (c.type === 'escape_sequence') {
        // Some grammar versions put escapes beside string_content.
        verbatim = false;
        const d = decodeEscape(c.text, isF);
        frags.push({ kind: 'text', text: d, offsets: Array.from({ length: d.length }, () => c.startIndex) });
      }
    }
    const span = spanOf(n);
    const literal: LiteralRef = {
      span,
      contentSpan: { start: contentStart, end: contentEnd },
      prefix: m?.[1] ?? '',
      quote,
      verbatim,
      parentType: n.parent?.type ?? '',
    };
    this.literals.set(n.startIndex, literal);
    if (prefix.includes('b')) verbatim = false;
    return strValue({ fragments: mergeText(frags), span }, literal);
  }

  // ---- calls --------------------------------------------------------------------------------

  /** Positional and keyword arguments of a call node. */
  callArgs(call: Node): { positional: Node[]; keywords: Map<string, Node>; splat: boolean } {
    const positional: Node[] = [];
    const keywords = new Map<string, Node>();
    let splat = false;
    const args = call.childForFieldName('arguments');
    for (const a of args?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        const value = a.childForFieldName('value');
        if (name && value) keywords.set(name, value);
      } else if (a.type === 'dictionary_splat') splat = true;
      else positional.push(a);
    }
    return { positional, keywords, splat };
  }

  private evalCall(n: Node, scope: Scope, pos: number): Value {
    const span = spanOf(n);
    const fn = n.childForFieldName('function');
    if (!fn) return { k: 'unknown', span };
    const { positional, keywords } = this.callArgs(n);
    const arg = (i: number, kw?: string): Value => {
      const node = positional[i] ?? (kw ? keywords.get(kw) : undefined);
      return node ? this.evalIn(node, scope, pos) : UNKNOWN;
    };
    const q = this.qualify(fn, scope);
    switch (q) {
      case 'shutil.which':
      case 'distutils.spawn.find_executable':
      case 'shutil.which.__call__': {
        if (keywords.has('path') || positional.length > 2) return { k: 'unknown', span };
        const name = arg(0, q === 'shutil.which' ? 'cmd' : 'executable');
        return mapValue(name, (v) => (v.k === 'str' ? fragmentValue({ kind: 'path-lookup', name: v.word, span }, span) : { k: 'unknown', span }));
      }
      case 'shlex.quote':
      case 'pipes.quote':
      case 'str':
      case 'os.fspath':
      case 'os.path.abspath':
      case 'os.path.normpath':
      case 'os.path.realpath':
      case 'os.path.expanduser':
      case 'pathlib.Path':
      case 'pathlib.PurePath':
      case 'list':
      case 'tuple':
        return positional.length === 1 ? stripLiteral(arg(0)) : { k: 'unknown', span };
      case 'os.path.dirname':
        return mapValue(arg(0), (v) => (v.k === 'str' && hasVenvFragment(v.word) ? fragmentValue({ kind: 'venv-path', span }, span) : { k: 'unknown', span }));
      case 'os.path.join':
      case 'posixpath.join':
        return joinAll(positional.map((p) => this.evalIn(p, scope, pos)), span);
      case 'shlex.split':
        return mapValue(arg(0, 's'), (v) => (v.k === 'str' ? { k: 'list', items: splitWords(v.word, true).map((w) => ({ value: strValue(w) })), span } : { k: 'unknown', span }));
      case 'shlex.join':
        return mapValue(arg(0), (v) => joinList(v, ' ', span));
      case 'os.getenv':
      case 'os.environ.get': {
        const key = arg(0);
        const keyText = key.k === 'str' ? wordTextOf(key.word) : undefined;
        if (keyText === 'VIRTUAL_ENV') return fragmentValue({ kind: 'venv-path', span }, span);
        return positional.length > 1 ? union([{ k: 'unknown', span }, arg(1)]) : { k: 'unknown', span };
      }
      case 'os.environ.copy':
      case 'dict':
        if (q === 'dict') {
          const a0 = positional[0] ? this.evalIn(positional[0], scope, pos) : undefined;
          let path: EnvPath = a0 ? (a0.k === 'env' ? a0.path : 'unknown') : 'no';
          for (const k of keywords.keys()) path = withKey(path, k);
          return { k: 'env', path, span };
        }
        return { k: 'env', path: 'inherited', span };
      case 'sysconfig.get_path':
        return fragmentValue({ kind: 'venv-path', span }, span);
    }
    // Methods on values: "sep".join, s.split, s.format, s.strip, env.copy …
    if (fn.type === 'attribute') {
      const method = fn.childForFieldName('attribute')?.text;
      const objNode = fn.childForFieldName('object');
      if (objNode && method) {
        const obj = this.evalIn(objNode, scope, pos);
        switch (method) {
          case 'join':
            return mapValue(obj, (sep) => (sep.k === 'str' ? mapValue(arg(0), (l) => joinList(l, wordTextOf(sep.word) ?? ' ', span)) : { k: 'unknown', span }));
          case 'split':
            if (positional.length === 0 || (positional.length === 1 && (positional[0].type === 'none' || /^["'] ["']$/.test(positional[0].text)))) {
              return mapValue(obj, (s) => (s.k === 'str' ? { k: 'list', items: splitWords(s.word, false).map((w) => ({ value: strValue(w) })), span } : { k: 'unknown', span }));
            }
            return { k: 'unknown', span };
          case 'format':
            return mapValue(obj, (s) => (s.k === 'str' ? braceFormat(s.word, positional.map((p) => this.evalIn(p, scope, pos)), new Map([...keywords].map(([k, v]) => [k, this.evalIn(v, scope, pos)])), span) : { k: 'unknown', span }));
          case 'strip':
          case 'rstrip':
          case 'lstrip':
          case 'resolve':
          case 'absolute':
          case 'as_posix':
            return positional.length === 0 ? stripLiteral(obj) : { k: 'unknown', span };
          case 'copy':
            return obj.k === 'env' || obj.k === 'list' ? obj : { k: 'unknown', span };
          case 'get':
            // settings.get("executable", "flake8"): the default is what runs unless configured.
            return positional.length === 2 && obj.k !== 'env' ? union([{ k: 'unknown', span }, arg(1)]) : { k: 'unknown', span };
        }
        // self.method(): return values of a method of the enclosing class.
        if (objNode.type === 'identifier') {
          const cls = this.enclosingClass(n, objNode.text);
          const def = cls ? findMethod(cls, method) : undefined;
          if (def) return this.returnsOf(def);
        }
      }
      return { k: 'unknown', span };
    }
    // A function defined in this module: the union of what it returns (parameters unknown).
    if (fn.type === 'identifier') {
      const v = this.lookup(fn.text, scope, pos);
      if (v) {
        const funcs = options(v).filter((o): o is Extract<Value, { k: 'func' }> => o.k === 'func');
        if (funcs.length) return union(funcs.map((f) => this.returnsOf(f.node as Node)));
      }
    }
    return { k: 'unknown', span };
  }

  private returnsOf(def: Node): Value {
    const cached = this.paramBindings.size ? undefined : this.returnCache.get(def.id);
    if (cached) return cached;
    const key = `ret:${def.id}`;
    if (this.inProgress.has(key)) return UNKNOWN;
    this.inProgress.add(key);
    try {
      const scope = this.scopeFor(def);
      const body = def.childForFieldName('body');
      const values: Value[] = [];
      const stack: Node[] = body ? [body] : [];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') continue;
        if (n.type === 'return_statement') {
          const e = n.namedChildren.find((c) => c && c.type !== 'comment');
          values.push(e ? this.evalIn(e, scope, n.startIndex) : { k: 'none' });
          continue;
        }
        for (const c of n.namedChildren) if (c) stack.push(c);
      }
      const v = values.length ? union(values) : { k: 'none' as const };
      if (!this.paramBindings.size) this.returnCache.set(def.id, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }
}

// ---- helpers ------------------------------------------------------------------------------------

/** PATH state after a key is set: PATH itself sets it; an unknown key may be PATH. */
function withKey(path: EnvPath, key: string | undefined): EnvPath {
  if (key === 'PATH') return 'set';
  if (key === undefined && path === 'no') return 'unknown';
  return path;
}

/** PATH state after `{**a, **b}`-style merging of b into a. */
function mergeEnv(a: EnvPath, b: EnvPath): EnvPath {
  if (b === 'set' || a === 'set') return 'set';
  if (b === 'inherited') return 'inherited';
  if (b === 'unknown' && a === 'no') return 'unknown';
  return a === 'no' ? b : a;
}

function identifiersIn(n: Node): string[] {
  if (n.type === 'identifier') return [n.text];
  return n.descendantsOfType('identifier').filter((c): c is Node => !!c).map((c) => c.text);
}

function findMethod(cls: Node, name: string): Node | undefined {
  const body = cls.childForFieldName('body');
  for (const c of body?.namedChildren ?? []) {
    const def = c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name) return def;
  }
  return undefined;
}

function hasVenvFragment(w: Word): boolean {
  return w.fragments.some((f) => f.kind === 'sys-executable' || f.kind === 'venv-path');
}

function wordTextOf(w: Word): string | undefined {
  let s = '';
  for (const f of w.fragments) {
    if (f.kind !== 'text') return undefined;
    s += f.text;
  }
  return s;
}

/** Derived strings are no longer one literal a fix could rewrite as a whole. */
function stripLiteral(v: Value): Value {
  return mapValue(v, (x) => (x.k === 'str' && x.literal ? { k: 'str', word: x.word } : x));
}

function synthetic(text: string): Fragment {
  return { kind: 'text', text, offsets: new Array(text.length).fill(-1) };
}

function joinPath(words: Word[]): Value {
  const frags: Fragment[] = [];
  words.forEach((w, i) => {
    if (i > 0) frags.push(synthetic('/'));
    frags.push(...w.fragments);
  });
  return strValue({ fragments: mergeText(frags) });
}

function joinAll(values: Value[], span: Span): Value {
  if (values.length === 0) return { k: 'unknown', span };
  let acc: Value = values[0];
  for (const v of values.slice(1)) {
    acc = mapValue(acc, (a) => mapValue(v, (b) => (a.k === 'str' && b.k === 'str' ? joinPath([a.word, b.word]) : { k: 'unknown', span })));
  }
  return stripLiteral(acc);
}

function joinList(list: Value, sep: string, span: Span): Value {
  if (list.k !== 'list') return { k: 'unknown', span };
  const frags: Fragment[] = [];
  list.items.forEach((it, i) => {
    if (i > 0) frags.push(synthetic(sep));
    if ('splat' in it) frags.push({ kind: 'unknown', span });
    else frags.push(...asWord(it.value, span).fragments);
  });
  return strValue({ fragments: mergeText(frags), span });
}

/** "a %s b" % value — %s/%r/%d replaced by the values, %% by %. */
function percentFormat(fmt: Word, args: Value, span: Span): Value {
  const values = args.k === 'list' && args.items.every((i) => 'value' in i) ? args.items.map((i) => (i as { value: Value }).value) : [args];
  if (args.k === 'env') return { k: 'unknown', span };
  let next = 0;
  const out: Fragment[] = [];
  for (const f of fmt.fragments) {
    if (f.kind !== 'text') {
      out.push(f);
      continue;
    }
    let i = 0;
    let lastCut = 0;
    const t = f.text;
    const cut = (a: number, b: number) => {
      if (b > a) out.push({ kind: 'text', text: t.slice(a, b), offsets: f.offsets?.slice(a, b) });
    };
    while (i < t.length) {
      if (t[i] !== '%') {
        i++;
        continue;
      }
      const m = /^%(\([^)]*\))?[-#0 +]*(\d+|\*)?(\.\d+)?[hlL]?([diouxXeEfFgGcrsa%])/.exec(t.slice(i));
      if (!m) {
        i++;
        continue;
      }
      cut(lastCut, i);
      if (m[4] === '%') out.push({ kind: 'text', text: '%', offsets: f.offsets ? [f.offsets[i]] : undefined });
      else if (m[1]) out.push({ kind: 'unknown', span });
      else {
        const v = values[next++];
        out.push(...(v ? asWord(v, span).fragments : [{ kind: 'unknown' as const, span }]));
      }
      i += m[0].length;
      lastCut = i;
    }
    cut(lastCut, t.length);
  }
  return strValue({ fragments: mergeText(out), span });
}

/** "{} {0} {name}".format(...) */
function braceFormat(fmt: Word, positional: Value[], keywords: Map<string, Value>, span: Span): Value {
  let auto = 0;
  const out: Fragment[] = [];
  for (const f of fmt.fragments) {
    if (f.kind !== 'text') {
      out.push(f);
      continue;
    }
    const t = f.text;
    let i = 0;
    let lastCut = 0;
    const cut = (a: number, b: number) => {
      if (b > a) out.push({ kind: 'text', text: t.slice(a, b), offsets: f.offsets?.slice(a, b) });
    };
    while (i < t.length) {
      const ch = t[i];
      if ((ch === '{' || ch === '}') && t[i + 1] === ch) {
        cut(lastCut, i + 1);
        i += 2;
        lastCut = i;
        continue;
      }
      if (ch !== '{') {
        i++;
        continue;
      }
      const close = t.indexOf('}', i);
      if (close < 0) break;
      cut(lastCut, i);
      const field = t.slice(i + 1, close);
      const name = field.split(/[!:]/)[0];
      const hasSpec = field.length !== name.length;
      let v: Value | undefined;
      if (!hasSpec) {
        if (name === '') v = positional[auto++];
        else if (/^\d+$/.test(name)) v = positional[Number(name)];
        else if (/^\w+$/.test(name)) v = keywords.get(name);
      }
      out.push(...(v ? asWord(v, span).fragments : [{ kind: 'unknown' as const, span }]));
      i = close + 1;
      lastCut = i;
    }
    cut(lastCut, t.length);
  }
  return strValue({ fragments: mergeText(out), span });
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

function decodeEscape(esc: string, isF: boolean): string {
  if (isF && (esc === '{{' || esc === '}}')) return esc[0];
  const body = esc.slice(1);
  if (body.startsWith('\n') || body.startsWith('\r')) return '';
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body];
  if (/^x[0-9a-fA-F]{2}$/.test(body) || /^u[0-9a-fA-F]{4}$/.test(body) || /^U[0-9a-fA-F]{8}$/.test(body)) {
    const cp = parseInt(body.slice(1), 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd'; // out of range: CPython refuses the literal
  }
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  return esc; // unknown escapes stay as written (\N{...} is rare in commands)
}

/** Decode a string_content node: its escape_sequence children, mapped char by char to the source. */
function decodeContent(c: Node, raw: boolean, isF: boolean, source: string): { text: string; offsets: number[]; exact: boolean } {
  let text = '';
  const offsets: number[] = [];
  let exact = true;
  let cursor = c.startIndex;
  const copy = (to: number) => {
    for (let i = cursor; i < to; i++) {
      text += source[i];
      offsets.push(i);
    }
  };
  if (!raw) {
    for (const e of c.children) {
      if (!e || e.type !== 'escape_sequence') continue;
      copy(e.startIndex);
      const d = decodeEscape(e.text, isF);
      if (d !== e.text) exact = false;
      for (const ch of d) {
        text += ch;
        offsets.push(e.startIndex);
      }
      cursor = e.endIndex;
    }
  }
  copy(c.endIndex);
  return { text, offsets, exact };
}
