/**
 * The budgets a configuration file is analysed within. A file over one of them is not analysed
 * further: it is reported once as a `too-complex` file problem naming the budget and its limit
 * (the checker turns a TooComplexError into that problem), and the run goes on with the next file.
 *
 * Each limit is sized from real files (the 106 repositories of corpus/repos.json and the files
 * named below) with wide room above them, and below what keeps one file's analysis under 256 MB
 * and a few seconds on a busy 2-core machine (measured: the shell model holds ~400 bytes per
 * character of the script it is analysing at once, and takes ~3 µs per character).
 */

export interface Budget {
  /** The name reports use. */
  name: string;
  /** What is counted, for the message: "<what> over the budget of <limit>". */
  what: string;
  limit: number;
}

/**
 * Characters of one shell script handed to the shell model at once (a Dockerfile RUN, a job's
 * script, a recipe line, a shell script file). Most large real scripts are ~40–50 KB (devstack's
 * stack.sh, st2's bootstrap scripts); 256 KiB is ~110 MB of analysis. Over it: generated autoconf
 * `configure` scripts (0.5–1 MB) and Salt's hand-written bootstrap-salt.sh (355 KB, which at 512 KiB
 * checks in 1.1 s and 202 MiB; but at 512 KiB hostile shapes of 0.3–0.49 MiB peaked at 350–530 MiB,
 * `node dist/scripts/memory.js --formats shell,dockerfile,procfile,crontab,jenkins --sizes 0.3,0.49`).
 */
export const SHELL_SCRIPT_CHARS: Budget = { name: 'shell-script-size', what: 'characters in one shell script', limit: 256 * 1024 };

/**
 * A shell script file's own characters (`*.sh`, a `#!/bin/sh` file), in place of shell-script-size.
 * Salt's hand-written bootstrap-salt.sh is 355 KB and DietPi's dietpi-software 675 KB (valid
 * repositories exited 3 for them). Since the shell model keeps a script's characters in typed
 * arrays and lets tree-sitter nodes go once walked, the DietPi file checks in ~3.5 s at 190–200 MiB
 * (292 MiB before), and at 768 KiB every shape of shell script `node dist/scripts/memory.js` makes
 * stays under 256 MiB (0.74 MiB: 94–223 MiB, under 3 s of CPU; nested `$(` are counted before the
 * parse). The densest shape met, 0.75 MiB of `$(…)` items in one array, is over shell-commands-per-file
 * after ~11 s at 282 MiB (tree-sitter's own memory for ~250,000 nodes); at 0.37 MiB it took 285 MiB
 * before these changes. Scripts inside other formats keep shell-script-size: there a lone-`\r`
 * crontab line of 0.37 MiB took 308 MiB and a Jenkinsfile's one-line `sh` 258.
 */
export const SHELL_SCRIPT_FILE_CHARS: Budget = { name: 'shell-script-file-size', what: 'characters in one shell script file', limit: 768 * 1024 };

/**
 * Characters of shell text analysed in one file, every shell together: what aliases, `extends:`
 * and `!reference` make of a file can be far more than the file. Real files analyse a few times
 * their own size at most (the largest real workflow seen, 50 KB, has less than that in `run:`
 * text; st2's 57 KB Makefile); 768 KiB, a shell script file's own budget, is ~2–3 s of shell
 * analysis here.
 */
export const SHELL_FILE_CHARS: Budget = { name: 'shell-text-per-file', what: 'characters of shell text in one file', limit: 768 * 1024 };

/**
 * Simple commands the shell model follows in one file, nested `sh -c`/`eval` shells included.
 * A 47 KB script has ~1,500; each costs ~15 KB while the file is analysed (measured: 10,000
 * commands, 230 MB peak), so this is the budget that keeps a file of many small shells (20,000
 * GitLab jobs, a 2 MB Makefile) under 256 MB.
 */
export const SHELL_COMMANDS: Budget = { name: 'shell-commands-per-file', what: 'shell commands in one file', limit: 10_000 };

/**
 * Compound commands open at once in a shell script (`if` in `while` in a subshell, `$(…)` …).
 * Real scripts nest under 10; the walk is iterative and the tests check 10,000 levels of `$(…)`
 * and subshells, the most a script may nest; deeper, a generated file, is too complex.
 */
export const SHELL_NESTING: Budget = { name: 'shell-nesting-depth', what: 'nested shell compound commands', limit: 10_000 };

