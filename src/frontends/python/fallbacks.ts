/**
 * Fallbacks to a tool by name (issue 15, gaia's util/check_security_gates.py): an `if` whose first
 * branch runs the tool as a module of the running interpreter (`[sys.executable, "-m", "bandit",
 * …]`), and whose `elif`/`else` names it (`["bandit", …]`). The name is chosen only where the
 * module is not the interpreter's (its test failed): PATH's tool is the one meant there, and
 * `sys.executable -m bandit` would fail.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceFile } from '../../kernel/source.js';
import { descendantAt } from './ancestry.js';

const AS_MODULE = /\bsys\.executable\s*,\s*["']-m["']\s*,\s*["']([\w.-]+)["']/g;

/** See PythonFileFacts.moduleFallbacks. */
export function moduleFallbackRanges(root: Node, text: string, file: SourceFile): { from: number; to: number; line: number; module: string }[] {
  const out: { from: number; to: number; line: number; module: string }[] = [];
  if (!text.includes('sys.executable')) return out;
  AS_MODULE.lastIndex = 0;
  let seen = 0;
  for (let m = AS_MODULE.exec(text); m && seen++ < 256; m = AS_MODULE.exec(text)) {
    // The innermost `if` whose first branch holds it; its `elif`s and `else` are the fallback.
    let n: Node | null | undefined = descendantAt(root, m.index, m.index + 1);
    while (n && !(n.type === 'block' && n.parent?.type === 'if_statement' && n.parent.childForFieldName('consequence')?.startIndex === n.startIndex)) n = n.parent;
    const holder = n?.parent;
    if (!holder) continue;
    const alt = holder.namedChildren.find((c) => c?.type === 'elif_clause' || c?.type === 'else_clause');
    if (!alt) continue;
    const range = { from: alt.startIndex, to: holder.endIndex, line: file.location(m.index).line, module: m[1] };
    if (!out.some((o) => o.from === range.from && o.module === range.module)) out.push(range);
  }
  return out;
}
