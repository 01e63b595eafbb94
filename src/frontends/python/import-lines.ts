/**
 * Python imports and top-level blocks read lexically, without parsing: what the two passes that
 * follow a file into the project's other modules share (src/pipeline/imports-reliant.ts, which
 * resolves against the run's files, and project-modules.ts, which resolves against the disk).
 */
import path from 'node:path';

/** `from .mod import a, b as c` (a parenthesised or backslash-continued list included). */
export const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*(?:\\\r?\n[^\n#;]*)*)/gm;
/** `import a.b as c, d`. */
export const PLAIN_IMPORT = /^[ \t]*import[ \t]+([^\n#;]*(?:\\\r?\n[^\n#;]*)*)/gm;

/** A `FROM_IMPORT` match: the level (leading dots), the module's dotted name and the names with their aliases. */
export function fromImportParts(m: RegExpExecArray | RegExpMatchArray): { level: number; module: string; names: { name: string; alias: string }[] } {
  const names: { name: string; alias: string }[] = [];
  for (const n of m[3].replace(/[()\\\r\n]/g, ' ').split(',')) {
    if (!n.trim()) continue;
    const [name, alias] = n.split(/\s+as\s+/).map((x) => x.trim());
    if (/^\w+$/.test(name)) names.push({ name, alias: alias ?? name });
  }
  return { level: m[1].length, module: m[2], names };
}

/** A `PLAIN_IMPORT` match: each module's dotted name and the name it is bound to. */
export function plainImportParts(m: RegExpExecArray | RegExpMatchArray): { module: string; alias: string }[] {
  const out: { module: string; alias: string }[] = [];
  for (const n of m[1].replace(/[\\\r\n]/g, ' ').split(',')) {
    const [module, alias] = n.trim().split(/\s+as\s+/).map((x) => x.trim());
    if (module && /^[\w.]+$/.test(module)) out.push({ module, alias: alias ?? module });
  }
  return out;
}

/**
 * Where absolute imports are looked up from a folder: the folder, its package's root's parent (up
 * while `__init__.py` is there, not above `stopAt` when given), the project root and its `src`.
 */
export function importBases(dir: string, isFile: (p: string) => boolean, root?: string, stopAt?: string): string[] {
  let top = dir;
  while (isFile(path.join(top, '__init__.py')) && path.dirname(top) !== top && (stopAt === undefined || top.startsWith(stopAt))) top = path.dirname(top);
  const out = [dir, top];
  if (root !== undefined) out.push(root, path.join(root, 'src'));
  return [...new Set(out)];
}

/** The module file `parts` names under the first of `bases` that has it (`a/b.py`, else `a/b/__init__.py`). */
export function findModuleFile(bases: readonly string[], parts: readonly string[], isFile: (p: string) => boolean): string | undefined {
  for (const b of bases) {
    const stem = path.join(b, ...parts);
    for (const c of parts.length ? [`${stem}.py`, path.join(stem, '__init__.py')] : [path.join(stem, '__init__.py')]) if (isFile(c)) return c;
  }
  return undefined;
}

const TOP_BLOCK = /^(?:async[ \t]+)?def[ \t]+(\w+)|^class[ \t]+(\w+)/;

export interface TopBlock {
  name: string;
  kind: 'def' | 'class';
  /** Offsets of the block: its first line to the next unindented code line. */
  start: number;
  end: number;
  /** The same, as 1-based lines. */
  startLine: number;
  endLine: number;
}

/** The module's top-level `def`/`class` blocks, each to the next unindented code line. */
export function topLevelBlocks(text: string): TopBlock[] {
  const lines = text.split('\n');
  const out: TopBlock[] = [];
  let open: TopBlock | undefined;
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() && !/^[ \t]/.test(l) && !l.startsWith('#') && !/^[)\]}]/.test(l)) {
      const m = TOP_BLOCK.exec(l);
      if (open) {
        open.endLine = i; // the line before this one (1-based i)
        open.end = offset;
        open = undefined;
      }
      if (m) {
        open = { name: m[1] ?? m[2], kind: m[1] ? 'def' : 'class', start: offset, end: text.length, startLine: i + 1, endLine: lines.length };
        out.push(open);
      }
    }
    offset += l.length + 1;
  }
  return out;
}
