/**
 * A script the same code writes just before it runs it: `path.write_text("""import json …""")`
 * then `subprocess.run(["python3", str(path)])` (archivebox's hook tests). When the whole content is
 * a literal, the modules it imports are known as for `python -c CODE` (inline-imports.ts), and a
 * script that imports only the standard library needs no venv (judge.ts).
 */
import type { Node } from 'web-tree-sitter';
import { nearestAncestor, parentOf } from './ancestry.js';
import { inlineImports } from './inline-imports.js';
import type { PythonModule } from './evaluate.js';
import { wordTextOf } from './value-ops.js';

/** Methods and functions that turn a path into the string argv holds. */
const AS_STRING = new Set(['str', 'os.fspath', 'os.path.abspath', 'os.path.realpath']);

/**
 * The modules imported by the script a launch's argv list literal runs (its first word after the
 * interpreter that is not an option), when that script is a name `X` (or `str(X)`) whose file the
 * same function last wrote with `X.write_text(LITERAL)` in a block around the launch, with no
 * assignment to `X` in between. Undefined otherwise.
 */
export function writtenScriptImports(mod: PythonModule, call: Node, argsNode: Node | undefined): string[] | undefined {
  if (argsNode?.type !== 'list') return undefined;
  const items = argsNode.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  let script: Node | undefined;
  for (const it of items.slice(1)) {
    if (it.type === 'string' && /^[rbuRBU]*['"]-/.test(it.text)) {
      // -c/-m are not a script; other short options (-u, -B, -I …) stand before one.
      if (/^[rbuRBU]*['"]-[A-Za-z]*[cm]/.test(it.text) || it.text.includes('--')) return undefined;
      continue;
    }
    script = it;
    break;
  }
  const name = script ? pathName(mod, script) : undefined;
  if (!name) return undefined;
  const scope = enclosingScope(call);
  let write: Node | undefined;
  for (const w of mod.callsTo(['write_text'])) {
    if (w.startIndex >= call.startIndex) break;
    const fn = w.childForFieldName('function');
    if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.type !== 'identifier' || fn.childForFieldName('object')?.text !== name) continue;
    if (enclosingScope(w)?.id !== scope?.id) continue;
    write = w;
  }
  if (!write || !scope) return undefined;
  // The write runs whenever the launch does: it stands in a block around the launch.
  const stmt = parentOf(write);
  const block = stmt?.type === 'expression_statement' ? parentOf(stmt) : undefined;
  if (!block || block.startIndex > call.startIndex || block.endIndex < call.endIndex) return undefined;
  if (assignedBetween(scope, name, write.endIndex, call.startIndex)) return undefined;
  const { positional, keywords } = mod.callArgs(write);
  const data = positional[0] ?? keywords.get('data');
  if (!data || positional.length > 1) return undefined;
  const v = mod.eval(data);
  const code = v.k === 'str' ? wordTextOf(v.word) : undefined;
  return code === undefined ? undefined : inlineImports(code);
}

/** `X` or `str(X)`: the name X. */
function pathName(mod: PythonModule, n: Node): string | undefined {
  if (n.type === 'identifier') return n.text;
  if (n.type !== 'call') return undefined;
  const fn = n.childForFieldName('function');
  const q = fn ? mod.qualify(fn, mod.scopeAt(n)) : undefined;
  if (!q || !AS_STRING.has(q)) return undefined;
  const { positional, keywords } = mod.callArgs(n);
  const a = positional[0];
  return positional.length === 1 && keywords.size === 0 && a?.type === 'identifier' ? a.text : undefined;
}

function enclosingScope(n: Node): Node | undefined {
  return nearestAncestor(n, SCOPES) ?? undefined;
}

const SCOPES: ReadonlySet<string> = new Set(['function_definition', 'lambda', 'class_definition', 'module']);

/** Whether `name` is bound (assigned, a loop or `with` target) between two offsets of a scope. */
function assignedBetween(scope: Node, name: string, from: number, to: number): boolean {
  for (const t of ['assignment', 'augmented_assignment', 'for_statement', 'as_pattern', 'named_expression']) {
    for (const a of scope.descendantsOfType(t)) {
      if (!a || a.startIndex < from || a.startIndex > to) continue;
      const target = a.childForFieldName('left') ?? a.childForFieldName('alias') ?? a.childForFieldName('name');
      if (!target) return true;
      if (target.type === 'identifier' ? target.text === name : target.descendantsOfType('identifier').some((i) => i?.text === name)) return true;
    }
  }
  return false;
}
