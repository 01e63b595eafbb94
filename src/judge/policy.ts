/**
 * The default policy for Python findings (VG101–VG103): when does a name looked up on PATH really
 * escape the environment the program runs in? A launch by name is an escape when the program may
 * run without its environment on PATH (started as `venv/bin/python app.py`, by a service, a
 * console script, an IDE) and nothing in the file shows otherwise. It is held back from the default
 * report — shown only by the opt-in rule VG106 — when the file itself shows that it runs with its
 * environment on PATH, or sets PATH for its children:
 *
 * - `path-set`: the launch runs after the program set PATH itself (`os.environ["PATH"] = …`,
 *   inside `with patch.dict(os.environ, {"PATH": …})`), or in a test under a `conftest.py` whose
 *   autouse fixture sets PATH (src/pipeline/imports-reliant.ts): the author chose what the name finds.
 * - `path-reliant`: the file also starts, by name from the same PATH, a program that is neither an
 *   operating-system command nor a Python tool: a program found only where it was installed, for
 *   Python code its environment's `bin` (`torchserve`, `locust`, a project's own command). That file
 *   works only with the environment on PATH, where `python` and `pip` are that environment's too.
 *   So does a file that uses such a launch of another module of its project (an imported function,
 *   its test folder's conftest.py): src/pipeline/imports-reliant.ts, through `startedBy.imports`.
 * - `task-runner`: the file defines invoke or fabric tasks, which run inside the `invoke`/`fab`
 *   command found on PATH: a name a task starts is found on that same PATH (not for `c.sudo`, nor in
 *   a file that makes a venv or starts one's programs by path).
 * - `path-chain`: the file installs with `pip` by name and runs `python` or a console script by
 *   name, and never starts `sys.executable`: both ends are PATH's, so they agree with each other in
 *   any environment; replacing some of them would split the chain (install here, run there).
 *
 * - `started-on-path`: every place the project starts the file (src/pipeline/who-runs.ts) runs it
 *   with its environment first on PATH (a tox env, a nox session, `uv run`, an activated venv) or
 *   by PATH's own interpreter (`python3 scripts/x.py` in a Makefile): its children by name are
 *   found on that same PATH. A starter that runs it by a venv's path without that venv on PATH
 *   (`ExecStart=/srv/app/venv/bin/python x.py`) is the escape itself: the file's other starters
 *   then hold nothing back, and a finding that is shown names that starter.
 * A notebook (its kernel runs the cells' code and imports what they install) is held back only by
 * `path-set` (`%env PATH …`, `os.environ["PATH"] = …`), by `colab` when it was saved from
 * Google Colab (a `colab` member in its metadata) or uses Colab's form fields (`#@title`), or in
 * code that runs only in Colab or on Kaggle, by `kaggle` when saved from Kaggle (a `kaggle` member),
 * by `path-chain` when its own code imports only the standard library (and IPython): its cells
 * install for the tools they run from PATH; and by `started-on-path` when it is a notebook of the
 * documentation that the docs build or a notebook runner started on PATH executes (docs-builds.ts).
 * - `fallback`: the name is written in the `elif`/`else` of an `if` whose first branch runs the same
 *   tool as a module of the running interpreter (`[sys.executable, "-m", "bandit"]`): it is used
 *   only where that module is missing, and PATH's tool is the one meant.
 * - `own-cli-test`: a test file (`test_*.py`, `*_test.py`, `conftest.py`, a file under `tests/`)
 *   runs one of the project's own console scripts (its pyproject's `[project.scripts]`) by name:
 *   it tests the command as its users run it, in a test run that has the project installed in the
 *   environment on PATH. So does a module of the package that only tests import (who-runs'
 *   `testsOnly`: no `__main__` test, shebang or entry point of its own).
 * - `shipped`: the launch is in a function a workflow framework runs in a container image of its
 *   own (Hera's `@script`, Kubeflow's `@dsl.component`, Airflow's `@task.docker`): the image's
 *   Python is the one on PATH there, and no venv of the project is in it.
 * - `host-app`: the file imports a module only an application's embedded Python provides (`bpy`:
 *   Blender, `gimpfu`, `maya`, `hou` …): it runs inside that application, with no venv.
 * - `sudo-chain`: a launch through sudo (`sudo python3 tool.py`) in a class, or a file without
 *   one, that installs with pip through sudo (`"sudo pip install -r requirements.txt"`): sudo
 *   resets PATH to its secure_path for both, so they agree on the system interpreter, which is
 *   the one meant (hackingtool's third-party tools).
 * - `mocked`: the launch runs where a test replaced the launch API with a mock (`with
 *   patch("subprocess.check_call", …):`, a function decorated with such a patch, after
 *   `monkeypatch.setattr(subprocess, "run", …)`): it starts nothing (comfy-cli's tests).
 * - `activation-required`: the launch runs only in an activated venv or conda env: inside `if
 *   "VIRTUAL_ENV" in os.environ:`, or after `if not has_conda: sys.exit(…)` in its block, where
 *   `has_conda = "CONDA_PREFIX" in os.environ` (facefusion's installer).
 * - `venv-absent`: the program's name is written where it is chosen only when a venv's folder is not
 *   there (`if VENV_DIR.exists(): python_exe = <its python>` / `else: python_exe = "python3"`, or
 *   `x if venv.exists() else "python3"`): the fallback for a machine without that venv, where the
 *   script itself runs with PATH's interpreter (rhasspy's script/ template).
 * - `fallback` also: the name is written in a branch of an `if` that tests what sys.executable is
 *   (its name, or whether the program runs frozen: mbed-cli's standalone build runs `python`).
 * - `test-data`: the file is under `tests/data/`, `testdata/`, `test_data/` or `test-data/`: input
 *   the tests read (nbQA lints its notebooks' `!pip` lines), not a launch of the project.
 * - `vendored`: the file is under a `_vendor/`, `vendored/`, `third_party/` or `3rdparty/` folder,
 *   or a package folder in `vendor/`: a copy of another project's code, not the project's own
 *   launch (bazarr's vendored ruamel.yaml `setup.py`).
 * - `colab` also holds, in any Python file or notebook, a launch in code that runs only in Google
 *   Colab or on Kaggle (`if "google.colab" in sys.modules:`, `if IN_COLAB:`, after `if not
 *   in_colab(): raise`, `if iskaggle:`; src/frontends/python/hosted.ts).
 *
 * Using `sys.executable` in the same function as the name (`[sys.executable, "-m", "pip", …]` for
 * one install, `pip3` for the next) shows the author meant the running interpreter: such a launch
 * is always shown, whatever `path-reliant` and `path-chain` say.
 */
