/**
 * `venvguard run`'s judge on trace records (data shaped as the tracer writes them) against a real
 * venv made here, with real folders on the child's PATH: which spawns and processes escape, what
 * each name resolved to and which PATH entry won, and what is not an escape (sys.executable,
 * an activated shell, self-managing tools, probes, an explicit PATH).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { judgeRecords, type ProcessRecord, type SpawnRecord, type StackFrame, type TraceRecord } from '../src/api.js';
import { python3, tempDir } from './helpers.js';

const base = python3();
const root = fs.realpathSync(tempDir('venvguard-run-judge-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const venv = path.join(root, 'app', 'venv');
const empty = path.join(root, 'empty-bin'); // a PATH entry with no Python: "not found"
const sysbin = path.join(root, 'sys-bin'); // a PATH entry whose python, pip and celery are not the venv's
const app = path.join(root, 'app');
if (base) {
  execFileSync(base, ['-m', 'venv', '--without-pip', venv]);
  fs.mkdirSync(empty);
  fs.mkdirSync(sysbin);
  fs.symlinkSync(base, path.join(sysbin, 'python'));
  for (const n of ['pip', 'celery']) fs.writeFileSync(path.join(sysbin, n), `#!${base}\nprint("x")\n`, { mode: 0o755 });
  // The venv's own console script: known to the judge because the venv has it.
  fs.writeFileSync(path.join(venv, 'bin', 'analyze-data'), `#!${path.join(venv, 'bin', 'python')}\nprint("x")\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(sysbin, 'analyze-data'), `#!${base}\nprint("x")\n`, { mode: 0o755 });
}
const skip = base ? false : 'no python3 to make a venv with';
const baseInfo = base ? JSON.parse(execFileSync(base, ['-c', 'import sys, json; print(json.dumps([sys.prefix, "%d.%d.%d" % sys.version_info[:3]]))'], { encoding: 'utf8' })) as [string, string] : ['', ''];

const worker = (): StackFrame[] => [
  { file: path.join(app, 'worker.py'), line: 30, function: '<module>' },
  { file: path.join(app, 'tasks.py'), line: 12, function: 'run' },
  { file: '/usr/lib/python3.12/subprocess.py', line: 1000, function: '__init__' },
];

function proc(pid: number, ppid: number, over: Partial<ProcessRecord> = {}): ProcessRecord {
  return { type: 'process', pid, ppid, argv: [path.join(venv, 'bin', 'python'), 'worker.py'], executable: path.join(venv, 'bin', 'python'), prefix: venv, basePrefix: baseInfo[0], version: baseInfo[1], venv, audit: true, parentArgv: ['bash'], path: '/usr/bin:/bin', time: 100, ...over };
}

function spawn(args: string[] | string, over: Partial<SpawnRecord> = {}): SpawnRecord {
  return { type: 'spawn', pid: 10, event: typeof args === 'string' ? 'os.system' : 'subprocess.Popen', executable: null, args, shell: typeof args === 'string', cwd: null, path: empty, envPassesTracer: true, stack: worker(), callSite: 1, time: 101, ...over };
}

const judge = (records: TraceRecord[]) => judgeRecords(records, { venv, cwd: app, env: { PATH: empty, HOME: root } });

test('os.system("python analyze.py") on a PATH without python: not found, at the call site', { skip }, async () => {
  const j = await judge([proc(10, 1), spawn('python analyze.py')]);
  assert.equal(j.escapes.length, 1);
  const e = j.escapes[0];
  assert.equal(e.code, 'VG101');
  assert.equal(e.resolved, null);
  assert.equal(e.path, empty);
  assert.deepEqual(e.callSite, { file: path.join(app, 'tasks.py'), line: 12, function: 'run' });
  assert.match(e.message, /python: not found/);
});

test('a name found on a PATH entry outside the venv: the file, and the entry that won', { skip }, async () => {
  const j = await judge([proc(10, 1), spawn(['python', 'analyze.py'], { path: `${empty}:${sysbin}:${path.join(venv, 'bin')}` })]);
  assert.equal(j.escapes.length, 1);
  assert.equal(j.escapes[0].resolved, path.join(sysbin, 'python'));
  assert.equal(j.escapes[0].pathEntry, sysbin);
  assert.equal(j.escapes[0].real, fs.realpathSync(base!));
});

test('pip is VG102 (also python -m pip), a console script VG103 (curated, or the venv\'s own)', { skip }, async () => {
  const p = sysbin;
  const j = await judge([spawn(['pip', 'install', 'x'], { path: p }), spawn('python -m pip install y', { path: p }), spawn(['celery', 'worker'], { path: p }), spawn(['analyze-data'], { path: p })]);
  assert.deepEqual(j.escapes.map((e) => [e.code, e.name]), [['VG102', 'pip'], ['VG102', 'python'], ['VG103', 'celery'], ['VG103', 'analyze-data']]);
});

test('not escapes: sys.executable, the venv first on PATH, an activation in the string, an explicit PATH, self-managing tools, probes, non-Python programs', { skip }, async () => {
  const vbin = path.join(venv, 'bin');
  const j = await judge([
    spawn([path.join(vbin, 'python'), 'analyze.py']),
    spawn(['python', 'analyze.py'], { path: `${vbin}:${sysbin}` }),
    spawn(`. ${vbin}/activate && python analyze.py`, { path: sysbin }),
    spawn(`PATH=${vbin} python analyze.py`, { path: sysbin }),
    spawn(['tox', '-e', 'py312'], { path: sysbin }),
    spawn('uv run python x.py', { path: sysbin }),
    spawn(['docker', 'run', 'python:3.12', 'python', '-V'], { path: sysbin }),
    spawn(['python', '-V'], { path: sysbin }),
    spawn(['git', 'status'], { path: sysbin }),
    spawn([], { event: 'os.fork', path: sysbin }),
  ]);
  assert.deepEqual(j.escapes, []);
});

test('wrappers are peeled as check peels them: env, nice, bash -c', { skip }, async () => {
  const j = await judge([spawn(['env', 'FOO=1', 'nice', 'python', 'x.py'], { path: sysbin }), spawn(['bash', '-c', 'cd /tmp && pip install z'], { path: sysbin })]);
  assert.deepEqual(j.escapes.map((e) => [e.code, e.name, e.resolved]), [['VG101', 'python', path.join(sysbin, 'python')], ['VG102', 'pip', path.join(sysbin, 'pip')]]);
});

test('os.execvp: the event carries each PATH candidate, judged as a lookup of the bare name', { skip }, async () => {
  const j = await judge([spawn(['python', 'x.py'], { event: 'os.exec', executable: path.join(sysbin, 'python'), path: `${empty}:${sysbin}` })]);
  assert.equal(j.escapes.length, 1);
  assert.equal(j.escapes[0].pathEntry, sysbin);
});

test('a Python process outside the venv that no Python frame started: named with its parent command line', { skip }, async () => {
  const outside = proc(20, 5, { argv: [base!, 'analyze.py'], executable: base!, prefix: baseInfo[0], venv: null, parentArgv: ['make', 'test'] });
  const j = await judge([proc(10, 1), outside]);
  assert.equal(j.escapes.length, 1);
  assert.equal(j.escapes[0].kind, 'process');
  assert.deepEqual(j.escapes[0].parent, { pid: 5, argv: ['make', 'test'] });
  assert.equal(j.escapes[0].callSite, null);
  // pip run by a stray interpreter is VG102
  const pip = await judge([proc(21, 5, { argv: [base!, '-m', 'pip', 'install', 'x'], executable: base!, prefix: baseInfo[0], venv: null, parentArgv: ['sh', 'ci.sh'] })]);
  assert.equal(pip.escapes[0].code, 'VG102');
});

test('the process a spawn started is folded into that escape, not reported twice; the tree hangs it under its spawner through sh -c', { skip }, async () => {
  const child = proc(30, 29, { argv: ['python', 'analyze.py'], executable: path.join(sysbin, 'python'), prefix: baseInfo[0], venv: null, parentArgv: ['/bin/sh', '-c', 'python analyze.py'], time: 102 });
  const j = await judge([proc(10, 1), spawn('python analyze.py', { path: sysbin }), child]);
  assert.equal(j.escapes.length, 1);
  assert.deepEqual(j.escapes[0].children.map((c) => c.pid), [30]);
  assert.equal(j.roots.length, 1);
  assert.equal(j.roots[0].record.pid, 10);
  assert.equal(j.roots[0].inVenv, true);
  assert.deepEqual(j.roots[0].children.map((c) => [c.record.pid, c.inVenv]), [[30, false]]);
});

test('processes that tox, uv run or python -m venv started are where they are meant to be', { skip }, async () => {
  const other = { executable: base!, prefix: baseInfo[0], venv: null };
  const j = await judge([
    proc(40, 39, { ...other, argv: [base!, '-m', 'pytest'], parentArgv: ['/usr/bin/python3', '/usr/local/bin/tox', '-e', 'py'] }),
    proc(41, 39, { ...other, argv: [base!, '-m', 'venv', '/tmp/x'], parentArgv: ['sh'] }),
    proc(42, 41, { ...other, argv: [base!, '-m', 'ensurepip'], parentArgv: null }),
    proc(43, 39, { ...other, argv: [base!, 'x.py'], parentArgv: ['uv', 'run', 'x.py'] }),
    // what check lets through: a probe, inline code that imports only the standard library
    proc(44, 39, { ...other, argv: ['python3', '-c', 'import sys; print(sys.executable)'], parentArgv: ['sh'] }),
    proc(45, 39, { ...other, argv: ['python3', '-c', 'import json, sys; json.dump({}, sys.stdout)'], parentArgv: ['sh'] }),
  ]);
  assert.deepEqual(j.escapes, []);
  // …but not inline code that imports a package.
  const pkg = await judge([proc(46, 39, { ...other, argv: ['python3', '-c', 'import requests'], parentArgv: ['sh'] })]);
  assert.equal(pkg.escapes.length, 1);
});


test('identity-only processes (no audit hooks) are listed', { skip }, async () => {
  const j = await judge([proc(10, 1, { audit: false, version: '3.7.16' })]);
  assert.deepEqual(j.identityOnly, [{ pid: 10, version: '3.7.16', executable: path.join(venv, 'bin', 'python') }]);
});

test('a child whose arguments no spawn names (a multiprocessing worker of another interpreter) is its own escape, not the last spawn\'s', { skip }, async () => {
  const other = { executable: base!, prefix: baseInfo[0], venv: null };
  const listed = proc(60, 10, { ...other, argv: ['python', 'child.py', 'spawnp'], time: 102 });
  const worker = proc(61, 10, { ...other, argv: [base!, '-c', 'from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=6, pipe_handle=20)', '--multiprocessing-fork'], time: 103 });
  const j = await judge([proc(10, 1), spawn(['python', 'child.py', 'spawnp'], { event: 'os.posix_spawn', path: sysbin }), listed, worker]);
  assert.deepEqual(j.escapes.map((e) => [e.kind, e.children.map((c) => c.pid)]), [['spawn', [60]], ['process', []]]);
  assert.equal(j.escapes[1].pid, 61);
});

test('a hard-coded system interpreter that does not exist: "no such file", not a PATH lookup', { skip }, async () => {
  const j = await judge([spawn(['/usr/local/bin/python9.99', 'x.py'], { path: sysbin })]);
  assert.equal(j.escapes.length, 1);
  assert.deepEqual([j.escapes[0].resolved, j.escapes[0].path], [null, null]);
  assert.equal(j.escapes[0].message, `/usr/local/bin/python9.99: no such file (${path.join(app, 'tasks.py')}:12)`);
});
