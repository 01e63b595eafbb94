/**
 * Everything a check needs besides the file list, built once per run from the config and sent
 * to workers as plain data (rule codes, console-script table).
 */
import { buildKnowledge } from '../env/console-scripts.js';
import type { Config } from './config.js';
import type { ImageRun } from './container-images.js';
import type { Rule } from '../kernel/rule.js';
import type { FileStarters } from '../kernel/launch-site.js';
import type { ConsoleScript, ToolKnowledge } from '../judge/judge.js';
import { toolNamePattern } from '../judge/python-tools.js';
import { Prefilter } from '../frontends/python/prefilter.js';
import { ProjectModules } from '../frontends/python/project-modules.js';
import { RULES, ruleByCodeOrName } from '../rules/index.js';
import { patternMatcher } from './config.js';
import { codeMayRunOnWindows, projectHasPython3OnlyCode, projectRunsOnPython2, projectRunsOnWindows } from './platforms.js';
import { python3OnlyText } from '../frontends/python/evaluate.js';
import { condaWorkflow, outsidePackage } from './documented-env.js';
import path from 'node:path';

export interface RunSettings {
  ruleCodes: string[];
  consoleScripts: [string, ConsoleScript][];
  usePrefilter: boolean;
  maxFileSize: number;
  /**
   * Python files and shell scripts only the project's own images run (container-images.ts): the
   * venv those images put first on PATH, and whether their /bin/sh has `source` (Alpine's ash).
   */
  imageRuns?: [string, ImageRun][];
  /** Python files the project starts, and what their starters say about PATH (who-runs.ts). */
  whoRuns?: [string, FileStarters][];
  /** The project's root (pyproject.toml's folder, else where the run starts): where absolute imports are found. */
  projectRoot?: string;
  /** The project runs on Windows too (platforms.ts): shell-string fixes quote for cmd.exe as well as sh. */
  windows?: boolean;
}

export { UsageError } from '../kernel/errors.js';
import { UsageError } from '../kernel/errors.js';
import { didYouMean } from '../kernel/suggest.js';

function selectRules(select: string[] | undefined, ignore: string[], extend: string[] = []): Rule[] {
  const resolve = (k: string): Rule[] => {
    if (k.toUpperCase() === 'ALL') return [...RULES];
    const exact = ruleByCodeOrName(k);
    if (exact) return [exact];
    const prefixed = RULES.filter((r) => r.code.startsWith(k.toUpperCase()) && !r.optIn);
    if (!prefixed.length) throw new UsageError(`unknown rule '${k}'${didYouMean(k, [...RULES.map((r) => r.code), ...RULES.map((r) => r.name)])} (see \`venvguard rules\`)`);
    return prefixed;
  };
  const chosen = new Set<Rule>(select && select.length ? select.flatMap(resolve) : RULES.filter((r) => !r.optIn));
  for (const k of extend) for (const r of resolve(k)) chosen.add(r);
  for (const k of ignore) for (const r of resolve(k)) chosen.delete(r);
  return RULES.filter((r) => chosen.has(r));
}

export function buildSettings(cfg: Config, cli: { select?: string[]; ignore?: string[]; extendSelect?: string[]; noPrefilter?: boolean }): RunSettings & { rules: Rule[]; venvs: string[] } {
  const rules = selectRules(cli.select ?? cfg.select, [...cfg.ignore, ...(cli.ignore ?? [])], cli.extendSelect);
  const knowledge = buildKnowledge({ root: cfg.projectRoot, pyproject: cfg.pyproject, consoleScripts: cfg.consoleScripts });
  return {
    rules,
    venvs: knowledge.venvs,
    ruleCodes: rules.map((r) => r.code),
    consoleScripts: [...knowledge.consoleScripts],
    usePrefilter: !cli.noPrefilter,
    maxFileSize: cfg.maxFileSize,
    projectRoot: cfg.projectRoot,
    windows: projectRunsOnWindows(cfg.projectRoot),
  };
}

export function contextFromSettings(s: RunSettings): { rules: Rule[]; knowledge: ToolKnowledge; prefilter?: Prefilter; maxFileSize: number; imageRuns?: ReadonlyMap<string, ImageRun>; whoRuns?: ReadonlyMap<string, FileStarters>; project: ProjectModules; windows: (filePath: string) => boolean; python2: (filePath: string) => boolean; python3Project: (filePath: string) => boolean; condaWorkflow: (filePath: string) => { file: string; line: number } | undefined } {
  const knowledge: ToolKnowledge = { consoleScripts: new Map(s.consoleScripts) };
  // One per thread: each module of the project is read (and indexed) once per thread.
  const project = new ProjectModules(s.projectRoot);
  return {
    rules: RULES.filter((r) => s.ruleCodes.includes(r.code)),
    knowledge,
    project,
    prefilter: s.usePrefilter ? new Prefilter(toolNamePattern(knowledge.consoleScripts.keys()), project) : undefined,
    maxFileSize: s.maxFileSize,
    imageRuns: s.imageRuns?.length ? new Map(s.imageRuns) : undefined,
    whoRuns: s.whoRuns?.length ? new Map(s.whoRuns) : undefined,
    windows: (file: string) => !!s.windows || codeMayRunOnWindows(s.projectRoot, file),
    python2: () => projectRunsOnPython2(s.projectRoot),
    python3Project: (file: string) => projectHasPython3OnlyCode(s.projectRoot, file, python3OnlyText),
    condaWorkflow: (file: string) => {
      // (The README's answer, cached per project, before the file's own stats.)
      const conda = condaWorkflow(s.projectRoot);
      return conda && outsidePackage(s.projectRoot, file) ? conda : undefined;
    },
  };
}

/** Per-file ignores from the config: rule codes to drop for a path. */
export function perFileIgnores(cfg: Config): (file: string) => Set<string> {
  const entries = Object.entries(cfg.perFileIgnores).map(([pattern, codes]) => ({ m: patternMatcher([pattern]), codes: codes.map((c) => c.toUpperCase()) }));
  return (file: string) => {
    const r = path.relative(cfg.root, path.resolve(file)).split(path.sep).join('/');
    const out = new Set<string>();
    if (!r || r.startsWith('..')) return out;
    for (const e of entries) if (e.m.ignores(r)) for (const c of e.codes) out.add(c);
    return out;
  };
}
