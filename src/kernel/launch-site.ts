/**
 * LaunchSite: the one thing every front end produces and every rule judges — a place where a
 * process is started, with its argv resolved as far as static analysis allows and the environment
 * state (which PATH the program name is resolved against) at that point.
 */
import type { SourceFile, Span } from './source.js';
import type { Word } from './word.js';
import type { Edit, FixApplicability } from './diagnostic.js';

export type Language = 'python' | 'shell' | 'dockerfile' | 'github-actions' | 'gitlab-ci' | 'makefile' | 'systemd' | 'supervisor' | 'procfile' | 'crontab'
  | 'pre-commit' | 'jenkins' | 'azure-pipelines' | 'circleci' | 'bitbucket-pipelines' | 'compose' | 'notebook';

/** The CI formats: a job's steps, run in the repository's checkout, once each. */
export const CI_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['github-actions', 'gitlab-ci', 'jenkins', 'azure-pipelines', 'circleci', 'bitbucket-pipelines']);

export interface LaunchSite {
  file: SourceFile;
  language: Language;
  /** The launching API or construct, e.g. `subprocess.run`, `os.system`, `shell`. */
  api: string;
  /** The launching call or command (where findings are reported). */
  callSpan: Span;
  /** argv[0] is the program as invoked, after wrappers (`env`, `nice`, `sh -c` …) were unwrapped. */
  argv: Word[];
  /** False when argv has elements we could not resolve (e.g. `*args` of unknown length) before the end. */
  argvComplete: boolean;
  /** Whether a bare argv[0] is looked up on PATH (execvp) or taken relative to the cwd (execv). */
  searchesPath: boolean;
  /** True when a shell parsed the command line this launch came from. */
  viaShell: boolean;
  /** What was unwrapped to reach argv[0], outermost first, e.g. ["sh -c", "env"]. */
  wrappers: string[];
  env: EnvState;
  /** Front-end specific construction of fixes; absent when the front end cannot rewrite this site. */
  rewriter?: ProgramRewriter;
  /** What the configuration rules need to know about a site in a configuration file (absent in Python). */
  config?: ConfigSiteFacts;
  /**
   * The modules imported by the Python code an interpreter is handed inline (`python -c CODE`, a
   * here-doc on `python3 -`'s stdin, a script file the same Python code writes from a literal just
   * before), when the front end read all of that code (literal, parsed, no import named at run
   * time). Absent otherwise.
   */
  inlineImports?: string[];
  /** Python source: what the whole file says about how it runs, for the default policy (src/judge/policy.ts). */
  pythonFile?: PythonFileFacts;
  /**
   * Where, in another file, part of this launch is decided (a command constant or a helper function
   * of another module of the project: src/frontends/python/project-modules.ts); reported as related locations.
   */
  elsewhere?: { message: string; path: string; offset: number; line: number; column: number }[];
}