import path from 'node:path';
import type { LaunchSite, PythonFileFacts } from '../kernel/launch-site.js';
import type { Span } from '../kernel/source.js';
import { wordSourceSpan, wordText } from '../kernel/word.js';
import type { Verdict } from '../kernel/verdict.js';
import { isTestPath } from '../kernel/test-paths.js';
import { isInterpreterName, isPipName, SELF_MANAGED_TOOLS } from './python-tools.js';

/**
 * Commands an operating system or a developer machine provides outside any Python environment
 * (POSIX utilities, shells, version control, compilers and package managers, container and cloud
 * CLIs, Windows built-ins, a Python installation's own scripts that no venv has: 2to3, pydoc). A program started by name that is none of these, and not a Python tool,
 * was installed by the project's own means — for Python code, into its environment.
 */
const SYSTEM_COMMANDS = new Set(
  `sh bash dash zsh ksh fish csh tcsh busybox env sudo su doas nice nohup timeout time xargs exec eval command
  set unset export source . alias unalias read readonly declare typeset local shift trap ulimit umask wait return exit
  getopts hash jobs fg bg builtin let pushd popd dirs shopt history break continue : [ [[ ulimit chdir start-stop-daemon
  ls cp mv rm rmdir mkdir ln chmod chown chgrp touch cat tac head tail less more tee wc sort uniq cut tr sed awk gawk grep egrep fgrep find
  which whereis type echo printf test true false sleep date kill pkill pgrep killall ps top uname hostname whoami id groups
  pwd cd basename dirname realpath readlink stat df du free mount umount sync file diff cmp patch install mktemp yes seq expr
  tar gzip gunzip zip unzip xz bzip2 zstd 7z curl wget rsync scp ssh ssh-keygen sftp ping nc netstat ss ip ifconfig dig host nslookup lsof
  git hg svn make cmake ninja meson gcc g++ cc c++ clang clang++ ld ar strip gdb lldb valgrind pkg-config autoreconf autoconf automake libtool
  apt apt-get apt-cache dpkg yum dnf rpm zypper pacman apk brew port snap flatpak choco winget scoop
  systemctl service journalctl launchctl crontab at logger chroot unshare ldconfig ldd nproc lscpu lspci lsblk nvidia-smi rocm-smi
  docker podman docker-compose buildah kubectl helm minikube kind oc aws gcloud az terraform ansible vagrant
  node npm npx yarn pnpm deno bun java javac mvn gradle go cargo rustc rustup ruby gem bundle perl php dotnet swift R Rscript julia lua
  conda mamba micromamba 2to3 pydoc pydoc3 idle idle3
  open xdg-open osascript defaults pbcopy pbpaste say
  cmd cmd.exe powershell powershell.exe pwsh where where.exe start tasklist taskkill reg setx icacls robocopy xcopy del copy move ren mklink
  ffmpeg ffprobe convert magick gs pandoc latex pdflatex xelatex lualatex dot sqlite3 psql mysql redis-cli mongo openssl gpg
  libreoffice soffice tesseract pdftotext pdftoppm pdfinfo inkscape chromium chromium-browser google-chrome firefox xvfb-run Xvfb`.split(/\s+/),
);

