/**
 * Helpers of another module (project-modules.ts): top-level functions that hand a parameter,
 * unchanged and with the environment inherited, to a launch API as its command — found in the
 * module's parse, and described to their callers as a launch API of their own (an ApiSpec).
 */
import type { Node } from 'web-tree-sitter';
import { LAUNCH_APIS, LAUNCH_API_NAMES, type ApiSpec } from './launch-apis.js';
import type { PythonModule } from './evaluate.js';
import type { Helper } from './other-modules.js';
import { options, type Value } from './values.js';

/**
 * The helpers of a module: top-level functions that hand a parameter, unchanged, to a launch API
 * as its command (a shell string, an argv list or a program name, or `*args` as the argv), with the
 * environment inherited. Anything else the function does to the command (prefixing it, activating
 * a venv first, passing env=, executable=) makes it no helper: its callers' commands are not what runs.
 */
export function helpersIn(mod: PythonModule, candidates: ReadonlySet<string>): Map<string, Helper> {
  const out = new Map<string, Helper>();
  const names = new Set<string>(LAUNCH_API_NAMES);
  for (const [alias, q] of mod.imports) if (LAUNCH_APIS.has(q)) names.add(alias);
  for (const call of mod.callsTo(names)) {
    const def = topLevelDef(call);
    const name = def?.childForFieldName('name')?.text;
    if (!def || !name || !candidates.has(name) || out.has(name)) continue;
    const fn = call.childForFieldName('function');
    const api = fn ? mod.qualify(fn, mod.scopeAt(call)) : undefined;
    const spec = api ? LAUNCH_APIS.get(api) : undefined;
    if (!api || !spec) continue;
    const helper = helperSpec(mod, def, call, spec);
    if (helper) out.set(name, { ...helper, api, file: mod.file.path, line: mod.file.location(def.startIndex).line });
  }
  return out;
}

function topLevelDef(n: Node): Node | undefined {
  let def: Node | undefined;
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'lambda') def = p;
  }
  if (!def || def.type !== 'function_definition') return undefined;
  const up = def.parent?.type === 'decorated_definition' ? def.parent.parent : def.parent;
  return up?.type === 'module' ? def : undefined;
}

function helperSpec(mod: PythonModule, def: Node, call: Node, spec: ApiSpec): { spec: ApiSpec; others: string[] } | undefined {
  const found = helperApiSpec(mod, def, call, spec);
  if (!found) return undefined;
  return { spec: found.spec, others: found.params.filter((p) => p !== found.param) };
}

function helperApiSpec(mod: PythonModule, def: Node, call: Node, spec: ApiSpec): { spec: ApiSpec; params: string[]; param: string } | undefined {
  const params: { name: string; star: boolean; keywordOnly: boolean }[] = [];
  let keywordOnly = false;
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'keyword_separator') keywordOnly = true;
    else if (p.type === 'list_splat_pattern') {
      params.push({ name: p.namedChildren[0]?.text ?? '', star: true, keywordOnly: false });
      keywordOnly = true;
    } else if (p.type === 'dictionary_splat_pattern') continue;
    else {
      const name = p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text;
      if (name) params.push({ name, star: false, keywordOnly });
    }
  }
  const { positional, keywords, splat } = mod.callArgs(call);
  if (keywords.has('executable')) return undefined;
  const envNode = keywords.get('env');
  if (envNode) {
    // The environment as a caller that passes none of the helper's optional arguments gets it
    // (`def run_command(command, env=None)` … `if env is None: env = os.environ.copy()`): PATH inherited.
    mod.paramBindings.set(def.id, new Map(params.filter((p) => !p.star).map((p) => [p.name, { k: 'none' } as Value])));
    let env: Value;
    try {
      env = mod.eval(envNode);
    } finally {
      mod.paramBindings.delete(def.id);
    }
    if (!options(env).every((o) => o.k === 'none' || (o.k === 'env' && o.path === 'inherited'))) return undefined;
  }
  let cmd: Node | undefined;
  switch (spec.form) {
    case 'subprocess':
      cmd = positional[0] ?? keywords.get('args');
      break;
    case 'shell':
      cmd = positional[spec.index] ?? (spec.keyword ? keywords.get(spec.keyword) : undefined);
      break;
    case 'argv-or-shell':
    case 'argv-or-name':
      cmd = positional[spec.index];
      break;
    default:
      return undefined;
  }
  if (!cmd) return undefined;
  // `list(args)` / `[*args]` of a `*args` parameter is that tuple as a list.
  let inner = cmd;
  if (inner.type === 'call' && inner.childForFieldName('function')?.text === 'list') inner = inner.childForFieldName('arguments')?.namedChildren[0] ?? inner;
  if (inner.type === 'list' && inner.namedChildren.length === 1 && inner.namedChildren[0]?.type === 'list_splat') inner = inner.namedChildren[0].namedChildren[0] ?? inner;
  if (inner.type !== 'identifier') return undefined;
  const index = params.findIndex((p) => p.name === inner.text);
  const param = params[index];
  if (!param || param.keywordOnly || reassigned(def, param.name)) return undefined;
  const found = (spec: ApiSpec) => ({ spec, params: params.map((p) => p.name), param: param.name });
  if (param.star) return spec.form === 'subprocess' && !keywords.has('shell') ? found({ form: 'program-rest', program: index, rest: index, searchesPath: true }) : undefined;
  if (inner !== cmd) return undefined;
  if (spec.form === 'subprocess') {
    const shellNode = keywords.get('shell');
    if (!shellNode) return found(splat ? { form: 'argv-or-shell', index } : { form: 'argv-or-name', index, searchesPath: true });
    if (shellNode.type === 'true') return found({ form: 'shell', index, keyword: param.name });
    if (shellNode.type === 'false') return found({ form: 'argv-or-name', index, searchesPath: true });
    return found({ form: 'argv-or-shell', index });
  }
  if (spec.form === 'shell') return found({ form: 'shell', index, keyword: param.name });
  return found({ ...spec, index } as ApiSpec);
}

/** Whether the function body binds the parameter again (`cmd = …`, `cmd += …`, `for cmd in …`). */
function reassigned(def: Node, name: string): boolean {
  const body = def.childForFieldName('body')?.text ?? '';
  return new RegExp(`(?<![\\w.])${name}\\s*(?:[-+*/%|&]|//)?=(?!=)|\\bfor\\s+${name}\\b|\\bas\\s+${name}\\b|\\b(?:global|nonlocal)\\s+[^\\n]*\\b${name}\\b`).test(body);
}
