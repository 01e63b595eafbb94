/** The judge's answer for one launch site: which Python tool it starts and how it is found. */
import type { Span } from './source.js';

export type ToolKind =
  /** python, python3, python3.12, pythonw, py, pypy3 … */
  | 'interpreter'
  /** pip, pip3, pip3.X, or `<bare interpreter> -m pip` */
  | 'pip'
  /** a console script of a Python distribution (curated, from the venv, or the project's own) */
  | 'console-script';

export interface Verdict {
  tool: ToolKind;
  /** The program name as written, e.g. `python3` or `/usr/bin/python3`. */
  name: string;
  /**
   * How the program is found: `path` (looked up on the inherited PATH), `defpath` (env= without PATH:
   * os.defpath), `sudo` (sudo's secure_path), `system-path` (a hard-coded system interpreter path),
   * `no-lookup` (a bare name given to an API that searches no PATH, os.execv or
   * multiprocessing.set_executable: a path relative to the current folder, so the launch fails).
   */
  resolution: 'path' | 'defpath' | 'sudo' | 'system-path' | 'no-lookup';
  /** Module to run with `-m` instead, when known (console scripts, pip). */
  module?: string;
  /** Number of argv words the tool occupies (3 for `python -m pip`). */
  words: number;
  /** Where the program name came from (may be outside the call: a constant, a default …). */
  programSpan?: Span;
  /** Where the name is known to be a console script from (curated list, venv dist, pyproject). */
  source?: string;
  /**
   * Set when the default policy (src/judge/policy.ts) holds the finding back: the file itself shows
   * that it runs with its environment on PATH, or sets PATH. Shown only by the opt-in rule VG106.
   */
  held?: { signal: PolicySignal; reason: string };
  /** A starter of the file that runs it by a venv's path without that venv on PATH (shown, and named in the message). */
  startedBy?: string;
}

/** Why a by-name launch is not shown by default (see the README's "What `check` finds"). */
export type PolicySignal = 'path-set' | 'path-reliant' | 'path-chain' | 'task-runner' | 'started-on-path' | 'colab' | 'declared-venv' | 'declared-path' | 'looked-up' | 'sudo-chain' | 'activation-required' | 'mocked' | 'venv-absent' | 'vendored' | 'test-data' | 'kaggle' | 'host-app' | 'python2' | 'conda-workflow' | 'fallback' | 'shipped' | 'own-cli-test';
