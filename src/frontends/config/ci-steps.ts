/**
 * What the step-list CI formats share (Azure Pipelines, CircleCI, Bitbucket Pipelines, Jenkins):
 * a job is a list of steps run in order in one workspace; each step is a shell of its own, so an
 * activation, `export` or `cd` lasts for that step only, while files (the venvs a step creates)
 * stay for the job's later steps, and so do the PATH entries a step writes the format's way
 * (`##vso[task.prependpath]`, a line appended to `$BASH_ENV`, `withEnv(["PATH+X=…"])` around a
 * block). A format reads its file into jobs and steps (each script mapped back to the file
 * character by character) and hands them here; this runs them through the configuration driver.
 */
import type { LaunchSite, ConfigSiteFacts, Language, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import type { FileProblem } from '../../kernel/diagnostic.js';
import { wordSourceSpan, wordText, type Word } from '../../kernel/word.js';
import { pushAll, unitsToWord, type Char } from '../../kernel/word-units.js';
import { binSeenFrom, ConfigRun, isUnder, programRewriter, shownUnder, shownVia, type CommentSyntax, type ShellDecl } from './driver.js';
import { DEFAULT_PATH, hasUnknown, UNKNOWN, venvOnPath } from './facts.js';
import type { ShellCommand, ShellDialect } from '../shell/parse.js';
import { resolveDir, type ShellState } from '../shell/state.js';

/** One script of a step as the file writes it: a YAML scalar, a list item, a Groovy string. */
export interface StepItem {
  chars: Char[];
  /** Its extent in the file (where a site of this item is reported). */
  span: Span;
}

export interface CiStep {
  /** How the format names the construct: 'script', 'bash', 'run', 'sh' … */
  api: string;
  /** The step's script, in one or more items run in one shell (a list of lines is one script). */
  items: StepItem[];
  /** Lines of the step for suppression comments: first..last, and lines whose comment above counts. */
  lines: { first: number; last: number; above: number[] };
  dialect: ShellDialect;
  /** Under 'sh': this sh has `source` (busybox ash, bash as sh); unknown agents are not claimed to lack it. */
  shHasSource: boolean;
  shellName: string;
  /** Variables the step starts with (format variables, `env:`), PATH included when set. */
  env: ReadonlyMap<string, string>;
  /** PATH entries set for this step only (`withEnv(["PATH+X=…"])`), newest first. */
  pathPrepends?: string[];
  /** The folder it starts in (absolute, under the format's workspace); the workspace by default. */
  cwd?: string;
  /** A step that runs no script but writes PATH entries for the later steps (newest first). */
  writesPath?: string[];
}

export interface CiJob {
  /**
   * Run in order, one at a time: a format may make them as they are read (a generator), so that
   * a file's steps are not all held at once (Jenkins: 76,000 `sh` steps of 1.96 MB held ~95 MB).
   */
  steps: Iterable<CiStep>;
}

/** What a format declares once. */
export interface CiFormat {
  language: Language;
  comments: CommentSyntax;
  /** The workspace stand-in (relative venvs are kept under it and shown relative to it). */
  workspace: string;
  /** $HOME stand-in: the same folder in every step, its real place unknown. */
  home: string;
  /** How a step is named in messages ('this step', 'this sh step'). */
  unit: string;
  /** Advice to make a venv persist for the later steps, the format's way. */
  persistAdvice(venv: string, show: (v: string) => string): string;
  /**
   * A command that writes a PATH entry for the later steps the format's way: the directories it
   * puts first (newest first), or undefined when the command is not one. `rest`: the script's
   * text from the command to the end of its line (redirections).
   */
  pathWrite?(cmd: ShellCommand, valueOf: (w: Word) => string, rest: string, sh: ShellState): string[] | undefined;
  /** A venv path as written (`$WORKSPACE/.venv`) → the path it stands for. */
  normalizePath?(p: string): string;
}

/** A step's items as one script: joined with line breaks. */
function scriptOf(items: StepItem[]): Char[] {
  const out: Char[] = [];
  items.forEach((it, i) => {
    if (i > 0) out.push({ ch: '\n', off: -1 });
    pushAll(out, it.chars);
  });
  return out;
}

/** Runs every job's steps through the driver; returns the analysis. */
export function runCiJobs(
  file: SourceFile,
  format: CiFormat,
  jobs: CiJob[],
  problems: { message: string; offset: number }[],
): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  const run = new ConfigRun(file, { language: format.language, comments: format.comments });
  const show = shownVia([[format.home, '$HOME']], shownUnder(format.workspace));
  const lineOf = (off: number) => file.location(Math.min(off, file.text.length)).line;
  let order = 0;
  for (const job of jobs) {
    const venvs = new Map<string, VenvOrigin>();
    const named = new Set<string>();
    /** PATH entries written for later steps so far, newest first. */
    const persisted: string[] = [];
    const group = job;
    let steps = 0;
    for (const step of job.steps) {
      const stepNo = steps++;
      order++;
      if (step.writesPath) persisted.unshift(...step.writesPath);
      if (step.items.length === 0) continue;
      run.suppress(step.lines.first, step.lines.last, { above: step.lines.above });
      const script = scriptOf(step.items);
      const callSpan: Span = { start: step.items[0].span.start, end: step.items[step.items.length - 1].span.end };
      const vars = new Map(step.env);
      const ownPath = vars.get('PATH');
      vars.delete('PATH');
      if (!vars.has('HOME')) vars.set('HOME', format.home);
      const startPath = [...(step.pathPrepends ?? []), ...persisted, ownPath ?? DEFAULT_PATH].join(':');
      const pending: string[] = [];
      const facts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
        form: 'shell',
        showVenv: show,
        shellName: step.shellName,
        unit: format.unit,
        scope: `in ${format.unit}`,
        persistAdvice: (venv) => format.persistAdvice(venv, show),
      };
      run.shell({
        api: step.api,
        callSpan,
        order,
        group,
        dialect: step.dialect,
        shHasSource: step.shHasSource,
        path: startPath,
        cwd: step.cwd ?? format.workspace,
        vars,
        venvs,
        named,
        originAt: (at, command) => ({ line: lineOf(at), how: 'created', where: `in step ${stepNo + 1}`, offset: at, end: command?.end }),
        facts,
        normalizePath: format.normalizePath,
        rewriter: (program, venv, cwd) => {
          if (isUnder(venv, format.home)) return undefined; // no literal path names it on every agent
          const bin = binSeenFrom(venv, cwd, format.workspace);
          return bin === undefined ? undefined : programRewriter(file, program, bin);
        },
        intercept: format.pathWrite ? pathWriteOf(format.pathWrite, script, pending) : undefined,
        // A site of a list item is reported at that item (findings and suppressions per line).
        anchor: step.items.length > 1 ? itemAnchor(step.items.map((it) => it.span)) : undefined,
      }, unitsToWord(script, callSpan));
      persisted.unshift(...pending);
    }
    run.endGroup(group, venvOnPath([...persisted, DEFAULT_PATH].join(':'), venvs, named));
  }
  // After the steps: a format reading its steps as they run finds its problems meanwhile (the
  // file's syntax problem is the first by offset, whatever the order they are added in).
  for (const p of problems) run.problem(p.message, p.offset);
  return run.finish();
}

