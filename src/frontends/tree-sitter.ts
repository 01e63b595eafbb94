/**
 * Loads web-tree-sitter and the grammars' own .wasm builds once per thread. The WASM runtime was
 * chosen by measurement (see README "Parser choice"): the native binding's memory grew to GBs.
 *
 * A parser that traps (a WebAssembly.RuntimeError such as "memory access out of bounds") leaves
 * its memory in whatever state the trap found it: the stack pointer not restored, an allocation
 * half done. tree-sitter-python's scanner also writes one byte past its 1,024-byte state buffer
 * when more than ~510 indentation levels are open inside a string, which traps later or not at
 * all (every later parse in the thread then gave wrong trees). So a trap, or a wrong answer to a
 * tiny known parse after a file (`parsersHealthy`), marks the runtime damaged: `loadedParser`
 * refuses to hand it out, and the next `loadParsers()` builds a new one from a fresh copy of the
 * web-tree-sitter module (its WebAssembly instance lives in module scope).
 */
import { createRequire } from 'node:module';
import type { Language, Node, Parser } from 'web-tree-sitter';

type Grammar = 'tree-sitter-python' | 'tree-sitter-bash';
type Runtime = typeof import('web-tree-sitter');

const require = createRequire(import.meta.url);

/** One WebAssembly instance of the runtime with its grammars and parsers. */
interface Instance {
  runtime: Promise<Runtime>;
  init?: Promise<void>;
  languages: Map<Grammar, Promise<Language>>;
  parsers: Map<Grammar, Parser>;
  /** Grammars handed out since the last health check. */
  used: Set<Grammar>;
  /** What the health check's texts parse to in an undamaged instance. */
  expected: Map<Grammar, string>;
}

// Loaded on first use: a run whose files all stop at the prefilter never pays for it.
let current: Instance | undefined;
let instances = 0;
let damaged = false;

/** Thrown by `loadedParser` while the runtime is damaged (a file parsed before `loadParsers()` rebuilt it). */
export class ParserDamagedError extends Error {}

function grammarPath(pkg: Grammar): string {
  return require.resolve(`${pkg}/${pkg}.wasm`);
}

function instance(): Instance {
  if (!current) {
    instances++;
    // require, not import(): the bundled program is a script compiled with a V8 code cache, where
    // import() has no callback (scripts/bundle.ts); web-tree-sitter ships a CommonJS build. A
    // rebuild drops the module from require's cache first, so that the next require evaluates the
    // file anew and instantiates its WebAssembly anew.
    if (instances > 1) delete require.cache[require.resolve('web-tree-sitter')];
    const runtime = Promise.resolve(require('web-tree-sitter') as Runtime);
    current = { runtime, languages: new Map(), parsers: new Map(), used: new Set(), expected: new Map() };
  }
  return current;
}

async function language(inst: Instance, pkg: Grammar): Promise<Language> {
  const { Parser, Language } = await inst.runtime;
  inst.init ??= Parser.init();
  await inst.init;
  let lang = inst.languages.get(pkg);
  if (!lang) {
    lang = Language.load(grammarPath(pkg));
    inst.languages.set(pkg, lang);
  }
  return lang;
}

/** Small texts that go through each grammar's external scanner (indentation and strings; a here-doc). */
const PROBES: Record<Grammar, string> = {
  'tree-sitter-python': "if a:\n    b = f'{c}' + \"d\"\n",
  'tree-sitter-bash': 'a "$(b)" <<E\nc\nE\n',
};

/** The probe's tree in brief (a third of the cost of its S-expression, and as telling). */
function probeShape(p: Parser, pkg: Grammar): string {
  const tree = p.parse(PROBES[pkg]);
  if (!tree) return 'no tree';
  const root = tree.rootNode;
  const shape = `${root.type} ${root.descendantCount} ${root.endIndex} ${root.hasError} ${root.lastChild?.type}`;
  tree.delete();
  return shape;
}

/** A parser for the grammar; reused across files (tree-sitter parsers are cheap to reuse, costly to create). */
export async function parserFor(pkg: Grammar): Promise<Parser> {
  if (damaged) rebuild();
  const inst = instance();
  let p = inst.parsers.get(pkg);
  if (!p) {
    const lang = await language(inst, pkg);
    const { Parser } = await inst.runtime;
    if (inst !== current || inst.parsers.has(pkg)) return parserFor(pkg);
    p = new Parser();
    p.setLanguage(lang);
    inst.parsers.set(pkg, p);
  }
  return p;
}

/** Drop the damaged instance; its memory goes with the last reference to it. */
function rebuild(): void {
  current = undefined;
  damaged = false;
}

/** Synchronous access once `loadParsers()` has resolved (front ends are synchronous). */
export function loadedParser(pkg: Grammar): Parser {
  if (damaged) throw new ParserDamagedError('the parser was damaged by an earlier file and not rebuilt yet');
  const p = current?.parsers.get(pkg);
  if (!p) throw new Error(`parser ${pkg} used before loadParsers()`);
  // What the probe parses to, taken before the grammar's first use (parsersHealthy compares with
  // it): a run whose files never parse with a grammar (a Makefile with no venv) never pays for it.
  if (!current!.expected.has(pkg)) current!.expected.set(pkg, probeShape(p, pkg));
  current!.used.add(pkg);
  return p;
}

/** Whether any grammar has been loaded (and so WebAssembly compiled) in this thread. */
export function parsersLoaded(): boolean {
  return instances > 0;
}

/** Loads both grammars, first rebuilding the runtime if a trap damaged it. */
export async function loadParsers(): Promise<void> {
  await Promise.all([parserFor('tree-sitter-python'), parserFor('tree-sitter-bash')]);
}

/**
 * Whether `e` is a trap of the parsers' WebAssembly; if so the runtime is marked damaged (each
 * `catch` that may see one asks, so that a contained trap still gets the runtime rebuilt).
 */
export function isParserTrap(e: unknown): e is WebAssembly.RuntimeError {
  if (!(e instanceof WebAssembly.RuntimeError)) return false;
  damaged = true;
  return true;
}

/** Whether the runtime is damaged, so that the next file must wait for `loadParsers()`. */
export function parsersDamaged(): boolean {
  return damaged;
}

/**
 * After a file: do the parsers it used still parse a known text as they did when loaded? False
 * marks the runtime damaged (the file's own results are not to be trusted either). About 0.1 ms
 * per grammar used (a parse of a few bytes), against milliseconds for the file itself.
 */
export function parsersHealthy(): boolean {
  if (damaged) return false;
  const inst = current;
  if (!inst || inst.used.size === 0) return true;
  try {
    for (const pkg of inst.used) {
      if (probeShape(inst.parsers.get(pkg)!, pkg) !== inst.expected.get(pkg)) damaged = true;
    }
  } catch (e) {
    if (!isParserTrap(e)) damaged = true;
  }
  inst.used.clear();
  return !damaged;
}

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

/**
 * A node's children, without leaving them cached on the node. web-tree-sitter keeps the array that
 * `children` builds on the node, so a tree walked once through `children` holds one JS object per
 * node (with its position object and child array) for as long as its root is held: DietPi's 675 KB
 * `dietpi-software` held 133,000 of them, 38 MB, until the end of its analysis. Without the cache,
 * a node the walk has passed is garbage unless something else keeps it. A later version that names
 * its cache differently only caches again (the field is reset, not read).
 */
export function childNodes(n: Node): (Node | null)[] {
  const c = n.children;
  (n as unknown as { _children?: unknown })._children = undefined;
  return c;
}
