/**
 * LaunchSite: the one thing every front end produces and every rule judges — a place where a
 * process is started, with its argv resolved as far as static analysis allows and the environment
 * state (which PATH the program name is resolved against) at that point.
 */
import type { SourceFile, Span } from './source.js';
import type { Word } from './word.js';
import type { Edit, FixApplicability } from './diagnostic.js';

export type Language = 'python' | 'shell' | 'dockerfile' | 'github-actions' | 'gitlab-ci' | 'makefile' | 'systemd' | 'supervisor' | 'procfile' | 'crontab';

export interface LaunchSite {
  file: SourceFile;
  language: Language;
  /** The launching API or construct, e.g. `subprocess.run`, `os.system`, `shell`. */
  api: string;
  /** The launching call or command (where findings are reported). */
  callSpan: Span;
  /** argv[0] is the program as invoked, after wrappers (`env`, `nice`, `sh -c` …) were unwrapped. */
  argv: Word[];
  /** False when argv has elements we could not resolve (e.g. `*args` of unknown length) before the end. */
  argvComplete: boolean;
  /** Whether a bare argv[0] is looked up on PATH (execvp) or taken relative to the cwd (execv). */
  searchesPath: boolean;
  /** True when a shell parsed the command line this launch came from. */
  viaShell: boolean;
  /** What was unwrapped to reach argv[0], outermost first, e.g. ["sh -c", "env"]. */
  wrappers: string[];
  env: EnvState;
  /** Front-end specific construction of fixes; absent when the front end cannot rewrite this site. */
  rewriter?: ProgramRewriter;
}

export interface EnvState {
  /** Which PATH a bare program name is resolved against. */
  path: PathState;
  /** Virtual environments known to exist where this launch runs (config front ends). */
  knownVenvs?: string[];
  /** The venv whose bin is on PATH at this point, if known. */
  activeVenv?: string;
}

export type PathState =
  | { kind: 'inherited' }
  /** An explicit environment that sets PATH. */
  | { kind: 'explicit'; span?: Span }
  /** An explicit environment without PATH: the lookup falls back to os.defpath (/bin:/usr/bin). */
  | { kind: 'missing'; span: Span }
  /** PATH that sudo resets to its secure_path. */
  | { kind: 'reset'; by: string }
  | { kind: 'unknown' };

/** What a rule asks for: replace the program (and maybe some of its leading args) with … */
export type RewriteTarget =
  /** the interpreter running this code, optionally with `-m module` (consumes `consume` argv words). */
  | { kind: 'interpreter'; module?: string; consume?: number }
  /** a script in the running interpreter's own bin directory. */
  | { kind: 'interpreter-bin'; name: string }
  /**
   * Configuration files: make the venv's bin persist on PATH the way the format allows (Dockerfile:
   * `ENV VIRTUAL_ENV=… PATH=…`; GitHub Actions: a `$GITHUB_PATH` line), written after the command
   * that created the venv, after this site's own command (an activation), or beside the
   * `VIRTUAL_ENV` setting that lacks PATH. Front ends that cannot write it return undefined.
   */
  | { kind: 'persist-venv'; venv: string; at: 'creation' | 'site' | 'virtual-env' };

export interface Rewrite {
  edits: Edit[];
  /** The fix's title when the front end words it better than the rule can (format-specific text). */
  title?: string;
  applicability: FixApplicability;
  /** Why the fix is not safe, when it is not. */
  reason?: string;
}

export interface ProgramRewriter {
  rewrite(target: RewriteTarget): Rewrite | undefined;
}
