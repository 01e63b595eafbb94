/** `venvguard check` on examples/ci-mixed/Makefile: discovery claims it, findings land on the real words, --fix writes $(VENV)/bin/…. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { CLI, repoRoot, tempDir } from './helpers.js';
import { sarifRegions } from './sarif-schema.js';

const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' };

test('check: the ci-mixed example Makefile has one escape (VG202 at the activation, VG201 at sphinx-build) and nothing else', () => {
  const dir = tempDir();
  try {
    fs.copyFileSync(path.join(repoRoot, 'examples/ci-mixed/Makefile'), path.join(dir, 'Makefile'));
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'sarif'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    const got = sarifRegions(log);
    assert.deepEqual(got.sort(), ['Makefile VG201 28:2-28:14', 'Makefile VG202 27:2-27:29']);
    const fix = spawnSync(process.execPath, [CLI, 'check', '.', '--fix', '--unsafe-fixes'], { cwd: dir, encoding: 'utf8', env });
    assert.ok(fix.status === 0 || fix.status === 1, fix.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'Makefile'), 'utf8'), /\n\t\$\(VENV\)\/bin\/sphinx-build -b html docs\//);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
