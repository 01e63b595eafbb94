/**
 * GitHub Actions front end: workflow files (`.github/workflows/*.yml`) and composite actions
 * (`action.yml`) → launch sites, with the environment state the runner really keeps. Each `run:`
 * step is its own shell, so activation, `export` and `cd` last for that step only; lines appended
 * to `$GITHUB_PATH` (and `PATH=` written to `$GITHUB_ENV`) are on PATH for the LATER steps of the
 * job; `env:` at workflow, job and step level applies to the step.
 *
 * YAML is parsed with the `yaml` package; every `run:` script is mapped back to the file character
 * by character (../yaml-scalars.ts) so findings point at the command word's real position.
 */
import path from 'node:path';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { charsText as text, isAlias, isMap, isScalar, isSeq, scalarChars, yaml, type Char, type YamlLib } from '../yaml-scalars.js';
const parseDocument: YamlLib['parseDocument'] = ((src: string, options?: object) => yaml().parseDocument(src, options)) as YamlLib['parseDocument'];
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { LaunchSite, Rewrite, RewriteTarget, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { wordSourceSpan, wordText } from '../../kernel/word.js';
import { ConfigRun, programRewriter, shownUnder } from '../config/driver.js';
import { DEFAULT_PATH, UNKNOWN, venvOnPath } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, type FrontEnd } from '../front-end.js';
import { resolveDir } from '../shell/state.js';
import type { ShellCommand, ShellDialect } from '../shell/parse.js';
import { unitsToWord } from '../../kernel/word-units.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';

/** Where the runner checks out the repository; venvs are kept as absolute paths under it. */
const WS = '/github/workspace';

/** A venv as a $GITHUB_PATH line would name it: under `$GITHUB_WORKSPACE` when it is in the workspace. */
export function ghPathEntry(v: string): string {
  const shown = showVenv(v);
  return shown.startsWith('/') ? shown : `$GITHUB_WORKSPACE/${shown}`;
}

/** `.venv` for a venv in the workspace, the absolute path otherwise. */
export const showVenv = shownUnder(WS);

// ---------------------------------------------------------------------------------------------
// The model

const get = (m: unknown, key: string): unknown => (isMap(m) ? (m as YAMLMap).items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.value : undefined);
const scalarText = (n: unknown): string | undefined => (isScalar(n) && n.value !== null && typeof n.value !== 'object' ? String(n.value) : undefined);

interface JobState {
  venvs: Map<string, VenvOrigin>;
  /** Directories appended to $GITHUB_PATH so far, newest first. */
  ghPath: string[];
  /** Variables written to $GITHUB_ENV so far. */
  ghEnv: Map<string, string>;
  /** Where each of those was written. */
  ghEnvAt: Map<string, Span>;
}

interface Scope {
  env: Map<string, string>;
  shell?: string;
  workdir?: string;
}

/** `${{ github.workspace }}`, `${{ env.X }}`: substituted; other expressions become an unknown word. */
function substituteExpressions(cs: Char[], env: Map<string, string>): Char[] {
  const s = text(cs);
  if (!s.includes('${{')) return cs;
  const out: Char[] = [];
  let k = 0;
  const re = /\$\{\{\s*([^}]*?)\s*\}\}/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(...cs.slice(k, m.index));
    const expr = m[1];
    const envRef = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr);
    const value = expr === 'github.workspace' ? WS : envRef && env.has(envRef[1]) ? env.get(envRef[1])! : 'GHEXPR';
    const off = cs[m.index].off;
    for (const ch of value) out.push({ ch, off: off >= 0 && value === 'GHEXPR' ? off : -1 });
    k = m.index + m[0].length;
  }
  out.push(...cs.slice(k));
  return out;
}

/** Where VIRTUAL_ENV was set in `env:` (workflow, job or step), for virtual-env-without-path. */
const VIRTUAL_ENV_AT = new WeakMap<Map<string, string>, Span>();

