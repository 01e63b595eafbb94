/**
 * `inspectEnvironment` against real interpreters and real venvs built on this machine: healthy
 * venvs of 3.8–3.13, and one broken scenario per finding (deleted base, moved venv, system and
 * user site leaks, PYTHONPATH/PYTHONHOME, a .pth import, a duplicate distribution, a stale
 * VIRTUAL_ENV, a pyenv shim, a pyvenv.cfg recording another version). Venvs are created in
 * parallel once and shared; scenarios that only change variables reuse the healthy 3.12 venv.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { inspectEnvironment, type EnvironmentReport } from '../../src/api.js';
import { tempDir } from '../helpers.js';

const run = promisify(execFile);

/** pyenv's interpreters by major.minor (`pyenv root`/versions/*\/bin/pythonX.Y); none when pyenv is absent. */
function interpreters(): Map<string, string> {
  const out = new Map<string, string>();
  const r = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (r.status !== 0) return out;
  const versions = path.join(r.stdout.trim(), 'versions');
  for (const v of fs.existsSync(versions) ? fs.readdirSync(versions).sort() : []) {
    const bin = path.join(versions, v, 'bin');
    for (const f of fs.existsSync(bin) ? fs.readdirSync(bin) : []) {
      const m = /^python(\d\.\d+)$/.exec(f);
      if (m && !out.has(m[1])) out.set(m[1], path.join(bin, f));
    }
  }
  return out;
}

