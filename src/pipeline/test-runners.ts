/**
 * What the standard library's test runner starts, for the who-runs pre-pass (who-runs.ts), and where
 * a test runner's file argument is when the command's folder is not known.
 *
 * - `python -m unittest` with no test named discovers `test*.py` under its working folder (the
 *   pattern unittest's discovery uses by default, which also matches `test.py` and `tests.py`);
 *   `python -m unittest discover [-s DIR] [DIR]` under DIR; `python -m unittest a/test_x.py` that
 *   file; `python -m unittest pkg.test_x.Case.test_y` the module the longest dotted prefix names.
 * - A test runner's file argument (`pytest tests/test_x.py`, `python -m unittest test.py`) that is
 *   found neither in the command's folder nor at the project root was given relative to a folder
 *   decided at run time (LocalAI's backends: a shared library function does `pushd "${MY_DIR}"`
 *   and `python -m unittest test.py`, MY_DIR being the calling backend's folder). It names one of
 *   the project's files of that relative path, whichever folder it is: each of them, at most
 *   MAX_ANYWHERE.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Files one unresolved test path may name (a project with more files of that path says nothing). */
export const MAX_ANYWHERE = 64;

export type RunnerTarget = { file: string } | { folder: string; testsOnly: boolean | 'unittest' };

export interface RunnerWhere {
  dirs: readonly string[];
  root: string;
  /** The project's files whose path ends with a relative path (see the module comment); absent: none looked for. */
  anywhere?: (rel: string) => readonly string[];
}

export type Resolve = (p: string, dirs: readonly string[], root: string) => { path: string; folder: boolean } | undefined;

/** unittest's default discovery pattern, `test*.py`. */
export function unittestDiscovers(file: string): boolean {
  return /^test.*\.py$/.test(path.basename(file));
}

/** A test file argument: found from the command's folders, else each project file of that path. */
export function testFileTargets(word: string, where: RunnerWhere, resolve: Resolve): RunnerTarget[] {
  const hit = resolve(word, where.dirs, where.root);
  if (hit) return [hit.folder ? { folder: hit.path, testsOnly: false } : { file: hit.path }];
  if (!/\.py$/.test(word) || path.isAbsolute(word) || word.startsWith('..') || !where.anywhere) return [];
  const found = where.anywhere(path.normalize(word));
  return found.length <= MAX_ANYWHERE ? found.map((file) => ({ file })) : [];
}

/** The targets of `python -m unittest ARGS`. */
export function unittestTargets(args: readonly (string | undefined)[], where: RunnerWhere, resolve: Resolve): RunnerTarget[] {
  const out: RunnerTarget[] = [];
  const cwd = where.dirs[0];
  if (args[0] === 'discover') {
    let start: string | undefined;
    for (let j = 1; j < args.length; j++) {
      const w = args[j];
      if (w === undefined) return out; // decided at run time
      if (w === '-s' || w === '--start-directory') start = args[++j];
      else if (w === '-p' || w === '--pattern' || w === '-t' || w === '--top-level-directory') {
        // Another pattern than test*.py: the files it takes are not known here.
        if (w === '-p' || w === '--pattern') return out;
        j++;
      } else if (!w.startsWith('-') && start === undefined) start = w;
    }
    const folder = start === undefined ? cwd : resolve(start, where.dirs, where.root);
    if (typeof folder === 'string') out.push({ folder, testsOnly: 'unittest' });
    else if (folder?.folder) out.push({ folder: folder.path, testsOnly: 'unittest' });
    return out;
  }
  let named = false;
  for (let j = 0; j < args.length; j++) {
    const w = args[j];
    if (w === undefined) {
      named = true;
      continue;
    }
    if (w.startsWith('-')) {
      if (w === '-k') j++;
      continue;
    }
    named = true;
    if (/\.py$/.test(w) || w.includes('/')) {
      out.push(...testFileTargets(w, where, resolve));
      continue;
    }
    // A dotted name: the module its longest prefix names (`pkg.test_x.Case.test_y` → pkg/test_x.py).
    const parts = w.split('.');
    for (let k = parts.length; k > 0; k--) {
      const hit = resolve(`${parts.slice(0, k).join('/')}.py`, where.dirs, where.root);
      if (hit && !hit.folder) {
        out.push({ file: hit.path });
        break;
      }
    }
  }
  if (!named && cwd !== undefined) out.push({ folder: cwd, testsOnly: 'unittest' });
  return out;
}

