/**
 * launchTraced with the newest Python 3 of this machine and one real venv: the traced program is never
 * changed (stdin, stdout, stderr byte for byte against an untraced run, exit status, death by a signal,
 * SIGTERM/SIGINT forwarded), 16 children started at once lose no record, a program's own sitecustomize
 * still runs, CMD need not be Python (bash, make), and what could not be watched is said (a Python CMD
 * with -S or a #! line that turns site off, an unusable temporary folder), never raised into the program.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { LaunchError, launchTraced } from '../src/env/trace/launch.js';
import type { TraceResult } from '../src/env/trace/records.js';
import { repoRoot, tempDir } from './helpers.js';
import {
  cleanEnv, interpreters, makeVenv, newestPython3, processes, processesTagged, pythonBin, spawns, spawnsTagged,
} from './trace-fixtures.js';

const found = newestPython3(interpreters());
const root = tempDir('venvguard-trace-launch-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

let py = '';
let venv = '';
let PATH = '';
before(() => {
  if (!found) return;
  venv = path.join(root, 'venv');
  py = makeVenv(found[1], venv);
  PATH = `${pythonBin(path.join(root, 'bin'), found[1])}:/usr/bin:/bin`;
});
const skipWhy = found ? undefined : 'no Python 3 on this machine (pyenv or python3 on PATH)';

function write(name: string, text: string): string {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/**
 * A process that runs launchTraced with stdio 'inherit', as the CLI does, and passes the command's
 * status on (its exit code, or death by the same signal). The result goes to the file in VG_RESULT.
 */
const WRAPPER = `import fs from 'node:fs';
import { launchTraced } from ${JSON.stringify(path.join(repoRoot, 'dist/src/env/trace/launch.js'))};
const r = await launchTraced({ command: process.argv.slice(2) });
fs.writeFileSync(process.env.VG_RESULT, JSON.stringify(r));
if (r.signal) process.kill(process.pid, r.signal);
else process.exit(r.exitCode ?? 1);
`;

interface Ran { code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: Buffer; result?: TraceResult }

/** Runs `command` through the wrapper (traced) or directly (untraced), stdin from `input`. */
function run(command: string[], opts: { traced: boolean; input?: Buffer | string; env?: NodeJS.ProcessEnv; onStdout?: (text: string, pid: number) => void }): Promise<Ran> {
  const wrapper = write('wrapper.mjs', WRAPPER);
  const resultFile = path.join(root, `result-${Math.random().toString(36).slice(2)}.json`);
  const argv = opts.traced ? [process.execPath, wrapper, ...command] : command;
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: root, env: { ...(opts.env ?? cleanEnv(PATH)), VG_RESULT: resultFile } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      opts.onStdout?.(Buffer.concat(out).toString(), child.pid!);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.end(opts.input ?? '');
    child.on('close', (code, signal) => {
      const result = fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as TraceResult) : undefined;
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err), result });
    });
  });
}

// Reads stdin as bytes, writes bytes no decoder likes to both streams, and has children write too.
const ECHO = `import os, subprocess, sys
data = sys.stdin.buffer.read()
sys.stdout.buffer.write(b"len=%d\\n" % len(data) + data[::-1] + b"\\x00\\xff\\xfe\\n")
sys.stdout.flush()
sys.stderr.buffer.write(b"err \\xc3\\x28 \\x00 end\\n")
sys.stderr.flush()
subprocess.run([sys.executable, "-c", "import sys; sys.stdout.write('child\\\\n'); sys.stderr.write('child err\\\\n')"])
os.system("echo from-shell; python -c 'print(42)' tag-echo-grandchild")
print(" ".join(sys.path[1:]))
sys.exit(3)
`;

