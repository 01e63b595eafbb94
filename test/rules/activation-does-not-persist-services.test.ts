/** VG202 on shell scripts, systemd units, supervisor programs, Procfiles and crontabs. */
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { testRule } from '../rule-tester.js';

const CRON_PATH = 'set PATH=/srv/venv/bin:/usr/bin:/bin on a line above it (cron does not expand $PATH there)';

testRule(activationDoesNotPersist, {
  label: 'services',
  valid: [
    { filename: 'scripts/bootstrap.sh', name: 'a script activates and goes on in the same shell', code: '#!/bin/bash\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\n' },
    { filename: 'scripts/env.sh', name: 'a script that only activates (meant to be sourced)', code: '#!/bin/bash\nsource .venv/bin/activate\n' },
    { filename: 'deploy/app.service', name: 'a unit activating and starting in one shell', code: '[Service]\nExecStart=/bin/bash -c "source /srv/venv/bin/activate && exec gunicorn app:app"\n' },
    { filename: 'deploy/app.service', name: 'a unit with no activation', code: '[Service]\nExecStart=/srv/venv/bin/gunicorn app:app\n' },
    { filename: 'deploy/supervisor/app.conf', name: 'a program that activates and execs', code: '[program:w]\ncommand=bash -c "source /srv/venv/bin/activate && exec celery -A app worker"\n' },
    { filename: 'deploy/supervisor/app.conf', name: "programs run side by side: one's activation is not another's", code: '[program:a]\ncommand=bash -c ". /srv/venv/bin/activate && celery -A app worker"\n[program:b]\ncommand=python other.py\n' },
    { filename: 'Procfile', name: 'a process that activates and starts', code: 'web: source .venv/bin/activate && gunicorn app:app\n' },
    { filename: 'Procfile', name: 'processes run side by side', code: 'web: . .venv/bin/activate && gunicorn app:app\nworker: celery -A app worker\n' },
    { filename: 'deploy/crontab', name: 'a crontab line that activates and runs', code: '0 * * * * . /srv/venv/bin/activate && python job.py\n' },
    { filename: 'deploy/crontab', name: 'suppressed', code: '# venvguard: ignore[VG202]\n0 * * * * . /srv/venv/bin/activate\n' },
  ],
  invalid: [
    {
      filename: 'deploy/app.service',
      name: 'an ExecStartPre= shell activates, ExecStart= relies on it',
      code: '[Service]\nExecStartPre=/bin/bash -c "source /srv/app/venv/bin/activate"\nExecStart=python app.py\n',
      errors: [
        {
          line: 2,
          column: 28,
          messageId: 'lastCommandLaterRuns',
          data: {
            command: 'source /srv/app/venv/bin/activate',
            unit: 'this ExecStartPre= command',
            program: 'python',
            line: 3,
            advice: 'set Environment=PATH=/srv/app/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin in [Service] (systemd does not expand $PATH there)',
          },
        },
      ],
      output: null,
      unsafeOutput: null,
    },
    {
      filename: 'deploy/crontab',
      name: 'an activation alone on a line; a later line relies on it',
      code: 'SHELL=/bin/bash\n@reboot source /srv/venv/bin/activate\n5 * * * * python job.py\n',
      errors: [{ line: 2, column: 9, messageId: 'lastCommandLaterRuns', data: { command: 'source /srv/venv/bin/activate', unit: 'this crontab line', program: 'python', line: 3, advice: CRON_PATH } }],
      output: null,
      unsafeOutput: null,
    },
    {
      filename: 'deploy/crontab',
      name: 'used on its line, but a later line expects it',
      code: '0 * * * * . /srv/venv/bin/activate && pip install -U x\n5 * * * * python job.py\n',
      errors: [{ line: 1, column: 11, messageId: 'lastsOnlyForShell', data: { command: '. /srv/venv/bin/activate', unit: "this crontab line", program: 'python', line: 2 } }],
      output: null,
      unsafeOutput: null,
    },
    {
      filename: 'Procfile',
      name: 'a process that only activates',
      code: 'release: source .venv/bin/activate\nweb: .venv/bin/gunicorn app:app\n',
      errors: [{ line: 1, column: 10, messageId: 'lastCommand', data: { command: 'source .venv/bin/activate', unit: 'the release process', advice: 'put its bin on PATH in the command (PATH="$PWD/.venv/bin:$PATH" …)' } }],
      output: null,
      unsafeOutput: null,
    },
    {
      filename: 'deploy/supervisor/app.conf',
      name: 'a command that only activates',
      code: '[program:w]\ncommand=bash -c "source /srv/venv/bin/activate"\n',
      errors: [{ line: 2, column: 18, messageId: 'lastCommand', data: { command: 'source /srv/venv/bin/activate', unit: 'this [program:w] command', advice: 'add PATH="/srv/venv/bin:/usr/local/bin:/usr/bin:/bin" to this program\'s environment=' } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});
