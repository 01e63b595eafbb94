/**
 * The Python front end: source text → LaunchSites, plus what the checker needs beside them
 * (suppression comments, whether the file parsed completely).
 */
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { LaunchSite, PythonFileFacts } from '../../kernel/launch-site.js';
import type { SourceFile } from '../../kernel/source.js';
import { parseSuppressions, type Suppressions } from '../../kernel/suppressions.js';
import { PYTHON_PARSE_CHARS, PYTHON_PLAN_CHARS, within } from '../../kernel/budgets.js';
import { loadedParser } from '../tree-sitter.js';
import type { Parser } from 'web-tree-sitter';
import { blankComments, pythonMayMatter, pythonMayMatterBytes } from './prefilter.js';
import { TooDeepError, type AnalyzeOptions, type FrontEnd } from '../front-end.js';
import { keptRanges, type TextRange } from './blocks.js';
import { decodePython, decodesCleanly } from './decode.js';
import { firstPython2Line, PY2_CANDIDATE, PythonModule } from './evaluate.js';
import { findLaunchSites } from './launch-sites.js';
import { definesTasks, importsProcessLibrary } from './process-libraries.js';
import { pythonFileFacts } from './file-facts.js';
import { shippedFunctions } from './shipped-functions.js';
import { indentationError, indentationLevels } from './indentation.js';

export interface PythonAnalysis {
  sites: LaunchSite[];
  /** What the whole file says (the sites' `pythonFile`, also when there are none). */
  facts: PythonFileFacts;
  suppressions: Suppressions;
  /** Set when the file has syntax errors: it was still checked, with error recovery. */
  syntaxProblem?: FileProblem;
}

/**
 * Parse and analyse, hand the analysis to `use`, then free the tree. LaunchSites' rewriters hold
 * syntax nodes, so fixes must be built inside `use`.
 */
