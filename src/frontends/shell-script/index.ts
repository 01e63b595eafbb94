/**
 * Shell script front end: `*.sh`, `*.bash`, and extensionless files whose shebang names sh, bash,
 * dash, ksh or zsh. The whole file is ONE shell, run top to bottom: activation, `deactivate`,
 * `export PATH=…`, `cd` and variables last until the end of the file (or until undone), so
 * `source venv/bin/activate` followed by `pip install` is fine, and `python3 -m venv .venv`
 * followed by a bare `pip install` is an escape.
 *
 * The shebang decides the dialect: `#!/bin/sh` (dash on Debian and Ubuntu) and `#!/bin/dash` are
 * POSIX sh; bash is bash; ksh and zsh are parsed as bash with no dialect fact (their `source`
 * rules differ). A script without a shebang is run by whatever its caller chooses — measured on
 * Debian 12: `./x.sh` started from bash runs in bash (BASH_VERSION is set), from dash it runs in
 * dash, and `sh x.sh` / `bash x.sh` / `. x.sh` name the shell themselves — so it is parsed as
 * bash and carries no dialect fact.
 *
 * A function's body runs where the function is first called by name (shell/parse.ts). Deliberately
 * not modelled: subshells `( … )` are not separate shells, and other files a script sources or runs
 * are not followed here (src/pipeline/follow-scripts.ts analyses a script again with the state of
 * each configuration command that runs it: `caller`). An activation as the script's last command is not reported: a script may
 * well be meant to be sourced (`. ./env.sh`), and then its activation persists in the caller.
 */
