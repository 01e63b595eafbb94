/**
 * VG103 learns a project's console scripts from what it declares (env/declared-dependencies.ts):
 * each source, in the shape real projects write it, makes the declared distribution's scripts
 * (src/judge/console-scripts.json) Python tools; the same launch in a project that declares
 * nothing is no finding. Every case is a real project folder checked through the API.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { check } from '../../src/api.js';
import { declaredDistributions, pipInstallsIn, requirementName } from '../../src/env/declared-dependencies.js';
import { runnableModule } from '../../src/env/console-scripts.js';
import { tempDir } from '../helpers.js';

interface Case {
  name: string;
  /** The project's files (path → text). */
  files: Record<string, string>;
  /** Findings as `file:line name (source)`. */
  expect: string[];
}

async function findings(files: Record<string, string>): Promise<string[]> {
  const dir = tempDir('vg-declared-');
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  const r = await check({ paths: [dir], cwd: dir, select: ['VG103'], jobs: 1 });
  return r.diagnostics.map((d) => `${path.relative(dir, path.resolve(dir, d.path))}:${d.start.line} ${d.data?.name} (${/known from ([^;]*)/.exec(d.remedy ?? '')?.[1] ?? '?'})`).sort();
}

const RUN = (tool: string, ...args: string[]) => `import subprocess\n\nsubprocess.run(${JSON.stringify([tool, ...args])}, check=True)\n`;

