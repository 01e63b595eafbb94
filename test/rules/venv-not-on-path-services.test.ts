/**
 * VG201 on shell scripts, systemd units, supervisor programs, Procfiles and crontabs: a Python
 * tool by name while a venv the file creates or names is not on PATH where it runs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { applyEdits, configLinter } from '../services-lint.js';

const SCRIPT = 'scripts/bootstrap.sh';
const UNIT = 'deploy/app.service';
const SUPERVISOR = 'deploy/supervisor/app.conf';
const PROCFILE = 'Procfile';
const CRONTAB = 'deploy/crontab';
const { lint, analyze } = configLinter(SCRIPT);

const valid: [string, string, string][] = [
  // Shell scripts
  [SCRIPT, 'a script that activates before pip', '#!/bin/bash\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\npytest -q\n'],
  [SCRIPT, 'a script with no venv at all', '#!/bin/sh\npip install --user -r requirements.txt\npython3 app.py\n'],
  [SCRIPT, 'a venv on PATH by export', '#!/bin/sh\npython3 -m venv /opt/venv\nexport PATH="/opt/venv/bin:$PATH"\npip install .\n'],
  [SCRIPT, 'venv programs by path only', '#!/bin/sh\npython3 -m venv .venv\n.venv/bin/pip install -e .\n./.venv/bin/python -m pytest\n'],
  [SCRIPT, 'tools that manage their own environment, other hosts, git', '#!/bin/sh\npython3 -m venv .venv\nuv run pytest\npoetry run pytest\ntox -e py312\ndocker run --rm img python -V\nssh host pip install x\ngit status\n'],
  [SCRIPT, 'a side venv made and used on one line, then the system Python', '#!/bin/sh\npython3 -m venv /tmp/t && /tmp/t/bin/pip install build\npython3 setup.py sdist\n'],
  [SCRIPT, 'suppressed on the line and on the line above', '#!/bin/sh\npython3 -m venv .venv\npip install x # venvguard: ignore[VG201]\n# noqa: VG201\npip install y\n'],
  [SCRIPT, 'a version probe', '#!/bin/sh\npython3 -m venv .venv\npython3 --version\n'],
  // systemd
  [UNIT, 'a unit with no venv', '[Service]\nWorkingDirectory=/srv/app\nExecStart=/usr/bin/python3 app.py\n'],
  [UNIT, 'a unit naming its venv programs by path', '[Service]\nExecStartPre=/srv/app/venv/bin/python manage.py migrate\nExecStart=/srv/app/venv/bin/gunicorn app:app\nExecReload=/bin/kill -HUP $MAINPID\n'],
  [UNIT, 'Environment=PATH= with the venv, the program started through env', '[Service]\nEnvironment=PATH=/srv/app/venv/bin:/usr/bin:/bin\nExecStartPre=/srv/app/venv/bin/pip install .\nExecStart=/usr/bin/env gunicorn app:app\n'],
  [UNIT, 'sh -c with Environment=PATH= holding the venv', '[Service]\nEnvironment="PATH=/srv/app/venv/bin:/usr/bin"\nExecStart=/srv/app/venv/bin/python -V\nExecStartPost=/bin/sh -c "celery -A app status"\n'],
  [UNIT, 'EnvironmentFile= may set PATH for a shell', '[Service]\nEnvironmentFile=/etc/default/app\nExecStartPre=/srv/app/venv/bin/pip check\nExecStart=/bin/sh -c "exec gunicorn app:app"\n'],
  [UNIT, 'suppressed with a ; comment above', '[Service]\nExecStartPre=/srv/app/venv/bin/pip install .\n; venvguard: ignore[venv-not-on-path]\nExecStart=python app.py\n'],
  // supervisor
  [SUPERVISOR, 'programs by venv path', '[program:web]\ncommand=/srv/app/venv/bin/gunicorn app:app\n[program:worker]\ncommand=/srv/app/venv/bin/celery -A app worker\n'],
  [SUPERVISOR, 'sh -c with environment=PATH= holding the venv', '[program:web]\nenvironment=PATH="/srv/app/venv/bin:/usr/bin"\ncommand=/srv/app/venv/bin/python -V\n[program:w]\nenvironment=PATH="/srv/app/venv/bin:/usr/bin"\ncommand=sh -c "exec celery -A app worker"\n'],
  [SUPERVISOR, 'a program with no venv', '[program:web]\ncommand=gunicorn app:app\n'],
  [SUPERVISOR, 'suppressed above the section', '[program:web]\ncommand=/srv/venv/bin/gunicorn app:app\n\n; noqa\n[program:worker]\ncommand=celery -A app worker\n'],
  // Procfile
  [PROCFILE, 'a Heroku Procfile', 'web: gunicorn app:app\nworker: celery -A app worker\nrelease: python manage.py migrate\n'],
  [PROCFILE, 'every process by venv path', 'web: .venv/bin/gunicorn app:app\nworker: .venv/bin/celery -A app worker\n'],
  [PROCFILE, 'activated in its own line', 'web: source .venv/bin/activate && exec gunicorn app:app\nworker: .venv/bin/celery -A app worker\n'],
  [PROCFILE, 'PATH set for the command', 'web: PATH="$PWD/.venv/bin:$PATH" gunicorn app:app\nworker: .venv/bin/celery -A app worker\n'],
  // crontab
  [CRONTAB, 'no venv', 'MAILTO=""\n0 3 * * * python3 /srv/app/cleanup.py\n'],
  [CRONTAB, 'PATH line with the venv', 'PATH=/srv/app/venv/bin:/usr/bin:/bin\n*/5 * * * * /srv/app/venv/bin/python tick.py\n0 3 * * * python cleanup.py\n'],
  [CRONTAB, 'stdin after % is not a command', '0 3 * * * /srv/app/venv/bin/python -V\n0 4 * * * mail -s report ops % pip install x\n'],
  [CRONTAB, 'suppressed on the line above', '0 3 * * * /srv/app/venv/bin/python -V\n# venvguard: ignore[VG201]\n0 4 * * * python cleanup.py\n'],
];

