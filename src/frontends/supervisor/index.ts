/**
 * supervisor front end: `supervisord.conf`, and `*.conf` files under a `supervisor`,
 * `supervisord` or `conf.d` folder that hold a `[program:x]` (or `[fcgi-program:x]`,
 * `[eventlistener:x]`) section; any other `*.conf` there (nginx's conf.d …) is skipped silently.
 *
 * supervisord runs `command=` itself, no shell: the value is expanded (`%(program_name)s`,
 * `%(ENV_X)s`, `%(here)s` … — unknown here except the program name; `%%` is `%`) and split with
 * Python's shlex. "If it is relative, the supervisord's environment $PATH will be searched for
 * the executable" (supervisor's configuration docs, [program:x] command): the program's own
 * `environment=PATH=…` does not change that lookup, only what the started process and its
 * children find. `environment=KEY="val",KEY2="val2"` from `[supervisord]` and the program apply;
 * `directory=` is the folder it starts in. The INI syntax is Python's configparser as supervisor
 * configures it: `=` or `:` after the key, indented continuation lines, `;`/`#` comment lines, and
 * inline comments after whitespace (`inline_comment_prefixes=(';', '#')` in supervisor/options.py).
 *
 * "No venv, no finding": a program is judged only against venvs the file names itself (a
 * `command=/srv/app/venv/bin/…` in any section, `VIRTUAL_ENV=` in an environment=, an activation
 * in a `sh -c` command).
 */
import type { ConfigSiteFacts } from '../../kernel/launch-site.js';
import path from 'node:path';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import type { Word } from '../../kernel/word.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { resolveDir } from '../shell/state.js';
import { analyzeWithNamedVenvs, entrySuppressions, finishAnalysis, nameVenv, newCollected, runExecCommand, showVenv, splitLines, START_DIR, type Collected } from '../config/services.js';
import { coverLines } from '../config/driver.js';
import { SERVICE_LINE_CHARS, within } from '../../kernel/budgets.js';
import { type Char, type Unit, unitsToWord } from '../../kernel/word-units.js';


export interface IniEntry {
  key: string;
  value: Char[];
  firstLine: number;
  lastLine: number;
  span: Span;
}

export interface IniSection {
  name: string;
  line: number;
  entries: Map<string, IniEntry>;
}

/** configparser as supervisor sets it up: sections, `key = value` / `key: value`, continuations, comments. */
export function parseIni(text: string, problems: { message: string; offset: number }[]): IniSection[] {
  const sections: IniSection[] = [];
  let cur: IniSection | undefined;
  let last: IniEntry | undefined;
  const stripInline = (chars: Char[]): Char[] => {
    for (let k = 1; k < chars.length; k++) if ((chars[k].ch === ';' || chars[k].ch === '#') && /\s/.test(chars[k - 1].ch)) return chars.slice(0, k);
    return chars;
  };
  const trim = (chars: Char[]): Char[] => {
    let a = 0;
    let b = chars.length;
    while (a < b && /\s/.test(chars[a].ch)) a++;
    while (b > a && /\s/.test(chars[b - 1].ch)) b--;
    return chars.slice(a, b);
  };
  for (const ln of splitLines(text)) {
    if (/^\s*[#;]/.test(ln.text) || /^\s*$/.test(ln.text)) {
      if (/^\s*$/.test(ln.text)) last = undefined;
      continue;
    }
    // Before a character of it is mapped (an object each).
    within(SERVICE_LINE_CHARS, ln.text.length + (/^\s/.test(ln.text) && last ? last.value.length : 0));
    const chars = [...ln.text].map((ch, k) => ({ ch, off: ln.start + k }));
    if (/^\s/.test(ln.text) && last) {
      // A continuation line: joined with a line break.
      const more = trim(stripInline(chars));
      last.value.push({ ch: '\n', off: -1 }, ...more);
      last.lastLine = ln.no;
      last.span = { start: last.span.start, end: ln.start + ln.text.length };
      continue;
    }
    const sec = /^\[([^\]]+)\]/.exec(ln.text);
    if (sec) {
      cur = { name: sec[1].trim(), line: ln.no, entries: new Map() };
      sections.push(cur);
      last = undefined;
      continue;
    }
    const m = /^([^=:\s][^=:]*?)\s*[=:]/.exec(ln.text);
    if (!m) {
      problems.push({ message: `not a "key = value" line: ${JSON.stringify(ln.text.trim().slice(0, 40))}`, offset: ln.start });
      last = undefined;
      continue;
    }
    if (!cur) {
      problems.push({ message: `${m[1]} outside a [section]`, offset: ln.start });
      last = undefined;
      continue;
    }
    const entry: IniEntry = { key: m[1].toLowerCase(), value: trim(stripInline(chars.slice(m[0].length))), firstLine: ln.no, lastLine: ln.no, span: { start: ln.start, end: ln.start + ln.text.length } };
    cur.entries.set(entry.key, entry);
    last = entry;
  }
  return sections;
}