function envOf(node: unknown, src: string, base: Map<string, string>): Map<string, string> {
  const out = new Map(base);
  const inherited = VIRTUAL_ENV_AT.get(base);
  if (inherited) VIRTUAL_ENV_AT.set(out, inherited);
  if (!isMap(node)) return out;
  for (const p of (node as YAMLMap).items) {
    const k = scalarText(p.key);
    if (k === undefined || !isScalar(p.value)) continue;
    const r = (p.key as YamlNode).range;
    if (k === 'VIRTUAL_ENV' && r) VIRTUAL_ENV_AT.set(out, { start: r[0], end: r[1] });
    const v = text(substituteExpressions([...String(p.value.value ?? '')].map((ch) => ({ ch, off: -1 })), out));
    out.set(k, v.replace(/\$\{\{[^}]*\}\}/g, UNKNOWN));
  }
  void src;
  return out;
}

function scopeOf(node: unknown, src: string, parent: Scope): Scope {
  const run = get(get(node, 'defaults'), 'run');
  return {
    env: envOf(get(node, 'env'), src, parent.env),
    shell: scalarText(get(run, 'shell')) ?? parent.shell,
    workdir: scalarText(get(run, 'working-directory')) ?? parent.workdir,
  };
}

/** bash/sh for a `shell:` value; undefined for pwsh, python, cmd … (not analysed). */
function dialectOf(shell: string | undefined, windows: boolean): ShellDialect | undefined {
  if (shell === undefined) return windows ? undefined : 'bash';
  const prog = path.posix.basename(shell.trim().split(/\s+/)[0] ?? '');
  if (prog === 'bash') return 'bash';
  if (/^(sh|dash|ash)$/.test(prog)) return 'sh';
  return undefined;
}

/**
 * The Actions way to keep a venv on PATH for the steps that follow: append its bin to
 * $GITHUB_PATH right after the command that created the venv, or after the activation (`&& echo
 * "…/bin" >> "$GITHUB_PATH"` on the same line, which every scalar style can hold). Only where the
 * rest of that line ends the command, so the echo is not caught by a redirection or a pipe.
 */
