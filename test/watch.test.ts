/**
 * `check --watch` (issue 13 point 4): the real CLI watches a folder; writing an escape brings a
 * report with it, fixing it brings a clean one, and SIGTERM ends the watch. Flags it does not
 * combine with are usage errors.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, runCli, tempDir } from './helpers.js';

/** Resolves once `text` holds `re` (checked on each chunk), or rejects after `ms`. */
function waitFor(get: () => string, re: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (re.test(get())) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`no ${re} within ${ms} ms; got:\n${get()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

test('check --watch reports a new escape, then the clean tree once it is fixed, and stops on SIGTERM', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'ok.py'), 'print(1)\n');
  const child = spawn(process.execPath, [CLI, 'check', '--watch', '.'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await waitFor(() => err, /Watching for file changes/, 20_000);
    assert.match(out, /All checks passed/);
    // .git changes (a commit, a checkout) are not a reason to check again.
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'index'), 'x');
    await new Promise((r) => setTimeout(r, 600)); // four times the debounce: a run would have started
    assert.equal(err.match(/Watching/g)?.length, 1, 'a change under .git started a run');
    fs.writeFileSync(path.join(dir, 'job.py'), 'import os\nos.system("python train.py")\n');
    await waitFor(() => out, /job\.py:2:12: VG101/, 20_000);
    await waitFor(() => err.match(/Watching/g)?.length === 2 ? 'y' : '', /y/, 20_000);
    fs.writeFileSync(path.join(dir, 'job.py'), 'import os, sys\nos.system(f"{sys.executable} job.py")\n');
    await waitFor(() => out.slice(out.lastIndexOf('VG101')), /All checks passed/, 20_000);
    await waitFor(() => err.match(/Watching/g)?.length === 3 ? 'y' : '', /y/, 20_000);
    assert.equal(err.match(/Watching/g)?.length, 3, 'one run per change, none for .git');
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, 'the last run was clean');
});

test('--watch with --fix, --diff or --update-baseline is a usage error', () => {
  for (const extra of [['--fix'], ['--diff'], ['--baseline', 'b.json', '--update-baseline']]) {
    const r = runCli(['check', '--watch', ...extra], { cwd: tempDir() });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^venvguard: error: --watch does not combine with --fix, --diff or --update-baseline/);
  }
});
