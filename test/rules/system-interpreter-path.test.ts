import { systemInterpreterPath } from '../../src/rules/system-interpreter-path.js';
import { testRule } from '../rule-tester.js';

testRule(systemInterpreterPath, {
  valid: [
    'import subprocess\nsubprocess.run(["/opt/venv/bin/python", "x.py"])\n',
    'import subprocess\nsubprocess.run(["/srv/app/.venv/bin/python3", "x.py"])\n',
    // A venv installed below a system bin folder is a venv (pifire's /usr/local/bin/pifire, its legacy install).
    "import subprocess\npython_path = '/usr/local/bin/pifire/bin/python3'\nsubprocess.Popen([python_path, '/usr/local/bin/pifire/wled_discover_standalone.py'])\n",
    'import subprocess\nsubprocess.run(["/usr/local/bin/pifire/.venv/bin/python", "control.py"])\n',
    'import subprocess\nsubprocess.run(["/usr/bin/git", "status"])\n',
    'import subprocess\nsubprocess.run(["/usr/bin/python3-config", "--cflags"])\n',
    'import subprocess\nsubprocess.run(["python3", "x.py"])\n',
    'path = "/usr/bin/python3"\nprint(path)\n',
    // Dr.QP's overlay installer: pip told to write into the externally managed system Python, on purpose.
    'import subprocess\ncmd = ["/usr/bin/python3", "-m", "pip", "install", "--break-system-packages", "-r", "r.txt"]\nsubprocess.run(["sudo", *cmd], check=True)\n',
    { code: 'FROM python:3.12\nRUN python -m venv /venv\nRUN /usr/local/bin/python -m pip install --break-system-packages supervisor\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'the same install without --break-system-packages: reported',
      code: 'import subprocess\ncmd = ["/usr/bin/python3", "-m", "pip", "install", "-r", "r.txt"]\nsubprocess.run(["sudo", *cmd], check=True)\n',
      errors: [{ line: 3, messageId: 'systemInterpreter' }],
    },
    {
      name: '/usr/bin/python3: unsafe fix only',
      code: 'import subprocess\nimport sys\nsubprocess.run(["/usr/bin/python3", "-m", "compileall"])\n',
      errors: [{ line: 3, column: 17, messageId: 'systemInterpreter', message: /system interpreter/ }],
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "-m", "compileall"])\n',
    },
    { name: '/usr/local/bin/python3.11', code: 'import os\nos.system("/usr/local/bin/python3.11 job.py")\n', errors: [{ line: 2, column: 12, messageId: 'systemInterpreter' }] },
    { name: "python.org's macOS framework", code: 'import subprocess\nsubprocess.run(["/Library/Frameworks/Python.framework/Versions/3.12/bin/python3", "x"])\n', errors: [{ line: 2, column: 17, messageId: 'systemInterpreter' }] },
    { name: 'homebrew', code: 'import subprocess\nsubprocess.run(["/opt/homebrew/bin/python3", "x"])\n', errors: [{ line: 2, column: 17, messageId: 'systemInterpreter' }] },
    { name: 'Windows install', code: 'import subprocess\nsubprocess.run([r"C:\\Python39\\python.exe", "x"])\n', errors: [{ line: 2, column: 17, messageId: 'systemInterpreter' }] },
    { name: 'multiprocessing.set_executable', code: 'import multiprocessing\nmultiprocessing.set_executable("/usr/bin/python3")\n', errors: [{ line: 2, column: 32, messageId: 'systemInterpreter' }] },
  ],
});
