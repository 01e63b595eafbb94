/**
 * The public Node API, a thin face over the pipeline (src/pipeline/). `check` runs the whole
 * pipeline on paths and returns the same result the CLI renders (with `fix`, files are rewritten
 * atomically, re-parsed before writing); `checkText`/`fixText` do one in-memory source;
 * `diagnoseSites` runs the diagnose stage on launch sites that came from elsewhere (a tracer, an
 * editor) without any parse.
 */
import path from 'node:path';
import v8 from 'node:v8';
import { fixableBy } from './pipeline/apply-fixes.js';
import { checkSource } from './pipeline/check-file.js';
import { loadConfig, type Config } from './pipeline/config.js';
import { ConfigResolver } from './pipeline/resolver.js';
import { RULES } from './rules/index.js';
import type { Diagnostic, FileProblem } from './kernel/diagnostic.js';
import { discoverFiles } from './pipeline/discover.js';
import { SourceFile } from './kernel/source.js';
import { buildSettings, contextFromSettings, perFileIgnores } from './pipeline/context.js';
import { diagnose, type SiteSource } from './pipeline/diagnose.js';
import { fixFile, fixLoop, writeFix } from './pipeline/fix.js';
import { FixWriter, holdSignalsWhileWriting, realpathOr } from './pipeline/fix-write.js';
import { UsageError } from './kernel/errors.js';
import { checkFiles, chooseWasmTier } from './pipeline/run.js';
import { recheckWithStarters } from './pipeline/who-runs.js';
import { followScripts } from './pipeline/follow-scripts.js';
import { containerRuns } from './pipeline/container-images.js';
import { applyBaseline, readBaseline, writeBaseline } from './pipeline/baseline.js';
import { loadParsers, parsersLoaded } from './frontends/tree-sitter.js';
import type { CheckResult, DiagnosticList, ReportInput } from './reporters/types.js';
import { findingsOf, pack, PackedList, StringTable, type PackedFindings } from './pipeline/packed.js';
import type { LaunchSite } from './kernel/launch-site.js';
import type { TraceRecord } from './env/trace/records.js';
import { judgeTrace, type TraceJudgement } from './env/trace/judge.js';
import { spawnSites } from './pipeline/trace-sites.js';
import { checkCommand, expectedVenv, type ExpectedVenv } from './env/trace/expected.js';
import { launchTraced, type LaunchResult } from './env/trace/launch.js';

export type { CheckResult } from './reporters/types.js';
export type { Diagnostic, Fix, Edit, FileProblem } from './kernel/diagnostic.js';
export type { Rule, RuleMeta, RuleDocs } from './kernel/rule.js';
export type { LaunchSite, EnvState, PathState, ConfigSiteFacts } from './kernel/launch-site.js';
export type { Word, Fragment } from './kernel/word.js';
export { SourceFile } from './kernel/source.js';
export type { SiteSource } from './pipeline/diagnose.js';
export { fixLoop } from './pipeline/fix.js';
export { writeAtomically } from './pipeline/fix-write.js';
export { RULES } from './rules/index.js';
export { UsageError } from './pipeline/context.js';
export { ConfigError } from './pipeline/config.js';
export { inspectEnvironment } from './env/doctor.js';
export type { DoctorOptions, EnvironmentReport, InterpreterReport, TargetChoice, ChildRun, PathKind } from './env/doctor.js';
export type { Finding, Severity } from './env/finding.js';
export type { PathEntry, PathOrigin } from './env/probe.js';
export { resolveInterpreter, spawnPython, activatedEnv, InterpreterNotFound } from './env/interpreter.js';
export type { ResolvedInterpreter, ResolveOptions, SpawnPythonOptions } from './env/interpreter.js';
export type { TraceRecord, ProcessRecord, SpawnRecord, StackFrame } from './env/trace/records.js';
export type { Escape, EscapeCode, ProcessNode, TraceJudgement } from './env/trace/judge.js';
export type { ExpectedVenv } from './env/trace/expected.js';
export { CommandError } from './env/trace/expected.js';
export { LaunchError } from './env/trace/launch.js';

