/**
 * `venvguard run`'s reports: the terminal text (escapes first, then the process tree), JSON (the
 * records' judgement as data), SARIF 2.1.0 (rule ids VG101/VG102/VG103, as `check` uses them, so
 * code scanning lines runtime results up with static ones) and one self-contained HTML page
 * (report-html.ts).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { ExpectedVenv } from './expected.js';
import { pathLabel, type Escape, type ProcessNode, type TraceJudgement } from './judge.js';
import type { StackFrame } from './records.js';

export interface RunReport {
  command: string[];
  cwd: string;
  expected: ExpectedVenv;
  exitCode: number | null;
  signal: string | null;
  judgement: TraceJudgement;
  /** Why tracing could not be installed, in plain words (empty when everything was watched). */
  notWatched: string[];
}

export interface RuleInfo {
  code: string;
  name: string;
  summary: string;
}

/** A file shown relative to the run's folder when it is inside it. */
export function shownPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file;
  const r = path.relative(cwd, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}

export function whereOf(e: Escape, cwd: string): string {
  if (e.callSite) return `${shownPath(e.callSite.file, cwd)}:${e.callSite.line}`;
  if (e.parent) return `process ${e.pid} (started by ${e.parent.argv.length ? e.parent.argv.join(' ') : `process ${e.parent.pid}`})`;
  return `process ${e.pid}`;
}

/** What the name became, and why: the file and the PATH entry that won, or "not found". */
export function resolvedText(e: Escape): string {
  if (e.kind === 'process') return `ran ${e.resolved}${e.real && e.real !== e.resolved ? ` (${e.real})` : ''}`;
  if (!e.resolved) return e.path === null ? `${e.name}: no such file` : `${e.name}: not found on PATH=${pathLabel(e.path)}`;
  const shim = e.shim ? `, a pyenv shim picking ${e.shim.version} (${e.shim.source})` : '';
  const real = e.real && e.real !== e.resolved ? ` → ${e.real}` : '';
  if (!e.pathEntry) return `${e.name} is ${e.resolved}${real}`;
  return `${e.name} → ${e.resolved}${real}${shim}: PATH entry ${e.pathEntry} won (PATH=${pathLabel(e.path)})`;
}

function frameText(f: StackFrame, cwd: string): string {
  return `${shownPath(f.file, cwd)}:${f.line} in ${f.function}`;
}

function nodeText(n: ProcessNode, cwd: string): string {
  const p = n.record;
  const mark = n.inVenv ? 'in venv' : 'OUTSIDE';
  const where = p.venv ? `venv ${shownPath(p.venv, cwd)}` : `prefix ${p.prefix}`;
  const id = p.audit ? '' : ', identity only';
  return `[${mark}] ${p.pid} ${p.argv.join(' ')}  (${shownPath(p.executable, cwd)}, Python ${p.version}, ${where}${id})`;
}

function summaryLine(r: RunReport): string {
  const n = r.judgement.escapes.length;
  const status = r.signal ? `was killed by ${r.signal}` : `exited with ${r.exitCode}`;
  return `venvguard run: ${n === 0 ? 'no escapes' : `${n} escape${n === 1 ? '' : 's'}`} from the venv ${r.expected.venv} (${r.expected.why}); ${r.judgement.processes} Python process${r.judgement.processes === 1 ? '' : 'es'}, ${r.judgement.spawns} spawn${r.judgement.spawns === 1 ? '' : 's'} seen; the command ${status}`;
}

