/**
 * The wrappers: programs that start their operand (`env`, `nice`, `sudo`, `timeout`, `xargs` …),
 * each described by its own option syntax, and the shells and shell-like runners (`sh -c`,
 * `su -c`, `flock -c`, `watch`, `eval`) whose script the one shell model runs next.
 */
import { wordText, type Word } from '../../kernel/word.js';
import { dropLeading, isAllText, joinWords, leadingText, type Unit, unitsToWord, wordUnits } from '../../kernel/word-units.js';
import { assign, has, nestedShell, operand, parseOptions, positionals, simple, wrapped, type Handler, type OptionSpec, type State } from './options.js';


const ENV_SPEC: OptionSpec = {
  withArg: 'uCSaP',
  long: {
    'ignore-environment': 'flag', null: 'flag', unset: 'arg', chdir: 'arg', 'split-string': 'arg', argv0: 'arg', debug: 'flag',
    'block-signal': 'optional', 'default-signal': 'optional', 'ignore-signal': 'optional', 'list-signal-handling': 'flag', help: 'flag', version: 'flag',
  },
};

const env: Handler = (argv, st0, name) => {
  let st = st0;
  let args = argv;
  let complete = st.complete;
  let p = parseOptions(args, 1, ENV_SPEC);
  options: for (;;) {
    for (const o of p.options) {
      if (o.name === 'i' || o.name === 'ignore-environment') st = { ...st, assignments: [], envPathSet: false, pathUnset: true };
      else if ((o.name === 'u' || o.name === 'unset') && o.value) {
        const unset = wordText(o.value);
        if (unset === 'PATH') st = { ...st, envPathSet: false, pathUnset: true };
        if (unset !== undefined) st = { ...st, assignments: st.assignments.filter((a) => a.name !== unset) };
      } else if (o.name === 'P') st = { ...st, envPathSet: true, pathUnset: false }; // BSD: alternate search path
      else if ((o.name === 'S' || o.name === 'split-string') && o.value) {
        // -S splits its value into words that take its place, then option parsing starts over.
        const split = splitEnvString(o.value);
        if (!split.complete) complete = false;
        args = [args[0], ...split.words, ...args.slice(o.end)];
        p = parseOptions(args, 1, ENV_SPEC);
        continue options;
      }
    }
    break;
  }
  if (p.status === 'unknown') return { kind: 'unknown' };
  let i = p.next;
  if (p.status === 'ok' && i < args.length && wordText(args[i]) === '-') {
    st = { ...st, assignments: [], envPathSet: false, pathUnset: true }; // `env -` is `env -i`
    i++;
  }
  // NAME=VALUE operands: coreutils takes any operand containing '=' as one.
  for (; p.status === 'ok' && i < args.length; i++) {
    const w = args[i];
    const lead = leadingText(w);
    const eq = lead.indexOf('=');
    if (eq > 0) st = assign(st, { name: lead.slice(0, eq), value: dropLeading(w, eq + 1) });
    // A word that starts unknown may be NAME=VALUE or the program; one with a literal start is the program.
    else if (lead === '' && w.fragments[0]?.kind === 'unknown') return { kind: 'unknown' };
    else break;
  }
  return operand(args, { ...p, next: i }, { ...st, complete }, name);
};

/** `env -S` word splitting: spaces separate, quotes and backslash escapes as env(1) documents them. */
function splitEnvString(w: Word): { words: Word[]; complete: boolean } {
  const units = wordUnits(w);
  const words: Word[] = [];
  let cur: Unit[] = [];
  let started = false;
  let complete = true;
  let quote: '' | "'" | '"' = '';
  const end = () => {
    if (started) words.push(unitsToWord(cur));
    cur = [];
    started = false;
  };
  const ch = (k: number) => {
    const u = units[k];
    return u && !('frag' in u) ? u.ch : undefined;
  };
  const escapes: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '#': '#', $: '$' };
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if ('frag' in u) {
      // Its text is not known: it may contain spaces, and an unknown one may contain anything.
      if (u.frag.kind === 'unknown') complete = false;
      cur.push(u);
      started = true;
      continue;
    }
    const c = u.ch;
    if (quote === "'") {
      if (c === "'") quote = '';
      else if (c === '\\' && (ch(k + 1) === '\\' || ch(k + 1) === "'")) cur.push(units[++k]);
      else cur.push(u);
      continue;
    }
    if (c === '\\') {
      const e = ch(k + 1);
      if (e === '_') {
        if (quote) cur.push({ ch: ' ', off: u.off });
        else end();
        k++;
      } else if (e === 'c') {
        break; // \c ends the string
      } else if (e !== undefined && e in escapes) {
        cur.push({ ch: escapes[e], off: (units[k + 1] as { off: number }).off });
        started = true;
        k++;
      } else {
        cur.push(u);
        started = true;
      }
      continue;
    }
    if (c === '$' && ch(k + 1) === '{') {
      // ${NAME} is replaced from the environment: unknown here.
      let j = k + 2;
      while (j < units.length && ch(j) !== '}') j++;
      cur.push({ frag: { kind: 'unknown', why: 'env -S ${…}' } });
      started = true;
      complete = false;
      k = j;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      else cur.push(u);
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r') {
      end();
    } else if (c === '#' && !started) {
      break; // a comment runs to the end
    } else {
      cur.push(u);
      started = true;
    }
  }
  end();
  return { words, complete };
}

