/**
 * `inspectEnvironment`: pick the target (an interpreter or a venv), read its files (static pass),
 * start it twice (probe, unless `static`), judge the environment variables, and resolve what a
 * child started by name would run. Returns one report: the interpreter facts and the findings.
 * `run` and `lab` reuse it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { environmentFindings, watchedVariables } from './environment.js';
import type { Finding } from './finding.js';
import { probe, ProbeError, type PathEntry, type ProbeResult } from './probe.js';
import { cachedFs, realFs, resolveProgram, type FsLookup, type ShimResolution } from './resolve.js';
import { CRON_PATH, SYSTEMD_PATH } from '../kernel/platform.js';
import { distributionsIn, installedFindings, isVenv, readVenvCfg, sitePackagesUnder, staticPass, type StaticReport } from './static.js';

export interface DoctorOptions {
  /** An interpreter or a venv folder (`--python`). */
  python?: string;
  /** Execute nothing: skip the probe (`--static`). */
  static?: boolean;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

export interface TargetChoice {
  how: 'option' | 'VIRTUAL_ENV' | 'folder' | 'PATH' | 'none';
  why: string;
  venv?: string;
  python?: string;
}

export type PathKind = 'current' | 'systemd' | 'cron';

export interface ChildRun {
  name: string;
  pathKind: PathKind;
  found?: string;
  real?: string;
  shim?: ShimResolution;
  /** The program found is this environment's own. */
  inside: boolean;
}

export interface InterpreterReport {
  target: TargetChoice;
  venv?: string;
  /** The interpreter file that was (or would be) started. */
  python?: string;
  pyvenvCfg?: Record<string, string>;
  recordedVersion?: string;
  version?: string;
  implementation?: string;
  sysExecutable?: string;
  baseExecutable?: string | null;
  prefix?: string;
  basePrefix?: string;
  execPrefix?: string;
  flags?: Record<string, number>;
  sysPath?: PathEntry[];
  sitePackages: string[];
  userSite?: { path: string | null; enabled: boolean | null; exists: boolean; onPath: boolean; distributions: string[] };
  customize?: Record<string, string | null | undefined>;
  /** 'ran' (normally, and isolated when that could differ), 'skipped' (--static or nothing to start) or 'failed'. */
  probe: 'ran' | 'skipped' | 'failed';
  /** The isolated start: 'ran' with `isolatedFlags`, 'same' (not needed: see probe.ts) or 'failed'. */
  isolatedRun?: 'ran' | 'same' | 'failed';
  isolatedFlags?: string[];
  environment: Record<string, string>;
  children: ChildRun[];
  durationMs: number;
  probeMs?: number;
}

export interface EnvironmentReport {
  interpreter: InterpreterReport;
  findings: Finding[];
}

function lexists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function venvPython(venv: string): string {
  for (const n of ['bin/python', 'bin/python3', 'Scripts/python.exe']) if (lexists(path.join(venv, n))) return path.join(venv, n);
  return path.join(venv, 'bin', 'python');
}

/** Why a file cannot be an interpreter (not executable, or neither a binary nor a script), if it cannot. */
function notAProgram(p: string): string | undefined {
  try {
    fs.accessSync(p, fs.constants.X_OK);
  } catch {
    return 'it is not executable';
  }
  const head = Buffer.alloc(4);
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, 'r');
    fs.readSync(fd, head, 0, 4, 0);
  } catch {
    return 'it cannot be read';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const magic = head.toString('latin1');
  // ELF, a #! script, Mach-O (both byte orders, fat) or a Windows PE.
  if (magic === '\x7fELF' || magic.startsWith('#!') || magic.startsWith('MZ') || ['feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'].includes(head.toString('hex'))) return undefined;
  return 'it is an executable file that is neither a program binary nor a #! script';
}

