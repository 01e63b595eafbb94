/**
 * Python launches that name their program on purpose (issue 15, session 7), from the corpus's false
 * findings: an interpreter of a version the program was given (poetry), a tool the code looked up
 * on PATH itself before running it (frappe-bench), a script whose shebang is a system interpreter
 * (securedrop). Each table keeps the true escape beside the exemption, so no table passes by
 * finding nothing.
 */
import { bareConsoleScript } from '../../src/rules/bare-console-script.js';
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { systemInterpreterPath } from '../../src/rules/system-interpreter-path.js';
import { testRule } from '../rule-tester.js';

// poetry's EnvManager.remove(): `poetry env remove 3.11` names a version; poetry builds
// `python3.11` and asks that interpreter for its version (the code is a constant of another module).
const POETRY = (version: string) => `import subprocess

from poetry.core.constraints.version import Version
from poetry.utils.env.script_strings import GET_PYTHON_VERSION_ONELINER


def remove(python):
    try:
        python_version = Version.parse(python)
        python = f"python{${version}}"
        if python_version.precision > 1:
            python += f".{python_version.minor}"
    except ValueError:
        pass
    return subprocess.check_output([python, "-c", GET_PYTHON_VERSION_ONELINER], text=True)
`;

testRule(barePythonInterpreter, {
  label: 'an interpreter of a version the program chose',
  valid: [
    { name: "poetry's shape: the version parsed from the user's argument", code: POETRY('python_version.major') },
    { name: 'a version passed in', code: 'import subprocess\n\n\ndef run_with(version, script):\n    subprocess.run(["python" + version, script])\n' },
  ],
  invalid: [
    {
      name: "the running interpreter's own version (sys.version_info) names this interpreter",
      code: POETRY('sys.version_info.major').replace('import subprocess', 'import subprocess\nimport sys'),
      errors: [{ line: 16, column: 12, messageId: 'bareInterpreter', data: { name: 'python…' } }],
    },
    {
      name: 'sys.version_info[0] through str() and +',
      code: 'import subprocess\nimport sys\n\nsubprocess.run(["python" + str(sys.version_info[0]), "x.py"])\n',
      errors: [{ line: 4, column: 17, messageId: 'bareInterpreter', data: { name: 'python…' } }],
    },
    {
      name: 'platform.python_version() in %-formatting',
      code: 'import platform\nimport subprocess\n\nsubprocess.run(["python%s" % platform.python_version(), "x.py"])\n',
      errors: [{ line: 4, column: 17, messageId: 'bareInterpreter', data: { name: 'python…' } }],
    },
  ],
});

// securedrop's tails-config/files/securedrop_init.py: a Tails system script.
const SYSTEM_SCRIPT = (shebang: string) => `${shebang}
import subprocess

subprocess.call(["python3", "/usr/local/bin/tails-additional-software", "upgrade"])
`;

testRule(barePythonInterpreter, {
  label: 'a script whose shebang is a system interpreter',
  valid: [
    { name: '#!/usr/bin/python3', code: SYSTEM_SCRIPT('#!/usr/bin/python3') },
    { name: '#!/usr/bin/python3 -u (an option after the path)', code: SYSTEM_SCRIPT('#!/usr/bin/python3 -u') },
    { name: 'shutil.which("python3") launched', code: '#!/usr/bin/python3\nimport shutil\nimport subprocess\n\nsubprocess.run([shutil.which("python3"), "x.py"])\n' },
  ],
  invalid: [
    {
      name: "a venv's interpreter in the shebang (securedrop's manage.py)",
      code: SYSTEM_SCRIPT('#!/opt/venvs/securedrop-app-code/bin/python'),
      errors: [{ line: 4, column: 18, messageId: 'bareInterpreter' }],
    },
    { name: '#!/usr/bin/env python3: whichever python3 PATH has', code: SYSTEM_SCRIPT('#!/usr/bin/env python3'), errors: [{ line: 4, column: 18, messageId: 'bareInterpreter' }] },
    { name: 'no shebang', code: SYSTEM_SCRIPT('# Tails'), errors: [{ line: 4, column: 18, messageId: 'bareInterpreter' }] },
    {
      name: 'the shebang is not on the first line',
      code: `\n${SYSTEM_SCRIPT('#!/usr/bin/python3')}`,
      errors: [{ line: 5, column: 18, messageId: 'bareInterpreter' }],
    },
  ],
});

