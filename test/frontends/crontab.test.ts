import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crontabFrontEnd, isSystemCrontab } from '../../src/frontends/crontab/index.js';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { argvText, configLinter, positions, siteAt } from '../services-lint.js';

const { analyze } = configLinter('deploy/crontab');

test('crontab claims: crontab, *.crontab, *.cron, and cron.d files with names cron reads', () => {
  for (const p of ['crontab', 'deploy/crontab', 'jobs.crontab', 'backup.cron', 'etc/cron.d/app', 'cron.d/app_2-x']) assert.equal(claimingFrontEnd(p), crontabFrontEnd, p);
  for (const p of ['cron.d/app.sh', 'crontab.md', 'cron/app', 'cron.d/sub/app']) assert.notEqual(claimingFrontEnd(p), crontabFrontEnd, p);
  assert.ok(isSystemCrontab('etc/cron.d/app'));
  assert.ok(isSystemCrontab('/etc/crontab'));
  assert.ok(!isSystemCrontab('deploy/crontab'));
});

test('crontab positions: schedule, @keyword and user fields skipped; % ends the command, \\% is %', async () => {
  const { sites, syntaxProblem } = await analyze('*/5 * * * * /srv/venv/bin/python tick.py\n@daily   date +\\%F > /tmp/d %stdin data\n15 3 * * 1-5 root pip list\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(positions(siteAt(sites, '/srv/venv/bin/python')), ['1:13', '1:34']);
  assert.equal(argvText(siteAt(sites, 'date')), 'date +%F');
  assert.deepEqual(positions(siteAt(sites, 'date')), ['2:10', '2:15']);
  assert.deepEqual(positions(siteAt(sites, 'pip')), ['3:19', '3:23']);
  assert.equal(siteAt(sites, 'pip').language, 'crontab');
});

test('crontab system format (cron.d): the sixth field is the user', async () => {
  const { sites } = await analyze('0 * * * * www-data /srv/venv/bin/python job.py\n', 'etc/cron.d/app');
  assert.equal(argvText(sites[0]), '/srv/venv/bin/python job.py');
});

test('crontab state: environment lines persist downwards, unexpanded; PATH defaults to /usr/bin:/bin; SHELL picks the dialect', async () => {
  const { sites } = await analyze(
    ['0 1 * * * /srv/app/venv/bin/python a.py', '0 2 * * * python b.py', 'VIRTUAL_ENV="/srv/app/venv"', '0 2 * * * python b2.py', 'PATH=/srv/app/venv/bin:/usr/bin:/bin', 'SHELL=/bin/bash', '0 3 * * * python c.py', ''].join('\n'),
  );
  const b = siteAt(sites, 'python b.py');
  assert.equal(b.env.activeVenv, undefined);
  assert.deepEqual(b.env.knownVenvs, ['/srv/app/venv']);
  assert.equal(b.config!.shellDialect, 'sh');
  assert.equal(b.config!.shellName, '/bin/sh');
  const c = siteAt(sites, 'python c.py');
  assert.equal(c.env.activeVenv, '/srv/app/venv');
  assert.equal(c.config!.shellDialect, 'bash');
  assert.equal(c.config!.virtualEnv, undefined, 'VIRTUAL_ENV with its bin on PATH');
  assert.equal(b.config!.virtualEnv, undefined, 'set below this line');
  assert.equal((siteAt(sites, 'python b2.py')).config!.virtualEnv?.venv, '/srv/app/venv');
});

test('crontab: each line is its own shell, started in HOME', async () => {
  const { sites } = await analyze('@reboot cd /srv/app && . venv/bin/activate && python run.py\n@hourly python other.py\n*/2 * * * * venv/bin/pip list\n');
  assert.equal(siteAt(sites, 'python run.py').env.activeVenv, '/srv/app/venv');
  assert.equal(siteAt(sites, 'python other.py').env.activeVenv, undefined);
  assert.deepEqual(siteAt(sites, 'python other.py').env.knownVenvs, ['/srv/app/venv', '/__cron_home__/venv']);
});

test('crontab bad input: too few fields, an unknown @keyword → one partial problem', async () => {
  const { sites, syntaxProblem } = await analyze('1 2 3\n@sometimes python x.py\n0 0 * * * venv/bin/python y.py\n');
  assert.equal(syntaxProblem?.kind, 'syntax');
  assert.deepEqual(syntaxProblem?.start, { line: 1, column: 1 });
  assert.match(syntaxProblem!.message, /^not a crontab line \(schedule, command\): "1 2 3" \(and 1 more\)$/);
  assert.equal(sites.length, 1);
});

test("a line cron cannot read that could hold no finding is no problem (reddit2telegram's own.cron: its own scheduler's table)", async () => {
  const table = 'MASK\tsubmodule_name\n00 * * * *\treddit2telegram\t# Comments after tab.\n00 * * * *\tpythondaily\n';
  assert.equal((await analyze(table)).syntaxProblem, undefined);
  // The twins: the same line where the file names a venv (a bare tool on it could be an escape), and
  // a bad line that names Python itself.
  assert.match((await analyze(`${table}0 0 * * * /srv/app/venv/bin/python y.py\n`)).syntaxProblem?.message ?? '', /^not a crontab line .*"MASK\\tsubmodule_name"$/);
  assert.match((await analyze('1 2 python x.py\n')).syntaxProblem?.message ?? '', /^not a crontab line .*"1 2 python x\.py"$/);
});
