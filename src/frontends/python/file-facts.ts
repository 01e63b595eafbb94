/**
 * What a whole Python file says about the PATH its launches run with, beyond one call: its
 * function bodies (a launch belongs to the innermost) and where the program sets PATH for itself.
 * The judge's default policy (src/judge/policy.ts) weighs them; this module only reads the tree.
 */
import type { Node } from 'web-tree-sitter';
import type { LaunchSite, PythonFileFacts } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import { descendantAt, nearestAncestor } from './ancestry.js';
import { scanUnits } from './block-scan.js';
import { moduleFallbackRanges } from './fallbacks.js';
import { colabCondition, HOSTED } from './hosted.js';

/** A "PATH" string in a with-clause: `with patch.dict(os.environ, {"PATH": …})`, `with EnvVars({"PATH": …})`. */
const PATH_KEY = /["']PATH["']/;
/**
 * A statement that sets PATH in the program's own environment, which every later child inherits:
 * `os.environ["PATH"] = …`, `os.environ.update({"PATH": …})` / `update(PATH=…)`,
 * `os.environ.setdefault("PATH", …)`, `os.putenv("PATH", …)`, `monkeypatch.setenv("PATH", …)`.
 */
export const SETS_PATH =
  /\benviron\s*\[\s*["']PATH["']\s*\]\s*(?:\+|)=|\benviron\.update\s*\([^]*?(?:["']PATH["']|\bPATH\s*=)|\benviron\.setdefault\s*\(\s*["']PATH["']|\bputenv\s*\(\s*["']PATH["']|\.setenv\s*\(\s*["']PATH["']/;

/**
 * A venv's `activate_this.py` run in the program's own process (`exec(open(activate_this).read(),
 * …)`, `execfile(…)`, `runpy.run_path(…)`): it puts the venv's bin first on the process's PATH, for
 * every child after it, wherever in the file (aws-elastic-beanstalk-cli-setup's installer activates
 * in one function and runs `pip` in the next).
 */
const RUNS_ACTIVATE_THIS = /\b(?:exec|execfile|run_path)\s*\([^]*\bactivate_this/;

/**
 * A dictionary given a PATH entry (`env_vars["PATH"] = …`, `env_vars = {"PATH": …}`,
 * `env_vars = dict(os.environ, PATH=…)`, `env_vars.update(PATH=…)`): its name, which a later
 * `with EnvVars(env_vars):` in the same function hands to the environment.
 */
const PATH_DICT = /^([A-Za-z_]\w*)\s*(?:\[\s*["']PATH["']\s*\]\s*\+?=|=\s*(?:\{[^]*["']PATH["']\s*:|dict\s*\([^]*\bPATH\s*=)|\.update\s*\([^]*(?:["']PATH["']|\bPATH\s*=))/;

/** A statement that leaves its block: `raise`, `return`, `sys.exit(…)`, `exit()`, `quit()`. */
function leaves(stmt: Node | null | undefined): boolean {
  if (!stmt) return false;
  if (stmt.type === 'raise_statement' || stmt.type === 'return_statement') return true;
  return stmt.type === 'expression_statement' && /^(?:sys\.exit|exit|quit|os\._exit)\s*\(/.test(stmt.text);
}

/**
 * The code an `if` lets run only when its condition holds (`holds`: the body) or only when it
 * fails (`fails`: the `else:` of an `if` with no `elif`, or, after a body that leaves — `raise`,
 * `return`, `sys.exit()` — with no other branch, the rest of the enclosing block). Shared by the
 * Colab and activation guards.
 */
function guardedRanges(node: Node, when: 'holds' | 'fails'): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const body = node.childForFieldName('consequence');
  if (when === 'holds') {
    if (body) out.push({ from: body.startIndex, to: body.endIndex });
    return out;
  }
  const alternatives = node.childrenForFieldName('alternative').filter((c): c is Node => !!c);
  // `if not IN_COLAB:` … `else:` (no elif): the else body.
  if (alternatives.length === 1 && alternatives[0].type === 'else_clause') {
    const other = alternatives[0].childForFieldName('body');
    if (other) out.push({ from: other.startIndex, to: other.endIndex });
  }
  // `if not in_colab(): raise …` with no other branch: the rest of the enclosing block.
  const stmts = body?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') ?? [];
  // (Within a block only: at module level the statements after it may not be parsed at all, see blocks.ts.)
  if (alternatives.length === 0 && leaves(stmts[stmts.length - 1]) && node.parent?.type === 'block') out.push({ from: node.endIndex, to: node.parent.endIndex });
  return out;
}

/** The code ranges of an `if` that run only in Colab (see PythonFileFacts.colabOnly). */
function colabRanges(node: Node, out: { from: number; to: number }[]): void {
  const test = colabCondition(node.childForFieldName('condition')?.text ?? '');
  if (test) out.push(...guardedRanges(node, test === 'colab' ? 'holds' : 'fails'));
}

const STATEMENT_HOLDERS = new Set(['module', 'block', 'function_definition', 'class_definition', 'decorated_definition', 'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'finally_clause', 'with_statement', 'match_statement', 'case_clause']);

/**
 * The facts of a file, read from its tree on first use: only the default policy asks, and only for
 * a launch of a Python tool found on PATH, which most files (of those analysed at all) do not
 * have. The tree must still be alive then: the facts are used while the file is diagnosed.
 */
export function pythonFileFacts(root: Node, sites: readonly LaunchSite[], text: string, file: SourceFile): PythonFileFacts {
  return new TreeFacts(root, sites, text, file);
}

/** How much of a file's start is read for what its opening says (declaredVenv). */
const OPENING_CHARS = 8192;

/**
 * A sentence that says the program runs inside an (activated) virtualenv: "This script assumes
 * you're running in a virtualenv" (aws-cli's scripts/ci/install-benchmark), "must be run from the
 * project's venv", "run this inside an activated virtual environment". A run verb is required:
 * "installs into a venv" or "creates a virtualenv" say nothing of where it runs.
 */
const DECLARES_VENV =
  /\b(?:assum(?:es?|ing)|expects?|requires?|must|should|needs?\s+to|(?:meant|intended|designed|supposed)\s+to)\b(?:\s+[\w'\u2019]+){0,4}?\s+(?:run|running|be\s+run|executed|invoked|launched|started)\s+(?:in(?:side)?|within|from|under)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:virtualenv|virtual\s+env(?:ironment)?|venv)\b|\brun\s+(?:this|it|me)(?:\s+script)?\s+(?:in(?:side)?|within|from)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:virtualenv|virtual\s+env(?:ironment)?|venv)\b/i;

/**
 * Where a file's opening — its leading comments and its module docstring, nothing after the first
 * statement — says it runs inside a venv (DECLARES_VENV), unless the sentence denies it ("does not
 * need to be run in a virtualenv"): the author states the PATH its launches need.
 */
export function declaredVenv(file: SourceFile): { line: number } | undefined {
  const source = openingOf(file);
  const found = DECLARES_VENV.exec(source);
  // A negation in the sentence or just before it ("does not need to be run in a venv").
  if (!found || negated(source, found)) return undefined;
  return { line: file.location(found.index).line };
}

/**
 * A sentence that says programs are found on PATH: "This assumes a working ansible version in the
 * path" (ansible's hacking/tests/gen_distribution_version_testcase.py), "requires git and tox on
 * your PATH", "expects pytest to be in $PATH". What it names is held against the launch's name.
 */
const DECLARES_ON_PATH = /\b(?:assum(?:es?|ing)|requires?|expects?|needs?)\b([^.!?;]{1,100}?)\b(?:in|on)\s+(?:the\s+|your\s+|\$)?(?:PATH|path)\b(?!\s+(?:to|of)\b)/i;

/** Where the file's opening says programs are on PATH, and the words it names (DECLARES_ON_PATH). */
export function declaredOnPath(file: SourceFile): { line: number; words: string[] } | undefined {
  const source = openingOf(file);
  const found = DECLARES_ON_PATH.exec(source);
  if (!found || negated(source, found)) return undefined;
  return { line: file.location(found.index).line, words: found[1].split(/[^\w.+-]+/).filter(Boolean) };
}

const negated = (source: string, found: RegExpExecArray) => /\b(?:not|never|no)\b|n['\u2019]t\b/i.test(source.slice(Math.max(0, found.index - 16), found.index + found[0].length));

/** A file's opening: its leading comments and its module docstring, nothing after the first statement. */
function openingOf(file: SourceFile): string {
  return openingOfText(file.text);
}

/** The opening of a Python source text (see openingOf): a prefix of it, so its line numbers are the text's. */
export function openingOfText(text: string): string {
  const source = text.slice(0, OPENING_CHARS);
  let end = 0;
  const line = /[^\n]*\n?/y;
  for (;;) {
    line.lastIndex = end;
    const m = line.exec(source);
    if (!m || !m[0]) break;
    const t = m[0].trim();
    if (t === '' || t.startsWith('#')) {
      end += m[0].length;
      continue;
    }
    const q = /^[rRuU]?("""|''')/.exec(t);
    if (q) {
      const open = source.indexOf(q[1], end);
      const close = source.indexOf(q[1], open + 3);
      end = close < 0 ? source.length : close + 3;
    }
    break;
  }
  return source.slice(0, end);
}

type Walked = Pick<PythonFileFacts, 'functions' | 'pathSets' | 'colabOnly' | 'lookedUp' | 'sudoInstalls' | 'activatedOnly' | 'mocked' | 'venvAbsent' | 'executableTested' | 'moduleFallbacks'>;

class TreeFacts implements PythonFileFacts {
  #walked?: Walked;
  #root?: Node;
  #text: string;
  readonly #file: SourceFile;
  taskRunner?: PythonFileFacts['taskRunner'];
  hostApp?: string;
  python2Only?: number;
  condaWorkflow?: { file: string; line: number };
  startedBy?: PythonFileFacts['startedBy'];
  #declared?: { value: { line: number } | undefined };

  constructor(
    root: Node,
    readonly sites: readonly LaunchSite[],
    text: string,
    file: SourceFile,
  ) {
    this.#root = root;
    this.#text = text;
    this.#file = file;
  }

  get declaredVenv() {
    this.#declared ??= { value: declaredVenv(this.#file) };
    return this.#declared.value;
  }
  #onPath?: { value: { line: number; words: string[] } | undefined };
  get declaredOnPath() {
    this.#onPath ??= { value: declaredOnPath(this.#file) };
    return this.#onPath.value;
  }

  #walk(): Walked {
    if (!this.#walked) {
      this.#plain ??= isPlain(this.#text);
      this.#walked = walkFacts(this.#root!, this.#text, this.#file);
      this.#root = undefined;
      this.#text = '';
    }
    return this.#walked;
  }
  /** Neither PATH nor Colab nor a look-up in the text (most files): those facts are empty without a walk. */
  #plain?: boolean;
  #isPlain(): boolean {
    return (this.#plain ??= isPlain(this.#text));
  }
  get functions() {
    return this.#walk().functions;
  }
  get pathSets() {
    return this.#isPlain() ? [] : this.#walk().pathSets;
  }
  get colabOnly() {
    return this.#isPlain() ? undefined : this.#walk().colabOnly;
  }
  get lookedUp() {
    return this.#isPlain() ? undefined : this.#walk().lookedUp;
  }
  get mocked() {
    return this.#isPlain() ? undefined : this.#walk().mocked;
  }
  get activatedOnly() {
    return this.#isPlain() ? undefined : this.#walk().activatedOnly;
  }
  get sudoInstalls() {
    return this.#walk().sudoInstalls;
  }
  get moduleFallbacks() {
    return this.#walk().moduleFallbacks;
  }

  get venvAbsent() {
    return this.#walk().venvAbsent;
  }

  get executableTested() {
    return this.#walk().executableTested;
  }
}

/** Whether a text can have no PATH set, Colab test, tool look-up or module fallback (walkTree's, lookedUpNames's and moduleFallbackRanges's own tests). */
function isPlain(text: string): boolean {
  return !text.includes('PATH') && !text.includes('activate_this') && !HOSTED.test(text) && !/which|find_executable/.test(text) && !ACTIVATION_VAR.test(text) && !text.includes('patch') && !/sys\.executable\s*,\s*["']-m/.test(text);
}

/**
 * `text`: the text parsed. Every PATH fact needs "PATH" (or "activate_this") in it and every Colab or Kaggle test "colab" or "kaggle": a file
 * with neither (most) has only its functions listed, by one search of the tree instead of a walk.
 */
function walkFacts(root: Node, text: string, file: SourceFile): Walked {
  const lookedUp = lookedUpNames(root, text, file);
  const sudoInstalls = sudoInstallScopes(file.text, file); // the whole text: the parsed one may leave members out
  const walked: Walked = walkTree(root, text, file);
  const absent = venvAbsentRanges(root, text, file);
  if (absent.length) walked.venvAbsent = absent;
  const tested = executableTestRanges(root, text, file);
  if (tested.length) walked.executableTested = tested;
  const fallbacks = moduleFallbackRanges(root, text, file);
  if (fallbacks.length) walked.moduleFallbacks = fallbacks;
  if (lookedUp.size) walked.lookedUp = lookedUp;
  if (sudoInstalls.length) walked.sudoInstalls = sudoInstalls;
  return walked;
}

/** pip's install through sudo, as a string of code writes it: `sudo pip install`, `sudo -H pip3 install`, `sudo python3 -m pip install`. */
const SUDO_PIP_INSTALL = /\bsudo\s+(?:-[A-Za-z]+\s+|-u\s+\S+\s+)*(?:pip[\d.]*|python[\d.]*\s+-m\s+pip)\s+install\b/g;

/**
 * See PythonFileFacts.sudoInstalls: each string's class (or the whole file), once per class. Read
 * from the text with the block scanner, not the tree: the parse leaves out class members that take
 * no part in a launch (blocks.ts), and the install commands are usually such a member.
 */
function sudoInstallScopes(text: string, file: SourceFile): { from: number; to: number; line: number }[] {
  const out: { from: number; to: number; line: number }[] = [];
  if (!text.includes('sudo')) return out;
  let scan: ReturnType<typeof scanUnits> | null = null;
  SUDO_PIP_INSTALL.lastIndex = 0;
  // A few are enough to name every class that installs (and keep a hostile file's look-ups few).
  let seen = 0;
  for (let m = SUDO_PIP_INSTALL.exec(text); m && seen++ < 64; m = SUDO_PIP_INSTALL.exec(text)) {
    scan ??= scanUnits(text) ?? null;
    // In a string of the code: blanked by the scan (strings and comments are), and no comment before it on its line.
    if (scan && scan.code[m.index] !== ' ') continue;
    if (commentBefore(text, m.index)) continue;
    const cls = scan?.units.find((u) => u.kind === 'class' && u.start <= m!.index && m!.index < u.end);
    const scope = cls ? { from: cls.start, to: cls.end } : { from: 0, to: text.length };
    if (!out.some((o) => o.from === scope.from && o.to === scope.to)) out.push({ ...scope, line: file.location(m.index).line });
  }
  return out;
}

/** A test of whether a venv's folder is there: `VENV_DIR.exists()`, `os.path.isdir(venv)`, `Path(".venv").is_dir()`. */
const VENV_TEST = /(?:\.(?:exists|is_dir)|\bos\.path\.(?:exists|isdir))\s*\(/;

/**
 * Each `if` of the text (statement or conditional expression) with its condition, the first `max`
 * of them: found from the keyword's place in the text, not by a walk of the tree.
 */
function* ifConditions(root: Node, text: string, max = 256): Generator<{ holder: Node; cond: Node }> {
  const re = /\bif\b/g;
  let seen = 0;
  for (let m = re.exec(text); m && seen < max; m = re.exec(text)) {
    const holder = descendantAt(root, m.index, m.index + 2)?.parent;
    if (!holder || (holder.type !== 'if_statement' && holder.type !== 'conditional_expression')) continue;
    seen++;
    const cond = holder.type === 'if_statement' ? holder.childForFieldName('condition') : holder.namedChildren[1];
    if (cond) yield { holder, cond };
  }
}

/**
 * See PythonFileFacts.venvAbsent. Only a test that is the whole condition (or its `not`) counts:
 * with `and`/`or` the other branch may run with the venv there too.
 */
function venvAbsentRanges(root: Node, text: string, file: SourceFile): { from: number; to: number; line: number }[] {
  const out: { from: number; to: number; line: number }[] = [];
  if (!/venv/i.test(text) || !/exists|is_dir|isdir/.test(text)) return out;
  for (const { holder, cond } of ifConditions(root, text)) {
    const negated = cond.type === 'not_operator';
    const test = negated ? cond.namedChildren[0] : cond;
    if (test?.type !== 'call' || !/venv/i.test(test.text) || !VENV_TEST.test(test.text)) continue;
    const line = file.location(cond.startIndex).line;
    if (holder.type === 'conditional_expression') {
      const branch = holder.namedChildren[negated ? 0 : 2];
      if (branch) out.push({ from: branch.startIndex, to: branch.endIndex, line });
      continue;
    }
    if (negated) {
      const body = holder.childForFieldName('consequence');
      if (body) out.push({ from: body.startIndex, to: body.endIndex, line });
      continue;
    }
    // Every `elif` and `else` after the test runs only when the venv is not there.
    const alt = holder.namedChildren.find((c) => c?.type === 'elif_clause' || c?.type === 'else_clause');
    if (alt) out.push({ from: alt.startIndex, to: holder.endIndex, line });
  }
  return out;
}

/** A test of whether the program runs frozen (PyInstaller, cx_Freeze, py2exe): its sys.executable is then the program itself. */
const FROZEN_TEST = /\b(?:getattr|hasattr)\(\s*sys\s*,\s*["'](?:frozen|_MEIPASS)["']|\bsys\.(?:frozen|_MEIPASS)\b/;

/**
 * See PythonFileFacts.executableTested: every `if` (statement or conditional expression, all its
 * branches) whose condition tests the frozen state or names `sys.executable`, or a name the file
 * binds to it alone (`python_cmd = sys.executable`, then `if
 * os.path.basename(python_cmd).startswith('mbed'): python_cmd = 'python'`, mbed-cli).
 */
function executableTestRanges(root: Node, text: string, file: SourceFile): { from: number; to: number; line: number }[] {
  const out: { from: number; to: number; line: number }[] = [];
  if (!text.includes('sys.executable') && !FROZEN_TEST.test(text)) return out;
  const aliases = [...text.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*sys\.executable[ \t]*(?:#.*)?$/gm)].map((m) => m[1]);
  const names = new RegExp(`\\bsys\\.executable\\b${aliases.length ? `|(?<![\\w.])(?:${[...new Set(aliases)].join('|')})\\b` : ''}`);
  for (const { holder, cond } of ifConditions(root, text)) {
    if (!(FROZEN_TEST.test(cond.text) || names.test(cond.text))) continue;
    out.push({ from: holder.startIndex, to: holder.endIndex, line: file.location(cond.startIndex).line });
  }
  return out;
}

/** Whether a `#` outside quotes starts a comment on `at`'s line before it. */
function commentBefore(text: string, at: number): boolean {
  let quote = '';
  for (let i = text.lastIndexOf('\n', at - 1) + 1; i < at; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return true;
  }
  return false;
}

/**
 * `shutil.which("tensorboard")` (or `find_executable`) with a literal name at the module's top
 * level, outside any function or class (it runs on import: the file's own view of the tool; a
 * look-up inside a function is that function's flow, which the judge's which-guards read): the
 * names, each with the line of its first look-up.
 */
const LOOKUP_HOLDERS: ReadonlySet<string> = new Set(['function_definition', 'class_definition', 'lambda', 'string', 'comment']);

function lookedUpNames(root: Node, text: string, file: SourceFile): Map<string, number> {
  const out = new Map<string, number>();
  if (!/which|find_executable/.test(text)) return out;
  const re = /(?<![\w.])(?:shutil\.)?(?:which|find_executable)\s*\(\s*[rRuU]?(["'])([\w.+-]+)\1/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (out.has(m[2])) continue;
    const n = descendantAt(root, m.index, m.index + 1);
    if (n && (LOOKUP_HOLDERS.has(n.type) || nearestAncestor(n, LOOKUP_HOLDERS))) continue; // inside a function, a class or a string
    out.set(m[2], file.location(m.index).line);
  }
  return out;
}

function walkTree(root: Node, text: string, file: SourceFile): Walked {
  const paths = text.includes('PATH') || text.includes('activate_this');
  const colab = HOSTED.test(text);
  const activation = ACTIVATION_VAR.test(text);
  const mocks = text.includes('patch') && MOCKS_LAUNCH.test(text);
  if (!paths && !colab && !activation && !mocks) return { functions: functionsIn(root), pathSets: [] };
  const mocked: { from: number; to: number }[] = [];
  const activatedOnly: { from: number; to: number; line: number }[] = [];
  const flags = activation ? activationNames(text) : new Set<string>();
  const functions: Span[] = [];
  const pathSets: { from: number; to: number; span: Span }[] = [];
  const colabOnly: { from: number; to: number }[] = [];
  // Iterative walk: deep trees must not overflow the stack.
  const pathDicts: { name: string; fnEnd: number }[] = [];
  // Preorder, in source order: a dictionary is filled before the with-statement that uses it.
  // `classEnd`: the end of the class whose body (or a decorated definition in it) this node is.
  const stack: { node: Node; fnEnd: number; classEnd?: number }[] = [{ node: root, fnEnd: root.endIndex }];
  while (stack.length) {
    const { node, fnEnd, classEnd } = stack.pop()!;
    let end = fnEnd;
    let inClass: number | undefined;
    if (mocks) mockedRanges(node, fnEnd, mocked);
    if (node.type === 'class_definition') inClass = node.endIndex;
    else if ((node.type === 'block' || node.type === 'decorated_definition') && classEnd !== undefined) inClass = classEnd;
    if (node.type === 'function_definition') {
      functions.push({ start: node.startIndex, end: node.endIndex });
      // PATH set in `__init__` holds for the rest of its class: the object's methods run after it.
      end = classEnd !== undefined && node.childForFieldName('name')?.text === '__init__' ? classEnd : node.endIndex;
    } else if (!paths) {
      if (node.type === 'if_statement') colabRanges(node, colabOnly);
      if (activation && node.type === 'if_statement') activationRanges(node, flags, activatedOnly, file);
    } else if (node.type === 'with_statement') {
      const clause = node.children.find((c) => c?.type === 'with_clause');
      const body = node.childForFieldName('body');
      const named = (t: string) => pathDicts.some((d) => d.fnEnd === fnEnd && new RegExp(`\\b${d.name}\\b`).test(t));
      if (clause && body && (PATH_KEY.test(clause.text) || named(clause.text))) pathSets.push({ from: body.startIndex, to: body.endIndex, span: { start: clause.startIndex, end: clause.endIndex } });
    } else if (node.type === 'expression_statement' && RUNS_ACTIVATE_THIS.test(node.text)) {
      pathSets.push({ from: 0, to: root.endIndex, span: { start: node.startIndex, end: node.endIndex } });
      continue;
    } else if (node.type === 'expression_statement' && SETS_PATH.test(node.text)) {
      // From the statement on, to the end of its function (or of the module).
      pathSets.push({ from: node.endIndex, to: fnEnd, span: { start: node.startIndex, end: node.endIndex } });
      continue;
    } else if (node.type === 'expression_statement') {
      const m = PATH_DICT.exec(node.text);
      if (m) pathDicts.push({ name: m[1], fnEnd });
    } else if (node.type === 'if_statement') {
      if (colab) colabRanges(node, colabOnly);
      if (activation) activationRanges(node, flags, activatedOnly, file);
    }
    // Statements only: functions, with-statements and PATH assignments are never inside an expression.
    if (!STATEMENT_HOLDERS.has(node.type)) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c && c.endIndex - c.startIndex > 0) stack.push({ node: c, fnEnd: end, classEnd: inClass });
    }
  }
  const out: Walked = { functions, pathSets };
  if (colabOnly.length) out.colabOnly = colabOnly;
  if (activatedOnly.length) out.activatedOnly = activatedOnly;
  if (mocked.length) out.mocked = mocked;
  return out;
}

/** A launch API named as a mock's target: `"subprocess.run"`, `"pkg.mod.subprocess.check_call"`, `"os.system"`, or `(subprocess, "run")`. */
const LAUNCH_TARGET = String.raw`(?:["'](?:[\w.]+\.)?(?:subprocess\.\w+|os\.(?:system|popen|exec\w*|spawn\w*|posix_spawnp?)|asyncio\.create_subprocess_\w+)["']|(?:subprocess|os|asyncio)\s*,\s*["']\w+["'])`;
const MOCKS_LAUNCH = new RegExp(String.raw`\b(?:patch(?:\.object)?|setattr)\s*\(\s*` + LAUNCH_TARGET);
/** A with-clause or decorator that replaces one: `patch("subprocess.check_call", …)`, `mock.patch.object(subprocess, "run")`. */
const PATCH_CALL = new RegExp(String.raw`\bpatch(?:\.object)?\s*\(\s*` + LAUNCH_TARGET);
/**
 * A statement that does, for the rest of its function: `monkeypatch.setattr(subprocess, "run",
 * fake)`, `mocker.patch("subprocess.run")`, also assigned (`run = mocker.patch(…)`), and a patcher
 * made with `patch(…)` (counted from where it is made, not from its `start()`).
 */
const PATCH_STATEMENT = new RegExp(String.raw`^(?:[A-Za-z_]\w*\s*=\s*)?(?:monkeypatch\.setattr|mocker\.patch(?:\.object)?|(?:mock\.|unittest\.mock\.)?patch(?:\.object)?)\s*\(\s*` + LAUNCH_TARGET);

/**
 * Where the code replaces a launch API with a mock (PythonFileFacts.mocked): the body of `with
 * patch("subprocess.check_call", …):`, of a function decorated with such a patch, and the rest of
 * a function after `monkeypatch.setattr(subprocess, "run", …)` or `mocker.patch("subprocess.run")`.
 */
function mockedRanges(node: Node, fnEnd: number, out: { from: number; to: number }[]): void {
  if (node.type === 'with_statement') {
    const clause = node.children.find((c) => c?.type === 'with_clause');
    const body = node.childForFieldName('body');
    if (clause && body && PATCH_CALL.test(clause.text)) out.push({ from: body.startIndex, to: body.endIndex });
  } else if (node.type === 'function_definition' && node.parent?.type === 'decorated_definition') {
    const body = node.childForFieldName('body');
    const decorators = node.parent.children.filter((c) => c?.type === 'decorator');
    if (body && decorators.some((d) => PATCH_CALL.test(d!.text))) out.push({ from: body.startIndex, to: body.endIndex });
  } else if (node.type === 'expression_statement' && PATCH_STATEMENT.test(node.text)) out.push({ from: node.endIndex, to: fnEnd });
}

/** The variables an activated environment sets: `VIRTUAL_ENV` (venv's activate, uv, poetry shell) and conda's. */
const ACTIVATION_VAR = /\b(?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)\b/;
/** A test of one of them in the program's environment: `"VIRTUAL_ENV" in os.environ`, `os.environ.get("CONDA_PREFIX")`, `os.getenv(…)`, `os.environ[…]`. */
const ACTIVATION_TEST = /^(?:["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["']\s+in\s+os\.environ|os\.(?:environ\.get|getenv)\s*\(\s*["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["']\s*\)|os\.environ\s*\[\s*["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["']\s*\])$/;

/** Names bound to such a test (`has_conda = "CONDA_PREFIX" in os.environ`). */
function activationNames(text: string): Set<string> {
  const out = new Set<string>();
  // Only lines that name one of the variables; the value is trimmed in code (no backtracking regex over a long line).
  const re = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([^\n]*)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!ACTIVATION_VAR.test(m[2])) continue;
    const value = m[2].trim().replace(/^bool\s*\((.*)\)$/, '$1').trim();
    if (ACTIVATION_TEST.test(value)) out.add(m[1]);
  }
  return out;
}

/** One part of a condition: 'on' when it holds only in an activated environment, 'off' only outside one. */
function activationAtom(part: string, names: ReadonlySet<string>): 'on' | 'off' | undefined {
  let t = part.trim().replace(/^\((.*)\)$/, '$1').trim();
  let negated = false;
  const not = /^not\s+(.*)$/.exec(t);
  if (not) {
    negated = true;
    t = not[1].trim().replace(/^\((.*)\)$/, '$1').trim();
  }
  const notIn = /^(["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["'])\s+not\s+in\s+(os\.environ)$/.exec(t);
  if (notIn) return negated ? 'on' : 'off';
  const none = /^(.*?)\s+is\s+(not\s+)?None$/.exec(t);
  if (none) {
    if (!none[2]) negated = !negated;
    t = none[1].trim();
  }
  if (!ACTIVATION_TEST.test(t) && !names.has(t)) return undefined;
  return negated ? 'off' : 'on';
}

/**
 * The code an `if` lets run only in an activated environment (PythonFileFacts.activatedOnly): the
 * body of `if "VIRTUAL_ENV" in os.environ:`, the `else:` of `if not …:`, and the rest of the block
 * after `if not has_conda: sys.exit(…)` (facefusion's installer). A conjunction counts by its
 * activation part (`if not args.skip_conda and not has_conda: exit`: the other parts are the
 * user's explicit way out); a disjunction does not.
 */
function activationRanges(node: Node, names: ReadonlySet<string>, out: { from: number; to: number; line: number }[], file: SourceFile): void {
  const condition = (node.childForFieldName('condition')?.text ?? '').replace(/\s+/g, ' ').trim();
  if (/\bor\b/.test(condition)) return;
  const parts = condition.split(/\band\b/).map((p) => activationAtom(p, names));
  const test = parts.includes('on') ? 'on' : parts.includes('off') ? 'off' : undefined;
  if (!test) return;
  // Exactly one negated part, so that its failing leaves only the activated case.
  if (test === 'off' && parts.filter((p) => p === 'off').length !== 1) return;
  const line = file.location(node.startIndex).line;
  for (const r of guardedRanges(node, test === 'on' ? 'holds' : 'fails')) out.push({ ...r, line });
}

/** The function definitions the walk above visits: those whose ancestors all hold statements. */
function functionsIn(root: Node): Span[] {
  const out: Span[] = [];
  for (const f of root.descendantsOfType('function_definition')) {
    if (!f) continue;
    let p = f.parent;
    while (p && p.id !== root.id && STATEMENT_HOLDERS.has(p.type)) p = p.parent;
    if (p && p.id === root.id) out.push({ start: f.startIndex, end: f.endIndex });
  }
  return out;
}
