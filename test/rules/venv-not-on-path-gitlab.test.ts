/** VG201 on GitLab CI pipelines: one shell for before_script + script, a new one for after_script, none shared between jobs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { analyze, applyEdits, assertSilent, lint } from '../gitlab-lint.js';

/** A pipeline with one job named `test`, its keys given as YAML lines (indented two spaces). */
const job = (...lines: string[]) => `stages: [test]\ntest:\n  image: python:3.12\n${lines.map((l) => `  ${l}\n`).join('')}`;

const valid: [string, string][] = [
  ['a plain python image with the system pip (no venv)', job('script:', '  - pip install -r requirements.txt', '  - python -m pytest')],
  ['created and activated in before_script, used in script', job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script:', '  - pip install -r requirements.txt', '  - pytest')],
  [
    'activated in default: before_script for every job',
    'default:\n  image: python:3.12\n  before_script:\n    - python -m venv venv\n    - . venv/bin/activate\nunit:\n  script: [pip install -e ., pytest]\nlint:\n  script: |\n    pip install ruff\n    ruff check .\n',
  ],
  ['created and used with activation in one block scalar', job('script: |', '  python -m venv .venv', '  . .venv/bin/activate', '  pip install .', '  pytest -q')],
  ['tools that manage their own environment', job('before_script: [python -m venv .venv]', 'script:', '  - uv run pytest', '  - poetry run pytest', '  - tox -e py312', '  - nox -s tests')],
  ['commands for another container', job('before_script: [python -m venv .venv]', 'script:', '  - docker run --rm python:3.12 pip install x', '  - git status')],
  ['explicit venv paths', job('before_script: [python -m venv .venv]', 'script:', '  - .venv/bin/pip install x', '  - ./.venv/bin/python -m pytest', '  - $CI_PROJECT_DIR/.venv/bin/pytest')],
  ['the creating commands themselves, and a version probe', job('script:', '  - python -m venv a && python3 -m venv b && virtualenv c', '  - python --version')],
  ['pip before the venv exists', job('script:', '  - pip install virtualenv', '  - virtualenv .venv')],
  ['PATH set for the command', job('before_script: [python -m venv .venv]', 'script:', '  - PATH="$PWD/.venv/bin:$PATH" pip install x')],
  ['PATH in variables: puts the venv first', job('variables:', '  PATH: "$CI_PROJECT_DIR/.venv/bin:$PATH"', 'before_script: [python -m venv .venv]', 'script: [pip install x]')],
  ['export PATH in before_script lasts into script', job('before_script:', '  - python -m venv /opt/venv', '  - export PATH="/opt/venv/bin:$PATH"', 'script: [pip install x]')],
  ['another job does not see the venv', 'build:\n  script: python -m venv .venv\ntest:\n  script: pip install x\n'],
  ['a hidden job is never run', '.template:\n  script:\n    - python -m venv .venv\n    - pip install x\n'],
  ['suppressed on the line', job('before_script: [python -m venv .venv]', 'script:', '  - pip install x  # venvguard: ignore[VG201]')],
  ['suppressed on the comment line above the script line', job('before_script: [python -m venv .venv]', 'script:', '  # noqa: VG201', '  - pip install x')],
  ['suppressed inside a block script', job('before_script: [python -m venv .venv]', 'script: |', '  # venvguard: ignore[venv-not-on-path]', '  pip install x')],
  ['suppressed above the job key', 'build:\n  script: echo hi\n# venvguard: ignore[VG201]\ntest:\n  before_script: [python -m venv .venv]\n  script:\n    - pip install x\n'],
  ['suppressed above script:', job('before_script: [python -m venv .venv]', '# noqa: VG201', 'script:', '  - pip install x', '  - pytest')],
  ['Windows jobs are not analysed', 'test:\n  tags: [windows]\n  before_script: [python -m venv .venv]\n  script: [pip install x]\n'],
  [
    'a side venv set up by path in its own shell (a test fixture), then the image\'s Python',
    job('before_script:', '  - python3 -m venv /tmp/fixture', '  - /tmp/fixture/bin/python -m pip install loghub', 'script:', '  - pip install -e .[test]', '  - pytest -v test/'),
  ],
  ['after a !reference we cannot see (an include), nothing is assumed', job('before_script:', '  - python -m venv .venv', '  - !reference [.activate_from_include, script]', 'script: [pip install x]')],
  [
    'the shape of GitLab\'s own Python template: a global before_script creates and activates; `run` and `pages` are job names',
    'image: python:latest\nbefore_script:\n  - python -V\n  - pip install virtualenv\n  - virtualenv venv\n  - source venv/bin/activate\ntest:\n  script:\n    - pip install tox flake8\n    - tox -e py312,flake8\nrun:\n  script:\n    - python setup.py bdist_wheel\n    - pip install dist/*\npages:\n  script:\n    - pip install sphinx\n    - cd doc ; make html\n',
  ],
  ['a venv carried to a later job as an artifact and activated there', 'build:\n  script: [python -m venv venv, . venv/bin/activate, pip install -r requirements.txt]\n  artifacts:\n    paths: [venv/]\ntest:\n  script: [source venv/bin/activate, make test]\n'],
  ['activation in before_script reaches an anchored script', '.install: &install\n  - pip install -r requirements.txt\ntest:\n  before_script: [python -m venv .venv, source .venv/bin/activate]\n  script: *install\n'],
];

for (const [name, code] of valid) {
  test(`venv-not-on-path (gitlab) valid: ${name}`, async () => {
    assert.equal((await analyze(code)).syntaxProblem, undefined);
    await assertSilent(venvNotOnPath, code);
    await assertSilent(activationDoesNotPersist, code);
  });
}

test('venv-not-on-path (gitlab) invalid: a venv created in before_script, never activated, pip in script', async () => {
  const code = job('before_script:', '  - python -m venv .venv', 'script:', '  - pip install -r requirements.txt', '  - pytest --cov');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 7], [8, 7]]);
  assert.equal(
    found[0].message,
    '"pip" runs from PATH, but the venv .venv created in before_script (line 5) is not on PATH in this job; use .venv/bin/python -m pip, or activate it with "source .venv/bin/activate" after the command that creates it and before the commands that use it (before_script and script run in one shell)',
  );
  assert.match(found[1].message, /^"pytest" runs from PATH, but the venv \.venv created in before_script \(line 5\) is not on PATH in this job; use \.venv\/bin\/pytest, or /);
  const fixed = applyEdits(code, [...found[0].edits!, ...found[1].edits!]);
  assert.equal(fixed, code.replace('- pip install', '- .venv/bin/python -m pip install').replace('- pytest', '- .venv/bin/pytest'));
  await assertSilent(venvNotOnPath, fixed);
});

