/**
 * The probe: runs the target interpreter as a child would run it with a small script that prints one
 * JSON object, and, when the environment could change what it sees, once more isolated (`-I`, or
 * `-E -s` on Python 2), in parallel. The difference between the two runs is what the environment
 * (variables, user site) adds. Without a `PYTHON…` variable and with the user site off (a venv with
 * `include-system-site-packages = false`), `-I` can only drop the script folder, so one start is
 * enough; the run checks that the user site really was off and starts the isolated run if not.
 * Starting the interpreter runs `site`, so the environment's `.pth` import lines and sitecustomize
 * run too. The script must stay valid on Python 2.7 and 3.6–3.13: no f-strings, no walrus, and no
 * import beyond what a start loads anyway (it writes its JSON by hand).
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PROBE_TIMEOUT_MS = 20_000;

/** The variables the probe reports as the interpreter saw them. */
export const PROBED_VARIABLES = [
  'PYTHONPATH', 'PYTHONHOME', 'PYTHONUSERBASE', 'PYTHONNOUSERSITE', 'PYTHONSTARTUP', 'PYTHONEXECUTABLE',
  '__PYVENV_LAUNCHER__', 'PYTHONSAFEPATH', 'VIRTUAL_ENV', 'CONDA_PREFIX',
] as const;

const SCRIPT = `
import sys, os
try:
    import site
except Exception:
    site = None
def listdir(d):
    try:
        return sorted(os.listdir(d))
    except Exception:
        return []
# JSON by hand: importing json (and with it re, enum, functools) costs as much as the start itself.
# ASCII out, \\uXXXX for the rest: lone surrogates (undecodable file names) pass as JSON.parse reads them.
try:
    text = unicode
except NameError:
    text = str
def jstr(s):
    if not isinstance(s, text):
        try:
            s = s.decode('utf-8')
        except UnicodeDecodeError:
            # Python 2: a path that is not UTF-8 bytes; show it byte for byte instead of failing.
            s = s.decode('latin-1')
    out = ['"']
    for c in s:
        n = ord(c)
        if c == '"' or c == '\\\\':
            out.append('\\\\' + c)
        elif 31 < n < 127:
            out.append(c)
        elif n < 0x10000:
            out.append('\\\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\\\u%04x\\\\u%04x' % (0xd800 + (n >> 10), 0xdc00 + (n & 0x3ff)))
    out.append('"')
    return ''.join(out)
def js(x):
    if x is None:
        return 'null'
    if x is True:
        return 'true'
    if x is False:
        return 'false'
    if isinstance(x, dict):
        return '{' + ','.join(jstr(k) + ':' + js(v) for k, v in x.items()) + '}'
    if isinstance(x, (list, tuple)):
        return '[' + ','.join(js(v) for v in x) + ']'
    if isinstance(x, (text, bytes)):
        return jstr(x)
    return str(int(x))
o = {}
o['executable'] = sys.executable
o['base_executable'] = getattr(sys, '_base_executable', None)
o['prefix'] = sys.prefix
o['base_prefix'] = getattr(sys, 'base_prefix', getattr(sys, 'real_prefix', sys.prefix))
o['exec_prefix'] = sys.exec_prefix
o['version'] = list(sys.version_info[:3])
o['implementation'] = getattr(getattr(sys, 'implementation', None), 'name', 'cpython')
fl = {}
for k in ('no_user_site', 'isolated', 'ignore_environment', 'safe_path', 'no_site'):
    if hasattr(sys.flags, k):
        fl[k] = int(getattr(sys.flags, k))
o['flags'] = fl
o['path'] = list(sys.path)
o['enable_user_site'] = getattr(site, 'ENABLE_USER_SITE', None)
us = None
try:
    us = site.getusersitepackages()
except Exception:
    pass
o['user_site'] = us
o['user_site_exists'] = bool(us and os.path.isdir(us))
o['user_site_dists'] = [n for n in listdir(us) if n.endswith('.dist-info') or n.endswith('.egg-info')] if us else []
sp = []
try:
    sp = list(site.getsitepackages())
except Exception:
    pass
o['site_packages'] = sp
pth = []
sitedirs = set(os.path.normcase(os.path.abspath(x)) for x in sp + ([us] if us else []))
for d in sys.path:
    if not d or not os.path.isdir(d):
        continue
    # site reads .pth files only in site folders (site-packages, dist-packages, the user site).
    if os.path.normcase(os.path.abspath(d)) not in sitedirs and os.path.basename(d) not in ('site-packages', 'dist-packages'):
        continue
    for n in listdir(d):
        if not n.endswith('.pth'):
            continue
        f = os.path.join(d, n)
        try:
            lines = open(f).read().splitlines()
        except Exception:
            continue
        paths = []
        imports = 0
        for line in lines:
            s = line.strip()
            if not s or s.startswith('#'):
                continue
            if line.startswith('import ') or line.startswith('import\\t'):
                imports += 1
            else:
                paths.append(os.path.normpath(os.path.join(d, s)))
        pth.append({'file': f, 'imports': imports, 'paths': paths})
o['pth'] = pth
cz = {}
for m in ('sitecustomize', 'usercustomize'):
    mod = sys.modules.get(m)
    if mod is not None:
        cz[m] = getattr(mod, '__file__', None)
o['customize'] = cz
o['cwd'] = os.getcwd()
env = {}
for k in sys.argv[1].split(','):
    if k in os.environ:
        env[k] = os.environ[k]
o['env'] = env
sys.stdout.write(js(o))
`;

