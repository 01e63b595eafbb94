/**
 * The public Node API. `check` runs the whole pipeline on paths and returns the same result the
 * CLI renders; `fix` additionally rewrites files (atomically, re-parsed before writing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, fixableBy } from './pipeline/apply-fixes.js';
import { checkSource, type FileCheckResult } from './pipeline/check-file.js';
import { loadConfig, type Config } from './pipeline/config.js';
import type { Diagnostic, FileProblem } from './kernel/diagnostic.js';
import { discoverFiles } from './pipeline/discover.js';
import { SourceFile } from './kernel/source.js';
import { buildSettings, contextFromSettings, perFileIgnores } from './pipeline/context.js';
import { checkFiles } from './pipeline/run.js';
import { encodeText } from './kernel/decode.js';
import { frontEndFor } from './frontends/index.js';
import { loadParsers } from './frontends/tree-sitter.js';
import type { CheckResult } from './reporters/types.js';

export type { CheckResult } from './reporters/types.js';
export type { Diagnostic, Fix, Edit, FileProblem } from './kernel/diagnostic.js';
export type { Rule, RuleMeta, RuleDocs } from './kernel/rule.js';
export type { LaunchSite } from './kernel/launch-site.js';
export { RULES } from './rules/index.js';
export { UsageError } from './pipeline/context.js';
export { ConfigError } from './pipeline/config.js';
export { inspectEnvironment } from './env/doctor.js';
export type { DoctorOptions, EnvironmentReport, InterpreterReport, TargetChoice, ChildRun, PathKind } from './env/doctor.js';
export type { Finding, Severity } from './env/finding.js';
export type { PathEntry, PathOrigin } from './env/probe.js';

export interface CheckOptions {
  paths: string[];
  cwd?: string;
  /** pyproject.toml to read instead of the nearest one. */
  config?: string;
  noConfig?: boolean;
  select?: string[];
  ignore?: string[];
  extendExclude?: string[];
  respectGitignore?: boolean;
  /** Analyse every file, even those the prefilter proves cannot hold an escape. */
  noPrefilter?: boolean;
  jobs?: number;
  maxFileSize?: number;
  /** Apply fixes: 'safe' (--fix) or 'unsafe' (--fix --unsafe-fixes). */
  fix?: 'safe' | 'unsafe';
  /** Compute fixed text but do not write (for --diff). */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface FixedFile {
  path: string;
  before: string;
  after: string;
  applied: number;
}

export async function check(opts: CheckOptions): Promise<CheckResult & { fixed: FixedFile[]; config: Config }> {
  const t0 = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const paths = opts.paths.length ? opts.paths : ['.'];
  const cfg = loadConfig({ start: path.resolve(cwd, paths[0]), configPath: opts.config, noConfig: opts.noConfig });
  if (opts.extendExclude) cfg.extendExclude.push(...opts.extendExclude);
  if (opts.respectGitignore !== undefined) cfg.respectGitignore = opts.respectGitignore;
  if (opts.maxFileSize) cfg.maxFileSize = opts.maxFileSize;
  const settings = buildSettings(cfg, { select: opts.select, ignore: opts.ignore, noPrefilter: opts.noPrefilter });
  const found = discoverFiles(paths.map((p) => path.resolve(cwd, p)), cfg);
  const display = (p: string) => {
    const r = path.relative(cwd, p);
    return r && !r.startsWith('..') ? r : p;
  };
  const results = await checkFiles(found.files, settings, { jobs: opts.jobs, onProgress: opts.onProgress });
  const ignoresFor = perFileIgnores(cfg);
  const diagnostics: Diagnostic[] = [];
  const problems: FileProblem[] = found.problems.map((p) => ({ ...p, path: display(p.path) }));
  const sources = new Map<string, SourceFile>();
  const fixed: FixedFile[] = [];
  let checked = 0;
  let skipped = 0;
  for (const r of results) {
    if (r.skipped) skipped++;
    else if (!r.problems.some((p) => !p.partial)) checked++;
    const shown = display(r.path);
    problems.push(...r.problems.map((p) => ({ ...p, path: shown })));
    const dropped = ignoresFor(r.path);
    let diags = r.diagnostics.filter((d) => !dropped.has(d.code));
    if (opts.fix && r.source && diags.some((d) => fixableBy(d, opts.fix === 'unsafe'))) {
      const outcome = fixFile(r, diags, settings, opts.fix === 'unsafe', !!opts.dryRun);
      if (outcome.problem) problems.push({ ...outcome.problem, path: shown });
      if (outcome.fixed) {
        fixed.push({ ...outcome.fixed, path: shown });
        diags = outcome.remaining.filter((d) => !dropped.has(d.code));
        if (!opts.dryRun) r.source = outcome.source;
      }
    }
    if (diags.length && r.source) {
      const src = new SourceFile(shown, r.source.text, r.source.encoding);
      sources.set(shown, src);
      diagnostics.push(...diags.map((d) => ({ ...d, path: shown })));
    }
  }
  diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.start - b.span.start || a.code.localeCompare(b.code)));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    diagnostics,
    problems,
    filesChecked: checked,
    filesSkipped: skipped,
    fixesApplied: opts.fix ? fixed.reduce((n, f) => n + f.applied, 0) : undefined,
    rules: settings.rules,
    sources,
    cwd,
    durationMs: performance.now() - t0,
    fixed,
    config: cfg,
  };
}

