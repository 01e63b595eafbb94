/** Pages for what reaches sys.path and runs at start-up: .pth code, duplicates, the base's and the user's site-packages, sitecustomize. */
import type { FindingDocs } from '../finding.js';
import { DOCS, paragraphs, printed, session } from './text.js';

export const SITE_PAGES: Record<string, FindingDocs> = {
  DR006: {
    severities: ['info'],
    topic: 'interpreters',
    summary: "A `.pth` file in a site-packages folder the interpreter reaches has lines that start with `import`: Python runs them at every start. Info: most come from packaging tools (the message says so for setuptools' `distutils-precedence.pth`, editable installs, virtualenv's `_virtualenv.pth`); the evidence shows the first line so you can judge the rest.",
    mentalModel: "While `site` adds each site-packages folder to `sys.path`, it reads every `*.pth` file there: a line naming a folder adds that folder, and a line starting with `import` (followed by a space or a tab) is executed. That code runs in every process the interpreter starts — a web worker, a cron job, `pip` itself — before the program's first line, whether or not anything uses it.",
    session: session(
      '# Python 3.11 and older seed new venvs with setuptools, which installs a .pth hook',
      'python3.11 -m venv /srv/app/.venv',
      'cat /srv/app/.venv/lib/python3.11/site-packages/distutils-precedence.pth',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      'Measured with pyenv\'s 3.11.7 (setuptools 65.5.0 in the new venv):',
      printed(
        'info    DR006  distutils-precedence.pth runs code at every interpreter start (written by a packaging tool)',
        "          /srv/app/.venv/lib/python3.11/site-packages/distutils-precedence.pth: import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); ",
        '          fix: see which distribution owns it (grep -l distutils-precedence.pth /srv/app/.venv/lib/python3.11/site-packages/*.dist-info/RECORD); uninstall it or delete the file if unexpected',
      ),
    ),
    why: "`.pth` import lines are how packages install import hooks (setuptools' distutils shim, coverage's subprocess measurement, editable installs' finders). The same mechanism runs anything else a package or a person put there, and the doctor's probe runs it too, because the probe starts the interpreter: use `venvguard doctor --static` on an environment you do not trust.",
    useInstead: session(
      '# find the owner of a .pth file before deciding',
      'grep -l distutils-precedence.pth /srv/app/.venv/lib/python3.11/site-packages/*.dist-info/RECORD',
      '# setuptools-65.5.0.dist-info/RECORD: expected; a file no RECORD lists was put there by hand',
      '# startup code the program needs belongs in the program, imported explicitly',
    ),
    inRealSystems: "Coverage's `.pth` left in a production image runs coverage start-up in every process; a `.pth` written by a build script that prepends a shared folder to `sys.path` makes services import code from outside the venv. Start-up time grows with each hook, in every short-lived process (CLI tools, cron jobs).",
    fixSafety: "The doctor changes nothing. Deleting a `.pth` file that a distribution owns breaks what it provides (an editable install stops importing, setuptools' distutils shim stops applying); uninstalling the owning distribution removes it cleanly. The `grep … RECORD` in the fix line shows which distribution that is.",
    keyTakeaway: '`.pth` import lines run in every process the venv starts; know who wrote each one.',
    references: [DOCS.site, 'https://docs.python.org/3/library/site.html#module-site', DOCS.sysPathInit],
  },

  DR007: {
    severities: ['warning'],
    topic: 'pip',
    summary: "One distribution (names compared after PEP 503 normalisation) has `.dist-info` or `.egg-info` folders with different versions in the folders the interpreter reaches: site-packages, the base's or the user's when they are on `sys.path`, and `PYTHONPATH` entries.",
    mentalModel: "An import takes the first match on `sys.path`; `importlib.metadata` and `pip list` also take the first metadata folder they find. With two versions reachable, which one a process gets depends on the order of `sys.path`, so on `PYTHONPATH` and on how the process was started: the same venv runs different code in your shell and in cron.",
    session: session(
      'python3.12 -m venv /srv/app/.venv',
      '/srv/app/.venv/bin/pip install wheel==0.40.0',
      '/srv/app/.venv/bin/pip install --target /srv/app/vendor wheel==0.43.0',
      'export PYTHONPATH=/srv/app/vendor',
      '/srv/app/.venv/bin/pip list | grep wheel      # wheel 0.43.0 here, 0.40.0 without PYTHONPATH',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      'Measured with pyenv\'s 3.12.1 (the wheels installed from a local folder); `PYTHONPATH` itself is DR010:',
      printed(
        'warning DR007  wheel is installed 2 times with different versions (0.43.0, 0.40.0); the first on sys.path wins and the metadata may disagree with the code',
        '          /srv/app/vendor/wheel-0.43.0.dist-info',
        '          /srv/app/.venv/lib/python3.12/site-packages/wheel-0.40.0.dist-info',
        '          fix: /srv/app/.venv/bin/python -m pip uninstall -y wheel (repeat until none is left), then /srv/app/.venv/bin/python -m pip install wheel',
      ),
    ),
    why: "pip resolves and upgrades within one target: `--target`, `--user`, `--prefix`, the base installation and the venv are separate places, and pip does not remove a copy that lives in another one. Leftover `.egg-info` folders from `setup.py develop`, or a crashed upgrade that left two `.dist-info` folders, give the same picture inside a single site-packages.",
    useInstead: session(
      '# one place per environment: install everything into the venv, nothing through PYTHONPATH',
      'unset PYTHONPATH',
      '/srv/app/.venv/bin/python -m pip install wheel==0.43.0',
      '/srv/app/.venv/bin/python -m pip check',
    ),
    inRealSystems: "Vendored copies under `--target` folders put on `PYTHONPATH` by a service unit; AWS Lambda-style layers combined with a venv; `pip install --user` run with the venv's base plus `include-system-site-packages`; `setup.py develop` leftovers next to a wheel install. Symptoms are version-dependent bugs that appear only under one start method, and `pip list` reporting a version the running code is not.",
    fixSafety: "The doctor changes nothing. `pip uninstall` removes one copy per run (the first it finds), so the fix line says to repeat it; then install once into the venv. A copy under a `--target` folder or another installation is only removed when pip runs with that folder on its path: deleting the `vendor` folder, or dropping it from `PYTHONPATH`, may be the right step instead.",
    keyTakeaway: 'Two versions of one distribution on sys.path means the start method picks your code; keep one copy, in the venv.',
    references: [DOCS.sysPathInit, DOCS.pipInstall, 'https://peps.python.org/pep-0503/#normalized-names', 'https://docs.python.org/3/library/importlib.metadata.html'],
  },

  DR008: {
    severities: ['warning', 'info'],
    topic: 'interpreters',
    summary: "`include-system-site-packages = true` in `pyvenv.cfg` (or the key missing, see DR021): the probe finds the base interpreter's site-packages on `sys.path`. Warning when it holds distributions the venv does not have itself (they are importable from the venv), info when it is empty.",
    mentalModel: "A venv made with `--system-site-packages` appends the base installation's site-packages after its own. Anything the venv lacks is then found there — silently. The project appears to work, with a dependency that is in no requirements file, in whatever version the system happens to have.",
    session: session(
      'python3.12 -m venv --system-site-packages --without-pip /srv/app/.venv',
      '/srv/app/.venv/bin/python -c "import pip; print(pip.__file__)"',
      '# /usr/local/lib/python3.12/site-packages/pip/__init__.py: the base\'s pip',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      'Measured with pyenv\'s 3.12.1 as the base, whose site-packages holds only pip:',
      printed(
        'warning DR008  include-system-site-packages = true: 1 distribution(s) of the base interpreter are importable from the venv (pip 23.2.1); a missing requirement is silently taken from there',
        '          /root/.pyenv/versions/3.12.1/lib/python3.12/site-packages',
        '          fix: set include-system-site-packages = false in /srv/app/.venv/pyvenv.cfg and install what the venv needs: /srv/app/.venv/bin/python -m pip install …',
      ),
    ),
    why: "`site` adds the base prefix's site-packages when the flag is true, after the venv's own, and also enables the user site (DR009). It is an intended feature for using large system packages (GTK bindings, a distribution's numpy) from a venv, which is also why it leaks everything else.",
    useInstead: session(
      'python3.12 -m venv --clear /srv/app/.venv          # isolated: include-system-site-packages = false',
      '/srv/app/.venv/bin/python -m pip install -r requirements.txt',
      '# if one system package is really needed, depend on it explicitly and document why',
    ),
    inRealSystems: "Venvs made with `--system-site-packages` to reuse apt's `python3-gi` or a vendor SDK, which then also see apt's `requests`, `urllib3` and `yaml`; CI images where `pip install` skips a requirement because the system already satisfies it, so the lock file is never tested; a container rebuilt on a newer base image changing library versions under an unchanged venv.",
    fixSafety: "The doctor changes nothing. Setting the flag to `false` removes the base's packages (and the user site) from `sys.path`: whatever the project imported from there fails until installed in the venv, which shows what was missing from its requirements. Packages that cannot come from PyPI (system bindings) then need another route.",
    keyTakeaway: "`--system-site-packages` makes every system package an undeclared dependency; keep venvs isolated.",
    references: [DOCS.site, DOCS.venv, DOCS.pep405],
  },

  DR009: {
    severities: ['error', 'info'],
    topic: 'interpreters',
    summary: "The probe finds the user site (`~/.local/lib/pythonX.Y/site-packages`, or under `PYTHONUSERBASE`) on `sys.path`. Error when it holds distributions (they are importable from this environment), info when it is empty or missing. In a venv this only happens with `include-system-site-packages = true`.",
    mentalModel: "The user site is per user and per Python version, not per project: everything ever installed with `pip install --user` for that version. When it is on `sys.path` it comes before the base's site-packages, so a user-level package wins over the system's and fills anything the venv lacks.",
    session: session(
      '# as the service user deploy',
      'python3.12 -m pip install --user wheel==0.40.0       # long ago, for a one-off script',
      'python3.12 -m venv --system-site-packages --without-pip /srv/app/.venv',
      '/srv/app/.venv/bin/python -c "import wheel; print(wheel.__file__)"',
      '# /home/deploy/.local/lib/python3.12/site-packages/wheel/__init__.py',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      'Measured with pyenv\'s 3.12.1 and `HOME=/home/deploy`; the `sys.path` section of the report shows the order (venv, user site, base):',
      printed(
        '  /srv/app/.venv/lib/python3.12/site-packages    site-packages',
        '  /home/deploy/.local/lib/python3.12/site-packages  user-site, from the environment',
        '  /root/.pyenv/versions/3.12.1/lib/python3.12/site-packages     base-site-packages',
        '…',
        'error   DR009  the user site is on sys.path and holds 1 distribution(s), importable from this environment and shadowing nothing only by luck',
        '          /home/deploy/.local/lib/python3.12/site-packages',
        '          wheel-0.40.0.dist-info',
        '          fix: set include-system-site-packages = false in /srv/app/.venv/pyvenv.cfg, or export PYTHONNOUSERSITE=1',
      ),
    ),
    why: "PEP 370 adds the user site for every interpreter of that version unless it is disabled (`-s`, `PYTHONNOUSERSITE`, a set-uid or set-gid process, or a venv without system site-packages, where `site` turns it off). PEP 405 counts it as part of the system site-packages, so `--system-site-packages` brings it back.",
    useInstead: session(
      'python3.12 -m venv --clear /srv/app/.venv            # no system site-packages, no user site',
      '/srv/app/.venv/bin/python -m pip install -r requirements.txt',
      '# for interpreters outside any venv (cron jobs on the system Python):',
      'export PYTHONNOUSERSITE=1',
    ),
    inRealSystems: "Servers where an administrator once ran `pip install --user` as the service account; developer machines where `~/.local` is full of tools installed years ago; a package that works in the developer's shell and fails in the container, where the home folder is empty. Because the home folder differs per user, the same venv imports different code under `sudo -u` and under systemd's `User=`.",
    fixSafety: "The doctor changes nothing. `include-system-site-packages = false` removes both the base's site-packages and the user site; `PYTHONNOUSERSITE=1` removes only the user site, for every interpreter started with it. Either makes imports that came from `~/.local` fail until those packages are installed in the venv.",
    keyTakeaway: "`~/.local` is shared by every Python of that version; keep it off a venv's sys.path.",
    references: [DOCS.pep370, DOCS.site, DOCS.pep405, 'https://docs.python.org/3/using/cmdline.html#envvar-PYTHONNOUSERSITE'],
  },

  DR017: {
    severities: ['warning', 'info'],
    topic: 'interpreters',
    summary: "`sitecustomize` or `usercustomize` is imported at start-up (probe), or would be (`--static`: the first one on the `sys.path` a start would build). Warning when the module is outside the venv; info when it is the venv's own, or Debian's and Ubuntu's stock apport crash-report hook.",
    mentalModel: "After setting up `sys.path`, `site` tries `import sitecustomize` and then (when the user site is enabled) `import usercustomize`. Whatever module of that name comes first on `sys.path` runs, before the program, in every process: a way for an administrator or a distribution to change every Python on the machine, including venvs that never asked for it.",
    session: session(
      "# a team-wide tweak on a shared folder, put on PYTHONPATH by the login profile",
      'mkdir -p /opt/corp/python',
      "printf 'import os\\nos.environ.setdefault(\"REQUESTS_CA_BUNDLE\", \"/etc/ssl/corp-ca.pem\")\\n' > /opt/corp/python/sitecustomize.py",
      'export PYTHONPATH=/opt/corp/python',
      'python3.12 -m venv --without-pip /srv/app/.venv',
      'venvguard doctor --python /srv/app/.venv',
    ),
    whatItPrints: paragraphs(
      'Measured with pyenv\'s 3.12.1 (`PYTHONPATH` itself is DR010); with `--static` the message says `would be imported`:',
      printed(
        'warning DR017  sitecustomize is imported at start-up from /opt/corp/python/sitecustomize.py, outside the venv: its code runs before the program',
        '          /opt/corp/python/sitecustomize.py',
        '          fix: read /opt/corp/python/sitecustomize.py; remove it if it is not meant for this environment',
      ),
      "A venv made from Debian 12's `/usr/bin/python3.11` reports `info    DR017  sitecustomize is imported at start-up from /usr/lib/python3.11/sitecustomize.py: the distribution's apport crash-report hook, a distribution default that changes no import`, with `fix: nothing to do`.",
    ),
    why: "The import is a plain search of `sys.path`, so a `sitecustomize` in the base's standard-library folder, on `PYTHONPATH`, or in a site-packages folder all qualify, and a venv's isolation from the base's packages does not cover the base's standard-library folder. An exception inside it is printed as one line (`Error in sitecustomize; set PYTHONVERBOSE for traceback:`) and start-up goes on, so a broken one only leaves a line on stderr.",
    useInstead: session(
      'unset PYTHONPATH',
      '# configuration the program needs goes into the program or its service unit:',
      '# Environment=REQUESTS_CA_BUNDLE=/etc/ssl/corp-ca.pem',
      '/srv/app/.venv/bin/python app.py',
    ),
    inRealSystems: "Corporate images that install a `sitecustomize.py` to set proxies or certificates; distributions shipping one (Debian/Ubuntu's apport hook, some Python builds adding paths); profiling or coverage set-ups that rely on it to start in subprocesses, left active in production. The program's behaviour then depends on the machine, not on the venv.",
    fixSafety: "The doctor changes nothing and does not run the module with `--static`. Removing a `sitecustomize` also removes whatever it set up for other programs on the machine; read it first, and move what this program needs into its own configuration.",
    keyTakeaway: 'sitecustomize runs in every venv of that interpreter; know which one you get, and keep program configuration in the program.',
    references: [DOCS.site, 'https://docs.python.org/3/library/site.html#module-sitecustomize', DOCS.sysPathInit],
  },
};
