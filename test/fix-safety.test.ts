/**
 * What --fix may touch (issue 16, point 4), on real files, modes, owners, links and processes: a
 * read-only file is reported, not fixed (unless --fix-readonly, which keeps its mode); a file
 * another user owns is not replaced (run as `nobody` through setpriv when root); owner and group
 * are kept where they can be; a link out of the checked paths is reported, one inside is fixed once;
 * temporary files are owner-only, never left by SIGINT/SIGTERM (a real child paused mid-write by
 * VG_TEST_PAUSE_AFTER_TEMP_MS), and those of a killed run are removed by the next one.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { JsonReport } from '../src/reporters/json.js';
import { holdSignalsWhileWriting, removeStaleTempFiles } from '../src/pipeline/fix-write.js';
import { CLI, tempDir } from './helpers.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

const LAUNCH = 'import subprocess\nsubprocess.run(["python", "x.py"])\n';
const FIXED = 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "x.py"])\n';
const TEMP = /\.venvguard-\d+\.tmp$/;

const ENV = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' };

function run(args: string[], cwd: string, opts: { asNobody?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const argv = [CLI, 'check', ...args];
  const r = opts.asNobody
    ? spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', process.execPath, ...argv], { cwd, encoding: 'utf8', timeout: 60_000, env: opts.env ?? ENV })
    : spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', timeout: 60_000, env: opts.env ?? ENV });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function fixJson(args: string[], cwd: string, opts: { asNobody?: boolean } = {}): { code: number | null; report: JsonReport; stderr: string } {
  const r = run([...args, '--no-config', '--format', 'json'], cwd, opts);
  try {
    return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
  } catch {
    return assert.fail(`no JSON report (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** `[path, kind, message]` of each problem. */
const problemsOf = (r: JsonReport) => r.problems.map((p) => [p.path, p.kind, p.message]);

function tempFilesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => TEMP.test(f)).sort();
}

const modeOf = (file: string) => (fs.statSync(file).mode & 0o7777).toString(8);

/** A folder others may enter (mkdtemp makes 0700), for the runs as `nobody`. */
function sharedTemp(): string {
  const dir = tempDir('venvguard-fixsafe-');
  fs.chmodSync(dir, 0o755);
  return dir;
}

// ---- read-only files -------------------------------------------------------------------------

test('fix safety: a read-only (0444) file is reported and left alone; --fix-readonly fixes it and keeps 0444', () => {
  // Decided by the mode bits, so the same as root (who could write it) and as its owner.
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'locked.py'), LAUNCH);
  fs.writeFileSync(path.join(dir, 'open.py'), LAUNCH);
  fs.chmodSync(path.join(dir, 'locked.py'), 0o444);

  const r = fixJson(['.', '--fix'], dir);
  assert.equal(r.code, 1, 'the read-only file still has its finding');
  assert.equal(r.report.summary.fixesApplied, 1);
  assert.equal(fs.readFileSync(path.join(dir, 'open.py'), 'utf8'), FIXED);
  assert.equal(fs.readFileSync(path.join(dir, 'locked.py'), 'utf8'), LAUNCH);
  assert.equal(modeOf(path.join(dir, 'locked.py')), '444');
  assert.deepEqual(problemsOf(r.report), [['locked.py', 'not-fixed', 'not fixed: the file is read-only (mode 0444); use --fix-readonly to fix it anyway']]);
  assert.deepEqual(r.report.diagnostics.map((d) => [d.path, d.code]), [['locked.py', 'VG101']]);

  // The text summary says it was not fixed, never that everything was.
  const text = run(['.', '--fix', '--no-config'], dir);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^locked\.py: warning: not fixed: the file is read-only \(mode 0444\); use --fix-readonly to fix it anyway$/m);
  assert.match(text.stdout, /^1 file could not be fixed \(see the warnings above\)\.$/m);
  assert.doesNotMatch(text.stdout, /All checks passed|could not be checked completely/);

  const forced = fixJson(['.', '--fix', '--fix-readonly'], dir);
  assert.equal(forced.code, 0, forced.stderr);
  assert.deepEqual(problemsOf(forced.report), []);
  assert.equal(fs.readFileSync(path.join(dir, 'locked.py'), 'utf8'), FIXED);
  assert.equal(modeOf(path.join(dir, 'locked.py')), '444', '--fix-readonly keeps the mode');
  assert.deepEqual(tempFilesUnder(dir), []);
});

