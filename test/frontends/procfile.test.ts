import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { procfileFrontEnd } from '../../src/frontends/procfile/index.js';
import { START_DIR } from '../../src/frontends/config/services.js';
import { argvText, configLinter, positions, siteAt } from '../services-lint.js';

const { analyze } = configLinter('Procfile');

test('procfile claims: Procfile and Procfile.*', () => {
  for (const p of ['Procfile', 'app/Procfile.dev', 'Procfile.worker']) assert.equal(claimingFrontEnd(p), procfileFrontEnd, p);
  for (const p of ['procfile.txt', 'Procfiles/x', 'MyProcfile']) assert.notEqual(claimingFrontEnd(p), procfileFrontEnd, p);
  // unseen7's babybuddy: Procfile.sh is the bash script its Procfile runs.
  assert.equal(claimingFrontEnd('Procfile.sh', '#!/bin/bash')?.language, 'shell');
  assert.equal(claimingFrontEnd('deploy/Procfile.py', '')?.language, 'python');
});

test('procfile positions: the command after "name:", each word at its column', async () => {
  const { sites, syntaxProblem } = await analyze('# processes\nweb: gunicorn app:app --bind 0.0.0.0:$PORT\nworker:   .venv/bin/celery -A app worker\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(positions(siteAt(sites, 'gunicorn')), ['2:6', '2:15', '2:23', '2:30']);
  assert.deepEqual(positions(siteAt(sites, '.venv/bin/celery')).slice(0, 2), ['3:11', '3:28']);
  assert.equal(siteAt(sites, 'gunicorn').api, 'web');
  assert.equal((siteAt(sites, 'gunicorn')).config!.unit, 'the web process');
  assert.equal((siteAt(sites, 'gunicorn')).config!.shellDialect, 'bash');
});

test('procfile state: each line is its own shell; a venv named on one line is known on all', async () => {
  const { sites } = await analyze('web: source .venv/bin/activate && gunicorn app:app\nworker: celery -A app worker\nrelease: .venv/bin/python manage.py migrate\n');
  const v = `${START_DIR}/.venv`;
  assert.equal(siteAt(sites, 'gunicorn').env.activeVenv, v);
  assert.equal(siteAt(sites, 'celery').env.activeVenv, undefined);
  assert.deepEqual(siteAt(sites, 'celery').env.knownVenvs, [v]);
});

test('procfile: a Heroku Procfile names no venv', async () => {
  const { sites } = await analyze('web: gunicorn app:app\nworker: celery -A app worker\nrelease: python manage.py migrate\n');
  assert.equal(sites.length, 3);
  assert.ok(sites.every((s) => s.env.knownVenvs?.length === 0));
});

test('procfile bad input: a line that is not "name: command" → partial problem, the rest analysed', async () => {
  // (The file names a venv, so a bare tool on the unread line could have been an escape.)
  const { sites, syntaxProblem } = await analyze('web gunicorn app:app\nworker: celery -A app worker "x\nrelease: .venv/bin/python manage.py migrate\n');
  assert.equal(syntaxProblem?.kind, 'syntax');
  assert.deepEqual(syntaxProblem?.start, { line: 1, column: 1 });
  assert.match(syntaxProblem!.message, /^not a "name: command" line: "web gunicorn app:app"/);
  assert.deepEqual(sites.map(argvText).slice(0, 1), ['celery -A app worker x']);
});

test("procfile: a line Heroku passes over that could hold no finding is no problem (ling-in's `heroku ps:scale …` note)", async () => {
  const procfile = 'migrate: bash deployment.sh\nweb: gunicorn ling_in.wsgi --log-file -\nheroku ps:scale web=1 migrate=1 --app\n';
  assert.equal((await analyze(procfile)).syntaxProblem, undefined);
  // The twins: the same line where the file names a venv, and an unread line that names Python.
  assert.match((await analyze(`${procfile}worker: .venv/bin/celery -A app worker\n`)).syntaxProblem?.message ?? '', /^not a "name: command" line: "heroku ps:scale/);
  assert.match((await analyze('web python app.py\n')).syntaxProblem?.message ?? '', /^not a "name: command" line: "web python app\.py"/);
});

test("procfile template: a line of template tags only is no process (fireq's `{{#is_superdesk}}` … `{{/is_superdesk}}`)", async () => {
  const { sites, syntaxProblem } = await analyze('rest: gunicorn -b 0.0.0.0:5000 wsgi\n{{#is_superdesk}}\ncapi: gunicorn content_api.wsgi\n{{/is_superdesk}}\n{% if beat %} {# scheduler #}\nbeat: celery -A worker beat\n{% endif %}\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(sites.map(argvText), ['gunicorn -b 0.0.0.0:5000 wsgi', 'gunicorn content_api.wsgi', 'celery -A worker beat']);
  // A tag with a command after it is still no "name: command" line.
  const mixed = await analyze('{{#x}} web: gunicorn app\nrelease: .venv/bin/python manage.py migrate\n');
  assert.match(mixed.syntaxProblem!.message, /^not a "name: command" line/);
});

test('procfile template: a long line of tags that ends in text is read in one pass (a lazy tag pattern could split it every way)', async () => {
  const line = `${'{% a %} {# b #} '.repeat(20000)}web: x\n`;
  const { sites, syntaxProblem } = await analyze(`${line}worker: celery -A app worker\nrelease: .venv/bin/python manage.py migrate\n`);
  assert.match(syntaxProblem!.message, /^not a "name: command" line/);
  assert.deepEqual(sites.map(argvText), ['celery -A app worker', '.venv/bin/python manage.py migrate']);
});
