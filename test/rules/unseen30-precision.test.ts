/**
 * Issue 15, session 26: findings of the unseen30 and unseen31 batches (services deployed from a
 * venv; libraries whose CI or Makefile builds a venv by hand) reviewed as false, with a wrong fix,
 * or as not fully checked, each with the near case that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';

const shown = async (code: string, path: string) => (await checkText(code, { path })).map((d) => `${d.start.line} ${d.code}`);

test("a job's env PATH naming the hosted runner's workspace by its real path puts the workspace venv first (orjson's macOS job)", async () => {
  const workflow = (pathValue: string) =>
    [
      'on: push',
      'jobs:',
      '  macos:',
      '    runs-on: macos-14',
      '    env:',
      `      PATH: "${pathValue}"`,
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: |',
      '          uv venv',
      '          uv pip install -r requirements.txt',
      '      - run: pytest -v test',
      '      - run: source .venv/bin/activate && ./integration/run thread',
      '',
    ].join('\n');
  assert.deepEqual(await shown(workflow('/Users/runner/work/orjson/orjson/.venv/bin:/usr/local/bin:/usr/bin:/bin'), '.github/workflows/artifact.yaml'), []);
  assert.deepEqual(await shown(workflow('/home/runner/work/orjson/orjson/.venv/bin:/usr/bin:/bin'), '.github/workflows/artifact.yaml'), []);
  // The twins: another repository's folder (not this workspace), and a PATH without the venv.
  assert.deepEqual(await shown(workflow('/home/runner/work/other/orjson/.venv/bin:/usr/bin:/bin'), '.github/workflows/artifact.yaml'), ['12 VG201']);
  assert.deepEqual(await shown(workflow('/home/runner/.cargo/bin:/usr/bin:/bin'), '.github/workflows/artifact.yaml'), ['12 VG201']);
});

test("a helper the script calls but does not define, named for activating, activates some environment (fireq's `_activate` from its header template)", async () => {
  const script = ['#!/bin/bash', 'python3 -m venv /opt/app/env', '_activate', 'pip install -U pip wheel', ''].join('\n');
  assert.deepEqual(await shown(script, 'tpl/build-init.sh'), []);
  assert.deepEqual(await shown(script.replace('_activate', 'activate_venv'), 'tpl/build-init.sh'), []);
  // The twins: the script defines the helper (its body is what runs), and a name that only contains the word.
  const defined = script.replace('_activate\n', '_activate() {\n    echo ready\n}\n_activate\n');
  assert.deepEqual(await shown(defined, 'tpl/build-init.sh'), ['7 VG201']);
  assert.deepEqual(await shown(script.replace('_activate', 'deactivated_check'), 'tpl/build-init.sh'), ['4 VG201']);
});

test("an f-string's `{{` and `}}` are one brace in the shell script it builds (craft-parts' scriptlet preamble: `${{1-}}`)", async () => {
  const code = [
    'import subprocess',
    '',
    'def run(scriptlet, name):',
    '    preamble = (',
    '        "craftctl() {\\n"',
    '        f\'    echo "Error: craftctl ${{1-}} cannot be used in {name}" >&2\\n\'',
    '        "}\\n"',
    '    )',
    '    subprocess.run(["bash", "-c", preamble + scriptlet], check=True)',
    '',
  ].join('\n');
  assert.deepEqual(await shown(code, 'craft_parts/executor/step_handler.py'), []);
  // The twin: a console script the script runs after the preamble is still found.
  assert.deepEqual(await shown(code.replace('preamble + scriptlet', 'preamble + "pytest -q\\n"'), 'craft_parts/executor/step_handler.py'), ['9 VG103']);
});
