/** VG201 venv-not-on-path in Dockerfiles: a venv created (or copied in) by one instruction is not on PATH in the next. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { CONFIG_RULES as DOCKERFILE_RULES } from '../../src/rules/index.js';
import { analyze, lint } from '../dockerfile-lint.js';
import { testRule } from '../rule-tester.js';

const rule = venvNotOnPath;
const ENV_PATH = (venv: string) => `put it on PATH for every later instruction with ENV PATH="${venv}/bin:$PATH"`;

testRule(rule, {
  filename: 'Dockerfile',
  valid: [
    { name: 'plain python image using system pip (no venv)', code: 'FROM python:3.12\nRUN pip install requests\nCMD ["python", "app.py"]\n' },
    { name: 'tools that manage their own environment', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN uv run pytest && poetry run pytest && tox && nox\n' },
    { name: 'the same tools spelled as modules, and pipx run', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN python -m poetry install && python3 -m tox -e py && python -m nox && pipx run build\n' },
    { name: 'docker run inside a RUN', code: 'FROM docker:cli\nRUN python3 -m venv /v\nRUN docker run --rm python:3.12 pip install x\n' },
    { name: 'activated and used in the same RUN', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install x && python -m pytest\n' },
    { name: 'ENV PATH puts the venv first', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install x\nCMD ["python", "app.py"]\n' },
    { name: 'explicit venv path', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install x\nRUN ["/opt/venv/bin/python", "-m", "pytest"]\n' },
    { name: 'the creating command itself', code: 'FROM python:3.12\nRUN python -m venv /a && python -m venv /b\n' },
    { name: 'multi-stage with ENV PATH in the final stage', code: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install x\n' },
    { name: 'a version probe', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN python --version\n' },
    { name: 'suppressed on the line above', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\n# venvguard: ignore[VG201]\nRUN pip install x\n' },
    { name: 'pip before the venv exists', code: 'FROM python:3.12\nRUN pip install virtualenv\nRUN virtualenv /v\n' },
    { name: 'suppressed by a shell comment on the instruction', code: 'FROM python:3.12\nRUN python -m venv /v\nRUN pip install x \\\n  # venvguard: ignore[VG201]\n' },
    { name: 'CMD activates and runs in one shell', code: 'FROM python:3.12\nRUN python -m venv /v\nCMD . /v/bin/activate && exec python app.py\n' },
    { name: 'PATH set for the command', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN PATH=/opt/venv/bin:$PATH pip install x\n' },
    // Real-repository review (corpus/verdicts.json, doodba): a tool venv activated, used and
    // deactivated on purpose; the image's own python and pip are meant afterwards, here and later.
    { name: 'after deactivate, python and pip are the system ones on purpose', code: 'FROM python:3.12\nRUN python -m venv /qa/venv \\\n    && . /qa/venv/bin/activate \\\n    && pip install flake8 \\\n    && deactivate\nRUN pip install odoo-deps && python3 -m compileall -q /usr/local/lib\nCMD ["python3", "-m", "odoo"]\n' },
    // Real-repository review (unseen corpus, docker-bazarr): linuxserver base images set
    // ENV VIRTUAL_ENV=/lsiopy PATH="/lsiopy/bin:$PATH" for the venv their children create.
    { name: 'a base image this file cannot see may already put the venv on PATH', code: 'FROM ghcr.io/linuxserver/baseimage-alpine:3.23\nRUN apk add --no-cache python3 && \\\n  python3 -m venv /lsiopy && \\\n  pip install -U pip wheel\nRUN pip install x\n' },
    { name: 'a base image named by an ARG is not known either', code: 'ARG BASE=registry.example.com/team/python-base:1\nFROM $BASE\nRUN python3 -m venv /app/venv && pip install x\n' },
  ],
  invalid: [
    {
      // No ENV after this RUN is offered: it would come too late for the pip inside it (it was
      // added again on every --fix pass, and the finding stayed).
      name: 'an official image (docker.io/library) is known: its PATH holds no venv',
      code: 'FROM docker.io/library/python:3.12-alpine\nRUN python3 -m venv /lsiopy && \\\n  pip install -U pip wheel\n',
      errors: [{ line: 3, column: 3, messageId: 'notOnPath', data: { name: 'pip', venv: '/lsiopy' } }],
      output: null,
    },
    {
      name: 'a stage of this file built on an official image is known too',
      code: 'FROM python:3.12-slim AS base\nFROM base\nRUN python3 -m venv /v\nRUN pip install x\n',
      errors: [{ line: 4, column: 5, messageId: 'notOnPath', data: { name: 'pip', venv: '/v' } }],
      output: null,
    },
    {
      name: 'after deactivate, a console script is still looked for in the venv',
      code: 'FROM python:3.12\nRUN python -m venv /qa/venv \\\n    && . /qa/venv/bin/activate \\\n    && pip install flake8 \\\n    && deactivate\nRUN flake8 app\n',
      errors: [{ line: 6, column: 5, messageId: 'notOnPath', data: { name: 'flake8', venv: '/qa/venv' } }],
      output: null,
    },
    {
      name: 'a deactivated venv created again is back in scope',
      code: 'FROM python:3.12\nRUN python -m venv /qa/venv \\\n    && . /qa/venv/bin/activate \\\n    && pip install flake8 \\\n    && deactivate\nRUN python -m venv /qa/venv\nRUN pip install x\n',
      errors: [{ line: 7, column: 5, messageId: 'notOnPath', data: { name: 'pip', venv: '/qa/venv', origin: ' created at line 2' } }],
      output: null,
    },
    {
      name: 'pip in the RUN after the venv was created',
      code: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN pip install requests\n',
      errors: [{ line: 3, column: 5, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/venv', origin: ' created at line 2', scope: 'in this RUN', replacement: '/opt/venv/bin/python -m pip' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install requests\n',
      fixSilences: true,
    },
    {
      // Both findings get the same edit: one ENV line after the RUN that created the venv.
      name: 'activation in an earlier RUN does not carry over',
      code: 'FROM python:3.12\nRUN python3 -m venv /opt/venv && . /opt/venv/bin/activate\nRUN python3 -m pip install x && \\\n    python setup.py install\n',
      errors: [
        { line: 3, column: 5, messageId: 'notOnPath', data: { name: 'python3' } },
        { line: 4, column: 5, messageId: 'notOnPath', data: { name: 'python' } },
      ],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python3 -m venv /opt/venv && . /opt/venv/bin/activate\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN python3 -m pip install x && \\\n    python setup.py install\n',
    },
    {
      name: 'multi-stage, venv copied in without ENV PATH',
      code: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install x\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nRUN pip install x\n',
      errors: [{ line: 7, column: 5, messageId: 'notOnPath', data: { venv: '/opt/venv', origin: ' copied in at line 6' } }],
      output: null,
      unsafeOutput:
        'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install x\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n',
    },
    {
      name: 'exec form CMD, fixed by an ENV line before it',
      code: 'FROM python:3.12\nRUN python -m venv /v\nCMD ["pip", "list"]\n',
      errors: [{ line: 3, column: 7, messageId: 'notOnPath', data: { scope: 'when CMD runs' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python -m venv /v\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nCMD ["pip", "list"]\n',
      fixSilences: true,
    },
    {
      name: 'console script from the curated list, in a heredoc, WORKDIR-relative venv',
      code: 'FROM python:3.12\nWORKDIR /app\nRUN uv venv\nRUN <<EOF\n  pytest -q\nEOF\n',
      errors: [{ line: 5, column: 3, messageId: 'notOnPath', data: { name: 'pytest', venv: '/app/.venv', origin: ' created at line 3' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nWORKDIR /app\nRUN uv venv\nENV VIRTUAL_ENV=/app/.venv PATH="/app/.venv/bin:$PATH"\nRUN <<EOF\n  pytest -q\nEOF\n',
      fixSilences: true,
    },
    {
      name: 'a shell script in an exec-form string, at its exact column',
      code: 'FROM python:3.12\nRUN python -m venv /v\nRUN ["sh", "-c", "pip install x"]\n',
      errors: [{ line: 3, column: 19, messageId: 'notOnPath', data: { name: 'pip', advice: ENV_PATH('/v') } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python -m venv /v\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nRUN ["sh", "-c", "pip install x"]\n',
      fixSilences: true,
    },
  ],
});

test('venv-not-on-path fix title: the ENV line goes after the RUN that creates the venv', async () => {
  const [d] = await checkText('FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN pip install requests\n', { path: 'Dockerfile', select: [rule.code] });
  assert.equal(d.fix?.title, 'Add ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH" after line 2');
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