export function withPythonAnalysis<T>(file: SourceFile, use: (a: PythonAnalysis) => T, opts: AnalyzeOptions = {}): T {
  const parser = loadedParser('tree-sitter-python');
  const { text: blanked, comments } = blankComments(file.text);
  // A lone \r ends a line for CPython (universal newlines) but not for tree-sitter-python, which
  // read a file of them as one line of juxtaposed expressions: an error tree as deep as the file has
  // statements, where each launch's scope look-up (parent by parent) took 25 s of CPU for 20 KB.
  // One character for one: every offset stays.
  const parseText = blanked.includes('\r') ? blanked.replace(/\r(?!\n)/g, '\n') : blanked;
  const levels = indentationLevels(parseText);
  if (levels > MAX_INDENT_LEVELS) {
    throw new TooDeepError(`too deeply nested to parse: ${levels} levels of indentation, over the ${MAX_INDENT_LEVELS} this checker parses (CPython refuses 100); skipped`);
  }
  if (opts.parseLess) within(PYTHON_PLAN_CHARS, parseText.length);
  // A file importing a process library is parsed whole: its launches are named like anything (process-libraries.ts).
  // So is one calling a helper of another module of the project (named like anything: project-modules.ts).
  const ranges = opts.parseLess && !importsProcessLibrary(parseText) && !opts.project?.callsHelper(file.path, parseText) ? keptRanges(parseText) : undefined;
  // Before the parser's memory grows (by ~60–130 bytes per character, and never shrinks).
  within(PYTHON_PARSE_CHARS, ranges ? ranges.reduce((n, r) => n + r.endIndex - r.startIndex, 0) : parseText.length);
  let tree = parser.parse(ranges ? rangeReader(parseText, ranges) : parseText, null, ranges ? { includedRanges: ranges } : undefined);
  // A syntax error in what is left: parse it all, so the error and the recovery around it are
  // exactly those of the whole file.
  if (tree && ranges && tree.rootNode.hasError) {
    tree.delete();
    within(PYTHON_PARSE_CHARS, parseText.length);
    tree = parser.parse(parseText);
  }
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const root = tree.rootNode;
    const mod = new PythonModule(root, file, opts.project);
    if (opts.windows) mod.projectOnWindows = () => opts.windows!(file.path);
    if (opts.python2) mod.projectOnPython2 = () => opts.python2!(file.path);
    const sites = findLaunchSites(mod);
    mod.launchPrograms = new Set(sites.flatMap((s) => (s.argv[0]?.fragments ?? []).flatMap((f) => (f.kind === 'text' && f.offsets?.length ? [f.offsets[0]] : []))));
    const facts = pythonFileFacts(root, sites, parseText, file);
    // Fabric 1 runs every public function of a fabfile as a task, decorated or not.
    const tasks = sites.length ? (definesTasks(mod, root) ?? (/(?:^|[\\/])fabfile\.py$/.test(file.path) && [...mod.imports.values()].some((q) => q.startsWith('fabric')) ? 'fabric' : undefined)) : undefined;
    if (tasks) facts.taskRunner = tasks;
    const host = sites.length ? hostApplication(mod.imports.values()) : undefined;
    if (host) facts.hostApp = host;
    // An unpackaged project's script whose README activates a conda environment runs in it.
    const conda = sites.length && !file.path.endsWith('.ipynb') ? opts.condaWorkflow?.(file.path) : undefined;
    if (conda) facts.condaWorkflow = conda;
    // Python 2 code in a project whose other code is Python 3 only: no venv of the project runs it.
    // Read in a tree of the whole file (a parse of the launches' ranges only has no except clauses).
    if (sites.length && !mod.python3Only && PY2_CANDIDATE.test(parseText) && opts.python3Project?.(file.path)) {
      const line = ranges ? python2LineOfWhole(parser, parseText) : firstPython2Line(root, parseText);
      if (line) facts.python2Only = line;
    }
    const shipped = sites.length ? shippedFunctions(mod, root, sites.map((s) => s.callSpan.start)) : [];
    if (shipped.length) facts.shipped = shipped;
    for (const s of sites) s.pythonFile = facts;
    const suppressions = parseSuppressions(file, comments);
    let syntaxProblem: FileProblem | undefined;
    if (root.hasError) {
      const bad = firstError(root);
      const at = bad ? file.location(bad.startIndex) : undefined;
      syntaxProblem = {
        path: file.path,
        kind: 'syntax',
        message: `not fully parsed: syntax error${at ? ` at ${at.line}:${at.column}` : ''}; the rest of the file was still checked`,
        start: at,
        partial: true,
      };
    }
    // Indentation CPython refuses, which tree-sitter-python recovers from without an error (not in
    // a notebook, whose cells IPython compiles one by one).
    if (!syntaxProblem && !/\.ipynb$/i.test(file.path)) {
      const bad = indentationError(parseText, mod.python3Only);
      if (bad) {
        const at = file.location(Math.min(bad.offset, file.text.length));
        const after = bad.header !== undefined ? ` after line ${file.location(bad.header).line}` : '';
        syntaxProblem = {
          path: file.path,
          kind: 'syntax',
          message: `not valid Python: ${bad.message}${after} at ${at.line}:${at.column} (${bad.error}), so CPython does not run this file; it was still checked`,
          start: at,
          partial: true,
        };
      }
    }
    const depthProblem: FileProblem | undefined = mod.tooDeep
      ? { path: file.path, kind: 'too-deep', message: 'not fully analysed: an expression is nested too deeply to follow; launches inside it may be missed', partial: true }
      : undefined;
    return use({ sites, facts, suppressions, syntaxProblem: syntaxProblem ?? depthProblem });
  } finally {
    tree.delete();
    opts.project?.release();
  }
}

/** firstPython2Line in a parse of the whole text, within the parse budget. */
function python2LineOfWhole(parser: Parser, text: string): number | undefined {
  within(PYTHON_PARSE_CHARS, text.length);
  const whole = parser.parse(text);
  if (!whole) return undefined;
  try {
    return firstPython2Line(whole.rootNode, text);
  } finally {
    whole.delete();
  }
}

