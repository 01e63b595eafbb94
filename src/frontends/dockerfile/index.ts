/**
 * Dockerfile front end: instructions → launch sites, with the environment state Docker really
 * keeps. Each RUN is a new shell (`SHELL`, default `/bin/sh -c`), so activation, `export` and `cd`
 * last for that RUN only; `ENV` (and `ARG`) persist for later instructions of the stage; each
 * `FROM` starts a new stage (`FROM <stage>` inherits that stage's final state); `COPY --from`
 * copies files, never ENV. CMD/ENTRYPOINT run at container start with the stage's final ENV.
 *
 * reader.ts reads the file; this module is the model (stages, what persists between instructions)
 * and the host declaration the configuration driver runs each RUN's shell with.
 */
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { EnvState, LaunchSite, PathState, Rewrite, RewriteTarget, ConfigSiteFacts, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { wordText } from '../../kernel/word.js';
import { launchSiteFor, type ExpandedCommand } from '../command/expand.js';
import { ConfigRun, type ShellDecl } from '../config/driver.js';
import { createdVenv, DEFAULT_PATH, IMAGE_PATH, UNKNOWN, venvOnPath } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, type FrontEnd } from '../front-end.js';
import type { ShellDialect } from '../shell/parse.js';
import { resolveDir } from '../shell/state.js';
import { type Char, pushAll, unitsToWord } from '../../kernel/word-units.js';
import { expandVars, healthcheckCommand, parseDockerfile, parseExecForm, parseKeyValues, splitFlags, text, unquote, type Instruction, type ParsedDockerfile } from './reader.js';

export { parseDockerfile, parseExecForm, type Instruction, type ParsedDockerfile } from './reader.js';

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

/** Whether a base image's /bin/sh has `source` (see SH_HAS_SOURCE). */
export function shHasSourceIn(image: string): boolean {
  return SH_HAS_SOURCE.test(image);
}

/**
 * An official library image (`python:3.12-slim`, `debian`, `docker.io/library/alpine`) or scratch:
 * its ENV is known not to put a venv on PATH. Any other base (`ghcr.io/org/base`, `myorg/app`,
 * `$BASE`) may set `ENV PATH=/some/venv/bin:$PATH` for a venv this file then creates.
 */
export function knownBaseImage(image: string): boolean {
  const name = image.replace(/^(docker\.io\/|index\.docker\.io\/)?(library\/)?/, '');
  return /^[a-z0-9][a-z0-9._-]*(:[\w][\w.-]*)?(@sha256:[0-9a-f]+)?$/.test(name);
}

function freshState(image: string): StageState {
  const vars = new Map<string, string>();
  if (!knownBaseImage(image)) vars.set('PATH', IMAGE_PATH);
  return { vars, workdir: '/', shell: 'sh', venvs: new Map(), shHasSource: SH_HAS_SOURCE.test(image) };
}

