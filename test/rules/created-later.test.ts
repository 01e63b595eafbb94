/**
 * A venv created later is not in scope earlier (issue 15): in every format, a command that runs
 * before the venv is created is judged, and fixed, as if the venv did not exist; one that runs after
 * it is judged against it, and a suggested path names only venvs that exist at that point.
 */
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

testRule(venvNotOnPath, {
  filename: 'scripts/bootstrap.sh',
  label: 'shell script',
  valid: [
    { name: 'pip and python before the venv is made at the end', code: '#!/bin/bash\npip install --user virtualenv\npython tools/check.py\nvirtualenv .venv\n.venv/bin/pip install -r requirements.txt\n' },
    { name: 'the venv is made in a function called after', code: '#!/bin/bash\nmkvenv() {\n  python3 -m venv .venv\n  .venv/bin/pip install -r requirements.txt\n}\npip install -U pip\nmkvenv\n' },
  ],
  invalid: [
    {
      name: 'two venvs: the fix names the one that exists at that line',
      code: '#!/bin/bash\npython3 -m venv build-env\nbuild-env/bin/pip install build\npip install wheel\npython3 -m venv .venv\n.venv/bin/pip install .\n',
      errors: [{ line: 4, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'build-env', replacement: 'build-env/bin/python -m pip' } }],
      output: null,
      unsafeOutput: '#!/bin/bash\npython3 -m venv build-env\nbuild-env/bin/pip install build\nbuild-env/bin/python -m pip install wheel\npython3 -m venv .venv\n.venv/bin/pip install .\n',
    },
  ],
});

testRule(venvNotOnPath, {
  filename: 'Dockerfile',
  label: 'dockerfile',
  valid: [{ name: 'RUN pip before the RUN that makes the venv', code: 'FROM python:3.12\nRUN pip install -U pip setuptools\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install x\nENV PATH=/opt/venv/bin:$PATH\n' }],
  invalid: [],
});

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

testRule(venvNotOnPath, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: [{ name: 'a step before the venv step', code: wf('run: pip install -U pip', 'run: python -m venv .venv && .venv/bin/pip install -e .', 'run: echo "$PWD/.venv/bin" >> "$GITHUB_PATH"') }],
  invalid: [],
});

testRule(venvNotOnPath, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab',
  valid: [
    { name: 'script lines before the venv line', code: 'test:\n  script:\n    - pip install tox\n    - python -m venv .venv\n    - source .venv/bin/activate\n    - pip install .\n' },
    { name: 'after_script makes a venv after the script ran', code: 'test:\n  script:\n    - pip install tox\n    - tox\n  after_script:\n    - python -m venv .v2\n    - .v2/bin/pip install coverage\n' },
  ],
  invalid: [],
});

testRule(venvNotOnPath, {
  filename: 'Makefile',
  label: 'makefile',
  valid: [{ name: 'a recipe that runs before the venv recipe', code: 'all: lint venv\n\nlint:\n\tpip install flake8\n\tflake8 .\n\nvenv:\n\tpython3 -m venv .venv\n\t.venv/bin/pip install -r requirements.txt\n' }],
  invalid: [],
});
