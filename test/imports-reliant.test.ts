/**
 * `path-reliant` across files (issue 15, src/pipeline/imports-reliant.ts): a file that starts
 * nothing env-only itself, but uses a module of its project that does — a helper imported by name,
 * a test utility one step further, its test folder's conftest.py — works only with its environment
 * on PATH, so its findings are held back into VG106, naming the module. Each held case has a twin
 * that differs in one piece of evidence (the name used, the folder) and stays reported. The trees
 * are real files checked through the public API, shaped after TorchServe (ts/launcher.py,
 * test/pytest/test_utils.py) where the unseen5 review found these findings false.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { tempDir } from './helpers.js';

async function findings(files: Record<string, string>): Promise<string[]> {
  const root = tempDir('venvguard-imports-');
  try {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const r = await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] });
    return r.diagnostics.map((d) => `${d.path.split(path.sep).join('/')}:${d.start.line} ${d.code} ${d.message}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const codes = (list: string[]) => list.map((f) => f.split(' ').slice(0, 2).join(' '));

/** ts/launcher.py: start() and stop() run the server's console script by name; register() only talks HTTP. */
const LAUNCHER = [
  'import subprocess',
  '',
  'import requests',
  '',
  '',
  'def stop():',
  '    subprocess.run(["torchserve", "--stop"])',
  '',
  '',
  'def start(model_store):',
  '    stop()',
  '    cmd = ["torchserve", "--start", "--model-store", model_store]',
  '    return subprocess.Popen(cmd)',
  '',
  '',
  'def register(name):',
  '    return requests.post(f"http://localhost:8081/models?url={name}")',
  '',
].join('\n');

/** ts/llm_launcher.py: converts a checkpoint with PATH's python, then starts the server through the launcher. */
const LLM_LAUNCHER = (names: string) =>
  [
    'import os',
    '',
    `from ts.launcher import ${names}`,
    '',
    '',
    'def main(store):',
    '    os.system("python convert_checkpoint.py --out engine")',
    `    ${names.split(',')[0].trim()}(store)`,
    '',
  ].join('\n');

test('a file that calls a function of its project that starts an env-only program by name is held, naming both', async () => {
  const found = await findings({ 'ts/__init__.py': '', 'ts/launcher.py': LAUNCHER, 'ts/llm_launcher.py': LLM_LAUNCHER('start') });
  assert.deepEqual(codes(found), ['ts/llm_launcher.py:7 VG106']);
  assert.match(found[0], /because this file uses "start" from ts\/launcher\.py, which starts "torchserve" by name \(line 13\), which only its environment on PATH provides/);
  // Twin: the function it imports and calls only talks HTTP; nothing shows the environment on PATH.
  assert.deepEqual(codes(await findings({ 'ts/__init__.py': '', 'ts/launcher.py': LAUNCHER, 'ts/llm_launcher.py': LLM_LAUNCHER('register') })), ['ts/llm_launcher.py:7 VG101']);
  // Twin: imported but never used.
  const unused = LLM_LAUNCHER('start').replace('    start(store)\n', '');
  assert.deepEqual(codes(await findings({ 'ts/__init__.py': '', 'ts/launcher.py': LAUNCHER, 'ts/llm_launcher.py': unused })), ['ts/llm_launcher.py:7 VG101']);
  // Relative, from inside the package.
  const relative = LLM_LAUNCHER('start').replace('from ts.launcher import', 'from .launcher import');
  assert.deepEqual(codes(await findings({ 'ts/__init__.py': '', 'ts/launcher.py': LAUNCHER, 'ts/llm_launcher.py': relative })), ['ts/llm_launcher.py:7 VG106']);
});

