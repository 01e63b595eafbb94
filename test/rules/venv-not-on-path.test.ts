import assert from 'node:assert/strict';
import { test } from 'node:test';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { CONFIG_RULES as DOCKERFILE_RULES } from '../../src/rules/index.js';
import { analyze, applyEdits, assertSilent, lint } from '../dockerfile-lint.js';

const rule = venvNotOnPath;

const valid: [string, string][] = [
  ['plain python image using system pip (no venv)', 'FROM python:3.12\nRUN pip install requests\nCMD ["python", "app.py"]\n'],
  ['tools that manage their own environment', 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN uv run pytest && poetry run pytest && tox && nox\n'],
  ['docker run inside a RUN', 'FROM docker:cli\nRUN python3 -m venv /v\nRUN docker run --rm python:3.12 pip install x\n'],
  ['activated and used in the same RUN', 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install x && python -m pytest\n'],
  ['ENV PATH puts the venv first', 'FROM python:3.12\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install x\nCMD ["python", "app.py"]\n'],
  ['explicit venv path', 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install x\nRUN ["/opt/venv/bin/python", "-m", "pytest"]\n'],
  ['the creating command itself', 'FROM python:3.12\nRUN python -m venv /a && python -m venv /b\n'],
  ['multi-stage with ENV PATH in the final stage', 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install x\n'],
  ['a version probe', 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN python --version\n'],
  ['suppressed on the line above', 'FROM python:3.12\nRUN python -m venv /opt/venv\n# venvguard: ignore[VG201]\nRUN pip install x\n'],
  ['pip before the venv exists', 'FROM python:3.12\nRUN pip install virtualenv\nRUN virtualenv /v\n'],
  ['suppressed by a shell comment on the instruction', 'FROM python:3.12\nRUN python -m venv /v\nRUN pip install x \\\n  # venvguard: ignore[VG201]\n'],
  ['CMD activates and runs in one shell', 'FROM python:3.12\nRUN python -m venv /v\nCMD . /v/bin/activate && exec python app.py\n'],
  ['PATH set for the command', 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN PATH=/opt/venv/bin:$PATH pip install x\n'],
];

for (const [name, code] of valid) test(`venv-not-on-path valid: ${name}`, () => assertSilent(rule, code));

test('venv-not-on-path invalid: pip in the RUN after the venv was created', async () => {
  const code = 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN pip install requests\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 5]]);
  assert.match(found[0].message, /^"pip" runs from PATH, but the venv \/opt\/venv created at line 2 is not on PATH in this RUN; use \/opt\/venv\/bin\/python -m pip/);
  assert.equal(found[0].fixTitle, 'Add ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH" after line 2');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install requests\n');
  await assertSilent(rule, fixed);
});

test('venv-not-on-path invalid: activation in an earlier RUN does not carry over', async () => {
  const code = 'FROM python:3.12\nRUN python3 -m venv /opt/venv && . /opt/venv/bin/activate\nRUN python3 -m pip install x && \\\n    python setup.py install\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 5], [4, 5]]);
  assert.match(found[0].message, /"python3" runs from PATH/);
  // Both findings get the same edit: one ENV line after the RUN that created the venv.
  assert.deepEqual(found[0].edits, found[1].edits);
  assert.equal(
    applyEdits(code, found[1].edits!),
    'FROM python:3.12\nRUN python3 -m venv /opt/venv && . /opt/venv/bin/activate\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN python3 -m pip install x && \\\n    python setup.py install\n',
  );
});

test('venv-not-on-path invalid: multi-stage, venv copied in without ENV PATH', async () => {
  const code = 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install x\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nRUN pip install x\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 5]]);
  assert.match(found[0].message, /venv \/opt\/venv copied in at line 6/);
});

test('venv-not-on-path invalid: exec form CMD, fixed by an ENV line before it', async () => {
  const code = 'FROM python:3.12\nRUN python -m venv /v\nCMD ["pip", "list"]\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 7]]);
  assert.match(found[0].message, /when CMD runs/);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12\nRUN python -m venv /v\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nCMD ["pip", "list"]\n');
  await assertSilent(rule, fixed);
});

test('venv-not-on-path invalid: console script from the curated list, in a heredoc, WORKDIR-relative venv', async () => {
  const code = 'FROM python:3.12\nWORKDIR /app\nRUN uv venv\nRUN <<EOF\n  pytest -q\nEOF\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[5, 3]]);
  assert.match(found[0].message, /"pytest" runs from PATH, but the venv \/app\/.venv created at line 3/);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12\nWORKDIR /app\nRUN uv venv\nENV VIRTUAL_ENV=/app/.venv PATH="/app/.venv/bin:$PATH"\nRUN <<EOF\n  pytest -q\nEOF\n');
  await assertSilent(rule, fixed);
});

test('venv-not-on-path: the docs examples raise it and useInstead does not', async () => {
  for (const r of DOCKERFILE_RULES) {
    assert.ok((await lint(r, r.docs.example)).length >= 1, `${r.code} example`);
    assert.deepEqual(await lint(r, r.docs.useInstead), [], `${r.code} useInstead`);
    // The other Dockerfile rule must not fire on the fixed example either.
    for (const o of DOCKERFILE_RULES) assert.deepEqual(await lint(o, r.docs.useInstead), [], `${o.code} on ${r.code} useInstead`);
  }
  const { syntaxProblem } = await analyze(rule.docs.example);
  assert.equal(syntaxProblem, undefined);
});

test('venv-not-on-path invalid: a shell script in an exec-form string, at its exact column', async () => {
  const code = 'FROM python:3.12\nRUN python -m venv /v\nRUN ["sh", "-c", "pip install x"]\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 19]]);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, 'FROM python:3.12\nRUN python -m venv /v\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nRUN ["sh", "-c", "pip install x"]\n');
  await assertSilent(rule, fixed);
});
