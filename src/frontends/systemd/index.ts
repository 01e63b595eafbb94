/**
 * systemd front end: `*.service` units → launch sites for `ExecStart=`, `ExecStartPre=`,
 * `ExecStartPost=`, `ExecCondition=`, `ExecReload=`, `ExecStop=` and `ExecStopPost=`.
 *
 * No shell runs an Exec line: systemd splits it itself (systemd.service(5), "Command lines":
 * whitespace-separated words, single and double quotes, C-style escapes, `\` line continuations,
 * `${VAR}` as one word and `$VAR` split at whitespace from `Environment=`/`EnvironmentFile=`,
 * `%` specifiers, the `-@:+!` prefixes, `;` between several commands). A bare program name is
 * NOT looked up on the unit's PATH: "If the command is not a full (absolute) path, it will be
 * resolved to a full path using a fixed search path determined at compilation time" (systemd
 * 239 and later; earlier versions required an absolute path), i.e. /usr/local/bin, /usr/bin,
 * /bin and their sbin — never a venv. `Environment=PATH=` changes only what the started process
 * and its children find (a `sh -c` script, `env python …`). Values in `Environment=` are not
 * expanded (`PATH=/v/bin:$PATH` holds a literal `$PATH`). `EnvironmentFile=` is not read: a
 * PATH from it is unknown, so children's lookups are then not judged.
 *
 * "No venv, no finding": a unit is judged only against venvs it names itself — an Exec line
 * that runs `/srv/app/venv/bin/…`, `Environment=VIRTUAL_ENV=…`, an activation in a `sh -c`.
 */
import type { ConfigSiteFacts } from '../../kernel/launch-site.js';
import path from 'node:path';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import type { Fragment, Word } from '../../kernel/word.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { resolveDir } from '../shell/state.js';
import { analyzeWithNamedVenvs, entrySuppressions, finishAnalysis, nameVenv, newCollected, runExecCommand, showVenv, splitLines, type Collected } from '../config/services.js';
import { type Char, type Unit, unitsToWord } from '../../kernel/word-units.js';
import { SYSTEMD_PATH } from '../../kernel/platform.js';
import { SERVICE_LINE_CHARS, within } from '../../kernel/budgets.js';


/** The Exec settings, in the order systemd runs them (for activations' later commands). */
export const EXEC_KEYS = ['ExecCondition', 'ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost'] as const;


export interface Directive {
  section: string;
  key: string;
  /** The value, continuations joined (the backslash becomes a space), each character mapped. */
  value: Char[];
  firstLine: number;
  lastLine: number;
  span: Span;
}