test('one step further: a test uses a test utility whose function calls the launcher (test_utils.start_torchserve)', async () => {
  const utils = ['import sys', '', 'from ts.launcher import start', '', '', 'def start_torchserve(store="/tmp/store"):', '    return start(store)', '', '', 'def model_path(name):', '    return f"/tmp/store/{name}.mar"', ''].join('\n');
  const testFile = (use: string) =>
    ['import subprocess', '', 'import test_utils', '', '', 'def test_ipex():', `    test_utils.${use}`, '    subprocess.run("python -m torch.backends.xeon.run_cpu --ninstances 2", shell=True)', ''].join('\n');
  const tree = (use: string) => ({ 'ts/__init__.py': '', 'ts/launcher.py': LAUNCHER, 'test/pytest/test_utils.py': utils, 'test/pytest/test_ipex.py': testFile(use) });
  const held = await findings(tree('start_torchserve()'));
  assert.deepEqual(codes(held), ['test/pytest/test_ipex.py:8 VG106']);
  assert.match(held[0], /this file uses "test_utils\.start_torchserve" from test\/pytest\/test_utils\.py, which starts "torchserve" by name through ts\/launcher\.py \(line 13\)/);
  // Twin: the test uses only the utility's path helper.
  assert.deepEqual(codes(await findings(tree('model_path("x")'))), ['test/pytest/test_ipex.py:8 VG101']);
});

