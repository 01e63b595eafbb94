import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { parseUnitFile, splitUnitWords, systemdFrontEnd } from '../../src/frontends/systemd/index.js';
import { wordText } from '../../src/kernel/word.js';
import { argvText, configLinter, positions, siteAt } from '../services-lint.js';

const { analyze } = configLinter('deploy/app.service');
const chars = (s: string) => [...s].map((ch, off) => ({ ch, off }));

test('systemd claims: *.service only (sockets and timers start no command themselves)', () => {
  for (const p of ['app.service', 'deploy/systemd/worker@.service', '/etc/systemd/system/x.service']) assert.equal(claimingFrontEnd(p), systemdFrontEnd, p);
  for (const p of ['app.socket', 'app.timer', 'service', 'app.service.in']) assert.notEqual(claimingFrontEnd(p), systemdFrontEnd, p);
});

test('systemd parsing: sections, # and ; comments, continuations (comment lines inside skipped)', () => {
  const problems: { message: string; offset: number }[] = [];
  const ds = parseUnitFile('[Unit]\n; c\nDescription = x\n[Service]\nExecStart=/bin/a \\\n# skipped\n  b\n', problems);
  assert.deepEqual(problems, []);
  assert.deepEqual(ds.map((d) => [d.section, d.key, d.value.map((c) => c.ch).join(''), d.firstLine, d.lastLine]), [
    ['Unit', 'Description', 'x', 3, 3],
    ['Service', 'ExecStart', '/bin/a    b', 5, 7],
  ]);
});

test('systemd word splitting: quotes, C escapes, specifiers, $VAR split and ${VAR} whole, $$', () => {
  const problems: { message: string; offset: number }[] = [];
  const vars = new Map([['OPTS', '-a  -b'], ['DIR', '/srv/my app']]);
  const { words, complete } = splitUnitWords(chars(`/bin/x "a b" 'c\\'d' e\\tf %i %% $OPTS \${DIR}/y $$HOME $UNSET`), vars, problems);
  assert.deepEqual(problems, []);
  assert.equal(complete, false, '$UNSET alone may be zero or more words');
  assert.deepEqual(words.map((w) => wordText(w.word) ?? '?'), ['/bin/x', 'a b', "c'd", 'e\tf', '?', '%', '-a', '-b', '/srv/my app/y', '$HOME', '?']);
  splitUnitWords(chars('/bin/x "open'), vars, problems);
  assert.match((problems as { message: string }[])[0].message, /unterminated double quote/);
});

test('systemd positions: prefixes stripped, @ drops the argv[0] name, every word at its column', async () => {
  const { sites, syntaxProblem } = await analyze('[Service]\nExecStartPre=-/srv/app/venv/bin/pip install -r requirements.txt\nExecStart=@/srv/app/venv/bin/python myapp app.py\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(positions(siteAt(sites, '/srv/app/venv/bin/pip')), ['2:15', '2:37', '2:45', '2:48']);
  assert.deepEqual(sites.map(argvText), ['/srv/app/venv/bin/pip install -r requirements.txt', '/srv/app/venv/bin/python app.py']);
  assert.equal(sites[0].api, 'ExecStartPre');
  assert.equal(sites[0].language, 'systemd');
});

test('systemd state: a bare program is found on the fixed search path, a wrapper or a shell uses Environment=PATH=', async () => {
  const { sites } = await analyze(
    '[Service]\nEnvironment=PATH=/srv/app/venv/bin:/usr/bin VIRTUAL_ENV=/srv/app/venv\nExecStart=python app.py\nExecStartPost=/usr/bin/env celery -A app status\nExecStop=/bin/sh -c "pip list"\n',
  );
  assert.equal(siteAt(sites, 'python').env.activeVenv, undefined);
  assert.equal(siteAt(sites, 'celery').env.activeVenv, '/srv/app/venv');
  assert.equal(siteAt(sites, 'pip').env.activeVenv, '/srv/app/venv');
  const exec = (siteAt(sites, 'python')).config!;
  assert.equal(exec.form, 'exec');
  assert.equal(exec.virtualEnv, undefined, 'VIRTUAL_ENV with its bin on PATH is the right setting');
  const sh = (siteAt(sites, 'pip')).config!;
  assert.equal(sh.shellDialect, 'sh');
  assert.equal(sh.shellName, '/bin/sh');
});

test('systemd: WorkingDirectory= resolves relative paths; ; separates commands; EnvironmentFile= makes children\'s PATH unknown', async () => {
  const { sites } = await analyze('[Service]\nWorkingDirectory=-/srv/app\nEnvironmentFile=/etc/default/app\nExecStartPre=/bin/echo a ; /usr/bin/env pip list\nExecStart=/bin/bash -c "venv/bin/pip install x"\n');
  assert.deepEqual(sites.map(argvText), ['/bin/echo a', 'pip list', 'venv/bin/pip install x']);
  assert.deepEqual(siteAt(sites, 'pip list').env.knownVenvs, ['/srv/app/venv']);
  assert.equal(siteAt(sites, 'pip list').env.path.kind, 'explicit');
});

test('systemd: a unit that names no venv has none', async () => {
  const { sites } = await analyze('[Service]\nWorkingDirectory=/srv/app\nExecStart=/usr/bin/python3 app.py\n');
  assert.deepEqual(sites[0].env.knownVenvs, []);
});

test('systemd bad input: a line without =, a key before any section, an unterminated quote → one partial problem', async () => {
  const { sites, syntaxProblem } = await analyze('Foo=1\n[Service]\nthis is not a setting\nExecStart=/srv/v/bin/python "x\n');
  assert.equal(syntaxProblem?.kind, 'syntax');
  assert.equal(syntaxProblem?.partial, true);
  assert.deepEqual(syntaxProblem?.start, { line: 1, column: 1 });
  assert.match(syntaxProblem!.message, /^Foo= outside a \[section\] \(and 2 more\)$/);
  assert.equal(sites.length, 1);
});

test('systemd facts: Environment=VIRTUAL_ENV= without the venv on PATH is the virtualEnv fact, with its span', async () => {
  const { sites, file } = await analyze('[Service]\nEnvironment="VIRTUAL_ENV=/srv/app/venv" LANG=C.UTF-8\nExecStart=/srv/app/venv/bin/gunicorn app:app\nExecStartPost=/bin/sh -c "celery -A app status"\n');
  for (const s of sites) {
    const ve = s.config!.virtualEnv!;
    assert.equal(ve.venv, '/srv/app/venv');
    assert.equal(file.text.slice(ve.span.start, ve.span.end), 'VIRTUAL_ENV=/srv/app/venv');
  }
});
