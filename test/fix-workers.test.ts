/**
 * --fix computes each file's fixed text in the thread that checked it (issue 16, point 7): in a
 * worker when workers check. The same tree fixed with everything on the main thread (--jobs 1) and
 * with the checking and fixing in workers (VG_PARALLEL_BYTES=1 sends every analysed file to them)
 * must give the same report and byte-identical files: per-file ignores (which must reach the
 * workers), a link and its target (fixed once), a read-only file (refused on the main thread, which
 * writes), a file with a syntax error (not fixed), shell, Makefile and workflow fixes. And the
 * default thread layout follows the measured rule (threadLayout), tested on its inputs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { JsonReport } from '../src/reporters/json.js';
import { CLI, tempDir } from './helpers.js';

const LAUNCH = 'import subprocess\nsubprocess.run(["python", "x.py"])\n';

/** A small project with fixable findings in every thread-relevant shape. */
function project(root: string): void {
  const w = (rel: string, text: string, mode?: number) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    if (mode !== undefined) fs.chmodSync(path.join(root, rel), mode);
  };
  w('pyproject.toml', '[project]\nname = "demo"\n\n[tool.venvguard]\nper-file-ignores = { "app/legacy*.py" = ["VG101"] }\n');
  for (let i = 0; i < 6; i++) w(`app/worker${i}.py`, LAUNCH);
  // Two findings: VG101 is ignored here (its fix must not be applied), VG102 is not.
  // pip download, not install: a file that installs and runs python both by name is a PATH chain (VG106, held back).
  w('app/legacy.py', `${LAUNCH}import os\nos.system("pip download -r requirements.txt")\n`);
  w('app/readonly.py', LAUNCH, 0o444);
  w('app/broken.py', `${LAUNCH}def f(:\n    pass\n`);
  w('tools/run.py', 'import os\nos.system("pip install -r requirements.txt")\n');
  fs.symlinkSync('tools/run.py', path.join(root, 'a_run.py'));
  w('scripts/deploy.sh', '#!/bin/sh\nset -e\npython3 -m venv .venv\npip install -r requirements.txt\npython -m app.migrate\n', 0o755);
  w('Makefile', 'VENV := .venv\n\n$(VENV):\n\tpython3 -m venv $(VENV)\n\ntest: | $(VENV)\n\tpip install -e .\n\tpytest -q\n');
  w('.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python -m venv .venv\n      - run: pip install -e .\n      - run: pytest -q\n');
}

