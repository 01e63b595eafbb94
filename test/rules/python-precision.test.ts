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