// repo2docker's tests/pipfile/py2-with-server-and-kernel-req/verify: the Python 2 kernel's script
// asks the server's Python 3 whether it has a package.
const OTHER_MAJOR = (shebang: string, name: string) => `${shebang}
import os
import subprocess

assert subprocess.call(["${name}", "-c", "import numpy"]) == 0
os.system("${name.replace('python', 'pip')} --version")
`;

testRule(barePythonInterpreter, {
  label: 'another major version than the shebang asks for',
  valid: [
    { name: '#!/usr/bin/env python2 starts python3', code: OTHER_MAJOR('#!/usr/bin/env python2', 'python3') },
    { name: '#!/usr/bin/env python3 starts python2.7', code: OTHER_MAJOR('#!/usr/bin/env python3', 'python2.7') },
    { name: '#!/opt/py/bin/python2.7 -u starts python3.11', code: OTHER_MAJOR('#!/opt/py/bin/python2.7 -u', 'python3.11') },
  ],
  invalid: [
    { name: 'the same major version', code: OTHER_MAJOR('#!/usr/bin/env python3', 'python3'), errors: [{ line: 5, column: 25, messageId: 'bareInterpreter' }] },
    { name: 'an unversioned name', code: OTHER_MAJOR('#!/usr/bin/env python2', 'python'), errors: [{ line: 5, column: 25, messageId: 'bareInterpreter' }] },
    { name: 'an unversioned shebang', code: OTHER_MAJOR('#!/usr/bin/env python', 'python3'), errors: [{ line: 5, column: 25, messageId: 'bareInterpreter' }] },
    { name: 'no shebang', code: OTHER_MAJOR('# verify', 'python3'), errors: [{ line: 5, column: 25, messageId: 'bareInterpreter' }] },
  ],
});

testRule(barePip, {
  label: 'pip of another major version than the shebang asks for',
  valid: [{ name: '#!/usr/bin/env python2 runs pip3', code: OTHER_MAJOR('#!/usr/bin/env python2', 'python3') }],
  invalid: [{ name: 'pip3 from python3', code: OTHER_MAJOR('#!/usr/bin/env python3', 'python3'), errors: [{ line: 6, column: 12 }] }],
});

testRule(systemInterpreterPath, {
  label: 'the system interpreter by path, from a script of that interpreter',
  valid: [{ name: '#!/usr/bin/python3 runs /usr/bin/python3', code: '#!/usr/bin/python3\nimport subprocess\n\nsubprocess.run(["/usr/bin/python3", "x.py"])\n' }],
  invalid: [
    {
      name: 'from a venv script',
      code: '#!/opt/venv/bin/python\nimport subprocess\n\nsubprocess.run(["/usr/bin/python3", "x.py"])\n',
      errors: [{ line: 4, column: 17 }],
    },
  ],
});

// frappe-bench's bench/utils/__init__.py run_playbook().
const PLAYBOOK = (guard: string) => `import subprocess
import sys
from shutil import which


def run_playbook(playbook_name, extra_vars=None):
${guard}
    args = ["ansible-playbook", "-c", "local", playbook_name, "-vvvv"]
    subprocess.check_call(args)
`;
const LEAVES = `    if not which("ansible"):
        print("Ansible is needed to run this command, please install it using 'pip install ansible'")
        sys.exit(1)`;

