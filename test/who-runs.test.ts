/**
 * Who runs a Python file (issue 15): the who-runs pre-pass (src/pipeline/who-runs.ts) finds the
 * places a project starts its own Python files, and the default policy (src/judge/policy.ts) holds
 * a file's VG101–VG103 findings back into VG106 when every starter runs it with its environment on
 * PATH, and keeps them shown, naming the starter, when one runs it by a venv's path without that
 * venv on PATH. Every case is a minimal project shaped like the repository it came from; each held
 * case has a twin that differs in one piece of evidence and stays reported.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { CLI, findingCodes as codes, projectFindings, writeProject } from './helpers.js';

function project(files: Record<string, string>): string {
  return writeProject('venvguard-who-', files);
}

const findings = (files: Record<string, string>) => projectFindings(files, 'venvguard-who-');


/** tox's own tasks/release.py, reduced: towncrier by name, run only by the tox env `release`. */
const RELEASE_PY = ['import subprocess', '', 'def main():', '    subprocess.check_call(["towncrier", "build", "--yes"])', '', 'main()', ''].join('\n');
const RELEASE_FINDING = 'tasks/release.py:4 VG103';
const RELEASE_HELD = 'tasks/release.py:4 VG106';

test('a tox env that runs the script holds its findings back into VG106, naming the tox file and line', async () => {
  const ini = ['[tox]', 'env_list = py', '', '[testenv:release]', 'deps = towncrier', 'commands =', '    python {toxinidir}/tasks/release.py {posargs}', ''].join('\n');
  const found = await findings({ 'tasks/release.py': RELEASE_PY, 'tox.ini': ini });
  assert.deepEqual(codes(found), [RELEASE_HELD]);
  assert.match(found[0], /because tox\.ini:7 runs this file in a tox env, so a name it starts is found on the same PATH as its own interpreter/);
  // The same env in tox.toml (tox's own repository), in pyproject's [tool.tox] and in setup.cfg's [tox:tox].
  const toml = ['[env.release]', 'deps = ["towncrier"]', 'commands = [["python", "{tox_root}/tasks/release.py", { replace = "posargs", extend = true }]]', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'tox.toml': toml })), [RELEASE_HELD]);
  const pyproject = ['[project]', 'name = "x"', '', '[tool.tox.env.release]', 'commands = [["python", "tasks/release.py"]]', ''].join('\n');
  const viaPyproject = await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': pyproject });
  assert.deepEqual(codes(viaPyproject), [RELEASE_HELD]);
  assert.match(viaPyproject[0], /pyproject\.toml:5 runs this file in a tox env/);
  const cfg = ['[metadata]', 'name = x', '', '[tox:tox]', 'envlist = py', '', '[testenv:release]', 'commands = python tasks/release.py', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'setup.cfg': cfg })), [RELEASE_HELD]);
  // setup.cfg without [tox:tox] is not tox's: nothing starts the file, so it is reported as today.
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'setup.cfg': cfg.replace('[tox:tox]', '[flake8]') })), [RELEASE_FINDING]);
  // A tox env running another script starts nothing here.
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'tox.ini': ini.replace('tasks/release.py', 'tasks/other.py') })), [RELEASE_FINDING]);
});

test("tox's change_dir: the script is found in the folder the command runs in (virtualenv's tox.toml, env release)", async () => {
  const toml = ['[env.release]', 'change_dir = "{tox_root}{/}tasks"', 'commands = [["python", "release.py", { replace = "posargs", extend = true }]]', ''].join('\n');
  const found = await findings({ 'tasks/release.py': RELEASE_PY, 'tox.toml': toml });
  assert.deepEqual(codes(found), [RELEASE_HELD]);
  assert.match(found[0], /tox\.toml:3 runs this file in a tox env/);
  // The same in tox.ini, `changedir` after the commands, and inherited from [testenv].
  const ini = ['[testenv:release]', 'commands = python release.py', 'changedir = {toxinidir}/tasks', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'tox.ini': ini })), [RELEASE_HELD]);
  const inherited = ['[testenv]', 'changedir = {toxinidir}/tasks', '', '[testenv:release]', 'commands = python release.py', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'tox.ini': inherited })), [RELEASE_HELD]);
  // Without change_dir, `release.py` is not the file in tasks/: nothing starts it.
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'tox.toml': toml.replace('change_dir = "{tox_root}{/}tasks"\n', '') })), [RELEASE_FINDING]);
});

test("a project's pdm or hatch script runs the file with its environment on PATH (pdm's own `release = \"python tasks/release.py\"`)", async () => {
  const pdm = ['[project]', 'name = "x"', '', '[tool.pdm.scripts]', 'release = "python tasks/release.py"', 'test = "pytest"', ''].join('\n');
  const found = await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': pdm });
  assert.deepEqual(codes(found), [RELEASE_HELD]);
  assert.match(found[0], /pyproject\.toml:5 runs this file as a pdm script \(`pdm run`\)/);
  const table = pdm.replace('release = "python tasks/release.py"', 'release = { cmd = ["python", "tasks/release.py"], help = "release" }');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': table })), [RELEASE_HELD]);
  const hatch = ['[project]', 'name = "x"', '', '[tool.hatch.envs.default.scripts]', 'release = ["python tasks/release.py {args}"]', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': hatch })), [RELEASE_HELD]);
  // A script of another file, or the same table under another tool, starts nothing here.
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': pdm.replace('tasks/release.py', 'tasks/other.py') })), [RELEASE_FINDING]);
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': pdm.replace('[tool.pdm.scripts]', '[tool.other.scripts]') })), [RELEASE_FINDING]);
});

test("a Pipfile's script runs its command with the virtualenv on PATH, a Django management command too (`start = \"python manage.py start\"`)", async () => {
  const pipfile = ['[[source]]', 'url = "https://pypi.org/simple"', 'name = "pypi"', '', '[packages]', 'django = "*"', '', '[scripts]', 'release = "python tasks/release.py"', 'start = "python manage.py start"', ''].join('\n');
  const found = await findings({ 'tasks/release.py': RELEASE_PY, Pipfile: pipfile });
  assert.deepEqual(codes(found), [RELEASE_HELD]);
  assert.match(found[0], /Pipfile:9 runs this file as a Pipenv script \(`pipenv run`\)/);
  const command = ['import os', 'from django.core.management.base import BaseCommand', '', '', 'class Command(BaseCommand):', '    def handle(self, *args, **options):', '        os.system("python manage.py migrate")', ''].join('\n');
  const django = { 'manage.py': 'import sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n', 'api/management/commands/start.py': command, Pipfile: pipfile };
  assert.deepEqual(codes(await findings(django)), ['api/management/commands/start.py:7 VG106']);
  // The twins: a command Pipenv does not name (offline), and the same table in another file.
  assert.deepEqual(codes(await findings({ ...django, Pipfile: pipfile.replace('manage.py start', 'manage.py offline') })), ['api/management/commands/start.py:7 VG101']);
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'Pipfile.txt': pipfile })), [RELEASE_FINDING]);
});

test("a pixi task runs the file with the pixi environment on PATH (snakemake's [tool.pixi.feature.test.tasks.test-all])", async () => {
  const feature = ['[project]', 'name = "x"', '', '[tool.pixi.feature.test.tasks.test-all]', 'description = "all"', 'cmd = [', '  "python",', '  # the release script', '  "tasks/release.py",', ']', ''].join('\n');
  const found = await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': feature });
  assert.deepEqual(codes(found), [RELEASE_HELD]);
  assert.match(found[0], /pyproject\.toml:6 runs this file as a pixi task \(`pixi run`\)/);
  // pixi.toml: a string task, a platform target's task.
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pixi.toml': '[tasks]\nrelease = "python tasks/release.py"\n' })), [RELEASE_HELD]);
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pixi.toml': '[target.linux-64.tasks]\nrelease = { cmd = "python tasks/release.py" }\n' })), [RELEASE_HELD]);
  // Another file, or the table outside pixi's, starts nothing here.
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pixi.toml': '[tasks]\nrelease = "python tasks/other.py"\n' })), [RELEASE_FINDING]);
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': feature.replace('[tool.pixi.', '[tool.other.') })), [RELEASE_FINDING]);
});

test('a dev-cmd command with its own python runs the file with that venv first on PATH (pex: format, typecheck, vendorize)', async () => {
  const format = ['import subprocess', 'import sys', '', 'def main():', '    subprocess.run(["black", "--check", "pex"], check=True)', '', 'main()', ''].join('\n');
  const vendor = ['import subprocess', '', 'def freeze():', '    return subprocess.check_output(["pip", "freeze", "--all"])', ''].join('\n');
  const toml = ['[project]', 'name = "x"', '', '[tool.dev-cmd.commands.format]', 'python = "python3.11"', 'args = ["scripts/format.py"]', '', '[tool.dev-cmd.commands.vendorize]', 'python = "python3.9"', 'args = ["python", "-m", "pex.vendor"]', ''].join('\n');
  const files = { 'scripts/format.py': format, 'pex/__init__.py': '', 'pex/vendor/__init__.py': '', 'pex/vendor/__main__.py': vendor, 'pyproject.toml': toml };
  const found = await findings(files);
  assert.deepEqual(codes(found), ['pex/vendor/__main__.py:4 VG106', 'scripts/format.py:5 VG106']);
  assert.match(found[1], /pyproject\.toml:6 runs this file as a dev-cmd command, with its venv first on PATH/);
  // Without `python = …`, dev-cmd runs it with its caller's PATH: not a starter on PATH.
  assert.deepEqual(codes(await findings({ ...files, 'pyproject.toml': toml.replace(/python = "python3\.\d+"\n/g, '') })), ['pex/vendor/__main__.py:4 VG102', 'scripts/format.py:5 VG103']);
});

test("tbump's hooks run on the PATH of whoever runs tbump (pylint: python3 script/bump_changelog.py {new_version})", async () => {
  const bump = ['import subprocess', '', 'def main():', '    subprocess.run(["towncrier", "build", "--yes"], check=True)', '', 'main()', ''].join('\n');
  const toml = ['[version]', 'current = "1.0"', '', '[[before_commit]]', 'name = "Upgrade changelog"', 'cmd = "python3 script/bump_changelog.py {new_version}"', ''].join('\n');
  const found = await findings({ 'script/bump_changelog.py': bump, 'tbump.toml': toml });
  assert.deepEqual(codes(found), ['script/bump_changelog.py:4 VG106']);
  assert.match(found[0], /tbump\.toml:6 runs this file as "python3" from PATH/);
  // The same hook in pyproject.toml's [tool.tbump]; a hook of another file starts nothing here.
  const pyproject = ['[project]', 'name = "x"', '', '[[tool.tbump.before_commit]]', 'name = "Upgrade changelog"', 'cmd = "python3 script/bump_changelog.py {new_version}"', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'script/bump_changelog.py': bump, 'pyproject.toml': pyproject })), ['script/bump_changelog.py:4 VG106']);
  assert.deepEqual(codes(await findings({ 'script/bump_changelog.py': bump, 'tbump.toml': toml.replace('bump_changelog', 'other') })), ['script/bump_changelog.py:4 VG103']);
});