const MAX_FIX_PASSES = 10;

/**
 * Apply fixes until none applies (a later pass may fix what overlapped before), re-checking
 * the new text each time; refuse if the result no longer parses or cannot be encoded back.
 */
function fixFile(
  r: FileCheckResult,
  diags: Diagnostic[],
  settings: Parameters<typeof contextFromSettings>[0],
  unsafe: boolean,
  dryRun: boolean,
): { fixed?: Omit<FixedFile, 'path'>; remaining: Diagnostic[]; source?: SourceFile; problem?: FileProblem } {
  const original = r.source!;
  if (!original.encoding.lossless) return { remaining: diags, problem: { path: r.path, kind: 'decode', message: 'not fixed: the file could not be decoded losslessly', partial: true } };
  const loop = fixLoop(original, diags, contextFromSettings(settings), unsafe);
  if ('error' in loop) return { remaining: diags, problem: { path: r.path, kind: loop.kind, message: loop.error, partial: true } };
  const { text, applied, remaining: current } = loop;
  if (applied === 0) return { remaining: diags };
  const source = new SourceFile(original.path, text, original.encoding);
  if (!dryRun) {
    const bytes = encodeText(original, text);
    if (!bytes) return { remaining: diags, problem: { path: r.path, kind: 'decode', message: `not fixed: the result cannot be encoded as ${original.encoding.name}`, partial: true } };
    try {
      writeAtomically(r.path, bytes);
    } catch (e) {
      // One unwritable file (read-only folder or file system) must not abort the whole run.
      return { remaining: diags, problem: { path: r.path, kind: 'unreadable', message: `not fixed: cannot write the file: ${(e as Error).message}`, partial: true } };
    }
  }
  return { fixed: { before: original.text, after: text, applied }, remaining: current, source };
}

/**
 * Apply fixes until none applies (a later pass may fix what overlapped before), re-checking the
 * new text each time; refuse when the file had syntax errors or a result would not parse.
 */
export function fixLoop(
  original: SourceFile,
  diags: Diagnostic[],
  ctx: ReturnType<typeof contextFromSettings>,
  unsafe: boolean,
): { text: string; applied: number; remaining: Diagnostic[] } | { error: string; kind: FileProblem['kind'] } {
  const parses = (text: string) => !hasSyntaxErrors(new SourceFile(original.path, text, original.encoding));
  if (!parses(original.text)) return { kind: 'syntax', error: 'not fixed: the file has syntax errors, so a fix could not be verified' };
  let text = original.text;
  let current = diags;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const step = applyFixes(text, current, unsafe);
    if (step.applied === 0 || step.text === text) break;
    if (!parses(step.text)) return { kind: 'internal', error: 'not fixed: the fixed code would not parse (please report this)' };
    text = step.text;
    applied += step.applied;
    current = checkSource(new SourceFile(original.path, text, original.encoding), ctx).diagnostics;
  }
  return { text, applied, remaining: current };
}

/** Whether the file's own front end reports it as not fully parsed. */
function hasSyntaxErrors(file: SourceFile): boolean {
  const head = file.text.slice(0, 200).split(/\r?\n|\r/, 1)[0];
  return frontEndFor(file.path, head).analyze(file, (a) => a.syntaxProblem?.kind === 'syntax');
}

/**
 * Write to a temporary file beside the target, then rename over it: never a half-written file.
 * Through a symbolic link the file it points to is rewritten (renaming over the link would
 * replace the link with a copy and leave the target unfixed), and its permission bits are kept.
 */
export function writeAtomically(file: string, bytes: Buffer): void {
  const target = fs.realpathSync(file);
  const st = fs.statSync(target);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.venvguard-${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { mode: st.mode });
    fs.chmodSync(tmp, st.mode & 0o7777); // the mode given at creation is masked by the umask
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* report the first error, not the clean-up's */
    }
    throw e;
  }
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