export interface ProbeRun {
  executable: string;
  base_executable: string | null;
  prefix: string;
  base_prefix: string;
  exec_prefix: string;
  version: [number, number, number];
  implementation: string;
  flags: Record<string, number>;
  path: string[];
  enable_user_site: boolean | null;
  user_site: string | null;
  user_site_exists: boolean;
  user_site_dists: string[];
  site_packages: string[];
  pth: { file: string; imports: number; paths: string[] }[];
  customize: Partial<Record<'sitecustomize' | 'usercustomize', string | null>>;
  cwd: string;
  env: Record<string, string>;
}

export type PathOrigin = 'script-dir' | 'PYTHONPATH' | 'stdlib' | 'lib-dynload' | 'site-packages' | 'base-site-packages' | 'user-site' | 'pth' | 'other';

export interface PathEntry {
  entry: string;
  origin: PathOrigin;
  /** Absent from the isolated run: the environment (variables, user site, cwd) put it there. */
  fromEnvironment: boolean;
  exists: boolean;
}

export interface ProbeResult {
  normal: ProbeRun;
  /** The isolated run (or, when `isolatedRun` is 'same', the normal one without its script folder); undefined when it failed. */
  isolated?: ProbeRun;
  /** 'ran': started with `isolatedFlags`; 'same': not started, since -I could change nothing but the script folder; 'failed'. */
  isolatedRun: 'ran' | 'same' | 'failed';
  isolatedFlags: string[];
  sysPath: PathEntry[];
  durationMs: number;
}

/** A start that failed: the line of its output that says why, and that output's last lines. */
export class ProbeError extends Error {
  constructor(message: string, readonly reason: string = message, readonly tail: string[] = []) {
    super(message);
  }
}

/**
 * The line of a failed start's stderr that explains it: the exception (`ModuleNotFoundError: No
 * module named 'encodings'`), else the loader's or kernel's complaint, else CPython's "Fatal Python
 * error" line, else the last line.
 */
export function explainingLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = (re: RegExp) => [...lines].reverse().find((l) => re.test(l));
  return last(/^[A-Za-z_][\w.]*(Error|Exception|Exit)\b:?/) ?? last(/error while loading shared libraries|Exec format error|cannot execute|Permission denied|No such file or directory|not found/) ?? last(/^Fatal Python error:/) ?? lines[lines.length - 1];
}

