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
import type { FileProblem } from '../kernel/diagnostic.js';
import type { EnvState, Language, LaunchSite, PathState, ProgramRewriter, Rewrite, RewriteTarget, ConfigSiteFacts, VenvOrigin } from '../kernel/launch-site.js';
import type { SourceFile, Span } from '../kernel/source.js';
import { suppressedCodes, type Suppressions } from '../kernel/suppressions.js';
import { wordSourceSpan, wordText, type Word } from '../kernel/word.js';
import { CURATED_CONSOLE_SCRIPTS, isInterpreterName, isPipName } from '../judge/python-tools.js';
import { launchSiteFor } from './command/expand.js';
import { createdVenv, dropSideVenvs, linkLaterSites, syntaxProblemOf, venvOnPath, venvProgram } from './config-facts.js';
import type { ShellDialect } from './shell/parse.js';
import { runExecArgv, runShellSession, type ShellSessionOptions } from './shell/session.js';
import { resolveDir, shellEffect } from './shell/state.js';

/**
 * The folder a command starts in when the format does not say (a script's caller's folder, a
 * Procfile's app root, supervisord's folder): relative venv paths are kept under it and shown
 * relative again. Not a real path; it never appears in messages.
 */
export const START_DIR = '/__start_dir__';

/** A venv as messages show it: relative to the start folder when it is under it. */
export function showVenv(v: string): string {
  if (v === START_DIR) return '.';
  return v.startsWith(START_DIR + '/') ? v.slice(START_DIR.length + 1) : v;
}

export interface TextLine {
  /** 1-based line number. */
  no: number;
  start: number;
  /** Without the line terminator. */
  text: string;
}

export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let no = 1;
  for (let s = 0; s <= text.length; no++) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    let t = text.slice(s, e);
    if (t.endsWith('\r')) t = t.slice(0, -1);
    out.push({ no, start: s, text: t });
    s = e + 1;
  }
  return out;
}

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

/** Everything one file's commands produced. */
export interface Collected {
  sites: LaunchSite[];
  /** Activations with their order (the format's sequence: line, Exec rank …). */
  activations: { site: LaunchSite; order: number }[];
  /** Every site with its order, for the activations' later sites. */
  ordered: { site: LaunchSite; order: number }[];
  /** Venvs the file names, with the first place it does. */
  named: Map<string, VenvOrigin>;
  problems: { message: string; offset: number }[];
}

export function newCollected(): Collected {
  return { sites: [], activations: [], ordered: [], named: new Map(), problems: [] };
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
}