// errbot's and locust's docs/conf.py, reduced: a tool started by name while Sphinx reads the config.
const CONF_PY = ['import subprocess', '', 'def setup(app):', '    subprocess.check_call(["sphinx-apidoc", "-o", "api", "../src"])', ''].join('\n');

test("a Sphinx conf.py is run by sphinx-build: by name from a Makefile or CI, or on Read the Docs (errbot's docs/Makefile, locust's .readthedocs.yaml)", async () => {
  const reported = ['docs/conf.py:4 VG103'];
  const held = ['docs/conf.py:4 VG106'];
  assert.deepEqual(codes(await findings({ 'docs/conf.py': CONF_PY })), reported);
  // Sphinx's own Makefile template.
  const makefile = ['SPHINXOPTS    ?=', 'SPHINXBUILD   ?= sphinx-build', 'SOURCEDIR     = .', 'BUILDDIR      = _build', '', '%: Makefile', '\t@$(SPHINXBUILD) -M $@ "$(SOURCEDIR)" "$(BUILDDIR)" $(SPHINXOPTS) $(O)', ''].join('\n');
  const viaMake = await findings({ 'docs/conf.py': CONF_PY, 'docs/Makefile': makefile });
  assert.deepEqual(codes(viaMake), held);
  assert.match(viaMake[0], /docs\/Makefile:7 runs this file as "sphinx-build" from PATH/);
  // A workflow step, with -c naming the folder of conf.py; python -m sphinx.
  const step = (cmd: string) => ['on: push', 'jobs:', '  docs:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', `      - run: ${cmd}`, ''].join('\n');
  assert.deepEqual(codes(await findings({ 'docs/conf.py': CONF_PY, '.github/workflows/docs.yml': step('sphinx-build -b html -c docs src/site out') })), held);
  assert.deepEqual(codes(await findings({ 'docs/conf.py': CONF_PY, '.github/workflows/docs.yml': step('python -m sphinx -W docs out') })), held);
  // Another source folder is another conf.py.
  assert.deepEqual(codes(await findings({ 'docs/conf.py': CONF_PY, '.github/workflows/docs.yml': step('sphinx-build -b html site out') })), reported);
  // Read the Docs.
  const rtd = ['version: 2', 'build:', '  os: ubuntu-24.04', '  tools:', '    python: "3.12"', 'sphinx:', '  builder: html', '  configuration: docs/conf.py', ''].join('\n');
  const viaRtd = await findings({ 'docs/conf.py': CONF_PY, '.readthedocs.yaml': rtd });
  assert.deepEqual(codes(viaRtd), held);
  assert.match(viaRtd[0], /\.readthedocs\.yaml:8 builds this file on Read the Docs/);
  assert.deepEqual(codes(await findings({ 'docs/conf.py': CONF_PY, '.readthedocs.yaml': rtd.replace('docs/conf.py', 'other/conf.py') })), reported);
});

test("a script started by PATH's python from another Python file runs on PATH (aws-cli's scripts/ci/install → install-dev-deps)", async () => {
  const install = (how: string) => ['#!/usr/bin/env python', 'import subprocess', 'import sys', '', 'def run(command):', '    return subprocess.check_call(command, shell=True)', '', `run(${how})`, ''].join('\n');
  const deps = ['#!/usr/bin/env python', 'import subprocess', '', 'subprocess.check_call(["pip", "install", "-r", "requirements-dev.txt"])', ''].join('\n');
  const wf = ['on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/setup-python@v5', '      - run: python scripts/ci/install', ''].join('\n');
  const files = { 'scripts/ci/install': install('"python scripts/ci/install-dev-deps"'), 'scripts/ci/install-dev-deps': deps, '.github/workflows/run-tests.yml': wf };
  const found = await findings(files);
  assert.deepEqual(codes(found), ['scripts/ci/install:8 VG106', 'scripts/ci/install-dev-deps:4 VG106']);
  assert.match(found[1], /scripts\/ci\/install:8 runs this file as "python" from PATH/);
  // A parent not known to run on PATH: its own `python` is the finding, and its fix (sys.executable)
  // would start the child without PATH, so the child's findings stay.
  const { ['.github/workflows/run-tests.yml']: _, ...alone } = files;
  assert.deepEqual(codes(await findings(alone)), ['scripts/ci/install:8 VG101', 'scripts/ci/install-dev-deps:4 VG102']);
  // Started with the parent's own interpreter, the child is where the parent is: not known here.
  const viaExecutable = await findings({ ...files, 'scripts/ci/install': install('sys.executable + " scripts/ci/install-dev-deps"') });
  assert.deepEqual(codes(viaExecutable), ['scripts/ci/install-dev-deps:4 VG102']);
});

