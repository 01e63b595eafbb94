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
import { checkText } from '../../src/api.js';
import { testRule } from '../rule-tester.js';

const VENV = 'FROM python:3.12\nRUN python3 -m venv /v\n';
const CHILD_ACTIVATES = VENV + 'RUN bash -c ". /v/bin/activate" && pip install x\n';
const UNIT_PRE = '[Service]\nExecStartPre=/srv/app/venv/bin/pip install x\nExecStart=/usr/bin/env FOO=1 /bin/sh -c "exec gunicorn app:app"\n';

testRule(venvNotOnPath, {
  filename: 'Dockerfile',
  label: 'one shell model',
  valid: [
    // An activation inside bash -c covers the commands after it in that script (issue 9).
    { name: 'an activation inside bash -c covers the rest of that script', code: VENV + 'RUN bash -c ". /v/bin/activate && pip install x"\n' },
    { name: 'the same at the top level', code: VENV + 'RUN . /v/bin/activate && pip install y\n' },
    { name: 'bash -c in an exec form', code: VENV + 'RUN ["bash", "-c", ". /v/bin/activate && pip install x"]\n' },
    { name: 'bash -c with cd, then || true', code: VENV + "RUN bash -c 'cd /v && . bin/activate && pip install x' || true\n" },
    { name: 'bash -c in a script', filename: 'deploy.sh', code: '#!/bin/bash\npython3 -m venv .venv\nbash -c ". .venv/bin/activate && pip install x"\n' },
    // The caller's state reaches the child (cd, variables, an earlier activation).
    { name: 'an earlier activation reaches the child', code: VENV + 'RUN . /v/bin/activate && bash -c "pip install x"\n' },
    { name: 'the folder reaches the child', code: VENV + "RUN cd /v && sh -c '. bin/activate && pip install x'\n" },
    { name: 'an exported variable reaches the child', code: VENV + "RUN export V=/v && bash -c '. $V/bin/activate && pip install x'\n" },
    // sudo (secure_path) and env -i start the child without the activation.
    { name: 'env -i: PATH unset, judged by the default path, not as a venv escape', code: VENV + 'RUN . /v/bin/activate && env -i sh -c "pip install x"\n' },
    { name: "sudo resets PATH: VG201 is not the finding (the venv is not on sudo's path)", code: VENV + 'RUN . /v/bin/activate && sudo sh -c "pip install x"\n' },
    { name: 'a unit command through env and sh -c that activates', filename: 'app.service', code: '[Service]\nExecStart=/usr/bin/env FOO=1 /bin/sh -c ". /srv/app/venv/bin/activate && exec gunicorn app:app"\n' },
  ],
  invalid: [
    {
      name: 'what the child changes ends with it',
      code: CHILD_ACTIVATES,
      errors: [{ line: 3, column: 36, messageId: 'notOnPath', data: { name: 'pip', venv: '/v', origin: ' created at line 2', scope: 'in this RUN' } }],
      output: null,
      unsafeOutput: VENV + 'ENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nRUN bash -c ". /v/bin/activate" && pip install x\n',
    },
    {
      name: 'a unit command through env and sh -c',
      filename: 'app.service',
      code: UNIT_PRE,
      errors: [{ line: 3, column: 47, messageId: 'notOnPath', data: { name: 'gunicorn' } }],
      output: null,
      unsafeOutput: UNIT_PRE.replace('exec gunicorn', 'exec /srv/app/venv/bin/gunicorn'),
    },
  ],
});

testRule(activationDoesNotPersist, {
  filename: 'Dockerfile',
  label: 'one shell model',
  valid: [],
  invalid: [
    {
      // The RUN does more than activate: the ENV line goes after it (it once replaced the whole RUN,
      // `pip install x` included), and the fix converges (the stage then ends with the venv on PATH).
      name: 'the activation is the last command of its own (child) shell',
      code: CHILD_ACTIVATES,
      errors: [{ line: 3, column: 14, messageId: 'lastCommand', data: { command: '. /v/bin/activate', unit: 'the bash -c shell in this RUN', ending: 'that shell' } }],
      output: null,
      unsafeOutput: CHILD_ACTIVATES + 'ENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\n',
    },
    {
      name: 'an activation that is all the RUN does, inside bash -c: the RUN becomes the ENV line',
      code: VENV + 'RUN bash -c ". /v/bin/activate"\nRUN pip install y\n',
      errors: [{ line: 3, column: 14, messageId: 'lastCommandLaterRuns', data: { unit: 'the bash -c shell in this RUN', program: 'pip', line: 4 } }],
      output: null,
      unsafeOutput: VENV + 'ENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nRUN pip install y\n',
    },
  ],
});

testRule(sourceInSh, {
  filename: 'Dockerfile',
  label: 'one shell model',
  valid: [{ name: 'source inside bash -c', code: VENV + "RUN bash -c 'source /v/bin/activate && pip install x'\n" }],
  invalid: [
    {
      name: '`source` inside sh -c fails under dash like at the top, in shell form',
      code: VENV + "RUN sh -c 'source /v/bin/activate && pip install x'\n",
      errors: [{ line: 3, column: 12, messageId: 'sourceNotInSh', data: { shell: 'sh', args: '/v/bin/activate' } }],
      output: VENV + "RUN sh -c '. /v/bin/activate && pip install x'\n",
      unsafeOutput: VENV + "RUN sh -c '. /v/bin/activate && pip install x'\n",
    },
    {
      name: '`source` inside sh -c fails under dash like at the top, in exec form',
      code: VENV + 'RUN ["sh", "-c", "source /v/bin/activate && pip install x"]\n',
      errors: [{ line: 3, column: 19, messageId: 'sourceNotInSh', data: { shell: 'sh', args: '/v/bin/activate' } }],
      output: VENV + 'RUN ["sh", "-c", ". /v/bin/activate && pip install x"]\n',
      unsafeOutput: VENV + 'RUN ["sh", "-c", ". /v/bin/activate && pip install x"]\n',
    },
  ],
});

// Issue 15 (text-generation-webui): an activation earlier in the same string puts a venv first on
// PATH for what follows it, in a nested shell too; a later string starts without it.
test('one shell model: an activation in a Python shell string holds for the rest of that string only', async () => {
  const diags = await checkText('import os\nos.system("bash -c \'. venv/bin/activate && pip install x\'")\nos.system("PATH=/venv/bin:$PATH python x.py")\nos.system("pip install y")\n');
  assert.deepEqual(diags.map((d) => `${d.start.line} ${d.code}`), ['4 VG102']);
});
