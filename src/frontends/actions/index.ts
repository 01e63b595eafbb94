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
import fs from 'node:fs';
import path from 'node:path';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { aliasTargets, charsText as text, checkYamlNesting, inArithmetic, isAlias, isMap, isScalar, isSeq, mapValue, parseLenient, replaceChars, scalarChars, scalarText, yaml, yamlErrors, type Char, type YamlLib } from '../yaml-scalars.js';
const parseDocument: YamlLib['parseDocument'] = ((src: string, options?: object) => yaml().parseDocument(src, options)) as YamlLib['parseDocument'];
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { LaunchSite, Rewrite, RewriteTarget, VenvOrigin } from '../../kernel/launch-site.js';
import { SourceFile, type Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { wordSourceSpan, wordText } from '../../kernel/word.js';
import { binSeenFrom, ConfigRun, isUnder, namedAsWindowsVenv, programRewriter, shownUnder, shownVia } from '../config/driver.js';
import { DEFAULT_PATH, UNKNOWN, venvOnPath } from '../config/facts.js';
import { YAML_CONFIG_MAX_BYTES, configMayMatter, type FrontEnd } from '../front-end.js';
import { resolveDir } from '../shell/state.js';
import type { ShellCommand, ShellDialect } from '../shell/parse.js';
import { unitsToWord } from '../../kernel/word-units.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';
import { TooComplexError, YAML_ALIASES, YAML_EXPANDED_CHARS } from '../../kernel/budgets.js';
import { ACTION_PATH, HOME, RUNNER_TEMP, runnerFolders, substituteWs, WS } from './folders.js';
import { conjunctionOnly, pinMatrix, pinnedMatrix } from './matrix.js';

/** A venv as a $GITHUB_PATH line would name it: under `$GITHUB_WORKSPACE` when it is in the workspace. */
export function ghPathEntry(v: string): string {
  const shown = showVenv(v);
  return shown.startsWith('/') || shown.startsWith('$') ? shown : `$GITHUB_WORKSPACE/${shown}`;
}

const STAND_INS = [[HOME, '$HOME'], [RUNNER_TEMP, '$RUNNER_TEMP'], [ACTION_PATH, '$GITHUB_ACTION_PATH']] as const;
/** `.venv` for a venv in the workspace, `$HOME/venv` and `$RUNNER_TEMP/v` under those, the absolute path otherwise. */
export const showVenv = shownVia(STAND_INS, shownUnder(WS));
/** A venv under one of the stand-ins other than the workspace: no literal path names it on every runner. */
const underStandIn = (v: string) => STAND_INS.some(([root]) => isUnder(v, root));

// ---------------------------------------------------------------------------------------------
// The model

const get = mapValue;

interface JobState {
  venvs: Map<string, VenvOrigin>;
  /** Directories appended to $GITHUB_PATH so far, newest first. */
  ghPath: string[];
  /** Variables written to $GITHUB_ENV so far. */
  ghEnv: Map<string, string>;
  /** Where each of those was written. */
  ghEnvAt: Map<string, Span>;
  /** Venvs the job's steps name without creating them (an activation's target): one on PATH is that venv. */
  named: Set<string>;
}

interface Scope {
  env: Map<string, string>;
  shell?: string;
  workdir?: string;
}

/**
 * One `${{ … }}` expression: its string literals ('…', '' inside) may hold braces, as in
 * `${{ format('/srv/{0}', x) }}`, so a `}` ends it only as `}}` outside a string.
 */
const EXPRESSION = String.raw`\$\{\{\s*((?:'(?:[^']|'')*'|[^'}]|\}(?!\}))*?)\s*\}\}`;

/**
 * `${{ github.workspace }}`, `${{ runner.temp }}`, `${{ env.X }}` and, in a composite action,
 * `${{ inputs.x }}` with a literal value: substituted; other expressions become an unknown value.
 */
function substituteExpressions(cs: Char[], env: Map<string, string>, inputs?: ReadonlyMap<string, string>, pins?: ReadonlyMap<string, string>): Char[] {
  return replaceChars(cs, new RegExp(EXPRESSION, 'g'), '${{', (m, s) => {
    const expr = m[1];
    const envRef = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr);
    const inputRef = /^inputs\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expr);
    const matrixRef = /^matrix\.([\w-]+)$/.exec(expr);
    const known =
      expr === 'github.workspace' ? WS
      : expr === 'runner.temp' ? RUNNER_TEMP
      : expr === 'github.action_path' ? env.get('GITHUB_ACTION_PATH')
      : envRef && env.has(envRef[1]) ? env.get(envRef[1])!
      : inputRef ? inputs?.get(inputRef[1])
      : matrixRef ? pins?.get(matrixRef[1])
      : undefined;
    // Any other expression is a value unknown here (UNKNOWN: no venv path or known program holds it);
    // inside $(( … )) a number, which the shell grammar can read there (a control character it cannot).
    return known !== undefined ? { text: known, at: false } : { text: inArithmetic(s, m.index!) ? '0' : UNKNOWN, at: true };
  });
}

