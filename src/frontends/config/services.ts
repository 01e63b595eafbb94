/**
 * What the script and service front ends share (shell scripts, systemd units, supervisor programs,
 * Procfiles, crontabs): running one command line — exec style (`ExecStart=`, `command=`) or through
 * a shell (the shared shell session) — against the environment the format gives it, collecting
 * the venvs the file NAMES (used by path, activated, `VIRTUAL_ENV=`), and the finishing steps
 * (side venvs, later sites of activations, one syntax problem per file, suppressions).
 *
 * "No venv, no finding": these formats rarely create a venv; they run programs on a host where
 * one may exist. So a venv is in scope only when the file itself names it. Named venvs count for
 * the whole file (the venv exists on the host before any line runs), which needs the file's
 * names before its lines are judged: `analyzeWithNamedVenvs` runs the analysis twice when a
 * venv is named, the second time with those venvs known from the start.
 */
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import { meantVenv, type EnvState, type Language, type LaunchSite, type PathState, type ConfigSiteFacts, type VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import type { Budget } from '../../kernel/budgets.js';
import { wordSourceSpan, wordText, type Word } from '../../kernel/word.js';
import { CURATED_CONSOLE_SCRIPTS, isInterpreterName, isPipName } from '../../judge/python-tools.js';
import { launchSiteFor } from '../command/expand.js';
import { binSeenFrom, ConfigRun, programRewriter, scanSuppressions, shownUnder, type CommentSyntax, type ShellDecl } from './driver.js';
import { createdVenv, runsOtherScript, venvOnPath } from './facts.js';
import type { ShellDialect } from '../shell/parse.js';
import type { ShellSessionResult } from '../shell/session.js';
import { createdThenRemoved } from '../shell/removed-venvs.js';
import { resolveDir, shellEffect } from '../shell/state.js';

/**
 * The folder a command starts in when the format does not say (a script's caller's folder, a
 * Procfile's app root, supervisord's folder): relative venv paths are kept under it and shown
 * relative again. Not a real path; it never appears in messages.
 */
export const START_DIR = '/__start_dir__';

/** A venv as messages show it: relative to the start folder when it is under it. */
export const showVenv = shownUnder(START_DIR);

export { splitLines, type TextLine } from '../../kernel/source.js';

/** Prefixes whose bin holds the system's or a distribution's Python, not a venv. */
const NOT_VENV = /^(|\/|\/usr|\/usr\/local|\/opt\/homebrew|\/opt\/local|\/snap|.*\/\.local|.*\/(mini|ana)conda\d*|\/opt\/conda|.*\/\.pyenv\/versions\/\d[\w.-]*|\/usr\/local\/opt\/python[\w@.]*)$/;

/**
 * The venv a program path names: `D/bin/python3`, `D/bin/pip`, `D/bin/gunicorn` … (a Python tool
 * in a `bin` folder outside the system prefixes), resolved against `cwd`.
 */
export function venvOfProgram(program: string | undefined, cwd: string | undefined): string | undefined {
  if (!program || !program.includes('/')) return undefined;
  const m = /^(.*?)\/?bin\/([^/]+)$/.exec(program.replace(/\/{2,}/g, '/'));
  if (!m) return undefined;
  const name = m[2];
  if (!isInterpreterName(name) && !isPipName(name) && !CURATED_CONSOLE_SCRIPTS.has(name)) return undefined;
  const dir = m[1] === '' && program.startsWith('/') ? '/' : m[1] === '' ? '.' : m[1];
  const abs = resolveDir(dir, cwd);
  if (abs === undefined || NOT_VENV.test(abs)) return undefined;
  return abs;
}

/** Everything one pass over a file's commands produced. */
export interface Collected {
  /** The file's run through the configuration driver (sites, activations, problems). */
  run: ConfigRun;
  /** Activation sites, for a format that adjusts them (a script's shell outlives none of them). */
  activations: LaunchSite[];
  /** Venvs the file names, with the first place it does. */
  named: Map<string, VenvOrigin>;
  /** The format's own reading problems, reported with the shells'. */
  problems: { message: string; offset: number }[];
  /** Offsets of the commands that run another script (`./upgrade.sh`, `bash x.sh`, `make`), in order met. */
  scriptCalls: number[];
}

/** The comment syntax of these formats: `#` (INI files also `;`) lines, `#`/`;` at a line's end. */
export const SERVICE_COMMENTS: CommentSyntax = { line: '#', trailing: '#;' };

export function newCollected(file: SourceFile, language: Language): Collected {
  return { run: new ConfigRun(file, { language, comments: SERVICE_COMMENTS }), activations: [], named: new Map(), problems: [], scriptCalls: [] };
}

export function nameVenv(out: Collected, venv: string | undefined, file: SourceFile, offset: number): void {
  if (venv !== undefined && !out.named.has(venv)) out.named.set(venv, { line: file.location(offset).line, how: 'named', offset });
}

/** The environment one command line runs in, as the format gives it. */
export interface CommandEnv {
  file: SourceFile;
  language: Language;
  /** The directive or construct: 'ExecStart', 'command', 'web', 'cron' … */
  api: string;
  callSpan: Span;
  /** Position in the format's sequence (for activations' later sites). */
  order: number;
  /** PATH in the started process's environment (DEFAULT_PATH for the unknown default part). */
  envPath: string;
  /**
   * An exec-style program name is looked up on `envPath`. False when the manager searches its own
   * path (systemd's fixed search path, supervisord's own PATH): then no venv is ever on it.
   */
  execLookupOnEnvPath: boolean;
  /** The process's PATH may come from somewhere the file does not show (systemd's EnvironmentFile=). */
  envPathUnknown?: Span;
  cwd: string | undefined;
  /** Variables of the process's environment (without PATH). */
  vars: ReadonlyMap<string, string>;
  venvs: Map<string, VenvOrigin>;
  /** Wording for sites whose program the manager looks up itself (exec form). */
  execFacts: Omit<ConfigSiteFacts, 'venvOrigins'>;
  /** Wording for sites a shell (or a wrapper such as env) looks up on the process's PATH. */
  shellFacts: Omit<ConfigSiteFacts, 'venvOrigins'>;
  /** VIRTUAL_ENV set by the file's persistent configuration for this command. */
  virtualEnv?: { venv: string; span: Span };
  /** Replace the site's call span (a script anchors each command on its own line). */
  siteSpan?(site: LaunchSite): Span;
  /** Commands that see each other's activations (default: the whole file; a Procfile's processes run side by side). */
  group?: unknown;
  /** `sh` here has `source` (busybox ash in an Alpine image that runs the script). */
  shHasSource?: boolean;
  /** The budget of the script's characters, when not shell-script-size (a shell script file's). */
  scriptBudget?: Budget;
  /** See ShellParseOptions.library. */
  library?: boolean;
}

/** The venv's bin as a command run from `cwd` can name it; undefined when it cannot. */
function binFrom(venv: string, cwd: string | undefined): string | undefined {
  // A venv under a stand-in folder (START_DIR, cron's HOME) can only be named relative to it.
  const root = /^\/__[a-z_]+__(?=\/|$)/.exec(venv)?.[0];
  return root === undefined ? `${venv}/bin` : binSeenFrom(venv, cwd, root);
}

/** `sh -c SCRIPT`, `/bin/bash -ec SCRIPT`, `dash -c …`: the script and its shell, for the shell session. */
export function shellCommandOf(argv: Word[]): { script: Word; dialect: ShellDialect; shellName: string } | undefined {
  const prog = argv[0] ? wordText(argv[0]) : undefined;
  if (prog === undefined) return undefined;
  const base = path.posix.basename(prog);
  if (!/^(sh|bash|dash)$/.test(base)) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = wordText(argv[i]);
    if (a === undefined) return undefined;
    if (a === '--' || !a.startsWith('-') || a.startsWith('--')) return undefined;
    if (/^-[a-z]*c[a-z]*$/i.test(a)) {
      const script = argv[i + 1];
      return script ? { script, dialect: base === 'bash' ? 'bash' : 'sh', shellName: prog } : undefined;
    }
    if (/^-[oO]$/.test(a)) i++; // `-o pipefail`
  }
  return undefined;
}

