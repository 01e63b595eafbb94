/**
 * Task runners and process libraries that start programs by name (issue 12): invoke and fabric,
 * sh, plumbum, pexpect, sarge and delegator. Each is recognised through the file's imports; what
 * it starts, and where, is given as a launch for launch-sites.ts to resolve like any other.
 *
 * What each does (from each project's documentation and source):
 * - invoke: `c.run(cmd)`/`c.sudo(cmd)` on a task's Context (the first parameter of a function
 *   decorated with invoke's `@task`, a parameter annotated `Context`, or `Context()`), and the
 *   module functions `invoke.run`/`invoke.sudo`, run `cmd` locally with a shell (`/bin/bash` by
 *   default); `sudo` prefixes `sudo`, so the program is looked up on its secure_path. invoke's
 *   `env=` is merged into os.environ (replace_env=False), so PATH stays the caller's.
 * - fabric (2+): a task's first parameter is a Connection when hosts are given: `c.run`/`c.sudo`
 *   run on the remote host over SSH — not a local venv escape, never reported, as `ssh host …`
 *   is not. `c.local(cmd)` (Connection.local is invoke's run) runs here. Fabric 1's
 *   `fabric.api.local(cmd)` runs here with `/bin/sh`; its `run`/`sudo` are remote.
 * - sh: `sh.pip(…)`, `sh.pip.install(…)`, `from sh import pip` and `sh.Command("pytest")` look the
 *   name up on PATH (sh's `which`) when the attribute is taken or the name imported (it raises
 *   CommandNotFound there), and run it without a shell; `_` in an attribute stands for `-`.
 * - plumbum: `local["python"]`, `local.cmd.pip` and `from plumbum.cmd import pip` look the name up
 *   on PATH (`local.which`) when the command object is made; arguments come from `[…]` or a call.
 * - pexpect: `pexpect.spawn(cmd)`, `pexpect.run(cmd)` split `cmd` like a shell (no shell runs) and
 *   look the program up with their own `which` on `env["PATH"]`, os.defpath when env= has none.
 * - sarge: `sarge.run/capture_stdout/capture_stderr/capture_both/get_stdout/get_stderr/get_both(cmd)`
 *   parse a shell-like command line themselves (`&&`, `|`, `;`) and start each program by name;
 *   `env=` is merged into os.environ.
 * - delegator: `delegator.run(cmd)`/`delegator.chain(cmd)` start `cmd` with a shell (subprocess
 *   with shell=True when blocking, else pexpect).
 * Fixes are offered only where the rewrite is right: invoke's and fabric's local shell strings
 * (a real shell), `sh.Command(sys.executable)` and `local[sys.executable]`. pexpect, sarge and
 * delegator take command lines that are not quite shell: reported, not fixed.
 */
import type { Node } from 'web-tree-sitter';
import type { Word } from '../../kernel/word.js';
import type { ApiSpec } from './launch-apis.js';
import type { PythonModule } from './evaluate.js';
import { asWord } from './values.js';
import { importScan } from './import-lines.js';

/**
 * Whether the file imports one of the libraries (`import sh`, `from invoke import task`) in an
 * import statement: the prefilter keeps it, and its blocks are all parsed. The same pass over the
 * text's `import` words that finds its project imports (import-lines.ts).
 */
export function importsProcessLibrary(text: string): boolean {
  return importScan(text).library;
}

export interface LibraryLaunch {
  /** The node the launch is reported at and read from (a call, an attribute, a subscript, an import). */
  node: Node;
  api: string;
  spec: ApiSpec;
  /** For a program named by an attribute or an import (`sh.pip`, `local["python"]`): its argv. */
  named?: { argv: Word[]; complete: boolean };
  /** Whether the front end may rewrite this launch (false: reported only). */
  fixable: boolean;
}

const SHELL0: ApiSpec = { form: 'shell', index: 0, keyword: 'command' };
const SH_OWN = new Set(['Command', 'ErrorReturnCode', 'RunningCommand', 'SignalException', 'TimeoutException', 'CommandNotFound', 'contrib', 'glob', 'pushd', 'which', 'bake', 'cd', 'args', 'Environment']);
const SARGE = ['run', 'capture_stdout', 'capture_stderr', 'capture_both', 'get_stdout', 'get_stderr', 'get_both'];

