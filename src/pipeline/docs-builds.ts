/**
 * What a project's documentation build and its notebook runners start, for the who-runs pre-pass
 * (who-runs.ts).
 *
 * - Sphinx runs the `conf.py` of its source folder (`sphinx-build docs out`, `python -m sphinx`,
 *   `-c DIR`), and Read the Docs the one `.readthedocs.yaml` names.
 * - A notebook of the documentation is run by the project itself: by the docs build when its
 *   configuration executes notebooks (Sphinx with myst-nb, `nb_execution_mode` or the older
 *   `jupyter_execute_notebooks`, or nbsphinx, `nbsphinx_execute`; jupyter-book's `_config.yml`,
 *   `execute_notebooks`; mkdocs-jupyter's `execute: true`), or by a command that executes it
 *   (`pytest --nbval`, `--nbval-lax`, `--nbmake`; `jupyter nbconvert --execute`; `jupyter execute`;
 *   `papermill IN OUT`; `treon`). Its kernel is then the Python of the program that runs it
 *   (jupyter_client's native kernel is that program's own interpreter), with that program's PATH:
 *   a build or runner started by name has its environment on that PATH, and the notebook's `!pip`
 *   and `!tool` lines find the kernel's own (nbgrader's user guide, executed by `pytest
 *   --nbval-lax`; jupyter-book's docs, by `jb build`).
 *   Only notebooks of the documentation count (below a `docs`/`doc` folder, or a Sphinx or
 *   jupyter-book source folder), and not when the Sphinx configuration invites readers to download
 *   each notebook (inDocs): a tutorial a test also executes is still opened by its users in a
 *   Jupyter of their own, whose kernel need not be PATH's (the corpus reviews judged those true,
 *   and a docs notebook nothing executes, ipyparallel's with `nb_execution_mode = "off"`, too).
 * - "auto", every tool's default, executes only the notebooks whose outputs are missing: nbsphinx
 *   those with no output at all, myst-nb and jupyter-book those missing at least one. A notebook's
 *   own metadata (`nbsphinx.execute`, `mystnb.execution_mode`) decides over the configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PYTEST_VALUE_OPTIONS, type RunnerTarget, type RunnerWhere } from './test-runners.js';
import { readConfigText } from './config.js';
import { fileAnswer } from '../frontends/repo-files.js';
import { yaml } from '../frontends/yaml-scalars.js';

/** Sphinx's builders, which run the `conf.py` of the source folder with their own interpreter. */
export const SPHINX = /^sphinx-(?:build|autobuild)$/;
/** Options of sphinx-build that take the next word as a value. */
const SPHINX_VALUE_OPTIONS = new Set(['-b', '-M', '-d', '-D', '-A', '-t', '-j', '-w', '-c', '--builder', '--doctree-dir', '--define', '--html-define', '--tag', '--jobs', '--warning-file', '--conf-dir', '--port', '--host']);

/**
 * The `conf.py` a sphinx-build command runs: the one in `-c DIR`, else in its source folder (the
 * first word that is not an option); undefined when that word is not known.
 */
export function sphinxConf(args: readonly (string | undefined)[]): string | undefined {
  let source: string | undefined;
  for (let j = 0; j < args.length; j++) {
    const w = args[j];
    if (w === '-c' || w === '--conf-dir') return args[j + 1] === undefined ? undefined : `${args[j + 1]}/conf.py`;
    if (w !== undefined && w.startsWith('-')) {
      if (SPHINX_VALUE_OPTIONS.has(w)) j++;
      continue;
    }
    if (source === undefined) {
      if (w === undefined) return undefined;
      source = w;
    }
  }
  return source === undefined ? undefined : `${source}/conf.py`;
}

/**
 * The `conf.py` Read the Docs builds in `dir` (`.readthedocs.yaml`'s `sphinx: configuration:`),
 * with `python -m sphinx` of the environment it made, whose `bin` it puts first on PATH; and the
 * line that names it.
 */