/** Replaces the program word with the venv's own program, written as `bin` (e.g. `.venv/bin`). */
export function venvRewriter(file: SourceFile, program: Word, bin: string): ProgramRewriter | undefined {
  const span = wordSourceSpan(program);
  const name = wordText(program);
  if (!span || name === undefined || file.text.slice(span.start, span.end) !== name) return undefined;
  return {
    rewrite(target: RewriteTarget): Rewrite | undefined {
      const replacement = venvProgram(bin, target);
      if (!replacement || replacement.some((r) => /[\s"'\\$`#;%&|<>()*?]/.test(r))) return undefined;
      return { edits: [{ start: span.start, end: span.end, text: replacement.join(' ') }], applicability: 'safe' };
    },
  };
}

/** The venv's bin as a command run from `cwd` can name it; undefined when it cannot. */
function binFrom(venv: string, cwd: string | undefined): string | undefined {
  // A venv under a stand-in folder (START_DIR, cron's HOME) can only be named relative to it.
  const root = /^\/__[a-z_]+__(?=\/|$)/.exec(venv)?.[0];
  if (root === undefined) return `${venv}/bin`;
  if (cwd === undefined || !(cwd === root || cwd.startsWith(root + '/'))) return undefined;
  const rel = path.posix.relative(cwd, venv);
  return rel === '' ? 'bin' : `${rel}/bin`;
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
  const { commands, session } = runExecArgv(argv, complete, sessionOptions(env, out, 'sh', undefined, 'sh'), env.callSpan);
  for (const e of session.nestedErrors) out.problems.push({ message: `shell: ${e.message}`, offset: e.span?.start ?? env.callSpan.start });
  for (const a of session.activations) out.activations.push({ site: a.site, order: env.order });
  for (const ex of commands) {
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
    const site = launchSiteFor(ex, { file: env.file, language: env.language, api: env.api, callSpan: env.callSpan, env: state });
    const venvs = [...env.venvs.keys()];
    if (venvs.length) {
      const bin = binFrom(venvs[venvs.length - 1], env.cwd);
      const rw = bin === undefined ? undefined : venvRewriter(env.file, program, bin);
      if (rw) site.rewriter = rw;
    }
    const facts: ConfigSiteFacts = { ...(onEnvPath ? env.shellFacts : env.execFacts), venvOrigins: new Map(env.venvs), form: 'exec' };
    // VIRTUAL_ENV without that venv's bin on the process's PATH (with it, the setting is right).
    if (env.virtualEnv && venvOnPath(env.envPath, new Map([[env.virtualEnv.venv, true]])) !== env.virtualEnv.venv) facts.virtualEnv = env.virtualEnv;
    site.config = facts;
    if (env.siteSpan) site.callSpan = env.siteSpan(site);
    out.sites.push(site);
    out.ordered.push({ site, order: env.order });
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
export function runShellCommand(script: Word, dialect: ShellDialect, shellName: string | undefined, env: CommandEnv, out: Collected, dialectFact: ShellDialect | 'unknown' = dialect): ReturnType<typeof runShellSession> {
  const res = runShellSession(script, sessionOptions(env, out, dialect, shellName, dialectFact));
  for (const e of res.errors) out.problems.push({ message: `shell: ${e.message}`, offset: e.span?.start ?? env.callSpan.start });
  for (const a of res.activations) out.activations.push({ site: a.site, order: env.order });
  return res;
}

/** The shell session for a command of these formats: the venvs a shell names are the file's. */
function sessionOptions(env: CommandEnv, out: Collected, dialect: ShellDialect, shellName: string | undefined, dialectFact: ShellDialect | 'unknown'): ShellSessionOptions {
  let virtualEnv = env.virtualEnv;
  return {
    file: env.file,
    language: env.language,
    api: env.api,
    callSpan: env.callSpan,
    dialect,
    dialectKnown: dialectFact !== 'unknown',
    path: env.envPath,
    cwd: env.cwd,
    vars: env.vars,
    venvs: env.venvs,
    originAt: (at) => ({ line: env.file.location(at).line, how: 'created', offset: at }),
    facts: { ...env.shellFacts, form: 'shell', shellName },
    normalizePath: (p) => p,
    rewriter: (program, venv, cwd) => {
      const bin = binFrom(venv, cwd);
      return bin === undefined ? undefined : venvRewriter(env.file, program, bin);
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
      if (env.siteSpan) site.callSpan = env.siteSpan(site);
      out.sites.push(site);
      out.ordered.push({ site, order: env.order });
    },
  };
}

/**
 * Runs `analyze` with no venv known; when the file names venvs it did not create, runs it again
 * with those known from the start (they exist on the host before any line runs).
 */
export function analyzeWithNamedVenvs(analyze: (initial: Map<string, VenvOrigin>) => { out: Collected; venvs: Map<string, VenvOrigin> }): Collected {
  const first = analyze(new Map());
  const extra = [...first.out.named].filter(([v]) => first.venvs.get(v)?.how !== 'created');
  if (extra.length === 0) return first.out;
  return analyze(new Map(extra)).out;
}

/** The analysis result: side venvs dropped, activations linked, problems folded into one. */
export function finishAnalysis(file: SourceFile, out: Collected, suppressions: Suppressions): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  dropSideVenvs(out.sites);
  linkLaterSites(out.activations, out.ordered);
  const syntaxProblem = syntaxProblemOf(file, out.problems);
  return { sites: out.sites, suppressions, syntaxProblem };
}

/** Marks lines first..last suppressed for the codes a comment names. */
export function addSuppression(s: Suppressions, first: number, last: number, codes: Set<string> | 'all'): void {
  for (let l = first; l <= last; l++) {
    const prev = s.get(l);
    s.set(l, codes === 'all' || prev === 'all' ? 'all' : new Set([...(prev ?? []), ...codes]));
  }
}

/**
 * Suppressions for an entry spanning lines first..last: a comment line just above it (starting
 * with one of `commentChars`), or a `#` comment on one of its lines.
 */
export function entrySuppressions(s: Suppressions, file: SourceFile, first: number, last: number, commentChars = '#'): void {
  const above = first > 1 ? file.lineText(first - 1) : '';
  const lead = new RegExp(`^\\s*[${commentChars.replace(/[\]\\^-]/g, '\\$&')}](.*)$`).exec(above);
  const codes = lead ? suppressedCodes(lead[1]) : undefined;
  if (codes) addSuppression(s, first, last, codes);
  for (let l = first; l <= last; l++) {
    const m = /(?:^|\s)[#;](.*)$/.exec(file.lineText(l));
    const c = m ? suppressedCodes(m[1]) : undefined;
    if (c) addSuppression(s, first, last, c);
  }
}

