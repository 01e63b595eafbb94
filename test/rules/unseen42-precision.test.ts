/**
 * Issue 15, session 31: findings of the unseen42 to unseen47 batches reviewed as false or with a
 * wrong fix, each with its near case (the configuration formats' cases are in their own tests:
 * source-in-sh, activation-does-not-persist, venv-not-on-path-ci, who-runs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText, fixText } from '../../src/api.js';
import { python3, tempDir } from '../helpers.js';

const shown = async (code: string, file = 'plugins.py') => (await checkText(code, { path: file })).map((d) => `${d.start.line} ${d.code}`);

// graphdonkey's main/plugins.py: one helper runs the list as argv on Linux and with shell=True on Windows.
const HELPER = [
  'import subprocess',
  'import sys',
  '',
  'def command(cmd):',
  "    if sys.platform == 'linux':",
  '        return subprocess.check_output(cmd, stderr=subprocess.STDOUT)',
  "    if sys.platform == 'win32':",
  '        return subprocess.check_output(cmd, stderr=subprocess.STDOUT, shell=True)',
  '',
  'def freeze():',
  '    cmd = ["python", "-m", "pip"]',
  '    return command(cmd + ["freeze"])',
  '',
].join('\n');

test("a list of several words with shell=True is Windows' list2cmdline form: its items are words, and the fix is sys.executable, unquoted (graphdonkey)", async () => {
  // One finding, pip's; the POSIX reading (the first item as the shell's script) gave a second one, `python` alone.
  assert.deepEqual(await shown(HELPER), ['12 VG102']);
  const fixed = await fixText(HELPER, { path: 'plugins.py', unsafe: true });
  assert.match(fixed, /cmd = \[sys\.executable, "-m", "pip"\]/);
  assert.doesNotMatch(fixed, /shlex|list2cmdline/);
  // The fixed list runs this machine's interpreter's pip (as the Linux branch does).
  const py = python3();
  if (py) {
    const dir = tempDir();
    const file = path.join(dir, 'plugins.py');
    fs.writeFileSync(file, `${fixed}\nimport sys as _s\n_s.stdout.write(freeze().decode().splitlines()[0] if freeze() else "")\n`);
    const r = spawnSync(py, [file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  // The near cases: a one-item list with shell=True is its script (pip is shown, as a shell string),
  // and a string with shell=True too.
  assert.deepEqual(await shown('import subprocess\nsubprocess.run(["pip install x"], shell=True)\n'), ['2 VG102']);
  assert.deepEqual(await shown('import subprocess\nsubprocess.run("pip install x", shell=True)\n'), ['2 VG102']);
});

test("`python3 setup.py sdist` of a setup.py that needs only setuptools needs no venv, nor does the activation before it (bonito's Makefile, admin-server-cli's Jenkinsfile)", async () => {
  const { projectFindings } = await import('../helpers.js');
  const makefile = ['install:', '\tpython3 -m venv venv', '\t. venv/bin/activate; pip install -r requirements.txt', '\tpython3 setup.py sdist', '\t. venv/bin/activate; pip install dist/x-1.0.tar.gz', ''].join('\n');
  const setup = ['import os', 'import re', 'from setuptools import setup, find_packages', '', 'setup(name="x", version="1.0", packages=find_packages())', ''].join('\n');
  assert.deepEqual(await projectFindings({ Makefile: makefile, 'setup.py': setup }), []);
  const jenkins = ['pipeline {', '  agent any', '  stages {', '    stage("b") {', '      steps {', '        sh "python3 -m venv venv"', '        sh("python3 setup.py egg_info -b \\"\\" sdist")', '      }', '    }', '  }', '}', ''].join('\n');
  assert.deepEqual(await projectFindings({ Jenkinsfile: jenkins, 'setup.py': setup }), []);
  // Twins: a setup.py that imports the package (its dependencies with it), and a wheel or an install.
  const codes = (found: string[]) => found.map((f) => /(VG\d+)/.exec(f)![1]);
  assert.deepEqual(codes(await projectFindings({ Makefile: makefile, 'setup.py': setup.replace('import re', 'import re\nimport x') })), ['VG202', 'VG201']);
  assert.deepEqual(codes(await projectFindings({ Makefile: makefile.replace('setup.py sdist', 'setup.py bdist_wheel'), 'setup.py': setup })), ['VG202', 'VG201']);
  assert.deepEqual(codes(await projectFindings({ Makefile: makefile.replace('setup.py sdist', 'setup.py sdist upload'), 'setup.py': setup })), ['VG202', 'VG201']);
});
