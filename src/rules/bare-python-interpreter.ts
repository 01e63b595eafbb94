/**
 * VG101 bare-python-interpreter: `python`/`python3`/`py` … started by name, so PATH decides
 * which interpreter runs — not the venv the calling program runs in.
 */
import { wordText } from '../kernel/word.js';
import { defineRule } from '../kernel/rule.js';
import { lookedUpOn, via } from './describe.js';

export const barePythonInterpreter = defineRule({
  code: 'VG101',
  name: 'bare-python-interpreter',
  summary: 'A Python interpreter is started by name and found on PATH, outside the running venv',
  fixable: 'sometimes',
  judges: 'python',
  topic: 'interpreters',
  messages: {
    bareInterpreter: '"{{name}}"{{via}} is {{lookup}}; start sys.executable instead',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      "A venv is a folder, not a state of the machine. Running `venv/bin/python` makes that process's `sys.prefix` the venv, but it does not change `PATH`; only `activate` does that, and only in the shell that sourced it. When the program then starts `python` by name, the operating system walks `PATH` and takes the first `python` it finds: the system interpreter, a pyenv shim, or nothing. `sys.executable` is the interpreter that is running now — the venv's. Reported by default only when nothing in the file shows that it runs with its environment on PATH: a file that sets PATH before the launch, also starts by name a program only its environment provides (`torchserve`), or installs with PATH's `pip` and runs PATH's `python` has its findings held back, and shown without a fix by the opt-in VG106 `path-reliant-launch`; a name next to `sys.executable` in the same function is always reported.",
    example: ["import subprocess", "import sys", "", "print(\"parent:\", sys.prefix, flush=True)", "subprocess.run([\"python3\", \"child.py\"])", ""].join('\n'),
    why: '`subprocess` (like `execvp` and `/bin/sh`) resolves a program name without a slash through `PATH`. The parent was started by path, so nothing put the venv\'s `bin` on `PATH`; the lookup finds whatever the service manager, cron, CI step or IDE put there. Not reported: a name that asks for a version the program was given (`f"python{v.major}.{v.minor}"` from an argument, as `poetry env remove 3.11` builds `python3.11`), since another interpreter is wanted on purpose (a version read from `sys.version_info` still means this one), or another major version than the file\'s shebang asks for (`python3` from a `#!/usr/bin/env python2` script); and a script whose shebang is a system interpreter (`#!/usr/bin/python3`), which runs outside any venv, so PATH\'s python is the same environment.',
    useInstead: ["import subprocess", "import sys", "", "print(\"parent:\", sys.prefix, flush=True)", "subprocess.run([sys.executable, \"child.py\"])", ""].join('\n'),
    inRealSystems:
      'systemd units and cron jobs start `/srv/app/venv/bin/python app.py` without activation; Celery workers, IDE run buttons and Jupyter kernels do the same. Each child `python` then runs with other packages (or fails with exit 127 from `sh: python: not found`, often ignored). Reported in pre-commit/pre-commit#146, jupyterhub/jupyterhub#630 and apache/beam#962.',
    fixSafety:
      'Replacing an unversioned `python`/`python3` in a list argv with `sys.executable` is safe: wherever this bug matters the running interpreter is the one intended. It is unsafe when the name asks for a specific version (`python2`, `python3.8`) or the launcher `py`, since `sys.executable` may be another version; when the name comes from a constant defined outside the call (other code may use it); and in embedded interpreters, where `sys.executable` can be empty or the host program. A file that tests whether it runs frozen (`getattr(sys, \"frozen\", False)`, `sys._MEIPASS`: a PyInstaller bundle, whose `sys.executable` is the bundled program) gets no fix. Shell strings are rewritten with `shlex.quote(sys.executable)` (`pipes.quote` in Python 2 code; none at all in other code of a project that says it runs on Python 2 too, where `shlex.quote` is missing and `pipes` is gone from Python 3.13) in place of the whole shell word, quotes included (`\"python\" x` becomes `shlex.quote(sys.executable) + \' x\'`), with the path\'s own `%` or braces doubled when the string is formatted afterwards with `%` or `.format`, so any interpreter path comes out as is. Where the code may also run on Windows (the file tells platforms apart or names Windows, or the project tests on a Windows runner or declares a Windows classifier), the string goes to cmd.exe there, which does not read POSIX quotes: the path is quoted for each platform\'s shell, `(subprocess.list2cmdline([sys.executable]) if os.name == "nt" else shlex.quote(sys.executable))`, and `os.system`, which hands cmd.exe the string without the outer quotes `shell=True` adds (so a quoted path loses its quotes when the command holds others), gets no fix. A word with an escape, or one inside a nested shell\'s quotes (`bash -c \"python x\"`), gets no fix. In a notebook\'s shell escape (`!python train.py`) the fix is `!{sys.executable} train.py`, as the IPython docs write it, with `import sys` added to the first code cell when no cell imports it: unsafe, since IPython substitutes the path unquoted (a path with spaces would be split), and not offered where IPython may not expand the line (another `{…}` or a `$`) or in a `%%bash` cell, whose body it does not expand.',
    keyTakeaway: 'Never start `python` by name from Python: start `sys.executable`.',
    question: "`broken.py` is started as `venv/bin/python broken.py`, and `child.py` prints its own `sys.prefix`. Does the child run in the venv? Does the answer change in an activated shell, or under cron?",
    answer:
      "Only in the activated shell. Started by its path, as a service is, the parent runs in the venv and its child does not: `python3` is looked up on the service's PATH and is the system's (`child: /usr` on Debian), with the system's packages. In a shell that sourced `activate` the child is the venv's, which is why the bug survives testing by hand.",
    commonMistake:
      "Testing it from an activated shell (or an IDE terminal that activates the venv) and concluding it works: there PATH's `python3` is the venv's. The other mistake is the half-fix `shutil.which(\"python3\")`, which asks the same PATH the same question.",
    lab: { venv: 'venv', files: { "child.py": ["import sys", "print(\"child:\", sys.prefix)", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'activated', claim: { where: [{ line: 'child:', is: 'venv' }], exit: 0 } },
        { example: 'broken', situation: 'cron', claim: { where: [{ line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'fixed', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'activated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'cron', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
      ] },
    references: [
      'https://docs.python.org/3/library/sys.html#sys.executable',
      'https://docs.python.org/3/library/venv.html#how-venvs-work',
      'https://github.com/pre-commit/pre-commit/issues/146',
    ],
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.held || verdict.tool !== 'interpreter' || verdict.resolution === 'system-path' || verdict.resolution === 'no-lookup') return; // held: VG106's (src/judge/policy.ts)
    const versioned = /\d/.test(verdict.name) && !/^python3?(\.exe)?$/i.test(verdict.name);
    const launcher = /^py(\.exe)?$/i.test(verdict.name);
    const partial = verdict.name.endsWith('…');
    // `py -3.11 …` (or a selector computed at run time): the launcher's own option, which python
    // itself rejects ("Unknown option: -3"), so swapping the program alone would break the command.
    const first = site.argv[1] === undefined ? '' : wordText(site.argv[1]);
    const selector = launcher && (first === undefined || /^-(\d|V:)/.test(first));
    ctx.report({
      messageId: 'bareInterpreter',
      data: { name: verdict.name, via: via(site), lookup: lookedUpOn(verdict, site) },
      fix: partial || selector
        ? undefined
        : {
            title: 'Use sys.executable',
            target: { kind: 'interpreter' },
            cap: versioned || launcher ? 'unsafe' : undefined,
            reason: versioned || launcher ? `sys.executable may not be the version "${verdict.name}" asks for` : undefined,
          },
    });
  },
});
