/** "What a child would run": PATH lookup, pyenv shims and the Windows forms, on fake file systems. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { cachedFs, candidates, isWindowsAppsAlias, pyenvShimRoot, resolveProgram, resolvePyenvShim, resolvePyLauncher, venvLayout, type FsLookup } from '../../src/env/resolve.js';
import { parsePyvenvCfg, shebangInterpreter } from '../../src/env/static.js';

/** A fake file system: path → content (executable unless listed in `plain`). */
function fakeFs(files: Record<string, string>, opts: { links?: Record<string, string>; plain?: string[] } = {}): FsLookup & { listDir(p: string): string[] } {
  return {
    isExecutableFile: (p) => p in files && !(opts.plain ?? []).includes(p),
    readText: (p) => files[p],
    realpath: (p) => (p in files ? (opts.links?.[p] ?? p) : undefined),
    size: (p) => files[p]?.length,
    listDir: (d) => [...new Set(Object.keys(files).filter((f) => f.startsWith(d + '/')).map((f) => f.slice(d.length + 1).split('/')[0]))],
  };
}

const SHIM = '#!/usr/bin/env bash\nset -e\nexport PYENV_ROOT="/fake/pyenv"\nexec "/fake/pyenv/libexec/pyenv" exec "$program" "$@"\n';

test('POSIX lookup takes the first executable on PATH and follows symlinks', () => {
  const fs = fakeFs({ '/usr/bin/python3': '', '/usr/local/bin/python3': '' }, { links: { '/usr/bin/python3': '/usr/bin/python3.11' } });
  const env = {};
  assert.equal(resolveProgram('python3', '/usr/bin:/bin', { platform: 'posix', env, cwd: '/w', lookup: fs }).real, '/usr/bin/python3.11');
  assert.equal(resolveProgram('python3', '/usr/local/bin:/usr/bin', { platform: 'posix', env, cwd: '/w', lookup: fs }).found, '/usr/local/bin/python3');
  assert.equal(resolveProgram('python', '/usr/bin:/bin', { platform: 'posix', env, cwd: '/w', lookup: fs }).found, undefined);
});

test('a non-executable file on PATH is skipped', () => {
  const fs = fakeFs({ '/a/pip': '', '/b/pip': '' }, { plain: ['/a/pip'] });
  assert.equal(resolveProgram('pip', '/a:/b', { platform: 'posix', env: {}, cwd: '/', lookup: fs }).found, '/b/pip');
});

test('an empty PATH entry means the current folder', () => {
  assert.deepEqual(candidates('python', ':/usr/bin', 'posix', { cwd: '/w' }), ['/w/python', '/usr/bin/python']);
});

test('pyenv shim: PYENV_VERSION wins, a prefix picks the newest match', () => {
  const fs = fakeFs({ '/fake/pyenv/shims/python3': SHIM, '/fake/pyenv/versions/3.9.18/bin/python3': '', '/fake/pyenv/versions/3.9.2/bin/python3': '', '/fake/pyenv/version': '3.12.1\n', '/fake/pyenv/versions/3.12.1/bin/python3': '' });
  assert.equal(pyenvShimRoot('/fake/pyenv/shims/python3', fs), '/fake/pyenv');
  const r = resolveProgram('python3', '/fake/pyenv/shims:/usr/bin', { platform: 'posix', env: { PYENV_VERSION: '3.9' }, cwd: '/w', lookup: fs });
  assert.equal(r.shim?.version, '3.9.18');
  assert.equal(r.shim?.source, 'PYENV_VERSION');
  assert.equal(r.real, '/fake/pyenv/versions/3.9.18/bin/python3');
});

test('pyenv shim: the nearest .python-version upward, then the global version file, then system', () => {
  const files = { '/fake/pyenv/shims/python3': SHIM, '/fake/pyenv/versions/3.11.7/bin/python3': '', '/fake/pyenv/versions/3.12.1/bin/python3': '', '/fake/pyenv/version': '3.12.1\n', '/proj/.python-version': '3.11.7\n', '/usr/bin/python3': '' };
  const fs = fakeFs(files);
  const ctx = (cwd: string, env = {}) => ({ platform: 'posix' as const, env, cwd, lookup: fs });
  const local = resolveProgram('python3', '/fake/pyenv/shims:/usr/bin', ctx('/proj/src/deep'));
  assert.deepEqual([local.shim?.version, local.shim?.source], ['3.11.7', '/proj/.python-version']);
  const global = resolveProgram('python3', '/fake/pyenv/shims:/usr/bin', ctx('/elsewhere'));
  assert.deepEqual([global.shim?.version, global.shim?.source], ['3.12.1', '/fake/pyenv/version']);
  const { '/fake/pyenv/version': _, ...noGlobal } = files;
  const sys = resolvePyenvShim('python3', '/fake/pyenv', { PATH: '/fake/pyenv/shims:/usr/bin' }, '/elsewhere', fakeFs(noGlobal));
  assert.deepEqual([sys.version, sys.target], ['system', '/usr/bin/python3']);
});