/** Facts about one Python file that a single launch does not show (the front end collects them). */
export interface PythonFileFacts {
  /** Every launch site of the file, this one among them. */
  sites: readonly LaunchSite[];
  /** The bodies of the file's functions (a launch belongs to the innermost one holding it). */
  functions: readonly Span[];
  /**
   * Where the program sets PATH for itself (`os.environ["PATH"] = …`, `with patch.dict(os.environ,
   * {"PATH": …})`, `monkeypatch.setenv("PATH", …)`): launches between `from` and `to` run with it.
   */
  pathSets: readonly { from: number; to: number; span: Span }[];
  /**
   * The code runs in a Jupyter kernel (a notebook's cells): the kernel itself imports what the
   * cells install, so installing with PATH's pip and running PATH's tools is no consistent chain.
   */
  notebook?: boolean;
  /**
   * A notebook made for Google Colab, where its kernel is the runtime's only Python: `saved` from
   * Colab (a `colab` member in its metadata), or with Colab's `forms` (`#@title`, `#@param`,
   * `#@markdown` lines, which only Colab renders).
   */
  colab?: 'saved' | 'forms';
  /** A notebook saved from Kaggle: its kernel is the image's Python, the one PATH finds. */
  kaggle?: boolean;
  /**
   * A notebook whose own code (the kernel's) imports only the standard library and IPython, read
   * lexically: no other import statement, no import named at run time (`importlib`, `__import__`).
   */
  kernelStdlibOnly?: boolean;
  /**
   * Code that runs only in Google Colab (`if "google.colab" in sys.modules:`, `if IN_COLAB:`, the
   * `else:` of `if not IN_COLAB:`, what follows `if not in_colab(): raise …`): launches between
   * `from` and `to` find the runtime's only Python on PATH.
   */
  colabOnly?: readonly { from: number; to: number }[];
  /**
   * A notebook's cells that its own runs skip (tagged `skip-execution` or `nbval-skip`) in a
   * notebook that opens in Google Colab or on Kaggle (its badge link) or that say they are for it:
   * setup for the hosted runtime, where the kernel's Python is the one on PATH. `cell` is the
   * cell's number, `tag` the tag.
   */
  hostedSetup?: readonly { from: number; to: number; cell: number; tag: string }[];
  /**
   * Code that runs only in an activated virtual or conda environment (`if "VIRTUAL_ENV" in
   * os.environ:`, what follows `if not has_conda: sys.exit(…)`): launches between `from` and `to`
   * find that environment's `bin` first on PATH; `line` is the test's.
   */
  activatedOnly?: readonly { from: number; to: number; line: number }[];
  /**
   * Code that runs with a launch API replaced by a mock (`with patch("subprocess.check_call", …):`,
   * `@mock.patch("subprocess.run")`, after `monkeypatch.setattr(subprocess, "run", …)`): launches
   * between `from` and `to` start nothing; their argv is the test's data.
   */
  mocked?: readonly { from: number; to: number }[];
  /**
   * Code that runs only when a venv's folder is not there: the `else:` of `if VENV_DIR.exists():`,
   * the `if not os.path.isdir(venv):` body, the `else` value of `x if venv.exists() else y`
   * (rhasspy's script/ template: `.venv`'s python when it exists, else `"python3"`). A name
   * written between `from` and `to` is the fallback for a machine with no such venv; `line` is
   * the test's.
   */
  venvAbsent?: readonly { from: number; to: number; line: number }[];
  /**
   * Every branch of an `if` whose condition (on line `line`) tests what `sys.executable` is (its
   * name, or whether the program runs frozen): a program's name written there is chosen for when
   * the running interpreter is not the one to start (a frozen program's sys.executable is itself).
   */
  executableTested?: readonly { from: number; to: number; line: number }[];
  /**
   * The `elif`s and `else` of an `if` whose first branch runs a tool as a module of the running
   * interpreter (`[sys.executable, "-m", "bandit", …]`, on line `line`): a name of that tool
   * written between `from` and `to` is the fallback for an interpreter without the module.
   */
  moduleFallbacks?: readonly { from: number; to: number; line: number; module: string }[];
  /**
   * The file's opening (leading comments, module docstring) says it runs inside an activated
   * virtualenv ("This script assumes you're running in a virtualenv"): at that line.
   */
  declaredVenv?: { line: number };
  /**
   * The file's opening says programs are found on PATH ("This assumes a working ansible version in
   * the path"): the words of that sentence before "in the path", at that line.
   */
  declaredOnPath?: { line: number; words: string[] };
  /**
   * Programs the file looks up on PATH itself by a literal name (`shutil.which("tensorboard")`),
   * each with the line of its first look-up.
   */
  lookedUp?: ReadonlyMap<string, number>;
  /**
   * Where the file installs with pip through sudo (`"sudo pip install termcolor"`, `sudo python3 -m
   * pip install -r requirements.txt`, in a string of its code): the class holding that string, or
   * the whole file when no class does, with the string's line. A launch through sudo there finds
   * the interpreter those installs went to, on sudo's own secure_path.
   */
  sudoInstalls?: readonly { from: number; to: number; line: number }[];
  /**
   * The file defines invoke or fabric tasks (`@task`): the `invoke`/`inv` or `fab` command, found
   * on PATH, loads it and runs its tasks.
   */
  taskRunner?: 'invoke' | 'fabric';
  /**
   * The application whose embedded Python runs the file, by a module only it provides (`import bpy`:
   * Blender): there is no venv, and `sys.executable` is the application's own interpreter.
   */
  hostApp?: string;
  /**
   * The line of the file's first Python 2 statement (`print "x"`, `except E, e:`), when nothing in
   * the file is Python 3 only and another file of the project is: no one interpreter runs both, so
   * no venv of the project runs this file (unknown-horizons' stale stage_build_mac.py).
   */
  python2Only?: number;
  /** Where the project's README activates the conda environment the file runs in (pipeline/documented-env.ts). */
  condaWorkflow?: { file: string; line: number };
  /**
   * Functions a workflow framework runs in a container of its own (Hera's `@script`, Kubeflow's
   * `@dsl.component`, Airflow's `@task.docker`: python/shipped-functions.ts), with why in words.
   */
  shipped?: { from: number; to: number; why: string }[];

