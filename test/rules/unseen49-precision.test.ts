/**
 * Issue 15, session 32: findings and problems of the corpus reviewed as false, with a wrong fix,
 * or as not fully checked, each with the near case that is still reported. Shell scripts are
 * checked with the real shell first (`bash -n`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { check } from '../../src/api.js';
import { writeProject } from '../helpers.js';

/** `check` over one script: its problems and findings as `line CODE`. */
async function checkScript(name: string, text: string): Promise<{ problems: string[]; findings: string[] }> {
  const root = writeProject('venvguard-u49-', { [name]: text });
  try {
    const real = spawnSync('bash', ['-n', name], { cwd: root, encoding: 'utf8' });
    assert.equal(real.status, 0, `bash -n refuses the script: ${real.stderr}`);
    const r = await check({ paths: ['.'], cwd: root, noConfig: true });
    return { problems: r.problems.map((p) => `${p.start?.line} ${p.message}`), findings: r.diagnostics.map((d) => `${d.start.line} ${d.code}`) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// The script's end: a venv made and then used by name, found only when the script is read to its end.
const TAIL = 'python3 -m venv .venv\npip install requests\n';

test("an assignment's subscript of two expansions joined by `,` `:` or `-` is valid bash (DietPi's dietpi-software)", async () => {
  for (const sub of ['$software_id,$G_HW_MODEL', '$a:$b', '${a}-${b}', '$a,$b,$c', 'k_$a_$b']) {
    const script = ['#!/bin/bash', 'declare -A aAVAIL', `(( $G_HW_MODEL > 9 )) && aAVAIL[${sub}]=0`, `aAVAIL[${sub}]+=1`, TAIL].join('\n');
    assert.deepEqual(await checkScript('dietpi-software', script), { problems: [], findings: ['6 VG201'] }, sub);
  }
  // A subscript that runs a command is left as it is, and the command is still read.
  const runs = ['#!/bin/bash', 'declare -A a', 'a[$x,$(python -c "print(1)")]=0', TAIL].join('\n');
  assert.deepEqual((await checkScript('x.sh', runs)).problems, []);
});

test("a Dockerfile CMD that is no JSON (`[\"python\" \"bot.py\"]`: no comma) is shell form, valid to sh (reformed-dave)", async () => {
  const cmd = '["python" "discord_bot.py"]';
  assert.equal(spawnSync('dash', ['-n', '-c', cmd]).status, 0);
  const root = writeProject('venvguard-u49-', { 'docker/Dockerfile.standalone': `FROM dave\n\nCMD ${cmd}\n`, 'run.sh': `#!/bin/sh\n${cmd}\n${TAIL}` });
  try {
    const r = await check({ paths: ['.'], cwd: root, noConfig: true });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.diagnostics.map((d) => `${d.path} ${d.start.line} ${d.code}`), ['run.sh 4 VG201']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  // A `[` after `|` in the regex of a `[[ … =~ … ]]` (catuserbot's megadown) is no command.
  const regex = ['#!/bin/bash', 'python3 -m venv .venv', 'if [[ "$1" =~ \\ *([^ ]|[^ ].*[^ ])\\ * ]]; then', '  echo -n "${BASH_REMATCH[1]}"', 'fi', 'pip install requests', ''].join('\n');
  assert.deepEqual(await checkScript('bin/megadown', regex), { problems: [], findings: ['6 VG201'] });
  // A case pattern and an array element that start a line with `[` are read as before.
  const script = ['#!/bin/bash', 'python3 -m venv .venv', 'case "$1" in', '  [yY]*) pip install x ;;', 'esac', 'declare -A a=(', '  [k]=v', ')', 'pip install requests', ''].join('\n');
  assert.deepEqual(await checkScript('x.sh', script), { problems: [], findings: ['4 VG201', '9 VG201'] });
});

/** The findings of `check` over a project made of `files`, VG106 included, as `path line CODE`. */
async function projectFindings(files: Record<string, string>): Promise<string[]> {
  const root = writeProject('venvguard-u49-', files);
  try {
    return (await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] })).diagnostics.map((d) => `${d.path} ${d.start.line} ${d.code}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test("Python 2 code in a project whose other code is Python 3 only is run by no venv of the project (unknown-horizons' stage_build_mac.py)", async () => {
  const stale = (py2: string) => ['import getopt', 'import subprocess', '', 'def build(python="/usr/bin/python"):', '    subprocess.call([python, "setup.py", "build"])', '', 'def main():', '    try:', '        opts = getopt.getopt([], "hf:")', '        fife = [v for o, v in opts if o in ("-f", "--fife-dir",)]', `    ${py2}`, '        return 2', ''].join('\n');
  const py3 = 'def greet(name):\n    return f"hello {name}"\n';
  for (const py2 of ['except getopt.error, msg:', 'except getopt.error:\n        print "usage"']) {
    assert.deepEqual(await projectFindings({ 'stage_build_mac.py': stale(py2), 'horizons/util.py': py3 }), [], py2);
    // A launch by name there is held, with why.
    const byName = stale(py2).replace('python="/usr/bin/python"', 'python="python"');
    const root = writeProject('venvguard-u49-', { 'stage_build_mac.py': byName, 'horizons/util.py': py3 });
    try {
      const d = (await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] })).diagnostics;
      assert.deepEqual(d.map((x) => `${x.start.line} ${x.code}`), ['5 VG106']);
      assert.match(d[0].message, new RegExp(`this file is Python 2 code \\(line ${py2.includes('print') ? 12 : 11}\\) in a project whose other code is Python 3 only`));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  // The twins: the same file where the project has no Python 3 only code (a Python 2 project, as
  // mhn's), and where the file itself is Python 3 too (`except E as e:`), stay reported. (The
  // string `"-f"` above ends in `f"`, which is no f-string.)
  assert.deepEqual(await projectFindings({ 'stage_build_mac.py': stale('except getopt.error, msg:'), 'horizons/util.py': 'def greet(name):\n    return "hello %s" % name\n' }), ['stage_build_mac.py 5 VG104']);
  assert.deepEqual(await projectFindings({ 'stage_build_mac.py': stale('except getopt.error as msg:'), 'horizons/util.py': py3 }), ['stage_build_mac.py 5 VG104']);
});

test("a notebook Jupytext pairs with a text file gets no fix, which would put the pair out of step (backtesting.py's docs)", async () => {
  const notebook = (metadata: object) =>
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { language: 'python', name: 'python3' }, ...metadata }, cells: [{ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['! pip install sambo\n', 'import sambo'] }] }, null, 1);
  const fixes = async (files: Record<string, string>) => {
    const root = writeProject('venvguard-u49-', files);
    try {
      return (await check({ paths: ['.'], cwd: root, noConfig: true })).diagnostics.map((d) => `${d.code} ${d.fix ? 'fix' : 'no fix'}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  const jupytext = { jupytext: { encoding: '# -*- coding: utf-8 -*-' } };
  assert.deepEqual(await fixes({ 'doc/examples/Optimization.ipynb': notebook(jupytext), 'doc/examples/Optimization.py': '# ! pip install sambo\nimport sambo\n' }), ['VG102 no fix']);
  assert.deepEqual(await fixes({ 'nb/a.ipynb': notebook({ jupytext: { formats: 'ipynb,md:myst' } }), 'nb/a.md': '```{code-cell}\n! pip install sambo\n```\n' }), ['VG102 no fix']);
  // The twins: Jupytext's metadata without a pair (alibi-detect's formats name a `.py` the
  // repository does not hold), and a text file beside a notebook Jupytext does not know.
  assert.deepEqual(await fixes({ 'nb/a.ipynb': notebook(jupytext) }), ['VG102 fix']);
  assert.deepEqual(await fixes({ 'nb/a.ipynb': notebook({ jupytext: { formats: 'ipynb,py:percent' } }) }), ['VG102 fix']);
  assert.deepEqual(await fixes({ 'nb/a.ipynb': notebook({ jupytext: { formats: 'ipynb' } }) }), ['VG102 fix']);
  assert.deepEqual(await fixes({ 'nb/a.ipynb': notebook({}), 'nb/a.py': 'import sambo\n' }), ['VG102 fix']);
});

test("a Colab cell's form lines may come before its cell magic (`#@title …` then `%%html`, as ColabFold's notebooks write)", async () => {
  const nb = (cells: string[][]) =>
    JSON.stringify({ nbformat: 4, nbformat_minor: 0, metadata: { kernelspec: { language: 'python', name: 'python3' } }, cells: cells.map((source) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source })) });
  const run = async (cells: string[][]) => {
    const root = writeProject('venvguard-u49-', { 'webui_colab.ipynb': nb(cells), 'run.sh': `#!/bin/sh\n${TAIL}` });
    try {
      const r = await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] });
      return { problems: r.problems.map((p) => p.path), findings: r.diagnostics.map((d) => `${d.path} ${d.start.line} ${d.code}`) };
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  const html = ['#@title Press play on the music player to keep the tab alive\n', '%%html\n', '<b>Press play</b><br/>\n', '<audio src="silence.m4a" controls>'];
  const bash = ['#@title Install\n', '%%bash\n', 'python3 -m venv /content/venv\n', 'pip install streamlit'];
  const found = await run([html, bash]);
  assert.deepEqual(found.problems, []);
  // The %%bash body is read as the cell's shell: its pip after the venv it made is found (held,
  // as in any notebook written for Colab, whose forms say so).
  assert.deepEqual(found.findings, ['run.sh 3 VG201', 'webui_colab.ipynb 1 VG106']);
  // The twin: after a plain comment, `%%bash` is no cell magic (IPython reads one on the first line
  // only), so its body is not read as a shell.
  assert.deepEqual((await run([html, ['# Install\n', ...bash.slice(1)]])).findings, ['run.sh 3 VG201']);
});