test('cachedFs: the same resolutions, each file asked about once', () => {
  const files = { '/fake/pyenv/shims/python': SHIM, '/fake/pyenv/shims/python3': SHIM, '/fake/pyenv/shims/pip': SHIM, '/fake/pyenv/version': '3.12.1\n', '/fake/pyenv/versions/3.12.1/bin/python': '', '/fake/pyenv/versions/3.12.1/bin/python3': '', '/usr/bin/pip': '' };
  const fake = fakeFs(files);
  const asked: string[] = [];
  const counting = { ...fake, readText: (p: string) => (asked.push(p), fake.readText(p)), listDir: (d: string) => (asked.push(`ls ${d}`), fake.listDir(d)) };
  const cached = cachedFs(counting);
  const names = ['python', 'python3', 'pip', 'python'];
  const ctx = (lookup: FsLookup) => ({ platform: 'posix' as const, env: {}, cwd: '/proj/src', lookup });
  const direct = names.map((n) => resolveProgram(n, '/fake/pyenv/shims:/usr/bin', ctx(fake)));
  assert.deepEqual(names.map((n) => resolveProgram(n, '/fake/pyenv/shims:/usr/bin', ctx(cached))), direct);
  assert.deepEqual([direct[2].shim?.version, direct[2].shim?.target], ['3.12.1', undefined]); // pip: not in 3.12.1
  const twice = asked.filter((p, i) => asked.indexOf(p) !== i);
  assert.deepEqual(twice, []);
  assert.ok(asked.includes('/fake/pyenv/version') && asked.includes('/proj/.python-version') && asked.includes('ls /fake/pyenv/versions'), asked.join('\n'));
});

test('pyenv shim: a version without the command means "command not found"', () => {
  const fs = fakeFs({ '/fake/pyenv/shims/python3.12': SHIM, '/fake/pyenv/versions/3.11.7/bin/python3': '' });
  const r = resolveProgram('python3.12', '/fake/pyenv/shims', { platform: 'posix', env: { PYENV_VERSION: '3.11.7' }, cwd: '/', lookup: fs });
  assert.equal(r.shim?.target, undefined);
  assert.equal(r.real, undefined);
});

test('Windows: CreateProcess appends .exe and looks in the parent\'s folder and the cwd first', () => {
  assert.deepEqual(candidates('python', 'C:\\Windows\\system32;C:\\Py312', 'win32', { appDir: 'C:\\Py311', cwd: 'C:\\work' }), ['C:\\Py311\\python.exe', 'C:\\work\\python.exe', 'C:\\Windows\\system32\\python.exe', 'C:\\Py312\\python.exe']);
  const fs = fakeFs({ 'C:\\Py312\\python.exe': 'MZ', 'C:\\venv\\Scripts\\pip.exe': 'MZ' });
  assert.equal(resolveProgram('python', 'C:\\venv\\Scripts;C:\\Py312', { platform: 'win32', env: {}, cwd: 'C:\\work', lookup: fs }).found, 'C:\\Py312\\python.exe');
  assert.equal(resolveProgram('pip', 'C:\\venv\\Scripts;C:\\Py312', { platform: 'win32', env: {}, cwd: 'C:\\work', lookup: fs }).found, 'C:\\venv\\Scripts\\pip.exe');
});

test('Windows: PATHEXT suffixes (shutil.which, cmd.exe) are tried in order', () => {
  assert.deepEqual(candidates('pip', 'C:\\S', 'win32', { pathext: '.COM;.EXE;.BAT' }), ['C:\\S\\pip', 'C:\\S\\pip.com', 'C:\\S\\pip.exe', 'C:\\S\\pip.bat']);
});

test('Windows: a zero-byte python.exe under WindowsApps is a Store alias', () => {
  const env = { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' };
  const alias = 'C:\\Users\\u\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe';
  const fs = fakeFs({ [alias]: '' });
  const r = resolveProgram('python', 'C:\\Users\\u\\AppData\\Local\\Microsoft\\WindowsApps', { platform: 'win32', env, cwd: 'C:\\w', lookup: fs });
  assert.equal(r.storeAlias, true);
  assert.equal(isWindowsAppsAlias('C:\\Py312\\python.exe', env, fakeFs({ 'C:\\Py312\\python.exe': '' })), false);
});

test('Windows: the py launcher prefers VIRTUAL_ENV, then PY_PYTHON, then the newest install', () => {
  assert.deepEqual(resolvePyLauncher({ VIRTUAL_ENV: 'C:\\proj\\.venv', PY_PYTHON: '3.11' }, ['3.12']), { choice: 'C:\\proj\\.venv\\Scripts\\python.exe', reason: 'VIRTUAL_ENV is set' });
  assert.equal(resolvePyLauncher({ PY_PYTHON: '3.11' }, ['3.12']).choice, '3.11');
  assert.equal(resolvePyLauncher({}, ['3.9', '3.12', '3.10']).choice, '3.12');
  assert.deepEqual(venvLayout('C:\\proj\\.venv', 'win32'), { bin: 'C:\\proj\\.venv\\Scripts', python: 'C:\\proj\\.venv\\Scripts\\python.exe' });
  assert.equal(venvLayout('/p/.venv', 'posix').python, path.posix.join('/p/.venv', 'bin', 'python'));
});

test('pyvenv.cfg keys from venv, virtualenv and uv', () => {
  const cfg = parsePyvenvCfg('home = /usr/bin\ninclude-system-site-packages = false\nversion_info = 3.12.1.final.0\nvirtualenv = 20.25.0\nuv = 0.5.1\nprompt = my app\nrelocatable = true\n# comment\n');
  assert.equal(cfg.home, '/usr/bin');
  assert.equal(cfg.version_info, '3.12.1.final.0');
  assert.equal(cfg.prompt, 'my app');
  assert.equal(cfg.uv, '0.5.1');
  assert.equal(cfg.relocatable, 'true');
});

test('shebangs: direct, env, and pip\'s /bin/sh trampoline for long paths', () => {
  assert.equal(shebangInterpreter('#!/old/venv/bin/python3.12\nimport x'), '/old/venv/bin/python3.12');
  assert.equal(shebangInterpreter('#!/bin/sh\n\'\'\'exec\' "/very/long/venv/bin/python" "$0" "$@"\n\' \'\'\'\n'), '/very/long/venv/bin/python');
  assert.equal(shebangInterpreter('#!/bin/bash\necho hi'), undefined);
  assert.equal(shebangInterpreter('no shebang'), undefined);
});
