/**
 * The one shell model: a shell run start to end, for every front end that hands a shell a script
 * (a Dockerfile RUN, a workflow step, a GitLab job's script, a Makefile recipe line, a shell
 * script, a unit's command line, a Python `shell=True` string). The script's commands become
 * launch sites in order while the shell's own state is threaded through them: PATH assignments,
 * `export`, `cd`, shell variables (`VENV=.venv` then `$VENV/bin/pip`), `source …/bin/activate`,
 * `deactivate`, and venvs the commands create. A nested shell (`bash -c '…'`, `su -c`, `watch`,
 * `eval`, in any wrapper) runs here too, as a child process does: it starts with a copy of its
 * parent's PATH, folder, variables and activation (none after `sudo`/`su -l`/`env -i`), and what
 * it changes ends with it. What outlives the top shell (ENV, $GITHUB_PATH, the next recipe line …)
 * is the caller's business: it gets the final state back and decides what persists.
 */
import { removeVenvs } from './removed-venvs.js';
import { meantVenv, NO_LATER_SHELLS, type ConfigSiteFacts, type EnvState, type Language, type LaunchSite, type PathState, type ProgramRewriter, type VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import { ACTIVATING_HELPER, definesFunction, sourcedActivation } from './sourced.js';
import { wordSourceSpan, wordText, type Word } from '../../kernel/word.js';
import { expandArgv, expandShellCommand, launchSiteFor, nestedEnvironment, type ExpandedCommand, type NestedRunner, type NestedShell } from '../command/expand.js';
import { linkedIntoPath } from './linked-tools.js';
import { createdVenv, createdWithoutPip, DEFAULT_PATH, hasUnknown, UNKNOWN, venvOnPath } from '../config/facts.js';
import { parseShellWord, type ShellCommand, type ShellDialect, type ShellParseError } from './parse.js';
import { activate, assignShell, resolverFrom, shellEffect, type ShellState } from './state.js';
import { lookupAwareText } from './lookups.js';
import { branchEvent, perBranch, type BranchScope } from './branches.js';
import { dropLeading, leadingText } from '../../kernel/word-units.js';
import type { Budget, BudgetMeter } from '../../kernel/budgets.js';

export interface ShellSessionOptions {
  file: SourceFile;
  language: Language;
  /** The construct that runs this shell: 'RUN', 'CMD', 'run', 'script', 'recipe', 'ExecStart' … */
  api: string;
  /** Where findings on this shell's commands are anchored when nothing finer is known. */
  callSpan: Span;
  dialect: ShellDialect;
  /** False when the script may run under any shell (no shebang): its sites then claim no dialect. Default true. */
  dialectKnown?: boolean;
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
  /**
   * Venvs the file deactivates on purpose (`. v/bin/activate && … && deactivate`): from there on a
   * bare python or pip is the system's by the author's choice (sites record them). Shared by the
   * file's shells; a venv created again leaves it.
   */
  deactivated?: Set<string>;
  /** How to describe a venv created by the command whose program starts at `offset` (`command`: the whole command). */
  originAt(offset: number, command: Span | undefined): VenvOrigin;
  /** Format-specific facts copied onto every site (wording, form); absent outside configuration files. */
  facts?: Omit<ConfigSiteFacts, 'venvOrigins'>;
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
  /**
   * Builds the site for a program the shell starts, instead of the configuration site (the Python
   * front end: its own PATH state and rewriter). The shell's state is still followed; `active` is
   * the environment an activation earlier in the shell put first on PATH, if any.
   */
  makeSite?(cmd: ExpandedCommand, active: string | undefined): LaunchSite;
  /** The file's running totals against its budgets (kernel/budgets.ts), shared by its shells. */
  meter?: BudgetMeter;
  /** The budget of the top script's characters (a shell script file's own); nested shells keep shell-script-size. */
  scriptBudget?: Budget;
  /** See ShellParseOptions.library. */
  library?: boolean;
}

export interface ShellActivation {
  site: LaunchSite;
  venv: string;
  /** Number of commands of its own shell seen up to and including the activation. */
  after: number;
  fails?: 'source-in-sh';
  /** The same shell deactivates it later on purpose. */
  deactivated?: boolean;
}

export interface ShellSessionResult {
  sites: LaunchSite[];
  activations: ShellActivation[];
  /** Parse errors of the script itself (a nested shell's are in `nestedErrors`). */
  errors: ShellParseError[];
  /** Parse errors of nested shells' scripts (`bash -c '…'`). */
  nestedErrors: ShellParseError[];
  /** Commands the top shell ran, assignments excluded. */
  commands: number;
  /** The top shell's state when it exits. */
  final: ShellState;
  /** The top shell's variables when it exits (assignments and exports included). */
  vars: Map<string, string>;
}

/** PATH is tracked as the shell state's own (with the unknown default part); never substituted as text. */
const TRACKED = new Set(['PATH']);

/** One running shell: the top one, or a nested one while its script runs. */
interface Frame extends BranchScope {
  sh: ShellState;
  vars: Map<string, string>;
  dialect: ShellDialect;
  /** The program that runs this shell, for messages ('/bin/sh', 'bash' …). */
  shellName?: string;
  /** Commands seen, assignments excluded. */
  commands: number;
  /** The state before each subshell open in this shell (see onSubshell). */
  subshells?: { sh: ShellState; vars: Map<string, string>; alts?: BranchScope['alts'] }[];
  /** Set once `source` has failed under dash: later commands are judged by source-in-sh, not as escapes. */
  failedActivation?: string;
  activations: ShellActivation[];
  /** The wrapper step that started a nested shell (its commands are expanded under it). */
  outer?: NestedShell;
  /** How that step names the shell: 'bash -c', 'su -c', 'watch' … */
  label?: string;
  /**
   * The target user's login shell runs it (`su USER -c …`, `runuser … -c`): read as sh, but which
   * shell it is (bash, dash …) depends on that account, so `source` is not known to fail there.
   */
  userShell?: boolean;
  /** The shell that started this one. */
  parent?: Frame;
}

export function runShellSession(script: Word, o: ShellSessionOptions): ShellSessionResult {
  const s = new ShellSession(o);
  const errors = s.runScript(script);
  return s.result(errors);
}

/**
 * An exec-style argv (a Dockerfile JSON form, `ExecStart=`, a Python argument list) started with
 * the session's starting state: wrappers are peeled, and a nested shell runs in the one model.
 * Returns the programs started directly; sites for the nested shells' commands go to `o.onSite`
 * (or `o.makeSite`), like a script's.
 */
export function runExecArgv(argv: Word[], complete: boolean, o: ShellSessionOptions, span: Span | undefined): { commands: ExpandedCommand[]; session: ShellSessionResult } {
  const s = new ShellSession(o);
  const commands = s.expand(argv, complete, span, false);
  return { commands, session: s.result([]) };
}

class ShellSession {
  private readonly sites: LaunchSite[] = [];
  private readonly activations: ShellActivation[] = [];
  private readonly nestedErrors: ShellParseError[] = [];
  private readonly top: Frame;
  /** Every shell this session ran, the top one first. */
  private readonly frames: Frame[] = [];
  private cur: Frame;
  private readonly norm: (p: string) => string;

  constructor(private readonly o: ShellSessionOptions) {
    const vars = new Map([...o.vars].filter(([k, v]) => !TRACKED.has(k) && !hasUnknown(v)));
    this.top = { sh: { path: o.path, cwd: o.cwd }, vars, dialect: o.dialect, shellName: o.facts?.shellName, commands: 0, activations: [] };
    this.cur = this.top;
    this.frames.push(this.top);
    this.norm = o.normalizePath ?? ((p: string) => p);
    this.syncVars();
  }

  runScript(script: Word): ShellParseError[] {
    const onScopes = (scopes: Span[]) => (this.scopes = scopes);
    const onUncalledFunction = () => this.fromTopEnd();
    return parseShellWord(script, { dialect: this.o.dialect, vars: this.top.vars, onCommand: (cmd) => this.onCommand(cmd), onVenvGuard: this.onVenvGuard, onScopes, onUncalledFunction, onBranch: this.onBranch, onSubshell: this.onSubshell, meter: this.o.meter, scriptBudget: this.o.scriptBudget, library: this.o.library }).errors;
  }

  /** The top shell's state when its own commands ended, before the first uncalled function's body. */
  private topEnd?: { sh: ShellState; vars: Map<string, string> };

  /**
   * An uncalled function's body starts from the top level's end state (see
   * ShellParseOptions.onUncalledFunction): PATH, folder, activation and variables. Venvs another
   * uncalled function created stay known: a venv is a folder, and outlives the run that made it.
   */
  private fromTopEnd(): void {
    const top = this.top;
    if (!this.topEnd) {
      this.topEnd = snapshot(top);
      return;
    }
    restore(top, this.topEnd);
  }

  /**
   * A subshell or substitution is a child process (see ShellParseOptions.onSubshell): its folder,
   * PATH, activation and variables end with it (`HERE=$(cd sub && pwd)` leaves the script where it
   * was). Venvs it creates stay: a venv is a folder.
   */
  private readonly onSubshell = (event: 'open' | 'close'): void => {
    const frame = this.cur;
    const saved = (frame.subshells ??= []);
    if (event === 'open') {
      saved.push({ ...snapshot(frame), alts: frame.alts && new Map(frame.alts) });
      return;
    }
    const before = saved.pop();
    if (!before) return;
    restore(frame, before);
    frame.alts = before.alts;
    this.syncVars();
  };

  /** The top script's function bodies, if/elif/else branches and case items (see ShellParseOptions.onScopes). */
  private scopes: Span[] = [];

  /**
   * The venvs known where a command at `at` runs. A venv the file only names (uses by path, never
   * creates) inside a function body or one branch of an `if`/`case` of this script says nothing
   * outside it: the function may run where that venv is not on PATH (a library of functions its
   * sourcer runs), the other branch runs when that one does not (certbot-auto's two phases).
   */
  private readonly innermost = new Map<number, Span | undefined>();
  private scopeOf(o: number): Span | undefined {
    if (this.innermost.has(o)) return this.innermost.get(o);
    let scope: Span | undefined;
    for (const sp of this.scopes) if (sp.start <= o && o < sp.end && (!scope || sp.end - sp.start < scope.end - scope.start)) scope = sp;
    this.innermost.set(o, scope);
    return scope;
  }

  /** Whether a venv known from the start is known only from a later command on (VenvOrigin.knownFrom); asked once. */
  private knownFromAny?: boolean;
  private someKnownFrom(): boolean {
    if (this.knownFromAny === undefined) {
      this.knownFromAny = false;
      for (const origin of this.o.venvs.values()) if (origin.knownFrom !== undefined) this.knownFromAny = true;
    }
    return this.knownFromAny;
  }

  private venvsAt(at: number | undefined): Map<string, VenvOrigin> {
    if (at === undefined || (this.scopes.length === 0 && !this.someKnownFrom())) return this.o.venvs;
    let out: Map<string, VenvOrigin> | undefined;
    for (const [v, origin] of this.o.venvs) {
      if (origin.how !== 'named' || origin.offset === undefined) continue;
      if (origin.knownFrom !== undefined && at < origin.knownFrom) {
        out ??= new Map(this.o.venvs);
        out.delete(v);
        continue;
      }
      const scope = this.scopeOf(origin.offset);
      if (!scope || (scope.start <= at && at < scope.end)) continue;
      out ??= new Map(this.o.venvs);
      out.delete(v);
    }
    return out ?? this.o.venvs;
  }

  result(errors: ShellParseError[]): ShellSessionResult {
    // Every shell has ended: an activation's place is known in its own shell and in the ones around it.
    for (const frame of this.frames) this.endFrame(frame);
    return { sites: this.sites, activations: this.activations, errors, nestedErrors: this.nestedErrors, commands: this.top.commands, final: this.top.sh, vars: this.top.vars };
  }

  /** The programs an argv starts; nested shells among them are run here. */
  expand(argv: Word[], complete: boolean, span: Span | undefined, viaShell: boolean): ExpandedCommand[] {
    return expandArgv(argv, { complete, viaShell, span, errors: [], nested: this.runNested });
  }

  /** $PWD and $VIRTUAL_ENV follow `cd` and activation. */
  private syncVars(): void {
    const { sh, vars } = this.cur;
    if (sh.cwd !== undefined) vars.set('PWD', sh.cwd);
    else vars.delete('PWD');
    if (sh.activated) vars.set('VIRTUAL_ENV', sh.activated);
  }

  private readonly valueOf = (w: Word): string => {
    let s = '';
    for (const f of w.fragments) {
      if (f.kind === 'text') s += f.text;
      else if (f.kind === 'unknown' && (f.why === '$PATH' || f.why === '${PATH}')) s += this.cur.sh.path;
      else s += UNKNOWN;
    }
    return s;
  };

  /**
   * A venv named by VIRTUAL_ENV counts as one when its bin is on PATH, even if this file did not
   * make it; an environment the file cannot see (conda's, a $VIRTUAL_ENV guard's) counts too.
   */
  private active(): string | undefined {
    const sh = this.cur.sh;
    return sh.unseen ?? sh.activated ?? venvOnPath(sh.path, this.o.venvs, this.o.facts?.virtualEnv?.venv, this.o.named);
  }

  private makeSite(cmd: ExpandedCommand): LaunchSite {
    const o = this.o;
    const site = o.makeSite ? o.makeSite(cmd, this.active()) : this.configSite(cmd);
    this.sites.push(site);
    o.onSite?.(site);
    return site;
  }

  private configSite(cmd: ExpandedCommand): LaunchSite {
    const o = this.o;
    const frame = this.cur;
    let pathState: PathState = { kind: 'inherited' };
    if (cmd.pathReset) pathState = { kind: 'reset', by: cmd.pathReset };
    else if (cmd.pathUnset) pathState = { kind: 'missing', span: cmd.span ?? o.callSpan };
    else if (cmd.envPathSet) pathState = { kind: 'explicit', span: cmd.span };
    let known = this.venvsAt(cmd.span?.start);
    const absent = this.absent;
    if (absent?.size) known = new Map([...known].filter(([v]) => !absent.has(v)));
    const env: EnvState = { path: pathState, knownVenvs: [...known.keys()] };
    const a = this.active();
    if (a) env.activeVenv = a;
    const site = launchSiteFor(cmd, { file: o.file, language: o.language, api: o.api, callSpan: o.callSpan, env });
    const venvs = env.knownVenvs!;
    if (o.rewriter && venvs.length && cmd.argv[0]) {
      // The venv the rules name (always the latest wrote gse's fix for `su gvm -c ". ~/gvmpy/bin/activate;
      // /usr/bin/python3 …"` with another venv of the script).
      const rw = o.rewriter(cmd.argv[0], meantVenv(venvs, a)!, frame.sh.cwd);
      if (rw) site.rewriter = rw;
    }
    if (o.facts) {
      const dialectKnown = frame === this.top ? o.dialectKnown !== false : !frame.userShell;
      // Object.assign, not a spread followed by more properties: V8 (Node 20) gives each object built
      // that way a hidden class of its own (~300 bytes a site; 10,000 sites held 3 MB of them).
      site.config = Object.assign({}, o.facts, { venvOrigins: new Map(known), shellDialect: dialectKnown ? frame.dialect : undefined, afterFailedActivation: frame.failedActivation, cwd: frame.sh.cwd });
      if (o.deactivated?.size) site.config.deactivated = [...o.deactivated];
      if (frame !== this.top) {
        site.config.shellName = frame.shellName;
        site.config.nestedShell = frame.label;
      }
    }
    return site;
  }

  /** See branchEvent (branches.ts). */
  private readonly onBranch = (event: 'open' | 'next' | 'close', hasElse: boolean): void => {
    if (branchEvent(this.cur, this.o.venvs, event, hasElse)) this.syncVars();
  };

  /** Venvs that do not exist for the site being made (another branch's, see perBranch). */
  private absent?: Set<string>;

  /** `NAME=value` alone or after `export`: a known value is substituted in later commands. */
  private setVar(name: string, value: Word | undefined): void {
    if (TRACKED.has(name)) return;
    this.cur.alts?.delete(name);
    // A PATH lookup (`PY=$(which python3)`) is kept in the value, marked (lookups.ts).
    const t = value === undefined ? undefined : lookupAwareText(value, (f) => this.valueOf({ fragments: [f] }));
    if (t === undefined || hasUnknown(t)) this.cur.vars.delete(name);
    else this.cur.vars.set(name, t);
  }

  /**
   * The script exits unless a venv is active (`[ -z "$VIRTUAL_ENV" ] && exit 1`): past the guard it
   * runs in one, which the file does not show, unless it already knows which.
   */
  private readonly onVenvGuard = (): void => {
    const sh = this.cur.sh;
    if (!sh.activated && !sh.unseen) sh.unseen = 'the venv $VIRTUAL_ENV names';
  };

  /** A nested shell's script, run as a child of the current shell. */
  private readonly runNested: NestedRunner = (n) => {
    const parent = this.cur;
    const env = nestedEnvironment(n);
    // sudo (secure_path), `su -l` and `env -i` start the child without the parent's PATH.
    const fresh = env.pathReset !== undefined || env.pathUnset;
    const sh: ShellState = fresh ? { path: DEFAULT_PATH, cwd: parent.sh.cwd } : { ...parent.sh };
    const vars = new Map(parent.vars);
    if (fresh) vars.delete('VIRTUAL_ENV');
    const label = n.st.wrappers[n.st.wrappers.length - 1] ?? '';
    const shellName = / -c$/.test(label) ? label.slice(0, -3) : n.dialect;
    this.cur = { sh, vars, dialect: n.dialect, shellName, commands: 0, failedActivation: parent.failedActivation, activations: [], outer: n, label: label || n.dialect, parent, userShell: /^(?:su|runuser) -c$/.test(label) };
    this.frames.push(this.cur);
    try {
      const res = parseShellWord(n.script, { dialect: n.dialect, vars, onCommand: (cmd) => this.onCommand(cmd), onVenvGuard: this.onVenvGuard, onBranch: this.onBranch, onSubshell: this.onSubshell, meter: this.o.meter });
      this.nestedErrors.push(...res.errors);
    } finally {
      this.cur = parent;
    }
    return [];
  };

  /**
   * An activation's place: the last command of its own shell (then it has no effect there), and
   * whether it is all the outermost shell does (`RUN . v/bin/activate`, `RUN bash -c '. v/bin/activate'`).
   */
  private endFrame(frame: Frame): void {
    let alone = true;
    // An exec form's top "shell" runs no command of its own (`RUN ["sh", "-c", "…"]`): it does not count.
    for (let f: Frame | undefined = frame; f; f = f.parent) alone &&= f.commands === 1 || (f === this.top && f.commands === 0 && f !== frame);
    for (const a of frame.activations) {
      if (a.site.config) a.site.config.activation = { venv: a.venv, lastInRun: a.after === frame.commands, alone, fails: a.fails, deactivated: a.deactivated, later: NO_LATER_SHELLS };
    }
  }

  /**
   * `rm -rf VENV` (or a folder holding it): the venv no longer exists, so it is out of scope for the
   * commands after it that share these venvs (the rest of a script, recipe or stage; spaCy's `clean`:
   * `rm -rf $(VENV)` then `python setup.py clean`). A venv created again later comes back.
   */
  private onCommand(cmd: ShellCommand): void {
    const o = this.o;
    const frame = this.cur;
    const sh = frame.sh;
    const w0 = cmd.words.length ? wordText(cmd.words[0]) : undefined;
    if (cmd.words.length === 0) for (const a of cmd.assignments) this.setVar(a.name, a.value);
    else if (w0 === 'export' || w0 === 'readonly' || w0 === 'declare') {
      for (const w of cmd.words.slice(1)) {
        const t = leadingText(w);
        const eq = t.indexOf('=');
        if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.slice(0, eq))) this.setVar(t.slice(0, eq), dropLeading(w, eq + 1));
      }
    }
    const wasActive = sh.activated;
    const effect = shellEffect(cmd, sh, this.valueOf);
    if (wasActive && !sh.activated) {
      frame.vars.delete('VIRTUAL_ENV');
      if (w0 === 'deactivate') {
        o.deactivated?.add(wasActive);
        // Its activation in this shell was meant to end here: not one that fails to persist.
        for (const act of frame.activations) if (act.venv === wasActive) act.deactivated = true;
      }
    }
    this.syncVars();
    if (effect?.kind === 'assignment') return;
    frame.commands++;
    if (o.intercept?.(cmd, sh, this.valueOf)) return;
    if (effect?.kind === 'state') return;
    // dash (Debian's and Ubuntu's /bin/sh) has no `source`: "source: not found", status 127.
    const sourceFails = w0 === 'source' && frame.dialect === 'sh' && !frame.userShell && !o.shHasSource;
    if (effect === undefined && (w0 === 'source' || w0 === '.') && !sourceFails) {
      // `. .venv/bin/activate` where the folder is not known (a Python shell string's cwd), or
      // `source "${VENV_DIR}/bin/activate"` where the variable is not (ceph-build's prepare_env.sh,
      // from an argument): some venv is activated all the same.
      const target = cmd.words[1]?.fragments.map((f) => (f.kind === 'text' ? f.text : f.kind === 'unknown' && f.why ? f.why : '…')).join('');
      if (target && /(^|\/)bin\/activate$/.test(target)) sh.unseen = `the venv ${target.replace(/\/?bin\/activate$/, '') || '.'}`;
      else {
        // A script of the repository that activates one itself (sourced.ts).
        const script = target && sourcedActivation(o.file.path, target);
        if (script) sh.unseen = `the venv ${script} activates`;
      }
    }
    // A command that is only an unknown value whose name says it activates (`${{ inputs.activate_command }}`,
    // `$ACTIVATE`: openfisca's reusable workflow, given `source venv/bin/activate` by its callers).
    if (effect === undefined && (w0 === undefined || w0 === UNKNOWN) && !sh.activated && cmd.words.length === 1) {
      const span = wordSourceSpan(cmd.words[0]);
      // A CI expression's value stands on its first character: the expression runs to its `}}`.
      const end = span && o.file.text.startsWith('${{', span.start) ? o.file.text.indexOf('}}', span.start) + 2 : span?.end ?? 0;
      const written = span && end > span.start ? o.file.text.slice(span.start, end) : '';
      if (/activat/i.test(written) && /^[\s"'$]*[{$]/.test(written)) sh.unseen = `the environment ${written} activates`;
    }
    // A helper of another file whose name says it activates (`_activate`, defined in the header
    // that fireq's mustache templates include): some environment is activated all the same.
    if (effect === undefined && w0 !== undefined && !sh.activated && ACTIVATING_HELPER.test(w0) && !definesFunction(o.file.text, w0)) sh.unseen = `the environment ${w0} activates`;
    if (effect?.kind === 'activation') {
      const wrappers = frame.outer?.st.wrappers ?? [];
      const site = this.makeSite({ argv: cmd.words, wrappers, viaShell: true, complete: cmd.complete, assignments: [], span: cmd.span });
      const fails = sourceFails ? ('source-in-sh' as const) : undefined;
      const activation: ShellActivation = { site, after: frame.commands, venv: effect.venv, fails };
      frame.activations.push(activation);
      this.activations.push(activation);
      o.named?.add(effect.venv);
      if (fails) frame.failedActivation = effect.venv;
      else {
        activate(sh, effect.venv);
        this.syncVars();
      }
      return;
    }
    for (const ex of expandShellCommand(cmd, frame.dialect, this.runNested, frame.outer)) {
      const branches = o.makeSite ? undefined : perBranch(this.cur.alts, ex);
      if (branches) {
        // One site per value; no fix: the word is right on the other branches.
        for (const b of branches) {
          this.absent = b.absent;
          try {
            this.makeSite(b.ex).rewriter = undefined;
          } finally {
            this.absent = undefined;
          }
        }
        continue;
      }
      const site = this.makeSite(ex);
      const resolve = resolverFrom(this.norm, this.cur.sh.cwd);
      removeVenvs(ex.argv, o.venvs, resolve);
      for (const l of linkedIntoPath(ex.argv, o.venvs.keys(), resolve)) {
        const origin = o.venvs.get(l.venv)!;
        o.venvs.set(l.venv, { ...origin, linkedOnPath: [...(origin.linkedOnPath ?? []), l.name ?? '*'] });
      }
      const dir = createdVenv(ex.argv);
      if (dir === undefined) continue;
      if (site.config) site.config.createsVenv = true;
      const abs = resolve(dir);
      const at = wordSourceSpan(ex.argv[0])?.start ?? o.callSpan.start;
      if (abs && !o.venvs.has(abs)) o.venvs.set(abs, { ...o.originAt(at, ex.span), ...(createdWithoutPip(ex.argv) ? { withoutPip: true } : {}) });
      if (abs) o.deactivated?.delete(abs);
    }
  }
}

/** A copy of a shell's state and variables, for restore. */
function snapshot(frame: { sh: ShellState; vars: Map<string, string> }): { sh: ShellState; vars: Map<string, string> } {
  return { sh: { ...frame.sh }, vars: new Map(frame.vars) };
}

/** A shell's state and variables made `to`'s, in place (the parser's word expander and the driver hold these very objects). */
function restore(frame: { sh: ShellState; vars: Map<string, string> }, to: { sh: ShellState; vars: Map<string, string> }): void {
  assignShell(frame.sh, to.sh);
  frame.vars.clear();
  for (const [k, v] of to.vars) frame.vars.set(k, v);
}