export interface CheckOptions {
  paths: string[];
  cwd?: string;
  /** pyproject.toml to read instead of the nearest one. */
  config?: string;
  noConfig?: boolean;
  select?: string[];
  /** Rules added to the selection (e.g. the opt-in VG106). */
  extendSelect?: string[];
  ignore?: string[];
  extendExclude?: string[];
  respectGitignore?: boolean;
  /** Skip named files that are excluded or in no format venvguard reads, as a folder walk does. */
  forceExclude?: boolean;
  /** Analyse every file, even those the prefilter proves cannot hold an escape. */
  noPrefilter?: boolean;
  jobs?: number;
  maxFileSize?: number;
  /** Apply fixes: 'safe' (--fix) or 'unsafe' (--fix --unsafe-fixes). */
  fix?: 'safe' | 'unsafe';
  /** Compute fixed text but do not write (for --diff). */
  dryRun?: boolean;
  /** With fix: rewrite read-only files too (they keep their mode). */
  fixReadonly?: boolean;
  /** Report only findings this baseline file does not hold (pipeline/baseline.ts). */
  baseline?: string;
  /** With baseline: record today's findings in it first (then none is reported). */
  updateBaseline?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface FixedFile {
  path: string;
  before: string;
  after: string;
  applied: number;
}

export async function check(opts: CheckOptions): Promise<CheckResult & { fixed: FixedFile[]; config: Config }> {
  const r = await runCheck(opts, false);
  return { ...r, diagnostics: r.diagnostics as Diagnostic[] };
}

/**
 * `check` for a report that reads its findings once, in order (the CLI): they stay packed
 * (packed.ts), and each file's are made into objects only while the report reads them, so that a
 * run's memory does not grow with objects for every finding at once.
 */
export async function checkForReport(opts: CheckOptions): Promise<ReportInput & { fixed: FixedFile[]; config: Config }> {
  return runCheck(opts, true);
}

async function runCheck(opts: CheckOptions, packedReport: boolean): Promise<ReportInput & { fixed: FixedFile[]; config: Config }> {
  const t0 = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const paths = opts.paths.length ? opts.paths : ['.'];
  // Each file takes the settings file nearest to it (pipeline/resolver.ts); the command line's flags win in all of them.
  const resolver = new ConfigResolver(path.resolve(cwd, paths[0]), {
    configPath: opts.config,
    noConfig: opts.noConfig,
    apply: (c) => {
      if (opts.extendExclude) c.extendExclude.push(...opts.extendExclude);
      if (opts.respectGitignore !== undefined) c.respectGitignore = opts.respectGitignore;
      if (opts.forceExclude !== undefined) c.forceExclude = opts.forceExclude;
      if (opts.maxFileSize) c.maxFileSize = opts.maxFileSize;
    },
  });
  const cfg = resolver.primary;
  const cli = { select: opts.select, extendSelect: opts.extendSelect, ignore: opts.ignore, noPrefilter: opts.noPrefilter };
  const settings = buildSettings(cfg, cli);
  if (opts.fixReadonly && !opts.fix) throw new UsageError('--fix-readonly applies only with --fix (it lets --fix rewrite read-only files)');
  if (opts.updateBaseline && !opts.baseline) throw new UsageError('--update-baseline needs --baseline FILE (the file to record the findings in)');
  if (opts.baseline && opts.fix) throw new UsageError('--baseline does not combine with --fix or --diff: fixes would also rewrite the recorded findings');
  const recorded = opts.baseline && !opts.updateBaseline ? readBaseline(path.resolve(cwd, opts.baseline)) : undefined;
  const roots = paths.map((p) => path.resolve(cwd, p));
  const found = discoverFiles(roots, resolver.perFile ? (dir, names) => resolver.forDir(dir, names) : cfg);
  const display = (p: string) => {
    const r = path.relative(cwd, p);
    return r && !r.startsWith('..') ? r : p;
  };
  settings.imageRuns = [...containerRuns(found.files, found.claimed, found.buildFiles, paths.map((p) => path.resolve(cwd, p)))];
  // The run's distinct settings (usually one), each built once; a file's index into them.
  const all = [settings];
  const built = new Map<Config, number>([[cfg, 0]]);
  const settingsIndex = (file: string) => {
    const c = resolver.forFile(file);
    let k = built.get(c);
    if (k === undefined) {
      built.set(c, (k = all.length));
      all.push({ ...buildSettings(c, cli), imageRuns: settings.imageRuns });
    }
    return k;
  };
  const fileSettings = found.files.map(settingsIndex);
  const ignores = new Map<Config, (file: string) => Set<string>>();
  const ignoresFor = (file: string) => {
    const c = resolver.forFile(file);
    let f = ignores.get(c);
    if (!f) ignores.set(c, (f = perFileIgnores(c)));
    return f(file);
  };
  const contexts = new Map<number, ReturnType<typeof contextFromSettings>>();
  const contextFor = (file: string) => {
    const k = settingsIndex(file);
    let c = contexts.get(k);
    if (!c) contexts.set(k, (c = contextFromSettings(all[k])));
    return c;
  };
  // With --fix, the thread that checks a file also computes its fixed text; it is written here.
  const fix = opts.fix ? { unsafe: opts.fix === 'unsafe', dropped: ignoresFor } : undefined;
  const results = await checkFiles(found.files, all, { jobs: opts.jobs, onProgress: opts.onProgress, claimed: found.claimed, fix, settingsOf: (i) => fileSettings[i] });
  // Python files with findings that the project starts: checked again, knowing how (who-runs.ts), each with its own settings.
  await recheckWithStarters(found.files, found.claimed, roots, settings, results, (files, s) => {
    const withStarters = all.map((x) => ({ ...x, whoRuns: s.whoRuns }));
    const index = files.map(settingsIndex);
    return checkFiles(files, withStarters, { jobs: opts.jobs, claimed: found.claimed, fix, settingsOf: (i) => index[i] });
  }, () => chooseWasmTier(settings));
  // Shell scripts of the repository that configuration runs: analysed again with each caller's state (follow-scripts.ts).
  await followScripts(found.files, found.claimed, roots, results, contextFor, (p) => display(path.resolve(p)), () => chooseWasmTier(settings));
  const diagnostics: Diagnostic[] = [];
  // With packedReport: each file's findings, packed again as the report shows them (sorted, shown path).
  const groups: { path: string; findings: PackedFindings }[] = [];
  const table = new StringTable();
  const problems: FileProblem[] = found.problems.map((p) => ({ ...p, path: display(p.path) }));
  const sources = new Map<string, SourceFile>();
  const fixed: FixedFile[] = [];
  let checked = 0;
  let skipped = 0;
  const writer = opts.fix && !opts.dryRun ? new FixWriter({ roots, fixReadonly: opts.fixReadonly }) : undefined;
  // A file walked under two names (a link and its target) is fixed once, under the first.
  const fixedAt = new Map<string, ReturnType<typeof fixFile>>();
  for (const r of results) {
    if (r.skipped) skipped++;
    else if (!r.problems.some((p) => !p.partial)) checked++;
    const shown = display(r.path);
    problems.push(...r.problems.map((p) => ({ ...p, path: shown })));
    const dropped = ignoresFor(r.path);
    let diags = findingsOf(r).filter((d) => !dropped.has(d.code));
    const real = opts.fix && r.source && diags.some((d) => fixableBy(d, opts.fix === 'unsafe')) ? realpathOr(r.path) : undefined;
    if (real !== undefined && fixedAt.has(real)) {
      // Its other name was fixed (or refused, and reported) already: show what is left there.
      const earlier = fixedAt.get(real);
      if (earlier?.fixed && writer) {
        diags = earlier.remaining.filter((d) => !dropped.has(d.code));
        r.source = earlier.source;
      }
    } else if (real !== undefined) {
      // Loaded here when workers did the checking; rebuilt if an earlier file's fixes trapped the parser.
      if (!r.fix) await loadParsers();
      // While it writes, SIGINT/SIGTERM wait for the write to end, then end the run (fix-write.ts).
      const release = writer ? holdSignalsWhileWriting() : undefined;
      let outcome: ReturnType<typeof fixFile>;
      try {
        outcome = r.fix ? writeFix(r, diags, r.fix, writer) : fixFile(r, diags, contextFor(r.path), opts.fix === 'unsafe', writer, [...dropped]);
      } finally {
        await release?.();
      }
      fixedAt.set(real, outcome);
      if (outcome.problem) problems.push({ ...outcome.problem, path: shown });
      if (outcome.fixed) {
        fixed.push({ ...outcome.fixed, path: shown });
        diags = outcome.remaining.filter((d) => !dropped.has(d.code));
        if (writer) r.source = outcome.source;
      }
    }
    if (diags.length && r.source) {
      sources.set(shown, r.source.path === shown ? r.source : new SourceFile(shown, r.source.text, r.source.encoding));
      // Copied only to take the shown path (findings are kept until the report: most already have it).
      const here = diags.map((d) => (d.path === shown ? d : { ...d, path: shown }));
      if (packedReport) groups.push({ path: shown, findings: pack(here.sort(byPosition), table) });
      else diagnostics.push(...here);
    }
    // The file's result holds nothing more the run needs: its findings and text are where the
    // report takes them from, and are not held twice while the rest are gathered.
    r.diagnostics = [];
    r.packed = undefined;
    r.source = undefined;
  }
  diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : byPosition(a, b)));
  groups.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let findings: DiagnosticList = packedReport ? new PackedList(groups.map((g) => g.findings)) : diagnostics;
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let baseline: CheckResult['baseline'];
  if (opts.baseline) {
    const all = [...findings];
    const written = opts.updateBaseline ? writeBaseline(opts.baseline, all, sources, cwd) : undefined;
    const { kept, hidden } = recorded ? applyBaseline(recorded, opts.baseline, all, sources, cwd) : { kept: [], hidden: all.length };
    findings = kept;
    baseline = { file: opts.baseline, hidden, written };
  }
  return {
    diagnostics: findings,
    baseline,
    problems,
    filesChecked: checked,
    filesSkipped: skipped,
    fixesApplied: opts.fix ? fixed.reduce((n, f) => n + f.applied, 0) : undefined,
    // Every rule some file was checked with, in the registry's order.
    rules: all.length === 1 ? settings.rules : RULES.filter((r) => all.some((s) => s.ruleCodes.includes(r.code))),
    sources,
    cwd,
    durationMs: performance.now() - t0,
    fixed,
    config: cfg,
  };
}

