/**
 * crontab front end: files named `crontab`, `*.crontab`, `*.cron`, and files in a `cron.d`
 * folder whose names cron would read (letters, digits, `_`, `-`: Debian's cron(8) skips other
 * names there). Each command line is its own shell — `/bin/sh -c`, or the shell `SHELL=` names
 * (crontab(5)) — started in the owner's HOME, so activation, `export` and `cd` last for that line.
 *
 * What persists is the file's environment settings: `NAME = value` lines apply to the command
 * lines below them, unexpanded ("The value string is not parsed for environmental substitutions
 * or replacement of variables", crontab(5) of Debian's cron). Without a PATH line, cron's PATH
 * is `/usr/bin:/bin` (crontab(5): "PATH is set to "/usr/bin:/bin""), never a venv. In the
 * command, the first unescaped `%` ends it (the rest is standard input) and `\%` is a `%`.
 *
 * System crontabs (`/etc/crontab`, files in `cron.d`) have a user field after the schedule;
 * user crontabs (installed with `crontab FILE`) do not. Decided by location: in a `cron.d`
 * folder or named `etc/crontab` → system format; anything else → user format, except that a
 * line whose sixth field is `root` followed by a command is read as system format (no one runs
 * a program called root).
 *
 * "No venv, no finding": only venvs the file names (a line running `/srv/app/venv/bin/python`,
 * `VIRTUAL_ENV=`, an activation, or `PATH=` with a named venv's bin) make bare tools escapes.
 */
import type { ConfigSiteFacts } from '../../kernel/launch-site.js';
import path from 'node:path';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { CONFIG_MAX_BYTES, configMayMatter, unreadLinesThatMatter, type Analysis, type FrontEnd } from '../front-end.js';
import type { ShellDialect } from '../shell/parse.js';
import { resolveDir } from '../shell/state.js';
import { analyzeWithNamedVenvs, entrySuppressions, finishAnalysis, nameVenv, newCollected, runShellCommand, showVenv, splitLines, type Collected } from '../config/services.js';
import { shownVia } from '../config/driver.js';
import { SHELL_SCRIPT_CHARS, within } from '../../kernel/budgets.js';
import type { Word } from '../../kernel/word.js';
import { CRON_PATH } from '../../kernel/platform.js';

/** The owner's home folder, where cron starts each command; shown as `~`. */
const HOME = '/__cron_home__';