const PYTHONS = interpreters();
const MAIN = '3.12';
const root = tempDir('venvguard-doctor-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A clean environment: only PATH (without any venv), HOME, and what a case adds. */
const baseEnv = (extra: Record<string, string> = {}) => ({ PATH: '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME ?? '/', ...extra });

async function makeVenv(version: string, name: string, args: string[] = ['--without-pip']): Promise<string> {
  const dir = path.join(root, name);
  await run(PYTHONS.get(version)!, ['-m', 'venv', ...args, dir], { env: baseEnv() });
  return dir;
}

// Every venv the file needs, created in parallel up front.
const HEALTHY = ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13'].filter((v) => PYTHONS.has(v));
const venvs: Record<string, string> = {};
const ready = (async () => {
  if (!PYTHONS.has(MAIN)) return;
  const jobs: [string, Promise<string>][] = [
    ...HEALTHY.map((v) => [`healthy-${v}`, makeVenv(v, `healthy-${v}`)] as [string, Promise<string>]),
    ['deleted-base', makeVenv(MAIN, 'deleted-base')],
    ['moved', makeVenv(MAIN, 'moved-from', [])], // with pip: its console scripts carry shebangs
    ['system-site', makeVenv(MAIN, 'system-site', ['--without-pip', '--system-site-packages'])],
    ['pth', makeVenv(MAIN, 'pth')],
    ['other-version', makeVenv(MAIN, 'other-version')],
    ['wrapped', makeVenv(MAIN, 'wrapped')],
    ['cfg-missing-key', makeVenv(MAIN, 'cfg-missing-key')],
    ['cfg-garbage', makeVenv(MAIN, 'cfg-garbage')],
    ['customized', makeVenv(MAIN, 'customized')],
  ];
  for (const [k, p] of jobs) venvs[k] = await p;
})();

const codes = (r: EnvironmentReport, severity?: string) => r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.code);
const find = (r: EnvironmentReport, code: string) => r.findings.find((f) => f.code === code);

function needMain(t: TestContext): boolean {
  if (PYTHONS.has(MAIN)) return true;
  t.skip(`no Python ${MAIN} under \`pyenv root\`/versions: the scenario venvs cannot be built`);
  return false;
}

test('healthy venvs of 3.8–3.13: no error findings, sys.path classified', async (t) => {
  await ready;
  if (!HEALTHY.length) return t.skip('no Python 3.8–3.13 under `pyenv root`/versions');
  // PYTHONUNBUFFERED and PYTHONDONTWRITEBYTECODE (set in most Docker images) change no path: one start is enough.
  const env = baseEnv({ PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' });
  const reports = await Promise.all(HEALTHY.map((v) => inspectEnvironment({ python: venvs[`healthy-${v}`], env, cwd: root })));
  // What -I really sees, asked of each interpreter on its own.
  const isolatedPaths = await Promise.all(HEALTHY.map(async (v) => JSON.parse((await run(path.join(venvs[`healthy-${v}`], 'bin', 'python'), ['-I', '-c', 'import sys, json; print(json.dumps(sys.path))'], { env, cwd: root })).stdout) as string[]));
  HEALTHY.forEach((v, i) => {
    const r = reports[i];
    assert.deepEqual(codes(r, 'error'), [], `${v}: ${JSON.stringify(r.findings, null, 1)}`);
    assert.equal(r.interpreter.probe, 'ran');
    assert.equal(r.interpreter.version?.split('.').slice(0, 2).join('.'), v);
    assert.equal(fs.realpathSync(r.interpreter.prefix!), fs.realpathSync(venvs[`healthy-${v}`]));
    // No isolated start: the user site is off and no variable moves a path, so -I would drop only the script folder.
    assert.equal(r.interpreter.isolatedRun, 'same');
    assert.deepEqual(r.interpreter.isolatedFlags, []);
    assert.deepEqual(r.interpreter.sysPath!.map((e) => e.entry).slice(1), isolatedPaths[i], v);
    assert.ok(r.interpreter.sysPath!.every((e) => !e.fromEnvironment));
    const origins = r.interpreter.sysPath!.map((e) => e.origin);
    assert.equal(origins[0], 'script-dir');
    assert.ok(origins.includes('stdlib') && origins.includes('lib-dynload') && origins.includes('site-packages'), `${v}: ${origins}`);
    assert.ok(!origins.includes('base-site-packages') && !origins.includes('user-site'));
    assert.equal(r.interpreter.userSite?.onPath, false);
    // Not activated and PATH without the venv: only "a child would run another Python" remains.
    assert.deepEqual(codes(r, 'warning').filter((c) => c !== 'DR015' && c !== 'DR016'), []);
  });
  const missing = ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13'].filter((v) => !PYTHONS.has(v));
  if (missing.length) t.diagnostic(`not installed, not tested: ${missing.join(', ')}`);
});

test('Python 2.7, 3.6 and 3.7 as plain interpreters: the probe script runs, 2.7 isolated with -E -s', async (t) => {
  const cases = ['2.7', '3.6', '3.7'].filter((v) => PYTHONS.has(v));
  if (!cases.length) return t.skip('no Python 2.7, 3.6 or 3.7 under `pyenv root`/versions');
  for (const v of cases) {
    const r = await inspectEnvironment({ python: PYTHONS.get(v), env: baseEnv(), cwd: root });
    assert.equal(r.interpreter.probe, 'ran', JSON.stringify(r.findings));
    assert.ok(r.interpreter.version?.startsWith(v));
    assert.deepEqual(r.interpreter.isolatedFlags, v === '2.7' ? ['-E', '-s'] : ['-I']);
    assert.deepEqual(codes(r, 'error').filter((c) => c !== 'DR009'), []);
  }
});

test('a venv whose base interpreter was deleted: DR001 + DR002, not probed', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs['deleted-base'];
  const gone = path.join(root, 'gone-base', 'bin');
  fs.mkdirSync(gone, { recursive: true });
  const cfg = path.join(venv, 'pyvenv.cfg');
  fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8').replace(/^home = .*$/m, `home = ${gone}`));
  fs.rmSync(path.join(venv, 'bin', `python${MAIN}`));
  fs.symlinkSync(path.join(gone, `python${MAIN}`), path.join(venv, 'bin', `python${MAIN}`));
  fs.rmSync(path.dirname(gone), { recursive: true });
  const r = await inspectEnvironment({ python: venv, env: baseEnv(), cwd: root });
  assert.ok(codes(r, 'error').includes('DR001'), JSON.stringify(r.findings));
  assert.ok(codes(r, 'error').includes('DR002'));
  assert.match(find(r, 'DR002')!.evidence[0], / -> .*gone-base/);
  assert.match(find(r, 'DR001')!.fix, new RegExp(`python${MAIN} -m venv --clear`));
  assert.equal(r.interpreter.probe, 'skipped');
});

test('a moved venv: activate and console-script shebangs name the old folder (DR004, DR005)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const moved = path.join(root, 'moved-to');
  fs.renameSync(venvs.moved, moved);
  const r = await inspectEnvironment({ python: moved, env: baseEnv(), cwd: root });
  assert.equal(find(r, 'DR004')?.severity, 'warning', JSON.stringify(r.findings));
  assert.match(find(r, 'DR004')!.message, /moved-from/);
  const dr005 = find(r, 'DR005')!;
  assert.equal(dr005.severity, 'error'); // the old interpreter path no longer exists
  assert.ok(dr005.evidence.some((e) => /^pip3?: #!.*moved-from\/bin\/python.*\(missing\)$/.test(e)), dr005.evidence.join('\n'));
  assert.match(dr005.fix, /--force-reinstall --no-deps pip\b/); // the scripts' owner, from entry_points.txt
  // The interpreter itself still works: bin/python links to the base by absolute path.
  assert.equal(r.interpreter.probe, 'ran');
});

test('include-system-site-packages = true: the base pip shadows a missing one (DR008)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const r = await inspectEnvironment({ python: venvs['system-site'], env: baseEnv({ PYTHONNOUSERSITE: '1' }), cwd: root });
  const f = find(r, 'DR008')!;
  assert.equal(f.severity, 'warning', JSON.stringify(r.findings));
  assert.match(f.message, /\bpip \d/);
  assert.ok(r.interpreter.sysPath!.some((e) => e.origin === 'base-site-packages'));
});

test('a user-site package leaks into a venv with system site packages (DR009)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const userBase = path.join(root, 'userbase');
  const site = path.join(userBase, 'lib', `python${MAIN}`, 'site-packages');
  fs.mkdirSync(path.join(site, 'leaky-1.0.dist-info'), { recursive: true });
  fs.writeFileSync(path.join(site, 'leaky.py'), '');
  const r = await inspectEnvironment({ python: venvs['system-site'], env: baseEnv({ PYTHONUSERBASE: userBase }), cwd: root });
  const f = find(r, 'DR009')!;
  assert.equal(f.severity, 'error', JSON.stringify(r.findings));
  assert.ok(f.evidence.includes('leaky-1.0.dist-info'));
  const entry = r.interpreter.sysPath!.find((e) => e.origin === 'user-site')!;
  assert.equal(path.resolve(entry.entry), site);
  assert.equal(entry.fromEnvironment, true); // -I drops the user site
  assert.ok(codes(r).includes('DR013')); // PYTHONUSERBASE itself is reported
});

test('PYTHONPATH (DR010) and PYTHONHOME (DR011; DR019 when it names no installation)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs[`healthy-${MAIN}`];
  const extra = path.join(root, 'extra-path');
  fs.mkdirSync(extra, { recursive: true });
  const withPath = await inspectEnvironment({ python: venv, env: baseEnv({ PYTHONPATH: extra }), cwd: root });
  assert.equal(find(withPath, 'DR010')?.severity, 'error');
  const entry = withPath.interpreter.sysPath!.find((e) => e.entry === extra)!;
  assert.deepEqual([entry.origin, entry.fromEnvironment], ['PYTHONPATH', true]);
  assert.deepEqual([withPath.interpreter.isolatedRun, withPath.interpreter.isolatedFlags], ['ran', ['-I']]); // a variable that moves a path: started isolated too

  // PYTHONHOME naming the base: the venv still wins sys.prefix (site reads pyvenv.cfg), base_prefix follows it.
  const base = path.dirname(path.dirname(fs.realpathSync(PYTHONS.get(MAIN)!)));
  const withHome = await inspectEnvironment({ python: venv, env: baseEnv({ PYTHONHOME: base }), cwd: root });
  assert.deepEqual(codes(withHome, 'error'), ['DR011'], JSON.stringify(withHome.findings));
  assert.equal(withHome.interpreter.basePrefix, base);
  // PYTHONHOME naming a folder without a standard library: the interpreter cannot start.
  const broken = await inspectEnvironment({ python: venv, env: baseEnv({ PYTHONHOME: extra }), cwd: root });
  assert.deepEqual(codes(broken, 'error'), ['DR011', 'DR019']);
  assert.equal(broken.interpreter.probe, 'failed');
  // The advice fits the cause: the variable, not the venv; the evidence is the line that explains it.
  const failed = find(broken, 'DR019')!;
  assert.match(failed.fix, /^unset PYTHONHOME\b/);
  assert.doesNotMatch(failed.fix, /recreate/);
  assert.match(failed.evidence[0], /^ModuleNotFoundError: No module named 'encodings'$/);
});

test('PYTHONEXECUTABLE moves the interpreter out of its venv: DR020 says to unset it, not to recreate', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs[`healthy-${MAIN}`];
  const r = await inspectEnvironment({ python: venv, env: baseEnv({ PYTHONEXECUTABLE: path.join(root, 'nowhere', 'python') }), cwd: root });
  assert.equal(r.interpreter.probe, 'ran');
  const moved = find(r, 'DR020');
  assert.ok(moved, JSON.stringify(r.findings));
  assert.match(moved.fix, /^unset PYTHONEXECUTABLE\b/);
  assert.equal(find(r, 'DR013')?.severity, 'warning');
});

