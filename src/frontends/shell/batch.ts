/**
 * Shell scripts parsed a batch at a time (a Makefile's recipe lines, a notebook's escapes): many
 * scripts joined into one tree-sitter call, each then walked from its own top-level nodes of the
 * batch's tree (parse.ts asks batchedParse). Also how a script is prepared for tree-sitter.
 */
import type { Word } from '../../kernel/word.js';
import type { OpaqueFragment } from '../../kernel/word-units.js';
import { SHELL_FILE_CHARS, SHELL_NESTING, SHELL_SCRIPT_CHARS } from '../../kernel/budgets.js';
import { childNodes, isParserTrap, loadedParser, type SyntaxNode, type Tree } from '../tree-sitter.js';
import { blankHeredocSemicolons, buildScript, removeLineContinuations, ScriptMap, type Script } from './script.js';
import { rewriteGrammarGaps } from './grammar-gaps.js';

/** A script as it is handed to tree-sitter: as the Word says (`plain`), and after rewriteGrammarGaps. */
export function prepareScript(script: Word): { plain: Script; rewritten: Script } {
  let s = buildScript(script);
  if (/\\\r?\n/.test(s.text)) s = removeLineContinuations(s);
  if (s.text.includes('<<')) s = blankHeredocSemicolons(s);
  return { plain: s, rewritten: rewriteGrammarGaps(s) };
}

/**
 * How deep command substitutions nest in the text: each `$(` opens one, each `)` closes one (so a
 * `)` of a subshell or a case item makes it shallower, never deeper than the script really nests).
 */
export function substitutionDepth(t: string): number {
  let depth = 0;
  let max = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x24 /* $ */ && t.charCodeAt(k + 1) === 0x28 /* ( */) {
      if (++depth > max) max = depth;
      k++;
    } else if (c === 0x29 /* ) */ && depth > 0) depth--;
  }
  return max;
}

/** A script of a batch: its top-level nodes in the batch's tree, read through the batch's one script and map. */
interface Batched {
  s: Script;
  map: ScriptMap;
  root: SyntaxNode;
  nodes: SyntaxNode[];
}

interface Batch {
  parsed: Map<Word, Batched>;
  trees: Tree[];
}

/** The batch being run (see parseShellBatch), if any. */
let batch: Batch | undefined;

/** `script` as the batch being run parsed it, if it did. */
export function batchedParse(script: Word): Batched | undefined {
  return batch?.parsed.get(script);
}

/** Scripts per tree-sitter call: at most this many are parsed again, in halves, around one the batch cannot take. */
const BATCH_SCRIPTS = 32;

/**
 * Runs `run` with `scripts` (shells of one file: Makefile recipe lines) parsed a part at a time,
 * BATCH_SCRIPTS scripts in one tree-sitter call, instead of one call each: parseShellWord, given one
 * of these very Words inside `run`, walks its share of the part's tree. A part's scripts are joined
 * by line breaks. A script is taken when its top-level nodes are its own (none runs on into the
 * next script: an open quote, a here-doc, a trailing `&&`) and hold no syntax error, and so does
 * every script before it in the part: its tree is then the one its own parse gives. A script with
 * an error of its own is left to its own parse (with the parser's retries, as without a batch),
 * and the part goes on after it; a node that covers several scripts (a here-doc running on, or an
 * error the parser's recovery reached back from) has its scripts parsed again in halves.
 */