test('fix safety: a file whose owner write bit alone is off (0464) is read-only too', () => {
  const dir = tempDir();
  const file = path.join(dir, 'task.py');
  fs.writeFileSync(file, LAUNCH);
  fs.chmodSync(file, 0o464);
  const r = fixJson(['task.py', '--fix'], dir);
  assert.deepEqual(problemsOf(r.report), [['task.py', 'not-fixed', 'not fixed: the file is read-only (mode 0464); use --fix-readonly to fix it anyway']]);
  assert.equal(fs.readFileSync(file, 'utf8'), LAUNCH);
});

test('fix safety: --fix-readonly without --fix is a usage error', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.py'), LAUNCH);
  const r = run(['a.py', '--fix-readonly'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'venvguard: error: --fix-readonly applies only with --fix (it lets --fix rewrite read-only files)\n');
});

// ---- other users' files ----------------------------------------------------------------------

const asNobodySkip = !isRoot ? 'needs root to run a fix as another user (nobody)' : !hasSetpriv ? 'setpriv not found' : undefined;

test("fix safety: another user's file in a shared folder is not replaced, whether or not they may write it", { skip: asNobodySkip }, () => {
  // A world-writable folder (not sticky): renaming over any file in it is allowed, so only
  // venvguard's own checks keep the file and its owner.
  const dir = sharedTemp();
  const shared = path.join(dir, 'shared');
  fs.mkdirSync(shared);
  fs.chmodSync(shared, 0o777);
  const theirs = path.join(shared, 'theirs.py'); // root's, 0644: nobody cannot write it
  const open = path.join(shared, 'open.py'); // root's, 0666: nobody may write it, but not own it
  const mine = path.join(shared, 'mine.py'); // nobody's own, group root: the group would change
  for (const f of [theirs, open, mine]) fs.writeFileSync(f, LAUNCH);
  fs.chmodSync(theirs, 0o644);
  fs.chmodSync(open, 0o666);
  fs.chmodSync(mine, 0o664);
  fs.chownSync(mine, NOBODY, 0);

  const r = fixJson(['shared', '--fix'], dir, { asNobody: true });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.report.summary.fixesApplied, 0);
  assert.deepEqual(problemsOf(r.report), [
    ['shared/mine.py', 'not-fixed', `not fixed: replacing it would change its group (gid 0 → ${NOBODY}), and only root can keep it`],
    ['shared/open.py', 'not-fixed', `not fixed: replacing it would change its owner (uid 0 → ${NOBODY}), and only root can keep it`],
    ['shared/theirs.py', 'not-fixed', 'not fixed: you cannot write the file (owner uid 0, mode 0644)'],
  ]);
  for (const [f, uid, gid, mode] of [
    [theirs, 0, 0, '644'],
    [open, 0, 0, '666'],
    [mine, NOBODY, 0, '664'],
  ] as const) {
    const st = fs.statSync(f);
    assert.equal(fs.readFileSync(f, 'utf8'), LAUNCH, f);
    assert.deepEqual([st.uid, st.gid, modeOf(f)], [uid, gid, mode], `owner, group and mode of ${f}`);
  }
  assert.deepEqual(tempFilesUnder(dir), []);
});