import path from 'node:path';
import type { LaunchSite, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { textWord, wordSourceSpan } from '../../kernel/word.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, type Analysis, type AnalyzeOptions, type FrontEnd } from '../front-end.js';
import { keepParses, type ShellDialect } from '../shell/parse.js';
import { analyzeWithNamedVenvs, finishAnalysis, newCollected, runShellCommand, showVenv, START_DIR } from '../config/services.js';
import { scanSuppressions } from '../config/driver.js';
import { SHELL_SCRIPT_FILE_CHARS } from '../../kernel/budgets.js';

const SHELLS = /^(sh|bash|dash|ksh|ksh93|mksh|zsh)$/;

/**
 * A comment of the script sources it by its own name (LocalAI's libbackend.sh: `# source
 * $(dirname $0)/../common/libbackend.sh`, the name whole after a `/` or the command): a library, whose
 * functions the scripts that source it call.
 * Each occurrence of the name is tested on the 400 characters before it (linear in the text; the
 * pattern's alternatives are disjoint, so a line that fails does not backtrack).
 */
export function documentedAsSourced(text: string, base: string): boolean {
  if (base.length < 4) return false;
  for (let i = text.indexOf(base); i >= 0; i = text.indexOf(base, i + base.length)) {
    const before = text.slice(Math.max(0, i - 400), i);
    const nl = before.lastIndexOf('\n');
    if (nl < 0 && i > 400) continue;
    if (/^[ \t]*#(?:.*[\s;&|#])?(?:source|\.)[ \t]+(?:(?:\$\([^()\n]*\)|[^\s$]|\$(?!\())*\/)?$/.test(before.slice(nl + 1)) && !/[\w.-]/.test(text[i + base.length] ?? '')) return true;
  }
  return false;
}

/** The interpreter a shebang line names (`#!/usr/bin/env -S bash -e` → bash), if any. */
export function shebangShell(head: string): { prog: string; name: string } | undefined {
  const m = /^#!\s*(\S+)(.*)$/.exec(head);
  if (!m) return undefined;
  let prog = m[1];
  if (path.posix.basename(prog) === 'env') {
    const args = m[2].trim().split(/\s+/).filter((a) => !/^-/.test(a) && !/=/.test(a));
    if (!args[0]) return undefined;
    prog = args[0];
  }
  const name = path.posix.basename(prog);
  return SHELLS.test(name) ? { prog, name } : undefined;
}

/** The dialect to parse with, the dialect fact, and the shell's name, from the first line and file name. */
export function scriptShell(fileName: string, head: string): { parse: ShellDialect; dialect?: ShellDialect; shellName?: string } {
  const sb = shebangShell(head);
  if (!sb) return /\.bash$/.test(fileName) ? { parse: 'bash', dialect: 'bash', shellName: 'bash' } : { parse: 'bash' };
  if (sb.name === 'bash') return { parse: 'bash', dialect: 'bash', shellName: sb.prog };
  if (sb.name === 'sh' || sb.name === 'dash') return { parse: 'sh', dialect: 'sh', shellName: sb.prog };
  return { parse: 'bash', shellName: sb.prog };
}

/**
 * The state a configuration command runs a script with (src/pipeline/follow-scripts.ts): its PATH,
 * folder and the venvs in scope there, and the shell it names (`sh x.sh`, `bash x.sh`).
 */
export interface ScriptCaller {
  path: string;
  cwd: string | undefined;
  venvs: ReadonlyMap<string, VenvOrigin>;
  dialect?: ShellDialect;
  showVenv: (venv: string) => string;
  /** When the script's commands are judged, in messages: "in this script, run by ci.yml:12". */
  scope: string;
}

/**
 * Bash-only syntax that dash rejects (a syntax error, or "unexpected operator" / "Bad
 * substitution"), outside comment lines: `[ "$a" == "$b" ]`, `[[ … ]]`, an array, the `function`
 * keyword, a here-string, `${x:1:2}` and `${x//a/b}`. A `#!/bin/sh` script that uses them has only
 * ever run where sh is bash (netmiko's `_release.sh` compares with `==` in `[ ]` and `source`s a
 * venv; on dash its check would always fail), so its `source` works there too (VG203 is not
 * reported). Where an image that runs the script says which sh it has, that decides instead.
 */
// Each part bounded to its line (a test's operand to 256 characters), so that a hostile file of
// `[ [ [ …` or blank lines is read once, not once per position.
const BASH_ONLY = /(?:^|[ \t;&|(!])\[[ \t][^\]\n]{0,256}?[ \t]==[ \t]|(?:^|[ \t;&|(!])\[\[[ \t]|^[ \t]*[A-Za-z_]\w*=\(|^[ \t]*function[ \t]+[A-Za-z_]|<<<|\$\{[A-Za-z_]\w*(?::(?![-=+?])|\/)/m;

function writtenForBash(text: string): boolean {
  // Comment lines blanked (cheaply: whole lines only), the rest searched as it is.
  return BASH_ONLY.test(text.replace(/^[ \t]*#.*$/gm, ''));
}

export function analyzeShellScript(file: SourceFile, opts: AnalyzeOptions = {}, caller?: ScriptCaller): Analysis {
  const head = file.text.slice(0, Math.max(0, file.text.indexOf('\n'))) || file.text;
  const shell = caller?.dialect ? { parse: caller.dialect, dialect: caller.dialect, shellName: caller.dialect } : scriptShell(file.path, head);
  const shown = caller?.showVenv ?? showVenv;
  const fileSpan: Span = { start: 0, end: file.text.length };
  // Each command is anchored on its own line (suppressions and side venvs work per line: the
  // commands of one line share its span, as the commands of one RUN share the RUN's).
  const siteSpan = (site: LaunchSite): Span => {
    const at = (site.argv[0] && wordSourceSpan(site.argv[0])?.start) ?? 0;
    const line = file.location(at).line;
    const text = file.lineText(line);
    const start = file.lineStart(line) + (text.length - text.trimStart().length);
    return { start: Math.min(start, at), end: Math.max(at, file.lineStart(line) + text.length) };
  };
  const facts = {
    form: 'shell' as const,
    showVenv: shown,
    unit: 'this script',
    scope: caller?.scope ?? 'at this point of the script',
    persistAdvice: (venv: string) => `activate it earlier in the script (. ${shown(venv)}/bin/activate)`,
  };
  // The script is parsed once for both runs of analyzeWithNamedVenvs (a 140 KB autoconf script
  // naming a venv: 1,170 ms for both, ~55% of the second run parsing it again).
  const script = textWord(file.text, 0);
  const out = keepParses([script], () => analyzeWithNamedVenvs((initial) => {
    const o = newCollected(file, 'shell');
    const venvs = new Map([...(caller?.venvs ?? []), ...initial]);
    runShellCommand(script, shell.parse, shell.shellName, {
      file,
      language: 'shell',
      api: 'script',
      callSpan: fileSpan,
      order: 0,
      envPath: caller?.path ?? DEFAULT_PATH,
      execLookupOnEnvPath: true,
      cwd: caller ? caller.cwd : START_DIR,
      vars: new Map(),
      venvs,
      execFacts: facts,
      shellFacts: facts,
      siteSpan,
      // Unless an image that runs it says which sh it gets: a `#!/bin/sh` script written in bash.
      shHasSource: opts.shHasSource ?? (shell.dialect === 'sh' && writtenForBash(file.text)),
      scriptBudget: SHELL_SCRIPT_FILE_CHARS,
      library: documentedAsSourced(file.text, path.basename(file.path)),
    }, o, shell.dialect ?? 'unknown');
    return { out: o, venvs };
  }));
  // One shell for the whole file: nothing runs after it that could have relied on an activation.
  for (const site of out.activations) {
    const act = site.config?.activation;
    if (act) act.lastInRun = false;
  }
  return finishAnalysis(out, scriptSuppressions(file));
}

/** `# venvguard: ignore[…]` / `# noqa` as a comment on the line, or alone on the line above: each line is an entry. */
function scriptSuppressions(file: SourceFile): Suppressions {
  const s: Suppressions = new Map();
  for (let l = 1; l <= file.lineCount; l++) {
    if (!file.lineText(l).includes('#') && !(l > 1 && file.lineText(l - 1).includes('#'))) continue;
    scanSuppressions(s, file, { line: '#', trailing: '#' }, l, l);
  }
  return s;
}

export const shellScriptFrontEnd: FrontEnd = {
  language: 'shell',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string, head: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    if (/\.(sh|bash)$/.test(base)) return true;
    return !base.includes('.') && shebangShell(head) !== undefined;
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T, opts?: AnalyzeOptions): T {
    return use(analyzeShellScript(file, opts));
  },
};
