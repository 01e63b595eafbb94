/**
 * `path-reliant` across files (issue 15): a Python file that starts nothing env-only itself may
 * belong to code that does — it calls `start` from `ts/launcher.py`, which runs `torchserve` by
 * name, or it is a test whose folder's `conftest.py` starts `locust` by name. That file, too, works
 * only with its environment on PATH, where `python` and `pip` are that environment's.
 *
 * After the check, for the Python files with a VG101–VG103 finding only: their own imports of
 * modules of the project (absolute from the file's folder, the project root, `src/` or its
 * package's root, and relative), and for a test file the `conftest.py` of its folder and the
 * folders above it. A module is path-reliant where one of its launches starts such a program (the
 * policy's own test, collected when each file was analysed: FileCheckResult.reliant); a module the
 * prefilter skipped is analysed here, once. What counts is what the file uses: a name imported
 * from the module (`from ts.launcher import start`) whose top-level function or class holds such a
 * launch, or such an attribute of an imported module (`test_utils.start_torchserve(…)`), or
 * anything at the module's top level. A module that only uses another module's reliant function
 * inside its own function makes that function reliant in turn, one step further (two steps in all),
 * and so does a function of the module that calls such a function of its own module by name.
 * The other way too: a helper module that every file importing it (one to MAX_IMPORTERS of the
 * run's files) is reliant, by its own launches or through its modules, runs in their processes
 * (TorchServe's ts_scripts/*_utils.py, imported only by torchserve_sanity.py). And for the who-runs
 * pre-pass: a module that is no program of its own (no `__main__` test, no shebang, no entry point) and that nothing
 * starts runs on PATH when every file importing it is started on PATH (usersOnly, startedByUsers).
 *
 * Linear: each module is read and indexed once per run, whatever the number of files importing it;
 * the index of importers, when a file needs it, is one more pass over the run's Python files.
 * The imports are read lexically (no parse), and at most MAX_ANALYSED prefilter-skipped modules are
 * parsed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SourceFile } from '../kernel/source.js';
import { findModuleFile, FROM_IMPORT, fromImportParts, importBases, PLAIN_IMPORT, plainImportParts, topLevelBlocks } from '../frontends/python/import-lines.js';
import { frontEndByLanguage } from '../frontends/index.js';
import { apiWordInCode } from '../frontends/python/prefilter.js';
import { importsProcessLibrary } from '../frontends/python/process-libraries.js';
import { loadParsers, parsersDamaged } from '../frontends/tree-sitter.js';
import { reliantLaunchesOf, type ToolKnowledge } from '../judge/judge.js';
import type { FileCheckResult } from './check-file.js';
import type { FileStarters } from '../kernel/launch-site.js';
import { isTestPath } from '../kernel/test-paths.js';
import { escapeRegExp } from '../kernel/regexp.js';

export interface Reliance {
  name: string;
  line: number;
}

interface Hit extends Reliance {
  /** The module whose launch it is. */
  file: string;
}

interface ModuleInfo {
  /** A reliant launch at the module's top level (run on import), or in code that runs there. */
  top?: Hit;
  /** Top-level functions and classes that hold (or use) a reliant launch. */
  holders: Map<string, Hit>;
}

interface Binding {
  /** The module file the name comes from. */
  module: string;
  /** The name as the file uses it (`start`, `ts_utils`, `a.b`). */
  alias: string;
  /** The imported name (`from M import name`), or undefined for the module itself. */
  name?: string;
}

/** Module hops followed from a checked file: the file → a module → a module. */
const MAX_DEPTH = 2;
/** Prefilter-skipped modules parsed per run, at most. */
const MAX_ANALYSED = 200;
/** A module imported by more files than this is a shared library of the project, not one flow's helper. */
const MAX_IMPORTERS = 8;



export class ImportsReliance {
  private readonly infos = new Map<string, ModuleInfo | null>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly owns = new Map<string, readonly Reliance[] | undefined>();
  private analysed = 0;
  private importers?: Map<string, string[]>;
  private metadata?: string;

  /**
   * `pythonFiles`: the run's Python files (absolute); `own(file)`: a module's own reliant launches
   * (from its check, or `analyse` for a file the prefilter skipped: undefined when not known).
   */
  constructor(
    private readonly root: string,
    private readonly pythonFiles: ReadonlySet<string>,
    private readonly own: (file: string) => readonly Reliance[] | 'skipped' | undefined,
    private readonly analyse: (file: string, text: string) => Promise<readonly Reliance[]>,
  ) {}

