/**
 * What every front end provides: which files it claims, and how a decoded file becomes launch
 * sites (plus its suppression comments and whether it parsed completely). The checker dispatches
 * on this; nothing downstream knows which language a LaunchSite came from except by its field.
 */
import type { FileProblem } from '../kernel/diagnostic.js';
import type { Language, LaunchSite } from '../kernel/launch-site.js';
import type { SourceFile } from '../kernel/source.js';
import type { Suppressions } from '../kernel/suppressions.js';
import type { DecodeResult } from '../kernel/decode.js';
import { hasToolName } from '../judge/python-tools.js';

export interface Analysis {
  sites: LaunchSite[];
  suppressions: Suppressions;
  /** Set when the file was not fully parsed or analysed; it was still checked as far as possible. */
  syntaxProblem?: FileProblem;
}

export interface AnalyzeOptions {
  /**
   * Parse only the parts of the file that can take part in a finding (same findings; syntax
   * errors in the rest go unreported). On with the prefilter; off for fix verification.
   */
  parseLess?: boolean;
  /** With parseLess: the name of any Python tool the judge knows (the prefilter's), for front ends that skip parts by it. */
  tools?: RegExp;
  /** The file runs only where `/bin/sh` has `source` (the project's Alpine image starts it; see the container pre-pass). */
  shHasSource?: boolean;
  /** Whether the file's code may run on Windows too by what its project says (pipeline/platforms.ts; asked only by a fix): shell-string fixes quote for cmd.exe as well. */
  windows?: (filePath: string) => boolean;
  /** Whether the project says it runs on Python 2 too (pipeline/platforms.ts; asked only by a fix): no fix then uses what Python 2 lacks (shutil.which, shlex.quote). */
  python2?: (filePath: string) => boolean;
  /** Whether another Python file of the project is written for Python 3 only (pipeline/platforms.ts; asked only of a file with Python 2 statements). */
  python3Project?: (filePath: string) => boolean;
  /** Where the project's README activates the conda environment its unpackaged scripts run in, for a file outside a package folder (pipeline/documented-env.ts). */
  condaWorkflow?: (filePath: string) => { file: string; line: number } | undefined;
  /** Python: the project's other modules, whose constants and helpers the file imports (project-modules.ts). */
  project?: import('./python/other-modules.js').OtherModules;
}

/**
 * Configuration files are analysed up to this size. Real ones are kilobytes; a multi-megabyte one
 * becomes one shell script of hundreds of thousands of commands (a 6.9 MB Dockerfile RUN took
 * 3.4 s and 727 MB), so it is reported as too large instead.
 */
export const CONFIG_MAX_BYTES = 2 * 1024 * 1024;

/**
 * YAML configuration (GitHub Actions, GitLab CI) is analysed up to this size: the YAML library
 * alone peaks at ~250 MB on a 1.9 MB pipeline, and a 1 MB one of 1,600 jobs took 249 MB in all.
 * The largest real workflow seen is 50 KB; large GitLab pipelines are ~100–200 KB.
 */
export const YAML_CONFIG_MAX_BYTES = 512 * 1024;

/**
 * The words a configuration finding needs one of that a Python tool's name does not cover: a venv,
 * an activation, the self-managing tools.
 */
const SHELL_LINE_WORDS = /venv|virtualenv|activate|VIRTUAL_ENV|\buv\b|conda|poetry|pdm|hatch/i;

/**
 * Of those, the words that can take part in a finding where no venv is known: an activation, an
 * exported VIRTUAL_ENV, an environment manager. Without a venv created or exported, a Python tool
 * started by name, by path or removed has no venv to miss.
 */
const NO_VENV_LINE_WORDS = /activate|VIRTUAL_ENV|\buv\b|conda|poetry|pdm|hatch/i;

/**
 * Words every configuration finding needs one of (a Python tool, a venv, an activation …): the
 * above, and `python` or `pip` in any case anywhere.
 */
const CONFIG_WORDS = new RegExp(`python|pip|${SHELL_LINE_WORDS.source}`, 'i');

/** The prefilter shared by the configuration front ends: can this text hold a finding at all? */
export function configMayMatter(text: string, tools: RegExp): boolean {
  return CONFIG_WORDS.test(text) || hasToolName(tools, text);
}

/**
 * The prefilter for one shell line of a file whose lines are shells of their own (a Makefile's
 * recipe lines): whether the line can take part in a finding. Sharper than configMayMatter, which
 * decides whether a whole file is read at all: `python` and `pip` in any case also match paths
 * such as CPython's `Python/ceval.c`, `PIPE` and `pipeline`; `tools` finds them where they name a program.
 */
export function shellLineMayMatter(text: string, tools: RegExp): boolean {
  return mentionsEnvironment(text) || hasToolName(tools, text);
}

/** Whether the text has a word every configuration finding needs besides a Python tool's name. */
export function mentionsEnvironment(text: string): boolean {
  return SHELL_LINE_WORDS.test(text);
}

/**
 * Of the lines a line-based format's runner cannot read (a crontab's: cron refuses the file; a
 * Procfile's: Heroku, foreman and honcho pass over it), those that could have held a finding: the
 * line names Python, pip or an environment, or the file names one elsewhere, which would make a
 * bare tool on it an escape. A line that could hold none left nothing unchecked (reddit2telegram's
 * own.cron, its scheduler's table under a `MASK<tab>submodule_name` header; ling-in's Procfile
 * with a `heroku ps:scale …` note).
 */
export function unreadLinesThatMatter<P extends { offset: number }>(text: string, problems: P[]): P[] {
  if (!problems.length || mentionsEnvironment(text)) return problems;
  return problems.filter((p) => {
    const end = text.indexOf('\n', p.offset);
    return CONFIG_WORDS.test(text.slice(text.lastIndexOf('\n', p.offset - 1) + 1, end < 0 ? text.length : end));
  });
}

/** shellLineMayMatter where the file knows no venv (none created, none exported as VIRTUAL_ENV). */
export function shellLineMayMatterWithoutVenv(text: string): boolean {
  return NO_VENV_LINE_WORDS.test(text);
}

export interface FrontEnd {
  language: Language;
  /** Files larger than this are reported as too large for this front end (the run's own limit applies too). */
  maxBytes?: number;
  /** Does this front end handle the file? `head` is the file's first line (shebang detection). */
  claims(path: string, head: string): boolean;
  /**
   * Cheap test before analysis: can this text hold anything the rules judge? `tools` matches the
   * name of any Python tool the judge knows (interpreters, pip, console scripts).
   */
  mayMatter(text: string, tools: RegExp): boolean;
  /**
   * An even cheaper test on the undecoded bytes: false only when decoding would report no problem
   * and mayMatter would be false, so the file is skipped without decoding it.
   */
  mayMatterBytes?(bytes: Uint8Array): boolean;
  /** Bytes to text (encoding rules differ: PEP 263 for Python, UTF-8 elsewhere). */
  decode?(path: string, bytes: Uint8Array): DecodeResult;
  /** Analyse, hand the result to `use`, then free what the analysis holds (syntax trees). */
  analyze<T>(file: SourceFile, use: (a: Analysis) => T, opts?: AnalyzeOptions): T;
}

/**
 * Thrown by a front end for a file nested too deeply to parse safely; the checker reports it as
 * that file's `too-deep` problem and goes on with the others.
 */
export class TooDeepError extends Error {}
