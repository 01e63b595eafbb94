/**
 * VG201 on shell scripts, systemd units, supervisor programs, Procfiles and crontabs: a Python
 * tool by name while a venv the file creates or names is not on PATH where it runs.
 */
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule, type ValidCase } from '../rule-tester.js';

const SCRIPT = 'scripts/bootstrap.sh';
const UNIT = 'deploy/app.service';
const SUPERVISOR = 'deploy/supervisor/app.conf';
const PROCFILE = 'Procfile';
const CRONTAB = 'deploy/crontab';

const TOGGLE = '#!/bin/bash\ninstall_toggle(){\n    cd /home/debian/toggle\n    pip3 install -r requirements.txt --break-system-packages\n    python3 ./install_data.py\n    cd /home/debian/octoprint_toggle\n    /home/debian/OctoPrint/venv/bin/python setup.py install\n}\ninstall_toggle\n';

/** Silent for VG201 and VG202. */
const VALID: ValidCase[] = [
  // Shell scripts
  { filename: SCRIPT, name: 'a script that activates before pip', code: '#!/bin/bash\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\npytest -q\n' },
  { filename: SCRIPT, name: 'a script with no venv at all', code: '#!/bin/sh\npip install --user -r requirements.txt\npython3 app.py\n' },
  { filename: SCRIPT, name: 'a venv on PATH by export', code: '#!/bin/sh\npython3 -m venv /opt/venv\nexport PATH="/opt/venv/bin:$PATH"\npip install .\n' },
  // rebuild's toggle.sh: an install told --break-system-packages targets the system Python on
  // purpose, and the python3 after it runs there too, beside another program's venv named later.
  { filename: SCRIPT, name: 'pip install --break-system-packages, then python3, before a venv by path', code: TOGGLE },
  // A whole script is one shell: `pip install --user` holds for the lines after it (cloudify-manager's Jenkins step, as a script).
  { filename: SCRIPT, name: 'pip install --user, then python -m by name, on later lines', code: '#!/bin/sh\npython3 -m venv .venv\n.venv/bin/pip install -e .\npip install --user flake8\npython3 -m flake8\n' },
  { filename: SCRIPT, name: 'venv programs by path only', code: '#!/bin/sh\npython3 -m venv .venv\n.venv/bin/pip install -e .\n./.venv/bin/python -m pytest\n' },
  { filename: SCRIPT, name: 'tools that manage their own environment, other hosts, git', code: '#!/bin/sh\npython3 -m venv .venv\nuv run pytest\npoetry run pytest\ntox -e py312\ndocker run --rm img python -V\nssh host pip install x\ngit status\n' },
  { filename: SCRIPT, name: 'a side venv made and used on one line, then the system Python', code: '#!/bin/sh\npython3 -m venv /tmp/t && /tmp/t/bin/pip install build\npython3 setup.py sdist\n' },
  { filename: SCRIPT, name: 'suppressed on the line and on the line above', code: '#!/bin/sh\npython3 -m venv .venv\npip install x # venvguard: ignore[VG201]\n# noqa: VG201\npip install y\n' },
  // Real-repository review (unseen corpus: certbot, kiwi): a venv made by a computed interpreter
  // ("$PY" -m venv, $(which python) -m venv) is made there, not before; earlier lines are not in it.
  { filename: SCRIPT, name: 'a venv made later by a computed interpreter', code: '#!/bin/bash\nif [ -n "$(which twine)" ]; then\n  twine check dist/*\nfi\n$(which python) -m venv .venv/t\nsource .venv/t/bin/activate\npip install dist/*.whl\ndeactivate\n' },
  { filename: SCRIPT, name: 'a venv made later by "$PY" -m virtualenv', code: '#!/bin/sh\nif ! command -v virtualenv >/dev/null; then\n  pip install virtualenv\nfi\n"$PY" -m virtualenv "$HOME/.venv-app"\n"$HOME/.venv-app/bin/pip" install app\n' },
  { filename: SCRIPT, name: 'a version probe', code: '#!/bin/sh\npython3 -m venv .venv\npython3 --version\n' },
  // systemd
  { filename: UNIT, name: 'a unit with no venv', code: '[Service]\nWorkingDirectory=/srv/app\nExecStart=/usr/bin/python3 app.py\n' },
  { filename: UNIT, name: 'a unit naming its venv programs by path', code: '[Service]\nExecStartPre=/srv/app/venv/bin/python manage.py migrate\nExecStart=/srv/app/venv/bin/gunicorn app:app\nExecReload=/bin/kill -HUP $MAINPID\n' },
  { filename: UNIT, name: 'Environment=PATH= with the venv, the program started through env', code: '[Service]\nEnvironment=PATH=/srv/app/venv/bin:/usr/bin:/bin\nExecStartPre=/srv/app/venv/bin/pip install .\nExecStart=/usr/bin/env gunicorn app:app\n' },
  { filename: UNIT, name: 'sh -c with Environment=PATH= holding the venv', code: '[Service]\nEnvironment="PATH=/srv/app/venv/bin:/usr/bin"\nExecStart=/srv/app/venv/bin/python -V\nExecStartPost=/bin/sh -c "celery -A app status"\n' },
  { filename: UNIT, name: 'EnvironmentFile= may set PATH for a shell', code: '[Service]\nEnvironmentFile=/etc/default/app\nExecStartPre=/srv/app/venv/bin/pip check\nExecStart=/bin/sh -c "exec gunicorn app:app"\n' },
  { filename: UNIT, name: 'suppressed with a ; comment above', code: '[Service]\nExecStartPre=/srv/app/venv/bin/pip install .\n; venvguard: ignore[venv-not-on-path]\nExecStart=python app.py\n' },
  // supervisor
  { filename: SUPERVISOR, name: 'programs by venv path', code: '[program:web]\ncommand=/srv/app/venv/bin/gunicorn app:app\n[program:worker]\ncommand=/srv/app/venv/bin/celery -A app worker\n' },
  {
    filename: SUPERVISOR,
    name: 'sh -c with environment=PATH= holding the venv',
    code: '[program:web]\nenvironment=PATH="/srv/app/venv/bin:/usr/bin"\ncommand=/srv/app/venv/bin/python -V\n[program:w]\nenvironment=PATH="/srv/app/venv/bin:/usr/bin"\ncommand=sh -c "exec celery -A app worker"\n',
  },
  { filename: SUPERVISOR, name: 'a program with no venv', code: '[program:web]\ncommand=gunicorn app:app\n' },
  { filename: SUPERVISOR, name: 'suppressed above the section', code: '[program:web]\ncommand=/srv/venv/bin/gunicorn app:app\n\n; noqa\n[program:worker]\ncommand=celery -A app worker\n' },
  // Procfile
  { filename: PROCFILE, name: 'a Heroku Procfile', code: 'web: gunicorn app:app\nworker: celery -A app worker\nrelease: python manage.py migrate\n' },
  { filename: PROCFILE, name: 'every process by venv path', code: 'web: .venv/bin/gunicorn app:app\nworker: .venv/bin/celery -A app worker\n' },
  { filename: PROCFILE, name: 'activated in its own line', code: 'web: source .venv/bin/activate && exec gunicorn app:app\nworker: .venv/bin/celery -A app worker\n' },
  { filename: PROCFILE, name: 'PATH set for the command', code: 'web: PATH="$PWD/.venv/bin:$PATH" gunicorn app:app\nworker: .venv/bin/celery -A app worker\n' },
  // crontab
  { filename: CRONTAB, name: 'no venv', code: 'MAILTO=""\n0 3 * * * python3 /srv/app/cleanup.py\n' },
  { filename: CRONTAB, name: 'PATH line with the venv', code: 'PATH=/srv/app/venv/bin:/usr/bin:/bin\n*/5 * * * * /srv/app/venv/bin/python tick.py\n0 3 * * * python cleanup.py\n' },
  { filename: CRONTAB, name: 'stdin after % is not a command', code: '0 3 * * * /srv/app/venv/bin/python -V\n0 4 * * * mail -s report ops % pip install x\n' },
  { filename: CRONTAB, name: 'suppressed on the line above', code: '0 3 * * * /srv/app/venv/bin/python -V\n# venvguard: ignore[VG201]\n0 4 * * * python cleanup.py\n' },
];