test('a hostile .readthedocs.yaml of blank lines under sphinx: is read in linear time', () => {
  // A first version of the pattern backtracked through every split of the blank lines: 24 of them
  // took 84 s. The CLI runs in a child killed after 60 s (a regex cannot be interrupted in-process);
  // 20,000 lines must end long before that, with the file's finding.
  const root = project({ 'docs/conf.py': CONF_PY, '.readthedocs.yaml': `version: 2\nsphinx:\n${'  \n \t\n'.repeat(10000)}x: 1\n` });
  try {
    const r = spawnSync(process.execPath, [CLI, 'check', '--no-config', '.'], { cwd: root, encoding: 'utf8', timeout: 60000, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.signal, null, 'killed: the check did not end within 60 s');
    assert.match(r.stdout, /docs\/conf\.py:4:\d+: VG103/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a pytest run by tox covers the test folder it names (cloud-init: tox -e integration-tests)', async () => {
  const conftest = ['import subprocess', '', 'def pytest_sessionfinish():', '    subprocess.run(["coverage", "combine"], check=True)', ''].join('\n');
  const ini = ['[testenv:integration-tests]', 'deps = coverage', 'commands = {envpython} -m pytest --log-cli-level=INFO -vv {posargs:tests/integration_tests}', ''].join('\n');
  const held = await findings({ 'tests/integration_tests/conftest.py': conftest, 'tox.ini': ini });
  assert.deepEqual(codes(held), ['tests/integration_tests/conftest.py:4 VG106']);
  // pytest of another folder does not cover it.
  assert.deepEqual(codes(await findings({ 'tests/integration_tests/conftest.py': conftest, 'tox.ini': ini.replace('tests/integration_tests', 'tests/unittests') })), ['tests/integration_tests/conftest.py:4 VG103']);
});

test('stestr run by tox covers the test_path of its .stestr.conf (bandit: functional tests of its own CLI by name)', async () => {
  const cli = ['import subprocess', '', 'def test_help():', '    out = subprocess.check_output(["bandit", "-h"])', '    assert b"usage: bandit" in out', ''].join('\n');
  const ini = ['[tox]', 'envlist = py310', '', '[testenv]', 'usedevelop = True', 'commands =', '    find bandit -type f -name "*.pyc" -delete', '    stestr run {posargs}', ''].join('\n');
  const conf = ['[DEFAULT]', 'test_path=./tests', 'top_dir=./', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tests/functional/test_runtime.py': cli, 'tox.ini': ini, '.stestr.conf': conf })), ['tests/functional/test_runtime.py:4 VG106']);
  // python -m stestr run too; a test_path elsewhere does not cover it, nor does a tox env without stestr.conf.
  assert.deepEqual(codes(await findings({ 'tests/functional/test_runtime.py': cli, 'tox.ini': ini.replace('stestr run', 'python -m stestr run'), '.stestr.conf': conf })), ['tests/functional/test_runtime.py:4 VG106']);
  assert.deepEqual(codes(await findings({ 'tests/functional/test_runtime.py': cli, 'tox.ini': ini, '.stestr.conf': conf.replace('./tests', './unit') })), ['tests/functional/test_runtime.py:4 VG103']);
  assert.deepEqual(codes(await findings({ 'tests/functional/test_runtime.py': cli, 'tox.ini': ini })), ['tests/functional/test_runtime.py:4 VG103']);
});

test('pytest under `env … coverage run` in tox covers its tests (securedrop admin/tox.ini); a Makefile running it by a venv path is the escape', async () => {
  const testFile = ['import pexpect', '', '', 'def test_sdconfig():', '    child = pexpect.spawn("python ./securedrop_admin/__init__.py --force sdconfig")', '    child.expect("Username")', ''].join('\n');
  const ini = ['[testenv]', 'deps = -r{toxinidir}/requirements-dev.txt', 'commands = env \\', '         {envbindir}/coverage run --source=securedrop_admin,bootstrap \\', '         {envbindir}/pytest -v {posargs:tests}', ''].join('\n');
  const held = await findings({ 'admin/tests/test_integration.py': testFile, 'admin/tox.ini': ini });
  assert.deepEqual(codes(held), ['admin/tests/test_integration.py:5 VG106']);
  assert.match(held[0], /admin\/tox\.ini:3 runs this file in a tox env/);
  // `coverage run -m pytest` by a venv's path from a recipe without that venv on PATH: shown, naming it.
  const make = ['test:', '\t.venv/bin/coverage run --branch -m pytest tests', ''].join('\n');
  const shown = await findings({ 'tests/test_integration.py': testFile, Makefile: make });
  assert.deepEqual(codes(shown), ['tests/test_integration.py:5 VG101']);
  assert.match(shown[0], /Makefile:2 runs this file as "\.venv\/bin\/python" without that venv on PATH/);
});

test('a nox session that runs the script holds its findings back', async () => {
  const nox = ['import nox', '', '@nox.session', 'def release(session):', '    session.install("towncrier")', '    session.run("python", "tasks/release.py")', ''].join('\n');
  const found = await findings({ 'tasks/release.py': RELEASE_PY, 'noxfile.py': nox });
  assert.deepEqual(codes(found), [RELEASE_HELD]);
  assert.match(found[0], /noxfile\.py:6 runs this file in a nox session/);
});

/** streamlit's scripts/cli_smoke_tests.py, reduced: the console script and python by name. */
const SMOKE_PY = ['import subprocess', '', 'def can_run():', '    subprocess.run(["streamlit", "version"], check=True)', '    subprocess.run(["python", "-c", "import streamlit"], check=True)', '', 'can_run()', ''].join('\n');

test('a Makefile recipe that runs the script by name (after activation, or on PATH) holds it back; a systemd unit that starts it by the venv path keeps it', async () => {
  const activated = ['.PHONY: smoke', 'smoke:', '\t. .venv/bin/activate && python scripts/cli_smoke_tests.py', ''].join('\n');
  const held = await findings({ 'scripts/cli_smoke_tests.py': SMOKE_PY, Makefile: activated });
  assert.deepEqual(codes(held), ['scripts/cli_smoke_tests.py:4 VG106', 'scripts/cli_smoke_tests.py:5 VG106']);
  assert.match(held[0], /because Makefile:3 runs this file as "python" from PATH/);
  // By name without a venv: the parent is PATH's python3, and its children are found on the same PATH.
  const byName = ['cli-smoke-tests:', '\tpython3 scripts/cli_smoke_tests.py', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'scripts/cli_smoke_tests.py': SMOKE_PY, Makefile: byName })), ['scripts/cli_smoke_tests.py:4 VG106', 'scripts/cli_smoke_tests.py:5 VG106']);
  // The same script also started by a service with the venv's interpreter by path, PATH untouched: shown, and the unit named.
  const unit = ['[Unit]', 'Description=smoke', '', '[Service]', 'WorkingDirectory=/srv/app', 'ExecStart=/srv/app/venv/bin/python /srv/app/scripts/cli_smoke_tests.py', ''].join('\n');
  const shown = await findings({ 'scripts/cli_smoke_tests.py': SMOKE_PY, Makefile: byName, 'deploy/smoke.service': unit });
  assert.deepEqual(codes(shown), ['scripts/cli_smoke_tests.py:4 VG103', 'scripts/cli_smoke_tests.py:5 VG101']);
  assert.match(shown[1], /"python" is found on PATH, which has this venv only if activated, and deploy\/smoke\.service:6 runs this file as "\/srv\/app\/venv\/bin\/python" without that venv on PATH$/);
});

test("a unit or program that gives the process its venv's bin in PATH runs the file on PATH (fragalysis-stack-kubernetes: Environment=\"PATH=…/venv/bin:/usr/bin\")", async () => {
  const PLAY = ['import subprocess', '', 'subprocess.run(["ansible-playbook", "site.yml"], check=True)', ''].join('\n');
  const unit = (env: string) => ['[Service]', ...(env ? [env] : []), 'ExecStart=/srv/app/venv/bin/python services/check.py', 'WorkingDirectory=/srv/app', ''].join('\n');
  // systemd finds ExecStart's program on its own search path, but the process (and its children) get Environment=PATH.
  for (const env of ['Environment="PATH=/srv/app/venv/bin:/usr/bin"', 'Environment=PATH=/srv/app/venv/bin:/usr/bin']) {
    const held = await findings({ 'services/check.py': PLAY, 'services/check.service': unit(env) });
    assert.deepEqual(codes(held), ['services/check.py:3 VG106'], env);
    assert.match(held[0], /because services\/check\.service:\d+ runs this file as "\/srv\/app\/venv\/bin\/python" with that venv on PATH/);
  }
  // Another PATH, or none: the escape, with the unit named.
  for (const env of ['Environment=PATH=/usr/local/bin:/usr/bin', '']) {
    const shown = await findings({ 'services/check.py': PLAY, 'services/check.service': unit(env) });
    assert.deepEqual(codes(shown), ['services/check.py:3 VG103'], env);
    assert.match(shown[0], /services\/check\.service:\d+ runs this file as "\/srv\/app\/venv\/bin\/python" without that venv on PATH$/);
  }
  // supervisord: `environment=PATH=…` for the program's process.
  const program = (env: string) => ['[program:check]', 'command=/srv/app/venv/bin/python check.py', ...(env ? [env] : []), 'directory=/srv/app', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'check.py': PLAY, 'supervisor/check.conf': program('environment=PATH="/srv/app/venv/bin:/usr/bin"') })), ['check.py:3 VG106']);
  assert.deepEqual(codes(await findings({ 'check.py': PLAY, 'supervisor/check.conf': program('') })), ['check.py:3 VG103']);
});

test('a pytest recipe after activation covers the test file it names; `pytest "$@"` names nothing', async () => {
  const test = ['import subprocess', '', 'def test_bus():', '    subprocess.Popen(["python3", "-m", "mycroft.messagebus.service"])', ''].join('\n');
  const named = ['unittest:', '\t. .venv/bin/activate; pytest test/integrationtests/messagebus/messagebus_test.py --cov=mycroft', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'test/integrationtests/messagebus/messagebus_test.py': test, Makefile: named })), ['test/integrationtests/messagebus/messagebus_test.py:4 VG106']);
  // mycroft-core's start-mycroft.sh: `pytest "$@"` runs what the caller names.
  const script = ['#!/usr/bin/env bash', '. .venv/bin/activate', 'pytest "$@"', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'test/integrationtests/messagebus/messagebus_test.py': test, 'start.sh': script })), ['test/integrationtests/messagebus/messagebus_test.py:4 VG101']);
});

test("behave runs the Python files of its feature folder: steps, environment.py and the helpers under it (backdrop's run_tests.sh: `behave --stop --tags=~@wip`)", async () => {
  const support = ['import subprocess', '', 'def start_app():', '    return subprocess.Popen(["python", "start.py"])', ''].join('\n');
  const steps = ['from behave import given', 'from features.support.support import start_app', '', '@given("the app runs")', 'def step(context):', '    context.app = start_app()', ''].join('\n');
  const files = (script: string) => ({ 'features/support/support.py': support, 'features/steps/app_steps.py': steps, 'features/app.feature': 'Feature: app\n', 'run_tests.sh': script });
  const run = (line: string) => ['#!/bin/bash', 'set -e', '. venv/bin/activate', line, ''].join('\n');
  assert.deepEqual(codes(await findings(files(run('behave --stop --tags=~@wip')))), ['features/support/support.py:4 VG106']);
  // A feature file named: its folder's steps (behave looks up from it for steps/); `python -m behave` too.
  assert.deepEqual(codes(await findings(files(run('behave -t @smoke features/app.feature')))), ['features/support/support.py:4 VG106']);
  assert.deepEqual(codes(await findings(files(run('python -m behave features')))), ['features/support/support.py:4 VG106']);
  // Another feature folder, or behave by a venv's path without that venv on PATH: still reported.
  assert.deepEqual(codes(await findings({ ...files(run('behave acceptance')), 'acceptance/steps/x.py': 'x = 1\n' })), ['features/support/support.py:4 VG101']);
  assert.deepEqual(codes(await findings(files(['#!/bin/bash', 'venv/bin/behave --stop', ''].join('\n')))), ['features/support/support.py:4 VG101']);
});