/** A file's findings in report order. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.code.localeCompare(b.code);
}

/** Fix one in-memory Python source; returns the new text (unchanged when nothing applies). */
export async function fixText(text: string, opts: { unsafe?: boolean; select?: string[]; path?: string } = {}): Promise<string> {
  await loadParsers();
  const cfg = loadConfig({ start: process.cwd(), noConfig: true });
  const ctx = contextFromSettings(buildSettings(cfg, { select: opts.select }));
  const file = new SourceFile(opts.path ?? '<text>', text);
  const loop = fixLoop(file, checkSource(file, ctx).diagnostics, ctx, !!opts.unsafe);
  if ('error' in loop) throw new Error(loop.error);
  return loop.text;
}

/** Check one in-memory source (for editors and tests); `path` picks the front end (Python by default). */
export async function checkText(text: string, opts: { path?: string; select?: string[]; cwd?: string } = {}): Promise<Diagnostic[]> {
  await loadParsers();
  const cfg = loadConfig({ start: opts.cwd ?? process.cwd(), noConfig: true });
  const settings = buildSettings(cfg, { select: opts.select });
  const ctx = contextFromSettings(settings);
  return checkSource(new SourceFile(opts.path ?? '<text>', text), ctx).diagnostics;
}

/**
 * The diagnose stage alone, for callers that have launch sites but no parse (the runtime tracer,
 * an editor server): judge → rules → diagnostics with fixes, suppressions honoured.
 */