export function parseShellBatch<T>(scripts: readonly Word[], run: () => T): T {
  if (batch) return run(); // nested: the outer batch stays
  const own: Batch = { parsed: new Map(), trees: [] };
  try {
    const todo: { word: Word; s: Script }[] = [];
    let chars = 0;
    for (const w of new Set(scripts)) {
      const n = scriptLength(w);
      if (n > SHELL_SCRIPT_CHARS.limit) continue; // parseShellWord reports it
      // Past the file's budget parseShellWord stops the file (its meter): no text is prepared beyond it.
      if ((chars += n) > SHELL_FILE_CHARS.limit) break;
      const s = prepareScript(w).rewritten;
      if (substitutionDepth(s.text) > SHELL_NESTING.limit) continue; // parseShellWord reports it
      todo.push({ word: w, s });
    }
    for (let i = 0; i < todo.length; i += BATCH_SCRIPTS) batchPart(todo.slice(i, i + BATCH_SCRIPTS), own);
  } catch (e) {
    // Too deep or a trap: every script is parsed on its own (and reports it), as without a batch.
    if (!(e instanceof RangeError || isParserTrap(e))) throw e;
    for (const t of own.trees) t.delete();
    own.trees.length = 0;
    own.parsed.clear();
  }
  batch = own;
  try {
    return run();
  } finally {
    batch = undefined;
    for (const t of own.trees) t.delete();
  }
}

/** One parse of `part`'s scripts joined by line breaks; records those it can take (see parseShellBatch). */
function batchPart(part: { word: Word; s: Script }[], into: Batch): void {
  if (part.length < 2) return;
  // One script for all: the texts joined by '\n' (a unit of no source position), units appended.
  let unitCount = 1;
  let charCount = 0;
  for (const { s } of part) {
    unitCount += s.units.off.length;
    charCount += s.text.length + 1;
  }
  const off = new Int32Array(unitCount);
  off[0] = -1;
  const frags = new Map<number, OpaqueFragment>();
  const at = new Int32Array(charCount);
  let text = '';
  let orig = '';
  const bounds: number[] = [];
  let base = 1;
  let c = 0;
  for (const { s } of part) {
    off.set(s.units.off, base);
    for (const [k, f] of s.units.frags) frags.set(k + base, f);
    for (let i = 0; i < s.at.length; i++) at[c++] = s.at[i] + base;
    at[c++] = 0;
    base += s.units.off.length;
    bounds.push(text.length);
    text += s.text + '\n';
    orig += (s.orig ?? s.text) + '\n';
  }
  bounds.push(text.length);
  const tree = loadedParser('tree-sitter-bash').parse(text);
  if (!tree) return;
  const root = tree.rootNode;
  const kids = childNodes(root).filter((c): c is SyntaxNode => !!c);
  const taken: SyntaxNode[][] = [];
  /** The first script not taken, and the one after the last that its nodes reach into. */
  let bad = -1;
  let badEnd = -1;
  for (let i = 0, k = 0; i < part.length; i++) {
    const end = bounds[i + 1] - 1; // the joining line break
    const nodes: SyntaxNode[] = [];
    while (k < kids.length && kids[k].startIndex < end) nodes.push(kids[k++]);
    if (nodes.some((n) => n.endIndex > end || n.hasError || n.isError || n.isMissing)) {
      const reach = nodes.reduce((m, n) => Math.max(m, n.endIndex), 0);
      bad = i;
      badEnd = i + 1;
      while (badEnd < part.length && bounds[badEnd] < reach) badEnd++;
      break;
    }
    taken.push(nodes);
  }
  if (taken.length) {
    into.trees.push(tree);
    const joined: Script = { text, at, units: { off, frags }, orig };
    const map = new ScriptMap(joined);
    taken.forEach((nodes, i) => into.parsed.set(part[i].word, { s: joined, map, root, nodes }));
  } else tree.delete();
  if (bad < 0) return;
  if (badEnd === bad + 1) {
    // An error of its own: that script alone, the rest of the part again.
    batchPart(part.slice(bad + 1), into);
    return;
  }
  // A node over several scripts: which of them is at fault is not known; each half again.
  const mid = (bad + badEnd) >> 1;
  batchPart(part.slice(bad, mid), into);
  batchPart(part.slice(mid, badEnd), into);
  batchPart(part.slice(badEnd), into);
}

/** Characters of a script Word (a non-text fragment counts as one). */
export function scriptLength(w: Word): number {
  let n = 0;
  for (const f of w.fragments) n += f.kind === 'text' ? f.text.length : 1;
  return n;
}

