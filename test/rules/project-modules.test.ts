/**
 * Launches decided in another module of the same project (src/frontends/python/project-modules.ts):
 * a command constant one module sets and another imports, and a helper function that runs whatever
 * command it is given, called from another module. Each case is a real project folder checked
 * through the API with the default prefilter; the valid cases are the same shapes where the other
 * module makes the command safe, or changes it, or is not the project's.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { check } from '../../src/api.js';
import { writeProject } from '../helpers.js';

const project = (files: Record<string, string>): string => writeProject('vg-modules-', files);

async function findings(files: Record<string, string>, extra: { fixes?: boolean } = {}): Promise<string[]> {
  const dir = project(files);
  const r = await check({ paths: [dir], cwd: dir, jobs: 1 });
  return r.diagnostics
    .map((d) => {
      const rel = path.relative(dir, path.resolve(dir, d.path));
      const related = d.related.filter((x) => x.path).map((x) => ` <- ${path.relative(dir, path.resolve(dir, x.path!))}:${x.start.line}`).join('');
      const fix = extra.fixes && d.fix ? ` fix: ${d.fix.edits.map((e) => e.text).join(' | ')}` : '';
      return `${rel}:${d.start.line} ${d.code} ${d.data?.name ?? ''}${related}${fix}`;
    })
    .sort();
}

const SETTINGS = 'import sys\n\nPYTHON = "python3"\nPIP_INSTALL = ["pip", "install", "--quiet"]\nTEST_CMD = "pytest -x"\nSAFE_PYTHON = sys.executable\n';

test('a command constant imported from another module of the project', async (t) => {
  await t.test('relative: from .settings import PYTHON; the finding points at where it is set, and no fix rewrites it here', async () => {
    assert.deepEqual(
      await findings({ 'app/__init__.py': '', 'app/settings.py': SETTINGS, 'app/jobs.py': 'import subprocess\nfrom .settings import PYTHON\n\n\ndef nightly():\n    subprocess.run([PYTHON, "-m", "app.report"], check=True)\n' }, { fixes: true }),
      ['app/jobs.py:6 VG101 python3 <- app/settings.py:3'],
    );
  });
  await t.test('the module imported whole: from . import settings … settings.PIP_INSTALL + [...]', async () => {
    assert.deepEqual(
      await findings({ 'app/__init__.py': '', 'app/settings.py': SETTINGS, 'app/deps.py': 'import subprocess\nfrom . import settings\n\nsubprocess.check_call(settings.PIP_INSTALL + ["requests"])\n' }),
      ['app/deps.py:4 VG102 pip <- app/settings.py:4'],
    );
  });
  await t.test('absolute from the project root, a shell string: from app.settings import TEST_CMD; os.system(TEST_CMD)', async () => {
    assert.deepEqual(
      await findings({ 'app/__init__.py': '', 'app/settings.py': SETTINGS, 'scripts/ci.py': 'import os\nfrom app.settings import TEST_CMD\n\nos.system(TEST_CMD + " tests/")\n' }),
      ['scripts/ci.py:4 VG103 pytest <- app/settings.py:5'],
    );
  });
  await t.test('import pkg.mod as alias, and a name the module itself imports from a third (two modules away)', async () => {
    assert.deepEqual(
      await findings({
        'tools/__init__.py': '',
        'tools/base.py': 'PY = "python"\n',
        'tools/constants.py': 'from .base import PY\nPYTHON = PY\n',
        'run_all.py': 'import subprocess\nimport tools.constants as c\n\nsubprocess.call([c.PYTHON, "setup.py", "test"])\n',
      }),
      ['run_all.py:4 VG101 python <- tools/constants.py:2'],
    );
  });
  await t.test('the shape of a real case (metaflow, metaflow/mflog/save_logs_periodically.py:74 at the corpus commit): an argv list set in the package\'s __init__.py, imported with `from . import NAME`, run by subprocess.call and Popen', async () => {
    assert.deepEqual(
      await findings({
        'flowlib/__init__.py': '',
        'flowlib/logs/__init__.py': 'SAVE_LOGS_ARGS = ["python", "-m", "flowlib.logs.save"]\nSAVE_LOGS = " ".join(SAVE_LOGS_ARGS)\n',
        'flowlib/logs/periodic.py': 'import subprocess\n\nfrom . import SAVE_LOGS_ARGS\n\n\ndef save(debug):\n    if not debug:\n        return subprocess.call(SAVE_LOGS_ARGS)\n    return subprocess.Popen(SAVE_LOGS_ARGS, stdout=subprocess.PIPE).communicate()\n',
      }),
      ['flowlib/logs/periodic.py:8 VG101 python <- flowlib/logs/__init__.py:1', 'flowlib/logs/periodic.py:9 VG101 python <- flowlib/logs/__init__.py:1'],
    );
  });
  await t.test('a file with no tool name of its own in any string is still checked (the prefilter looks at the module)', async () => {
    assert.deepEqual(
      await findings({ 'app/__init__.py': '', 'app/settings.py': SETTINGS, 'app/x.py': 'import subprocess\nfrom app.settings import PYTHON as interpreter\n\nsubprocess.run([interpreter, __file__])\n' }),
      ['app/x.py:4 VG101 python3 <- app/settings.py:3'],
    );
  });
});

test('valid: the other module makes the command safe, or is not the project\'s', async (t) => {
  await t.test('the constant is sys.executable', async () => {
    assert.deepEqual(await findings({ 'app/__init__.py': '', 'app/settings.py': SETTINGS, 'app/jobs.py': 'import subprocess\nfrom .settings import SAFE_PYTHON\n\nsubprocess.run([SAFE_PYTHON, "-m", "pip", "list"])\n' }), []);
  });
  await t.test('a package that is not in the project (installed, unknown here)', async () => {
    assert.deepEqual(await findings({ 'jobs.py': 'import subprocess\nfrom vendor_pkg.settings import PYTHON\n\nsubprocess.run([PYTHON, "-m", "x"])\n' }), []);
  });
  await t.test('three modules away is past the budget: unknown, as a name from outside', async () => {
    assert.deepEqual(
      await findings({
        'p/__init__.py': '',
        'p/a.py': 'PY = "python"\n',
        'p/b.py': 'from .a import PY\n',
        'p/c.py': 'from .b import PY\n',
        'p/run.py': 'import subprocess\nfrom .c import PY\n\nsubprocess.run([PY, "x.py"])\n',
      }),
      [],
    );
  });
});

const UTILS = `import os
import subprocess


def run(cmd, cwd=None):
    print("+", cmd)
    return subprocess.run(cmd, shell=True, check=True, cwd=cwd)


def sh(*args):
    subprocess.check_call(args)


def output(cmd):
    return subprocess.check_output(cmd, text=True)


def call(command):
    return os.system(command)


def in_venv(cmd):
    return subprocess.run(". .venv/bin/activate && " + cmd, shell=True)


def with_path(cmd, bin_dir):
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])
    return subprocess.run(cmd, shell=True, env=env)


def uv(cmd):
    cmd = ["uv", "run", *cmd]
    return subprocess.run(cmd)
`;

test('a helper of another module that runs what it is given', async (t) => {
  await t.test('shell=True helper, *args helper, argv helper and os.system helper: reported at the call, with the helper as related location, fixed at the call', async () => {
    assert.deepEqual(
      await findings(
        {
          'rel/__init__.py': '',
          'rel/utils.py': UTILS,
          // (pip in a file of its own: one that installs with PATH's pip and runs PATH's tools is a consistent chain, held by the policy)
          'rel/deps.py': 'from .utils import run\n\nrun("pip install -r requirements.txt")\n',
          'rel/release.py': 'from .utils import run, sh, output\nfrom . import utils\n\n\ndef release():\n    run("coverage run -m unittest")\n    sh("python", "setup.py", "sdist")\n    print(output(["black", "--version"]))\n    utils.call("pytest -q")\n',
        },
        { fixes: true },
      ),
      // (The caller's first import is the package's own: `import sys` is a section of its own before it.)
      [
        'rel/deps.py:3 VG102 pip <- rel/utils.py:5 fix: shlex.quote(sys.executable) + " -m pip install -r requirements.txt" | import shlex\n | import sys\n\n',
        'rel/release.py:6 VG103 coverage <- rel/utils.py:5 fix: shlex.quote(sys.executable) + " -m coverage run -m unittest" | import shlex\n | import sys\n\n',
        'rel/release.py:7 VG101 python <- rel/utils.py:10 fix: sys.executable | import sys\n\n',
        'rel/release.py:8 VG103 black <- rel/utils.py:14 fix: sys.executable, "-m", "black" | import sys\n\n',
        'rel/release.py:9 VG103 pytest <- rel/utils.py:18 fix: shlex.quote(sys.executable) + " -m pytest -q" | import shlex\n | import sys\n\n',
      ],
    );
  });
  await t.test('valid: helpers that change the command or its PATH are no helpers; their callers are not judged by them', async () => {
    assert.deepEqual(
      await findings({
        'rel/__init__.py': '',
        'rel/utils.py': UTILS,
        'rel/other.py': 'from .utils import in_venv, with_path, uv\n\nin_venv("pytest -q")\nwith_path("pip install x", "/opt/venv/bin")\nuv(["pytest"])\n',
      }),
      [],
    );
  });
  await t.test('the fixed calls run the venv\'s interpreter through the real helper', async () => {
    const pythons = ['python3'].filter((p) => {
      try {
        execFileSync(p, ['-c', 'pass']);
        return true;
      } catch {
        return false;
      }
    });
    if (!pythons.length) return;
    const dir = project({
      'rel/__init__.py': '',
      'rel/utils.py': UTILS,
      'child.py': 'import sys\n\nprint(sys.prefix)\n',
      'rel/probe.py': 'from .utils import run, sh\n\n\ndef main():\n    run("python3 child.py")\n    sh("python3", "child.py")\n\n\nmain()\n',
    });
    const venv = path.join(dir, 'venv');
    execFileSync('python3', ['-m', 'venv', '--without-pip', venv]);
    const r = await check({ paths: [dir], cwd: dir, jobs: 1, fix: 'unsafe' });
    assert.equal(r.diagnostics.length, 0, JSON.stringify(r.diagnostics.map((d) => d.message)));
    const fixed = fs.readFileSync(path.join(dir, 'rel/probe.py'), 'utf8');
    assert.match(fixed, /sh\(sys\.executable, "child\.py"\)/);
    assert.match(fixed, /run\(shlex\.quote\(sys\.executable\) \+ " child\.py"\)/);
    // Started by the venv's interpreter without activation, with a PATH that has no venv.
    const out = execFileSync(path.join(venv, 'bin', 'python'), ['-m', 'rel.probe'], { cwd: dir, env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
    assert.deepEqual(out.trim().split('\n').filter((l) => !l.startsWith('+')), [venv, venv]);
  });
  await t.test('the shape of a real case (kedro, kedro/framework/cli/project.py:104 at d58a0b1): a CLI helper `call(cmd, **kwargs)` that passes both on to subprocess.run, called with ["ipython", …] after checking that IPython imports in this interpreter', async () => {
    assert.deepEqual(
      await findings({
        'kedro_like/__init__.py': '',
        'kedro_like/cli/__init__.py': '',
        'kedro_like/cli/utils.py': 'import shlex\nimport subprocess\nimport sys\n\n\ndef call(cmd, **kwargs):\n    print(shlex.join(cmd))\n    code = subprocess.run(cmd, **kwargs).returncode\n    if code:\n        sys.exit(code)\n\n\ndef python_call(module, arguments, **kwargs):\n    call([sys.executable, "-m", module, *list(arguments)], **kwargs)\n',
        'kedro_like/cli/project.py': 'from kedro_like.cli.utils import call, python_call\n\n\ndef ipython(args):\n    try:\n        import IPython  # noqa: F401\n    except ImportError:\n        raise SystemExit("install ipython")\n    call(["ipython", "--ext", "kedro_like.ipython", *list(args)])\n\n\ndef jupyter(args):\n    python_call("jupyter", ["lab", *args])\n',
      }),
      ['kedro_like/cli/project.py:9 VG103 ipython <- kedro_like/cli/utils.py:6'],
    );
  });
  await t.test('a caller with no launch API of its own is checked (the prefilter looks at the helper)', async () => {
    assert.deepEqual(
      await findings({ 'tasks/__init__.py': '', 'tasks/util.py': UTILS, 'tasks/lint.py': 'from tasks.util import run\n\n\ndef lint():\n    run("flake8 src")\n' }),
      ['tasks/lint.py:5 VG103 flake8 <- tasks/util.py:5'],
    );
  });
});
