/** VG201 and VG202 on GitHub Actions workflows and composite actions: what persists across steps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule, type ValidCase } from '../rule-tester.js';

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;
const GITHUB_PATH = (venv: string) => `write the venv's bin to $GITHUB_PATH (echo "${venv}/bin" >> "$GITHUB_PATH") so that later steps find it`;
const PYTHON_STEP_WRITES_PATH = 'shell: python\n        run: |\n          import os\n          with open(os.environ["GITHUB_PATH"], "a") as f:\n              f.write("/opt/venv/bin\\n")';
const PYTHON_STEP_READS_PATH = 'shell: python\n        run: |\n          import os\n          print(os.environ["GITHUB_PATH"])';

/** Silent for both rules. */
const VALID: ValidCase[] = [
  { name: 'actions/setup-python alone, then pip install (no venv)', code: wf('uses: actions/checkout@v4', 'uses: actions/setup-python@v5\n        with:\n          python-version: "3.12"', 'run: pip install -r requirements.txt', 'run: python -m pytest') },
  { name: 'tools that manage their own environment', code: wf('run: python -m venv .venv', 'run: uv run pytest && poetry run pytest', 'run: |\n          tox -e py312\n          nox -s tests') },
  { name: 'created and used with activation in the same step', code: wf('run: |\n          python -m venv .venv\n          source .venv/bin/activate\n          pip install -r requirements.txt\n          pytest') },
  { name: '$GITHUB_PATH written in the creating step', code: wf('run: |\n          python -m venv .venv\n          echo "$PWD/.venv/bin" >> $GITHUB_PATH', 'run: pip install x', 'run: python -m pytest') },
  { name: '$GITHUB_PATH with ${{ github.workspace }}', code: wf('run: uv venv', 'run: echo "${{ github.workspace }}/.venv/bin" >> "$GITHUB_PATH"', 'run: pytest') },
  { name: 'explicit venv paths', code: wf('run: python -m venv .venv', 'run: .venv/bin/pip install x && ./.venv/bin/python -m pytest') },
  { name: 'the creating commands themselves', code: wf('run: python -m venv a && python3 -m venv b && virtualenv c') },
  { name: 'a version probe', code: wf('run: python -m venv .venv', 'run: python --version') },
  { name: 'pip before the venv exists', code: wf('run: pip install virtualenv', 'run: virtualenv .venv') },
  { name: 'PATH set for the command', code: wf('run: python -m venv .venv', 'run: PATH="$PWD/.venv/bin:$PATH" pip install x') },
  { name: 'suppressed on the line above the step', code: wf('run: python -m venv .venv', '# venvguard: ignore[VG201]\n      - run: pip install x').replace('      - # venvguard', '      # venvguard') },
  { name: 'suppressed on the line above run:', code: wf('run: python -m venv .venv', 'name: install\n        # venvguard: ignore[VG201]\n        run: pip install x') },
  { name: 'suppressed inside the script', code: wf('run: python -m venv .venv', 'run: |\n          # venvguard: ignore[venv-not-on-path]\n          pip install x') },
  { name: 'pwsh steps are not analysed', code: wf('run: python -m venv .venv', 'run: pip install x\n        shell: pwsh') },
  {
    name: "a side venv set up by path in its own step (a test fixture), then the runner's Python",
    code: wf('uses: actions/setup-python@v5', 'run: |\n          python3 -m venv /tmp/pyenv\n          /tmp/pyenv/bin/python -m pip install loghub', 'run: pip install -e .[test]', 'run: pytest -v test/'),
  },
  { name: 'another job does not see the venv', code: 'jobs:\n  a:\n    steps:\n      - run: python -m venv .venv\n  b:\n    steps:\n      - run: pip install x\n' },
];

const ACTIVATE_ALONE = wf('run: python3 -m venv .venv', 'name: Activate\n        run: source .venv/bin/activate', 'run: |\n          pip install .\n          pytest -q');
const ACTIVATE_USED = wf('run: |\n          python -m venv venv\n          . venv/bin/activate\n          pip install -e .', 'run: python -m pytest');
const FOLDED = (creates: string) => wf(`run: ${creates}\n        working-directory: app`, 'working-directory: app\n        run: >\n          echo start &&\n          python -m pytest\n          tests/');

