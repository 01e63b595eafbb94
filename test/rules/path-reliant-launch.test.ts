/**
 * The default policy for Python findings (src/judge/policy.ts, issue 15): each signal that holds a
 * finding back from VG101–VG103 (and shows it under the opt-in VG106), with the true escape next to
 * it that the signal must not hold back. Cases are shaped after the unseen3 review (corpus/README.md).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';
import { loadConfig } from '../../src/pipeline/config.js';
import { buildSettings } from '../../src/pipeline/context.js';
import { bareConsoleScript } from '../../src/rules/bare-console-script.js';
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { pathReliantLaunch } from '../../src/rules/path-reliant-launch.js';
import { testRule } from '../rule-tester.js';

// path-set — hatch's downstream integration test: PATH set to a venv just made, through a
// dictionary handed to a context manager, before pip and python are looked up.
const PATH_SET = `import os
import shutil
import subprocess


def integrate(venv_dir, repo_dir, bin_dir):
    env_vars = {"PIP_CONSTRAINT": "c.txt"}
    env_vars["VIRTUAL_ENV"] = venv_dir
    env_vars["PATH"] = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    with EnvVars(env_vars):
        subprocess.check_call([shutil.which("pip"), "install", "-q", repo_dir])
        subprocess.check_call([shutil.which("python"), "-c", "import project"])
`;
// The same dictionary without PATH: nothing sets it.
const NO_PATH_SET = PATH_SET.replace('env_vars["PATH"]', 'env_vars["PYTHONPATH"]').replace(/\n.*"python".*\n/, '\n');
// Set on os.environ itself, for the rest of the function; a launch before it is not covered.
const ENVIRON_SET = `import os
import subprocess


def run(venv_bin):
    subprocess.run(["pip", "install", "-r", "requirements.txt"])
    os.environ["PATH"] = venv_bin + os.pathsep + os.environ["PATH"]
    subprocess.run(["pip", "install", "-e", "."])
`;

// openedx's util/vpc-tools/asg_lifcycle_watcher.py (reduced): the object's methods run after its
// __init__ put a folder first on PATH.
const INIT_SET = `import os
import subprocess


class LifecycleHandler:
    def __init__(self, bin_directory=None):
        if bin_directory:
            os.environ["PATH"] = bin_directory + os.pathsep + os.environ["PATH"]

    @staticmethod
    def run(command):
        subprocess.run(["pip", "install", command])
`;
const OTHER_CLASS = `

class Other:
    def run(self):
        subprocess.run(["pip", "install", "x"])


class Third:
    def setup(self, bin_dir):
        os.environ["PATH"] = bin_dir

    def run(self):
        subprocess.run(["pip", "install", "y"])
`;

// path-reliant — TorchServe's test_torch_compile.py: the test starts the server by its console
// script, so it runs only with its environment on PATH, where \`python\` is that environment's.
const RELIANT = `import subprocess

MODEL_DIR = "data"


class TestTorchCompile:
    def teardown_class(self):
        subprocess.run("torchserve --stop", shell=True, check=True)

    def test_archive_model_artifacts(self):
        subprocess.run(f"cd {MODEL_DIR} && python model.py", shell=True, check=True)
        subprocess.run(f"mkdir -p {MODEL_DIR}/store", shell=True, check=True)
`;
// Only system commands beside it (mkdir, git): nothing says the environment is on PATH.
const NOT_RELIANT = RELIANT.replace('torchserve --stop', 'git clean -fdx');

// path-chain — TorchServe's benchmarks/auto_benchmark.py: installs with PATH's pip, then runs
// PATH's python; both ends are the same environment, whichever it is.
const CHAIN = `import os


def install_torchserve(version):
    os.system(f"pip install {version}")
    os.system("python ts_scripts/install_dependencies.py --environment=dev")


def run_benchmark(config):
    os.system(f"python ./benchmarks/benchmark-ab.py --config {config}")
`;
// h2ogpt's tests/test_requirements.py: pip only, building wheels for this environment's Python.
const PIP_ONLY = `import os


def test_build_wheelhouse():
    for req in open("requirements.txt").read().split():
        os.system(f"pip wheel {req} --no-deps -w packages")
`;

// The confirming signal — TorchServe's ts_scripts/install_dependencies.py: the same function
// installs with sys.executable -m pip, then with pip3 by name; the file also starts conda and
// torchserve by name, and installs and runs from PATH elsewhere.
const MIXED = `import os
import sys


def install_torch_packages(nightly):
    if nightly:
        os.system("pip3 install numpy --pre torch --index-url https://download.pytorch.org/whl/nightly/cpu")
    else:
        os.system(f"{sys.executable} -m pip install -U -r requirements/torch_linux.txt")


def check_server():
    os.system("torchserve --version")
    os.system("conda install -y conda-build")
`;

// task-runner — pipenv's tasks/release.py: invoke tasks run towncrier, python and twine by name;
// the tasks run inside the `invoke` command, found on PATH, so they find the same PATH.
const TASKS = `from invoke import task


@task
def build_dists(ctx):
    ctx.run("python -m build")


@task(build_dists)
def upload_dists(ctx, repo="pypi"):
    ctx.run(f"twine upload --repository {repo} dist/*")
    ctx.run("pip install --upgrade towncrier")
`;
// A tasks file that makes its own venv and then runs pip by name: the venv it made is not on PATH.
const TASKS_VENV = `import os
from invoke import task


@task
def venv(c):
    if not os.path.exists("venv"):
        c.run("virtualenv venv")


@task(venv)
def install(c):
    c.run("pip install -e .[dev]")
`;
// fabric 1: every function of fabfile.py is a task, run by \`fab\`.
const FABFILE = 'from fabric.api import local\n\n\ndef test():\n    local("python -m pytest")\n';

testRule(barePip, {
  label: 'default policy',
  valid: [
    { name: 'path-set: PATH given through a dictionary to a context manager (hatch)', code: PATH_SET },
    {
      name: 'path-set: patch.dict(os.environ, {"PATH": …})',
      code: 'import os\nimport subprocess\nfrom unittest import mock\n\n\ndef test_install(venv_bin):\n    with mock.patch.dict(os.environ, {"PATH": venv_bin}):\n        subprocess.run(["pip", "install", "."])\n',
    },
    { name: 'path-chain: install with PATH pip, run with PATH python (auto_benchmark)', code: CHAIN },
    { name: 'task-runner: pip in an invoke task (pipenv tasks/release.py)', code: TASKS },
    { name: "path-set: PATH set in __init__ holds for the class's methods (openedx asg_lifcycle_watcher.py)", code: INIT_SET },
  ],
  invalid: [
    { name: 'task-runner: not when the tasks file makes its own venv', code: TASKS_VENV, errors: [{ line: 13, messageId: 'barePip' }] },
    {
      name: 'task-runner: not for c.sudo, which looks the program up on sudo\'s secure_path',
      code: 'from invoke import task\n\n\n@task\ndef setup(c):\n    c.sudo("pip install .")\n',
      errors: [{ line: 6, messageId: 'barePip' }],
    },
    { name: 'no PATH key in the dictionary', code: NO_PATH_SET, errors: [{ line: 11, messageId: 'barePip' }] },
    { name: 'os.environ["PATH"] = … covers only what follows it', code: ENVIRON_SET, errors: [{ line: 6, messageId: 'barePip' }] },
    {
      name: "PATH set in one class's __init__, or in another method, does not hold for another class or method",
      code: INIT_SET + OTHER_CLASS,
      errors: [{ line: 17, messageId: 'barePip' }, { line: 25, messageId: 'barePip' }],
    },
    {
      name: 'a program asked only for its version is not relied on (open-interpreter system_debug_info)',
      code: 'import subprocess\n\n\ndef get_pip_version():\n    return subprocess.check_output(["pip", "--version"]).decode().split()[1]\n\n\ndef get_oi_version():\n    return subprocess.check_output(["interpreter", "--version"], text=True)\n',
      errors: [{ line: 5, messageId: 'barePip' }],
    },
    { name: 'pip alone is no chain (h2ogpt test_requirements)', code: PIP_ONLY, errors: [{ line: 6, messageId: 'barePip' }] },
    {
      name: 'sys.executable in the same function confirms the escape (install_dependencies)',
      code: MIXED,
      errors: [{ line: 7, messageId: 'barePip', data: { name: 'pip3' } }],
      unsafeOutput: MIXED.replace('os.system("pip3 install', 'os.system(shlex.quote(sys.executable) + " -m pip install').replace('import os\nimport sys', 'import os\nimport shlex\nimport sys'),
    },
    {
      // The same file where the other function's torchserve is a real start (not a --version
      // probe): the file relies on its environment's PATH, and only the confirming signal keeps
      // pip3 reported.
      name: 'sys.executable in the same function confirms the escape against a path-reliant file',
      code: MIXED.replace('torchserve --version', 'torchserve --start --model-store models'),
      errors: [{ line: 7, messageId: 'barePip', data: { name: 'pip3' } }],
      unsafeOutput: MIXED.replace('torchserve --version', 'torchserve --start --model-store models').replace('os.system("pip3 install', 'os.system(shlex.quote(sys.executable) + " -m pip install').replace('import os\nimport sys', 'import os\nimport shlex\nimport sys'),
    },
    {
      name: 'a chain broken by sys.executable elsewhere in the file is no chain',
      code: CHAIN.replace('import os\n', 'import os, sys\n') + '\n\ndef version():\n    os.system(f"{sys.executable} -V")\n',
      errors: [{ line: 5 }],
    },
  ],
});

testRule(barePythonInterpreter, {
  label: 'default policy',
  valid: [
    { name: 'path-reliant: the file starts torchserve by name (test_torch_compile)', code: RELIANT },
    { name: 'path-chain: every run of the chain from PATH', code: CHAIN },
    { name: 'path-set: shutil.which("python") inside the PATH it set', code: PATH_SET },
    { name: 'task-runner: python in an invoke task', code: TASKS },
    { name: 'task-runner: fabric 1 fabfile (every function a task of fab)', code: FABFILE, filename: 'fabfile.py' },
  ],
  invalid: [
    { name: 'system commands only (git, mkdir) say nothing of the environment', code: NOT_RELIANT, errors: [{ line: 11, messageId: 'bareInterpreter' }] },
    { name: 'fabric 1 local() in a module that is not a fabfile', code: FABFILE, filename: 'deploy_helpers.py', errors: [{ line: 5, messageId: 'bareInterpreter' }] },
    {
      name: 'a script run by hand that starts the GUI with PATH python (kohya local_train)',
      code: 'import os\n\nos.chdir("bitsandbytes")\nos.system("python setup.py install")\nos.chdir("..")\nos.system("python kohya_gui.py --headless")\n',
      errors: [{ line: 4 }, { line: 6 }],
    },
  ],
});

testRule(bareConsoleScript, {
  label: 'default policy',
  valid: [
    {
      name: 'path-reliant: a driver that also starts the project\'s own server by name',
      code: 'import subprocess\n\n\ndef serve(store):\n    subprocess.run(["torchserve", "--start", "--model-store", store])\n    subprocess.run(["gunicorn", "app:app"])\n',
    },
  ],
  invalid: [
    {
      name: 'a server started by name from package code, next to system commands only (h2ogpt server_start)',
      code: 'import subprocess\n\n\ndef run_server(port):\n    subprocess.run(["nvidia-smi"])\n    subprocess.Popen(["gunicorn", "-w", "4", "-b", f"0.0.0.0:{port}", "openai_server.server:app"])\n',
      errors: [{ line: 6, messageId: 'runModule' }],
    },
  ],
});

testRule(pathReliantLaunch, {
  valid: [
    { name: 'a confirmed escape is VG102, not VG106', code: PIP_ONLY },
    "import subprocess\nimport sys\n\nsubprocess.run([sys.executable, '-m', 'pip', 'install', 'x'])\n",
  ],
  invalid: [
    {
      name: 'path-reliant, with the program that shows it',
      code: RELIANT,
      errors: [{ line: 11, messageId: 'held', data: { tool: 'interpreter', name: 'python', reason: 'this file also starts "torchserve" by name (line 8), which only its environment on PATH provides' } }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'path-chain: every launch of the chain, none fixed',
      code: CHAIN,
      errors: [
        { line: 5, messageId: 'held', data: { tool: 'pip' } },
        { line: 6, messageId: 'held', data: { tool: 'interpreter' } },
        { line: 10, messageId: 'held', data: { tool: 'interpreter' } },
      ],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'task-runner, with the command that runs the tasks',
      code: TASKS,
      errors: [
        { line: 6, messageId: 'held', data: { tool: 'interpreter', name: 'python', reason: 'this file defines invoke tasks, which run inside "invoke" (or "inv") found on PATH, so a name they start is found on the same PATH as the task runner' } },
        { line: 11, messageId: 'held', data: { tool: 'console script', name: 'twine' } },
        { line: 12, messageId: 'held', data: { tool: 'pip' } },
      ],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'path-set',
      code: PATH_SET,
      errors: [
        { line: 11, messageId: 'held', data: { reason: 'the program sets PATH itself before this launch' } },
        { line: 12, messageId: 'held', data: { tool: 'interpreter' } },
      ],
      output: null,
      unsafeOutput: null,
    },
  ],
});

test('VG106 is opt-in: not in the default selection nor in a prefix, only by code, name, ALL or --extend-select', async () => {
  const cfg = loadConfig({ start: process.cwd(), noConfig: true });
  const codes = (cli: Parameters<typeof buildSettings>[1]) => buildSettings(cfg, cli).ruleCodes;
  assert.ok(codes({}).includes('VG101') && !codes({}).includes('VG106'));
  assert.ok(!codes({ select: ['VG1'] }).includes('VG106'));
  for (const select of [['VG106'], ['path-reliant-launch'], ['ALL']]) assert.ok(codes({ select }).includes('VG106'), select.join());
  assert.ok(codes({ extendSelect: ['VG106'] }).includes('VG106') && codes({ extendSelect: ['VG106'] }).includes('VG201'));
  // Through the public API: the default report holds the chain back entirely.
  assert.deepEqual(await checkText(CHAIN, { path: 'bench.py' }), []);
  assert.equal((await checkText(CHAIN, { path: 'bench.py', select: ['VG106'] })).length, 3);
});
