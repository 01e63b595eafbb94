/**
 * `venvguard check examples/ci-mixed`: the script, unit, crontab, supervisor and Procfile examples
 * each hold exactly one escape beside correct lines; SARIF regions point at the program word.
 * (Other formats' examples in that folder are left to their own tests.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { CLI, repoRoot } from './helpers.js';
import { assertValidSarif, sarifRegions } from './sarif-schema.js';

const MINE = ['scripts/bootstrap.sh', 'deploy/app.service', 'deploy/crontab', 'deploy/supervisor/app.conf', 'Procfile'];

test('check examples/ci-mixed: one escape per script and service file, at the program word', (t) => {
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'sarif'], { cwd: path.join(repoRoot, 'examples/ci-mixed'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' } });
  assert.equal(r.status, 1, r.stderr);
  assertValidSarif(t, r.stdout);
  const log = JSON.parse(r.stdout) as Log;
  const got = sarifRegions(log)
    .filter((s) => MINE.includes(s.split(' ')[0]));
  assert.deepEqual(got.sort(), [
    'Procfile VG201 4:10-4:16',
    'deploy/app.service VG201 12:11-12:19',
    'deploy/crontab VG201 8:26-8:32',
    'deploy/supervisor/app.conf VG201 11:9-11:15',
    'scripts/bootstrap.sh VG201 13:1-13:7',
  ]);
});