const invalid: Case[] = [
  {
    name: 'requirements-dev.txt with -r and -c includes (a constraint file pins a tool)',
    files: {
      'requirements.txt': 'Django>=4.2\n',
      'requirements-dev.txt': '-r requirements.txt\n-c constraints.txt\npytest-django==4.7.0  # tests\n',
      'constraints.txt': 'pydocstyle==6.3.0\n',
      'tools/lint.py': RUN('pydocstyle', 'src'),
    },
    expect: ['tools/lint.py:3 pydocstyle (pydocstyle, declared in constraints.txt)'],
  },
  {
    name: 'requirements/ folder: requirements/test.txt includes ../requirements/base.txt',
    files: {
      'requirements/base.txt': 'celery[redis]==5.3.4\n',
      'requirements/test.txt': '-r base.txt\ncodespell>=2.2\n',
      'scripts/spell.py': RUN('codespell', '--write-changes'),
    },
    expect: ['scripts/spell.py:3 codespell (codespell, declared in requirements/test.txt)'],
  },
  {
    name: 'setup.cfg [options.extras_require] lists',
    files: {
      'setup.cfg': '[metadata]\nname = acme\n\n[options]\ninstall_requires =\n    requests>=2\n\n[options.extras_require]\ndocs =\n    sphinx>=7\nlint =\n    yamllint\n',
      'acme/dev.py': RUN('yamllint', '.'),
    },
    expect: ['acme/dev.py:3 yamllint (yamllint, declared in setup.cfg [options.extras_require])'],
  },
  {
    name: 'setup.py install_requires and extras_require literals',
    files: {
      'setup.py': 'from setuptools import setup\n\nsetup(\n    name="acme",\n    install_requires=["click>=8", "gunicorn"],\n    extras_require={\n        "test": ["pytest", "check-manifest"],\n    },\n)\n',
      'release.py': RUN('check-manifest') + 'subprocess.run(["test", "-f", "setup.py"])\n',
    },
    expect: ['release.py:3 check-manifest (check-manifest, declared in setup.py extras_require)'],
  },
  {
    name: "setup.py: the module-level lists extras_require is built from (zulip-terminal's linting_deps)",
    files: {
      'setup.py': 'from setuptools import setup\n\nlinting_deps = [\n    "isort~=5.11.0,<5.12.0",  # 5.12.0 drops 3.7\n    "check-manifest",\n]\n\nsetup(\n    name="zulip-term",\n    extras_require={"linting": linting_deps},\n)\n',
      'tools/lint.py': RUN('check-manifest'),
    },
    expect: ['tools/lint.py:3 check-manifest (check-manifest, declared in setup.py linting_deps)'],
  },
  {
    name: 'Pipfile [dev-packages]',
    files: {
      Pipfile: '[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n\n[packages]\nflask = "*"\n\n[dev-packages]\nhttpie = "*"\n\n[requires]\npython_version = "3.11"\n',
      'smoke.py': RUN('http', 'GET', 'localhost:5000/health'),
    },
    expect: ['smoke.py:3 http (httpie, declared in Pipfile [dev-packages])'],
  },
  {
    name: 'Poetry group: a script whose name is not the distribution (mypy → stubgen)',
    files: {
      'pyproject.toml': '[tool.poetry]\nname = "acme"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.10"\n\n[tool.poetry.group.dev.dependencies]\nmypy = "^1.8"\n',
      'gen_stubs.py': RUN('stubgen', '-p', 'acme', '-o', 'stubs'),
    },
    expect: ['gen_stubs.py:3 stubgen (mypy, declared in pyproject.toml [tool.poetry.group.dev.dependencies])'],
  },
  {
    name: 'PDM dev-dependencies',
    files: {
      'pyproject.toml': '[project]\nname = "acme"\nversion = "0.1"\n\n[tool.pdm.dev-dependencies]\nlint = ["pylint>=3.0"]\n',
      'diagram.py': RUN('pyreverse', '-o', 'png', 'acme'),
    },
    expect: ['diagram.py:3 pyreverse (pylint, declared in pyproject.toml [tool.pdm.dev-dependencies] lint)'],
  },
  {
    name: 'Hatch environment dependencies',
    files: {
      'pyproject.toml': '[project]\nname = "acme"\nversion = "0.1"\n\n[tool.hatch.envs.docs]\ndependencies = ["towncrier", "pelican[markdown]"]\n',
      'docs/build.py': RUN('pelican-quickstart'),
    },
    expect: ['docs/build.py:3 pelican-quickstart (pelican, declared in pyproject.toml [tool.hatch.envs.docs])'],
  },
  {
    name: 'PEP 735 [dependency-groups]',
    files: {
      'pyproject.toml': '[project]\nname = "acme"\nversion = "0.1"\n\n[dependency-groups]\nrelease = ["build>=1.0", {include-group = "lint"}]\nlint = ["ruff"]\n',
      'release.py': RUN('pyproject-build', '--sdist'),
    },
    expect: ['release.py:3 pyproject-build (build, declared in pyproject.toml [dependency-groups] release)'],
  },
  {
    name: 'environment.yml: a conda package and the pip: list',
    files: {
      'environment.yml': 'name: acme\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - conda-forge::csvkit\n  - pip\n  - pip:\n      - gcovr==7.0\n',
      'report.py': RUN('csvstat', 'data.csv') + 'subprocess.run(["gcovr", "-r", "."])\n',
    },
    expect: ['report.py:3 csvstat (csvkit, declared in environment.yml)', 'report.py:4 gcovr (gcovr, declared in environment.yml pip:)'],
  },
  {
    name: 'pip install in a GitHub workflow and in a Dockerfile RUN',
    files: {
      '.github/workflows/lint.yml': 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python -m pip install --upgrade pip && pip install "codespell>=2" restructuredtext_lint\n',
      Dockerfile: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt \\\n    memory_profiler\n',
      'requirements.txt': 'fonttools\n',
      'check.py': RUN('rst-lint', 'README.rst') + 'subprocess.run(["mprof", "run", "app.py"])\nsubprocess.run(["ttx", "font.ttf"])\n',
    },
    expect: ['check.py:3 rst-lint (restructuredtext-lint, declared in pip install in .github/workflows/lint.yml)', 'check.py:4 mprof (memory-profiler, declared in pip install in Dockerfile)', 'check.py:5 ttx (fonttools, declared in requirements.txt)'],
  },
];