test('stdin, stdout and stderr pass through byte for byte, and the exit code', { skip: skipWhy }, async () => {
  const prog = write('echo.py', ECHO);
  const input = Buffer.concat([Buffer.from('line one\nline two\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]), Buffer.alloc(200_000, 0x61)]);
  const plain = await run([py, prog], { traced: false, input });
  const traced = await run([py, prog], { traced: true, input });
  assert.equal(plain.code, 3);
  assert.ok(plain.stdout.includes(Buffer.from('len=200024\n')));
  assert.ok(plain.stdout.includes(Buffer.from('42\n')));
  assert.equal(traced.code, 3);
  assert.deepEqual(traced.stdout, plain.stdout);
  assert.deepEqual(traced.stderr, plain.stderr);
  const r = traced.result!;
  assert.equal(r.exitCode, 3);
  assert.equal(spawns(r.records).length, 2);
  assert.equal(processesTagged(r.records, 'tag-echo-grandchild').length, 1);

  // The same through pipes (the Node API's way).
  const piped = await launchTraced({ command: [py, prog], cwd: root, env: cleanEnv(PATH), stdio: 'pipe', input });
  assert.deepEqual(piped.stdout, plain.stdout);
  assert.deepEqual(piped.stderr, plain.stderr);
  assert.equal(piped.exitCode, 3);
});

test('a command killed by a signal is reported with its signal; a child killed by one keeps its status', { skip: skipWhy }, async () => {
  const prog = write('killed.py', `import os, signal, subprocess, sys
p = subprocess.run([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)", "tag-victim"])
print(p.returncode)
sys.stdout.flush()
os.kill(os.getpid(), signal.SIGKILL)
`);
  const plain = await run([py, prog], { traced: false });
  const traced = await run([py, prog], { traced: true });
  assert.equal(plain.signal, 'SIGKILL');
  assert.equal(plain.stdout.toString(), '-15\n');
  assert.equal(traced.signal, 'SIGKILL');
  assert.deepEqual(traced.stdout, plain.stdout);
  assert.equal(traced.result!.signal, 'SIGKILL');
  assert.equal(traced.result!.exitCode, null);
  assert.equal(processesTagged(traced.result!.records, 'tag-victim').length, 1);
});

for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  test(`${sig} sent to venvguard reaches the command (no terminal here), which exits its own way`, { skip: skipWhy }, async () => {
    // (the handler writes with os.write: the signal may arrive while "ready" is still being flushed)
    const prog = write(`signal-${sig}.py`, `import os, signal, sys, time
def leave(signum, frame):
    os.write(1, b"got %d\\n" % signum)
    os._exit(7)
signal.signal(signal.${sig}, leave)
sys.stdout.write("ready\\n")
sys.stdout.flush()
time.sleep(60)
`);
    let sent = false;
    const traced = await run([py, prog], {
      traced: true,
      onStdout: (text, pid) => {
        if (!sent && text.includes('ready\n')) {
          sent = true;
          process.kill(pid, sig);
        }
      },
    });
    assert.equal(traced.stdout.toString(), `ready\ngot ${sig === 'SIGTERM' ? 15 : 2}\n`, JSON.stringify({ code: traced.code, signal: traced.signal, stderr: traced.stderr.toString(), result: traced.result }));
    assert.equal(traced.code, 7);
    assert.equal(traced.result!.exitCode, 7);
  });
}

test('16 children started at once from 16 threads: no record lost', { skip: skipWhy }, async () => {
  const prog = write('parallel.py', `import subprocess, sys
from concurrent.futures import ThreadPoolExecutor
code = "import os; os.system('true')"
def start(i):
    return subprocess.run([sys.executable, "-c", code, "tag-par-%d" % i]).returncode
with ThreadPoolExecutor(16) as pool:
    assert list(pool.map(start, range(16))) == [0] * 16
`);
  const r = await launchTraced({ command: [py, prog], cwd: root, env: cleanEnv(PATH), stdio: 'pipe' });
  assert.equal(r.stderr?.toString(), '');
  assert.equal(r.exitCode, 0);
  const me = processes(r.records).find((p) => p.argv[1] === prog)!;
  for (let i = 0; i < 16; i++) {
    const tag = `tag-par-${i}`;
    assert.equal(spawnsTagged(r.records, tag).filter((s) => s.pid === me.pid).length, 1, tag);
    const child = processesTagged(r.records, tag);
    assert.equal(child.length, 1, tag);
    assert.equal(child[0].venv, venv);
    assert.equal(spawns(r.records).filter((s) => s.pid === child[0].pid && s.args === 'true').length, 1, tag);
  }
  assert.equal(processes(r.records).length, 17);
  assert.equal(spawns(r.records).length, 32);
});

const SHOW = `import os, sys
import sitecustomize
print(getattr(sitecustomize, "OWN", "no own sitecustomize"), os.environ.get("OWN_SITECUSTOMIZE"))
print(sys.path[1:])
os.system("python -c pass tag-after-own")
`;

test("a program's own sitecustomize (on PYTHONPATH, or in the venv) still runs, and we still trace", { skip: skipWhy }, async () => {
  const prog = write('show.py', SHOW);
  const own = 'import os, sys\nOWN = "own sitecustomize ran"\nos.environ["OWN_SITECUSTOMIZE"] = "1"\nsys.path.append("/added/by/own")\nprint("own sitecustomize says hello")\n';
  write('userpath/sitecustomize.py', own);
  const sitePackages = fs.readdirSync(path.join(venv, 'lib')).map((d) => path.join(venv, 'lib', d, 'site-packages'))[0];
  for (const [where, env] of [
    ['on PYTHONPATH', cleanEnv(PATH, { PYTHONPATH: path.join(root, 'userpath') })],
    ['in the venv', cleanEnv(PATH)],
  ] as const) {
    if (where === 'in the venv') fs.writeFileSync(path.join(sitePackages, 'sitecustomize.py'), own);
    const plain = await run([py, prog], { traced: false, env });
    const traced = await run([py, prog], { traced: true, env });
    // (the child python prints the hello too: it inherits the same sitecustomize)
    assert.match(plain.stdout.toString(), /^own sitecustomize says hello\n(.|\n)*own sitecustomize ran 1\n.*\/added\/by\/own/, where);
    assert.deepEqual(traced.stdout.toString(), plain.stdout.toString(), where);
    assert.deepEqual(traced.stderr.toString(), plain.stderr.toString(), where);
    const r = traced.result!;
    assert.equal(processesTagged(r.records, 'tag-after-own').length, 1, where);
    assert.equal(spawnsTagged(r.records, 'tag-after-own').length, 1, where);
  }
  // One that fails: site's own message, the same as without us, and the program still traced.
  fs.writeFileSync(path.join(sitePackages, 'sitecustomize.py'), 'raise ValueError("broken on purpose")\n');
  const after = write('after-broken.py', 'import os\nos.system("python -c pass tag-after-own")\n');
  const plain = await run([py, after], { traced: false });
  const traced = await run([py, after], { traced: true });
  fs.rmSync(path.join(sitePackages, 'sitecustomize.py'));
  assert.match(plain.stderr.toString(), /Error in sitecustomize.*\n.*broken on purpose/);
  assert.equal(traced.stderr.toString(), plain.stderr.toString());
  assert.equal(traced.stdout.toString(), plain.stdout.toString());
  assert.equal(spawnsTagged(traced.result!.records, 'tag-after-own').length, 1);
});

test('the first traced process of an interpreter writes the sitecustomize bytecode; the later ones load it, even under PYTHONDONTWRITEBYTECODE', { skip: skipWhy }, async () => {
  // Each child prints whether its own sitecustomize came from bytecode already there when it started.
  const child = "import os, sys; m = sys.modules['_venvguard_trace']; print(m.__file__.endswith('.pyc') or os.path.getmtime(m.__cached__) < START)";
  const prog = write('bytecode.py', `import subprocess, sys, time
START = time.time()
for i in range(3):
    subprocess.run([sys.executable, "-c", "START = %r; " % START + ${JSON.stringify(child)}])
`);
  const r = await launchTraced({ command: [py, prog], cwd: root, env: cleanEnv(PATH, { PYTHONDONTWRITEBYTECODE: '1' }), stdio: 'pipe', keep: true });
  try {
    assert.equal(r.stderr?.toString(), '');
    assert.equal(r.stdout?.toString(), 'True\nTrue\nTrue\n');
    const cache = path.join(r.folder, '__pycache__');
    assert.deepEqual(fs.readdirSync(cache).filter((f) => f.startsWith('sitecustomize.')).length, 1, 'one bytecode file, no temporary left');
    assert.deepEqual(fs.readdirSync(cache).filter((f) => f.endsWith('.tmp')), []);
    assert.equal(processes(r.records).length, 4);
  } finally {
    fs.rmSync(r.folder, { recursive: true, force: true });
  }
});

test('CMD need not be Python: bash and make run python, which reports itself with its parent', { skip: skipWhy }, async () => {
  write('Makefile', 'test:\n\tpython -c pass tag-make\n');
  const bash = await launchTraced({ command: ['bash', '-c', 'python -c pass tag-bash; true'], cwd: root, env: cleanEnv(PATH), stdio: 'pipe' });
  const viaBash = processesTagged(bash.records, 'tag-bash');
  assert.equal(viaBash.length, 1);
  assert.deepEqual(viaBash[0].parentArgv, ['bash', '-c', 'python -c pass tag-bash; true']);
  assert.equal(viaBash[0].venv, null);
  assert.deepEqual(bash.notWatched, []);
  const make = await launchTraced({ command: ['make', '-s', 'test'], cwd: root, env: cleanEnv(PATH), stdio: 'pipe' });
  assert.equal(make.exitCode, 0, make.stderr?.toString());
  const viaMake = processesTagged(make.records, 'tag-make');
  assert.equal(viaMake.length, 1);
  assert.ok(viaMake[0].parentArgv && ['make', 'sh', '/bin/sh'].includes(viaMake[0].parentArgv[0]), JSON.stringify(viaMake[0]));
});

test('what could not be watched is said; the command runs anyway and the tracer never raises into it', { skip: skipWhy }, async () => {
  // -S on CMD's own command line.
  const s = await launchTraced({ command: [py, '-S', '-c', 'print("ran")'], env: cleanEnv(PATH), stdio: 'pipe' });
  assert.equal(s.stdout?.toString(), 'ran\n');
  assert.deepEqual(s.records, []);
  assert.match(s.notWatched.join('\n'), /runs Python with -S/);
  // A script whose #! line turns site off: seen only afterwards, from the missing record.
  const script = write('nosite-tool', `#!${py} -S\nprint("ran")\n`);
  fs.chmodSync(script, 0o755);
  const sh = await launchTraced({ command: [script], env: cleanEnv(PATH), stdio: 'pipe' });
  assert.equal(sh.stdout?.toString(), 'ran\n');
  assert.match(sh.notWatched.join('\n'), /is a Python program but reported nothing/);
  // A temporary folder that cannot hold the tracer.
  const file = write('not-a-folder', '');
  const tmp = await launchTraced({ command: [py, '-c', 'print("ran")'], env: cleanEnv(PATH), stdio: 'pipe', tempRoot: path.join(file, 'tmp') });
  assert.equal(tmp.stdout?.toString(), 'ran\n');
  assert.equal(tmp.exitCode, 0);
  assert.match(tmp.notWatched.join('\n'), /temporary folder .* does not exist: the command ran without the tracer/);
  // The run's folder vanishes under a running program (a cleanup job): recording fails, quietly.
  const gone = await launchTraced({
    command: [py, '-c', 'import os, shutil, subprocess, sys; shutil.rmtree(os.environ["VENVGUARD_TRACE_DIR"]); os.system("true"); subprocess.run([sys.executable, "-c", "print(1)"])'],
    env: cleanEnv(PATH),
    stdio: 'pipe',
  });
  assert.equal(gone.stdout?.toString(), '1\n');
  assert.equal(gone.stderr?.toString(), '');
  assert.equal(gone.exitCode, 0);
  assert.match(gone.notWatched.join('\n'), /could not be read afterwards \(ENOENT\): its records are lost/);
  // The program imports the tracer's sitecustomize a second time: it does nothing (one identity, one
  // record per spawn), and sys.path entries that are '' (the current folder) are no trouble.
  const again = await launchTraced({
    command: [py, '-c', 'import os, sys; sys.path[:0] = ["", os.environ["VENVGUARD_TRACE_DIR"]]; del sys.modules["sitecustomize"]; import sitecustomize; os.system("true")'],
    env: cleanEnv(PATH),
    stdio: 'pipe',
  });
  assert.equal(again.stderr?.toString(), '');
  assert.equal(again.exitCode, 0);
  assert.equal(processes(again.records).length, 1);
  assert.equal(spawns(again.records).length, 1);
  // Odd argument types: bytes, path objects, an env= that keeps our variables.
  const odd = await launchTraced({
    command: [py, '-c', 'import os, pathlib, subprocess, sys; subprocess.run([pathlib.Path(sys.executable), b"-c", "pass", "tag-odd", b"tag-\\xff-undecodable"], env=dict(os.environ, X="1"))'],
    env: cleanEnv(PATH),
    stdio: 'pipe',
  });
  assert.equal(odd.stderr?.toString(), '');
  const rec = spawnsTagged(odd.records, 'tag-odd')[0];
  // An argument that is not UTF-8 arrives as Python decodes it (surrogateescape), escaped in the JSON.
  assert.deepEqual(rec.args, [py, '-c', 'pass', 'tag-odd', 'tag-\udcff-undecodable']);
  assert.equal(rec.envPassesTracer, true);
  assert.equal(processesTagged(odd.records, 'tag-odd').length, 1);
});

test('the private folder: owner-only, removed afterwards unless keep; bad commands are clear errors', { skip: skipWhy }, async () => {
  const kept = await launchTraced({ command: [py, '-c', 'pass'], env: cleanEnv(PATH), stdio: 'pipe', keep: true });
  assert.equal(fs.statSync(kept.folder).mode & 0o777, 0o700);
  assert.ok(fs.readdirSync(kept.folder).includes('sitecustomize.py'));
  assert.equal(fs.readFileSync(path.join(kept.folder, 'records.jsonl'), 'utf8').split('\n').filter(Boolean).length, 1);
  fs.rmSync(kept.folder, { recursive: true });
  const gone = await launchTraced({ command: [py, '-c', 'pass'], env: cleanEnv(PATH), stdio: 'pipe' });
  assert.equal(gone.records.length, 1);
  assert.equal(fs.existsSync(gone.folder), false);
  await assert.rejects(launchTraced({ command: ['no-such-command-here'], env: cleanEnv(PATH), stdio: 'pipe' }), (e: unknown) => {
    assert.ok(e instanceof LaunchError);
    assert.equal(e.code, 'ENOENT');
    assert.equal(e.message, 'no-such-command-here: command not found');
    return true;
  });
  await assert.rejects(launchTraced({ command: [] }), /no command to run/);
});

// Which starts keep the tracer away from a Python child, judged from argv and env= alone. The children
// are argv shapes run with executable='/bin/true' (nothing starts a Python: the record is the parent's).
const SHAPES = `import os, pty, subprocess, sys
cases = [
    ("keeps-plain", ["python", "-u", "x.py"], None, False),
    ("drops-E", ["python", "-E", "x.py"], None, False),
    ("drops-S", ["python3", "-S", "-c", "pass"], None, False),
    ("drops-IS", ["python3.12", "-IS", "x.py"], None, False),
    ("drops-W-then-E", ["python", "-W", "ignore", "-E", "x.py"], None, False),
    ("keeps-c-then-I", ["python", "-c", "pass", "-I"], None, False),
    ("keeps-m-then-S", ["python", "-m", "pytest", "-S"], None, False),
    ("drops-env-i", ["env", "-i", "python", "x.py"], None, False),
    ("drops-env-u", ["env", "-u", "PYTHONPATH", "python", "x.py"], None, False),
    ("keeps-env-assign", ["env", "A=1", "python", "x.py"], None, False),
    ("drops-env-pythonpath", ["env", "PYTHONPATH=/elsewhere", "python", "x.py"], None, False),
    ("drops-env-dict", ["python", "x.py"], {"PATH": "/usr/bin:/bin"}, False),
    ("drops-env-no-dir", ["python", "x.py"], dict((k, v) for k, v in os.environ.items() if k != "VENVGUARD_TRACE_DIR"), False),
    ("keeps-env-copy", ["python", "x.py"], dict(os.environ), False),
    ("keeps-not-python", ["bash", "-E", "x.sh"], None, False),
    ("drops-shell-S", "cd /tmp && python -S x.py", None, True),
    ("drops-shell-assign", "PYTHONPATH=/elsewhere python x.py", None, True),
    ("keeps-shell", "python x.py | grep -E y", None, True),
]
for tag, args, env, shell in cases:
    if shell:
        args = args + " #" + tag
    else:
        args = args + [tag]
    subprocess.run(args, executable="/bin/true", env=env, shell=shell)
if hasattr(sys, "addaudithook"):
    pty.spawn(["true", "tag-pty"])
`;

test('children that will not load the tracer: -I/-E/-S, env -i/-u, env= without our variables, in argv and shell lines', { skip: skipWhy }, async () => {
  const prog = write('shapes.py', SHAPES);
  const r = await launchTraced({ command: [py, prog], env: cleanEnv(PATH), stdio: 'pipe' });
  assert.equal(r.stderr?.toString(), '');
  assert.equal(r.exitCode, 0);
  const cases = [...SHAPES.matchAll(/\("((?:keeps|drops)-[\w-]+)"/g)].map((m) => m[1]);
  assert.equal(cases.length, 18);
  for (const tag of cases) {
    const rec = spawns(r.records).filter((s) => (typeof s.args === 'string' ? s.args.endsWith(`#${tag}`) : s.args.includes(tag)));
    assert.equal(rec.length, 1, tag);
    assert.equal(rec[0].envPassesTracer, tag.startsWith('keeps-'), tag);
    assert.equal(rec[0].executable, '/bin/true', tag);
  }
  // pty.spawn: recorded once in the parent (not its fork, not the exec in the child).
  const pty = spawnsTagged(r.records, 'tag-pty');
  assert.equal(pty.length, 1);
  assert.equal(pty[0].event, 'pty.spawn');
  assert.equal(pty[0].executable, 'true');
  assert.equal(spawns(r.records).length, cases.length + 1);
});