/** Where VIRTUAL_ENV was set in `env:` (workflow, job or step), for virtual-env-without-path. */
const VIRTUAL_ENV_AT = new WeakMap<Map<string, string>, Span>();

function envOf(node: unknown, src: string, base: Map<string, string>, inputs?: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(base);
  const inherited = VIRTUAL_ENV_AT.get(base);
  if (inherited) VIRTUAL_ENV_AT.set(out, inherited);
  if (!isMap(node)) return out;
  for (const p of (node as YAMLMap).items) {
    const k = scalarText(p.key);
    if (k === undefined || !isScalar(p.value)) continue;
    const r = (p.key as YamlNode).range;
    if (k === 'VIRTUAL_ENV' && r) VIRTUAL_ENV_AT.set(out, { start: r[0], end: r[1] });
    const v = text(substituteExpressions([...String(p.value.value ?? '')].map((ch) => ({ ch, off: -1 })), out, inputs));
    out.set(k, runnerFolders(v.replace(new RegExp(EXPRESSION, 'g'), UNKNOWN)));
  }
  void src;
  return out;
}

function scopeOf(node: unknown, src: string, parent: Scope, inputs?: ReadonlyMap<string, string>): Scope {
  const run = get(get(node, 'defaults'), 'run');
  return {
    env: envOf(get(node, 'env'), src, parent.env, inputs),
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
function persistVenv(file: SourceFile, site: LaunchSite, t: Extract<RewriteTarget, { kind: 'persist-venv' }>, styleAt: (offset: number) => string | undefined): Rewrite | undefined {
  if (t.at === 'virtual-env') return undefined;
  const facts = site.config;
  let at: number | undefined;
  let step = '';
  if (t.at === 'creation') {
    const origin = facts?.venvOrigins.get(t.venv);
    at = origin?.end;
    // Created in this very step: $GITHUB_PATH is read before the next step, so the command would
    // still miss the venv (the fix loop added the same line ten times); its own program is the fix.
    if (at !== undefined && at >= site.callSpan.start && at <= site.callSpan.end) return undefined;
    step = origin?.where ? ` ${origin.where}` : '';
  } else {
    at = wordSourceSpan(site.argv[site.argv.length - 1])?.end;
  }
  if (at === undefined || /[\s"'\\$`]/.test(t.venv.replace(WS, ''))) return undefined;
  // A venv the workflow also names by its Windows layout (`.venv/Scripts/python`) has no bin/ on those runners.
  if (namedAsWindowsVenv(file, showVenv(t.venv))) return undefined;
  // The YAML style of the step the line goes into (the creating step's, not the site's).
  const style = styleAt(at);
  if (style === undefined) return undefined;
  const lineEnd = file.text.indexOf('\n', at);
  const rest = file.text.slice(at, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const closing = style === 'QUOTE_DOUBLE' ? '"' : style === 'QUOTE_SINGLE' ? "'" : '';
  if (!new RegExp(`^[ \\t]*(?:$|&&|\\|\\||;|#|${closing ? closing + '[ \\t]*(?:$|#)' : '$'})`).test(rest)) return undefined;
  let insert = ` && echo "${ghPathEntry(t.venv)}/bin" >> "$GITHUB_PATH"`;
  if (style === 'QUOTE_DOUBLE') insert = insert.replace(/["\\]/g, (c) => '\\' + c);
  return {
    edits: [{ start: at, end: at, text: insert }],
    applicability: 'unsafe',
    reason: "every later step of the job then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones",
    title: `Append ${showVenv(t.venv)}/bin to $GITHUB_PATH${step}`,
  };
}

/**
 * A composite action run for a step of a calling job (`uses: ./.github/actions/setup`): its steps
 * change that job's state (the venvs they create, their $GITHUB_PATH and $GITHUB_ENV lines).
 */
interface Caller {
  job: JobState;
  /** The step's `env:` over the job's: the environment the action's steps start with. */
  env: Map<string, string>;
  /** Its `with:` values over the action's input defaults. */
  inputs: Map<string, string>;
  /** Local actions entered so far. */
  depth: number;
  /** The repository root, which `uses: ./…` paths are relative to. */
  root: string;
  /** The action's folder in the caller's workspace (`${{ github.action_path }}`). */
  actionPath: string;
  windows: boolean;
  macos: boolean;
}

/** Local actions calling local actions are followed this deep. */
const MAX_ACTION_DEPTH = 4;

/** The repository root of a workflow (`<root>/.github/workflows/x.yml`) or, for an action file, the nearest folder above it holding `.github`. */
function repositoryRoot(file: string): string | undefined {
  const n = file.replace(/\\/g, '/');
  const m = /^(.*?)(?:^|\/)\.github\/workflows\/[^/]+$/.exec(n);
  if (m) return m[1] === '' ? '.' : m[1];
  let dir = path.dirname(file);
  for (let i = 0; i < 16; i++) {
    if (fs.existsSync(path.join(dir, '.github'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** The local action a `uses: ./path` names, read from its action.yml or action.yaml; undefined when neither is there (yet). */
function readLocalAction(root: string, uses: string): SourceFile | undefined {
  for (const name of ['action.yml', 'action.yaml']) {
    const p = path.join(root, uses, name);
    try {
      const st = fs.statSync(p);
      if (!st.isFile() || st.size > YAML_CONFIG_MAX_BYTES) continue;
      return new SourceFile(p, fs.readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      // not there: maybe an earlier step makes it
    }
  }
  return undefined;
}

/** An action's `inputs:` defaults that are literal text. */
function inputDefaults(root: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const inputs = get(root, 'inputs');
  if (!isMap(inputs)) return out;
  for (const p of (inputs as YAMLMap).items) {
    const k = scalarText(p.key);
    const d = scalarText(get(p.value, 'default'));
    if (k !== undefined && d !== undefined && !d.includes('${{')) out.set(k, d);
  }
  return out;
}

export function analyzeActions(file: SourceFile, caller?: Caller): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  const src = file.text;
  /** The YAML style of each `run:` scalar (fixes must write text that style can hold). */
  const styles: { start: number; end: number; style: string }[] = [];
  const styleAt = (offset: number) => styles.find((r) => r.start <= offset && offset <= r.end)?.style;
  const run = new ConfigRun(file, {
    language: 'github-actions',
    comments: { line: '#', trailing: '#' },
    persist: (site, t) => persistVenv(file, site, t, styleAt),
  });
  checkYamlNesting(src);
  const doc = parseLenient(src, (t) => parseDocument(t, { prettyErrors: false, uniqueKeys: false }));
  for (const e of yamlErrors(doc.errors)) run.problem(`YAML: ${e.message.split('\n')[0]}`, e.pos[0]);
  const lineOf = (off: number) => file.location(off).line;
  let targets: ((alias: unknown) => unknown) | undefined;

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

  const root = doc.contents;
  const repoRoot = caller?.root ?? repositoryRoot(file.path);
  // Input values: the caller's `with:` over the defaults; standing alone, the defaults.
  const inputs = new Map([...inputDefaults(root), ...(caller?.inputs ?? [])]);

  /**
   * A local composite action (`uses: ./path`): its steps run here, in this job, for what they leave
   * to the later steps (venvs, $GITHUB_PATH, $GITHUB_ENV). Their own findings are reported once, in
   * the action file itself. A missing action file assumes nothing.
   */
  const localAction = (uses: string, step: unknown, stepEnv: Map<string, string>, js: JobState, stepNo: number, windows: boolean, macos: boolean) => {
    const depth = (caller?.depth ?? 0) + 1;
    if (!uses.startsWith('./') || repoRoot === undefined || depth > MAX_ACTION_DEPTH) return;
    const action = readLocalAction(repoRoot, uses);
    if (!action) return;
    const withs = new Map<string, string>();
    const w = get(step, 'with');
    if (isMap(w)) {
      for (const p of (w as YAMLMap).items) {
        const k = scalarText(p.key);
        if (k === undefined) continue;
        const v = scalarText(p.value);
        withs.set(k, v === undefined ? UNKNOWN : text(substituteExpressions([...v].map((ch) => ({ ch, off: -1 })), new Map([...js.ghEnv, ...stepEnv]), inputs)));
      }
    }
    const venvsBefore = new Set(js.venvs.keys());
    const envAtBefore = new Map(js.ghEnvAt);
    analyzeActions(action, { job: js, env: stepEnv, inputs: withs, depth, root: repoRoot, windows, macos, actionPath: resolveDir(uses, WS) ?? ACTION_PATH });
    // What it did is told at this step, in this file.
    const at = (step as YamlNode).range?.[0] ?? 0;
    const stepSpan: Span = { start: at, end: (step as YamlNode).range?.[1] ?? at };
    for (const [v] of js.venvs) if (!venvsBefore.has(v)) js.venvs.set(v, { line: lineOf(at), how: 'created', where: `by ${uses} in step ${stepNo}`, offset: at });
    for (const [k, span] of js.ghEnvAt) if (envAtBefore.get(k) !== span) js.ghEnvAt.set(k, stepSpan);
  };

  const runJob = (job: unknown, scope: Scope, windows: boolean, macos = false) => {
    const steps = get(job, 'steps');
    if (!isSeq(steps)) return;
    const js: JobState = caller?.job ?? { venvs: new Map(), ghPath: [], ghEnv: new Map(), ghEnvAt: new Map(), named: new Set() };
    const jobPins = pinnedMatrix(scalarText(get(job, 'if')));
    steps.items.forEach((step, i) => {
      const stepNo = i + 1;
      const uses = scalarText(get(step, 'uses'));
      if (uses !== undefined) {
        usesStep(uses, step, js, stepNo);
        localAction(uses, step, envOf(get(step, 'env'), src, scope.env, inputs), js, stepNo, windows, macos);
        return;
      }
      // A step only a Windows runner runs (if: runner.os == 'Windows'): not a POSIX shell, and it
      // never runs after a step only Linux or macOS runs; nothing of it is modelled.
      if (!windows && (windowsOnly(scalarText(get(step, 'if'))) || matrixWindowsOnly(job, scalarText(get(step, 'if'))))) return;
      const rawRun = get(step, 'run');
      // `run: *script`: the anchored scalar, at its own position (every alias of the file resolved
      // in one walk: the library's resolve walks the whole document for each).
      if (isAlias(rawRun)) run.meter.charge(YAML_ALIASES);
      const runNode = isAlias(rawRun) ? (targets ??= aliasTargets(doc))(rawRun) : rawRun;
      if (!isScalar(runNode) || !runNode.range) return;
      run.meter.charge(YAML_EXPANDED_CHARS, String(runNode.value ?? '').length);
      const runPair = (step as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'run')!;
      const keyOff = (runPair.key as YamlNode).range?.[0] ?? runNode.range[0];
      const stepOff = (step as YamlNode).range?.[0] ?? keyOff;
      const callSpan: Span = { start: runNode.range[0], end: runNode.range[1] };
      styles.push({ start: runNode.range[0], end: runNode.range[1], style: String(runNode.type) });
      const firstLine = Math.min(lineOf(stepOff), lineOf(keyOff));
      const lastLine = lineOf(Math.max(callSpan.start, callSpan.end - 1));
      // Suppressions: a comment line just above the step or its `run:`, or a comment in the script.
      run.suppress(firstLine, lastLine, { above: [lineOf(stepOff) - 1, lineOf(keyOff) - 1], trailingFrom: lineOf(keyOff) });

      const stepEnv = envOf(get(step, 'env'), src, scope.env, inputs);
      const dialect = dialectOf(scalarText(get(step, 'shell')) ?? scope.shell, windows);
      // `${{ matrix.KEY }}` where the step's or job's `if:` pins KEY (`if: matrix.package == 'prefect-ray'`).
      const pins = new Map([...jobPins, ...pinnedMatrix(scalarText(get(step, 'if')))]);
      const wd = pinMatrix(scalarText(get(step, 'working-directory')) ?? scope.workdir ?? '.', pins);
      const cwd = resolveDir(substituteWs(wd), WS);
      // PATH for this step: GITHUB_PATH entries first, then env: (step > job > workflow), then GITHUB_ENV.
      const envPath = stepEnv.get('PATH') ?? js.ghEnv.get('PATH') ?? DEFAULT_PATH;
      const stepPath = [...js.ghPath, envPath].join(':');
      if (dialect === undefined) {
        // `shell: python` steps can write $GITHUB_PATH / $GITHUB_ENV too; literal lines are known.
        const shellName = scalarText(get(step, 'shell')) ?? scope.shell;
        if (shellName !== undefined && /^python[\d.]*\b/.test(shellName.trim())) pythonStepWrites(text(scalarChars(src, runNode)), cwd, js);
        return;
      }
      // The `env` context holds what earlier steps wrote to $GITHUB_ENV too (`. ${{ env.VENV_ACTIVATE }}`).
      const vars = new Map([...js.ghEnv, ...stepEnv]);
      const script = substituteExpressions(scalarChars(src, runNode), vars, inputs, pins);
      vars.delete('PATH');
      vars.set('GITHUB_WORKSPACE', WS);
      if (!vars.has('HOME')) vars.set('HOME', HOME);
      if (!vars.has('RUNNER_TEMP')) vars.set('RUNNER_TEMP', RUNNER_TEMP);
      const pendingPath: string[] = [];
      const pendingEnv = new Map<string, string>();
      const pendingEnvAt = new Map<string, Span>();
      /** The rest of the script line after a command: is its output appended to $GITHUB_PATH / $GITHUB_ENV? */
      // Where each file offset is in the script, made once per step (per echo, a search and a copy
      // of the rest of the script made a long script of echos quadratic).
      let indexOfOff: Map<number, number> | undefined;
      const appendsTo = (cmd: ShellCommand): 'PATH' | 'ENV' | undefined => {
        if (!indexOfOff) {
          indexOfOff = new Map();
          for (let k = script.length - 1; k >= 0; k--) indexOfOff.set(script[k].off, k);
        }
        const at = cmd.span ? (indexOfOff.get(cmd.span.start) ?? -1) : -1;
        if (at < 0) return undefined;
        let nl = at;
        while (nl < script.length && script[nl].ch !== '\n') nl++;
        const rest = text(script.slice(at, nl));
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
        named: js.named,
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
          // $HOME, $RUNNER_TEMP: no literal path names them on every runner.
          if (underStandIn(venv)) return undefined;
          const bin = binSeenFrom(venv, here, WS);
          return bin === undefined ? undefined : programRewriter(file, program, bin);
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
    if (!caller) run.endGroup(js, venvOnPath([...js.ghPath, DEFAULT_PATH].join(':'), js.venvs, js.named));
  };

  try {
    if (isMap(root)) {
      const top: Scope = scopeOf(root, src, { env: caller?.env ?? new Map() }, inputs);
      const jobs = get(root, 'jobs');
      const runs = get(root, 'runs');
      if (isMap(jobs)) {
        for (const p of (jobs as YAMLMap).items) {
          const job = p.value;
          const oses = runnerLabels(job);
          runJob(job, scopeOf(job, src, top), oses.every((l) => /windows/i.test(l)), oses.every((l) => /macos/i.test(l)));
        }
      } else if (isMap(runs) && scalarText(get(runs, 'using')) === 'composite') {
        // The action's own folder: under the caller's workspace where a step uses it by its path.
        top.env.set('GITHUB_ACTION_PATH', caller?.actionPath ?? ACTION_PATH);
        runJob(runs, top, caller?.windows ?? false, caller?.macos ?? false);
      }
    }
  } catch (e) {
    // A parser trap is the file's, not a part of it: the checker reports it and rebuilds the parser.
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
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

/**
 * The runner labels a job may run on: `runs-on` as written, or, for `runs-on: ${{ matrix.os }}`,
 * every value of that matrix key (its list and its `include:` entries). A job is a Windows job only
 * when every label is a Windows one. A list (`[self-hosted, Windows, gpu]`) names one runner that
 * has all its labels: its operating-system label stands for it (gaia's self-hosted Windows jobs,
 * whose PowerShell steps were read as bash).
 */
export function runnerLabels(job: unknown): string[] {
  const runsOn = get(job, 'runs-on');
  const all = (v: YamlNode) => [v.toJSON()].flat().map(String);
  const labels = isScalar(runsOn) ? all(runsOn as YamlNode) : isSeq(runsOn) ? [oneRunner(all(runsOn as YamlNode))] : [''];
  const out: string[] = [];
  for (const l of labels) {
    const key = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(l.trim())?.[1];
    const matrix = key ? get(get(job, 'strategy'), 'matrix') : undefined;
    if (!key || !isMap(matrix)) {
      out.push(l);
      continue;
    }
    const values = [get(matrix, key)].flatMap((v) => (isSeq(v) ? v.items.map((i) => (isScalar(i) ? String(i.value) : '')) : []));
    const include = get(matrix, 'include');
    if (isSeq(include)) for (const e of include.items) if (isScalar(get(e, key))) values.push(String((get(e, key) as YamlNode & { value: unknown }).value));
    out.push(...(values.length ? values : [l]));
  }
  return out;
}

/** The label that names the operating system of a runner that must have every one of `labels`. */
function oneRunner(labels: string[]): string {
  return labels.find((l) => /^(?:windows|macos|linux|ubuntu)/i.test(l.trim())) ?? labels.find((l) => l.trim() !== 'self-hosted') ?? labels[0] ?? '';
}

/**
 * An `if:` that holds only on Windows runners (`runner.os == 'Windows'`, `startsWith(matrix.os,
 * 'windows')` …) as one of its `&&` terms; an `||` anywhere, or a negation, and we cannot tell.
 */
export function windowsOnly(condition: string | undefined): boolean {
  if (!condition || !conjunctionOnly(condition)) return false;
  return /\b(runner|matrix)\.os\s*==\s*'windows[^']*'|(startsWith|contains)\(\s*(runner|matrix)\.os\s*,\s*'windows/i.test(condition);
}

/**
 * An `if:` with a term `matrix.KEY == 'VALUE'` that only Windows runners meet: `runs-on: ${{
 * matrix.os }}` and every `include:` entry with that KEY and VALUE names a Windows `os` (kitchenowl's
 * `if: matrix.target == 'Windows'`, whose PowerShell step was read as bash), or a term that tests
 * the matrix key runs-on is made of for a Windows value. The same `&&`-only condition as windowsOnly.
 */
export function matrixWindowsOnly(job: unknown, condition: string | undefined): boolean {
  if (!condition || !conjunctionOnly(condition)) return false;
  const runsOn = scalarText(get(job, 'runs-on'));
  // The matrix key runs-on is made of (`runs-on: ${{ matrix.runs_on || 'ubuntu-22.04' }}`) tested
  // for a Windows value (`if: ${{ contains(matrix.runs_on, 'windows') }}`, ipyparallel's ssh tests).
  for (const key of runsOn?.match(/\$\{\{[^}]*\}\}/g)?.flatMap((e) => [...e.matchAll(/\bmatrix\.([\w-]+)/g)].map((m) => m[1])) ?? []) {
    const k = key.replace(/-/g, '\\-');
    if (new RegExp(`\\bmatrix\\.${k}\\s*==\\s*'windows[^']*'|(?:startsWith|contains)\\(\\s*matrix\\.${k}\\s*,\\s*'windows`, 'i').test(condition)) return true;
  }
  const osKey = runsOn && /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(runsOn.trim())?.[1];
  const include = get(get(get(job, 'strategy'), 'matrix'), 'include');
  if (!osKey || !isSeq(include)) return false;
  for (const m of condition.matchAll(/\bmatrix\.([\w-]+)\s*==\s*'([^']*)'/g)) {
    if (m[1] === osKey) continue;
    const entries = include.items.filter((e) => scalarText(get(e, m[1])) === m[2]);
    if (entries.length && entries.every((e) => /windows/i.test(scalarText(get(e, osKey)) ?? ''))) return true;
  }
  return false;
}

export const actionsFrontEnd: FrontEnd = {
  language: 'github-actions',
  maxBytes: YAML_CONFIG_MAX_BYTES,
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