/** --python, else $VIRTUAL_ENV, else .venv/venv in cwd or a parent, else python3 on PATH. */
export function selectTarget(opts: { python?: string; cwd: string; env: Record<string, string | undefined> }): TargetChoice {
  const { cwd, env } = opts;
  if (opts.python) {
    const p = path.resolve(cwd, opts.python);
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      if (isVenv(p)) return { how: 'option', why: '--python names a venv folder', venv: p, python: venvPython(p) };
      return { how: 'option', why: `--python names a folder without pyvenv.cfg: ${p}` };
    }
    if (!lexists(p)) return { how: 'option', why: `--python names nothing: ${p} does not exist` };
    const notProgram = notAProgram(p);
    if (notProgram) return { how: 'option', why: `--python names ${p}, which is neither an interpreter nor a venv: ${notProgram}` };
    const owner = path.dirname(path.dirname(p));
    return { how: 'option', why: '--python names an interpreter', python: p, venv: isVenv(owner) ? owner : undefined };
  }
  let note = '';
  if (env.VIRTUAL_ENV) {
    if (isVenv(env.VIRTUAL_ENV)) return { how: 'VIRTUAL_ENV', why: 'VIRTUAL_ENV is set (an activated venv)', venv: path.resolve(env.VIRTUAL_ENV), python: venvPython(path.resolve(env.VIRTUAL_ENV)) };
    note = ` (VIRTUAL_ENV=${env.VIRTUAL_ENV} is not a venv)`;
  }
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    for (const n of ['.venv', 'venv']) {
      const v = path.join(dir, n);
      if (isVenv(v)) return { how: 'folder', why: `found ${n} in ${dir === cwd ? 'the current folder' : dir}${note}`, venv: v, python: venvPython(v) };
    }
    if (path.dirname(dir) === dir) break;
  }
  const r = resolveProgram('python3', env.PATH ?? '', { platform: 'posix', env, cwd, lookup: realFs });
  if (r.found) {
    const python = r.shim?.target ?? r.found;
    const owner = path.dirname(path.dirname(r.found));
    return { how: 'PATH', why: `no venv given, active or found here${note}: python3 on PATH${r.shim ? ` (a pyenv shim picking ${r.shim.version} from ${r.shim.source})` : ''}`, python, venv: isVenv(owner) ? owner : undefined };
  }
  return { how: 'none', why: `no venv given, active or found here, and no python3 on PATH${note}` };
}

/** Variables that decide where an interpreter finds its prefix, in the order they win. */
const START_VARIABLES: Record<string, string> = {
  PYTHONHOME: 'it replaces the prefix the standard library is found under',
  PYTHONEXECUTABLE: 'Python looks for pyvenv.cfg beside the path it names, not beside bin/python',
  __PYVENV_LAUNCHER__: 'a venv launcher left it behind: the interpreter believes it was started from that venv',
};
const startVariable = (env: Record<string, string | undefined>) => Object.keys(START_VARIABLES).find((k) => env[k] !== undefined && env[k] !== '');

const realOr = (p: string) => realFs.realpath(p) ?? path.resolve(p);
const within = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');

/** The programs whose resolution matters: interpreters, pip, and the venv's own console scripts. */
function childNames(majorMinor: string | undefined, venv: string | undefined): string[] {
  const major = majorMinor?.split('.')[0] ?? '3';
  const names = ['python', `python${major}`, ...(majorMinor ? [`python${majorMinor}`] : []), 'pip', `pip${major}`, ...(majorMinor ? [`pip${majorMinor}`] : [])];
  if (venv) {
    let scripts: string[] = [];
    try {
      scripts = fs.readdirSync(path.join(venv, 'bin')).filter((n) => !/^(python|pip|activate|Activate|deactivate)|\.(ps1|bat|fish|csh|nu|xsh)$/.test(n)).sort();
    } catch {
      /* no bin folder: nothing more to resolve */
    }
    names.push(...scripts.slice(0, 20));
  }
  return names;
}