testRule(venvNotOnPath, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: [
    ...VALID,
    { name: 'astral-sh/setup-uv with activate-environment puts .venv on PATH for later steps', code: wf('uses: astral-sh/setup-uv@v6\n        with:\n          activate-environment: true', 'run: uv pip install -e .', 'run: pytest && python -m mypy .') },
    // /tmp/tools is the newest venv, not on PATH; app/.venv is on PATH first, so pytest resolves there.
    {
      name: 'setup-uv activates app/.venv; a later side venv does not make pytest an escape',
      code: wf('uses: astral-sh/setup-uv@v6\n        with:\n          activate-environment: "true"\n          working-directory: app', 'run: python -m venv /tmp/tools', 'run: pytest'),
    },
    { name: 'printf to $GITHUB_PATH persists like echo', code: wf('run: python -m venv .venv', "run: printf '%s\\n' \"$PWD/.venv/bin\" >> \"$GITHUB_PATH\"", 'run: pip install .') },
    { name: 'a shell: python step that appends the venv bin to $GITHUB_PATH', code: wf('run: python -m venv /opt/venv', PYTHON_STEP_WRITES_PATH, 'run: pip install .') },
    // Real-repository review (unseen corpus: python-zulip-api, esphome): a Windows-only step never
    // runs after a Linux-only one, and is not a POSIX shell.
    {
      name: "a step only Windows runs (if: runner.os == 'Windows') is not judged with the Linux steps",
      code: "on: push\njobs:\n  test:\n    runs-on: ${{ matrix.os }}\n    strategy: {matrix: {os: [ubuntu-latest, windows-latest]}}\n    steps:\n      - run: python -m venv venv\n      - if: runner.os == 'Linux'\n        run: |\n          source venv/bin/activate\n          pytest\n      - if: startsWith(matrix.os, 'windows') && always()\n        run: |\n          venv\\Scripts\\Activate.ps1\n          pytest\n",
    },
    {
      // freqtrade: runs-on: ${{ matrix.os }} whose matrix holds only Windows runners: PowerShell by default.
      name: 'a job whose matrix runs it only on Windows is not read as bash',
      code: "on: push\njobs:\n  win:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [windows-latest]\n    steps:\n      - run: python -m venv venv\n      - run: |\n          if (git status --porcelain) { exit 1 }\n          pytest\n",
    },
  ],
  invalid: [
    {
      name: "an if: that may hold on Linux (runner.os != 'Windows', or an ||) keeps the step",
      code: "on: push\njobs:\n  t:\n    runs-on: ${{ matrix.os }}\n    strategy: {matrix: {os: [ubuntu-latest, windows-latest]}}\n    steps:\n      - run: python -m venv venv\n      - if: runner.os != 'Windows'\n        run: pytest\n      - if: runner.os == 'Windows' || github.event_name == 'push'\n        run: pytest\n",
      errors: [
        { line: 9, column: 14, messageId: 'notOnPath', data: { name: 'pytest' } },
        { line: 11, column: 14, messageId: 'notOnPath', data: { name: 'pytest' } },
      ],
      output: null,
    },
    {
      name: 'a venv used by path in a later step is the main one: bare pytest still escapes it',
      code: wf('run: python -m venv .venv', 'run: .venv/bin/pip install -r requirements.txt', 'run: pytest'),
      errors: [{ line: 8, column: 14, messageId: 'notOnPath', data: { name: 'pytest' } }],
      output: null,
      unsafeOutput: wf('run: python -m venv .venv && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"', 'run: .venv/bin/pip install -r requirements.txt', 'run: pytest'),
    },
    {
      name: 'pip in the step after the venv was created',
      code: wf('uses: actions/setup-python@v5', 'run: python -m venv .venv', 'run: pip install -r requirements.txt'),
      errors: [
        {
          line: 8,
          column: 14,
          messageId: 'notOnPath',
          data: { name: 'pip', venv: '.venv', origin: ' created in step 2 (line 7)', scope: 'in this step', replacement: '.venv/bin/python -m pip', advice: GITHUB_PATH('$GITHUB_WORKSPACE/.venv') },
        },
      ],
      output: null,
      unsafeOutput: wf('uses: actions/setup-python@v5', 'run: python -m venv .venv && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"', 'run: pip install -r requirements.txt'),
      fixSilences: true,
    },
    {
      name: 'activation alone in a step: VG201 at the later pip and pytest (VG202 at the activation)',
      code: ACTIVATE_ALONE,
      errors: [
        { line: 10, column: 11, messageId: 'notOnPath', data: { name: 'pip' } },
        { line: 11, column: 11, messageId: 'notOnPath', data: { name: 'pytest', venv: '.venv', origin: ' created in step 1 (line 6)', scope: 'in this step', replacement: '.venv/bin/pytest' } },
      ],
      output: null,
      unsafeOutput: ACTIVATE_ALONE.replace('run: python3 -m venv .venv', 'run: python3 -m venv .venv && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"'),
    },
    {
      name: 'activation used in its step, but a later step relies on it: VG201 there (VG202 at the activation)',
      code: ACTIVATE_USED,
      errors: [{ line: 10, column: 14, messageId: 'notOnPath', data: { name: 'python' } }],
      output: null,
      unsafeOutput: ACTIVATE_USED.replace('python -m venv venv', 'python -m venv venv && echo "$GITHUB_WORKSPACE/venv/bin" >> "$GITHUB_PATH"'),
    },
    {
      name: 'inside a folded > block; the $GITHUB_PATH line goes into the creating step',
      code: FOLDED('uv venv'),
      errors: [{ line: 11, column: 11, messageId: 'notOnPath', data: { venv: 'app/.venv', origin: ' created in step 1 (line 6)', scope: 'in this step', replacement: '.venv/bin/python' } }],
      output: null,
      unsafeOutput: FOLDED('uv venv && echo "$GITHUB_WORKSPACE/app/.venv/bin" >> "$GITHUB_PATH"'),
      fixSilences: true,
    },
    {
      name: 'no $GITHUB_PATH line after a redirected command; the program is replaced instead, relative to working-directory',
      code: FOLDED('uv venv > /dev/null'),
      errors: [{ line: 11, column: 11, messageId: 'notOnPath' }],
      output: null,
      unsafeOutput: FOLDED('uv venv > /dev/null').replace('          python -m pytest', '          .venv/bin/python -m pytest'),
      fixSilences: true,
    },
    {
      name: 'a composite action; a quoted run: scalar',
      filename: 'action.yml',
      code: "runs:\n  using: composite\n  steps:\n    - run: virtualenv /tmp/v\n      shell: bash\n    - run: 'echo ''go'' && pip3 install .'\n      shell: sh\n",
      errors: [
        {
          line: 6,
          column: 28,
          messageId: 'notOnPath',
          data: { name: 'pip3', venv: '/tmp/v', origin: ' created in step 1 (line 4)', scope: 'in this step', replacement: '/tmp/v/bin/python -m pip', advice: GITHUB_PATH('/tmp/v') },
        },
      ],
      output: null,
      unsafeOutput: "runs:\n  using: composite\n  steps:\n    - run: virtualenv /tmp/v && echo \"/tmp/v/bin\" >> \"$GITHUB_PATH\"\n      shell: bash\n    - run: 'echo ''go'' && pip3 install .'\n      shell: sh\n",
    },
    {
      name: 'a shell: python step that writes something else to its output changes nothing',
      code: wf('run: python -m venv /opt/venv', PYTHON_STEP_READS_PATH, 'run: pip install .'),
      errors: [{ line: 11, column: 14, messageId: 'notOnPath', data: { name: 'pip' } }],
      output: null,
      unsafeOutput: wf('run: python -m venv /opt/venv && echo "/opt/venv/bin" >> "$GITHUB_PATH"', PYTHON_STEP_READS_PATH, 'run: pip install .'),
    },
  ],
});