const SUDO_SPEC: OptionSpec = {
  withArg: 'CDgpRrTtUuac',
  optionalArg: 'h',
  long: {
    askpass: 'flag', background: 'flag', bell: 'flag', 'close-from': 'arg', chdir: 'arg', 'preserve-env': 'optional', edit: 'flag', group: 'arg',
    'set-home': 'flag', help: 'flag', host: 'arg', login: 'flag', 'remove-timestamp': 'flag', 'reset-timestamp': 'flag', list: 'flag',
    'no-update': 'flag', 'non-interactive': 'flag', 'preserve-groups': 'flag', prompt: 'arg', chroot: 'arg', role: 'arg', stdin: 'flag',
    shell: 'flag', type: 'arg', 'command-timeout': 'arg', 'other-user': 'arg', user: 'arg', version: 'flag', validate: 'flag',
    'auth-type': 'arg', 'login-class': 'arg',
  },
};

const sudo: Handler = (argv, st0, name) => {
  const p = parseOptions(argv, 1, SUDO_SPEC);
  // Modes that do not run the operand: list, validate, edit files, version, help.
  if (has(p, 'l', 'list', 'v', 'validate', 'e', 'edit', 'V', 'version', 'K', 'remove-timestamp', 'help')) return { kind: 'self' };
  if (p.options.some((o) => o.name === 'h' && !o.value)) return { kind: 'self' };
  // sudo resets the environment (env_reset) unless asked to keep it, and looks the command up on
  // its secure_path either way.
  const keep = has(p, 'E', 'preserve-env');
  let st: State = { ...st0, pathReset: 'sudo', envPathSet: false, pathUnset: false, assignments: keep ? st0.assignments : [] };
  let i = p.next;
  for (; p.status === 'ok' && i < argv.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(leadingText(argv[i]));
    if (!m) break;
    // VAR=value operands go into the command's environment but do not change sudo's lookup.
    st = { ...st, assignments: [...st.assignments.filter((a) => a.name !== m[1]), { name: m[1], value: dropLeading(argv[i], m[0].length) }] };
  }
  return operand(argv, { ...p, next: i }, st, name);
};

const doas: Handler = (argv, st, name) => {
  const p = parseOptions(argv, 1, { withArg: 'uC' });
  if (has(p, 'C', 's', 'L')) return { kind: 'self' };
  return operand(argv, p, { ...st, pathReset: 'doas', envPathSet: false, pathUnset: false }, name);
};

const SU_SPEC: OptionSpec = {
  withArg: 'cgGswu',
  long: {
    command: 'arg', 'session-command': 'arg', shell: 'arg', group: 'arg', 'supp-group': 'arg', 'whitelist-environment': 'arg', login: 'flag',
    'preserve-environment': 'flag', fast: 'flag', pty: 'flag', user: 'arg', help: 'flag', version: 'flag',
  },
};

