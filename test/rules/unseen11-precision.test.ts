/**
 * Issue 15, session 21: findings of the unseen11 batch reviewed as false, each with the near case
 * that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fs from 'node:fs';
import { check, checkText } from '../../src/api.js';
import { writeProject } from '../helpers.js';

async function codes(files: Record<string, string>): Promise<string[]> {
  const root = writeProject('venvguard-u11-', files);
  try {
    const r = await check({ paths: ['.'], cwd: root, noConfig: true });
    return r.diagnostics.map((d) => `${d.path}:${d.start.line} ${d.code}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// nipype's tools/ci/create_venv.sh (reduced): the venv is activated by a helper script it sources.
const CREATE = ['#!/bin/bash', 'set -eu', 'python -m pip install --upgrade pip virtualenv', 'virtualenv --python=python virtenv', 'source tools/ci/activate.sh', 'python -m pip install -U setuptools', ''].join('\n');
const ACTIVATE = ['if [ -e virtenv/bin/activate ]; then', '    source virtenv/bin/activate', 'elif [ -e virtenv/Scripts/activate ]; then', '    source virtenv/Scripts/activate', 'fi', ''].join('\n');

test('a repository script the shell sources that activates a venv (nipype tools/ci/activate.sh): no VG201 after it', async () => {
  assert.deepEqual(await codes({ 'tools/ci/create_venv.sh': CREATE, 'tools/ci/activate.sh': ACTIVATE }), []);
  // A PATH assignment or conda activate count the same.
  assert.deepEqual(await codes({ 'tools/ci/create_venv.sh': CREATE, 'tools/ci/activate.sh': 'export PATH="$PWD/virtenv/bin:$PATH"\n' }), []);
  // A sourced script that only sets variables activates nothing: the venv made above is not on PATH.
  assert.deepEqual(await codes({ 'tools/ci/create_venv.sh': CREATE, 'tools/ci/activate.sh': 'export SETUP_REQUIRES="pip setuptools"\n# source virtenv/bin/activate\n' }), ['tools/ci/create_venv.sh:6 VG201']);
  // No such file in the repository: nothing is known of it.
  assert.deepEqual(await codes({ 'tools/ci/create_venv.sh': CREATE }), ['tools/ci/create_venv.sh:6 VG201']);
});

// ansible's lib/ansible/cli/config.py (reduced): the method raises before its launch, kept for later.
const NOT_YET = (guard: string) => `import subprocess


class ConfigCLI:
    def execute_update(self, setting):
${guard}
        # pylint: disable=unreachable
        subprocess.call(["ansible", "-m", "ini_file", "localhost", "-a", setting])
`;

test('a launch after a raise or return of its own block never runs: not reported', async () => {
  assert.deepEqual(await codes({ 'config.py': NOT_YET('        raise NotImplementedError("Option not implemented yet")') }), []);
  assert.deepEqual(await codes({ 'config.py': NOT_YET('        return None') }), []);
  // Inside a loop, after continue.
  assert.deepEqual(await codes({ 'loop.py': 'import subprocess\n\nfor s in []:\n    continue\n    subprocess.call(["ansible", s])\n' }), []);
  // A raise inside an if (or a try) is not the block's own: the launch runs when it does not.
  assert.deepEqual(await codes({ 'config.py': NOT_YET('        if setting is None:\n            raise ValueError(setting)') }), ['config.py:9 VG103']);
  assert.deepEqual(await codes({ 'config.py': NOT_YET('        try:\n            return None\n        except Exception:\n            pass') }), ['config.py:11 VG103']);
  // A function defined after a module-level return-less raise in another function is still reached.
  assert.deepEqual(await codes({ 'two.py': 'import subprocess\n\ndef a():\n    raise SystemExit(1)\n\ndef b():\n    subprocess.call(["ansible", "x"])\n' }), ['two.py:7 VG103']);
});

// ansible's hacking/tests/gen_distribution_version_testcase.py (reduced): its docstring says the
// ansible it runs is PATH's.
const ASSUMES = (sentence: string) => `#!/usr/bin/env python
"""
This script generates test cases.

${sentence}
"""
import subprocess

out = subprocess.check_output(["ansible", "localhost", "-m", "setup"])
`;

test('a file whose opening says a program is on PATH ("assumes a working ansible version in the path") holds that program back (declared-path)', async () => {
  const shown = async (code: string) => (await checkText(code, { path: 'gen.py' })).map((d) => `${d.start.line} ${d.code}`);
  assert.deepEqual(await shown(ASSUMES('This assumes a working ansible version in the path.')), []);
  const held = await checkText(ASSUMES('Requires ansible on your PATH.'), { path: 'gen.py', select: ['VG106'] });
  assert.deepEqual(held.map((d) => d.message), ['the console script "ansible" is found on PATH, not shown by default because the file says it expects "ansible" on PATH (line 5), so it means the one PATH has']);
  // Another program named, a negation, "the path to", or the sentence after the first statement: still reported.
  assert.deepEqual(await shown(ASSUMES('This assumes a working git in the path.')), ['9 VG103']);
  assert.deepEqual(await shown(ASSUMES('This does not assume ansible in the path.')), ['9 VG103']);
  assert.deepEqual(await shown(ASSUMES('This needs ansible in the path to the inventory.')), ['9 VG103']);
  assert.deepEqual(await shown(ASSUMES('Plain.').replace('import subprocess', 'import subprocess\n# This assumes ansible in the path.')), ['10 VG103']);
});

test('a sourced script edited between two checks of one process is read anew (the language server, --watch)', async () => {
  const root = writeProject('venvguard-u11-', { 'tools/ci/create_venv.sh': CREATE, 'tools/ci/activate.sh': ACTIVATE });
  try {
    const once = async () => (await check({ paths: ['.'], cwd: root, noConfig: true })).diagnostics.map((d) => `${d.path}:${d.start.line} ${d.code}`);
    assert.deepEqual(await once(), []);
    fs.writeFileSync(`${root}/tools/ci/activate.sh`, 'export SETUP_REQUIRES="pip"\n');
    assert.deepEqual(await once(), ['tools/ci/create_venv.sh:6 VG201']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
