/**
 * Parses kept for another run over the same scripts: a front end that analyses a file twice
 * (analyzeWithNamedVenvs: again with the venvs the file names known from the start) parses each
 * of its scripts once. A parse depends on the script Word alone.
 */
import type { Word } from '../../kernel/word.js';
import type { Tree } from '../tree-sitter.js';
import type { Script } from './script.js';

/** The Words whose parses are kept (see keepParses), each with its script and tree once parsed. */
let keep: Map<Word, { s: Script; tree: Tree } | undefined> | undefined;

/**
 * Runs `run` with the parses of `scripts` kept: parseShellWord, given one of these very Words again
 * inside `run`, walks the script and tree of its first parse instead of parsing it again. The trees
 * are deleted at the end.
 */
export function keepParses<T>(scripts: readonly Word[], run: () => T): T {
  if (keep) return run(); // nested: the outer one stays
  const own = new Map<Word, { s: Script; tree: Tree } | undefined>(scripts.map((w) => [w, undefined]));
  keep = own;
  try {
    return run();
  } finally {
    keep = undefined;
    for (const k of own.values()) k?.tree.delete();
  }
}

/** The kept parse of `script`, if any. */
export function keptParse(script: Word): { s: Script; tree: Tree } | undefined {
  return keep?.get(script);
}

/** Keeps `tree` (the parse of `script`, as `s`) when `script`'s parses are kept; true when it took it (the caller must not delete it). */
export function keepParse(script: Word, s: Script, tree: Tree): boolean {
  if (!keep?.has(script) || keep.get(script)) return false;
  keep.set(script, { s, tree });
  return true;
}
