/**
 * VG203 source-in-sh, VG204 activate-not-sourced and VG205 virtual-env-without-path in every
 * configuration format beyond the Dockerfile and Actions cases in their own test files: one
 * invalid case and one valid case (the same file fixed by hand) per format; the file name picks the front end.
 */
import { activateNotSourced } from '../../src/rules/activate-not-sourced.js';
import { sourceInSh } from '../../src/rules/source-in-sh.js';
import { virtualEnvWithoutPath } from '../../src/rules/virtual-env-without-path.js';
import { testRule } from '../rule-tester.js';

// VG203: `source` where the shell is dash. The fix is `.`, and it is safe.
testRule(sourceInSh, {
  label: 'cross-format',
  valid: [
    { filename: 'scripts/setup.sh', code: '#!/bin/bash\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\n' },
    { filename: 'deploy/crontab', code: 'SHELL=/bin/bash\n*/5 * * * * cd /srv/app && source .venv/bin/activate && python job.py\n' },
    { filename: 'deploy/app.service', code: "[Service]\nExecStart=/bin/bash -c 'source /srv/app/.venv/bin/activate && exec gunicorn app:app'\n" },
    { filename: 'Makefile', code: 'SHELL := /bin/bash\ntest:\n\tpython3 -m venv .venv\n\tsource .venv/bin/activate && pytest\n' },
  ],
  invalid: [
    {
      filename: 'scripts/setup.sh',
      code: '#!/bin/sh\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\n',
      errors: [{ line: 3, column: 1, messageId: 'sourceNotInSh', data: { shell: '/bin/sh', args: '.venv/bin/activate' } }],
      output: '#!/bin/sh\npython3 -m venv .venv\n. .venv/bin/activate\npip install -r requirements.txt\n',
      unsafeOutput: '#!/bin/sh\npython3 -m venv .venv\n. .venv/bin/activate\npip install -r requirements.txt\n',
      fixSilences: true,
    },
    {
      filename: 'deploy/crontab',
      code: '*/5 * * * * cd /srv/app && source .venv/bin/activate && python job.py\n',
      errors: [{ line: 1, column: 28, messageId: 'sourceNotInSh', data: { shell: '/bin/sh', args: '.venv/bin/activate' } }],
      output: '*/5 * * * * cd /srv/app && . .venv/bin/activate && python job.py\n',
      unsafeOutput: '*/5 * * * * cd /srv/app && . .venv/bin/activate && python job.py\n',
      fixSilences: true,
    },
    {
      filename: 'deploy/app.service',
      code: "[Service]\nExecStart=/bin/sh -c 'source /srv/app/.venv/bin/activate && exec gunicorn app:app'\n",
      errors: [{ line: 2, column: 23, messageId: 'sourceNotInSh', data: { shell: '/bin/sh', args: '/srv/app/.venv/bin/activate' } }],
      output: "[Service]\nExecStart=/bin/sh -c '. /srv/app/.venv/bin/activate && exec gunicorn app:app'\n",
      unsafeOutput: "[Service]\nExecStart=/bin/sh -c '. /srv/app/.venv/bin/activate && exec gunicorn app:app'\n",
      fixSilences: true,
    },
    {
      filename: 'Makefile',
      code: 'test:\n\tpython3 -m venv .venv\n\tsource .venv/bin/activate && pytest\n',
      errors: [{ line: 3, column: 2, messageId: 'sourceNotInSh', data: { shell: '/bin/sh', args: '.venv/bin/activate' } }],
      output: 'test:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate && pytest\n',
      unsafeOutput: 'test:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate && pytest\n',
      fixSilences: true,
    },
  ],
});

