/**
 * Scopes and name resolution for the Python evaluator (evaluate.ts): the scope around a node,
 * every binding of a name in a scope as an event (assignments, parameters, imports, loop
 * targets, list mutation, keys set on an environment mapping), and a name's value before an
 * offset by an approximation of reaching definitions: an assignment in a block that contains
 * the use replaces earlier values, one in another branch adds an alternative.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceFile, Span } from '../../kernel/source.js';
import { concatValues, union, UNKNOWN, type LiteralRef, type Value } from './values.js';
import { withKey, wordTextOf } from './value-ops.js';
import { branchFlow, parameterTruth, type Truth } from './branches.js';
import { BLOCK_TYPES, nearestAncestor, parentOf } from './ancestry.js';

export type Scope = {
  kind: 'module' | 'function' | 'class';
  node: Node;
  parent?: Scope;
  events?: Map<string, Event[]>;
  /** lookup(name, this, Infinity) (what a nested function sees), kept while no call's parameters are bound. */
  atEnd?: Map<string, Value | undefined>;
};

type Event =
  /**
   * `fallback`: the assignment runs only when sys.executable is empty (`if not sys.executable: …`);
   * `stmt`: the assignment statement, for the branches it depends on (branches.ts).
   */
  | { k: 'assign'; pos: number; block: Span; value: () => Value; fallback?: () => boolean; stmt?: Node }
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

export function spanOf(n: Node): Span {
  return { start: n.startIndex, end: n.endIndex };
}

/** What the evaluator's modules (scopes, summaries, calls, string literals) use of PythonModule. */
export interface Evaluator {
  readonly file: SourceFile;
  /** Every string literal evaluated, by start offset (for fixes). */
  readonly literals: Map<number, LiteralRef>;
  /** Argument values bound to a function's parameters while one of its call sites is examined. */
  readonly paramBindings: Map<number, Map<string, Value>>;
  evalIn(n: Node, scope: Scope, pos: number): Value;
  qualify(n: Node, scope?: Scope): string | undefined;
  lookup(name: string, scope: Scope, pos: number): Value | undefined;
  /** True when `cond` tests that sys.executable is set, false when it tests that it is empty. */
  interpreterTest(cond: Node, scope: Scope, pos: number): boolean | undefined;
}

/** Binding events visited by lookups (the regression test bounds them, instead of timing). */
export const lookupStats = { events: 0 };

/** The scopes of one module and the bindings in each, built on first use. */
export class Scopes {
  private readonly scopes = new Map<number, Scope>();

  constructor(
    private readonly root: Node,
    private readonly ev: Evaluator,
  ) {}

  scopeAt(n: Node): Scope {
    let cur = nearestAncestor(n, SCOPE_TYPES);
    if (!cur) cur = this.root;
    if (cur.type === 'lambda') return this.scopeAt(cur);
    return this.scopeFor(cur);
  }

  scopeFor(node: Node): Scope {
    let s = this.scopes.get(node.id);
    if (!s) {
      const kind = node.type === 'module' ? 'module' : node.type === 'class_definition' ? 'class' : 'function';
      s = { kind, node, parent: node.type === 'module' ? undefined : this.scopeAt(node) };
      this.scopes.set(node.id, s);
    }
    return s;
  }