export function diagnoseSites(file: SourceFile, sites: readonly LaunchSite[], opts: { select?: string[]; cwd?: string; suppressions?: SiteSource['suppressions'] } = {}): { diagnostics: Diagnostic[]; problems: FileProblem[] } {
  const cfg = loadConfig({ start: opts.cwd ?? process.cwd(), noConfig: true });
  const ctx = contextFromSettings(buildSettings(cfg, { select: opts.select }));
  return diagnose(file, { sites, suppressions: opts.suppressions ?? new Map() }, ctx);
}

/**
 * `venvguard run`'s judgement of trace records against a venv: the spawns become launch sites
 * (pipeline/trace-sites.ts) judged as `check` judges them, resolved on the child's real PATH.
 */
export async function judgeRecords(records: readonly TraceRecord[], opts: { venv: string; cwd?: string; env?: Record<string, string | undefined>; launcherPid?: number }): Promise<TraceJudgement> {
  // The shell model parses a few short command strings with tree-sitter-bash: the baseline WebAssembly
  // tier is enough, and the optimising one kept the process alive for seconds after the report.
  if (!parsersLoaded()) v8.setFlagsFromString('--liftoff-only');
  await loadParsers();
  const cwd = opts.cwd ?? process.cwd();
  const cfg = loadConfig({ start: cwd, noConfig: false });
  const { knowledge } = contextFromSettings(buildSettings(cfg, {}));
  return judgeTrace(records, { venv: opts.venv, sitesOf: spawnSites, knowledge, env: opts.env ?? process.env, cwd, launcherPid: opts.launcherPid });
}

export interface TraceOptions {
  /** CMD and its arguments, as for execvp. */
  command: string[];
  /** The expected venv; else CMD's own venv, VIRTUAL_ENV, or .venv/venv from cwd upward. */
  venv?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Keep the trace folder (its path is `folder`). */
  keep?: boolean;
  /** 'pipe' returns the command's stdout/stderr; 'inherit' (default) passes them through. */
  stdio?: 'inherit' | 'pipe';
  /** With stdio 'pipe': what the command reads on stdin. */
  input?: string | Buffer;
}

export interface TraceOutcome extends LaunchResult {
  expected: ExpectedVenv;
  judgement: TraceJudgement;
}

/**
 * `venvguard run` as a function: CMD runs with the tracer installed; returns its exit status, the
 * records every Python process below it wrote, and their judgement against the expected venv.
 * Throws UsageError for bad input (no command, a --venv that is not a venv, no venv to judge
 * against) and CommandError (exitCode 127/126) for a command that names nothing or cannot run.
 */
export async function trace(opts: TraceOptions): Promise<TraceOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  checkCommand(opts.command, cwd, env);
  const expected = expectedVenv({ venv: opts.venv, command: opts.command, cwd, env });
  const result = await launchTraced({ command: opts.command, cwd, env, keep: opts.keep, stdio: opts.stdio, input: opts.input });
  const judgement = await judgeRecords(result.records, { venv: expected.venv, cwd, env, launcherPid: process.pid });
  return { ...result, expected, judgement };
}
