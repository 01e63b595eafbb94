/**
 * Other modules of the same project, for the Python front end (issue 12): a command name or prefix
 * that one module sets at its top level and another imports (`from .settings import PYTHON`,
 * `settings.PIP_INSTALL`, `import tools.config as config` … `config.PYTHON`), and a helper function
 * that starts whatever command it is given (`def run(cmd): subprocess.run(cmd, shell=True)`,
 * `def sh(*args): subprocess.check_call(args)`) called from another module
 * (`from utils import run` … `run("pytest -q")`).
 *
 * A module is found as Python would find it from the importing file: relative imports from its
 * package, absolute ones from the file's folder, its package's root, the project root and `src/`.
 * Each module is read once per thread. Its helpers are indexed once; its constants are evaluated on
 * demand (with its own imports followed, MAX_DEPTH modules deep) and cached. Parse trees live only
 * while the importing file is analysed (`release`). Budgets: MAX_PER_FILE modules parsed for one
 * importing file, MAX_PARSED in all per thread, modules up to MAX_MODULE_CHARS; past them a name
 * stays unknown, as before this existed.
 *
 * A value from another module has no place in the importing file's text: its characters carry no
 * offsets (no fix rewrites them; the fix belongs in the module that sets it), and where the
 * importing file uses it is its span. The module and line it comes from are kept for the report
 * (`originOf`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { SourceFile, type Span } from '../../kernel/source.js';
import type { Fragment, Word } from '../../kernel/word.js';
import { loadedParser } from '../tree-sitter.js';
import { decodePython } from './decode.js';
import { apiWordInCode, blankComments, isWordChar, nextApiWord } from './prefilter.js';
import { findModuleFile, FROM_IMPORT, fromImportParts, importBases, importScan, isStandard, PLAIN_IMPORT, plainImportParts, topLevelBlocks } from './import-lines.js';
import { UNKNOWN, type Value } from './values.js';
import { PythonModule } from './evaluate.js';
import { helpersIn } from './project-helpers.js';
import type { Helper, Origin, OtherModules } from './other-modules.js';

/** Import hops followed for a constant: the checked file → a module → a module. */
const MAX_DEPTH = 2;
/** Modules parsed for one importing file. */
const MAX_PER_FILE = 16;
/** Modules parsed per thread in all. */
const MAX_PARSED = 400;
const MAX_MODULE_CHARS = 512 * 1024;
/** Top-level names of one module evaluated when it is loaded for its constants. */
const MAX_NAMES = 500;

interface Loaded {
  file: SourceFile;
  tree: Tree;
  mod: PythonModule;
}

/**
 * What is kept of a module read once: its lexical facts, each worked out on first use from the
 * module's text (`read`: kept while the texts kept stay under MAX_KEPT_CHARS in all, else read
 * again; a huge project's modules are not all held). A module asked only whether it sets a name
 * never has its defs scanned, and one asked only for helpers never has its assignments listed.
 */
class ModuleText {
  private defs?: Set<string>;
  private names?: Map<string, string[]>;
  private words?: Set<string>;
  /** The module's own imports of project modules (lexical, built on first use). */
  bindings?: ImportBinding[];
  /** setsTool's answers, by name. */
  tool?: Map<string, boolean>;

  constructor(private readonly read: () => string) {}

  /** Top-level `def NAME(` blocks whose code names a launch API, by name (lexical). */
  get launchingDefs(): Set<string> {
    return (this.defs ??= launchingDefs(this.read()));
  }

  /** Top-level assignments by name: the rest of each `NAME = …` line (lexical). */
  get assigned(): Map<string, string[]> {
    if (!this.names) {
      this.names = new Map();
      for (const m of this.read().matchAll(TOP_ASSIGNMENT)) {
        const l = this.names.get(m[1]);
        if (l) l.push(m[2]);
        else this.names.set(m[1], [m[2]]);
      }
    }
    return this.names;
  }

