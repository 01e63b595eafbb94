/**
 * One shell model: a nested `sh -c`/`bash -c`/`su -c` script runs in the same session as its
 * caller, as a child shell: it starts with the caller's PATH, folder, variables and activation,
 * and what it changes ends with it. The same text gets the same verdict at any nesting depth.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { sourceInSh } from '../../src/rules/source-in-sh.js';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { configLinter } from '../config-lint.js';
import { checkText } from '../../src/api.js';

const docker = configLinter('Dockerfile');
const script = configLinter('deploy.sh');
const unit = configLinter('app.service');

const VENV = 'FROM python:3.12\nRUN python3 -m venv /v\n';

test('one shell model: an activation inside bash -c covers the commands after it in that script (issue 9)', async () => {
  await docker.assertSilent(venvNotOnPath, VENV + 'RUN bash -c ". /v/bin/activate && pip install x"\n');
  await docker.assertSilent(venvNotOnPath, VENV + 'RUN . /v/bin/activate && pip install y\n');
  await docker.assertSilent(venvNotOnPath, VENV + 'RUN ["bash", "-c", ". /v/bin/activate && pip install x"]\n');
  await docker.assertSilent(venvNotOnPath, VENV + "RUN bash -c 'cd /v && . bin/activate && pip install x' || true\n");
  await script.assertSilent(venvNotOnPath, '#!/bin/bash\npython3 -m venv .venv\nbash -c ". .venv/bin/activate && pip install x"\n');
});

test('one shell model: the caller state reaches the child (cd, variables, an earlier activation)', async () => {
  await docker.assertSilent(venvNotOnPath, VENV + 'RUN . /v/bin/activate && bash -c "pip install x"\n');
  await docker.assertSilent(venvNotOnPath, VENV + "RUN cd /v && sh -c '. bin/activate && pip install x'\n");
  await docker.assertSilent(venvNotOnPath, VENV + "RUN export V=/v && bash -c '. $V/bin/activate && pip install x'\n");
});

test('one shell model: what the child changes ends with it', async () => {
  const found = await docker.lint(venvNotOnPath, VENV + 'RUN bash -c ". /v/bin/activate" && pip install x\n');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 36]]);
  assert.match(found[0].message, /^"pip" runs from PATH, but the venv \/v created at line 2 is not on PATH in this RUN/);
  const last = await docker.lint(activationDoesNotPersist, VENV + 'RUN bash -c ". /v/bin/activate" && pip install x\n');
  assert.equal(last.length, 1, 'the activation is the last command of its own (child) shell');
});

test('one shell model: sudo (secure_path) and env -i start the child without the activation', async () => {
  const found = await docker.lint(venvNotOnPath, VENV + 'RUN . /v/bin/activate && env -i sh -c "pip install x"\n');
  assert.equal(found.length, 0, 'env -i: PATH unset, judged by the default path, not as a venv escape');
  const sudo = await docker.lint(venvNotOnPath, VENV + 'RUN . /v/bin/activate && sudo sh -c "pip install x"\n');
  assert.equal(sudo.length, 0, "sudo resets PATH: VG201 is not the finding (the venv is not on sudo's path)");
});

test('one shell model: `source` inside sh -c fails under dash like at the top (VG203), in shell and exec form', async () => {
  for (const code of [VENV + "RUN sh -c 'source /v/bin/activate && pip install x'\n", VENV + 'RUN ["sh", "-c", "source /v/bin/activate && pip install x"]\n']) {
    const found = await docker.lint(sourceInSh, code);
    assert.equal(found.length, 1, code);
    assert.match(found[0].message, /^"source" is not a command in sh \(dash, on Debian and Ubuntu\)/);
  }
  await docker.assertSilent(sourceInSh, VENV + "RUN bash -c 'source /v/bin/activate && pip install x'\n");
});

test('one shell model: a unit command through env and sh -c', async () => {
  await unit.assertSilent(venvNotOnPath, '[Service]\nExecStart=/usr/bin/env FOO=1 /bin/sh -c ". /srv/app/venv/bin/activate && exec gunicorn app:app"\n');
  const found = await unit.lint(venvNotOnPath, '[Service]\nExecStartPre=/srv/app/venv/bin/pip install x\nExecStart=/usr/bin/env FOO=1 /bin/sh -c "exec gunicorn app:app"\n');
  assert.equal(found.length, 1);
});

test('one shell model: Python shell strings keep their verdicts (the site is Python\'s, whatever the shell activates)', async () => {
  const diags = await checkText('import os\nos.system("bash -c \'. venv/bin/activate && pip install x\'")\nos.system("PATH=/venv/bin:$PATH python x.py")\n');
  assert.deepEqual(diags.map((d) => `${d.start.line} ${d.code}`), ['2 VG102']);
});
