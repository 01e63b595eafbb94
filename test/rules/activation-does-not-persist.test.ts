/** VG202 activation-does-not-persist in Dockerfiles and GitHub Actions: an activation ends with its RUN's (step's) shell. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { testRule } from '../rule-tester.js';

const rule = activationDoesNotPersist;

testRule(rule, {
  filename: 'Dockerfile',
  valid: [
    { name: 'activated and used in the same RUN', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install x\nRUN echo done\n' },
    { name: 'ENV instead of activation', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n' },
    { name: 'activation used, later RUN uses the venv by path', code: 'FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate && pip install x\nRUN /v/bin/python -m pytest\n' },
    { name: 'later RUN is in another stage', code: 'FROM python:3.12 AS a\nRUN python -m venv /v && . /v/bin/activate && pip install x\nFROM python:3.12\nRUN pip install y\n' },
    { name: 'suppressed', code: 'FROM python:3.12\nRUN python -m venv /v\n# venvguard: ignore[VG202]\nRUN . /v/bin/activate\n' },
    { name: 'a script called activate elsewhere', code: 'FROM x\nRUN . /etc/profile\n' },
    { name: 'last in its RUN but a later ENV puts the venv on PATH anyway', code: 'FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate\nENV PATH=/v/bin:$PATH\nRUN pip install x\n' },
    { name: 'a RUN that only activates, then ENV puts the venv on PATH (bluebutton-web-server)', code: 'FROM python:3.12\nRUN python -m venv /tmp/venv\nRUN . /tmp/venv/bin/activate\nENV PATH="/tmp/venv/bin:${PATH}"\nRUN pip3 install selenium\n' },
    // Regression (mealie's Dockerfile): the venv comes from a stage whose poetry made it; ENV PATH names it.
    {
      name: 'a venv the file only activates, on PATH through ENV in the later RUN',
      code: 'FROM python:3.10-slim AS base\nENV VENV_PATH=/opt/pysetup/.venv\nENV PATH="/opt/poetry/bin:$VENV_PATH/bin:$PATH"\nFROM base\nRUN . $VENV_PATH/bin/activate && poetry install\nRUN python scripts/install_model.py\n',
    },
    { name: 'source under dash: nothing is activated (source-in-sh reports it)', code: 'FROM python:3.12\nRUN python -m venv /v\nRUN source /v/bin/activate\n' },
    // Real-repository review (corpus/verdicts.json, doodba): the end of the activation is meant.
    { name: 'activated, used and deactivated in one RUN', code: 'FROM python:3.12\nRUN python -m venv /qa/v && . /qa/v/bin/activate && pip install flake8 && deactivate\nRUN pip install app\n' },
  ],
  invalid: [
    {
      name: 'activation alone on a RUN',
      code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate\n',
      errors: [
        {
          line: 3,
          column: 5,
          messageId: 'lastCommand',
          data: { command: '. /opt/venv/bin/activate', unit: 'this RUN', advice: 'put it on PATH for every later instruction with ENV PATH="/opt/venv/bin:$PATH"' },
        },
      ],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\n',
    },
    {
      name: 'source (Alpine: ash has it) at the end of a RUN, relative to WORKDIR, a later RUN relies on it',
      code: 'FROM python:3.12-alpine\nWORKDIR /app\nRUN python -m venv venv && \\\n    source venv/bin/activate\nRUN pip install -r requirements.txt\n',
      errors: [
        {
          line: 4,
          column: 5,
          messageId: 'lastCommandLaterRuns',
          data: { unit: 'this RUN', program: 'pip', line: 5, advice: 'put it on PATH for every later instruction with ENV PATH="/app/venv/bin:$PATH"' },
        },
      ],
      output: null,
      unsafeOutput: 'FROM python:3.12-alpine\nWORKDIR /app\nRUN python -m venv venv && \\\n    source venv/bin/activate\nENV VIRTUAL_ENV=/app/venv PATH="/app/venv/bin:$PATH"\nRUN pip install -r requirements.txt\n',
    },
    {
      // Regression: the ENV line after the RUN left the activation last in its RUN with no later RUN,
      // so every --fix pass added another ENV line; the stage now ends with the venv on PATH.
      name: 'the last command of the last RUN: one ENV line, and the fix converges',
      code: 'FROM python:3.12\nRUN python3 -m venv /v\nRUN echo hi && . /v/bin/activate\n',
      errors: [{ line: 3, column: 16, messageId: 'lastCommand', data: { unit: 'this RUN', ending: "this RUN's shell" } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python3 -m venv /v\nRUN echo hi && . /v/bin/activate\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\n',
    },
    {
      name: 'activation used in its RUN but a later RUN expects it',
      code: 'FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate && pip install -U pip\nRUN python -m pytest\n',
      errors: [{ line: 2, column: 26, messageId: 'lastsOnlyForShell', data: { command: '. /v/bin/activate', unit: "this RUN", program: 'python', line: 3 } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate && pip install -U pip\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nRUN python -m pytest\n',
    },
    {
      name: 'fix: a RUN that only activates becomes the ENV line',
      code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate\nRUN pip install x\n',
      errors: [{ line: 3, column: 5, messageId: 'lastCommandLaterRuns' }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n',
      fixSilences: true,
    },
    {
      name: 'fix: an activation inside a longer RUN gets the ENV line after that RUN (CRLF kept)',
      code: 'FROM python:3.12\r\nRUN python -m venv /v && . /v/bin/activate && pip install -U pip\r\nRUN python -m pytest\r\n',
      errors: [{ line: 2, column: 26, messageId: 'lastsOnlyForShell' }],
      output: null,
      unsafeOutput: 'FROM python:3.12\r\nRUN python -m venv /v && . /v/bin/activate && pip install -U pip\r\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\r\nRUN python -m pytest\r\n',
      fixSilences: true,
    },
  ],
});

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;
const GITHUB_PATH_ADVICE = 'write the venv\'s bin to $GITHUB_PATH (echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH") so that later steps find it';

testRule(rule, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: [
    {
      // The job ends with the venv on PATH ($GITHUB_PATH written later): the activation is harmless.
      name: 'last in its step, and a later step puts the venv on PATH for good',
      code: wf('run: python -m venv .venv && echo made && . .venv/bin/activate', 'run: echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"'),
    },
    // Real-repository review (autogen's codeql.yml and dotnet-build.yml): a step that ends with the
    // activation, and later steps that run no Python tool by name and no make or script: harmless.
    {
      name: 'a no-op activation that nothing after it in the job could use',
      code: wf('name: Prepare python venv\n        run: |\n          uv sync --all-extras\n          source .venv/bin/activate', 'run: dotnet restore', 'run: dotnet build --no-restore', 'run: dotnet test --no-build'),
    },
  ],
  invalid: [
    {
      // The twin: a later step runs make, whose recipes may start Python by name.
      name: 'a no-op activation before a step that runs make',
      code: wf('name: Prepare python venv\n        run: |\n          uv sync --all-extras\n          source .venv/bin/activate', 'run: dotnet build', 'run: make test'),
      errors: [{ line: 9, column: 11, messageId: 'lastCommand', data: { unit: 'this step' } }],
      output: null,
      unsafeOutput: wf('name: Prepare python venv\n        run: |\n          uv sync --all-extras\n          source .venv/bin/activate && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"', 'run: dotnet build', 'run: make test'),
    },
    {
      name: 'fix: $GITHUB_PATH written right after the activation, in its step',
      code: wf('run: python -m venv .venv', 'run: |\n          source .venv/bin/activate\n          pip install -e .', 'run: pytest'),
      errors: [{ line: 8, column: 11, messageId: 'lastsOnlyForShell', data: { unit: "this step", program: 'pytest', line: 10, advice: GITHUB_PATH_ADVICE } }],
      output: null,
      unsafeOutput: wf('run: python -m venv .venv', 'run: |\n          source .venv/bin/activate && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"\n          pip install -e .', 'run: pytest'),
      fixSilences: true,
    },
    {
      name: 'fix: a double-quoted run: scalar gets its quotes escaped',
      code: wf('run: python -m venv .venv', 'run: "source .venv/bin/activate"', 'run: pytest'),
      errors: [{ line: 7, column: 15, messageId: 'lastCommandLaterRuns' }],
      output: null,
      unsafeOutput: wf('run: python -m venv .venv', 'run: "source .venv/bin/activate && echo \\"$GITHUB_WORKSPACE/.venv/bin\\" >> \\"$GITHUB_PATH\\""', 'run: pytest'),
      fixSilences: true,
    },
  ],
});

test('activation-does-not-persist fix title: a RUN that only activates is replaced by the ENV line', async () => {
  const [d] = await checkText('FROM python:3.12\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate\nRUN pip install x\n', { path: 'Dockerfile', select: [rule.code] });
  assert.equal(d.fix?.title, 'Replace the RUN with ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"');
});
