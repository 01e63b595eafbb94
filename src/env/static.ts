/**
 * The static pass: what the files of a venv say, without executing anything. pyvenv.cfg (every
 * key venv, virtualenv and uv write), the base interpreter it names, the bin/python link chain,
 * activation scripts and console-script shebangs (a moved venv breaks them), .pth files with
 * import lines, and distributions installed twice across the site-packages folders a start reaches.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from './finding.js';

/** pyvenv.cfg keys written by venv, virtualenv and uv; unknown keys are kept too. */
export const PYVENV_KEYS = [
  'home', 'include-system-site-packages', 'version', 'version_info', 'executable', 'command',
  'implementation', 'virtualenv', 'uv', 'prompt', 'base-prefix', 'base-exec-prefix', 'base-executable', 'relocatable',
] as const;

export function parsePyvenvCfg(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^=#\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1].toLowerCase()] = m[2];
  }
  return out;
}

/**
 * What Python makes of a pyvenv.cfg, as site.venv() reads it: UTF-8, one `key = value` per line
 * (lines without '=' are ignored), `include-system-site-packages` true unless it says otherwise
 * (a missing key counts as true: the base site-packages and the user site are then on sys.path),
 * `home` the base interpreter's folder (without it, the base is found from bin/python's real path).
 */
