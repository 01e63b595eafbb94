/** `venvguard check` on a tree mixing a Dockerfile, a workflow and Python source: one run, correct SARIF regions. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { CLI, tempDir } from './helpers.js';
import { assertValidSarif, sarifRegions } from './sarif-schema.js';


test('check: Dockerfile, GitHub Actions workflow and Python source reported in one SARIF run', (t) => {
  const dir = tempDir();
  try {
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN pip install x\n');
    fs.writeFileSync(
      path.join(dir, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: source .venv/bin/activate\n      - run: >\n          echo hi &&\n          pip install x\n',
    );
    fs.writeFileSync(path.join(dir, 'app.py'), 'import subprocess\nsubprocess.run(["pip", "install", "x"])\n');
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'sarif'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' } });
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    assertValidSarif(t, r.stdout);
    assert.equal(log.runs.length, 1);
    const got = sarifRegions(log);
    assert.deepEqual(got.sort(), [
      '.github/workflows/ci.yml VG201 10:11-10:14',
      '.github/workflows/ci.yml VG202 7:14-7:39',
      'Dockerfile VG201 3:5-3:8',
      'app.py VG102 2:17-2:22',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