const judged = new WeakMap<PythonFileFacts, Map<LaunchSite, Verdict | undefined>>();
const reliance = new WeakMap<PythonFileFacts, { name: string; line: number }[]>();
const confirming = new WeakMap<PythonFileFacts, Map<Span | undefined, LaunchSite[]>>();
const chains = new WeakMap<PythonFileFacts, boolean>();

/** Once per file: does it install with pip by name and run a Python tool by name? */
function pathChain(facts: PythonFileFacts, judge: (s: LaunchSite) => Verdict | undefined): boolean {
  let chain = chains.get(facts);
  if (chain === undefined) {
    const judgedSites = facts.sites.map((s) => ({ s, v: judge(s) })).filter((x) => x.v !== undefined && x.v.resolution === 'path');
    const installs = judgedSites.some((x) => x.v!.tool === 'pip' && x.s.argv.some((w) => wordText(w) === 'install'));
    const runs = judgedSites.some((x) => x.v!.tool !== 'pip');
    chains.set(facts, (chain = installs && runs));
  }
  return chain;
}

/** The first of a file's code ranges (PythonFileFacts) that holds an offset. */
function rangeAt<R extends { from: number; to: number }>(ranges: readonly R[] | undefined, at: number): R | undefined {
  return ranges?.find((r) => r.from <= at && at < r.to);
}

/**
 * Whether the code at an offset runs only in Google Colab (`if "google.colab" in sys.modules:` …,
 * or a notebook cell that is setup for the hosted runtime, PythonFileFacts.hostedSetup).
 */
export function inColabOnlyCode(facts: PythonFileFacts, at: number): boolean {
  return rangeAt(facts.colabOnly, at) !== undefined || rangeAt(facts.hostedSetup, at) !== undefined;
}

