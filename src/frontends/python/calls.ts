/**
 * Calls for the Python evaluator (evaluate.ts): a call's arguments, and the Value it returns —
 * for functions known by qualified name (shutil.which, os.path.join, shlex.split, os.getenv,
 * dict() …), for methods on evaluated values ("sep".join, s.split, s.format, s.strip, env.copy …)
 * and self.method(), and for functions defined in the same module (the union of their returns).
 */
import type { Node } from 'web-tree-sitter';
import type { Span } from '../../kernel/source.js';
import { spanOf, type Evaluator, type Scope } from './scopes.js';
import { enclosingClass, findMethod, type Summaries } from './summaries.js';
import { fragmentValue, mapEach, mapValue, options, runningVersion, splitWords, strValue, union, UNKNOWN, type EnvPath, type Value } from './values.js';
import { braceFormat, hasVenvFragment, joinAll, joinList, mergeEnv, stripLiteral, withKey, wordTextOf } from './value-ops.js';

/** Positional and keyword arguments of a call node. */
export function callArgs(call: Node): { positional: Node[]; keywords: Map<string, Node>; splat: boolean } {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let splat = false;
  const args = call.childForFieldName('arguments');
  for (const a of args?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const value = a.childForFieldName('value');
      if (name && value) keywords.set(name, value);
    } else if (a.type === 'dictionary_splat') splat = true;
    else positional.push(a);
  }
  return { positional, keywords, splat };
}

/** One call being evaluated: where it stands and its arguments. */
interface CallSite {
  n: Node;
  span: Span;
  scope: Scope;
  pos: number;
  positional: Node[];
  keywords: Map<string, Node>;
  /** The value of positional argument i (else of keyword kw), evaluated where the call stands. */
  arg: (i: number, kw?: string) => Value;
}

/** The Value a call returns, as far as it is known. */
export function evalCall(ev: Evaluator, summaries: Summaries, n: Node, scope: Scope, pos: number): Value {
  const span = spanOf(n);
  const fn = n.childForFieldName('function');
  if (!fn) return { k: 'unknown', span };
  const { positional, keywords } = callArgs(n);
  const arg = (i: number, kw?: string): Value => {
    const node = positional[i] ?? (kw ? keywords.get(kw) : undefined);
    return node ? ev.evalIn(node, scope, pos) : UNKNOWN;
  };
  const call: CallSite = { n, span, scope, pos, positional, keywords, arg };
  const known = knownCall(ev, ev.qualify(fn, scope), call);
  if (known) return known;
  // Methods on values: "sep".join, s.split, s.format, s.strip, env.copy …
  if (fn.type === 'attribute') return methodCall(ev, summaries, fn, call);
  // A function defined in this module: the union of what it returns (parameters unknown).
  if (fn.type === 'identifier') {
    const v = ev.lookup(fn.text, scope, pos);
    if (v) {
      const funcs = options(v).filter((o): o is Extract<Value, { k: 'func' }> => o.k === 'func');
      if (funcs.length) return union(funcs.map((f) => summaries.returnsOf(f.node as Node)));
    }
  }
  return { k: 'unknown', span };
}

