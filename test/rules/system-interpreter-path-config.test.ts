/**
 * VG104 in configuration files: a hard-coded system interpreter (`ExecStart=/usr/bin/python3 -m
 * app`, a crontab line, a supervisor `command=`, a Dockerfile `CMD`, a CI step) while the file puts
 * a venv in scope for that command — the same rule as in Python code, judged where VG201 would be.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixText } from '../../src/api.js';
import { systemInterpreterPath } from '../../src/rules/system-interpreter-path.js';
import { testRule } from '../rule-tester.js';
import { python3, tempDir } from '../helpers.js';

const UNIT = '[Service]\nExecStartPre=/srv/app/venv/bin/pip install -r /srv/app/requirements.txt\nExecStart=/usr/bin/python3 -m app\n';
const WORKFLOW = (step: string) => `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: .venv/bin/pip install -e .\n      - run: ${step}\n`;

testRule(systemInterpreterPath, {
  valid: [
    // pifire's supervisor program: its venv lives below /usr/local/bin, and that is no system interpreter.
    { filename: 'auto-install/supervisor/control.conf', code: '[program:control]\ncommand=/usr/local/bin/pifire/.venv/bin/python /usr/local/bin/pifire/control.py\ndirectory=/usr/local/bin/pifire\n' },
    // No venv in scope: the system interpreter is all there is (a plain unit, a Heroku-like crontab).
    { filename: 'app.service', code: '[Service]\nExecStart=/usr/bin/python3 -m app\n' },
    { filename: 'crontab', code: '0 1 * * * /usr/bin/python3 /srv/app/job.py\n' },
    { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["/usr/local/bin/python", "app.py"]\n' },
    // The system interpreter makes or manages the environment: that is its job here.
    { filename: '.github/workflows/ci.yml', code: WORKFLOW('/usr/bin/python3 -m venv other') },
    { filename: '.github/workflows/ci.yml', code: WORKFLOW('/usr/bin/python3 -m pipx install tox') },
    { filename: '.github/workflows/ci.yml', code: WORKFLOW('/usr/bin/python3 -m pip install --user pre-commit') },
    // Only its version asked for (timesketch's e2e entrypoint prints the venv's and the system's).
    { filename: 'docker-entrypoint.sh', code: "#!/bin/bash\npython3 -m venv /opt/venv\necho '** VENV Python version:'\n/opt/venv/bin/python3 --version\necho '*** System Python'\n/usr/bin/python3 --version\n/usr/bin/python3 -VV\n" },
    // After deactivate the system interpreter is chosen on purpose.
    { filename: 'deploy.sh', code: '#!/bin/sh\n. /srv/venv/bin/activate\npip install -r requirements.txt\ndeactivate\n/usr/bin/python3 tools/bump.py\n' },
    // Inline code that imports only the standard library needs no venv: a HEALTHCHECK probe by the
    // image's interpreter beside a venv copied from a build stage (a real image's shape).
    {
      filename: 'Dockerfile',
      code:
        'FROM python:3.12-slim AS deps\nRUN python -m venv /opt/svc\nRUN /opt/svc/bin/pip install gunicorn\n' +
        'FROM python:3.12-slim\nCOPY --from=deps /opt/svc /opt/svc\nENV PATH=/opt/svc/bin:$PATH\n' +
        'HEALTHCHECK CMD ["/usr/local/bin/python", "-c", "import sys, urllib.request as r; sys.exit(r.urlopen(\'http://127.0.0.1:8000/ping\').status != 200)"]\n' +
        'CMD ["gunicorn", "svc:app"]\n',
    },
    { filename: 'deploy.sh', code: '#!/bin/sh\n. /srv/venv/bin/activate\npip install -r requirements.txt\n/usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)[\'version\'])" < meta.json\n' },
    // The venv's own interpreter by path is what the rule asks for.
    { filename: 'app.service', code: '[Service]\nExecStartPre=/srv/app/venv/bin/pip install -r /srv/app/requirements.txt\nExecStart=/srv/app/venv/bin/python -m app\n' },
  ],
  invalid: [
    {
      name: 'the version and then a script: the script is the escape',
      filename: 'docker-entrypoint.sh',
      code: '#!/bin/bash\npython3 -m venv /opt/venv\n/usr/bin/python3 --version\n/usr/bin/python3 --version tools/x.py\n',
      errors: [{ line: 4, column: 1, messageId: 'systemInterpreterConfig', data: { venv: '/opt/venv' } }],
      output: null,
      unsafeOutput: '#!/bin/bash\npython3 -m venv /opt/venv\n/usr/bin/python3 --version\n/opt/venv/bin/python --version tools/x.py\n',
    },
    {
      name: 'systemd: ExecStartPre installs into the venv, ExecStart starts the system interpreter',
      filename: 'app.service',
      code: UNIT,
      errors: [{ line: 3, column: 11, messageId: 'systemInterpreterConfig', data: { name: '/usr/bin/python3', venv: '/srv/app/venv', replacement: '/srv/app/venv/bin/python' } }],
      output: null,
      unsafeOutput: UNIT.replace('ExecStart=/usr/bin/python3', 'ExecStart=/srv/app/venv/bin/python'),
    },
    {
      name: 'crontab: one line runs the venv, the next the system interpreter',
      filename: 'crontab',
      code: '*/5 * * * * /srv/app/venv/bin/python /srv/app/sync.py\n0 1 * * * /usr/bin/python3 /srv/app/job.py\n',
      errors: [{ line: 2, column: 11, messageId: 'systemInterpreterConfig', data: { venv: '/srv/app/venv' } }],
      unsafeOutput: '*/5 * * * * /srv/app/venv/bin/python /srv/app/sync.py\n0 1 * * * /srv/app/venv/bin/python /srv/app/job.py\n',
    },
    {
      name: 'supervisor: command= by the system path, VIRTUAL_ENV names the venv',
      filename: 'supervisord.conf',
      code: '[program:web]\ncommand=/usr/local/bin/python /srv/app/web.py\nenvironment=VIRTUAL_ENV="/srv/app/venv",PATH="/srv/app/venv/bin:%(ENV_PATH)s"\n',
      errors: [{ line: 2, column: 9, messageId: 'systemInterpreterConfig', data: { name: '/usr/local/bin/python' } }],
    },
    {
      name: 'Dockerfile: the venv is built, CMD names the image\'s interpreter',
      filename: 'Dockerfile',
      code: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install flask\nCMD ["/usr/local/bin/python", "app.py"]\n',
      errors: [{ line: 4, column: 7, messageId: 'systemInterpreterConfig', data: { venv: '/opt/venv' } }],
    },
    {
      name: 'Dockerfile: a HEALTHCHECK whose inline code imports a package of the venv',
      filename: 'Dockerfile',
      code:
        'FROM python:3.12-slim AS deps\nRUN python -m venv /opt/svc\nRUN /opt/svc/bin/pip install gunicorn svc\n' +
        'FROM python:3.12-slim\nCOPY --from=deps /opt/svc /opt/svc\n' +
        'HEALTHCHECK CMD ["/usr/local/bin/python", "-c", "import svc.health; svc.health.check()"]\n',
      errors: [{ line: 6, messageId: 'systemInterpreterConfig', data: { venv: '/opt/svc' } }],
    },
    {
      name: 'shell script: activation and the system interpreter on one line (a cron run script)',
      filename: 'run.sh',
      code: '#!/bin/bash\nsource env/bin/activate && /usr/local/bin/python3 main.py && deactivate\n',
      errors: [{ line: 2, column: 28, messageId: 'systemInterpreterConfig', data: { venv: 'env', replacement: 'env/bin/python' } }],
      unsafeOutput: '#!/bin/bash\nsource env/bin/activate && env/bin/python main.py && deactivate\n',
    },
    {
      name: 'GitHub Actions: a step runs the tests with /usr/bin/python3 after installing into .venv',
      filename: '.github/workflows/ci.yml',
      code: WORKFLOW('/usr/bin/python3 -m pytest'),
      errors: [{ line: 8, column: 14, messageId: 'systemInterpreterConfig', data: { venv: '.venv', replacement: '.venv/bin/python' } }],
      unsafeOutput: WORKFLOW('.venv/bin/python -m pytest'),
    },
    {
      name: 'shell script: activated venv, then the system interpreter by path',
      filename: 'deploy.sh',
      code: '#!/bin/sh\n. /srv/venv/bin/activate\npip install -r requirements.txt\n/usr/bin/python3 manage.py migrate\n',
      errors: [{ line: 4, column: 1, messageId: 'systemInterpreterConfig', data: { venv: '/srv/venv' } }],
      unsafeOutput: '#!/bin/sh\n. /srv/venv/bin/activate\npip install -r requirements.txt\n/srv/venv/bin/python manage.py migrate\n',
    },
  ],
});