/** The launches of the libraries the file imports. */
export function libraryLaunches(mod: PythonModule): LibraryLaunch[] {
  const roots = new Set([...mod.imports.values()].map((q) => q.split('.')[0]));
  const out: LibraryLaunch[] = [];
  if (roots.has('invoke') || roots.has('fabric')) out.push(...taskRunnerLaunches(mod, roots.has('fabric')));
  const qualifiedCalls = (names: string[], prefix: string, make: (call: Node, q: string) => LibraryLaunch | undefined) => {
    for (const call of mod.callsTo(names)) {
      const q = mod.qualify(call.childForFieldName('function')!, mod.scopeAt(call));
      if (q?.startsWith(prefix)) {
        const l = make(call, q);
        if (l) out.push(l);
      }
    }
  };
  if (roots.has('pexpect')) {
    qualifiedCalls(['spawn', 'spawnu', 'run', 'runu', 'PopenSpawn'], 'pexpect.', (call, q) =>
      /^pexpect\.(?:spawnu?|runu?|popen_spawn\.PopenSpawn)$/.test(q) ? { node: call, api: q, spec: { form: 'argv-or-shell', index: 0 }, fixable: false } : undefined,
    );
  }
  if (roots.has('sarge')) {
    qualifiedCalls(SARGE, 'sarge.', (call, q) => (SARGE.includes(q.slice(6)) ? { node: call, api: q, spec: { form: 'argv-or-shell', index: 0 }, fixable: false } : undefined));
  }
  if (roots.has('delegator')) {
    qualifiedCalls(['run', 'chain'], 'delegator.', (call, q) => (q === 'delegator.run' || q === 'delegator.chain' ? { node: call, api: q, spec: { form: 'argv-or-shell', index: 0 }, fixable: false } : undefined));
  }
  if (roots.has('sh')) out.push(...shLaunches(mod));
  if (roots.has('plumbum')) out.push(...plumbumLaunches(mod));
  return out;
}

/** invoke's and fabric's `c.run`/`c.sudo`/`c.local` on a task's context, and their module functions. */
function taskRunnerLaunches(mod: PythonModule, fabricFile: boolean): LibraryLaunch[] {
  const out: LibraryLaunch[] = [];
  for (const call of mod.callsTo(['run', 'sudo', 'local'])) {
    const fn = call.childForFieldName('function')!;
    const q = mod.qualify(fn, mod.scopeAt(call));
    if (q === 'invoke.run' || q === 'invoke.sudo') {
      out.push({ node: call, api: q, spec: SHELL0, fixable: true });
      continue;
    }
    // Fabric 1: fabric.api.local / fabric.operations.local run here; run/sudo are remote.
    if (q === 'fabric.api.local' || q === 'fabric.operations.local') {
      out.push({ node: call, api: q, spec: SHELL0, fixable: true });
      continue;
    }
    if (fn.type !== 'attribute') continue;
    const method = fn.childForFieldName('attribute')?.text;
    const obj = fn.childForFieldName('object');
    if (!obj || !method) continue;
    const kind = contextKind(mod, obj, fabricFile);
    if (!kind) continue;
    if (kind === 'connection') {
      // A fabric Connection: run/sudo go over SSH; local runs here.
      if (method === 'local') out.push({ node: call, api: 'fabric.Connection.local', spec: SHELL0, fixable: true });
      continue;
    }
    if (method === 'run' || method === 'sudo') out.push({ node: call, api: `invoke.Context.${method}`, spec: SHELL0, fixable: true });
  }
  return out;
}

/** What a receiver is: an invoke Context, a fabric Connection, or neither (undefined). */
function contextKind(mod: PythonModule, obj: Node, fabricFile: boolean): 'context' | 'connection' | undefined {
  if (obj.type === 'call') {
    const q = mod.qualify(obj.childForFieldName('function')!, mod.scopeAt(obj));
    if (q === 'invoke.Context' || q === 'invoke.context.Context') return 'context';
    if (q === 'fabric.Connection' || q === 'fabric.connection.Connection') return 'connection';
    return undefined;
  }
  if (obj.type !== 'identifier') return undefined;
  const name = obj.text;
  for (let def: Node | null = obj.parent; def; def = def.parent) {
    if (def.type !== 'function_definition') continue;
    const params = def.childForFieldName('parameters')?.namedChildren ?? [];
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (!p) continue;
      const pname = p.type === 'identifier' ? p.text : (p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text);
      if (pname !== name) continue;
      const type = p.childForFieldName('type');
      const annotated = type ? mod.qualify(type.namedChildren[0] ?? type, mod.scopeAt(def)) : undefined;
      if (annotated === 'invoke.Context' || annotated === 'invoke.context.Context') return 'context';
      if (annotated === 'fabric.Connection' || annotated === 'fabric.connection.Connection') return 'connection';
      if (i !== 0) return undefined;
      const task = taskDecorator(mod, def);
      if (task === 'invoke') return fabricFile ? 'connection' : 'context';
      if (task === 'fabric') return 'connection';
      return undefined;
    }
    return undefined; // the name is not a parameter of the innermost function
  }
  return undefined;
}

