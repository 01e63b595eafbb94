/**
 * Dockerfile front end: instructions → launch sites, with the environment state Docker really
 * keeps. Each RUN is a new shell (`SHELL`, default `/bin/sh -c`), so activation, `export` and `cd`
 * last for that RUN only; `ENV` (and `ARG`) persist for later instructions of the stage; each
 * `FROM` starts a new stage (`FROM <stage>` inherits that stage's final state); `COPY --from`
 * copies files, never ENV. CMD/ENTRYPOINT run at container start with the stage's final ENV.
 *
 * The parser is our own: a Dockerfile is line-based (directives, comments, escape-char
 * continuations, heredocs, JSON exec form) and we need every character's offset in the file for
 * findings; the JS Dockerfile parsers on npm either drop positions after joining continuations
 * or are unmaintained, and the shell inside RUN goes to the shared shell front end anyway.
 */
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { EnvState, LaunchSite, PathState, Rewrite, RewriteTarget, ConfigSiteFacts, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { wordText, type Word } from '../../kernel/word.js';
import { launchSiteFor, type ExpandedCommand } from '../command/expand.js';
import { ConfigRun, type ShellDecl } from '../config/driver.js';
import { createdVenv, DEFAULT_PATH, UNKNOWN, venvOnPath } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, type FrontEnd } from '../front-end.js';
import type { ShellDialect } from '../shell/parse.js';
import { resolveDir } from '../shell/state.js';
import { type Char, type Unit, unitsToWord } from '../../kernel/word-units.js';

const KNOWN = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);


export interface Instruction {
  keyword: string;
  /** Arguments after the keyword, continuations removed, each character mapped to the file. */
  args: Char[];
  /** Heredoc bodies, in order (the lines between the marker line and the delimiter). */
  heredocs: { delimiter: string; body: Char[] }[];
  span: Span;
  firstLine: number;
  lastLine: number;
}

export interface ParsedDockerfile {
  instructions: Instruction[];
  comments: { offset: number; text: string }[];
  problems: { message: string; offset: number }[];
  escape: string;
}