/** su / runuser: options may follow the user name (getopt permutes), `-c` is run by the user's shell. */
const su: Handler = (argv, st0, name) => {
  let i = 1;
  let login = false;
  let script: Word | undefined;
  let user = false;
  let firstOperand = -1;
  for (;;) {
    const p = parseOptions(argv, i, SU_SPEC);
    if (p.status === 'unknown') return { kind: 'unknown' };
    if (p.status === 'missing-value') return st0.complete ? { kind: 'self' } : { kind: 'unknown' };
    for (const o of p.options) {
      if (o.name === 'l' || o.name === 'login') login = true;
      else if ((o.name === 'c' || o.name === 'command' || o.name === 'session-command') && o.value) script = o.value;
      else if (o.name === 'u' || o.name === 'user') user = true;
    }
    if (p.next >= argv.length) break;
    if (firstOperand < 0) firstOperand = p.next;
    // `runuser -u USER [--] cmd …` runs the command itself, no shell.
    if (user) return operand(argv, { ...p, next: firstOperand }, st0, name);
    if (p.ended) break; // the rest are the user name and the shell's arguments
    if (wordText(argv[p.next]) === '-') login = true;
    i = p.next + 1;
  }
  if (!script) return st0.complete ? { kind: 'self' } : { kind: 'unknown' };
  // Words after the script only become $0, $1 … of the script: they cannot hide its commands.
  let st: State = { ...wrapped(st0, `${name} -c`), complete: true };
  if (login) st = { ...st, pathReset: `${name} -l`, envPathSet: false, pathUnset: false, assignments: [] };
  return nestedShell(script, 'sh', st);
};

const command: Handler = (argv, st, name) => {
  const p = parseOptions(argv, 1, {});
  // `command -v/-V x` only reports how x would be found.
  if (has(p, 'v', 'V')) return { kind: 'none' };
  return operand(argv, p, has(p, 'p') ? { ...st, pathReset: 'command -p', envPathSet: false, pathUnset: false } : st, name, 'none');
};

const SHELL_SPEC: OptionSpec = {
  withArg: 'oO',
  plus: true,
  long: {
    login: 'flag', noprofile: 'flag', norc: 'flag', posix: 'flag', restricted: 'flag', verbose: 'flag', version: 'flag', help: 'flag', debugger: 'flag',
    'dump-strings': 'flag', 'dump-po-strings': 'flag', noediting: 'flag', 'pretty-print': 'flag', rcfile: 'arg', 'init-file': 'arg',
  },
};

const SH_DIALECT = new Set(['sh', 'dash', 'ash']);

/** `sh -c SCRIPT [$0 args…]`; a shell given a script file (or stdin) is itself the program. */
const shell: Handler = (argv, st, name) => {
  const p = parseOptions(argv, 1, SHELL_SPEC);
  const dashC = p.options.some((o) => o.name === 'c' && !leadingText(argv[o.end - 1]).startsWith('+'));
  // After -c an unknown word is taken to be the script (`bash -c "$CMD"`), not more options.
  if (p.status === 'unknown' && !dashC) return { kind: 'unknown' };
  if (!dashC) return { kind: 'self' };
  if (p.status === 'missing-value' || p.next >= argv.length) return st.complete ? { kind: 'self' } : { kind: 'unknown' };
  // Words after the script are $0, $1 …: they do not make the script's own commands incomplete.
  return nestedShell(argv[p.next], SH_DIALECT.has(name) ? 'sh' : 'bash', { ...wrapped(st, `${name} -c`), complete: true });
};

const flock: Handler = (argv, st, name) => {
  const parsed = parseOptions(argv, 1, {
    withArg: 'wE',
    long: {
      shared: 'flag', exclusive: 'flag', unlock: 'flag', nonblock: 'flag', nb: 'flag', close: 'flag', 'no-fork': 'flag', timeout: 'arg',
      'conflict-exit-code': 'arg', verbose: 'flag', help: 'flag', version: 'flag',
    },
  });
  // The lock file (or folder, or fd) the program computes is the operand, as timeout's duration.
  const computed = parsed.status === 'unknown' && parsed.next < argv.length && leadingText(argv[parsed.next]) === '';
  const p = positionals(computed ? { ...parsed, status: 'ok' } : parsed, 1);
  const flag = p.status === 'ok' ? wordText(argv[p.next] ?? { fragments: [] }) : undefined;
  if (flag === '-c' || flag === '--command') {
    // flock FILE -c CMD runs CMD with `$SHELL -c`.
    if (p.next + 1 >= argv.length) return st.complete ? { kind: 'self' } : { kind: 'unknown' };
    return nestedShell(argv[p.next + 1], 'sh', { ...wrapped(st, `${name} -c`), complete: true });
  }
  return operand(argv, p, st, name);
};

