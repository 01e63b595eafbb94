/**
 * The tracer against every interpreter of this machine (3.8–3.13 with audit hooks; 2.7, 3.6 and 3.7
 * identity only), each version skipped cleanly when absent. One traced run per version: an app in an
 * unactivated venv, started by its venv path, with PATH = a folder whose `python` is the same version's
 * base interpreter (outside the venv) + /usr/bin:/bin. The app starts a child in every way Python can,
 * each with its own tag word and `# MARK` line; the test asserts each spawn record (event, argv, PATH,
 * whether the child loads the tracer, the call site at exactly its MARK line, once) and the record each
 * child writes itself (interpreter, venv, parent) — or, for children that cannot load the tracer, that
 * none was written. The app's own output is empty, so anything on stdout/stderr would be ours.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { launchTraced } from '../src/env/trace/launch.js';
import type { ProcessRecord, SpawnRecord, TraceRecord } from '../src/env/trace/records.js';
import { tempDir } from './helpers.js';
import {
  callSite, cleanEnv, interpreters, makeVenv, markLine, newestPython3, processes, processesTagged, pythonBin, spawns, spawnsTagged,
} from './trace-fixtures.js';

const PYTHONS = interpreters();
const NEWEST = newestPython3(PYTHONS)?.[0];
const root = tempDir('venvguard-trace-py-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

const APP = `import asyncio
import multiprocessing
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def quiet():
    pass


async def start_async():
    p = await asyncio.create_subprocess_exec("python", "-c", "pass", "tag-asyncio")  # MARK asyncio
    await p.wait()


if __name__ == "__main__":
    pid = os.fork()  # MARK fork
    if pid == 0:
        os.execvp("python", ["python", "-c", "pass", "tag-execvp"])  # MARK execvp
    os.waitpid(pid, 0)
    os.system("python -c pass tag-system")  # MARK system
    subprocess.run(["python", "-c", "pass", "tag-list"])  # MARK list
    subprocess.run("python -c pass tag-shell", shell=True)  # MARK shell
    subprocess.run([sys.executable, "-c", "pass", "tag-safe"])  # MARK safe
    pid = os.posix_spawnp("python", ["python", "-c", "pass", "tag-posix-spawnp"], os.environ)  # MARK posix_spawnp
    os.waitpid(pid, 0)
    os.spawnvp(os.P_WAIT, "python", ["python", "-c", "pass", "tag-spawnvp"])  # MARK spawnvp
    asyncio.run(start_async())
    for method in sys.argv[1:]:
        p = multiprocessing.get_context(method).Process(target=quiet)
        p.start()
        p.join()
    subprocess.run([sys.executable, "-c", "import subprocess; subprocess.run(['python', '-c', 'pass', 'tag-grandchild'])", "tag-middle"])  # MARK middle
    subprocess.run(["bash", os.path.join(HERE, "job.sh"), "tag-bash"])  # MARK bash
    subprocess.run(["python", "-c", "pass", "tag-scrubbed"], env={"PATH": os.environ["PATH"]})  # MARK scrubbed
    subprocess.run(["python", "-I", "-c", "pass", "tag-isolated"])  # MARK isolated
`;

// The shell script a Python program hands a bare python (not the last line, so bash does not exec it).
const JOB = 'python -c pass tag-from-bash\ntrue\n';

/** The tagged escapes: the event each is recorded as, and the tag of its child. */
const ESCAPES: Array<{ mark: string; event: SpawnRecord['event']; tag: string; shell?: boolean }> = [
  { mark: 'execvp', event: 'os.exec', tag: 'tag-execvp' },
  { mark: 'system', event: 'os.system', tag: 'tag-system', shell: true },
  { mark: 'list', event: 'subprocess.Popen', tag: 'tag-list' },
  { mark: 'shell', event: 'subprocess.Popen', tag: 'tag-shell', shell: true },
  { mark: 'posix_spawnp', event: 'os.posix_spawn', tag: 'tag-posix-spawnp' },
  { mark: 'spawnvp', event: 'os.spawn', tag: 'tag-spawnvp' },
  { mark: 'asyncio', event: 'subprocess.Popen', tag: 'tag-asyncio' },
];

function only<T>(items: T[], what: string, records: TraceRecord[]): T {
  assert.equal(items.length, 1, `exactly one ${what}; records:\n${records.map((r) => JSON.stringify(r)).join('\n')}`);
  return items[0];
}

