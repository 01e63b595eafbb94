/**
 * Issue 15, session 22: findings of the unseen15 and unseen16 batches reviewed as false, each with the near case
 * that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';

const shown = async (code: string, path: string) => (await checkText(code, { path })).map((d) => `${d.start.line} ${d.code}`);

test("a pip that upgrades itself before it installs a standalone tool (poetry) outside the venv is not VG201, and a VIRTUAL_ENV set for poetry is not VG205 (fittrackee's builder stage)", async () => {
  const dockerfile = [
    'FROM python:3.13-alpine AS python-builder',
    'ENV POETRY_VIRTUALENVS_CREATE=false \\',
    '    VIRTUAL_ENV=/opt/venv',
    'COPY pyproject.toml poetry.lock /usr/src/app/',
    'RUN python3 -m venv "$VIRTUAL_ENV" && \\',
    '    pip install --upgrade pip wheel && \\',
    '    pip install poetry==2.3.3 && \\',
    '    . "$VIRTUAL_ENV/bin/activate" && \\',
    '    poetry install --only main',
    '',
  ].join('\n');
  assert.deepEqual(await shown(dockerfile, 'Dockerfile'), []);
  // The same upgrade before the project's requirements go to PATH's pip: both are escapes.
  const twin = dockerfile.replace('pip install poetry==2.3.3', 'pip install -r requirements.txt');
  assert.deepEqual(await shown(twin, 'Dockerfile'), ['3 VG205', '6 VG201', '7 VG201']);
  // An upgrade followed by nothing, or by the project, in another RUN: still reported.
  const alone = dockerfile.replace('    pip install poetry==2.3.3 && \\\n', '').replace('pip install --upgrade pip wheel && \\', 'pip install --upgrade pip wheel\nRUN pip install poetry && \\');
  assert.deepEqual(await shown(alone, 'Dockerfile'), ['3 VG205', '6 VG201']);
});

test("removing a standalone tool from the system (`pip3 uninstall -y virtualenv`, vdirsyncer's fpm workaround) is not VG201", async () => {
  const script = [
    '#!/bin/bash',
    'set -ex',
    'pip3 install virtualenv virtualenv-tools3',
    'virtualenv -p python3 /vdirsyncer/env/',
    'pip3 uninstall -y virtualenv',
    "echo 'python3 -m venv \"$@\"' > /usr/local/bin/virtualenv",
    '',
  ].join('\n');
  assert.deepEqual(await shown(script, 'scripts/build_deb.bash'), []);
  assert.deepEqual(await shown(script.replace('uninstall -y virtualenv', 'uninstall -y requests'), 'scripts/build_deb.bash'), ['5 VG201']);
});

test("a repository script that imports only the standard library needs no venv, whoever runs it (deluge's version.py, PiFinder's `sudo python -m PiFinder.switch_camera`)", async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-script-imports-'));
  const write = (p: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  };
  write('packaging/version.py', 'import subprocess\nprint(subprocess.check_output(["git", "describe"]).decode())\n');
  write('python/PiFinder/__init__.py', '');
  write('python/PiFinder/switch_camera.py', 'import sys\n\nprint(sys.argv[1])\n');
  const release = "from subprocess import check_output\n\nversion = check_output(['python', 'version.py']).strip()\n";
  const utils = "import subprocess\n\n\ndef switch():\n    subprocess.run(['sudo', 'python', '-m', 'PiFinder.switch_camera', 'imx477'])\n";
  const at = (p: string) => path.join(root, p);
  assert.deepEqual(await shown(release, at('packaging/make_release.py')), []);
  assert.deepEqual(await shown(utils, at('python/PiFinder/sys_utils.py')), []);
  // A script that imports a third-party package, a module of its own project (through its package's
  // __init__.py), or no file found: still judged.
  write('packaging/version.py', 'import setuptools_scm\nprint(setuptools_scm.get_version())\n');
  assert.deepEqual(await shown(release, at('packaging/make_release.py')), ['3 VG101']);
  write('python/PiFinder/__init__.py', 'from PiFinder import config\n');
  assert.deepEqual(await shown(utils, at('python/PiFinder/sys_utils.py')), ['5 VG101']);
  assert.deepEqual(await shown(release.replace('version.py', 'missing.py'), at('packaging/make_release.py')), ['3 VG101']);
  // A standard-library script whose work depends on its interpreter (it installs with
  // `sys.executable -m pip`, reads `site`), or a setup.py: which Python runs it is the point.
  write('packaging/version.py', 'import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "-r", "requirements.txt"])\n');
  assert.deepEqual(await shown(release, at('packaging/make_release.py')), ['3 VG101']);
  write('packaging/version.py', 'import site\nprint(site.getsitepackages())\n');
  assert.deepEqual(await shown(release, at('packaging/make_release.py')), ['3 VG101']);
  write('packaging/setup.py', 'from distutils.core import setup\nsetup(name="x")\n');
  assert.deepEqual(await shown(release.replace('version.py', 'setup.py'), at('packaging/make_release.py')), ['3 VG101']);
});

test("a module name nothing in the file can bind (no import, assignment, star import or %run) is a NameError, no launch (leafmap's notebook calls `subprocess` without importing it)", async () => {
  const notebook = (cells: string[]) =>
    JSON.stringify({ cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: c.split(/(?<=\n)/) })), metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
  const install = 'try:\n    import geopandas\nexcept ImportError:\n    subprocess.check_call(["python", "-m", "pip", "install", "geopandas"])\n';
  assert.deepEqual(await shown(notebook(['import os\nimport leafmap\n', install]), 'docs/key_features.ipynb'), []);
  // Imported in another cell (or anywhere in the file), it is the module.
  assert.equal((await shown(notebook(['import os, subprocess\n', install]), 'docs/key_features.ipynb')).length, 1);
  // In a Python file, a star import may bring it: still judged; without any, nothing runs.
  const py = 'from helpers import *\n\nsubprocess.run(["python", "x.py"])\n';
  assert.deepEqual(await shown(py, 'tools/run.py'), ['3 VG101']);
  assert.deepEqual(await shown(py.replace('from helpers import *\n', 'import helpers\n'), 'tools/run.py'), []);
});

test("a service's SDK declared as a dependency does not make the service's own CLI a console script (liberapay's `stripe listen`, cleanlab's wget)", async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { check } = await import('../../src/api.js');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-sdk-cli-'));
  fs.writeFileSync(path.join(root, 'requirements.txt'), 'stripe==14.3.0\ntowncrier==23.6\nwget\n');
  fs.mkdirSync(path.join(root, 'cli'));
  fs.writeFileSync(path.join(root, 'cli', 'bridge.py'), "import subprocess\n\nsubprocess.run(['stripe', 'listen', '--print-secret'])\n");
  // Nor a library named as the system tool (cleanlab's test requirement wget, a module: its tutorials run GNU wget).
  fs.writeFileSync(path.join(root, 'cli', 'fetch.py'), "import subprocess\n\nsubprocess.run(['wget', '-nc', 'https://example.org/data.zip'])\n");
  fs.writeFileSync(path.join(root, 'cli', 'notes.py'), "import subprocess\n\nsubprocess.run(['towncrier', 'build'])\n");
  const report = await check({ paths: [root], cwd: root, noConfig: true });
  // towncrier, declared the same way, is still its package's script.
  assert.deepEqual(report.diagnostics.map((d) => `${path.basename(d.path)}:${d.start.line} ${d.code}`), ['notes.py:3 VG103']);
});

test("a file under tests/data/ or testdata/ is input the tests read, held back (test-data); tests/ itself is judged (nbQA's test notebooks)", async () => {
  const notebook = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: ['!pip list\n'] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
  assert.deepEqual(await shown(notebook, 'tests/data/notebook_with_indented_magics.ipynb'), []);
  assert.deepEqual(await shown(notebook, 'src/testdata/x.ipynb'), []);
  const py = 'import os\n\nos.system("pip install requests")\n';
  assert.deepEqual(await shown(py, 'test_data/setup_env.py'), []);
  assert.deepEqual(await shown(py, 'tests/test_install.py'), ['3 VG102']);
  assert.deepEqual(await shown(py, 'tests/fixtures/server.py'), ['3 VG102']);
  assert.deepEqual(await shown(py, 'data/tests.py'), ['3 VG102']);
});

test("in a notebook saved from Google Colab, /usr/bin/python3 is the kernel's own interpreter: not VG104 (ColabFold's BioEmu notebook)", async () => {
  const notebook = (metadata: Record<string, unknown>) =>
    JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: ['import subprocess\n', 'subprocess.run(["/usr/bin/python3", "-m", "bioemu.sample"])\n'] }], metadata, nbformat: 4, nbformat_minor: 5 });
  assert.deepEqual(await shown(notebook({ colab: { provenance: [] }, kernelspec: { name: 'python3', display_name: 'Python 3' } }), 'BioEmu.ipynb'), []);
  assert.deepEqual((await shown(notebook({ kernelspec: { name: 'python3', display_name: 'Python 3' } }), 'BioEmu.ipynb')).map((x) => x.split(' ')[1]), ['VG104']);
});
