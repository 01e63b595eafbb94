/**
 * Issue 15, session 25: findings of the unseen27 and unseen28 batches (Python programs that start
 * others; deployment configuration) reviewed as false, with a wrong fix, or as not fully checked,
 * each with the near case that is still an escape.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check, checkText } from '../../src/api.js';
import { tempDir } from '../helpers.js';

const shown = async (code: string, path: string) => (await checkText(code, { path })).map((d) => `${d.start.line} ${d.code}`);

test('`dict(**os.environ)` copies the environment, PATH included (jupyter-server-proxy acceptance tests)', async () => {
  const code = ['import os', 'import subprocess', '', 'def test_robot():', '    env = dict(**os.environ)', '    env.update(JUPYTER_LIBRARY_APP="ServerApp")', '    subprocess.call(["robot", "--outputdir=out", "tests"], env=env)', ''].join('\n');
  assert.deepEqual(await shown(code, 'tools/run_robot.py'), ['7 VG103']);
  const diags = await checkText(code, { path: 'tools/run_robot.py' });
  assert.doesNotMatch(diags[0].message, /without PATH|\/bin:\/usr\/bin/);
  // The twin: a mapping that is not the environment leaves PATH out, as `dict(A=1)` does.
  const bare = code.replace('dict(**os.environ)', 'dict(**{"HOME": "/tmp"})');
  assert.deepEqual(await shown(bare, 'tools/run_robot.py'), ['7 VG103', '7 VG105']);
});

test("a function Hera ships to its own container (@script) runs the image's Python: no finding (hera's examples)", async () => {
  const code = ['from hera.workflows import Steps, Workflow, script', '', '', '@script(image="ghcr.io/dask/dask:latest")', 'def dask_computation(namespace: str = "default") -> None:', '    import subprocess', '', '    subprocess.run(["pip", "install", "dask-kubernetes"], stdout=subprocess.PIPE)', '', '', 'with Workflow(generate_name="dask-") as w:', '    with Steps(name="s"):', '        dask_computation()', ''].join('\n');
  assert.deepEqual(await shown(code, 'examples/workflows/dask.py'), []);
  const held = await checkText(code, { path: 'examples/workflows/dask.py', select: ['VG106'] });
  assert.match(held[0].message, /dask_computation is decorated with Hera's @script/);
  // Kubeflow's component and Airflow's docker task, imported under other names.
  const kfp = ['from kfp import dsl', '', '@dsl.component(base_image="python:3.11")', 'def train():', '    import subprocess', '    subprocess.run(["pip", "install", "xgboost"])', ''].join('\n');
  assert.deepEqual(await shown(kfp, 'pipelines/train.py'), []);
  const airflow = ['from airflow.decorators import task', '', '@task.docker(image="python:3.11")', 'def extract():', '    import os', '    os.system("pip install pandas")', ''].join('\n');
  assert.deepEqual(await shown(airflow, 'dags/etl.py'), []);
  // The twins: a plain function, and a decorator of the same name from elsewhere, run here.
  assert.deepEqual(await shown(code.replace('@script(image="ghcr.io/dask/dask:latest")\n', ''), 'examples/workflows/dask.py'), ['7 VG102']);
  assert.deepEqual(await shown(code.replace('from hera.workflows import Steps, Workflow, script', 'from hera.workflows import Steps, Workflow\nfrom mylib import script'), 'examples/workflows/dask.py'), ['9 VG102']);
  // A launch outside the decorated function, in the same file, is still shown.
  assert.deepEqual(await shown(`${code}import os\nos.system("pip install hera")\n`, 'examples/workflows/dask.py'), ['15 VG102']);
});

test('a command name with `::` after an assignment is valid bash the grammar needs help with (kubeadm-dind-cluster in OdooScript)', async () => {
  const script = ['#!/bin/bash', 'function dind::up {', '  echo up', '}', 'if [[ ${SKIP_SNAPSHOT} ]]; then', '  force_make_binaries=y dind::up', 'fi', 'LC_ALL=C app%v --x', 'pip install requests', ''].join('\n');
  const diags = await checkText(script, { path: 'src/dind.sh' });
  assert.deepEqual(diags.map((d) => d.code), []);
  // The script is checked to its end: a venv made and then used by name there is found.
  const withVenv = `${script}python3 -m venv /opt/v\npip install x\n`;
  assert.deepEqual(await shown(withVenv, 'src/dind.sh'), ['11 VG201']);
});

test('a step whose `if:` tests the matrix key runs-on is made of for Windows runs PowerShell, not bash (ipyparallel test-ssh.yml)', async () => {
  const wf = ['on: push', 'jobs:', '  test:', "    runs-on: ${{ matrix.runs_on || 'ubuntu-22.04' }}", '    strategy:', '      matrix:', '        include:', '          - python: "3.10"', '          - python: "3.12"', '            runs_on: windows-2022', '    steps:', '      - name: windows launcher', "        if: ${{ contains(matrix.runs_on, 'windows') }}", '        run: |', '          $env:docker_host_ip=(Get-NetIPConfiguration -InterfaceAlias "Ethernet*").IPv4Address.IPAddress.Trim()', '          docker compose up -d', ''].join('\n');
  const diags = await checkText(wf, { path: '.github/workflows/test-ssh.yml' });
  assert.deepEqual(diags, []);
  // The twin: the same condition negated runs on Linux, where it is bash and checked.
  const linux = wf.replace("if: ${{ contains(matrix.runs_on, 'windows') }}", "if: ${{ !contains(matrix.runs_on, 'windows') }}").replace(/\$env:docker_host_ip=.*\n/, 'python3 -m venv .venv\n          pip install -e .\n');
  assert.deepEqual(await shown(linux, '.github/workflows/test-ssh.yml'), ['16 VG201']);
});

test("a venv's programs linked into /usr/local/bin are found by name there (iiab scripts/ansible); a venv made in one branch of an if/else gets no fix", async () => {
  const script = [
    '#!/bin/bash',
    'if [[ $(dpkg --print-architecture) == i386 ]]; then',
    '    apt -y install ansible-core',
    'else',
    '    python3 -m venv /usr/local/ansible',
    '    /usr/local/ansible/bin/python3 -m pip install ansible-core black',
    '    cd /usr/local/ansible/bin',
    '    for bin in ansible*; do',
    '        ln -sf /usr/local/ansible/bin/"$bin" /usr/local/bin/"$bin"',
    '    done',
    'fi',
    'black --check playbooks',
    '',
  ].join('\n');
  assert.deepEqual(await shown(script, 'scripts/ansible'), []);
  // Without the links the finding is shown; the venv exists only where the else branch ran, so no
  // fix writes its path. (A variable or glob in the link covers every console script of the venv.)
  const unlinked = script.replace(/ {4}for bin[^]*?done\n/, '');
  const diags = await checkText(unlinked, { path: 'scripts/ansible' });
  assert.deepEqual(diags.map((d) => [d.start.line, d.code, d.fix === undefined]), [[9, 'VG201', true]]);
  // A venv made where it is missing (no else) exists after the if: the fix is offered.
  const ifMissing = ['#!/bin/bash', 'if [ ! -d /opt/app/venv ]; then', '    python3 -m venv /opt/app/venv', 'fi', 'app-server --port 80', ''].join('\n');
  const made = await checkText(ifMissing.replace('app-server', 'pip install app-server\napp-server'), { path: 'install.sh' });
  assert.ok(made.some((d) => d.code === 'VG201' && d.fix !== undefined));
  // One named link: that program only; another of the venv's by name is still shown.
  const one = ['#!/bin/bash', 'python3 -m venv /opt/tools', '/opt/tools/bin/pip install black flake8', 'ln -s /opt/tools/bin/black /usr/bin/black', 'black --check .', 'flake8 .', ''].join('\n');
  assert.deepEqual(await shown(one, 'install.sh'), ['6 VG201']);
  // A link into a folder that is not on PATH puts nothing there.
  assert.deepEqual(await shown(one.replace('/usr/bin/black', '/srv/tools/black'), 'install.sh'), ['5 VG201', '6 VG201']);
});

test("a recipe line only make on Windows runs (`ifeq ($(OS),Windows_NT)`) is not read as POSIX shell (buzz's clean target)", async () => {
  const mk = [
    'venv:',
    '\tpython3 -m venv .venv',
    '',
    'clean: venv',
    'ifeq ($(OS), Windows_NT)',
    '\t-rmdir /s /q dist',
    '\t-for /d /r buzz %%d in (__pycache__) do @if exist "%%d" rmdir /s /q "%%d"',
    '\tpip uninstall -y buzz',
    'else',
    '\trm -rf dist || true',
    '\tpip uninstall -y buzz',
    'endif',
    '',
  ].join('\n');
  const diags = await checkText(mk, { path: 'Makefile' });
  // Only the POSIX branch's pip is read (and reported); the cmd.exe lines are no syntax error.
  assert.deepEqual(diags.map((d) => `${d.start.line} ${d.code}`), ['11 VG201']);
  // `ifneq`: the else branch is Windows's.
  const neg = mk.replace('ifeq ($(OS), Windows_NT)', 'ifneq ($(OS),Windows_NT)').replace('\t-rmdir /s /q dist\n\t-for /d /r buzz %%d in (__pycache__) do @if exist "%%d" rmdir /s /q "%%d"\n', '\trm -rf dist\n').replace('\trm -rf dist || true\n', '\t-for /d /r buzz %%d in (__pycache__) do @if exist "%%d" rmdir /s /q "%%d"\n');
  assert.deepEqual((await checkText(neg, { path: 'Makefile' })).map((d) => `${d.start.line} ${d.code}`), ['7 VG201']);
  // The twin: a conditional on something else is read in both branches.
  const other = mk.replace('ifeq ($(OS), Windows_NT)', 'ifeq ($(CI), true)').replace('\t-for /d /r buzz %%d in (__pycache__) do @if exist "%%d" rmdir /s /q "%%d"\n', '');
  assert.deepEqual((await checkText(other, { path: 'Makefile' })).map((d) => `${d.start.line} ${d.code}`), ['7 VG201', '10 VG201']);
});

test("a test that runs the project's own console script by name is held (molecule's tests/integration); not a dependency's, nor outside the tests", async () => {
  const root = tempDir('venvguard-own-cli-');
  try {
    const write = (f: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), text);
    };
    write('pyproject.toml', '[project]\nname = "molecule"\ndependencies = ["ansible-core", "black"]\n[project.scripts]\nmolecule = "molecule.__main__:main"\n');
    write('src/molecule/__init__.py', '');
    write('src/molecule/__main__.py', 'def main():\n    pass\n');
    const testCode = ['import subprocess', '', '', 'def test_command_init_role(tmp_path):', '    subprocess.run(["molecule", "init", "role", "acme.foo"], cwd=tmp_path, check=True)', '    subprocess.run(["black", "--check", str(tmp_path)], check=True)', ''].join('\n');
    write('tests/integration/test_command.py', testCode);
    write('tools/smoke.py', testCode);
    const r = await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] });
    const got = r.diagnostics.map((d) => `${d.path.split(path.sep).join('/')}:${d.start.line} ${d.code}`).sort();
    // The test's own-command launch is held (VG106); black is a dependency's: shown. The same file
    // outside the tests shows both.
    assert.deepEqual(got, ['tests/integration/test_command.py:5 VG106', 'tests/integration/test_command.py:6 VG103', 'tools/smoke.py:5 VG103', 'tools/smoke.py:6 VG103']);
    assert.match(r.diagnostics.find((d) => d.code === 'VG106')!.message, /runs the project's own command "molecule"/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('no fix in a marimo notebook (dlt course notebooks); the copy beside sys.executable, not -m, where the file drives click completion (chia)', async () => {
  const marimo = ['import marimo', '', '__generated_with = "0.13.0"', 'app = marimo.App()', '', '', '@app.cell', 'def _():', '    import subprocess', '    subprocess.run(["black", "--version"])', '    return', ''].join('\n');
  const m = await checkText(marimo, { path: 'docs/course/lesson_4.py' });
  assert.deepEqual(m.map((d) => [d.code, d.fix === undefined]), [['VG103', true]]);
  assert.ok((await checkText(marimo.replace('import marimo\n', 'import other\n').replace('marimo.App()', 'other.App()').replace('@app.cell\n', ''), { path: 'docs/course/lesson_4.py' }))[0].fix);
  const completion = ['import os', 'import subprocess', '', 'def completion(shell):', '    env = dict(os.environ, _BLACK_COMPLETE=f"{shell}_source")', '    return subprocess.run(["black"], env=env, capture_output=True).stdout', ''].join('\n');
  // The program keeps its name there: the copy beside sys.executable, which click still recognises.
  assert.deepEqual((await checkText(completion, { path: 'cmds/completion.py' })).map((d) => [d.code, d.fix?.title]), [['VG103', 'Use the black beside sys.executable when there is one']]);
  assert.deepEqual((await checkText(completion.replace('_BLACK_COMPLETE', 'BLACK_MODE'), { path: 'cmds/completion.py' })).map((d) => d.fix?.title), ['Use sys.executable -m black']);
});