test('pyvenv.cfg without include-system-site-packages counts as true (DR021 + the base site on sys.path); garbage cfg: DR021 error and DR019', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs['cfg-missing-key'];
  const cfg = path.join(venv, 'pyvenv.cfg');
  fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8').replace(/^include-system-site-packages.*\n/m, '') + 'not a setting\n');
  for (const isStatic of [true, false]) {
    const r = await inspectEnvironment({ python: venv, static: isStatic, env: baseEnv(), cwd: root });
    const f = find(r, 'DR021');
    assert.equal(f?.severity, 'warning', JSON.stringify(r.findings));
    assert.match(f.message, /include-system-site-packages is missing, so Python treats it as true/);
    assert.match(f.evidence.join('\n'), /ignored line \(no '='\): not a setting/);
    assert.match(f.fix, /add include-system-site-packages = false to /);
    if (!isStatic) {
      // What Python really did: the base interpreter's site-packages are on sys.path.
      assert.ok(r.interpreter.sysPath!.some((e) => e.origin === 'base-site-packages'), JSON.stringify(r.interpreter.sysPath));
      assert.ok(codes(r).includes('DR008'));
    }
  }
  const garbage = venvs['cfg-garbage'];
  fs.writeFileSync(path.join(garbage, 'pyvenv.cfg'), Buffer.from([0x68, 0x6f, 0x6d, 0x65, 0x20, 0x3d, 0x20, 0xff, 0xfe, 0x0a]));
  const g = await inspectEnvironment({ python: garbage, env: baseEnv(), cwd: root });
  assert.deepEqual(codes(g, 'error'), ['DR019', 'DR021'], JSON.stringify(g.findings));
  assert.match(find(g, 'DR019')!.evidence[0], /UnicodeDecodeError/);
});