/** Splits the file into instructions (directives, comments, continuations, heredocs). */
export function parseDockerfile(text: string): ParsedDockerfile {
  const lines: { start: number; text: string }[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    let t = text.slice(s, e);
    if (t.endsWith('\r')) t = t.slice(0, -1);
    lines.push({ start: s, text: t });
    s = e + 1;
  }
  const out: ParsedDockerfile = { instructions: [], comments: [], problems: [], escape: '\\' };
  let i = 0;
  // Parser directives: `# name=value` lines at the very top only.
  for (; i < lines.length; i++) {
    const m = /^\s*#\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\S*)\s*$/.exec(lines[i].text);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) out.escape = m[2];
  }
  const esc = out.escape;
  const isComment = (t: string) => /^\s*#/.test(t);
  const chars = (ln: { start: number; text: string }, from = 0, to = ln.text.length): Char[] => {
    const r: Char[] = [];
    for (let k = from; k < to; k++) r.push({ ch: ln.text[k], off: ln.start + k });
    return r;
  };
  while (i < lines.length) {
    const ln = lines[i];
    if (/^\s*$/.test(ln.text)) {
      i++;
      continue;
    }
    if (isComment(ln.text)) {
      out.comments.push({ offset: ln.start + ln.text.indexOf('#'), text: ln.text.trim() });
      i++;
      continue;
    }
    const firstLine = i + 1;
    const logical: Char[] = [];
    let cur = ln;
    for (;;) {
      const trimmed = cur.text.replace(/\s+$/, '');
      if (trimmed.endsWith(esc)) {
        logical.push(...chars(cur, 0, trimmed.length - 1));
        i++;
        // Comment and empty lines inside a continuation are removed (Dockerfile reference).
        while (i < lines.length && (isComment(lines[i].text) || /^\s*$/.test(lines[i].text))) {
          if (isComment(lines[i].text)) out.comments.push({ offset: lines[i].start + lines[i].text.indexOf('#'), text: lines[i].text.trim() });
          i++;
        }
        if (i >= lines.length) break;
        cur = lines[i];
        continue;
      }
      logical.push(...chars(cur));
      i++;
      break;
    }
    let lastLine = Math.min(i, lines.length);
    let k = 0;
    while (k < logical.length && /\s/.test(logical[k].ch)) k++;
    const kwStart = k;
    while (k < logical.length && !/\s/.test(logical[k].ch)) k++;
    const keyword = logical.slice(kwStart, k).map((c) => c.ch).join('').toUpperCase();
    while (k < logical.length && /\s/.test(logical[k].ch)) k++;
    const args = logical.slice(k);
    const heredocs: Instruction['heredocs'] = [];
    const argText = args.map((c) => c.ch).join('');
    if ((keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') && !argText.trimStart().startsWith('[')) {
      const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
      for (let m = re.exec(argText); m; m = re.exec(argText)) {
        const strip = m[1] === '-';
        const delimiter = m[3];
        const body: Char[] = [];
        let found = false;
        while (i < lines.length) {
          const l = lines[i++];
          const t = strip ? l.text.replace(/^\t+/, '') : l.text;
          if (t === delimiter) {
            found = true;
            break;
          }
          body.push(...chars(l), { ch: '\n', off: l.start + l.text.length });
        }
        lastLine = Math.min(i, lines.length);
        if (!found) out.problems.push({ message: `unterminated heredoc: no line "${delimiter}" closes <<${delimiter}`, offset: args[m.index]?.off ?? ln.start });
        heredocs.push({ delimiter, body });
      }
    }
    const endLine = lines[lastLine - 1];
    const span = { start: logical[kwStart]?.off ?? ln.start, end: endLine.start + endLine.text.length };
    if (!KNOWN.has(keyword)) out.problems.push({ message: `unknown instruction ${JSON.stringify(keyword)}`, offset: span.start });
    out.instructions.push({ keyword, args, heredocs, span, firstLine, lastLine });
  }
  return out;
}

/** A JSON array of strings (exec form) with each character mapped; undefined when it is not one. */
export function parseExecForm(args: Char[]): Word[] | undefined {
  let k = 0;
  const ws = () => {
    while (k < args.length && /\s/.test(args[k].ch)) k++;
  };
  ws();
  if (args[k]?.ch !== '[') return undefined;
  k++;
  const words: Word[] = [];
  ws();
  if (args[k]?.ch === ']') {
    k++;
  } else {
    for (;;) {
      ws();
      if (args[k]?.ch !== '"') return undefined;
      const open = args[k].off;
      k++;
      const units: Unit[] = [];
      for (;;) {
        const c = args[k];
        if (!c) return undefined;
        if (c.ch === '"') break;
        if (c.ch === '\\') {
          const n = args[k + 1];
          if (!n) return undefined;
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (n.ch in simple) {
            units.push({ ch: simple[n.ch], off: -1 });
            k += 2;
          } else if (n.ch === 'u') {
            const hex = args.slice(k + 2, k + 6).map((x) => x.ch).join('');
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
            units.push({ ch: String.fromCharCode(parseInt(hex, 16)), off: -1 });
            k += 6;
          } else return undefined;
          continue;
        }
        units.push({ ch: c.ch, off: c.off });
        k++;
      }
      const close = args[k].off;
      k++;
      words.push(unitsToWord(units, { start: open + 1, end: close }));
      ws();
      if (args[k]?.ch === ',') {
        k++;
        continue;
      }
      if (args[k]?.ch === ']') {
        k++;
        break;
      }
      return undefined;
    }
  }
  ws();
  return k === args.length ? words : undefined;
}

/** Per-stage state: what persists from one instruction to the next. */
interface StageState {
  name?: string;
  vars: Map<string, string>;
  workdir: string;
  /** The dialect of SHELL, or 'none' when it is not a POSIX shell (PowerShell, cmd): not analysed. */
  shell: ShellDialect | 'none';
  /** Venv path → where it was created or copied in (insertion order = creation order). */
  venvs: Map<string, VenvOrigin>;
  /** The base image's /bin/sh has `source` (not dash): Alpine's ash, bash on Fedora/RHEL images. */
  shHasSource: boolean;
  /** `ENV VIRTUAL_ENV=…` in effect: the venv it names and where it was set. */
  virtualEnv?: { venv: string; span: Span; inst: Instruction };
}

interface Stage {
  state: StageState;
  hasEntrypoint: boolean;
  deferred: { inst: Instruction; api: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'; args?: Char[] }[];
}

/**
 * Images whose /bin/sh is not dash: busybox ash (Alpine) and bash (Fedora, RHEL and its rebuilds,
 * manylinux) both have `source`. Debian, Ubuntu and the images built on them (python, node …) use
 * dash, where `source` is "not found".
 */
const SH_HAS_SOURCE = /alpine|busybox|fedora|centos|rhel|ubi\d*(?![a-z])|rocky|alma|amazonlinux|oraclelinux|opensuse|archlinux|manylinux/i;

function freshState(image: string): StageState {
  return { vars: new Map(), workdir: '/', shell: 'sh', venvs: new Map(), shHasSource: SH_HAS_SOURCE.test(image) };
}

function cloneState(s: StageState): StageState {
  return { ...s, vars: new Map(s.vars), venvs: new Map(s.venvs) };
}

const text = (cs: Char[]) => cs.map((c) => c.ch).join('');

/** `$NAME`, `${NAME}`, `${NAME:-default}` against known values; PATH defaults to the image's own. */
function expandVars(value: string, vars: Map<string, string>): string {
  return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    const v = vars.get(name);
    if (v !== undefined) return v;
    if (name === 'PATH') return DEFAULT_PATH;
    return def ?? UNKNOWN;
  });
}

/** Splits `K=V K2="v 2"` (or the legacy `K V`) into pairs, quotes removed, variables expanded. */
function parseKeyValues(args: string, vars: Map<string, string>, esc: string, legacyAllowed: boolean): [string, string][] {
  const s = args.trim();
  const first = /^\S+/.exec(s)?.[0] ?? '';
  if (legacyAllowed && !first.includes('=')) {
    const rest = s.slice(first.length).trim();
    return first ? [[first, expandVars(unquote(rest, esc).value, vars)]] : [];
  }
  const out: [string, string][] = [];
  let k = 0;
  while (k < s.length) {
    while (k < s.length && /\s/.test(s[k])) k++;
    if (k >= s.length) break;
    const tok = unquote(s.slice(k), esc, true);
    k += tok.consumed;
    const eq = tok.raw.indexOf('=');
    if (eq <= 0) {
      // `ARG NAME` without default.
      out.push([tok.value, UNKNOWN]);
      continue;
    }
    const name = tok.raw.slice(0, eq);
    out.push([name, expandVars(unquote(tok.raw.slice(eq + 1), esc).value, vars)]);
  }
  return out;
}

/** Quote removal of one word (or the whole string when `oneWord` is false). */
function unquote(s: string, esc: string, oneWord = false): { value: string; raw: string; consumed: number } {
  let value = '';
  let q = '';
  let k = 0;
  for (; k < s.length; k++) {
    const c = s[k];
    if (!q && oneWord && /\s/.test(c)) break;
    if (c === esc && q !== "'" && k + 1 < s.length) {
      value += s[++k];
      continue;
    }
    if ((c === '"' || c === "'") && (!q || q === c)) {
      q = q ? '' : c;
      continue;
    }
    value += c;
  }
  return { value, raw: s.slice(0, k), consumed: k };
}

/** `--from=x`, `--mount=…` flags before the arguments. */
function splitFlags(args: Char[]): { flags: Map<string, string>; rest: Char[] } {
  const flags = new Map<string, string>();
  let k = 0;
  for (;;) {
    while (k < args.length && /\s/.test(args[k].ch)) k++;
    if (args[k]?.ch !== '-' || args[k + 1]?.ch !== '-') break;
    let e = k;
    while (e < args.length && !/\s/.test(args[e].ch)) e++;
    const t = text(args.slice(k + 2, e));
    const eq = t.indexOf('=');
    flags.set((eq < 0 ? t : t.slice(0, eq)).toLowerCase(), eq < 0 ? '' : t.slice(eq + 1));
    k = e;
  }
  return { flags, rest: args.slice(k) };
}

/**
 * The Dockerfile way to keep a venv on PATH: `ENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"`, written on
 * a new line after the instruction that created or copied in the venv, after (or instead of, when
 * it does nothing else) the RUN that activates it, or as PATH added to the ENV that sets
 * VIRTUAL_ENV alone. Always unsafe: every later instruction then finds the venv's programs first.
 */
function persistVenv(
  file: SourceFile,
  parsed: ParsedDockerfile,
  site: LaunchSite,
  inst: Instruction,
  t: Extract<RewriteTarget, { kind: 'persist-venv' }>,
  byStart: Map<number, Instruction>,
): Rewrite | undefined {
  const venv = t.venv;
  if (!venv.startsWith('/') || /[\s"'\\$`]/.test(venv)) return undefined;
  const facts = site.config;
  const nl = file.text.includes('\r\n') ? '\r\n' : '\n';
  const env = `ENV VIRTUAL_ENV=${venv} PATH="${venv}/bin:$PATH"`;
  const reason = `every later instruction (and the container) finds the venv's python, pip and scripts first on PATH`;
  const after = (i: Instruction): Rewrite => ({
    edits: [{ start: i.span.end, end: i.span.end, text: nl + env }],
    applicability: 'unsafe',
    reason,
    title: `Add ${env} after line ${i.lastLine}`,
  });
  if (t.at === 'creation') {
    const origin = facts?.venvOrigins.get(venv);
    const anchor = origin?.offset === undefined ? undefined : byStart.get(origin.offset);
    return anchor ? after(anchor) : undefined;
  }
  if (t.at === 'site') {
    if (facts?.activation?.alone && inst.keyword === 'RUN' && inst.heredocs.length === 0) {
      return { edits: [{ start: inst.span.start, end: inst.span.end, text: env }], applicability: 'unsafe', reason, title: `Replace the RUN with ${env}` };
    }
    return after(inst);
  }
  // VIRTUAL_ENV set without PATH: add PATH to that ENV (key=value form), or a line after it.
  const v = facts?.virtualEnv;
  const envInst = v ? parsed.instructions.find((i) => i.keyword === 'ENV' && v.span.start >= i.span.start && v.span.end <= i.span.end) : undefined;
  if (!v || !envInst) return undefined;
  const legacy = !/^\s*[A-Za-z_][A-Za-z0-9_]*=/.test(envInst.args.map((c) => c.ch).join(''));
  const path = `PATH="${v.venv}/bin:$PATH"`;
  if (legacy) return { edits: [{ start: envInst.span.end, end: envInst.span.end, text: `${nl}ENV ${path}` }], applicability: 'unsafe', reason, title: `Add ENV ${path} after line ${envInst.lastLine}` };
  return { edits: [{ start: envInst.span.end, end: envInst.span.end, text: ` ${path}` }], applicability: 'unsafe', reason, title: `Add ${path} to the ENV at line ${envInst.firstLine}` };
}

export function analyzeDockerfile(file: SourceFile): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  const parsed = parseDockerfile(file.text);
  const stages: Stage[] = [];
  const byName = new Map<string, Stage>();
  let stage: Stage | undefined;
  let globalArgs = new Map<string, string>();
  /** Which instruction each site belongs to (fixes edit instructions). */
  const instructionOf = new Map<LaunchSite, Instruction>();
  const byStart = new Map(parsed.instructions.map((i) => [i.span.start, i]));
  // The one fix a Dockerfile gets: ENV PATH, which serves every later instruction at once.
  const run = new ConfigRun(file, {
    language: 'dockerfile',
    comments: { line: '#', trailing: '#' },
    persist: (site, t) => {
      const inst = instructionOf.get(site);
      return inst ? persistVenv(file, parsed, site, inst, t, byStart) : undefined;
    },
  });
  for (const p of parsed.problems) run.problem(p.message, p.offset);

  const dockerFacts = (api: string, form: 'shell' | 'exec', st: StageState): Omit<ConfigSiteFacts, 'venvOrigins'> => ({
    form,
    unit: `this ${api}`,
    scope: api === 'RUN' ? 'in this RUN' : `when ${api} runs`,
    persistAdvice: (venv: string) => `put it on PATH for every later instruction with ENV PATH="${venv}/bin:$PATH"`,
    shellName: form === 'shell' ? (st.shell === 'bash' ? 'bash' : '/bin/sh') : undefined,
    virtualEnv: st.virtualEnv && st.vars.get('VIRTUAL_ENV') !== undefined ? { venv: st.virtualEnv.venv, span: st.virtualEnv.span } : undefined,
  });
  /** Venvs the file activates (a base image or an untracked step made them): on PATH, they count. */
  const named = new Set<string>();

  /** An instruction's shell (a RUN, a shell-form CMD/ENTRYPOINT, an exec form's `sh -c`), in its stage. */
  const shellOf = (inst: Instruction, api: string, st: StageState, index: number, cur: Stage): ShellDecl => ({
    api,
    callSpan: inst.span,
    order: index,
    group: cur,
    // CMD and ENTRYPOINT run in the container, after every RUN: not a later RUN of an activation.
    linksLater: api === 'RUN',
    dialect: st.shell === 'bash' ? 'bash' : 'sh',
    shHasSource: st.shHasSource,
    path: st.vars.get('PATH') ?? DEFAULT_PATH,
    cwd: st.workdir,
    vars: st.vars,
    venvs: st.venvs,
    named,
    originAt: () => ({ line: inst.firstLine, how: 'created', offset: inst.span.start }),
    facts: dockerFacts(api, 'shell', st),
    onSite: (site) => instructionOf.set(site, inst),
  });

  /** An exec-form program: no shell; the stage's ENV PATH decides. */
  const execSite = (inst: Instruction, api: string, cmd: ExpandedCommand, st: StageState, decl: ShellDecl): void => {
    let pathState: PathState = { kind: 'inherited' };
    if (cmd.pathReset) pathState = { kind: 'reset', by: cmd.pathReset };
    else if (cmd.pathUnset) pathState = { kind: 'missing', span: cmd.span ?? inst.span };
    else if (cmd.envPathSet) pathState = { kind: 'explicit', span: cmd.span };
    const env: EnvState = { path: pathState, knownVenvs: [...st.venvs.keys()] };
    const active = venvOnPath(st.vars.get('PATH') ?? DEFAULT_PATH, st.venvs, st.virtualEnv?.venv, named);
    if (active) env.activeVenv = active;
    const site = launchSiteFor(cmd, { file, language: 'dockerfile', api, callSpan: inst.span, env });
    site.config = { ...dockerFacts(api, 'exec', st), venvOrigins: new Map(st.venvs) };
    run.addSite(site, decl);
    instructionOf.set(site, inst);
    const dir = createdVenv(cmd.argv);
    if (dir !== undefined) {
      site.config.createsVenv = true;
      const abs = resolveDir(dir, st.workdir);
      if (abs && !st.venvs.has(abs)) st.venvs.set(abs, { line: inst.firstLine, how: 'created', offset: inst.span.start });
    }
  };

  const runInstruction = (inst: Instruction, api: 'RUN' | 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', st: StageState, index: number, cur: Stage, args = inst.args) => {
    const { rest } = api === 'RUN' ? splitFlags(args) : { rest: args };
    const decl = shellOf(inst, api, st, index, cur);
    if (text(rest).trimStart().startsWith('[')) {
      const argv = parseExecForm(rest);
      if (argv) {
        // A JSON string holding a shell script (`["sh", "-c", "pip …"]`) runs in the shell model.
        for (const ex of run.exec(decl, argv, true)) execSite(inst, api, ex, st, decl);
        return;
      }
      // Docker runs a malformed exec form as a shell command line.
      run.problem(`${api}: not a valid JSON array of strings, run as a shell command`, rest[0]?.off ?? inst.span.start);
    }
    let scriptChars = rest;
    if (inst.heredocs.length) {
      const commandLine = text(rest).replace(/<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1/g, '').trim();
      const body = inst.heredocs[0].body;
      if (commandLine === '' && inst.heredocs.length === 1) {
        // `RUN <<EOF` alone: the body is the script. A shebang other than sh/bash: not ours.
        const shebang = /^#!(\S+)(?:\s+(\S+))?/.exec(text(body.slice(0, 80)));
        if (shebang && !/(^|\/)(ba)?sh$/.test(shebang[2] && /env$/.test(shebang[1]) ? shebang[2] : shebang[1])) return;
        scriptChars = body;
      } else {
        // `RUN python3 <<EOF`: a heredoc on stdin; the shell sees line, body and delimiter.
        scriptChars = [...rest, { ch: '\n', off: -1 }];
        for (const h of inst.heredocs) scriptChars.push(...h.body, ...[...h.delimiter, '\n'].map((ch) => ({ ch, off: -1 })));
      }
    }
    if (st.shell === 'none') return;
    run.shell(decl, unitsToWord(scriptChars));
  };

  const endStage = (s: Stage | undefined) => {
    if (!s) return;
    // CMD/ENTRYPOINT run when the container starts: with the stage's final ENV and files.
    for (const d of s.deferred) {
      if (d.api === 'CMD' && s.hasEntrypoint) continue; // arguments to the entrypoint
      runInstruction(d.inst, d.api, s.state, Infinity, s, d.args);
    }
  };

  parsed.instructions.forEach((inst, index) => {
    const kw = inst.keyword;
    if (kw === 'FROM') {
      endStage(stage);
      const { rest } = splitFlags(inst.args);
      const m = /^(\S+)(?:\s+as\s+(\S+))?/i.exec(text(rest).trim());
      const base = m ? expandVars(m[1], globalArgs).toLowerCase() : '';
      const parent = byName.get(base);
      stage = {
        state: parent ? cloneState(parent.state) : freshState(base),
        hasEntrypoint: parent?.hasEntrypoint ?? false,
        deferred: [],
      };
      if (!parent) for (const [k, v] of globalArgs) if (!stage.state.vars.has(k)) stage.state.vars.set(k, v);
      stages.push(stage);
      byName.set(String(stages.length - 1), stage);
      if (m?.[2]) byName.set(m[2].toLowerCase(), stage);
      return;
    }
    if (!stage) {
      if (kw === 'ARG') globalArgs = new Map([...globalArgs, ...parseKeyValues(text(inst.args), globalArgs, parsed.escape, false)]);
      return;
    }
    const st = stage.state;
    switch (kw) {
      case 'ENV':
      case 'ARG':
        for (const [k, v] of parseKeyValues(text(inst.args), st.vars, parsed.escape, kw === 'ENV')) {
          if (kw === 'ARG' && v === UNKNOWN && (st.vars.has(k) || globalArgs.has(k))) {
            if (!st.vars.has(k)) st.vars.set(k, globalArgs.get(k)!);
            continue;
          }
          st.vars.set(k, v);
          if (k === 'VIRTUAL_ENV') {
            const dir = kw === 'ENV' ? resolveDir(v, st.workdir) : undefined;
            const at = text(inst.args).indexOf('VIRTUAL_ENV');
            const from = inst.args[at]?.off ?? inst.span.start;
            st.virtualEnv = dir ? { venv: dir, span: { start: from, end: from + 'VIRTUAL_ENV'.length }, inst } : undefined;
          }
        }
        break;
      case 'WORKDIR': {
        const d = resolveDir(expandVars(unquote(text(inst.args).trim(), parsed.escape).value, st.vars), st.workdir);
        if (d) st.workdir = d;
        break;
      }
      case 'SHELL': {
        const argv = parseExecForm(inst.args);
        const prog = argv?.[0] ? wordText(argv[0]) : undefined;
        if (!argv || prog === undefined) run.problem('SHELL: expects a JSON array, e.g. ["/bin/bash", "-c"]', inst.span.start);
        else st.shell = /(^|\/)bash$/.test(prog) ? 'bash' : /(^|\/)(sh|dash|ash|ksh|mksh|zsh|busybox)$/.test(prog) ? 'sh' : 'none';
        break;
      }
      case 'COPY':
      case 'ADD': {
        const { flags, rest } = splitFlags(inst.args);
        const from = flags.get('from')?.toLowerCase();
        const src = from === undefined ? undefined : byName.get(from);
        if (!src) break;
        const argv = parseExecForm(rest)?.map((w) => wordText(w) ?? UNKNOWN) ?? text(rest).trim().split(/\s+/);
        if (argv.length < 2) break;
        const dst = resolveDir(expandVars(argv[argv.length - 1], st.vars), st.workdir);
        if (!dst) break;
        for (const s of argv.slice(0, -1)) {
          const from = resolveDir(expandVars(s, src.state.vars), src.state.workdir);
          if (!from) continue;
          for (const v of src.state.venvs.keys()) {
            if (v === from || v.startsWith(from === '/' ? '/' : from + '/')) {
              const to = path.posix.join(dst, v.slice(from.length));
              st.venvs.set(to.replace(/\/+$/, '') || '/', { line: inst.firstLine, how: 'copied', offset: inst.span.start });
            }
          }
        }
        break;
      }
      case 'RUN':
        runInstruction(inst, 'RUN', st, index, stage);
        break;
      case 'HEALTHCHECK': {
        // `HEALTHCHECK [options] CMD command`: runs in the container, like CMD.
        const { rest } = splitFlags(inst.args);
        const m = /^\s*CMD\s+/i.exec(text(rest));
        stage.deferred = stage.deferred.filter((d) => d.api !== 'HEALTHCHECK');
        if (m) stage.deferred.push({ inst, api: 'HEALTHCHECK', args: rest.slice(m[0].length) });
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT':
        if (kw === 'ENTRYPOINT') stage.hasEntrypoint = true;
        stage.deferred = stage.deferred.filter((d) => d.api !== kw); // only the last one counts
        stage.deferred.push({ inst, api: kw });
        break;
    }
  });
  endStage(stage);

  // `# venvguard: ignore[…]` on the comment line just above an instruction, or as a shell comment
  // on one of its lines, covers every line of that instruction.
  const commentLines = new Set(parsed.comments.map((c) => file.location(c.offset).line));
  for (const inst of parsed.instructions) run.suppress(inst.firstLine, inst.lastLine, { isCommentLine: (l) => commentLines.has(l) });
  return run.finish();
}

export const dockerfileFrontEnd: FrontEnd = {
  language: 'dockerfile',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    // Templates (Dockerfile.j2, Dockerfile.template …) hold another language's syntax between the lines.
    if (/\.(j2|jinja2?|tpl|tmpl|template|in|erb|mustache|hbs)$/i.test(base)) return false;
    return base === 'Dockerfile' || base === 'Containerfile' || base.startsWith('Dockerfile.') || /\.(dockerfile|Dockerfile)$/.test(base);
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: ReturnType<typeof analyzeDockerfile>) => T): T {
    return use(analyzeDockerfile(file));
  },
};
