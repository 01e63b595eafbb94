/**
 * The Jupyter notebook front end (`.ipynb`, nbformat 4). A notebook's code runs in its kernel, a
 * Python process that Jupyter starts by the interpreter's full path (the kernelspec's argv) with
 * the PATH the Jupyter server had: the kernel's environment is on that PATH only when the server
 * was started from it activated. So a notebook is judged as Python code started from a venv:
 * - its shell escapes (`!cmd`, `!!cmd`, `x = !cmd`, `%system`, `%sx`, `%%bash`/`%%sh`/`%%script
 *   bash` bodies, `%%script PROGRAM`) run through the one shell model, their sites Python's;
 * - the Python code of its code cells, one module in cell order with IPython's own lines masked,
 *   runs through the Python front end, and its sites are carried back to the notebook's bytes.
 * Fixes follow the IPython docs (`%pip install …`, `!{sys.executable} -m …`; rewrite.ts).
 */
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { EnvState, LaunchSite, PathState, PythonFileFacts } from '../../kernel/launch-site.js';
import { SourceFile, type Span } from '../../kernel/source.js';
import { suppressedCodes, type Suppressions } from '../../kernel/suppressions.js';
import { BudgetMeter } from '../../kernel/budgets.js';
import type { Fragment, Word } from '../../kernel/word.js';
import { unitsToWord, type Unit } from '../../kernel/word-units.js';
import { launchSiteFor, type ExpandedCommand } from '../command/expand.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { runExecArgv, runShellSession, type ShellSessionOptions } from '../shell/session.js';
import { parseShellBatch } from '../shell/parse.js';
import type { Analysis, AnalyzeOptions, FrontEnd } from '../front-end.js';
import { withPythonAnalysis, type PythonAnalysis } from '../python/index.js';
import { pythonMayMatter } from '../python/prefilter.js';
import { cellMagic, lineKind, NotebookError, readNotebook, statementStarts, type CellChar, type CodeCell, type Notebook } from './cells.js';
import { CellRewriter, EscapeRewriter, type ImportPlace, type ShellJob } from './rewrite.js';
import { VirtualModule } from './virtual.js';

interface Job extends ShellJob {
  /** The script, `{…}` expansions as fragments. */
  script: Unit[];
  api: string;
  callSpan: Span;
  dialect: 'bash' | 'sh';
  /** `%%script PROGRAM …`: the program's argv (run with the body on stdin), not a script. */
  argv?: Unit[][];
}

/** Lines of a notebook read as the kernel reads them: the Python module, the shell commands, PATH settings. */
interface Reading {
  module: VirtualModule;
  jobs: Job[];
  /** `%env PATH …` lines: where the kernel's PATH is set for the launches after them. */
  pathSets: Span[];
  importSys: ImportPlace | undefined | null;
}