test('--static lists the sitecustomize and usercustomize a start would import', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs.customized;
  const site = path.join(venv, 'lib', `python${MAIN}`, 'site-packages');
  const extra = path.join(root, 'customize-path');
  fs.mkdirSync(path.join(extra, 'sitecustomize'), { recursive: true });
  fs.writeFileSync(path.join(extra, 'sitecustomize', '__init__.py'), 'print("hi")\n');
  fs.writeFileSync(path.join(site, 'sitecustomize.py'), '');
  // Found in the venv: deliberate (info). From PYTHONPATH, outside the venv: a warning, and it wins.
  const inside = await inspectEnvironment({ python: venv, static: true, env: baseEnv(), cwd: root });
  assert.match(find(inside, 'DR017')?.message ?? '', /^sitecustomize would be imported at start-up from .*site-packages\/sitecustomize\.py/);
  assert.equal(find(inside, 'DR017')!.severity, 'info');
  const outside = await inspectEnvironment({ python: venv, static: true, env: baseEnv({ PYTHONPATH: extra }), cwd: root });
  assert.equal(find(outside, 'DR017')?.evidence[0], path.join(extra, 'sitecustomize', '__init__.py'));
  assert.equal(find(outside, 'DR017')!.severity, 'warning');
  // The probe agrees on which one Python imports.
  const probed = await inspectEnvironment({ python: venv, env: baseEnv({ PYTHONPATH: extra }), cwd: root });
  assert.equal(find(probed, 'DR017')?.evidence[0], path.join(extra, 'sitecustomize', '__init__.py'));
});

