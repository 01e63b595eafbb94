/**
 * The configuration driver: what every configuration format (Dockerfile, GitHub Actions, GitLab
 * CI, Makefile, shell script, systemd, supervisor, Procfile, crontab) does once it has read its
 * file. A format is a reader plus a host declaration: it walks its file in the order the tool runs
 * it and declares each shell (how it starts, the PATH, variables and folder it starts with, its
 * span, its wording) or exec-form command line, and keeps what outlives a shell (ENV,
 * $GITHUB_PATH, make exports …) itself between declarations. The driver runs every shell through
 * the one shell model (shell/session.ts), and finishes the file the same way for all formats:
 * side venvs dropped, activations linked to the later shells of their group, one syntax problem,
 * suppression comments scanned with one scanner (the format's comment syntax), and fixes built by
 * one program rewriter plus the format's persistent-PATH writer.
 */
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { ConfigSiteFacts, Language, LaunchSite, ProgramRewriter, Rewrite, RewriteTarget } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import { suppressedCodes, type Suppressions } from '../../kernel/suppressions.js';
import { BudgetMeter, EXEC_COMMANDS } from '../../kernel/budgets.js';
import { shellWordSpan, type Word } from '../../kernel/word.js';
import { lookupWordSpan } from '../shell/lookups.js';
import type { ExpandedCommand } from '../command/expand.js';
import { runExecArgv, runShellSession, type ShellSessionOptions, type ShellSessionResult } from '../shell/session.js';
import { dropSideVenvs, linkLaterSites, markRanWithoutVenv, markRepositoryScripts, markSdistBuilds, markSystemInstalled, markToolPrep, markUserInstalled, syntaxProblemOf, venvProgram } from './facts.js';

/** How a format writes comments, for `# venvguard: ignore[…]` / `# noqa` suppressions. */
export interface CommentSyntax {
  /** Characters that start a comment line ('#'; INI-style files also ';'). */
  line: string;
  /** Characters that start a comment at the end of a line. */
  trailing: string;
}

/** What a format declares once for the whole file. */
export interface ConfigHost {
  language: Language;
  comments: CommentSyntax;
  /**
   * The format's persistent way to put a venv on PATH (RewriteTarget `persist-venv`): an `ENV`
   * line, a `$GITHUB_PATH` line, `export PATH := …`. Undefined where the format has none.
   */
  persist?(site: LaunchSite, target: Extract<RewriteTarget, { kind: 'persist-venv' }>): Rewrite | undefined;
}

/** One shell (or exec-form command line) of the file, in the order the tool runs them. */
export interface ShellDecl extends Omit<ShellSessionOptions, 'file' | 'language' | 'onSite' | 'makeSite' | 'facts'> {
  /** Its wording and form on every site (unit, scope, persistence advice, shell name …). */
  facts: Omit<ConfigSiteFacts, 'venvOrigins'>;
  /** Position in the format's sequence (instruction index, step number, recipe line …). */
  order: number;
  /**
   * Shells that run one after the other in one environment: a Dockerfile stage, a workflow job, a
   * GitLab job, a recipe; an activation's later shells are looked for in its own group only.
   */
  group?: unknown;
  /** Whether this shell's sites count as later shells for earlier activations (default true). */
  linksLater?: boolean;
  /** Called for each site the shell session makes (the format's own bookkeeping). */
  onSite?(site: LaunchSite): void;
  /** Where a site is finally reported, when not at the shell's span (a script's own line). */
  anchor?(site: LaunchSite): Span;
  /**
   * What counts as one command for side venvs (a venv made and used by path in one command is a
   * tool's): the whole shell by default; a script's line, for a format whose shell is a file.
   */
  unitOf?(site: LaunchSite): number;
}

interface Entry {
  site: LaunchSite;
  decl: ShellDecl;
}

/** One configuration file's run through the driver. */
export class ConfigRun {
  private readonly entries: Entry[] = [];
  private readonly activations: { site: LaunchSite; decl: ShellDecl }[] = [];
  private readonly problems: { message: string; offset: number }[] = [];
  private readonly suppressions: Suppressions = new Map();
  /** The venv first on the PATH each group ends with (what outlives its last shell), where known. */
  private readonly endVenvs = new Map<unknown, string | undefined>();
  /** Venvs the file deactivates on purpose (see ShellSessionOptions.deactivated). */
  private readonly deactivated = new Set<string>();
  /** The file's running totals against its budgets, for its shells and its YAML reading. */
  readonly meter = new BudgetMeter();