/** pytest's options that take the next word as a value. */
export const PYTEST_VALUE_OPTIONS = new Set([
  '-k', '-m', '-p', '-c', '-o', '-n', '-W', '--rootdir', '--junitxml', '--junit-xml', '--basetemp', '--confcutdir', '--ignore', '--ignore-glob',
  '--deselect', '--durations', '--maxfail', '--tb', '--cov', '--cov-report', '--cov-config', '--log-level', '--log-file', '--timeout',
  '--dist', '--numprocesses', '--override-ini', '--config-file', '--import-mode', '--capture', '--junit-prefix', '--html', '--reruns',
  // plugins': pytest-split (crewai's `uv run pytest --splits 8 --group N`), pytest-cov, pytest-rerunfailures, pytest-repeat, pytest-randomly
  '--splits', '--group', '--splitting-algorithm', '--durations-path', '--cov-fail-under', '--reruns-delay', '--count', '--randomly-seed',
  '--log-cli-level', '--log-file-level', '--alluredir', '--json-report-file', '--benchmark-json',
]);
/** behave's options that take the next word as a value (`behave --help`). */
const BEHAVE_VALUE_OPTIONS = new Set(['-t', '--tags', '-f', '--format', '-o', '--outfile', '-D', '--define', '-i', '--include', '-e', '--exclude', '-n', '--name', '--junit-directory', '--logging-level', '--logging-format', '--logging-datefmt', '--logging-filter', '--lang', '--stage', '-j', '--jobs', '--parallel-processes']);

/**
 * `behave [PATHS]`: the Python files under each feature folder it runs (`features` of its working
 * folder when none is named): its `steps/`, `environment.py` and the helpers beside them. A feature
 * folder is the named folder, or the folder of a named `.feature` file, or the nearest folder above
 * either that holds `steps/` (where behave looks for them). Arguments decided at run time name nothing.
 */
export function behaveTargets(args: readonly (string | undefined)[], where: RunnerWhere, resolve: Resolve): RunnerTarget[] {
  const paths: string[] = [];
  for (let j = 0; j < args.length; j++) {
    const w = args[j];
    if (w === undefined) return []; // decided at run time
    if (w.startsWith('-')) {
      if (BEHAVE_VALUE_OPTIONS.has(w)) j++;
      continue;
    }
    paths.push(w.replace(/:\d+$/, ''));
  }
  const out: RunnerTarget[] = [];
  for (const p of paths.length ? paths : ['features']) {
    const hit = resolve(p, where.dirs, where.root);
    if (!hit) continue;
    let dir = hit.folder ? hit.path : path.dirname(hit.path);
    for (let d = dir; d === where.root || d.startsWith(where.root + path.sep); d = path.dirname(d)) {
      if (fs.existsSync(path.join(d, 'steps'))) {
        dir = d;
        break;
      }
      if (d === where.root) break;
    }
    out.push({ folder: dir, testsOnly: false });
  }
  return out;
}

/** pytest's own commands. */
export const PYTEST = /^(?:py\.test|pytest)(?:-?3)?$/;