test("fix safety: root fixing another user's file keeps its owner, group and mode", { skip: isRoot ? undefined : 'needs root to own files as another user' }, () => {
  const dir = tempDir();
  const file = path.join(dir, 'job.py');
  fs.writeFileSync(file, LAUNCH);
  fs.chmodSync(file, 0o640);
  fs.chownSync(file, NOBODY, NOBODY);
  const r = fixJson(['.', '--fix'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  const st = fs.statSync(file);
  assert.deepEqual([st.uid, st.gid, modeOf(file)], [NOBODY, NOBODY, '640']);
});

test('fix safety: a user fixing their own file in their folder needs no chown, and the file stays theirs', { skip: asNobodySkip }, () => {
  const dir = sharedTemp();
  const own = path.join(dir, 'own');
  fs.mkdirSync(own);
  const file = path.join(own, 'job.py');
  fs.writeFileSync(file, LAUNCH);
  fs.chmodSync(file, 0o600);
  fs.chownSync(own, NOBODY, NOBODY);
  fs.chownSync(file, NOBODY, NOBODY);
  const r = fixJson(['own', '--fix'], dir, { asNobody: true });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  const st = fs.statSync(file);
  assert.deepEqual([st.uid, st.gid, modeOf(file)], [NOBODY, NOBODY, '600']);
});

// ---- symbolic links --------------------------------------------------------------------------

test('fix safety: a link out of the checked paths (to a file, or to a folder) is reported, and nothing outside is written', () => {
  const root = tempDir();
  for (const d of ['tree', 'outside', 'outside/lib']) fs.mkdirSync(path.join(root, d));
  fs.writeFileSync(path.join(root, 'outside', 'target.py'), LAUNCH);
  fs.writeFileSync(path.join(root, 'outside', 'lib', 'helper.py'), LAUNCH);
  fs.writeFileSync(path.join(root, 'tree', 'own.py'), LAUNCH);
  fs.symlinkSync('../outside/target.py', path.join(root, 'tree', 'link.py'));
  fs.symlinkSync('../outside/lib', path.join(root, 'tree', 'shared'));

  const r = fixJson(['tree', '--fix'], root);
  assert.equal(r.code, 1);
  assert.equal(r.report.summary.fixesApplied, 1);
  const real = fs.realpathSync(path.join(root, 'outside'));
  assert.deepEqual(problemsOf(r.report), [
    ['tree/link.py', 'not-fixed', `not fixed: it is reached through a symbolic link and its real path, ${path.join(real, 'target.py')}, lies outside the checked paths`],
    ['tree/shared/helper.py', 'not-fixed', `not fixed: it is reached through a symbolic link and its real path, ${path.join(real, 'lib', 'helper.py')}, lies outside the checked paths`],
  ]);
  assert.equal(fs.readFileSync(path.join(root, 'outside', 'target.py'), 'utf8'), LAUNCH);
  assert.equal(fs.readFileSync(path.join(root, 'outside', 'lib', 'helper.py'), 'utf8'), LAUNCH);
  assert.equal(fs.readFileSync(path.join(root, 'tree', 'own.py'), 'utf8'), FIXED);
  assert.equal(fs.readlinkSync(path.join(root, 'tree', 'link.py')), '../outside/target.py');

  // Named on the command line, a link is inside the folder it is named in, no further.
  const named = fixJson(['tree/link.py', '--fix'], root);
  assert.deepEqual(problemsOf(named.report).map((p) => p[1]), ['not-fixed']);
  assert.equal(fs.readFileSync(path.join(root, 'outside', 'target.py'), 'utf8'), LAUNCH);
  // Checking both, the target is inside the checked paths and fixed, once, through either name.
  const both = fixJson(['tree', 'outside', '--fix'], root);
  assert.equal(both.code, 0, JSON.stringify(both.report.problems));
  assert.equal(both.report.summary.fixesApplied, 2);
  assert.equal(fs.readFileSync(path.join(root, 'outside', 'target.py'), 'utf8'), FIXED);
  assert.equal(fs.readFileSync(path.join(root, 'outside', 'lib', 'helper.py'), 'utf8'), FIXED);
  assert.ok(fs.lstatSync(path.join(root, 'tree', 'link.py')).isSymbolicLink());
  assert.deepEqual(tempFilesUnder(root), []);
});

test('fix safety: a checked path that is itself a link to a folder elsewhere is fixed there (the user named it)', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'real'));
  fs.writeFileSync(path.join(root, 'real', 'a.py'), LAUNCH);
  fs.symlinkSync('real', path.join(root, 'project'));
  const r = fixJson(['project', '--fix'], root);
  assert.equal(r.code, 0, JSON.stringify(r.report.problems));
  assert.equal(fs.readFileSync(path.join(root, 'real', 'a.py'), 'utf8'), FIXED);
});

