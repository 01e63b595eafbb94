/**
 * Whether the project says it runs on Windows too. On Windows a shell string (`os.system`,
 * `shell=True`, `os.popen`) is run by cmd.exe, which does not read POSIX single quotes: a fix that
 * splices `shlex.quote(sys.executable)` into one turns `C:\…\python.exe` into a program name cmd.exe
 * cannot find. The Python rewriter then quotes for both shells (python/rewriter.ts). Said by the
 * project: a CI job on a Windows runner (GitHub Actions, Azure Pipelines, AppVeyor), a Windows
 * trove classifier, or a requirement only Windows installs (pywin32 …); a file that itself mentions
 * Windows is judged in the rewriter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isFile, readConfigText } from './config.js';

/** A CI job on Windows: GitHub's `windows-latest`/`windows-2022` runners, a self-hosted `windows` label, Azure's images. */
const WINDOWS_RUNNER = /\bwindows-(?:latest|\d{4})\b|\bruns-on\s*:[^\n]*\bwindows\b|\bvmImage\s*:\s*['"]?(?:windows|vs20\d\d)/i;

/** Files read per project, at most (a repository with hundreds of workflows is not read whole). */
const MAX_FILES = 200;
const MAX_BYTES = 1024 * 1024;

const known = new Map<string, boolean>();

function yamlFilesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** Whether one of `files` (each read up to MAX_BYTES) has text `test` accepts (a pattern matches). */
function says(files: string[], test: RegExp | ((text: string) => boolean)): boolean {
  return files.some((f) => {
    const t = readConfigText(f, MAX_BYTES);
    return t !== undefined && (typeof test === 'function' ? test(t) : test.test(t));
  });
}

/** Where a project can say it runs on Python 2 (see python2Said). */
export type Python2Source = 'metadata' | 'tox' | 'travis' | 'actions';

/** A Python 2 version: `2.7`, `"2.6"`. */
const PY2_VERSION = /^["']?2\.[67]\b/;

/**
 * Whether a file's text says the project runs on Python 2: its packaging metadata (a trove
 * classifier naming Python 2, or `python_requires`/`requires-python` allowing 2.x), tox's envlist (`py27`),
 * `.travis.yml`'s `python:` (2.7), a GitHub workflow's `python-version:` (2.7). Read line by line,
 * in linear time (a regular expression over continued lines backtracked for 47 s on pytest's
 * tox.ini).
 */
export function python2Said(source: Python2Source, text: string): boolean {
  const lines = text.split('\n');
  switch (source) {
    case 'metadata':
      if (/Programming Language :: Python :: 2(?:\.\d+)?\b/.test(text)) return true;
      for (const line of lines) {
        const at = line.search(/python_requires|requires-python/);
        if (at < 0) continue;
        const value = /^(?:python_requires|requires-python)[ \t]*=[ \t]*["']?([^"'\n]{0,200})/.exec(line.slice(at));
        if (value && /(?:^|[>=~,\s])2\.\d/.test(value[1])) return true;
      }
      return false;
    case 'tox':
      for (let i = 0; i < lines.length; i++) {
        const head = /^[ \t]*env_?list[ \t]*=(.*)$/.exec(lines[i]);
        if (!head) continue;
        let value = head[1];
        while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1])) value += ` ${lines[++i]}`;
        if (/\bpy2[67]?\b/.test(value)) return true;
      }
      return false;
    case 'travis':
      for (let i = 0; i < lines.length; i++) {
        const head = /^[ \t]*python[ \t]*:[ \t]*(.*)$/.exec(lines[i]);
        if (!head) continue;
        if (head[1].trim()) {
          if (PY2_VERSION.test(head[1].replace(/^\[[ \t]*/, '')) || /[[,][ \t]*["']?2\.[67]\b/.test(head[1])) return true;
          continue;
        }
        // A list below: `- 2.7.6`, `- "3.8"` (blank lines between).
        for (let j = i + 1; j < lines.length; j++) {
          if (!lines[j].trim()) continue;
          const item = /^[ \t]*-[ \t]*(.*)$/.exec(lines[j]);
          if (!item) break;
          if (PY2_VERSION.test(item[1])) return true;
          i = j;
        }
      }
      return false;
    case 'actions':
      for (const line of lines) {
        const at = line.indexOf('python-version');
        if (at >= 0 && /(?<![\d.])2\.7\b/.test(line.slice(at))) return true;
      }
      return false;
  }
}

const python2Known = new Map<string, boolean>();

/** Whether the project at `root` says it runs on Python 2 (python2Said; cached per root). */
export function projectRunsOnPython2(root: string | undefined): boolean {
  if (!root) return false;
  const cached = python2Known.get(root);
  if (cached !== undefined) return cached;
  const said = (source: Python2Source) => (text: string) => python2Said(source, text);
  const found =
    says(PROJECT_FILES.map((n) => path.join(root, n)), said('metadata')) ||
    says([path.join(root, 'tox.ini')], said('tox')) ||
    says([path.join(root, '.travis.yml')], said('travis')) ||
    says(yamlFilesIn(path.join(root, '.github', 'workflows')).slice(0, MAX_FILES), said('actions'));
  python2Known.set(root, found);
  return found;
}

/** Whether the project at `root` runs on Windows by its own CI or packaging metadata (cached per root). */
export function projectRunsOnWindows(root: string | undefined): boolean {
  if (!root) return false;
  const cached = known.get(root);
  if (cached !== undefined) return cached;
  const found =
    ['appveyor.yml', '.appveyor.yml'].some((n) => isFile(path.join(root, n))) ||
    says([...yamlFilesIn(path.join(root, '.github', 'workflows')), path.join(root, 'azure-pipelines.yml'), ...yamlFilesIn(path.join(root, '.azure-pipelines'))].slice(0, MAX_FILES), WINDOWS_RUNNER) ||
    metadataNamesWindows(path.resolve(root));
  known.set(root, found);
  return found;
}

/** Code that tells Windows apart (`platform.system() == "Windows"`, `os.name == "nt"`, `sys.platform.startswith("win")`). */
const WINDOWS_TEST = /\bplatform\.system\(\)\s*(?:==|!=|in|not in)\s*[[(]?\s*['"]Windows['"]|\bos\.name\s*(?:==|!=)\s*['"]nt['"]|\bsys\.platform\s*(?:==|!=)\s*['"](?:win32|cygwin)['"]|\bsys\.platform\.startswith\(\s*['"]win/;
/** A Windows script: a batch file or a PowerShell script. */
const WINDOWS_SCRIPT = /\.(?:bat|cmd|ps1)$/i;
/** Packaging metadata naming Windows: a trove classifier, or setuptools' `platforms=[…, "windows"]`. */
const WINDOWS_METADATA = /Operating System :: Microsoft :: Windows|\bplatforms\s*=\s*[[(]?[^\n\])]*\bwin/i;
const PROJECT_FILES = ['pyproject.toml', 'setup.cfg', 'setup.py'];
/**
 * Budgets of the look for a platform test elsewhere in the project (it runs only when a fix needs
 * it, but on an unreviewed tree too): Python files read, their characters in all, folders listed.
 */
const MAX_SCANNED = 5000;
const MAX_SCANNED_CHARS = 32 * 1024 * 1024;
const MAX_DIRS = 20000;
/** Folders that hold no code of the project's own to learn its platforms from. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'site-packages', 'dist-packages', 'build', 'dist']);

const metadataSays = new Map<string, boolean>();
const codeSays = new Map<string, boolean>();

/**
 * A requirement only Windows installs (pywin32, pywinauto, comtypes, wmi …), at a line's start (a
 * requirements file) or quoted (a dependency list): the project runs there. (Not pywin32-ctypes,
 * which keyring installs everywhere.)
 */
const WINDOWS_REQUIREMENT = /(?:^|["'])(?:pywin32|pypiwin32|pywinauto|comtypes|wmi|winshell|pywinpty|windows-curses)(?![\w-])/im;
/** A requirements file's name. */
const REQUIREMENTS_FILE = /^requirements[\w.-]*\.(?:txt|in)$/i;

/** Whether a folder's own packaging metadata or requirements name Windows (cached per folder). */
function metadataNamesWindows(dir: string): boolean {
  let said = metadataSays.get(dir);
  if (said === undefined) {
    let requirements: string[] = [];
    try {
      requirements = fs.readdirSync(dir).filter((n) => REQUIREMENTS_FILE.test(n)).sort().slice(0, MAX_FILES).map((n) => path.join(dir, n));
    } catch {
      // no folder to list
    }
    // (`pip freeze` in PowerShell writes UTF-16: its NULs are dropped to read the names.)
    said = says(PROJECT_FILES.map((n) => path.join(dir, n)), (t) => WINDOWS_METADATA.test(t) || WINDOWS_REQUIREMENT.test(t)) || says(requirements, (t) => WINDOWS_REQUIREMENT.test(t.replace(/\0/g, '')));
    metadataSays.set(dir, said);
  }
  return said;
}

/**
 * Walks the project's own files within the budgets above (not hidden folders, build output or a
 * venv's packages) until `found` says yes: each file's name, and a Python file's text (undefined
 * for other files).
 */
function projectFilesSay(root: string, found: (name: string, text: string | undefined) => boolean): boolean {
  let left = MAX_SCANNED;
  let chars = MAX_SCANNED_CHARS;
  let dirs = MAX_DIRS;
  const stack = [root];
  while (stack.length && left > 0 && chars > 0 && dirs-- > 0) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    // A virtual environment's packages are other projects' code.
    if (entries.some((e) => e.name === 'pyvenv.cfg')) continue;
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) stack.push(path.join(dir, e.name));
      } else if (e.isFile() && e.name.endsWith('.py') && left > 0 && chars > 0) {
        left--;
        const t = readConfigText(path.join(dir, e.name), MAX_BYTES);
        chars -= t?.length ?? 0;
        if (t !== undefined && found(e.name, t)) return true;
      } else if (e.isFile() && found(e.name, undefined)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether some Python file of the project tells Windows apart, or the project holds a batch file or
 * PowerShell script (within the budgets above, cached per root). A batch file or PowerShell script
 * of the project (magisterka's run_many.bat beside run_many.py) is run on Windows; not Sphinx's
 * docs/make.bat, which its quickstart writes into every project.
 */
function projectFilesSayWindows(root: string): boolean {
  let said = codeSays.get(root);
  if (said === undefined) {
    said = projectFilesSay(root, (name, text) => (text === undefined ? WINDOWS_SCRIPT.test(name) && name.toLowerCase() !== 'make.bat' : WINDOWS_TEST.test(text)));
    codeSays.set(root, said);
  }
  return said;
}

const python3Says = new Map<string, boolean>();

/**
 * Whether `file` is a file of the project at `root` and some Python file of the project is written for
 * Python 3 only (`python3Only`: an f-string, `async def` …, read lexically), within the budgets
 * above (cached per root).
 */
export function projectHasPython3OnlyCode(root: string | undefined, file: string, python3Only: (text: string) => boolean): boolean {
  if (!root) return false;
  const top = path.resolve(root);
  // (A text checked without a file, `checkText` with no path, is in no project.)
  if (!path.resolve(file).startsWith(top + path.sep) || !isFile(file)) return false;
  let said = python3Says.get(top);
  if (said === undefined) {
    said = projectFilesSay(top, (_name, text) => text !== undefined && python3Only(text));
    python3Says.set(top, said);
  }
  return said;
}

/**
 * Whether the code in `file` may run on Windows by what its project says beyond its CI and root
 * metadata (asked only when a fix quotes a path for a shell, so the project is read only then):
 * the packaging metadata of a project nested in the repository that holds the file (a vendored
 * copy whose `setup.py` lists `platforms=["windows", …]`), or another Python file of the project
 * that tells Windows apart (`if platform.system() == "Windows":` in a helper module: the program
 * is run there, and so may the file), or a batch file or PowerShell script of the project.
 */
export function codeMayRunOnWindows(root: string | undefined, file: string): boolean {
  if (!root) return false;
  const top = path.resolve(root);
  for (let dir = path.dirname(path.resolve(file)); dir.startsWith(top + path.sep); dir = path.dirname(dir)) {
    if (metadataNamesWindows(dir)) return true;
  }
  return projectFilesSayWindows(top);
}
