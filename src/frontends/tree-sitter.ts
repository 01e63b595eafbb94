/**
 * Loads web-tree-sitter and the grammars' own .wasm builds once per thread. The WASM runtime was
 * chosen by measurement (see README "Parser choice"): the native binding's memory grew to GBs.
 */
import { createRequire } from 'node:module';
import type { Language, Parser } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
// Loaded on first use: a run whose files all stop at the prefilter never pays for it.
let runtime: Promise<typeof import('web-tree-sitter')> | undefined;
let init: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

function grammarPath(pkg: 'tree-sitter-python' | 'tree-sitter-bash'): string {
  return require.resolve(`${pkg}/${pkg}.wasm`);
}

async function language(pkg: 'tree-sitter-python' | 'tree-sitter-bash'): Promise<Language> {
  runtime ??= import('web-tree-sitter');
  const { Parser, Language } = await runtime;
  init ??= Parser.init();
  await init;
  let lang = languages.get(pkg);
  if (!lang) {
    lang = Language.load(grammarPath(pkg));
    languages.set(pkg, lang);
  }
  return lang;
}

const parsers = new Map<string, Parser>();

/** A parser for the grammar; reused across files (tree-sitter parsers are cheap to reuse, costly to create). */
export async function parserFor(pkg: 'tree-sitter-python' | 'tree-sitter-bash'): Promise<Parser> {
  let p = parsers.get(pkg);
  if (!p) {
    const lang = await language(pkg);
    const { Parser } = await runtime!;
    p = new Parser();
    p.setLanguage(lang);
    parsers.set(pkg, p);
  }
  return p;
}

/** Synchronous access once `loadParsers()` has resolved (front ends are synchronous). */
export function loadedParser(pkg: 'tree-sitter-python' | 'tree-sitter-bash'): Parser {
  const p = parsers.get(pkg);
  if (!p) throw new Error(`parser ${pkg} used before loadParsers()`);
  return p;
}

/** Whether any grammar has been loaded (and so WebAssembly compiled) in this thread. */
export function parsersLoaded(): boolean {
  return runtime !== undefined;
}

export async function loadParsers(): Promise<void> {
  await Promise.all([parserFor('tree-sitter-python'), parserFor('tree-sitter-bash')]);
}

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