test("an unpackaged project whose README activates a conda environment runs its scripts there (3D Gaussian Splatting's research code)", async () => {
  const readme = ['# Gaussian Opacity Fields', '', '```bash', 'conda create -y -n gof python=3.8', 'conda activate gof', 'pip install -r requirements.txt', '```', '', 'Then `python scripts/run_dtu.py`.', ''].join('\n');
  const script = ['import os', '', 'for scene in ["scan24", "scan37"]:', '    os.system(f"python train.py -s {scene}")', ''].join('\n');
  const files = { 'README.md': readme, 'scripts/run_dtu.py': script, 'train.py': 'import torch\n' };
  assert.deepEqual(await projectFindings(files), ['scripts/run_dtu.py 4 VG106']);
  const root = writeProject('venvguard-u49-', files);
  try {
    const [d] = (await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] })).diagnostics;
    assert.match(d.message, /its README activates a conda environment \(README\.md:5\) and names no venv/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  // The twins: a package (setup.py), a README that also names a venv, a file in a package folder,
  // and a README with no activation stay reported.
  assert.deepEqual(await projectFindings({ ...files, 'setup.py': 'from setuptools import setup\nsetup(name="gof")\n' }), ['scripts/run_dtu.py 4 VG101']);
  assert.deepEqual(await projectFindings({ ...files, 'README.md': `${readme}\nOr: python3 -m venv .venv\n` }), ['scripts/run_dtu.py 4 VG101']);
  assert.deepEqual(await projectFindings({ ...files, 'scripts/__init__.py': '' }), ['scripts/run_dtu.py 4 VG101']);
  assert.deepEqual(await projectFindings({ ...files, 'README.md': readme.replace('conda activate gof', '') }), ['scripts/run_dtu.py 4 VG101']);
});
