/**
 * The unwrapping machinery behind command/expand.ts: what unwrapping yields (ExpandedCommand,
 * re-exported by expand.ts), the state carried from a wrapper to the command it runs (wrappers so
 * far, PATH resets, assignments, nesting depth), what a wrapper does (a Step), and GNU
 * getopt_long-style option parsing, which every wrapper in wrappers.ts uses.
 */
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import type { ShellAssignment, ShellDialect, ShellParseResult } from '../shell/parse.js';
import { dropLeading, isAllText, leadingText } from '../../kernel/word-units.js';

/** What unwrapping yields: one program a command line starts, and how it was reached. */
export interface ExpandedCommand {
  /** argv[0] is the program actually started. */
  argv: Word[];
  /** What was unwrapped to reach it, outermost first, e.g. ['bash -c', 'env', 'nice']. */
  wrappers: string[];
  /** Some shell parsed this command line. */
  viaShell: boolean;
  /** argv is fully known: the input was complete and nothing unknown may split into several words. */
  complete: boolean;
  /**
   * Set when a wrapper resets the PATH the program is looked up on: 'sudo' (secure_path),
   * 'doas' (its safe path), 'su -l' (login environment), 'command -p' (the default PATH).
   */
  pathReset?: string;
  /** `env PATH=…` / `PATH=… cmd` changed PATH for this command (after any reset above). */
  envPathSet?: boolean;
  /** `env -i` / `env -u PATH` removed PATH and nothing set it again: the exec falls back to a default path. */
  pathUnset?: boolean;
  /** Prefix assignments and `env NAME=VAL` that apply to this command, outermost first. */
  assignments: ShellAssignment[];
  /** Source span of the (innermost) command. */
  span?: Span;
  /** The literal text a here-doc feeds the command's stdin, when known (see ShellCommand.stdin). */
  stdin?: string;
}

/** Nested shells (`sh -c "bash -c '…'"`) beyond this are not followed. */
export const MAX_SHELL_DEPTH = 8;

/**
 * A shell script a wrapper hands over (`bash -c SCRIPT`, `su -c`, `watch`, `eval`), with the
 * unwrapping so far. It is run by the one shell model (shell/session.ts), with the state of the
 * shell that started it; each of its commands is expanded with `expandShellCommand`.
 */
export interface NestedShell {
  script: Word;
  dialect: ShellDialect;
  st: State;
}

/** Runs a nested shell's script and returns the programs it starts that its runner did not take itself. */
export type NestedRunner = (n: NestedShell) => ExpandedCommand[];

export interface State {
  wrappers: string[];
  viaShell: boolean;
  complete: boolean;
  pathReset?: string;
  envPathSet: boolean;
  pathUnset: boolean;
  assignments: ShellAssignment[];
  span?: Span;
  shellDepth: number;
  steps: number;
  /** Dialect of the innermost shell, for `eval`. */
  dialect: ShellDialect;
  errors: ShellParseResult['errors'];
  nested: NestedRunner;
}

/** What a wrapper does with its argv. */
/** What a wrapper does with its argv. */
export type Step =
  /** Runs `argv` (its operand command) next. */
  | { kind: 'exec'; argv: Word[]; st: State }
  /** Runs a shell command line. */
  | { kind: 'script'; script: Word; dialect: ShellDialect; st: State }
  /** Starts no program at all (`command -v x`, a bare `exec`). */
  | { kind: 'none' }
  /** Starts no operand: the wrapper itself is the program (`env` alone, `strace -p 1`). */
  | { kind: 'self' }
  /** Cannot tell what runs (an unknown word where an option or the program should be). */
  | { kind: 'unknown' };

export type Handler = (argv: Word[], st: State, name: string) => Step;

export function wrapped(st: State, label: string): State {
  return { ...st, wrappers: [...st.wrappers, label], steps: st.steps + 1 };
}

/** An environment assignment that applies to the command; PATH ones change where it is looked up. */
export function assign(st: State, a: ShellAssignment): State {
  const s: State = { ...st, assignments: [...st.assignments.filter((x) => x.name !== a.name), a] };
  if (a.name === 'PATH') {
    s.envPathSet = true;
    s.pathUnset = false;
  }
  return s;
}

export function nestedShell(script: Word, dialect: ShellDialect, st: State): Step {
  if (st.shellDepth >= MAX_SHELL_DEPTH) return { kind: 'unknown' };
  return { kind: 'script', script, dialect, st: { ...st, shellDepth: st.shellDepth + 1 } };
}

// ---------------------------------------------------------------------------------------------
// Option parsing: GNU getopt_long with a leading '+' (stop at the first operand), which is what
// every wrapper below uses so that the wrapped command's own options are left alone.

export type LongKind = 'arg' | 'optional' | 'flag';

export interface OptionSpec {
  /** Short options taking a value, separate (`-n 5`) or attached (`-n5`). */
  withArg?: string;
  /** Short options whose value is optional and can only be attached (`-i{}`, `-d`). */
  optionalArg?: string;
  long?: Record<string, LongKind>;
  /** `-5` / `--5` are options (nice's historical syntax). */
  numeric?: boolean;
  /** `+x` clusters are options too (shells). */
  plus?: boolean;
}

export interface ParsedOption {
  /** Short letter, or long name without dashes (abbreviations resolved). */
  name: string;
  value?: Word;
  /** Index just after the words this option used. */
  end: number;
}

