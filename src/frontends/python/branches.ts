/**
 * Which `if` branches an assignment depends on, for the evaluator's reaching definitions
 * (scopes.ts). Two facts refine "an assignment in another branch adds an alternative":
 *
 * - A branch on a parameter the caller sets: while a call site's arguments are bound to the
 *   function's parameters (wrapper calls, launch-sites.ts), `if environment:` with
 *   `environment=True` is taken and `if not environment:` is not; a parameter the call leaves out
 *   has its default's value (unless the call passes `**kwargs`). A branch that is taken counts as
 *   the block around it; one that is not taken assigns nothing.
 * - An if/elif/else chain whose every branch assigns the name (or leaves by return/raise) replaces
 *   what the name held before it, for a use after the chain: the value is the union of the
 *   branches' own assignments.
 */
import type { Node } from 'web-tree-sitter';
import type { Span } from '../../kernel/source.js';
import { BLOCK_TYPES, nearestAncestor, parentOf } from './ancestry.js';
import { wordTextOf } from './value-ops.js';
import type { Value } from './values.js';

/** Marks a call that passes `*args` or `**kwargs`: the parameters it leaves out are not known to be defaults. */
export const SPLAT_BINDING = '*';

export type Flow =
  | { dead: true }
  | {
      dead: false;
      /** The block the assignment counts as being in. */
      block: Span;
      /** Complete chains it is one branch of, outermost first: `${if id}:${branch}` keys. */
      chain: string[];
    };

/** How the truth of a condition is learned: true, false, or undefined when not known. */
export type Truth = (cond: Node) => boolean | undefined;

/** Where an assignment statement counts, seen from a use at `pos`. */
export function branchFlow(stmt: Node, name: string, pos: number, truth: Truth): Flow {
  let b = containingBlock(stmt);
  const chain: string[] = [];
  while (b && b.type === 'block') {
    const p = parentOf(b);
    if (!p) break;
    let chainIf: Node | undefined;
    if (p.type === 'if_statement' && p.childForFieldName('consequence')?.id === b.id) {
      const t = truth(p.childForFieldName('condition')!);
      if (t === false) return { dead: true };
      if (t === true) {
        b = containingBlock(p);
        continue;
      }
      chainIf = p;
    } else if (p.type === 'else_clause' && parentOf(p)?.type === 'if_statement') {
      const ifs = parentOf(p)!;
      if (!ifs.namedChildren.some((c) => c?.type === 'elif_clause')) {
        const t = truth(ifs.childForFieldName('condition')!);
        if (t === true) return { dead: true };
        if (t === false) {
          b = containingBlock(ifs);
          continue;
        }
      }
      chainIf = ifs;
    } else if (p.type === 'elif_clause' && parentOf(p)?.type === 'if_statement') {
      const cond = p.childForFieldName('condition');
      if (cond && truth(cond) === false) return { dead: true };
      chainIf = parentOf(p)!;
    }
    if (!chainIf || pos < chainIf.endIndex) break;
    const branches = branchBlocks(chainIf);
    if (!branches || !branches.every((x) => assignsOrLeaves(x, name))) break;
    chain.unshift(`${chainIf.id}:${branches.findIndex((x) => x.id === b!.id)}`);
    b = containingBlock(chainIf);
  }
  const at = b ?? stmt;
  return { dead: false, block: { start: at.startIndex, end: at.endIndex }, chain };
}

/** The block (or module) a statement stands in. */
function containingBlock(n: Node): Node | undefined {
  return nearestAncestor(n, BLOCK_TYPES) ?? undefined;
}

/** The blocks of an if/elif/else chain, or undefined when it has no else (a path assigns nothing). */
function branchBlocks(ifs: Node): Node[] | undefined {
  const out: Node[] = [];
  const first = ifs.childForFieldName('consequence');
  if (first) out.push(first);
  let hasElse = false;
  for (const c of ifs.namedChildren) {
    if (c?.type === 'elif_clause') {
      const body = c.childForFieldName('consequence');
      if (body) out.push(body);
    } else if (c?.type === 'else_clause') {
      const body = c.childForFieldName('body');
      if (body) out.push(body);
      hasElse = true;
    }
  }
  return hasElse ? out : undefined;
}

/** A block that assigns `name` as one of its own statements, or ends by return or raise. */
function assignsOrLeaves(block: Node, name: string): boolean {
  for (const s of block.namedChildren) {
    if (!s) continue;
    if (s.type === 'return_statement' || s.type === 'raise_statement') return true;
    if (s.type !== 'expression_statement') continue;
    const a = s.namedChildren[0];
    if (a?.type === 'assignment' && a.childForFieldName('left')?.type === 'identifier' && a.childForFieldName('left')?.text === name) return true;
  }
  return false;
}

/**
 * The truth of a condition that names a parameter of `def` (`x`, `not x`), from the arguments
 * bound for one call: a literal bool, None, number, string or list is known; anything else is not.
 */
export function parameterTruth(cond: Node, def: Node, bindings: Map<string, Value> | undefined, defaultOf: (param: Node) => Value | undefined): boolean | undefined {
  if (!bindings) return undefined;
  const { node: n, negated } = unwrapNot(cond);
  if (n?.type !== 'identifier') return undefined;
  const name = n.text;
  let param: Node | undefined;
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    const pname = p?.type === 'identifier' ? p.text : p?.childForFieldName('name')?.text;
    if (p && pname === name) param = p;
  }
  if (!param) return undefined;
  let v = bindings.get(name);
  if (!v && !bindings.has(SPLAT_BINDING)) v = defaultOf(param);
  const t = v ? truthOf(v) : undefined;
  return t === undefined ? undefined : t !== negated;
}

function truthOf(v: Value): boolean | undefined {
  switch (v.k) {
    case 'bool':
      return v.v;
    case 'none':
      return false;
    case 'str': {
      const text = wordTextOf(v.word);
      return text === undefined ? undefined : text !== '';
    }
    case 'list':
      return v.items.length > 0 ? v.items.some((i) => 'value' in i) || undefined : false;
    default:
      return undefined;
  }
}

/** A condition without its parentheses and `not`s: what it tests, and whether an odd number of `not`s negate it. */
export function unwrapNot(cond: Node): { node: Node | null; negated: boolean } {
  let n: Node | null = cond;
  let negated = false;
  for (;;) {
    while (n?.type === 'parenthesized_expression') n = n.namedChildren[0] ?? null;
    if (n?.type !== 'not_operator') return { node: n, negated };
    negated = !negated;
    n = n.childForFieldName('argument');
  }
}
