/**
 * Issue 15, session 21: findings of the unseen12 batch reviewed as false, each with the near case
 * that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';

// typeshed's .github/workflows/tests.yml (reduced): the test requirements go into setup-python's
// interpreter; the venv made after them is an isolated one the tests are handed by path.
const JOB = (install: string, extra = '') => `on: push
jobs:
  ty:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
      - run: ${install}
      - run: uv venv .venv
      - run: python tests/ty_test.py --python=.venv
${extra}`;

const codes = async (text: string) => (await checkText(text, { path: '.github/workflows/tests.yml' })).map((d) => `${d.start.line} ${d.code}`);

test("an interpreter by name after its job installed the project's requirements into PATH's interpreter (typeshed): no VG201", async () => {
  assert.deepEqual(await codes(JOB('uv pip install -r requirements-tests.txt --system')), []);
  assert.deepEqual(await codes(JOB('pip install -r requirements-tests.txt')), []);
  assert.deepEqual(await codes(JOB('python -m pip install -e .')), []);
  // Bootstrap tools only (pip, virtualenv), uv without --system, or an install into another target: the venv is the project's.
  assert.deepEqual(await codes(JOB('pip install --upgrade pip virtualenv')), ['10 VG201']);
  assert.deepEqual(await codes(JOB('uv pip install -r requirements-tests.txt')), ['10 VG201']);
  assert.deepEqual(await codes(JOB('pip install --user -r requirements-tests.txt')), ['10 VG201']);
  // A console script by name is still the venv's to have (it may be installed only there).
  assert.deepEqual(await codes(JOB('pip install -r requirements-tests.txt', '      - run: pytest tests\n')), ['11 VG201']);
  // Another job's install says nothing of this job's PATH.
  const other = JOB('echo setup').replace('    steps:', '    steps:\n      - run: echo').replace('jobs:\n', 'jobs:\n  deps:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install -r requirements-tests.txt\n');
  assert.deepEqual(await codes(other), ['15 VG201']);
});