test("Debian's apport sitecustomize is info, not a warning", async (t) => {
  // Debian's python3 ships /usr/lib/python3.X/sitecustomize.py that only installs apport's hook.
  const debian = spawnSync('/usr/bin/python3', ['-c', 'import sitecustomize, sys; sys.stdout.write(sitecustomize.__file__)'], { encoding: 'utf8' });
  if (debian.status !== 0 || !/apport_python_hook/.test(fs.readFileSync(debian.stdout, 'utf8'))) return t.skip('no Debian python3 with the apport sitecustomize here');
  const venv = path.join(root, 'debian-venv');
  await run('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv], { env: baseEnv() });
  for (const isStatic of [false, true]) {
    const r = await inspectEnvironment({ python: venv, static: isStatic, env: baseEnv(), cwd: root });
    const f = find(r, 'DR017');
    assert.equal(f?.severity, 'info', `static=${isStatic}: ${JSON.stringify(r.findings)}`);
    assert.match(f.message, /apport/);
    assert.deepEqual(codes(r, 'warning').filter((c) => c === 'DR017'), []);
  }
});

test('a .pth import line (DR006), a duplicate distribution (DR007) and sitecustomize (DR017)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs.pth;
  const site = path.join(venv, 'lib', `python${MAIN}`, 'site-packages');
  const vendored = path.join(root, 'vendored');
  fs.mkdirSync(path.join(vendored, 'requests-2.0.0.dist-info'), { recursive: true });
  fs.mkdirSync(path.join(site, 'requests-2.31.0.dist-info'), { recursive: true });
  fs.writeFileSync(path.join(site, 'zz_hook.pth'), `import os; os.environ.setdefault("HOOKED", "1")\n${vendored}\n`);
  fs.writeFileSync(path.join(site, 'sitecustomize.py'), '');
  for (const isStatic of [false, true]) {
    const r = await inspectEnvironment({ python: venv, static: isStatic, env: baseEnv(), cwd: root });
    const pth = r.findings.find((f) => f.code === 'DR006' && /zz_hook\.pth/.test(f.message));
    assert.ok(pth, `static=${isStatic}: ${JSON.stringify(r.findings)}`);
    if (isStatic) continue; // the static pass does not follow .pth path lines, nor sees what gets imported
    const custom = find(r, 'DR017')!;
    assert.equal(custom.severity, 'info'); // inside the venv: deliberate
    assert.match(custom.message, /^sitecustomize is imported at start-up from .*site-packages\/sitecustomize\.py: /);
    const dup = find(r, 'DR007')!;
    assert.match(dup.message, /^requests is installed 2 times with different versions \((2\.31\.0, 2\.0\.0|2\.0\.0, 2\.31\.0)\)/);
    assert.equal(r.interpreter.sysPath!.find((e) => e.entry === vendored)?.origin, 'pth');
  }
  // Two versions in the venv's own site-packages are found statically too.
  fs.mkdirSync(path.join(site, 'requests-2.32.0.dist-info'));
  const st = await inspectEnvironment({ python: venv, static: true, env: baseEnv(), cwd: root });
  assert.equal(st.interpreter.probe, 'skipped');
  assert.ok(codes(st).includes('DR007'), JSON.stringify(st.findings));
});

test('a stale VIRTUAL_ENV naming another folder (DR012); an activated one is the default target', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs[`healthy-${MAIN}`];
  const r = await inspectEnvironment({ python: venv, static: true, env: baseEnv({ VIRTUAL_ENV: path.join(root, 'old-project', '.venv') }), cwd: root });
  assert.equal(find(r, 'DR012')?.severity, 'warning');
  assert.match(find(r, 'DR012')!.message, /VIRTUAL_ENV names nothing: the folder does not exist/);
  // A VIRTUAL_ENV naming a real venv other than the target.
  const other = await inspectEnvironment({ python: venv, static: true, env: baseEnv({ VIRTUAL_ENV: venvs.pth }), cwd: root });
  assert.match(find(other, 'DR012')?.message ?? '', /^VIRTUAL_ENV names .*, not the target/);
  // pip never reads VIRTUAL_ENV (its require-virtualenv compares sys.prefix with sys.base_prefix): the message must not blame it.
  for (const f of [find(r, 'DR012')!, find(other, 'DR012')!]) assert.doesNotMatch(f.message, /pip/);
  // A stale VIRTUAL_ENV when no target is given: still a finding, and not the target.
  const stale = await inspectEnvironment({ static: true, env: baseEnv({ VIRTUAL_ENV: path.join(root, 'gone', '.venv') }), cwd: root });
  assert.ok(codes(stale).includes('DR012'), JSON.stringify(stale.findings));
  const active = await inspectEnvironment({ static: true, env: baseEnv({ VIRTUAL_ENV: venv, PATH: `${venv}/bin:/usr/bin:/bin` }), cwd: root });
  assert.equal(active.interpreter.target.how, 'VIRTUAL_ENV');
  assert.ok(!codes(active).includes('DR012'));
  // With the venv's bin first on PATH, python and pip resolve inside it.
  assert.ok(active.interpreter.children.filter((c) => c.pathKind === 'current' && /^python/.test(c.name)).every((c) => c.inside));
});

