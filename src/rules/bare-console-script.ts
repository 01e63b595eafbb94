/**
 * VG103 bare-console-script: a Python distribution's console script (pytest, celery, black …)
 * started by name, so the copy found on PATH runs — with its own interpreter and packages.
 */
import { defineRule } from '../kernel/rule.js';
import { lookedUpOn, via } from './describe.js';

/**
 * Console scripts that look their subcommands up on PATH: `jupyter nbconvert` runs the
 * `jupyter-nbconvert` PATH finds first. Run by its own path, jupyter puts its own folder first;
 * run as `python -m jupyter_core`, it only adds its environment's scripts folder at the end of PATH,
 * after whatever PATH had (reviewed wrong in pycap's and Linux Academy's notebook scripts): the copy beside
 * sys.executable is the fix, not `-m`.
 */
const FINDS_SUBCOMMANDS_ON_PATH = new Set(['jupyter']);

export const bareConsoleScript = defineRule({
  code: 'VG103',
  name: 'bare-console-script',
  summary: "A Python console script is started by name and may be another environment's copy",
  fixable: 'sometimes',
  judges: 'python',
  topic: 'console-scripts',
  messages: {
    runModule: 'console script "{{name}}"{{via}} is {{lookup}}; use sys.executable -m {{module}}{{knownFrom}}',
    runBeside: 'console script "{{name}}"{{via}} is {{lookup}}; use the copy beside sys.executable{{knownFrom}}',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      "A console script such as `pytest` or `celery` is a tiny launcher that pip writes into an environment's `bin/`, with a shebang naming that environment's interpreter. Whichever copy PATH finds first decides which interpreter and which packages run. The venv's own copy sits next to `sys.executable`, and `python -m <module>` reaches the same code through the running interpreter. Reported by default only when nothing in the file shows that it runs with its environment on PATH: a file that sets PATH before the launch, also starts by name a program only its environment provides (`torchserve`), or installs with PATH's `pip` and runs PATH's `python` has its findings held back, and shown without a fix by the opt-in VG106 `path-reliant-launch`; a name next to `sys.executable` in the same function is always reported.",
    example: ['import subprocess', '', 'subprocess.run(["pytest", "--version"])', ''].join('\n'),
    why: 'The name is resolved through PATH, and the script found there runs on the interpreter in its own shebang, not on the caller\'s. Not reported: a tool the code looks up on PATH itself before running it and stops without (`if not shutil.which("ansible"): sys.exit("install ansible")`, then `ansible-playbook`), or runs only inside `if shutil.which(…):`, the look-up held in a name first (`exe = shutil.which("flake8")`, then `if exe is None: return`) or made by the `which` program (`rc = subprocess.call(["which", "cookiecutter"])`, then `if rc == 0:`); the program then treats the tool as one the user installs on PATH, not as a package of its own environment. Nor in a script whose shebang is a system interpreter (`#!/usr/bin/python3`): no venv to escape from.',
    useInstead: ['import subprocess', 'import sys', '', 'subprocess.run([sys.executable, "-m", "pytest", "--version"])', ''].join('\n'),
    inRealSystems:
      'Task runners, test harnesses and worker supervisors call `celery`, `gunicorn`, `pytest` or `black` by name; under systemd, cron or an IDE they pick up a global install or none. See fastapi/typer#408 and python-lsp/python-lsp-server#327.',
    fixSafety:
      "Always unsafe. `[sys.executable, \"-m\", module]` needs the module to be installed in the running environment and to be runnable with `-m`, and `-m` puts the current directory first on `sys.path`. The program's own name changes too: a command-line parser that names the program after `sys.argv[0]` (argparse does) prints `__main__.py` (Python 3.11 to 3.13 do) instead of the command's name, which breaks a test that compares the usage line (bandit's functional tests). Where no module is known, the fix uses the script beside the interpreter when there is one, else the name on PATH as before (`shutil.which(name, path=os.path.dirname(sys.executable)) or name`; a `pip --user` install or a source checkout keeps its scripts elsewhere); in Python 2 code, and in a project that says it runs on Python 2 too (a Python 2 trove classifier or `python_requires`, `py27` in tox's envlist, 2.7 in `.travis.yml` or in a workflow's `python-version`), since Python 2 has no `shutil.which`, the script beside the interpreter (`os.path.join(os.path.dirname(sys.executable), name)`), which assumes the script is installed in the running environment. In a notebook\'s shell escape (`!pytest -x`) the fix is `!{sys.executable} -m pytest -x`, with `import sys` added when no cell imports it; without a known module there is none.",
    keyTakeaway: 'Run console scripts as `[sys.executable, "-m", module]` (or from `os.path.dirname(sys.executable)`), not by name.',
    question: "The venv has pytest installed (here a stand-in built by the lab, since the lab has no network). Started as `venv/bin/python broken.py`, which pytest runs?",
    answer:
      "Not the venv's. Started by its path, the program looks `pytest` up on the service's PATH: a system-wide pytest when one is installed (Debian's python3-pytest, `/usr/bin/pytest`, with the system's interpreter and plugins), or none, and `subprocess.run` raises `FileNotFoundError`. Which of the two depends on the machine — the lab here saw both on the same day, before and after python3-pytest was installed. In an activated shell it is the venv's.",
    commonMistake:
      "Writing the console script's full path in the venv (`/srv/app/venv/bin/pytest`): it works until the venv moves or is rebuilt elsewhere, and its shebang still names an absolute interpreter. `[sys.executable, \"-m\", \"pytest\"]` follows the program wherever it runs.",
    lab: { venv: 'venv', files: { "make_wheel.py": ["\"\"\"Builds a stand-in `pytest` wheel (offline): its console script and `python -m pytest` print the prefix they run in.\"\"\"", "import base64, hashlib, zipfile", "", "files = {", "    \"pytest/__init__.py\": \"import sys\\n\\ndef main():\\n    print('pytest (lab stand-in) in', sys.prefix)\\n\",", "    \"pytest/__main__.py\": \"from pytest import main\\nmain()\\n\",", "    \"pytest-0.0.0.dist-info/METADATA\": \"Metadata-Version: 2.1\\nName: pytest\\nVersion: 0.0.0\\n\",", "    \"pytest-0.0.0.dist-info/WHEEL\": \"Wheel-Version: 1.0\\nGenerator: lab\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n\",", "    \"pytest-0.0.0.dist-info/entry_points.txt\": \"[console_scripts]\\npytest = pytest:main\\n\",", "}", "record = []", "with zipfile.ZipFile(\"pytest-0.0.0-py3-none-any.whl\", \"w\") as z:", "    for name, text in files.items():", "        data = text.encode()", "        z.writestr(name, data)", "        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b\"=\").decode()", "        record.append(f\"{name},sha256={digest},{len(data)}\")", "    record.append(\"pytest-0.0.0.dist-info/RECORD,,\")", "    z.writestr(\"pytest-0.0.0.dist-info/RECORD\", \"\\n\".join(record) + \"\\n\")", ""].join('\n') }, setup: "venv/bin/python make_wheel.py && venv/bin/python -m pip install --quiet --no-deps pytest-0.0.0-py3-none-any.whl", cases: [
        { example: 'broken', situation: 'unactivated', claim: { never: ['pytest (lab stand-in) in'] } },
        { example: 'broken', situation: 'activated', claim: { where: [{ line: 'pytest (lab stand-in) in', is: 'venv' }], exit: 0 } },
        { example: 'broken', situation: 'cron', claim: { never: ['pytest (lab stand-in) in'] } },
        { example: 'fixed', situation: 'unactivated', claim: { where: [{ line: 'pytest (lab stand-in) in', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'activated', claim: { where: [{ line: 'pytest (lab stand-in) in', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'cron', claim: { where: [{ line: 'pytest (lab stand-in) in', is: 'venv' }], exit: 0 } },
      ] },
    references: ['https://packaging.python.org/en/latest/specifications/entry-points/', 'https://github.com/fastapi/typer/issues/408'],
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.held || verdict.tool !== 'console-script' || verdict.resolution === 'no-lookup') return; // held: VG106's (src/judge/policy.ts)
    const data = { name: verdict.name, via: via(site), lookup: lookedUpOn(verdict, site), knownFrom: verdict.source ? `; known from ${verdict.source}` : '' };
    // A command that finds its subcommands on PATH: `-m` would run it, but not its environment's subcommands.
    const module = FINDS_SUBCOMMANDS_ON_PATH.has(verdict.name.replace(/\.exe$/i, '')) ? undefined : verdict.module;
    const beside = {
      title: `Use the ${verdict.name} beside sys.executable when there is one`,
      target: { kind: 'interpreter-bin' as const, name: verdict.name, orPath: true },
      reason: `runs the ${verdict.name} of the running interpreter's environment when it has one, which is not the one PATH gave before (when it has none, PATH's as before)`,
    };
    ctx.report({
      ...(module ? { messageId: 'runModule' as const, data: { ...data, module } } : { messageId: 'runBeside' as const, data }),
      fix: module
        ? {
            title: `Use sys.executable -m ${module}`,
            target: { kind: 'interpreter', module },
            cap: 'unsafe',
            reason: `the ${module} module must be installed in the running environment, -m puts the current directory first on sys.path, and a program that names itself after sys.argv[0] (argparse does by default) calls itself __main__.py instead of "${verdict.name}"`,
            // Where `-m` cannot be written in place of the name (a helper that puts it first in
            // its own argv: kolla-ansible's `run_command("ansible-galaxy", args)`), the script itself.
            fallback: beside,
          }
        : { ...beside, cap: 'unsafe' },
    });
  },
});