  private shown(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  /** A file of the run as messages show it: its path from the project root, with `/`. */
  shownPath(file: string): string {
    return this.shown(file);
  }

  /** A module's text, kept for the run. */
  private text(file: string): string | undefined {
    if (!this.texts.has(file)) this.texts.set(file, readText(file));
    return this.texts.get(file);
  }

  /** Why a checked file relies on its environment through the modules it uses, in words; undefined if it does not. */
  async of(file: string): Promise<string | undefined> {
    const text = this.text(file);
    if (text === undefined) return undefined;
    const { bindings, spans } = this.imports(file, text);
    for (const b of bindings) {
      const hit = await this.usedHit(b, text, spans, 1);
      if (hit) {
        const what = b.name ?? b.alias;
        const through = hit.hit.file === b.module ? '' : ` through ${this.shown(hit.hit.file)}`;
        return `this file uses "${hit.used ?? what}" from ${this.shown(b.module)}, which starts "${hit.hit.name}" by name${through} (line ${hit.hit.line})`;
      }
    }
    // A test's conftest.py files: their fixtures are used by name, without an import.
    const rel = path.relative(this.root, file);
    if (isTestPath(rel)) {
      for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        const conftest = path.join(dir, 'conftest.py');
        if (conftest !== file && this.pythonFiles.has(conftest)) {
          // Its top level, or a fixture this file names (a test's parameter, `usefixtures("…")`).
          const info = await this.info(conftest, 1);
          const hit = info?.top ?? [...(info?.holders ?? [])].find(([fixture]) => usedOutside(text, new RegExp(`(?<![\\w.])${escapeRegExp(fixture)}\\b`, 'g'), spans))?.[1];
          if (hit) {
            const through = hit.file === conftest ? '' : ` through ${this.shown(hit.file)}`;
            return `this test's ${this.shown(conftest)} starts "${hit.name}" by name${through} (line ${hit.line})`;
          }
        }
        if (dir === this.root || path.dirname(dir) === dir || !dir.startsWith(this.root)) break;
      }
    }
    return undefined;
  }