  /**
   * Who starts this file, as the project's configuration, tox and nox files say (the who-runs
   * pre-pass, src/pipeline/who-runs.ts); absent when nothing known starts it.
   */
  startedBy?: FileStarters;
}

/** What the known starters of a Python file say about the PATH it runs with (one of the two, in words). */
export interface FileStarters {
  /** Every starter runs it with its environment first on PATH, or by PATH's own interpreter: the first of them. */
  onPath?: string;
  /** A starter runs it by a venv's interpreter path without that venv on PATH. */
  byPath?: string;
  /**
   * Not a starter: the file uses a module of the project (an import, or its test folder's
   * `conftest.py`) that starts by name a program only its environment provides, in words
   * (`it imports start from ts/launcher.py, which starts "torchserve" by name (line 12)`).
   */
  imports?: string;
  /**
   * Not a starter: a `conftest.py` over this test file sets PATH in an autouse fixture, around every
   * test under it, in words (`an autouse fixture of tests/conftest.py sets PATH … (line 55)`).
   */
  pathSet?: string;
  /**
   * Not a starter: every file of the run that imports this module is a test (`only the project's
   * tests import this file (tests/integration/x_test.py and 1 other test)`).
   */
  testsOnly?: string;
}

/**
 * The venv a configuration command is meant for, of the venvs in scope there (in the order the file
 * names them): the active one when the file knows it, else the latest. One choice for the rules that
 * name it (VG104) and the rewriters that write its programs, so a fix never names another venv.
 */
export function meantVenv(known: readonly string[], active: string | undefined): string | undefined {
  return active !== undefined && known.includes(active) ? active : known[known.length - 1];
}

export interface EnvState {
  /** Which PATH a bare program name is resolved against. */
  path: PathState;
  /** Virtual environments known to exist where this launch runs (config front ends). */
  knownVenvs?: string[];
  /** The venv whose bin is on PATH at this point, if known. */
  activeVenv?: string;
  /**
   * The venv whose bin is on the PATH the started process runs with, when its program was looked up
   * elsewhere: systemd and supervisord find a unit's program on their own search path, then give
   * the process `Environment=PATH=…`, which is what the program's children find by name.
   */
  processVenv?: string;
  /**
   * A folder of console scripts the caller of this code puts first on PATH, though the interpreter
   * stays the outer one: pip's isolated build environment for a PEP 517 backend's hooks.
   */
  scriptsOnPath?: string;
  /**
   * The interpreter a Python file's shebang names by absolute path (`#!/usr/bin/python3`): the one
   * the code runs under when it is started as a program.
   */
  shebang?: string;
  /**
   * The major version a Python file's shebang asks for, by path or through env
   * (`#!/usr/bin/env python2`): `python3` started from such a file is another interpreter on purpose.
   */
  shebangMajor?: '2' | '3';
  /**
   * Names the code itself looked up on PATH before this launch (`if not shutil.which("ansible"):
   * sys.exit(…)`, or the launch inside `if shutil.which(…):`): it knows the tool is PATH's.
   */
  checkedOnPath?: string[];
}