function runScript(exe: string, flags: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<ProbeRun> {
  const label = `${exe}${flags.length ? ' ' + flags.join(' ') : ''}`;
  const args = [...flags, '-c', SCRIPT, PROBED_VARIABLES.join(',')];
  const settle = (stdout: string, stderr: string, failure: string | undefined, resolve: (r: ProbeRun) => void, reject: (e: ProbeError) => void) => {
    if (failure !== undefined) {
      const out = (stderr || failure).trim();
      const cause = explainingLine(out) ?? failure;
      return reject(new ProbeError(`${label} failed: ${cause}`, cause, out.split('\n').slice(-3)));
    }
    try {
      resolve(JSON.parse(stdout) as ProbeRun);
    } catch {
      reject(new ProbeError(`${exe} printed no JSON: ${stdout.slice(0, 200)}`));
    }
  };
  // The output goes to two files in a fresh folder rather than to pipes: the first pipe to a child
  // builds Node's stream machinery, which costs a third of the interpreter's own start in CPU.
  let dir: string | undefined;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-probe-'));
  } catch {
    dir = undefined; // no writable temporary folder: pipes, then
  }
  if (!dir) {
    return new Promise((resolve, reject) => {
      execFile(exe, args, { env, cwd, timeout: PROBE_TIMEOUT_MS, maxBuffer: 16 << 20, encoding: 'utf8' }, (err, stdout, stderr) => settle(stdout, stderr, err ? err.message : undefined, resolve, reject));
    });
  }
  const folder = dir;
  return new Promise((resolve, reject) => {
    const files = [path.join(folder, 'stdout'), path.join(folder, 'stderr')];
    const read = (f: string) => {
      try {
        return fs.readFileSync(f, 'utf8');
      } catch {
        return '';
      }
    };
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (failure: string | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const [stdout, stderr] = files.map(read);
      // Two unlinks and an rmdir, not rmSync's recursive walk: loading that costs ~1.5 ms on doctor's path.
      try {
        for (const f of files) fs.unlinkSync(f);
        fs.rmdirSync(folder);
      } catch {
        fs.rmSync(folder, { recursive: true, force: true }); // a file missing, or something else wrote into it
      }
      settle(stdout, stderr, failure, resolve, reject);
    };
    let timedOut = false;
    let child: ReturnType<typeof spawn>;
    try {
      const fds = files.map((f) => fs.openSync(f, 'w'));
      try {
        child = spawn(exe, args, { env, cwd, stdio: ['ignore', fds[0], fds[1]] });
      } finally {
        for (const fd of fds) fs.closeSync(fd); // the child holds its own copies
      }
    } catch (e) {
      return finish((e as Error).message);
    }
    timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, PROBE_TIMEOUT_MS);
    child.on('error', (e) => finish(e.message));
    child.on('exit', (code, signal) => finish(code === 0 ? undefined : timedOut ? `no answer in ${PROBE_TIMEOUT_MS / 1000} s` : signal ? `killed by ${signal}` : `exit status ${code}`));
  });
}

/**
 * PYTHON… variables that -E drops but that change neither the prefix, sys.path nor what site loads
 * (buffering, bytecode, hashing, allocators, diagnostics, the REPL): Docker images set the first two.
 */
const PATH_NEUTRAL_VARIABLES = new Set([
  'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE', 'PYTHONIOENCODING', 'PYTHONFAULTHANDLER', 'PYTHONHASHSEED', 'PYTHONPYCACHEPREFIX',
  'PYTHONOPTIMIZE', 'PYTHONTRACEMALLOC', 'PYTHONMALLOC', 'PYTHONMALLOCSTATS', 'PYTHONBREAKPOINT', 'PYTHON_COLORS', 'PYTHON_BASIC_REPL', 'PYTHON_HISTORY',
]);

/**
 * Whether an isolated start (-I = -E -s -P) could see another sys.path than a normal one: -E drops
 * the PYTHON… variables (any but the path-neutral ones could matter; a venv launcher's
 * __PYVENV_LAUNCHER__ too), -s the user site. `userSiteOff`: the caller knows site turns the user
 * site off (a venv whose pyvenv.cfg says include-system-site-packages = false).
 */
export function isolationMatters(env: NodeJS.ProcessEnv, userSiteOff: boolean): boolean {
  return !userSiteOff || Object.keys(env).some((k) => (k.startsWith('PYTHON') && !PATH_NEUTRAL_VARIABLES.has(k)) || k === '__PYVENV_LAUNCHER__');
}

/**
 * Run the interpreter normally and, when `isolationMatters`, isolated in parallel; the isolated run
 * falls back to `-E -s` (Python 2 has no -I).
 */
