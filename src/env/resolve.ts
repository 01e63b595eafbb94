/**
 * "What a child would run": resolve a program name the way a subprocess started by name would,
 * on a given PATH, and see through pyenv shims to the interpreter they would pick — without running
 * pyenv. Everything here is a pure function of a platform, an environment and an fs-like lookup, so
 * the Windows rules (Scripts\, PATHEXT, the py launcher, WindowsApps aliases) are unit-tested on Linux.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Platform = 'posix' | 'win32';

/** The file system questions resolution asks; `realFs` answers them from this machine. */
export interface FsLookup {
  isExecutableFile(p: string): boolean;
  readText(p: string, maxBytes?: number): string | undefined;
  realpath(p: string): string | undefined;
  /** Size in bytes, for WindowsApps aliases (zero-byte reparse points). */
  size?(p: string): number | undefined;
}

export const realFs: FsLookup = {
  isExecutableFile(p) {
    try {
      // Most candidates on a PATH do not exist: ask without building an exception for each.
      const st = fs.statSync(p, { throwIfNoEntry: false });
      if (!st?.isFile()) return false;
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  readText(p, maxBytes = 4096) {
    try {
      const fd = fs.openSync(p, 'r');
      try {
        const buf = Buffer.alloc(maxBytes);
        const n = fs.readSync(fd, buf, 0, maxBytes, 0);
        return buf.subarray(0, n).toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return undefined;
    }
  },
  realpath(p) {
    try {
      // realpath(3): one system call, where the JavaScript realpathSync takes an lstat per component.
      return fs.realpathSync.native(p);
    } catch {
      return undefined;
    }
  },
  size(p) {
    try {
      return fs.statSync(p).size;
    } catch {
      return undefined;
    }
  },
};

/**
 * A lookup that asks `base` each question once: the doctor resolves a dozen names on three PATHs,
 * and every pyenv shim among them reads the same version files and lists the same folder. For one
 * inspection only (the file system may change between runs).
 */
export function cachedFs(base: FsLookup & { listDir?(p: string): string[] | undefined } = realFs): FsLookup & { listDir(p: string): string[] } {
  const memo = <T>(f: (p: string) => T) => {
    const seen = new Map<string, T>();
    return (p: string): T => {
      if (!seen.has(p)) seen.set(p, f(p));
      return seen.get(p)!;
    };
  };
  const texts = new Map<string, string | undefined>();
  return {
    isExecutableFile: memo((p) => base.isExecutableFile(p)),
    readText: (p, maxBytes = 4096) => {
      const key = `${maxBytes}\0${p}`;
      if (!texts.has(key)) texts.set(key, base.readText(p, maxBytes));
      return texts.get(key);
    },
    realpath: memo((p) => base.realpath(p)),
    size: memo((p) => base.size?.(p)),
    listDir: memo((p) => base.listDir?.(p) ?? listDirReal(p)),
  };
}

const pathApi = (platform: Platform) => (platform === 'win32' ? path.win32 : path.posix);

/**
 * The candidate files for `name` on `searchPath`, in lookup order. POSIX: each PATH directory
 * (an empty entry is the current directory). Windows (CreateProcess, what subprocess uses without a
 * shell): the directory of the parent's executable, the current directory, then PATH; `.exe` is
 * appended only when the name has no extension. With `pathext` (shutil.which, cmd.exe) every
 * PATHEXT suffix is tried instead.
 */
export function candidates(name: string, searchPath: string, platform: Platform, opts: { cwd?: string; appDir?: string; pathext?: string } = {}): string[] {
  const api = pathApi(platform);
  const dirs = searchPath.split(platform === 'win32' ? ';' : ':');
  if (platform === 'posix') return dirs.map((d) => api.join(d || opts.cwd || '.', name));
  const hasExt = api.extname(name) !== '';
  const suffixes = opts.pathext !== undefined ? ['', ...opts.pathext.split(';').filter(Boolean).map((e) => e.toLowerCase())] : [hasExt ? '' : '.exe'];
  const ordered = [...(opts.appDir ? [opts.appDir] : []), ...(opts.cwd ? [opts.cwd] : []), ...dirs.filter(Boolean)];
  const out: string[] = [];
  for (const d of ordered) for (const s of hasExt && opts.pathext !== undefined ? [''] : suffixes) out.push(api.join(d, name + s));
  return out;
}

export interface ShimResolution {
  /** The pyenv root the shim belongs to. */
  root: string;
  /** The version pyenv would pick, e.g. "3.11.7" or "system". */
  version: string;
  /** Where that choice came from: PYENV_VERSION, a .python-version file, the global version file, or the default. */
  source: string;
  /** The file the shim would execute, or undefined when pyenv would fail ("command not found"). */
  target?: string;
}

export interface Resolution {
  name: string;
  /** The first match on the path, as found (a shim, a symlink, …). */
  found?: string;
  /** After symlinks (and shims) are followed. */
  real?: string;
  shim?: ShimResolution;
  /** A Microsoft Store alias (zero-byte file under WindowsApps): opens the Store or a Store Python. */
  storeAlias?: boolean;
}

/** A pyenv shim is a small script in `<root>/shims/` that execs `pyenv exec`; return its root. */
export function pyenvShimRoot(file: string, lookup: FsLookup, platform: Platform = 'posix'): string | undefined {
  const api = pathApi(platform);
  const dir = api.dirname(file);
  if (api.basename(dir) !== 'shims') return undefined;
  const text = lookup.readText(file, 2048);
  if (!text || !/pyenv/.test(text)) return undefined;
  const m = /PYENV_ROOT="([^"]+)"/.exec(text);
  return m ? m[1] : api.dirname(dir);
}

/**
 * Which version a pyenv shim would run: PYENV_VERSION, else the nearest `.python-version` from cwd
 * upward, else `<root>/version`, else "system". Each of several colon- or line-separated versions is
 * tried in turn for the command; "system" means the first match on PATH outside the shims folder.
 * A version may be a prefix ("3.12"): the newest installed match is used, as pyenv 2.3+ does.
 */
export function resolvePyenvShim(
  name: string,
  root: string,
  env: Record<string, string | undefined>,
  cwd: string,
  lookup: FsLookup & { listDir?(p: string): string[] | undefined },
  platform: Platform = 'posix',
): ShimResolution {
  const api = pathApi(platform);
  let versions: string[] | undefined;
  let source = '';
  if (env.PYENV_VERSION) {
    versions = env.PYENV_VERSION.split(':');
    source = 'PYENV_VERSION';
  } else {
    for (let dir = cwd; ; dir = api.dirname(dir)) {
      const f = api.join(dir, '.python-version');
      const text = lookup.readText(f);
      if (text !== undefined) {
        versions = parseVersionFile(text);
        source = f;
        break;
      }
      if (api.dirname(dir) === dir) break;
    }
    if (!versions) {
      const f = api.join(root, 'version');
      const text = lookup.readText(f);
      if (text !== undefined) {
        versions = parseVersionFile(text);
        source = f;
      }
    }
    if (!versions || versions.length === 0) {
      versions = ['system'];
      source = source || 'default (no version file)';
    }
  }
  for (const v of versions) {
    if (v === 'system') {
      const shims = api.join(root, 'shims');
      const rest = (env.PATH ?? '').split(platform === 'win32' ? ';' : ':').filter((d) => d && api.resolve(d) !== shims).join(':');
      const hit = candidates(name, rest, platform).find((c) => lookup.isExecutableFile(c));
      if (hit) return { root, version: 'system', source, target: hit };
      continue;
    }
    const dir = matchVersionDir(api.join(root, 'versions'), v, lookup);
    const exe = dir && api.join(root, 'versions', dir, 'bin', name);
    if (exe && lookup.isExecutableFile(exe)) return { root, version: dir!, source, target: exe };
  }
  return { root, version: versions.join(':'), source };
}

function parseVersionFile(text: string): string[] {
  return text.split(/\s+/).map((s) => s.trim()).filter((s) => s && !s.startsWith('#'));
}

function matchVersionDir(versionsDir: string, v: string, lookup: { listDir?(p: string): string[] | undefined; realpath(p: string): string | undefined }): string | undefined {
  const names = lookup.listDir?.(versionsDir) ?? listDirReal(versionsDir);
  if (names.includes(v)) return v;
  const prefixed = names.filter((n) => n.startsWith(v + '.') && /^[\d.]+$/.test(n.slice(v.length + 1)));
  prefixed.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  return prefixed[0];
}

function listDirReal(d: string): string[] {
  try {
    return fs.readdirSync(d);
  } catch {
    return [];
  }
}

/** Resolve `name` on `searchPath` as a child would; follows pyenv shims and symlinks. */
export function resolveProgram(
  name: string,
  searchPath: string,
  ctx: { platform: Platform; env: Record<string, string | undefined>; cwd: string; lookup: FsLookup & { listDir?(p: string): string[] | undefined }; appDir?: string },
): Resolution {
  const { platform, lookup } = ctx;
  const found = candidates(name, searchPath, platform, { cwd: ctx.cwd, appDir: ctx.appDir }).find((c) => lookup.isExecutableFile(c));
  if (!found) return { name };
  const res: Resolution = { name, found, real: lookup.realpath(found) ?? found };
  if (platform === 'win32' && isWindowsAppsAlias(found, ctx.env, lookup)) res.storeAlias = true;
  const root = pyenvShimRoot(found, lookup, platform);
  if (root) {
    res.shim = resolvePyenvShim(name, root, { ...ctx.env, PATH: searchPath }, ctx.cwd, lookup, platform);
    res.real = res.shim.target ? (lookup.realpath(res.shim.target) ?? res.shim.target) : undefined;
  }
  return res;
}

/** `%LOCALAPPDATA%\Microsoft\WindowsApps\python.exe`: an App Execution Alias, not an interpreter. */
export function isWindowsAppsAlias(file: string, env: Record<string, string | undefined>, lookup: FsLookup): boolean {
  const api = path.win32;
  const local = env.LOCALAPPDATA;
  const dir = api.dirname(file).toLowerCase();
  const aliasDir = local ? api.join(local, 'Microsoft', 'WindowsApps').toLowerCase() : undefined;
  if (aliasDir ? dir !== aliasDir : !dir.endsWith('\\microsoft\\windowsapps')) return false;
  return (lookup.size?.(file) ?? 0) === 0;
}

/**
 * What `py` (the Windows launcher) would start with no version argument: an active virtual
 * environment first (VIRTUAL_ENV), then PY_PYTHON, then the newest installed Python.
 */
export function resolvePyLauncher(env: Record<string, string | undefined>, installed: string[]): { choice: string; reason: string } {
  if (env.VIRTUAL_ENV) return { choice: path.win32.join(env.VIRTUAL_ENV, 'Scripts', 'python.exe'), reason: 'VIRTUAL_ENV is set' };
  if (env.PY_PYTHON) return { choice: env.PY_PYTHON, reason: 'PY_PYTHON' };
  const newest = [...installed].sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))[0];
  return newest ? { choice: newest, reason: 'newest installed' } : { choice: '', reason: 'no Python installed' };
}

/** The scripts folder and interpreter file name of a venv on each platform. */
export function venvLayout(venv: string, platform: Platform): { bin: string; python: string } {
  return platform === 'win32' ? { bin: path.win32.join(venv, 'Scripts'), python: path.win32.join(venv, 'Scripts', 'python.exe') } : { bin: path.posix.join(venv, 'bin'), python: path.posix.join(venv, 'bin', 'python') };
}

/** pyenv's root without running pyenv: $PYENV_ROOT, else ~/.pyenv. */
export function pyenvRoot(env: Record<string, string | undefined>): string {
  return env.PYENV_ROOT || path.join(env.HOME || os.homedir(), '.pyenv');
}