test('VG104 configuration fix: the fixed script runs the venv\'s interpreter (real venv, real /bin/sh)', async (t) => {
  const py = python3();
  if (!py) return t.skip('no Python 3 found');
  const dir = tempDir();
  try {
    assert.equal(spawnSync(py, ['-m', 'venv', '--without-pip', path.join(dir, 'v')]).status, 0);
    // A script file, not inline code: inline code importing only the standard library needs no venv.
    fs.writeFileSync(path.join(dir, 'prefix.py'), 'import sys\nprint(sys.prefix)\n');
    const script = "#!/bin/sh\nv/bin/python -c 'pass'\n/usr/bin/python3 prefix.py\n";
    const fixed = await fixText(script, { select: ['VG104'], unsafe: true, path: 'deploy.sh' });
    assert.equal(fixed, "#!/bin/sh\nv/bin/python -c 'pass'\nv/bin/python prefix.py\n");
    fs.writeFileSync(path.join(dir, 'deploy.sh'), fixed);
    const r = spawnSync('/bin/sh', ['deploy.sh'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.realpathSync(r.stdout.trim()), fs.realpathSync(path.join(dir, 'v')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a venv under ~ in a script is the runner's home folder, not a folder named ~ below the working folder (gse's install-gse.sh); the fix names the venv the line activates", async (t) => {
  // Before: `cd /opt/src` then `~/venv` was /opt/src/~/venv in the message and the fix, and the
  // `su -c` line got the script's other venv written into it.
  const script =
    '#!/bin/bash\ncd "$SRC"\npython3 -m venv ~/venv\n. ~/venv/bin/activate\n/usr/bin/python3 prefix.py\ndeactivate\n' +
    'su gvm -c ". ~/gvmpy/bin/activate; /usr/bin/python3 -m pip install python-gvm"\n';
  const fixed = await fixText(script, { select: ['VG104'], unsafe: true, path: 'install.sh' });
  assert.equal(fixed.split('\n')[4], '~/venv/bin/python prefix.py');
  assert.equal(fixed.split('\n')[6], 'su gvm -c ". ~/gvmpy/bin/activate; ~/gvmpy/bin/python -m pip install python-gvm"');
  // The fixed line runs the venv in $HOME, from another working folder.
  const py = python3();
  if (!py) return t.skip('no Python 3 found');
  const home = tempDir();
  try {
    assert.equal(spawnSync(py, ['-m', 'venv', '--without-pip', path.join(home, 'venv')]).status, 0);
    fs.mkdirSync(path.join(home, 'src'));
    fs.writeFileSync(path.join(home, 'src', 'prefix.py'), 'import sys\nprint(sys.prefix)\n');
    const line = `cd src\n${fixed.split('\n')[4]}\n`;
    const r = spawnSync('/bin/sh', ['-c', line], { cwd: home, encoding: 'utf8', env: { ...process.env, HOME: home } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.realpathSync(r.stdout.trim()), fs.realpathSync(path.join(home, 'venv')));
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
