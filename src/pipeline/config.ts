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
  /**
   * Judge files named on the command line as a folder walk would (what pre-commit hooks need, as
   * they name every changed file): excluded ones and those in no format venvguard reads are skipped.
   */
  forceExclude: boolean;
  /** Files larger than this are reported and skipped. */
  maxFileSize: number;
  /** The report `check` prints when `--output-format` is not given. */
  outputFormat?: OutputFormat;
  /** Parsed pyproject, for [project.scripts]. */
  pyproject?: Record<string, unknown>;
}

export const DEFAULT_EXCLUDE = [
  '.git', '.hg', '.svn', '.bzr', '.tox', '.nox', '.direnv', '.eggs', '.mypy_cache', '.pytest_cache',
  '.ruff_cache', '__pycache__', '__pypackages__', '_build', 'buck-out', 'node_modules', 'site-packages', 'dist-packages',
];

export { ConfigError } from '../kernel/errors.js';
import { ConfigError } from '../kernel/errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../kernel/output-formats.js';
import { didYouMean } from '../kernel/suggest.js';
import { RULES, ruleByCodeOrName } from '../rules/index.js';

/** Where a setting came from, for error messages: `pyproject.toml: [tool.venvguard] key`. */
function at(file: string, key: string): string {
  return `${file}: [tool.venvguard] ${key}`;
}

/** A TOML value's type as a user reads it. */
function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'object') return v instanceof Date ? 'a date' : 'a table';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v === 'number' || typeof v === 'bigint' ? 'the number' : `the ${typeof v}`} ${String(v)}`;
}

function stringList(v: unknown, file: string, key: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${at(file, key)} must be a list of strings, not ${typeName(v)}`);
  const bad = v.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) throw new ConfigError(`${at(file, key)} must be a list of strings; item ${bad + 1} is ${typeName(v[bad])}`);
  return v as string[];
}

/** Rule codes, names or prefixes (`ALL` too), each naming at least one rule. */
function ruleList(v: unknown, file: string, key: string): string[] {
  const list = stringList(v, file, key);
  for (const k of list) {
    if (k.toUpperCase() === 'ALL' || ruleByCodeOrName(k) || RULES.some((r) => r.code.startsWith(k.toUpperCase()))) continue;
    throw new ConfigError(`${at(file, key)}: unknown rule "${k}"${didYouMean(k, [...RULES.map((r) => r.code), ...RULES.map((r) => r.name)])} (\`venvguard rules\` lists them)`);
  }
  return list;
}

/** The settings `[tool.venvguard]` accepts. */
export const SETTINGS = ['select', 'ignore', 'per-file-ignores', 'exclude', 'extend-exclude', 'console-scripts', 'respect-gitignore', 'force-exclude', 'max-file-size', 'output-format'] as const;


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
    forceExclude: false,
    maxFileSize: 10 * 1024 * 1024,
  };
  if (!pyprojectPath) return cfg;
  // Named as the user would type it: relative to the working folder when inside it.
  const rel = path.relative(process.cwd(), path.resolve(pyprojectPath));
  const file = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : pyprojectPath;
  let data: Record<string, unknown>;
  let text: string;
  try {
    text = fs.readFileSync(pyprojectPath, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    const what = err.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    throw new ConfigError(err.line ? `${file}:${err.line}:${err.column ?? 1}: invalid TOML: ${what}` : `${file}: invalid TOML: ${what}`);
  }
  cfg.pyproject = data;
  const toolTable = data.tool;
  const raw = toolTable && typeof toolTable === 'object' ? (toolTable as Record<string, unknown>).venvguard : undefined;
  if (raw === undefined) return cfg;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: [tool.venvguard] must be a table, not ${typeName(raw)}`);
  const tool = raw as Record<string, unknown>;
  for (const k of Object.keys(tool)) {
    if (!(SETTINGS as readonly string[]).includes(k)) throw new ConfigError(`${file}: unknown setting [tool.venvguard] ${k}${didYouMean(k, SETTINGS)}`);
  }
  if (tool.select !== undefined) cfg.select = ruleList(tool.select, file, 'select');
  cfg.ignore = ruleList(tool.ignore, file, 'ignore');
  if (tool.exclude !== undefined) cfg.exclude = stringList(tool.exclude, file, 'exclude');
  cfg.extendExclude = stringList(tool['extend-exclude'], file, 'extend-exclude');
  const pfi = tool['per-file-ignores'];
  if (pfi !== undefined) {
    if (typeof pfi !== 'object' || pfi === null || Array.isArray(pfi)) throw new ConfigError(`${at(file, 'per-file-ignores')} must be a table of pattern = [codes], not ${typeName(pfi)}`);
    for (const [k, v] of Object.entries(pfi)) cfg.perFileIgnores[k] = ruleList(v, file, `per-file-ignores."${k}"`);
  }
  const cs = tool['console-scripts'];
  if (Array.isArray(cs)) for (const name of stringList(cs, file, 'console-scripts')) cfg.consoleScripts[name] = '';
  else if (cs && typeof cs === 'object') {
    for (const [k, v] of Object.entries(cs)) {
      if (typeof v !== 'string') throw new ConfigError(`${at(file, `console-scripts.${k}`)} must be a module name (a string), not ${typeName(v)}`);
      cfg.consoleScripts[k] = v;
    }
  } else if (cs !== undefined) throw new ConfigError(`${at(file, 'console-scripts')} must be a list of names or a table of name = "module", not ${typeName(cs)}`);
  const rg = tool['respect-gitignore'];
  if (rg !== undefined) {
    if (typeof rg !== 'boolean') throw new ConfigError(`${at(file, 'respect-gitignore')} must be true or false, not ${typeName(rg)}`);
    cfg.respectGitignore = rg;
  }
  const fe = tool['force-exclude'];
  if (fe !== undefined) {
    if (typeof fe !== 'boolean') throw new ConfigError(`${at(file, 'force-exclude')} must be true or false, not ${typeName(fe)}`);
    cfg.forceExclude = fe;
  }
  const mfs = tool['max-file-size'];
  if (mfs !== undefined) {
    if (typeof mfs !== 'number' || !Number.isInteger(mfs) || mfs <= 0) throw new ConfigError(`${at(file, 'max-file-size')} must be a positive whole number of bytes, not ${typeName(mfs)}`);
    cfg.maxFileSize = mfs;
  }
  const of = tool['output-format'];
  if (of !== undefined) {
    if (typeof of !== 'string' || !(OUTPUT_FORMATS as readonly string[]).includes(of)) {
      throw new ConfigError(`${at(file, 'output-format')} must be one of ${OUTPUT_FORMATS.map((f) => `"${f}"`).join(', ')}, not ${typeName(of)}${typeof of === 'string' ? didYouMean(of, OUTPUT_FORMATS) : ''}`);
    }
    cfg.outputFormat = of as OutputFormat;
  }
  return cfg;
}

/** A .gitignore-syntax matcher over paths relative to the config root. */
export function patternMatcher(patterns: string[]): Ignore {
  return ignore({ allowRelativePaths: true }).add(patterns);
}
