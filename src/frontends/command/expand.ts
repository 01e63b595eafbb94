/**
 * Front-end level two: from an argv (exec form, or one simple command a shell parsed) to the
 * programs actually started. Wrappers that exec their operand looked up on PATH (`env`, `nice`,
 * `sudo`, `timeout` …) are peeled off with their own option syntax (wrappers.ts); a nested shell
 * (`bash -c`, `su -c`, `watch`, `eval`) is handed to the caller's `nested` runner — the one shell
 * model, shell/session.ts — which runs its script with the state of the shell that started it.
 * Programs that run their arguments somewhere else (docker, ssh, kubectl …) are simply argv[0].
 */
import type { SourceFile, Span } from '../../kernel/source.js';
import type { EnvState, Language, LaunchSite } from '../../kernel/launch-site.js';
import { wordText, type Word } from '../../kernel/word.js';
import type { ShellCommand, ShellDialect, ShellParseResult } from '../shell/parse.js';
import { assign, type ExpandedCommand, type NestedRunner, type NestedShell, type State } from './options.js';
import { HANDLERS } from './wrappers.js';
import { inlineImports } from '../python/inline-imports.js';

export type { ExpandedCommand, NestedRunner, NestedShell } from './options.js';

export interface ExpandArgvOptions {
  complete: boolean;
  viaShell?: boolean;
  span?: Span;
  /** Receives parse errors of nested shell scripts (`bash -c '…'`); their spans map into the file. */
  errors?: ShellParseResult['errors'];
  /** Runs the script of a nested shell (`bash -c '…'`): shell/session.ts, with the caller's state. */
  nested: NestedRunner;
}

/** Wrapper steps in total, a guard against pathological chains. */
const MAX_STEPS = 32;

export function expandArgv(argv: Word[], opts: ExpandArgvOptions): ExpandedCommand[] {
  const st: State = { wrappers: [], envPathSet: false, pathUnset: false, assignments: [], shellDepth: 0, steps: 0, viaShell: opts.viaShell ?? false, complete: opts.complete, span: opts.span, dialect: 'sh', errors: opts.errors ?? [], nested: opts.nested };
  return run(argv, st);
}

/**
 * One simple command a shell parsed, with its prefix assignments (`PATH=… python`), expanded; in a
 * nested shell's script, under the unwrapping that led to that shell (`sudo bash -c 'pip …'`: pip
 * inherits sudo's PATH reset). Nested shells it starts in turn go to `nested`.
 */
export function expandShellCommand(cmd: ShellCommand, dialect: ShellDialect, nested: NestedRunner, outer?: NestedShell): ExpandedCommand[] {
  if (cmd.words.length === 0) return []; // assignment-only: starts nothing
  const base: State = outer
    ? { ...outer.st, dialect: outer.dialect }
    : { wrappers: [], envPathSet: false, pathUnset: false, assignments: [], shellDepth: 0, steps: 0, viaShell: true, complete: true, dialect, errors: [], nested };
  let s: State = { ...base, viaShell: true, complete: base.complete && cmd.complete, span: cmd.span ?? base.span, nested };
  for (const a of cmd.assignments) s = assign(s, a);
  const out = run(cmd.words, s);
  // A wrapper (`sudo`, `env` …) hands its stdin on to the program it starts.
  if (cmd.stdin !== undefined) for (const c of out) c.stdin = cmd.stdin;
  return out;
}

/** What the unwrapping before a nested shell did to its environment (for the shell's own state). */
export function nestedEnvironment(n: NestedShell): Pick<ExpandedCommand, 'pathReset' | 'envPathSet' | 'pathUnset'> {
  return { pathReset: n.st.pathReset, envPathSet: n.st.envPathSet, pathUnset: n.st.pathUnset };
}

function run(argv: Word[], st: State): ExpandedCommand[] {
  for (;;) {
    if (argv.length === 0) return [];
    const name = programName(argv[0]);
    const handler = name === undefined ? undefined : HANDLERS.get(name);
    if (!handler || name === undefined) return [finish(argv, st)];
    if (st.steps >= MAX_STEPS) return [finish(argv, { ...st, complete: false })];
    const step = handler(argv, st, name);
    switch (step.kind) {
      case 'exec':
        argv = step.argv;
        st = step.st;
        continue;
      case 'script':
        return step.st.nested({ script: step.script, dialect: step.dialect, st: step.st });
      case 'none':
        return [];
      case 'self':
        return [finish(argv, st)];
      case 'unknown':
        return [finish(argv, { ...st, complete: false })];
    }
  }
}

function finish(argv: Word[], st: State): ExpandedCommand {
  const c: ExpandedCommand = { argv, wrappers: st.wrappers, viaShell: st.viaShell, complete: st.complete, assignments: st.assignments, span: st.span };
  if (st.pathReset) c.pathReset = st.pathReset;
  if (st.envPathSet) c.envPathSet = true;
  if (st.pathUnset) c.pathUnset = true;
  return c;
}

/** The program's base name when argv[0] is literal text (`/usr/bin/env` → `env`). */
function programName(w: Word): string | undefined {
  const t = wordText(w);
  if (t === undefined) return undefined;
  return t.slice(t.lastIndexOf('/') + 1);
}

export function launchSiteFor(
  cmd: ExpandedCommand,
  at: { file: SourceFile; language: Language; api: string; callSpan: Span; env: EnvState; searchesPath?: boolean; viaShell?: boolean },
): LaunchSite {
  const viaShell = (at.viaShell ?? false) || cmd.viaShell;
  return {
    file: at.file,
    language: at.language,
    api: at.api,
    callSpan: at.callSpan,
    argv: cmd.argv,
    argvComplete: cmd.complete,
    // A wrapper (`env`, `nice` …) looks its operand up on PATH itself, whatever started the wrapper.
    searchesPath: viaShell || cmd.wrappers.length > 0 || (at.searchesPath ?? true),
    viaShell,
    wrappers: cmd.wrappers,
    env: at.env,
    ...inlineCode(cmd),
  };
}

/**
 * What an interpreter is handed as inline code (`python -c CODE`, `python3 - <<'EOF'` or
 * `python3 <<'EOF'`): the modules that code imports, when all of it is known (see inlineImports).
 */
function inlineCode(cmd: ExpandedCommand): Pick<LaunchSite, 'inlineImports'> {
  const prog = programName(cmd.argv[0] ?? { fragments: [] });
  if (prog === undefined || !/^(python|pypy)[\d.]*$/.test(prog)) return {};
  const args = cmd.argv.slice(1).map((w) => wordText(w));
  let code: string | undefined;
  for (let i = 0; i <= args.length; i++) {
    const a = args[i];
    if (a === undefined) {
      if (i < args.length) return {}; // an unknown word where options or the program are
      code = cmd.stdin; // no script, no -c, no -m: the program is read from stdin
      break;
    }
    if (a === '-') {
      code = cmd.stdin;
      break;
    }
    if (/^-[A-Za-z]*c$/.test(a) && !/m/.test(a)) {
      code = args[i + 1];
      break;
    }
    if (!/^-[A-Za-z]+$/.test(a) || /[cm]/.test(a)) return {}; // a script, -m, -cCODE, long options
    if (/[WX]$/.test(a)) i++; // -W arg, -X opt
  }
  if (code === undefined) return {};
  const imports = inlineImports(code);
  return imports ? { inlineImports: imports } : {};
}