for (const [name, what, code] of valid) {
  test(`venv-not-on-path (${name}) valid: ${what}`, async () => {
    assert.equal((await analyze(code, name)).syntaxProblem, undefined);
    const found = await lint(venvNotOnPath, code, name);
    assert.deepEqual(found.map((f) => `${f.line}:${f.column} ${f.message}`), []);
    assert.deepEqual(await lint(activationDoesNotPersist, code, name), []);
  });
}

test('venv-not-on-path (script) invalid: python3 -m venv then pip without activating → fixed to the venv\'s pip', async () => {
  const code = '#!/bin/sh\nset -eu\npython3 -m venv .venv\npip install -r requirements.txt\n.venv/bin/python -m pytest\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[4, 1]]);
  assert.equal(found[0].message, '"pip" runs from PATH, but the venv .venv created at line 3 is not on PATH at this point of the script; use .venv/bin/python -m pip, or activate it earlier in the script (. .venv/bin/activate)');
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('\npip install', '\n.venv/bin/python -m pip install'));
  assert.deepEqual(await lint(venvNotOnPath, fixed), []);
});

test('venv-not-on-path (script) invalid: after deactivate, and after cd the fix is relative to the new folder', async () => {
  const code = '#!/bin/bash\npython3 -m venv .venv\n. .venv/bin/activate\npip install -e .\ndeactivate\ncd tests\npytest -q\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 1]]);
  assert.match(found[0].message, /^"pytest" runs from PATH, but the venv \.venv created at line 2 is not on PATH at this point of the script; use \.venv\/bin\/pytest,/);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('pytest -q', '../.venv/bin/pytest -q'));
});

test('venv-not-on-path (script) invalid: a venv named by VIRTUAL_ENV, not on PATH', async () => {
  const code = 'export VIRTUAL_ENV=/opt/venv\n  gunicorn app:app\n';
  const found = await lint(venvNotOnPath, code, 'run.sh');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 3]]);
  assert.match(found[0].message, /^"gunicorn" runs from PATH, but the venv \/opt\/venv named at line 1 is not on PATH/);
  assert.equal(applyEdits(code, found[0].edits!), 'export VIRTUAL_ENV=/opt/venv\n  /opt/venv/bin/gunicorn app:app\n');
});

test('venv-not-on-path (systemd) invalid: ExecStartPre uses the venv\'s pip, ExecStart a bare python', async () => {
  const code = '[Unit]\nDescription=app\n\n[Service]\nWorkingDirectory=/srv/app\nExecStartPre=/srv/app/venv/bin/pip install -r requirements.txt\nExecStart=python app.py\n';
  const found = await lint(venvNotOnPath, code, UNIT);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 11]]);
  assert.equal(
    found[0].message,
    '"python" runs from PATH, but the venv /srv/app/venv named at line 6 is not on PATH when ExecStart= runs; use /srv/app/venv/bin/python, or set Environment=PATH=/srv/app/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin and start it with /usr/bin/env (systemd looks a bare program name up on its fixed search path, never on Environment=PATH=)',
  );
  assert.equal(applyEdits(code, found[0].edits!), code.replace('ExecStart=python', 'ExecStart=/srv/app/venv/bin/python'));
});

test('venv-not-on-path (systemd) invalid: Environment=PATH= does not change how ExecStart finds its program', async () => {
  const code = '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/venv PATH=/srv/app/venv/bin:/usr/bin\nExecStart=-gunicorn app:app\n';
  const found = await lint(venvNotOnPath, code, UNIT);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 12]]);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('=-gunicorn', '=-/srv/app/venv/bin/gunicorn'));
});

