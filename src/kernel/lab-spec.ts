/**
 * What a rule page claims its examples do, in a form `venvguard lab` can check by running them
 * (src/lab/). Each rule file declares its lab next to its examples; the page's setup and output
 * sections are rendered from it (src/rules/docs.ts) and from the recorded runs.
 */

/**
 * Where an example is run:
 * - `unactivated`: `venv/bin/python example.py` with systemd's default PATH and no activation, as
 *   systemd, cron, Celery and IDE run buttons start a program;
 * - `activated`: `python example.py` in a bash that sourced `venv/bin/activate` first;
 * - `cron`: `venv/bin/python example.py` through `/bin/sh -c` with cron's `PATH=/usr/bin:/bin`;
 * - `dockerfile`: each `RUN` line of the Dockerfile as its own `/bin/sh -c`, in order, with the
 *   `ENV` lines before it (no container: this machine's programs, Docker's default PATH);
 * - `actions`: the lab's workflow (`broken.yml`/`fixed.yml`): its first job's `run:` steps, each its
 *   own `bash -e` in order, with what earlier steps wrote to `$GITHUB_PATH`/`$GITHUB_ENV` (no runner);
 * - `sh`, `bash`: the lab's shell script run by `sh` (dash on Debian) or `bash`;
 * - `make`: the lab's Makefile run by `make`, each recipe line its own `/bin/sh -c`.
 */
export type LabSituation = 'unactivated' | 'activated' | 'cron' | 'dockerfile' | 'actions' | 'sh' | 'bash' | 'make';

/** A machine-checkable claim about one run's output and exit status. */
export interface LabClaim {
  /** The exit status: a number, or any failure. */
  exit?: number | 'nonzero';
  /**
   * Lines that start with `line` (the first such line) name a path (the first absolute path on it):
   * inside the lab's venv, or outside it. A claim on a line the run does not print fails.
   */
  where?: Array<{ line: string; is: 'venv' | 'outside' }>;
  /** Text the output contains. */
  says?: string[];
  /** Text the output must not contain. */
  never?: string[];
}

export interface LabCase {
  example: 'broken' | 'fixed';
  situation: LabSituation;
  claim: LabClaim;
}

export interface RuleLab {
  /**
   * Files written into the lab's folder before any run (`child.py`, a shell script, a Makefile).
   * For `sh`/`bash`/`make`/`actions` cases of a configuration rule, `broken.sh`/`fixed.sh`,
   * `broken.mk`/`fixed.mk` and `broken.yml`/`fixed.yml` hold the example in that form.
   */
  files?: Record<string, string>;
  /**
   * The venv the example's claims mean, relative to the lab's folder. Python labs: `venv`, made by
   * the lab with each interpreter. Dockerfile labs: the path the example creates, with absolute
   * paths under `/opt/` moved into the lab's folder (`/opt/venv` runs as `$LAB/opt/venv`). The
   * `sh`/`bash`/`make` cases always mean `venv`, made by the lab (with the python3 a service finds)
   * before they run when `premadeVenv` is set.
   */
  venv: string;
  premadeVenv?: boolean;
  /**
   * A shell line run with `/bin/sh -c` in the lab's folder after `files` are written and before the
   * cases (once per interpreter), e.g. installing a wheel built from `files` into the venv; the lab
   * stops with its output when it fails.
   */
  setup?: string;
  cases: LabCase[];
}

const pathWord = (is: 'venv' | 'outside') => (is === 'venv' ? 'inside the venv' : 'outside the venv');

/** The claim in words, as the page and the lab's transcript show it. */
export function claimText(c: LabClaim): string {
  const parts: string[] = [];
  for (const w of c.where ?? []) parts.push(`\`${w.line}\` names a path ${pathWord(w.is)}`);
  for (const s of c.says ?? []) parts.push(`prints \`${s}\``);
  for (const s of c.never ?? []) parts.push(`never prints \`${s}\``);
  if (c.exit !== undefined) parts.push(c.exit === 'nonzero' ? 'fails (non-zero exit)' : `exits ${c.exit}`);
  return parts.join(', ');
}

export const SITUATION_TEXT: Record<LabSituation, string> = {
  unactivated: 'by the venv\'s path, not activated (systemd, cron, IDEs)',
  activated: 'in an activated shell',
  cron: "cron's PATH=/usr/bin:/bin",
  dockerfile: 'RUN lines, each its own sh -c',
  actions: 'Actions steps, each its own bash -e',
  sh: 'sh (dash)',
  bash: 'bash',
  make: 'make',
};