/** An exec-style command line (systemd, supervisor): one program, unless it is a shell's `-c`. */
export function runExecCommand(argv: Word[], complete: boolean, env: CommandEnv, out: Collected): void {
  const shell = shellCommandOf(argv);
  if (shell) {
    runShellCommand(shell.script, shell.dialect, shell.shellName, env, out);
    return;
  }
  // Wrappers are peeled here; a shell one of them starts (`env X=1 sh -c '…'`) runs in the session.
  const decl = declOf(env, out, 'sh', undefined, 'sh');
  for (const ex of out.run.exec(decl, argv, complete, true)) {
    const program = ex.argv[0];
    if (!program) continue;
    // The interpreter that creates a venv (`/opt/python3.12/bin/python3 -m venv .venv`) is not one.
    if (createdVenv(ex.argv) === undefined) nameVenv(out, venvOfProgram(wordText(program), env.cwd), env.file, wordSourceSpan(program)?.start ?? env.callSpan.start);
    let pathState: PathState = { kind: 'inherited' };
    // Through a wrapper (env, nice …), the name is looked up on the process's PATH.
    const onEnvPath = env.execLookupOnEnvPath || ex.wrappers.length > 0 || ex.viaShell;
    if (ex.pathReset) pathState = { kind: 'reset', by: ex.pathReset };
    else if (ex.pathUnset) pathState = { kind: 'missing', span: ex.span ?? env.callSpan };
    else if (ex.envPathSet) pathState = { kind: 'explicit', span: ex.span };
    else if (onEnvPath && env.envPathUnknown) pathState = { kind: 'explicit', span: env.envPathUnknown };
    const state: EnvState = { path: pathState, knownVenvs: [...env.venvs.keys()] };
    const active = onEnvPath ? venvOnPath(env.envPath, env.venvs) : undefined;
    if (active) state.activeVenv = active;
    // The program was found on the manager's own search path, but the process runs with envPath.
    const own = onEnvPath ? undefined : venvOnPath(env.envPath, env.venvs);
    if (own) state.processVenv = own;
    const site = launchSiteFor(ex, { file: env.file, language: env.language, api: env.api, callSpan: env.callSpan, env: state });
    const venvs = [...env.venvs.keys()];
    const meant = meantVenv(venvs, active);
    // `~/venv` (a home folder the file does not name) is expanded by a shell, never in a command
    // run without one (an exec-form CMD, a unit's ExecStart=): no fix can name it there.
    if (meant !== undefined && !(meant.startsWith('~') && !ex.viaShell)) {
      const bin = binFrom(meant, env.cwd);
      const rw = bin === undefined ? undefined : programRewriter(env.file, program, bin);
      if (rw) site.rewriter = rw;
    }
    const facts: ConfigSiteFacts = { ...(onEnvPath ? env.shellFacts : env.execFacts), venvOrigins: new Map(env.venvs), form: 'exec', deactivated: out.run.deactivatedSoFar(), cwd: env.cwd };
    // VIRTUAL_ENV without that venv's bin on the process's PATH (with it, the setting is right).
    if (env.virtualEnv && venvOnPath(env.envPath, new Map([[env.virtualEnv.venv, true]])) !== env.virtualEnv.venv) facts.virtualEnv = env.virtualEnv;
    site.config = facts;
    out.run.addSite(site, decl);
    const dir = createdVenv(ex.argv);
    if (dir !== undefined) {
      facts.createsVenv = true;
      const abs = resolveDir(dir, env.cwd);
      const at = wordSourceSpan(program)?.start ?? env.callSpan.start;
      if (abs && !env.venvs.has(abs)) env.venvs.set(abs, { line: env.file.location(at).line, how: 'created', offset: at });
    }
  }
}