export function renderRunText(r: RunReport): string {
  const out: string[] = [];
  const { escapes } = r.judgement;
  for (const e of escapes) {
    out.push(`${e.code} ${whereOf(e, r.cwd)}: ${e.kind === 'spawn' ? `${e.event} ${JSON.stringify(e.command)}` : e.command}`);
    out.push(`  ${resolvedText(e)}`);
    if (e.resolved) out.push(`  outside the venv ${r.expected.venv}`);
    for (const c of e.children) out.push(`  started process ${c.pid}: ${c.executable} (Python ${c.version}${c.venv ? `, venv ${c.venv}` : ''})`);
    // The frames up to the call site: the standard library's own frames below it are in --html/--format json.
    const upTo = e.callSite ? e.stack.indexOf(e.callSite) : -1;
    const frames = (upTo >= 0 ? e.stack.slice(0, upTo + 1) : e.stack).filter((f) => !f.file.startsWith('<frozen '));
    if (frames.length > 1) out.push(`  stack: ${frames.map((f) => frameText(f, r.cwd)).join(' → ')}`);
  }
  if (escapes.length) out.push('');
  if (r.judgement.roots.length) {
    out.push('Python processes:');
    const walk = (n: ProcessNode, depth: number) => {
      if (depth > 64) return;
      const by = depth === 0 && n.startedBy?.length ? `  ← ${n.startedBy.join(' ')}` : '';
      out.push(`${'  '.repeat(depth + 1)}${nodeText(n, r.cwd)}${by}`);
      for (const c of n.children) walk(c, depth + 1);
    };
    for (const root of r.judgement.roots) walk(root, 0);
  } else out.push('No Python process reported itself.');
  if (r.judgement.identityOnly.length) {
    out.push(`Identity only (no audit hooks before Python 3.8; what they started was not seen): ${r.judgement.identityOnly.map((p) => `${p.pid} (Python ${p.version})`).join(', ')}`);
  }
  for (const why of r.notWatched) out.push(`Not watched: ${why}`);
  out.push(summaryLine(r));
  return out.join('\n') + '\n';
}

export function renderRunJson(r: RunReport, version: string): string {
  const j = r.judgement;
  const plain = (n: ProcessNode): unknown => ({ ...n.record, inVenv: n.inVenv, ...(n.startedBy ? { startedBy: n.startedBy } : {}), children: n.children.map(plain) });
  return (
    JSON.stringify(
      {
        version,
        command: r.command,
        cwd: r.cwd,
        expectedVenv: r.expected,
        exitCode: r.exitCode,
        signal: r.signal,
        escapes: j.escapes,
        processes: j.roots.map(plain),
        counts: { processes: j.processes, spawns: j.spawns, escapes: j.escapes.length },
        identityOnly: j.identityOnly,
        notWatched: r.notWatched,
      },
      null,
      2,
    ) + '\n'
  );
}

const SRCROOT = '%SRCROOT%';

function artifact(file: string, cwd: string): Sarif.ArtifactLocation {
  const rel = shownPath(file, cwd);
  return rel === file ? { uri: pathToFileURL(file).href } : { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function frameLocation(f: StackFrame, cwd: string): Sarif.Location {
  return {
    physicalLocation: { artifactLocation: artifact(f.file, cwd), ...(f.line > 0 ? { region: { startLine: f.line } } : {}) },
    message: { text: f.function },
  };
}

export function toRunSarif(r: RunReport, rules: readonly RuleInfo[], version: string): Sarif.Log {
  const used = rules.filter((x) => ['VG101', 'VG102', 'VG103'].includes(x.code));
  const index = new Map(used.map((x, i) => [x.code, i]));
  const results: Sarif.Result[] = r.judgement.escapes.map((e) => ({
    ruleId: e.code,
    ...(index.has(e.code) ? { ruleIndex: index.get(e.code) } : {}),
    level: 'error',
    kind: 'fail',
    message: { text: `${e.kind === 'spawn' ? `${e.event} ${JSON.stringify(e.command)}` : e.command}: ${resolvedText(e)}, outside the venv ${r.expected.venv} (seen at run time by venvguard run)` },
    ...(e.callSite ? { locations: [frameLocation(e.callSite, r.cwd)] } : {}),
    ...(e.stack.length ? { stacks: [{ message: { text: 'Python stack of the spawn, innermost first' }, frames: [...e.stack].reverse().map((f) => ({ location: frameLocation(f, r.cwd) })) }] } : {}),
    properties: { pid: e.pid, resolved: e.resolved, pathEntry: e.pathEntry, path: e.path, runtime: true, ...(e.parent ? { parent: e.parent } : {}) },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'venvguard', informationUri: 'https://github.com/venvguard/venvguard', version, rules: used.map((x) => ({ id: x.code, name: x.name, shortDescription: { text: x.summary } })) } },
        invocations: [
          {
            executionSuccessful: true,
            commandLine: r.command.join(' '),
            ...(r.exitCode !== null ? { exitCode: r.exitCode } : {}),
            ...(r.signal ? { exitSignalName: r.signal } : {}),
            toolExecutionNotifications: r.notWatched.map((why) => ({ level: 'warning' as const, message: { text: `not watched: ${why}` } })),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(r.cwd.endsWith('/') ? r.cwd : r.cwd + '/').href } },
        results,
      },
    ],
  };
}

export function renderRunSarif(r: RunReport, rules: readonly RuleInfo[], version: string): string {
  return JSON.stringify(toRunSarif(r, rules, version), null, 2) + '\n';
}