function resolveChildren(names: string[], ctx: { env: Record<string, string | undefined>; cwd: string; venv?: string; python?: string; prefix?: string; lookup: FsLookup }): ChildRun[] {
  const home = ctx.venv ? realOr(ctx.venv) : ctx.prefix ? realOr(ctx.prefix) : ctx.python ? realOr(path.dirname(path.dirname(ctx.python))) : undefined;
  const venvBin = ctx.venv ? path.resolve(ctx.venv, 'bin') : undefined;
  const out: ChildRun[] = [];
  const paths: [PathKind, string][] = [['current', ctx.env.PATH ?? ''], ['systemd', SYSTEMD_PATH], ['cron', CRON_PATH]];
  for (const [kind, searchPath] of paths) {
    for (const name of names) {
      const r = resolveProgram(name, searchPath, { platform: 'posix', env: ctx.env, cwd: ctx.cwd, lookup: ctx.lookup });
      const inside = !!r.found && ((!!venvBin && !r.shim && path.dirname(path.resolve(r.found)) === venvBin) || (!!home && !!r.real && within(r.real, home)));
      out.push({ name, pathKind: kind, found: r.found, real: r.real, shim: r.shim, inside });
    }
  }
  return out;
}

export async function inspectEnvironment(options: DoctorOptions = {}): Promise<EnvironmentReport> {
  const t0 = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const findings: Finding[] = [];
  
  const target = selectTarget({ python: options.python, cwd, env });
  const report: InterpreterReport = { target, venv: target.venv, python: target.python, sitePackages: [], probe: 'skipped', environment: watchedVariables(env), children: [], durationMs: 0 };
  if (!target.python) {
    findings.push({ code: 'DR018', severity: 'error', message: `no interpreter to inspect: ${target.why}`, evidence: [], fix: 'venvguard doctor --python path/to/venv (or path/to/python)' });
    report.durationMs = performance.now() - t0;
    return { interpreter: report, findings };
  }
  const python = target.python;
  const venv = target.venv;

  // The probe starts first, before the rest of the static pass, so that the interpreter runs while
  // Node works on: it needs only the python to start and what pyvenv.cfg says of the user site.
  // Skipped with --static, and when the interpreter cannot start anyway (missing, or a dangling link).
  const cfgRead = venv ? readVenvCfg(venv) : undefined;
  let started: Promise<ProbeResult> | undefined;
  if (!options.static && fs.existsSync(python)) {
    const probeStart = performance.now();
    started = probe(python, { env: env as NodeJS.ProcessEnv, cwd, userSiteOff: !!cfgRead && !cfgRead.includeSystemSitePackages }).then(
      (result) => ((report.probeMs = performance.now() - probeStart), result),
      (error) => Promise.reject(((report.probeMs = performance.now() - probeStart), error)),
    );
    started.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
  }

  let st: StaticReport | undefined;
  if (venv) {
    st = staticPass(venv, cfgRead);
    findings.push(...st.findings);
    report.pyvenvCfg = st.cfg;
    report.recordedVersion = st.recordedVersion;
    report.sitePackages = st.sitePackages;
  }
  const pyLabel = st?.recordedVersion ? `python${st.recordedVersion}` : 'python3';

  let pr: ProbeResult | undefined;
  const lookup = cachedFs();
  let early: { majorMinor: string; children: ChildRun[] } | undefined;
  if (started) {
    // Meanwhile, what a child would run, named after the version pyvenv.cfg records (redone below if the interpreter says otherwise).
    if (venv && st?.recordedVersion) early = { majorMinor: st.recordedVersion, children: resolveChildren(childNames(st.recordedVersion, venv), { env, cwd, venv, python, lookup }) };
    try {
      pr = await started;
      report.probe = 'ran';
    } catch (e) {
      report.probe = 'failed';
      const reason = e instanceof ProbeError ? e.reason : String(e);
      const variable = startVariable(env);
      const broken = st?.findings.find((f) => f.code === 'DR021' && f.severity === 'error');
      const fix = variable
        ? `unset ${variable} (${START_VARIABLES[variable]}), then start ${python} again`
        : broken
          ? broken.fix
          : venv
            ? `recreate the venv: ${pyLabel} -m venv --clear ${venv}`
            : `reinstall the Python that ${python} belongs to`;
      findings.push({ code: 'DR019', severity: 'error', message: `${python} failed to start${variable ? ` with ${variable}=${env[variable]}` : ''}`, evidence: [reason, ...(variable ? [`${variable}=${env[variable]}`] : [])], fix });
    }
  }

  const prefixForChildren = pr?.normal.prefix;
  if (pr) {
    const n = pr.normal;
    report.version = n.version.join('.');
    report.implementation = n.implementation;
    report.sysExecutable = n.executable;
    report.baseExecutable = n.base_executable;
    report.prefix = n.prefix;
    report.basePrefix = n.base_prefix;
    report.execPrefix = n.exec_prefix;
    report.flags = n.flags;
    report.sysPath = pr.sysPath;
    report.isolatedRun = pr.isolatedRun;
    report.isolatedFlags = pr.isolatedFlags;
    report.customize = n.customize;
    const siteOrigins = new Set(['site-packages', 'base-site-packages', 'user-site']);
    report.sitePackages = pr.sysPath.filter((e) => siteOrigins.has(e.origin) && e.exists).map((e) => e.entry);
    const userOnPath = pr.sysPath.some((e) => e.origin === 'user-site');
    report.userSite = { path: n.user_site, enabled: n.enable_user_site, exists: n.user_site_exists, onPath: userOnPath, distributions: n.user_site_dists };
    const majorMinor = `${n.version[0]}.${n.version[1]}`;

    if (venv && realOr(n.prefix) !== realOr(venv)) {
      findings.push({ code: 'DR020', severity: 'error', message: `the interpreter runs with sys.prefix ${n.prefix}, not the venv ${venv}: it loads another installation's packages`, evidence: [`sys.prefix = ${n.prefix}`, `sys.executable = ${n.executable}`], fix: startVariable(env) ? `unset ${startVariable(env)} (${START_VARIABLES[startVariable(env)!]})` : `recreate the venv: ${pyLabel} -m venv --clear ${venv}` });
    }
    if (st?.recordedVersion && st.recordedVersion !== majorMinor) {
      findings.push({ code: 'DR003', severity: 'error', message: `pyvenv.cfg records Python ${st.recordedVersion}, but ${python} is Python ${report.version}: the venv's packages were installed for another version`, evidence: [`${path.join(venv!, 'pyvenv.cfg')}: version = ${st.cfg.version ?? st.cfg.version_info}`, `sys.version_info = ${report.version}`], fix: `recreate the venv: python${st.recordedVersion} -m venv --clear ${venv} (or python${majorMinor} if that is the one you want), then reinstall the requirements` });
    }
    if (userOnPath) {
      const leaking = n.user_site_dists.length > 0;
      findings.push({ code: 'DR009', severity: leaking ? 'error' : 'info', message: leaking ? `the user site is on sys.path and holds ${n.user_site_dists.length} distribution(s), importable from this environment and shadowing nothing only by luck` : 'the user site is on sys.path (empty or missing, so nothing leaks in yet)', evidence: [`${n.user_site}${n.user_site_exists ? '' : ' (does not exist)'}`, ...n.user_site_dists.slice(0, 8)], fix: venv ? `set include-system-site-packages = false in ${path.join(venv, 'pyvenv.cfg')}, or export PYTHONNOUSERSITE=1` : 'export PYTHONNOUSERSITE=1, or use a venv' });
    }
    if (venv && st?.includeSystemSitePackages) {
      const base = pr.sysPath.filter((e) => e.origin === 'base-site-packages' && e.exists).map((e) => path.resolve(e.entry));
      const own = new Set(st.sitePackages.flatMap((d) => distributionsIn(d).map((x) => x.name)));
      const visible = base.flatMap((d) => distributionsIn(d)).filter((x) => !own.has(x.name));
      findings.push({ code: 'DR008', severity: visible.length ? 'warning' : 'info', message: visible.length ? `include-system-site-packages = true: ${visible.length} distribution(s) of the base interpreter are importable from the venv (${visible.slice(0, 5).map((x) => `${x.name} ${x.version}`).join(', ')}${visible.length > 5 ? ', …' : ''}); a missing requirement is silently taken from there` : 'include-system-site-packages = true: the base site-packages are on sys.path (empty now)', evidence: base, fix: `set include-system-site-packages = false in ${path.join(venv, 'pyvenv.cfg')} and install what the venv needs: ${path.join(venv, 'bin', 'python')} -m pip install …` });
    }
    for (const [mod, file] of Object.entries(n.customize)) findings.push(customizeFinding(mod, file ?? undefined, venv, 'is'));
    const sites = pr.sysPath.filter((e) => siteOrigins.has(e.origin) && e.exists).map((e) => path.resolve(n.cwd, e.entry));
    const reachable = pr.sysPath.filter((e) => e.entry && e.exists && e.origin !== 'stdlib' && e.origin !== 'lib-dynload').map((e) => path.resolve(n.cwd, e.entry));
    findings.push(...installedFindings(sites, reachable, venv ? path.join(venv, 'bin', 'python') : python));
  } else if (st) {
    // Static only: the folders site would add, as pyvenv.cfg and the environment predict them.
    const user = st.includeSystemSitePackages && st.recordedVersion && !env.PYTHONNOUSERSITE ? sitePackagesUnder(env.PYTHONUSERBASE || path.join(os.homedir(), '.local'), st.recordedVersion) : [];
    const dirs = [...st.sitePackages, ...st.baseSitePackages, ...user];
    report.sitePackages = dirs;
    const extra = (env.PYTHONPATH ?? '').split(':').filter(Boolean);
    findings.push(...installedFindings(dirs, [...extra, ...dirs], path.join(venv!, 'bin', 'python')));
    // sitecustomize and usercustomize: the first one on the sys.path a start would build.
    const basePrefix = st.cfg['base-prefix'] ?? (st.home ? path.dirname(st.home) : undefined);
    const stdlib = basePrefix && st.recordedVersion ? [path.join(basePrefix, 'lib', `python${st.recordedVersion}`)] : [];
    const order = [...extra, ...stdlib, ...st.sitePackages, ...st.baseSitePackages];
    const site = firstModule('sitecustomize', order);
    if (site) findings.push(customizeFinding('sitecustomize', site, venv, 'would be'));
    const userModule = user.length ? firstModule('usercustomize', [...order, ...user]) : undefined;
    if (userModule) findings.push(customizeFinding('usercustomize', userModule, venv, 'would be'));
  }

  findings.push(...environmentFindings(env, { venv, python: venv ? path.join(venv, 'bin', 'python') : python }));

  // What a child started by name would run, on this PATH, systemd's and cron's.
  const majorMinor = report.version ? report.version.split('.').slice(0, 2).join('.') : st?.recordedVersion;
  report.children = early && early.majorMinor === majorMinor ? early.children : resolveChildren(childNames(majorMinor, venv), { env, cwd, venv, python, prefix: prefixForChildren, lookup });
  findings.push(...childFindings(report.children, { venv, python, majorMinor }));

  report.durationMs = performance.now() - t0;
  return { interpreter: report, findings: sortFindings(findings) };
}

