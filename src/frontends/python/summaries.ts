/**
 * What a definition elsewhere in the module contributes to a value, for the Python evaluator
 * (evaluate.ts): the union of a function's (or method's) return values, and of every assignment
 * to a class attribute (`self.x`, `cls.x`, class body). Both are cached, except while call-site
 * arguments are bound to parameters, and guarded against recursion.
 */
import type { Node } from 'web-tree-sitter';
import { nearestAncestor } from './ancestry.js';
import type { Evaluator, Scopes } from './scopes.js';
import { union, UNKNOWN, type Value } from './values.js';

/** The class whose method binds `selfName` as its first parameter, around node n. */
export function enclosingClass(n: Node, selfName: string): Node | undefined {
  const fn = nearestAncestor(n, FUNCTION);
  if (!fn) return undefined;
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c) ?? [];
  const first = params[0];
  const firstName = first?.type === 'identifier' ? first.text : first?.childForFieldName('name')?.text;
  if (firstName !== selfName) return undefined;
  const cls = nearestAncestor(fn, CLASS_OR_FUNCTION);
  return cls?.type === 'class_definition' ? cls : undefined;
}

const FUNCTION: ReadonlySet<string> = new Set(['function_definition']);
const CLASS_OR_FUNCTION: ReadonlySet<string> = new Set(['class_definition', 'function_definition']);

/** The method `name` defined in class `cls`'s own body (decorated or not). */
export function findMethod(cls: Node, name: string): Node | undefined {
  const body = cls.childForFieldName('body');
  for (const c of body?.namedChildren ?? []) {
    const def = c?.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name) return def;
  }
  return undefined;
}

/** Return values and class attributes of one module, cached by definition. */
export class Summaries {
  private readonly returnCache = new Map<number, Value>();
  private readonly classAttrCache = new Map<string, Value>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly scopes: Scopes,
    private readonly ev: Evaluator,
  ) {}

  /**
   * Every value assigned to attribute `attr` of class `cls`: in its body, and through the first
   * parameter (self.attr, cls.attr) in its methods.
   */
  classAttribute(cls: Node, attr: string): Value {
    const key = `${cls.id}.${attr}`;
    const cached = this.ev.paramBindings.size ? undefined : this.classAttrCache.get(key);
    if (cached) return cached;
    if (this.inProgress.has(key)) return UNKNOWN;
    this.inProgress.add(key);
    try {
      const values: Value[] = [];
      const classScope = this.scopes.scopeFor(cls);
      const fromBody = this.scopes.eventsOf(classScope).get(attr);
      if (fromBody?.length) values.push(this.scopes.lookup(attr, classScope, Infinity) ?? UNKNOWN);
      for (const { asg, right } of this.attributeAssignments(cls).get(attr) ?? []) values.push(this.ev.evalIn(right, this.scopes.scopeAt(asg), asg.startIndex));
      const v = values.length ? union(values) : UNKNOWN;
      if (!this.ev.paramBindings.size) this.classAttrCache.set(key, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /**
   * The assignments `self.attr = …` / `cls.attr = …` in class `cls`'s methods, by attribute, in
   * the order of the text: found in one walk of the class per module. (Only the values depend on
   * the parameters bound at a call, so a lookup while they are bound, which is not cached, does
   * not walk the class again: on the stdlib's 33 analysed files, ~10 ms of walks.)
   */
  private attributeAssignments(cls: Node): Map<string, { asg: Node; right: Node }[]> {
    let byAttr = this.attrAssignments.get(cls.id);
    if (byAttr) return byAttr;
    byAttr = new Map();
    for (const asg of cls.descendantsOfType('assignment')) {
      if (!asg) continue;
      const left = asg.childForFieldName('left');
      const right = asg.childForFieldName('right');
      const attr = left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : undefined;
      if (!attr || !right) continue;
      const obj = left!.childForFieldName('object');
      if (obj?.type !== 'identifier' || enclosingClass(asg, obj.text)?.id !== cls.id) continue;
      const list = byAttr.get(attr);
      if (list) list.push({ asg, right });
      else byAttr.set(attr, [{ asg, right }]);
    }
    this.attrAssignments.set(cls.id, byAttr);
    return byAttr;
  }

  private readonly attrAssignments = new Map<number, Map<string, { asg: Node; right: Node }[]>>();

  /** The union of what a function returns (None when it has no return with a value). */
  returnsOf(def: Node): Value {
    const cached = this.ev.paramBindings.size ? undefined : this.returnCache.get(def.id);
    if (cached) return cached;
    const key = `ret:${def.id}`;
    if (this.inProgress.has(key)) return UNKNOWN;
    this.inProgress.add(key);
    try {
      const scope = this.scopes.scopeFor(def);
      const body = def.childForFieldName('body');
      const values: Value[] = [];
      const stack: Node[] = body ? [body] : [];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') continue;
        if (n.type === 'return_statement') {
          const e = n.namedChildren.find((c) => c && c.type !== 'comment');
          values.push(e ? this.ev.evalIn(e, scope, n.startIndex) : { k: 'none' });
          continue;
        }
        for (const c of n.namedChildren) if (c) stack.push(c);
      }
      const v = values.length ? union(values) : { k: 'none' as const };
      if (!this.ev.paramBindings.size) this.returnCache.set(def.id, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }
}