const KEYWORDS = new Set(['@reboot', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const TIME_FIELD = /^[0-9A-Za-z*\/,\-?LW#]+$/;

type Entry =
  | { kind: 'env'; name: string; value: string; line: number; span: Span }
  | { kind: 'command'; line: number; span: Span; text: string; offsets: number[] };

/** A command's script as one word: its text, each character at its offset. */
function commandWord(e: { text: string; offsets: number[] }): Word {
  if (e.text === '') return { fragments: [] };
  return { fragments: [{ kind: 'text', text: e.text, offsets: e.offsets }], span: { start: e.offsets[0], end: e.offsets[e.offsets.length - 1] + 1 } };
}

const showCronVenv = shownVia([[HOME, '~']], showVenv);

export function parseCrontab(text: string, system: boolean, problems: { message: string; offset: number }[]): Entry[] {
  const out: Entry[] = [];
  for (const ln of splitLines(text)) {
    const t = ln.text;
    if (/^\s*(#|$)/.test(t)) continue;
    const env = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(t);
    if (env && !/^\s*[@*0-9]/.test(t)) {
      let value = env[2];
      const q = /^(["'])(.*)\1$/.exec(value);
      if (q) value = q[2];
      out.push({ kind: 'env', name: env[1], value, line: ln.no, span: { start: ln.start, end: ln.start + t.length } });
      continue;
    }
    // Fields: the schedule (five fields or an @keyword), maybe a user, then the command.
    const fields: { text: string; start: number }[] = [];
    const re = /\S+/g;
    for (let m = re.exec(t); m && fields.length < 8; m = re.exec(t)) fields.push({ text: m[0], start: m.index });
    let n: number;
    if (fields[0]?.text.startsWith('@')) {
      if (!KEYWORDS.has(fields[0].text)) {
        problems.push({ message: `unknown schedule ${JSON.stringify(fields[0].text)}`, offset: ln.start + fields[0].start });
        continue;
      }
      n = 1;
    } else {
      n = 5;
      if (fields.length < 6 || !fields.slice(0, 5).every((f) => TIME_FIELD.test(f.text))) {
        problems.push({ message: `not a crontab line (schedule, ${system ? 'user, ' : ''}command): ${JSON.stringify(t.trim().slice(0, 40))}`, offset: ln.start });
        continue;
      }
    }
    if (system || (fields[n]?.text === 'root' && fields.length > n + 1)) n++;
    const cmdField = fields[n];
    if (!cmdField) {
      problems.push({ message: 'crontab line without a command', offset: ln.start });
      continue;
    }
    // The command is one shell script: over its budget, the file is too complex before any work.
    within(SHELL_SCRIPT_CHARS, t.length - cmdField.start);
    // The command: up to the first unescaped `%`; `\%` stands for `%`. Kept as its text and the
    // offsets of its characters (an object per character held every line's command at once).
    let text = '';
    const offsets: number[] = [];
    for (let k = cmdField.start; k < t.length; k++) {
      if (t[k] === '\\' && t[k + 1] === '%') {
        text += '%';
        offsets.push(ln.start + k + 1);
        k++;
        continue;
      }
      if (t[k] === '%') break;
      text += t[k];
      offsets.push(ln.start + k);
    }
    out.push({ kind: 'command', line: ln.no, span: { start: ln.start, end: ln.start + t.length }, text, offsets });
  }
  return out;
}

export function isSystemCrontab(p: string): boolean {
  const n = p.replace(/\\/g, '/');
  return /(^|\/)cron\.d\/[^/]+$/.test(n) || /(^|\/)etc\/crontab$/.test(n);
}

export function analyzeCrontab(file: SourceFile): Analysis {
  const read: { message: string; offset: number }[] = [];
  const entries = parseCrontab(file.text, isSystemCrontab(file.path), read);
  // A line cron cannot read never runs (cron refuses the file): reported when it could have held a finding.
  const problems = unreadLinesThatMatter(file.text, read);
  const suppressions: Suppressions = new Map();
  for (const e of entries) entrySuppressions(suppressions, file, e.line, e.line);

  const out = analyzeWithNamedVenvs((initial) => {
    const o: Collected = newCollected(file, 'crontab');
    const venvs = new Map(initial);
    const vars = new Map<string, string>();
    let cronPath = CRON_PATH;
    let shell = '/bin/sh';
    let cwd: string | undefined = HOME;
    let virtualEnv: { venv: string; span: Span } | undefined;
    for (const e of entries) {
      if (e.kind === 'env') {
        if (e.name === 'PATH') cronPath = e.value;
        else if (e.name === 'SHELL') shell = e.value;
        else if (e.name === 'HOME') cwd = resolveDir(e.value, '/');
        else vars.set(e.name, e.value);
        if (e.name === 'VIRTUAL_ENV') {
          const venv = resolveDir(e.value, cwd);
          if (venv) {
            virtualEnv = { venv, span: e.span };
            nameVenv(o, venv, file, e.span.start);
          }
        }
        continue;
      }
      const base = path.posix.basename(shell);
      const dialect: ShellDialect | undefined = base === 'bash' ? 'bash' : /^(sh|dash|ash)$/.test(base) ? 'sh' : undefined;
      if (!dialect) continue; // SHELL=/usr/bin/python3 …: not a shell we analyse
      const facts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
        form: 'shell',
        showVenv: showCronVenv,
        unit: 'this crontab line',
        scope: 'in this crontab line',
        persistAdvice: (venv: string) =>
          venv.startsWith(HOME)
            ? `set PATH=/home/<user>${venv.slice(HOME.length)}/bin:${CRON_PATH} on a line above it (an absolute path: cron expands neither ~ nor $HOME there)`
            : `set PATH=${venv}/bin:${CRON_PATH} on a line above it (cron does not expand $PATH there)`,
      };
      const fileVars = new Map(vars);
      if (cwd !== undefined && cwd !== HOME) fileVars.set('HOME', cwd);
      runShellCommand(commandWord(e), dialect, shell, {
        file,
        language: 'crontab',
        api: 'cron',
        callSpan: e.span,
        order: e.line,
        envPath: cronPath,
        execLookupOnEnvPath: true,
        cwd,
        vars: fileVars,
        venvs,
        execFacts: facts,
        shellFacts: facts,
        virtualEnv,
      }, o);
    }
    return { out: o, venvs };
  });
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}

export const crontabFrontEnd: FrontEnd = {
  language: 'crontab',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const n = p.replace(/\\/g, '/');
    const base = path.posix.basename(n);
    if (base === 'crontab' || /\.(crontab|cron)$/.test(base)) return true;
    return /(^|\/)cron\.d\/[A-Za-z0-9_-]+$/.test(n);
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeCrontab(file));
  },
};