/** The innermost function holding an offset (undefined: module level). */
function functionOf(functions: readonly Span[], at: number): Span | undefined {
  let best: Span | undefined;
  for (const f of functions) if (f.start <= at && at < f.end && (!best || f.start >= best.start)) best = f;
  return best;
}

function launchesSysExecutable(s: LaunchSite): boolean {
  return s.argv[0]?.fragments.some((f) => f.kind === 'sys-executable' || f.kind === 'venv-path') ?? false;
}

/** A program started by name from the inherited PATH that is not a system command nor a Python tool. */
function environmentProgram(s: LaunchSite): string | undefined {
  if (!s.searchesPath || s.env.path.kind !== 'inherited' || s.env.activeVenv !== undefined) return undefined;
  const w = s.argv[0];
  const name = w ? wordText(w) : undefined;
  if (!name || !/^[A-Za-z0-9][\w.+-]*$/.test(name)) return undefined;
  const base = name.replace(/\.exe$/i, '');
  if (SYSTEM_COMMANDS.has(name) || SYSTEM_COMMANDS.has(base) || SELF_MANAGED_TOOLS.has(base)) return undefined;
  if (isInterpreterName(name) || isPipName(name) || /^(python|pip|pypy)/i.test(base)) return undefined;
  // Started only after the code looked it up on PATH itself (`if shutil.which("cookiecutter"):`):
  // a tool the program lets the user install anywhere, which says nothing of its own environment.
  if (s.env.checkedOnPath?.some((n) => n.replace(/\.exe$/i, '') === base)) return undefined;
  // Asked only for its version (`interpreter --version` in a bug report): reported on, not relied on.
  const args = s.argv.slice(1).map((a) => wordText(a));
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V' || args[0] === 'version')) return undefined;
  return name;
}

/**
 * Every launch of the file that starts, by name from the inherited PATH, a program that is neither
 * a system command nor a Python tool (`torchserve`, `locust`): found once per file, at most 50.
 * `judgeOne` judges a site without the policy (a site judged a Python tool is never one).
 */
export function reliantLaunches(facts: PythonFileFacts, judgeOne: (s: LaunchSite) => Verdict | undefined): readonly { name: string; line: number }[] {
  let found = reliance.get(facts);
  if (!found) {
    found = [];
    for (const s of facts.sites) {
      const name = environmentProgram(s);
      if (name !== undefined && judgeOne(s) === undefined) {
        found.push({ name, line: s.file.location(s.callSpan.start).line });
        if (found.length >= 50) break;
      }
    }
    reliance.set(facts, found);
  }
  return found;
}

/**
 * Whether the file makes a venv or starts a program by a venv's path: it knows of an environment
 * that need not be the one on PATH (a task that creates `venv` and then runs `pip` by name).
 */
function knowsVenv(facts: PythonFileFacts): boolean {
  return facts.sites.some((s) => {
    if (s.argv.some((w) => w.fragments.some((f) => f.kind === 'venv-path'))) return true;
    const words = s.argv.map((w) => wordText(w));
    const base = (words[0] ?? '').replace(/^.*[\\/]/, '');
    if (base === 'virtualenv' || (base === 'uv' && words[1] === 'venv')) return true;
    return words.some((w, i) => w === '-m' && (words[i + 1] === 'venv' || words[i + 1] === 'virtualenv'));
  });
}

/** A module and a console script that are one tool (`bandit`, `pre_commit` and `pre-commit`). */
function sameTool(module: string, name: string): boolean {
  const norm = (x: string) => x.replace(/\.exe$/i, '').replace(/_/g, '-').toLowerCase();
  return norm(module) === norm(name);
}

/**
 * The `elif`/`else` (PythonFileFacts.moduleFallbacks) that holds a tool's name written at `at`, after
 * a first branch that runs that tool as a module of the running interpreter: there the interpreter
 * has no such module.
 */