test('a workflow step after the venv was put on $GITHUB_PATH, or through `uv run`, holds it back', async () => {
  const wf = (run: string) =>
    ['on: push', 'jobs:', '  smoke:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - run: python -m venv venv && echo "$PWD/venv/bin" >> "$GITHUB_PATH"', `      - run: ${run}`, ''].join('\n');
  const held = await findings({ 'scripts/cli_smoke_tests.py': SMOKE_PY, '.github/workflows/ci.yml': wf('python scripts/cli_smoke_tests.py') });
  assert.deepEqual(codes(held), ['scripts/cli_smoke_tests.py:4 VG106', 'scripts/cli_smoke_tests.py:5 VG106']);
  assert.match(held[0], /\.github\/workflows\/ci\.yml:8 runs this file as "python" from PATH/);
  const uv = await findings({ 'scripts/cli_smoke_tests.py': SMOKE_PY, '.github/workflows/ci.yml': wf('uv run --with click python scripts/cli_smoke_tests.py') });
  assert.match(uv[0], /runs this file with "uv run"/);
  // The venv's interpreter by its path, the venv not on PATH: the escape, shown.
  const byPath = ['on: push', 'jobs:', '  smoke:', '    runs-on: ubuntu-latest', '    steps:', '      - run: python -m venv venv', '      - run: venv/bin/python scripts/cli_smoke_tests.py', ''].join('\n');
  const shown = await findings({ 'scripts/cli_smoke_tests.py': SMOKE_PY, '.github/workflows/ci.yml': byPath });
  assert.deepEqual(codes(shown), ['scripts/cli_smoke_tests.py:4 VG103', 'scripts/cli_smoke_tests.py:5 VG101']);
  assert.match(shown[0], /ci\.yml:7 runs this file as "venv\/bin\/python" without that venv on PATH/);
});

test('a Dockerfile CMD by the venv path: shown without ENV PATH, held with it', async () => {
  const app = ['import subprocess', '', 'subprocess.run(["alembic", "upgrade", "head"], check=True)', ''].join('\n');
  const base = ['FROM python:3.12-slim', 'RUN python -m venv /opt/venv && /opt/venv/bin/pip install alembic', 'WORKDIR /app', 'COPY app.py /app/app.py'];
  const shown = await findings({ 'app.py': app, Dockerfile: [...base, 'CMD ["/opt/venv/bin/python", "/app/app.py"]', ''].join('\n') });
  assert.deepEqual(codes(shown), ['app.py:3 VG103']);
  assert.match(shown[0], /Dockerfile:5 runs this file as "\/opt\/venv\/bin\/python" without that venv on PATH/);
  const held = await findings({ 'app.py': app, Dockerfile: [...base, 'ENV PATH=/opt/venv/bin:$PATH', 'CMD ["/opt/venv/bin/python", "/app/app.py"]', ''].join('\n') });
  assert.deepEqual(codes(held).filter((c) => c.startsWith('app.py')), []);
});

test('setup.py is also started by pip with its interpreter path: a Makefile running it by name holds nothing (mayan-edms)', async () => {
  const setup = ['import os, sys', '', 'if sys.argv[-1] == "publish":', '    os.system("python setup.py sdist upload")', '    sys.exit()', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'setup.py': setup, Makefile: 'dist:\n\tpython setup.py sdist\n' })), ['setup.py:4 VG101']);
});