testRule(activationDoesNotPersist, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: VALID,
  invalid: [
    {
      name: 'activation alone in a step: VG202 there (VG201 at the later pip)',
      code: ACTIVATE_ALONE,
      errors: [
        {
          line: 8,
          column: 14,
          messageId: 'lastCommandLaterRuns',
          data: { command: 'source .venv/bin/activate', unit: 'this step', program: 'pip', line: 10, advice: GITHUB_PATH('$GITHUB_WORKSPACE/.venv') },
        },
      ],
      output: null,
      unsafeOutput: ACTIVATE_ALONE.replace('run: source .venv/bin/activate', 'run: source .venv/bin/activate && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"'),
    },
    {
      name: 'used in its step, but a later step relies on it',
      code: ACTIVATE_USED,
      errors: [{ line: 8, column: 11, messageId: 'lastsOnlyForShell', data: { command: '. venv/bin/activate', unit: "this step", program: 'python', line: 10, advice: GITHUB_PATH('$GITHUB_WORKSPACE/venv') } }],
      output: null,
      unsafeOutput: ACTIVATE_USED.replace('. venv/bin/activate', '. venv/bin/activate && echo "$GITHUB_WORKSPACE/venv/bin" >> "$GITHUB_PATH"'),
    },
  ],
});

test('venv-not-on-path (actions) fix titles: $GITHUB_PATH in the creating step, else the program by path', async () => {
  const titles = async (code: string) => (await checkText(code, { path: '.github/workflows/ci.yml', select: [venvNotOnPath.code] })).map((d) => d.fix?.title);
  assert.deepEqual(await titles(wf('uses: actions/setup-python@v5', 'run: python -m venv .venv', 'run: pip install -r requirements.txt')), ['Append .venv/bin to $GITHUB_PATH in step 2']);
  assert.deepEqual(await titles(FOLDED('uv venv > /dev/null')), ['Use .venv/bin/python']);
});
