/** VG201 on GitLab CI pipelines: one shell for before_script + script, a new one for after_script, none shared between jobs. */
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule, type ValidCase } from '../rule-tester.js';

/** A pipeline with one job named `test`, its keys given as YAML lines (indented two spaces). */
const job = (...lines: string[]) => `stages: [test]\ntest:\n  image: python:3.12\n${lines.map((l) => `  ${l}\n`).join('')}`;
const ACTIVATE = (script: string) => `activate it with "${script}" after the command that creates it and before the commands that use it (before_script and script run in one shell)`;

/** Silent for VG201 and VG202. */
const VALID: ValidCase[] = [
  // fdroidserver's .gitlab-ci.yml (issue 15): nested loops in a plain multi-line scalar fold to one
  // line ending `done done`, which bash and dash accept; it was reported as a shell syntax error.
  {
    name: 'a folded plain scalar with nested loops ending in done done parses',
    code: job('script:', '  - for locale in *; do', '        test -d $locale || continue;', '        for cmd in `ls`; do', '            python -m fdroid $cmd --help > /dev/null;', '        done', '    done'),
  },
  { name: 'a plain python image with the system pip (no venv)', code: job('script:', '  - pip install -r requirements.txt', '  - python -m pytest') },
  { name: 'created and activated in before_script, used in script', code: job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script:', '  - pip install -r requirements.txt', '  - pytest') },
  {
    name: 'activated in default: before_script for every job',
    code: 'default:\n  image: python:3.12\n  before_script:\n    - python -m venv venv\n    - . venv/bin/activate\nunit:\n  script: [pip install -e ., pytest]\nlint:\n  script: |\n    pip install ruff\n    ruff check .\n',
  },
  { name: 'created and used with activation in one block scalar', code: job('script: |', '  python -m venv .venv', '  . .venv/bin/activate', '  pip install .', '  pytest -q') },
  { name: 'tools that manage their own environment', code: job('before_script: [python -m venv .venv]', 'script:', '  - uv run pytest', '  - poetry run pytest', '  - tox -e py312', '  - nox -s tests') },
  { name: 'commands for another container', code: job('before_script: [python -m venv .venv]', 'script:', '  - docker run --rm python:3.12 pip install x', '  - git status') },
  { name: 'explicit venv paths', code: job('before_script: [python -m venv .venv]', 'script:', '  - .venv/bin/pip install x', '  - ./.venv/bin/python -m pytest', '  - $CI_PROJECT_DIR/.venv/bin/pytest') },
  { name: 'the creating commands themselves, and a version probe', code: job('script:', '  - python -m venv a && python3 -m venv b && virtualenv c', '  - python --version') },
  { name: 'pip before the venv exists', code: job('script:', '  - pip install virtualenv', '  - virtualenv .venv') },
  { name: 'PATH set for the command', code: job('before_script: [python -m venv .venv]', 'script:', '  - PATH="$PWD/.venv/bin:$PATH" pip install x') },
  { name: 'PATH in variables: puts the venv first', code: job('variables:', '  PATH: "$CI_PROJECT_DIR/.venv/bin:$PATH"', 'before_script: [python -m venv .venv]', 'script: [pip install x]') },
  { name: 'export PATH in before_script lasts into script', code: job('before_script:', '  - python -m venv /opt/venv', '  - export PATH="/opt/venv/bin:$PATH"', 'script: [pip install x]') },
  { name: 'another job does not see the venv', code: 'build:\n  script: python -m venv .venv\ntest:\n  script: pip install x\n' },
  { name: 'a hidden job is never run', code: '.template:\n  script:\n    - python -m venv .venv\n    - pip install x\n' },
  { name: 'suppressed on the line', code: job('before_script: [python -m venv .venv]', 'script:', '  - pip install x  # venvguard: ignore[VG201]') },
  { name: 'suppressed on the comment line above the script line', code: job('before_script: [python -m venv .venv]', 'script:', '  # noqa: VG201', '  - pip install x') },
  { name: 'suppressed inside a block script', code: job('before_script: [python -m venv .venv]', 'script: |', '  # venvguard: ignore[venv-not-on-path]', '  pip install x') },
  { name: 'suppressed above the job key', code: 'build:\n  script: echo hi\n# venvguard: ignore[VG201]\ntest:\n  before_script: [python -m venv .venv]\n  script:\n    - pip install x\n' },
  { name: 'suppressed above script:', code: job('before_script: [python -m venv .venv]', '# noqa: VG201', 'script:', '  - pip install x', '  - pytest') },
  { name: 'Windows jobs are not analysed', code: 'test:\n  tags: [windows]\n  before_script: [python -m venv .venv]\n  script: [pip install x]\n' },
  {
    name: "a side venv set up by path in its own shell (a test fixture), then the image's Python",
    code: job('before_script:', '  - python3 -m venv /tmp/fixture', '  - /tmp/fixture/bin/python -m pip install loghub', 'script:', '  - pip install -e .[test]', '  - pytest -v test/'),
  },
  { name: 'after a !reference we cannot see (an include), nothing is assumed', code: job('before_script:', '  - python -m venv .venv', '  - !reference [.activate_from_include, script]', 'script: [pip install x]') },
  {
    name: "the shape of GitLab's own Python template: a global before_script creates and activates; `run` and `pages` are job names",
    code: 'image: python:latest\nbefore_script:\n  - python -V\n  - pip install virtualenv\n  - virtualenv venv\n  - source venv/bin/activate\ntest:\n  script:\n    - pip install tox flake8\n    - tox -e py312,flake8\nrun:\n  script:\n    - python setup.py bdist_wheel\n    - pip install dist/*\npages:\n  script:\n    - pip install sphinx\n    - cd doc ; make html\n',
  },
  {
    name: 'a venv carried to a later job as an artifact and activated there',
    code: 'build:\n  script: [python -m venv venv, . venv/bin/activate, pip install -r requirements.txt]\n  artifacts:\n    paths: [venv/]\ntest:\n  script: [source venv/bin/activate, make test]\n',
  },
  { name: 'activation in before_script reaches an anchored script', code: '.install: &install\n  - pip install -r requirements.txt\ntest:\n  before_script: [python -m venv .venv, source .venv/bin/activate]\n  script: *install\n' },
];

const AFTER_SCRIPT_ACTIVATES = job('before_script:', '  - python -m venv .venv', 'script:', '  - pip install .', 'after_script:', '  - source .venv/bin/activate', '  - coverage xml');
const TEMPLATES = [
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

testRule(venvNotOnPath, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab',
  valid: VALID,
  invalid: [
    {
      name: 'a venv created in before_script, never activated, pip in script',
      code: job('before_script:', '  - python -m venv .venv', 'script:', '  - pip install -r requirements.txt', '  - pytest --cov'),
      errors: [
        {
          line: 7,
          column: 7,
          messageId: 'notOnPath',
          data: { name: 'pip', venv: '.venv', origin: ' created in before_script (line 5)', scope: 'in this job', replacement: '.venv/bin/python -m pip', advice: ACTIVATE('source .venv/bin/activate') },
        },
        { line: 8, column: 7, messageId: 'notOnPath', data: { name: 'pytest', venv: '.venv', origin: ' created in before_script (line 5)', scope: 'in this job', replacement: '.venv/bin/pytest' } },
      ],
      output: null,
      unsafeOutput: job('before_script:', '  - python -m venv .venv', 'script:', '  - .venv/bin/python -m pip install -r requirements.txt', '  - .venv/bin/pytest --cov'),
      fixSilences: true,
    },
    {
      name: 'activation only in after_script does not reach script',
      code: AFTER_SCRIPT_ACTIVATES,
      errors: [{ line: 7, column: 7, messageId: 'notOnPath', data: { advice: ACTIVATE('source .venv/bin/activate') + '; after_script runs in a new shell and needs its own activation' } }],
      output: null,
      unsafeOutput: AFTER_SCRIPT_ACTIVATES.replace('- pip install', '- .venv/bin/python -m pip install'),
    },
    {
      name: 'after_script is a new shell: the activation in before_script is gone',
      code: job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script:', '  - pytest --junitxml=report.xml', 'after_script:', '  - coverage report'),
      errors: [
        {
          line: 10,
          column: 7,
          messageId: 'notOnPath',
          data: {
            name: 'coverage',
            venv: '.venv',
            origin: ' created in before_script (line 5)',
            scope: 'in after_script (a new shell)',
            replacement: '.venv/bin/coverage',
            advice: 'activate it again at the start of after_script ("source .venv/bin/activate"): after_script runs in a new shell, without what before_script and script did',
          },
        },
      ],
      output: null,
      unsafeOutput: job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script:', '  - pytest --junitxml=report.xml', 'after_script:', '  - .venv/bin/coverage report'),
    },
    {
      name: 'block scalar positions, cd in the script, and sh images',
      code: 'test:\n  image: python:3.12-alpine\n  script: |\n    python3 -m venv /opt/venv\n    cd app\n    echo "installing" &&\n      pip install -r requirements.txt\n',
      errors: [
        {
          line: 7,
          column: 7,
          messageId: 'notOnPath',
          data: { name: 'pip', venv: '/opt/venv', origin: ' created in script (line 4)', scope: 'in this job', replacement: '/opt/venv/bin/python -m pip', advice: ACTIVATE('. /opt/venv/bin/activate') },
        },
      ],
      output: null,
      unsafeOutput: 'test:\n  image: python:3.12-alpine\n  script: |\n    python3 -m venv /opt/venv\n    cd app\n    echo "installing" &&\n      /opt/venv/bin/python -m pip install -r requirements.txt\n',
    },
    {
      name: 'the fix is written relative to the directory the shell is in',
      code: job('script:', '  - python -m venv .venv', '  - cd docs', '  - pip install sphinx'),
      errors: [{ line: 7, column: 7, messageId: 'notOnPath' }],
      output: null,
      unsafeOutput: job('script:', '  - python -m venv .venv', '  - cd docs', '  - ../.venv/bin/python -m pip install sphinx'),
    },
    {
      name: 'a template line is reported where it is written, through extends and !reference',
      code: TEMPLATES,
      errors: [
        { line: 3, column: 7, messageId: 'notOnPath', data: { origin: ' created in before_script (line 6)' } },
        { line: 11, column: 7, messageId: 'notOnPath' },
      ],
      output: null,
      unsafeOutput: TEMPLATES.replace('- pip install', '- .venv/bin/python -m pip install').replace('- pytest', '- .venv/bin/pytest'),
    },
    {
      name: 'VIRTUAL_ENV in variables: without PATH does not put the venv on PATH',
      code: job('variables:', '  VIRTUAL_ENV: $CI_PROJECT_DIR/.venv', 'before_script: [python -m venv .venv]', 'script: [pip install x]'),
      errors: [{ line: 7, column: 12, messageId: 'notOnPath' }],
      output: null,
      unsafeOutput: job('variables:', '  VIRTUAL_ENV: $CI_PROJECT_DIR/.venv', 'before_script: [python -m venv .venv]', 'script: [.venv/bin/python -m pip install x]'),
    },
    {
      name: 'fixes inside a flow sequence and a double-quoted scalar keep the YAML valid',
      code: 'test:\n  before_script: [python -m venv .venv]\n  script: [pip install x, "pytest -q"]\n',
      errors: [
        { line: 3, column: 12, messageId: 'notOnPath', data: { name: 'pip' } },
        { line: 3, column: 28, messageId: 'notOnPath', data: { name: 'pytest' } },
      ],
      output: null,
      unsafeOutput: 'test:\n  before_script: [python -m venv .venv]\n  script: [.venv/bin/python -m pip install x, ".venv/bin/pytest -q"]\n',
      fixSilences: true,
    },
  ],
});

testRule(activationDoesNotPersist, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab, with VG201',
  valid: [...VALID, { name: 'activation only in after_script does not reach script (VG201 is the finding)', code: AFTER_SCRIPT_ACTIVATES }],
  invalid: [],
});
