/**
 * The modules a piece of inline Python imports (`python -c CODE`, a here-doc on `python3 -`'s stdin),
 * read with the Python parser: the top-level name of every `import x.y`, `from x import y` and
 * `from __future__ import …`, anywhere in the code (inside functions and `try:` too). Undefined when
 * the code cannot be read that far: a syntax error, a relative import, or a way to import a module
 * named at run time (`__import__`, `exec`, `eval`, `compile`, `importlib`, `runpy`, `pkgutil`,
 * `zipimport`), or `ensurepip` (it installs into the interpreter that runs it).
 */
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { loadedParser } from '../tree-sitter.js';

const DYNAMIC_CALLS = new Set(['__import__', 'exec', 'eval', 'compile']);
const DYNAMIC_MODULES = new Set(['importlib', 'runpy', 'pkgutil', 'zipimport', 'ensurepip']);

/** Inline code beyond this is not read (it is no probe). */
const MAX_CODE = 20_000;

export function inlineImports(code: string, max = MAX_CODE): string[] | undefined {
  if (code.length > max) return undefined;
  const tree = loadedParser('tree-sitter-python').parse(code);
  if (!tree) return undefined;
  try {
    const root = tree.rootNode;
    if (root.hasError) return undefined;
    const modules = new Set<string>();
    const top = (n: SyntaxNode | null): string | undefined => (n?.type === 'dotted_name' ? n.text.split('.')[0].trim() : undefined);
    const stack: SyntaxNode[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      switch (n.type) {
        case 'import_statement':
          for (const c of n.childrenForFieldName('name')) {
            const m = top(c?.type === 'aliased_import' ? c.childForFieldName('name') : c);
            if (m === undefined) return undefined;
            modules.add(m);
          }
          continue;
        case 'import_from_statement': {
          const m = top(n.childForFieldName('module_name')); // a relative_import is no dotted_name
          if (m === undefined) return undefined;
          modules.add(m);
          continue;
        }
        case 'future_import_statement':
          modules.add('__future__');
          continue;
        case 'call': {
          const f = n.childForFieldName('function');
          if (f?.type === 'identifier' && DYNAMIC_CALLS.has(f.text)) return undefined;
          break;
        }
      }
      for (const c of n.children) if (c) stack.push(c);
    }
    if ([...modules].some((m) => DYNAMIC_MODULES.has(m))) return undefined;
    return [...modules];
  } finally {
    tree.delete();
  }
}
