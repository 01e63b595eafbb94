/**
 * VG107 name-not-looked-up: the table, and the failures its page claims, run for real with a real
 * interpreter in a real venv started as `venv/bin/python` (not activated): multiprocessing's child
 * exits 255 with no message, os.execv raises FileNotFoundError, os.spawnv returns 127 — and
 * subprocess's `executable=` is searched on PATH (so it is VG101's, not this rule's).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';
import { nameNotLookedUp } from '../../src/rules/name-not-looked-up.js';
import { python3, tempDir } from '../helpers.js';
import { testRule } from '../rule-tester.js';

testRule(nameNotLookedUp, {
  valid: [
    'import os\nos.execvp("python", ["python", "x.py"])\n',
    'import os\nos.spawnlp(os.P_WAIT, "python", "python", "x.py")\n',
    'import os\nos.posix_spawnp("python", ["python", "x.py"], os.environ)\n',
    'import os, sys\nos.execv(sys.executable, [sys.executable, "x.py"])\n',
    'import multiprocessing, sys\nmultiprocessing.set_executable(sys.executable)\n',
    'import multiprocessing, os, sys\nmultiprocessing.set_executable(os.path.join(sys.exec_prefix, "pythonw.exe"))\n',
    'import os\nos.execv("/opt/app/venv/bin/python", ["python", "x.py"])\n',
    'import os\nos.execv("./python", ["python", "x.py"])\n',
    // Not a Python tool: not this rule's business.
    'import os\nos.execv("git", ["git", "status"])\n',
    // subprocess searches PATH for executable= too (POSIX _execute_child): VG101's, not a failure.
    'import subprocess\nsubprocess.Popen(["python", "x.py"], executable="python")\n',
    // A wrapper started without lookup by path looks its operand up on PATH itself.
    'import os\nos.execv("/usr/bin/env", ["env", "python", "x.py"])\n',
    { name: 'a name computed at run time', code: 'import os\n\ndef go(exe):\n    os.execv(exe, [exe, "x.py"])\n' },
  ],
  invalid: [
    {
      name: 'multiprocessing.set_executable("python")',
      code: 'import multiprocessing\nimport sys\nmultiprocessing.set_executable("python")\n',
      errors: [{ line: 3, column: 32, messageId: 'notLookedUp', data: { name: 'python', api: 'multiprocessing.set_executable' } }],
      output: null,
      unsafeOutput: 'import multiprocessing\nimport sys\nmultiprocessing.set_executable(sys.executable)\n',
    },
    {
      name: 'from multiprocessing import set_executable, a module constant',
      code: 'import sys\nfrom multiprocessing import set_executable\nPY = "python3"\nset_executable(PY)\n',
      errors: [{ line: 4, column: 1, messageId: 'notLookedUp', data: { name: 'python3', api: 'multiprocessing.set_executable' } }],
    },
    {
      name: 'os.execv: the program and the new argv[0]',
      code: 'import os\nimport sys\nos.execv("python", ["python", "worker.py"])\n',
      errors: [{ line: 3, column: 10, messageId: 'notLookedUp', data: { name: 'python', api: 'os.execv' } }],
      output: null,
      unsafeOutput: 'import os\nimport sys\nos.execv(sys.executable, [sys.executable, "worker.py"])\n',
    },
    {
      name: 'os.execl',
      code: 'import os\nos.execl("python3", "python3", "worker.py")\n',
      errors: [{ line: 2, messageId: 'notLookedUp', data: { api: 'os.execl' } }],
    },
    {
      name: 'os.execve with an env that has PATH: still no lookup',
      code: 'import os\nos.execve("python", ["python", "w.py"], {"PATH": "/opt/venv/bin"})\n',
      errors: [{ line: 2, messageId: 'notLookedUp', data: { api: 'os.execve' } }],
    },
    {
      name: 'os.spawnv returns 127',
      code: 'import os\nos.spawnv(os.P_WAIT, "python", ["python", "worker.py"])\n',
      errors: [{ line: 2, messageId: 'notLookedUp', data: { api: 'os.spawnv', failure: 'os.spawnv returns 127 (P_WAIT) without raising' } }],
    },
    {
      name: 'os.posix_spawn pip',
      code: 'import os\nimport sys\nos.posix_spawn("pip", ["pip", "install", "x"], os.environ)\n',
      errors: [{ line: 3, messageId: 'notLookedUp', data: { name: 'pip', api: 'os.posix_spawn' } }],
      unsafeOutput: 'import os\nimport sys\nos.posix_spawn(sys.executable, [sys.executable, "-m", "pip", "install", "x"], os.environ)\n',
    },
    {
      name: 'os.execv of a console script',
      code: 'import os\nimport sys\nos.execv("pytest", ["pytest", "-q"])\n',
      errors: [{ line: 3, messageId: 'notLookedUp', data: { name: 'pytest' } }],
    },
  ],
});

/** A venv of a real interpreter, the way a service starts it: venv/bin/python, no activation. */
function venvPython(dir: string): string | undefined {
  const py = python3();
  if (!py) return undefined;
  const venv = path.join(dir, 'venv');
  const r = spawnSync(py, ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return path.join(venv, 'bin', 'python');
}

test('VG107: the failures the page claims happen, and the fixed example works (real venv, real interpreter)', async (t) => {
  const dir = tempDir();
  try {
    const py = venvPython(dir);
    if (!py) return t.skip('no python3 found (pyenv or PATH)');
    // The cwd has no file named python: as in any project folder.
    const run = (code: string) => {
      const file = path.join(dir, 'example.py');
      fs.writeFileSync(file, code);
      return spawnSync(py, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    };
    const broken = run(nameNotLookedUp.docs.example);
    assert.match(broken.stdout, /^exit code: 255$/m, broken.stdout + broken.stderr);
    assert.doesNotMatch(broken.stdout, /child:/);
    assert.doesNotMatch(broken.stderr, /Error|python/, 'the child fails with no message');
    const fixed = run(nameNotLookedUp.docs.useInstead);
    assert.match(fixed.stdout, /^exit code: 0$/m, fixed.stdout + fixed.stderr);
    assert.match(fixed.stdout, /^child: /m);
    // Both are judged as the page says.
    assert.equal((await checkText(nameNotLookedUp.docs.example, { select: ['VG107'], path: 'example.py' })).length, 1);

    const execv = run('import os\nos.execv("python", ["python", "-c", "print(1)"])\n');
    assert.notEqual(execv.status, 0);
    assert.match(execv.stderr, /FileNotFoundError/);
    const spawnv = run('import os\nprint(os.spawnv(os.P_WAIT, "python", ["python", "-c", "print(1)"]))\n');
    assert.equal(spawnv.status, 0, spawnv.stderr);
    assert.equal(spawnv.stdout.trim(), '127');
    const posix = run('import os\nos.posix_spawn("python", ["python", "-c", "print(1)"], os.environ)\n');
    assert.match(posix.stderr, /FileNotFoundError/);
    // executable= is looked up on PATH (here: a folder holding only this venv's interpreter).
    const exe = spawnSync(py, ['-c', 'import subprocess; subprocess.run(["python", "-c", "import sys; print(sys.prefix)"], executable="python")'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: path.dirname(py) },
    });
    assert.equal(exe.status, 0, exe.stderr);
    assert.equal(exe.stdout.trim(), fs.realpathSync(path.join(dir, 'venv')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
