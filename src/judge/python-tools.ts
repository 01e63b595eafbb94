/**
 * What counts as a Python tool: interpreter names, pip, and console scripts (a curated list of
 * widely used ones, plus whatever the project's venv and pyproject declare). Tools that create
 * or pick their own environment (uv, poetry, tox …) are deliberately absent: running them by
 * name does not leave the venv they manage.
 */
import { escapeRegExp } from '../kernel/regexp.js';

/** python, python3, python3.12, python3.13t, pythonw, pypy3, pypy3.10, py (Windows launcher), *.exe */
export const INTERPRETER_RE = /^(?:python(?:w)?(?:\d+(?:\.\d+)*)?[tdmu]?|pypy(?:\d+(?:\.\d+)*)?|py|jython|ipy)(?:\.exe)?$|^[Pp]ython[w\d.]*\.(?:exe|EXE)$/;
/** pip, pip3, pip3.12, pip.exe (names are case-sensitive, except Windows' .exe forms) */
export const PIP_RE = /^pip(?:\d+(?:\.\d+)*)?(?:\.exe)?$|^[Pp]ip[\d.]*\.(?:exe|EXE)$/;

/**
 * Curated console scripts → the module `python -m` runs (undefined: no runnable module known): Python
 * tools in every project. Where console-scripts.json knows a script, the module is the one it records
 * (test/known-console-scripts.test.ts checks that they agree).
 */
// Not `pydoc`, `pydoc3`, `2to3` or `idle`: a Python installation's own scripts, which no venv has in
// its bin (the base's run whether the venv is activated or not; sickgear's `2to3`, reviewed false).
export const CURATED_CONSOLE_SCRIPTS: ReadonlyMap<string, string | undefined> = new Map<string, string | undefined>([
  ['pytest', 'pytest'],
  ['py.test', 'pytest'],
  ['celery', 'celery'],
  ['gunicorn', 'gunicorn'],
  ['uvicorn', 'uvicorn'],
  ['hypercorn', 'hypercorn'],
  ['daphne', 'daphne'],
  ['flask', 'flask'],
  ['django-admin', 'django'],
  ['black', 'black'],
  ['isort', 'isort'],
  ['flake8', 'flake8'],
  ['pyflakes', 'pyflakes'],
  ['pycodestyle', 'pycodestyle'],
  ['autopep8', 'autopep8'],
  ['yapf', 'yapf'],
  ['mypy', 'mypy'],
  ['pylint', 'pylint'],
  ['bandit', 'bandit'],
  ['coverage', 'coverage'],
  ['sphinx-build', 'sphinx'],
  ['sphinx-apidoc', 'sphinx.ext.apidoc'],
  ['jupyter', 'jupyter_core'],
  ['jupyter-notebook', 'notebook'],
  ['jupyter-lab', 'jupyterlab'],
  ['ipython', 'IPython'],
  ['ipython3', 'IPython'],
  ['twine', 'twine'],
  ['wheel', 'wheel'],
  ['virtualenv', 'virtualenv'],
  ['alembic', 'alembic'],
  ['pip-compile', undefined],
  ['pip-sync', undefined],
  ['nosetests', 'nose'],
  ['scrapy', 'scrapy'],
  ['locust', 'locust'],
  ['streamlit', 'streamlit'],
  ['mkdocs', 'mkdocs'],
  ['cookiecutter', 'cookiecutter'],
  ['invoke', 'invoke'],
  ['fab', 'fabric'],
  ['ansible', undefined],
  ['ansible-playbook', undefined],
  ['dask', undefined],
  ['tensorboard', 'tensorboard'],
  ['mlflow', 'mlflow'],
  ['huey_consumer', undefined],
  ['rq', 'rq.cli'],
  ['dramatiq', 'dramatiq'],
  ['behave', 'behave'],
  ['robot', 'robot'],
  ['httpie', 'httpie.manager'],
  ['pyinstaller', 'PyInstaller'],
  ['maturin', undefined],
  ['pybabel', undefined],
  ['towncrier', 'towncrier'],
]);

