/** Pages for what starts, and what a child started by name would run: PATH, pyenv shims, the target, the probe. */
import type { FindingDocs } from '../finding.js';
import { DOCS, paragraphs, printed, session } from './text.js';

export const START_PAGES: Record<string, FindingDocs> = {
  DR015: {
    severities: ['warning', 'info'],
    summary: "`python`, `python3`, `python3.X`, `pip`, `pip3`, `pip3.X` and the venv's own console scripts, looked up by name on the current `PATH`, on systemd's default `PATH` and on cron's (`/usr/bin:/bin`): some resolve outside the environment, or to nothing. Warning for the current `PATH`, info for systemd's and cron's (one finding when both resolve alike). pyenv shims on the current `PATH` are DR016.",
    mentalModel: "A process that starts `python` or `pip` by name gets whatever comes first on the `PATH` it inherited, not the interpreter that is running it. Inside an activated shell that is the venv; under systemd, cron, a CI step or a `subprocess.run([\"pip\", …])` in a service started as `/srv/app/.venv/bin/python app.py` it is the system's, or nothing. This is the runtime side of what `venvguard check` finds in code and configuration.",
    session: session(
      'python3.12 -m venv /srv/app/.venv',
      '# not activated: PATH is what a service or a cron job gets',
      'export PATH=/usr/bin:/bin',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured with pyenv's 3.12.1 on Debian 12 (whose `/usr/bin/python3` is 3.11); systemd's and cron's PATH resolve alike here, so they share the info finding:",
      printed(
        'warning DR015  on the current PATH, a child that starts python, python3, python3.12, pip, pip3, pip3.12 by name runs another interpreter or nothing',
        '          python: not found',
        '          python3: /usr/bin/python3 → /usr/bin/python3.11',
        '          python3.12: not found',
        '          pip: /usr/bin/pip',
        '          pip3: /usr/bin/pip3',
        '          pip3.12: not found',
        '          fix: in code, start sys.executable (venvguard check --fix finds these launches); in a service or crontab, call /srv/app/.venv/bin/python explicitly or set PATH=/srv/app/.venv/bin:$PATH',
        "info    DR015  on systemd's default PATH and cron's PATH (/usr/bin:/bin), a child that starts python, python3, python3.12, pip, pip3, pip3.12 by name runs another interpreter or nothing",
      ),
      'The `PATH` table of the report shows the same resolution for every name, one column per PATH.',
    ),
    why: "Starting a venv's interpreter by its full path puts the venv on `sys.path`, not on `PATH`: only `activate` (or the service's own `PATH`) does that. systemd starts services with `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin` unless the unit sets `Environment=PATH=…`, and cron jobs get `/usr/bin:/bin`. `pip` found there installs into the system (or is refused under PEP 668); `python3` runs the system's version with none of the venv's packages.",
    useInstead: session(
      '# in code: start the running interpreter, not a name',
      "/srv/app/.venv/bin/python -c 'import subprocess, sys; subprocess.run([sys.executable, \"-m\", \"pip\", \"--version\"])'",
      '# in a unit: Environment=PATH=/srv/app/.venv/bin:/usr/local/bin:/usr/bin:/bin',
      '# in a crontab: PATH=/srv/app/.venv/bin:/usr/bin:/bin',
    ),
    inRealSystems: "A Celery or Django management task that shells out to `python manage.py …` or `pip install …` works from the developer's activated shell and, under systemd, runs the distribution's Python without the project's packages; a crontab line `python3 job.py` that imports nothing the venv has; console scripts (`alembic`, `gunicorn`) started by name from a deploy hook picking up a globally installed copy of another version.",
    fixSafety: "The doctor changes nothing. `venvguard check --fix` rewrites launches in code to `sys.executable` (see the VG rules' pages for when that is safe). Adding the venv's `bin` to a service's or crontab's `PATH` makes every name resolve there first, including tools you meant to take from the system; calling `/srv/app/.venv/bin/python` explicitly changes only that one command.",
    keyTakeaway: "A service or cron job does not inherit your activated shell; start the venv's interpreter by path and children with `sys.executable`.",
    references: [DOCS.sysExecutable, DOCS.howVenvsWork, DOCS.systemdExec, 'https://man7.org/linux/man-pages/man5/crontab.5.html'],
  },

  DR016: {
    severities: ['warning'],
    summary: "pyenv's shims are on the current `PATH`, and the version they pick (from `PYENV_VERSION`, a `.python-version` file from the current folder upward, or the global `version` file) is not the inspected environment. The doctor resolves shims the way pyenv does, without running pyenv.",
    mentalModel: "A pyenv shim is a small script named `python`, `pip`, `pip3.12` … that asks pyenv which version is selected here and runs that version's program. Which program a name runs therefore depends on the current folder and the environment, not on the venv you are working with: `python` in `/srv/app` may be 3.11.7 while the venv is 3.12, and `pip3.12` is `command not found` when the selected version has no such program.",
    session: session(
      'pyenv global 3.11.7',
      '~/.pyenv/versions/3.12.1/bin/python3 -m venv /srv/app/.venv',
      'cd /srv/app && pip --version      # pip 23.2.1 from ~/.pyenv/versions/3.11.7/…',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured on this project's development machine (pyenv 3.11.7 global):",
      printed(
        'warning DR016  pyenv shims on PATH pick 3.11.7 (from /root/.pyenv/version), not this environment',
        '          python: /root/.pyenv/shims/python → /root/.pyenv/versions/3.11.7/bin/python',
        '          python3: /root/.pyenv/shims/python3 → /root/.pyenv/versions/3.11.7/bin/python3',
        '          python3.12: /root/.pyenv/shims/python3.12 → pyenv 3.11.7: command not found',
        '          pip: /root/.pyenv/shims/pip → /root/.pyenv/versions/3.11.7/bin/pip',
        '          pip3: /root/.pyenv/shims/pip3 → /root/.pyenv/versions/3.11.7/bin/pip3',
        '          pip3.12: /root/.pyenv/shims/pip3.12 → pyenv 3.11.7: command not found',
        '          fix: activate the venv (source /srv/app/.venv/bin/activate) or call /srv/app/.venv/bin/python directly',
      ),
    ),
    why: "pyenv selects a version by `PYENV_VERSION`, then the nearest `.python-version` file, then `~/.pyenv/version`; a venv made from one pyenv version knows nothing of that selection. When the target is itself a pyenv version (no venv), the fix line is `pyenv shell <version>` (or `pyenv local`) instead.",
    useInstead: session(
      '. /srv/app/.venv/bin/activate        # the venv\'s bin now comes before the shims',
      'pip --version                       # pip … from /srv/app/.venv/lib/python3.12/site-packages/pip',
      '# or pin the project: echo 3.12.1 > /srv/app/.python-version (for pyenv-selected tools)',
    ),
    inRealSystems: "Developer machines and CI runners with pyenv: a Makefile or script that runs `pip install` by name installs into the global pyenv version; an IDE terminal that does not activate the venv; a `.python-version` in a parent folder silently switching versions when you `cd`. Errors show up as packages \"installed\" but not importable, or `pyenv: pip3.12: command not found` with a hint to switch versions.",
    fixSafety: "The doctor changes nothing. Activation affects only the shell it runs in; `pyenv local` writes a `.python-version` file that changes the selection for everyone working in that folder; calling the venv's interpreter by path changes nothing else.",
    keyTakeaway: 'pyenv shims pick a version by folder and variables, not by venv; activate the venv or call its interpreter by path.',
    references: [DOCS.pyenv, 'https://github.com/pyenv/pyenv/blob/master/COMMANDS.md', DOCS.howVenvsWork],
  },

  DR018: {
    severities: ['error'],
    summary: "The doctor found nothing to inspect: `--python` names a folder without `pyvenv.cfg`, a path that does not exist, or a file that is neither an interpreter nor a venv (not executable, or neither a program binary nor a `#!` script); or no venv was given, none is active or found here, and no `python3` is on `PATH`.",
    mentalModel: "The doctor's target is one interpreter, found in this order: `--python`, `$VIRTUAL_ENV`, `.venv` or `venv` in the current folder or a parent, `python3` on `PATH`. A venv is recognised by its `pyvenv.cfg` — the same file Python uses — so a project folder, a conda environment or a pre-2020 virtualenv (which wrote no `pyvenv.cfg`) is not one.",
    session: session(
      'python3.12 -m venv --without-pip /srv/app/.venv',
      'cd /srv/app',
      'venvguard doctor --python /srv/app      # the project, not its venv',
      'echo $?                                 # 1',
    ),
    whatItPrints: paragraphs(
      'Measured:',
      printed(
        'target        (none)  [--python names a folder without pyvenv.cfg: /srv/app]',
        'sys.path      (not probed: static pass only, nothing was executed)',
        '',
        'error   DR018  no interpreter to inspect: --python names a folder without pyvenv.cfg: /srv/app',
        '          fix: venvguard doctor --python path/to/venv (or path/to/python)',
      ),
    ),
    why: "Guessing would inspect the wrong environment and report it as if it were the one you asked about; a plain file given as `--python` is never started. The report is an error so the exit code (1) tells scripts that nothing was checked.",
    useInstead: session(
      'venvguard doctor --python /srv/app/.venv           # the venv folder',
      'venvguard doctor --python /srv/app/.venv/bin/python # or its interpreter',
      'cd /srv/app && venvguard doctor                     # or let it find .venv here',
    ),
    inRealSystems: "Passing the project folder, a `requirements.txt` or a wrapper script instead of the venv; running the doctor in CI before the venv step; a minimal container whose only interpreter is not named `python3` or is not on `PATH`.",
    fixSafety: 'The doctor changes nothing; the fix line is the command to run with the right target.',
    keyTakeaway: 'Point the doctor at a venv folder (one with pyvenv.cfg) or an interpreter.',
    references: [DOCS.howVenvsWork, DOCS.pep405],
  },

  DR019: {
    severities: ['error'],
    summary: "The probe started the interpreter and it failed before printing anything. The evidence is the line of its output that says why; the fix names the variable to unset when `PYTHONHOME` or `PYTHONEXECUTABLE` is set, the `pyvenv.cfg` repair when DR021 found the file unreadable, and otherwise how to recreate the venv or reinstall the Python.",
    mentalModel: "The static pass can only read files; starting the interpreter is the real test. A start can fail after every file looks right: a wrong `PYTHONHOME`, a `pyvenv.cfg` that is not UTF-8, a standard library removed under an intact binary, a missing shared library. The doctor runs the same start a child would (and once isolated with `-I` when a `PYTHON…` variable or the user site could make a difference) and reports the first line that explains the failure.",
    session: session(
      'python3.12 -m venv --without-pip /srv/app/.venv',
      "printf 'home = /usr/local/bin\\ninclude-system-site-packages = false\\nprompt = caf\\xe9\\n' > /srv/app/.venv/pyvenv.cfg",
      '/srv/app/.venv/bin/python -c pass',
      "# UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position …: invalid continuation byte",
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured with pyenv's 3.12.1 as the base; the broken file is also DR021:",
      printed(
        'error   DR019  /srv/app/.venv/bin/python failed to start',
        "          UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 89: invalid continuation byte",
        '          fix: recreate the venv: python3 -m venv --clear /srv/app/.venv',
        'error   DR021  /srv/app/.venv/pyvenv.cfg is not UTF-8 text: the site module fails to decode it and the venv\'s Python does not start',
      ),
      'With `PYTHONHOME=/usr` instead, the evidence is `ModuleNotFoundError: No module named \'encodings\'` and the fix is `unset PYTHONHOME (it replaces the prefix the standard library is found under), then start /srv/app/.venv/bin/python again` (see DR011).',
    ),
    why: "Python prints a fatal start-up error as several lines (the path configuration, `Fatal Python error: …`, the exception); the useful one is usually the exception, which the doctor picks. A failure the doctor cannot attribute gets the general fix: recreate the venv, or reinstall the interpreter when there is no venv.",
    useInstead: session(
      'unset PYTHONHOME PYTHONEXECUTABLE          # when the evidence names them',
      'python3.12 -m venv --clear /srv/app/.venv  # when the venv itself is damaged',
      '/srv/app/.venv/bin/python -c "import sys; print(sys.prefix)"',
    ),
    inRealSystems: "A service that exits immediately with status 1 and a `Fatal Python error` in the journal after someone exported `PYTHONHOME` in `/etc/environment`; venvs on a volume whose base Python was partially removed; configuration-management runs that rewrote `pyvenv.cfg` in another encoding.",
    fixSafety: "The doctor changes nothing. Unsetting a variable affects only processes started afterwards. `venv --clear` empties the venv before recreating it: save `pip freeze` from a working copy or use a lock file.",
    keyTakeaway: 'When the interpreter does not start, read the one line that says why before recreating anything.',
    references: [DOCS.sysPathInit, DOCS.site, DOCS.envvars],
  },

  DR020: {
    severities: ['error'],
    summary: "The probe started the venv's interpreter and its `sys.prefix` is not the venv: the program that runs is another installation (a wrapper that execs another Python, or `PYTHONEXECUTABLE` moving where Python looks for `pyvenv.cfg`).",
    mentalModel: "`sys.prefix` is the one fact that says which environment a running interpreter belongs to: it decides the site-packages folder, where pip installs, and what `sysconfig` reports. For a working venv it is the venv folder. Everything else — the path you started, `VIRTUAL_ENV`, the prompt — can say venv while `sys.prefix` says otherwise.",
    session: session(
      'python3.12 -m venv --without-pip /srv/app/.venv',
      '# a deploy script replaced bin/python with a wrapper',
      'rm /srv/app/.venv/bin/python',
      "printf '#!/bin/sh\\nexec /usr/bin/python3 \"$@\"\\n' > /srv/app/.venv/bin/python && chmod +x /srv/app/.venv/bin/python",
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      "Measured with pyenv's 3.12.1 for the venv and Debian 12's `/usr/bin/python3` (3.11.2) behind the wrapper; the version mismatch is DR003:",
      printed(
        'interpreter   /srv/app/.venv/bin/python  (sys.executable /usr/bin/python3)  Python 3.11.2',
        'prefix        /usr',
        '…',
        'error   DR020  the interpreter runs with sys.prefix /usr, not the venv /srv/app/.venv: it loads another installation\'s packages',
        '          sys.prefix = /usr',
        '          sys.executable = /usr/bin/python3',
        '          fix: recreate the venv: python3.12 -m venv --clear /srv/app/.venv',
      ),
      'With `PYTHONEXECUTABLE` set, the fix is to unset it instead (see DR013).',
    ),
    why: "Python finds its venv by looking for `pyvenv.cfg` next to (or one folder above) the program it was started as. A wrapper script that `exec`s another interpreter starts that interpreter under its own path, so no `pyvenv.cfg` is found; `PYTHONEXECUTABLE` replaces the program path, with the same effect.",
    useInstead: session(
      'python3.12 -m venv --clear /srv/app/.venv    # bin/python is a link to the base again',
      '/srv/app/.venv/bin/python -c "import sys; print(sys.prefix)"    # /srv/app/.venv',
      '# a wrapper must exec the venv\'s own interpreter: exec /srv/app/.venv/bin/python3.12 "$@"',
    ),
    inRealSystems: "Wrappers written to set variables before starting Python that point at `/usr/bin/python3` instead of the venv's binary; build tools that generate `bin/python` launchers; a `PYTHONEXECUTABLE` left in the environment. The service runs, imports fail or, worse, succeed against the system's packages, and `pip install` through that interpreter writes into the system.",
    fixSafety: "The doctor changes nothing. `venv --clear` rewrites `bin/` (replacing the wrapper) and removes the installed packages; reinstall them. If the wrapper is needed, change only its `exec` line to the venv's interpreter.",
    keyTakeaway: 'Trust `sys.prefix`, not the path you started: it says which environment runs.',
    references: [DOCS.sysPrefix, DOCS.sysPathInit, DOCS.howVenvsWork, DOCS.pep405],
  },
};
