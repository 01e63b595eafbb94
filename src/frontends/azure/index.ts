/**
 * Azure Pipelines front end: `azure-pipelines.yml` (and `azure-pipelines*.yml`, `.azure-pipelines/*.yml`)
 * → launch sites. What the model follows (YAML schema reference, learn.microsoft.com/azure/devops/
 * pipelines/yaml-schema):
 *
 * - A pipeline is `steps:` (one job), `jobs:` or `stages:` → `jobs:`; a `deployment:` job's steps are
 *   under `strategy:` (runOnce/rolling/canary → deploy …). A job's steps run in order on one agent
 *   in one workspace (`$(Build.SourcesDirectory)`, the start folder): files stay, each step's shell
 *   does not. Jobs do not share state.
 * - `script:` runs with bash on Linux and macOS agents (CmdLine task), `bash:` and `task: Bash@3`
 *   (`inputs: targetType: inline, script:`) with bash; `workingDirectory:`, `env:`. A job (or the
 *   pipeline) whose `pool: vmImage:` is a Windows image is not read (cmd/PowerShell), nor are
 *   `powershell:`/`pwsh:` steps.
 * - `echo "##vso[task.prependpath]DIR"` puts DIR first on PATH for the later steps of the job;
 *   `task: UsePythonVersion@0` puts the tool cache's Python first (not a venv: a venv written to
 *   PATH before it is behind it from then on).
 * - `variables:` (pipeline, stage, job; map or list form) are macros: `$(name)` is replaced before
 *   the script runs, and they are environment variables too (upper case, `.` → `_`). Predefined
 *   folders (`$(Build.SourcesDirectory)`, `$(System.DefaultWorkingDirectory)`,
 *   `$(Build.Repository.LocalPath)`) are the workspace; any other `$(a.b)` macro is a value the
 *   file does not show.
 */
import path from 'node:path';
import type { SourceFile } from '../../kernel/source.js';
import type { Char } from '../../kernel/word-units.js';
import { YAML_CONFIG_MAX_BYTES, configMayMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { echoed, runCiJobs, unknownChars, type CiFormat, type CiJob, type CiStep } from '../config/ci-steps.js';
import { envOf, field, isMapping, itemsOf, keyAt, linesOf, readCiYaml, scalarItem, scalarText, spanOf, type CiYaml, type Value } from '../config/ci-yaml.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { resolveDir } from '../shell/state.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';
import { TooComplexError } from '../../kernel/budgets.js';

/** The agent's sources folder ($(Build.SourcesDirectory)): venvs are kept as absolute paths under it. */
const WS = '/__azure_sources__';
const HOME = '/__azure_home__';

/** Predefined variables naming the sources folder, as macros and as environment variables. */
const WORKSPACE_VARS = ['Build.SourcesDirectory', 'System.DefaultWorkingDirectory', 'Build.Repository.LocalPath'];
const WORKSPACE_ENV = /\$\{?(BUILD_SOURCESDIRECTORY|SYSTEM_DEFAULTWORKINGDIRECTORY|BUILD_REPOSITORY_LOCALPATH)\}?(?![A-Za-z0-9_])/g;

const FORMAT: CiFormat = {
  language: 'azure-pipelines',
  comments: { line: '#', trailing: '#' },
  workspace: WS,
  home: HOME,
  unit: 'this step',
  persistAdvice: (venv, show) =>
    `write the venv's bin to PATH for the later steps (echo "##vso[task.prependpath]${show(venv).startsWith('/') || show(venv).startsWith('$') ? show(venv) : `$(Build.SourcesDirectory)/${show(venv)}`}/bin")`,
  pathWrite(cmd, valueOf, _rest, sh) {
    const out = echoed(cmd, valueOf);
    const m = out === undefined ? undefined : /^##vso\[task\.prependpath\](.*)$/.exec(out.trim());
    if (!m) return undefined;
    const d = resolveDir(m[1].trim(), sh.cwd);
    return d === undefined ? [] : [d];
  },
  normalizePath: (p) => p.replace(WORKSPACE_ENV, WS),
};

/** Variables of a `variables:` value: a map, or a list of `- name: x value: y` (groups and templates unknown). */
function variablesOf(y: CiYaml, v: Value | undefined, into: Map<string, string>): void {
  if (isMapping(v)) {
    for (const [k, val] of envOf(v)) into.set(k, val);
    return;
  }
  for (const item of itemsOf(y, v)) {
    const name = scalarText(field(item, 'name'));
    const value = scalarText(field(item, 'value'));
    if (name !== undefined && value !== undefined) into.set(name, value);
  }
}

/** Macros replaced as Azure does before the script runs: `$(name)`. */
function expandMacros(chars: Char[], vars: ReadonlyMap<string, string>): Char[] {
  const text = chars.map((c) => c.ch).join('');
  if (!text.includes('$(')) return chars;
  const out: Char[] = [];
  let k = 0;
  const re = /\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1];
    const known = vars.get(name);
    const isWs = WORKSPACE_VARS.some((w) => w.toLowerCase() === name.toLowerCase());
    // `$(cmd)` with no such variable is left to bash (command substitution), as Azure leaves it.
    if (!isWs && known === undefined && !name.includes('.')) continue;
    for (let j = k; j < m.index; j++) out.push(chars[j]);
    const at = chars[m.index].off;
    if (isWs) for (const ch of WS) out.push({ ch, off: -1 });
    else if (known !== undefined && !known.includes('$(')) for (const ch of known) out.push({ ch, off: -1 });
    else out.push(...unknownChars(at));
    k = m.index + m[0].length;
  }
  for (let j = k; j < chars.length; j++) out.push(chars[j]);
  return out;
}