/**
 * One shell running `script` (a crontab line, a Procfile command, `ExecStart=/bin/sh -c '…'`, a
 * whole script file). Venvs the script names are recorded; `VIRTUAL_ENV` exported in it counts
 * as the script's own configuration for the commands after it.
 */
export function runShellCommand(script: Word, dialect: ShellDialect, shellName: string | undefined, env: CommandEnv, out: Collected, dialectFact: ShellDialect | 'unknown' = dialect): ShellSessionResult {
  const res = out.run.shell(declOf(env, out, dialect, shellName, dialectFact), script);
  out.activations.push(...res.activations.map((a) => a.site));
  return res;
}

/** The shell of a command of these formats: the venvs a shell names are the file's. */
function declOf(env: CommandEnv, out: Collected, dialect: ShellDialect, shellName: string | undefined, dialectFact: ShellDialect | 'unknown'): ShellDecl {
  let virtualEnv = env.virtualEnv;
  const anchor = env.siteSpan;
  return {
    api: env.api,
    callSpan: env.callSpan,
    order: env.order,
    group: env.group,
    // A script anchors each command on its own line, and a line is the unit of its side venvs.
    anchor,
    unitOf: anchor && ((site) => anchor(site).start),
    dialect,
    dialectKnown: dialectFact !== 'unknown',
    shHasSource: env.shHasSource,
    scriptBudget: env.scriptBudget,
    library: env.library,
    path: env.envPath,
    cwd: env.cwd,
    vars: env.vars,
    venvs: env.venvs,
    originAt: (at) => ({ line: env.file.location(at).line, how: 'created', offset: at }),
    facts: { ...env.shellFacts, form: 'shell', shellName },
    normalizePath: (p) => p,
    rewriter: (program, venv, cwd) => {
      const bin = binFrom(venv, cwd);
      return bin === undefined ? undefined : programRewriter(env.file, program, bin);
    },
    intercept: (cmd, sh, valueOf) => {
      const w0 = cmd.words[0] ? wordText(cmd.words[0]) : undefined;
      const at = (w: Word | undefined) => (w ? wordSourceSpan(w)?.start : undefined) ?? cmd.span?.start ?? env.callSpan.start;
      if (w0 === 'export' || w0 === 'declare') {
        for (const w of cmd.words.slice(1)) {
          const t = wordText(w);
          const m = t === undefined ? undefined : /^VIRTUAL_ENV=(.+)$/.exec(t);
          const venv = m ? resolveDir(m[1], sh.cwd) : undefined;
          if (venv === undefined) continue;
          nameVenv(out, venv, env.file, at(w));
          const span = wordSourceSpan(w);
          if (span) virtualEnv = { venv, span };
        }
        return false;
      }
      if (runsOtherScript(cmd.words.slice(0, 2).map((w) => wordText(w)))) out.scriptCalls.push(at(cmd.words[0]));
      const effect = shellEffect({ ...cmd }, { ...sh }, valueOf);
      if (effect?.kind === 'activation') nameVenv(out, effect.venv, env.file, at(cmd.words[0]));
      else if (!effect && createdVenv(cmd.words) === undefined) nameVenv(out, venvOfProgram(w0, sh.cwd), env.file, at(cmd.words[0]));
      return false;
    },
    onSite: (site) => {
      const facts = site.config!;
      if (virtualEnv && !facts.activation && site.env.activeVenv !== virtualEnv.venv) facts.virtualEnv = virtualEnv;
      // PATH may come from a file we cannot read: the shell's lookups are not judged.
      if (env.envPathUnknown && site.env.path.kind === 'inherited') site.env.path = { kind: 'explicit', span: env.envPathUnknown };
    },
  };
}