testRule(bareConsoleScript, {
  label: 'a tool the code looked up on PATH before running it',
  valid: [
    { name: "frappe-bench's shape: which() of the suite's other tool, then sys.exit", code: PLAYBOOK(LEAVES) },
    { name: 'the same name, `is None`, raise', code: PLAYBOOK('    if which("ansible-playbook") is None:\n        raise RuntimeError("install ansible")') },
    {
      name: 'the launch inside `if shutil.which(…):`',
      code: 'import shutil\nimport subprocess\n\n\ndef lint(paths):\n    if shutil.which("flake8"):\n        subprocess.run(["flake8", *paths])\n',
    },
  ],
  invalid: [
    {
      name: 'the guard only warns (the launch runs anyway)',
      code: PLAYBOOK('    if not which("ansible"):\n        print("ansible may be missing")'),
      errors: [{ line: 10, column: 5, messageId: 'runBeside', data: { name: 'ansible-playbook' } }],
    },
    {
      name: 'the name checked is not a Python tool',
      code: PLAYBOOK('    if not which("git"):\n        sys.exit(1)'),
      errors: [{ line: 10, column: 5, messageId: 'runBeside' }],
    },
    {
      name: 'the check comes after the launch',
      code: PLAYBOOK('').replace('    subprocess.check_call(args)\n', `    subprocess.check_call(args)\n${LEAVES}\n`),
      errors: [{ line: 9, column: 5, messageId: 'runBeside' }],
    },
    {
      name: 'the launch in the else branch of `if which(…):`',
      code: 'import shutil\nimport subprocess\n\n\ndef lint(paths):\n    if shutil.which("flake8"):\n        pass\n    else:\n        subprocess.run(["flake8", *paths])\n',
      errors: [{ line: 9, column: 25, messageId: 'runModule' }],
    },
    {
      name: 'checked in another function',
      code: 'import shutil\nimport subprocess\nimport sys\n\n\ndef check():\n    if not shutil.which("flake8"):\n        sys.exit(1)\n\n\ndef lint():\n    subprocess.run(["flake8"])\n',
      errors: [{ line: 12, column: 21, messageId: 'runModule' }],
    },
  ],
});

// mlserver's cli/init_project.py: the `which` program's exit status guards the launch.
const COOKIECUTTER = (status: string, test: string) => `import subprocess


def init_cookiecutter_project(template):
    rc = ${status}
    if ${test}:
        cmd = f"cookiecutter {template}"
        subprocess.run(cmd, check=True, shell=True)
    else:
        print("The cookiecutter command is not found. Please install it and retry")
`;

