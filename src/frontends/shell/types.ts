/**
 * What the shell parser (parse.ts) hands back: the simple commands a script runs, each as argv
 * Words after quote removal with its prefix assignments and source span, plus the syntax errors
 * met on the way, and the options a caller parses with (dialect, known variables, a per-command
 * callback). Types only, so that the parser's parts (parse.ts, words.ts) can share them without
 * importing each other; callers import them from parse.ts, which re-exports them.
 */
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import type { Budget, BudgetMeter } from '../../kernel/budgets.js';

export type ShellDialect = 'sh' | 'bash';

export interface ShellParseOptions {
  /** `sh` (POSIX: no `$'…'` / `$"…"` quoting) or `bash` (the default). */
  dialect?: ShellDialect;
  /** Known values of shell variables; `$NAME` / `${NAME}` expand to them, everything else is unknown. */
  vars?: Map<string, string>;
  /**
   * Called with each command as it is collected, in execution order, before later commands are
   * converted: a caller that updates `vars` here (`VENV=.venv`, then `$VENV/bin/pip`) makes the
   * new value visible to the commands that follow.
   */
  onCommand?: (cmd: ShellCommand) => void;
  /** The file's running totals against its budgets (shell text and commands per file); none: only the per-script budgets apply. */
  meter?: BudgetMeter;
  /** The budget of the script's characters: shell-script-size, or a shell script file's own. */
  scriptBudget?: Budget;
  /**
   * The script is a library other scripts source (`libbackend.sh`): every function it defines may
   * be called by them, even when the script calls some of its own (an `init` at its end), so none
   * is dead code.
   */
  library?: boolean;
  /**
   * Called where the script has just passed a guard that exits (or returns) unless $VIRTUAL_ENV is
   * set (`if [ -z "$VIRTUAL_ENV" ]; then …; exit 1; fi`, `[ -n "$VIRTUAL_ENV" ] || exit 1`), in
   * order with `onCommand`.
   */
  onVenvGuard?: () => void;
  /**
   * Called once, before the first command, with the source spans of the script's mutually
   * exclusive or deferred parts: each function body, each branch body of an `if` (then, elif,
   * else) and each `case` item. Nested spans nest.
   */
  onScopes?: (scopes: Span[]) => void;
  /**
   * Called before each body of a function the script never calls (walked after the script's own
   * commands, for a dispatch like `"$@"` or a sourcer): each such body runs from the state the
   * script's top level ends with, not from what another uncalled function did.
   */
  onUncalledFunction?: () => void;
  /**
   * Called where an `if` statement opens ('open', before its condition), where its next branch
   * starts ('next': an `elif` or `else`) and where it ends ('close'; `hasElse`: one branch always
   * runs), in order with `onCommand`: a caller can run each branch from the state before the `if`.
   */
  onBranch?: (event: 'open' | 'next' | 'close', hasElse: boolean) => void;
  /**
   * Called where a subshell (`( … )`), a command substitution (`$( … )`, backquotes) or a process
   * substitution (`<( … )`) opens and where it closes, in order with `onCommand`: it is a child
   * process, so what its commands change (folder, PATH, activation, variables) ends with it.
   */
  onSubshell?: (event: 'open' | 'close') => void;
}

export interface ShellAssignment {
  name: string;
  value: Word;
}

export interface ShellCommand {
  /** argv after quote removal; may be empty for an assignment-only command (`PATH=/x`). */
  words: Word[];
  /** Prefix assignments (`FOO=1 cmd`), or the assignments of an assignment-only command. */
  assignments: ShellAssignment[];
  /** Source span of the whole command (mapped through the input Word's offsets). */
  span?: Span;
  /**
   * False when the number of words is not known statically: an unquoted unknown expansion or
   * placeholder may split into several words or none, and globs / brace expansions multiply words.
   */
  complete: boolean;
  /** The literal text a here-doc feeds the command's stdin (`python3 - <<'EOF'`), when known. */
  stdin?: string;
}

export interface ShellParseError {
  message: string;
  span?: Span;
}

export interface ShellParseResult {
  commands: ShellCommand[];
  errors: ShellParseError[];
}