const WATCH_SPEC: OptionSpec = {
  withArg: 'nq',
  optionalArg: 'd',
  long: {
    interval: 'arg', differences: 'optional', beep: 'flag', color: 'flag', 'no-color': 'flag', errexit: 'flag', chgexit: 'flag', equexit: 'arg',
    exec: 'flag', precise: 'flag', 'no-title': 'flag', 'no-wrap': 'flag', 'no-rerun': 'flag', help: 'flag', version: 'flag',
  },
};

/** watch joins its operands and runs them with `sh -c`, unless `-x` asks it to exec them. */
const watch: Handler = (argv, st, name) => {
  const p = parseOptions(argv, 1, WATCH_SPEC);
  if (has(p, 'x', 'exec')) return operand(argv, p, st, name);
  if (p.status === 'unknown') return { kind: 'unknown' };
  if (p.status === 'missing-value' || p.next >= argv.length) return st.complete ? { kind: 'self' } : { kind: 'unknown' };
  return nestedShell(joinWords(argv.slice(p.next)), 'sh', wrapped(wrapped(st, name), 'sh -c'));
};

/** eval (a shell builtin) joins its arguments and parses them as shell again. */
const evalBuiltin: Handler = (argv, st, name) => {
  if (!st.viaShell) return { kind: 'self' }; // there is no eval program to exec
  const start = wordText(argv[1] ?? { fragments: [] }) === '--' ? 2 : 1;
  if (start >= argv.length) return { kind: 'none' };
  return nestedShell(joinWords(argv.slice(start)), st.dialect, wrapped(st, name));
};

/** xargs appends words read from stdin, so the final argv is not known (unless -I substitutes). */
const xargs: Handler = (argv, st, name) => {
  const p = parseOptions(argv, 1, {
    withArg: 'nIdPLsEa',
    optionalArg: 'iel',
    long: {
      null: 'flag', 'arg-file': 'arg', delimiter: 'arg', eof: 'optional', replace: 'optional', 'max-lines': 'optional', 'max-args': 'arg',
      'max-chars': 'arg', 'max-procs': 'arg', interactive: 'flag', verbose: 'flag', exit: 'flag', 'no-run-if-empty': 'flag', 'open-tty': 'flag',
      'process-slot-var': 'arg', 'show-limits': 'flag', help: 'flag', version: 'flag',
    },
  });
  const step = operand(argv, p, st, name);
  if (step.kind === 'exec' && !has(p, 'I', 'i', 'replace')) step.st = { ...step.st, complete: false };
  return step;
};

const STRACE_SPEC: OptionSpec = {
  withArg: 'abeEIoOpPsSuXU',
  long: {
    output: 'arg', attach: 'arg', trace: 'arg', 'trace-path': 'arg', 'string-limit': 'arg', 'summary-sort-by': 'arg', env: 'arg', user: 'arg',
    columns: 'arg', 'const-print-style': 'arg', 'decode-fds': 'optional', 'follow-forks': 'flag', quiet: 'optional', silent: 'optional',
    timestamps: 'optional', signal: 'arg', status: 'arg', inject: 'arg', fault: 'arg', 'seccomp-bpf': 'flag', summary: 'flag', 'summary-only': 'flag',
  },
};

const LTRACE_SPEC: OptionSpec = {
  withArg: 'aAeFlnopsuwxD',
  long: { output: 'arg', library: 'arg', config: 'arg', indent: 'arg', align: 'arg', demangle: 'flag', help: 'flag', version: 'flag' },
};

/** GNU screen's options that take the next word (`-S name`, `-t title`, `-Logfile file`). */
const SCREEN_WITH_ARG = new Set(['-c', '-e', '-h', '-p', '-s', '-S', '-t', '-T', '-Logfile']);
/** Options that list, reattach to or clean up sessions: no program is started. */
const SCREEN_SELF = new Set(['-ls', '-list', '-wipe', '-r', '-R', '-RR', '-x', '-v', '-version', '-help']);
/** One word of bundled flags, whose last letter may take the next word as its value (`-dmS name`). */
const SCREEN_BUNDLE = /^-[aAdDmiflLOqU]+([cehpsStT])?$/;

/**
 * GNU screen runs its operand in a new window: `screen -dmS name cmd args` (a new detached session
 * started from this shell, with its environment), `screen -S name -X screen -t title cmd args` (a
 * running session opens the window; its environment is the one that session was started with,
 * taken here as this shell's, which is where scripts start it). Other `-X` commands (`stuff`,
 * `quit`), listing and reattaching start no program of their own.
 */