  constructor(
    readonly file: SourceFile,
    readonly host: ConfigHost,
  ) {}

  /** One shell running `script`, through the one shell model. */
  shell(decl: ShellDecl, script: Word): ShellSessionResult {
    const res = runShellSession(script, this.options(decl));
    for (const e of res.errors) this.problem(`shell: ${e.message}`, e.span?.start ?? decl.callSpan.start);
    for (const a of res.activations) this.activations.push({ site: a.site, decl });
    return res;
  }

  /**
   * An exec-form command line (a JSON `RUN [...]`, `ExecStart=`, `command=`): wrappers are peeled
   * and a shell one of them starts runs in the one shell model as a shell of `decl`; the programs
   * started directly are returned for the format to make its exec sites of (`addSite`).
   */
  exec(decl: ShellDecl, argv: Word[], complete: boolean, reportNestedErrors = false): ExpandedCommand[] {
    this.meter.charge(EXEC_COMMANDS);
    const { commands, session } = runExecArgv(argv, complete, this.options(decl), decl.callSpan);
    if (reportNestedErrors) for (const e of session.nestedErrors) this.problem(`shell: ${e.message}`, e.span?.start ?? decl.callSpan.start);
    for (const a of session.activations) this.activations.push({ site: a.site, decl });
    return commands;
  }

  /** A site the format made itself (an exec-form program), belonging to `decl`'s shell (no `onSite` call). */
  addSite(site: LaunchSite, decl: ShellDecl): void {
    this.entries.push({ site, decl });
  }

  /**
   * What outlives a group's last shell, declared when the group ends: the venv first on the PATH
   * it leaves (a stage's final `ENV PATH`). An activation is then harmless, whatever follows it.
   */
  endGroup(group: unknown, venvOnPath: string | undefined): void {
    this.endVenvs.set(group, venvOnPath);
  }

  /** The venvs the file has deactivated so far, for an exec-form site the format makes (see ShellSessionOptions.deactivated). */
  deactivatedSoFar(): string[] | undefined {
    return this.deactivated.size ? [...this.deactivated] : undefined;
  }

  problem(message: string, offset: number): void {
    this.problems.push({ message, offset });
  }

  /**
   * Suppression comments for an entry (an instruction, a step, a recipe line …) spanning lines
   * first..last: a comment line just above it (or just above each line of `above`, e.g. a step's
   * and its `run:` key's), or a comment at the end of one of its lines from `trailingFrom` on.
   * Every line of the entry is covered.
   */
  suppress(first: number, last: number, opts: EntryComments = {}): void {
    scanSuppressions(this.suppressions, this.file, this.host.comments, first, last, opts);
  }

  /**
   * The file's analysis: side venvs dropped, activations linked, sites anchored, fixes wired.
   * `extra`: suppressions the format scanned itself (with `scanSuppressions`) before its shells ran.
   */
  finish(extra?: Suppressions): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
    for (const [line, codes] of extra ?? []) coverLines(this.suppressions, line, line, codes);
    const sites = this.entries.map((e) => e.site);
    // One declaration is one shell: its sites share an identity (negative). What holds for the rest
    // of a shell (an install's intent) follows that. Side venvs follow the units a declaration may
    // name within its shell instead (a script's lines, by offset): a whole script is one shell.
    const ids = new Map<ShellDecl, number>();
    const shellId = (decl: ShellDecl) => {
      let id = ids.get(decl);
      if (id === undefined) ids.set(decl, (id = -1 - ids.size));
      return id;
    };
    const byShell = this.entries.map((e) => ({ site: e.site, shell: shellId(e.decl) }));
    const byUnit = this.entries.map((e) => ({ site: e.site, shell: e.decl.unitOf ? e.decl.unitOf(e.site) : shellId(e.decl) }));
    dropSideVenvs(byUnit);
    if (this.host.language !== 'makefile') markRanWithoutVenv(sites);
    const groups = new Map<unknown, { site: LaunchSite; order: number }[]>();
    for (const e of this.entries) {
      if (e.decl.linksLater === false) continue;
      const g = groups.get(e.decl.group) ?? [];
      g.push({ site: e.site, order: e.decl.order });
      groups.set(e.decl.group, g);
    }
    if (this.host.language !== 'makefile') markSystemInstalled(groups.values());
    markToolPrep(byShell);
    markUserInstalled(byShell);
    markSdistBuilds(sites, this.file.path);
    markRepositoryScripts(sites, this.file.path);
    for (const a of this.activations) linkLaterSites([{ site: a.site, order: a.decl.order }], groups.get(a.decl.group) ?? [], this.endVenvs.get(a.decl.group));
    for (const e of this.entries) {
      if (e.decl.anchor) e.site.callSpan = e.decl.anchor(e.site);
      const persist = this.host.persist;
      if (persist) {
        const program = e.site.rewriter;
        const site = e.site;
        site.rewriter = { rewrite: (t) => (t.kind === 'persist-venv' ? persist(site, t) : program?.rewrite(t)) };
      }
    }
    return { sites, suppressions: this.suppressions, syntaxProblem: syntaxProblemOf(this.file, this.problems) };
  }

  private options(decl: ShellDecl): ShellSessionOptions {
    // Object.assign, not a spread followed by more properties: V8 (Node 20) makes each object built
    // that way a hidden class of its own, slow to build and to read (CPython's Makefile: 362 shells).
    return Object.assign({}, decl, {
      deactivated: this.deactivated,
      meter: this.meter,
      file: this.file,
      language: this.host.language,
      onSite: (site: LaunchSite) => {
        this.entries.push({ site, decl });
        decl.onSite?.(site);
      },
    });
  }
}