  eventsOf(scope: Scope): Map<string, Event[]> {
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
          // A default is evaluated where the def runs, in the enclosing scope: `def f(x=x)` reads the outer x.
          value: () => this.ev.paramBindings.get(fnId)?.get(name) ?? (dflt ? union([UNKNOWN, this.ev.evalIn(dflt, scope.parent ?? scope, scope.node.startIndex)]) : UNKNOWN),
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
    const cur = nearestAncestor(n, BLOCK_TYPES);
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
          add(left.text, { k: op === '+=' ? 'aug' : 'assign', pos: n.endIndex, block: this.blockOf(n), value: op === '+=' ? () => this.ev.evalIn(right, scope, right.startIndex) : () => UNKNOWN });
        }
        return;
      }
      case 'named_expression': {
        const name = n.childForFieldName('name');
        const value = n.childForFieldName('value');
        if (name && value) add(name.text, { k: 'assign', pos: n.endIndex, block: this.blockOf(n), value: () => this.ev.evalIn(value, scope, value.startIndex) });
        return;
      }
      case 'call':
        this.eventsFromCall(n, scope, add);
        return;
      case 'for_statement':
      case 'for_in_clause': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        // `for v in ("3", ""):`: each item of a literal list or tuple, one after the other.
        if (left?.type === 'identifier' && right && (right.type === 'tuple' || right.type === 'list')) {
          add(left.text, { k: 'assign', pos: n.startIndex, block: this.blockOf(n), value: () => loopItems(this.ev.evalIn(right, scope, right.startIndex)) });
        } else if (left) for (const id of identifiersIn(left)) add(id, { k: 'assign', pos: n.startIndex, block: this.blockOf(n), value: () => UNKNOWN });
        return;
      }
      case 'as_pattern': {
        const alias = n.childForFieldName('alias');
        if (alias) for (const id of identifiersIn(alias)) add(id, { k: 'assign', pos: n.endIndex, block: this.blockOf(n), value: () => UNKNOWN });
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
        // An import rebinds the name; its meaning comes from the import table (PythonModule.imports).
        for (const c of n.namedChildren) {
          if (!c || c.id === n.childForFieldName('module_name')?.id) continue;
          const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : c.text.split('.')[0];
          // Unknown without a span: evalName then takes the meaning from the import table.
          if (local) add(local, { k: 'assign', pos: n.endIndex, block: this.blockOf(n), value: () => UNKNOWN });
        }
        return;
      default:
        return;
    }
  }

  /**
   * A method call that changes what a name holds: append/extend/insert on a list,
   * setdefault/update on a mapping.
   */
  private eventsFromCall(n: Node, scope: Scope, add: (name: string, e: Event) => void): void {
    const fn = n.childForFieldName('function');
    if (fn?.type !== 'attribute') return;
    const obj = fn.childForFieldName('object');
    const attr = fn.childForFieldName('attribute')?.text;
    if (obj?.type !== 'identifier' || !attr) return;
    const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
    const block = this.blockOf(n);
    if ((attr === 'append' || attr === 'extend') && args.length === 1) {
      const a = args[0];
      add(obj.text, { k: attr, pos: n.endIndex, block, value: () => this.ev.evalIn(a, scope, a.startIndex) });
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
              const v = this.ev.evalIn(a, scope, n.startIndex);
              return v.k === 'env' && v.path === 'set' ? 'PATH' : v.k === 'env' && v.path === 'no' ? '' : undefined;
            },
          });
        }
      }
    } else if (attr === 'insert' && args.length === 2) {
      const idx = args[0].type === 'integer' ? Number(args[0].text) : undefined;
      const a = args[1];
      add(obj.text, { k: 'insert', pos: n.endIndex, block, index: idx, value: () => this.ev.evalIn(a, scope, a.startIndex) });
    }
  }

  private bindTarget(left: Node, right: Node, stmt: Node, scope: Scope, add: (name: string, e: Event) => void): void {
    const block = this.blockOf(stmt);
    if (left.type === 'identifier') {
      add(left.text, { k: 'assign', pos: stmt.endIndex, block, value: () => this.ev.evalIn(right, scope, right.startIndex), fallback: this.embeddedFallback(stmt, scope), stmt });
      return;
    }
    if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') {
      const targets = left.namedChildren.filter((c): c is Node => !!c);
      const rhs = right.type === 'expression_list' || right.type === 'tuple' || right.type === 'list' ? right.namedChildren.filter((c): c is Node => !!c) : undefined;
      targets.forEach((t, i) => {
        const r = rhs && rhs.length === targets.length ? rhs[i] : undefined;
        if (t.type === 'identifier') add(t.text, { k: 'assign', pos: stmt.endIndex, block, value: r ? () => this.ev.evalIn(r, scope, r.startIndex) : () => UNKNOWN });
        else for (const id of identifiersIn(t)) add(id, { k: 'assign', pos: stmt.endIndex, block, value: () => UNKNOWN });
      });
    }
  }

  /**
   * For a statement directly in `if not sys.executable:` (or in the `else:` of `if sys.executable:`,
   * `exe` bound to it works too): a test that it runs only for an embedded interpreter, whose
   * sys.executable is empty — a name assigned there is not what normal runs launch.
   */
  private embeddedFallback(stmt: Node, scope: Scope): (() => boolean) | undefined {
    const holder = parentOf(stmt);
    const block = holder?.type === 'expression_statement' ? parentOf(holder) : holder;
    if (block?.type !== 'block') return undefined;
    let branch = parentOf(block);
    let inElse = false;
    if (branch?.type === 'else_clause') {
      inElse = true;
      branch = parentOf(branch);
      if (branch?.namedChildren.some((c) => c?.type === 'elif_clause')) return undefined;
    }
    if (branch?.type !== 'if_statement') return undefined;
    const cond = branch.childForFieldName('condition');
    if (!cond) return undefined;
    return () => this.ev.interpreterTest(cond, scope, cond.startIndex) === inElse;
  }

  /** Value of `name` just before offset `pos` in `scope`. */
  lookup(name: string, scope: Scope, pos: number): Value | undefined {
    const events = this.eventsOf(scope).get(name);
    if (!events || events.length === 0) {
      let parent = scope.parent;
      while (parent && parent.kind === 'class') parent = parent.parent;
      return parent ? this.lookup(name, parent, Infinity) : undefined;
    }
    // Seen from a nested function, every binding is an alternative: n bindings cost n per lookup,
    // so the union is kept (as summaries.ts keeps return values: only with no parameters bound).
    const keep = pos === Infinity && this.ev.paramBindings.size === 0;
    if (keep && scope.atEnd?.has(name)) return scope.atEnd.get(name);
    const v = this.lookupEvents(events, pos, name, scope);
    if (keep && this.ev.paramBindings.size === 0) (scope.atEnd ??= new Map()).set(name, v);
    return v;
  }

  /** The truth of a branch condition in `scope`, from the arguments bound for one call of it. */
  private truthIn(scope: Scope): Truth | undefined {
    if (scope.kind !== 'function' || scope.node.type !== 'function_definition') return undefined;
    const bindings = this.ev.paramBindings.get(scope.node.id);
    if (!bindings) return undefined;
    return (cond) =>
      parameterTruth(cond, scope.node, bindings, (p) => {
        const d = p.childForFieldName('value');
        return d ? this.ev.evalIn(d, scope.parent ?? scope, scope.node.startIndex) : undefined;
      });
  }

  private lookupEvents(events: Event[], pos: number, name: string, scope: Scope): Value | undefined {
    // Everything before the last assignment that dominates `pos` is overwritten by it: start there.
    // (From the first event, a module assigning a name n times made n lookups cost n² evaluations.)
    let end = 0;
    for (let hi = events.length; end < hi; ) {
      const mid = (end + hi) >>> 1;
      if (events[mid].pos <= pos) end = mid + 1;
      else hi = mid;
    }
    let from = end - 1;
    while (from > 0 && !(events[from].k === 'assign' && events[from].block.start <= pos && pos <= events[from].block.end)) from--;
    lookupStats.events += end - Math.max(from, 0);
    let cur: Value[] | undefined;
    // The values of a complete if/elif/else chain before the use, by branch path (branches.ts).
    let chain: { key: string; values: Map<string, Value> } | undefined;
    const truth = pos === Infinity ? undefined : this.truthIn(scope);
    for (let i = Math.max(from, 0); i < end; i++) {
      const e = events[i];
      let dominates = e.block.start <= pos && pos <= e.block.end;
      let step: ((c: Value) => Value) | undefined;
      switch (e.k) {
        case 'assign': {
          if (e.fallback?.()) break;
          if (!dominates && e.stmt && pos !== Infinity) {
            const flow = branchFlow(e.stmt, name, pos, truth ?? (() => undefined));
            if (flow.dead) break;
            if (flow.block.start <= pos && pos <= flow.block.end) {
              if (flow.chain.length) {
                // One branch of a chain whose every branch assigns: the branches' values replace
                // what came before; a later assignment on the same branch path replaces its own.
                const outer = flow.chain[0].slice(0, flow.chain[0].indexOf(':'));
                if (chain?.key !== outer) chain = { key: outer, values: new Map() };
                const path = flow.chain.join('/');
                for (const k of [...chain.values.keys()]) if (path.startsWith(k + '/') || k.startsWith(path + '/')) chain.values.delete(k);
                chain.values.set(path, e.value());
                cur = [...chain.values.values()];
                break;
              }
              dominates = true;
            }
          }
          chain = undefined;
          const v = e.value();
          cur = dominates || !cur ? [v] : [...cur, v];
          break;
        }
        case 'aug':
          step = (c) => concatValues(c, e.value());
          break;
        case 'append':
          step = (c) => (c.k === 'list' ? { ...c, items: [...c.items, { value: e.value() }] } : c);
          break;
        case 'extend':
          step = (c) => (c.k === 'list' ? { ...c, items: [...c.items, { splat: e.value() }] } : c);
          break;
        case 'setkey': {
          if (!cur) break;
          const key = e.key();
          step = (c) => (c.k === 'env' ? { ...c, path: key === '' ? c.path : withKey(c.path, key) } : c);
          break;
        }
        case 'insert':
          step = (c) => {
            if (c.k !== 'list') return c;
            if (e.index === undefined) return { ...c, items: [{ splat: UNKNOWN }] };
            const items = [...c.items];
            items.splice(e.index, 0, { value: e.value() });
            return { ...c, items };
          };
          break;
      }
      if (step && cur) {
        cur = cur.map(step);
        if (chain) for (const [k, c] of chain.values) chain.values.set(k, step(c));
      }
    }
    if (!cur) return { k: 'unknown' };
    return union(cur);
  }

  private keyText(n: Node | null, scope: Scope, pos: number): string | undefined {
    if (!n) return undefined;
    const v = this.ev.evalIn(n, scope, pos);
    return v.k === 'str' ? wordTextOf(v.word) : undefined;
  }
}

function identifiersIn(n: Node): string[] {
  if (n.type === 'identifier') return [n.text];
  return n.descendantsOfType('identifier').filter((c): c is Node => !!c).map((c) => c.text);
}

/** The values a loop over a literal list or tuple gives its variable (unknown when an item is spread). */
function loopItems(v: Value): Value {
  if (v.k !== 'list' || v.items.length === 0 || !v.items.every((i) => 'value' in i)) return UNKNOWN;
  return union(v.items.map((i) => ('value' in i ? i.value : UNKNOWN)));
}