// The closures a shell's declaration keeps are made out here, so that they hold only what they
// use: made in the loop, they would share its scope and keep every step's script and step object
// alive with the sites that keep the declaration (~1.5 KB a site).

/** The `intercept` of a format that writes PATH entries for later steps: they go to `pending`. */
function pathWriteOf(pathWrite: NonNullable<CiFormat['pathWrite']>, script: Char[], pending: string[]): ShellDecl['intercept'] {
  let indexOfOff: Map<number, number> | undefined;
  /** The script's text from the command to the end of its line. */
  const restOf = (cmd: ShellCommand): string => {
    if (!indexOfOff) {
      indexOfOff = new Map();
      for (let k = script.length - 1; k >= 0; k--) if (script[k].off >= 0) indexOfOff.set(script[k].off, k);
    }
    const at = cmd.span ? (indexOfOff.get(cmd.span.start) ?? -1) : -1;
    if (at < 0) return '';
    let nl = at;
    while (nl < script.length && script[nl].ch !== '\n') nl++;
    return script.slice(at, nl).map((c) => c.ch).join('');
  };
  return (cmd, sh, valueOf) => {
    const dirs = pathWrite(cmd, valueOf, restOf(cmd), sh);
    if (!dirs) return false;
    pending.unshift(...dirs);
    return true;
  };
}

/** A site of a step of several items is reported at the item it is in. */
function itemAnchor(spans: Span[]): (site: LaunchSite) => Span {
  return (site) => {
    const at = site.argv.map((w) => wordSourceSpan(w)?.start).find((o) => o !== undefined);
    return spans.find((sp) => at !== undefined && at >= sp.start && at < sp.end) ?? site.callSpan;
  };
}

/**
 * `echo 'export PATH=DIR:$PATH'`, `export PATH="DIR:${PATH}"` … as text: the directories put in
 * front of the old PATH (none known: undefined).
 */
export function pathPrefixOf(assignment: string, cwd: string | undefined): string[] | undefined {
  const m = /^\s*(?:export\s+)?PATH=(["']?)(.*?)\1\s*;?\s*$/.exec(assignment);
  if (!m) return undefined;
  const out: string[] = [];
  for (const entry of m[2].split(':')) {
    if (/\$\{?PATH\}?/.test(entry) || entry.includes(DEFAULT_PATH)) return out.length ? out : undefined;
    const d = resolveDir(entry, cwd);
    if (d === undefined || hasUnknown(d)) return undefined;
    out.push(d);
  }
  return undefined; // PATH replaced outright: not a prepend we can follow
}

/** `source DIR/bin/activate`, `. DIR/bin/activate` as text: the venv's bin. */
export function activationBinOf(line: string, cwd: string | undefined): string | undefined {
  const m = /^\s*(?:source|\.)\s+(["']?)(\S+?)\/bin\/activate\1\s*;?\s*$/.exec(line);
  if (!m) return undefined;
  const d = resolveDir(m[2], cwd);
  return d === undefined ? undefined : `${d}/bin`;
}

/** The text of echo's (or printf's) output, as far as it is known. */
export function echoed(cmd: ShellCommand, valueOf: (w: Word) => string): string | undefined {
  const w0 = cmd.words[0] === undefined ? undefined : wordText(cmd.words[0]);
  if (w0 !== 'echo' && w0 !== 'printf') return undefined;
  const args = cmd.words.slice(1);
  if (w0 === 'echo') while (args.length && /^-[neE]+$/.test(wordText(args[0]) ?? '')) args.shift();
  else if (args.length > 1 && /^%s(\\n)?$/.test(wordText(args[0]) ?? '')) args.shift();
  return args
    .map(valueOf)
    .join(' ')
    .replace(w0 === 'printf' ? /\\n$/ : /$^/, '');
}

/** A stand-in character sequence for a value the file does not show (a macro, an interpolation). */
export function unknownChars(at: number): Char[] {
  return [{ ch: UNKNOWN, off: at }];
}
