/**
 * The record of a lab run (`venvguard lab CODE --format json`, `lab --all --format json`): what
 * ran, where, what it printed, and whether that agrees with the rule page's claim. A contract with
 * the docs site (it renders these): add fields only, never rename or remove one.
 */

/** One interpreter a lab built a venv with. */
export interface LabInterpreter {
  /** The interpreter's path as given or discovered (e.g. `/usr/bin/python3`). */
  path: string;
  /** Its version, `3.11.2`. */
  version: string;
}

/** One run of one example in one situation with one interpreter. */
export interface LabRun {
  example: 'broken' | 'fixed';
  /** e.g. `by venv path, not activated`, `activated shell`, `cron PATH=/usr/bin:/bin`, `sh (dash)`, `make`. */
  situation: string;
  /** The interpreter's version (`3.11.2`), or the shell/tool's name for config labs with no Python choice (`dash`). */
  interpreter: string;
  /** The command line as run, with the lab's temporary folder written `$LAB`. */
  command: string;
  /** The page's claim for this run, in words (`prints the venv's prefix`). */
  claim: string;
  /** What it printed (stdout then stderr), with the lab's temporary folder written `$LAB`. */
  output: string;
  exitCode: number;
  /** Whether `output`/`exitCode` satisfy `claim`. */
  agrees: boolean;
}

/** One rule's lab. */
export interface LabTranscript {
  code: string;
  /** Every run agrees with its claim. */
  ok: boolean;
  /** The OS the lab ran on, e.g. `Debian GNU/Linux 12 (bookworm)`. */
  os: string;
  /**
   * The programs the lab's examples name that the situations' PATH (systemd's, which holds cron's)
   * finds on this machine, and where (`pytest: /usr/bin/pytest`): outputs recorded on a machine with
   * other programs installed (Debian's python3-pytest or not) are not this machine's to compare.
   */
  found?: Record<string, string>;
  interpreters: LabInterpreter[];
  runs: LabRun[];
}
