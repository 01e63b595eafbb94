import { envWithoutPath } from '../../src/rules/env-without-path.js';
import { testRule } from '../rule-tester.js';

testRule(envWithoutPath, {
  valid: [
    'import os, subprocess\nsubprocess.run(["python3", "x.py"], env={**os.environ, "A": "1"})\n',
    'import os, subprocess\nsubprocess.run(["python3", "x.py"], env=dict(os.environ, A="1"))\n',
    'import os, subprocess\nenv = os.environ.copy()\nenv["A"] = "1"\nsubprocess.run(["python3", "x.py"], env=env)\n',
    'import subprocess\nsubprocess.run(["python3", "x.py"], env={"PATH": "/opt/venv/bin", "A": "1"})\n',
    'import subprocess\nsubprocess.run(["git", "status"], env={"A": "1"})\n',
    'import subprocess, sys\nsubprocess.run([sys.executable, "x.py"], env={"A": "1"})\n',
    'import subprocess\nsubprocess.run(["python3", "x.py"], env=None)\n',
    'import subprocess\ndef f(env):\n    subprocess.run(["python3", "x.py"], env=env)\n',
    { name: 'PATH added after the dict is built', code: 'import subprocess\nenv = {"HOME": "/tmp"}\nenv["PATH"] = "/usr/bin"\nsubprocess.run(["python3", "x.py"], env=env)\n' },
    { name: 'env.update(PATH=…)', code: 'import subprocess\nenv = {}\nenv.update(PATH="/opt/bin")\nsubprocess.run(["python3", "x.py"], env=env)\n' },
    { name: 'env.setdefault("PATH", …)', code: 'import subprocess\nenv = {}\nenv.setdefault("PATH", "/opt/bin")\nsubprocess.run(["python3", "x.py"], env=env)\n' },
  ],
  invalid: [
    {
      name: 'dict() builtin without PATH',
      code: 'import subprocess\nsubprocess.run(["python3", "x.py"], env=dict(LANG="C"))\n',
      errors: [{ line: 2, column: 41, messageId: 'noPath' }],
    },
    {
      name: 'env without PATH',
      code: 'import subprocess\nsubprocess.run(["python3", "x.py"], env={"LANG": "C.UTF-8"})\n',
      errors: [{ line: 2, column: 41, messageId: 'noPath', message: /os\.defpath/ }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'env built in a variable',
      code: 'import subprocess\nenv = {"HOME": "/tmp"}\nsubprocess.run(["pip", "list"], env=env)\n',
      errors: [{ line: 3, column: 37, messageId: 'noPath' }],
    },
    {
      name: 'os.execvpe',
      code: 'import os\nos.execvpe("python3", ["python3", "x.py"], {"A": "1"})\n',
      errors: [{ line: 2, column: 44, messageId: 'noPath' }],
    },
    {
      name: 'posix_spawnp',
      code: 'import os\nos.posix_spawnp("python3", ["python3"], {})\n',
      errors: [{ line: 2, column: 41, messageId: 'noPath' }],
    },
  ],
});
