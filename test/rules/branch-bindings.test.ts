/**
 * Issue 12 point 3: a name bound on every branch of an if/elif/else, or by a conditional expression
 * (platform checks above all), is judged at the launch, one finding per bare name a branch gives.
 * When one branch is sys.executable and another a bare name, the bare branch is still an escape
 * wherever that branch runs (POSIX, outside CI): it is reported and fixed alone, the
 * sys.executable branch left as it is. (A name used only when sys.executable is empty, `sys.executable
 * or "python"`, is not: test/rules/bare-python-interpreter.test.ts.)
 */
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { testRule } from '../rule-tester.js';

testRule(barePythonInterpreter, {
  label: 'names bound on every branch',
  valid: [
    {
      name: 'every branch is sys.executable or a venv path',
      code: 'import os, subprocess, sys\nif os.name == "nt":\n    PY = sys.executable\nelse:\n    PY = os.path.join(os.environ["VIRTUAL_ENV"], "bin", "python")\nsubprocess.run([PY, "x.py"])\n',
    },
    { name: 'sys.executable or a name used only when it is empty', code: 'import subprocess, sys\nexe = sys.executable if sys.executable else "python3"\nsubprocess.run([exe, "x.py"])\n' },
  ],
  invalid: [
    {
      name: 'if/elif/else on sys.platform, each branch a bare interpreter',
      code: 'import subprocess\nimport sys\nif sys.platform == "win32":\n    PY = "python.exe"\nelif sys.platform == "darwin":\n    PY = "python3"\nelse:\n    PY = "python3"\nsubprocess.run([PY, "x.py"])\n',
      errors: [
        { line: 9, column: 1, messageId: 'bareInterpreter', data: { name: 'python.exe' } },
        { line: 9, column: 1, messageId: 'bareInterpreter', data: { name: 'python3' } },
      ],
      // A name bound outside the call may be used elsewhere too: unsafe, as for any constant.
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\nif sys.platform == "win32":\n    PY = sys.executable\nelif sys.platform == "darwin":\n    PY = sys.executable\nelse:\n    PY = sys.executable\nsubprocess.run([PY, "x.py"])\n',
    },
    {
      name: 'conditional expression on os.name (a platform check)',
      code: 'import os\nimport subprocess\nimport sys\nPY = "python.exe" if os.name == "nt" else "python3"\nsubprocess.run([PY, "x.py"])\n',
      errors: [
        { line: 5, messageId: 'bareInterpreter', data: { name: 'python.exe' } },
        { line: 5, messageId: 'bareInterpreter', data: { name: 'python3' } },
      ],
      // A name bound outside the call may be used elsewhere too: unsafe, as for any constant.
      output: null,
      unsafeOutput: 'import os\nimport subprocess\nimport sys\nPY = sys.executable if os.name == "nt" else sys.executable\nsubprocess.run([PY, "x.py"])\n',
    },
    {
      name: 'inside a function: if/else on os.name',
      code: 'import os\nimport subprocess\nimport sys\n\n\ndef run(script):\n    if os.name == "nt":\n        exe = "python.exe"\n    else:\n        exe = "python3"\n    subprocess.run([exe, script])\n',
      errors: [
        { line: 11, column: 5, messageId: 'bareInterpreter', data: { name: 'python.exe' } },
        { line: 11, column: 5, messageId: 'bareInterpreter', data: { name: 'python3' } },
      ],
    },
    {
      name: 'one branch sys.executable (Windows), the other a bare name: the bare branch alone',
      code: 'import os\nimport subprocess\nimport sys\npy = sys.executable if os.name == "nt" else "python3"\nsubprocess.run([py, "x.py"])\n',
      errors: [{ line: 5, messageId: 'bareInterpreter', data: { name: 'python3' } }],
      // A name bound outside the call may be used elsewhere too: unsafe, as for any constant.
      output: null,
      unsafeOutput: 'import os\nimport subprocess\nimport sys\npy = sys.executable if os.name == "nt" else sys.executable\nsubprocess.run([py, "x.py"])\n',
    },
    {
      name: 'one branch sys.executable in CI, a bare name elsewhere',
      code: 'import os\nimport subprocess\nimport sys\nif os.environ.get("CI"):\n    py = sys.executable\nelse:\n    py = "python3"\nsubprocess.run([py, "x.py"])\n',
      errors: [{ line: 8, messageId: 'bareInterpreter', data: { name: 'python3' } }],
    },
    {
      name: 'branches that bind whole argv lists',
      code: 'import subprocess\n\n\ndef run(n):\n    if n > 3:\n        cmd = ["python3", "-X", "dev", "t.py"]\n    else:\n        cmd = ["python", "t.py"]\n    subprocess.run(cmd)\n',
      errors: [
        { line: 9, messageId: 'bareInterpreter', data: { name: 'python3' } },
        { line: 9, messageId: 'bareInterpreter', data: { name: 'python' } },
      ],
    },
  ],
});

testRule(barePip, {
  label: 'names bound on every branch',
  valid: [],
  invalid: [
    {
      // The Windows launcher on one branch: `py -m pip` is PATH's launcher's pip too.
      name: 'conditional expression on sys.platform: py or python3, then -m pip',
      code: 'import subprocess\nimport sys\n\n\ndef install(req):\n    exe = "py" if sys.platform.startswith("win") else "python3"\n    return subprocess.check_call([exe, "-m", "pip", "install", "-r", req])\n',
      errors: [
        { line: 7, messageId: 'pipOfInterpreter', data: { name: 'py' } },
        { line: 7, messageId: 'pipOfInterpreter', data: { name: 'python3' } },
      ],
    },
  ],
});