/** Where an entry's suppression comments may be (see `scanSuppressions`). */
export interface EntryComments {
  /** Lines whose whole-line comment covers the entry (default: the line just above it). */
  above?: number[];
  /** First line whose trailing comment covers the entry (default: its first line). */
  trailingFrom?: number;
  /** Only these lines count as comment lines above (a format that knows its comment lines). */
  isCommentLine?: (line: number) => boolean;
}

/**
 * The one suppression scanner: `# venvguard: ignore[…]` / `# noqa` for an entry (an instruction, a
 * step, a recipe line, a unit directive …) spanning lines first..last, in a comment line just above
 * it or at the end of one of its lines, written in the format's comment syntax. Every line of the
 * entry is covered.
 */
export function scanSuppressions(into: Suppressions, file: SourceFile, syntax: CommentSyntax, first: number, last: number, opts: EntryComments = {}): void {
  const lineRe = new RegExp(`^\\s*[${charClass(syntax.line)}](.*)$`);
  const trailingRe = new RegExp(`(?:^|\\s)[${charClass(syntax.trailing)}](.*)$`);
  for (const a of new Set(opts.above ?? [first - 1])) {
    if (a < 1 || a > file.lineCount || (opts.isCommentLine && !opts.isCommentLine(a))) continue;
    const m = lineRe.exec(file.lineText(a));
    const codes = m ? suppressedCodes(m[1]) : undefined;
    if (codes) coverLines(into, first, last, codes);
  }
  for (let l = opts.trailingFrom ?? first; l <= last && l <= file.lineCount; l++) {
    const m = trailingRe.exec(file.lineText(l));
    const codes = m ? suppressedCodes(m[1]) : undefined;
    if (codes) coverLines(into, first, last, codes);
  }
}

/** Marks lines first..last suppressed for `codes`. */
export function coverLines(into: Suppressions, first: number, last: number, codes: Set<string> | 'all'): void {
  for (let l = first; l <= last; l++) {
    const prev = into.get(l);
    into.set(l, codes === 'all' || prev === 'all' ? 'all' : new Set([...(prev ?? []), ...codes]));
  }
}

/** A string of characters as the inside of a RegExp character class. */
function charClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/**
 * Characters a venv path may not hold for the fix to write it in place of a program word: what
 * would mean something else in shell text, in any YAML scalar style, or in a unit's command line.
 */
