/** VG203 source-in-sh: `source` where /bin/sh is dash (Dockerfile RUN, Actions `shell: sh`, a Makefile recipe); `.` and bash are fine. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sourceInSh } from '../../src/rules/source-in-sh.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { tempDir } from '../helpers.js';
import { testRule } from '../rule-tester.js';

const rule = sourceInSh;
const DEBIAN_SOURCE = 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN source /opt/venv/bin/activate && pip install requests\n';
const DEBIAN_DOT = 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate && pip install requests\n';

testRule(rule, {
  filename: 'Dockerfile',
  valid: [
    { name: 'the POSIX spelling', code: 'FROM python:3.12\nRUN python -m venv /v\nRUN . /v/bin/activate && pip install x\n' },
    { name: 'SHELL is bash', code: 'FROM python:3.12\nSHELL ["/bin/bash", "-c"]\nRUN python -m venv /v\nRUN source /v/bin/activate && pip install x\n' },
    { name: 'an Alpine image: busybox ash has source', code: 'FROM python:3.12-alpine\nRUN python -m venv /v\nRUN source /v/bin/activate && pip install x\n' },
    { name: 'a Fedora image: /bin/sh is bash', code: 'FROM fedora:40\nRUN python3 -m venv /v\nRUN source /v/bin/activate && pip install x\n' },
    { name: 'bash -c inside RUN', code: 'FROM python:3.12\nRUN python -m venv /v\nRUN bash -c "source /v/bin/activate && pip install x"\n' },
    { name: 'source of something that is not an activate script', code: 'FROM python:3.12\nRUN source /etc/os-release; echo $ID\n' },
    { name: 'suppressed', code: 'FROM python:3.12\nRUN python -m venv /v\n# noqa: VG203\nRUN source /v/bin/activate && pip install x\n' },
    // gse's install-gse.sh: su runs the target user's login shell (the script made it /bin/bash), not /bin/sh.
    { name: 'su USER -c: the user\'s own shell', code: 'FROM debian:12\nRUN su gvm -c "python3 -m venv ~/v; source ~/v/bin/activate; pip install x"\n' },
    { name: 'runuser -l USER -c', code: 'FROM debian:12\nRUN runuser -l gvm -c "python3 -m venv ~/v; source ~/v/bin/activate; pip install x"\n' },
  ],
  invalid: [
    {
      name: 'RUN on a Debian-based image; the fix is `.`',
      code: DEBIAN_SOURCE,
      errors: [{ line: 3, column: 5, messageId: 'sourceNotInSh', data: { shell: '/bin/sh', args: '/opt/venv/bin/activate' } }],
      output: DEBIAN_DOT,
      unsafeOutput: DEBIAN_DOT,
      fixSilences: true,
    },
    {
      // `.` there would activate nothing that lasts; the fix is activation-does-not-persist's ENV line.
      name: 'a RUN that only activates, with source: the RUN becomes ENV, not `. …` alone',
      code: 'FROM python:3.12\nRUN python -m venv /v\nRUN source /v/bin/activate\nRUN pip install x\n',
      errors: [{ line: 3, column: 5, messageId: 'sourceNotInShLast', data: { args: '/v/bin/activate', ending: "this RUN's shell", advice: 'put it on PATH for every later instruction with ENV PATH="/v/bin:$PATH"' } }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nRUN python -m venv /v\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nRUN pip install x\n',
    },
    {
      // The RUN would still fail with 127 after an ENV line added behind it: no fix.
      name: 'source last in a RUN that does more',
      code: 'FROM python:3.12\nRUN python -m venv /v\nRUN pip install x && source /v/bin/activate\nRUN pip install y\n',
      errors: [{ line: 3, column: 22, messageId: 'sourceNotInShLast' }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'a RUN that only activates, with source, and a later ENV PATH: reported (the build stops), no fix',
      code: 'FROM python:3.12\nRUN python -m venv /v\nRUN source /v/bin/activate\nENV PATH=/v/bin:$PATH\n',
      errors: [{ line: 3, column: 5, messageId: 'sourceNotInShLast' }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

// The pip after a failed `source` is not also an escape: the failed source is the one finding, before and after its fix.
testRule(venvNotOnPath, {
  filename: 'Dockerfile',
  label: 'after source in sh',
  valid: [
    { name: 'the failed source is the one finding', code: DEBIAN_SOURCE },
    { name: 'the source fixed to `.`', code: DEBIAN_DOT },
  ],
  invalid: [],
});

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;

testRule(rule, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: [
    { name: 'the default bash', code: wf('run: python -m venv .venv', 'run: source .venv/bin/activate && pip install .') },
    { name: 'sh on macOS (bash as sh)', code: wf('run: python -m venv .venv', 'shell: sh\n        run: source .venv/bin/activate && pip install .').replace('ubuntu-latest', 'macos-14') },
  ],
  invalid: [
    {
      name: 'shell: sh on an Ubuntu runner',
      code: wf('run: python -m venv .venv', 'shell: sh\n        run: |\n          source .venv/bin/activate\n          pip install .'),
      errors: [{ line: 9, column: 11, messageId: 'sourceNotInSh', data: { shell: 'sh' } }],
      output: wf('run: python -m venv .venv', 'shell: sh\n        run: |\n          . .venv/bin/activate\n          pip install .'),
      unsafeOutput: wf('run: python -m venv .venv', 'shell: sh\n        run: |\n          . .venv/bin/activate\n          pip install .'),
    },
    {
      // A $GITHUB_PATH line after the failing `source` would never run: no fix.
      name: 'shell: sh, source alone in its step',
      code: wf('run: python -m venv .venv', 'shell: sh\n        run: source .venv/bin/activate'),
      errors: [{ line: 8, column: 14, messageId: 'sourceNotInShLast', data: { shell: 'sh', ending: "this step's shell" } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

testRule(rule, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab',
  valid: [{ name: 'an Alpine image runs busybox ash, which has source', code: 'test:\n  image: python:3.12-alpine\n  script:\n    - python -m venv .venv\n    - source .venv/bin/activate\n    - pip install .\n' }],
  invalid: [],
});

const MAKE_ALONE = 'build:\n\tpython3 -m venv venv\n\tsource venv/bin/activate\n\tpip3 install -e .\n';
const MAKE_SOURCE = 'VENV := .venv\ninstall:\n\tpython3 -m venv $(VENV)\n\tsource $(VENV)/bin/activate; pip install -r requirements.txt\n';

testRule(rule, {
  filename: 'Makefile',
  label: 'makefile',
  valid: [{ name: 'SHELL := /bin/bash is fine', code: 'SHELL := /bin/bash\n' + MAKE_SOURCE }],
  invalid: [
    {
      name: 'a recipe line under the default /bin/sh',
      code: MAKE_SOURCE,
      errors: [{ line: 4, column: 2, messageId: 'sourceNotInSh', data: { shell: '/bin/sh', args: '.venv/bin/activate' } }],
      output: MAKE_SOURCE.replace('\tsource ', '\t. '),
      unsafeOutput: MAKE_SOURCE.replace('\tsource ', '\t. '),
    },
    {
      // genomic-data-service's build target: `. venv/bin/activate` alone would let make go on to the
      // system's pip3 (see the real-make test below); the message says how to keep the venv instead.
      name: 'source alone on a recipe line: no `.` fix',
      code: MAKE_ALONE,
      errors: [{ line: 3, column: 2, messageId: 'sourceNotInShLast', data: { args: 'venv/bin/activate', ending: "this recipe line's shell" } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

test("source alone on a recipe line, measured with GNU make: make stops with 127, and `.` there would let the next line run without the venv", (t) => {
  const make = spawnSync('make', ['--version'], { encoding: 'utf8' });
  if (make.status !== 0) return t.skip('no make here');
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'venv/bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'venv/bin/activate'), 'VIRTUAL_ENV=venv; export VIRTUAL_ENV\n');
  const mk = (text: string) => {
    fs.writeFileSync(path.join(dir, 'Makefile'), text.replace('\tpython3 -m venv venv\n', '').replace('\tpip3 install -e .\n', () => '\techo "VIRTUAL_ENV=$${VIRTUAL_ENV:-unset}"\n'));
    return spawnSync('make', ['-s'], { cwd: dir, encoding: 'utf8' });
  };
  const broken = mk(MAKE_ALONE);
  assert.notEqual(broken.status, 0);
  assert.match(broken.stderr, /source/);
  const dotted = mk(MAKE_ALONE.replace('\tsource ', '\t. '));
  assert.equal(dotted.status, 0);
  assert.match(dotted.stdout, /VIRTUAL_ENV=unset/);
});

test('source-in-sh: what the rule claims, measured with the real /bin/sh (dash) of this machine', (t) => {
  const sh = fs.existsSync('/bin/sh') ? fs.realpathSync('/bin/sh') : '';
  if (!/dash$/.test(sh)) return t.skip(`/bin/sh is ${sh || 'missing'}, not dash`);
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'v/bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'v/bin/activate'), 'VIRTUAL_ENV=x; export VIRTUAL_ENV\n');
  const r = spawnSync('/bin/sh', ['-c', 'source v/bin/activate; echo "status=$? VIRTUAL_ENV=${VIRTUAL_ENV:-unset}"'], { cwd: dir, encoding: 'utf8' });
  assert.match(r.stderr, /source: not found/);
  assert.match(r.stdout, /status=127 VIRTUAL_ENV=unset/);
  const dot = spawnSync('/bin/sh', ['-c', '. v/bin/activate; echo "VIRTUAL_ENV=$VIRTUAL_ENV"'], { cwd: dir, encoding: 'utf8' });
  assert.match(dot.stdout, /VIRTUAL_ENV=x/);
});