/** `%(name)s` expansions: known names substituted, the others unknown; `%%` is `%`. */
function expandPercent(value: Char[], known: ReadonlyMap<string, string>): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c.ch === '%' && value[i + 1]?.ch === '%') {
      out.push({ ch: '%', off: c.off });
      i++;
      continue;
    }
    if (c.ch === '%' && value[i + 1]?.ch === '(') {
      const rest = value.slice(i, i + 120).map((x) => x.ch).join('');
      const m = /^%\(([^)]*)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]/.exec(rest);
      if (m) {
        const v = known.get(m[1]);
        if (v !== undefined) out.push(...[...v].map((ch) => ({ ch, off: -1 })));
        else out.push({ frag: { kind: 'unknown', why: m[0], span: { start: c.off, end: value[i + m[0].length - 1].off + 1 } } });
        i += m[0].length - 1;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** Python's shlex.split (POSIX mode, no comments): quotes, backslash escapes. */
export function shlexSplit(units: Unit[], problems: { message: string; offset: number }[]): Word[] {
  const words: Word[] = [];
  let cur: Unit[] | undefined;
  let q = '';
  let quoteAt = -1;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if ('frag' in u) {
      (cur ??= []).push(u);
      continue;
    }
    if (!q && /\s/.test(u.ch)) {
      if (cur) words.push(unitsToWord(cur));
      cur = undefined;
      continue;
    }
    cur ??= [];
    if (!q && (u.ch === '"' || u.ch === "'")) {
      q = u.ch;
      quoteAt = u.off;
      continue;
    }
    if (q && u.ch === q) {
      q = '';
      continue;
    }
    const next = units[i + 1];
    if (u.ch === '\\' && q !== "'" && next && 'ch' in next && (!q || next.ch === '"' || next.ch === '\\')) {
      cur.push(next);
      i++;
      continue;
    }
    cur.push(u);
  }
  if (q) problems.push({ message: `command: no closing quotation (${q})`, offset: quoteAt });
  if (cur) words.push(unitsToWord(cur));
  return words;
}

/** `KEY="val",KEY2=val2` → pairs, with where each starts. */
function parseEnvironment(units: Unit[], problems: { message: string; offset: number }[]): { key: string; value: string; span: Span }[] {
  const out: { key: string; value: string; span: Span }[] = [];
  let i = 0;
  const ch = (k: number) => {
    const u = units[k];
    return u && 'ch' in u ? u.ch : u ? '\u0001' : '';
  };
  const offOf = (k: number) => {
    const u = units[k];
    return u && 'ch' in u ? u.off : u && 'frag' in u ? u.frag.span?.start ?? -1 : -1;
  };
  while (i < units.length) {
    while (i < units.length && /[\s,]/.test(ch(i))) i++;
    if (i >= units.length) break;
    const start = i;
    let key = '';
    while (i < units.length && ch(i) !== '=' && ch(i) !== ',') key += ch(i++);
    if (ch(i) !== '=') {
      problems.push({ message: `environment: expected KEY=value, got ${JSON.stringify(key.trim())}`, offset: offOf(start) });
      continue;
    }
    i++;
    let value = '';
    let q = '';
    for (; i < units.length; i++) {
      const c = ch(i);
      if (!q && c === ',') break;
      if (!q && (c === '"' || c === "'")) q = c;
      else if (q && c === q) q = '';
      else value += c;
    }
    const endOff = offOf(i - 1);
    out.push({ key: key.trim(), value, span: { start: offOf(start), end: endOff >= 0 ? endOff + 1 : offOf(start) + 1 } });
  }
  return out;
}

const PROGRAM_SECTION = /^(program|fcgi-program|eventlistener):(.+)$/;