test('a .venv in a parent folder is found when nothing is given', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const proj = path.join(root, 'proj');
  fs.mkdirSync(path.join(proj, 'src', 'pkg'), { recursive: true });
  fs.symlinkSync(venvs[`healthy-${MAIN}`], path.join(proj, '.venv'));
  const r = await inspectEnvironment({ static: true, env: baseEnv(), cwd: path.join(proj, 'src', 'pkg') });
  assert.equal(r.interpreter.target.how, 'folder');
  assert.equal(r.interpreter.venv, path.join(proj, '.venv'));
});

test('a pyenv shim on PATH picks another version (DR016)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const pyenv = path.join(root, 'fake-pyenv');
  fs.mkdirSync(path.join(pyenv, 'shims'), { recursive: true });
  fs.mkdirSync(path.join(pyenv, 'versions', '3.99.0', 'bin'), { recursive: true });
  for (const n of ['python', 'python3', 'pip']) {
    fs.writeFileSync(path.join(pyenv, 'shims', n), `#!/usr/bin/env bash\nexport PYENV_ROOT="${pyenv}"\nexec "${pyenv}/libexec/pyenv" exec "$program" "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(pyenv, 'versions', '3.99.0', 'bin', n), '', { mode: 0o755 });
  }
  const r = await inspectEnvironment({ python: venvs[`healthy-${MAIN}`], static: true, env: baseEnv({ PATH: `${pyenv}/shims:/usr/bin:/bin`, PYENV_VERSION: '3.99' }), cwd: root });
  const f = find(r, 'DR016')!;
  assert.equal(f.severity, 'warning', JSON.stringify(r.findings));
  assert.match(f.message, /3\.99\.0 \(from PYENV_VERSION\)/);
  assert.ok(f.evidence.some((e) => e.includes(path.join(pyenv, 'versions', '3.99.0', 'bin', 'python3'))));
});

test('pyvenv.cfg records another version than the interpreter has (DR003)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs['other-version'];
  const cfg = path.join(venv, 'pyvenv.cfg');
  fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8').replace(/^version = .*$/m, 'version = 3.11.7'));
  const r = await inspectEnvironment({ python: venv, env: baseEnv(), cwd: root });
  const probed = r.findings.filter((f) => f.code === 'DR003');
  assert.ok(probed.length >= 1 && probed.every((f) => f.severity === 'error'), JSON.stringify(r.findings));
  assert.ok(probed.some((f) => /3\.11.*Python 3\.12/.test(f.message)));
  const st = await inspectEnvironment({ python: venv, static: true, env: baseEnv(), cwd: root });
  assert.ok(codes(st, 'error').includes('DR003'), 'the static pass sees that home has no python3.11');
});

test('bin/python is a wrapper script that execs the base interpreter: sys.prefix is not the venv (DR020)', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const venv = venvs.wrapped;
  const py = path.join(venv, 'bin', 'python');
  fs.rmSync(py);
  fs.writeFileSync(py, `#!/bin/sh\nexec ${fs.realpathSync(PYTHONS.get(MAIN)!)} "$@"\n`, { mode: 0o755 });
  const r = await inspectEnvironment({ python: venv, env: baseEnv(), cwd: root });
  const f = find(r, 'DR020')!;
  assert.equal(f.severity, 'error', JSON.stringify(r.findings));
  assert.match(f.evidence[0], /^sys\.prefix = .*versions/);
  // pyvenv.cfg promised the user site off, but the base interpreter turned it on: the isolated start ran after all.
  assert.equal(r.interpreter.userSite?.enabled, true);
  assert.deepEqual([r.interpreter.isolatedRun, r.interpreter.isolatedFlags], ['ran', ['-I']]);
});

test('the probe writes through a temporary folder it removes, and uses pipes when there is no writable one', async (t) => {
  await ready;
  if (!needMain(t)) return;
  const saved = process.env.TMPDIR;
  const tmp = path.join(root, 'probe-tmp');
  fs.mkdirSync(tmp);
  try {
    for (const dir of [tmp, path.join(root, 'no-such-tmp')]) {
      process.env.TMPDIR = dir; // os.tmpdir() of this process, where the probe puts its output files
      const r = await inspectEnvironment({ python: venvs[`healthy-${MAIN}`], env: baseEnv(), cwd: root });
      assert.equal(r.interpreter.probe, 'ran', `${dir}: ${JSON.stringify(r.findings)}`);
      assert.ok(r.interpreter.sysPath!.some((e) => e.origin === 'site-packages'));
    }
    assert.deepEqual(fs.readdirSync(tmp), []);
    // A failed start is explained the same way by both paths.
    for (const dir of [tmp, path.join(root, 'no-such-tmp')]) {
      process.env.TMPDIR = dir;
      const r = await inspectEnvironment({ python: venvs[`healthy-${MAIN}`], env: baseEnv({ PYTHONHOME: tmp }), cwd: root });
      assert.match(find(r, 'DR019')!.evidence[0], /^ModuleNotFoundError: No module named 'encodings'$/, dir);
    }
    assert.deepEqual(fs.readdirSync(tmp), []);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
});

test('the probe reports folder names with quotes, backslashes, control and non-ASCII characters exactly (2.7 and 3)', async (t) => {
  await ready;
  const odd = path.join(root, 'odd "name" \\ tab\there é € 𝄞');
  fs.mkdirSync(odd, { recursive: true });
  const targets = [...(PYTHONS.has(MAIN) ? [venvs[`healthy-${MAIN}`]] : []), ...(PYTHONS.has('2.7') ? [PYTHONS.get('2.7')!] : [])];
  if (!targets.length) return t.skip(`no Python ${MAIN} or 2.7 under \`pyenv root\`/versions`);
  for (const python of targets) {
    const r = await inspectEnvironment({ python, env: baseEnv({ PYTHONPATH: odd }), cwd: root });
    assert.equal(r.interpreter.probe, 'ran', JSON.stringify(r.findings));
    assert.deepEqual(r.interpreter.sysPath!.filter((e) => e.origin === 'PYTHONPATH').map((e) => e.entry), [odd], python);
  }
});

test('no venv anywhere: python3 on PATH is the target', async (t) => {
  const other = [...PYTHONS.entries()].find(([v]) => v.startsWith('3.'));
  if (!other) return t.skip('no Python 3 under `pyenv root`/versions');
  const bin = tempDir('venvguard-bin-');
  try {
    fs.symlinkSync(other[1], path.join(bin, 'python3'));
    const r = await inspectEnvironment({ env: { PATH: bin, HOME: process.env.HOME ?? '/' }, cwd: bin });
    assert.equal(r.interpreter.target.how, 'PATH');
    assert.equal(r.interpreter.venv, undefined);
    assert.equal(r.interpreter.probe, 'ran');
    // python3 on PATH is the target itself, so it is not reported as escaping.
    assert.ok(r.interpreter.children.find((c) => c.name === 'python3' && c.pathKind === 'current')?.inside);
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});

test('nothing to inspect: DR018', async () => {
  const empty = tempDir('venvguard-empty-');
  try {
    const r = await inspectEnvironment({ env: { PATH: empty }, cwd: empty });
    assert.deepEqual(codes(r), ['DR018']);
    const notVenv = await inspectEnvironment({ python: empty, env: { PATH: '' }, cwd: empty });
    assert.deepEqual(codes(notVenv), ['DR018']);
    // A plain file, executable or not, is neither an interpreter nor a venv.
    const plain = path.join(empty, 'notes.txt');
    fs.writeFileSync(plain, 'hello\n');
    for (const mode of [0o644, 0o755]) {
      fs.chmodSync(plain, mode);
      const r = await inspectEnvironment({ python: plain, env: { PATH: '' }, cwd: empty });
      assert.deepEqual(codes(r), ['DR018']);
      assert.match(r.findings[0].message, /neither an interpreter nor a venv/);
      assert.doesNotMatch(r.findings[0].fix, /reinstall/);
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});
