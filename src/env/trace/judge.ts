/**
 * `venvguard run`'s judge: the tracer's records → escapes. A spawn is judged as `check` judges a
 * launch site (the sites come from the caller's `sitesOf`, the one shell model and wrapper
 * unwrapping, see pipeline/trace-sites.ts; the verdict from src/judge/), then its program name is
 * resolved on the PATH the child really got (`resolve.ts`, pyenv shims included) and compared
 * with the expected venv. A Python process that reported itself from outside the expected venv
 * is an escape too, unless a spawn already explained it or a self-managing tool (tox, uv run,
 * pipx run …) started it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LaunchSite } from '../../kernel/launch-site.js';
import type { Verdict } from '../../kernel/verdict.js';
import { judgeLaunch, runModule, type ToolKnowledge } from '../../judge/judge.js';
import { textWord, wordText } from '../../kernel/word.js';
import { isInterpreterName, SELF_MANAGED_TOOLS } from '../../judge/python-tools.js';
import { realFs, resolveProgram, type Resolution } from '../resolve.js';
import { shebangInterpreter } from '../static.js';
import { CRON_PATH, SYSTEMD_PATH } from '../../kernel/platform.js';
import type { ProcessRecord, SpawnRecord, StackFrame, TraceRecord } from './records.js';

export type EscapeCode = 'VG101' | 'VG102' | 'VG103';

export interface Escape {
  /** VG101 an interpreter, VG102 pip, VG103 a console script: the codes `check` uses. */
  code: EscapeCode;
  /** 'spawn': a Python frame started it; 'process': a Python process reported itself outside the venv. */
  kind: 'spawn' | 'process';
  /** The program as started (`python`, `pip3`, `/usr/bin/python3`). */
  name: string;
  /** The command line as started: the shell string, or the argv joined. */
  command: string;
  /** The process that started it (spawn), or the escaping process itself (process). */
  pid: number;
  event?: SpawnRecord['event'];
  /** The file the name resolved to; null when it resolved to nothing (`python: not found`). */
  resolved: string | null;
  /** The resolved file after symlinks and pyenv shims. */
  real: string | null;
  /** The PATH entry that won (the folder the program was found in). */
  pathEntry: string | null;
  /** The PATH searched (the child's). */
  path: string | null;
  /** A pyenv shim in the way: which version it picks and why. */
  shim?: { version: string; source: string };
  /** The Python frame that asked (innermost user frame), when one did. */
  callSite: StackFrame | null;
  stack: StackFrame[];
  /** The parent process and its command line, when no Python frame asked (kind 'process'). */
  parent: { pid: number; argv: string[] } | null;
  /** Python processes this escape started that reported themselves (their interpreter, venv). */
  children: { pid: number; executable: string; venv: string | null; version: string }[];
  message: string;
}

export interface ProcessNode {
  record: ProcessRecord;
  inVenv: boolean;
  children: ProcessNode[];
  /** Set when its parent is no traced Python process: the command line of what started it. */
  startedBy?: string[];
}

export interface TraceJudgement {
  expected: string;
  escapes: Escape[];
  roots: ProcessNode[];
  processes: number;
  spawns: number;
  /** Processes that ran without audit hooks (2.7, 3.6, 3.7): their own spawns were not seen. */
  identityOnly: { pid: number; version: string; executable: string }[];
}

export interface JudgeTraceOptions {
  /** The expected venv (absolute). */
  venv: string;
  /** A spawn → the launch sites it starts (wrappers peeled, shell strings parsed). */
  sitesOf(spawn: SpawnRecord): LaunchSite[];
  knowledge: ToolKnowledge;
  /** The run's environment (pyenv's variables) and folder, for resolution when a spawn names none. */
  env: Record<string, string | undefined>;
  cwd: string;
  /** The process that launched CMD (venvguard itself): not named as what started CMD. */
  launcherPid?: number;
}

const realOr = (p: string) => realFs.realpath(p) ?? path.resolve(p);
const within = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');

/** The venv's own console scripts (files in bin/ whose shebang runs its Python): knowledge for the judge. */
export function venvScripts(venv: string): Map<string, { source: string }> {
  const out = new Map<string, { source: string }>();
  const bin = path.join(venv, 'bin');
  let names: string[] = [];
  try {
    names = fs.readdirSync(bin);
  } catch {
    return out;
  }
  for (const n of names) {
    if (/^(python|pip|activate|deactivate)|\.(ps1|bat|fish|csh|nu|xsh)$/.test(n)) continue;
    const head = realFs.readText(path.join(bin, n), 512);
    if (head !== undefined && shebangInterpreter(head)) out.set(n, { source: `venv ${venv}` });
  }
  return out;
}

