/**
 * Facts about a configuration-file launch site (Dockerfile, GitHub Actions …) that the venv-in-scope
 * rules need and LaunchSite does not carry: where each known venv came from, whether the command
 * creates a venv, and activations. One WeakMap shared by every configuration front end.
 */
import path from 'node:path';
import type { LaunchSite, RewriteTarget } from '../core/launch-site.js';
import type { SourceFile, Span } from '../core/source.js';
import type { FileProblem } from '../core/diagnostic.js';
import { wordText, type Word } from '../core/word.js';

/** A PATH value's unknown default part (the image's or runner's PATH): it holds no venv. */
export const DEFAULT_PATH = '\u0000';
/** An unknown value inside a variable. */
export const UNKNOWN = '\u0001';

/**
 * The venv whose bin comes first on this PATH value (before the default directories), if any:
 * one of `venvs`, or one the file otherwise names (`extra`: VIRTUAL_ENV, an activation's target).
 */
export function venvOnPath(pathValue: string | undefined, venvs: ReadonlyMap<string, unknown>, ...extra: (string | ReadonlySet<string> | undefined)[]): string | undefined {
  if (pathValue === undefined) return undefined;
  const named = (v: string) => extra.some((e) => (typeof e === 'string' ? e === v : e?.has(v)));
  for (const entry of pathValue.split(':')) {
    if (entry.includes(DEFAULT_PATH)) return undefined; // /usr/local/bin, /usr/bin … come first
    const dir = entry.replace(/\/+$/, '');
    if (!dir.endsWith('/bin')) continue;
    const venv = dir.slice(0, -4);
    if (venvs.has(venv) || named(venv)) return venv;
  }
  return undefined;
}

const VENV_OPTIONS_WITH_VALUE = new Set(['-p', '--python', '--prompt', '--index-url', '--extra-index-url', '--cache-dir', '--app-data', '--activators', '--extra-search-dir', '--seeder']);

/** The folder a command creates a venv in: `python -m venv X`, `python -m virtualenv X`, `virtualenv X`, `uv venv [X]`. */
export function createdVenv(argv: Word[]): string | undefined {
  const t = argv.map((w) => wordText(w));
  if (t[0] === undefined) return undefined;
  const prog = path.posix.basename(t[0]);
  let i: number;
  let dflt: string | undefined;
  if (/^python[\d.]*$/.test(prog) && t[1] === '-m' && (t[2] === 'venv' || t[2] === 'virtualenv')) i = 3;
  else if (prog === 'virtualenv') i = 1;
  else if (prog === 'uv' && t[1] === 'venv') {
    i = 2;
    dflt = '.venv';
  } else return undefined;
  for (; i < t.length; i++) {
    const a = t[i];
    if (a === undefined) return undefined;
    if (a === '--') return t[i + 1];
    if (a.startsWith('-')) {
      if (VENV_OPTIONS_WITH_VALUE.has(a)) i++;
      continue;
    }
    return a;
  }
  return dflt;
}

export interface VenvOrigin {
  /** 1-based line of the instruction or step that created (or copied in) the venv. */
  line: number;
  /** 'named': the file uses the venv by path (`/srv/app/venv/bin/pip`, `VIRTUAL_ENV=`, an activation) without creating it. */
  how: 'created' | 'copied' | 'named';
  /** Where, in the format's own terms, when a line alone does not say it: "in step 2", "by target venv". */
  where?: string;
  /** Offset of the command or instruction that made it. */
  offset?: number;
  /** End offset of the command that made it (fixes insert after it). */
  end?: number;
}

/** " created at line 2", " copied in at line 6", " named at line 3", " created in step 1 (line 5)". */
export function originText(o: VenvOrigin | undefined): string {
  if (!o) return '';
  const how = o.how === 'copied' ? 'copied in' : o.how === 'named' ? 'named' : 'created';
  return o.where ? ` ${how} ${o.where} (line ${o.line})` : ` ${how} at line ${o.line}`;
}

export interface ConfigSiteFacts {
  /** Where each known venv (by absolute path) came from. */
  venvOrigins: ReadonlyMap<string, VenvOrigin>;
  /** The command creates a venv (`python -m venv X` …): using the system interpreter is the point. */
  createsVenv?: boolean;
  /** An earlier `source …/activate` in this shell failed (dash): the venv it meant, for rules to defer to source-in-sh. */
  afterFailedActivation?: string;
  /** Set on `source X/bin/activate` / `. X/bin/activate` sites. */
  activation?: {
    venv: string;
    /** No command follows the activation in the same shell (RUN, step): it has no effect at all. */
    lastInRun: boolean;
    /** The activation is the shell's only command. */
    alone?: boolean;
    /** `source` under a POSIX sh (dash): the command fails and nothing is activated. */
    fails?: 'source-in-sh';
    /** A later shell has this venv on PATH anyway (ENV PATH, $GITHUB_PATH …): computed when read. */
    readonly onPathLater?: boolean;
    /** Sites of later shells (RUNs, steps) that run with no venv on PATH (computed when read). */
    readonly laterSites: LaunchSite[];
  };
  form: 'shell' | 'exec';
  /** The shell that ran the command (undefined for exec form). */
  shellDialect?: 'sh' | 'bash';
  /** That shell's program as the format names it ('/bin/sh' for a Dockerfile RUN or a Makefile recipe). */
  shellName?: string;
  /**
   * VIRTUAL_ENV set for this command by persistent configuration (ENV, `env:`, `variables:`,
   * `Environment=`), not by an activation: where, and the venv it names.
   */
  virtualEnv?: { venv: string; span: Span };
  /** A failure of the command does not stop the run (a Makefile recipe line prefixed with `-`). */
  ignoresErrors?: boolean;
  /** How a venv path is shown in messages (GitHub Actions: relative to the workspace). */
  showVenv?: (venv: string) => string;
  /** The shell's extent, for messages: "this RUN", "this step", "this recipe line". */
  unit: string;
  /** When a command is judged, in messages: "in this RUN", "when CMD runs". */
  scope: string;
  /** How to make a venv's bin persist on PATH in this format, as advice: `ENV PATH="/v/bin:$PATH"`. */
  persistAdvice(venv: string): string;
}

