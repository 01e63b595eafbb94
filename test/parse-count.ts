/**
 * How many tree-sitter-bash parses a piece of work makes (tests bound the work by counting parses,
 * not by timing it).
 */
import { loadParsers, loadedParser } from '../src/frontends/tree-sitter.js';

/** tree-sitter-bash parses made while `run` runs, and what it returned. */
export async function parsesDuring<T>(run: () => T | Promise<T>): Promise<{ parses: number; result: T }> {
  await loadParsers();
  const parser = loadedParser('tree-sitter-bash');
  const parse = parser.parse;
  let parses = 0;
  parser.parse = function (this: typeof parser, ...args: Parameters<typeof parse>) {
    parses++;
    return parse.apply(this, args);
  } as typeof parse;
  try {
    const result = await run();
    return { result, parses };
  } finally {
    parser.parse = parse;
  }
}