test("a test using a fixture of its folder's conftest.py that starts an env-only program by name is held; not without the fixture, nor outside the test folders", async () => {
  const conftest = ['import subprocess', '', 'import pytest', '', '', '@pytest.fixture', 'def server():', '    p = subprocess.Popen(["myapp-server", "--port", "5005"])', '    yield p', '    p.terminate()', ''].join('\n');
  const testFile = ['import subprocess', '', '', 'def test_cli(server):', '    subprocess.run(["python", "-m", "myapp.cli", "--port", "5005"], check=True)', ''].join('\n');
  const held = await findings({ 'tests/conftest.py': conftest, 'tests/integration/test_cli.py': testFile });
  assert.deepEqual(codes(held), ['tests/integration/test_cli.py:5 VG106']);
  assert.match(held[0], /this test's tests\/conftest\.py starts "myapp-server" by name \(line 8\)/);
  // Twin: the same file beside the conftest.py's folder, not under it, is not its test.
  assert.deepEqual(codes(await findings({ 'tests/conftest.py': conftest, 'scripts/test_cli.py': testFile })), ['scripts/test_cli.py:5 VG101']);
  // Twin (securedrop tests/conftest.py starts rqworker in a fixture test_alembic.py does not use): not held.
  const noFixture = testFile.replace('def test_cli(server):', 'def test_cli(tmp_path):');
  assert.deepEqual(codes(await findings({ 'tests/conftest.py': conftest, 'tests/integration/test_cli.py': noFixture })), ['tests/integration/test_cli.py:5 VG101']);
});

test("a test under a conftest.py whose autouse fixture sets PATH is held as path-set (venv-update); not a fixture that is not autouse, nor a file outside its folder", async () => {
  const conftest = ['import os', 'from os import defpath', 'from os.path import dirname', 'from sys import executable', '', 'import pytest', '', '', '@pytest.fixture(autouse=True)', 'def fixed_environment():', '    orig = dict(os.environ)', '    os.environ["PATH"] = dirname(executable) + defpath', '    yield', '    os.environ.clear()', '    os.environ.update(orig)', ''].join('\n');
  const testFile = ['from subprocess import check_call', '', '', 'def test_install():', '    check_call(["pip", "install", "-e", "."])', ''].join('\n');
  const held = await findings({ 'tests/conftest.py': conftest, 'tests/functional/help_test.py': testFile });
  assert.deepEqual(codes(held), ['tests/functional/help_test.py:5 VG106']);
  assert.match(held[0], /an autouse fixture of tests\/conftest\.py sets PATH for every test under it \(line 12\)/);
  // Twin: a fixture the tests must ask for by name does not run around every test.
  const notAutouse = conftest.replace('@pytest.fixture(autouse=True)', '@pytest.fixture');
  assert.deepEqual(codes(await findings({ 'tests/conftest.py': notAutouse, 'tests/functional/help_test.py': testFile })), ['tests/functional/help_test.py:5 VG102']);
  // Twin: a script beside the tests' folder is not under its conftest.py.
  assert.deepEqual(codes(await findings({ 'tests/conftest.py': conftest, 'scripts/help_test.py': testFile })), ['scripts/help_test.py:5 VG102']);
});

test('the other way: a helper module whose every importer relies on PATH is held (TorchServe ts_scripts); not with one importer that does not, nor with none', async () => {
  const helper = ['import os', '', '', 'def test_archiver():', '    os.system("python -m pytest archiver/tests")', ''].join('\n');
  const sanity = ['from ts.launcher import start', 'from ts_scripts.archiver_utils import test_archiver', '', '', 'def main():', '    start("/tmp/store")', '    test_archiver()', ''].join('\n');
  const tree = { 'ts/__init__.py': '', 'ts/launcher.py': LAUNCHER, 'ts_scripts/__init__.py': '', 'ts_scripts/archiver_utils.py': helper, 'sanity.py': sanity };
  const held = await findings(tree);
  assert.deepEqual(codes(held), ['ts_scripts/archiver_utils.py:5 VG106']);
  assert.match(held[0], /this file is imported only by sanity\.py, which starts "torchserve" by name through ts\/launcher\.py \(line 13\), which only its environment on PATH provides/);
  // An importer that starts the env-only program itself.
  const own = ['import subprocess', '', 'from ts_scripts.archiver_utils import test_archiver', '', 'subprocess.run(["torchserve", "--start"])', 'test_archiver()', ''].join('\n');
  const heldOwn = await findings({ ...tree, 'sanity.py': own });
  assert.deepEqual(codes(heldOwn), ['ts_scripts/archiver_utils.py:5 VG106']);
  assert.match(heldOwn[0], /imported only by sanity\.py, which starts "torchserve" by name \(line 5\)/);
  // Twin: one more importer that relies on nothing keeps the finding.
  const report = ['from ts_scripts.archiver_utils import test_archiver', '', 'test_archiver()', ''].join('\n');
  assert.deepEqual(codes(await findings({ ...tree, 'tools/report.py': report })), ['ts_scripts/archiver_utils.py:5 VG101']);
  // Twin: nothing imports it.
  assert.deepEqual(codes(await findings({ ...tree, 'sanity.py': 'print(1)\n' })), ['ts_scripts/archiver_utils.py:5 VG101']);
});

test('within a module: a function that calls its own reliant function by name is reliant too (TorchServe marsgen.generate_mars → generate_model)', async () => {
  const marsgen = ['import subprocess', '', '', 'def generate_model(model):', '    subprocess.check_call(f"torch-model-archiver --model-name {model}", shell=True)', '', '', 'def generate_mars(models):', '    for m in models:', '        generate_model(m)', '', '', 'def model_store():', '    return "/tmp/store"', ''].join('\n');
  const user = (call: string) => ['import os', '', 'from ts_scripts import marsgen as mg', '', '', 'def main():', `    mg.${call}`, '    os.system("python -m pytest test/")', ''].join('\n');
  const tree = (call: string) => ({ 'ts_scripts/__init__.py': '', 'ts_scripts/marsgen.py': marsgen, 'run_sanity.py': user(call) });
  const held = await findings(tree('generate_mars(["a"])'));
  assert.deepEqual(codes(held), ['run_sanity.py:8 VG106']);
  assert.match(held[0], /this file uses "mg\.generate_mars" from ts_scripts\/marsgen\.py, which starts "torch-model-archiver" by name \(line 5\)/);
  // Twin: the function it calls does not call the reliant one.
  assert.deepEqual(codes(await findings(tree('model_store()'))), ['run_sanity.py:8 VG101']);
});
