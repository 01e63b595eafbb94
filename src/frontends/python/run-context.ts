/**
 * What a Python file says about the environment its launches run in, beyond the launch itself:
 *
 * - its shebang, when it names an interpreter by absolute path (`#!/usr/bin/python3`): started as
 *   a program, the file runs under that interpreter, and the judge decides what that means (a
 *   system interpreter has no venv to escape from);
 * - the names the code looks up on PATH itself before a launch, in a guard that leaves when the
 *   tool is missing (`if not shutil.which("ansible"): sys.exit("install ansible")`) or around the
 *   launch (`if shutil.which("ansible"): …`): the author knows the tool is PATH's. The look-up may
 *   be held in a name first (`exe = shutil.which("x")`, then `if exe is None: return`), or be the
 *   exit status of the `which` program (`rc = subprocess.call(["which", "cookiecutter"])`, then
 *   `if rc == 0:`, mlserver's project template command).
 */
import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './evaluate.js';
import { nearestAncestor } from './ancestry.js';
import { unwrapNot } from './branches.js';
import { options } from './values.js';
import { wordTextOf } from './value-ops.js';

/** The absolute interpreter path of a `#!/path/to/python…` first line (not `#!/usr/bin/env …`). */
export function shebangInterpreter(text: string): string | undefined {
  const m = /^#![ \t]*(\/\S+)/.exec(text.replace(/^\uFEFF/, ''));
  if (!m || /\/env$/.test(m[1])) return undefined;
  return /\/(python|pypy)[\d.]*$/.test(m[1]) ? m[1] : undefined;
}

/** The major version a `#!…python2` / `#!/usr/bin/env python3.11` first line asks for. */
export function shebangMajor(text: string): '2' | '3' | undefined {
  const m = /^#![^\n]*?\b(?:python|pypy)([23])(?:\.\d+)?(?=[\s]|$)/.exec(text.replace(/^\uFEFF/, '').slice(0, 200));
  return m ? (m[1] as '2' | '3') : undefined;
}

const LOOKUPS = new Set(['shutil.which', 'distutils.spawn.find_executable']);

/**
 * The names looked up on PATH by a guard of `call`: an `if` before it, in a block that holds the
 * call, whose condition is `not which(X)` (or `which(X) is None`) and whose body leaves (raise,
 * return, sys.exit, exit); or an `if which(X):` (`is not None`) whose body holds the call.
 */
export function pathChecksBefore(mod: PythonModule, call: Node): string[] {
  const out: string[] = [];
  // Only the ancestors that matter, each found once for all launches (ancestry.ts): walking every
  // parent of every launch was quadratic in nesting.
  for (let block = nearestAncestor(call, GUARD_HOLDERS); block; block = nearestAncestor(block, GUARD_HOLDERS)) {
    if (block.type === 'function_definition' || block.type === 'class_definition' || block.type === 'lambda') {
      // Statements before the launch in the function body were scanned; the def ends the search.
      break;
    }
    if (block.type === 'if_statement') {
      const body = block.childForFieldName('consequence');
      if (body && body.startIndex <= call.startIndex && call.endIndex <= body.endIndex) {
        const t = lookupTest(mod, block.childForFieldName('condition'), block);
        if (t && !t.negated) out.push(...t.names);
      }
      continue;
    }
    // A guard is a statement of the block: one before the statement that holds the launch ends before the launch.
    for (const g of leavingGuards(mod, block)) {
      if (g.end > call.startIndex) break;
      out.push(...g.names);
    }
  }
  return out;
}

/** What pathChecksBefore looks at around a launch, and where it stops. */
const GUARD_HOLDERS: ReadonlySet<string> = new Set(['if_statement', 'block', 'module', 'function_definition', 'class_definition', 'lambda']);

/**
 * A block's `if not which(X): <leave>` statements, in order, found once per block: scanning the
 * block's statements again for each launch in it made a module of n launches cost n² (4,800
 * module-level launches: 21 s instead of 0.6 s).
 */
const guardCache = new WeakMap<PythonModule, Map<number, { end: number; names: string[] }[]>>();
function leavingGuards(mod: PythonModule, block: Node): { end: number; names: string[] }[] {
  let byBlock = guardCache.get(mod);
  if (!byBlock) guardCache.set(mod, (byBlock = new Map()));
  let guards = byBlock.get(block.id);
  if (!guards) {
    guards = [];
    for (const s of block.namedChildren) {
      if (!s || s.type !== 'if_statement') continue;
      const t = lookupTest(mod, s.childForFieldName('condition'), s);
      if (t && t.negated && leaves(s.childForFieldName('consequence'))) guards.push({ end: s.endIndex, names: t.names });
    }
    byBlock.set(block.id, guards);
  }
  return guards;
}

/**
 * `which(X)` as a condition of the `if` statement `stmt`: the names it looks up, and whether the
 * test is that X is missing. Also a name the look-up was assigned to earlier in the same block
 * (`exe = shutil.which(X)` … `if not exe:`), and the exit status of a look-up program compared
 * with 0 (`subprocess.call(["which", X]) == 0`, `os.system("which X") != 0`, or a name holding it).
 */
