/**
 * Python false-alarm classes from the review of the unseen corpus (issue 15, session 6), each
 * table with the true escape next to it, so that no table passes by finding nothing.
 */
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { testRule } from '../rule-tester.js';

// text-generation-webui's one_click.py: a helper that, when its caller asks (`environment=True`),
// puts a conda activation before the command in the shell string it runs.
const RUN_CMD = `import os
import subprocess
import sys

script_dir = os.getcwd()
conda_env_path = os.path.join(script_dir, "installer_files", "env")


def is_windows():
    return sys.platform.startswith("win")


def run_cmd(cmd, assert_success=False, environment=False, capture_output=False, env=None):
    if environment:
        if is_windows():
            conda_bat_path = os.path.join(script_dir, "installer_files", "conda", "condabin", "conda.bat")
            python_path = os.path.join(conda_env_path, "python.exe")
            cmd = cmd.replace("python ", f'"{python_path}" ')
            cmd = f'"{conda_bat_path}" activate "{conda_env_path}" >nul && {cmd}'
        else:
            conda_sh_path = os.path.join(script_dir, "installer_files", "conda", "etc", "profile.d", "conda.sh")
            cmd = f'. "{conda_sh_path}" && conda activate "{conda_env_path}" && {cmd}'
    executable = None if is_windows() else "bash"
    return subprocess.run(cmd, shell=True, capture_output=capture_output, env=env, executable=executable)


`;
// Line of the first statement after RUN_CMD.
const AFTER = RUN_CMD.split('\n').length;

