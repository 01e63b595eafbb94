/**
 * One file through the pipeline: bytes → SourceFile → (prefilter) → front end → LaunchSites →
 * the diagnose stage (judge → rules → Diagnostics + fixes). Never throws for bad input: problems
 * are returned. The front end is chosen once — by discovery for a walked file, when read for a file
 * named explicitly — and travels with the file to analysis, the workers and the fix loop.
 */
import fs from 'node:fs';
import type { Diagnostic, FileProblem } from '../kernel/diagnostic.js';
import type { Language } from '../kernel/launch-site.js';
import type { SourceFile } from '../kernel/source.js';
import type { PackedFindings } from './packed.js';
import { decodeText } from '../kernel/decode.js';
import { TooComplexError } from '../kernel/budgets.js';
import { frontEndByLanguage, frontEndFor, headOf } from '../frontends/index.js';
import { shebangShell } from '../frontends/shell-script/index.js';
import { TooDeepError, type AnalyzeOptions, type FrontEnd } from '../frontends/front-end.js';
import { isParserTrap, ParserDamagedError, parsersDamaged, parsersHealthy } from '../frontends/tree-sitter.js';
import type { Prefilter } from '../frontends/python/prefilter.js';
import type { OtherModules } from '../frontends/python/other-modules.js';
import { diagnose, type DiagnoseContext } from './diagnose.js';

export interface FileCheckContext extends DiagnoseContext {
  /** Skip files that cannot hold an escape (undefined: analyse everything). */
  prefilter?: Prefilter;
  /** The project's other modules, for names and helpers a Python file imports (project-modules.ts). */
  project?: OtherModules;
  /** Whether a file's code may run on Windows too by what its project says (platforms.ts): shell-string fixes quote for cmd.exe as well. */
  windows?: (filePath: string) => boolean;
  python2?: (filePath: string) => boolean;
  python3Project?: (filePath: string) => boolean;
  condaWorkflow?: (filePath: string) => { file: string; line: number } | undefined;
  maxFileSize: number;
}

export interface FileCheckResult {
  path: string;
  /** The findings as objects; a run keeps them packed instead (`packed`, then this is empty: read them with `findingsOf`). */
  diagnostics: Diagnostic[];
  packed?: PackedFindings;
  problems: FileProblem[];
  /** True when the prefilter showed the file cannot hold an escape, or it is a template that does not parse. */
  skipped: boolean;
  /** The decoded source, when there are diagnostics (for code frames and fixes). */
  source?: SourceFile;
  /** The front end chosen for the file when it was read; analysis and fixing use the same one. */
  language?: Language;
  /** A Python file's launches, by name, of programs only its environment provides (policy.ts `path-reliant`). */
  reliant?: readonly { name: string; line: number }[];
}

/** readForCheck, never throwing: an unexpected error is that file's problem, not the run's. */
export function readForCheckSafely(path: string, ctx: Pick<FileCheckContext, 'prefilter' | 'maxFileSize'>, language?: Language): { result: FileCheckResult; file?: SourceFile } {
  try {
    return readForCheck(path, ctx, language);
  } catch (e) {
    return {
      result: { path, diagnostics: [], problems: [{ path, kind: 'internal', message: `internal error while reading: ${(e as Error).message}`, partial: false }], skipped: false },
    };
  }
}

/**
 * The cheap half: read, decode and prefilter. Returns the decoded file only when it must be
 * analysed (the engine runs this on the main thread and sends only those files to workers).
 */