function persistVenv(file: SourceFile, site: LaunchSite, t: Extract<RewriteTarget, { kind: 'persist-venv' }>, style: string | undefined, run: Span | undefined): Rewrite | undefined {
  if (t.at === 'virtual-env' || style === undefined) return undefined;
  const facts = site.config;
  let at: number | undefined;
  let step = '';
  if (t.at === 'creation') {
    const origin = facts?.venvOrigins.get(t.venv);
    at = origin?.end;
    // Created in this very step: $GITHUB_PATH is read before the next step, so the command would
    // still miss the venv (the fix loop added the same line ten times); its own program is the fix.
    if (at !== undefined && run && at >= run.start && at <= run.end) return undefined;
    step = origin?.where ? ` ${origin.where}` : '';
  } else {
    at = wordSourceSpan(site.argv[site.argv.length - 1])?.end;
  }
  if (at === undefined || /[\s"'\\$`]/.test(t.venv.replace(WS, ''))) return undefined;
  const lineEnd = file.text.indexOf('\n', at);
  const rest = file.text.slice(at, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const closing = style === 'QUOTE_DOUBLE' ? '"' : style === 'QUOTE_SINGLE' ? "'" : '';
  if (!new RegExp(`^[ \\t]*(?:$|&&|\\|\\||;|#|${closing ? closing + '[ \\t]*(?:$|#)' : '$'})`).test(rest)) return undefined;
  let insert = ` && echo "${ghPathEntry(t.venv)}/bin" >> "$GITHUB_PATH"`;
  if (style === 'QUOTE_DOUBLE') insert = insert.replace(/["\\]/g, (c) => '\\' + c);
  return {
    edits: [{ start: at, end: at, text: insert }],
    applicability: 'unsafe',
    reason: "every later step of the job then finds the venv's python, pip and scripts first on PATH",
    title: `Append ${showVenv(t.venv)}/bin to $GITHUB_PATH${step}`,
  };
}

export function analyzeActions(file: SourceFile): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  const src = file.text;
  /** The YAML style of each site's `run:` scalar (fixes must write text that style can hold). */
  const styleOf = new Map<LaunchSite, string>();
  /** Each site's `run:` scalar: a $GITHUB_PATH line written there reaches only later steps. */
  const runOf = new Map<LaunchSite, Span>();
  const run = new ConfigRun(file, {
    language: 'github-actions',
    comments: { line: '#', trailing: '#' },
    persist: (site, t) => persistVenv(file, site, t, styleOf.get(site), runOf.get(site)),
  });
  const doc = parseDocument(src, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false });
  for (const e of doc.errors) run.problem(`YAML: ${e.message.split('\n')[0]}`, e.pos[0]);
  const root = doc.contents;
  const lineOf = (off: number) => file.location(off).line;

  /** VIRTUAL_ENV for a step: from `env:` (where it was written) or an earlier `$GITHUB_ENV` line. */
  const virtualEnvOf = (stepEnv: Map<string, string>, js: JobState): { venv: string; span: Span } | undefined => {
    const v = stepEnv.get('VIRTUAL_ENV') ?? js.ghEnv.get('VIRTUAL_ENV');
    const span = stepEnv.has('VIRTUAL_ENV') ? VIRTUAL_ENV_AT.get(stepEnv) : js.ghEnvAt.get('VIRTUAL_ENV');
    const dir = v === undefined ? undefined : resolveDir(substituteWs(v), WS);
    return dir && span ? { venv: dir, span } : undefined;
  };

  /**
   * Actions known to put a venv on PATH for the steps after them. astral-sh/setup-uv with
   * `activate-environment: true` runs `uv venv` (at `venv-path`, default `.venv` in its
   * `working-directory`) and adds its bin to PATH and VIRTUAL_ENV to the environment (its action.yml).
   */
  const usesStep = (uses: string, step: unknown, js: JobState, stepNo: number) => {
    const name = uses.split('@')[0].toLowerCase();
    const withs = get(step, 'with');
    if (name !== 'astral-sh/setup-uv' || !/^true$/i.test(scalarText(get(withs, 'activate-environment')) ?? '')) return;
    const wd = resolveDir(substituteWs(scalarText(get(withs, 'working-directory')) ?? WS), WS);
    const venv = resolveDir(substituteWs(scalarText(get(withs, 'venv-path')) || '.venv'), wd);
    if (!venv) return;
    const at = (step as YamlNode).range?.[0] ?? 0;
    if (!js.venvs.has(venv)) js.venvs.set(venv, { line: lineOf(at), how: 'created', where: `by ${uses} in step ${stepNo}`, offset: at });
    js.ghPath.unshift(`${venv}/bin`);
    js.ghEnv.set('VIRTUAL_ENV', venv);
  };

  const runJob = (job: unknown, scope: Scope, windows: boolean, macos = false) => {
    const steps = get(job, 'steps');
    if (!isSeq(steps)) return;
    const js: JobState = { venvs: new Map(), ghPath: [], ghEnv: new Map(), ghEnvAt: new Map() };
    steps.items.forEach((step, i) => {
      const stepNo = i + 1;
      const uses = scalarText(get(step, 'uses'));
      if (uses !== undefined) {
        usesStep(uses, step, js, stepNo);
        return;
      }
      const rawRun = get(step, 'run');
      // `run: *script`: the anchored scalar, at its own position.
      const runNode = isAlias(rawRun) ? rawRun.resolve(doc) : rawRun;
      if (!isScalar(runNode) || !runNode.range) return;
      const runPair = (step as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'run')!;
      const keyOff = (runPair.key as YamlNode).range?.[0] ?? runNode.range[0];
      const stepOff = (step as YamlNode).range?.[0] ?? keyOff;
      const callSpan: Span = { start: runNode.range[0], end: runNode.range[1] };
      const firstLine = Math.min(lineOf(stepOff), lineOf(keyOff));
      const lastLine = lineOf(Math.max(callSpan.start, callSpan.end - 1));
      // Suppressions: a comment line just above the step or its `run:`, or a comment in the script.
      run.suppress(firstLine, lastLine, { above: [lineOf(stepOff) - 1, lineOf(keyOff) - 1], trailingFrom: lineOf(keyOff) });

      const stepEnv = envOf(get(step, 'env'), src, scope.env);
      const dialect = dialectOf(scalarText(get(step, 'shell')) ?? scope.shell, windows);
      const wd = scalarText(get(step, 'working-directory')) ?? scope.workdir;
      const cwd = resolveDir(wd === undefined ? '.' : substituteWs(wd), WS);
      // PATH for this step: GITHUB_PATH entries first, then env: (step > job > workflow), then GITHUB_ENV.
      const envPath = stepEnv.get('PATH') ?? js.ghEnv.get('PATH') ?? DEFAULT_PATH;
      const stepPath = [...js.ghPath, envPath].join(':');
      if (dialect === undefined) {
        // `shell: python` steps can write $GITHUB_PATH / $GITHUB_ENV too; literal lines are known.
        const shellName = scalarText(get(step, 'shell')) ?? scope.shell;
        if (shellName !== undefined && /^python[\d.]*\b/.test(shellName.trim())) pythonStepWrites(text(scalarChars(src, runNode)), cwd, js);
        return;
      }
      const script = substituteExpressions(scalarChars(src, runNode), stepEnv);
      const vars = new Map([...js.ghEnv, ...stepEnv]);
      vars.delete('PATH');
      vars.set('GITHUB_WORKSPACE', WS);
      const pendingPath: string[] = [];
      const pendingEnv = new Map<string, string>();
      const pendingEnvAt = new Map<string, Span>();
      /** The rest of the script line after a command: is its output appended to $GITHUB_PATH / $GITHUB_ENV? */
      const appendsTo = (cmd: ShellCommand): 'PATH' | 'ENV' | undefined => {
        const at = cmd.span ? script.findIndex((c) => c.off === cmd.span!.start) : -1;
        if (at < 0) return undefined;
        let rest = text(script.slice(at));
        const nl = rest.indexOf('\n');
        if (nl >= 0) rest = rest.slice(0, nl);
        const m = />>\s*("?)\$(?:GITHUB_(PATH|ENV)|\{GITHUB_(PATH|ENV)\})\1/.exec(rest);
        return m ? ((m[2] ?? m[3]) as 'PATH' | 'ENV') : undefined;
      };
      run.shell({
        api: 'run',
        callSpan,
        order: stepNo,
        group: js,
        dialect,
        // `shell: sh` is dash on the Ubuntu runners; on macOS sh is bash, which has `source`.
        shHasSource: macos,
        path: stepPath,
        cwd,
        vars,
        venvs: js.venvs,
        originAt: (at, command) => ({ line: lineOf(at), how: 'created', where: `in step ${stepNo}`, offset: at, end: command?.end }),
        facts: {
          form: 'shell',
          showVenv,
          shellName: dialect === 'sh' ? 'sh' : 'bash',
          virtualEnv: virtualEnvOf(stepEnv, js),
          unit: 'this step',
          scope: 'in this step',
          persistAdvice: (venv) => `write the venv's bin to $GITHUB_PATH (echo "${ghPathEntry(venv)}/bin" >> "$GITHUB_PATH") so that later steps find it`,
        },
        normalizePath: substituteWs,
        rewriter: (program, venv, here) => {
          if (here === undefined) return undefined;
          const rel = path.posix.relative(here, venv);
          return programRewriter(file, program, rel === '' ? 'bin' : `${rel}/bin`);
        },
        onSite: (site) => {
          styleOf.set(site, String(runNode.type));
          if (runNode.range) runOf.set(site, { start: runNode.range[0], end: runNode.range[1] });
        },
        intercept: (cmd, sh, valueOf) => {
          const w0 = cmd.words[0] === undefined ? undefined : wordText(cmd.words[0]);
          if (w0 !== 'echo' && w0 !== 'printf') return false;
          const to = appendsTo(cmd);
          if (!to) return false;
          const args = cmd.words.slice(1);
          if (w0 === 'echo') while (args.length && /^-[neE]+$/.test(wordText(args[0]) ?? '')) args.shift();
          // printf FORMAT ARG: `printf '%s\n' DIR`, or a format that is the value itself.
          else if (args.length > 1 && /^%s(\\n)?$/.test(wordText(args[0]) ?? '')) args.shift();
          const v = args.map(valueOf).join(' ').replace(w0 === 'printf' ? /\\n$/ : /$^/, '');
          if (to === 'PATH') {
            const d = resolveDir(v, sh.cwd);
            if (d) pendingPath.unshift(d);
          } else {
            const eq = v.indexOf('=');
            if (eq > 0) {
              pendingEnv.set(v.slice(0, eq), v.slice(eq + 1));
              if (cmd.span) pendingEnvAt.set(v.slice(0, eq), cmd.span);
            }
          }
          return true;
        },
      }, unitsToWord(script, callSpan));
      // What persists: for the next steps only.
      js.ghPath.unshift(...pendingPath);
      for (const [k, v] of pendingEnv) js.ghEnv.set(k, v);
      for (const [k, v] of pendingEnvAt) js.ghEnvAt.set(k, v);
    });
    // What outlives the job's last step: the venv its $GITHUB_PATH lines put first, if any.
    run.endGroup(js, venvOnPath([...js.ghPath, DEFAULT_PATH].join(':'), js.venvs));
  };

  try {
    if (isMap(root)) {
      const top: Scope = scopeOf(root, src, { env: new Map() });
      const jobs = get(root, 'jobs');
      const runs = get(root, 'runs');
      if (isMap(jobs)) {
        for (const p of (jobs as YAMLMap).items) {
          const job = p.value;
          const runsOn = JSON.stringify(isScalar(get(job, 'runs-on')) || isSeq(get(job, 'runs-on')) ? (get(job, 'runs-on') as YamlNode).toJSON() : '');
          runJob(job, scopeOf(job, src, top), /windows/i.test(runsOn), /macos/i.test(runsOn));
        }
      } else if (isMap(runs) && scalarText(get(runs, 'using')) === 'composite') {
        runJob(runs, top, false);
      }
    }
  } catch (e) {
    // A parser trap is the file's, not a part of it: the checker reports it and rebuilds the parser.
    if (isParserTrap(e) || e instanceof ParserDamagedError) throw e;
    run.problem(`internal error while analysing the workflow: ${(e as Error).message}`, 0);
  }
  return run.finish();
}

/**
 * What a `shell: python` step appends to $GITHUB_PATH or $GITHUB_ENV, as far as the script says it
 * with string literals: in a script that names GITHUB_PATH, each literal directory ending in /bin
 * (`f.write("/opt/venv/bin\n")`); in one that names GITHUB_ENV, each literal `VIRTUAL_ENV=…`.
 * Paths built at run time stay unknown, as in shell steps.
 */
function pythonStepWrites(script: string, cwd: string | undefined, js: JobState): void {
  const literals = [...script.matchAll(/(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g)].map((m) => m[2].replace(/\\n$/, ''));
  if (/GITHUB_PATH/.test(script)) {
    for (const l of literals) {
      if (!/\/bin\/?$/.test(l) || /[{}%$]/.test(l)) continue;
      const d = resolveDir(substituteWs(l), cwd);
      if (d) js.ghPath.unshift(d);
    }
  }
  if (/GITHUB_ENV/.test(script)) {
    for (const l of literals) {
      const m = /^VIRTUAL_ENV=([^{}%$]+)$/.exec(l);
      if (m) js.ghEnv.set('VIRTUAL_ENV', m[1]);
    }
  }
}

/** `$GITHUB_WORKSPACE` in a YAML value (not seen by a shell there). */
function substituteWs(s: string): string {
  return s.replace(/\$\{?GITHUB_WORKSPACE\}?/g, WS);
}


export const actionsFrontEnd: FrontEnd = {
  language: 'github-actions',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const n = p.replace(/\\/g, '/');
    const base = path.posix.basename(n);
    if (base === 'action.yml' || base === 'action.yaml') return true;
    return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(n);
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: ReturnType<typeof analyzeActions>) => T): T {
    return use(analyzeActions(file));
  },
};
