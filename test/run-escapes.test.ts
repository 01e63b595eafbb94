/**
 * `trace()` end to end on every interpreter 3.8–3.13 this machine has (pyenv): an app in an
 * unactivated venv with one escape per spawn kind — subprocess list and shell=True, os.system,
 * asyncio.create_subprocess_exec, os.posix_spawnp, os.execvp, a multiprocessing executable outside
 * the venv — beside safe sys.executable spawns, reported at exactly the escaping lines and nowhere
 * else; the Python children the escapes started are folded into them, not reported again.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { trace } from '../src/api.js';
import { tempDir } from './helpers.js';

const run = promisify(execFile);

/** pyenv's interpreters by major.minor (`pyenv root`/versions/*\/bin/pythonX.Y). */
function interpreters(): Map<string, string> {
  const out = new Map<string, string>();
  const r = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (r.status !== 0) return out;
  const versions = path.join(r.stdout.trim(), 'versions');
  for (const v of fs.existsSync(versions) ? fs.readdirSync(versions).sort() : []) {
    const m = /^3\.(\d+)\.\d+$/.exec(v);
    const exe = m && path.join(versions, v, 'bin', `python3.${m[1]}`);
    if (m && Number(m[1]) >= 8 && fs.existsSync(exe!) && !out.has(`3.${m[1]}`)) out.set(`3.${m[1]}`, exe!);
  }
  return out;
}

const PYTHONS = interpreters();
const root = fs.realpathSync(tempDir('venvguard-run-escapes-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const APP = `import asyncio
import multiprocessing
import os
import subprocess
import sys
OTHER = sys.argv[1]


def work(x):
    return x * 2


async def children():
    p = await asyncio.create_subprocess_exec("python", "child.py", "asyncio")  # ESCAPE
    await p.wait()
    q = await asyncio.create_subprocess_exec(sys.executable, "child.py", "safe-asyncio")
    await q.wait()


def main():
    subprocess.run([sys.executable, "child.py", "safe-list"], check=True)
    subprocess.run(["python", "child.py", "list"])  # ESCAPE
    subprocess.run("python child.py shell", shell=True)  # ESCAPE
    subprocess.run(f"{sys.executable} child.py safe-shell", shell=True)
    os.system("python child.py system")  # ESCAPE
    asyncio.run(children())
    pid = os.posix_spawnp("python", ["python", "child.py", "spawnp"], dict(os.environ))  # ESCAPE
    os.waitpid(pid, 0)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.map(work, [1]) == [2]
    pid = os.fork()
    if pid == 0:
        os.execvp("python", ["python", "child.py", "execvp"])  # ESCAPE
    os.waitpid(pid, 0)
    multiprocessing.set_executable(OTHER)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.map(work, [2]) == [4]


if __name__ == "__main__":
    main()
`;
const ESCAPE_LINES = APP.split('\n').flatMap((l, i) => (l.endsWith('# ESCAPE') ? [i + 1] : []));

for (const [version, exe] of PYTHONS) {
  test(`Python ${version}: each escaping line once, the safe spawns never, children folded into their escape`, async () => {
    const dir = path.join(root, version);
    const venv = path.join(dir, 'venv');
    const other = path.join(dir, 'other-bin'); // PATH's python: this version's base interpreter, not the venv's
    fs.mkdirSync(other, { recursive: true });
    await run(exe, ['-m', 'venv', '--without-pip', venv]);
    fs.symlinkSync(exe, path.join(other, 'python'));
    fs.writeFileSync(path.join(dir, 'app.py'), APP);
    fs.writeFileSync(path.join(dir, 'child.py'), 'import sys\nprint("child", sys.argv[1])\n');
    const r = await trace({ command: [path.join(venv, 'bin', 'python'), 'app.py', exe], cwd: dir, env: { PATH: `${other}:/usr/bin:/bin`, HOME: process.env.HOME ?? '/' }, stdio: 'pipe' });
    assert.equal(r.exitCode, 0, r.stderr?.toString());
    assert.equal(r.expected.venv, venv);
    const spawns = r.judgement.escapes.filter((e) => e.kind === 'spawn');
    // Python 3.8 names the main script as given (relative to its folder); 3.9+ make it absolute.
    const sites = spawns.map((e) => [path.resolve(dir, e.callSite!.file), e.callSite!.line] as const);
    assert.deepEqual([...sites].sort((a, b) => a[1] - b[1]), ESCAPE_LINES.map((l) => [path.join(dir, 'app.py'), l]));
    for (const e of spawns) {
      assert.equal(e.resolved, path.join(other, 'python'), e.message);
      assert.equal(e.pathEntry, other);
      // The child it started reported itself from the base interpreter and hangs on this escape.
      assert.equal(e.children.length, 1, `${e.callSite?.line}: ${JSON.stringify(e.children)} ${JSON.stringify(r.records.filter((x) => x.type === 'process').map((x) => [x.pid, x.ppid, x.argv, x.time]))} ${JSON.stringify(r.records.filter((x) => x.type === 'spawn').map((x) => [x.pid, x.event, x.args, x.time]))}`);
    }
    // multiprocessing with another executable: its children report themselves (no spawn event asks).
    const processes = r.judgement.escapes.filter((e) => e.kind === 'process');
    assert.ok(processes.length >= 1, JSON.stringify(r.judgement.escapes.map((e) => e.message)));
    for (const e of processes) {
      assert.match(e.command, /multiprocessing/);
      assert.equal(fs.realpathSync(e.resolved!), fs.realpathSync(exe));
    }
  });
}

test('at least one interpreter 3.8+ to run the escapes on', { skip: PYTHONS.size ? false : 'pyenv has no Python 3.8+ here' }, () => {
  assert.ok(PYTHONS.size > 0);
});