  /**
   * Where a `conftest.py` over a test file (in its folder or one above, or the file itself) sets PATH
   * in an autouse fixture, which runs around every test under it (venv-update's
   * `os.environ['PATH'] = dirname(executable) + defpath`): the tests' launches by name find what the
   * author chose. In words, or undefined.
   */
  pathSetFor(file: string): string | undefined {
    if (!isTestPath(path.relative(this.root, file))) return undefined;
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      const conftest = path.join(dir, 'conftest.py');
      const text = this.pythonFiles.has(conftest) ? this.text(conftest) : undefined;
      const at = text === undefined ? undefined : autouseSettingPath(text);
      if (at !== undefined) return `an autouse fixture of ${this.shown(conftest)} sets PATH for every test under it (line ${at})`;
      if (dir === this.root || path.dirname(dir) === dir || !dir.startsWith(this.root)) break;
    }
    return undefined;
  }

  /**
   * Why a file relies on its environment through the code that uses it: every Python file of the
   * run that imports it (at least one, at most MAX_IMPORTERS) is itself reliant, by a launch of its
   * own or through the modules it uses (`of`). A helper module whose only users start
   * `torchserve` by name runs in their processes, with their PATH.
   */
  async importedOnlyByReliant(file: string): Promise<string | undefined> {
    const importers = this.importing(file);
    if (!importers.length || importers.length > MAX_IMPORTERS) return undefined;
    let first: string | undefined;
    for (const imp of importers) {
      const info = await this.info(imp, 1);
      const hit = info?.top ?? [...(info?.holders.values() ?? [])][0];
      const why = hit ? `starts "${hit.name}" by name${hit.file === imp ? '' : ` through ${this.shown(hit.file)}`} (line ${hit.line})` : (await this.of(imp))?.replace(/^this file /, '');
      if (!why) return undefined;
      first ??= why;
    }
    const a = this.shown(importers[0]);
    const others = importers.length - 1;
    return others === 0 ? `this file is imported only by ${a}, which ${first}` : `this file is imported only by ${a} and ${others} other file${others > 1 ? 's' : ''} that rely on PATH too; ${a} ${first}`;
  }

  /**
   * The run's Python files other than tests that import a module (at least one, at most
   * MAX_IMPORTERS, sorted), when the module is not also a program of its own (a `__main__` test or
   * a shebang): the module runs in their processes. Tests are not counted: they import the code
   * they test, whose real users may be outside the run (python-lsp-server's flake8 plugin, loaded
   * by its entry point, imported only by its test). Undefined otherwise.
   */
  usersOnly(file: string): string[] | undefined {
    const all = this.importing(file);
    if (all.length > MAX_IMPORTERS) return undefined;
    const importers = all.filter((f) => !isTestPath(path.relative(this.root, f)));
    return importers.length && !this.programOfItsOwn(file) ? importers : undefined;
  }

  /**
   * The run's Python files that import a module, when every one of them is a test (at least one,
   * sorted) and the module is not a program of its own nor an entry point: a helper of the tests
   * kept in the package (nav's `EventEngineProcess`, which starts the project's `eventengine` for
   * the integration tests). Undefined otherwise.
   */
  testsOnly(file: string): string[] | undefined {
    const all = this.importing(file);
    if (!all.length || all.some((f) => !isTestPath(path.relative(this.root, f)))) return undefined;
    if (isTestPath(path.relative(this.root, file))) return undefined;
    return this.programOfItsOwn(file) ? undefined : all;
  }

  /**
   * Whether a module may run as a program of its own, not only in its importers' processes: it is
   * unreadable, has a shebang or a `__main__` test, or the packaging metadata names it as an entry
   * point.
   */
  private programOfItsOwn(file: string): boolean {
    const text = this.text(file);
    if (text === undefined || text.startsWith('#!') || /\b__name__\s*==\s*["']__main__["']|["']__main__["']\s*==\s*__name__/.test(text)) return true;
    return this.entryPoint(file);
  }

  /**
   * Whether the project's packaging metadata names the module as an entry point
   * (`tool = "pkg.cli:main"`, a plugin's `"pkg.plugins.x"`): its installed console script, or the
   * program that loads the plugin, runs it too, by the environment's own path.
   */
  private entryPoint(file: string): boolean {
    const rel = path.relative(this.root, file).replace(/\.py$/, '').split(path.sep);
    if (rel[rel.length - 1] === '__init__') rel.pop();
    const names = [rel.join('.'), ...(rel[0] === 'src' || rel[0] === 'lib' ? [rel.slice(1).join('.')] : [])].filter(Boolean);
    const text = this.packaging();
    return names.some((n) => new RegExp(`(?<![\\w.])${n.replace(/\./g, '\\.')}(?:\\s*:|["'\\s,\\]]|$)`, 'm').test(text));
  }

  /** The run's other Python files that import `file`, in the order of their project paths. */
  private importing(file: string): string[] {
    return (this.importersOf().get(file) ?? []).filter((f) => f !== file).sort((a, b) => this.shown(a).localeCompare(this.shown(b)));
  }

  /**
   * The run's Python files that import each module of the project (lexically), built on first use
   * by one pass over the files; their texts are not kept.
   */
  private importersOf(): Map<string, string[]> {
    if (!this.importers) {
      const index = new Map<string, string[]>();
      for (const f of this.pythonFiles) {
        const text = this.texts.get(f) ?? readText(f);
        if (text === undefined || !/\bimport\b/.test(text)) continue;
        for (const b of this.imports(f, text).bindings) {
          const list = index.get(b.module) ?? [];
          if (list[list.length - 1] !== f) list.push(f);
          index.set(b.module, list);
        }
      }
      this.importers = index;
    }
    return this.importers;
  }

  /** Whether the text uses a reliant part of the binding's module outside its import statements. */
  private async usedHit(b: Binding, text: string, spans: readonly [number, number][], depth: number): Promise<{ hit: Hit; used?: string } | undefined> {
    const info = await this.info(b.module, depth);
    if (!info) return undefined;
    if (info.top) return { hit: info.top };
    if (b.name !== undefined) {
      const hit = info.holders.get(b.name);
      return hit && usedOutside(text, new RegExp(`(?<![\\w.])${escapeRegExp(b.alias)}\\b`, 'g'), spans) ? { hit } : undefined;
    }
    for (const [holder, hit] of info.holders) {
      if (usedOutside(text, new RegExp(`(?<![\\w.])${escapeRegExp(b.alias)}\\.${escapeRegExp(holder)}\\b`, 'g'), spans)) return { hit, used: `${b.alias}.${holder}` };
    }
    return undefined;
  }

  /** A module's reliant parts, indexed once (null: none, or not known). */
  private async info(file: string, depth: number): Promise<ModuleInfo | null> {
    // Per depth (at most MAX_DEPTH entries a module): one met deeper first still follows its imports when met nearer.
    const key = `${depth}:${file}`;
    const cached = this.infos.get(key);
    if (cached !== undefined) return cached;
    this.infos.set(key, null); // an import cycle ends here
    const text = this.text(file);
    if (text === undefined) return null;
    if (!this.owns.has(file)) {
      let own = this.own(file);
      if (own === 'skipped') {
        if (this.analysed >= MAX_ANALYSED) own = undefined;
        else {
          this.analysed++;
          own = await this.analyse(file, text);
        }
      }
      this.owns.set(file, own);
    }
    const own = this.owns.get(file);
    const blocks = topLevelBlocks(text);
    const lineOf = lineIndex(text);
    const info: ModuleInfo = { holders: new Map() };
    for (const r of own ?? []) {
      const hit = { ...r, file };
      const block = blocks.find((b) => b.startLine <= r.line && r.line <= b.endLine);
      if (!block) info.top ??= hit;
      else if (!info.holders.has(block.name)) info.holders.set(block.name, hit);
    }
    if (depth < MAX_DEPTH) {
      const { bindings, spans } = this.imports(file, text);
      for (const b of bindings) {
        const target = await this.info(b.module, depth + 1);
        if (!target) continue;
        const parts: [string, Hit][] = b.name !== undefined ? (target.holders.has(b.name) ? [[b.alias, target.holders.get(b.name)!]] : []) : [...target.holders].map(([h, hit]) => [`${b.alias}.${h}`, hit]);
        if (target.top) parts.push([b.alias, target.top]);
        for (const [word, hit] of parts) {
          const re = new RegExp(`(?<![\\w.])${escapeRegExp(word)}\\b`, 'g');
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (spans.some(([a, z]) => a <= m!.index && m!.index < z)) continue;
            const line = lineOf(m.index);
            const block = blocks.find((k) => k.startLine <= line && line <= k.endLine);
            if (!block) info.top ??= hit;
            else if (!info.holders.has(block.name)) info.holders.set(block.name, hit);
          }
        }
      }
    }
    // Within the module: a function that calls one of its holders by name holds the same launch
    // (`generate_mars()` calls `generate_model()`, which runs torch-model-archiver by name). The
    // calls between its functions are read once, then followed from the holders: linear in the
    // module, however long a chain of functions calling each other.
    if (info.holders.size > 0 && !info.top) {
      // Callees: the module's functions and classes (a holder may be either); callers: its functions.
      const named = new Set(blocks.map((b) => b.name));
      const callers = new Map<string, string[]>();
      const call = /(?<![\w.])(\w+)\s*\(/g;
      for (const b of blocks) {
        if (b.kind !== 'def') continue;
        const body = text.slice(b.start, b.end);
        for (let m = call.exec(body); m; m = call.exec(body)) {
          if (m[1] === b.name || !named.has(m[1])) continue;
          const list = callers.get(m[1]);
          if (list) list.push(b.name);
          else callers.set(m[1], [b.name]);
        }
        call.lastIndex = 0;
      }
      const queue = [...info.holders.keys()];
      for (let i = 0; i < queue.length; i++) {
        for (const caller of callers.get(queue[i]) ?? []) {
          if (info.holders.has(caller)) continue;
          info.holders.set(caller, info.holders.get(queue[i])!);
          queue.push(caller);
        }
      }
    }
    const result = info.top || info.holders.size ? info : null;
    this.infos.set(key, result);
    return result;
  }

  /** The project modules a file imports, and where its import statements are. */
  private imports(file: string, text: string): { bindings: Binding[]; spans: [number, number][] } {
    const bindings: Binding[] = [];
    const spans: [number, number][] = [];
    const dir = path.dirname(file);
    const bases = this.bases(dir);
    for (const m of text.matchAll(FROM_IMPORT)) {
      spans.push([m.index, m.index + m[0].length]);
      const { level, module: mod, names } = fromImportParts(m);
      let from: string[];
      if (level) {
        let d = dir;
        for (let i = 1; i < level; i++) d = path.dirname(d);
        from = [d];
      } else from = bases;
      const modPath = mod ? mod.split('.') : [];
      const module = mod || level ? this.resolve(from, modPath) : undefined;
      for (const { name, alias } of names) {
        const sub = this.resolve(from, [...modPath, name]);
        if (sub) bindings.push({ module: sub, alias });
        else if (module) bindings.push({ module, alias, name });
      }
    }
    for (const m of text.matchAll(PLAIN_IMPORT)) {
      spans.push([m.index, m.index + m[0].length]);
      for (const { module: mod, alias } of plainImportParts(m)) {
        const module = this.resolve(bases, mod.split('.'));
        if (module) bindings.push({ module, alias });
      }
    }
    return { bindings, spans };
  }

  private readonly isRunFile = (p: string) => this.pythonFiles.has(p);

  /**
   * Where absolute imports are looked up (import-lines.ts), packages walked up no further than the
   * project root; and the folders the packaging metadata puts packages in (nav's `where =
   * ["python"]`), where its installed packages come from.
   */
  private bases(dir: string): string[] {
    this.sourceRoots ??= packageFolders(this.packaging()).map((d) => path.join(this.root, d));
    const bases = importBases(dir, this.isRunFile, this.root, this.root);
    return this.sourceRoots.length ? [...new Set([...bases, ...this.sourceRoots])] : bases;
  }

  private sourceRoots?: string[];

  /** pyproject.toml, setup.cfg and setup.py at the project root, joined (read once). */
  private packaging(): string {
    return (this.metadata ??= ['pyproject.toml', 'setup.cfg', 'setup.py'].map((n) => readText(path.join(this.root, n)) ?? '').join('\n'));
  }

  private resolve(bases: readonly string[], parts: readonly string[]): string | undefined {
    return findModuleFile(bases, parts, this.isRunFile);
  }
}

/**
 * The folders below the project root that its packaging metadata takes packages from, other than
 * the root and `src/` (which importBases has): setuptools' `where = ["python"]` (pyproject's
 * `[tool.setuptools.packages.find]`, setup.cfg's `[options.packages.find]`), `package-dir = {"" =
 * "lib"}`, `package_dir = =lib` and setup.py's `package_dir={"": "lib"}`.
 */
export function packageFolders(metadata: string): string[] {
  const out = new Set<string>();
  const add = (d: string) => {
    const n = path.posix.normalize(d.trim().replace(/\\/g, '/')).replace(/\/$/, '');
    if (n && n !== '.' && n !== 'src' && !n.startsWith('..') && !path.posix.isAbsolute(n)) out.add(n);
  };
  for (const m of metadata.matchAll(/^[ \t]*where[ \t]*=[ \t]*\[([^\]\n]*)\]/gm)) for (const q of m[1].matchAll(/["']([^"'\n]+)["']/g)) add(q[1]);
  for (const m of metadata.matchAll(/^[ \t]*where[ \t]*=[ \t]*([\w./-]+)[ \t]*$/gm)) add(m[1]);
  for (const m of metadata.matchAll(/package[-_]dir[ \t]*=[ \t]*\{[ \t]*["']{2}[ \t]*[:=][ \t]*["']([^"'\n]+)["']/g)) add(m[1]);
  for (const m of metadata.matchAll(/^[ \t]*package_dir[ \t]*=[ \t]*\n?[ \t]*=[ \t]*([\w./-]+)[ \t]*$/gm)) add(m[1]);
  return [...out];
}

/** A pytest fixture marked autouse, its `def` line and its indented body (lexical). */
const AUTOUSE_FIXTURE = /^([ \t]*)@(?:pytest\.)?(?:yield_)?fixture\([^)]*\bautouse\s*=\s*True[^)]*\)[ \t]*\n(?:\1@[^\n]*\n)*\1(?:async[ \t]+)?def[^\n]*\n((?:\1[ \t]+[^\n]*\n|[ \t]*\n)*)/gm;
/** An assignment of PATH in the environment: `os.environ["PATH"] = …`, `monkeypatch.setenv("PATH", …)`, `os.environ.update(PATH=…)`. */
const SETS_PATH = /\benviron\[\s*['"]PATH['"]\s*\]\s*=[^=]|\bsetenv\(\s*['"]PATH['"]|\benviron\.update\([^)]*(?:\bPATH\s*=|['"]PATH['"]\s*:)|\bputenv\(\s*['"]PATH['"]/;

/** The line of the first autouse fixture in a conftest's text whose body sets PATH, if any. */
function autouseSettingPath(text: string): number | undefined {
  if (!text.includes('autouse') || !text.includes('PATH')) return undefined;
  for (const m of text.matchAll(AUTOUSE_FIXTURE)) {
    const body = m[2];
    const hit = SETS_PATH.exec(body);
    if (hit) return lineIndex(text)(m.index + m[0].length - body.length + hit.index);
  }
  return undefined;
}

/** Whether `re` (global) matches in `text` outside the given spans. */
function usedOutside(text: string, re: RegExp, spans: readonly [number, number][]): boolean {
  for (let m = re.exec(text); m; m = re.exec(text)) if (!spans.some(([a, z]) => a <= m!.index && m!.index < z)) return true;
  return false;
}

/** Offset → line (1-based), by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}


/** A file's text, or undefined when it cannot be read. */
function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * For the checked Python files with findings (`flagged`, absolute): why each relies on its
 * environment through the modules it uses, when it does. `results` are the first check's (their
 * `reliant` facts); a module the prefilter skipped is parsed here (after `beforeParsing`).
 */
export function importIndex(root: string, pythonFiles: ReadonlySet<string>, results: readonly FileCheckResult[], knowledge: ToolKnowledge, beforeParsing: () => void): ImportsReliance {
  const byFile = new Map(results.map((r) => [path.resolve(r.path), r]));
  let loaded = false;
  const index = new ImportsReliance(
    root,
    pythonFiles,
    (file) => {
      const r = byFile.get(file);
      if (!r) return undefined;
      if (r.reliant) return r.reliant;
      if (r.skipped) return 'skipped';
      return r.problems.some((p) => !p.partial) ? undefined : [];
    },
    async (file, text) => {
      // No launch API named in code and no process library: it starts nothing.
      if (!apiWordInCode(text) && !importsProcessLibrary(text)) return [];
      if (!loaded) {
        beforeParsing();
        await loadParsers();
        loaded = true;
      }
      if (parsersDamaged()) await loadParsers();
      try {
        return frontEndByLanguage('python').analyze(new SourceFile(file, text), (a) => {
          const facts = a.sites[0]?.pythonFile;
          return facts ? [...reliantLaunchesOf(facts, knowledge)] : [];
        });
      } catch {
        return [];
      }
    },
  );
  return index;
}

/** The files that import each of `modules` that is no program of its own (ImportsReliance.usersOnly). */
export function moduleUsers(index: ImportsReliance, modules: readonly string[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const f of modules) {
    const list = index.usersOnly(f);
    if (list) users.set(f, list);
  }
  return users;
}

/**
 * A module without starters of its own whose users all have starters on PATH runs on PATH too (in
 * their processes): its entry in `starters` says so, naming the first user and its starter.
 */
export function startedByUsers(starters: Map<string, FileStarters>, users: ReadonlyMap<string, readonly string[]>, root: string): void {
  for (const [f, list] of users) {
    if (starters.has(f)) continue;
    const of = list.map((u) => starters.get(u)?.onPath);
    if (of.some((s) => s === undefined)) continue;
    const a = path.relative(root, list[0]).split(path.sep).join('/');
    const others = list.length > 1 ? ` and ${list.length - 1} other file${list.length > 2 ? 's' : ''} started on PATH too` : '';
    starters.set(f, { onPath: `this file is imported only by ${a}${others}; ${of[0]!.replace(/\bthis file\b/, a)}` });
  }
}

/** For each flagged file: whether it relies on its environment through the modules it uses or its users, or sits under a conftest.py that sets PATH. */
export async function relianceByImports(index: ImportsReliance, flagged: readonly string[]): Promise<Map<string, Pick<FileStarters, 'imports' | 'pathSet' | 'testsOnly'>>> {
  const out = new Map<string, Pick<FileStarters, 'imports' | 'pathSet' | 'testsOnly'>>();
  for (const f of flagged) {
    const pathSet = index.pathSetFor(f);
    if (pathSet) {
      out.set(f, { pathSet });
      continue;
    }
    const why = (await index.of(f)) ?? (await index.importedOnlyByReliant(f));
    const tests = index.testsOnly(f);
    const testsOnly = tests && `only the project's tests import this file (${index.shownPath(tests[0])}${tests.length > 1 ? ` and ${tests.length - 1} other test${tests.length > 2 ? 's' : ''}` : ''})`;
    if (why || testsOnly) out.set(f, { ...(why ? { imports: why } : {}), ...(testsOnly ? { testsOnly } : {}) });
  }
  return out;
}