const FACTS = new WeakMap<LaunchSite, ConfigSiteFacts>();

/**
 * Gives each activation the sites of LATER shells (by `order`: instruction index, step number,
 * recipe line …) that run with no venv on PATH. Computed when read: a list per activation would
 * be quadratic in the number of shells.
 */
export function linkLaterSites(activations: readonly { site: LaunchSite; order: number }[], shells: readonly { site: LaunchSite; order: number }[]): void {
  for (const a of activations) {
    const facts = FACTS.get(a.site)?.activation;
    if (!facts) continue;
    Object.defineProperty(facts, 'laterSites', {
      // Sites after a failed `source` are that failure's (source-in-sh), not this activation's.
      get: () => shells.filter((r) => r.order > a.order && !r.site.env.activeVenv && !FACTS.get(r.site)?.activation && !FACTS.get(r.site)?.afterFailedActivation).map((r) => r.site),
      enumerable: true,
    });
    Object.defineProperty(facts, 'onPathLater', {
      get: () => shells.some((r) => r.order > a.order && r.site.env.activeVenv === facts.venv && !FACTS.get(r.site)?.activation),
      enumerable: true,
    });
  }
}

export function configFacts(site: LaunchSite): ConfigSiteFacts | undefined {
  return FACTS.get(site);
}

export function setConfigFacts(site: LaunchSite, facts: ConfigSiteFacts): void {
  FACTS.set(site, facts);
}

/**
 * A venv that is set up by path in the same RUN or step that creates it (`python3 -m venv /tmp/t
 * && /tmp/t/bin/pip install x`), and is never activated, put on PATH or used again, is a side venv
 * — a tool's or a test fixture's — and later commands using the image's or runner's own Python
 * are not escapes from it. (Found reviewing python-lsp-server's workflows: a Jedi test venv.)
 * A venv used by path in later steps stays: bare tools next to it most likely expect it.
 */
export function dropSideVenvs(sites: LaunchSite[]): void {
  const creating = new Set(sites.filter((s) => configFacts(s)?.createsVenv).map((s) => s.callSpan.start));
  const usedInCreation = new Set<string>();
  const usedElsewhere = new Set<string>();
  for (const s of sites) {
    const activation = configFacts(s)?.activation;
    if (activation) usedElsewhere.add(activation.venv);
    if (s.env.activeVenv) usedElsewhere.add(s.env.activeVenv);
    const program = s.argv[0] ? wordText(s.argv[0]) : undefined;
    const cut = program?.lastIndexOf('/bin/') ?? -1;
    if (!program || cut < 0) continue;
    const dir = program.slice(0, cut).replace(/^\.\//, '');
    for (const v of s.env.knownVenvs ?? []) {
      if (v !== dir && (dir.startsWith('/') || !v.endsWith('/' + dir))) continue;
      (creating.has(s.callSpan.start) ? usedInCreation : usedElsewhere).add(v);
    }
  }
  const side = new Set([...usedInCreation].filter((v) => !usedElsewhere.has(v)));
  if (!side.size) return;
  for (const s of sites) if (s.env.knownVenvs) s.env.knownVenvs = s.env.knownVenvs.filter((v) => !side.has(v));
}

/** The argv that runs a program target from a venv's bin folder (`bin` as written in the file). */
export function venvProgram(bin: string, target: RewriteTarget): string[] | undefined {
  if (target.kind === 'interpreter') return [`${bin}/python`, ...(target.module ? ['-m', target.module] : [])];
  if (target.kind === 'interpreter-bin') return [`${bin}/${target.name}`];
  return undefined;
}

/**
 * A configuration file's parse problems as the one partial `syntax` problem the checker reports:
 * the first by position, with how many more there were (identical ones counted once).
 */
export function syntaxProblemOf(file: SourceFile, problems: readonly { message: string; offset: number }[]): FileProblem | undefined {
  const unique = [...new Map(problems.map((p) => [`${p.offset}|${p.message}`, p])).values()].sort((a, b) => a.offset - b.offset);
  if (!unique.length) return undefined;
  const p = unique[0];
  const more = unique.length > 1 ? ` (and ${unique.length - 1} more)` : '';
  return { path: file.path, kind: 'syntax', message: p.message + more, start: file.location(Math.min(p.offset, file.text.length)), partial: true };
}
