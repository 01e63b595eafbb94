/**
 * Python front end, last step: finds every call to a launch API (through imports and aliases),
 * resolves its argv / shell string / env with the evaluator, unwraps wrappers and nested shells,
 * and emits LaunchSites with a rewriter that knows how to fix this piece of Python.
 */
import path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { BudgetMeter, PYTHON_LAUNCH_CALLS, within } from '../../kernel/budgets.js';
import type { EnvState, LaunchSite, PathState } from '../../kernel/launch-site.js';
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import { launchSiteFor, type ExpandedCommand } from '../command/expand.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { runExecArgv, runShellSession, type ShellSessionOptions } from '../shell/session.js';
import { nearestAncestor, parentOf } from './ancestry.js';
import { LAUNCH_API_NAMES, LAUNCH_APIS, LOOP_METHODS, type ApiSpec } from './launch-apis.js';
import type { PythonModule } from './evaluate.js';
import { PythonRewriter } from './rewriter.js';
import { writtenScriptImports } from './written-scripts.js';
import { launchedScriptImports } from './script-imports.js';
import { importsProcessLibrary, libraryLaunches } from './process-libraries.js';
import { pathChecksBefore, shebangInterpreter, shebangMajor } from './run-context.js';
import { asWord, options, unknownWord, type Value } from './values.js';

const MAX_CANDIDATES = 8;

/** Statements after which nothing in the same block runs. */
const exitsByTree = new WeakMap<object, Map<number, number>>();
const EXITS = new Set(['raise_statement', 'return_statement', 'continue_statement', 'break_statement']);

/**
 * Whether the call lies after a `raise`, `return`, `continue` or `break` of a block that holds it
 * (ansible's `execute_update`, which raises "not implemented yet" before its launch: the rest is
 * kept for later, marked `# pylint: disable=unreachable`). Such code never runs.
 */
function unreachable(call: Node): boolean {
  let exits = exitsByTree.get(call.tree);
  if (!exits) exitsByTree.set(call.tree, (exits = new Map()));
  for (let n: Node | null = call, depth = 0; n && depth < 200; depth++) {
    const p = parentOf(n);
    if (!p) return false;
    if (p.type === 'block' || p.type === 'module') {
      // Where the block's first exit statement ends (each block's statements read once).
      let end = exits.get(p.id);
      if (end === undefined) {
        end = Infinity;
        for (const c of p.namedChildren) {
          if (c && EXITS.has(c.type)) {
            end = c.endIndex;
            break;
          }
        }
        exits.set(p.id, end);
      }
      if (n.startIndex >= end) return true;
    }
    // A function's body runs when it is called: what comes before the def says nothing of it.
    if (p.type === 'function_definition' || p.type === 'lambda') return false;
    n = p;
  }
  return false;
}

