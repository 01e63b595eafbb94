/**
 * Parents and enclosing nodes in a Python syntax tree, in time that does not grow with the depth
 * of the tree (issue 16). tree-sitter keeps no parent links: `node.parent` descends from the root
 * to the node again (ts_node_parent calls ts_node_child_with_descendant once per level), so a walk
 * up k levels from depth d costs k·d, and every launch of 1 MB of nested `os.system(os.system(…`
 * walked up to its scope through ~95,000 levels, parent by parent (35 s of CPU for 1 MB, killed;
 * 2 s for 2 KB). Here one descent serves many look-ups:
 *
 * - the parents found are kept (node id → parent), so each node's is found once;
 * - the last descent is kept as a path from the root, and the next one starts from the deepest
 *   node of that path whose span holds the node looked up (a binary search: spans nest), so
 *   look-ups near the last one, as a walk through a file in order makes them, cost the few
 *   levels between them instead of the whole depth;
 * - the nearest enclosing node of some types (the scope, the block, the function) is kept per
 *   node for each set of types asked for, so walking up from n nodes of one chain costs n steps
 *   in all, not n per node.
 *
 * One Ancestry per tree, made on first use; nodes of other trees are never mixed in.
 */
import type { Node, Tree } from 'web-tree-sitter';

class Ancestry {
  /** Node id → its parent (null for the root), for every node a descent has passed. */
  private readonly parents = new Map<number, Node | null>();
  /** The last descent: the root, then each node the parent of the next. */
  private path: Node[];
  /** For each set of types asked for: node id → its nearest strict ancestor of those types. */
  private readonly nearestOf = new Map<ReadonlySet<string>, Map<number, Node | null>>();

  constructor(root: Node) {
    this.path = [root];
    this.parents.set(root.id, null);
  }

  parent(n: Node): Node | null {
    const known = this.parents.get(n.id);
    if (known !== undefined) return known;
    // From the deepest node of the path whose span holds n's. A node of the path is known (above),
    // so the path's nodes that hold n's span are its ancestors (spans nest; only empty nodes share
    // an edge with an unrelated node, and then the descent below finds nothing).
    const path = this.path;
    path.length = this.deepestHolding(n.startIndex, n.endIndex) + 1;
    let at = path[path.length - 1];
    for (;;) {
      const next = at.childWithDescendant(n);
      if (!next) break;
      if (next.id === n.id) {
        this.parents.set(n.id, at);
        return at;
      }
      // A child of `at` (the path stays a chain of parents), on the way to n.
      this.parents.set(next.id, at);
      path.push(next);
      at = next;
    }
    // Not reached by position (an empty node at the edge of another): tree-sitter's own descent.
    const p = n.parent;
    this.parents.set(n.id, p);
    return p;
  }

  /** The smallest node that spans start..end, as `root.descendantForIndex(start, end)` finds it. */
  descendant(start: number, end: number): Node | null {
    return this.path[this.deepestHolding(start, end)].descendantForIndex(start, end);
  }

  /** The index of the deepest node of the path whose span holds start..end (the root's, 0, at least). */
  private deepestHolding(start: number, end: number): number {
    const path = this.path;
    let lo = 0;
    for (let hi = path.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >>> 1;
      if (path[mid].startIndex <= start && end <= path[mid].endIndex) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The nearest strict ancestor of `n` whose type is in `types`, or null. */
  nearest(n: Node, types: ReadonlySet<string>): Node | null {
    let memo = this.nearestOf.get(types);
    if (!memo) this.nearestOf.set(types, (memo = new Map()));
    const known = memo.get(n.id);
    if (known !== undefined) return known;
    // Up to the first node of those types, or to one whose answer is known: every node passed
    // on the way has the same answer.
    const passed = [n.id];
    let found: Node | null = null;
    for (let cur = this.parent(n); cur; cur = this.parent(cur)) {
      if (types.has(cur.type)) {
        found = cur;
        break;
      }
      const k = memo.get(cur.id);
      if (k !== undefined) {
        found = k;
        break;
      }
      passed.push(cur.id);
    }
    for (const id of passed) memo.set(id, found);
    return found;
  }
}

/** What a statement stands in: a block, or the module itself. */
export const BLOCK_TYPES: ReadonlySet<string> = new Set(['block', 'module']);

const byTree = new WeakMap<Tree, Ancestry>();

function ancestryOf(n: Node): Ancestry {
  let a = byTree.get(n.tree);
  if (!a) byTree.set(n.tree, (a = new Ancestry(n.tree.rootNode)));
  return a;
}

/** `n.parent`, without tree-sitter's descent from the root on every call. */
export function parentOf(n: Node): Node | null {
  return ancestryOf(n).parent(n);
}

/**
 * The smallest node of `root`'s tree that spans start..end (`root.descendantForIndex`), found from
 * the last look-up's path instead of from the root. `start < end`: an empty range can lie at the
 * edge of several nodes.
 */
export function descendantAt(root: Node, start: number, end: number): Node | null {
  return ancestryOf(root).descendant(start, end);
}

/** The nearest strict ancestor of `n` whose type is in `types` (a set kept for the lifetime of the program), or null. */
export function nearestAncestor(n: Node, types: ReadonlySet<string>): Node | null {
  return ancestryOf(n).nearest(n, types);
}
