import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { START_DIR } from '../../src/frontends/config/services.js';
import { parseIni, supervisorFrontEnd } from '../../src/frontends/supervisor/index.js';
import { argvText, configLinter, positions, siteAt } from '../services-lint.js';

const { analyze } = configLinter('deploy/supervisor/app.conf');

test('supervisor claims: supervisord.conf and *.conf under supervisor/, supervisord/, conf.d/', () => {
  for (const p of ['supervisord.conf', 'etc/supervisor/conf.d/app.conf', 'deploy/supervisord/web.conf', 'conf.d/worker.conf']) assert.equal(claimingFrontEnd(p), supervisorFrontEnd, p);
  for (const p of ['nginx.conf', 'deploy/app.conf', 'supervisor/app.ini']) assert.notEqual(claimingFrontEnd(p), supervisorFrontEnd, p);
  assert.ok(!supervisorFrontEnd.mayMatter('server {\n  listen 80; # python\n}\n', /python/));
  assert.ok(supervisorFrontEnd.mayMatter('[program:x]\ncommand=python app.py\n', /python/));
});

test('supervisor: a conf.d file without [program:…] (nginx) is skipped silently', async () => {
  const { sites, syntaxProblem } = await analyze('server {\n  location / { proxy_pass http://python; }\n}\n', 'deploy/conf.d/site.conf');
  assert.deepEqual(sites, []);
  assert.equal(syntaxProblem, undefined);
});

test('supervisor INI: = and :, continuation lines, inline ; and # comments after white space', () => {
  const problems: { message: string; offset: number }[] = [];
  const secs = parseIni('[program:a]\ncommand = /v/bin/python app.py ; a comment\n  --flag\ndirectory: /srv\nurl=http://x/#frag\n', problems);
  assert.deepEqual(problems, []);
  const e = secs[0].entries;
  assert.equal(e.get('command')!.value.map((c) => c.ch).join(''), '/v/bin/python app.py\n--flag');
  assert.equal(e.get('directory')!.value.map((c) => c.ch).join(''), '/srv');
  assert.equal(e.get('url')!.value.map((c) => c.ch).join(''), 'http://x/#frag');
});

test('supervisor positions and shlex: quotes, escapes, %(program_name)s and unknown expansions', async () => {
  const { sites } = await analyze('[program:web]\ncommand=/srv/app/venv/bin/gunicorn "app:create_app()" --name %(program_name)s --log %(ENV_HOME)s/x\n');
  const s = siteAt(sites, '/srv/app/venv/bin/gunicorn');
  assert.equal(argvText(s), '/srv/app/venv/bin/gunicorn app:create_app() --name web --log ?');
  assert.deepEqual(positions(s).slice(0, 3), ['2:9', '2:37', '2:55']);
  assert.equal(s.language, 'supervisor');
});

test('supervisor state: environment= of [supervisord] and the program, directory=, sh -c through the shell session', async () => {
  const { sites } = await analyze(
    '[supervisord]\nenvironment=LANG="C.UTF-8"\n\n[program:worker]\ndirectory=/srv/app\nenvironment=VIRTUAL_ENV="/srv/app/venv",PATH="/srv/app/venv/bin:/usr/bin"\ncommand=celery -A app worker\n\n[program:beat]\ncommand=/bin/sh -c "cd /srv/app && . venv/bin/activate && exec celery -A app beat"\n',
  );
  const worker = siteAt(sites, 'celery -A app worker');
  assert.equal(worker.env.activeVenv, undefined, 'supervisord looks the command up on its own PATH');
  assert.equal(worker.config!.virtualEnv, undefined, 'VIRTUAL_ENV with its bin on PATH');
  const beat = siteAt(sites, 'celery -A app beat');
  assert.equal(beat.env.activeVenv, '/srv/app/venv');
  assert.equal(beat.config!.shellName, '/bin/sh');
  assert.equal(beat.config!.shellDialect, 'sh');
});

test('supervisor: relative venvs without directory= stay relative to supervisord\'s folder', async () => {
  const { sites } = await analyze('[program:a]\ncommand=.venv/bin/python app.py\n[program:b]\ncommand=python other.py\n');
  assert.deepEqual(siteAt(sites, 'python other.py').env.knownVenvs, [`${START_DIR}/.venv`]);
});

test('supervisor bad input: no section, a line without =, an unclosed quote → one partial problem', async () => {
  const { sites, syntaxProblem } = await analyze('command=x\n[program:a]\njust words\ncommand=python "x\n');
  assert.equal(syntaxProblem?.kind, 'syntax');
  assert.deepEqual(syntaxProblem?.start, { line: 1, column: 1 });
  assert.match(syntaxProblem!.message, /\(and 2 more\)$/);
  assert.equal(sites.length, 1);
});

test('supervisor facts: environment=VIRTUAL_ENV= without PATH is the virtualEnv fact', async () => {
  const { sites, file } = await analyze('[program:web]\nenvironment=HOME="/srv",VIRTUAL_ENV="/srv/app/venv"\ncommand=/srv/app/venv/bin/gunicorn app:app\n');
  const ve = sites[0].config!.virtualEnv!;
  assert.equal(ve.venv, '/srv/app/venv');
  assert.equal(file.text.slice(ve.span.start, ve.span.end), 'VIRTUAL_ENV="/srv/app/venv"');
});
