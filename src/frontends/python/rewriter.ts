/**
 * Builds Python fixes for a launch site: replaces the program's string literal with
 * `sys.executable` (list form) or splices `shlex.quote(sys.executable)` into a shell string (quoted
 * for cmd.exe too where the code may run on Windows: PythonModule.mayRunOnWindows), and adds the imports the new code needs after the docstring and `__future__` imports.
 * Refuses (returns undefined) whenever the literal is not a plain, verbatim piece of source.
 */
import type { Node } from 'web-tree-sitter';
import type { Edit } from '../../kernel/diagnostic.js';
import type { LaunchSite, ProgramRewriter, Rewrite, RewriteTarget } from '../../kernel/launch-site.js';
import type { PythonModule } from './evaluate.js';
import type { LiteralRef } from './values.js';
import { shellWordSpan, wordText } from '../../kernel/word.js';
import { escapeRegExp } from '../../kernel/regexp.js';
import { literalIndex } from './literal-index.js';
import { descendantAt, parentOf } from './ancestry.js';
import { isStandard } from './import-lines.js';

/**
 * The file tests whether it runs frozen (`getattr(sys, "frozen", False)`, `sys._MEIPASS`): in a
 * PyInstaller or cx_Freeze bundle `sys.executable` is the bundled program itself, so no fix names
 * it (seestar_alp's `pip freeze` for its support bundle).
 */
