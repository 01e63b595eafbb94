/** VG201 and VG202 on GitHub Actions workflows and composite actions: what persists across steps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { analyze, assertSilent, lint } from '../actions-lint.js';
import { applyEdits } from '../dockerfile-lint.js';

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

const valid: [string, string][] = [
  ['actions/setup-python alone, then pip install (no venv)', wf('uses: actions/checkout@v4', 'uses: actions/setup-python@v5\n        with:\n          python-version: "3.12"', 'run: pip install -r requirements.txt', 'run: python -m pytest')],
  ['tools that manage their own environment', wf('run: python -m venv .venv', 'run: uv run pytest && poetry run pytest', 'run: |\n          tox -e py312\n          nox -s tests')],
  ['created and used with activation in the same step', wf('run: |\n          python -m venv .venv\n          source .venv/bin/activate\n          pip install -r requirements.txt\n          pytest')],
  ['$GITHUB_PATH written in the creating step', wf('run: |\n          python -m venv .venv\n          echo "$PWD/.venv/bin" >> $GITHUB_PATH', 'run: pip install x', 'run: python -m pytest')],
  ['$GITHUB_PATH with ${{ github.workspace }}', wf('run: uv venv', 'run: echo "${{ github.workspace }}/.venv/bin" >> "$GITHUB_PATH"', 'run: pytest')],
  ['explicit venv paths', wf('run: python -m venv .venv', 'run: .venv/bin/pip install x && ./.venv/bin/python -m pytest')],
  ['the creating commands themselves', wf('run: python -m venv a && python3 -m venv b && virtualenv c')],
  ['a version probe', wf('run: python -m venv .venv', 'run: python --version')],
  ['pip before the venv exists', wf('run: pip install virtualenv', 'run: virtualenv .venv')],
  ['PATH set for the command', wf('run: python -m venv .venv', 'run: PATH="$PWD/.venv/bin:$PATH" pip install x')],
  ['suppressed on the line above the step', wf('run: python -m venv .venv', '# venvguard: ignore[VG201]\n      - run: pip install x').replace('      - # venvguard', '      # venvguard')],
  ['suppressed on the line above run:', wf('run: python -m venv .venv', 'name: install\n        # venvguard: ignore[VG201]\n        run: pip install x')],
  ['suppressed inside the script', wf('run: python -m venv .venv', 'run: |\n          # venvguard: ignore[venv-not-on-path]\n          pip install x')],
  ['pwsh steps are not analysed', wf('run: python -m venv .venv', 'run: pip install x\n        shell: pwsh')],
  [
    'a side venv set up by path in its own step (a test fixture), then the runner\'s Python',
    wf('uses: actions/setup-python@v5', 'run: |\n          python3 -m venv /tmp/pyenv\n          /tmp/pyenv/bin/python -m pip install loghub', 'run: pip install -e .[test]', 'run: pytest -v test/'),
  ],
  ['another job does not see the venv', 'jobs:\n  a:\n    steps:\n      - run: python -m venv .venv\n  b:\n    steps:\n      - run: pip install x\n'],
];

for (const [name, code] of valid) {
  test(`venv-not-on-path (actions) valid: ${name}`, async () => {
    assert.equal((await analyze(code)).syntaxProblem, undefined);
    await assertSilent(venvNotOnPath, code);
    await assertSilent(activationDoesNotPersist, code);
  });
}

test('venv-not-on-path (actions) invalid: a venv used by path in a later step is the main one: bare pytest still escapes it', async () => {
  const code = wf('run: python -m venv .venv', 'run: .venv/bin/pip install -r requirements.txt', 'run: pytest');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[8, 14]]);
});

test('venv-not-on-path (actions) invalid: pip in the step after the venv was created', async () => {
  const code = wf('uses: actions/setup-python@v5', 'run: python -m venv .venv', 'run: pip install -r requirements.txt');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[8, 14]]);
  assert.equal(
    found[0].message,
    '"pip" runs from PATH, but the venv .venv created in step 2 (line 7) is not on PATH in this step; use .venv/bin/python -m pip, or write the venv\'s bin to $GITHUB_PATH (echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH") so that later steps find it',
  );
  assert.equal(found[0].fixTitle, 'Append .venv/bin to $GITHUB_PATH in step 2');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('run: python -m venv .venv', 'run: python -m venv .venv && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"'));
  await assertSilent(venvNotOnPath, fixed);
});

test('venv-not-on-path (actions) invalid: activation alone in a step → VG202 there, VG201 at the later pip', async () => {
  const code = wf('run: python3 -m venv .venv', 'name: Activate\n        run: source .venv/bin/activate', 'run: |\n          pip install .\n          pytest -q');
  const vg201 = await lint(venvNotOnPath, code);
  assert.deepEqual(vg201.map((f) => [f.line, f.column]), [[10, 11], [11, 11]]);
  assert.match(vg201[1].message, /^"pytest" runs from PATH, but the venv \.venv created in step 1 \(line 6\) is not on PATH in this step; use \.venv\/bin\/pytest/);
  const vg202 = await lint(activationDoesNotPersist, code);
  assert.deepEqual(vg202.map((f) => [f.line, f.column]), [[8, 14]]);
  assert.equal(
    vg202[0].message,
    '"source .venv/bin/activate" is the last command of this step: activation ends with this step\'s shell, so it has no effect; the "pip" at line 10 runs without it; write the venv\'s bin to $GITHUB_PATH (echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH") so that later steps find it',
  );
});

test('activation-does-not-persist (actions): used in its step, but a later step relies on it', async () => {
  const code = wf('run: |\n          python -m venv venv\n          . venv/bin/activate\n          pip install -e .', 'run: python -m pytest');
  const vg202 = await lint(activationDoesNotPersist, code);
  assert.deepEqual(vg202.map((f) => [f.line, f.column]), [[8, 11]]);
  assert.match(vg202[0].message, /^"\. venv\/bin\/activate" lasts only for this step's shell; the "python" at line 10 runs without it; write the venv's bin to \$GITHUB_PATH/);
  const vg201 = await lint(venvNotOnPath, code);
  assert.deepEqual(vg201.map((f) => [f.line, f.column]), [[10, 14]]);
});

test('venv-not-on-path (actions) invalid: inside a folded > block; the $GITHUB_PATH line goes into the creating step', async () => {
  const code = wf('run: uv venv\n        working-directory: app', 'working-directory: app\n        run: >\n          echo start &&\n          python -m pytest\n          tests/');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[11, 11]]);
  assert.match(found[0].message, /the venv app\/\.venv created in step 1 \(line 6\) is not on PATH in this step; use app\/\.venv\/bin\/python,/);
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('run: uv venv', 'run: uv venv && echo "$GITHUB_WORKSPACE/app/.venv/bin" >> "$GITHUB_PATH"'));
  await assertSilent(venvNotOnPath, fixed);
});

test('venv-not-on-path (actions) invalid: no $GITHUB_PATH line after a redirected command; the program is replaced instead, relative to working-directory', async () => {
  const code = wf('run: uv venv > /dev/null\n        working-directory: app', 'working-directory: app\n        run: >\n          echo start &&\n          python -m pytest\n          tests/');
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[11, 11]]);
  assert.equal(found[0].fixTitle, 'Use app/.venv/bin/python');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('          python -m pytest', '          .venv/bin/python -m pytest'));
  await assertSilent(venvNotOnPath, fixed);
});

test('venv-not-on-path (actions) invalid: a composite action; a quoted run: scalar', async () => {
  const code = "runs:\n  using: composite\n  steps:\n    - run: virtualenv /tmp/v\n      shell: bash\n    - run: 'echo ''go'' && pip3 install .'\n      shell: sh\n";
  const found = await lint(venvNotOnPath, code, 'action.yml');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[6, 28]]);
  assert.match(found[0].message, /^"pip3" runs from PATH, but the venv \/tmp\/v created in step 1 \(line 4\) is not on PATH in this step; use \/tmp\/v\/bin\/python -m pip, or write the venv's bin to \$GITHUB_PATH \(echo "\/tmp\/v\/bin"/);
});

test('venv-not-on-path (actions) valid: astral-sh/setup-uv with activate-environment puts .venv on PATH for later steps', async () => {
  const code = wf('uses: astral-sh/setup-uv@v6\n        with:\n          activate-environment: true', 'run: uv pip install -e .', 'run: pytest && python -m mypy .');
  await assertSilent(venvNotOnPath, code);
});

test('venv-not-on-path (actions) valid: setup-uv activates app/.venv; a later side venv does not make pytest an escape', async () => {
  const code = wf('uses: astral-sh/setup-uv@v6\n        with:\n          activate-environment: "true"\n          working-directory: app', 'run: python -m venv /tmp/tools', 'run: pytest');
  // /tmp/tools is the newest venv, not on PATH; app/.venv is on PATH first, so pytest resolves there.
  await assertSilent(venvNotOnPath, code);
});

test('venv-not-on-path (actions) valid: printf to $GITHUB_PATH persists like echo', async () => {
  const code = wf('run: python -m venv .venv', "run: printf '%s\\n' \"$PWD/.venv/bin\" >> \"$GITHUB_PATH\"", 'run: pip install .');
  await assertSilent(venvNotOnPath, code);
});

test('venv-not-on-path (actions) valid: a shell: python step that appends the venv bin to $GITHUB_PATH', async () => {
  const py = 'shell: python\n        run: |\n          import os\n          with open(os.environ["GITHUB_PATH"], "a") as f:\n              f.write("/opt/venv/bin\\n")';
  await assertSilent(venvNotOnPath, wf('run: python -m venv /opt/venv', py, 'run: pip install .'));
  // Without that step the pip is an escape; a python step that writes something else changes nothing.
  const other = 'shell: python\n        run: |\n          import os\n          print(os.environ["GITHUB_PATH"])';
  assert.equal((await lint(venvNotOnPath, wf('run: python -m venv /opt/venv', other, 'run: pip install .'))).length, 1);
});