export interface ParsedOptions {
  options: ParsedOption[];
  /** Index of the first operand (argv.length when none). */
  next: number;
  /** `unknown`: the word at `next` may or may not be an option; `missing-value`: argv ended inside an option. */
  status: 'ok' | 'unknown' | 'missing-value';
  /** Options were ended by `--`. */
  ended?: boolean;
}

function lookupLong(spec: OptionSpec, name: string): [string, LongKind] {
  const table = spec.long ?? {};
  if (Object.hasOwn(table, name)) return [name, table[name]];
  // getopt_long accepts any unambiguous prefix.
  const candidates = Object.keys(table).filter((k) => k.startsWith(name));
  if (candidates.length === 1) return [candidates[0], table[candidates[0]]];
  return [name, 'flag'];
}

export function parseOptions(argv: Word[], start: number, spec: OptionSpec): ParsedOptions {
  const options: ParsedOption[] = [];
  let i = start;
  while (i < argv.length) {
    const w = argv[i];
    const lead = leadingText(w);
    const full = isAllText(w);
    if (lead === '') {
      // An unknown value could be an option; sys.executable and friends are paths, i.e. operands.
      const first = w.fragments[0];
      if (first && first.kind === 'unknown') return { options, next: i, status: 'unknown' };
      return { options, next: i, status: 'ok' };
    }
    const sign = lead[0];
    if ((sign !== '-' && !(spec.plus && sign === '+')) || (full && lead.length === 1)) return { options, next: i, status: 'ok' };
    if (full && lead === '--') return { options, next: i + 1, status: 'ok', ended: true };
    if (spec.numeric && full && /^-[-+]?\d+$/.test(lead)) {
      options.push({ name: 'numeric', value: dropLeading(w, 1), end: i + 1 });
      i++;
      continue;
    }
    if (sign === '-' && lead.startsWith('--')) {
      const body = lead.slice(2);
      const eq = body.indexOf('=');
      if (eq < 0 && !full) return { options, next: i, status: 'unknown' };
      const [name, kind] = lookupLong(spec, eq < 0 ? body : body.slice(0, eq));
      if (eq >= 0) {
        options.push({ name, value: dropLeading(w, 3 + eq), end: i + 1 });
        i++;
      } else if (kind === 'arg') {
        if (i + 1 >= argv.length) return { options, next: argv.length, status: 'missing-value' };
        options.push({ name, value: argv[i + 1], end: i + 2 });
        i += 2;
      } else {
        options.push({ name, end: i + 1 });
        i++;
      }
      continue;
    }
    // A cluster of short options: `-xec`, `-n5`, `-u root`.
    let j = 1;
    let consumedNext = false;
    let tookRest = false;
    for (; j < lead.length; j++) {
      const c = lead[j];
      if (spec.withArg?.includes(c)) {
        if (j + 1 < lead.length || !full) {
          options.push({ name: c, value: dropLeading(w, j + 1), end: i + 1 });
        } else {
          if (i + 1 >= argv.length) return { options, next: argv.length, status: 'missing-value' };
          options.push({ name: c, value: argv[i + 1], end: i + 2 });
          consumedNext = true;
        }
        tookRest = true;
        break;
      }
      if (spec.optionalArg?.includes(c)) {
        options.push({ name: c, value: j + 1 < lead.length || !full ? dropLeading(w, j + 1) : undefined, end: i + 1 });
        tookRest = true;
        break;
      }
      options.push({ name: c, end: i + 1 });
    }
    // Option letters hidden in an unknown fragment: cannot tell what they are.
    if (!tookRest && !full) return { options, next: i, status: 'unknown' };
    i += consumedNext ? 2 : 1;
  }
  return { options, next: i, status: 'ok' };
}

export function has(p: ParsedOptions, ...names: string[]): boolean {
  return p.options.some((o) => names.includes(o.name));
}

/** The usual ending: run the operand command, or say why nothing (or the wrapper itself) runs. */
export function operand(argv: Word[], p: ParsedOptions, st: State, label: string, alone: 'self' | 'none' = 'self'): Step {
  if (p.status === 'unknown') return { kind: 'unknown' };
  if (p.status === 'missing-value' || p.next >= argv.length) return st.complete ? { kind: alone } : { kind: 'unknown' };
  return { kind: 'exec', argv: argv.slice(p.next), st: wrapped(st, label) };
}

/** Skips `count` required positional words (timeout's DURATION, flock's FILE …). */
export function positionals(p: ParsedOptions, count: number): ParsedOptions {
  return p.status === 'ok' ? { ...p, next: p.next + count } : p;
}

/** A wrapper described by its options only. */
export function simple(
  spec: OptionSpec,
  opts: { positional?: number; selfIf?: string[]; alone?: 'self' | 'none'; computedPositional?: boolean } = {},
): Handler {
  return (argv, st, name) => {
    let p = parseOptions(argv, 1, spec);
    // A computed word where a required operand goes (`timeout str(n) pytest`, f"{n}s", sys.argv[1]):
    // a value the program computes is the operand (a duration), not an option it hides.
    if (opts.computedPositional && p.status === 'unknown' && p.next < argv.length && leadingText(argv[p.next]) === '') p = { ...p, status: 'ok' };
    if (opts.selfIf && has(p, ...opts.selfIf)) return { kind: 'self' };
    return operand(argv, positionals(p, opts.positional ?? 0), st, name, opts.alone);
  };
}