function readCells(nb: Notebook): Reading {
  const module = new VirtualModule();
  const jobs: Job[] = [];
  const pathSets: Span[] = [];
  let importSys: ImportPlace | undefined | null = null;
  let importsSys = false;
  for (const cell of nb.cells) {
    const texts = cell.lines.map((l) => l.text);
    const magic = cellMagic(texts[0] ?? '');
    const span = cellSpan(cell);
    if (magic.kind === 'other') continue;
    if (magic.kind === 'shell' || magic.kind === 'script') {
      const body: Unit[] = [];
      for (const l of cell.lines.slice(1)) for (const c of [...l.chars, ...l.brk]) body.push({ ch: c.ch, off: c.start });
      const head = cell.lines[0];
      const job: Job = { cell, form: 'cell', text: texts.slice(1).join('\n'), script: body, api: `%%${/^%%(\w+)/.exec(texts[0])![1]}`, callSpan: span, dialect: magic.kind === 'shell' ? magic.dialect : 'bash' };
      if (magic.kind === 'script') {
        job.argv = [];
        const re = /\S+/g;
        for (let m; (m = re.exec(texts[0].slice(magic.from))); ) {
          const at = magic.from + m.index;
          job.argv.push(head.chars.slice(at, at + m[0].length).map((c) => ({ ch: c.ch, off: c.start })));
        }
        job.callSpan = { start: head.chars[0].start, end: head.chars[head.chars.length - 1].end };
      }
      jobs.push(job);
      continue;
    }
    if (magic.kind === 'none' && importSys === null && cell.lines[0]?.chars.length) importSys = { cell, at: cell.lines[0].chars[0] };
    const starts = statementStarts(texts);
    for (let i = 0; i < cell.lines.length; i++) {
      const line = cell.lines[i];
      const kind = i === 0 && magic.kind === 'python-body' ? { kind: 'magic' as const } : starts[i] ? lineKind(line.text) : { kind: 'python' as const };
      if (kind.kind === 'python') {
        for (const c of [...line.chars, ...line.brk]) module.push(cell, c);
        if (/^import\s+([\w.]+(\s+as\s+\w+)?\s*,\s*)*sys\s*(,|;|#|$)/.test(line.text)) importsSys = true;
        continue;
      }
      const indent = /^\s*/.exec(line.text)![0].length;
      for (const c of line.chars.slice(0, indent)) module.push(cell, c);
      module.synth('pass', cell, line.chars[indent]);
      for (const c of line.brk) module.push(cell, c);
      if (kind.kind === 'magic') {
        if (kind.pathSet && line.chars.length) pathSets.push({ start: line.chars[0].start, end: line.chars[line.chars.length - 1].end });
        continue;
      }
      // The command, with the lines a trailing backslash continues (IPython joins them).
      const chars: CellChar[] = [...line.chars.slice(kind.from)];
      let j = i;
      while (/\\$/.test(cell.lines[j].text) && j + 1 < cell.lines.length) {
        chars.push(...cell.lines[j].brk);
        j++;
        chars.push(...cell.lines[j].chars);
        for (const c of [...cell.lines[j].brk]) module.push(cell, c);
      }
      i = j;
      const marker = line.chars[kind.marker];
      const last = chars[chars.length - 1] ?? marker;
      jobs.push({
        cell,
        form: kind.form,
        marker,
        first: chars[0],
        text: chars.map((c) => c.ch).join(''),
        script: expandIPython(chars),
        api: kind.form === 'magic' ? '%system' : kind.form === 'capture' ? (line.text.includes('%sx') ? '%sx' : '!!') : '!',
        callSpan: { start: marker.start, end: last.end },
        dialect: 'bash',
      });
    }
    module.synth('\n', cell, undefined);
  }
  return { module, jobs, pathSets, importSys: importsSys ? undefined : importSys };
}

function cellSpan(cell: CodeCell): Span {
  const all = cell.lines.flatMap((l) => l.chars);
  return all.length ? { start: all[0].start, end: all[all.length - 1].end } : { start: cell.tokens[0]?.start ?? 0, end: cell.tokens[0]?.end ?? 0 };
}

/**
 * IPython's expansion of a shell escape: `{expr}` is a Python expression's value (`{sys.executable}`
 * the running interpreter), `{{`/`}}` a brace; `$name` is left to the shell here (a Python name
 * IPython would put there is as unknown to us as a shell variable).
 */
function expandIPython(chars: CellChar[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if ((c.ch === '{' || c.ch === '}') && chars[i + 1]?.ch === c.ch) {
      out.push({ ch: c.ch, off: c.start });
      i++;
      continue;
    }
    if (c.ch === '{') {
      let j = i + 1;
      while (j < chars.length && chars[j].ch !== '}' && chars[j].ch !== '{') j++;
      if (chars[j]?.ch === '}') {
        const expr = chars.slice(i + 1, j).map((x) => x.ch).join('').trim();
        const span = { start: c.start, end: chars[j].end };
        const frag: Fragment = /^((shlex|pipes)\.quote\()?sys\.executable\)?$/.test(expr) ? { kind: 'sys-executable', span } : { kind: 'unknown', span, why: 'an IPython {expression}' };
        out.push({ frag: frag as Exclude<Fragment, { kind: 'text' }> });
        i = j;
        continue;
      }
    }
    out.push({ ch: c.ch, off: c.start });
  }
  return out;
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
  const scripts = new Map(reading.jobs.filter((j) => !j.argv).map((j) => [j, unitsToWord(j.script)]));
  parseShellBatch([...scripts.values()], () => runJobs(file, reading, scripts, sites));
  sites.sort((a, b) => a.callSpan.start - b.callSpan.start);
  const py = pa?.sites[0]?.pythonFile;
  const facts: PythonFileFacts = {
    sites,
    functions: (py?.functions ?? []).map((f) => mod.span(f)),
    pathSets: [
      ...(py?.pathSets ?? []).map((p) => ({ from: mod.span({ start: p.from, end: p.from + 1 }).start, to: mod.span({ start: Math.max(p.to - 1, 0), end: p.to }).end, span: mod.span(p.span) })),
      ...reading.pathSets.map((s) => ({ from: s.end, to: file.text.length, span: s })),
    ],
    notebook: true,
    colab: nb.colab,
  };
  for (const s of sites) s.pythonFile = facts;
  return use({ sites, suppressions: suppressionsOf(file, nb), syntaxProblem: problemOf(file, nb, pa, vfile, mod) });
}

/** Each shell command of the notebook through the one shell model, its sites Python's (the kernel's PATH). */
function runJobs(file: SourceFile, reading: Reading, scripts: Map<Job, Word>, sites: LaunchSite[]): void {
  const meter = new BudgetMeter();
  for (const job of reading.jobs) {
    const make = (cmd: ExpandedCommand, active: string | undefined): LaunchSite => {
      let p: PathState = { kind: 'inherited' };
      if (cmd.pathReset) p = { kind: 'reset', by: cmd.pathReset };
      else if (cmd.pathUnset) p = { kind: 'reset', by: 'env -i' };
      else if (cmd.envPathSet) p = { kind: 'explicit' };
      const env: EnvState = { path: p };
      if (active !== undefined && p.kind === 'inherited') env.activeVenv = active;
      const site = launchSiteFor(cmd, { file, language: 'python', api: job.api, callSpan: job.callSpan, env, viaShell: !job.argv });
      site.rewriter = new EscapeRewriter(file.text, job, site, reading.importSys);
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
    if (job.argv) {
      const { commands, session } = runExecArgv(job.argv.map((u) => unitsToWord(u)), true, shell, job.callSpan);
      for (const cmd of commands) sites.push(make(cmd, undefined));
      sites.push(...session.sites);
    } else sites.push(...runShellSession(scripts.get(job)!, shell).sites);
  }
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
        const line = file.location(l.chars[k].start).line;
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
    const ref = mod.refs[Math.min(v, mod.length - 1)];
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

/** An nbformat 4 notebook as a whole (an object naming its format): anything else is read, to be reported. */
function looksWhole(text: string): boolean {
  return /^\s*\{/.test(text) && /\}\s*$/.test(text) && /"nbformat"\s*:\s*4\b/.test(text);
}

export const notebookFrontEnd: FrontEnd = {
  language: 'notebook',
  claims: (p) => /\.ipynb$/i.test(p) && !/(^|[/\\])\.ipynb_checkpoints[/\\]/.test(path.normalize(p)),
  // A broken or older notebook is read whatever it holds, so that it is reported, never passed.
  mayMatter: (text, tools) => NOTEBOOK_WORDS.test(text) || tools.test(text) || !looksWhole(text),
  analyze: analyzeNotebook,
};
