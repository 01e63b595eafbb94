/**
 * One shell, run start to end: the part every configuration front end shares (a Dockerfile RUN,
 * a workflow step, a GitLab job's script, a Makefile recipe line, a shell script, a unit's
 * command line). The script's commands become launch sites in order while the shell's own state
 * is threaded through them: PATH assignments, `export`, `cd`, shell variables (`VENV=.venv`
 * then `$VENV/bin/pip`), `source …/bin/activate`, `deactivate`, and venvs the commands create.
 * What outlives the shell (ENV, $GITHUB_PATH, the next recipe line …) is the caller's business:
 * it gets the final state back and decides what persists.
 */
import { NO_LATER_SHELLS, type ConfigSiteFacts, type EnvState, type Language, type LaunchSite, type PathState, type ProgramRewriter, type VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import { wordSourceSpan, wordText, type Word } from '../../kernel/word.js';
import { expandArgv, launchSiteFor, type ExpandedCommand } from '../command-line.js';
import { createdVenv, DEFAULT_PATH, UNKNOWN, venvOnPath } from '../config-facts.js';
import { parseShellWord, type ShellCommand, type ShellDialect, type ShellParseError } from './parse.js';
import { activate, resolveDir, shellEffect, type ShellState } from './state.js';
import { dropLeading, leadingText } from '../../kernel/word-units.js';

export interface ShellSessionOptions {
  file: SourceFile;
  language: Language;
  /** The construct that runs this shell: 'RUN', 'CMD', 'run', 'script', 'recipe', 'ExecStart' … */
  api: string;
  /** Where findings on this shell's commands are anchored when nothing finer is known. */
  callSpan: Span;
  dialect: ShellDialect;
  /**
   * Under 'sh': whether this sh has `source` (busybox ash on Alpine, bash as /bin/sh on Fedora/RHEL
   * do; dash, /bin/sh on Debian and Ubuntu, does not). Default false.
   */
  shHasSource?: boolean;
  /** PATH when the shell starts (DEFAULT_PATH marks the unknown default part). */
  path: string;
  cwd: string | undefined;
  /**
   * Variables the shell starts with (persisted ENV, `env:` …), without PATH. Copied: assignments
   * in this shell do not leak back to the caller.
   */
  vars: ReadonlyMap<string, string>;
  /** Venvs known to exist; the ones this shell creates are added (files persist). */
  venvs: Map<string, VenvOrigin>;
  /**
   * Venvs the file names without creating them (activation targets are added here): a PATH entry
   * `<one of them>/bin` means that venv is on PATH. Shared by the file's shells.
   */
  named?: Set<string>;
  /** How to describe a venv created by the command whose program starts at `offset` (`command`: the whole command). */
  originAt(offset: number, command: Span | undefined): VenvOrigin;
  /** Format-specific facts copied onto every site (wording, form). */
  facts: Omit<ConfigSiteFacts, 'venvOrigins'>;
  /** A venv path as written in the file → the absolute path it stands for (e.g. `$GITHUB_WORKSPACE`). */
  normalizePath?(p: string): string;
  /** A fix that replaces the program word with the venv's own copy, when the format can write one. */
  rewriter?(program: Word, venv: string, cwd: string | undefined): ProgramRewriter | undefined;
  /**
   * A command the format gives meaning to beyond the shell (`echo DIR >> "$GITHUB_PATH"`).
   * Return true when it was handled: it then makes no launch site.
   */
  intercept?(cmd: ShellCommand, sh: ShellState, valueOf: (w: Word) => string): boolean;
  /** Called for every site made, after its facts are set. */
  onSite?(site: LaunchSite): void;
}

export interface ShellActivation {
  site: LaunchSite;
  venv: string;
  /** Number of commands seen up to and including the activation. */
  after: number;
  fails?: 'source-in-sh';
}

export interface ShellSessionResult {
  sites: LaunchSite[];
  activations: ShellActivation[];
  errors: ShellParseError[];
  /** Commands the script ran, assignments excluded. */
  commands: number;
  /** The state when the shell exits. */
  final: ShellState;
  /** Shell variables when the shell exits (assignments and exports included). */
  vars: Map<string, string>;
}

/** PATH is tracked as the shell state's own (with the unknown default part); never substituted as text. */
const TRACKED = new Set(['PATH']);

export function runShellSession(script: Word, o: ShellSessionOptions): ShellSessionResult {
  const vars = new Map([...o.vars].filter(([k, v]) => !TRACKED.has(k) && !v.includes(UNKNOWN) && !v.includes(DEFAULT_PATH)));
  const sh: ShellState = { path: o.path, cwd: o.cwd };
  // $PWD and $VIRTUAL_ENV follow `cd` and activation.
  const syncVars = () => {
    if (sh.cwd !== undefined) vars.set('PWD', sh.cwd);
    else vars.delete('PWD');
    if (sh.activated) vars.set('VIRTUAL_ENV', sh.activated);
  };
  syncVars();
  const sites: LaunchSite[] = [];
  const activations: ShellActivation[] = [];
  let commands = 0;
  /** Set once `source` has failed under dash: later commands are judged by source-in-sh, not as escapes. */
  let failedActivation: string | undefined;
  const norm = o.normalizePath ?? ((p: string) => p);

  const valueOf = (w: Word): string => {
    let s = '';
    for (const f of w.fragments) {
      if (f.kind === 'text') s += f.text;
      else if (f.kind === 'unknown' && (f.why === '$PATH' || f.why === '${PATH}')) s += sh.path;
      else s += UNKNOWN;
    }
    return s;
  };
  // A venv named by VIRTUAL_ENV counts as one when its bin is on PATH, even if this file did not make it.
  const active = () => sh.activated ?? venvOnPath(sh.path, o.venvs, o.facts.virtualEnv?.venv, o.named);

  const makeSite = (cmd: ExpandedCommand, explicitPath: boolean): LaunchSite => {
    let pathState: PathState = { kind: 'inherited' };
    if (cmd.pathReset) pathState = { kind: 'reset', by: cmd.pathReset };
    else if (cmd.pathUnset) pathState = { kind: 'missing', span: cmd.span ?? o.callSpan };
    else if (cmd.envPathSet || explicitPath) pathState = { kind: 'explicit', span: cmd.span };
    const env: EnvState = { path: pathState, knownVenvs: [...o.venvs.keys()] };
    const a = active();
    if (a) env.activeVenv = a;
    const site = launchSiteFor(cmd, { file: o.file, language: o.language, api: o.api, callSpan: o.callSpan, env });
    const venvs = env.knownVenvs!;
    if (o.rewriter && venvs.length && cmd.argv[0]) {
      const rw = o.rewriter(cmd.argv[0], venvs[venvs.length - 1], sh.cwd);
      if (rw) site.rewriter = rw;
    }
    site.config = { ...o.facts, venvOrigins: new Map(o.venvs), shellDialect: o.dialect, afterFailedActivation: failedActivation };
    sites.push(site);
    o.onSite?.(site);
    return site;
  };

  /** `NAME=value` alone or after `export`: a known value is substituted in later commands. */
  const setVar = (name: string, value: Word | undefined) => {
    if (TRACKED.has(name)) return;
    const t = value === undefined ? undefined : valueOf(value);
    if (t === undefined || t.includes(UNKNOWN) || t.includes(DEFAULT_PATH)) vars.delete(name);
    else vars.set(name, t);
  };

  const onCommand = (cmd: ShellCommand) => {
    if (cmd.words.length === 0) for (const a of cmd.assignments) setVar(a.name, a.value);
    else if (wordText(cmd.words[0]) === 'export' || wordText(cmd.words[0]) === 'readonly' || wordText(cmd.words[0]) === 'declare') {
      for (const w of cmd.words.slice(1)) {
        const t = leadingText(w);
        const eq = t.indexOf('=');
        if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.slice(0, eq))) {
          setVar(t.slice(0, eq), dropLeading(w, eq + 1));
        }
      }
    }
    const wasActive = sh.activated;
    const effect = shellEffect(cmd, sh, valueOf);
    if (wasActive && !sh.activated) vars.delete('VIRTUAL_ENV');
    syncVars();
    if (effect?.kind === 'assignment') return;
    commands++;
    if (o.intercept?.(cmd, sh, valueOf)) return;
    if (effect?.kind === 'state') return;
    if (effect?.kind === 'activation') {
      const site = makeSite({ argv: cmd.words, wrappers: [], viaShell: true, complete: cmd.complete, assignments: [], span: cmd.span }, false);
      // dash (Debian's and Ubuntu's /bin/sh) has no `source`: "source: not found", status 127.
      const fails = o.dialect === 'sh' && !o.shHasSource && wordText(cmd.words[0]) === 'source' ? ('source-in-sh' as const) : undefined;
      activations.push({ site, after: commands, venv: effect.venv, fails });
      o.named?.add(effect.venv);
      if (fails) failedActivation = effect.venv;
      else {
        activate(sh, effect.venv);
        syncVars();
      }
      return;
    }
    const prefixPath = cmd.assignments.some((a) => a.name === 'PATH');
    for (const ex of expandArgv(cmd.words, { complete: cmd.complete, viaShell: true, span: cmd.span, errors: [] })) {
      const site = makeSite(ex, prefixPath);
      const dir = createdVenv(ex.argv);
      if (dir === undefined) continue;
      site.config!.createsVenv = true;
      const abs = resolveDir(norm(dir), sh.cwd);
      const at = wordSourceSpan(ex.argv[0])?.start ?? o.callSpan.start;
      if (abs && !o.venvs.has(abs)) o.venvs.set(abs, o.originAt(at, ex.span));
    }
  };

  const res = parseShellWord(script, { dialect: o.dialect, vars, onCommand });
  for (const a of activations) a.site.config!.activation = { venv: a.venv, lastInRun: a.after === commands, alone: commands === 1, fails: a.fails, later: NO_LATER_SHELLS };
  return { sites, activations, errors: res.errors, commands, final: sh, vars };
}
