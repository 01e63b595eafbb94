/**
 * The runtime tracer as a source of launch sites: a spawn record (`venvguard run`) becomes the
 * LaunchSites `check` would have made of the same call — the command string through the one shell
 * model (`sh -c '…'`: `cd x && python y`, `PATH=… cmd`, activations, `bash -c`), an argv through
 * the wrapper unwrapping (`env`, `nice`, `sudo`, `timeout` …) — so the same judge decides what is
 * a Python tool and what manages its own environment.
 */
import { launchSiteFor, type ExpandedCommand } from '../frontends/command/expand.js';
import { DEFAULT_PATH } from '../frontends/config/facts.js';
import { runExecArgv, runShellSession, type ShellSessionOptions } from '../frontends/shell/session.js';
import type { EnvState, LaunchSite, PathState } from '../kernel/launch-site.js';
import { SourceFile } from '../kernel/source.js';
import { textWord, type Word } from '../kernel/word.js';
import type { SpawnRecord } from '../env/trace/records.js';

/** The program a spawn names: a bare argv[0] when the event carries the path execvp found for it. */
function programOf(s: SpawnRecord, args: string[]): string {
  const first = args[0] ?? '';
  const exe = s.executable;
  if (!exe || exe === first) return first;
  // os.execvp("python", …) raises os.exec with each PATH candidate: the name was looked up.
  if (exe.includes('/') && !first.includes('/') && exe.endsWith('/' + first)) return first;
  return exe;
}

export function spawnSites(s: SpawnRecord): LaunchSite[] {
  const shellText = typeof s.args === 'string' ? s.args : s.shell ? (s.args[0] ?? '') : undefined;
  const text = shellText ?? (s.args as string[]).join(' ');
  const file = new SourceFile(`<${s.event} in process ${s.pid}>`, text);
  const callSpan = { start: 0, end: text.length };
  const make = (cmd: ExpandedCommand, active?: string): LaunchSite => {
    let path: PathState = { kind: 'inherited' };
    if (cmd.pathReset) path = { kind: 'reset', by: cmd.pathReset };
    else if (cmd.pathUnset) path = { kind: 'reset', by: 'env -i' };
    else if (cmd.envPathSet) path = { kind: 'explicit' };
    const env: EnvState = { path };
    if (active !== undefined && path.kind !== 'reset') env.activeVenv = active;
    return launchSiteFor(cmd, { file, language: 'python', api: s.event, callSpan, env, searchesPath: true });
  };
  const shell: ShellSessionOptions = {
    file,
    language: 'python',
    api: s.event,
    callSpan,
    dialect: 'sh',
    path: DEFAULT_PATH,
    cwd: s.cwd ?? undefined,
    vars: new Map(),
    venvs: new Map(),
    originAt: (offset) => ({ line: 1, how: 'created', offset }),
    makeSite: (cmd, active) => make(cmd, active),
  };
  if (shellText !== undefined) return runShellSession(textWord(shellText, 0), shell).sites;
  const args = s.args as string[];
  if (!args.length && !s.executable) return [];
  const words: Word[] = [];
  let at = 0;
  for (const a of [programOf(s, args), ...args.slice(1)]) {
    words.push(textWord(a, at));
    at += a.length + 1;
  }
  const { commands, session } = runExecArgv(words, true, shell, callSpan);
  return [...commands.map((c) => make(c)), ...session.sites];
}
