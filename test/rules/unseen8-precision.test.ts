/**
 * Issue 15, session 19: findings of the unseen8 batch reviewed as false, each with the near case
 * that is still an escape.
 */
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { pathReliantLaunch } from '../../src/rules/path-reliant-launch.js';
import { testRule } from '../rule-tester.js';

// comfy-cli's tests/uv/test_uv.py: the command is data for a mocked subprocess.check_call.
const MOCKED = (mock: string, call = 'subprocess.check_call(cmd)') => `import subprocess
from unittest import mock
from unittest.mock import patch


${mock}
`.replace('CALL', call);

const WITH = (target: string) => MOCKED(`def test_hint():\n    cmd = ["python", "-m", "pip", "install", "requests"]\n    with patch(${target}, side_effect=subprocess.CalledProcessError(1, cmd)):\n        CALL`);

testRule(barePip, {
  label: 'unseen8: a mocked launch API starts nothing',
  valid: [
    { name: 'with patch("subprocess.check_call")', code: WITH('"subprocess.check_call"') },
    { name: "a module's own subprocess", code: WITH('"comfy_cli.uv.subprocess.check_call"') },
    { name: 'patch.object(subprocess, "check_call")', code: WITH('').replace('patch(, ', 'patch.object(subprocess, "check_call", ') },
    { name: 'a decorated test', code: MOCKED('@mock.patch("subprocess.run")\ndef test_run(run):\n    subprocess.run(["pip", "install", "x"])') },
    { name: 'monkeypatch.setattr, then the call', code: MOCKED('def test_run(monkeypatch):\n    monkeypatch.setattr(subprocess, "run", lambda *a, **k: None)\n    subprocess.run(["pip", "install", "x"])') },
  ],
  invalid: [
    {
      name: 'patch of another API: the launch is real',
      code: WITH('"shutil.which"'),
      errors: [{ line: 9, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'the call after the with-block is real',
      code: WITH('"subprocess.check_call"').replace('        subprocess.check_call(cmd)', '        pass\n    subprocess.check_call(cmd)'),
      errors: [{ line: 10, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'monkeypatch after the call',
      code: MOCKED('def test_run(monkeypatch):\n    subprocess.run(["pip", "install", "x"])\n    monkeypatch.setattr(subprocess, "run", lambda *a, **k: None)'),
      errors: [{ line: 7, messageId: 'barePip' }],
    },
  ],
});

testRule(pathReliantLaunch, {
  label: 'unseen8: mocked, held by VG106',
  valid: [],
  invalid: [
    {
      name: 'the reason',
      code: WITH('"subprocess.check_call"'),
      errors: [{ line: 9, messageId: 'held', data: { tool: 'pip', reason: 'the launch API is replaced by a mock here (a test), so this call starts nothing' } }],
    },
  ],
});

testRule(barePythonInterpreter, {
  label: 'unseen8: a mocked os.system',
  valid: [{ name: 'with mock.patch("os.system")', code: MOCKED('def test_sys():\n    with mock.patch("os.system") as m:\n        os.system("python x.py")').replace('import subprocess', 'import os') }],
  invalid: [],
});