const valid: Case[] = [
  { name: 'nothing declared: a known script of an undeclared distribution is not a Python tool', files: { 'tools/lint.py': RUN('pydocstyle', 'src'), 'gen.py': RUN('stubgen', '-p', 'x') }, expect: [] },
  { name: 'a conda-only package named like a command is not a Python tool', files: { 'environment.yml': 'dependencies:\n  - jq\n  - nodejs\n', 'q.py': RUN('jq', '.') }, expect: [] },
  { name: 'tox.ini deps install into tox environments, not the project', files: { 'tox.ini': '[testenv]\ncommands_pre = pip install yamllint\n', 'l.py': RUN('yamllint', '.') }, expect: [] },
  // TorchServe's shape: CI and a docs requirements file install the repository's own server, which its
  // code starts by name on purpose; only pyproject.toml and root requirements files make a name alone
  // a console script (a name the data file knows still counts from any source).
  {
    name: 'a distribution named like the launched program, declared only in CI or a nested requirements file, is no console script by its name alone',
    files: {
      '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install torchserve-nightly acme-server\n',
      'docs/sphinx/requirements.txt': 'acme-server\n',
      'ts/launcher.py': RUN('acme-server', '--start'),
    },
    expect: [],
  },
  // pulpcore's shape: its CI constraints name pulpcore itself, and its functional tests start its own
  // `pulpcore-manager` on purpose, from the environment that has it. Here with sigstore, which the data file knows.
  {
    name: "the project's own distribution, declared by its own requirements, is not a dependency",
    files: { 'pyproject.toml': '[project]\nname = "Sigstore"\nversion = "1"\n', 'requirements.txt': 'sigstore>=3\n', 'test/run.py': RUN('sigstore', 'verify') },
    expect: [],
  },
];

for (const c of invalid) test(`declared console scripts invalid: ${c.name}`, async () => assert.deepEqual(await findings(c.files), c.expect));
for (const c of valid) test(`declared console scripts valid: ${c.name}`, async () => assert.deepEqual(await findings(c.files), c.expect));

test('requirement names: extras, markers, URLs, eggs, paths', () => {
  assert.equal(requirementName('black[d]>=23; python_version > "3.8"'), 'black');
  assert.equal(requirementName('Flask_SQLAlchemy==3.1'), 'flask-sqlalchemy');
  assert.equal(requirementName('pkg @ https://example.org/pkg.whl'), 'pkg');
  assert.equal(requirementName('git+https://github.com/o/r.git#egg=Tool_X'), 'tool-x');
  assert.equal(requirementName('./vendor/lib'), undefined);
  assert.equal(requirementName('https://example.org/x.tar.gz'), undefined);
});

test('pip install lines: names, -r files, options with values, variables skipped', () => {
  const r = pipInstallsIn('RUN pip3 install -i https://mirror/simple --no-cache-dir -r req/dev.txt "yamllint==1.3" ${EXTRA} && pytest\npython -m pip install -e . --constraint=c.txt codespell # lint\n');
  assert.deepEqual(r, { names: ['yamllint', 'codespell'], files: ['req/dev.txt', 'c.txt'] });
});

test('declarations are read per project root, each file once while unchanged', () => {
  const dir = tempDir('vg-declared-');
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'yamllint\n');
  assert.deepEqual(declaredDistributions(dir).map((d) => d.name), ['yamllint']);
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'codespell\nyamllint\n');
  fs.utimesSync(path.join(dir, 'requirements.txt'), new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(declaredDistributions(dir).map((d) => d.name), ['codespell', 'yamllint']);
});

test('python -m runs an entry point only through a __main__.py that imports it (runnableModule)', () => {
  const base = tempDir();
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  };
  write('acme/__init__.py', '');
  write('acme/cli.py', 'def main(): pass\n');
  // No __main__.py anywhere: no -m.
  assert.equal(runnableModule(base, 'acme.cli'), undefined);
  // An empty one, or one that runs another program: `python -m acme` would not run acme.cli:main.
  write('acme/__main__.py', '');
  assert.equal(runnableModule(base, 'acme.cli'), undefined);
  write('acme/__main__.py', 'from acme.server import serve\n\nserve()\n');
  assert.equal(runnableModule(base, 'acme.cli'), undefined);
  // One that imports the entry point's module, in each spelling.
  for (const main of ['from acme.cli import main\n\nmain()\n', 'from .cli import main\nmain()\n', 'import acme.cli\nacme.cli.main()\n', 'from . import cli\ncli.main()\n', 'from acme import server, cli\ncli.main()\n']) {
    write('acme/__main__.py', main);
    assert.equal(runnableModule(base, 'acme.cli'), 'acme', main);
  }
  // The entry point's own package with a __main__.py, and an explicit `pkg.__main__`.
  write('tool/app/__init__.py', '');
  write('tool/app/__main__.py', 'print(1)\n');
  assert.equal(runnableModule(base, 'tool.app'), 'tool.app');
  assert.equal(runnableModule(base, 'tool.app.__main__'), 'tool.app');
  fs.rmSync(base, { recursive: true, force: true });
});