const screen: Handler = (argv, st, name) => {
  let i = 1;
  for (; i < argv.length; i++) {
    const w = wordText(argv[i]);
    if (w === undefined) return { kind: 'unknown' };
    if (w === '--' || !w.startsWith('-')) break;
    if (SCREEN_SELF.has(w)) return { kind: 'self' };
    if (w === '-X') {
      // The screen command sent to the session: only `screen` opens a window that runs a program.
      if (wordText(argv[i + 1] ?? { fragments: [] }) !== 'screen') return { kind: 'self' };
      i++;
    } else if (SCREEN_WITH_ARG.has(w) || SCREEN_BUNDLE.exec(w)?.[1]) i++;
    else if (!SCREEN_BUNDLE.test(w) && w !== '-fn' && w !== '-fa' && w !== '-ln') return { kind: 'unknown' };
  }
  if (wordText(argv[i] ?? { fragments: [] }) === '--') i++;
  return operand(argv, { options: [], next: i, status: 'ok' }, st, name);
};

/** tmux's own options: those that take a value, and the flags. */
const TMUX_SPEC: OptionSpec = { withArg: 'cfLST' };
const TMUX_OPTIONS = /^[2CDlNuvcfLST]$/;
/** The tmux commands that start a program, and their options that take a value. */
const TMUX_STARTS: ReadonlyMap<string, OptionSpec> = new Map(
  (
    [
      [['new-session', 'new'], 'cefFnstxy'],
      [['new-window', 'neww'], 'ceFnt'],
      [['split-window', 'splitw'], 'celtFp'],
      [['respawn-pane', 'respawnp', 'respawn-window', 'respawnw'], 'cet'],
    ] as const
  ).flatMap(([names, withArg]) => names.map((n): [string, OptionSpec] => [n, { withArg }])),
);

/**
 * tmux runs a command in a new session, window or pane: `tmux new-session -d -s api "source
 * venv/bin/activate; python app.py"` (StackStorm's launchdev.sh). One word is a shell command,
 * which tmux hands to its default-shell with `-c` (the user's $SHELL, read as bash here: the
 * interactive shells that have `source`), several are the program and its arguments. Its
 * environment is taken as the caller's, with `-e NAME=VALUE` added; a server already running would
 * give its own, which a script cannot tell. `-c DIR` (the start folder) is not followed. Other
 * commands (`send-keys` types into a shell whose state is not known here, `kill-session`,
 * `attach`) start nothing of their own, and `tmux -c cmd` runs cmd as a shell command.
 */
const tmux: Handler = (argv, st0, name) => {
  const p = parseOptions(argv, 1, TMUX_SPEC);
  if (p.status === 'unknown' || p.options.some((o) => !TMUX_OPTIONS.test(o.name))) return { kind: 'unknown' };
  const script = p.options.find((o) => o.name === 'c')?.value;
  if (script) return nestedShell(script, 'bash', wrapped(wrapped(st0, name), '$SHELL -c'));
  if (p.status === 'missing-value') return { kind: 'self' };
  const command = wordText(argv[p.next] ?? { fragments: [] });
  const spec = command === undefined ? undefined : TMUX_STARTS.get(command);
  if (!spec) return command === undefined && p.next < argv.length ? { kind: 'unknown' } : { kind: 'self' };
  const q = parseOptions(argv, p.next + 1, spec);
  if (q.options.some((o) => !/^[a-zA-Z]$/.test(o.name))) return { kind: 'unknown' };
  let st = st0;
  for (const o of q.options) {
    if (o.name !== 'e' || !o.value) continue;
    const lead = leadingText(o.value);
    const eq = lead.indexOf('=');
    if (eq <= 0) return { kind: 'unknown' };
    st = assign(st, { name: lead.slice(0, eq), value: dropLeading(o.value, eq + 1) });
  }
  const rest = q.status === 'ok' ? argv.slice(q.next) : [];
  // `\;` ends this command and starts another: what follows is not its program.
  if (rest.some((w) => wordText(w) === ';')) return { kind: 'unknown' };
  if (rest.length === 1) return nestedShell(rest[0], 'bash', wrapped(wrapped(st, name), '$SHELL -c'));
  return operand(argv, q, st, name);
};

const SHELLS = ['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh'];