export function readTheDocsConf(dir: string): { file: string; line: number; conf: string } | undefined {
  for (const name of ['.readthedocs.yaml', '.readthedocs.yml']) {
    const file = path.join(dir, name);
    const text = readConfigText(file, 65536);
    if (text === undefined) continue;
    // The two kinds of line are disjoint (text after the indent, or none), so a hostile file of blank
    // lines cannot make the match backtrack through every way of splitting them.
    const m = /^sphinx:[ \t]*\r?\n(?:[ \t]+[^\s].*\r?\n|[ \t]*\r?\n)*?[ \t]+configuration:[ \t]*["']?([^\s"'#]+\.py)/m.exec(text);
    if (!m) continue;
    const conf = path.resolve(dir, m[1]);
    if (!conf.startsWith(dir + path.sep) || !fs.existsSync(conf)) continue;
    return { file, line: text.slice(0, m.index + m[0].length).split('\n').length, conf };
  }
  return undefined;
}

/** How a tool executes a source folder's notebooks: not at all, all of them, or those missing outputs ("auto"). */
type Mode = 'off' | 'all' | 'auto-none' | 'auto-missing';

interface DocsSource {
  dir: string;
  mode: Mode;
  /** Glob patterns of notebooks left out (relative to `dir`). */
  excluded: RegExp[];
}

/** A glob of a path relative to a folder (`*`, `**`, `?`) as a pattern of the whole path; one without `/` matches the base name anywhere. */
function globPattern(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/?|\*|\?)/)
    .map((p) => (p === '**' || p === '**/' ? '(?:.*/)?' : p === '*' ? '[^/]*' : p === '?' ? '[^/]' : p.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(glob.includes('/') ? `^${body}$` : `(?:^|/)${body}$`);
}

/** The string items of a Python list assigned to `name` at a line's start (`nb_execution_excludepatterns = ['a.ipynb', …]`). */
function pythonList(text: string, name: string): string[] {
  const m = new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*\\[([^\\]]{0,4000})\\]`, 'm').exec(text);
  if (!m) return [];
  return [...m[1].replace(/#[^\n]*/g, '').matchAll(/(['"])([^'"\n]*)\1/g)].map((x) => x[2]);
}

/**
 * The values a `conf.py` assigns to `name` (`nb_execution_mode = "force"`), at the top level or
 * inside an `if` (xclim's `if os.getenv(…): nbsphinx_execute = "never"` … `else: "auto"`).
 */
function pythonStrings(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*(['"])(\\w+)\\1`, 'gm'))].map((m) => m[2]);
}

/** A setting assigned one or more ways: the one that executes the most (a build that may execute a notebook does), else `fallback`. */
function mostExecuting(values: string[], order: readonly string[], fallback: string): string {
  return values.length ? order.find((v) => values.includes(v)) ?? values[0] : fallback;
}

/** The largest `conf.py` read. */
const CONF_BYTES = 512 * 1024;
const sphinxSources = new Map<string, DocsSource | undefined>();

/** How a Sphinx `conf.py` executes the notebooks of its folder (myst-nb or nbsphinx in its extensions), read once per version of the file. */
function sphinxSource(conf: string): DocsSource | undefined {
  return fileAnswer(sphinxSources, conf, CONF_BYTES, (text) => (text === undefined ? undefined : sphinxSourceOf(text, path.dirname(conf))));
}