export function moduleFallbackAt(facts: PythonFileFacts | undefined, at: number, tool: string): { line: number; module: string } | undefined {
  return rangeAt(facts?.moduleFallbacks?.filter((f) => sameTool(f.module, tool)), at);
}

/** A file's path from the working folder when it is under it (the folders above the project say nothing). */
function projectPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * A path through a folder that holds other projects' code by convention: `_vendor/`, `vendored/`,
 * `third_party/` at any depth, and a package folder inside `vendor/` (`vendor/ruamel/…`; a file
 * right in `vendor/` may be the project's own tool that manages them, as pex's `pex/vendor/`).
 */
const VENDORED = /(?:^|[\\/])(?:(?:_vendor(?:ed)?|vendored|third[-_]?party|3rdparty)[\\/]|vendor[\\/][^\\/]+[\\/])/i;

/** Where the judge learnt a console script from the project's own metadata (src/env/console-scripts.ts). */
const OWN_SCRIPT = /^pyproject \[(?:project\.(?:gui-)?scripts|tool\.poetry\.scripts)\]$/;

/** A path through a folder of test input: `tests/data/`, `test/data/`, `testdata/`, `test_data/`, `test-data/`. */
const TEST_DATA = /(?:^|[\\/])(?:tests?[\\/]data|testdata|test[-_]data)[\\/]/i;

/**
 * The verdict, with `held` set when the default policy keeps it out of the default report.
 * `judge` judges the file's other sites without this policy.
 */
