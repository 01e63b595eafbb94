/**
 * VG203 source-in-sh, VG204 activate-not-sourced and VG205 virtual-env-without-path in every
 * configuration format beyond the Dockerfile and Actions cases in their own test files: one
 * invalid and one valid case per format, through the real checker (the file name picks the front end).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Rule } from '../../src/kernel/rule.js';
import { activateNotSourced } from '../../src/rules/activate-not-sourced.js';
import { sourceInSh } from '../../src/rules/source-in-sh.js';
import { virtualEnvWithoutPath } from '../../src/rules/virtual-env-without-path.js';
import { configLinter } from '../config-lint.js';

const { lint } = configLinter('Dockerfile');

/** [rule, file name, invalid text, where the finding is (line:column), valid text]. */
const CASES: [Rule, string, string, string, string][] = [
  // VG203: `source` where the shell is dash.
  [sourceInSh, 'scripts/setup.sh', '#!/bin/sh\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\n', '3:1', '#!/bin/bash\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\n'],
  [sourceInSh, 'deploy/crontab', '*/5 * * * * cd /srv/app && source .venv/bin/activate && python job.py\n', '1:28', 'SHELL=/bin/bash\n*/5 * * * * cd /srv/app && source .venv/bin/activate && python job.py\n'],
  [sourceInSh, 'deploy/app.service', "[Service]\nExecStart=/bin/sh -c 'source /srv/app/.venv/bin/activate && exec gunicorn app:app'\n", '2:23', "[Service]\nExecStart=/bin/bash -c 'source /srv/app/.venv/bin/activate && exec gunicorn app:app'\n"],
  [sourceInSh, 'Makefile', 'test:\n\tpython3 -m venv .venv\n\tsource .venv/bin/activate && pytest\n', '3:2', 'SHELL := /bin/bash\ntest:\n\tpython3 -m venv .venv\n\tsource .venv/bin/activate && pytest\n'],
  // VG204: activate run as a program.
  [activateNotSourced, 'scripts/run.sh', '#!/bin/bash\npython3 -m venv .venv\nbash .venv/bin/activate\npython app.py\n', '3:1', '#!/bin/bash\npython3 -m venv .venv\n. .venv/bin/activate\npython app.py\n'],
  [activateNotSourced, 'Makefile', 'run:\n\tpython3 -m venv .venv\n\t./.venv/bin/activate && python app.py\n', '3:2', 'run:\n\tpython3 -m venv .venv\n\t. ./.venv/bin/activate && python app.py\n'],
  [activateNotSourced, '.gitlab-ci.yml', 'test:\n  script:\n    - python -m venv .venv\n    - sh .venv/bin/activate\n    - pytest\n', '4:7', 'test:\n  script:\n    - python -m venv .venv\n    - . .venv/bin/activate\n    - pytest\n'],
  [activateNotSourced, 'Procfile', 'web: bash .venv/bin/activate && gunicorn app:app\n', '1:6', 'web: . .venv/bin/activate && gunicorn app:app\n'],
  // VG205: VIRTUAL_ENV without PATH.
  [virtualEnvWithoutPath, 'deploy/app.service', '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/.venv\nExecStart=/bin/sh -c "python -m app"\n', '2:13', '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/.venv PATH=/srv/app/.venv/bin:/usr/bin:/bin\nExecStart=/bin/sh -c "python -m app"\n'],
  [virtualEnvWithoutPath, 'deploy/crontab', 'VIRTUAL_ENV=/srv/app/.venv\n0 3 * * * python /srv/app/nightly.py\n', '1:1', 'VIRTUAL_ENV=/srv/app/.venv\nPATH=/srv/app/.venv/bin:/usr/bin:/bin\n0 3 * * * python /srv/app/nightly.py\n'],
  [virtualEnvWithoutPath, 'scripts/start.sh', '#!/bin/sh\nexport VIRTUAL_ENV=/srv/app/.venv\nexec python -m app\n', '2:8', '#!/bin/sh\nexport VIRTUAL_ENV=/srv/app/.venv\nexport PATH="$VIRTUAL_ENV/bin:$PATH"\nexec python -m app\n'],
  [virtualEnvWithoutPath, 'Makefile', 'export VIRTUAL_ENV := /srv/app/.venv\nrun:\n\tpython -m app\n', '1:1', 'export VIRTUAL_ENV := /srv/app/.venv\nexport PATH := $(VIRTUAL_ENV)/bin:$(PATH)\nrun:\n\tpython -m app\n'],
];

for (const [rule, name, invalid, at, valid] of CASES) {
  test(`${rule.name} (${name}): invalid at ${at}, valid when fixed by hand`, async () => {
    const found = await lint(rule, invalid, name);
    assert.deepEqual(found.map((f) => `${f.line}:${f.column}`), [at], found.map((f) => f.message).join('\n'));
    assert.deepEqual((await lint(rule, valid, name)).map((f) => f.message), []);
  });
}