export function findLaunchSites(mod: PythonModule): LaunchSite[] {
  const sites: LaunchSite[] = [];
  const launches: Launch[] = [];
  const names = new Set([...LAUNCH_API_NAMES, ...LOOP_METHODS]);
  for (const [alias, q] of mod.imports) if (LAUNCH_APIS.has(q)) names.add(alias);
  // The file's budgets: its launch calls, and the shell strings they run (kernel/budgets.ts).
  const meter = new BudgetMeter();
  for (const call of mod.callsTo(names)) {
    const fn = call.childForFieldName('function');
    if (!fn) continue;
    const last = fn.type === 'identifier' ? fn.text : fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    if (!last) continue;
    if (unreachable(call)) continue;
    // Cheap test first: the last segment (or an alias of an API) must name a launch API.
    const aliased = fn.type === 'identifier' ? mod.imports.get(last) : undefined;
    if (!LAUNCH_API_NAMES.has(last) && !(aliased && LAUNCH_APIS.has(aliased))) continue;
    let api = mod.qualify(fn, mod.scopeAt(call));
    if ((!api || !LAUNCH_APIS.has(api)) && fn.type === 'attribute' && LOOP_METHODS.has(last)) api = `asyncio.loop.${last}`;
    const spec = api ? LAUNCH_APIS.get(api) : undefined;
    if (!api || !spec) continue;
    within(PYTHON_LAUNCH_CALLS, launches.length + 1);
    const own = sitesForCall(mod, meter, call, api, spec);
    launches.push({
      call,
      api,
      spec,
      programs: new Set(own.map((x) => (x.argv[0] ? programKey(x.argv[0]) : ''))),
      // A caller can only change a program that is not fully known here.
      open: own.length === 0 || own.some((x) => !x.argv[0] || x.argv[0].fragments.some((f) => f.kind === 'unknown')),
    });
    sites.push(...own);
  }
  // invoke/fabric, sh, plumbum, pexpect, sarge, delegator (process-libraries.ts).
  if (importsProcessLibrary(mod.file.text)) {
    for (const l of libraryLaunches(mod)) {
      within(PYTHON_LAUNCH_CALLS, launches.length + 1);
      const own = sitesForCall(mod, meter, l.node, l.api, l.spec, l.node, l.named);
      if (!l.fixable) for (const s of own) s.rewriter = undefined;
      // sudo runs the command: its secure_path is searched.
      if (l.api.endsWith('.sudo')) for (const s of own) if (s.env.path.kind === 'inherited') s.env.path = { kind: 'reset', by: 'sudo' };
      sites.push(...own);
      if (l.node.type === 'call' && l.fixable) {
        launches.push({
          call: l.node,
          api: l.api,
          spec: l.spec,
          programs: new Set(own.map((x) => (x.argv[0] ? programKey(x.argv[0]) : ''))),
          open: own.length === 0 || own.some((x) => !x.argv[0] || x.argv[0].fragments.some((f) => f.kind === 'unknown')),
        });
      }
    }
  }
  if (launches.length) sites.push(...wrapperCallSites(mod, meter, launches));
  if (mod.project) {
    sites.push(...projectHelperSites(mod, meter, launches.length));
    // A command name from another module: say where it is set.
    for (const site of sites) {
      const origin = mod.project.originOf(site.argv[0], site.callSpan);
      if (origin) (site.elsewhere ??= []).push({ message: `"${origin.name}" is set here`, path: shownPath(mod, origin.file), offset: origin.offset, line: origin.line, column: origin.column });
    }
  }
  if (definesBuildHooks(mod)) {
    // (Not when the launch's PATH is os.defpath or sudo's: the build environment's PATH is gone.)
    for (const site of sites) if (site.env.path.kind !== 'missing' && site.env.path.kind !== 'reset') site.env.scriptsOnPath = 'the PEP 517 build environment';
  }
  return dedupe(sites);
}

/** Another file's path as this file's is shown: absolute, or relative to the working folder. */
function shownPath(mod: PythonModule, file: string): string {
  return path.isAbsolute(mod.file.path) ? file : path.relative(process.cwd(), file).split(path.sep).join('/');
}

/**
 * Calls of another module's helper (project-modules.ts): `run("pytest -q")` of
 * `from utils import run`, `utils.sh("pip", "install", "x")` of `from . import utils`. Each is
 * judged as the launch API the helper hands its parameter to, reported at the call.
 */