/**
 * Modules only an application's embedded Python provides: a file that imports one runs inside it
 * (ODM's contrib/blender scripts import bpy), with no venv, and `sys.executable` is the
 * application's (Blender's own binary or bundled interpreter): a program it starts by name is
 * PATH's on purpose, and `sys.executable` would start the application.
 */
const HOST_MODULES: ReadonlyMap<string, string> = new Map([
  ['bpy', 'Blender'],
  ['gimpfu', 'GIMP'],
  // Not `maya` alone: a date library on PyPI has that name.
  ['maya.cmds', 'Maya'],
  ['maya.mel', 'Maya'],
  ['maya.OpenMaya', 'Maya'],
  ['maya.api', 'Maya'],
  ['hou', 'Houdini'],
  ['nuke', 'Nuke'],
  ['c4d', 'Cinema 4D'],
  ['unreal', 'Unreal Editor'],
  ['pymxs', '3ds Max'],
  ['krita', 'Krita'],
  ['FreeCADGui', 'FreeCAD'],
  ['rhinoscriptsyntax', 'Rhino'],
  ['sublime_plugin', 'Sublime Text'],
  ['idaapi', 'IDA'],
]);

function hostApplication(imports: Iterable<string>): string | undefined {
  for (const q of imports) {
    const parts = q.split('.');
    for (let i = 1; i <= Math.min(parts.length, 2); i++) {
      const host = HOST_MODULES.get(parts.slice(0, i).join('.'));
      if (host) return host;
    }
  }
  return undefined;
}

/**
 * The text in chunks that end where a kept range ends. web-tree-sitter copies each chunk into the
 * parser's memory character by character, and for a string input it copies 5,000 characters at
 * every request, one per kept range even when the range is a few lines: on the stdlib's 33 files
 * that copying took 40 ms per pass, as long as a seventh of the parse.
 */
function rangeReader(text: string, ranges: TextRange[]): (index: number) => string {
  let k = 0;
  return (index) => {
    // Requests move forward through the ranges (and start over for a re-parse).
    if (k >= ranges.length || index < ranges[k].startIndex) k = 0;
    while (k < ranges.length && ranges[k].endIndex <= index) k++;
    const end = k < ranges.length ? (index < ranges[k].startIndex ? ranges[k].startIndex : ranges[k].endIndex) : text.length;
    return text.slice(index, Math.min(end, index + READ_CHUNK));
  };
}

const READ_CHUNK = 4096;

/**
 * Indentation levels checked before parsing. tree-sitter-python's scanner keeps 2 bytes per open
 * level in a 1,024-byte state buffer: past ~510 levels it loses levels, and inside a string it
 * writes past the buffer, which corrupted the parser for every later file in the thread (a 250 KB
 * staircase of 699 `if`s). CPython itself refuses more than 100 ("too many levels of indentation").
 * VG_MAX_INDENT_LEVELS raises it for the tests, which check that such a trap stays in its file.
 */
export const MAX_INDENT_LEVELS = Number(process.env.VG_MAX_INDENT_LEVELS ?? 200);

function firstError(root: import('web-tree-sitter').Node): import('web-tree-sitter').Node | undefined {
  // Iterative: a 10,000-deep tree must not overflow the JS stack.
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) return n;
    if (!n.hasError) continue;
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c) stack.push(c);
    }
  }
  return undefined;
}

/**
 * Python source: `.py`/`.pyw`, or a file without an extension, or with a generic script one
 * (`.sh`, `.bash`: the caller passes its first line), whose shebang names Python.
 */
export const pythonFrontEnd: FrontEnd = {
  language: 'python',
  claims: (path, head) => /\.pyw?$/i.test(path) || /^#!.*\bpython[\d.]*\b/.test(head),
  mayMatter: pythonMayMatter,
  mayMatterBytes: (bytes) => pythonMayMatterBytes(bytes) || !decodesCleanly(bytes),
  decode: decodePython,
  analyze: withPythonAnalysis,
};
