import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { applyEdits, assertSilent, lint } from '../dockerfile-lint.js';
import { lint as lintActions, assertSilent as assertSilentActions } from '../actions-lint.js';

const rule = activationDoesNotPersist;

const valid: [string, string][] = [
  ['activated and used in the same RUN', 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install x\nRUN echo done\n'],
  ['ENV instead of activation', 'FROM python:3.12\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n'],
  ['activation used, later RUN uses the venv by path', 'FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate && pip install x\nRUN /v/bin/python -m pytest\n'],
  ['later RUN is in another stage', 'FROM python:3.12 AS a\nRUN python -m venv /v && . /v/bin/activate && pip install x\nFROM python:3.12\nRUN pip install y\n'],
  ['suppressed', 'FROM python:3.12\nRUN python -m venv /v\n# venvguard: ignore[VG202]\nRUN . /v/bin/activate\n'],
  ['a script called activate elsewhere', 'FROM x\nRUN . /etc/profile\n'],
  ['last in its RUN but a later ENV puts the venv on PATH anyway', 'FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate\nENV PATH=/v/bin:$PATH\nRUN pip install x\n'],
  // Regression (mealie's Dockerfile): the venv comes from a stage whose poetry made it; ENV PATH names it.
  ['a venv the file only activates, on PATH through ENV in the later RUN', 'FROM python:3.10-slim AS base\nENV VENV_PATH=/opt/pysetup/.venv\nENV PATH="/opt/poetry/bin:$VENV_PATH/bin:$PATH"\nFROM base\nRUN . $VENV_PATH/bin/activate && poetry install\nRUN python scripts/install_model.py\n'],
  ['source under dash: nothing is activated (source-in-sh reports it)', 'FROM python:3.12\nRUN python -m venv /v\nRUN source /v/bin/activate\n'],
];

for (const [name, code] of valid) test(`activation-does-not-persist valid: ${name}`, () => assertSilent(rule, code));

test('activation-does-not-persist invalid: activation alone on a RUN', async () => {
  const found = await lint(rule, 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate\n');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 5]]);
  assert.equal(found[0].message, '". /opt/venv/bin/activate" is the last command of this RUN: activation ends with this RUN\'s shell, so it has no effect; put it on PATH for every later instruction with ENV PATH="/opt/venv/bin:$PATH"');
});

test('activation-does-not-persist invalid: source (Alpine: ash has it) at the end of a RUN, relative to WORKDIR, a later RUN relies on it', async () => {
  const found = await lint(rule, 'FROM python:3.12-alpine\nWORKDIR /app\nRUN python -m venv venv && \\\n    source venv/bin/activate\nRUN pip install -r requirements.txt\n');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[4, 5]]);
  assert.match(found[0].message, /last command of this RUN.*; the "pip" at line 5 runs without it; put it on PATH for every later instruction with ENV PATH="\/app\/venv\/bin:\$PATH"/);
});

test('activation-does-not-persist invalid: activation used in its RUN but a later RUN expects it', async () => {
  const found = await lint(rule, 'FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate && pip install -U pip\nRUN python -m pytest\n');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 26]]);
  assert.match(found[0].message, /^". \/v\/bin\/activate" lasts only for this RUN's shell; the "python" at line 3 runs without it/);
});

test('activation-does-not-persist fix: a RUN that only activates becomes the ENV line; applying it again changes nothing', async () => {
  const code = 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate\nRUN pip install x\n';
  const found = await lint(rule, code);
  assert.equal(found[0].fixTitle, 'Replace the RUN with ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n');
  await assertSilent(rule, fixed);
});

test('activation-does-not-persist fix: an activation inside a longer RUN gets the ENV line after that RUN (CRLF kept)', async () => {
  const code = 'FROM python:3.12\r\nRUN python -m venv /v && . /v/bin/activate && pip install -U pip\r\nRUN python -m pytest\r\n';
  const found = await lint(rule, code);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12\r\nRUN python -m venv /v && . /v/bin/activate && pip install -U pip\r\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\r\nRUN python -m pytest\r\n');
  await assertSilent(rule, fixed);
});

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

test('activation-does-not-persist fix (actions): $GITHUB_PATH written right after the activation, in its step', async () => {
  const code = wf('run: python -m venv .venv', 'run: |\n          source .venv/bin/activate\n          pip install -e .', 'run: pytest');
  const found = await lintActions(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[8, 11]]);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('source .venv/bin/activate', 'source .venv/bin/activate && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"'));
  await assertSilentActions(rule, fixed);
});

test('activation-does-not-persist fix (actions): a double-quoted run: scalar gets its quotes escaped', async () => {
  const code = wf('run: python -m venv .venv', 'run: "source .venv/bin/activate"', 'run: pytest');
  const found = await lintActions(rule, code);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('run: "source .venv/bin/activate"', 'run: "source .venv/bin/activate && echo \\"$GITHUB_WORKSPACE/.venv/bin\\" >> \\"$GITHUB_PATH\\""'));
  await assertSilentActions(rule, fixed);
});