/** A call of a function known by its qualified name (through imports); undefined for any other. */
function knownCall(ev: Evaluator, q: string | undefined, call: CallSite): Value | undefined {
  const { n, span, scope, pos, positional, keywords, arg } = call;
  switch (q) {
    case 'shutil.which':
    case 'distutils.spawn.find_executable':
    case 'shutil.which.__call__': {
      const name = arg(0, q === 'shutil.which' ? 'cmd' : 'executable');
      if (keywords.has('path') || positional.length > 2) {
        // Looked up in the running interpreter's own folder (`path=os.path.dirname(sys.executable)`):
        // that environment's script when it has one (the `or name` after it is its absence).
        const dir = arg(q === 'shutil.which' ? 2 : 1, 'path');
        if (q !== 'shutil.which.__call__' && dir.k === 'str' && hasVenvFragment(dir.word) && name.k === 'str') return joinAll([dir, name], span);
        return { k: 'unknown', span };
      }
      return mapValue(name, (v) => (v.k === 'str' ? fragmentValue({ kind: 'path-lookup', name: v.word, span }, span) : { k: 'unknown', span }));
    }
    case 'shlex.quote':
    case 'pipes.quote':
    case 'str':
    case 'os.fspath':
    case 'os.path.abspath':
    case 'os.path.normpath':
    case 'os.path.realpath':
    case 'os.path.expanduser':
    case 'pathlib.Path':
    case 'pathlib.PurePath':
    case 'list':
    case 'tuple':
      return positional.length === 1 ? stripLiteral(arg(0)) : { k: 'unknown', span };
    case 'os.path.dirname':
      return mapValue(arg(0), (v) => (v.k === 'str' && hasVenvFragment(v.word) ? fragmentValue({ kind: 'venv-path', span }, span) : { k: 'unknown', span }));
    case 'os.path.join':
    case 'posixpath.join':
      return joinAll(positional.map((p) => ev.evalIn(p, scope, pos)), span);
    case 'shlex.split':
      return mapValue(arg(0, 's'), (v) => (v.k === 'str' ? { k: 'list', items: splitWords(v.word, true).map((w) => ({ value: strValue(w) })), span } : { k: 'unknown', span }));
    case 'shlex.join':
      return mapValue(arg(0), (v) => joinList(v, ' ', span));
    case 'os.getenv':
    case 'os.environ.get': {
      const key = arg(0);
      const keyText = key.k === 'str' ? wordTextOf(key.word) : undefined;
      if (keyText === 'VIRTUAL_ENV') return fragmentValue({ kind: 'venv-path', span }, span);
      return positional.length > 1 ? union([{ k: 'unknown', span }, arg(1)]) : { k: 'unknown', span };
    }
    case 'os.environ.copy':
    case 'dict':
      if (q === 'dict') {
        const a0 = positional[0] ? ev.evalIn(positional[0], scope, pos) : undefined;
        let path: EnvPath = a0 ? (a0.k === 'env' ? a0.path : 'unknown') : 'no';
        // `dict(**os.environ)` merges the mapping as `{**os.environ}` does (jupyter-server-proxy's tests).
        for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) {
          if (a?.type !== 'dictionary_splat') continue;
          const inner = a.namedChildren[0];
          const v = inner ? ev.evalIn(inner, scope, pos) : UNKNOWN;
          path = mergeEnv(path, v.k === 'env' ? v.path : 'unknown');
        }
        for (const k of keywords.keys()) path = withKey(path, k);
        return { k: 'env', path, span };
      }
      return { k: 'env', path: 'inherited', span };
    case 'platform.python_version':
    case 'sysconfig.get_python_version':
      return runningVersion(span);
    case 'sysconfig.get_path':
      return fragmentValue({ kind: 'venv-path', span }, span);
  }
  return undefined;
}

/** A method called on an evaluated value, or self.method(): what the class's method returns. */
function methodCall(ev: Evaluator, summaries: Summaries, fn: Node, call: CallSite): Value {
  const { n, span, scope, pos, positional, keywords, arg } = call;
  const method = fn.childForFieldName('attribute')?.text;
  const objNode = fn.childForFieldName('object');
  if (objNode && method) {
    const obj = ev.evalIn(objNode, scope, pos);
    switch (method) {
      case 'join':
        return mapValue(obj, (sep) => (sep.k === 'str' ? mapValue(arg(0), (l) => joinList(l, wordTextOf(sep.word) ?? ' ', span)) : { k: 'unknown', span }));
      case 'split':
        if (positional.length === 0 || (positional.length === 1 && (positional[0].type === 'none' || /^["'] ["']$/.test(positional[0].text)))) {
          return mapValue(obj, (s) => (s.k === 'str' ? { k: 'list', items: splitWords(s.word, false).map((w) => ({ value: strValue(w) })), span } : { k: 'unknown', span }));
        }
        return { k: 'unknown', span };
      case 'format':
        return mapValue(obj, (s) => {
          if (s.k !== 'str') return { k: 'unknown', span };
          const keys = [...keywords.keys()];
          const args = [...positional, ...keywords.values()].map((p) => ev.evalIn(p, scope, pos));
          return mapEach(args, (vs) => braceFormat(s.word, vs.slice(0, positional.length), new Map(keys.map((k, i) => [k, vs[positional.length + i]])), span));
        });
      case 'strip':
      case 'rstrip':
      case 'lstrip':
      case 'resolve':
      case 'absolute':
      case 'as_posix':
        return positional.length === 0 ? stripLiteral(obj) : { k: 'unknown', span };
      case 'copy':
        return obj.k === 'env' || obj.k === 'list' ? obj : { k: 'unknown', span };
      case 'get':
        // settings.get("executable", "flake8"): the default is what runs unless configured.
        return positional.length === 2 && obj.k !== 'env' ? union([{ k: 'unknown', span }, arg(1)]) : { k: 'unknown', span };
    }
    // self.method(): return values of a method of the enclosing class.
    if (objNode.type === 'identifier') {
      const cls = enclosingClass(n, objNode.text);
      const def = cls ? findMethod(cls, method) : undefined;
      if (def) return summaries.returnsOf(def);
    }
  }
  return { k: 'unknown', span };
}