function sphinxSourceOf(text: string, dir: string): DocsSource | undefined {
  const excluded = pythonList(text, 'exclude_patterns').map(globPattern);
  if (/['"]myst_nb['"]/.test(text)) {
    const mode = mostExecuting([...pythonStrings(text, 'nb_execution_mode'), ...pythonStrings(text, 'jupyter_execute_notebooks')], ['force', 'cache', 'inline', 'auto', 'off'], 'auto');
    excluded.push(...[...pythonList(text, 'nb_execution_excludepatterns'), ...pythonList(text, 'execution_excludepatterns')].map(globPattern));
    return { dir, mode: mode === 'off' ? 'off' : mode === 'auto' ? 'auto-missing' : 'all', excluded };
  }
  if (/['"]nbsphinx['"]/.test(text)) {
    const mode = mostExecuting(pythonStrings(text, 'nbsphinx_execute'), ['always', 'auto', 'never'], 'auto');
    return { dir, mode: mode === 'never' ? 'off' : mode === 'always' ? 'all' : 'auto-none', excluded };
  }
  return undefined;
}

function readYaml(file: string): Record<string, unknown> | undefined {
  const text = readConfigText(file, 256 * 1024);
  if (text === undefined) return undefined;
  try {
    return record(yaml().parse(text, { logLevel: 'silent', uniqueKeys: false }));
  } catch {
    return undefined;
  }
}

const record = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** How a jupyter-book folder (`_config.yml`) executes its notebooks: `execute: execute_notebooks:`, "auto" by default. */
function jupyterBookSource(dir: string): DocsSource | undefined {
  const config = readYaml(path.join(dir, '_config.yml'));
  if (!config || !fs.existsSync(path.join(dir, '_toc.yml'))) return undefined;
  const execute = record(config.execute);
  const mode = execute?.execute_notebooks ?? 'auto';
  const excluded = [...strings(config.exclude_patterns), ...strings(execute?.exclude_patterns)].map(globPattern);
  return { dir, mode: mode === 'off' || mode === false ? 'off' : mode === 'auto' ? 'auto-missing' : 'all', excluded };
}

/** How an `mkdocs.yml` executes the notebooks of its `docs_dir`: mkdocs-jupyter's `execute: true` (off by default). */
function mkdocsSource(configFile: string): DocsSource | undefined {
  const config = readYaml(configFile);
  if (!config) return undefined;
  const dir = path.resolve(path.dirname(configFile), typeof config.docs_dir === 'string' ? config.docs_dir : 'docs');
  for (const p of Array.isArray(config.plugins) ? config.plugins : []) {
    const options = record(record(p)?.['mkdocs-jupyter']);
    if (options) return { dir, mode: options.execute === true ? 'all' : 'off', excluded: strings(options.execute_ignore).map(globPattern) };
  }
  return undefined;
}

/** Whether a notebook is executed by its docs source's mode: its own metadata first, then the mode ("auto": by its outputs). */
function executedIn(file: string, source: DocsSource): boolean {
  // (Below source.dir: executedFrom asks only for those.)
  const rel = path.relative(source.dir, file).split(path.sep).join('/');
  if (source.excluded.some((p) => p.test(rel))) return false;
  const nb = notebookOutputs(file);
  if (!nb) return false;
  if (nb.own === 'never' || nb.own === 'off') return false;
  if (nb.own === 'always' || nb.own === 'force' || nb.own === 'cache' || nb.own === 'inline') return true;
  if (source.mode === 'off') return false;
  if (source.mode === 'all') return true;
  return source.mode === 'auto-none' ? nb.withOutput === 0 : nb.withOutput < nb.code;
}

function sourceText(s: unknown): string {
  return typeof s === 'string' ? s : Array.isArray(s) ? s.join('') : '';
}

/** What decides whether a tool executes a notebook: its own execution setting, its code cells, those with outputs. */
interface NotebookOutputs {
  own: unknown;
  code: number;
  withOutput: number;
}

const outputsOf = new Map<string, NotebookOutputs | undefined>();

/** A notebook's NotebookOutputs, read once per version of the file (several builds and runners may ask). */
function notebookOutputs(file: string): NotebookOutputs | undefined {
  return fileAnswer(outputsOf, file, 16 * 1024 * 1024, (text) => {
    let nb: Record<string, unknown> | undefined;
    try {
      nb = text === undefined ? undefined : record(JSON.parse(text));
    } catch {
      return undefined;
    }
    if (!nb) return undefined;
    const meta = record(nb.metadata);
    const code = (Array.isArray(nb.cells) ? nb.cells : []).map(record).filter((c) => c?.cell_type === 'code' && sourceText(c.source).trim() !== '');
    return { own: record(meta?.nbsphinx)?.execute ?? record(meta?.mystnb)?.execution_mode, code: code.length, withOutput: code.filter((c) => Array.isArray(c?.outputs) && c.outputs.length > 0).length };
  });
}

/** The folders that say they hold documentation: `docs`, `doc`, `documentation`, `docs_src`, `docsrc` (any letter case). */
const DOCS_FOLDER = /^(?:docs?|documentation|docs?[-_]?src)$/i;

/** nbsphinx's text before or after each notebook's page, as `conf.py` sets it (`nbsphinx_prolog = r"""…"""`). */
const NBSPHINX_TEXT = /^nbsphinx_(?:prolog|epilog)\s*=\s*[rRuU]?("""|'''|"|')([\s\S]{0,8000}?)\1/gm;

const invites = new Map<string, boolean>();

/** Whether a Sphinx `conf.py` invites readers to download each notebook (xclim's "Download this notebook from github" prolog), read once per version of the file. */
function invitesDownload(conf: string): boolean {
  return fileAnswer(invites, conf, CONF_BYTES, (text) => [...(text ?? '').matchAll(NBSPHINX_TEXT)].some((m) => /download|\.ipynb|docname/i.test(m[2]))) ?? false;
}

/**
 * Whether a notebook is part of the documentation, and only that: below a folder named for it, or
 * below a Sphinx (`conf.py`) or jupyter-book (`_config.yml` with `_toc.yml`) source folder; not
 * when that Sphinx configuration invites readers to download each notebook, whose readers then
 * run it in a Jupyter of their own (a launch on Binder or Colab has the kernel's environment on PATH).
 */
export function inDocs(file: string, root: string): boolean {
  let docs = false;
  for (let dir = path.dirname(file); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    if (DOCS_FOLDER.test(path.basename(dir))) docs = true;
    const conf = path.join(dir, 'conf.py');
    if (fs.existsSync(conf)) {
      if (invitesDownload(conf)) return false;
      docs = true;
    }
    if (fs.existsSync(path.join(dir, '_config.yml')) && fs.existsSync(path.join(dir, '_toc.yml'))) docs = true;
  }
  // A book at the project's root (`_config.yml` and `_toc.yml` beside the README).
  return docs || (fs.existsSync(path.join(root, '_config.yml')) && fs.existsSync(path.join(root, '_toc.yml')));
}

/** The wanted notebooks a docs source executes. */
function executedFrom(source: DocsSource | undefined, notebooks: readonly string[], root: string): RunnerTarget[] {
  if (!source) return [];
  return notebooks.filter((nb) => nb.startsWith(source.dir + path.sep) && inDocs(nb, root) && executedIn(nb, source)).map((file) => ({ file }));
}

/** The wanted notebooks a Sphinx `conf.py` executes when it is built. */
export function sphinxNotebooks(conf: string, notebooks: readonly string[], root: string): RunnerTarget[] {
  return notebooks.length ? executedFrom(sphinxSource(conf), notebooks, root) : [];
}

/** Options of a runner that take the next word as a value (pytest's are the caller's). */
const NBCONVERT_VALUE_OPTIONS = new Set(['--to', '--output', '--output-dir', '--template', '--config', '--ExecutePreprocessor.timeout', '--ExecutePreprocessor.kernel_name', '--log-level']);
/** papermill's options with a value; `-p NAME VALUE` and `-r NAME VALUE` take two (their NAME is skipped first, in notebookRuns). */
const PAPERMILL_VALUE_OPTIONS = new Set(['-p', '--parameters', '-r', '--parameters_raw', '-f', '--parameters_file', '-y', '--parameters_yaml', '-b', '--parameters_base64', '-k', '--kernel', '-l', '--language', '--cwd', '--engine', '--start-timeout', '--execution-timeout', '--log-level']);
/** pytest plugins that run the notebooks given to pytest. */
const NOTEBOOK_PYTEST = new Set(['--nbval', '--nbval-lax', '--nbmake']);
/** pytest's options with a value (who-runs' own list), and nbval's. */
const PYTEST_NOTEBOOK_VALUE_OPTIONS: ReadonlySet<string> = new Set([...PYTEST_VALUE_OPTIONS, '--nbval-cell-timeout', '--nbval-sanitize-with', '--nbval-kernel-name']);

/** The wanted notebooks a path word names: the notebook, the notebooks below a folder, or those a glob matches. */
function named(word: string, where: RunnerWhere, notebooks: readonly string[]): string[] {
  for (const d of where.dirs) {
    const abs = path.resolve(d, word);
    if (/[*?[]/.test(word)) {
      const pattern = globPattern(abs.split(path.sep).join('/'));
      const hits = notebooks.filter((nb) => pattern.test(nb.split(path.sep).join('/')));
      if (hits.length) return hits;
      continue;
    }
    if (notebooks.includes(abs)) return [abs];
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) return notebooks.filter((nb) => nb.startsWith(abs + path.sep));
    if (st) return [];
  }
  return [];
}

/**
 * The wanted notebooks of the documentation a command executes, from its program word on
 * (`words[0]`): pytest with a notebook plugin (its arguments `pytestArgs` when the caller found them),
 * `jupyter nbconvert --execute`, `jupyter execute`, `papermill`, `treon`, `jupyter-book build`, `mkdocs build`.
 */
export function notebookRuns(words: readonly (string | undefined)[], pytestArgs: readonly (string | undefined)[] | undefined, where: RunnerWhere, notebooks: readonly string[]): RunnerTarget[] {
  if (!notebooks.length) return [];
  const docs = (files: string[]) => files.filter((f) => inDocs(f, where.root)).map((file) => ({ file }));
  const positional = (args: readonly (string | undefined)[], valued: ReadonlySet<string>) => {
    const out: string[] = [];
    for (let j = 0; j < args.length; j++) {
      const w = args[j];
      if (w === undefined || w === '--') continue;
      if (w.startsWith('-')) {
        if (valued.has(w)) j++;
        continue;
      }
      out.push(w);
    }
    return out;
  };
  if (pytestArgs) {
    if (!pytestArgs.some((w) => w !== undefined && NOTEBOOK_PYTEST.has(w))) return [];
    return docs(positional(pytestArgs, PYTEST_NOTEBOOK_VALUE_OPTIONS).flatMap((w) => named(w, where, notebooks)));
  }
  const prog = words[0] === undefined ? undefined : path.basename(words[0]);
  // Each tool as `jupyter SUB REST…` reads it: `jupyter-nbconvert`, `jb` (jupyter-book), `papermill`, `treon` alike.
  let sub = words[1];
  let rest = words.slice(2);
  if (prog !== undefined && /^(?:jupyter-(?:nbconvert|execute|book)|jb|papermill|treon)$/.test(prog)) {
    sub = prog === 'jb' ? 'book' : prog.replace(/^jupyter-/, '');
    rest = words.slice(1);
  } else if (prog === 'mkdocs') {
    if (words[1] !== 'build' && words[1] !== 'gh-deploy' && words[1] !== 'serve') return [];
    const k = rest.findIndex((w) => w === '-f' || w === '--config-file');
    const f = k >= 0 ? rest[k + 1] : 'mkdocs.yml';
    if (f === undefined) return [];
    const config = where.dirs.map((d) => path.resolve(d, f)).find((c) => fs.existsSync(c));
    return config ? executedFrom(mkdocsSource(config), notebooks, where.root) : [];
  } else if (prog !== 'jupyter') return [];
  if (sub === 'nbconvert') {
    if (!rest.some((w) => w === '--execute' || w === '--ExecutePreprocessor.enabled=True')) return [];
    return docs(positional(rest, NBCONVERT_VALUE_OPTIONS).flatMap((w) => named(w, where, notebooks)));
  }
  if (sub === 'execute') return docs(positional(rest, new Set(['--kernel_name', '--timeout', '--startup_timeout'])).flatMap((w) => named(w, where, notebooks)));
  if (sub === 'papermill') {
    const args = rest.filter((_, k) => !(k > 0 && /^(?:-p|--parameters|-r|--parameters_raw)$/.test(rest[k - 1] ?? '')));
    return docs(positional(args, PAPERMILL_VALUE_OPTIONS).slice(0, 1).flatMap((w) => named(w, where, notebooks)));
  }
  if (sub === 'treon') {
    const args = positional(rest, new Set(['--threads']));
    return docs(args.length ? args.flatMap((w) => named(w, where, notebooks)) : named('.', where, notebooks));
  }
  if (sub === 'book') {
    const args = positional(rest[0] === 'build' ? rest.slice(1) : [], new Set(['--builder', '--config', '--toc', '--path-output']));
    if (!args.length) return [];
    const dir = where.dirs.map((d) => path.resolve(d, args[0])).find((d) => fs.existsSync(d));
    return dir ? executedFrom(jupyterBookSource(dir), notebooks, where.root) : [];
  }
  return [];
}