const FROZEN = /\bsys\._MEIPASS\b|\bsys\.frozen\b|\b(?:getattr|hasattr)\(\s*sys\s*,\s*["']frozen["']/;

/**
 * The file also looks a console script's name up on PATH (`shutil.which("uvicorn")`, or a helper of the
 * file that does, `check_command("uvicorn", …)` with `def check_command(command, …):` calling
 * `shutil.which(command)`): a fix that changes only the launch would run one tool after checking
 * another, or stop at the check where the launch alone would now work (SuperAGI's run_gui.py), or
 * bypass the command the file resolves for it elsewhere (pylsp-mypy's `get_cmd(settings, "dmypy")`,
 * a configured command or PATH's). The finding stands; the fix is the author's to make for both.
 */
function looksUpOnPath(text: string, name: string): boolean {
  if (!/\b(?:which|find_executable)\(/.test(text)) return false;
  const quoted = `['"]${escapeRegExp(name)}['"]`;
  if (new RegExp(`\\b(?:which|find_executable)\\(\\s*${quoted}`).test(text)) return true;
  for (const m of text.matchAll(/^([ \t]*)def\s+(\w+)\s*\(([^)]*)\)[^\n]*:[^\n]*\n((?:\1[ \t]+[^\n]*\n|[ \t]*\n)*)/gm)) {
    const [, , fn, params, body] = m;
    const names = [...params.matchAll(/(?:^|,)\s*\**(\w+)/g)].map((p) => p[1]).filter((p) => p !== 'self');
    if (!names.length || !new RegExp(`\\b(?:which|find_executable)\\(\\s*(?:${names.join('|')})\\b`).test(body)) continue;
    if (new RegExp(`\\b${fn}\\([^()]*${quoted}`).test(text)) return true;
  }
  return false;
}
const lookedUp = new WeakMap<PythonModule, Map<string, boolean>>();

/**
 * Whether the file writes `name` as a string literal of its own outside `span`, other than as the
 * program of another launch (which gets its own fix: pymor's `['gmsh', '--version']` probe, then
 * `cmd = ['gmsh', geo_file, …]`).
 */
function nameWrittenAgain(text: string, name: string, span: { start: number; end: number }, programs: ReadonlySet<number> | undefined): boolean {
  const re = new RegExp(`(["'])${escapeRegExp(name)}\\1`, 'g');
  for (const m of text.matchAll(re)) if ((m.index < span.start || m.index >= span.end) && !programs?.has(m.index + 1)) return true;
  return false;
}

/**
 * A marimo notebook (`import marimo` and `@app.cell` functions): marimo runs each cell's body in
 * its own namespace, where an import the fix adds at the file's top is not defined, and such files
 * are often generated from a notebook (dlt's course notebooks: the fixes were reviewed wrong).
 */
const MARIMO = /^import marimo\b|^\s*@app\.cell\b/m;
/**
 * The file drives click's shell completion (`_CHIA_COMPLETE=bash_source chia`): click names that
 * variable after the program it was started as, and `python -m chia` is another name, so a `-m`
 * fix turns the completion script into the help text (chia's and molecule's, reviewed wrong). The
 * rule then offers the copy beside sys.executable, which keeps the program's name.
 */
const CLICK_COMPLETION = /\b_[A-Z][A-Z0-9_]*_COMPLETE\b/;

/** What the whole text of a file says that stops every fix of it, or a `-m` fix (above). */
type FileFact = 'frozen' | 'marimo' | 'click-completion';
/**
 * Whether the file may run frozen, is a marimo notebook, or drives click's completion: each read
 * once per file (a search of the whole text for each of a file's fixes made n launches cost n²).
 */
const fileFacts = new WeakMap<PythonModule, Map<FileFact, boolean>>();
function fileSays(mod: PythonModule, what: FileFact): boolean {
  let m = fileFacts.get(mod);
  if (!m) fileFacts.set(mod, (m = new Map()));
  let v = m.get(what);
  if (v === undefined) {
    const text = mod.file.text;
    v = what === 'frozen' ? FROZEN.test(text) : what === 'marimo' ? MARIMO.test(text) && /\bmarimo\b/.test(text.slice(0, 4096)) : CLICK_COMPLETION.test(text);
    m.set(what, v);
  }
  return v;
}

/** Contexts where `a + b + c` can replace a string literal without changing precedence. */
const SAFE_PARENTS = new Set(['argument_list', 'list', 'tuple', 'keyword_argument', 'assignment', 'expression_list', 'parenthesized_expression', 'return_statement', 'pair']);

export class PythonRewriter implements ProgramRewriter {
  constructor(
    private readonly mod: PythonModule,
    private readonly site: LaunchSite,
    private readonly call: Node,
    private readonly opts: {
      /** The program is one of several positional arguments that form argv (`f("pip", "install")`). */
      varargs?: boolean;
      /**
       * os.exec…, os.spawn…, os.posix_spawn…: the argv[0] argument apart from the program (null when
       * it is not a plain string literal). An interpreter finds itself, and so its venv, from its
       * argv[0]: run as `pip` it looks `pip` up on PATH and loses the venv, so both are rewritten.
       */
      argv0?: Node | null;
    } = {},
  ) {}

  rewrite(target: RewriteTarget): Rewrite | undefined {
    if (target.kind === 'persist-venv') return undefined; // configuration files only
    if (fileSays(this.mod, 'frozen')) return undefined;
    if (fileSays(this.mod, 'marimo')) return undefined;
    if (target.kind === 'interpreter' && target.module && target.module !== 'pip' && fileSays(this.mod, 'click-completion')) return undefined;
    const program = this.site.argv[0];
    if (!program || program.fragments.length !== 1) return undefined;
    const frag = program.fragments[0];
    if (frag.kind !== 'text' || !frag.offsets || frag.offsets.length === 0) return undefined;
    const offs = frag.offsets;
    // A shell string's program is its whole shell word, quotes included (`"pip"`, `'p'ython`);
    // otherwise its characters must be one contiguous, verbatim run of source.
    const word = this.site.viaShell ? shellWordSpan(this.mod.file.text, program) : undefined;
    if (this.site.viaShell && !word) return undefined;
    if (!word) for (let i = 1; i < offs.length; i++) if (offs[i] !== offs[0] + i) return undefined;
    const start = word ? word.start : offs[0];
    const end = word ? word.end : start + offs.length;
    if (!word && this.mod.file.text.slice(start, end) !== frag.text) return undefined;
    const lit = this.literalAround(start, end);
    if (!lit || /[bB]/.test(lit.prefix)) return undefined;
    // (A console script only: a `which("pip")` asks whether some pip exists, and the running
    // interpreter's `-m pip` is still the one meant.)
    const name = word ? this.mod.file.text.slice(word.start, word.end).replace(/['"]/g, '') : frag.text;
    const pythonOrPip = /^(?:python|pip)[\d.]*(?:\.exe)?$/i.test(name);
    if (!pythonOrPip && this.checkedOnPath(name)) return undefined;
    // A version probe of a tool whose name the file also writes elsewhere (RIDE's get_command:
    // `call(["robot", "--version"])`, then `return "robot"`, the command its runs use): a path in
    // the probe alone would test one tool and run another.
    if (!pythonOrPip && this.site.argv.length === 2 && /^(?:--version|-V|version)$/.test(wordText(this.site.argv[1]) ?? '') && nameWrittenAgain(this.mod.file.text, name, lit.span, this.mod.launchPrograms)) return undefined;
    const insideCall = lit.span.start >= this.call.startIndex && lit.span.end <= this.call.endIndex;
    const outsideReason = 'the name comes from a definition outside the call, which other code may also use';
    // A variable the file also compares (`if tool != "wget" and tool != "gdown": raise …`, crfm-helm's
    // downloader): a path in its place would fail the comparison, so no fix rewrites its definition.
    if (!insideCall && this.comparedVariable(lit)) return undefined;
    const imports = new Set<string>(['sys']);
    if (target.kind === 'interpreter-bin') imports.add('os');
    // The script beside the interpreter when it is there, else PATH's as before (Python 3.3+ has
    // shutil.which): a `pip --user` install or a source checkout keeps its scripts elsewhere.
    const orPath = target.kind === 'interpreter-bin' && target.orPath && !this.mod.mayRunPython2;
    if (orPath) imports.add('shutil');
    const beside = (q: string) => {
      const name = `${q}${(target as { name: string }).name}${q}`;
      return orPath ? `shutil.which(${name}, path=os.path.dirname(sys.executable)) or ${name}` : `os.path.join(os.path.dirname(sys.executable), ${name})`;
    };

    if (!this.site.viaShell) {
      if (start !== lit.contentSpan.start || end !== lit.contentSpan.end || !lit.verbatim) return undefined;
      // `"python" + v` (v "3" or ""): the literal is only the start of the name at run time;
      // `sys.executable + v` would name /venv/bin/python3.
      if (lit.parentType === 'binary_operator') return undefined;
      let text: string;
      // `a or b` needs no parentheses as a list item, an argument or a whole assigned value.
      const bare = ['list', 'tuple', 'argument_list', 'keyword_argument', 'assignment'].includes(lit.parentType ?? '');
      const exe = target.kind === 'interpreter' ? 'sys.executable' : orPath && !bare ? `(${beside(lit.quote)})` : beside(lit.quote);
      const argv0 = this.opts.argv0;
      if (argv0 !== undefined && target.kind === 'interpreter') {
        // `os.spawnlp(os.P_WAIT, "pip", "pip", "install")` → `os.spawnlp(os.P_WAIT, sys.executable,
        // sys.executable, "-m", "pip", "install")`; the list forms get the same argv[0].
        if (!argv0 || /^[a-zA-Z]*[bB]/.test(argv0.text) || argv0.startIndex < this.call.startIndex || argv0.endIndex > this.call.endIndex) return undefined;
        const q = lit.quote.length === 3 ? lit.quote[0] : lit.quote;
        const name = target.module ? `${exe}, ${q}-m${q}, ${q}${target.module}${q}` : exe;
        return {
          edits: [{ start: lit.span.start, end: lit.span.end, text: exe }, { start: argv0.startIndex, end: argv0.endIndex, text: name }, ...this.importEdits(imports)],
          applicability: insideCall ? 'safe' : 'unsafe',
          reason: insideCall ? undefined : outsideReason,
        };
      }
      if (target.kind === 'interpreter' && target.module) {
        const q = lit.quote.length === 3 ? lit.quote[0] : lit.quote;
        const seq = `${exe}, ${q}-m${q}, ${q}${target.module}${q}`;
        if (lit.parentType === 'list' || lit.parentType === 'tuple') text = seq;
        // An argument of the launch call itself: an argument of another call (`settings.get("exe",
        // "flake8")`, whose value Spyder's pylsp puts in `[exe] + args`) may be used as one word.
        else if (!this.argumentOfCall(lit)) return undefined;
        else if (lit.parentType === 'argument_list' && (this.site.api.startsWith('asyncio.') || this.opts.varargs)) text = seq;
        // The string is the whole argv only when nothing follows it in argv: a helper that builds
        // `[executable] + args` around it (kolla-ansible's `run_command("ansible-galaxy", args)`)
        // would get a list as its program.
        else if ((lit.parentType === 'argument_list' || lit.parentType === 'keyword_argument') && this.takesArgv() && this.site.argv.length === 1) text = `[${seq}]`;
        else return undefined;
      } else text = exe;
      return {
        edits: [{ start: lit.span.start, end: lit.span.end, text }, ...this.importEdits(imports)],
        applicability: insideCall ? 'safe' : 'unsafe',
        reason: insideCall ? undefined : outsideReason,
      };
    }

    // Shell string: splice the quoted interpreter path into the literal, in place of the whole
    // shell word (quotes included: `"pip"` would otherwise put the quoted path inside quotes).
    // Only where the shell reads the word at its top level: in a nested shell's script (`bash -c
    // "pip …"`) the splice would sit inside the outer shell's quotes.
    if (!word || this.site.wrappers.some((w) => / -c$/.test(w) || w === 'eval')) return undefined;
    // Inside backquotes (`echo "`python x`"`) a quoted path's own quotes are read differently.
    if (/`/.test(this.mod.file.text.slice(lit.contentSpan.start, word.start))) return undefined;
    const py2 = this.mod.python2;
    // Code that runs on Python 2 and 3 alike (its project says both): Python 2 has no shlex.quote,
    // and pipes is gone from 3.13, so no quoting serves both (apm-integration-testing's compose.py).
    if (!py2 && this.mod.mayRunPython2) return undefined;
    const quoteFn = py2 ? 'pipes.quote' : 'shlex.quote';
    imports.add(py2 ? 'pipes' : 'shlex');
    const pathIn = (q: string) => (target.kind === 'interpreter' ? 'sys.executable' : beside(q));
    // Where the code may run on Windows, os.system and shell=True run cmd.exe, which does not read
    // POSIX single quotes ('C:\…\python.exe' is no program there): the path is quoted for the
    // shell each platform runs, by the standard library's own quoting for each.
    const windows = this.mod.mayRunOnWindows;
    // os.system hands its string to cmd.exe as is (shell=True wraps it in one more pair of quotes):
    // cmd.exe then strips a quoted path's quotes when the command holds other quotes or the path
    // holds `(` (`C:\Program Files (x86)\…`), so no quoting is right there for every path.
    if (windows && this.site.api === 'os.system') return undefined;
    if (windows) imports.add('os').add('subprocess');
    const quoted = (q: string) => (windows ? `(subprocess.list2cmdline([${pathIn(q)}]) if os.name == ${q}nt${q} else ${quoteFn}(${pathIn(q)}))` : `${quoteFn}(${pathIn(q)})`);
    const expr = quoted('"');
    const suffix = target.kind === 'interpreter' && target.module ? ` -m ${target.module}` : '';
    if (/[fFtT]/.test(lit.prefix)) {
      if (formattingOf(this.nodeAt(lit))) return undefined; // `f'…%s' % x`: not written here
      // Before Python 3.12 an f-string's expressions cannot contain its own quote character.
      const inner = quoted(lit.quote[0] === '"' ? "'" : '"');
      return {
        edits: [{ start: word.start, end: word.end, text: `{${inner}}${suffix}` }, ...this.importEdits(imports)],
        applicability: insideCall ? 'safe' : 'unsafe',
        reason: insideCall ? undefined : outsideReason,
      };
    }
    const source = this.mod.file.text;
    const before = source.slice(lit.contentSpan.start, word.start);
    const after = suffix + source.slice(word.end, lit.contentSpan.end);
    // A piece must not end inside an escape sequence (a trailing lone backslash).
    if (/(^|[^\\])(\\\\)*\\$/.test(before)) return undefined;
    let parent = lit.parentType;
    let parentNode = this.nodeAt(lit);
    // In `"a " "python x" " b"` the piece is glued to its neighbours, which bind tighter than `+`:
    // keep a (possibly empty) string piece on each glued side, `"a " "" + q + " x" " b"`.
    let gluedBefore = false;
    let gluedAfter = false;
    if (parent === 'concatenated_string') {
      parentNode = parentNode ? parentOf(parentNode) : null;
      const parts = parentNode?.namedChildren.filter((c): c is Node => c?.type === 'string') ?? [];
      gluedBefore = parts[0]?.startIndex !== lit.span.start;
      gluedAfter = parts[parts.length - 1]?.endIndex !== lit.span.end;
      const outer = parentNode ? parentOf(parentNode) : null;
      parent = outer?.type ?? '';
    }
    const open = lit.prefix + lit.quote;
    // A string formatted afterwards reads `%` or `{` `}` in the path as its own: double them.
    const format = formattingOf(parentNode);
    const pieces: string[] = [];
    if (before || gluedBefore) pieces.push(`${open}${before}${lit.quote}`);
    pieces.push(format === '%' ? `${expr}.replace("%", "%%")` : format === '{}' ? `${expr}.replace("{", "{{").replace("}", "}}")` : expr);
    if (after || gluedAfter) pieces.push(`${open}${after}${lit.quote}`);
    let text = pieces.join(' + ');
    const applicability: Rewrite['applicability'] = insideCall ? 'safe' : 'unsafe';
    const reason = insideCall ? undefined : outsideReason;
    if (!SAFE_PARENTS.has(parent)) {
      if (lit.parentType === 'concatenated_string') return undefined;
      text = `(${text})`;
    }
    return { edits: [{ start: lit.span.start, end: lit.span.end, text }, ...this.importEdits(imports)], applicability, reason };
  }

  /** Whether the file looks this console script's name up on PATH (looksUpOnPath), read once per name and file. */
  private checkedOnPath(name: string): boolean {
    let m = lookedUp.get(this.mod);
    if (!m) lookedUp.set(this.mod, (m = new Map()));
    let v = m.get(name);
    if (v === undefined) m.set(name, (v = looksUpOnPath(this.mod.file.text, name)));
    return v;
  }

  /** Whether the literal is an argument (positional or keyword) of the launch call's own argument list. */
  private argumentOfCall(lit: LiteralRef): boolean {
    const node = this.nodeAt(lit);
    let list = node ? parentOf(node) : null;
    if (list?.type === 'keyword_argument') list = parentOf(list);
    const own = this.call.childForFieldName('arguments');
    return !!list && !!own && list.type === 'argument_list' && list.startIndex === own.startIndex && list.endIndex === own.endIndex;
  }

  /** Whether the call reads a list here as the whole argv (subprocess's args, pty.spawn), not as one program path. */
  private takesArgv(): boolean {
    return !/^(os\.|multiprocessing\.)/.test(this.site.api);
  }

  private literalAround(start: number, end: number): LiteralRef | undefined {
    return literalIndex(this.mod).around(start, end);
  }

  /** The literal is the whole value of `NAME = "…"` and the file compares NAME with `==`, `!=` or `in`. */
  private comparedVariable(lit: LiteralRef): boolean {
    const node = this.nodeAt(lit);
    const parent = node ? parentOf(node) : null;
    if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.startIndex !== node?.startIndex) return false;
    const name = parent.childForFieldName('left')?.text;
    if (!name || !/^[A-Za-z_]\w*$/.test(name)) return false;
    return new RegExp(`(?<![\\w.])${name}\\s*(?:==|!=|(?:not\\s+)?in\\s)|(?:==|!=)\\s*${name}(?![\\w(])`).test(this.mod.file.text);
  }

  private nodeAt(lit: LiteralRef): Node | null {
    // (A literal's span is never empty: it holds its quotes.)
    return descendantAt(this.mod.root, lit.span.start, lit.span.end);
  }

  private importEdits(needed: Set<string>): Edit[] {
    const missing = [...needed].filter((m) => !this.mod.moduleImports.has(m)).sort();
    if (missing.length === 0) return [];
    const nl = this.mod.file.newline;
    return missing.map((m, i) => {
      const at = importInsertionPoint(this.mod, m);
      // A new section's blank line once, after its last import (`import shlex`, `import sys`, blank).
      const last = i === missing.length - 1 || importInsertionPoint(this.mod, missing[i + 1]).offset !== at.offset;
      return { start: at.offset, end: at.offset, text: at.inline ? `import ${m}; ` : at.leadingNewline ? `${nl}import ${m}` : `import ${m}${nl}${at.section && last ? nl : ''}` };
    });
  }
}

/** How the string around `node` is formatted afterwards: `'…' % args` or `'…'.format(…)`. */
function formattingOf(node: Node | null): '%' | '{}' | undefined {
  const parent = node ? parentOf(node) : null;
  if (!node || !parent) return undefined;
  if (parent.type === 'binary_operator' && parent.childForFieldName('left')?.startIndex === node.startIndex && parent.childForFieldName('operator')?.type === '%') return '%';
  if (parent.type === 'attribute' && parent.childForFieldName('object')?.startIndex === node.startIndex && parent.childForFieldName('attribute')?.text === 'format' && parentOf(parent)?.type === 'call') return '{}';
  return undefined;
}

/**
 * After the module docstring and `from __future__` imports; within a leading run of plain
 * `import x` lines of the standard library, at `module`'s alphabetical place (as isort and Ruff's
 * `I` rules would put it: not among the third-party imports that follow, rl-baselines3-zoo's
 * benchmark.py); before a first import of another section, as a section of its own.
 */
export function importInsertionPoint(mod: PythonModule, module = ''): InsertionPoint {
  // One answer per module and name: every fix in a file asks again (8,000 launches: 8,000 walks of
  // every top-level statement).
  let known = insertionPoints.get(mod);
  if (!known) insertionPoints.set(mod, (known = new Map()));
  let at = known.get(module);
  if (!at) known.set(module, (at = findInsertionPoint(mod, module)));
  return at;
}

/** `section`: a blank line after the new import, which starts the file's imports as a section of its own. */
type InsertionPoint = { offset: number; leadingNewline: boolean; inline?: boolean; section?: boolean };
const insertionPoints = new WeakMap<PythonModule, Map<string, InsertionPoint>>();

function findInsertionPoint(mod: PythonModule, module: string): InsertionPoint {
  const stmts = mod.root.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  let i = 0;
  if (stmts[0]?.type === 'expression_statement' && stmts[0].namedChildren[0]?.type === 'string') i = 1;
  while (stmts[i]?.type === 'future_import_statement') i++;
  const atLineStart = (n: Node) => !mod.file.text.slice(mod.file.lineStart(mod.file.location(n.startIndex).line), n.startIndex).trim();
  let after: Node | undefined;
  for (let j = i; stmts[j]?.type === 'import_statement' && atLineStart(stmts[j]); j++) {
    const name = stmts[j].namedChildren[0]?.type === 'aliased_import' ? stmts[j].namedChildren[0]?.childForFieldName('name')?.text : stmts[j].namedChildren[0]?.text;
    if (!name || !isStandard(name.split('.')[0]) || name > module) break;
    // Alone on its line: the new import can go on the next line.
    if (!stmts[j + 1] || mod.file.location(stmts[j + 1].startIndex).line > mod.file.location(stmts[j].endIndex).line) after = stmts[j];
    else break;
  }
  if (after) {
    const line = mod.file.location(after.endIndex).line;
    if (line < mod.file.lineCount) return { offset: mod.file.lineStart(line + 1), leadingNewline: false };
    return { offset: mod.file.text.length, leadingNewline: !/\r?\n$/.test(mod.file.text) };
  }
  const next = stmts[i];
  if (next) {
    const lineStart = mod.file.lineStart(mod.file.location(next.startIndex).line);
    // `"""Doc."""; import os` or `from __future__ import x; import os`: a new line before this one
    // would go before (or into) the docstring or the __future__ import; insert `import m; ` inline.
    if (mod.file.text.slice(lineStart, next.startIndex).trim()) return { offset: next.startIndex, leadingNewline: false, inline: true };
    return { offset: lineStart, leadingNewline: false, section: module !== '' && isStandard(module) && startsOtherSection(next) };
  }
  const text = mod.file.text;
  const endsWithNewline = /\r?\n$/.test(text);
  return { offset: text.length, leadingNewline: !endsWithNewline && text.length > 0 };
}

/** An import of a module outside the standard library (`import numpy as np`, `from rl_zoo3 import x`, `from . import y`). */
function startsOtherSection(n: Node): boolean {
  if (n.type === 'import_statement') {
    const first = n.namedChildren[0];
    const name = first?.type === 'aliased_import' ? first.childForFieldName('name')?.text : first?.text;
    return name !== undefined && !isStandard(name.split('.')[0]);
  }
  if (n.type !== 'import_from_statement') return false;
  const from = n.childForFieldName('module_name');
  return from?.type !== 'dotted_name' || !isStandard(from.text.split('.')[0]);
}