testRule(bareConsoleScript, {
  label: 'a look-up held in a name, or the exit status of `which`',
  valid: [
    { name: "mlserver's shape: subprocess.call(['which', X]), then `if rc == 0:`", code: COOKIECUTTER('subprocess.call(["which", "cookiecutter"])', 'rc == 0') },
    { name: 'os.system("which X > /dev/null 2>&1")', code: COOKIECUTTER('os.system("which cookiecutter > /dev/null 2>&1")', 'rc == 0').replace('import subprocess', 'import os\nimport subprocess') },
    { name: 'command -v, `not rc != 0`', code: COOKIECUTTER('subprocess.call(["command", "-v", "cookiecutter"], shell=False)', 'not rc != 0') },
    {
      name: "subprocess.run(…).returncode != 0, then sys.exit",
      code: 'import subprocess\nimport sys\n\n\ndef fmt():\n    if subprocess.run(["which", "black"]).returncode != 0:\n        sys.exit("install black")\n    subprocess.run(["black", "."])\n',
    },
    {
      name: 'exe = shutil.which(X), then `if exe is None: return`',
      code: 'import shutil\nimport subprocess\n\n\ndef lint(paths):\n    exe = shutil.which("flake8")\n    if exe is None:\n        return None\n    return subprocess.run(["flake8", *paths])\n',
    },
    {
      name: 'exe = shutil.which(X), the launch inside `if exe:`',
      code: 'import shutil\nimport subprocess\n\n\ndef lint(paths):\n    exe = shutil.which("flake8")\n    if exe:\n        subprocess.run(["flake8", *paths])\n',
    },
  ],
  invalid: [
    {
      name: 'the status is taken but never tested',
      code: COOKIECUTTER('subprocess.call(["which", "cookiecutter"])', 'True'),
      errors: [{ line: 8, column: 9, messageId: 'runModule', data: { name: 'cookiecutter' } }],
    },
    {
      name: 'the launch in the branch where `which` failed',
      code: COOKIECUTTER('subprocess.call(["which", "cookiecutter"])', 'rc != 0'),
      errors: [{ line: 8, column: 9, messageId: 'runModule', data: { name: 'cookiecutter' } }],
    },
    {
      name: 'the status of another program (`pip show`; its own finding is VG102\'s)',
      code: COOKIECUTTER('subprocess.call(["pip", "show", "cookiecutter"])', 'rc == 0'),
      errors: [{ line: 8, column: 9, messageId: 'runModule', data: { name: 'cookiecutter' } }],
    },
    {
      // A launch guarded by its own look-up is of a tool the user may put anywhere: it says nothing
      // of the file running with its environment on PATH (it held every other finding as path-reliant).
      name: 'a guarded launch does not hold another launch of the file',
      code: `${COOKIECUTTER('subprocess.call(["which", "cookiecutter"])', 'rc == 0')}\n\ndef worker():\n    subprocess.run(["celery", "worker"])\n`,
      errors: [{ line: 14, column: 21, messageId: 'runModule', data: { name: 'celery' } }],
    },
    {
      name: 'the name is assigned again after the look-up',
      code: 'import shutil\nimport subprocess\n\n\ndef lint(paths):\n    exe = shutil.which("flake8")\n    exe = paths\n    if exe:\n        subprocess.run(["flake8", *paths])\n',
      errors: [{ line: 9, column: 25, messageId: 'runModule' }],
    },
    {
      name: 'the look-up names another Python tool than the guard leaves on',
      code: 'import shutil\nimport subprocess\n\n\ndef lint(paths):\n    exe = shutil.which("flake8")\n    subprocess.run(["flake8", *paths])\n',
      errors: [{ line: 7, column: 21, messageId: 'runModule' }],
    },
  ],
});

// A loop over literal names, then the name formatted into the program (f-string, format, %, +).
testRule(barePythonInterpreter, {
  label: 'a loop variable over literal versions',
  valid: [{ name: 'each candidate asked --version', code: 'import subprocess\n\nfor v in ("3", ""):\n    subprocess.run([f"python{v}", "--version"])\n' }],
  invalid: [
    {
      name: 'f-string, .format, % and +',
      code: 'import subprocess\n\nfor v in ("3", ""):\n    subprocess.run([f"python{v}", "a.py"])\n    subprocess.run(["python{0}".format(v), "b.py"])\n    subprocess.run(["python%s" % v, "c.py"])\n    subprocess.run(["python" + v, "d.py"])\n',
      errors: [4, 5, 6, 7].flatMap((line) => ['python3', 'python'].map((name) => ({ line, messageId: 'bareInterpreter' as const, data: { name } }))),
    },
  ],
});

testRule(barePythonInterpreter, {
  label: 'a literal that is only the start of the name',
  valid: [],
  invalid: [
    {
      // Regression: the fix wrote `sys.executable + v`, which names /venv/bin/python3 when v is "3".
      name: '"python" + v, v "3" or "": reported, no fix',
      code: 'import os\nimport subprocess\n\nv = "3" if os.name == "posix" else ""\nsubprocess.run(["python" + v, "x.py"])\n',
      errors: [
        { line: 5, column: 1, messageId: 'bareInterpreter', data: { name: 'python3' } },
        { line: 5, column: 1, messageId: 'bareInterpreter', data: { name: 'python' } },
      ],
      output: null,
      unsafeOutput: null,
    },
  ],
});
