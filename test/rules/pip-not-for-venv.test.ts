/**
 * VG201 and VG202 when a later `pip` cannot be meant for the venv: it installs only standalone tools
 * that build their own environments (`pip install pre-commit`), or the venv was made without pip
 * (`uv venv`), so the venv's interpreter with `-m pip` would fail too. Shapes from the corpus
 * reviews (text-generation-inference and spotDL workflows; corpus/verdicts.json).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installsOnlyTools } from '../../src/judge/python-tools.js';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;
const UV = 'run: |\n          pip install -U pip uv\n          uv venv\n          source ./.venv/bin/activate\n          make install';

const VALID = [
  { name: 'pre-commit installed and run outside the venv', code: wf('run: python -m venv .venv && . .venv/bin/activate && pip install -e .', 'run: |\n          pip install pre-commit\n          pre-commit run --all-files') },
  { name: 'several tools, options and versions', code: wf('run: python -m venv .venv && . .venv/bin/activate && pip install -e .', 'run: python -m pip install --upgrade pip "tox>=4" nox==2024.4.15') },
  { name: 'uv venv has no pip: the runner pip of a later step was never its pip', code: wf(UV, 'run: pip install twine') },
];
testRule(venvNotOnPath, { filename: '.github/workflows/ci.yml', valid: VALID, invalid: [] });
testRule(activationDoesNotPersist, { filename: '.github/workflows/ci.yml', valid: VALID, invalid: [] });

testRule(venvNotOnPath, {
  filename: '.github/workflows/ci.yml',
  valid: [],
  invalid: [
    // Not tools only: the project's own requirements.
    { name: 'pre-commit beside a requirements file', code: wf('run: python -m venv .venv && . .venv/bin/activate && pip install -e .', 'run: pip install pre-commit -r requirements.txt'), errors: [{ line: 7, messageId: 'notOnPath' }] },
    // uv venv --seed puts pip in the venv: the escape is real again.
    { name: 'uv venv --seed has pip', code: wf('run: uv venv --seed', 'run: pip install -e .'), errors: [{ line: 7, messageId: 'notOnPath' }] },
    // --without-pip is often followed by bootstrapping pip another way: a later pip may be the venv's.
    { name: 'python -m venv --without-pip', code: wf('run: python -m venv --without-pip .venv', 'run: pip install -e .'), errors: [{ line: 7, messageId: 'notOnPath' }] },
    // The interpreter still matters when the venv has no pip: python -m pip runs PATH's python.
    { name: 'python -m pip after uv venv', code: wf('run: uv venv', 'run: python -m pip install -e .'), errors: [{ line: 7, messageId: 'notOnPath' }] },
  ],
});

test('installsOnlyTools: named standalone tools only, with options, versions and extras', () => {
  const t = (s: string) => installsOnlyTools(s.split(' '));
  assert.equal(t('pip install pre-commit'), true);
  assert.equal(t('pip install -U pip tox nox'), true);
  assert.equal(t('python -m pip install --index-url https://x pre-commit==3.7 poetry[plugins]>=1.8'), true);
  assert.equal(t('pip install pip'), false, 'upgrading pip alone installs no tool');
  assert.equal(t('pip install pre-commit requests'), false);
  assert.equal(t('pip install -r requirements.txt tox'), false);
  assert.equal(t('pip install -e . tox'), false);
  // Removing a tool is read the same way (vdirsyncer's `pip3 uninstall -y virtualenv`).
  assert.equal(t('pip uninstall -y tox'), true);
  assert.equal(t('pip uninstall -y tox requests'), false);
  assert.equal(t('pip install -U pip setuptools wheel'), false, 'only packaging tools: no standalone tool');
  assert.equal(t('pip install -U pip setuptools wheel poetry'), true);
  assert.equal(installsOnlyTools(['pip', 'install', undefined]), false, 'a word that is not literal');
});