export function readForCheck(path: string, ctx: Pick<FileCheckContext, 'prefilter' | 'maxFileSize'>, language?: Language): { result: FileCheckResult; file?: SourceFile } {
  const result: FileCheckResult = { path, diagnostics: [], problems: [], skipped: false };
  const problem = (kind: FileProblem['kind'], message: string) => {
    result.problems.push({ path, kind, message, partial: false });
    return { result };
  };
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // One open and fstat instead of stat, then open and fstat again (readFileSync): 1,740 files,
    // ~20 ms. Non-blocking, so that opening a FIFO does not wait for a writer.
    fd = OPEN_FLAGS === undefined ? undefined : fs.openSync(path, OPEN_FLAGS);
    const st = fd === undefined ? fs.statSync(path) : fs.fstatSync(fd);
    if (!st.isFile()) return problem('not-a-file', 'not a regular file; skipped');
    if (st.size > ctx.maxFileSize) return problem('too-large', `${sizeText(st.size)} is over the --max-file-size limit of ${sizeText(ctx.maxFileSize)}; skipped`);
    bytes = fd === undefined ? fs.readFileSync(path) : readAll(fd, st.size);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ELOOP') return problem('symlink-loop', 'symbolic link loop; skipped');
    return problem('unreadable', `cannot read: ${err.code ?? ''} ${err.message.replace(/^[A-Z]+: /, '')}`.trim());
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  // The front end discovery chose (by name or first line); a file named explicitly is chosen here.
  const fe = language ? frontEndByLanguage(language) : frontEndFor(path, headOf(path, bytes));
  result.language = fe.language;
  if (fe.maxBytes !== undefined && bytes.length > fe.maxBytes) {
    return problem('too-large', `${sizeText(bytes.length)} is over the ${sizeText(fe.maxBytes)} that ${fe.language} files are analysed up to; skipped`);
  }
  if (ctx.prefilter && fe.mayMatterBytes && !fe.mayMatterBytes(bytes) && !(fe.language === 'python' && ctx.prefilter.mayMatterThroughProject(path, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)))) {
    result.skipped = true;
    return { result };
  }
  // Past the bytes prefilter: the file's own copy, not the scratch buffer's (readAll).
  if (scratch && bytes.buffer === scratch.buffer) bytes = Buffer.from(bytes);
  const decoded = (fe.decode ?? decodeText)(path, bytes);
  if (!decoded.ok) return problem(decoded.kind, decoded.message);
  if (decoded.warning) result.problems.push({ path, kind: 'decode', message: decoded.warning, partial: true });
  const file = decoded.file;
  if (ctx.prefilter && !fe.mayMatter(file.text, ctx.prefilter.tools) && !(fe.language === 'python' && ctx.prefilter.mayMatterThroughProject(path, file.text))) {
    result.skipped = true;
    return { result };
  }
  return { result, file };
}

/** Where the platform has O_NONBLOCK (not Windows, which stats first instead). */
const OPEN_FLAGS = fs.constants.O_NONBLOCK === undefined ? undefined : fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/**
 * Most files stop at the prefilter on their bytes, so files up to SCRATCH_BYTES are read into one
 * buffer reused from file to file (readForCheck copies out the bytes of a file that goes on):
 * 31.7 MB of fresh buffers on the stdlib cost ~9 ms more, in page faults and garbage collection.
 */
const SCRATCH_BYTES = 1 << 20;
let scratch: Buffer | undefined;

/**
 * A regular file's bytes, up to the `size` fstat gave (fewer if it shrank meanwhile): the
 * scratch buffer's for a small file, valid until the next read.
 */
function readAll(fd: number, size: number): Buffer {
  // Some file systems (procfs, some FUSE) report 0 for files that have content: read to the end.
  if (size === 0) return fs.readFileSync(fd);
  const buf = size <= SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)).subarray(0, size) : Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const r = fs.readSync(fd, buf, n, size - n, n);
    if (r === 0) break;
    n += r;
  }
  return n < size ? buf.subarray(0, n) : buf;
}

/**
 * Jinja statement tags (`{% if … %}`, `{%- endfor %}` …), a cookiecutter expression, or a Jinja or
 * Go template expression written as a YAML value (`image: {{ DOCKER_IMAGE_OPENEDX_DEV }}`, tutor's
 * templates/dev/docker-compose.jobs.yml: YAML reads `{` as a flow mapping); not a GitHub Actions
 * `${{ … }}`. A statement tag is looked for up to 300 characters on (an unbounded `[^\n]*?%\}` scanned
 * to the end of the line from every `{% if`: quadratic on one hostile line).
 */