  /**
   * The top-level assignments to one name (as `assigned` has them), found by searching for the
   * name at line starts: cheaper than listing every assignment when a module is asked about a few
   * names (most modules the prefilter asks about; `assigned` builds the whole list).
   */
  valuesOf(name: string): string[] {
    if (this.names) return this.names.get(name) ?? [];
    let v = this.one?.get(name);
    if (v) return v;
    v = [];
    const text = this.read();
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      // A line start as `^` of a multiline pattern has it: after \n, \r, U+2028 or U+2029.
      const c = text.charCodeAt(i - 1);
      if (i > 0 && c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) continue;
      ONE_ASSIGNMENT.lastIndex = i;
      const m = ONE_ASSIGNMENT.exec(text);
      if (m && m[1] === name) v.push(m[2]);
    }
    (this.one ??= new Map()).set(name, v);
    return v;
  }

  private one?: Map<string, string[]>;

  /** Every word on the module's import lines (a name it may re-export). */
  get importWords(): Set<string> {
    if (!this.words) {
      this.words = new Set();
      for (const m of this.read().matchAll(IMPORT_LINE)) for (const w of m[0].match(/\w+/g) ?? []) this.words.add(w);
    }
    return this.words;
  }
}

const TOP_ASSIGNMENT = /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)([^\n]*)/gm;
/** TOP_ASSIGNMENT at a given line start. */
const ONE_ASSIGNMENT = new RegExp(TOP_ASSIGNMENT.source.slice(1), 'y');

const IMPORT_LINE = /^[ \t]*(?:from|import)\b[^\n]*/gm;

/** Module texts kept in memory per thread, in characters, at most. */
const MAX_KEPT_CHARS = 32 * 1024 * 1024;


/** A module the importing file binds a name to, lexically: `from M import name as alias`, `import M as alias`. */
export interface ImportBinding {
  /** The module file. */
  module: string;
  alias: string;
  /** The name imported from the module (`from M import name`), or undefined for the module itself. */
  name?: string;
}

export class ProjectModules implements OtherModules {
  private readonly exists = new Map<string, boolean>();
  private readonly resolved = new Map<string, string | undefined>();
  /** importBases of a folder (it stats up the package tree), per folder. */
  private readonly bases = new Map<string, string[]>();
  private lastBindings?: { file: string; text: string; bindings: ImportBinding[] };
  private readonly texts = new Map<string, ModuleText | null>();
  private readonly bodies = new Map<string, string>();
  private keptChars = 0;
  private readonly constants = new Map<string, Value | null>();
  private readonly origins = new Map<string, Origin>();
  private readonly helpers = new Map<string, Map<string, Helper> | null>();
  private readonly live = new Map<string, Loaded | null>();
  private parsedNow = 0;
  private parsed = 0;
  /** Spans in the importing file where a value from another module was used, and where it came from. */
  private readonly uses: { span: Span; origin: Origin }[] = [];

  constructor(readonly root: string | undefined) {}

  // ---- finding modules ------------------------------------------------------------------------

  private isFile(p: string): boolean {
    let e = this.exists.get(p);
    if (e === undefined) {
      try {
        // No exception for a missing file (most candidates: `a/b.py` or else `a/b/__init__.py`).
        e = fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        e = false;
      }
      this.exists.set(p, e);
    }
    return e;
  }

  private readonly isFileBound = (p: string) => this.isFile(p);

  /**
   * The module file a dotted name names from `fromFile` (leading dots: relative), if it is one of the
   * project. An absolute name whose first part is a standard-library module (`os`, `subprocess`,
   * `test`: isStandard) is never the project's: the standard library itself is a project of modules
   * with the launch APIs' names. Answers are cached by the importing file's folder.
   */
  moduleFile(fromFile: string, dotted: string): string | undefined {
    return this.moduleFileIn(path.dirname(path.resolve(fromFile)), dotted);
  }