/** `@task`, `@task(…)`, `@invoke.task`, `@fabric.task`: whose task decorator a function has. */
function taskDecorator(mod: PythonModule, def: Node): 'invoke' | 'fabric' | undefined {
  const holder = def.parent?.type === 'decorated_definition' ? def.parent : undefined;
  if (!holder) return undefined;
  for (const d of holder.namedChildren) {
    if (d?.type !== 'decorator') continue;
    let e = d.namedChildren[0];
    if (e?.type === 'call') e = e.childForFieldName('function');
    const q = e ? mod.qualify(e, mod.scopeAt(holder)) : undefined;
    if (q === 'invoke.task' || q === 'invoke.tasks.task') return 'invoke';
    if (q === 'fabric.task' || q === 'fabric.tasks.task' || q === 'fabric.decorators.task') return 'fabric';
  }
  return undefined;
}

/**
 * Whether the module defines invoke or fabric tasks (a function decorated with their `@task`): the
 * `invoke`/`inv` or `fab` command loads it and runs them.
 */
export function definesTasks(mod: PythonModule, root: Node): 'invoke' | 'fabric' | undefined {
  const roots = new Set([...mod.imports.values()].map((q) => q.split('.')[0]));
  if (!roots.has('invoke') && !roots.has('fabric')) return undefined;
  for (const holder of root.descendantsOfType('decorated_definition')) {
    const def = holder?.childForFieldName('definition');
    if (def?.type !== 'function_definition') continue;
    const kind = taskDecorator(mod, def);
    if (kind) return kind === 'invoke' && roots.has('fabric') ? 'fabric' : kind;
  }
  return undefined;
}

/** A program word for a name written as an identifier (`sh.pip`, `from plumbum.cmd import pip`). */
function nameWord(node: Node, dashes: boolean): Word {
  const text = dashes ? node.text.replace(/_/g, '-') : node.text;
  return { fragments: [{ kind: 'text', text, offsets: Array.from({ length: text.length }, (_, i) => node.startIndex + i) }], span: { start: node.startIndex, end: node.endIndex } };
}

/** Arguments of `node(…)` (a call of it) or `node[…]` (plumbum's bound arguments), as words. */
function argsAfter(mod: PythonModule, node: Node): { words: Word[]; complete: boolean } {
  const parent = node.parent;
  if (parent?.type === 'call' && parent.childForFieldName('function')?.id === node.id) {
    const { positional, keywords, splat } = mod.callArgs(parent);
    // sh turns keywords into options (`_bg=True` and the like are its own): the argv is not all known.
    const options = [...keywords.keys()].some((k) => !k.startsWith('_'));
    return { words: positional.map((a) => asWord(mod.eval(a), { start: a.startIndex, end: a.endIndex })), complete: !splat && !options };
  }
  if (parent?.type === 'subscript' && parent.childForFieldName('value')?.id === node.id) {
    const subs = parent.childrenForFieldName('subscript').filter((s): s is Node => !!s);
    const items = subs.length === 1 && subs[0].type === 'tuple' ? subs[0].namedChildren.filter((s): s is Node => !!s) : subs;
    return { words: items.map((a) => asWord(mod.eval(a), { start: a.startIndex, end: a.endIndex })), complete: true };
  }
  return { words: [], complete: false };
}

function shLaunches(mod: PythonModule): LibraryLaunch[] {
  const out: LibraryLaunch[] = [];
  // sh.Command("pytest"): the name is looked up when the command is made.
  for (const call of mod.callsTo(['Command'])) {
    if (mod.qualify(call.childForFieldName('function')!, mod.scopeAt(call)) === 'sh.Command') out.push({ node: call, api: 'sh.Command', spec: { form: 'program', index: 0, searchesPath: true }, fixable: true });
  }
  for (const [alias, q] of mod.imports) {
    // `from sh import pip`: looked up at the import.
    const m = /^sh\.(\w+)$/.exec(q);
    if (m && !SH_OWN.has(m[1])) for (const imp of importedNames(mod, alias)) out.push({ node: imp, api: 'sh', spec: { form: 'named' }, named: { argv: [nameWord(imp, true)], complete: false }, fixable: false });
    // `import sh` (or `as x`): each `sh.NAME` attribute is a lookup.
    if (q === 'sh') {
      for (const attr of attributesOf(mod, alias)) {
        const name = attr.childForFieldName('attribute')!;
        if (SH_OWN.has(name.text)) continue;
        // sh.pip.install(…): a subcommand; sh.pip(…): arguments.
        const outer = attr.parent?.type === 'attribute' && attr.parent.childForFieldName('object')?.id === attr.id ? attr.parent : undefined;
        const sub = outer?.childForFieldName('attribute');
        const args = outer && sub && sub.text !== 'bake' ? argsAfter(mod, outer) : argsAfter(mod, attr);
        const argv = [nameWord(name, true), ...(outer && sub && sub.text !== 'bake' ? [nameWord(sub, true)] : []), ...args.words];
        out.push({ node: attr, api: 'sh', spec: { form: 'named' }, named: { argv, complete: args.complete }, fixable: false });
      }
    }
  }
  return out;
}