function cloneState(s: StageState): StageState {
  return { ...s, vars: new Map(s.vars), venvs: new Map(s.venvs) };
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
  const reason = `every later instruction (and the container) then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones`;
  const after = (i: Instruction): Rewrite => ({
    edits: [{ start: i.span.end, end: i.span.end, text: nl + env }],
    applicability: 'unsafe',
    reason,
    title: `Add ${env} after line ${i.lastLine}`,
  });
  if (t.at === 'creation') {
    const origin = facts?.venvOrigins.get(venv);
    const anchor = origin?.offset === undefined ? undefined : byStart.get(origin.offset);
    // A command in the RUN that creates the venv: an ENV after that RUN comes too late for it.
    return anchor && anchor !== inst ? after(anchor) : undefined;
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
    site.config = { ...dockerFacts(api, 'exec', st), venvOrigins: new Map(st.venvs), deactivated: run.deactivatedSoFar(), cwd: st.workdir };
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
      // Docker runs a malformed exec form as a shell command line. Only a line that looks like an
      // attempted JSON array (`["python", "app.py"`: a string, then `,` or `]`) is worth a word:
      // `[ -d x ] && …` and `[ "$A" != b ] || …` are the test command.
      if (/^\[\s*"(?:[^"\\]|\\.)*"\s*[,\]]/.test(text(rest).trimStart())) run.problem(`${api}: not a valid JSON array of strings, run as a shell command`, rest[0]?.off ?? inst.span.start);
    }
    let scriptChars = rest;
    if (inst.heredocs.length) {
      const commandLine = text(rest).replace(/<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1/g, '').trim();
      const body = inst.heredocs[0].body;
      // `RUN <<EOF` alone, or a shell reading it (`RUN <<EOT bash`, `RUN bash -e <<EOF`): the body is the script.
      if ((commandLine === '' || SHELL_READS_STDIN.test(commandLine)) && inst.heredocs.length === 1) {
        // A shebang other than sh/bash: not ours.
        const shebang = /^#!(\S+)(?:\s+(\S+))?/.exec(text(body.slice(0, 80)));
        if (shebang && !/(^|\/)(ba)?sh$/.test(shebang[2] && /env$/.test(shebang[1]) ? shebang[2] : shebang[1])) return;
        scriptChars = body;
      } else {
        // `RUN python3 <<EOF`: a heredoc on stdin; the shell sees line, body and delimiter. A
        // redirection before the command (`RUN <<EOF python3`), which the shell grammar does not
        // take, is moved after it.
        scriptChars = [...leadingRedirectionLast(rest), { ch: '\n', off: -1 }];
        for (const h of inst.heredocs) {
          pushAll(scriptChars, h.body);
          for (const ch of `${h.delimiter}\n`) scriptChars.push({ ch, off: -1 });
        }
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
    run.endGroup(s, venvOnPath(s.state.vars.get('PATH') ?? DEFAULT_PATH, s.state.venvs, s.state.virtualEnv?.venv, named));
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
        const command = healthcheckCommand(inst.args);
        stage.deferred = stage.deferred.filter((d) => d.api !== 'HEALTHCHECK');
        if (command) stage.deferred.push({ inst, api: 'HEALTHCHECK', args: command });
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

/** Extensions of other languages and formats, after `Dockerfile.`. */
const OTHER_FORMAT = /\.(py|pyw|pyi|md|rst|txt|adoc|html?|json|ya?ml|toml|ini|cfg|conf|xml|sh|bash|ps1|bat|js|ts|go|rs|rb|java|lock|log|csv|diff|patch|png|svg|dockerignore)$/i;

export const dockerfileFrontEnd: FrontEnd = {
  language: 'dockerfile',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    // Templates (Dockerfile.j2, Dockerfile.template …) hold another language's syntax between the lines.
    if (/\.(j2|jinja2?|tpl|tmpl|template|in|erb|mustache|hbs)$/i.test(base)) return false;
    // A Jenkinsfile named for the agent it uses (`Jenkinsfile.dockerfile`, szabgab's demo) is Groovy.
    if (/^Jenkinsfile[._-]/.test(base)) return false;
    if (base === 'Dockerfile' || base === 'dockerfile' || base === 'Containerfile' || /\.(dockerfile|Dockerfile)$/.test(base)) return true;
    // Dockerfile.dev, dockerfile.prod (Docker reads `dockerfile` too); not another format's file
    // named after it (dockerfile.py, Dockerfile.md, dockerfile.json).
    return /^[Dd]ockerfile\./.test(base) && !OTHER_FORMAT.test(base);
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: ReturnType<typeof analyzeDockerfile>) => T): T {
    return use(analyzeDockerfile(file));
  },
};

/** A shell given no script but its stdin: `bash`, `/bin/sh -e`, `bash -ex`, `sh -o pipefail`. */
const SHELL_READS_STDIN = /^(?:\/usr)?(?:\/bin\/)?(?:ba|da)?sh(?:\s+(?:-[a-zA-Z]+|[-+]o\s+[a-z]+))*(?:\s+-s)?$/;

/** `<<EOF cmd args` → `cmd args <<EOF` (the words keep their offsets; the moved token has none). */
function leadingRedirectionLast(rest: Char[]): Char[] {
  const line = text(rest);
  const m = /^(\s*)(<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\3)(?=\s)/.exec(line);
  if (!m) return rest;
  const from = m[1].length;
  const to = from + m[2].length;
  return [...rest.slice(0, from), ...rest.slice(to), { ch: ' ', off: -1 }, ...[...m[2]].map((ch) => ({ ch, off: -1 }))];
}