export async function probe(exe: string, opts: { env?: NodeJS.ProcessEnv; cwd?: string; userSiteOff?: boolean } = {}): Promise<ProbeResult> {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const t0 = performance.now();
  const isolatedRun = async (): Promise<{ run?: ProbeRun; flags: string[] }> => {
    try {
      return { run: await runScript(exe, ['-I'], env, cwd), flags: ['-I'] };
    } catch {
      try {
        return { run: await runScript(exe, ['-E', '-s'], env, cwd), flags: ['-E', '-s'] };
      } catch {
        return { flags: [] };
      }
    }
  };
  const done = (normal: ProbeRun, isolated: { run?: ProbeRun; flags: string[] }, how?: 'same'): ProbeResult => ({
    normal,
    isolated: isolated.run,
    isolatedRun: how ?? (isolated.run ? 'ran' : 'failed'),
    isolatedFlags: isolated.flags,
    sysPath: classifyPath(normal, isolated.run, env),
    durationMs: performance.now() - t0,
  });
  if (isolationMatters(env, !!opts.userSiteOff)) {
    // Both settle before the probe returns, so that no start outlives it (nor its output folder).
    const [normal, isolated] = await Promise.allSettled([runScript(exe, [], env, cwd), isolatedRun()]);
    if (normal.status === 'rejected') throw normal.reason;
    return done(normal.value, isolated.status === 'fulfilled' ? isolated.value : { flags: [] });
  }
  const normal = await runScript(exe, [], env, cwd);
  // The prediction held when site really left the user site out; otherwise pay for the second start.
  const userSite = normal.user_site ? norm(normal.user_site) : undefined;
  if (normal.enable_user_site !== false || (userSite && normal.path.some((p) => p && norm(path.resolve(normal.cwd, p)) === userSite))) return done(normal, await isolatedRun());
  // -P is all that is left of -I: no script folder ('' for -c) in front.
  const same = { ...normal, path: normal.path.filter((p, i) => !(i === 0 && p === '')) };
  return done(normal, { run: same, flags: [] }, 'same');
}

const norm = (p: string) => path.resolve(p).replace(/\/+$/, '');
const within = (p: string, dir: string) => p.startsWith(dir + '/');

/** Say where each sys.path entry came from, by comparing with the isolated run and the prefixes. */
export function classifyPath(run: ProbeRun, isolated: ProbeRun | undefined, env: NodeJS.ProcessEnv): PathEntry[] {
  const isolatedSet = new Set((isolated?.path ?? []).map((p) => (p ? norm(p) : p)));
  const pythonPath = new Set((run.env.PYTHONPATH ?? env.PYTHONPATH ?? '').split(path.delimiter).filter(Boolean).map((p) => norm(path.resolve(run.cwd, p))));
  const pthPaths = new Set(run.pth.flatMap((p) => p.paths.map(norm)));
  const prefix = norm(run.prefix);
  const base = norm(run.base_prefix);
  const userSite = run.user_site ? norm(run.user_site) : undefined;
  return run.path.map((raw, i) => {
    const p = raw ? norm(path.resolve(run.cwd, raw)) : '';
    let origin: PathOrigin;
    const leaf = path.basename(p);
    if (i === 0 && (raw === '' || p === norm(run.cwd))) origin = 'script-dir';
    else if (pythonPath.has(p) && !isolatedSet.has(p)) origin = 'PYTHONPATH';
    else if (userSite && p === userSite) origin = 'user-site';
    else if (leaf === 'site-packages' || leaf === 'dist-packages') origin = prefix !== base && within(p, base) ? 'base-site-packages' : within(p, prefix) ? 'site-packages' : 'other';
    else if (leaf === 'lib-dynload') origin = 'lib-dynload';
    else if (pthPaths.has(p)) origin = 'pth';
    else if (/\.zip$/.test(p) || /\/lib\/(python|pypy)\d/.test(p) || /\\lib$/i.test(p)) origin = 'stdlib';
    else origin = 'other';
    // A missing entry is harmless but worth seeing (a typo in PYTHONPATH, a zip that was never built).
    const exists = raw === '' || fs.existsSync(p);
    return { entry: raw, origin, fromEnvironment: isolated ? !isolatedSet.has(raw ? p : raw) && origin !== 'script-dir' : false, exists };
  });
}