/** The file `import name` would load from these folders, first match wins (a module, a package or an extension). */
function firstModule(name: string, dirs: string[]): string | undefined {
  for (const d of dirs) {
    for (const f of [`${name}.py`, path.join(name, '__init__.py')]) if (fs.existsSync(path.join(d, f))) return path.join(d, f);
    try {
      const ext = fs.readdirSync(d).find((f) => f.startsWith(`${name}.`) && /\.(so|pyd)$/.test(f));
      if (ext) return path.join(d, ext);
    } catch {
      /* a folder that does not exist adds nothing */
    }
  }
  return undefined;
}

/** Debian's and Ubuntu's stock sitecustomize only installs the apport crash reporter when it is there. */
function distributionHook(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text.length < 2000 && /\bimport apport_python_hook\b/.test(text)) return "the distribution's apport crash-report hook";
  } catch {
    /* unreadable: judged like any other */
  }
  return undefined;
}

function customizeFinding(mod: string, file: string | undefined, venv: string | undefined, tense: 'is' | 'would be'): Finding {
  const mine = !!file && !!venv && within(realOr(file), realOr(venv));
  const hook = file && !mine ? distributionHook(file) : undefined;
  if (hook) return { code: 'DR017', severity: 'info', message: `${mod} ${tense} imported at start-up from ${file}: ${hook}, a distribution default that changes no import`, evidence: [file!], fix: 'nothing to do' };
  return { code: 'DR017', severity: mine ? 'info' : 'warning', message: `${mod} ${tense} imported at start-up from ${file ?? '(unknown)'}${mine ? '' : ', outside the venv'}: its code runs before the program`, evidence: [String(file)], fix: `read ${file}; remove it if it is not meant for this environment` };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
function sortFindings(f: Finding[]): Finding[] {
  return f.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
}

/** The pyenv version an interpreter path belongs to (`…/versions/<v>/bin/python`), if any. */
function pyenvVersionOf(python: string): string | undefined {
  return /\/versions\/([^/]+)\/bin\/[^/]+$/.exec(python)?.[1];
}

function describeChild(c: ChildRun): string {
  if (!c.found) return `${c.name}: not found`;
  if (c.shim) return `${c.name}: ${c.found} → ${c.shim.target ?? `pyenv ${c.shim.version}: command not found`}`;
  return `${c.name}: ${c.found}${c.real && c.real !== c.found ? ` → ${c.real}` : ''}`;
}

function childFindings(children: ChildRun[], t: { venv?: string; python: string; majorMinor?: string }): Finding[] {
  const out: Finding[] = [];
  // Interpreters, pip, and (for a venv) its own console scripts: all of them are what children start by name.
  const core = new Set(children.filter((c) => t.venv || /^(python|pip)/.test(c.name)).map((c) => c.name));
  const label = { current: 'the current PATH', systemd: "systemd's default PATH", cron: "cron's PATH (/usr/bin:/bin)" } as const;
  const fixFor = t.venv
    ? `in code, start sys.executable (venvguard check --fix finds these launches); in a service or crontab, call ${path.join(t.venv, 'bin', 'python')} explicitly or set PATH=${path.join(t.venv, 'bin')}:$PATH`
    : 'in code, start sys.executable instead of a name (venvguard check --fix)';
  let previous: Finding | undefined;
  for (const kind of ['current', 'systemd', 'cron'] as const) {
    // On the current PATH, shims get their own finding (DR016), which names the version they pick.
    const escaping = children.filter((c) => c.pathKind === kind && core.has(c.name) && !c.inside && !(kind === 'current' && c.shim));
    if (!escaping.length) continue;
    const evidence = escaping.slice(0, 12).map(describeChild);
    // systemd's PATH usually resolves like cron's: say it once for both.
    if (kind === 'cron' && previous && previous.evidence.join('\n') === evidence.join('\n')) {
      previous.message = previous.message.replace(label.systemd, `${label.systemd} and ${label.cron}`);
      continue;
    }
    const names = escaping.map((c) => c.name);
    const shown = names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
    const f: Finding = { code: 'DR015', severity: kind === 'current' ? 'warning' : 'info', message: `on ${label[kind]}, a child that starts ${shown} by name runs another interpreter or nothing`, evidence, fix: fixFor };
    out.push(f);
    previous = kind === 'systemd' ? f : undefined;
  }
  const shims = children.filter((c) => c.pathKind === 'current' && c.shim && core.has(c.name) && !c.inside);
  if (shims.length) {
    const s = shims[0].shim!;
    out.push({ code: 'DR016', severity: 'warning', message: `pyenv shims on PATH pick ${s.version} (from ${s.source}), not this environment`, evidence: shims.map(describeChild), fix: t.venv ? `activate the venv (source ${path.join(t.venv, 'bin', 'activate')}) or call ${path.join(t.venv, 'bin', 'python')} directly` : pyenvVersionOf(t.python) ? `pyenv shell ${pyenvVersionOf(t.python)} (or pyenv local ${pyenvVersionOf(t.python)} for this folder)` : `call ${t.python} directly` });
  }
  return out;
}