const UNSAFE_IN_PROGRAM = /[\s"'\\$`#;%&|<>()*?:]/;
/** A make variable reference, the one expansion a Makefile fix writes (`$(VENV)/bin/pip`). */
const MAKE_REFERENCE = /\$\([A-Za-z_][A-Za-z0-9_.]*\)/g;

/**
 * The one program rewriter: replaces a program word with the venv's own program, written from
 * `bin` as the format names the venv's bin folder (`.venv/bin`, `/srv/app/venv/bin`, `$(VENV)/bin`).
 * The whole shell word is replaced, quotes included, by words that need no quoting. None when
 * the word is not written plainly in the file (an escape, an expansion), or when the result would
 * hold a character that means something else where the word sits. `makeReferences`: `bin` may hold
 * `$(NAME)` references (Makefile recipes). `titled`: the fix says what it writes.
 */
export function programRewriter(file: SourceFile, program: Word, bin: string, opts: { makeReferences?: boolean; titled?: boolean } = {}): ProgramRewriter | undefined {
  // The whole word, quotes included: `"pip" --version` becomes `.venv/bin/python -m pip --version`,
  // never `".venv/bin/python -m pip" --version` (one word naming no program).
  // A program that is only a PATH lookup (`$(which pip)`, `$PY`) is replaced as a whole (shell/lookups.ts).
  const span = shellWordSpan(file.text, program) ?? lookupWordSpan(file.text, program);
  if (!span) return undefined;
  // A venv the file also names by its Windows layout (`$(WIN_ENV)\Scripts\activate.bat`, deepchecks'
  // test-win recipe) has no bin/ where that command runs: `venv/bin/python` would name nothing.
  if (bin.endsWith('/bin') && namedAsWindowsVenv(file, bin.slice(0, -'/bin'.length))) return undefined;
  return {
    rewrite(target: RewriteTarget): Rewrite | undefined {
      const replacement = venvProgram(bin, target);
      if (!replacement) return undefined;
      const checked = replacement.map((r) => (opts.makeReferences ? r.replace(MAKE_REFERENCE, 'V') : r));
      if (checked.some((r) => UNSAFE_IN_PROGRAM.test(r))) return undefined;
      const text = replacement.join(' ');
      return { edits: [{ start: span.start, end: span.end, text }], applicability: 'safe', title: opts.titled ? `Use ${text}` : undefined };
    },
  };
}

const scriptsFolders = new WeakMap<SourceFile, string[]>();

/**
 * The folders a file names a `Scripts` folder of (`venv\\Scripts\\activate`, `.venv/Scripts/python.exe`):
 * a Windows venv's layout. Each `Scripts` is read back to its word's start, at most 256 characters
 * (a regular expression that started at every character of a long word was quadratic).
 */
function namedWithScripts(file: SourceFile): string[] {
  let found = scriptsFolders.get(file);
  if (found) return found;
  found = [];
  const t = file.text;
  for (const m of t.matchAll(/[\\/]Scripts[\\/]/g)) {
    let i = m.index;
    while (i > 0 && m.index - i < 256 && !/[\s"'`=;|&<>@]/.test(t[i - 1])) i--;
    const dir = t.slice(i, m.index);
    if (dir && !found.includes(dir)) found.push(dir);
    if (found.length >= 64) break;
  }
  scriptsFolders.set(file, found);
  return found;
}

/** Whether the file names `folder` (as text: either slash, a leading `./` aside) with a `Scripts` folder, a Windows venv's layout. */
export function namedAsWindowsVenv(file: SourceFile, folder: string): boolean {
  const norm = (t: string) => t.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  const want = norm(folder);
  return namedWithScripts(file).some((d) => norm(d) === want);
}

/**
 * A venv's bin folder as a command running in `cwd` names it: relative to `cwd` when the venv is
 * under `root` (a folder whose real place the file does not say: the workspace, the project
 * folder, a script's start folder), and then only from a `cwd` under `root` as well (from `cd
 * /tmp` no relative path is known); as is otherwise.
 */
export function binSeenFrom(venv: string, cwd: string | undefined, root: string): string | undefined {
  if (!isUnder(venv, root)) return `${venv}/bin`;
  if (cwd === undefined || !isUnder(cwd, root)) return undefined;
  const rel = path.posix.relative(cwd, venv);
  return rel === '' ? 'bin' : `${rel}/bin`;
}

/**
 * How messages show a venv of a format that keeps relative paths under a stand-in folder (the
 * workspace, $(CURDIR), the project dir …): relative to it when under it, as is otherwise.
 */
export function shownUnder(root: string): (venv: string) => string {
  return (v) => (v === root ? '.' : v.startsWith(root + '/') ? v.slice(root.length + 1) : v);
}

/** `p` is the folder `root` or a path below it. */
export const isUnder = (p: string, root: string): boolean => p === root || p.startsWith(root + '/');

/**
 * How messages show a venv under a stand-in folder that has a name of its own (`$HOME`, `~`,
 * `$RUNNER_TEMP`): through that name (`$HOME/venv`, `~/venv`); any other venv as `otherwise` shows it.
 */
export function shownVia(standIns: readonly (readonly [root: string, name: string])[], otherwise: (venv: string) => string): (venv: string) => string {
  return (v) => {
    const s = standIns.find(([root]) => isUnder(v, root));
    return s ? s[1] + v.slice(s[0].length) : otherwise(v);
  };
}