const TEMPLATE_SYNTAX =
  /\{%[-+]?\s*(?:if|elif|else|endif|for|endfor|raw|endraw|set|endset|macro|endmacro|include|import|from|block|endblock|extends|with|endwith|filter|endfilter|call|endcall)\b[^\n]{0,300}?%\}|\{\{-?\s*cookiecutter\.|:[ \t]+\{\{-?[ \t]*\.?[A-Za-z_][\w.]*[^{}\n]*\}\}/;

/** Whether a file holds template syntax, so that its format's syntax errors may be the template's. */
export function isTemplate(text: string): boolean {
  return TEMPLATE_SYNTAX.test(text);
}

/** Exact bytes, with MB beside them from 1 MiB up ("0 MB limit" told nothing for small limits). */
function sizeText(n: number): string {
  return n < 1048576 ? `${n} bytes` : `${(n / 1048576).toFixed(1)} MB (${n} bytes)`;
}

/** The expensive half: parse, find launch sites, judge, report (with the front end chosen when reading). */
export function analyseDecoded(result: FileCheckResult, file: SourceFile, ctx: Omit<FileCheckContext, 'maxFileSize'>): FileCheckResult {
  const path = result.path;
  try {
    const fe = result.language ? frontEndByLanguage(result.language) : undefined;
    const { diagnostics, problems, reliant } = checkSource(file, ctx, fe);
    if (!parsersHealthy()) throw new ParserDamagedError('the parser answered a known text wrongly after this file');
    if (problems.some((p) => p.kind === 'syntax') && (isTemplate(file.text) || (result.language === 'shell' && shebangShell(headOf(file.path, file.text))?.name === 'zsh'))) {
      // A template (cookiecutter's `{% if %}` in a Dockerfile) is not a file of its format until it
      // is rendered, and a zsh script whose zsh syntax bash does not read (kitty's shell integration:
      // `${(%):-%x}`, `() { … }`) is not a script of the shell this checker models: skipped like a
      // file that cannot matter, not reported as broken.
      result.skipped = true;
      return result;
    }
    result.diagnostics = diagnostics;
    result.problems.push(...problems);
    if (reliant) result.reliant = reliant;
    if (diagnostics.length) result.source = file;
  } catch (e) {
    result.problems.push(crashProblem(path, e));
  }
  return result;
}

/**
 * What an exception from a front end means for its file. A trap in the parser's WebAssembly (or
 * damage found after the file) is this file's, once: the runtime is rebuilt before the next file
 * (`loadParsers`), so the other files are checked as if it had never happened.
 */
export function crashProblem(path: string, e: unknown): FileProblem {
  if (e instanceof TooComplexError) return { path, kind: 'too-complex', message: e.message, partial: false };
  if (e instanceof TooDeepError) return { path, kind: 'too-deep', message: e.message, partial: false };
  if (e instanceof RangeError) return { path, kind: 'too-deep', message: 'too deeply nested to analyse; skipped', partial: false };
  if (isParserTrap(e) || e instanceof ParserDamagedError || parsersDamaged()) {
    const why = e instanceof WebAssembly.RuntimeError ? `the parser crashed on this file (${e.message})` : 'the parser was left damaged by this file';
    return { path, kind: 'parser-crash', message: `${why}; skipped, and the parser was restarted for the other files`, partial: false };
  }
  return { path, kind: 'internal', message: `internal error while checking: ${(e as Error).message}`, partial: false };
}

/**
 * A decoded file through its front end and the diagnose stage. `fe` is the front end chosen when
 * the file was read (in-memory text without one: chosen here, by path and first line). With a
 * prefilter in the context, only what can take part in a finding is parsed (AnalyzeOptions).
 */
export function checkSource(file: SourceFile, ctx: Omit<FileCheckContext, 'maxFileSize'>, fe: FrontEnd = frontEndFor(file.path, headOf(file.path, file.text))): ReturnType<typeof diagnose> {
  return fe.analyze(file, (analysis) => diagnose(file, analysis, ctx), { parseLess: !!ctx.prefilter, tools: ctx.prefilter?.tools, shHasSource: ctx.imageRuns?.get(file.path)?.shHasSource, project: ctx.project, ...projectAnswers(ctx) });
}

/** What the front ends may ask of the project (its platforms, its README), the same for a check and a fix's re-check. */
export function projectAnswers(ctx: Pick<FileCheckContext, 'windows' | 'python2' | 'python3Project' | 'condaWorkflow'>): Pick<AnalyzeOptions, 'windows' | 'python2' | 'python3Project' | 'condaWorkflow'> {
  return { windows: ctx.windows, python2: ctx.python2, python3Project: ctx.python3Project, condaWorkflow: ctx.condaWorkflow };
}