/**
 * Characters of one Dockerfile instruction (a `RUN` with its continuation lines and here-docs):
 * the shell script budget, checked before the instruction is read character by character (a
 * 1.9 MB RUN took 780 MB). The largest real RUNs are a few KB.
 */
export const DOCKERFILE_RUN_CHARS: Budget = { name: 'dockerfile-run-size', what: 'characters in one Dockerfile instruction (RUN)', limit: SHELL_SCRIPT_CHARS.limit };

/**
 * Characters of one systemd setting (continuation lines joined) or supervisor value, checked
 * before its characters are mapped one by one (an object per character: a 1 MB `ExecStart=` line
 * peaked at 284 MiB, 1.9 MB at 462 MiB, before the shell script in it went over
 * shell-script-size). The shell script budget; real unit and program lines are under 1 KB.
 */
export const SERVICE_LINE_CHARS: Budget = { name: 'service-line-size', what: 'characters in one systemd setting or supervisor value', limit: SHELL_SCRIPT_CHARS.limit };

/**
 * Command lines run without a shell (exec form: systemd `Exec*=`, supervisor `command=`, a JSON
 * `RUN [...]`) examined in one file, each command of a `;`-separated systemd line counted. Real
 * files have a few: a unit ≤ 10 `Exec*=` lines, the largest supervisor configuration seen a few
 * dozen programs. Each costs ~6–14 KB until it is reported (measured: a launch on every line of 1 MB
 * of systemd, 47,661 of them, peaked at 681 MiB; supervisor 32,767 at 595 MiB), so 5,000 keeps a
 * file under 256 MiB, as python-launch-calls does for Python.
 */
export const EXEC_COMMANDS: Budget = { name: 'exec-commands-per-file', what: 'exec-form command lines in one file', limit: 5_000 };

/**
 * YAML aliases followed while reading one GitLab CI or GitHub Actions file (`*name`, merge keys
 * `<<: *name`), every job's use of a shared anchor counted again. Real pipelines use tens to a few
 * hundred (one template merged into each of ~100 jobs); a "billion laughs" of a few hundred bytes
 * names millions.
 */
export const YAML_ALIASES: Budget = { name: 'yaml-alias-expansions', what: 'YAML alias expansions', limit: 50_000 };

/**
 * YAML flow collections (`[…]`, `{…}`) open at once in a YAML file, checked before the YAML library
 * reads it: the library holds ~1.1 KB per level (measured: a 0.49 MB Compose file of 250,000
 * nested `[` peaked at 364 MiB, 50,000 levels at 130 MiB). Real files nest a few levels.
 */
export const YAML_NESTING: Budget = { name: 'yaml-nesting-depth', what: 'nested YAML flow collections', limit: 1_000 };

/**
 * Characters of script text a GitLab CI or GitHub Actions file expands to, every job's scripts
 * after aliases, `extends:` and `!reference` (the same text counted again for each job using it).
 * 512 KiB, the YAML formats' file size: shell-text-per-file was raised for shell script files,
 * and nothing in the YAML formats asked for more.
 */
export const YAML_EXPANDED_CHARS: Budget = { name: 'yaml-expanded-size', what: 'characters of script text after YAML expansion', limit: 512 * 1024 };

/** GitLab's own limit on `extends:` nesting (GitLab refuses a pipeline that nests deeper than 11 levels). */
export const GITLAB_EXTENDS_DEPTH: Budget = { name: 'gitlab-extends-depth', what: 'levels of extends:', limit: 11 };

/** GitLab's own limit on `!reference` nesting (10 levels). */
export const GITLAB_REFERENCE_DEPTH: Budget = { name: 'gitlab-reference-depth', what: 'levels of !reference', limit: 10 };

/**
 * Keys copied while merging `extends:` bases into jobs (each job's merged keys and nested keys):
 * ~100 jobs of ~20 keys each is a large real pipeline (2,000); deep chains of wide templates
 * multiply it.
 */
export const GITLAB_EXTENDS_KEYS: Budget = { name: 'gitlab-extends-size', what: 'keys merged by extends:', limit: 500_000 };

/**
 * Calls to a launch API (`subprocess.run`, `os.system`, `Popen` … through imports and aliases)
 * examined in one Python file. Real files have tens (the corpus: at most 58 in one file); each
 * costs ~0.3 ms of CPU and ~7–11 KB while the file is analysed and reported (measured: 10,000
 * `os.system("python a.py")` calls on one line, 212 MB peak with the JSON report; 40,000 in 1 MB,
 * 382 MB and 9 s of CPU), so 5,000 keeps a file, parse included, under 256 MB. The shell strings
 * they run count against the shell budgets as a configuration file's shells do
 * (`shell-commands-per-file`, `shell-text-per-file`).
 */