testRule(activationDoesNotPersist, { label: 'services, with VG201', valid: VALID, invalid: [] });

const SYSTEMD_ENV = (venv: string) => `set Environment=PATH=${venv}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;
const CRON_PATH = (venv: string) => `set PATH=${venv}/bin:/usr/bin:/bin on a line above it (cron does not expand $PATH there)`;

const SCRIPT_PIP = '#!/bin/sh\nset -eu\npython3 -m venv .venv\npip install -r requirements.txt\n.venv/bin/python -m pytest\n';
const SCRIPT_DEACTIVATE = '#!/bin/bash\npython3 -m venv .venv\n. .venv/bin/activate\npip install -e .\ndeactivate\ncd tests\npytest -q\n';
const UNIT_BARE_PYTHON = '[Unit]\nDescription=app\n\n[Service]\nWorkingDirectory=/srv/app\nExecStartPre=/srv/app/venv/bin/pip install -r requirements.txt\nExecStart=python app.py\n';
const UNIT_ENV_PATH = '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/venv PATH=/srv/app/venv/bin:/usr/bin\nExecStart=-gunicorn app:app\n';
const UNIT_SH_C = '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/venv\nExecStart=/bin/sh -c "exec gunicorn app:app"\n';
const SUPERVISOR_WORKER = '[program:web]\ncommand=/srv/app/venv/bin/gunicorn app:app\n\n[program:worker]\ncommand=celery -A app worker ; background jobs\ndirectory=/srv/app\n';
const PROCFILE_WEB = 'web: gunicorn app:app --workers 3\nworker: .venv/bin/celery -A app worker\n';
const CRONTAB_BARE_PYTHON = 'MAILTO=ops@example.com\n*/10 * * * * /srv/app/venv/bin/python /srv/app/manage.py sync\n0 4 * * * cd /srv/app && python manage.py clearsessions\n';
const CRON_D = 'VIRTUAL_ENV=/srv/app/venv\n0 * * * * app pip install -U certifi\n';

testRule(venvNotOnPath, {
  label: 'services',
  valid: VALID,
  invalid: [
    {
      filename: SCRIPT,
      name: 'the same script without --break-system-packages: both reported',
      code: TOGGLE.replace(' --break-system-packages', ''),
      errors: [
        { line: 4, messageId: 'notOnPath', data: { name: 'pip3', venv: '/home/debian/OctoPrint/venv' } },
        { line: 5, messageId: 'notOnPath', data: { name: 'python3', venv: '/home/debian/OctoPrint/venv' } },
      ],
    },
    {
      filename: SCRIPT,
      name: "python3 -m venv then pip without activating → fixed to the venv's pip",
      code: SCRIPT_PIP,
      errors: [
        {
          line: 4,
          column: 1,
          messageId: 'notOnPath',
          data: { name: 'pip', venv: '.venv', origin: ' created at line 3', scope: 'at this point of the script', replacement: '.venv/bin/python -m pip', advice: 'activate it earlier in the script (. .venv/bin/activate)' },
        },
      ],
      output: null,
      unsafeOutput: SCRIPT_PIP.replace('\npip install', '\n.venv/bin/python -m pip install'),
      fixSilences: true,
    },
    {
      filename: SCRIPT,
      name: 'after deactivate, and after cd the fix is relative to the new folder',
      code: SCRIPT_DEACTIVATE,
      errors: [{ line: 7, column: 1, messageId: 'notOnPath', data: { name: 'pytest', venv: '.venv', origin: ' created at line 2', scope: 'at this point of the script', replacement: '../.venv/bin/pytest' } }],
      output: null,
      unsafeOutput: SCRIPT_DEACTIVATE.replace('pytest -q', '../.venv/bin/pytest -q'),
    },
    {
      filename: 'run.sh',
      name: 'a venv named by VIRTUAL_ENV, not on PATH',
      code: 'export VIRTUAL_ENV=/opt/venv\n  gunicorn app:app\n',
      errors: [{ line: 2, column: 3, messageId: 'notOnPath', data: { name: 'gunicorn', venv: '/opt/venv', origin: ' named at line 1', scope: 'at this point of the script' } }],
      output: null,
      unsafeOutput: 'export VIRTUAL_ENV=/opt/venv\n  /opt/venv/bin/gunicorn app:app\n',
    },
    {
      filename: UNIT,
      name: "ExecStartPre uses the venv's pip, ExecStart a bare python",
      code: UNIT_BARE_PYTHON,
      errors: [
        {
          line: 7,
          column: 11,
          messageId: 'notOnPath',
          data: {
            name: 'python',
            venv: '/srv/app/venv',
            origin: ' named at line 6',
            scope: 'when ExecStart= runs',
            replacement: '/srv/app/venv/bin/python',
            advice: `${SYSTEMD_ENV('/srv/app/venv')} and start it with /usr/bin/env (systemd looks a bare program name up on its fixed search path, never on Environment=PATH=)`,
          },
        },
      ],
      output: null,
      unsafeOutput: UNIT_BARE_PYTHON.replace('ExecStart=python', 'ExecStart=/srv/app/venv/bin/python'),
    },
    {
      filename: UNIT,
      name: 'Environment=PATH= does not change how ExecStart finds its program',
      code: UNIT_ENV_PATH,
      errors: [{ line: 3, column: 12, messageId: 'notOnPath', data: { name: 'gunicorn' } }],
      output: null,
      unsafeOutput: UNIT_ENV_PATH.replace('=-gunicorn', '=-/srv/app/venv/bin/gunicorn'),
    },
    {
      filename: UNIT,
      name: 'VIRTUAL_ENV without PATH, a sh -c command',
      code: UNIT_SH_C,
      errors: [
        {
          line: 3,
          column: 28,
          messageId: 'notOnPath',
          data: {
            name: 'gunicorn',
            venv: '/srv/app/venv',
            origin: ' named at line 2',
            scope: 'when ExecStart= runs',
            replacement: '/srv/app/venv/bin/gunicorn',
            advice: `${SYSTEMD_ENV('/srv/app/venv')} in [Service] (systemd does not expand $PATH there)`,
          },
        },
      ],
      output: null,
      unsafeOutput: UNIT_SH_C.replace('exec gunicorn', 'exec /srv/app/venv/bin/gunicorn'),
    },
    {
      filename: SUPERVISOR,
      name: 'one program by venv path, another by name',
      code: SUPERVISOR_WORKER,
      errors: [
        {
          line: 5,
          column: 9,
          messageId: 'notOnPath',
          data: {
            name: 'celery',
            venv: '/srv/app/venv',
            origin: ' named at line 2',
            scope: 'when [program:worker] starts',
            replacement: '/srv/app/venv/bin/celery',
            advice: 'add PATH="/srv/app/venv/bin:/usr/local/bin:/usr/bin:/bin" to this program\'s environment= and start it with /usr/bin/env (supervisord looks a relative command up on its own PATH, not on environment=PATH=)',
          },
        },
      ],
      output: null,
      unsafeOutput: SUPERVISOR_WORKER.replace('command=celery', 'command=/srv/app/venv/bin/celery'),
    },
    {
      filename: PROCFILE,
      name: 'the worker names .venv, the web process runs gunicorn by name',
      code: PROCFILE_WEB,
      errors: [
        {
          line: 1,
          column: 6,
          messageId: 'notOnPath',
          data: { name: 'gunicorn', venv: '.venv', origin: ' named at line 2', scope: 'in the web process', replacement: '.venv/bin/gunicorn', advice: 'put its bin on PATH in the command (PATH="$PWD/.venv/bin:$PATH" …)' },
        },
      ],
      output: null,
      unsafeOutput: PROCFILE_WEB.replace('web: gunicorn', 'web: .venv/bin/gunicorn'),
    },
    {
      filename: CRONTAB,
      name: "one line runs the venv's python, another a bare python",
      code: CRONTAB_BARE_PYTHON,
      errors: [
        {
          line: 3,
          column: 26,
          messageId: 'notOnPath',
          data: { name: 'python', venv: '/srv/app/venv', origin: ' named at line 2', scope: 'in this crontab line', replacement: '/srv/app/venv/bin/python', advice: CRON_PATH('/srv/app/venv') },
        },
      ],
      output: null,
      unsafeOutput: CRONTAB_BARE_PYTHON.replace('&& python', '&& /srv/app/venv/bin/python'),
    },
    {
      filename: 'etc/cron.d/app',
      name: 'VIRTUAL_ENV= line without PATH; a system crontab in cron.d',
      code: CRON_D,
      errors: [{ line: 2, column: 15, messageId: 'notOnPath', data: { name: 'pip', venv: '/srv/app/venv', origin: ' named at line 1', scope: 'in this crontab line', replacement: '/srv/app/venv/bin/python -m pip' } }],
      output: null,
      unsafeOutput: CRON_D.replace('app pip', 'app /srv/app/venv/bin/python -m pip'),
    },
    {
      filename: CRONTAB,
      name: 'a venv relative to HOME, where cron starts each line',
      code: '@hourly venv/bin/python sync.py\n@daily python report.py\n',
      errors: [
        {
          line: 2,
          column: 8,
          messageId: 'notOnPath',
          data: {
            name: 'python',
            venv: '~/venv',
            origin: ' named at line 1',
            scope: 'in this crontab line',
            replacement: 'venv/bin/python',
            advice: 'set PATH=/home/<user>/venv/bin:/usr/bin:/bin on a line above it (an absolute path: cron expands neither ~ nor $HOME there)',
          },
        },
      ],
      output: null,
      unsafeOutput: '@hourly venv/bin/python sync.py\n@daily venv/bin/python report.py\n',
    },
  ],
});