function projectHelperSites(mod: PythonModule, meter: BudgetMeter, counted: number): LaunchSite[] {
  const project = mod.project!;
  const names = new Set<string>();
  for (const [alias, q] of mod.imports) {
    if (LAUNCH_APIS.has(q)) continue;
    if (project.mayBeHelper(mod.file.path, q)) names.add(alias);
    else for (const h of project.helperNamesOfModule(mod.file.path, q)) names.add(h);
  }
  if (!names.size) return [];
  const sites: LaunchSite[] = [];
  let n = counted;
  for (const call of mod.callsTo(names)) {
    const fn = call.childForFieldName('function');
    const q = fn ? mod.qualify(fn, mod.scopeAt(call)) : undefined;
    if (!q || LAUNCH_APIS.has(q)) continue;
    const helper = project.helper(mod.file.path, q);
    if (!helper) continue;
    // A caller that hands the helper an environment, a PATH, a venv or an interpreter (an argument
    // for a parameter named so) may change what the name finds: not judged.
    const { keywords, positional } = mod.callArgs(call);
    const commandAt = 'index' in helper.spec ? helper.spec.index : helper.spec.form === 'program-rest' ? Infinity : 0;
    if ([...keywords.keys()].some((k) => helper.others.includes(k) && /env|path|venv|python/i.test(k))) continue;
    if (positional.length > commandAt + 1 && helper.others.some((p) => /env|path|venv|python/i.test(p))) continue;
    within(PYTHON_LAUNCH_CALLS, ++n);
    const name = q.slice(q.lastIndexOf('.') + 1);
    for (const site of sitesForCall(mod, meter, call, helper.api, helper.spec)) {
      site.wrappers = [`${name}()`, ...site.wrappers];
      // `sh("pip", "install", "x")` of `def sh(*args)`: the program is one of the arguments.
      if (helper.spec.form === 'program-rest' && site.rewriter) site.rewriter = new PythonRewriter(mod, site, call, { varargs: true });
      (site.elsewhere ??= []).push({ message: `"${name}" runs what it is given with ${helper.api}`, path: shownPath(mod, helper.file), offset: 0, line: helper.line, column: 1 });
      sites.push(site);
    }
  }
  return sites;
}