test('venv-not-on-path (gitlab) invalid: activation only in after_script does not reach script', async () => {
  const code = job('before_script:', '  - python -m venv .venv', 'script:', '  - pip install .', 'after_script:', '  - source .venv/bin/activate', '  - coverage xml');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 7]]);
  assert.match(found[0].message, /; after_script runs in a new shell and needs its own activation$/);
  await assertSilent(activationDoesNotPersist, code);
});

test('venv-not-on-path (gitlab) invalid: after_script is a new shell: the activation in before_script is gone', async () => {
  const code = job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script:', '  - pytest --junitxml=report.xml', 'after_script:', '  - coverage report');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[10, 7]]);
  assert.equal(
    found[0].message,
    '"coverage" runs from PATH, but the venv .venv created in before_script (line 5) is not on PATH in after_script (a new shell); use .venv/bin/coverage, or activate it again at the start of after_script ("source .venv/bin/activate"): after_script runs in a new shell, without what before_script and script did',
  );
  assert.equal(applyEdits(code, found[0].edits!), code.replace('- coverage report', '- .venv/bin/coverage report'));
});

test('venv-not-on-path (gitlab) invalid: block scalar positions, cd in the script, and sh images', async () => {
  const code = 'test:\n  image: python:3.12-alpine\n  script: |\n    python3 -m venv /opt/venv\n    cd app\n    echo "installing" &&\n      pip install -r requirements.txt\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 7]]);
  assert.match(found[0].message, /^"pip" runs from PATH, but the venv \/opt\/venv created in script \(line 4\) is not on PATH in this job; use \/opt\/venv\/bin\/python -m pip, or activate it with "\. \/opt\/venv\/bin\/activate"/);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('  pip install', '  /opt/venv/bin/python -m pip install'));
});

test('venv-not-on-path (gitlab) invalid: the fix is written relative to the directory the shell is in', async () => {
  const code = job('script:', '  - python -m venv .venv', '  - cd docs', '  - pip install sphinx');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 7]]);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('- pip install', '- ../.venv/bin/python -m pip install'));
});

test('venv-not-on-path (gitlab) invalid: a template line is reported where it is written, through extends and !reference', async () => {
  const code = [
    '.install:',
    '  script:',
    '    - pip install -r requirements.txt',
    '.venv:',
    '  before_script:',
    '    - python -m venv .venv',
    'unit:',
    '  extends: .venv',
    '  script:',
    '    - !reference [.install, script]',
    '    - pytest',
    '',
  ].join('\n');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 7], [11, 7]]);
  assert.match(found[0].message, /created in before_script \(line 6\)/);
});

test('venv-not-on-path (gitlab) invalid: VIRTUAL_ENV in variables: without PATH does not put the venv on PATH', async () => {
  const code = job('variables:', '  VIRTUAL_ENV: $CI_PROJECT_DIR/.venv', 'before_script: [python -m venv .venv]', 'script: [pip install x]');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 12]]);
});

test('venv-not-on-path (gitlab) invalid: fixes inside a flow sequence and a double-quoted scalar keep the YAML valid', async () => {
  const code = 'test:\n  before_script: [python -m venv .venv]\n  script: [pip install x, "pytest -q"]\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 12], [3, 28]]);
  const fixed = applyEdits(code, found.flatMap((f) => f.edits!));
  assert.equal(fixed, 'test:\n  before_script: [python -m venv .venv]\n  script: [.venv/bin/python -m pip install x, ".venv/bin/pytest -q"]\n');
  assert.equal((await analyze(fixed)).syntaxProblem, undefined);
  await assertSilent(venvNotOnPath, fixed);
});
