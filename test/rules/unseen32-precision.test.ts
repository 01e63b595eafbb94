/**
 * Issue 15, session 26: wrong fixes of the unseen32 batch (Python applications and tools that start
 * other programs), each with the near case whose fix is unchanged.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { check, checkText } from '../../src/api.js';
import { tempDir } from '../helpers.js';

const root = tempDir('venvguard-unseen32-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

test("jupyter finds its subcommands on PATH: its fix is the copy beside sys.executable, not `-m jupyter_core` (pycap's run_notebooks_fresh.py)", async () => {
  const code = ['import subprocess', '', 'def run(nb):', '    subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute", nb], check=True)', ''].join('\n');
  const [d] = await checkText(code, { path: '.scripts/run_notebooks_fresh.py' });
  assert.equal(d.code, 'VG103');
  assert.match(d.fix!.title, /Use the jupyter beside sys\.executable/);
  assert.doesNotMatch(JSON.stringify(d.fix), /jupyter_core/);
  assert.match(d.fix!.edits[0].text, /shutil\.which\("jupyter", path=os\.path\.dirname\(sys\.executable\)\) or "jupyter"/);
  // The twin: a console script that runs its own code keeps its `-m` fix.
  const [p] = await checkText(code.replace('"jupyter", "nbconvert"', '"pytest", "-x"'), { path: '.scripts/run_notebooks_fresh.py' });
  assert.match(p.fix!.edits[0].text, /sys\.executable, "-m", "pytest"/);
});

test("a batch file or PowerShell script of the project says it runs on Windows: no os.system fix there (magisterka's run_many.bat beside run_many.py)", async () => {
  const code = ['import os', '', 'for n in range(3):', '    os.system("python train.py --n " + str(n))', ''].join('\n');
  const project = (name: string, extra: Record<string, string>) => {
    const dir = path.join(root, name);
    fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'run_many.py'), code);
    fs.writeFileSync(path.join(dir, 'train_many.sh'), '#!/bin/sh\nfor n in 1 2 3; do echo $n; done\n');
    // Sphinx's quickstart writes docs/make.bat into every project: it says nothing of where the code runs.
    fs.writeFileSync(path.join(dir, 'docs', 'make.bat'), '@ECHO OFF\r\nsphinx-build -M %1 . _build\r\n');
    for (const [f, t] of Object.entries(extra)) fs.writeFileSync(path.join(dir, f), t);
    return dir;
  };
  const posix = await check({ paths: ['.'], cwd: project('posix', {}), noConfig: true });
  assert.deepEqual(posix.diagnostics.map((d) => `${d.start.line} ${d.code}`), ['4 VG101']);
  assert.match(posix.diagnostics[0].fix!.edits[0].text, /shlex\.quote\(sys\.executable\)/);
  for (const script of ['run_many.bat', 'run_many.cmd', 'setup.ps1']) {
    const windows = await check({ paths: ['.'], cwd: project(`windows-${script}`, { [script]: 'python run_many.py\r\n' }), noConfig: true });
    assert.deepEqual(windows.diagnostics.map((d) => `${d.start.line} ${d.code}`), ['4 VG101'], script);
    assert.equal(windows.diagnostics[0].fix, undefined, script);
  }
});