test('fix safety: a link and its target both in the tree: fixed once, at the target, the link kept; --diff shows it once', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'tools'));
  const target = path.join(root, 'tools', 'run.py');
  fs.writeFileSync(target, LAUNCH);
  fs.chmodSync(target, 0o754);
  // Sorted first, the link is the name walked first; the file is still checked under its real name.
  fs.symlinkSync('tools/run.py', path.join(root, 'a_run.py'));

  const diff = run(['.', '--diff', '--no-config'], root);
  assert.equal(diff.code, 1, diff.stderr);
  assert.deepEqual(diff.stdout.match(/^\+\+\+ .*$/gm), ['+++ b/tools/run.py']);
  assert.equal(diff.stderr, '1 fix(es) would be applied to 1 file(s)\n');

  const r = fixJson(['.', '--fix'], root);
  assert.equal(r.code, 0, JSON.stringify(r.report.problems));
  assert.equal(r.report.summary.fixesApplied, 1, 'one fix, not one per name');
  assert.deepEqual(r.report.diagnostics, []);
  assert.equal(fs.readFileSync(target, 'utf8'), FIXED);
  assert.equal(modeOf(target), '754');
  assert.equal(fs.readlinkSync(path.join(root, 'a_run.py')), 'tools/run.py');
  assert.deepEqual(tempFilesUnder(root), []);
});

// ---- temporary files and signals -------------------------------------------------------------