/**
 * Programs that manage or select their own environment: running them by PATH is not an escape
 * (`uv run`, `poetry run`, `tox`, `nox`, `pipx run`, `hatch run`, `pdm run`, `conda run` …).
 */
export const SELF_MANAGED_TOOLS: ReadonlySet<string> = new Set([
  'uv', 'uvx', 'poetry', 'pipenv', 'pdm', 'hatch', 'rye', 'tox', 'nox', 'pipx', 'conda', 'mamba', 'micromamba', 'pixi',
  // pre-commit builds an environment per hook; which copy runs it does not decide what the hooks import.
  'pre-commit',
  // virtualenv (like `python -m venv`) makes a new environment: which interpreter it is based on is
  // its -p option or the caller's choice, and nothing of the caller's venv is meant to be inside it.
  'virtualenv',
]);

/** pip options that take a value (`-r FILE` and `-c FILE` make the install more than named tools). */
const PIP_OPTIONS_WITH_VALUE = new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--target', '-t', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--progress-bar', '--cache-dir', '--src', '--upgrade-strategy', '--trusted-host', '--proxy', '--timeout', '--retries', '--log', '--config-settings', '-C', '--global-option', '--no-binary', '--only-binary']);

/** The packaging tools an installer upgrades for itself (`pip install -U pip setuptools wheel`). */
const PACKAGING = new Set(['pip', 'setuptools', 'wheel']);

/**
 * What a `pip install` (or `uninstall`) installs when it names no project requirements: `tools`, standalone tools
 * (`pip install pre-commit`, `pip install -U tox nox`; with pip, setuptools or wheel beside them),
 * which each run from wherever they are installed and build their own environments
 * (SELF_MANAGED_TOOLS), so which pip installs them is not a venv escape; `packaging`, only the
 * installer's own packaging tools (`pip install --upgrade pip wheel`); undefined for anything else,
 * or what cannot be read. `words`: the command's words (undefined where not literal).
 */
export function pipInstallKind(words: readonly (string | undefined)[]): 'tools' | 'packaging' | undefined {
  // Removing a tool (`pip3 uninstall -y virtualenv`, vdirsyncer's fpm workaround) is read the same way.
  const at = words.findIndex((w) => w === 'install' || w === 'uninstall');
  if (at < 0) return undefined;
  let tools = 0;
  let packaging = 0;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i];
    if (w === undefined) return undefined;
    if (w.startsWith('-')) {
      if (w === '-r' || w === '--requirement' || w === '-c' || w === '--constraint' || w === '-e' || w === '--editable' || w.startsWith('--requirement=') || w.startsWith('--editable=')) return undefined;
      if (PIP_OPTIONS_WITH_VALUE.has(w)) i++;
      continue;
    }
    // A requirement: the name before any extras, version specifier or marker.
    const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:[<>=!~;@].*)?$/.exec(w)?.[1]?.toLowerCase().replace(/[-_.]+/g, '-');
    if (name && SELF_MANAGED_TOOLS.has(name)) tools++;
    else if (name && PACKAGING.has(name)) packaging++;
    else return undefined;
  }
  return tools > 0 ? 'tools' : packaging > 0 ? 'packaging' : undefined;
}

/** `pip install` of standalone tools and nothing else (pipInstallKind). */
export const installsOnlyTools = (words: readonly (string | undefined)[]): boolean => pipInstallKind(words) === 'tools';

/**
 * Directories where a hard-coded interpreter is the system's (or a global install), never a venv's:
 * the bin folders themselves (a folder below one is anybody's: pifire installs its venv as
 * /usr/local/bin/pifire/.venv), and the install trees of Homebrew and python.org's macOS framework.
 */
