/**
 * Configuration: `[tool.venvguard]` in the nearest pyproject.toml, overridden by CLI flags.
 * Patterns (exclude, per-file-ignores keys) use .gitignore syntax, relative to the project root.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { parse as parseToml } from 'smol-toml';

export interface Config {
  /** Folder of the pyproject.toml the settings came from (or the cwd). */
  root: string;
  pyprojectPath?: string;
  select?: string[];
  ignore: string[];
  perFileIgnores: Record<string, string[]>;
  exclude: string[];
  extendExclude: string[];
  /** Extra console scripts: name → module for `-m` (empty string: no module). */
  consoleScripts: Record<string, string>;
  respectGitignore: boolean;
  /** Files larger than this are reported and skipped. */
  maxFileSize: number;
  /** Parsed pyproject, for [project.scripts]. */
  pyproject?: Record<string, unknown>;
}

export const DEFAULT_EXCLUDE = [
  '.git', '.hg', '.svn', '.bzr', '.tox', '.nox', '.direnv', '.eggs', '.mypy_cache', '.pytest_cache',
  '.ruff_cache', '__pycache__', '__pypackages__', '_build', 'buck-out', 'node_modules', 'site-packages', 'dist-packages',
];

export { ConfigError } from '../kernel/errors.js';
import { ConfigError } from '../kernel/errors.js';

function stringList(v: unknown, key: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new ConfigError(`[tool.venvguard] ${key} must be a list of strings`);
  return v;
}

/** Find the nearest pyproject.toml from `start` upwards. */
export function findPyproject(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (fs.statSync(dir).isFile()) dir = path.dirname(dir);
  } catch {
    /* a missing path: search from where it would be */
  }
  for (;;) {
    const p = path.join(dir, 'pyproject.toml');
    if (fs.existsSync(p)) return p;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadConfig(opts: { start: string; configPath?: string; noConfig?: boolean }): Config {
  const pyprojectPath = opts.noConfig ? undefined : opts.configPath ?? findPyproject(opts.start);
  const cfg: Config = {
    root: pyprojectPath ? path.dirname(path.resolve(pyprojectPath)) : path.resolve(opts.start),
    pyprojectPath,
    ignore: [],
    perFileIgnores: {},
    exclude: [...DEFAULT_EXCLUDE],
    extendExclude: [],
    consoleScripts: {},
    respectGitignore: true,
    maxFileSize: 10 * 1024 * 1024,
  };
  if (!pyprojectPath) return cfg;
  let data: Record<string, unknown>;
  try {
    data = parseToml(fs.readFileSync(pyprojectPath, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${pyprojectPath}: cannot read TOML: ${(e as Error).message.split('\n')[0]}`);
  }
  cfg.pyproject = data;
  const tool = (data.tool as Record<string, unknown> | undefined)?.venvguard as Record<string, unknown> | undefined;
  if (!tool) return cfg;
  const known = new Set(['select', 'ignore', 'per-file-ignores', 'exclude', 'extend-exclude', 'console-scripts', 'respect-gitignore', 'max-file-size']);
  for (const k of Object.keys(tool)) if (!known.has(k)) throw new ConfigError(`${pyprojectPath}: unknown setting [tool.venvguard] ${k}`);
  if (tool.select !== undefined) cfg.select = stringList(tool.select, 'select');
  cfg.ignore = stringList(tool.ignore, 'ignore');
  if (tool.exclude !== undefined) cfg.exclude = stringList(tool.exclude, 'exclude');
  cfg.extendExclude = stringList(tool['extend-exclude'], 'extend-exclude');
  const pfi = tool['per-file-ignores'];
  if (pfi !== undefined) {
    if (typeof pfi !== 'object' || pfi === null || Array.isArray(pfi)) throw new ConfigError('[tool.venvguard] per-file-ignores must be a table');
    for (const [k, v] of Object.entries(pfi)) cfg.perFileIgnores[k] = stringList(v, `per-file-ignores."${k}"`);
  }
  const cs = tool['console-scripts'];
  if (Array.isArray(cs)) for (const name of stringList(cs, 'console-scripts')) cfg.consoleScripts[name] = '';
  else if (cs && typeof cs === 'object') {
    for (const [k, v] of Object.entries(cs)) {
      if (typeof v !== 'string') throw new ConfigError(`[tool.venvguard] console-scripts.${k} must be a module name string`);
      cfg.consoleScripts[k] = v;
    }
  } else if (cs !== undefined) throw new ConfigError('[tool.venvguard] console-scripts must be a list or a table');
  if (tool['respect-gitignore'] !== undefined) cfg.respectGitignore = tool['respect-gitignore'] === true;
  if (tool['max-file-size'] !== undefined) {
    if (typeof tool['max-file-size'] !== 'number' || tool['max-file-size'] <= 0) throw new ConfigError('[tool.venvguard] max-file-size must be a positive number of bytes');
    cfg.maxFileSize = tool['max-file-size'];
  }
  return cfg;
}

/** A .gitignore-syntax matcher over paths relative to the config root. */
export function patternMatcher(patterns: string[]): Ignore {
  return ignore({ allowRelativePaths: true }).add(patterns);
}