/** Start a fix run that pauses `pauseMs` after writing each temporary file. */
function startPausedFix(dir: string, pauseMs: number) {
  const child = spawn(process.execPath, [CLI, 'check', '.', '--fix', '--no-config', '--format', 'json'], {
    cwd: dir,
    env: { ...ENV, VG_TEST_PAUSE_AFTER_TEMP_MS: String(pauseMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

/** Wait until a temporary file appears in `dir` (the run is then inside a write). */
async function firstTempFile(dir: string, exited: Promise<unknown>): Promise<string> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !done) {
    const t = fs.readdirSync(dir).find((f) => TEMP.test(f));
    if (t) return t;
    await new Promise((r) => setTimeout(r, 10));
  }
  return assert.fail('the fix run ended (or took a minute) without writing a temporary file');
}

/** Four files to fix, a.py … d.py, each 0755 (so that the temporary file's 0600 differs). */
function fourFiles(): string {
  const dir = tempDir();
  for (const n of ['a', 'b', 'c', 'd']) {
    fs.writeFileSync(path.join(dir, `${n}.py`), LAUNCH);
    fs.chmodSync(path.join(dir, `${n}.py`), 0o755);
  }
  return dir;
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`fix safety: ${signal} in the middle of a write: the write ends whole, no temporary file is left, the run stops, killed by ${signal}`, async () => {
    const dir = fourFiles();
    const { child, exited } = startPausedFix(dir, 1500);
    const tmp = await firstTempFile(dir, exited);
    assert.match(tmp, new RegExp(`^\\.a\\.py\\.venvguard-${child.pid}\\.tmp$`));
    assert.equal(modeOf(path.join(dir, tmp)), '600', 'the temporary file is owner-only until it is complete');
    child.kill(signal);
    const end = await exited;
    assert.equal(end.signal, signal, `exit ${end.code}: ${end.stderr}`);
    assert.deepEqual(tempFilesUnder(dir), []);
    assert.equal(fs.readFileSync(path.join(dir, 'a.py'), 'utf8'), FIXED, 'the file being written was completed');
    assert.equal(modeOf(path.join(dir, 'a.py')), '755');
    for (const n of ['b', 'c', 'd']) assert.equal(fs.readFileSync(path.join(dir, `${n}.py`), 'utf8'), LAUNCH, `${n}.py was written after the signal`);
  });
}

test('fix safety: a run killed outright (SIGKILL) leaves its temporary file; the next fix run in that folder removes it', async () => {
  const dir = fourFiles();
  const { child, exited } = startPausedFix(dir, 5000);
  const tmp = await firstTempFile(dir, exited);
  child.kill('SIGKILL');
  assert.equal((await exited).signal, 'SIGKILL');
  assert.deepEqual(tempFilesUnder(dir), [tmp], 'SIGKILL cannot be caught: the temporary file stays');
  assert.equal(modeOf(path.join(dir, tmp)), '600');
  assert.equal(fs.readFileSync(path.join(dir, 'a.py'), 'utf8'), LAUNCH);

  const r = fixJson(['.', '--fix'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(tempFilesUnder(dir), []);
  for (const n of ['a', 'b', 'c', 'd']) assert.equal(fs.readFileSync(path.join(dir, `${n}.py`), 'utf8'), FIXED);
});

test('fix safety: only regular files named .NAME.venvguard-PID.tmp whose process is gone are removed, and only where the run writes', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'quiet'));
  fs.writeFileSync(path.join(dir, 'a.py'), LAUNCH);
  const dead = spawnSync(process.execPath, ['-e', '']).pid!; // exited: its PID names no process now
  const alive = process.pid; // this test runner
  const keep = [
    `.a.py.venvguard-${alive}.tmp`, // a live run's
    `.a.py.venvguard-${dead}.tmp.bak`, // not the pattern
    `a.py.venvguard-${dead}.tmp`, // no leading dot
    `.a.py.venvguard-x${dead}.tmp`, // not a PID
    `notes-${dead}.tmp`,
  ];
  for (const f of keep) fs.writeFileSync(path.join(dir, f), 'x');
  fs.mkdirSync(path.join(dir, `.dir.venvguard-${dead}.tmp`)); // a folder: not venvguard's
  fs.symlinkSync('a.py', path.join(dir, `.link.venvguard-${dead}.tmp`)); // a link: not venvguard's
  fs.writeFileSync(path.join(dir, `.a.py.venvguard-${dead}.tmp`), ''); // stale: removed
  fs.writeFileSync(path.join(dir, `.gone.py.venvguard-${dead}.tmp`), 'half'); // stale, its file gone: removed
  fs.writeFileSync(path.join(dir, 'quiet', `.b.py.venvguard-${dead}.tmp`), ''); // no write there: kept

  const r = fixJson(['.', '--fix'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'a.py'), 'utf8'), FIXED);
  assert.deepEqual(
    fs.readdirSync(dir).sort(),
    [...keep, `.dir.venvguard-${dead}.tmp`, `.link.venvguard-${dead}.tmp`, 'a.py', 'quiet'].sort(),
  );
  assert.deepEqual(fs.readdirSync(path.join(dir, 'quiet')), [`.b.py.venvguard-${dead}.tmp`]);
});

test("fix safety: a stale temporary file named with this process's own PID is an earlier process's (same PID in another container), and is removed", () => {
  // Before a write in a folder this process has no temporary file anywhere, so the name cannot be its own.
  const dir = tempDir();
  const own = `.a.py.venvguard-${process.pid}.tmp`;
  fs.writeFileSync(path.join(dir, 'a.py'), LAUNCH);
  fs.writeFileSync(path.join(dir, own), '');
  assert.deepEqual(removeStaleTempFiles(dir), [path.join(dir, own)]);
  assert.deepEqual(fs.readdirSync(dir), ['a.py']);
});

test('fix safety: in a program that listens for SIGINT itself (the Node API in a server), only SIGTERM is held while writing, and released after', async () => {
  const mine = () => {};
  process.on('SIGINT', mine);
  try {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
    const release = holdSignalsWhileWriting();
    assert.deepEqual({ int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') }, { int: before.int, term: before.term === 0 ? 1 : before.term });
    await release();
    assert.deepEqual({ int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') }, before);
  } finally {
    process.removeListener('SIGINT', mine);
  }
});