// VG204: activate run as a program. The fix sources it, and is unsafe.
testRule(activateNotSourced, {
  label: 'cross-format',
  valid: [
    { filename: 'scripts/run.sh', code: '#!/bin/bash\npython3 -m venv .venv\n. .venv/bin/activate\npython app.py\n' },
    { filename: 'Makefile', code: 'run:\n\tpython3 -m venv .venv\n\t. ./.venv/bin/activate && python app.py\n' },
    { filename: '.gitlab-ci.yml', code: 'test:\n  script:\n    - python -m venv .venv\n    - . .venv/bin/activate\n    - pytest\n' },
    { filename: 'Procfile', code: 'web: . .venv/bin/activate && gunicorn app:app\n' },
  ],
  invalid: [
    {
      filename: 'scripts/run.sh',
      code: '#!/bin/bash\npython3 -m venv .venv\nbash .venv/bin/activate\npython app.py\n',
      errors: [{ line: 3, column: 1, messageId: 'runByShell', data: { shell: 'bash', script: '.venv/bin/activate' } }],
      output: null,
      unsafeOutput: '#!/bin/bash\npython3 -m venv .venv\n. .venv/bin/activate\npython app.py\n',
      fixSilences: true,
    },
    {
      filename: 'Makefile',
      code: 'run:\n\tpython3 -m venv .venv\n\t./.venv/bin/activate && python app.py\n',
      errors: [{ line: 3, column: 2, messageId: 'runAsProgram', data: { script: './.venv/bin/activate' } }],
      output: null,
      unsafeOutput: 'run:\n\tpython3 -m venv .venv\n\t. ./.venv/bin/activate && python app.py\n',
      fixSilences: true,
    },
    {
      filename: '.gitlab-ci.yml',
      code: 'test:\n  script:\n    - python -m venv .venv\n    - sh .venv/bin/activate\n    - pytest\n',
      errors: [{ line: 4, column: 7, messageId: 'runByShell', data: { shell: 'sh', script: '.venv/bin/activate' } }],
      output: null,
      unsafeOutput: 'test:\n  script:\n    - python -m venv .venv\n    - . .venv/bin/activate\n    - pytest\n',
      fixSilences: true,
    },
    {
      filename: 'Procfile',
      code: 'web: bash .venv/bin/activate && gunicorn app:app\n',
      errors: [{ line: 1, column: 6, messageId: 'runByShell', data: { shell: 'bash', script: '.venv/bin/activate' } }],
      output: null,
      unsafeOutput: 'web: . .venv/bin/activate && gunicorn app:app\n',
      fixSilences: true,
    },
  ],
});

// VG205: VIRTUAL_ENV without PATH. These formats get the advice, no fix.
testRule(virtualEnvWithoutPath, {
  label: 'cross-format',
  valid: [
    { filename: 'deploy/app.service', code: '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/.venv PATH=/srv/app/.venv/bin:/usr/bin:/bin\nExecStart=/bin/sh -c "python -m app"\n' },
    { filename: 'deploy/crontab', code: 'VIRTUAL_ENV=/srv/app/.venv\nPATH=/srv/app/.venv/bin:/usr/bin:/bin\n0 3 * * * python /srv/app/nightly.py\n' },
    { filename: 'scripts/start.sh', code: '#!/bin/sh\nexport VIRTUAL_ENV=/srv/app/.venv\nexport PATH="$VIRTUAL_ENV/bin:$PATH"\nexec python -m app\n' },
    { filename: 'Makefile', code: 'export VIRTUAL_ENV := /srv/app/.venv\nexport PATH := $(VIRTUAL_ENV)/bin:$(PATH)\nrun:\n\tpython -m app\n' },
  ],
  invalid: [
    {
      filename: 'deploy/app.service',
      code: '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/.venv\nExecStart=/bin/sh -c "python -m app"\n',
      errors: [
        {
          line: 2,
          column: 13,
          messageId: 'virtualEnvOnly',
          data: { venv: '/srv/app/.venv', advice: 'set Environment=PATH=/srv/app/.venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin in [Service] (systemd does not expand $PATH there)' },
        },
      ],
      output: null,
      unsafeOutput: null,
    },
    {
      filename: 'deploy/crontab',
      code: 'VIRTUAL_ENV=/srv/app/.venv\n0 3 * * * python /srv/app/nightly.py\n',
      errors: [{ line: 1, column: 1, messageId: 'virtualEnvOnly', data: { venv: '/srv/app/.venv', advice: 'set PATH=/srv/app/.venv/bin:/usr/bin:/bin on a line above it (cron does not expand $PATH there)' } }],
      output: null,
      unsafeOutput: null,
    },
    {
      filename: 'scripts/start.sh',
      code: '#!/bin/sh\nexport VIRTUAL_ENV=/srv/app/.venv\nexec python -m app\n',
      errors: [{ line: 2, column: 8, messageId: 'virtualEnvOnly', data: { venv: '/srv/app/.venv', advice: 'activate it earlier in the script (. /srv/app/.venv/bin/activate)' } }],
      output: null,
      unsafeOutput: null,
    },
    {
      filename: 'Makefile',
      code: 'export VIRTUAL_ENV := /srv/app/.venv\nrun:\n\tpython -m app\n',
      errors: [{ line: 1, column: 1, messageId: 'virtualEnvOnly', data: { venv: '$(VIRTUAL_ENV)', advice: 'put it on PATH for every recipe with export PATH := $(abspath $(VIRTUAL_ENV))/bin:$(PATH)' } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});
