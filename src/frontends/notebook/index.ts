/**
 * The Jupyter notebook front end (`.ipynb`, nbformat 4, and nbformat 3's worksheets). A notebook's code runs in its kernel, a
 * Python process that Jupyter starts by the interpreter's full path (the kernelspec's argv) with
 * the PATH the Jupyter server had: the kernel's environment is on that PATH only when the server
 * was started from it activated. So a notebook is judged as Python code started from a venv:
 * - its shell escapes (`!cmd`, `!!cmd`, `x = !cmd`, `%system`, `%sx`, `%%bash`/`%%sh`/`%%script
 *   bash` bodies, `%%script PROGRAM`) run through the one shell model, their sites Python's;
 * - the Python code of its code cells, one module in cell order with IPython's own lines masked,
 *   runs through the Python front end, and its sites are carried back to the notebook's bytes.
 * Fixes follow the IPython docs (`%pip install …`, `!{sys.executable} -m …`; rewrite.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { EnvState, LaunchSite, PathState, PythonFileFacts } from '../../kernel/launch-site.js';
import { SourceFile, type Span } from '../../kernel/source.js';
import { suppressedCodes, type Suppressions } from '../../kernel/suppressions.js';
import { BudgetMeter } from '../../kernel/budgets.js';
import type { Fragment, Word } from '../../kernel/word.js';
import { launchSiteFor, type ExpandedCommand } from '../command/expand.js';
import { createdVenv, DEFAULT_PATH } from '../config/facts.js';
import { runExecArgv, runShellSession, type ShellSessionOptions, type ShellSessionResult } from '../shell/session.js';
import { parseShellBatch } from '../shell/parse.js';
import type { Analysis, AnalyzeOptions, FrontEnd } from '../front-end.js';
import { withPythonAnalysis, type PythonAnalysis } from '../python/index.js';
import { pythonMayMatter } from '../python/prefilter.js';
import { hasToolName } from '../../judge/python-tools.js';
import { colabBlocks, namesHostedRuntime } from '../python/hosted.js';
import { importScan } from '../python/import-lines.js';
import { cellMagic, charAt, magicLineOf, lineKind, NotebookError, readNotebook, statementStarts, type CodeCell, type Notebook } from './cells.js';
import { CellRewriter, EscapeRewriter, type ImportPlace, type ShellJob } from './rewrite.js';
import { VirtualModule } from './virtual.js';

/** A Colab form field (`#@title Install`, `x = 1 #@param {type:"integer"}`, `#@markdown …`): only Colab renders them. */
const COLAB_FORM = /#[ \t]*@(?:title|param|markdown)\b/;

interface Job extends ShellJob {
  /** The script, `{…}` expansions as fragments. */
  script: Word;
  api: string;
  callSpan: Span;
  dialect: 'bash' | 'sh';
  /** `%%script PROGRAM …`: the program's argv (run with the body on stdin), not a script. */
  argv?: Word[];
}

/** Lines of a notebook read as the kernel reads them: the Python module, the shell commands, PATH settings. */
interface Reading {
  module: VirtualModule;
  jobs: Job[];
  /** `%env PATH …` lines: where the kernel's PATH is set for the launches after them. */
  pathSets: Span[];
  /** The first plain code cell, where `import sys` goes when no better cell does; null: none. */
  importSys: ImportPlace | null;
  /** The cells that import sys. */
  sysCells: Set<CodeCell>;
  /**
   * The first cell with an import statement at its top level and no shell escape (a cell of
   * imports, which a reader runs; not one whose escape a fix gave its own `import sys`).
   */
  importCell?: ImportPlace;
}