/**
 * Runs `analyze` with no venv known; when the file names venvs it did not create, runs it again
 * with those known from the start (they exist on the host before any line runs).
 */
export function analyzeWithNamedVenvs(analyze: (initial: Map<string, VenvOrigin>) => { out: Collected; venvs: Map<string, VenvOrigin> }): Collected {
  const first = analyze(new Map());
  const extra = [...first.out.named].filter(([v]) => first.venvs.get(v)?.how !== 'created' && !createdThenRemoved(first.venvs, v));
  if (extra.length === 0) return first.out;
  // A venv first named after a command that runs another script may be that script's: not known before it.
  const calls = first.out.scriptCalls;
  const known = extra.map(([v, origin]): [string, VenvOrigin] => {
    if (origin.offset === undefined) return [v, origin];
    let knownFrom: number | undefined;
    for (const c of calls) if (c < origin.offset && (knownFrom === undefined || c > knownFrom)) knownFrom = c;
    return [v, knownFrom === undefined ? origin : { ...origin, knownFrom }];
  });
  return analyze(new Map(known)).out;
}

/** The analysis result, finished by the driver, with the suppressions the format scanned. */
export function finishAnalysis(out: Collected, suppressions: Suppressions): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  for (const p of out.problems) out.run.problem(p.message, p.offset);
  return out.run.finish(suppressions);
}

/**
 * Suppressions for an entry spanning lines first..last (the driver's scanner): a comment line just
 * above it (starting with one of `commentChars`), or a `#`/`;` comment on one of its lines.
 */
export function entrySuppressions(s: Suppressions, file: SourceFile, first: number, last: number, commentChars = '#'): void {
  scanSuppressions(s, file, { line: commentChars, trailing: SERVICE_COMMENTS.trailing }, first, last);
}