/** PEP 517's and PEP 660's hooks: a module defining one at top level is a build backend. */
const BUILD_HOOKS = /^(?:async\s+)?def\s+(?:build_wheel|build_sdist|build_editable|prepare_metadata_for_build_(?:wheel|editable)|get_requires_for_build_(?:wheel|sdist|editable))\s*\(/m;

/**
 * A PEP 517 build backend (maturin's, setuptools-rust's): the frontend calls its hooks with the
 * outer interpreter as sys.executable, but with the isolated build environment's scripts folder
 * first on PATH — pip's BuildEnvironment.__enter__ sets `PATH = scripts + os.pathsep + PATH`
 * (pypa/pip, src/pip/_internal/build_env.py; build_env/_custom.py in later releases) — so a
 * console script by name (`maturin`, `cmake`) is the one the build requirements installed there,
 * not an escape; the fix (the script beside sys.executable) would look in the wrong folder. Helpers
 * the hooks call run the same way, so the whole module counts. python and pip by name are still
 * PATH's: the build environment's scripts folder has no interpreter of its own.
 */
function definesBuildHooks(mod: PythonModule): boolean {
  if (!BUILD_HOOKS.test(mod.file.text)) return false;
  for (const n of mod.root.namedChildren) {
    const def = n?.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
    if (def?.type === 'function_definition' && BUILD_HOOKS.test(`def ${def.childForFieldName('name')?.text ?? ''}(`)) return true;
  }
  return false;
}

const MAX_WRAPPER_CALLS = 64;

interface Launch {
  call: Node;
  api: string;
  spec: ApiSpec;
  /** What argv[0] resolves to without knowing any caller (see programKey). */
  programs: Set<string>;
  /** Whether argv[0] (or the argv itself) depends on something unknown here, e.g. a parameter. */
  open: boolean;
}

function wrapperCallSites(mod: PythonModule, meter: BudgetMeter, launches: Launch[]): LaunchSite[] {
  const byFunction = new Map<number, { def: Node; launches: typeof launches }>();
  for (const l of launches) {
    if (!l.open) continue;
    const def = enclosingFunction(l.call);
    if (!def) continue;
    const entry = byFunction.get(def.id) ?? { def, launches: [] };
    entry.launches.push(l);
    byFunction.set(def.id, entry);
  }
  const sites: LaunchSite[] = [];
  for (const { def, launches: inner } of byFunction.values()) {
    const name = def.childForFieldName('name')?.text;
    if (!name) continue;
    const up = (n: Node | null) => (n ? parentOf(n) : null);
    const isMethod = up(up(def))?.type === 'class_definition' || up(up(up(def)))?.type === 'class_definition';
    const params = parameterNames(def);
    let seen = 0;
    for (const outer of mod.callsTo([name])) {
      // f(…) calls a module-level function; self.f(…) / cls.f(…) a method.
      const fn = outer.childForFieldName('function')!;
      const viaSelf = fn.type === 'attribute' && ['self', 'cls'].includes(fn.childForFieldName('object')?.text ?? '');
      if (isMethod ? !viaSelf : fn.type !== 'identifier') continue;
      if (seen >= MAX_WRAPPER_CALLS) break;
      if (outer.startIndex >= def.startIndex && outer.endIndex <= def.endIndex) continue; // recursion
      seen++;
      const { positional, keywords } = mod.callArgs(outer);
      const bindings = new Map<string, Value>();
      const offset = isMethod ? 1 : 0; // self/cls
      let varargs = false;
      positional.forEach((a, i) => {
        const p = params[i + offset];
        if (p && !p.startsWith('*')) bindings.set(p, mod.eval(a));
      });
      // def sh(self, *args): the remaining positional arguments are one tuple.
      const star = params.findIndex((p) => p.startsWith('*') && !p.startsWith('**'));
      if (star >= 0 && params[star].length > 1 && positional.length > star - offset) {
        bindings.set(params[star].slice(1), { k: 'list', items: positional.slice(Math.max(0, star - offset)).map((a) => ({ value: mod.eval(a) })) });
        varargs = true;
      }
      for (const [k, v] of keywords) if (params.includes(k)) bindings.set(k, mod.eval(v));
      if (!bindings.size) continue;
      mod.paramBindings.set(def.id, bindings);
      try {
        for (const l of inner) {
          const known = l.programs;
          for (const site of sitesForCall(mod, meter, l.call, l.api, l.spec, outer)) {
            // Keep only programs that exist because of this call's arguments; the rest is
            // reported (once) inside the function.
            if (!site.argv[0] || known.has(programKey(site.argv[0]))) continue;
            site.wrappers = [`${name}()`, ...site.wrappers];
            if (varargs) site.rewriter = new PythonRewriter(mod, site, outer, { varargs: true });
            sites.push(site);
          }
        }
      } finally {
        mod.paramBindings.delete(def.id);
      }
    }
  }
  return sites;
}

/**
 * The argument that becomes the new process's argv[0] in os.exec…, os.spawn… and os.posix_spawn…
 * forms: the literal string node, null when there is one but it is not a plain literal (or the
 * call spreads `*args`), undefined when the API has no separate argv[0].
 */
function argvZeroOf(spec: ApiSpec, api: string, positional: Node[], splat: boolean): Node | null | undefined {
  if (spec.form === 'program-rest' && api.startsWith('os.')) return splat ? null : plainString(positional[spec.rest]);
  if (spec.form !== 'program-list') return undefined;
  const list = positional[spec.list];
  if (splat || !list || (list.type !== 'list' && list.type !== 'tuple')) return null;
  return plainString(list.namedChildren[0] ?? undefined);
}

function plainString(n: Node | undefined): Node | null {
  return n && n.type === 'string' && !n.namedChildren.some((c) => c?.type === 'interpolation') ? n : null;
}

/** Identity of a program word: its fragments and where their characters come from. */
function programKey(w: Word): string {
  return w.fragments.map((f) => (f.kind === 'text' ? `${f.text}@${f.offsets?.[0] ?? ''}` : `${f.kind}@${f.span?.start ?? ''}`)).join('|');
}

function enclosingFunction(n: Node): Node | undefined {
  const cur = nearestAncestor(n, DEFINITIONS);
  return cur?.type === 'function_definition' ? cur : undefined;
}

const DEFINITIONS: ReadonlySet<string> = new Set(['function_definition', 'lambda', 'class_definition']);

function parameterNames(def: Node): string[] {
  const out: string[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') out.push(p.text);
    else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') out.push('*' + (p.namedChildren[0]?.text ?? ''));
    else {
      const name = p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text;
      if (name) out.push(name);
    }
  }
  return out;
}

interface Resolved {
  /** argv candidates (exec form) */
  argvs: { argv: Word[]; complete: boolean }[];
  /** shell string candidates */
  scripts: Word[];
  searchesPath: boolean;
  env: PathState;
  executable?: Word;
  /** The modules imported by a script the code writes from a literal before running it (written-scripts.ts). */
  scriptImports?: string[];
}

/** Launch sites of one launching call; `reportAt` is where they are reported (a wrapper's caller). */
function sitesForCall(
  mod: PythonModule,
  meter: BudgetMeter,
  call: Node,
  api: string,
  spec: ApiSpec,
  reportAt: Node = call,
  named?: { argv: Word[]; complete: boolean },
): LaunchSite[] {
  const { positional, keywords, splat } = mod.callArgs(call);
  const ev = (n: Node | undefined): Value | undefined => (n ? mod.eval(n) : undefined);
  const callSpan: Span = { start: reportAt.startIndex, end: reportAt.endIndex };
  const r: Resolved = { argvs: [], scripts: [], searchesPath: true, env: { kind: 'inherited' } };

  const envFrom = (v: Value | undefined, node: Node | undefined): PathState => {
    if (!v || !node || v.k === 'none') return { kind: 'inherited' };
    const span = { start: node.startIndex, end: node.endIndex };
    if (v.k === 'env') {
      switch (v.path) {
        case 'set':
          return { kind: 'explicit', span };
        case 'no':
          return { kind: 'missing', span };
        case 'inherited':
          return { kind: 'inherited' };
        default:
          return { kind: 'unknown' };
      }
    }
    return { kind: 'unknown' };
  };

  switch (spec.form) {
    case 'subprocess': {
      const argsNode = positional[0] ?? keywords.get('args');
      const args = ev(argsNode);
      if (!args) return [];
      const shellNode = keywords.get('shell');
      const shellV = ev(shellNode);
      const shell = shellV ? (shellV.k === 'bool' ? shellV.v : 'unknown') : false;
      const exeNode = keywords.get('executable') ?? positional[2];
      const exe = ev(exeNode);
      r.env = envFrom(ev(keywords.get('env')), keywords.get('env'));
      for (const opt of options(args)) {
        const asShell = shell === true || (shell === 'unknown' && opt.k === 'str');
        if (asShell) {
          if (opt.k === 'str') r.scripts.push(opt.word);
          // A list of several words with shell=True is Windows' form: subprocess joins them with
          // list2cmdline for cmd.exe, each item one word (on POSIX the items after the first would
          // be the shell's $0, $1 …, which nobody means): graphdonkey's `command(["python", "-m",
          // "pip", …])` behind `if sys.platform == "win32":`. A one-item list is its script.
          else if (opt.k === 'list' && shell === true && opt.items.length > 1) r.argvs.push(...listArgvs(opt));
          else if (opt.k === 'list' && opt.items[0] && 'value' in opt.items[0]) r.scripts.push(asWord(opt.items[0].value));
        } else if (opt.k === 'str') {
          // A string without shell=True is the program's name (POSIX).
          r.argvs.push({ argv: [opt.word], complete: true });
        } else if (opt.k === 'list') {
          r.argvs.push(...listArgvs(opt));
        }
      }
      if (exe && exe.k === 'str' && shell !== true) {
        r.argvs = r.argvs.map((a) => ({ argv: [exe.word, ...a.argv.slice(1)], complete: a.complete }));
      }
      if (shell === false && !exe && r.argvs.length) r.scriptImports = writtenScriptImports(mod, call, argsNode);
      break;
    }
    case 'shell': {
      const v = ev(positional[spec.index] ?? (spec.keyword ? keywords.get(spec.keyword) : undefined));
      for (const opt of options(v ?? { k: 'unknown' })) if (opt.k === 'str') r.scripts.push(opt.word);
      if (api.startsWith('asyncio.')) r.env = envFrom(ev(keywords.get('env')), keywords.get('env'));
      break;
    }
    case 'argv-or-shell': {
      const v = ev(positional[spec.index]);
      for (const opt of options(v ?? { k: 'unknown' })) {
        if (opt.k === 'str') r.scripts.push(opt.word);
        else if (opt.k === 'list') r.argvs.push(...listArgvs(opt));
      }
      break;
    }
    case 'argv-or-name': {
      r.searchesPath = spec.searchesPath;
      const v = ev(positional[spec.index]);
      for (const opt of options(v ?? { k: 'unknown' })) {
        if (opt.k === 'str') r.argvs.push({ argv: [opt.word], complete: true });
        else if (opt.k === 'list') r.argvs.push(...listArgvs(opt));
      }
      break;
    }
    case 'program': {
      r.searchesPath = spec.searchesPath;
      const v = ev(positional[spec.index]);
      for (const opt of options(v ?? { k: 'unknown' })) if (opt.k === 'str') r.argvs.push({ argv: [opt.word], complete: false });
      break;
    }
    case 'named':
      if (named) r.argvs.push(named);
      break;
    case 'program-list':
    case 'program-rest': {
      r.searchesPath = spec.searchesPath;
      const prog = ev(positional[spec.program]);
      let rest: Word[] = [];
      let complete = !splat;
      if (spec.form === 'program-list') {
        const list = ev(positional[spec.list]);
        const first = list ? options(list).find((o) => o.k === 'list') : undefined;
        if (first && first.k === 'list') {
          const a = listArgvs(first)[0];
          if (a) {
            rest = a.argv.slice(1); // argv[0] of the list is only the process's name for itself
            complete = complete && a.complete;
          }
        } else complete = false;
        const envIdx = spec.env;
        if (typeof envIdx === 'number') r.env = envFrom(ev(positional[envIdx] ?? keywords.get('env')), positional[envIdx] ?? keywords.get('env'));
      } else {
        const end = spec.envLast ? positional.length - 1 : positional.length;
        const restNodes = positional.slice(spec.rest + (api.startsWith('asyncio.') ? 0 : 1), end);
        rest = restNodes.map((n) => asWord(mod.eval(n), { start: n.startIndex, end: n.endIndex }));
        if (spec.envLast && positional.length > spec.rest) r.env = envFrom(ev(positional[positional.length - 1]), positional[positional.length - 1]);
        if (spec.env === 'kw') r.env = envFrom(ev(keywords.get('env')), keywords.get('env'));
      }
      for (const opt of options(prog ?? { k: 'unknown' })) if (opt.k === 'str') r.argvs.push({ argv: [opt.word, ...rest], complete });
      break;
    }
  }

  // os.exec*/os.spawn*/os.posix_spawn* pass the new process its argv[0] apart from the program:
  // the interpreter reads it to find itself (and its venv), so a fix must rewrite both.
  const argv0 = argvZeroOf(spec, api, positional, splat);
  const shebang = shebangInterpreter(mod.file.text);
  const major = shebangMajor(mod.file.text);
  const checked = pathChecksBefore(mod, call);
  const sites: LaunchSite[] = [];
  const make = (cmd: ExpandedCommand, viaShell: boolean, active?: string): LaunchSite => {
    let path: PathState = r.env;
    if (cmd.pathReset) path = { kind: 'reset', by: cmd.pathReset };
    else if (cmd.pathUnset) path = { kind: 'reset', by: 'env -i' };
    else if (cmd.envPathSet) path = { kind: 'explicit' };
    const env: EnvState = { path };
    if (shebang !== undefined) env.shebang = shebang;
    if (major !== undefined) env.shebangMajor = major;
    if (checked.length) env.checkedOnPath = checked;
    // `. /opt/venv/bin/activate && python -m pip …`, `conda activate env && pip …`: the shell
    // string puts an environment first on PATH before the command; a name is then its.
    if (active !== undefined && path.kind !== 'reset' && path.kind !== 'missing') env.activeVenv = active;
    const site = launchSiteFor(cmd, { file: mod.file, language: 'python', api, callSpan, env, searchesPath: r.searchesPath, viaShell });
    site.rewriter = new PythonRewriter(mod, site, reportAt, { argv0 });
    // A repository script that imports only the standard library needs no venv (script-imports.ts).
    if (!site.inlineImports) {
      const imports = launchedScriptImports(mod.file.path, cmd.argv);
      if (imports) site.inlineImports = imports;
    }
    return site;
  };
  // Shell strings, and the scripts of shells in an argv (`["bash", "-c", …]`), run in the one shell
  // model; the sites stay Python's (its PATH state and rewriter), whatever the shell does to PATH.
  const shell: ShellSessionOptions = {
    file: mod.file,
    language: 'python',
    api,
    callSpan,
    dialect: 'bash',
    path: DEFAULT_PATH,
    cwd: undefined,
    vars: new Map(),
    venvs: new Map(),
    originAt: (offset) => ({ line: mod.file.location(offset).line, how: 'created', offset }),
    makeSite: (cmd, active) => make(cmd, true, active),
    meter,
  };
  for (const a of r.argvs.slice(0, MAX_CANDIDATES)) {
    const { commands, session } = runExecArgv(a.argv, a.complete, shell, callSpan);
    for (const cmd of commands) {
      const site = make(cmd, false);
      if (r.scriptImports && !cmd.wrappers.length && !site.inlineImports) site.inlineImports = r.scriptImports;
      sites.push(site);
    }
    sites.push(...session.sites);
  }
  for (const s of r.scripts.slice(0, MAX_CANDIDATES)) sites.push(...runShellSession(s, shell).sites);
  return sites;
}

/** argv candidates from a list value: unions in the program position become separate candidates. */
function listArgvs(list: Extract<Value, { k: 'list' }>): { argv: Word[]; complete: boolean }[] {
  const flat: ({ value: Value } | { unknownTail: true })[] = [];
  const flatten = (l: Extract<Value, { k: 'list' }>, depth: number) => {
    for (const it of l.items) {
      if ('value' in it) flat.push(it);
      else {
        const s = it.splat;
        if (s.k === 'list' && depth < 8) flatten(s, depth + 1);
        else {
          flat.push({ unknownTail: true });
          return;
        }
      }
      if (flat.length && 'unknownTail' in flat[flat.length - 1]) return;
    }
  };
  flatten(list, 0);
  let complete = true;
  const words: (Word | Value)[] = [];
  for (const f of flat) {
    if ('unknownTail' in f) {
      complete = false;
      break;
    }
    words.push(f.value);
  }
  if (words.length === 0) return [];
  const head = words[0] as Value;
  const tail = (words.slice(1) as Value[]).map((v) => (v.k === 'str' ? v.word : v.k === 'union' ? firstStr(v) : unknownWord()));
  return options(head)
    .filter((o): o is Extract<Value, { k: 'str' }> => o.k === 'str')
    .map((o) => ({ argv: [o.word, ...tail], complete }));
}

function firstStr(v: Value): Word {
  const s = options(v).find((o) => o.k === 'str');
  return s && s.k === 'str' ? s.word : unknownWord();
}

function dedupe(sites: LaunchSite[]): LaunchSite[] {
  const seen = new Set<string>();
  return sites.filter((s) => {
    const key = `${s.callSpan.start}|${s.argv.map((w) => w.fragments.map((f) => (f.kind === 'text' ? `${f.text}@${f.offsets?.[0] ?? ''}` : f.kind)).join('')).join(' ')}|${s.env.path.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