export const HANDLERS = new Map<string, Handler>([
  ['env', env],
  ['nice', simple({ withArg: 'n', numeric: true, long: { adjustment: 'arg', help: 'flag', version: 'flag' } })],
  ['nohup', simple({})],
  [
    'timeout',
    simple({ withArg: 'ks', long: { 'kill-after': 'arg', signal: 'arg', foreground: 'flag', 'preserve-status': 'flag', verbose: 'flag', help: 'flag', version: 'flag' } }, { positional: 1, computedPositional: true }),
  ],
  ['sudo', sudo],
  ['doas', doas],
  ['su', su],
  ['runuser', su],
  ['exec', simple({ withArg: 'a' }, { alone: 'none' })],
  ['command', command],
  ['builtin', simple({}, { alone: 'none' })],
  ['time', simple({ withArg: 'fo', long: { format: 'arg', output: 'arg', append: 'flag', verbose: 'flag', portability: 'flag', quiet: 'flag' } }, { alone: 'none' })],
  ['xargs', xargs],
  ['stdbuf', simple({ withArg: 'ioe', long: { input: 'arg', output: 'arg', error: 'arg', help: 'flag', version: 'flag' } })],
  ['ionice', simple({ withArg: 'cnpPu', long: { class: 'arg', classdata: 'arg', pid: 'arg', pgid: 'arg', uid: 'arg', ignore: 'flag' } }, { selfIf: ['p', 'P', 'u', 'pid', 'pgid', 'uid'] })],
  ['chrt', chrt()],
  ['taskset', simple({ long: { 'all-tasks': 'flag', pid: 'flag', 'cpu-list': 'flag', help: 'flag', version: 'flag' } }, { positional: 1, selfIf: ['p', 'pid'], computedPositional: true })],
  ['setsid', simple({ long: { ctty: 'flag', fork: 'flag', wait: 'flag' } })],
  ['flock', flock],
  ['unbuffer', simple({})],
  ['chronic', simple({})],
  ['caffeinate', simple({ withArg: 'tw' })],
  ['catchsegv', simple({})],
  ['strace', simple(STRACE_SPEC)],
  ['ltrace', simple(LTRACE_SPEC)],
  ['watch', watch],
  ['screen', screen],
  ['tmux', tmux],
  ['eval', evalBuiltin],
  ['gosu', simple({}, { positional: 1, computedPositional: true })],
  ['su-exec', simple({}, { positional: 1, computedPositional: true })],
  ['tini', simple({ withArg: 'ep' })],
  ['dumb-init', simple({ withArg: 'r', long: { 'single-child': 'flag', rewrite: 'arg', verbose: 'flag', version: 'flag', help: 'flag' } })],
  ...SHELLS.map((s): [string, Handler] => [s, shell]),
]);

/** chrt [options] PRIORITY command: the priority is numeric (and optional for some policies in newer versions). */
function chrt(): Handler {
  const spec: OptionSpec = {
    withArg: 'DPT',
    long: {
      'all-tasks': 'flag', batch: 'flag', deadline: 'flag', fifo: 'flag', help: 'flag', idle: 'flag', max: 'flag', other: 'flag', pid: 'flag',
      'reset-on-fork': 'flag', rr: 'flag', 'sched-runtime': 'arg', 'sched-period': 'arg', 'sched-deadline': 'arg', verbose: 'flag', version: 'flag',
    },
  };
  return (argv, st, name) => {
    let p = parseOptions(argv, 1, spec);
    if (p.status === 'unknown' && p.next < argv.length && leadingText(argv[p.next]) === '') p = { ...p, status: 'ok' };
    if (has(p, 'p', 'pid', 'm', 'max')) return { kind: 'self' };
    if (p.status !== 'ok' || p.next >= argv.length) return operand(argv, p, st, name);
    const prio = argv[p.next];
    // A priority the program computes (`str(prio)`, f"{prio}") is the priority, as timeout's duration.
    if (!isAllText(prio)) return leadingText(prio) === '' ? operand(argv, positionals(p, 1), st, name) : { kind: 'unknown' };
    return operand(argv, /^\d+$/.test(wordText(prio) ?? '') ? positionals(p, 1) : p, st, name);
  };
}

/**
 * The LaunchSite for one expanded command: argv, wrappers and shell come from the expansion, the
 * rest from the front end. `searchesPath` defaults to true (shells and execvp-style launches).
 */