/** Every file under root (links as links) with its mode and content. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    const p = path.join(root, rel);
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) out[rel] = `link → ${fs.readlinkSync(p)}`;
    else if (st.isFile()) out[rel] = `${(st.mode & 0o7777).toString(8)} ${fs.readFileSync(p, 'utf8')}`;
  }
  return out;
}

function fix(root: string, args: string[], env: Record<string, string> = {}): JsonReport {
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--fix', '--unsafe-fixes', '--format', 'json', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true', ...env } });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as JsonReport;
  (report.summary as { durationMs?: number }).durationMs = 0;
  return report;
}

const twoCpus = os.availableParallelism() >= 2 ? undefined : 'needs 2 CPUs for a worker thread';

test('fix in workers: the same report and byte-identical files as fixing on the main thread', { skip: twoCpus }, () => {
  const main = tempDir('venvguard-fixw-main-');
  const workers = tempDir('venvguard-fixw-workers-');
  project(main);
  project(workers);
  const before = snapshot(main);
  const a = fix(main, ['--jobs', '1']);
  const b = fix(workers, ['--jobs', '2'], { VG_PARALLEL_BYTES: '1' });
  assert.deepEqual(b, a);
  const after = snapshot(main);
  assert.deepEqual(snapshot(workers), after);

  // What both runs did (so that equal cannot mean "both did nothing").
  assert.equal(after['app/worker0.py'], `644 import subprocess\nimport sys\nsubprocess.run([sys.executable, "x.py"])\n`);
  assert.match(after['app/legacy.py'], /subprocess\.run\(\["python", "x\.py"\]\)/, 'VG101 is ignored there by per-file-ignores: not fixed');
  assert.doesNotMatch(after['app/legacy.py'], /os\.system\("pip /, 'VG102 is not ignored there: fixed');
  assert.equal(after['app/readonly.py'], before['app/readonly.py']);
  assert.equal(after['app/broken.py'], before['app/broken.py']);
  assert.notEqual(after['tools/run.py'], before['tools/run.py']);
  assert.equal(after['a_run.py'], 'link → tools/run.py');
  for (const f of ['scripts/deploy.sh', 'Makefile', '.github/workflows/ci.yml']) assert.notEqual(after[f], before[f], f);
  const problems = a.problems.map((p) => `${p.path}: ${p.message}`);
  assert.ok(problems.some((p) => /^app\/readonly\.py: not fixed: the file is read-only/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /^app\/broken\.py: not fixed: the file has syntax errors/.test(p)), problems.join('\n'));
  assert.ok(a.summary.fixesApplied! >= 11, `fixes applied: ${a.summary.fixesApplied}`);
  assert.deepEqual(
    b.diagnostics.map((d) => `${d.path}:${d.code}`),
    ['app/broken.py:VG101', 'app/readonly.py:VG101'],
    'what is left: the two files that were not written (legacy.py’s finding is ignored)',
  );
});

test('fix in workers: the worker that checked a file returns its fixed text; files without fixable findings get none', { skip: twoCpus }, async () => {
  // Read when run.js loads: every analysed file goes to the workers.
  process.env.VG_PARALLEL_BYTES = '1';
  const { checkFiles } = await import('../src/pipeline/run.js');
  const { buildSettings } = await import('../src/pipeline/context.js');
  const { findingsOf } = await import('../src/pipeline/packed.js');
  const { loadConfig } = await import('../src/pipeline/config.js');
  const root = tempDir('venvguard-fixw-api-');
  const files = ['a.py', 'b.py', 'c.py', 'd.py'].map((f) => path.join(root, f));
  fs.writeFileSync(files[0], LAUNCH);
  fs.writeFileSync(files[1], 'import subprocess, sys\nsubprocess.run([sys.executable, "x.py"])\n');
  fs.writeFileSync(files[2], 'import os\nos.system("pip install -r requirements.txt")\n');
  fs.writeFileSync(files[3], LAUNCH);
  const settings = buildSettings(loadConfig({ start: root, noConfig: true }), {});
  const dropped = (f: string) => new Set(f === files[3] ? ['VG101'] : []);
  const results = await checkFiles(files, settings, { jobs: 2, fix: { unsafe: true, dropped } });
  assert.deepEqual(
    results.map((r) => findingsOf(r).map((d) => d.code)),
    [['VG101'], [], ['VG102'], ['VG101']],
  );
  assert.equal(results[0].fix?.fixed?.after, 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "x.py"])\n');
  assert.equal(results[0].fix?.fixed?.before, LAUNCH);
  assert.deepEqual(results[0].fix?.remaining, []);
  assert.equal(results[0].fix?.source?.text, results[0].fix?.fixed?.after);
  assert.equal(results[1].fix, undefined, 'nothing to fix');
  assert.equal(results[2].fix?.fixed?.after, 'import os\nimport shlex\nimport sys\nos.system(shlex.quote(sys.executable) + " -m pip install -r requirements.txt")\n');
  assert.equal(results[3].fix, undefined, 'its only finding is ignored for it');
  // Without --unsafe-fixes the worker fixes a file exactly when one of its findings has a safe fix.
  const safe = await checkFiles(files, settings, { jobs: 2, fix: { unsafe: false, dropped } });
  for (const [i, r] of safe.slice(0, 3).entries()) {
    const fixable = findingsOf(r).some((d) => d.fix?.applicability === 'safe');
    assert.equal(r.fix !== undefined, fixable, `${path.basename(files[i])}: a fix exactly when a safe fix exists`);
  }
});

test('default threads: the main thread analyses up to PARALLEL_BYTES of source, or with one thread; above it, a worker per CPU but the main thread’s', async () => {
  const { workersFor, threadsFor, PARALLEL_BYTES } = await import('../src/pipeline/run.js');
  // --jobs 1, or one CPU: never a worker, however much there is.
  assert.equal(workersFor(threadsFor(1), 100 * PARALLEL_BYTES), 0);
  assert.equal(workersFor(1, 100 * PARALLEL_BYTES), 0);
  // Up to the limit, the main thread (measured faster at 1, 30, 300 and 3,000 files).
  assert.equal(workersFor(2, 0), 0);
  assert.equal(workersFor(2, PARALLEL_BYTES), 0);
  assert.equal(workersFor(16, PARALLEL_BYTES), 0);
  // Above it, the main thread keeps reading (and writing fixes) while the others analyse: one
  // worker on 2 CPUs (measured faster than two), seven on 8.
  assert.equal(workersFor(2, PARALLEL_BYTES + 1), 1);
  assert.equal(workersFor(8, PARALLEL_BYTES + 1), 7);
  // --jobs is capped at the CPUs the process may use.
  assert.equal(threadsFor(100_000), os.availableParallelism());
});

test('fix: a rule per-file-ignores drops for a file is not fixed there by a later pass either (it was, once another fix in the file made a second pass)', () => {
  const root = tempDir('venvguard-fixw-pfi-');
  fs.mkdirSync(path.join(root, 'app'));
  fs.writeFileSync(path.join(root, 'pyproject.toml'), '[project]\nname = "demo"\n\n[tool.venvguard]\nper-file-ignores = { "app/legacy.py" = ["VG101"] }\n');
  const legacy = `${LAUNCH}import os\nos.system("pip download -r requirements.txt")\n`; // not a PATH chain (VG106)
  fs.writeFileSync(path.join(root, 'app', 'legacy.py'), legacy);
  const r = fix(root, ['--jobs', '1']);
  assert.equal(r.summary.fixesApplied, 1, 'the VG102 fix only');
  assert.equal(fs.readFileSync(path.join(root, 'app', 'legacy.py'), 'utf8'), `import shlex\nimport subprocess\nimport sys\nsubprocess.run(["python", "x.py"])\nimport os\nos.system(shlex.quote(sys.executable) + " -m pip download -r requirements.txt")\n`);
  assert.deepEqual(r.diagnostics, []);
});

// The settings workers rebuild their context from carried neither the project's root nor whether
// it runs on Windows: in workers a module found only from the root (`from settings import …` in a
// folder that is not a package) was not read, and a shell string's fix was quoted for sh alone.
test('workers get the project root and the project platforms the main thread has', { skip: twoCpus }, () => {
  const layouts = ['main', 'workers'].map((name) => {
    const root = tempDir(`venvguard-fixw-root-${name}-`);
    const w = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    w('pyproject.toml', '[project]\nname = "demo"\n');
    w('.github/workflows/ci.yml', 'on: push\njobs:\n  t:\n    runs-on: windows-latest\n    steps:\n      - run: pytest\n');
    w('settings.py', 'PYTHON = "python"\n');
    w('tools/sub/job.py', 'import subprocess\nfrom settings import PYTHON\nsubprocess.run([PYTHON, "x.py"])\n');
    w('tools/shell.py', 'import subprocess\nsubprocess.run("python x.py", shell=True)\n');
    return root;
  });
  const run = (root: string, args: string[], env: Record<string, string> = {}) =>
    ['--output-format=concise', '--diff'].map((how) => {
      const r = spawnSync(process.execPath, [CLI, 'check', '.', how, '--unsafe-fixes', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      return r.stdout.split(root).join('<root>');
    });
  const [findings, diff] = run(layouts[0], ['--jobs', '1']);
  assert.deepEqual(run(layouts[1], ['--jobs', '2'], { VG_PARALLEL_BYTES: '1' }), [findings, diff]);
  // What both runs found (so that equal cannot mean "both missed it"; workers once did).
  assert.match(findings, /tools\/sub\/job\.py:3:\d+: VG101/, findings);
  assert.match(diff, /subprocess\.list2cmdline\(\[sys\.executable\]\) if os\.name == "nt" else shlex\.quote\(sys\.executable\)/, diff);
  for (const root of layouts) fs.rmSync(root, { recursive: true, force: true });
});