test('venv-not-on-path (systemd) invalid: VIRTUAL_ENV without PATH, a sh -c command', async () => {
  const code = '[Service]\nEnvironment=VIRTUAL_ENV=/srv/app/venv\nExecStart=/bin/sh -c "exec gunicorn app:app"\n';
  const found = await lint(venvNotOnPath, code, UNIT);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 28]]);
  assert.equal(
    found[0].message,
    '"gunicorn" runs from PATH, but the venv /srv/app/venv named at line 2 is not on PATH when ExecStart= runs; use /srv/app/venv/bin/gunicorn, or set Environment=PATH=/srv/app/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin in [Service] (systemd does not expand $PATH there)',
  );
  assert.equal(applyEdits(code, found[0].edits!), code.replace('exec gunicorn', 'exec /srv/app/venv/bin/gunicorn'));
});

test('venv-not-on-path (supervisor) invalid: one program by venv path, another by name', async () => {
  const code = '[program:web]\ncommand=/srv/app/venv/bin/gunicorn app:app\n\n[program:worker]\ncommand=celery -A app worker ; background jobs\ndirectory=/srv/app\n';
  const found = await lint(venvNotOnPath, code, SUPERVISOR);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[5, 9]]);
  assert.equal(
    found[0].message,
    '"celery" runs from PATH, but the venv /srv/app/venv named at line 2 is not on PATH when [program:worker] starts; use /srv/app/venv/bin/celery, or add PATH="/srv/app/venv/bin:/usr/local/bin:/usr/bin:/bin" to this program\'s environment= and start it with /usr/bin/env (supervisord looks a relative command up on its own PATH, not on environment=PATH=)',
  );
  assert.equal(applyEdits(code, found[0].edits!), code.replace('command=celery', 'command=/srv/app/venv/bin/celery'));
});

test('venv-not-on-path (Procfile) invalid: the worker names .venv, the web process runs gunicorn by name', async () => {
  const code = 'web: gunicorn app:app --workers 3\nworker: .venv/bin/celery -A app worker\n';
  const found = await lint(venvNotOnPath, code, PROCFILE);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[1, 6]]);
  assert.equal(found[0].message, '"gunicorn" runs from PATH, but the venv .venv named at line 2 is not on PATH in the web process; use .venv/bin/gunicorn, or put its bin on PATH in the command (PATH="$PWD/.venv/bin:$PATH" …)');
  assert.equal(applyEdits(code, found[0].edits!), code.replace('web: gunicorn', 'web: .venv/bin/gunicorn'));
});

test('venv-not-on-path (crontab) invalid: one line runs the venv\'s python, another a bare python', async () => {
  const code = 'MAILTO=ops@example.com\n*/10 * * * * /srv/app/venv/bin/python /srv/app/manage.py sync\n0 4 * * * cd /srv/app && python manage.py clearsessions\n';
  const found = await lint(venvNotOnPath, code, CRONTAB);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 26]]);
  assert.equal(found[0].message, '"python" runs from PATH, but the venv /srv/app/venv named at line 2 is not on PATH in this crontab line; use /srv/app/venv/bin/python, or set PATH=/srv/app/venv/bin:/usr/bin:/bin on a line above it (cron does not expand $PATH there)');
  assert.equal(applyEdits(code, found[0].edits!), code.replace('&& python', '&& /srv/app/venv/bin/python'));
});

test('venv-not-on-path (crontab) invalid: VIRTUAL_ENV= line without PATH; a system crontab in cron.d', async () => {
  const code = 'VIRTUAL_ENV=/srv/app/venv\n0 * * * * app pip install -U certifi\n';
  const found = await lint(venvNotOnPath, code, 'etc/cron.d/app');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 15]]);
  assert.match(found[0].message, /^"pip" runs from PATH, but the venv \/srv\/app\/venv named at line 1 is not on PATH in this crontab line; use \/srv\/app\/venv\/bin\/python -m pip,/);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('app pip', 'app /srv/app/venv/bin/python -m pip'));
});

test('venv-not-on-path (crontab) invalid: a venv relative to HOME, where cron starts each line', async () => {
  const code = '@hourly venv/bin/python sync.py\n@daily python report.py\n';
  const found = await lint(venvNotOnPath, code, CRONTAB);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 8]]);
  assert.equal(found[0].message, '"python" runs from PATH, but the venv ~/venv named at line 1 is not on PATH in this crontab line; use ~/venv/bin/python, or set PATH=/home/<user>/venv/bin:/usr/bin:/bin on a line above it (an absolute path: cron expands neither ~ nor $HOME there)');
  assert.equal(applyEdits(code, found[0].edits!), '@hourly venv/bin/python sync.py\n@daily venv/bin/python report.py\n');
});