/** Sections and `Key=Value` directives; comment lines start with `#` or `;`. */
export function parseUnitFile(text: string, problems: { message: string; offset: number }[]): Directive[] {
  const lines = splitLines(text);
  const out: Directive[] = [];
  let section = '';
  const isComment = (t: string) => /^\s*[#;]/.test(t);
  for (let i = 0; i < lines.length; i++) {
    const ln = lines[i];
    if (/^\s*$/.test(ln.text) || isComment(ln.text)) continue;
    const sec = /^\s*\[([^\]]+)\]\s*$/.exec(ln.text);
    if (sec) {
      section = sec[1];
      continue;
    }
    const chars: Char[] = [];
    let cur = ln;
    let last = ln.no;
    for (;;) {
      // Before a character of it is mapped (an object each).
      within(SERVICE_LINE_CHARS, chars.length + cur.text.length);
      const trimmed = cur.text.replace(/\s+$/, '');
      if (trimmed.endsWith('\\') && !trimmed.endsWith('\\\\')) {
        for (let k = 0; k < trimmed.length - 1; k++) chars.push({ ch: cur.text[k], off: cur.start + k });
        chars.push({ ch: ' ', off: cur.start + trimmed.length - 1 });
        i++;
        while (i < lines.length && isComment(lines[i].text)) i++;
        if (i >= lines.length) break;
        cur = lines[i];
        last = cur.no;
        continue;
      }
      for (let k = 0; k < cur.text.length; k++) chars.push({ ch: cur.text[k], off: cur.start + k });
      break;
    }
    const joined = chars.map((c) => c.ch).join('');
    const m = /^\s*([A-Za-z0-9_.-]+)\s*=\s*/.exec(joined);
    if (!m) {
      problems.push({ message: `not a Key=Value line: ${JSON.stringify(joined.trim().slice(0, 40))}`, offset: ln.start });
      continue;
    }
    if (!section) problems.push({ message: `${m[1]}= outside a [section]`, offset: ln.start });
    let value = chars.slice(m[0].length);
    while (value.length && /\s/.test(value[value.length - 1].ch)) value = value.slice(0, -1);
    const endLine = lines[last - 1];
    out.push({ section, key: m[1], value, firstLine: ln.no, lastLine: last, span: { start: ln.start + (ln.text.length - ln.text.trimStart().length), end: endLine.start + endLine.text.length } });
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', s: ' ', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", ';': ';', ' ': ' ' };

export interface SplitWord {
  word: Word;
  /** An unquoted `;` alone: separates commands. */
  separator: boolean;
}

/**
 * systemd's word splitting of a command line (or an `Environment=` value when `expand` is
 * false): quotes, C escapes, `%` specifiers (unknown, `%%` is `%`), `$$`, `${VAR}` and `$VAR`.
 */
export function splitUnitWords(value: Char[], vars: ReadonlyMap<string, string> | undefined, problems: { message: string; offset: number }[]): { words: SplitWord[]; complete: boolean } {
  const words: SplitWord[] = [];
  let complete = true;
  let i = 0;
  const n = value.length;
  const unknown = (why: string, start: number, end: number): Unit => ({ frag: { kind: 'unknown', why, span: { start, end } } as Fragment & { kind: 'unknown' } });
  while (i < n) {
    while (i < n && /\s/.test(value[i].ch)) i++;
    if (i >= n) break;
    const units: Unit[] = [];
    let q = '';
    let quotedAny = false;
    const wordStart = value[i].off;
    for (; i < n && (q || !/\s/.test(value[i].ch)); i++) {
      const c = value[i];
      if (!q && (c.ch === '"' || c.ch === "'")) {
        q = c.ch;
        quotedAny = true;
        continue;
      }
      if (q && c.ch === q) {
        q = '';
        continue;
      }
      if (c.ch === '\\' && i + 1 < n) {
        const e = value[i + 1].ch;
        units.push({ ch: ESCAPES[e] ?? e, off: -1 });
        i++;
        continue;
      }
      if (vars && c.ch === '%' && i + 1 < n) {
        if (value[i + 1].ch === '%') units.push({ ch: '%', off: c.off });
        else units.push(unknown(`%${value[i + 1].ch}`, c.off, value[i + 1].off + 1));
        i++;
        continue;
      }
      if (vars && c.ch === '$' && i + 1 < n) {
        const rest = value.slice(i + 1, i + 200).map((x) => x.ch).join('');
        if (rest[0] === '$') {
          units.push({ ch: '$', off: c.off });
          i++;
          continue;
        }
        const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
        const bare = braced ? undefined : /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
        const name = braced?.[1] ?? bare?.[0];
        if (name !== undefined) {
          const len = (braced ?? bare)![0].length;
          const v = vars.get(name);
          const end = value[i + len].off + 1;
          const alone = bare && units.length === 0 && !q && (i + 1 + len >= n || /\s/.test(value[i + 1 + len].ch));
          if (v === undefined) {
            units.push(unknown(braced ? `\${${name}}` : `$${name}`, c.off, end));
            if (alone) complete = false;
          } else if (alone) {
            // `$VAR` as a word of its own: split at whitespace into zero or more words.
            const parts = v.split(/\s+/).filter(Boolean);
            for (const p of parts.slice(0, -1)) words.push({ word: unitsToWord([...p].map((ch) => ({ ch, off: -1 })), { start: c.off, end }), separator: false });
            units.push(...[...(parts[parts.length - 1] ?? '')].map((ch) => ({ ch, off: -1 })));
          } else {
            units.push(...[...v].map((ch) => ({ ch, off: -1 })));
          }
          i += len;
          continue;
        }
      }
      units.push({ ch: c.ch, off: c.off });
    }
    if (q) problems.push({ message: `unterminated ${q === '"' ? 'double' : 'single'} quote`, offset: wordStart });
    const separator = !quotedAny && units.length === 1 && 'ch' in units[0] && units[0].ch === ';' && units[0].off >= 0;
    words.push({ word: unitsToWord(units), separator });
  }
  return { words, complete };
}

interface ServiceState {
  vars: Map<string, string>;
  /** Where each variable was set (for VIRTUAL_ENV). */
  varSpans: Map<string, Span>;
  envFile?: Span;
  cwd: string | undefined;
}

export function analyzeSystemd(file: SourceFile): Analysis {
  const problems: { message: string; offset: number }[] = [];
  const directives = parseUnitFile(file.text, problems);
  const service = directives.filter((d) => d.section === 'Service');
  const st: ServiceState = { vars: new Map(), varSpans: new Map(), cwd: '/' };
  for (const d of service) {
    if (d.key === 'Environment') {
      const { words } = splitUnitWords(d.value, undefined, problems);
      if (words.length === 0) {
        st.vars.clear();
        st.varSpans.clear();
      }
      for (const { word } of words) {
        const t = word.fragments.map((f) => (f.kind === 'text' ? f.text : '')).join('');
        const eq = t.indexOf('=');
        if (eq <= 0) continue;
        st.vars.set(t.slice(0, eq), t.slice(eq + 1));
        if (word.span) st.varSpans.set(t.slice(0, eq), word.span);
      }
    } else if (d.key === 'EnvironmentFile') {
      st.envFile = d.span;
    } else if (d.key === 'WorkingDirectory') {
      const v = d.value.map((c) => c.ch).join('').replace(/^-/, '');
      st.cwd = v.startsWith('/') ? resolveDir(v, '/') : undefined; // `~` or a specifier: not known
    }
  }
  const suppressions: Suppressions = new Map();
  for (const d of directives) entrySuppressions(suppressions, file, d.firstLine, d.lastLine, '#;');

  const envPath = st.vars.get('PATH') ?? DEFAULT_PATH;
  const venvSetting = st.vars.get('VIRTUAL_ENV');
  const virtualEnvDir = venvSetting === undefined ? undefined : resolveDir(venvSetting, st.cwd);
  const exec = service.filter((d) => (EXEC_KEYS as readonly string[]).includes(d.key));
  const vars = new Map(st.vars);
  vars.delete('PATH');

  const out = analyzeWithNamedVenvs((initial) => {
    const o: Collected = newCollected(file, 'systemd');
    const venvs = new Map(initial);
    if (virtualEnvDir && st.varSpans.get('VIRTUAL_ENV')) nameVenv(o, virtualEnvDir, file, st.varSpans.get('VIRTUAL_ENV')!.start);
    for (const d of exec) {
      const { words, complete } = splitUnitWords(d.value, st.vars, problems);
      // Prefixes on the first word: `-` (failure ignored), `@` (argv[0] follows), `:`, `+`, `!`, `!!`.
      const first = words[0]?.word;
      const lead = first?.fragments[0];
      let argv = words;
      if (first && lead?.kind === 'text') {
        const pm = /^[-@:+!]+/.exec(lead.text);
        if (pm) {
          const rest = { ...lead, text: lead.text.slice(pm[0].length), offsets: lead.offsets?.slice(pm[0].length) };
          argv = [{ word: { fragments: [rest, ...first.fragments.slice(1)] }, separator: false }, ...words.slice(1)];
          if (pm[0].includes('@')) argv.splice(1, 1);
        }
      }
      const rank = EXEC_KEYS.indexOf(d.key as (typeof EXEC_KEYS)[number]);
      const keyName = `${d.key}=`;
      const execFacts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
        form: 'exec',
        showVenv,
        unit: `this ${keyName} command`,
        scope: `when ${keyName} runs`,
        persistAdvice: (venv: string) => `set Environment=PATH=${venv}/bin:${SYSTEMD_PATH} and start it with /usr/bin/env (systemd looks a bare program name up on its fixed search path, never on Environment=PATH=)`,
      };
      const shellFacts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
        form: 'shell',
        showVenv,
        unit: `this ${keyName} command`,
        scope: `when ${keyName} runs`,
        persistAdvice: (venv: string) => `set Environment=PATH=${venv}/bin:${SYSTEMD_PATH} in [Service] (systemd does not expand $PATH there)`,
      };
      // Several commands on one line, separated by a lone `;`.
      let cmd: typeof argv = [];
      const flush = () => {
        if (cmd.length === 0) return;
        runExecCommand(cmd.map((w) => w.word), complete, {
          file,
          language: 'systemd',
          api: d.key,
          callSpan: d.span,
          order: rank * 1e7 + d.firstLine,
          envPath,
          execLookupOnEnvPath: false,
          envPathUnknown: st.vars.has('PATH') ? undefined : st.envFile,
          cwd: st.cwd,
          vars,
          venvs,
          execFacts,
          shellFacts,
          virtualEnv: virtualEnvDir && st.varSpans.get('VIRTUAL_ENV') ? { venv: virtualEnvDir, span: st.varSpans.get('VIRTUAL_ENV')! } : undefined,
        }, o);
        cmd = [];
      };
      for (const w of argv) {
        if (w.separator) flush();
        else cmd.push(w);
      }
      flush();
    }
    return { out: o, venvs };
  });
  // Word splitting runs once per pass; syntaxProblemOf() counts each problem once.
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}

export const systemdFrontEnd: FrontEnd = {
  language: 'systemd',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    return /\.service$/.test(path.posix.basename(p.replace(/\\/g, '/')));
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeSystemd(file));
  },
};
