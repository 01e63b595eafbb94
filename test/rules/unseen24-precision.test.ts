/**
 * Issue 15, session 24: findings of the unseen24 batch (projects whose configuration makes and uses
 * venvs) reviewed as false or with a wrong fix, each with the near case that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, fixText } from '../../src/api.js';

const shown = async (code: string, path: string) => (await checkText(code, { path })).map((d) => `${d.start.line} ${d.code}`);
const wf = (...steps: string[]) => `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

test("a venv's bin written to $GITHUB_PATH through `$(readlink -f .venv/bin)` is on PATH in later steps (saltbox)", async () => {
  const make = 'run: |\n          uv venv .venv\n          uv pip sync --python .venv/bin/python requirements.txt\n          venv_bin=$(readlink -f .venv/bin)\n          echo "$venv_bin" >> "$GITHUB_PATH"';
  assert.deepEqual(await shown(wf(make, 'run: pytest'), '.github/workflows/ci.yml'), []);
  // `realpath` and backquotes too.
  assert.deepEqual(await shown(wf(make.replace('$(readlink -f .venv/bin)', '`realpath .venv/bin`'), 'run: pytest'), '.github/workflows/ci.yml'), []);
  // The twin: the venv's folder itself, not its bin, is no PATH entry for its tools: shown.
  assert.deepEqual(await shown(wf(make.replace('readlink -f .venv/bin', 'readlink -f .venv'), 'run: pytest'), '.github/workflows/ci.yml'), ['11 VG201']);
});

test('a venv a script first names after it runs another script is not known before that script (ProxmoxVE netbox-install.sh)', async () => {
  const script = ['#!/usr/bin/env bash', 'cd /opt/netbox', 'SECRET_KEY=$(python3 /opt/netbox/netbox/generate_secret_key.py)', '$STD /opt/netbox/upgrade.sh', 'source /opt/netbox/venv/bin/activate', 'python3 /opt/netbox/netbox/manage.py migrate', ''].join('\n');
  assert.deepEqual(await shown(script, 'install/netbox-install.sh'), []);
  // The twin: with no script run in between, the venv the script names existed before it ran: shown.
  const before = script.replace('$STD /opt/netbox/upgrade.sh\n', 'echo upgrading\n');
  assert.deepEqual(await shown(before, 'install/netbox-install.sh'), ['3 VG201']);
});

test("a venv one branch of an `if` makes does not exist in its sibling branches (gimp-ml's installer)", async () => {
  const script = [
    '#!/bin/bash',
    'if python --version 2>&1 | grep -q "^Python 2"; then',
    '    python -m pip install virtualenv',
    '    python -m virtualenv gimpenv',
    'else',
    '    wget https://bootstrap.pypa.io/pip/2.7/get-pip.py',
    '    python get-pip.py',
    'fi',
    'source gimpenv/bin/activate',
    'python -m pip install torch',
    'deactivate',
    '',
  ].join('\n');
  assert.deepEqual(await shown(script, 'installGimpML.sh'), []);
  // The twin: after the `if`, the venv either branch made may exist: a name there is judged against it.
  const after = script.replace('source gimpenv/bin/activate\n', '');
  assert.deepEqual(await shown(after, 'installGimpML.sh'), ['9 VG201']);
  // And inside the branch that made it.
  const inside = script.replace('    python -m virtualenv gimpenv\n', '    python -m virtualenv gimpenv\n    pip install numpy\n');
  assert.deepEqual(await shown(inside, 'installGimpML.sh'), ['5 VG201']);
});

test('a file that runs inside Blender (it imports bpy) has no venv: its launches by name are not shown (ODM contrib/blender)', async () => {
  const code = ['import bpy', 'import subprocess', '', 'def inject_metadata(path):', '    subprocess.call(["python", "spatialmedia", "-i", path, path + ".360.mp4"])', ''].join('\n');
  assert.deepEqual(await shown(code, 'contrib/blender/odm_video.py'), []);
  const held = await checkText(code, { path: 'contrib/blender/odm_video.py', select: ['VG106'] });
  assert.match(held[0].message, /runs inside Blender/);
  // The twin: without the host's module, shown.
  assert.deepEqual(await shown(code.replace('import bpy\n', ''), 'contrib/blender/odm_video.py'), ['4 VG101']);
});

test('a file that may run frozen (it tests sys.frozen) is shown without a sys.executable fix (seestar_alp)', async () => {
  const code = [
    'import shutil',
    'import subprocess',
    'import sys',
    '',
    'if getattr(sys, "frozen", False):',
    '    base = sys._MEIPASS',
    '',
    'def support_bundle():',
    '    if shutil.which("pip") is not None:',
    '        return subprocess.check_output(["pip", "freeze"])',
    '',
  ].join('\n');
  const found = await checkText(code, { path: 'front/app.py' });
  assert.deepEqual(found.map((d) => `${d.start.line} ${d.code}`), ['10 VG102']);
  assert.equal(found[0].fix, undefined);
  assert.equal(await fixText(code, { path: 'front/app.py', unsafe: true }), code);
  // The twin: no frozen test, the fix is offered.
  const plain = code.replace('if getattr(sys, "frozen", False):\n    base = sys._MEIPASS\n', '');
  assert.ok((await checkText(plain, { path: 'front/app.py' }))[0].fix);
});

test("a tool by name in the `else` of an `if` that runs it as a module of this interpreter is the fallback (gaia's check_security_gates.py)", async () => {
  const code = [
    'import importlib.util',
    'import shutil',
    'import subprocess',
    'import sys',
    '',
    'def run_bandit(src):',
    '    base = ["-r", src, "-f", "json"]',
    '    if importlib.util.find_spec("bandit") is not None:',
    '        cmd = [sys.executable, "-m", "bandit", *base]',
    '    elif shutil.which("uvx"):',
    '        cmd = ["uvx", "bandit", *base]',
    '    else:',
    '        cmd = ["bandit", *base]',
    '    return subprocess.run(cmd, capture_output=True, text=True)',
    '',
  ].join('\n');
  assert.deepEqual(await shown(code, 'util/check_security_gates.py'), []);
  const held = await checkText(code, { path: 'util/check_security_gates.py', select: ['VG106'] });
  assert.match(held[0].message, /fallback for when the branch above does not run "bandit" as a module of this interpreter \(line 9\)/);
  // The twin: another tool by name in that `else` is no fallback for it: shown.
  assert.deepEqual(await shown(code.replace('cmd = ["bandit", *base]', 'cmd = ["flake8", *base]'), 'util/check_security_gates.py'), ['14 VG103']);
  // Nor is the same tool by name outside the `if`.
  const after = code.replace('    return subprocess.run(cmd, capture_output=True, text=True)\n', '    subprocess.run(cmd)\n    return subprocess.run(["bandit", "--version"])\n');
  assert.deepEqual(await shown(after, 'util/check_security_gates.py'), ['15 VG103']);
});

test("a step line that is only an expression naming an activation activates some venv (openfisca's `${{ inputs.activate_command }}`)", async () => {
  const step = (line: string) => `run: |\n          python -m venv venv\n          ${line}\n          make install-deps\n          pip install numpy`;
  assert.deepEqual(await shown(wf(step('${{ inputs.activate_command }}')), '.github/workflows/_before-pip.yaml'), []);
  assert.deepEqual(await shown(wf(step('$ACTIVATE_CMD')), '.github/workflows/_before-pip.yaml'), []);
  // The twin: an expression whose name says nothing of activation is no activation.
  assert.deepEqual(await shown(wf(step('${{ inputs.setup_command }}')), '.github/workflows/_before-pip.yaml'), ['10 VG201']);
});

test("a Makefile fix writes the venv as the recipe does when a variable holds part of it (bonito's tmp$(INSTALL_VENV)), and make runs it", async () => {
  const { spawnSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const nodePath = await import('node:path');
  const mk = [
    'INSTALL_DIR  := /opt/ont/bonito',
    'INSTALL_VENV := $(INSTALL_DIR)/venv/',
    '',
    'deb:',
    '\tpython3 -m venv --copies tmp$(INSTALL_VENV)',
    '\t. tmp$(INSTALL_VENV)bin/activate; pip install -r requirements.txt',
    '\tpython3 setup.py sdist',
    '',
  ].join('\n');
  const fixed = await fixText(mk, { path: 'Makefile', unsafe: true });
  assert.equal(fixed, mk.replace('\tpython3 setup.py sdist', '\ttmp$(INSTALL_VENV)bin/python setup.py sdist'));
  assert.equal(await fixText(fixed, { path: 'Makefile', unsafe: true }), fixed);
  // make expands it to the venv the recipe made, with the default and with the variable given.
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'vg-bonito-'));
  try {
    fs.writeFileSync(nodePath.join(dir, 'Makefile'), fixed);
    const dry = (...args: string[]) => spawnSync('make', ['-n', 'deb', ...args], { cwd: dir, encoding: 'utf8' });
    assert.match(dry().stdout, /^tmp\/opt\/ont\/bonito\/venv\/bin\/python setup\.py sdist$/m);
    assert.match(dry('INSTALL_DIR=/opt/x').stdout, /^tmp\/opt\/x\/venv\/bin\/python setup\.py sdist$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The twin: a venv no variable spells is written as its path.
  const plain = mk.replace(/tmp\$\(INSTALL_VENV\)/g, 'tmp/venv/');
  assert.match(await fixText(plain, { path: 'Makefile', unsafe: true }), /\ttmp\/venv\/bin\/python setup\.py sdist/);
});

test('a help line that opens with a venv keeps its name as written (not "Gimpenv created at line 3")', async () => {
  const { spawnSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const { CLI, writeProject } = await import('../helpers.js');
  const root = writeProject('vg-help-', { 'install.sh': '#!/bin/bash\nif [ -x /usr/bin/python2 ]; then\n  python2 -m virtualenv gimpenv\nfi\npip install numpy\n' });
  try {
    const r = spawnSync(process.execPath, [CLI, 'check', 'install.sh', '--no-config', '--output-format', 'full'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.match(r.stdout, /= help: gimpenv created at line 3: use gimpenv\/bin\/python -m pip/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('writtenBin: only a variable whose value is the venv folder\'s tail, written after a plain prefix', async () => {
  const { writtenBin } = await import('../../src/frontends/makefile/written-venv.js');
  const text = 'ROOT := /\nV := /opt/app/venv/\nall:\n\tpython3 -m venv tmp$(V)\n';
  assert.equal(writtenBin('/w/tmp/opt/app/venv', '/w', text, [['ROOT', '/'], ['V', '/opt/app/venv/']], 'bin'), 'tmp$(V)bin');
  // `/` alone spells nothing; a prefix the text does not write, or glued to a longer path, is no match.
  assert.equal(writtenBin('/w/tmp/opt/app/venv', '/w', text, [['ROOT', '/']], 'bin'), undefined);
  assert.equal(writtenBin('/w/build/opt/app/venv', '/w', text, [['V', '/opt/app/venv/']], 'bin'), undefined);
  assert.equal(writtenBin('/w/tmp/opt/app/venv', '/w', 'x := xtmp$(V)\n', [['V', '/opt/app/venv/']], 'bin'), undefined);
});

test("Maya's modules say the file runs in Maya; the `maya` date library does not", async () => {
  const launch = 'import subprocess\nsubprocess.call(["python", "tool.py"])\n';
  assert.deepEqual(await shown(`import maya.cmds as cmds\n${launch}`, 'rig.py'), []);
  assert.deepEqual(await shown(`from maya import cmds\n${launch}`, 'rig.py'), []);
  assert.deepEqual(await shown(`import maya\nwhen = maya.now()\n${launch}`, 'dates.py'), ['4 VG101']);
});