function plumbumLaunches(mod: PythonModule): LibraryLaunch[] {
  const out: LibraryLaunch[] = [];
  for (const [alias, q] of mod.imports) {
    const m = /^plumbum\.cmd\.(\w+)$/.exec(q);
    if (m) for (const imp of importedNames(mod, alias)) out.push({ node: imp, api: 'plumbum.cmd', spec: { form: 'named' }, named: { argv: [nameWord(imp, false)], complete: false }, fixable: false });
    if (q !== 'plumbum.local' && q !== 'plumbum' && q !== 'plumbum.machines.local') continue;
    const localName = q === 'plumbum' ? `${alias}.local` : alias;
    // local["python"]: the lookup, then its bound arguments or a call's.
    for (const sub of subscriptsOf(mod, localName)) {
      const key = sub.childrenForFieldName('subscript').filter((s): s is Node => !!s);
      if (key.length !== 1) continue;
      const args = argsAfter(mod, sub);
      out.push({ node: sub, api: 'plumbum.local', spec: { form: 'named' }, named: { argv: [asWord(mod.eval(key[0]), { start: key[0].startIndex, end: key[0].endIndex }), ...args.words], complete: args.complete }, fixable: true });
    }
    // local.cmd.pip
    for (const attr of attributesOf(mod, `${localName}.cmd`)) {
      const name = attr.childForFieldName('attribute')!;
      const args = argsAfter(mod, attr);
      out.push({ node: attr, api: 'plumbum.local.cmd', spec: { form: 'named' }, named: { argv: [nameWord(name, false), ...args.words], complete: args.complete }, fixable: false });
    }
  }
  return out;
}

/** The name nodes an import statement binds to `alias` (`from sh import pip` → the `pip`). */
function importedNames(mod: PythonModule, alias: string): Node[] {
  const out: Node[] = [];
  for (const m of mod.file.text.matchAll(new RegExp(`\\b${alias}\\b`, 'g'))) {
    const id = mod.root.descendantForIndex(m.index, m.index + alias.length);
    if (id?.type !== 'identifier') continue;
    let p: Node | null = id.parent;
    while (p && (p.type === 'dotted_name' || p.type === 'aliased_import')) p = p.parent;
    if (p?.type !== 'import_from_statement') continue;
    // The bound name: the alias of an aliased import, else the imported name itself.
    const aliased = id.parent?.type === 'aliased_import' ? id.parent : id.parent?.parent?.type === 'aliased_import' ? id.parent.parent : undefined;
    if (aliased && aliased.childForFieldName('alias')?.id !== id.id) continue;
    if (p.childForFieldName('module_name')?.startIndex === (id.parent?.type === 'dotted_name' ? id.parent : id).startIndex) continue;
    out.push(id);
  }
  return out;
}

/** `X[…]` subscript nodes whose value is the dotted expression `dotted` (e.g. `local`). */
function subscriptsOf(mod: PythonModule, dotted: string): Node[] {
  const out: Node[] = [];
  const escaped = dotted.replace(/\./g, '\\s*\\.\\s*');
  for (const m of mod.file.text.matchAll(new RegExp(`\\b${escaped}\\s*\\[`, 'g'))) {
    const at = m.index + m[0].length - 1;
    const sub = mod.root.descendantForIndex(at, at + 1)?.parent;
    if (sub?.type !== 'subscript' || sub.childForFieldName('value')?.text.replace(/\s+/g, '') !== dotted) continue;
    out.push(sub);
  }
  return out;
}

/** `X.name` attribute nodes whose object is the dotted expression `dotted` (e.g. `sh`, `local.cmd`). */
function attributesOf(mod: PythonModule, dotted: string): Node[] {
  const out: Node[] = [];
  const escaped = dotted.replace(/\./g, '\\s*\\.\\s*');
  for (const m of mod.file.text.matchAll(new RegExp(`\\b${escaped}\\s*\\.\\s*\\w`, 'g'))) {
    const at = m.index + m[0].length - 1;
    const id = mod.root.descendantForIndex(at, at + 1);
    const attr = id?.parent;
    if (id?.type !== 'identifier' || attr?.type !== 'attribute' || attr.childForFieldName('attribute')?.id !== id.id) continue;
    if (attr.childForFieldName('object')?.text.replace(/\s+/g, '') !== dotted) continue;
    out.push(attr);
  }
  return out;
}