export function cfgFindings(bytes: Buffer | undefined, cfgPath: string, recreate: string): Finding[] {
  if (!bytes) return [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return [{ code: 'DR021', severity: 'error', message: `${cfgPath} is not UTF-8 text: the site module fails to decode it and the venv's Python does not start`, evidence: [`${cfgPath}: ${bytes.length} bytes, not valid UTF-8`], fix: `recreate the venv: ${recreate}` }];
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const ignored = lines.filter((l) => !l.includes('='));
  const cfg = parsePyvenvCfg(text);
  const missing: string[] = [];
  if (cfg['include-system-site-packages'] === undefined) missing.push('include-system-site-packages is missing, so Python treats it as true: the base interpreter\'s site-packages and the user site are on sys.path');
  if (cfg.home === undefined) missing.push('home is missing, so Python finds its base from the real path of bin/python, which fails once bin/python is a copy or its link breaks');
  if (!missing.length && !ignored.length) return [];
  const evidence = [...ignored.slice(0, 3).map((l) => `${cfgPath}: ignored line (no '='): ${l.length > 60 ? l.slice(0, 60) + '…' : l}`), ...(missing.length ? [`${cfgPath}: ${Object.keys(cfg).length ? `has ${Object.keys(cfg).join(', ')}` : 'has no key = value line'}`] : [])];
  const add = [cfg['include-system-site-packages'] === undefined ? 'include-system-site-packages = false' : '', cfg.home === undefined ? `home = <the base interpreter's bin folder>` : ''].filter(Boolean);
  return [{
    code: 'DR021',
    severity: cfg['include-system-site-packages'] === undefined || cfg.home === undefined ? 'warning' : 'info',
    message: missing.length ? `pyvenv.cfg is incomplete: ${missing.join('; ')}` : `pyvenv.cfg has ${ignored.length} line(s) without '=', which Python ignores`,
    evidence,
    fix: add.length ? `add ${add.join(' and ')} to ${cfgPath}, or recreate the venv: ${recreate}` : `remove the lines Python ignores from ${cfgPath}`,
  }];
}

/** The command that recreates a venv, with the version its pyvenv.cfg records when it can be read. */
function recreateFor(venv: string, cfgBytes: Buffer | undefined): string {
  const v = /^\s*version(?:_info)?\s*=\s*(\d+\.\d+)/m.exec(cfgBytes?.toString('utf8') ?? '')?.[1];
  return `${v ? `python${v}` : 'python3'} -m venv --clear ${venv}`;
}

export interface StaticReport {
  venv: string;
  cfg: Record<string, string>;
  /** major.minor recorded (version, version_info, or the virtualenv/uv `version_info`). */
  recordedVersion?: string;
  home?: string;
  baseInterpreter?: string;
  includeSystemSitePackages: boolean;
  /** The link chain of bin/python, each hop as read. */
  pythonChain: string[];
  pythonDangling: boolean;
  sitePackages: string[];
  baseSitePackages: string[];
  findings: Finding[];
}

export function isVenv(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pyvenv.cfg'));
}

function readBytes(p: string): Buffer | undefined {
  try {
    return fs.readFileSync(p);
  } catch {
    return undefined;
  }
}

function readText(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function listDir(d: string): string[] {
  try {
    return fs.readdirSync(d).sort();
  } catch {
    return [];
  }
}

/** Follow symbolic links one hop at a time; stops at a missing target or after 40 hops. */
export function linkChain(p: string): { chain: string[]; dangling: boolean } {
  const chain = [p];
  let cur = p;
  for (let i = 0; i < 40; i++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      return { chain, dangling: true };
    }
    if (!st.isSymbolicLink()) return { chain, dangling: false };
    cur = path.resolve(path.dirname(cur), fs.readlinkSync(cur));
    chain.push(cur);
  }
  return { chain, dangling: true };
}

/**
 * site-packages folders under a prefix: lib/pythonX.Y/site-packages (and lib64's, pypy's, Debian's
 * dist-packages, Windows' Lib/site-packages). One folder reached twice (lib64 is usually a link to
 * lib) is listed once, under the first name. `check` (console scripts) and `doctor` share this.
 */
export function sitePackagesUnder(prefix: string, majorMinor?: string): string[] {
  const out: string[] = [];
  for (const lib of ['lib', 'lib64', 'Lib']) {
    const libDir = path.join(prefix, lib);
    if (lib === 'Lib' && fs.existsSync(path.join(libDir, 'site-packages'))) out.push(path.join(libDir, 'site-packages'));
    for (const d of listDir(libDir)) {
      if (!/^(python|pypy)\d/.test(d)) continue;
      if (majorMinor && !d.endsWith(majorMinor)) continue;
      for (const leaf of ['site-packages', 'dist-packages']) {
        const sp = path.join(libDir, d, leaf);
        if (fs.existsSync(sp)) out.push(sp);
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((sp) => {
    let real = sp;
    try {
      real = fs.realpathSync(sp);
    } catch {
      /* vanished meanwhile: keep the name */
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** PEP 503 name normalisation, so `Foo_Bar` and `foo-bar` are one distribution. */
export const normalizeName = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

export interface InstalledDist {
  name: string;
  version: string;
  dir: string;
  entry: string;
}

export function distributionsIn(dir: string): InstalledDist[] {
  const out: InstalledDist[] = [];
  for (const entry of listDir(dir)) {
    const m = /^(.+?)-([^-]+?)(?:-py\d[^-]*)?\.(dist-info|egg-info)$/.exec(entry);
    if (m) out.push({ name: normalizeName(m[1]), version: m[2], dir, entry });
  }
  return out;
}

/** Group distributions by name across folders; keep those with more than one version. */
export function duplicateDistributions(dirs: string[]): InstalledDist[][] {
  const byName = new Map<string, InstalledDist[]>();
  for (const d of new Set(dirs)) for (const dist of distributionsIn(d)) byName.set(dist.name, [...(byName.get(dist.name) ?? []), dist]);
  return [...byName.values()].filter((list) => new Set(list.map((d) => d.version)).size > 1);
}

/** `.pth` files whose lines start with `import`: site runs those lines at every interpreter start. */
export function pthImportFiles(dirs: string[]): { file: string; lines: string[] }[] {
  const out: { file: string; lines: string[] }[] = [];
  for (const d of new Set(dirs)) {
    for (const f of listDir(d)) {
      if (!f.endsWith('.pth')) continue;
      const lines = (readText(path.join(d, f)) ?? '').split(/\r?\n/).filter((l) => /^import[ \t]/.test(l));
      if (lines.length) out.push({ file: path.join(d, f), lines });
    }
  }
  return out;
}

/** The interpreter a shebang names; pip's `#!/bin/sh` + `'''exec' "…/python"` trampoline too. */
export function shebangInterpreter(head: string): string | undefined {
  const lines = head.split('\n');
  if (!lines[0].startsWith('#!')) return undefined;
  const first = lines[0].slice(2).trim();
  if (/^\/bin\/sh\b/.test(first)) {
    const m = /^'''exec' "?([^" ]+)"?/.exec(lines[1] ?? '');
    return m ? m[1] : undefined;
  }
  const exe = first.split(/\s+/)[0];
  return /python|pypy/.test(path.basename(exe)) ? exe : undefined;
}

const within = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/** A venv's pyvenv.cfg as Python will read it, and what is wrong with it: the first step of staticPass. */
export interface VenvCfg {
  cfgPath: string;
  cfg: Record<string, string>;
  cfgFindings: Finding[];
  /** As site.venv(): only the literal "true" (any case) includes them, and a missing key counts as true. */
  includeSystemSitePackages: boolean;
}

export function readVenvCfg(venv: string): VenvCfg {
  const cfgPath = path.join(venv, 'pyvenv.cfg');
  const cfgBytes = readBytes(cfgPath);
  const finds = cfgFindings(cfgBytes, cfgPath, recreateFor(venv, cfgBytes));
  // A pyvenv.cfg that is not UTF-8 says nothing Python can use (it does not start at all).
  const cfg = finds.some((f) => f.severity === 'error') ? {} : parsePyvenvCfg(cfgBytes?.toString('utf8') ?? '');
  return { cfgPath, cfg, cfgFindings: finds, includeSystemSitePackages: (cfg['include-system-site-packages'] ?? 'true').toLowerCase() === 'true' };
}

/** Everything about a venv that can be known without starting it; `read`: its readVenvCfg when the caller already has it. */
export function staticPass(venv: string, read: VenvCfg = readVenvCfg(venv)): StaticReport {
  const findings: Finding[] = [];
  const { cfgPath, cfg, cfgFindings: cfgFinds, includeSystemSitePackages } = read;
  const versionRaw = cfg.version ?? cfg.version_info;
  const recordedVersion = versionRaw ? /^(\d+\.\d+)/.exec(versionRaw)?.[1] : undefined;
  const home = cfg.home;
  const pyLabel = recordedVersion ? `python${recordedVersion}` : 'python3';
  const recreate = `${pyLabel} -m venv --clear ${venv}`;
  findings.push(...cfgFinds);

  // The base interpreter: home must exist and hold python<major.minor> (or a lib/python<major.minor>).
  let baseInterpreter: string | undefined;
  if (home) {
    if (!fs.existsSync(home)) {
      findings.push({ code: 'DR001', severity: 'error', message: `the base interpreter folder recorded in pyvenv.cfg does not exist: ${home}`, evidence: [`${cfgPath}: home = ${home}`], fix: `install Python ${recordedVersion ?? ''} again, or recreate the venv: ${recreate}`.replace('  ', ' ') });
    } else {
      const names = recordedVersion ? [`python${recordedVersion}`, `python${recordedVersion.split('.')[0]}`, 'python', 'python.exe'] : ['python3', 'python', 'python.exe'];
      baseInterpreter = names.map((n) => path.join(home, n)).find((p) => fs.existsSync(p));
      if (!baseInterpreter) {
        findings.push({ code: 'DR001', severity: 'error', message: `no ${names[0]} in the base interpreter folder ${home}`, evidence: [`${cfgPath}: home = ${home}`, `${home} holds: ${listDir(home).filter((n) => /^python/.test(n)).join(', ') || 'no python*'}`], fix: `recreate the venv with an installed interpreter: ${recreate}` });
      } else if (recordedVersion && !fs.existsSync(path.join(home, `python${recordedVersion}`)) && !fs.existsSync(path.join(path.dirname(home), 'lib', `python${recordedVersion}`)) && !fs.existsSync(path.join(home, 'python.exe'))) {
        const has = listDir(home).filter((n) => /^python\d\.\d+$/.test(n));
        findings.push({ code: 'DR003', severity: 'error', message: `pyvenv.cfg records Python ${recordedVersion}, but the base interpreter folder has ${has.join(', ') || 'another version'}`, evidence: [`${cfgPath}: version = ${versionRaw}`, `${home}: ${has.join(', ')}`], fix: `recreate the venv with the interpreter that is installed: ${has[0] ?? 'python3'} -m venv --clear ${venv}` });
      }
    }
  }

  // bin/python's link chain (venv symlinks it to the base interpreter by default).
  const binDir = fs.existsSync(path.join(venv, 'Scripts')) && !fs.existsSync(path.join(venv, 'bin')) ? path.join(venv, 'Scripts') : path.join(venv, 'bin');
  const py = ['python', 'python3', 'python.exe'].map((n) => path.join(binDir, n)).find((p) => {
    try {
      fs.lstatSync(p);
      return true;
    } catch {
      return false;
    }
  });
  const { chain, dangling } = py ? linkChain(py) : { chain: [], dangling: true };
  if (dangling) {
    findings.push({ code: 'DR002', severity: 'error', message: py ? `${py} is a dangling symbolic link: its target ${chain[chain.length - 1]} does not exist` : `${binDir} has no python`, evidence: chain.length > 1 ? [chain.join(' -> ')] : [`ls ${binDir}: ${listDir(binDir).join(' ') || '(empty)'}`], fix: `recreate the venv (packages: pip freeze from a working copy first): ${recreate}` });
  }

  // Activation scripts and console scripts: a venv that was moved or copied still names the old folder.
  const relocatable = (cfg.relocatable ?? '').toLowerCase() === 'true';
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const venvAbs = path.resolve(venv);
  const venvReal = real(venv);
  const isHere = (p: string) => within(path.resolve(p), venvAbs) || within(real(path.dirname(p)), venvReal);
  const activate = readText(path.join(binDir, 'activate'));
  if (activate && !relocatable) {
    const m = /^\s*(?:export\s+)?VIRTUAL_ENV=(["']?)([^"'\n$]+)\1\s*$/m.exec(activate);
    if (m && !isHere(path.join(m[2], 'bin', 'python'))) {
      findings.push({ code: 'DR004', severity: 'warning', message: `bin/activate sets VIRTUAL_ENV to ${m[2]}, not to this venv (it was moved or copied): activating it puts another folder's bin on PATH`, evidence: [`${path.join(binDir, 'activate')}: VIRTUAL_ENV=${m[2]}`], fix: `recreate the venv in place: ${recreate}` });
    }
  }
  const badScripts: string[] = [];
  let missingTarget = false;
  for (const f of listDir(binDir)) {
    if (/^(python|activate)/.test(f)) continue;
    const target = shebangInterpreter(readText(path.join(binDir, f))?.slice(0, 1024) ?? '');
    if (!target || isHere(target)) continue;
    if (target.startsWith('/usr/bin/env')) continue;
    badScripts.push(`${f}: #!${target}${fs.existsSync(target) ? '' : ' (missing)'}`);
    if (!fs.existsSync(target)) missingTarget = true;
  }
  // site-packages the interpreter will reach, and what is installed there.
  const sitePackages = sitePackagesUnder(venv, recordedVersion);
  if (badScripts.length) {
    const owners = scriptOwners(sitePackages);
    const dists = [...new Set(badScripts.map((b) => owners.get(b.slice(0, b.indexOf(':')))).filter((d): d is string => !!d))].sort();
    findings.push({ code: 'DR005', severity: missingTarget ? 'error' : 'warning', message: `${badScripts.length} console script(s) in ${binDir} run an interpreter outside this venv${missingTarget ? ' that does not exist' : ''} (the venv was moved or copied)`, evidence: badScripts.slice(0, 8), fix: `reinstall the scripts: ${path.join(binDir, 'python')} -m pip install --force-reinstall --no-deps ${dists.join(' ') || '<distributions>'}, or recreate: ${recreate}` });
  }
  const basePrefix = cfg['base-prefix'] ?? (home ? path.dirname(home) : undefined);
  const baseSitePackages = includeSystemSitePackages && basePrefix ? sitePackagesUnder(basePrefix, recordedVersion) : [];
  return { venv, cfg, recordedVersion, home, baseInterpreter, includeSystemSitePackages, pythonChain: chain, pythonDangling: dangling, sitePackages, baseSitePackages, findings };
}

/** Console-script name → distribution, from each dist-info's entry_points.txt. */
export function scriptOwners(dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of dirs) {
    for (const dist of distributionsIn(d)) {
      const text = readText(path.join(d, dist.entry, 'entry_points.txt'));
      if (!text) continue;
      let inScripts = false;
      for (const line of text.split(/\r?\n/)) {
        const section = /^\s*\[(.+)\]\s*$/.exec(line);
        if (section) inScripts = section[1] === 'console_scripts' || section[1] === 'gui_scripts';
        else if (inScripts) {
          const m = /^\s*([^=\s]+)\s*=/.exec(line);
          if (m) out.set(m[1], dist.entry.replace(/-[^-]+\.(dist|egg)-info$/, ''));
        }
      }
    }
  }
  return out;
}

/** Findings about what is installed: .pth import lines and duplicate distributions, over the given folders. */
export function installedFindings(sitePackages: string[], reachable: string[], python: string): Finding[] {
  const findings: Finding[] = [];
  const known = /^(distutils-precedence|_virtualenv|__editable__|_[\w-]+_accessor)/;
  for (const p of pthImportFiles(sitePackages)) {
    const name = path.basename(p.file);
    findings.push({ code: 'DR006', severity: 'info', message: `${name} runs code at every interpreter start${known.test(name) ? ' (written by a packaging tool)' : ''}`, evidence: [`${p.file}: ${p.lines[0].slice(0, 160)}${p.lines.length > 1 ? ` (+${p.lines.length - 1} more)` : ''}`], fix: `see which distribution owns it (grep -l ${name} ${path.dirname(p.file)}/*.dist-info/RECORD); uninstall it or delete the file if unexpected` });
  }
  for (const dup of duplicateDistributions(reachable)) {
    findings.push({ code: 'DR007', severity: 'warning', message: `${dup[0].name} is installed ${dup.length} times with different versions (${[...new Set(dup.map((d) => d.version))].join(', ')}); the first on sys.path wins and the metadata may disagree with the code`, evidence: dup.map((d) => path.join(d.dir, d.entry)), fix: `${python} -m pip uninstall -y ${dup[0].name} (repeat until none is left), then ${python} -m pip install ${dup[0].name}` });
  }
  return findings;
}