  private moduleFileIn(dir: string, dotted: string): string | undefined {
    const key = `${dir}\0${dotted}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const m = /^(\.*)(.*)$/.exec(dotted)!;
    const level = m[1].length;
    const parts = m[2] ? m[2].split('.') : [];
    let found: string | undefined;
    if (level) {
      let d = dir;
      for (let i = 1; i < level; i++) d = path.dirname(d);
      found = findModuleFile([d], parts, this.isFileBound);
    } else if (parts.length && !isStandard(parts[0])) {
      let bases = this.bases.get(dir);
      if (!bases) this.bases.set(dir, (bases = importBases(dir, this.isFileBound, this.root)));
      found = findModuleFile(bases, parts, this.isFileBound);
    }
    this.resolved.set(key, found);
    return found;
  }

  /** `pkg.settings.PYTHON` → the module file of `pkg.settings` and the name `PYTHON`. */
  private split(fromFile: string, q: string): { file: string; name: string } | undefined {
    const i = q.lastIndexOf('.');
    if (i <= 0 && !q.startsWith('.')) return undefined;
    const name = q.slice(i + 1);
    const modName = q.slice(0, i + 1).replace(/(?<=[^.])\.$/, '');
    if (!/^\w+$/.test(name)) return undefined;
    const file = this.moduleFile(fromFile, modName);
    return file && path.resolve(file) !== path.resolve(fromFile) ? { file, name } : undefined;
  }

  private moduleText(file: string): ModuleText | undefined {
    if (!this.texts.has(file)) {
      const text = this.readText(file);
      this.texts.set(file, text === undefined ? null : new ModuleText(() => this.readText(file) ?? ''));
    }
    return this.texts.get(file) ?? undefined;
  }

  /** A module's decoded text (undefined: unreadable, too large or undecodable), kept within MAX_KEPT_CHARS. */
  private readText(file: string): string | undefined {
    const kept = this.bodies.get(file);
    if (kept !== undefined) return kept;
    let text: string | undefined;
    try {
      const bytes = fs.readFileSync(file);
      if (bytes.length <= MAX_MODULE_CHARS) {
        const d = decodePython(file, bytes);
        if (d.ok) text = d.file.text;
      }
    } catch {
      text = undefined;
    }
    if (text !== undefined && this.keptChars + text.length <= MAX_KEPT_CHARS) {
      this.bodies.set(file, text);
      this.keptChars += text.length;
    }
    return text;
  }

  /** The module parsed, for the rest of this importing file's analysis (undefined over a budget). */
  private loaded(file: string, depth: number): Loaded | undefined {
    const key = `${depth}:${file}`;
    if (this.live.has(key)) return this.live.get(key) ?? undefined;
    this.live.set(key, null); // an import cycle ends here
    const text = this.moduleText(file) && this.parsedNow < MAX_PER_FILE && this.parsed < MAX_PARSED ? this.readText(file) : undefined;
    if (text === undefined) return undefined;
    this.parsedNow++;
    this.parsed++;
    const source = new SourceFile(file, text);
    const { text: blanked } = blankComments(text);
    const tree = loadedParser('tree-sitter-python').parse(blanked.includes('\r') ? blanked.replace(/\r(?!\n)/g, '\n') : blanked);
    if (!tree) return undefined;
    const l: Loaded = { file: source, tree, mod: new PythonModule(tree.rootNode, source, this, depth) };
    this.live.set(key, l);
    return l;
  }

  /** Frees the trees parsed for one importing file (call when its analysis ends). */
  release(): void {
    for (const l of this.live.values()) l?.tree.delete();
    this.live.clear();
    this.parsedNow = 0;
    this.uses.length = 0;
  }

  // ---- constants ------------------------------------------------------------------------------

  /**
   * The value a name imported from another module of the project has at the end of that module
   * (`q` as the importing file's import table gives it: `.settings.PYTHON`, `pkg.settings.PYTHON`),
   * re-homed at `span` in the importing file; undefined when it is not a module of the project.
   */
  constant(fromFile: string, q: string, span: Span, depth = 0): Value | undefined {
    if (depth >= MAX_DEPTH) return undefined;
    const at = this.split(fromFile, q);
    if (!at) return undefined;
    const key = `${at.file}\0${at.name}`;
    let v = this.constants.get(key);
    if (v === undefined) {
      // Parsed only when its text binds the name at the top level (`NAME = …`, or an import of it).
      const t = this.moduleText(at.file);
      if (!t || !(t.assigned.has(at.name) || t.importWords.has(at.name))) {
        this.constants.set(key, null);
        return undefined;
      }
      const l = this.loaded(at.file, depth + 1);
      // Budgets may have cut it short: not cached then, so that a later file may do better.
      if (!l) return undefined;
      // Every name the module assigns at its top level, at once: the module is parsed once per thread
      // for its constants, however many files and names ask.
      for (const name of new Set([at.name, ...[...t.assigned.keys()].slice(0, MAX_NAMES)])) {
        const k = `${at.file}\0${name}`;
        if (this.constants.has(k)) continue;
        const top = l.mod.topLevelValue(name);
        this.constants.set(k, top && top.k !== 'func' && top.k !== 'unknown' ? top : null);
        const origin = l.mod.topLevelOrigin(name);
        if (origin) this.origins.set(k, { name, file: at.file, ...origin });
      }
      v = this.constants.get(key) ?? null;
    }
    if (!v) return undefined;
    const origin = this.origins.get(key);
    if (origin) this.uses.push({ span, origin });
    return rehome(v, span);
  }

  /**
   * Where a program word used in the importing file was set, when it came from another module: the
   * use at its span, else (a word a shell split out of such a value) the first use inside the call.
   */
  originOf(word: Word | undefined, call: Span): Origin | undefined {
    if (!word || !this.uses.length) return undefined;
    const span = word.span;
    const at = span && this.uses.find((u) => u.span.start <= span.start && span.end <= u.span.end);
    if (at) return at.origin;
    const sourced = word.fragments.some((f) => (f.kind === 'text' ? f.offsets?.some((o) => o >= 0) : !!f.span));
    return sourced ? undefined : this.uses.find((u) => call.start <= u.span.start && u.span.end <= call.end)?.origin;
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The helper a call's qualified name (`.utils.run`, `tools.sh`) names, if it is one. */
  helper(fromFile: string, q: string): Helper | undefined {
    const at = this.split(fromFile, q);
    if (!at) return undefined;
    return this.helpersOf(at.file)?.get(at.name);
  }

  /** Whether a qualified name may name a helper, without parsing (lexical). */
  mayBeHelper(fromFile: string, q: string): boolean {
    const at = this.split(fromFile, q);
    return !!at && !!this.moduleText(at.file)?.launchingDefs.has(at.name);
  }

  /** The helper names of a module the file imports whole (`from . import utils`, `import pkg.utils as u`). */
  helperNamesOfModule(fromFile: string, q: string): string[] {
    const file = this.moduleFile(fromFile, q);
    if (!file || path.resolve(file) === path.resolve(fromFile)) return [];
    return [...(this.moduleText(file)?.launchingDefs ?? [])];
  }

  private helpersOf(file: string): Map<string, Helper> | undefined {
    if (!this.helpers.has(file)) {
      const t = this.moduleText(file);
      if (!t || !t.launchingDefs.size) {
        this.helpers.set(file, null);
        return undefined;
      }
      const l = this.loaded(file, 1);
      if (!l) return undefined; // over a budget: not cached
      this.helpers.set(file, helpersIn(l.mod, t.launchingDefs));
    }
    return this.helpers.get(file) ?? undefined;
  }

  // ---- lexical (the prefilter) ------------------------------------------------------------------

  /** The project modules a file imports, lexically (no parse). */
  importBindings(fromFile: string, text: string): ImportBinding[] {
    if (this.lastBindings?.file === fromFile && this.lastBindings.text === text) return this.lastBindings.bindings;
    const bindings = this.scanImports(fromFile, text);
    this.lastBindings = { file: fromFile, text, bindings };
    return bindings;
  }

  private scanImports(fromFile: string, text: string): ImportBinding[] {
    const out: ImportBinding[] = [];
    const starts = importScan(text).starts;
    if (!starts.length) return out;
    const me = path.resolve(fromFile);
    const dir = path.dirname(me);
    const at = (re: RegExp) =>
      starts.flatMap((i) => {
        re.lastIndex = i;
        const m = re.exec(text);
        return m ? [m] : [];
      });
    for (const m of at(FROM_IMPORT_AT)) {
      const { level, module: mod, names } = fromImportParts(m);
      const base = '.'.repeat(level) + mod;
      const module = base ? this.moduleFileIn(dir, base) : undefined;
      // A name may be a submodule only of a package (or of a relative `from . import x`).
      const mayBeSubmodule = !module || module.endsWith(`${path.sep}__init__.py`);
      for (const { name, alias } of names) {
        const sub = mayBeSubmodule && (module || level) ? this.moduleFileIn(dir, base.endsWith('.') || !base ? base + name : `${base}.${name}`) : undefined;
        if (sub) out.push({ module: sub, alias });
        else if (module) out.push({ module, alias, name });
      }
    }
    for (const m of at(PLAIN_IMPORT_AT)) {
      for (const { module: mod, alias } of plainImportParts(m)) {
        const module = this.moduleFileIn(dir, mod);
        if (module) out.push({ module, alias });
      }
    }
    return out.filter((b) => b.module !== me);
  }

  mayImportProject(text: string): boolean {
    return importScan(text).starts.length > 0;
  }

  /** Whether the file calls a helper of a module it imports (lexical: `run(` of `from utils import run`, `utils.run(`). */
  callsHelper(fromFile: string, text: string): boolean {
    for (const b of this.importBindings(fromFile, text)) {
      const defs = this.moduleText(b.module)?.launchingDefs;
      if (!defs?.size) continue;
      if (b.name !== undefined) {
        if (defs.has(b.name) && someUse(text, b.alias, (after) => isCallAt(text, after))) return true;
      } else if (
        someUse(text, b.alias, (after) => {
          const member = memberAt(text, after);
          return defs.has(member) && isCallAt(text, after + 1 + member.length);
        })
      )
        return true;
    }
    return false;
  }

  /**
   * Whether the file uses a name that a module it imports sets, at its top level, to a text naming
   * a tool (`tools`: the prefilter's pattern): `PYTHON` of `from .settings import PYTHON`, `settings.PIP`.
   */
  usesToolConstant(fromFile: string, text: string, tools: RegExp): boolean {
    for (const b of this.importBindings(fromFile, text)) {
      if (b.name !== undefined) {
        if (this.setsTool(b.module, b.name, tools, 1)) return true;
      } else {
        const used = new Set<string>();
        someUse(text, b.alias, (after) => {
          const member = memberAt(text, after);
          if (member) used.add(member);
        });
        for (const name of used) if (this.setsTool(b.module, name, tools, 1)) return true;
      }
    }
    return false;
  }

  /** Whether a module's top-level assignment to `name` names a tool, or names a name it imports from a module that does. */
  private setsTool(file: string, name: string, tools: RegExp, depth: number): boolean {
    const t = this.moduleText(file);
    if (!t) return false;
    t.tool ??= new Map();
    const known = t.tool.get(name);
    if (known !== undefined) return known;
    t.tool.set(name, false); // a cycle ends here
    const values = t.valuesOf(name);
    let sets = values.some((v) => tools.test(v));
    if (!sets && depth < MAX_DEPTH) {
      const named = new Set([name, ...values.map((v) => v.trim()).filter((v) => /^\w+$/.test(v))]);
      t.bindings ??= this.importBindings(file, this.readText(file) ?? '');
      sets = t.bindings.some((b) => b.name !== undefined && named.has(b.alias) && this.setsTool(b.module, b.name, tools, depth + 1));
    }
    t.tool.set(name, sets);
    return sets;
  }
}

/**
 * Whether `test` holds for a use of the dotted name `name` in `text`: an occurrence not inside a
 * longer name or after a `.` (as `(?<![\w.])name` with nothing of a word after it); `test` gets
 * the offset after it. A plain search instead of a regular expression per name: each new one is
 * compiled, and the prefilter asks about every name a file imports from the project.
 */
function someUse(text: string, name: string, test: (after: number) => boolean | void): boolean {
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (isWordChar(before) || before === 46) continue;
    const after = i + name.length;
    if (isWordChar(text.charCodeAt(after))) continue;
    if (test(after)) return true;
  }
  return false;
}

/** The attribute after a name ending at `after` (`NAME.member`: the ASCII word after the dot), or ''. */
function memberAt(text: string, after: number): string {
  if (text.charCodeAt(after) !== 46 /* . */) return '';
  let j = after + 1;
  while (isWordChar(text.charCodeAt(j))) j++;
  return text.slice(after + 1, j);
}

/** Whitespace, then `(`, at `at`. */
function isCallAt(text: string, at: number): boolean {
  let j = at;
  for (let c = text.charCodeAt(j); c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11; c = text.charCodeAt(++j));
  return text.charCodeAt(j) === 40;
}

const FROM_IMPORT_AT = new RegExp(FROM_IMPORT.source.slice(1), 'y');
const PLAIN_IMPORT_AT = new RegExp(PLAIN_IMPORT.source.slice(1), 'y');

/**
 * Top-level `def`s that may hand a parameter to a launch API (lexical): a call named by a launch
 * API word whose first argument is one of the def's parameters (`subprocess.run(cmd, …)`,
 * `os.system(command)`, `check_call(list(args))`). Each block runs to the next unindented code line.
 */
function launchingDefs(text: string): Set<string> {
  const out = new Set<string>();
  if (!apiWordInCode(text)) return out;
  for (const b of topLevelBlocks(text)) if (b.kind === 'def' && handsParameterOn(text, b.start, b.end)) out.add(b.name);
  return out;
}

const DEF_PARAMETERS = /^(?:async[ \t]+)?def[ \t]+\w+[ \t]*(?:\[[^\]]*\][ \t]*)?\(([^)]*)\)/;

/** Whether the def at text[from, to) calls a launch API with one of its parameters first. */
function handsParameterOn(text: string, from: number, to: number): boolean {
  const head = DEF_PARAMETERS.exec(text.slice(from, Math.min(to, from + 2000)));
  if (!head) return false;
  const params = head[1]
    .split(',')
    .map((p) => p.trim().replace(/^\*+/, '').split(/[:=]/)[0].trim())
    .filter((p) => /^\w+$/.test(p));
  if (!params.length) return false;
  const first = new RegExp(`^[\\w.]*\\s*\\(\\s*(?:list\\(\\s*|\\[\\s*\\*\\s*)?(?:${params.join('|')})\\s*[,)\\]]`);
  for (let i = nextApiWord(text, from, to); i !== -1; i = nextApiWord(text, i + 1, to)) {
    if (first.test(text.slice(i, i + 200))) return true;
  }
  return false;
}

/** A value from another module, placed at `span` of the importing file: no offsets, that span everywhere. */
function rehome(v: Value, span: Span): Value {
  switch (v.k) {
    case 'str':
      return { k: 'str', word: rehomeWord(v.word, span) };
    case 'list':
      return { k: 'list', items: v.items.map((it) => ('value' in it ? { value: rehome(it.value, span) } : { splat: rehome(it.splat, span) })), span };
    case 'union':
      return { k: 'union', options: v.options.map((o) => rehome(o, span)) };
    case 'env':
      return { ...v, span };
    case 'unknown':
      return { k: 'unknown', span };
    case 'func':
      return UNKNOWN;
    default:
      return v;
  }
}

function rehomeWord(w: Word, span: Span): Word {
  const fragments = w.fragments.map((f): Fragment => (f.kind === 'text' ? { kind: 'text', text: f.text } : f.kind === 'path-lookup' ? { ...f, span, name: rehomeWord(f.name, span) } : { ...f, span }));
  return { fragments, span };
}