for (const version of ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13']) {
  test(`tracer on Python ${version}: every way to start a child, recorded once at its call site`, async (t) => {
    const base = PYTHONS.get(version);
    if (!base) return t.skip(`no Python ${version} on this machine (pyenv or PATH)`);
    const dir = path.join(root, `py${version}`);
    const venvPython = makeVenv(base, path.join(dir, 'venv'));
    const venv = path.join(dir, 'venv');
    const bin = pythonBin(path.join(dir, 'bin'), base);
    const app = path.join(dir, 'app.py');
    fs.writeFileSync(app, APP);
    fs.writeFileSync(path.join(dir, 'job.sh'), JOB);
    const PATH = `${bin}:/usr/bin:/bin`;
    const outside = path.join(bin, 'python');

    // multiprocessing's fork server costs a start of its own: tried on the newest version only.
    const methods = version === NEWEST ? ['spawn', 'forkserver'] : ['spawn'];
    const r = await launchTraced({ command: [venvPython, app, ...methods], cwd: dir, env: cleanEnv(PATH), stdio: 'pipe' });
    assert.equal(r.stderr?.toString(), '');
    assert.equal(r.stdout?.toString(), '');
    assert.equal(r.exitCode, 0);
    assert.deepEqual(r.notWatched, []);
    const records = r.records;

    // The app, not its forked child (same command line, the app as parent).
    const apps = processes(records).filter((p) => p.argv[1] === app);
    const me = only(apps.filter((p) => !apps.some((q) => q.pid === p.ppid)), 'process record of the app', records);
    assert.equal(me.executable, venvPython);
    assert.equal(me.venv, venv);
    assert.equal(me.audit, true);
    assert.equal(me.version.split('.').slice(0, 2).join('.'), version);
    assert.equal(me.path, PATH);

    for (const e of ESCAPES) {
      const s = only(spawnsTagged(records, e.tag), `spawn record for ${e.tag}`, records);
      assert.equal(s.event, e.event, e.tag);
      assert.equal(s.shell, e.shell ?? false, e.tag);
      assert.equal(callSite(s), `${app}:${markLine(app, e.mark)}`, e.tag);
      assert.equal(s.path, PATH, e.tag);
      assert.equal(s.envPassesTracer, true, e.tag);
      assert.equal(s.cwd, dir, e.tag);
      if (!e.shell) assert.equal(s.executable, 'python', e.tag);
      const child = only(processesTagged(records, e.tag), `process record of ${e.tag}`, records);
      assert.equal(child.executable, outside, e.tag);
      assert.equal(child.venv, null, e.tag);
      assert.equal(child.prefix, child.basePrefix, e.tag);
    }
    // execvp in a forked child: the fork is recorded in the app, the exec in the child, which says who
    // it is first (same interpreter as the app) — then the exec'd python reports under the same pid.
    const fork = only(spawns(records).filter((s) => s.event === 'os.fork' && s.pid === me.pid), 'os.fork record', records);
    assert.equal(callSite(fork), `${app}:${markLine(app, 'fork')}`);
    const exec = spawnsTagged(records, 'tag-execvp')[0];
    const forked = processes(records).filter((p) => p.pid === exec.pid);
    assert.equal(forked.length, 2, 'the forked child and the python it became');
    assert.equal(forked[0].executable, venvPython);
    assert.equal(forked[0].ppid, me.pid);
    assert.equal(exec.stack.some((f) => f.function === '_execvpe'), true);
    // posix_spawnp and os.spawnvp are started by the app itself.
    for (const tag of ['tag-posix-spawnp', 'tag-spawnvp', 'tag-list', 'tag-asyncio']) {
      assert.equal(processesTagged(records, tag)[0].ppid, me.pid, tag);
      assert.equal(spawnsTagged(records, tag)[0].pid, me.pid, tag);
    }

    // The safe spawn: sys.executable, the venv's own interpreter.
    const safe = only(spawnsTagged(records, 'tag-safe'), 'spawn record for tag-safe', records);
    assert.equal(safe.executable, venvPython);
    assert.equal(callSite(safe), `${app}:${markLine(app, 'safe')}`);
    assert.equal(only(processesTagged(records, 'tag-safe'), 'tag-safe child', records).venv, venv);

    // A grandchild: the middle process (in the venv) runs a bare python; its spawn is in its own pid.
    const middle = only(processesTagged(records, 'tag-middle'), 'middle process', records);
    assert.equal(middle.venv, venv);
    assert.equal(middle.ppid, me.pid);
    const gs = only(spawnsTagged(records, 'tag-grandchild'), 'grandchild spawn', records);
    assert.equal(gs.pid, middle.pid);
    assert.equal(callSite(gs), '<string>:1');
    const grandchild = only(processesTagged(records, 'tag-grandchild'), 'grandchild', records);
    assert.equal(grandchild.ppid, middle.pid);
    assert.equal(grandchild.executable, outside);

    // A bash script started by Python runs python: no Python frame asked, the process reports itself
    // with bash as its parent.
    const bashSpawn = only(spawnsTagged(records, 'tag-bash'), 'bash spawn', records);
    assert.deepEqual(bashSpawn.args, ['bash', path.join(dir, 'job.sh'), 'tag-bash']);
    const fromBash = only(processesTagged(records, 'tag-from-bash'), 'python started by bash', records);
    assert.deepEqual(fromBash.parentArgv, ['bash', path.join(dir, 'job.sh'), 'tag-bash']);
    assert.notEqual(fromBash.ppid, me.pid);
    assert.equal(fromBash.executable, outside);

    // Children that cannot load the tracer: judged from the parent's record alone.
    for (const tag of ['tag-scrubbed', 'tag-isolated']) {
      const s = only(spawnsTagged(records, tag), `spawn record for ${tag}`, records);
      assert.equal(s.envPassesTracer, false, tag);
      assert.equal(s.path, PATH, tag);
      assert.equal(processesTagged(records, tag).length, 0, `${tag} wrote nothing`);
    }

    // multiprocessing: the spawn child and the fork server are Python processes started with no audit
    // event in the app; they report themselves, in the venv, with the app as parent.
    const mp = processes(records).filter((p) => p.ppid === me.pid && p.argv.includes('--multiprocessing-fork'));
    assert.ok(mp.length >= 1, 'the spawn-method child reported itself');
    const server = processes(records).filter((p) => p.argv.some((a) => a.includes('from multiprocessing.forkserver import')));
    assert.equal(server.length, methods.includes('forkserver') ? 1 : 0, 'the fork server reported itself');
    for (const p of [...mp, ...server]) assert.equal(p.venv, venv);

    // Nothing else: every spawn record of the app is at one of its MARK lines.
    const marks = new Set(['fork', 'execvp', 'system', 'list', 'shell', 'safe', 'posix_spawnp', 'spawnvp', 'asyncio', 'middle', 'bash', 'scrubbed', 'isolated']
      .map((m) => `${app}:${markLine(app, m)}`));
    for (const s of spawns(records).filter((x) => x.pid === me.pid || x.pid === exec.pid)) {
      assert.ok(marks.has(callSite(s) ?? ''), `unexpected spawn record ${JSON.stringify(s)}`);
    }
    assert.equal(spawns(records).filter((x) => x.pid === me.pid).length, 12);
  });
}