export type PathState =
  | { kind: 'inherited' }
  /** An explicit environment that sets PATH. */
  | { kind: 'explicit'; span?: Span }
  /** An explicit environment without PATH: the lookup falls back to os.defpath (/bin:/usr/bin). */
  | { kind: 'missing'; span: Span }
  /** PATH that sudo resets to its secure_path. */
  | { kind: 'reset'; by: string }
  | { kind: 'unknown' };

/** What a rule asks for: replace the program (and maybe some of its leading args) with … */
export type RewriteTarget =
  /** the interpreter running this code, optionally with `-m module` (consumes `consume` argv words). */
  | { kind: 'interpreter'; module?: string; consume?: number }
  /**
   * a script in the running interpreter's own bin directory; `orPath`: that script when it is
   * there, else the name as before (`shutil.which(name, path=<that folder>) or name`), for an API
   * that looks the name up on PATH.
   */
  | { kind: 'interpreter-bin'; name: string; orPath?: boolean }
  /**
   * Configuration files: make the venv's bin persist on PATH the way the format allows (Dockerfile:
   * `ENV VIRTUAL_ENV=… PATH=…`; GitHub Actions: a `$GITHUB_PATH` line), written after the command
   * that created the venv, after this site's own command (an activation), or beside the
   * `VIRTUAL_ENV` setting that lacks PATH. Front ends that cannot write it return undefined.
   */
  | { kind: 'persist-venv'; venv: string; at: 'creation' | 'site' | 'virtual-env' };

export interface Rewrite {
  edits: Edit[];
  /** The fix's title when the front end words it better than the rule can (format-specific text). */
  title?: string;
  applicability: FixApplicability;
  /** Why the fix is not safe, when it is not. */
  reason?: string;
}

export interface ProgramRewriter {
  rewrite(target: RewriteTarget): Rewrite | undefined;
}

export interface VenvOrigin {
  /** 1-based line of the instruction or step that created (or copied in) the venv. */
  line: number;
  /** 'named': the file uses the venv by path (`/srv/app/venv/bin/pip`, `VIRTUAL_ENV=`, an activation) without creating it. */
  how: 'created' | 'copied' | 'named';
  /** Where, in the format's own terms, when a line alone does not say it: "in step 2", "by target venv". */
  where?: string;
  /** Offset of the command or instruction that made it. */
  offset?: number;
  /** End offset of the command that made it (fixes insert after it). */
  end?: number;
  /** Made without pip by design (`uv venv` without --seed): `pip` by name is never its pip. */
  withoutPip?: boolean;
  /**
   * A venv the file only names, first after a command that runs another script (which may make
   * it: ProxmoxVE's netbox installer runs `/opt/netbox/upgrade.sh`, then activates
   * /opt/netbox/venv): the offset of that command, before which the venv is not known to exist.
   */
  knownFrom?: number;
  /**
   * Programs of the venv the file linked into a folder on every PATH before this point (`ln -s
   * venv/bin/app /usr/local/bin/`: shell/linked-tools.ts), by the name they have there; `*` when a
   * variable or glob names them.
   */
  linkedOnPath?: string[];
  /** Made in some branches of an `if` only: the venv may not exist here, so no fix writes its path. */
  inBranch?: boolean;
}