/** A Python file that runs pytest with its own command-line arguments (`pytest.main(sys.argv[1:])`); read up to 64 KB. */
export function forwardsToPytest(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      return /\bpytest\.main\(\s*(?:args\s*=\s*)?sys\.argv\[1:\]/.test(buf.toString('utf8', 0, n));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Options of `coverage run` that take the next word as a value. */
const COVERAGE_VALUE_OPTIONS = new Set(['--source', '--rcfile', '--include', '--omit', '--concurrency', '--context', '--data-file']);

/**
 * What runs under `env [-i] [-u NAME] [VAR=value …] cmd …` and `coverage run [options] (-m mod | prog) …`
 * (securedrop's tox.ini: `env {envbindir}/coverage run --source=… {envbindir}/pytest -v tests`):
 * coverage runs a module or script with its own interpreter (`…/bin/coverage` → `…/bin/python`) and
 * a program path (`pytest`) as that program.
 */
export function unwrapStarter(words: readonly (string | undefined)[]): readonly (string | undefined)[] {
  let w = words;
  if (w[0] === 'env') {
    let j = 1;
    while (j < w.length && w[j] !== undefined && (/^[A-Za-z_]\w*=/.test(w[j]!) || w[j]!.startsWith('-'))) j += w[j] === '-u' ? 2 : 1;
    w = w.slice(j);
  }
  const prog = w[0];
  if (prog !== undefined && /^coverage(?:-?3(?:\.\d+)?)?$/.test(path.basename(prog)) && w[1] === 'run') {
    let j = 2;
    for (; j < w.length; j++) {
      const x = w[j];
      if (x === undefined || !x.startsWith('-') || x === '-m') break;
      if (COVERAGE_VALUE_OPTIONS.has(x)) j++;
    }
    const python = prog.slice(0, prog.length - path.basename(prog).length) + 'python';
    if (w[j] === '-m') return [python, ...w.slice(j)];
    const target = w[j];
    if (target === undefined) return w;
    return /\.py$/.test(target) ? [python, ...w.slice(j)] : w.slice(j);
  }
  return w;
}

/** Runners that start their command in the project's environment, with its `bin` first on PATH. */
const RUNNERS = new Set(['uv', 'poetry', 'pdm', 'hatch', 'pipenv', 'rye', 'pixi', 'conda', 'mamba', 'micromamba']);
/** Their options after `run` that take the next word as a value. */
const RUNNER_VALUE_OPTIONS = new Set([
  '--with', '--with-requirements', '--with-editable', '--python', '-p', '--extra', '--group', '--only-group', '--no-group', '--package',
  '--env-file', '--directory', '--project', '--index', '--index-url', '--extra-index-url', '-n', '--name', '--prefix', '-e', '--environment', '--env',
]);
/** Their global options before `run` that take the next word as a value (`uv --directory sub run …`). */
const PRE_RUN_VALUE_OPTIONS = new Set(['--directory', '-C', '--project', '-P', '-p', '--cache-dir', '--config-file', '--color', '--python']);

/**
 * A command through a runner (`uv run`, `poetry run`, `hatch run`, `conda run` …, by name or by its
 * path: a unit's `ExecStart=/home/pi/.local/bin/poetry run scripts/run.py`, myoboku's), global
 * options before `run` too (`poetry -n --no-ansi run py.test …`, irrd's CircleCI command): the
 * runner (`poetry run`) and where the command it runs starts in `words`. `hatch run test:pytest`'s
 * env name is taken off the command. Without a runner: undefined and 0.
 */
export function unwrapRunner(words: readonly (string | undefined)[]): { runner: string | undefined; at: number; words: readonly (string | undefined)[] } {
  let at = 1;
  while (words[0] !== undefined && words[at]?.startsWith('-')) at += PRE_RUN_VALUE_OPTIONS.has(words[at]!) ? 2 : 1;
  if (words[0] === undefined || !RUNNERS.has(path.basename(words[0])) || words[at] !== 'run') return { runner: undefined, at: 0, words };
  let i = at + 1;
  for (; i < words.length; i++) {
    const w = words[i];
    if (w === undefined || !w.startsWith('-')) break;
    if (RUNNER_VALUE_OPTIONS.has(w)) i++;
  }
  if (words[0] === 'hatch' && words[i]?.includes(':')) words = [...words.slice(0, i), words[i]!.slice(words[i]!.indexOf(':') + 1), ...words.slice(i + 1)];
  return { runner: `${path.basename(words[0]!)} run`, at: i, words };
}