testRule(barePip, {
  label: 'a helper that activates when its caller asks',
  valid: [
    { name: 'environment=True', code: `${RUN_CMD}run_cmd("python -m pip cache purge", environment=True)\n` },
    { name: 'environment=True among other keywords, inside a function', code: `${RUN_CMD}def clean():\n    result = run_cmd("python -m pip list --format=freeze", capture_output=True, environment=True)\n    return result\n` },
    {
      name: 'the flag passed by position; `if not` on the other path',
      code: "import subprocess\n\n\ndef sh(cmd, plain=True):\n    if not plain:\n        cmd = '. /opt/venv/bin/activate && ' + cmd\n    subprocess.run(cmd, shell=True)\n\n\nsh('pip install -r requirements.txt', False)\n",
    },
    {
      name: 'Windows: conda.bat activate, under a folder known only at run time',
      code: "import os\nimport subprocess\n\nROOT = os.getcwd()\nsubprocess.run(f'\"{ROOT}\\\\installer_files\\\\conda\\\\condabin\\\\conda.bat\" activate \"{ROOT}\\\\env\" >nul && python -m pip install -r requirements.txt', shell=True)\n",
    },
  ],
  invalid: [
    {
      name: 'Windows: conda.bat info activates nothing',
      code: "import os\nimport subprocess\n\nROOT = os.getcwd()\nsubprocess.run(f'\"{ROOT}\\\\installer_files\\\\conda\\\\condabin\\\\conda.bat\" info && python -m pip install -r requirements.txt', shell=True)\n",
      errors: [{ line: 5, column: 80, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'the same helper, the flag left at its default',
      code: `${RUN_CMD}run_cmd("python -m pip cache purge", environment=True)\nrun_cmd("python -m pip install -r requirements.txt")\n`,
      errors: [{ line: AFTER + 1, column: 10, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'environment=False',
      code: `${RUN_CMD}run_cmd("python -m pip install x", environment=False)\n`,
      errors: [{ line: AFTER, column: 10, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'a flag that is not known (a variable of the caller)',
      code: `${RUN_CMD}def go(flag):\n    run_cmd("python -m pip install x", environment=flag)\n`,
      errors: [{ line: AFTER + 1, column: 14, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'keywords passed as **kwargs: the default is not known to apply',
      code: `${RUN_CMD}opts = dict(environment=False)\nrun_cmd("python -m pip install x", **opts)\n`,
      errors: [{ line: AFTER + 1, column: 10, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'the activation on one path only (no else)',
      code: "import subprocess\nimport sys\n\n\ndef sh(cmd, venv=True):\n    if venv:\n        if sys.platform != 'win32':\n            cmd = '. /opt/venv/bin/activate && ' + cmd\n    subprocess.run(cmd, shell=True)\n\n\nsh('pip install -r requirements.txt')\n",
      errors: [{ line: 12, column: 5, messageId: 'barePip' }],
    },
  ],
});

// Every branch of an if/else chain assigns the name: what it held before the chain is gone.
testRule(barePythonInterpreter, {
  label: 'every branch reassigns',
  valid: [
    {
      name: 'a venv interpreter per platform replaces the default',
      code: 'import os\nimport subprocess\n\nVENV = os.path.abspath(".venv")\npython = "python3"\nif os.name == "nt":\n    python = os.path.join(VENV, "Scripts", "python.exe")\nelif os.name == "java":\n    raise SystemExit("unsupported")\nelse:\n    python = os.path.join(VENV, "bin", "python")\nsubprocess.run([python, "-m", "app"])\n',
    },
  ],
  invalid: [
    {
      name: 'no else: the default is still one of the values',
      code: 'import os\nimport subprocess\n\nVENV = os.path.abspath(".venv")\npython = "python3"\nif os.name == "nt":\n    python = os.path.join(VENV, "Scripts", "python.exe")\nelif os.name == "posix":\n    python = os.path.join(VENV, "bin", "python")\nsubprocess.run([python, "-m", "app"])\n',
      errors: [{ line: 10, column: 1, messageId: 'bareInterpreter' }],
    },
    {
      name: 'a branch that assigns only inside a nested if',
      code: 'import os\nimport subprocess\n\nVENV = os.path.abspath(".venv")\npython = "python3"\nif os.name == "nt":\n    python = os.path.join(VENV, "Scripts", "python.exe")\nelse:\n    if os.path.isdir(VENV):\n        python = os.path.join(VENV, "bin", "python")\nsubprocess.run([python, "-m", "app"])\n',
      errors: [{ line: 11, column: 1, messageId: 'bareInterpreter' }],
    },
  ],
});

// pgadmin4's bgprocess: the interpreter is sys.executable, or on Windows a search of sys.prefix that
// returns None when it finds nothing; `python` by name is only the last resort after both.
const PGADMIN = (posix: string) => `import os
import subprocess
import sys


class BatchProcess:
    def windows_interpreter(self, paths):
        paths.insert(0, os.path.join(sys.prefix, "Scripts"))
        for folder in paths:
            exe = os.path.join(folder, "pythonw.exe")
            if os.path.exists(exe):
                return exe
        return None

    def get_python_interpreter(self):
        if os.name == "nt":
            interpreter = self.windows_interpreter(os.environ["PATH"].split(os.pathsep))
        else:
            interpreter = ${posix}
        return interpreter if interpreter else "python"

    def start(self):
        cmd = [self.get_python_interpreter(), "process_executor.py"]
        return subprocess.Popen(cmd, start_new_session=True)
`;

testRule(barePythonInterpreter, {
  label: 'a helper whose normal result is sys.executable',
  valid: [{ name: "pgadmin4's shape: a search that may return None, else sys.executable", code: PGADMIN('sys.executable') }],
  invalid: [
    {
      name: 'the same helper without sys.executable: the name is its only interpreter',
      code: PGADMIN('None'),
      errors: [{ line: 24, column: 16, messageId: 'bareInterpreter' }],
    },
  ],
});

// archivebox's hook tests: the test writes a hook script that imports only the standard library,
// then runs it with python3 from PATH. Any Python of that version runs it the same.
const HOOK_TEST = (write: string, run = 'subprocess.run(["python3", str(hook_path)], capture_output=True, text=True)') => `import subprocess
import tempfile
import unittest
from pathlib import Path


class TestHookExecution(unittest.TestCase):
    def setUp(self):
        self.work_dir = Path(tempfile.mkdtemp())

    def test_python_hook_execution(self):
        hook_path = self.work_dir / "test_hook.py"
${write}
        result = ${run}
        self.assertEqual(result.returncode, 0)
`;
const STDLIB_HOOK = '        hook_path.write_text("""#!/usr/bin/env python3\nimport json\nimport sys\nprint(json.dumps({"type": "ArchiveResult", "args": sys.argv[1:]}))\n""")';

testRule(barePythonInterpreter, {
  label: 'a script the same code writes',
  valid: [
    { name: 'a hook that imports only json and sys', code: HOOK_TEST(STDLIB_HOOK) },
    { name: 'an option before the script, arguments after it', code: HOOK_TEST(STDLIB_HOOK, 'subprocess.run(["python3", "-u", hook_path, "--url=https://example.com"], capture_output=True)') },
  ],
  invalid: [
    {
      name: 'the hook imports the application',
      code: HOOK_TEST('        hook_path.write_text("""import json\nfrom archivebox.config import CONSTANTS\nprint(json.dumps(CONSTANTS))\n""")'),
      errors: [{ line: 17, column: 34, messageId: 'bareInterpreter' }],
    },
    {
      name: 'the content is built at run time',
      code: HOOK_TEST('        module = self.id()\n        hook_path.write_text(f"import {module}\\n")'),
      errors: [{ line: 15, column: 34, messageId: 'bareInterpreter' }],
    },
    {
      name: 'the name is bound to another file after the write',
      code: HOOK_TEST(`${STDLIB_HOOK}\n        hook_path = Path("hooks/on_snapshot.py")`),
      errors: [{ line: 19, column: 34, messageId: 'bareInterpreter' }],
    },
    {
      name: 'the write may not run (inside an if that does not hold the launch)',
      code: HOOK_TEST(`        if not hook_path.exists():\n    ${STDLIB_HOOK}`),
      errors: [{ line: 19, column: 34, messageId: 'bareInterpreter' }],
    },
    {
      name: 'python3 -m runs a module, not the script written',
      code: HOOK_TEST(STDLIB_HOOK, 'subprocess.run(["python3", "-m", "archivebox", str(hook_path)], capture_output=True)'),
      errors: [{ line: 18, column: 34, messageId: 'bareInterpreter' }],
    },
  ],
});

// certbot's tools/venv.py: finds an interpreter of the right version, asking each candidate on PATH
// for its own path with sys.stdout.write(sys.executable): a probe, not a use.
const CERTBOT = (code: string) => `import subprocess
import sys


def find_python_executable(env_arg):
    for one_version in ("3", ""):
        try:
            one_python = "python{0}".format(one_version)
            output = subprocess.check_output([one_python, "--version"], universal_newlines=True, stderr=subprocess.STDOUT)
            if output.strip().split()[1].startswith("3."):
                return subprocess.check_output([one_python, "-c", ${code}], universal_newlines=True)
        except (subprocess.CalledProcessError, OSError):
            pass
    return subprocess.check_output(["py", env_arg, "-c", ${code}], universal_newlines=True)
`;

testRule(barePythonInterpreter, {
  label: 'an interpreter asked its own path',
  valid: [{ name: "certbot's shape: sys.stdout.write(sys.executable)", code: CERTBOT('"import sys; sys.stdout.write(sys.executable);"') }],
  invalid: [
    {
      name: 'the candidate is asked what an installed package says',
      code: CERTBOT('"import certbot, sys; sys.stdout.write(certbot.__version__)"'),
      // The loop gives one_version "3" then "": python3, then python.
      errors: [
        { line: 11, column: 24, messageId: 'bareInterpreter', data: { name: 'python3' } },
        { line: 11, column: 24, messageId: 'bareInterpreter', data: { name: 'python' } },
        { line: 14, column: 37, messageId: 'bareInterpreter', data: { name: 'py' } },
      ],
    },
  ],
});