export interface ConfigSiteFacts {
  /** Where each known venv (by absolute path) came from. */
  venvOrigins: ReadonlyMap<string, VenvOrigin>;
  /** A Makefile recipe's command: its target, as the venvs its recipe makes name it (VenvOrigin.where: `by target venv`). */
  recipe?: string;
  /** The command creates a venv (`python -m venv X` …): using the system interpreter is the point. */
  createsVenv?: boolean;
  /**
   * The file ran the same script with the same interpreter name earlier, where it knew no venv
   * (`python3 tools/node.py` before any venv is made): the script needs none, and this later run by
   * that name means PATH's interpreter as the first did. The line of that earlier run.
   */
  ranWithoutVenv?: number;
  /**
   * An interpreter by name after the same job (group of shells) installed the project's
   * requirements into PATH's interpreter, before it knew any venv (`pip install -r
   * requirements.txt`, `uv pip install -r … --system`; typeshed's and elpy's test jobs, whose later
   * venv is a fixture the tests are handed by path): that interpreter is the one meant. The line of
   * that install.
   */
  systemInstalled?: number;
  /** `python setup.py sdist` whose setup.py imports only the standard library and setuptools (facts.ts markSdistBuilds): no venv needed. */
  sdistBuild?: boolean;
  /** The line of a `pip install --user` (or `--break-system-packages`) by name earlier in the same shell, or of this one (facts.ts markUserInstalled): PATH's interpreter is meant. */
  userInstalled?: number;
  /** A pip upgrading its packaging tools right before that pip installs only standalone tools (facts.ts markToolPrep): not meant for a venv. */
  toolPrep?: boolean;
  /** Venvs the file deactivated (`deactivate`) before this command: python and pip are then the system's on purpose. */
  deactivated?: string[];
  /** An earlier `source …/activate` in this shell failed (dash): the venv it meant, for rules to defer to source-in-sh. */
  afterFailedActivation?: string;
  /** Set on `source X/bin/activate` / `. X/bin/activate` sites. */
  activation?: {
    venv: string;
    /** No command follows the activation in the same shell (RUN, step): it has no effect at all. */
    lastInRun: boolean;
    /** The activation is the shell's only command. */
    alone?: boolean;
    /** `source` under a POSIX sh (dash): the command fails and nothing is activated. */
    fails?: 'source-in-sh';
    /** The same shell deactivates it later (`… && deactivate`): its end is meant. */
    deactivated?: boolean;
    /** The shells that run after this one (later RUNs, steps, recipe lines …). */
    later: LaterShells;
  };
  form: 'shell' | 'exec';
  /** The shell that ran the command (undefined for exec form). */
  shellDialect?: 'sh' | 'bash';
  /** A shell a command started inside the format's own (`bash -c`, `su -c`), when the site runs in one. */
  nestedShell?: string;
  /** That shell's program as the format names it ('/bin/sh' for a Dockerfile RUN or a Makefile recipe). */
  shellName?: string;
  /**
   * VIRTUAL_ENV set for this command by persistent configuration (ENV, `env:`, `variables:`,
   * `Environment=`), not by an activation: where, and the venv it names.
   */
  virtualEnv?: { venv: string; span: Span };
  /** A failure of the command does not stop the run (a Makefile recipe line prefixed with `-`). */
  ignoresErrors?: boolean;
  /** The folder the command runs in, as the shell model knows it (a stand-in folder or an absolute path). */
  cwd?: string;
  /** How a venv path is shown in messages (GitHub Actions: relative to the workspace). */
  showVenv?: (venv: string) => string;
  /** The shell's extent, for messages: "this RUN", "this step", "this recipe line". */
  unit: string;
  /** When a command is judged, in messages: "in this RUN", "when CMD runs". */
  scope: string;
  /** How to make a venv's bin persist on PATH in this format, as advice: `ENV PATH="/v/bin:$PATH"`. */
  persistAdvice(venv: string): string;
}

/**
 * The later shells of an activation, answered on demand: a list per activation would be quadratic
 * in the number of shells. The configuration driver fills it in once the whole file is read.
 */
export interface LaterShells {
  /**
   * Sites of later shells that run with no venv on PATH (activations, and commands after a failed
   * `source`, left out), in order and produced as they are asked for: a rule stops at the first one
   * it wants, so thousands of activations do not each walk every later shell.
   */
  sitesWithoutVenv(): Iterable<LaunchSite>;
  /** A later shell without the venv runs what may start Python out of sight (make, a script by path). */
  runsUnseen(): boolean;
  /** A later shell has this venv on PATH anyway (ENV PATH, $GITHUB_PATH …). */
  venvOnPath(): boolean;
}

/** No later shell (the default until the file is read to the end). */
export const NO_LATER_SHELLS: LaterShells = { sitesWithoutVenv: () => [], runsUnseen: () => false, venvOnPath: () => false };