export function applyPolicy(site: LaunchSite, verdict: Verdict, judgeOne: (s: LaunchSite) => Verdict | undefined): Verdict {
  const facts = site.pythonFile;
  if (facts && verdict.resolution === 'sudo' && verdict.tool !== 'pip') {
    // Installed with `sudo pip` and run with `sudo python`: both on sudo's secure_path, the same interpreter.
    const at = site.callSpan.start;
    const chain = rangeAt(facts.sudoInstalls, at);
    if (chain) return { ...verdict, held: { signal: 'sudo-chain', reason: `this ${chain.to - chain.from < site.file.text.length ? 'class' : 'file'} installs with pip through sudo (line ${chain.line}), so sudo's secure_path finds the interpreter those packages went to` } };
  }
  if (!facts || verdict.resolution !== 'path') return verdict;
  // Each of the file's sites judged once, however many of them ask (a file may have thousands).
  let cache = judged.get(facts);
  if (!cache) judged.set(facts, (cache = new Map()));
  const judge = (s: LaunchSite) => {
    if (!cache.has(s)) cache.set(s, judgeOne(s));
    return cache.get(s);
  };
  // A copy of another project's code kept in the repository (`vendor/`, `_vendor/`, `third_party/`):
  // not the project's own launch to fix (bazarr's libs/dynaconf/vendor/ruamel/yaml/setup.py).
  const where = projectPath(site.file.path);
  if (VENDORED.test(where)) return { ...verdict, held: { signal: 'vendored', reason: 'this file is a vendored copy of another project (its folder says so), not code this project runs as its own' } };
  // Input a test reads (`tests/data/`, `testdata/`): a fixture the tests lint or parse, whose `!pip`
  // is what they check, not a launch of the project (nbQA's notebooks).
  if (TEST_DATA.test(where)) return { ...verdict, held: { signal: 'test-data', reason: 'this file is test data (its folder says so), input the tests read rather than code the project runs' } };
  // Code an application's embedded Python runs (`import bpy`: Blender) has no venv to escape.
  if (facts.hostApp) return { ...verdict, held: { signal: 'host-app', reason: `this file runs inside ${facts.hostApp} (its imports say so), whose embedded Python has no venv: a program it starts by name is PATH's on purpose, and sys.executable would start ${facts.hostApp}` } };
  // An unpackaged project whose README activates a conda environment runs its scripts there.
  if (facts.condaWorkflow) return { ...verdict, held: { signal: 'conda-workflow', reason: `the project is no installable package and its README activates a conda environment (${facts.condaWorkflow.file}:${facts.condaWorkflow.line}) and names no venv: its scripts run there, where PATH's python is that environment's` } };
  // Python 2 code in a project whose other code is Python 3 only: no one interpreter runs both.
  if (facts.python2Only) return { ...verdict, held: { signal: 'python2', reason: `this file is Python 2 code (line ${facts.python2Only}) in a project whose other code is Python 3 only, so no venv of the project runs it` } };
  const at = site.callSpan.start;
  // A function a workflow framework runs in its own container image: the image's Python is PATH's.
  const shipped = rangeAt(facts.shipped, at);
  if (shipped) return { ...verdict, held: { signal: 'shipped', reason: `${shipped.why}, whose Python is the one on PATH there: no venv of this project is in it` } };
  const set = rangeAt(facts.pathSets, at);
  if (set) return { ...verdict, held: { signal: 'path-set', reason: 'the program sets PATH itself before this launch' } };
  // A test under a conftest.py whose autouse fixture sets PATH (the cross-file pass, imports-reliant.ts).
  if (facts.startedBy?.pathSet) return { ...verdict, held: { signal: 'path-set', reason: facts.startedBy.pathSet } };
  // Code that runs only in Google Colab (`if "google.colab" in sys.modules:`): there the kernel's
  // interpreter is the runtime's only Python, and PATH's pip and python are its own.
  const setup = rangeAt(facts.hostedSetup, at);
  if (setup) {
    return { ...verdict, held: { signal: 'colab', reason: `cell ${setup.cell} is tagged ${setup.tag}, so the project's own runs of the notebook skip it: it is setup for the hosted runtime the notebook opens in (Google Colab or Kaggle), where the runtime's only Python is the one on PATH` } };
  }
  if (inColabOnlyCode(facts, at)) {
    return { ...verdict, held: { signal: 'colab', reason: "this launch runs only in Google Colab or on Kaggle (its `if` tests for it), where the runtime's only Python is the one on PATH" } };
  }
  // A test that replaced the launch API with a mock: the call starts nothing.
  if (rangeAt(facts.mocked, at)) {
    return { ...verdict, held: { signal: 'mocked', reason: 'the launch API is replaced by a mock here (a test), so this call starts nothing' } };
  }
  // The name is the fallback for a machine without the file's venv (`else: python_exe = "python3"`
  // after `if _VENV_DIR.exists():`): there the script runs with PATH's interpreter too (its shebang).
  const written = wordSourceSpan(site.argv[0]);
  const absent = written && site.argv[0].fragments.length === 1 ? rangeAt(facts.venvAbsent, written.start) : undefined;
  if (absent) {
    return { ...verdict, held: { signal: 'venv-absent', reason: `this name is chosen only when the venv the test on line ${absent.line} looks for is not there, where PATH's interpreter is the one meant` } };
  }
  // The name is chosen by a test of what sys.executable is (`if
  // os.path.basename(python_cmd).startswith('mbed'): python_cmd = 'python'` after `python_cmd =
  // sys.executable`, mbed-cli's standalone build): the author picks PATH's program on purpose there.
  const tested = written && site.argv[0].fragments.length === 1 ? rangeAt(facts.executableTested, written.start) : undefined;
  if (tested) {
    return { ...verdict, held: { signal: 'fallback', reason: `this name is chosen by the test of sys.executable on line ${tested.line} (a frozen program's sys.executable is the program itself), so PATH's is the one meant` } };
  }
  // The name is the fallback where the tool is not a module of the running interpreter (`else:
  // cmd = ["bandit", …]` after `if find_spec("bandit"): cmd = [sys.executable, "-m", "bandit", …]`).
  const fallback = written && verdict.tool === 'console-script' ? moduleFallbackAt(facts, written.start, verdict.name) : undefined;
  if (fallback) {
    return { ...verdict, held: { signal: 'fallback', reason: `this name is the fallback for when the branch above does not run "${fallback.module}" as a module of this interpreter (line ${fallback.line}), so PATH's is the one meant` } };
  }
  // The program stops unless an environment is activated (`if not has_conda: sys.exit(…)`).
  const activated = rangeAt(facts.activatedOnly, at);
  if (activated) {
    return { ...verdict, held: { signal: 'activation-required', reason: `this launch runs only in an activated environment (the test on line ${activated.line}), whose bin is first on PATH` } };
  }
  // The author says where the program runs: its opening states it runs inside an activated virtualenv.
  const declared = facts.declaredVenv;
  if (declared) {
    return { ...verdict, held: { signal: 'declared-venv', reason: `the file says it runs inside an activated virtualenv (line ${declared.line}), where PATH's python, pip and console scripts are that environment's` } };
  }
  // The author says the program is found on PATH ("This assumes a working ansible version in the path").
  const says = facts.declaredOnPath;
  if (says && (says.words.includes(verdict.name) || says.words.includes(verdict.name.replace(/\.exe$/i, '')))) {
    return { ...verdict, held: { signal: 'declared-path', reason: `the file says it expects "${verdict.name}" on PATH (line ${says.line}), so it means the one PATH has` } };
  }
  // The file itself asks PATH for this console script (`shutil.which("tensorboard")`): it treats it
  // as a program of PATH. (Not python or pip: that PATH has one says nothing of its environment,
  // as for the which-guards judge.ts reads.)
  const lookedUpAt = verdict.tool === 'console-script' ? (facts.lookedUp?.get(verdict.name) ?? facts.lookedUp?.get(verdict.name.replace(/\.exe$/i, ''))) : undefined;
  if (lookedUpAt !== undefined) {
    return { ...verdict, held: { signal: 'looked-up', reason: `this file looks "${verdict.name}" up on PATH itself (line ${lookedUpAt}), so it means the one PATH has` } };
  }
  // A notebook's kernel imports what its cells install and run: PATH's tools agreeing with each
  // other (path-chain) or a tool only PATH's environment has (path-reliant) say nothing of it.
  // A notebook saved from Google Colab runs where the kernel is the runtime's only Python: PATH's
  // pip and python are the kernel's (the corpus reviews found every such finding false).
  // One whose own code imports only the standard library (and IPython, the kernel's own) relies on
  // nothing its cells install: what they install is for the tools they run from PATH, as in a file
  // (mlperf's GettingStarted: `!pip install onnxruntime`, then `!./run_local.sh onnxruntime …`).
  if (facts.notebook) {
    if (facts.colab) {
      const made = facts.colab === 'saved' ? 'was saved from Google Colab' : "is written for Google Colab (its cells use Colab's form fields, #@title or #@param)";
      return { ...verdict, held: { signal: 'colab', reason: `the notebook ${made}, where the kernel is the runtime's only Python and PATH's pip and python are its own` } };
    }
    // Kaggle's notebooks run in its Docker image, whose Python is the kernel and first on PATH (Applio's Kaggle notebook).
    if (facts.kaggle) return { ...verdict, held: { signal: 'kaggle', reason: "the notebook was saved from Kaggle, whose image's Python is the kernel and the one PATH finds" } };
    if (facts.kernelStdlibOnly && pathChain(facts, judge)) {
      return { ...verdict, held: { signal: 'path-chain', reason: "this notebook's own code imports only the standard library, and its shell lines install with pip from PATH and run Python tools from PATH, so both are the same environment" } };
    }
    // A notebook of the documentation that the project's docs build or a notebook runner executes
    // (who-runs, docs-builds.ts): its kernel is that program's Python, with that program's PATH.
    if (facts.startedBy?.byPath) return { ...verdict, startedBy: facts.startedBy.byPath };
    const runner = facts.startedBy?.onPath;
    if (runner) return { ...verdict, held: { signal: 'started-on-path', reason: `${runner}, so its kernel is that program's Python and a name a cell starts is found on the same PATH` } };
    return verdict;
  }

  // The file's sys.executable launches by the function that holds them (its functions are listed
  // only when it has such a launch: most files have none).
  let confirmed = confirming.get(facts);
  if (!confirmed) {
    confirmed = new Map();
    for (const s of facts.sites.filter(launchesSysExecutable)) {
      const fn = functionOf(facts.functions, s.callSpan.start);
      const held = confirmed.get(fn);
      if (held) held.push(s);
      else confirmed.set(fn, [s]);
    }
    confirming.set(facts, confirmed);
  }
  const byPath = facts.startedBy?.byPath;
  if (confirmed.size && confirmed.get(functionOf(facts.functions, at))?.some((s) => s !== site)) return byPath ? { ...verdict, startedBy: byPath } : verdict;

  // A test that runs the project's own command by name tests it as its users run it: the test run
  // has the project installed in the environment on PATH (tox, nox, `uv run`, `poetry run`, an
  // activated venv), where the name finds that install (molecule's tests/integration, nautobot's
  // and repo2docker's tests: reviewed false in the corpus, 65 of 71 such findings).
  if (verdict.tool === 'console-script' && OWN_SCRIPT.test(verdict.source ?? '') && isTestPath(where)) {
    return { ...verdict, held: { signal: 'own-cli-test', reason: `this test runs the project's own command "${verdict.name}" (${verdict.source}) as its users do: a test run has the project installed in the environment on PATH` } };
  }
  // So does a helper of the tests kept in the package, which only tests import (nav's
  // EventEngineProcess starts the project's `eventengine` for its integration tests).
  const testsOnly = facts.startedBy?.testsOnly;
  if (testsOnly && verdict.tool === 'console-script' && OWN_SCRIPT.test(verdict.source ?? '')) {
    return { ...verdict, held: { signal: 'own-cli-test', reason: `${testsOnly}, and it runs the project's own command "${verdict.name}" (${verdict.source}) as its users do: a test run has the project installed in the environment on PATH` } };
  }
  const reliant = reliantLaunches(facts, judge)[0];
  if (reliant) {
    return { ...verdict, held: { signal: 'path-reliant', reason: `this file also starts "${reliant.name}" by name (line ${reliant.line}), which only its environment on PATH provides` } };
  }
  // A module of the project this file uses starts such a program (the cross-file pass, src/pipeline/imports-reliant.ts).
  const imported = facts.startedBy?.imports;
  if (imported) return { ...verdict, held: { signal: 'path-reliant', reason: `${imported}, which only its environment on PATH provides` } };
  // A task of invoke or fabric runs inside the `invoke`/`fab` command, itself found on PATH.
  if (facts.taskRunner && !/\.sudo$/.test(site.api) && !site.wrappers.includes('sudo') && !knowsVenv(facts)) {
    const command = facts.taskRunner === 'invoke' ? '"invoke" (or "inv")' : '"fab"';
    return { ...verdict, held: { signal: 'task-runner', reason: `this file defines ${facts.taskRunner} tasks, which run inside ${command} found on PATH, so a name they start is found on the same PATH as the task runner` } };
  }

  if (confirmed.size === 0 && pathChain(facts, judge)) {
    return { ...verdict, held: { signal: 'path-chain', reason: 'this file installs with pip from PATH and runs Python tools from PATH, so both are the same environment' } };
  }
  // A starter runs the file by a venv's path without that venv on PATH: the escape itself, named.
  if (byPath) return { ...verdict, startedBy: byPath };
  // Every known starter of the file runs it with its environment on PATH (who-runs pre-pass).
  const onPath = facts.startedBy?.onPath;
  if (onPath) return { ...verdict, held: { signal: 'started-on-path', reason: `${onPath}, so a name it starts is found on the same PATH as its own interpreter` } };
  return verdict;
}