export const PYTHON_LAUNCH_CALLS: Budget = { name: 'python-launch-calls', what: 'calls to launch APIs in one Python file', limit: 5_000 };

/**
 * Characters of Python handed to the parser at once: the whole file, or what is left of it after
 * the prefilter drops the blocks that cannot launch anything. tree-sitter-python's WebAssembly
 * memory grows by ~60–130 bytes per character parsed and never shrinks (measured: 1 MB +34 MB,
 * 2 MB of short lines +106 MB, 4 MB on one line +254 MB, 10 MB ~1.2 GB peak), so 1 MiB keeps a
 * file's analysis under 256 MB. Real files this large hold no launch and are skipped unparsed by
 * the prefilter (the corpus's largest, 0.5–1.5 MB: generated API tests, data tables).
 */
export const PYTHON_PARSE_CHARS: Budget = { name: 'python-parse-size', what: 'characters of Python parsed at once', limit: 1024 * 1024 };

/**
 * Characters of a Python file divided into blocks before parsing, so that the blocks that cannot
 * launch anything are left out of the parse. Planning holds ~670 bytes per top-level statement
 * (measured: 10 MB of one-line statements, 420,000 of them, took 280 MB before any parsing; 4 MB,
 * 236 MB peak for the whole run), so 3 MiB keeps the run under 256 MB. A larger file that the
 * prefilter lets through (it names a launch API) is too complex; the corpus's largest Python
 * files (0.5–1.5 MB) name none and are skipped unparsed.
 */
export const PYTHON_PLAN_CHARS: Budget = { name: 'python-file-size', what: 'characters in one Python file that may launch a process', limit: 3 * 1024 * 1024 };

/** Every budget, for the README table and the tests. */
/**
 * Notebooks: the cells of one `.ipynb` (the largest public notebooks seen have a few hundred; a
 * generated one of 100,000 empty cells is 10 MB of JSON), and the characters of its code cells'
 * source together (they become one Python module, parsed within the Python budgets too).
 */
export const NOTEBOOK_CELLS: Budget = { name: 'notebook-cells', what: 'cells in one notebook', limit: 10_000 };

export const NOTEBOOK_SOURCE_CHARS: Budget = { name: 'notebook-source-size', what: 'characters of code cell source in one notebook', limit: 1024 * 1024 };

export const BUDGETS: readonly Budget[] = [
  SHELL_SCRIPT_CHARS,
  SHELL_SCRIPT_FILE_CHARS,
  SHELL_FILE_CHARS,
  SHELL_COMMANDS,
  SHELL_NESTING,
  DOCKERFILE_RUN_CHARS,
  SERVICE_LINE_CHARS,
  EXEC_COMMANDS,
  YAML_ALIASES,
  YAML_NESTING,
  YAML_EXPANDED_CHARS,
  GITLAB_EXTENDS_DEPTH,
  GITLAB_REFERENCE_DEPTH,
  GITLAB_EXTENDS_KEYS,
  PYTHON_PLAN_CHARS,
  PYTHON_PARSE_CHARS,
  PYTHON_LAUNCH_CALLS,
  NOTEBOOK_CELLS,
  NOTEBOOK_SOURCE_CHARS,
];

/** Thrown when a file goes over a budget; the checker reports it as the file's `too-complex` problem. */
export class TooComplexError extends Error {
  constructor(
    readonly budget: Budget,
    readonly amount: number,
  ) {
    super(`too complex to analyse: more ${budget.what} than the budget of ${budget.limit.toLocaleString('en-US')} (${budget.name}); skipped`);
  }
}

/** Throws when `amount` is over the budget. */
export function within(budget: Budget, amount: number): void {
  if (amount > budget.limit) throw new TooComplexError(budget, amount);
}

/** Running totals of one file's analysis against its per-file budgets. */
export class BudgetMeter {
  private readonly used = new Map<Budget, number>();

  /** Adds `amount` to what `budget` has used; throws when that goes over it. */
  charge(budget: Budget, amount = 1): void {
    const total = (this.used.get(budget) ?? 0) + amount;
    this.used.set(budget, total);
    within(budget, total);
  }
}
