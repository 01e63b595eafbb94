/**
 * Python imports and top-level blocks read lexically, without parsing: what the two passes that
 * follow a file into the project's other modules share (src/pipeline/imports-reliant.ts, which
 * resolves against the run's files, and project-modules.ts, which resolves against the disk).
 */
import path from 'node:path';
import { STDLIB_MODULES } from '../../judge/stdlib-modules.js';

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

/**
 * A top-level module name of the standard library, its own `test` package among them (which
 * `sys.stdlib_module_names` leaves out; the standard library's tests import it everywhere).
 */
export function isStandard(top: string): boolean {
  return top === 'test' || STDLIB_MODULES.has(top);
}

/** Task runners and process libraries (process-libraries.ts): importing one keeps the file whole. */
const PROCESS_LIBRARIES = new Set(['invoke', 'fabric', 'sh', 'plumbum', 'pexpect', 'sarge', 'delegator']);

/**
 * From a line start up to the word `import`: nothing but indentation, or `from MODULE ` (relative
 * or not); read in place (sticky), without copying the line.
 */
const IMPORT_AT = /[ \t]*(?:from[ \t]+(\.*)(\w*)[\w. \t]*?)?import(?![\w])/y;
/** One name of `import a.b as c, d`: its first part, and where the next one may start. */
const IMPORTED_NAME = /[ \t]*(\w+)[\w.]*(?:[ \t]+as[ \t]+\w+)?[ \t]*(,)?/y;

/**
 * One pass over a text by plain search for the word `import` (no regex over the whole text):
 * calls `visit` with the line start of each import statement that may name a project module
 * (relative, or a top-level name outside the standard library; most files of a project import only
 * the standard library and installed packages, and the standard library's own files import each
 * other) and with whether it imports a process library.
 */
function eachImport(text: string, visit: (lineStart: number, project: boolean, library: boolean) => void): void {
  // Searching for `mport` and then checking the `i` is twice as fast as searching for `import`:
  // V8 looks for the first character with memchr, and `i` is far more common than `m`.
  for (let k = text.indexOf('mport', 1); k !== -1; k = text.indexOf('mport', k + 5)) {
    if (text.charCodeAt(k - 1) !== 105 /* i */) continue;
    const i = k - 1;
    // A word of its own: most hits (`important`, `imports`, `_import`) stop here. After it a space
    // or tab, or `(`/`*` of `from M import(a, b)` and `from M import*`.
    const before = i > 0 ? text.charCodeAt(i - 1) : 10;
    const after = text.charCodeAt(i + 6);
    if ((before !== 32 && before !== 9 && before !== 10) || (after !== 32 && after !== 9 && after !== 40 && after !== 42)) continue;
    const lineStart = text.lastIndexOf('\n', i) + 1;
    IMPORT_AT.lastIndex = lineStart;
    const m = IMPORT_AT.exec(text);
    if (!m || IMPORT_AT.lastIndex !== i + 6) continue;
    let project = false;
    let library = false;
    if (m[1] !== undefined) {
      // from MODULE import …
      const top = m[2];
      project = !!m[1] || (!!top && !isStandard(top));
      library = !m[1] && PROCESS_LIBRARIES.has(top);
    } else {
      // `import a, b.c as d`: any of them
      IMPORTED_NAME.lastIndex = i + 6;
      for (let n = IMPORTED_NAME.exec(text); n; n = n[2] ? IMPORTED_NAME.exec(text) : null) {
        if (!isStandard(n[1])) project = true;
        if (PROCESS_LIBRARIES.has(n[1])) library = true;
      }
    }
    if (project || library) visit(lineStart, project, library);
  }
}

export interface ImportScan {
  /** The line starts of the imports that may name a module of the project. */
  readonly starts: readonly number[];
  /** Whether it imports a process library. */
  readonly library: boolean;
}

let lastText: string | undefined;
let lastScan: ImportScan = { starts: [], library: false };

/**
 * A text's imports (decoded, or bytes read as Latin-1; see eachImport): one pass, kept for the next
 * question about the same text (the prefilter asks about the process libraries, whether it may
 * import the project and which modules it imports, most files all of them).
 */
export function importScan(text: string): ImportScan {
  if (text !== lastText) {
    const starts: number[] = [];
    let library = false;
    eachImport(text, (lineStart, project, lib) => {
      if (project && starts[starts.length - 1] !== lineStart) starts.push(lineStart);
      library ||= lib;
    });
    lastText = text;
    lastScan = { starts, library };
  }
  return lastScan;
}
