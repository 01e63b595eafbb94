/** Pages for the environment variables the doctor judges: PYTHONPATH, PYTHONHOME, VIRTUAL_ENV, the start-up variables, pip's. */
import type { FindingDocs } from '../finding.js';
import { DOCS, paragraphs, printed, session } from './text.js';

export const VARIABLE_PAGES: Record<string, FindingDocs> = {
  DR010: {
    severities: ['error'],
    topic: 'interpreters',
    summary: '`PYTHONPATH` is set in the environment the doctor runs in: its folders go onto `sys.path` of every Python that starts with it, inside the venv or not, before the venv\'s site-packages.',
    mentalModel: "A venv decides where packages come from by its `sys.prefix`; `PYTHONPATH` overrides that for every interpreter at once. Its entries come right after the script's folder and before the standard library and every site-packages, so a module there shadows the venv's copy of the same name, in this venv, in the system Python and in every other venv the process starts.",
    session: session(
      'python3.12 -m venv --without-pip /srv/app/.venv',
      "echo 'export PYTHONPATH=/home/deploy/lib' >> ~/.profile     # once, for a helper library",
      'export PYTHONPATH=/home/deploy/lib',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured with pyenv's 3.12.1; the report's `variables` line shows `PYTHONPATH=/home/deploy/lib`, and the probe labels the entry in `sys.path` as `PYTHONPATH, from the environment`:",
      printed(
        'error   DR010  PYTHONPATH puts folders before site-packages on sys.path of every Python that starts, inside the venv or not',
        '          PYTHONPATH=/home/deploy/lib',
        '          fix: unset PYTHONPATH (and remove it from ~/.profile, ~/.bashrc or the service unit); install the code into the environment instead: /srv/app/.venv/bin/python -m pip install -e .',
      ),
    ),
    why: "`PYTHONPATH` is read by the interpreter itself at start-up, not by `site`, so neither a venv nor `include-system-site-packages = false` limits it; only `-E` or `-I` make Python ignore it. Python's own documentation warns that it affects all installed Python versions and environments.",
    useInstead: session(
      'unset PYTHONPATH                      # and delete the line from ~/.profile',
      'cd /home/deploy/lib && /srv/app/.venv/bin/python -m pip install -e .   # needs a pyproject.toml',
      '/srv/app/.venv/bin/python -c "import mylib; print(mylib.__file__)"',
    ),
    inRealSystems: "A `PYTHONPATH` exported in a login profile works in the developer's shell and not under systemd or cron (which do not read it), or the reverse when a unit sets `Environment=PYTHONPATH=…`. It also leaks into tools: a Python of another version, started by a build script, imports the same folder and fails on code written or compiled for the first one.",
    fixSafety: "The doctor changes nothing. Unsetting `PYTHONPATH` removes those folders from every program that relied on it; install each such folder as a package (an editable install keeps it editable) in the environments that need it before removing the variable.",
    keyTakeaway: 'PYTHONPATH is global to every Python; install code into the venv instead.',
    references: [DOCS.sysPathInit, 'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONPATH', DOCS.pipInstall],
  },

  DR011: {
    severities: ['error'],
    topic: 'interpreters',
    summary: '`PYTHONHOME` is set: it replaces the prefix under which every interpreter started with it finds its standard library. With a prefix of another Python version the interpreter does not start (DR019 then shows the line that says why).',
    mentalModel: "Normally an interpreter finds its standard library from its own location (following `bin/python`'s links). `PYTHONHOME` overrides that search for every Python at once: pointing it at `/usr` makes a pyenv or venv Python look for `/usr/lib/python3.12`, which belongs to another installation or does not exist.",
    session: session(
      'python3.12 -m venv --without-pip /srv/app/.venv',
      'export PYTHONHOME=/usr               # left from an embedded-Python or packaging experiment',
      '/srv/app/.venv/bin/python -c pass',
      "# Fatal Python error: init_fs_encoding: failed to get the Python codec of the filesystem encoding",
      "# ModuleNotFoundError: No module named 'encodings'",
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured with pyenv's 3.12.1 on Debian 12 (whose `/usr` has Python 3.11):",
      printed(
        "error   DR011  PYTHONHOME replaces the prefix every interpreter finds its standard library under: any Python started with it, in a venv or not, loads that installation's standard library (or fails to start)",
        '          PYTHONHOME=/usr',
        '          fix: unset PYTHONHOME',
        'error   DR019  /srv/app/.venv/bin/python failed to start with PYTHONHOME=/usr',
        "          ModuleNotFoundError: No module named 'encodings'",
        '          PYTHONHOME=/usr',
        '          fix: unset PYTHONHOME (it replaces the prefix the standard library is found under), then start /srv/app/.venv/bin/python again',
      ),
    ),
    why: "The `encodings` package is imported before anything else can run; if it is not under `$PYTHONHOME/lib/pythonX.Y`, start-up stops with a fatal error. Where the prefix does hold a matching version, Python starts and silently loads that installation's standard library and modules instead of its own.",
    useInstead: session(
      'unset PYTHONHOME',
      '/srv/app/.venv/bin/python -c "import sys; print(sys.prefix, sys.base_prefix)"',
    ),
    inRealSystems: "Set globally by some applications that embed their own Python; left in a shell after building Python from source; set in a Docker `ENV` to make a relocated Python work. Every other Python on the machine then fails to start or mixes two installations.",
    fixSafety: "The doctor changes nothing. Unsetting `PYTHONHOME` only affects processes started afterwards; an application that really needs it should set it for itself (a wrapper script), not for the whole session.",
    keyTakeaway: 'Never export PYTHONHOME globally; it breaks every other Python.',
    references: [DOCS.sysPathInit, 'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONHOME', DOCS.sysPrefix],
  },

  DR012: {
    severities: ['warning'],
    topic: 'activation',
    summary: '`VIRTUAL_ENV` names another environment than the one inspected, or a folder that is not a venv at all (left from a venv that was removed or moved).',
    mentalModel: "`VIRTUAL_ENV` is set by `activate` and read by tools, not by Python: the interpreter never looks at it. Activation also puts `$VIRTUAL_ENV/bin` on PATH. When the venv is deleted or another one is meant, the variable and the PATH entry stay, and tools that trust the variable (uv, shell prompts, the Windows py launcher) act on an environment that is not the one in use.",
    session: session(
      'python3.12 -m venv /srv/old/.venv && . /srv/old/.venv/bin/activate',
      'rm -rf /srv/old                      # the old checkout is cleaned up; the shell stays',
      'python3.12 -m venv /srv/app/.venv && cd /srv/app',
      'venvguard doctor',
    ),
    whatItPrints: paragraphs(
      "Measured with pyenv's 3.12.1. The doctor picks `.venv` in the current folder as the target and says why (`VIRTUAL_ENV=/srv/old/.venv is not a venv`):",
      printed(
        "warning DR012  VIRTUAL_ENV names nothing: the folder does not exist; it is left from a venv that was removed or moved, and tools that trust it (uv, shell prompts) fail or act on the wrong environment",
        '          VIRTUAL_ENV=/srv/old/.venv',
        '          fix: unset VIRTUAL_ENV (and its bin folder from PATH: deactivate, or open a new shell), then: source /srv/app/.venv/bin/activate',
      ),
      'When `VIRTUAL_ENV` names another real venv, the message is `VIRTUAL_ENV names /srv/old/.venv, not the target /srv/app/.venv`.',
    ),
    why: "Setting `VIRTUAL_ENV` by hand, or inheriting it from a parent process, changes nothing about which Python runs: `python` is found on PATH, and `sys.prefix` comes from the interpreter's own `pyvenv.cfg`. The variable only describes an activation, and after `rm -rf` of the venv the description is false.",
    useInstead: session(
      'deactivate                           # removes VIRTUAL_ENV and the old bin from PATH',
      '. /srv/app/.venv/bin/activate',
      '# or, without activation: /srv/app/.venv/bin/python …',
    ),
    inRealSystems: "Long-lived terminal or tmux sessions where a project folder was deleted or recreated; IDE terminals that inject `VIRTUAL_ENV` from a previous interpreter setting; CI jobs whose `VIRTUAL_ENV` is set at the job level while a step creates another venv; Dockerfiles that set `ENV VIRTUAL_ENV=/venv` but create the venv elsewhere.",
    fixSafety: "The doctor changes nothing. `deactivate` exists only in the shell that sourced `activate`; in any other shell, `unset VIRTUAL_ENV` and remove the old `bin` from PATH (or open a new shell). Nothing on disk changes.",
    keyTakeaway: 'VIRTUAL_ENV is a note left by activate, not a setting; deactivate before the venv goes away.',
    references: [DOCS.howVenvsWork, DOCS.venv, DOCS.uvEnvironments, 'https://peps.python.org/pep-0486/'],
  },

  DR013: {
    severities: ['warning', 'info'],
    topic: 'interpreters',
    summary: 'A variable that changes how the interpreter starts is set. Warning: `PYTHONEXECUTABLE` and `__PYVENV_LAUNCHER__`, which move where Python thinks it was started from. Info: `PYTHONUSERBASE`, `PYTHONNOUSERSITE`, `PYTHONSTARTUP`, `CONDA_PREFIX`, shown so that the report explains what they change.',
    mentalModel: "Python finds its venv by looking for `pyvenv.cfg` beside the program it was started as. `PYTHONEXECUTABLE` replaces that program path (and `sys.executable`): a venv's `bin/python` started with it runs as the base installation, outside the venv, and children started with `sys.executable` start whatever the variable names.",
    session: session(
      'python3.12 -m venv --without-pip /srv/app/.venv',
      'export PYTHONEXECUTABLE=/usr/bin/python3     # left from a macOS app bundle recipe',
      '/srv/app/.venv/bin/python -c "import sys; print(sys.executable, sys.prefix)"',
      '# /usr/bin/python3 and the base installation\'s prefix: not the venv',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured on Linux with pyenv's 3.12.1 (prefix `/root/.pyenv/versions/3.12.1` in the run; the same with 3.13.0); the probe's wrong prefix is DR020:",
      printed(
        'error   DR020  the interpreter runs with sys.prefix /root/.pyenv/versions/3.12.1, not the venv /srv/app/.venv: it loads another installation\'s packages',
        '          sys.prefix = /root/.pyenv/versions/3.12.1',
        '          sys.executable = /usr/bin/python3',
        '          fix: unset PYTHONEXECUTABLE (Python looks for pyvenv.cfg beside the path it names, not beside bin/python)',
        'warning DR013  PYTHONEXECUTABLE overrides sys.executable, and Python looks for pyvenv.cfg beside the path it names: a venv\'s interpreter started with it runs outside the venv, and children started with sys.executable start that path',
        '          PYTHONEXECUTABLE=/usr/bin/python3',
        '          fix: unset PYTHONEXECUTABLE if it is not meant for this environment',
      ),
    ),
    why: "Python's documentation describes `PYTHONEXECUTABLE` as a macOS setting for `sys.argv[0]`; measured here, CPython 3.12 and 3.13 on Linux also take it as the program path, which is where the venv is looked up. `__PYVENV_LAUNCHER__` is set by the macOS framework's and Windows' venv launchers for the real interpreter they start; inherited by an unrelated child, it makes that child believe it runs from the launcher's venv. The informational variables each move one thing: `PYTHONUSERBASE` the user site, `PYTHONNOUSERSITE` turns it off, `PYTHONSTARTUP` runs a file in interactive sessions, and `CONDA_PREFIX` means a conda environment's `bin` is probably on PATH ahead of the venv.",
    useInstead: session(
      'unset PYTHONEXECUTABLE',
      '/srv/app/.venv/bin/python -c "import sys; print(sys.executable, sys.prefix)"',
      '# /srv/app/.venv/bin/python /srv/app/.venv',
    ),
    inRealSystems: "`PYTHONEXECUTABLE` is set by app-bundle and embedding recipes and then leaks into shells and CI; `__PYVENV_LAUNCHER__` leaks from a process started by a venv launcher into the subprocesses it starts, which then take the launcher's venv for their own; `conda activate base` in a shell profile puts conda's `python` on PATH before any venv that is activated later only in name.",
    fixSafety: "The doctor changes nothing. Unsetting these variables affects only processes started afterwards; an application that needs one should set it for its own process, not for the session.",
    keyTakeaway: 'Variables that say where Python was started from decide which venv it runs in; keep them out of shared environments.',
    references: [DOCS.envvars, DOCS.sysExecutable, DOCS.sysPathInit, DOCS.site],
  },

  DR014: {
    severities: ['warning', 'info'],
    topic: 'pip',
    summary: "A pip setting in the environment redirects installs: `PIP_TARGET`, `PIP_PREFIX` or a true `PIP_USER` (warning). `PIP_REQUIRE_VIRTUALENV` is shown as info: set, pip refuses to install outside a venv.",
    mentalModel: "Every pip command-line option has an environment variable (`--target` is `PIP_TARGET`, `--user` is `PIP_USER` …) that applies to every pip run that inherits it. A `PIP_TARGET` exported once makes every later `pip install`, in every venv, write into that folder instead of the venv's site-packages, and report success.",
    session: session(
      'python3.12 -m venv /srv/app/.venv',
      'export PIP_TARGET=/home/deploy/pylib      # from an old recipe for a serverless bundle',
      '/srv/app/.venv/bin/pip install wheel; echo $?        # 0',
      '/srv/app/.venv/bin/python -c "import wheel"          # ModuleNotFoundError: No module named \'wheel\'',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured with pyenv's 3.12.1 (pip 23.2.1):",
      printed(
        'warning DR014  pip is configured to install outside the environment it runs in',
        '          PIP_TARGET=/home/deploy/pylib (pip install writes there, not into site-packages)',
        '          fix: unset PIP_TARGET; then /srv/app/.venv/bin/python -m pip install …',
      ),
      "With `PIP_USER=1`, the venv's pip refuses instead: `ERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.`; with `PIP_REQUIRE_VIRTUALENV=1` the doctor prints `info    DR014  PIP_REQUIRE_VIRTUALENV=1: pip refuses to install outside a venv (good)`.",
    ),
    why: "pip reads `PIP_<OPTION>` variables for every option, with the same meaning as the flag. `--target` and `--prefix` install into another folder tree than the running interpreter's; `--user` installs into the user site, which a venv without system site-packages does not see, so pip refuses it there.",
    useInstead: session(
      'unset PIP_TARGET PIP_PREFIX PIP_USER',
      '/srv/app/.venv/bin/python -m pip install wheel',
      '# outside venvs, make pip refuse instead of installing into the system:',
      'export PIP_REQUIRE_VIRTUALENV=1',
    ),
    inRealSystems: "`PIP_USER=1` or `PIP_TARGET` set in a CI image or a shell profile for a different job; `PIP_PREFIX` left by a packaging script; each makes `pip install -r requirements.txt` succeed in a step whose tests then fail with `ModuleNotFoundError`, or fail with the `--user` error in a venv.",
    fixSafety: "The doctor changes nothing. Unsetting the variables changes where later installs go: back into the environment pip runs in. Packages already installed into the redirected folder stay there; remove that folder if nothing else uses it.",
    keyTakeaway: "pip's environment variables apply to every pip; do not export PIP_TARGET, PIP_PREFIX or PIP_USER.",
    references: [DOCS.pipConfig, DOCS.pipInstall, DOCS.pipUserGuide],
  },
};
