/** VG202 on shell scripts, systemd units, supervisor programs, Procfiles and crontabs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { configLinter } from '../services-lint.js';

const rule = activationDoesNotPersist;
const { lint } = configLinter('scripts/bootstrap.sh');

const valid: [string, string, string][] = [
  ['scripts/bootstrap.sh', 'a script activates and goes on in the same shell', '#!/bin/bash\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt\n'],
  ['scripts/env.sh', 'a script that only activates (meant to be sourced)', '#!/bin/bash\nsource .venv/bin/activate\n'],
  ['deploy/app.service', 'a unit activating and starting in one shell', '[Service]\nExecStart=/bin/bash -c "source /srv/venv/bin/activate && exec gunicorn app:app"\n'],
  ['deploy/app.service', 'a unit with no activation', '[Service]\nExecStart=/srv/venv/bin/gunicorn app:app\n'],
  ['deploy/supervisor/app.conf', 'a program that activates and execs', '[program:w]\ncommand=bash -c "source /srv/venv/bin/activate && exec celery -A app worker"\n'],
  ['deploy/supervisor/app.conf', 'programs run side by side: one\'s activation is not another\'s', '[program:a]\ncommand=bash -c ". /srv/venv/bin/activate && celery -A app worker"\n[program:b]\ncommand=python other.py\n'],
  ['Procfile', 'a process that activates and starts', 'web: source .venv/bin/activate && gunicorn app:app\n'],
  ['Procfile', 'processes run side by side', 'web: . .venv/bin/activate && gunicorn app:app\nworker: celery -A app worker\n'],
  ['deploy/crontab', 'a crontab line that activates and runs', '0 * * * * . /srv/venv/bin/activate && python job.py\n'],
  ['deploy/crontab', 'suppressed', '# venvguard: ignore[VG202]\n0 * * * * . /srv/venv/bin/activate\n'],
];

for (const [name, what, code] of valid) {
  test(`activation-does-not-persist (${name}) valid: ${what}`, async () => {
    const found = await lint(rule, code, name);
    assert.deepEqual(found.map((f) => `${f.line}:${f.column} ${f.message}`), []);
  });
}

test('activation-does-not-persist (systemd) invalid: an ExecStartPre= shell activates, ExecStart= relies on it', async () => {
  const found = await lint(rule, '[Service]\nExecStartPre=/bin/bash -c "source /srv/app/venv/bin/activate"\nExecStart=python app.py\n', 'deploy/app.service');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 28]]);
  assert.equal(
    found[0].message,
    '"source /srv/app/venv/bin/activate" is the last command of this ExecStartPre= command: activation ends with this ExecStartPre= command\'s shell, so it has no effect; the "python" at line 3 runs without it; set Environment=PATH=/srv/app/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin in [Service] (systemd does not expand $PATH there)',
  );
});

test('activation-does-not-persist (crontab) invalid: an activation alone on a line; a later line relies on it', async () => {
  const found = await lint(rule, 'SHELL=/bin/bash\n@reboot source /srv/venv/bin/activate\n5 * * * * python job.py\n', 'deploy/crontab');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 9]]);
  assert.equal(
    found[0].message,
    '"source /srv/venv/bin/activate" is the last command of this crontab line: activation ends with this crontab line\'s shell, so it has no effect; the "python" at line 3 runs without it; set PATH=/srv/venv/bin:/usr/bin:/bin on a line above it (cron does not expand $PATH there)',
  );
});

test('activation-does-not-persist (crontab) invalid: used on its line, but a later line expects it', async () => {
  const found = await lint(rule, '0 * * * * . /srv/venv/bin/activate && pip install -U x\n5 * * * * python job.py\n', 'deploy/crontab');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[1, 11]]);
  assert.match(found[0].message, /^"\. \/srv\/venv\/bin\/activate" lasts only for this crontab line's shell; the "python" at line 2 runs without it;/);
});

test('activation-does-not-persist (Procfile) invalid: a process that only activates', async () => {
  const found = await lint(rule, 'release: source .venv/bin/activate\nweb: .venv/bin/gunicorn app:app\n', 'Procfile');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[1, 10]]);
  assert.equal(found[0].message, '"source .venv/bin/activate" is the last command of the release process: activation ends with the release process\'s shell, so it has no effect; put its bin on PATH in the command (PATH="$PWD/.venv/bin:$PATH" …)');
});

test('activation-does-not-persist (supervisor) invalid: a command that only activates', async () => {
  const found = await lint(rule, '[program:w]\ncommand=bash -c "source /srv/venv/bin/activate"\n', 'deploy/supervisor/app.conf');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 18]]);
  assert.match(found[0].message, /^"source \/srv\/venv\/bin\/activate" is the last command of this \[program:w\] command: activation ends with this \[program:w\] command's shell, so it has no effect; add PATH="\/srv\/venv\/bin:/);
});