test('sys.executable in the same function stays the strong signal, whoever starts the file', async () => {
  const mixed = ['import subprocess, sys', '', 'def main():', '    subprocess.check_call([sys.executable, "-m", "pip", "install", "towncrier"])', '    subprocess.check_call(["towncrier", "build"])', '', 'main()', ''].join('\n');
  const ini = ['[testenv:release]', 'commands = python tasks/release.py', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': mixed, 'tox.ini': ini })), ['tasks/release.py:5 VG103']);
});

test('a script run by its #!/usr/bin/env python3 shebang from a workflow is started on PATH', async () => {
  const deploy = ['#!/usr/bin/env python3', 'import subprocess', '', 'subprocess.check_call(["twine", "upload", "dist/*"])', ''].join('\n');
  const wf = ['on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:', '      - run: ./release/deploy.py', ''].join('\n');
  const held = await findings({ 'release/deploy.py': deploy, '.github/workflows/main.yml': wf });
  assert.deepEqual(codes(held), ['release/deploy.py:4 VG106']);
  assert.match(held[0], /main\.yml:6 runs this file by its shebang, as "python3" from PATH/);
  // Nobody starts it: as today.
  assert.deepEqual(codes(await findings({ 'release/deploy.py': deploy })), ['release/deploy.py:4 VG103']);
});

test("a script without the .py suffix, started by name from a workflow (aws-cli's `python scripts/ci/install-check`)", async () => {
  const check = ['#!/usr/bin/env python', 'import subprocess', '', 'subprocess.check_call(["pip", "install", "check-manifest"])', ''].join('\n');
  const wf = ['on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/setup-python@v5', '      - run: python scripts/ci/install-check', ''].join('\n');
  const held = await findings({ 'scripts/ci/install-check': check, '.github/workflows/run-tests.yml': wf });
  assert.deepEqual(codes(held), ['scripts/ci/install-check:4 VG106']);
  assert.match(held[0], /run-tests\.yml:7 runs this file as "python" from PATH/);
  assert.deepEqual(codes(await findings({ 'scripts/ci/install-check': check, '.github/workflows/run-tests.yml': wf.replace('install-check', 'install-other') })), ['scripts/ci/install-check:4 VG102']);
});

test('--fix leaves a file alone whose findings its starters hold back, and still fixes one a service starts by the venv path', async () => {
  const root = project({ 'scripts/cli_smoke_tests.py': SMOKE_PY, Makefile: 'smoke:\n\tpython3 scripts/cli_smoke_tests.py\n' });
  try {
    const r = await check({ paths: ['.'], cwd: root, noConfig: true, fix: 'unsafe' });
    assert.deepEqual(r.fixed, []);
    assert.equal(fs.readFileSync(path.join(root, 'scripts/cli_smoke_tests.py'), 'utf8'), SMOKE_PY);
    fs.writeFileSync(path.join(root, 'app.service'), '[Service]\nExecStart=/srv/app/venv/bin/python scripts/cli_smoke_tests.py\n');
    const fixed = await check({ paths: ['.'], cwd: root, noConfig: true, fix: 'unsafe' });
    assert.deepEqual(fixed.fixed.map((f) => f.path.split(path.sep).join('/')), ['scripts/cli_smoke_tests.py']);
    assert.match(fs.readFileSync(path.join(root, 'scripts/cli_smoke_tests.py'), 'utf8'), /sys\.executable/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("python -m unittest: the test files it names or discovers; a test path from a folder decided at run time names the project's files of that path (LocalAI's backends)", async () => {
  const backendTest = ['import subprocess', 'import unittest', '', 'class TestBackend(unittest.TestCase):', '    def setUp(self):', '        self.p = subprocess.Popen(["python3", "backend.py", "--addr", "localhost:50051"])', ''].join('\n');
  // LocalAI's common/libbackend.sh: runUnittests goes to the calling backend's folder and runs test.py there.
  const lib = ['#!/bin/bash', 'MY_DIR=$(realpath "$(dirname "$0")")', 'runUnittests() {', '    pushd "${MY_DIR}" >/dev/null', '    python -m unittest test.py', '    popd >/dev/null', '}', ''].join('\n');
  const files = { 'backend/python/vllm/test.py': backendTest, 'backend/python/rerankers/test.py': backendTest, 'backend/python/common/libbackend.sh': lib };
  assert.deepEqual(codes(await findings(files)).sort(), ['backend/python/rerankers/test.py:6 VG106', 'backend/python/vllm/test.py:6 VG106']);
  // The real library calls its own init at its end, which makes runUnittests look like dead code, unless
  // a comment shows the library sourced by its name (as LocalAI's does).
  const withInit = (comment: string) => ({ ...files, 'backend/python/common/libbackend.sh': lib.replace('#!/bin/bash\n', `#!/bin/bash\n${comment}\n`) + 'init() {\n    :\n}\ninit\n' });
  assert.deepEqual(codes(await findings(withInit('# source $(dirname $0)/../common/libbackend.sh'))).sort(), ['backend/python/rerankers/test.py:6 VG106', 'backend/python/vllm/test.py:6 VG106']);
  assert.deepEqual(codes(await findings(withInit('# the backends share these helpers'))).sort(), ['backend/python/rerankers/test.py:6 VG101', 'backend/python/vllm/test.py:6 VG101']);
  // A test path that is found where the command runs names that file only.
  assert.deepEqual(codes(await findings({ ...files, 'backend/python/common/test.py': backendTest })).sort(), ['backend/python/common/test.py:6 VG106', 'backend/python/rerankers/test.py:6 VG101', 'backend/python/vllm/test.py:6 VG101']);
  // Another file name is no starter of these.
  assert.deepEqual(codes(await findings({ ...files, 'backend/python/common/libbackend.sh': lib.replace('test.py', 'test_backend.py') })).sort(), ['backend/python/rerankers/test.py:6 VG101', 'backend/python/vllm/test.py:6 VG101']);
  // Discovery (test*.py under its folder), a dotted module name, and discover -s DIR.
  const discover = (cmd: string) => findings({ 'tools/test_cli.py': backendTest, 'tools/helper.py': backendTest, Makefile: `test:\n\tcd tools && ${cmd}\n` });
  assert.deepEqual(codes(await findings({ 'tests/test_cli.py': backendTest, Makefile: 'test:\n\tpython -m unittest tests.test_cli.TestBackend\n' })), ['tests/test_cli.py:6 VG106']);
  assert.deepEqual(codes(await findings({ 'tools/test_cli.py': backendTest, 'tools/helper.py': backendTest, Makefile: 'test:\n\tpython3 -m unittest discover -s tools -v\n' })).sort(), ['tools/helper.py:6 VG101', 'tools/test_cli.py:6 VG106']);
  assert.deepEqual(codes(await discover('python3 -m unittest discover -p "*_spec.py"')).sort(), ['tools/helper.py:6 VG101', 'tools/test_cli.py:6 VG101']);
});

test("pytest with arguments decided at run time: in a nox session the project's test run (pip's noxfile), in a shell script nothing known", async () => {
  const t = ['import subprocess', '', 'def test_broken_stdout():', '    subprocess.Popen(["pip", "list"], stdout=subprocess.PIPE)', ''].join('\n');
  const nox = ['import nox', '', '@nox.session', 'def test(session):', '    arguments = session.posargs or ["-n", "auto"]', '    session.run("pytest", *arguments, env={"LC_CTYPE": "en_US.UTF-8"})', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tests/functional/test_broken_stdout.py': t, 'noxfile.py': nox })), ['tests/functional/test_broken_stdout.py:4 VG106']);
  // Not a test file: a bare pytest does not collect it.
  assert.deepEqual(codes(await findings({ 'tools/broken_stdout.py': t, 'noxfile.py': nox })), ['tools/broken_stdout.py:4 VG102']);
  assert.deepEqual(codes(await findings({ 'tests/functional/test_broken_stdout.py': t, 'run.sh': '#!/bin/sh\n. .venv/bin/activate\npytest "$@"\n' })), ['tests/functional/test_broken_stdout.py:4 VG102']);
});

test("a runner script that hands its arguments to pytest (luigi's test/runtests.py) runs the tests under its folder in the tox env", async () => {
  const runtests = ['import sys', '', 'import pytest', '', 'if __name__ == "__main__":', '    sys.exit(pytest.main(sys.argv[1:]))', ''].join('\n');
  const cmdline = ['import subprocess', '', '', 'def test_cli():', '    subprocess.check_call(["python", "-m", "pkg", "--help"])', ''].join('\n');
  const tox = ['[testenv]', 'commands =', '    {envpython} test/runtests.py -m "not slow" {posargs:}', ''].join('\n');
  const found = await findings({ 'test/runtests.py': runtests, 'test/cmdline_test.py': cmdline, 'tox.ini': tox });
  assert.deepEqual(codes(found), ['test/cmdline_test.py:5 VG106']);
  assert.match(found[0], /tox\.ini:3 runs this file in a tox env/);
  // A runner that does not forward its arguments to pytest says nothing of the test files.
  const other = runtests.replace('pytest.main(sys.argv[1:])', 'run_everything()');
  assert.deepEqual(codes(await findings({ 'test/runtests.py': other, 'test/cmdline_test.py': cmdline, 'tox.ini': tox })), ['test/cmdline_test.py:5 VG101']);
});

test('`python3 -m bot` runs the package: its modules are started the same way (mirror-leech-telegram-bot, start.sh after activation)', async () => {
  const settings = ['import subprocess', '', 'def restart_web():', '    subprocess.run("gunicorn web.wserver:app", shell=True)', ''].join('\n');
  const files = { 'bot/__init__.py': '', 'bot/__main__.py': 'from bot.modules import settings\n', 'bot/modules/__init__.py': '', 'bot/modules/settings.py': settings };
  const start = 'source mltbenv/bin/activate\npython3 -m bot\n';
  const found = await findings({ ...files, 'start.sh': `#!/bin/bash\n${start}` });
  assert.deepEqual(codes(found), ['bot/modules/settings.py:4 VG106']);
  assert.match(found[0], /start\.sh:3 runs this file/);
  // A module (not a package) run with -m is only that file.
  assert.deepEqual(codes(await findings({ ...files, 'start.sh': '#!/bin/bash\nsource mltbenv/bin/activate\npython3 -m bot.other\n', 'bot/other.py': '' })), ['bot/modules/settings.py:4 VG103']);
});

test("a CI step's bare pytest collects the tests of the checkout's root, not of the workflow's folder (crewai's `uv run pytest --splits 8 --group N`)", async () => {
  const test_ = ['import subprocess', '', 'def test_server():', '    subprocess.Popen(["python", "-c", "import server"])', ''].join('\n');
  const wf = (run: string) => ['on: push', 'jobs:', '  t:', '    runs-on: ubuntu-latest', '    steps:', `      - run: ${run}`, ''].join('\n');
  for (const run of ['pytest', 'uv run pytest -vv --splits 8 --group 3 --maxfail=3']) {
    const found = await findings({ 'tests/test_server.py': test_, '.github/workflows/t.yml': wf(run) });
    assert.deepEqual(codes(found), ['tests/test_server.py:4 VG106'], run);
  }
  // A GitLab job the same; a Makefile's recipe runs in the Makefile's own folder.
  assert.deepEqual(codes(await findings({ 'tests/test_server.py': test_, '.gitlab-ci.yml': 'test:\n  script:\n    - pytest\n' })), ['tests/test_server.py:4 VG106']);
  assert.deepEqual(codes(await findings({ 'tests/test_server.py': test_, 'docs/Makefile': 'test:\n\tpytest\n' })), ['tests/test_server.py:4 VG101']);
});

test("a CI step's own folder counts: `cd cpython && python ../release.py` runs the root's release.py (release-tools' build-release.yml)", async () => {
  const wf = (run: string) => ['on: push', 'jobs:', '  b:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/setup-python@v5', `      - run: ${run}`, ''].join('\n');
  const files = { 'release.py': RELEASE_PY.replace('main()\n', 'main()\n'), 'cpython/README': '' };
  const found = await findings({ ...files, '.github/workflows/b.yml': wf('cd cpython && python ../release.py --export') });
  assert.deepEqual(codes(found), ['release.py:4 VG106']);
  // working-directory: the same.
  assert.deepEqual(codes(await findings({ ...files, '.github/workflows/b.yml': wf('python ../release.py').replace('      - run:', '      - working-directory: cpython\n        run:') })), ['release.py:4 VG106']);
  // From the root, ../release.py is outside the repository: nothing starts release.py.
  assert.deepEqual(codes(await findings({ ...files, '.github/workflows/b.yml': wf('python ../release.py') })), ['release.py:4 VG103']);
});

test("a test run started in a container by `docker run` runs there on the image's PATH (kaggle-docker-python's `test`: `/bin/bash -c \"python -m unittest discover -s /input/tests\"`)", async () => {
  const test_ = ['import subprocess', 'import unittest', '', 'class TestPytest(unittest.TestCase):', '    def test_run(self):', '        subprocess.run(["pytest", "/input/tests/test_pandas.py"], check=True)', ''].join('\n');
  const script = (run: string) => `#!/bin/bash\nset -e\nIMAGE_TAG=kaggle/python-build\ndocker run --rm -t --read-only --net=none \\\n    -e HOME=/tmp \\\n    ${run}\n`;
  const files = { 'tests/test_pytest.py': test_, 'tests/test_pandas.py': 'import pandas\n' };
  const found = await findings({ ...files, test: script('-v $PWD:/input:ro -w=/working "$IMAGE_TAG" /bin/bash -c "python -m unittest discover -s /input/tests -v"') });
  assert.deepEqual(codes(found), ['tests/test_pytest.py:6 VG106']);
  assert.match(found[0], /because test:4 runs this file in a container \(`docker run`\), as "python" from PATH/);
  // The tests' folder mounted on its own (`$(pwd)` is the script's folder too), pytest by name in exec form.
  assert.deepEqual(codes(await findings({ ...files, test: script('-v "$(pwd)/tests:/t" -w /t "$IMAGE_TAG" pytest /t') })), ['tests/test_pytest.py:6 VG106']);
  // The twin: the image's venv interpreter by its path, without that venv on PATH, is the escape.
  const byPath = await findings({ ...files, test: script('-v $PWD:/input:ro "$IMAGE_TAG" /bin/bash -c "/opt/venv/bin/python -m unittest discover -s /input/tests"') });
  assert.deepEqual(codes(byPath), ['tests/test_pytest.py:6 VG103']);
  assert.match(byPath[0], /test:4 runs this file in a container \(`docker run`\), as "\/opt\/venv\/bin\/python" without that venv on PATH/);
  // Another program in the container (not one of the project's files run by PATH's interpreter) starts nothing known.
  assert.deepEqual(codes(await findings({ ...files, test: script('"$IMAGE_TAG" jupyter notebook --ip="*"') })), ['tests/test_pytest.py:6 VG103']);
});

test("a bare pytest in a script that never changes folder collects the caller's tests: the project's root (rl-baselines3-zoo's `make pytest` → scripts/run_tests.sh)", async () => {
  const test_ = ['import subprocess', '', 'def test_train():', '    subprocess.run(["python", "train.py", "--algo", "ppo"], check=True)', ''].join('\n');
  const files = { 'tests/test_train.py': test_, 'train.py': 'import gymnasium\n' };
  const script = (body: string) => `#!/bin/bash\n${body}\n`;
  const found = await findings({ ...files, 'scripts/run_tests.sh': script('python -m pytest --cov-config .coveragerc --cov=. -v -m "not slow" --color=yes') });
  assert.deepEqual(codes(found), ['tests/test_train.py:4 VG106']);
  assert.match(found[0], /scripts\/run_tests\.sh:2 runs this file as "python" from PATH/);
  // The twin: a script that moves to a folder of its own first collects that folder's tests only.
  assert.deepEqual(codes(await findings({ ...files, 'scripts/run_tests.sh': script('cd docs\npython -m pytest -v'), 'docs/conf.py': '' })), ['tests/test_train.py:4 VG101']);
});

test("git runs a hook kept in the repository by its shebang: `#!/usr/bin/env python` finds its interpreter on PATH (ploomber's .githooks/pre-push)", async () => {
  const hook = ['#!/usr/bin/env python', 'import subprocess', '', 'subprocess.run(["flake8", "src"], check=True)', ''].join('\n');
  const found = await findings({ '.githooks/pre-push': hook });
  assert.deepEqual(codes(found), ['.githooks/pre-push:4 VG106']);
  assert.match(found[0], /git runs this file as its pre-push hook, by its shebang, as "python" from PATH/);
  // The twins: a venv's interpreter in the shebang, and a file that is no hook (its name), stay shown.
  assert.deepEqual(codes(await findings({ '.githooks/pre-push': hook.replace('/usr/bin/env python', '/opt/venv/bin/python') })), ['.githooks/pre-push:4 VG103']);
  assert.deepEqual(codes(await findings({ '.githooks/lint': hook })), ['.githooks/lint:4 VG103']);
  // Outside a hooks folder, a file named as a hook is one a developer links into .git/hooks
  // (unknown-horizons' development/pre-commit); not `update`, which many other files are called.
  assert.deepEqual(codes(await findings({ 'development/pre-commit': hook.replace('python', 'python3') })), ['development/pre-commit:4 VG106']);
  assert.deepEqual(codes(await findings({ 'development/update': hook })), ['development/update:4 VG103']);
  assert.deepEqual(codes(await findings({ '.githooks/update': hook })), ['.githooks/update:4 VG106']);
});

test("a composite action's step runs a file of its own folder: `python \"${{ github.action_path }}/action.py\"` after its setup (gh-action-pip-audit)", async () => {
  const actionPy = ['import subprocess', '', 'subprocess.run(["python", "-m", "pip_audit"], check=True)', ''].join('\n');
  const yml = (run: string) => ['name: audit', 'runs:', '  using: composite', '  steps:', '    - shell: bash', '      run: |', `        ${run}`, ''].join('\n');
  const found = await findings({ 'action.py': actionPy, 'action.yml': yml('python "${{ github.action_path }}/action.py"') });
  assert.deepEqual(codes(found), ['action.py:3 VG106']);
  assert.match(found[0], /action\.yml:6 runs this file as "python" from PATH/);
  // `$GITHUB_ACTION_PATH`, and an action in a folder of its own (`.github/actions/audit/`).
  assert.deepEqual(codes(await findings({ 'action.py': actionPy, 'action.yml': yml('python "$GITHUB_ACTION_PATH/action.py"') })), ['action.py:3 VG106']);
  assert.deepEqual(codes(await findings({ '.github/actions/audit/action.py': actionPy, '.github/actions/audit/action.yml': yml('python "${{ github.action_path }}/action.py"') })), ['.github/actions/audit/action.py:3 VG106']);
  // The twin: the step runs another file of the action's folder.
  assert.deepEqual(codes(await findings({ 'action.py': actionPy, 'action.yml': yml('python "${{ github.action_path }}/other.py"') })), ['action.py:3 VG101']);
  // The step changes into the action's folder first: a relative path is then beside its action.yml, not at the checkout's root.
  const inFolder = { '.github/actions/audit/action.py': actionPy, '.github/actions/audit/action.yml': yml('cd "$GITHUB_ACTION_PATH" && python action.py') };
  assert.deepEqual(codes(await findings(inFolder)), ['.github/actions/audit/action.py:3 VG106']);
  assert.deepEqual(codes(await findings({ ...inFolder, '.github/actions/audit/action.yml': yml('cd "${{ github.action_path }}" && python action.py') })), ['.github/actions/audit/action.py:3 VG106']);
  // …and a file of that name at the root is not the one it runs.
  assert.deepEqual(codes(await findings({ 'action.py': actionPy, '.github/actions/audit/action.yml': yml('cd "$GITHUB_ACTION_PATH" && python action.py') })), ['action.py:3 VG101']);
});

test("a runner named by its path runs the file in its environment too (myoboku's unit: `ExecStart=/home/pi/.local/bin/poetry run scripts/run.py`)", async () => {
  const run = ['import subprocess', '', 'if __name__ == "__main__":', '    subprocess.run(["python", "app/manage.py", "migrate"])', ''].join('\n');
  const unit = (exec: string) => ['[Service]', 'WorkingDirectory=/srv/myoboku', `ExecStart=${exec}`, ''].join('\n');
  const found = await findings({ 'scripts/run.py': run, 'myoboku.service': unit('/home/pi/.local/bin/poetry run scripts/run.py') });
  assert.deepEqual(codes(found), ['scripts/run.py:4 VG106']);
  assert.match(found[0], /myoboku\.service:3 runs this file with "poetry run"/);
  // The twin: a program by its path that is no runner (a venv's interpreter, PATH untouched) is the escape, named.
  const byPath = await findings({ 'scripts/run.py': run, 'myoboku.service': unit('/srv/myoboku/.venv/bin/python scripts/run.py') });
  assert.deepEqual(codes(byPath), ['scripts/run.py:4 VG101']);
});

test('a script that starts the file in a GNU screen session, after activating the venv inside it, runs it on PATH (Internet-Speed-Logger-Dashboard-For-Pi\'s run_in_screen.sh)', async () => {
  const logger = ['import subprocess', '', 'subprocess.run(["pip", "install", "speedtest-cli"])', ''].join('\n');
  const runner = (inner: string) => ['#!/bin/bash', 'python3 -m venv venv', 'venv/bin/pip install -r requirements.txt', `screen -dmS speed_logger bash -c "`, ...inner.split('\n').map((l) => `    ${l}`), '"', ''].join('\n');
  const found = await findings({ 'logger.py': logger, 'run_in_screen.sh': runner('source venv/bin/activate\npython logger.py') });
  assert.deepEqual(codes(found), ['logger.py:3 VG106']);
  assert.match(found[0], /run_in_screen\.sh:6 runs this file as "python" from PATH/);
  // The twins: without the activation the command inside the session is the script's own escape,
  // and the session started by the venv's interpreter by path leaves the file's finding shown.
  assert.deepEqual(codes(await findings({ 'logger.py': logger, 'run_in_screen.sh': runner('python logger.py') })), ['logger.py:3 VG106', 'run_in_screen.sh:5 VG201']);
  assert.deepEqual(codes(await findings({ 'logger.py': logger, 'run_in_screen.sh': runner('venv/bin/python logger.py') })), ['logger.py:3 VG102']);
});

test('a script that starts the file in a tmux session, after activating the venv inside it, runs it on PATH (StackStorm\'s launchdev.sh)', async () => {
  const api = ['import subprocess', '', 'subprocess.run(["pip", "freeze"])', ''].join('\n');
  const launch = (cmd: string) => ['#!/bin/bash', 'VIRTUALENV=virtualenv', 'python3 -m venv $VIRTUALENV', `PRE_SCRIPT="source \${VIRTUALENV}/bin/activate"`, `tmux new-session -d -s st2-api ${cmd}`, ''].join('\n');
  const found = await findings({ 'st2api/app.py': api, 'tools/launchdev.sh': launch('"${PRE_SCRIPT}; python ./st2api/app.py 2>&1 | tee -a api.log"') });
  assert.deepEqual(codes(found), ['st2api/app.py:3 VG106']);
  assert.match(found[0], /launchdev\.sh:5 runs this file as "python" from PATH/);
  // The twins: the program and its arguments as words of their own (tmux runs them without a
  // shell: no activation), and the venv's interpreter by path with nothing activated.
  assert.deepEqual(codes(await findings({ 'st2api/app.py': api, 'tools/launchdev.sh': launch('virtualenv/bin/python ./st2api/app.py') })), ['st2api/app.py:3 VG102']);
  assert.deepEqual(codes(await findings({ 'st2api/app.py': api, 'tools/launchdev.sh': launch('"virtualenv/bin/python ./st2api/app.py"') })), ['st2api/app.py:3 VG102']);
});

test("a step's `if: matrix.KEY == 'value'` pins `${{ matrix.KEY }}` in its working-directory and script (prefect's prefect-ray step: `uv run pytest tests`)", async () => {
  const testPy = ['import subprocess', '', 'def test_cli():', '    subprocess.run(["ray", "start", "--head"], check=True)', ''].join('\n');
  const workflow = (cond: string, wd = 'src/integrations/${{ matrix.package }}') =>
    ['on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    strategy:', '      matrix: ${{ fromJson(needs.prepare.outputs.matrix) }}', '    steps:', '      - uses: actions/checkout@v4', '      - name: tests', `        if: ${cond}`, `        working-directory: ${wd}`, '        run: uv run pytest tests', ''].join('\n');
  const files = (cond: string, wd?: string) => ({
    'src/integrations/prefect-ray/pyproject.toml': '[project]\nname = "prefect-ray"\ndependencies = ["ray"]\n',
    'src/integrations/prefect-ray/tests/test_cli.py': testPy,
    '.github/workflows/tests.yml': workflow(cond, wd),
  });
  const found = await findings(files("matrix.package == 'prefect-ray'"));
  assert.deepEqual(codes(found), ['src/integrations/prefect-ray/tests/test_cli.py:4 VG106']);
  assert.match(found[0], /tests\.yml:12 runs this file/);
  // Written inside ${{ }}, reversed, and with another term joined by &&.
  assert.deepEqual(codes(await findings(files("${{ 'prefect-ray' == matrix.package && matrix.python-version == '3.12' }}"))), ['src/integrations/prefect-ray/tests/test_cli.py:4 VG106']);
  // The twins: another value, a condition with || (the step runs for other packages too), and no condition.
  for (const cond of ["matrix.package == 'prefect-dask'", "matrix.package == 'prefect-ray' || matrix.package == 'prefect-dask'", 'always()']) {
    assert.deepEqual(codes(await findings(files(cond))), ['src/integrations/prefect-ray/tests/test_cli.py:4 VG103'], cond);
  }
});

test('an application server imports the module its MODULE:APP word names: its start is the module\'s (misp-modules\' website unit: `poetry run gunicorn … "main:app"`)', async () => {
  const main = ['import subprocess', '', 'def db(cmd):', '    subprocess.run(["flask", "db", cmd])', ''].join('\n');
  const unit = (exec: string, dir = '/home/misp/misp-modules/website') => ['[Service]', `WorkingDirectory=${dir}`, `ExecStart=${exec}`, ''].join('\n');
  const files = (exec: string, dir?: string) => ({ 'website/main.py': main, 'website/pyproject.toml': '[project]\nname = "web"\ndependencies = ["flask"]\n', 'etc/web.service': unit(exec, dir) });
  const held = await findings(files('/home/misp/.local/bin/poetry run gunicorn --workers 4 --bind ${FLASK_URL}:${FLASK_PORT} "main:app"'));
  assert.deepEqual(codes(held), ['website/main.py:4 VG106']);
  assert.match(held[0], /etc\/web\.service:3 runs this file with "poetry run"/);
  // By the venv's own server, without that venv on PATH: the escape, named in the finding.
  const shown = await findings(files('/home/misp/venv/bin/gunicorn "main:app"'));
  assert.deepEqual(codes(shown), ['website/main.py:4 VG103']);
  assert.match(shown[0], /runs this file as "\/home\/misp\/venv\/bin\/gunicorn" without that venv on PATH/);
  // uvicorn's --app-dir, a package's module, and a factory call.
  assert.deepEqual(codes(await findings({ ...files('uv run uvicorn --app-dir website main:app', '/srv'), 'etc/web.service': unit('/srv/.local/bin/uv run uvicorn --app-dir website main:app', '/srv') })), ['website/main.py:4 VG106']);
  // The twins: another module, and a word that is no app reference (a --bind address).
  assert.deepEqual(codes(await findings(files('/home/misp/.local/bin/poetry run gunicorn "other:app"'))), ['website/main.py:4 VG103']);
  assert.deepEqual(codes(await findings(files('/home/misp/.local/bin/poetry run gunicorn --bind 0.0.0.0:8000'))), ['website/main.py:4 VG103']);
});

test("a unit's absolute WorkingDirectory is found by its longest tail under the project (`WorkingDirectory=/srv/app/worker`, `ExecStart=/srv/venv/bin/python run.py`)", async () => {
  const run = ['import subprocess', '', 'subprocess.run(["pip", "install", "-r", "requirements.txt"])', ''].join('\n');
  const unit = (dir: string) => ['[Service]', `WorkingDirectory=${dir}`, 'ExecStart=/srv/venv/bin/python run.py', ''].join('\n');
  const shown = await findings({ 'worker/run.py': run, 'deploy/app.service': unit('/srv/app/worker') });
  assert.deepEqual(codes(shown), ['worker/run.py:3 VG102']);
  assert.match(shown[0], /deploy\/app\.service:3 runs this file as "\/srv\/venv\/bin\/python" without that venv on PATH/);
  // The twin: a folder the project does not have names no start.
  const other = await findings({ 'worker/run.py': run, 'deploy/app.service': unit('/srv/app/elsewhere') });
  assert.deepEqual(codes(other), ['worker/run.py:3 VG102']);
  assert.doesNotMatch(other[0], /runs this file/);
});

test("manage.py NAME runs the app's management command NAME: its start is the command's (oncall: `$(call backend_command,python manage.py start_celery)`, a template that activates the venv)", async () => {
  const command = ['import subprocess', '', 'def restart():', '    subprocess.call(["celery", "-A", "engine", "worker"])', ''].join('\n');
  const makefile = (template: string, cmd = 'python manage.py start_celery') =>
    `VENV_DIR = ./venv\n\ndefine backend_command\n\t${template}\n\tcd engine && \\\n\t$(1)\nendef\n\nbootstrap:\n\tpython3.12 -m venv $(VENV_DIR)\n\nrun-celery:\n\t$(call backend_command,${cmd})\n`;
  const files = (template: string, cmd?: string) => ({
    Makefile: makefile(template, cmd),
    'engine/manage.py': 'import sys\n',
    'engine/engine/__init__.py': '',
    'engine/engine/management/__init__.py': '',
    'engine/engine/management/commands/__init__.py': '',
    'engine/engine/management/commands/start_celery.py': command,
    'engine/requirements.txt': 'celery\n',
  });
  const held = await findings(files('. $(VENV_DIR)/bin/activate && \\'));
  assert.deepEqual(codes(held), ['engine/engine/management/commands/start_celery.py:4 VG106']);
  assert.match(held[0], /Makefile:13 runs this file as "python" from PATH/);
  // The venv's python by its path in a template that does not activate: the escape, named in the finding.
  const shown = await findings(files('export BROKER=redis && \\', '../venv/bin/python manage.py start_celery'));
  assert.deepEqual(codes(shown), ['engine/engine/management/commands/start_celery.py:4 VG103']);
  assert.match(shown[0], /runs this file as "\.\.\/venv\/bin\/python" without that venv on PATH/);
  // The twins: another command, and manage.py's options before any command.
  assert.deepEqual(codes(await findings(files('. $(VENV_DIR)/bin/activate && \\', 'python manage.py migrate'))), ['engine/engine/management/commands/start_celery.py:4 VG103']);
  assert.deepEqual(codes(await findings(files('. $(VENV_DIR)/bin/activate && \\', 'python manage.py --help'))), ['engine/engine/management/commands/start_celery.py:4 VG103']);
});

test("a Poetry script whose module is a top-level file the package does not hold is a development task `poetry run` starts (finance-sim's `test = \"scripts:runTests\"`)", async () => {
  const tasks = ['import subprocess', '', 'def runTests():', '    subprocess.run("pytest test/*.py", shell=True, check=True)', ''].join('\n');
  const pyproject = (scripts: string, extra = '') => `[tool.poetry]\nname = "finance-sim"\nversion = "0.1.0"\n${extra}\n[tool.poetry.dependencies]\npython = "^3.11"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8.0"\n\n[tool.poetry.scripts]\n${scripts}\n`;
  const held = await findings({ 'scripts.py': tasks, 'pyproject.toml': pyproject('test = "scripts:runTests"'), 'finance_sim/__init__.py': '' });
  assert.deepEqual(codes(held), ['scripts.py:4 VG106']);
  assert.match(held[0], /pyproject\.toml:12 runs this file as a Poetry script \(`poetry run`\), with its environment first on PATH/);
  // The twins: the module is the package's own (a real command, which its users also run by path),
  // the package includes the file, and no script names it.
  const cli = await findings({ 'finance_sim/__init__.py': '', 'finance_sim/cli.py': tasks, 'pyproject.toml': pyproject('test = "finance_sim.cli:runTests"') });
  assert.deepEqual(codes(cli), ['finance_sim/cli.py:4 VG103']);
  const packaged = await findings({ 'scripts.py': tasks, 'pyproject.toml': pyproject('test = "scripts:runTests"', 'packages = [{ include = "scripts.py" }]'), 'finance_sim/__init__.py': '' });
  assert.deepEqual(codes(packaged), ['scripts.py:4 VG103']);
  assert.deepEqual(codes(await findings({ 'scripts.py': tasks, 'pyproject.toml': pyproject('other = "tools:main"'), 'finance_sim/__init__.py': '' })), ['scripts.py:4 VG103']);
  // A module of a folder beside the pyproject (toolfuse's `lint = "scripts.lint:main"`), and its twin in the package.
  const dotted = await findings({ 'scripts/__init__.py': '', 'scripts/lint.py': tasks, 'pyproject.toml': pyproject('lint = "scripts.lint:runTests"'), 'finance_sim/__init__.py': '' });
  assert.deepEqual(codes(dotted), ['scripts/lint.py:4 VG106']);
  assert.deepEqual(codes(await findings({ 'finance_sim/__init__.py': '', 'finance_sim/tools/__init__.py': '', 'finance_sim/tools/lint.py': tasks, 'pyproject.toml': pyproject('lint = "finance_sim.tools.lint:runTests"') })), ['finance_sim/tools/lint.py:4 VG103']);
  // Poetry 2: the project's name in [project] names its single-module package.
  const single = '[project]\nname = "scripts"\nversion = "0.1.0"\n\n[tool.poetry.scripts]\ntest = "scripts:runTests"\n';
  assert.deepEqual(codes(await findings({ 'scripts.py': tasks, 'pyproject.toml': single })), ['scripts.py:4 VG103']);
});

test("a module that is no program of its own runs in its importers' processes: started on PATH by them, its findings are held (apm-integration-testing's scripts/modules/cli.py)", async () => {
  const cli = ['import subprocess', '', '', 'class LocalSetup:', '    def up(self):', '        subprocess.call(["docker-compose", "up", "-d"])', ''].join('\n');
  const compose = ['import sys', '', 'from modules.cli import LocalSetup', '', 'LocalSetup().up()', ''].join('\n');
  const makefile = ['VENV ?= ./venv', 'PYTHON ?= python3', 'export PATH := $(abspath $(VENV))/bin:$(PATH)', '', 'venv:', '\tpython3 -m venv $(VENV)', '', 'start: venv', '\t$(PYTHON) scripts/compose.py start', ''].join('\n');
  const files = { 'requirements.txt': 'docker-compose==1.29.2\n', 'scripts/modules/__init__.py': '', 'scripts/modules/cli.py': cli, 'scripts/compose.py': compose, Makefile: makefile };
  const held = await findings(files);
  assert.deepEqual(codes(held), ['scripts/modules/cli.py:6 VG106']);
  assert.match(held[0], /because this file is imported only by scripts\/compose\.py; Makefile:9 runs scripts\/compose\.py as "python3" from PATH/);
  // Twins, each reported: the module is a program too (a `__main__` test), an importer nothing is
  // known to start, and no starter of the importer at all.
  const reported = 'scripts/modules/cli.py:6 VG103';
  assert.deepEqual(codes(await findings({ ...files, 'scripts/modules/cli.py': `${cli}\nif __name__ == "__main__":\n    LocalSetup().up()\n` })), [reported]);
  assert.deepEqual(codes(await findings({ ...files, 'tools/other.py': 'from scripts.modules.cli import LocalSetup\nLocalSetup().up()\n' })), [reported]);
  assert.deepEqual(codes(await findings({ ...files, Makefile: 'start:\n\t./venv/bin/python scripts/compose.py start\n' })), [reported]);
  // The module is a console script's entry point too: its installed script runs it by the venv's path.
  assert.deepEqual(codes(await findings({ ...files, 'pyproject.toml': '[project]\nname = "apm"\n\n[project.scripts]\napm-compose = "scripts.modules.cli:main"\n' })), [reported]);
  // Tests import the code they test; they are not its users (python-lsp-server's flake8 plugin,
  // loaded through its entry point, imported only by its test that CI runs with pytest).
  const plugin = { 'requirements.txt': 'docker-compose==1.29.2\n', 'scripts/modules/__init__.py': '', 'scripts/modules/cli.py': cli, 'tests/test_cli.py': 'from scripts.modules.cli import LocalSetup\n\n\ndef test_up():\n    LocalSetup()\n', Makefile: 'test:\n\tpytest tests\n' };
  assert.deepEqual(codes(await findings(plugin)), [reported]);
  // With a user besides the test, the user's starter decides.
  assert.deepEqual(codes(await findings({ ...plugin, 'scripts/compose.py': compose, Makefile: `${makefile}\ntest:\n\tpytest tests\n` })), ['scripts/modules/cli.py:6 VG106']);
});

test("global options before `run` (`poetry -n --no-ansi run py.test …`, irrd's CircleCI command) still start the file in the runner's environment", async () => {
  const runPy = ['import subprocess', '', '', 'def test_daemon():', '    subprocess.Popen(["twistd", "--nodaemon"])', ''].join('\n');
  const config = (cmd: string) => ['version: 2.1', 'commands:', '  run_integration_tests:', '    steps:', `      - run: ${cmd}`, 'jobs:', '  integration:', '    docker: [{image: cimg/python:3.11}]', '    steps:', '      - checkout', '      - run_integration_tests', ''].join('\n');
  const files = (cmd: string) => ({ 'pyproject.toml': '[tool.poetry.dependencies]\ntwisted = "*"\n', 'irrd/integration_tests/run.py': runPy, '.circleci/config.yml': config(cmd) });
  const held = await findings(files('poetry -n --no-ansi run py.test irrd/integration_tests/run.py -s'));
  assert.deepEqual(codes(held), ['irrd/integration_tests/run.py:5 VG106']);
  assert.match(held[0], /\.circleci\/config\.yml:5 runs this file with "poetry run"/);
  assert.deepEqual(codes(await findings(files('uv --directory . run pytest irrd/integration_tests/run.py'))), ['irrd/integration_tests/run.py:5 VG106']);
  // The twin: poetry's other commands are no runner.
  assert.deepEqual(codes(await findings(files('poetry -n install && .venv/bin/py.test irrd/integration_tests/run.py'))), ['irrd/integration_tests/run.py:5 VG103']);
});

test("a Windows job's PowerShell step that runs the script by PATH's python holds its findings (zivid-python's CI)", async () => {
  const script = ['import subprocess', '', 'def main():', '    subprocess.check_call(["python", "-m", "pip", "install", "dist/x.whl"])', '', 'main()', ''].join('\n');
  const workflow = (runsOn: string, extra = '') =>
    ['on: push', 'jobs:', '  wheels:', `    runs-on: ${runsOn}`, '    steps:', '      - uses: actions/setup-python@v5', '      - name: Install', extra, '        run: python continuous-integration\\windows\\install.py', ''].filter((l) => l !== '').join('\n');
  const files = (wf: string) => ({ 'continuous-integration/windows/install.py': script, '.github/workflows/main.yml': wf });
  const held = await findings(files(workflow('windows-2022')));
  assert.deepEqual(codes(held), ['continuous-integration/windows/install.py:4 VG106']);
  assert.match(held[0], /\.github\/workflows\/main\.yml:8 runs this file/);
  // The same step in cmd, and in PowerShell named.
  assert.deepEqual(codes(await findings(files(workflow('windows-latest', '        shell: cmd')))), ['continuous-integration/windows/install.py:4 VG106']);
  // Twins: a Linux job's bash reads `\w` as `w` (no such file), and a runner chosen by an expression is not known to be Windows.
  assert.deepEqual(codes(await findings(files(workflow('ubuntu-latest')))), ['continuous-integration/windows/install.py:4 VG102']);
  assert.deepEqual(codes(await findings(files(workflow('${{ matrix.os }}')))), ['continuous-integration/windows/install.py:4 VG102']);
  // A line PowerShell computes is not read as words.
  const computed = workflow('windows-2022').replace('run: python', 'run: python $(Get-Location)\\');
  assert.deepEqual(codes(await findings(files(computed))), ['continuous-integration/windows/install.py:4 VG102']);
});

test("a Poe the Poet task of a Poetry or uv project starts the file with the project's environment first on PATH", async () => {
  const pyproject = (extra: string) => ['[tool.poetry]', 'name = "x"', 'version = "0.1.0"', '', extra, ''].join('\n');
  const byScript = await findings({ 'tasks/release.py': RELEASE_PY, 'tasks/__init__.py': '', 'pyproject.toml': pyproject('[tool.poe.tasks]\nrelease = { script = "tasks.release:main" }') });
  assert.deepEqual(codes(byScript), [RELEASE_HELD]);
  assert.match(byScript[0], /pyproject\.toml:6 runs this file as a Poe the Poet task/);
  // A cmd task, a shell task's line, and uv's project (no [tool.poetry]; a uv.lock beside it).
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': pyproject('[tool.poe.tasks]\nrelease = "python tasks/release.py"') })), [RELEASE_HELD]);
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': pyproject('[tool.poe.tasks.release]\nshell = """\necho releasing\npython tasks/release.py\n"""') })), [RELEASE_HELD]);
  const uv = ['[project]', 'name = "x"', '', '[tool.poe.tasks]', 'release = "python tasks/release.py"', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': uv, 'uv.lock': 'version = 1\n' })), [RELEASE_HELD]);
  // Python Fire given the module (cc-poetry-minimal's `coverage = { cmd = "python -m fire poe_scripts coverage" }`), under the virtualenv executor.
  const fire = pyproject('[tool.poe.executor]\ntype = "virtualenv"\n\n[tool.poe.tasks]\nrelease = { cmd = "python -m fire tasks.release main" }');
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': fire })), [RELEASE_HELD]);
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': fire.replace('tasks.release main', 'tasks.other main') })), [RELEASE_FINDING]);
  // Twins: the simple executor runs on the caller's PATH; a project poe's `auto` would not give an environment to.
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': pyproject('[tool.poe.executor]\ntype = "simple"\n\n[tool.poe.tasks]\nrelease = "python tasks/release.py"') })), [RELEASE_FINDING]);
  assert.deepEqual(codes(await findings({ 'tasks/release.py': RELEASE_PY, 'pyproject.toml': uv })), [RELEASE_FINDING]);
});

test('repo2docker runs binder/postBuild with the environment it built first on PATH (jupyterlab-code-formatter)', async () => {
  const postBuild = ['#!/usr/bin/env python3', 'import subprocess', '', 'def _(*args):', '    return subprocess.check_call(args)', '', '_("jupyter", "labextension", "list")', ''].join('\n');
  const held = await findings({ 'binder/postBuild': postBuild, 'binder/environment.yml': 'dependencies: [python]\n' });
  assert.deepEqual(codes(held), ['binder/postBuild:7 VG106']);
  assert.match(held[0], /repo2docker \(Binder\) runs this file as its postBuild script/);
  // At the root when there is no binder folder; elsewhere it is no repo2docker script.
  assert.deepEqual(codes(await findings({ postBuild, 'environment.yml': 'dependencies: [python]\n' })), ['postBuild:7 VG106']);
  assert.deepEqual(codes(await findings({ 'scripts/postBuild': postBuild })), ['scripts/postBuild:7 VG103']);
  // sys.executable beside the name in the same scope still shows it, starters or not (yt-dlp's and
  // psychopy's test runners, run by CI on PATH, were reviewed true: developers run them by a venv's path too).
  const mixed = postBuild.replace('import subprocess', 'import subprocess\nimport sys').replace('_("jupyter"', '_(sys.executable, "-m", "jupyter", "server", "extension", "enable", "x")\n_("jupyter"');
  assert.deepEqual(codes(await findings({ 'binder/postBuild': mixed, 'binder/environment.yml': 'dependencies: [python]\n' })), ['binder/postBuild:9 VG103']);
});