const isWindowsPool = (y: CiYaml, pool: Value | undefined): boolean => {
  const image = scalarText(field(pool, 'vmImage')) ?? '';
  const demands = JSON.stringify(itemsOf(y, field(pool, 'demands')).map((d) => scalarText(d)));
  return /windows|win20|vs20/i.test(image) || /Agent\.OS\s*-equals\s*Windows/i.test(demands);
};

export function analyzeAzure(file: SourceFile): Analysis {
  const y = readCiYaml(file);
  const jobs: CiJob[] = [];
  const lineOf = (off: number) => file.location(Math.min(off, file.text.length)).line;
  try {
    const root = y.root;
    if (root) {
      const top = new Map<string, string>();
      variablesOf(y, field(root, 'variables'), top);
      const topWindows = isWindowsPool(y, field(root, 'pool'));
      const readJob = (job: Value, inherited: Map<string, string>, windows: boolean) => {
        const vars = new Map(inherited);
        variablesOf(y, field(job, 'variables'), vars);
        const pool = field(job, 'pool');
        if (pool !== undefined ? isWindowsPool(y, pool) : windows) return;
        const lists: Value[][] = [itemsOf(y, field(job, 'steps'))];
        // deployment jobs: strategy → runOnce/rolling/canary → preDeploy/deploy/routeTraffic/postRouteTraffic/on.success …
        const walk = (v: Value | undefined, depth: number) => {
          if (!isMapping(v) || depth > 4) return;
          for (const [k, e] of v.entries) {
            if (k === 'steps') lists.push(itemsOf(y, e.value));
            else walk(e.value, depth + 1);
          }
        };
        walk(field(job, 'strategy'), 0);
        // Each step read as it runs, not all held at once (see CiJob).
        function* steps(): Generator<CiStep> {
          try {
            for (const list of lists) {
              for (const step of list) {
                const s = readStep(step, vars);
                if (s === 'tool-python') yield toolPythonStep();
                else if (s) yield s;
              }
            }
          } catch (e) {
            if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
            y.problems.push({ message: `internal error while analysing the pipeline: ${(e as Error).message}`, offset: 0 });
          }
        }
        if (lists.some((l) => l.length > 0)) jobs.push({ steps: steps() });
      };
      const readStep = (step: Value, vars: Map<string, string>): CiStep | 'tool-python' | undefined => {
        if (!isMapping(step)) return undefined;
        const task = scalarText(field(step, 'task'));
        if (task !== undefined && /^UsePythonVersion@/i.test(task)) return 'tool-python';
        let key: string | undefined;
        let scriptValue: Value | undefined;
        if (field(step, 'script') !== undefined) [key, scriptValue] = ['script', field(step, 'script')];
        else if (field(step, 'bash') !== undefined) [key, scriptValue] = ['bash', field(step, 'bash')];
        else if (task !== undefined && /^(Bash|ShellScript)@/i.test(task)) {
          const inputs = field(step, 'inputs');
          const inline = scalarText(field(inputs, 'targetType'));
          if (inline === undefined || !/^inline$/i.test(inline)) return undefined; // a script file of the repository
          [key, scriptValue] = ['task', field(inputs, 'script')];
        }
        if (key === undefined) return undefined;
        const item = scalarItem(y, scriptValue);
        if (!item) return undefined;
        const env = new Map<string, string>();
        for (const [k, v] of vars) env.set(k.toUpperCase().replace(/\./g, '_'), v);
        for (const [k, v] of envOf(field(step, 'env'))) env.set(k, v);
        if (env.has('PATH')) env.set('PATH', env.get('PATH')!.replace(/\$\{?PATH\}?/g, DEFAULT_PATH));
        const wd = scalarText(field(step, 'workingDirectory'));
        const cwd = wd === undefined ? WS : resolveDir(expandMacros([...wd].map((ch) => ({ ch, off: -1 })), vars).map((c) => c.ch).join(''), WS);
        const stepSpan = spanOf(file, step) ?? item.span;
        const k = keyAt(step, key === 'task' ? 'task' : key) ?? stepSpan.start;
        const { first, last } = linesOf(file, { start: Math.min(stepSpan.start, k), end: Math.max(stepSpan.end, item.span.end) });
        return {
          api: key,
          items: [{ chars: expandMacros(item.chars, vars), span: item.span }],
          lines: { first, last, above: [lineOf(stepSpan.start) - 1, lineOf(k) - 1] },
          dialect: 'bash',
          shHasSource: true,
          shellName: 'bash',
          env,
          cwd,
        };
      };
      const jobsOf = (v: Value | undefined, vars: Map<string, string>, windows: boolean) => {
        for (const j of itemsOf(y, v)) if (isMapping(j) && (j.entries.has('job') || j.entries.has('deployment'))) readJob(j, vars, windows);
      };
      if (field(root, 'steps') !== undefined) readJob(root, top, topWindows);
      jobsOf(field(root, 'jobs'), top, topWindows);
      for (const stage of itemsOf(y, field(root, 'stages'))) {
        const vars = new Map(top);
        variablesOf(y, field(stage, 'variables'), vars);
        const pool = field(stage, 'pool');
        jobsOf(field(stage, 'jobs'), vars, pool !== undefined ? isWindowsPool(y, pool) : topWindows);
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
    y.problems.push({ message: `internal error while analysing the pipeline: ${(e as Error).message}`, offset: 0 });
  }
  return runCiJobs(file, FORMAT, jobs, y.problems);
}

/**
 * UsePythonVersion puts the tool cache's Python first on PATH for the later steps: a PATH entry that
 * holds no venv, written in front of every entry written before it.
 */
function toolPythonStep(): CiStep {
  return { api: 'task', items: [], writesPath: [DEFAULT_PATH], lines: { first: 0, last: 0, above: [] }, dialect: 'bash', shHasSource: true, shellName: 'bash', env: new Map() };
}

export const azureFrontEnd: FrontEnd = {
  language: 'azure-pipelines',
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const norm = p.replace(/\\/g, '/');
    const base = path.posix.basename(norm);
    return /^azure-pipelines[\w.-]*\.ya?ml$/.test(base) || /(^|\/)\.azure-pipelines\/[^/]+\.ya?ml$/.test(norm);
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeAzure(file));
  },
};