export function analyzeSupervisor(file: SourceFile): Analysis {
  const suppressions: Suppressions = new Map();
  if (!/^\s*\[(program|fcgi-program|eventlistener):/m.test(file.text)) return { sites: [], suppressions };
  const problems: { message: string; offset: number }[] = [];
  const sections = parseIni(file.text, problems);
  for (const s of sections) {
    for (const e of s.entries.values()) entrySuppressions(suppressions, file, e.firstLine, e.lastLine, '#;');
    // A suppression comment just above a [section] header covers the whole section.
    const lastLine = Math.max(s.line, ...[...s.entries.values()].map((e) => e.lastLine));
    entrySuppressions(suppressions, file, s.line, s.line, '#;');
    const header = suppressions.get(s.line);
    if (header) coverLines(suppressions, s.line, lastLine, header);
  }
  const envOf = (e: IniEntry | undefined, known: ReadonlyMap<string, string>) => (e ? parseEnvironment(expandPercent(e.value, known), problems) : []);
  const daemon = sections.find((s) => s.name === 'supervisord');
  const base = envOf(daemon?.entries.get('environment'), new Map());

  const out = analyzeWithNamedVenvs((initial) => {
    const o: Collected = newCollected(file, 'supervisor');
    const venvs = new Map(initial);
    for (const s of sections) {
      const pm = PROGRAM_SECTION.exec(s.name);
      const command = s.entries.get('command');
      if (!pm || !command) continue;
      const known = new Map([['program_name', pm[2].trim()], ['group_name', pm[2].trim()]]);
      const pairs = [...base, ...envOf(s.entries.get('environment'), known)];
      const vars = new Map<string, string>();
      let virtualEnv: { venv: string; span: Span } | undefined;
      const dirEntry = s.entries.get('directory');
      const dir = dirEntry ? expandPercent(dirEntry.value, known).map((u) => ('ch' in u ? u.ch : '\u0001')).join('') : undefined;
      const cwd = dir === undefined ? START_DIR : resolveDir(dir, START_DIR);
      for (const p of pairs) {
        vars.set(p.key, p.value);
        if (p.key === 'VIRTUAL_ENV') {
          const venv = resolveDir(p.value, cwd);
          if (venv) {
            virtualEnv = { venv, span: p.span };
            nameVenv(o, venv, file, p.span.start);
          }
        }
      }
      const envPath = vars.get('PATH') ?? DEFAULT_PATH;
      vars.delete('PATH');
      const argv = shlexSplit(expandPercent(command.value, known), problems);
      const unit = `this [${s.name}] command`;
      const execFacts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
        form: 'exec',
        showVenv,
        unit,
        scope: `when [${s.name}] starts`,
        persistAdvice: (venv: string) => `add PATH="${showVenv(venv)}/bin:/usr/local/bin:/usr/bin:/bin" to this program's environment= and start it with /usr/bin/env (supervisord looks a relative command up on its own PATH, not on environment=PATH=)`,
      };
      const shellFacts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
        form: 'shell',
        showVenv,
        unit,
        scope: `when [${s.name}] starts`,
        persistAdvice: (venv: string) => `add PATH="${showVenv(venv)}/bin:/usr/local/bin:/usr/bin:/bin" to this program's environment=`,
      };
      runExecCommand(argv, true, {
        file,
        language: 'supervisor',
        api: 'command',
        callSpan: command.span,
        order: command.firstLine,
        envPath,
        execLookupOnEnvPath: false,
        cwd,
        vars,
        venvs,
        execFacts,
        shellFacts,
        virtualEnv,
        // Programs run side by side, not one after another: an activation in one is not relied on
        // by another (an activation that ends its own command is still reported).
        group: s,
      }, o);
    }
    return { out: o, venvs };
  });
  // syntaxProblemOf() counts a problem seen in both passes once.
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}

export const supervisorFrontEnd: FrontEnd = {
  language: 'supervisor',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const n = p.replace(/\\/g, '/');
    const base = path.posix.basename(n);
    if (base === 'supervisord.conf') return true;
    return /\.conf$/.test(base) && /(^|\/)(supervisor|supervisord|conf\.d)\/(.*\/)?[^/]+$/.test(n);
  },
  mayMatter(t: string, tools: RegExp): boolean {
    return /^\s*\[(program|fcgi-program|eventlistener):/m.test(t) && configMayMatter(t, tools);
  },
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeSupervisor(file));
  },
};