function lookupTest(mod: PythonModule, cond: Node | null, stmt: Node): { names: string[]; negated: boolean } | undefined {
  if (!cond) return undefined;
  let { node, negated } = unwrapNot(cond);
  const compared = node?.type === 'comparison_operator' && node.namedChildren.length === 2 ? node.namedChildren[1] : undefined;
  const op = compared ? node!.children.slice(1, -1).map((c) => c?.text).join(' ') : '';
  // `which(X) is None` / `is not None`.
  if (compared?.type === 'none') {
    if (op !== 'is' && op !== 'is not' && op !== '==' && op !== '!=') return undefined;
    negated = negated !== (op === 'is' || op === '==');
    node = node!.namedChildren[0];
  } else if (compared?.type === 'integer' && compared.text === '0') {
    // A look-up program's exit status: 0 when it found the name.
    if (op !== '==' && op !== '!=') return undefined;
    const names = lookupProgramNames(mod, assignedValue(mod, node!.namedChildren[0], stmt));
    return names ? { names, negated: negated !== (op === '!=') } : undefined;
  }
  node = assignedValue(mod, node, stmt);
  if (node?.type !== 'call') return undefined;
  const fn = node.childForFieldName('function');
  if (!fn || !LOOKUPS.has(mod.qualify(fn, mod.scopeAt(node)) ?? '')) return undefined;
  const first = mod.callArgs(node).positional[0];
  if (!first) return undefined;
  const names: string[] = [];
  for (const o of options(mod.eval(first))) {
    const t = o.k === 'str' ? wordTextOf(o.word) : undefined;
    if (t === undefined) return undefined;
    names.push(t);
  }
  return { names, negated };
}

/**
 * What a name holds when the block of `stmt` assigns it in a statement before `stmt` (the last such one); any other node as it is.
 * The block's assignments are listed once per block: looking back from each `if` of a block of n
 * statements would cost n².
 */
function assignedValue(mod: PythonModule, node: Node | null | undefined, stmt: Node): Node | null {
  if (node?.type !== 'identifier') return node ?? null;
  const block = stmt.parent;
  if (!block) return node;
  let byBlock = assignmentCache.get(mod);
  if (!byBlock) assignmentCache.set(mod, (byBlock = new Map()));
  let names = byBlock.get(block.id);
  if (!names) {
    names = new Map();
    for (const s of block.namedChildren) {
      const a = s?.type === 'expression_statement' ? s.namedChildren[0] : undefined;
      const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
      if (!a || left?.type !== 'identifier') continue;
      const list = names.get(left.text) ?? [];
      list.push({ start: a.startIndex, value: a.childForFieldName('right') });
      names.set(left.text, list);
    }
    byBlock.set(block.id, names);
  }
  const list = names.get(node.text);
  if (!list) return node;
  // The last assignment that starts before the statement (the list is in source order).
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < stmt.startIndex) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1].value : node;
}
const assignmentCache = new WeakMap<PythonModule, Map<number, Map<string, { start: number; value: Node | null }[]>>>();

/**
 * Programs that exit 0 when PATH has the name that follows: `which X`, `command -v X`, with their
 * output sent away (`> /dev/null 2>&1`). Each redirection starts after a blank and its target holds
 * no `>`, so a line splits into them one way only (a string of the code is hostile input).
 */
const LOOKUP_PROGRAM = /^\s*(?:which|command\s+-v)\s+([\w.+-]+)(?:\s+(?:[12]?>&[12]|[12]?>>?\s*[^\s>&]+))*\s*$/;

/**
 * The names an exit status looks up: `subprocess.call(["which", X])`, `subprocess.run([…]).returncode`,
 * `os.system("which X > /dev/null")`.
 */
function lookupProgramNames(mod: PythonModule, node: Node | null): string[] | undefined {
  const status = node?.type === 'attribute' && node.childForFieldName('attribute')?.text === 'returncode';
  if (status) node = node!.childForFieldName('object');
  if (node?.type !== 'call') return undefined;
  const fn = node.childForFieldName('function');
  const api = fn ? mod.qualify(fn, mod.scopeAt(node)) : undefined;
  // subprocess.run gives a CompletedProcess: its status is its `.returncode`.
  if (!(status ? api === 'subprocess.run' : api === 'subprocess.call' || api === 'os.system')) return undefined;
  const first = mod.callArgs(node).positional[0];
  let text: string | undefined;
  if (first?.type === 'list') {
    const words = first.namedChildren.map((c) => (c ? options(mod.eval(c)) : []));
    if (words.some((o) => o.length !== 1 || o[0].k !== 'str')) return undefined;
    const texts = words.map((o) => (o[0].k === 'str' ? wordTextOf(o[0].word) : undefined));
    text = texts.every((t) => t !== undefined) ? texts.join(' ') : undefined;
  } else if (first) {
    const o = options(mod.eval(first));
    text = o.length === 1 && o[0].k === 'str' ? wordTextOf(o[0].word) : undefined;
  }
  const m = text === undefined ? null : LOOKUP_PROGRAM.exec(text);
  return m ? [m[1]] : undefined;
}

/** A block whose last statement leaves the function or the program. */
function leaves(block: Node | null): boolean {
  const last = block?.namedChildren.filter((c) => c && c.type !== 'comment').pop();
  if (!last) return false;
  if (last.type === 'raise_statement' || last.type === 'return_statement') return true;
  const e = last.type === 'expression_statement' ? last.namedChildren[0] : undefined;
  const fn = e?.type === 'call' ? e.childForFieldName('function')?.text : undefined;
  return fn !== undefined && ['sys.exit', 'exit', 'quit', 'os._exit', 'SystemExit'].includes(fn);
}