export const SYSTEM_BIN_DIRS: readonly string[] = ['/usr/bin', '/usr/local/bin', '/bin', '/usr/sbin', '/opt/homebrew/bin', '/opt/local/bin'];
const SYSTEM_TREES: readonly string[] = ['/usr/local/opt', '/Library/Frameworks/Python.framework', '/System/Library/Frameworks/Python.framework'];

export function isInterpreterName(name: string): boolean {
  return INTERPRETER_RE.test(name);
}

export function isPipName(name: string): boolean {
  return PIP_RE.test(name);
}

/** A path like /usr/bin/python3 or C:\Python39\python.exe: an interpreter outside any venv. */
export function isSystemInterpreterPath(p: string): boolean {
  const norm = p.replace(/\\/g, '/');
  const slash = norm.lastIndexOf('/');
  if (slash < 0) return false;
  const base = norm.slice(slash + 1);
  if (!INTERPRETER_RE.test(base) || /^(py|ipy)(\.exe)?$/i.test(base)) return false;
  const dir = norm.slice(0, slash);
  if (/^[A-Za-z]:\/Python\d+$/i.test(dir) || /^[A-Za-z]:\/Program Files( \(x86\))?\/Python\d+$/i.test(dir)) return true;
  return SYSTEM_BIN_DIRS.includes(dir) || SYSTEM_TREES.some((d) => dir === d || dir.startsWith(d + '/'));
}

/**
 * The prefilter's pattern: any program name the judge could classify, as it may appear inside a
 * string literal. It must match whenever the judge would (the tests check this on real code).
 */
export function toolNamePattern(consoleScripts: Iterable<string>): RegExp {
  const unique = [...new Set(consoleScripts)];
  const names = unique.map(escapeRegExp).sort((a, b) => b.length - a.length);
  const alts = [
    // interpreters and pip, with versions; also a prefix like f"python{version}"
    // …not a path segment ("/python/") or a host name ("python.org")
    '(?:python|pythonw|pypy|pip|jython|ipy)(?:\\d+(?:\\.\\d+)*)?[tdmu]?(?:\\.exe)?(?![\\w/-]|\\.[A-Za-z])',
    '[Pp](?:ython|ip)[w\\d.]*\\.(?:exe|EXE)',
    'py(?:\\.exe)?(?![\\w.-])',
    `(?:${names.join('|')})(?:\\.exe)?(?![\\w/-]|\\.[A-Za-z])`,
  ];
  const pattern = new RegExp(`(?<![\\w.-])(?:${alts.join('|')})`);
  // Every alternative above starts with a word character; a console script's name may not.
  if (unique.every((n) => /^\w/.test(n))) scanners.set(pattern, new RegExp(`\\b(?:${alts.join('|')})`, 'g'));
  return pattern;
}

/** For a toolNamePattern whose alternatives all start with a word character: the same alternatives after `\b`, global. */
const scanners = new WeakMap<RegExp, RegExp>();

/**
 * `pattern.test(text)` for a toolNamePattern, over a long text (a whole file) 1.3-1.4 times as fast.
 * The pattern's leading look-behind `(?<![\w.-])` keeps V8 from skipping ahead, so its copy led
 * by `\b` finds each candidate and the character before it is checked here: before a word
 * character `\b` means "after a non-word character or at the start", the look-behind means that
 * and "not after `.` or `-`". Any other pattern is tested as it is.
 */
export function hasToolName(pattern: RegExp, text: string): boolean {
  const scan = scanners.get(pattern);
  if (!scan) return pattern.test(text);
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    const before = text.charCodeAt(m.index - 1);
    if (before !== 46 /* . */ && before !== 45 /* - */) return true;
    scan.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * The `why` of an unknown fragment that is the running interpreter's version (`sys.version_info`,
 * `sys.version`, `platform.python_version()`): `f"python{sys.version_info.major}"` names this one.
 */
export const RUNNING_VERSION = "the running interpreter's version";