/** A process is in the venv when its prefix (or the venv it reports) is the venv's folder. */
export function inVenv(p: Pick<ProcessRecord, 'venv' | 'prefix'>, venv: string): boolean {
  const home = realOr(venv);
  return (p.venv !== null && realOr(p.venv) === home) || realOr(p.prefix) === home;
}

function resolvedInside(r: Resolution, venv: string): boolean {
  if (!r.found) return false;
  const bin = path.join(path.resolve(venv), 'bin');
  if (!r.shim && (path.dirname(path.resolve(r.found)) === bin || path.dirname(r.found) === path.join(realOr(venv), 'bin'))) return true;
  return !!r.real && within(r.real, realOr(venv));
}

const codeOf = (tool: Verdict['tool']): EscapeCode => (tool === 'pip' ? 'VG102' : tool === 'console-script' ? 'VG103' : 'VG101');

function commandText(s: SpawnRecord): string {
  if (typeof s.args === 'string') return s.args;
  return s.args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The PATH a program is looked up on after what the command line itself did to it. */
function searchPathFor(site: LaunchSite, spawnPath: string | null, env: Record<string, string | undefined>): string {
  const p = site.env.path;
  if (p.kind === 'reset') return p.by === 'env -i' ? '/bin:/usr/bin' : SYSTEMD_PATH; // os.defpath; sudo's secure_path
  if (p.kind === 'missing') return '/bin:/usr/bin';
  return spawnPath ?? env.PATH ?? '';
}

export function judgeTrace(records: readonly TraceRecord[], o: JudgeTraceOptions): TraceJudgement {
  const processes = records.filter((r): r is ProcessRecord => r.type === 'process');
  const spawns = records.filter((r): r is SpawnRecord => r.type === 'spawn');
  const byPid = new Map<number, ProcessRecord>();
  // A pid reused after exit keeps its first record; exec replaces the image under the same pid: the last one is current.
  for (const p of processes) byPid.set(p.pid, p);
  const knowledge: ToolKnowledge = { consoleScripts: new Map([...o.knowledge.consoleScripts, ...venvScripts(o.venv)]) };
  const escapes: Escape[] = [];
  const explained = new Set<ProcessRecord>();
  const startedBy = new Map<SpawnRecord, ProcessRecord[]>();
  for (const p of processes) {
    const s = spawnOf(p, spawns, byPid);
    if (s) startedBy.set(s, [...(startedBy.get(s) ?? []), p]);
  }

  for (const s of spawns) {
    if (s.event === 'os.fork') continue; // the same program goes on: nothing is looked up
    const frame = s.callSite !== null ? (s.stack[s.callSite] ?? null) : (s.stack[s.stack.length - 1] ?? null);
    for (const site of o.sitesOf(s)) {
      const verdict = judgeLaunch(site, knowledge);
      if (!verdict) continue;
      const name = wordText(site.argv[0]) ?? verdict.name;
      const searchPath = searchPathFor(site, s.path, o.env);
      let r: Resolution;
      if (name.includes('/')) r = { name, found: fs.existsSync(name) ? name : undefined, real: realFs.realpath(name) };
      else r = resolveProgram(name, searchPath, { platform: 'posix', env: { ...o.env, PATH: searchPath }, cwd: s.cwd ?? o.cwd, lookup: realFs });
      if (resolvedInside(r, o.venv)) continue;
      const children = (startedBy.get(s) ?? []).filter((p) => !inVenv(p, o.venv));
      for (const c of children) explained.add(c);
      const entry = r.found && !name.includes('/') ? path.dirname(r.found) : null;
      const where = frame ? `${frame.file}:${frame.line}` : `process ${s.pid}`;
      const message = !r.found
        ? name.includes('/') ? `${name}: no such file (${where})` : `${name}: not found on PATH=${searchPath} (${where})`
        : `${name} resolved to ${r.found}${r.real && r.real !== r.found ? ` (${r.real})` : ''}${entry ? `, found in PATH entry ${entry}` : ''}, outside the venv ${o.venv}`;
      escapes.push({
        code: codeOf(verdict.tool),
        kind: 'spawn',
        name,
        command: commandText(s),
        pid: s.pid,
        event: s.event,
        resolved: r.found ?? null,
        real: r.real ?? null,
        pathEntry: entry,
        path: name.includes('/') ? null : searchPath,
        ...(r.shim ? { shim: { version: r.shim.version, source: r.shim.source } } : {}),
        callSite: frame,
        stack: s.stack,
        parent: null,
        children: children.map((c) => ({ pid: c.pid, executable: c.executable, venv: c.venv, version: c.version })),
        message,
      });
    }
  }

  for (const p of processes) {
    if (explained.has(p) || inVenv(p, o.venv) || excused(p, byPid) || judgedHarmless(p, o, knowledge)) continue;
    const parent = { pid: p.ppid, argv: p.parentArgv ?? [] };
    const code = processCode(p, knowledge);
    const name = path.basename(p.executable);
    escapes.push({
      code,
      kind: 'process',
      name,
      command: p.argv.join(' '),
      pid: p.pid,
      resolved: p.executable,
      real: realFs.realpath(p.executable) ?? p.executable,
      pathEntry: null,
      path: p.path,
      callSite: null,
      stack: [],
      parent,
      children: [],
      message: `a Python process ran ${p.executable} (${p.venv ? `venv ${p.venv}` : `prefix ${p.prefix}`}), outside the venv ${o.venv}; started by ${parent.argv.length ? parent.argv.join(' ') : `process ${parent.pid}`}`,
    });
  }

  return {
    expected: o.venv,
    escapes,
    roots: tree(processes, spawns, o.venv, o.launcherPid),
    processes: processes.length,
    spawns: spawns.length,
    identityOnly: processes.filter((p) => !p.audit).map((p) => ({ pid: p.pid, version: p.version, executable: p.executable })),
  };
}

/**
 * A process whose own command line the judge lets through: `python -V`, `python -c` code that
 * imports only the standard library, `python -m venv`, `python -m tox` … (the same judgement as a
 * launch of that command line by name). Not multiprocessing's workers: they run the program's code.
 */
function judgedHarmless(p: ProcessRecord, o: JudgeTraceOptions, knowledge: ToolKnowledge): boolean {
  const first = p.argv[0];
  if (first === undefined || !isInterpreterName(path.basename(first))) return false;
  // A multiprocessing worker or fork server: its `-c` imports only multiprocessing, but it runs the program's own code.
  if (p.argv.includes('--multiprocessing-fork') || p.argv.some((a) => a.includes('multiprocessing.forkserver'))) return false;
  const argv = [path.basename(first), ...p.argv.slice(1)];
  const sites = o.sitesOf({ type: 'spawn', pid: p.ppid, event: 'subprocess.Popen', executable: null, args: argv, shell: false, cwd: null, path: null, envPassesTracer: true, stack: [], callSite: null, time: p.time });
  return sites.length > 0 && sites.every((s) => judgeLaunch(s, knowledge) === undefined);
}

/** The parent's command line, from the record or the traced parent. */
function parentArgvOf(p: ProcessRecord, byPid: Map<number, ProcessRecord>): string[] {
  return p.parentArgv ?? byPid.get(p.ppid)?.argv ?? [];
}

/**
 * The spawn that started process `p`, if one did: its parent is the spawning process, or a shell
 * the spawn ran (`sh -c CMD`, whose command line holds the spawn's command), or the same pid after
 * an exec; of those, the latest before it whose command ends with the process's own arguments.
 * Each process belongs to one spawn.
 */
function spawnOf(p: ProcessRecord, spawns: readonly SpawnRecord[], byPid: Map<number, ProcessRecord>): SpawnRecord | undefined {
  const parentArgv = parentArgvOf(p, byPid);
  const candidates = spawns.filter((s) => {
    if (s.event === 'os.fork' || s.time > p.time) return false; // the same clock: a spawn precedes what it starts
    if (s.event === 'os.exec') return s.pid === p.pid;
    if (s.pid === p.ppid) return true;
    return typeof s.args === 'string' && !byPid.has(p.ppid) && parentArgv.some((a) => a.includes(s.args as string));
  });
  // The process's own arguments end the spawn's command (after wrappers such as `env X=1 nice`):
  // a process whose arguments no spawn names (a multiprocessing child) is nobody's.
  const tail = p.argv.slice(1);
  const same = candidates.filter((s) => {
    if (typeof s.args === 'string') return s.args.includes(tail.join(' ')) || parentArgv.some((a) => a.includes(s.args as string));
    const args = s.shell ? (s.args[0] ?? '') : undefined;
    if (args !== undefined) return args.includes(tail.join(' '));
    return s.args.length >= tail.length && tail.every((a, i) => (s.args as string[])[s.args.length - tail.length + i] === a);
  });
  return same[same.length - 1];
}

/** A Python program that a self-managing tool started (tox, nox, uv run, pipx run, pre-commit …), or that makes a venv. */
function excused(p: ProcessRecord, byPid: Map<number, ProcessRecord>): boolean {
  const seen = new Set<number>();
  for (let cur: ProcessRecord | undefined = p; cur && !seen.has(cur.pid); cur = byPid.get(cur.ppid)) {
    seen.add(cur.pid);
    if (selfManaged(cur.argv) || selfManaged(cur.parentArgv ?? [])) return true;
  }
  return false;
}

/** The argv of a self-managing tool (by name, as a script, or as `python -m tool`), or of `python -m venv`. */
function selfManaged(argv: readonly string[]): boolean {
  if (!argv.length) return false;
  const base = path.basename(argv[0]);
  if (SELF_MANAGED_TOOLS.has(base)) return true;
  if (isInterpreterName(base)) {
    const mod = runModule(argv.slice(1).map((a) => textWord(a)));
    if (mod !== undefined) return mod === 'venv' || SELF_MANAGED_TOOLS.has(mod.replace(/_/g, '-'));
    const script = argv.slice(1).find((a) => !a.startsWith('-'));
    return script !== undefined && SELF_MANAGED_TOOLS.has(path.basename(script));
  }
  return false;
}

/** VG102 for pip (`pip …`, `python -m pip`), VG103 for a console script, else VG101. */
function processCode(p: ProcessRecord, knowledge: ToolKnowledge): EscapeCode {
  const args = isInterpreterName(path.basename(p.argv[0] ?? '')) ? p.argv.slice(1) : p.argv;
  const mod = runModule(args.map((a) => textWord(a)));
  if (mod === 'pip') return 'VG102';
  const script = args[0] !== undefined && !args[0].startsWith('-') ? path.basename(args[0]) : undefined;
  if (script && /^pip[\d.]*$/.test(script)) return 'VG102';
  if (script && knowledge.consoleScripts.has(script)) return 'VG103';
  return 'VG101';
}

/**
 * The process tree: a Python process hangs under the traced Python process that is its parent, or
 * under the spawner whose shell started it (`sh -c 'python x.py'`); the others are roots, with the
 * command line of what started them.
 */
function tree(processes: ProcessRecord[], spawns: SpawnRecord[], venv: string, launcherPid?: number): ProcessNode[] {
  const nodes = new Map<ProcessRecord, ProcessNode>();
  const latest = new Map<number, ProcessNode>();
  const before = new Map<ProcessNode, ProcessNode>();
  for (const p of processes) {
    const n: ProcessNode = { record: p, inVenv: inVenv(p, venv), children: [] };
    nodes.set(p, n);
    // After an exec the pid stays: the new image hangs under the old one, and later children under it.
    const old = latest.get(p.pid);
    if (old) before.set(n, old);
    latest.set(p.pid, n);
  }
  const roots: ProcessNode[] = [];
  for (const [p, n] of nodes) {
    let parent = before.get(n) ?? latest.get(p.ppid);
    if (parent === n) parent = undefined;
    if (!parent && p.parentArgv) {
      // sh -c 'CMD' that a traced process ran: hang under it.
      const s = spawns.find((sp) => typeof sp.args === 'string' && sp.pid !== p.pid && p.parentArgv!.some((a) => a.includes(sp.args as string)));
      if (s) parent = latest.get(s.pid);
      if (parent === n) parent = undefined;
    }
    if (parent) parent.children.push(n);
    else {
      if (p.ppid !== launcherPid) n.startedBy = p.parentArgv ?? undefined;
      roots.push(n);
    }
  }
  return roots;
}

/** The PATHs a report explains: cron's and systemd's fixed ones are named, the rest shown. */
export function pathLabel(p: string | null): string {
  if (p === CRON_PATH) return `${p} (cron's PATH)`;
  if (p === SYSTEMD_PATH) return `${p} (systemd's PATH)`;
  return p ?? '';
}
