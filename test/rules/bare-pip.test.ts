import { barePip } from '../../src/rules/bare-pip.js';
import { testRule } from '../rule-tester.js';

testRule(barePip, {
  valid: [
    'import subprocess, sys\nsubprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    'import subprocess\nsubprocess.run(["pipx", "install", "black"])\n',
    'import subprocess\nsubprocess.run(["pipenv", "install"])\n',
    'import subprocess\nsubprocess.run(["uv", "pip", "install", "x"])\n',
    'import subprocess\nsubprocess.run(["./.venv/bin/pip", "install", "x"])\n',
    'import subprocess\nsubprocess.run(["pipeline-tool"])\n',
    'import os\nos.system("echo pip install x")\n',
    'import subprocess\nsubprocess.run(["python", "-m", "pipx", "run", "x"])\n',
    'import subprocess\nsubprocess.run(["docker", "exec", "c", "pip", "install", "x"])\n',
    'import subprocess\nsubprocess.run(["pip", "install", "x"])  # noqa: VG102\n',
  ],
  invalid: [
    {
      name: "pip by name where the interpreter has no pip module (pycatsearch): no sys.executable -m pip fix, pip's --python advised",
      code: 'import subprocess, sys\nfrom importlib.util import find_spec\nfrom shutil import which\nif find_spec("pip") is not None:\n    args = [sys.executable, "-m", "pip", "install", "x"]\nelif which("pip") is not None:\n    args = ["pip", "install", "x"]\nsubprocess.run(args)\n',
      errors: [{ line: 8, messageId: 'barePip', data: { instead: "pip's --python option with sys.executable (this branch runs where the interpreter has no pip module)" } }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'the same pip by name without the module test: the fix to sys.executable -m pip',
      code: 'import subprocess, sys\nfrom shutil import which\nif which("pip") is not None:\n    args = ["pip", "install", "x"]\nsubprocess.run(args)\n',
      errors: [{ line: 5, messageId: 'barePip', data: { instead: 'sys.executable -m pip' } }],
      output: null,
      unsafeOutput: 'import subprocess, sys\nfrom shutil import which\nif which("pip") is not None:\n    args = [sys.executable, "-m", "pip", "install", "x"]\nsubprocess.run(args)\n',
    },
    {
      name: 'pip in a list: unsafe fix to sys.executable -m pip',
      code: 'import subprocess\nimport sys\nsubprocess.check_call(["pip", "install", "-r", "requirements.txt"])\n',
      errors: [{ line: 3, column: 24, messageId: 'barePip', message: /"pip" is found on PATH.*installs into another environment/ }],
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "-r", "requirements.txt"])\n',
    },
    {
      name: 'python -m pip with a bare interpreter: safe fix of the interpreter',
      code: 'import subprocess\nimport sys\nsubprocess.run(["python3", "-m", "pip", "install", "x"])\n',
      errors: [{ line: 3, column: 17, messageId: 'pipOfInterpreter', message: /-m pip/ }],
      output: 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    },
    {
      name: 'pip3.11',
      code: 'import subprocess\nsubprocess.run(["pip3.11", "list"])\n',
      errors: [{ line: 2, column: 17, messageId: 'barePip' }],
    },
    {
      name: 'shell string: unsafe fix adds -m pip',
      code: 'import os\nimport shlex\nimport sys\nos.system("pip install -U requests")\n',
      errors: [{ line: 4, column: 12, messageId: 'barePip' }],
      output: null,
      unsafeOutput: 'import os\nimport shlex\nimport sys\nos.system(shlex.quote(sys.executable) + " -m pip install -U requests")\n',
    },
    {
      name: 'source activate does not persist into sh -c of another launch',
      code: 'import subprocess\nsubprocess.run("bash -c \'pip install x\'", shell=True)\n',
      errors: [{ line: 2, column: 26, messageId: 'barePip' }],
    },
    {
      name: 'the interpreter option cluster -Im',
      code: 'import subprocess\nsubprocess.run(["python3", "-Im", "pip", "list"])\n',
      errors: [{ line: 2, column: 17, messageId: 'pipOfInterpreter', message: /-m pip/ }],
    },
    {
      name: 'method wrapper with *args: the fix keeps the arguments flat',
      code: 'import subprocess, sys\n\nclass B:\n    def sh(self, *args):\n        return subprocess.check_call(args)\n\n    def go(self):\n        self.sh("pip", "install", "x")\n',
      errors: [{ line: 8, column: 17, messageId: 'barePip', message: /via sh\(\)/ }],
      unsafeOutput: 'import subprocess, sys\n\nclass B:\n    def sh(self, *args):\n        return subprocess.check_call(args)\n\n    def go(self):\n        self.sh(sys.executable, "-m", "pip", "install", "x")\n',
    },
    {
      name: 'asyncio string',
      code: 'import asyncio\nasync def f():\n    await asyncio.create_subprocess_shell("pip freeze")\n',
      errors: [{ line: 3, column: 44, messageId: 'barePip' }],
    },
  ],
});