const OLD_APP = `import os
import subprocess
import sys

os.system("python -c pass tag-system")
subprocess.call(["python", "-c", "pass", "tag-list"])
subprocess.call([sys.executable, "-c", "pass", "tag-safe"])
`;

for (const version of ['2.7', '3.6', '3.7']) {
  test(`tracer on Python ${version}: identity only, every process still reports itself`, async (t) => {
    const base = PYTHONS.get(version);
    if (!base) return t.skip(`no Python ${version} on this machine (pyenv or PATH)`);
    const dir = path.join(root, `py${version}`);
    // 2.7 has no venv module: its app runs on the base interpreter.
    const venv = version === '2.7' ? null : path.join(dir, 'venv');
    const python = venv ? makeVenv(base, venv) : base;
    const bin = pythonBin(path.join(dir, 'bin'), base);
    const app = path.join(dir, 'app.py');
    fs.writeFileSync(app, OLD_APP);
    const PATH = `${bin}:/usr/bin:/bin`;

    const r = await launchTraced({ command: [python, app], cwd: dir, env: cleanEnv(PATH), stdio: 'pipe' });
    assert.equal(r.stderr?.toString(), '');
    assert.equal(r.stdout?.toString(), '');
    assert.equal(r.exitCode, 0);
    const records = r.records;
    assert.equal(spawns(records).length, 0, 'no audit hooks before 3.8');
    const all = processes(records);
    assert.ok(all.every((p) => !p.audit && p.version.startsWith(`${version}.`)), JSON.stringify(all));
    const me = only(all.filter((p) => p.argv[1] === app), 'the app', records);
    assert.equal(me.venv, venv);
    assert.equal(me.executable, python);
    const escaped: ProcessRecord[] = [];
    for (const tag of ['tag-system', 'tag-list']) {
      const child = only(processesTagged(records, tag), tag, records);
      assert.equal(child.executable, path.join(bin, 'python'), tag);
      assert.equal(child.venv, null, tag);
      assert.equal(child.path, PATH, tag);
      escaped.push(child);
    }
    assert.equal(escaped[1].ppid, me.pid);
    assert.deepEqual(escaped[1].parentArgv, [python, app]);
    assert.equal(only(processesTagged(records, 'tag-safe'), 'tag-safe', records).venv, venv);
  });
}