function readCells(nb: Notebook): Reading {
  // At most every character, `pass` for an IPython line, a line break after each cell.
  let capacity = 0;
  for (const cell of nb.cells) capacity += cell.text.length + 4 * cell.lines.length + 1;
  const module = new VirtualModule(capacity);
  const jobs: Job[] = [];
  const pathSets: Span[] = [];
  let importSys: ImportPlace | null = null;
  const sysCells = new Set<CodeCell>();
  let importCell: ImportPlace | undefined;
  for (const cell of nb.cells) {
    const texts = cell.lines.map((l) => l.text);
    const at = magicLineOf(texts);
    const magic = cellMagic(texts[at] ?? '');
    const span = cellSpan(cell);
    if (magic.kind === 'other') continue;
    if (magic.kind === 'shell' || magic.kind === 'script') {
      const head = cell.lines[at];
      // The body: every line after the magic's, with its line break.
      const job: Job = { cell, form: 'cell', text: texts.slice(at + 1).join('\n'), script: cellWord(cell, head.brkEnd, cell.text.length, false), api: `%%${/^%%(\w+)/.exec(texts[at])![1]}`, callSpan: span, dialect: magic.kind === 'shell' ? magic.dialect : 'bash' };
      if (magic.kind === 'script') {
        job.argv = [];
        const re = /\S+/g;
        for (let m; (m = re.exec(texts[at].slice(magic.from))); ) {
          const from = head.from + magic.from + m.index;
          job.argv.push(cellWord(cell, from, from + m[0].length, false));
        }
        job.callSpan = { start: cell.starts[head.from], end: cell.ends[head.to - 1] };
      }
      jobs.push(job);
      continue;
    }
    if (magic.kind === 'none' && importSys === null && cell.lines[0] && cell.lines[0].to > cell.lines[0].from) importSys = { cell, at: charAt(cell, cell.lines[0].from) };
    const starts = statementStarts(texts);
    // Whether the cell imports at its top level, and runs a shell escape: a cell of imports has no escape.
    let imports = false;
    let escapes = false;
    for (let i = 0; i < cell.lines.length; i++) {
      const line = cell.lines[i];
      const kind = i === at && magic.kind === 'python-body' ? { kind: 'magic' as const } : starts[i] ? lineKind(line.text) : { kind: 'python' as const };
      if (kind.kind === 'python') {
        module.pushRange(cell, line.from, line.brkEnd);
        if (/^import\s+([\w.]+(\s+as\s+\w+)?\s*,\s*)*sys\s*(,|;|#|$)/.test(line.text)) sysCells.add(cell);
        imports ||= /^(?:import|from)[ \t]+[\w.]/.test(line.text);
        continue;
      }
      const indent = /^\s*/.exec(line.text)![0].length;
      module.pushRange(cell, line.from, line.from + indent);
      module.synth('pass', cell, line.from + indent < line.to ? charAt(cell, line.from + indent) : undefined);
      module.pushRange(cell, line.to, line.brkEnd);
      if (kind.kind === 'magic') {
        if (kind.pathSet && line.to > line.from) pathSets.push({ start: cell.starts[line.from], end: cell.ends[line.to - 1] });
        // A line magic continues onto the lines a trailing backslash joins, as an escape does
        // (Colab's `%shell tar … \` then `--directory=…`): none of them is Python.
        while (/\\$/.test(cell.lines[i].text) && i + 1 < cell.lines.length) {
          i++;
          module.pushRange(cell, cell.lines[i].to, cell.lines[i].brkEnd);
        }
        continue;
      }
      escapes = true;
      // The command, with the lines a trailing backslash continues (IPython joins them): the
      // cell's characters from the command's start to the end of its last line.
      let j = i;
      while (/\\$/.test(cell.lines[j].text) && j + 1 < cell.lines.length) {
        j++;
        module.pushRange(cell, cell.lines[j].to, cell.lines[j].brkEnd);
      }
      i = j;
      const from = line.from + kind.from;
      const to = Math.max(from, cell.lines[j].to);
      const marker = charAt(cell, line.from + kind.marker);
      const last = to > from ? charAt(cell, to - 1) : marker;
      jobs.push({
        cell,
        form: kind.form,
        marker,
        first: to > from ? charAt(cell, from) : undefined,
        text: cell.text.slice(from, to),
        script: cellWord(cell, from, to, true),
        api: kind.form === 'magic' ? '%system' : kind.form === 'capture' ? (line.text.includes('%sx') ? '%sx' : '!!') : '!',
        callSpan: { start: marker.start, end: last.end },
        dialect: 'bash',
      });
    }
    if (!importCell && imports && !escapes && magic.kind === 'none' && cell.lines[0].to > cell.lines[0].from) importCell = { cell, at: charAt(cell, cell.lines[0].from) };
    module.synth('\n', cell, undefined);
  }
  return { module, jobs, pathSets, importSys, sysCells, importCell };
}

function cellSpan(cell: CodeCell): Span {
  const first = cell.lines.find((l) => l.to > l.from);
  let last = first;
  for (const l of cell.lines) if (l.to > l.from) last = l;
  return first && last ? { start: cell.starts[first.from], end: cell.ends[last.to - 1] } : { start: cell.tokens[0] ?? 0, end: cell.tokens[1] ?? 0 };
}

/**
 * The cell's characters [from, to) as a Word, each with its place in the notebook, and with
 * `expand` IPython's expansion of a shell escape: `{expr}` is a Python expression's value
 * (`{sys.executable}` the running interpreter), `{{`/`}}` a brace; `$name` is left to the shell
 * here (a Python name IPython would put there is as unknown to us as a shell variable).
 */
function cellWord(cell: CodeCell, from: number, to: number, expand: boolean): Word {
  const fragments: Fragment[] = [];
  const src = cell.text;
  let text = '';
  let runFrom = from;
  let offsets: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  const flush = (end: number) => {
    if (end > runFrom) text += src.slice(runFrom, end);
    if (text === '') return;
    fragments.push({ kind: 'text', text, offsets });
    text = '';
    offsets = [];
  };
  const char = (i: number) => {
    const off = cell.starts[i];
    offsets.push(off);
    if (off < lo) lo = off;
    if (off + 1 > hi) hi = off + 1;
  };
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (expand && (c === '{' || c === '}') && i + 1 < to && src[i + 1] === c) {
      // One brace for two: the run so far, this character, then on after the pair.
      text += src.slice(runFrom, i + 1);
      char(i);
      runFrom = i + 2;
      i++;
      continue;
    }
    if (expand && c === '{') {
      let j = i + 1;
      while (j < to && src[j] !== '}' && src[j] !== '{') j++;
      if (j < to && src[j] === '}') {
        flush(i);
        const expr = src.slice(i + 1, j).trim();
        const span = { start: cell.starts[i], end: cell.ends[j] };
        const frag: Fragment = /^((shlex|pipes)\.quote\()?sys\.executable\)?$/.test(expr) ? { kind: 'sys-executable', span } : { kind: 'unknown', span, why: 'an IPython {expression}' };
        fragments.push(frag);
        if (span.start < lo) lo = span.start;
        if (span.end > hi) hi = span.end;
        i = j;
        runFrom = j + 1;
        continue;
      }
    }
    char(i);
  }
  flush(to);
  return { fragments, span: lo === Infinity ? undefined : { start: lo, end: hi } };
}

export function analyzeNotebook<T>(file: SourceFile, use: (a: Analysis) => T, opts: AnalyzeOptions = {}): T {
  let nb: Notebook;
  try {
    nb = readNotebook(file.text);
  } catch (e) {
    if (!(e instanceof NotebookError)) throw e;
    const at = file.location(e.offset);
    return use({ sites: [], suppressions: new Map(), syntaxProblem: { path: file.path, kind: 'syntax', message: `${e.message} (at ${at.line}:${at.column}); not checked`, start: at, partial: false } });
  }
  // A kernel of another language (R, Julia …): `!` and `%` are not IPython's there.
  if (nb.language !== undefined && !/^(i?python\d*)$/.test(nb.language)) return use({ sites: [], suppressions: new Map() });
  const reading = readCells(nb);
  const vfile = new SourceFile(file.path, reading.module.text, file.encoding);
  const withPython = vfile.text.trim() !== '' && (!opts.parseLess || !opts.tools || pythonMayMatter(vfile.text, opts.tools));
  if (!withPython) return finish(file, nb, reading, undefined, vfile, use);
  return withPythonAnalysis(vfile, (pa) => finish(file, nb, reading, pa, vfile, use), opts);
}

function finish<T>(file: SourceFile, nb: Notebook, reading: Reading, pa: PythonAnalysis | undefined, vfile: SourceFile, use: (a: Analysis) => T): T {
  const mod = reading.module;
  const sites: LaunchSite[] = [];
  for (const s of pa?.sites ?? []) {
    sites.push({
      ...s,
      file,
      callSpan: mod.span(s.callSpan),
      argv: s.argv.map((w) => mod.word(w)),
      env: { ...s.env, path: mapPath(s.env.path, (x) => mod.span(x)) },
      rewriter: s.rewriter && new CellRewriter(s.rewriter, mod),
    });
  }
  // The escapes' scripts parsed a batch at a time, not one tree-sitter call each (2,000 `!pip` cells).
  const scripts = new Map(reading.jobs.filter((j) => !j.argv).map((j) => [j, j.script]));
  const venvMeant = parseShellBatch([...scripts.values()], () => runJobs(file, reading, scripts, sites));
  sites.sort((a, b) => a.callSpan.start - b.callSpan.start);
  const py = pa?.facts;
  const facts: PythonFileFacts = {
    sites,
    functions: (py?.functions ?? []).map((f) => mod.span(f)),
    pathSets: [
      ...(py?.pathSets ?? []).map((p) => ({ from: mod.span({ start: p.from, end: p.from + 1 }).start, to: mod.span({ start: Math.max(p.to - 1, 0), end: p.to }).end, span: mod.span(p.span) })),
      ...reading.pathSets.map((s) => ({ from: s.end, to: file.text.length, span: s })),
    ],
    notebook: true,
    colab: nb.colab ? 'saved' : nb.cells.some((c) => COLAB_FORM.test(c.text)) ? 'forms' : undefined,
    kaggle: nb.kaggle,
  };
  // Whether the kernel's own code imports only the standard library, for the policy's path-chain
  // (src/judge/policy.ts), which needs two launches. Not when a cell activates an environment
  // (`!source /opt/neuron_venv/bin/activate`, which lasts for its own line only) or makes a venv:
  // the environment meant is that one, not PATH's (TorchServe's inf2 notebooks).
  if (sites.length > 1 && !venvMeant && !sites.some((s) => createdVenv(s.argv) !== undefined) && kernelStdlibOnly(mod.text)) facts.kernelStdlibOnly = true;
  // Escapes are `pass` in the module, and the Python is parsed only around launches (or not at
  // all): the `if` that holds an escape is read from the module's lines.
  const colabOnly = [...(py?.colabOnly ?? []), ...(reading.jobs.length ? colabBlocks(mod.text) : [])];
  // To the end of the range's last line: an escape there is `pass` in the module, shorter than the line.
  const lineEnd = (to: number) => {
    const nl = mod.text.indexOf('\n', Math.max(to - 1, 0));
    return nl < 0 ? file.text.length : mod.lineEnd(nl);
  };
  if (colabOnly.length) facts.colabOnly = colabOnly.map((r) => ({ from: mod.span({ start: r.from, end: r.from + 1 }).start, to: lineEnd(r.to) }));
  const setup = hostedSetup(file.text, nb);
  if (setup.length) facts.hostedSetup = setup;
  // A notebook Jupytext pairs with a text file is kept in step with it: a fix of the notebook alone
  // would put the two out of step (backtesting.py's docs build compares each pair), so none is offered.
  if (pairedByJupytext(file.path, nb)) for (const s of sites) s.rewriter = undefined;
  for (const s of sites) s.pythonFile = facts;
  return use({ sites, suppressions: suppressionsOf(file, nb), syntaxProblem: problemOf(file, nb, pa, vfile, mod) });
}

/** The text formats Jupytext pairs a notebook with, by extension (`py:percent`, `md:myst` …). */
const PAIRED_EXTENSIONS = ['.py', '.md', '.Rmd', '.qmd', '.myst', '.mystnb', '.pct.py', '.lgt.py', '.spx.py', '.nb.py'];

/**
 * Whether the notebook is paired with a text file by Jupytext: its metadata has a `jupytext` member
 * and a text file of the same name sits beside it (`Quick Start.ipynb` and `Quick Start.py`; an
 * extension its `formats` names, `ipynb,md:myst`, counts too). A pairing whose text file the
 * repository does not hold (alibi-detect's `"formats": "ipynb,py:percent"` with no `.py`) is
 * remade from the notebook, so a fix of the notebook is kept.
 */
function pairedByJupytext(file: string, nb: Notebook): boolean {
  if (!nb.jupytext) return false;
  const named = (nb.jupytext.formats ?? '').split(',').map((f) => /^(?:[^:]*\/)?\.?([\w.]+)(?::|$)/.exec(f.trim())?.[1]).filter((e): e is string => !!e && e !== 'ipynb');
  const stem = file.replace(/\.ipynb$/i, '');
  return [...PAIRED_EXTENSIONS, ...named.map((e) => `.${e}`)].some((ext) => fs.existsSync(stem + ext));
}

/** Tags that a project's own runs of a notebook skip: nbclient's (jupyter-book, myst-nb, nbconvert) and nbval's. */
const SKIPPED_TAGS = ['skip-execution', 'nbval-skip'];
/** A link that opens a notebook in a hosted runtime: the "Open in Colab" and "Open in Kaggle" badges. */
const HOSTED_LINK = /colab\.research\.google\.com\/|kaggle\.com\/(?:kernels\/welcome|code\/)/;

/**
 * The cells that are setup for a hosted runtime (PythonFileFacts.hostedSetup): tagged to be skipped
 * by the project's own runs (its CI, its docs build: there its environment already holds what the
 * cell installs) in a notebook with a Colab or Kaggle badge, or whose text says Colab or Kaggle
 * (`# Colab users only`; not the Kaggle API's `!pip install kaggle`, which any notebook may fetch data with). Kornia's tutorials tag their `!pip install kornia` cells so.
 */
function hostedSetup(text: string, nb: Notebook): { from: number; to: number; cell: number; tag: string }[] {
  const out: { from: number; to: number; cell: number; tag: string }[] = [];
  let linked: boolean | undefined;
  for (const cell of nb.cells) {
    const tag = SKIPPED_TAGS.find((t) => cell.tags.includes(t));
    if (!tag) continue;
    linked ??= HOSTED_LINK.test(text);
    if (!linked && !namesHostedRuntime(cell.text)) continue;
    const span = cellSpan(cell);
    out.push({ from: span.start, to: span.end, cell: cell.index, tag });
  }
  return out;
}

/**
 * Where a fix of an escape line puts `import sys`: at the top of the notebook's first cell of
 * imports when it comes before the escape, else of the escape's own cell, which runs whenever the
 * fixed line does (the first code cell may be one a reader skips: Qwen's quick start opens with an
 * optional flash-attention install), unless that cell opens with a cell magic; then the notebook's
 * first plain code cell. Undefined when that cell or the escape's own imports sys already (an
 * `import sys` in another cell, maybe one a reader skips, is not counted on).
 */
function importPlaceFor(job: Job, reading: Reading): ImportPlace | undefined | null {
  const head = job.cell.lines[0];
  let place: ImportPlace | null = reading.importSys;
  if (reading.importCell && reading.importCell.cell.index <= job.cell.index) place = reading.importCell;
  else if (job.form !== 'cell' && head && head.to > head.from && cellMagic(job.cell.lines[magicLineOf(job.cell.lines.map((l) => l.text))].text).kind === 'none') place = { cell: job.cell, at: charAt(job.cell, head.from) };
  if (reading.sysCells.has(job.cell) || (place && reading.sysCells.has(place.cell))) return undefined;
  return place;
}

/**
 * Whether code imports only the standard library and IPython (the kernel's own), read lexically in
 * one pass (import-lines.ts), and names no module at run time.
 */
function kernelStdlibOnly(code: string): boolean {
  if (/\bimport_module\s*\(|\b__import__\s*\(|\brunpy\b/.test(code)) return false;
  return importScan(code).starts.every((at) => /^[ \t]*(?:from[ \t]+IPython\b[\w.]*[ \t]+import\b|import[ \t]+IPython\b[\w.]*[ \t]*(?:as[ \t]+\w+[ \t]*)?(?:#|$))/m.test(code.slice(at, code.indexOf('\n', at) < 0 ? code.length : code.indexOf('\n', at))));
}

/**
 * Each shell command of the notebook through the one shell model, its sites Python's (the kernel's
 * PATH). Returns whether one of them activates an environment (a venv's `activate`, `conda
 * activate`, a script that activates one), as the shell model reads it.
 */
function runJobs(file: SourceFile, reading: Reading, scripts: Map<Job, Word>, sites: LaunchSite[]): boolean {
  const meter = new BudgetMeter();
  let activates = false;
  for (const job of reading.jobs) {
    const make = (cmd: ExpandedCommand, active: string | undefined): LaunchSite => {
      let p: PathState = { kind: 'inherited' };
      if (cmd.pathReset) p = { kind: 'reset', by: cmd.pathReset };
      else if (cmd.pathUnset) p = { kind: 'reset', by: 'env -i' };
      else if (cmd.envPathSet) p = { kind: 'explicit' };
      const env: EnvState = { path: p };
      if (active !== undefined && p.kind === 'inherited') env.activeVenv = active;
      const site = launchSiteFor(cmd, { file, language: 'python', api: job.api, callSpan: job.callSpan, env, viaShell: !job.argv });
      site.rewriter = new EscapeRewriter(file.text, job, site, importPlaceFor(job, reading));
      return site;
    };
    const shell: ShellSessionOptions = {
      file,
      language: 'python',
      api: job.api,
      callSpan: job.callSpan,
      dialect: job.dialect,
      dialectKnown: job.form === 'cell',
      path: DEFAULT_PATH,
      cwd: undefined,
      vars: new Map(),
      venvs: new Map(),
      originAt: (offset) => ({ line: file.location(offset).line, how: 'created', offset }),
      makeSite: make,
      meter,
    };
    let session: ShellSessionResult;
    if (job.argv) {
      const run = runExecArgv(job.argv, true, shell, job.callSpan);
      for (const cmd of run.commands) sites.push(make(cmd, undefined));
      session = run.session;
    } else session = runShellSession(scripts.get(job)!, shell);
    sites.push(...session.sites);
    activates ||= session.activations.length > 0 || session.final.unseen !== undefined || session.final.activated !== undefined;
  }
  return activates;
}

function mapPath(p: PathState, span: (s: Span) => Span): PathState {
  if (p.kind === 'missing') return { ...p, span: span(p.span) };
  if (p.kind === 'explicit' && p.span) return { ...p, span: span(p.span) };
  return p;
}

/** `# noqa: VG102` / `# venvguard: ignore[…]` on a line of a code cell, on the notebook's line where it is written. */
function suppressionsOf(file: SourceFile, nb: Notebook): Suppressions {
  const out: Suppressions = new Map();
  for (const cell of nb.cells) {
    for (const l of cell.lines) {
      for (let k = l.text.indexOf('#'); k >= 0; k = l.text.indexOf('#', k + 1)) {
        const codes = suppressedCodes(l.text.slice(k));
        if (!codes) continue;
        const line = file.location(cell.starts[l.from + k]).line;
        const prev = out.get(line);
        out.set(line, codes === 'all' || prev === 'all' ? 'all' : new Set([...(prev ?? []), ...codes]));
        break;
      }
    }
  }
  return out;
}

function problemOf(file: SourceFile, nb: Notebook, pa: PythonAnalysis | undefined, vfile: SourceFile, mod: VirtualModule): FileProblem | undefined {
  const p = pa?.syntaxProblem;
  if (p?.kind === 'syntax' && p.start) {
    const v = vfile.lineStart(p.start.line) + p.start.column - 1;
    const ref = mod.ref(Math.min(v, mod.length - 1));
    const at = file.location(mod.span({ start: v, end: v + 1 }).start);
    return { ...p, message: `not fully parsed: Python syntax error${ref ? ` in cell ${ref.cell.index}` : ''} at ${at.line}:${at.column}; the rest of the notebook was still checked`, start: at };
  }
  if (p) return p;
  const q = nb.problems[0];
  if (q) return { path: file.path, kind: 'syntax', message: `not fully read: ${q.message}`, start: file.location(q.offset), partial: true };
  return undefined;
}

/** Words a notebook needs to hold anything the rules judge. */
const NOTEBOOK_WORDS = /python|pip|venv|activate/i;

/** An nbformat 3 or 4 notebook as a whole (an object naming its format): anything else is read, to be reported. */
function looksWhole(text: string): boolean {
  return /^\s*\{/.test(text) && /\}\s*$/.test(text) && /"nbformat"\s*:\s*[34]\b/.test(text);
}

export const notebookFrontEnd: FrontEnd = {
  language: 'notebook',
  claims: (p) => /\.ipynb$/i.test(p) && !/(^|[/\\])\.ipynb_checkpoints[/\\]/.test(path.normalize(p)),
  // A broken or older notebook is read whatever it holds, so that it is reported, never passed.
  mayMatter: (text, tools) => NOTEBOOK_WORDS.test(text) || hasToolName(tools, text) || !looksWhole(text),
  analyze: analyzeNotebook,
};
