/**
 * Configuration: `[tool.venvguard]` in the nearest pyproject.toml, overridden by CLI flags.
 * Patterns (exclude, per-file-ignores keys) use .gitignore syntax, relative to the project root.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { parse as parseToml } from 'smol-toml';
import { CONFIG_MAX_BYTES } from '../frontends/front-end.js';

export interface Config {
  /**
   * The folder patterns (exclude, per-file-ignores keys) are relative to: that of the settings file,
   * else of the nearest pyproject.toml, else the folder the search started from.
   */
  root: string;
  /** The settings file read (`.venvguard.toml`, `venvguard.toml` or a pyproject.toml with [tool.venvguard]); none: defaults. */
  settingsPath?: string;
  /** The nearest pyproject.toml: the project whose scripts, dependencies and venvs are known. */
  pyprojectPath?: string;
  /** Its folder (the project root); `root` when there is none. */
  projectRoot: string;
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
  return path.basename(file) === 'pyproject.toml' ? `${file}: [tool.venvguard] ${key}` : `${file}: ${key}`;
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


/**
 * The files settings are read from, in the order one folder's files win (as Ruff's .ruff.toml,
 * ruff.toml, pyproject.toml): the first two hold the settings at the top level, a pyproject.toml
 * in its [tool.venvguard] table, and counts only when it has one.
 */
export const SETTINGS_FILES = ['.venvguard.toml', 'venvguard.toml', 'pyproject.toml'] as const;

/** Named as the user would type it: relative to the working folder when inside it. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** A TOML file parsed, or a ConfigError naming the file (and the line and column of a syntax error). */
export function readToml(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${shown(file)}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    const what = err.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    throw new ConfigError(err.line ? `${shown(file)}:${err.line}:${err.column ?? 1}: invalid TOML: ${what}` : `${shown(file)}: invalid TOML: ${what}`);
  }
}

/** The [tool.venvguard] table of a parsed pyproject.toml (undefined when it has none). */
export function toolTable(data: Record<string, unknown>): unknown {
  const tool = data.tool;
  return tool && typeof tool === 'object' ? (tool as Record<string, unknown>).venvguard : undefined;
}

/** Find the nearest pyproject.toml from `start` upwards. */
export function findPyproject(start: string): string | undefined {
  return nearestUpwards(start, (dir) => {
    const p = path.join(dir, 'pyproject.toml');
    return fs.existsSync(p) ? p : undefined;
  });
}

/** The first answer of `inFolder` from `start`'s folder (a file's own, or where a missing path would be) up to the root. */
function nearestUpwards(start: string, inFolder: (dir: string) => string | undefined): string | undefined {
  for (let dir = folderOf(start); ; ) {
    const found = inFolder(dir);
    if (found) return found;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The settings for files under `start`. Without `configPath`: the nearest settings file
 * (SETTINGS_FILES) from `start` upwards, and the nearest pyproject.toml as the project; with it,
 * that file's settings. `parsed` caches parsed pyproject.toml files across calls (resolver.ts).
 */
export function loadConfig(opts: { start: string; configPath?: string; noConfig?: boolean; parsed?: Map<string, Record<string, unknown>> }): Config {
  const parsed = opts.parsed ?? new Map<string, Record<string, unknown>>();
  const start = folderOf(opts.start);
  const pyprojectPath = opts.noConfig ? undefined : opts.configPath && path.basename(opts.configPath) === 'pyproject.toml' ? opts.configPath : findPyproject(start);
  const settingsPath = opts.noConfig ? undefined : opts.configPath ?? findSettingsFile(start, (f) => toolTable(parsedToml(f, parsed)) !== undefined);
  return configFromFiles({ settingsPath, pyprojectPath, start, parsed });
}

/**
 * A parsed TOML file, from `cache` when it was parsed before. A pyproject.toml that is not valid
 * TOML and has no `[tool.venvguard]` table in its text is read as empty: it holds no settings of
 * ours, and a template of another tool (crewai's `templates/crew/pyproject.toml`, with `{{name}}`
 * keys) must not end the run; its project metadata (scripts, dependencies) is not read.
 */
export function parsedToml(file: string, cache: Map<string, Record<string, unknown>>): Record<string, unknown> {
  let data = cache.get(file);
  if (!data) {
    try {
      data = readToml(file);
    } catch (e) {
      if (!(e instanceof ConfigError) || path.basename(file) !== 'pyproject.toml' || mayHoldOurTable(file)) throw e;
      data = {};
    }
    cache.set(file, data);
  }
  return data;
}

/** Whether a file's text has a `[tool.venvguard…]` table header, or cannot be read to tell. */
function mayHoldOurTable(file: string): boolean {
  try {
    return /^[ \t]*\[+[ \t]*tool[ \t]*\.[ \t]*["']?venvguard\b/m.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return true;
  }
}

/** `p` when it is a folder (or names nothing), else the folder it is in. */
function folderOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.statSync(abs).isFile() ? path.dirname(abs) : abs;
  } catch {
    return abs;
  }
}

/** The settings read from `settingsPath` (none: defaults) for the project of `pyprojectPath`; `start`: the folder when there is neither. */
export function configFromFiles(o: { settingsPath?: string; pyprojectPath?: string; start: string; parsed: Map<string, Record<string, unknown>>; noSettings?: boolean }): Config {
  const { settingsPath, pyprojectPath, start, parsed } = o;
  // With --no-config (`noSettings`) a pyproject.toml is read for its project only: one that is not
  // valid TOML (a broken [tool.venvguard] table the run is told to ignore) is read as empty.
  const pyprojectOf = (file: string) => {
    try {
      return parsedToml(file, parsed);
    } catch (e) {
      if (!o.noSettings || !(e instanceof ConfigError)) throw e;
      parsed.set(file, {});
      return {};
    }
  };
  const projectRoot = pyprojectPath ? path.dirname(path.resolve(pyprojectPath)) : path.resolve(start);
  const cfg: Config = {
    root: settingsPath ? path.dirname(path.resolve(settingsPath)) : projectRoot,
    settingsPath,
    pyprojectPath,
    projectRoot,
    ignore: [],
    perFileIgnores: {},
    exclude: [...DEFAULT_EXCLUDE],
    extendExclude: [],
    consoleScripts: {},
    respectGitignore: true,
    forceExclude: false,
    maxFileSize: 10 * 1024 * 1024,
  };
  if (pyprojectPath) cfg.pyproject = pyprojectOf(pyprojectPath);
  if (!settingsPath) return cfg;
  const file = shown(settingsPath);
  const isPyproject = path.basename(settingsPath) === 'pyproject.toml';
  const raw = isPyproject ? toolTable(pyprojectOf(settingsPath)) : readToml(settingsPath);
  if (raw === undefined) return cfg;
  const where = isPyproject ? '[tool.venvguard]' : 'the file';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: ${where} must be a table, not ${typeName(raw)}`);
  const tool = raw as Record<string, unknown>;
  for (const k of Object.keys(tool)) {
    if (!(SETTINGS as readonly string[]).includes(k)) {
      const hint = !isPyproject && k === 'tool' ? ' (in this file the settings are at the top level, without [tool.venvguard])' : didYouMean(k, SETTINGS);
      throw new ConfigError(`${file}: unknown setting ${isPyproject ? '[tool.venvguard] ' : ''}${k}${hint}`);
    }
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

/**
 * The nearest settings file from `start` upwards: in each folder the first of SETTINGS_FILES that
 * exists, a pyproject.toml only when `hasTable` says it holds [tool.venvguard].
 */
export function findSettingsFile(start: string, hasTable: (pyproject: string) => boolean): string | undefined {
  return nearestUpwards(start, (dir) => settingsFileIn(dir, hasTable));
}

/** The settings file of one folder (SETTINGS_FILES), if it has one; `names`: the folder's entries when already listed. */
export function settingsFileIn(dir: string, hasTable: (pyproject: string) => boolean, names?: ReadonlySet<string>): string | undefined {
  for (const n of SETTINGS_FILES) {
    const p = path.join(dir, n);
    if (names ? !names.has(n) : !isFile(p)) continue;
    if (n !== 'pyproject.toml' || hasTable(p)) return p;
  }
  return undefined;
}

/**
 * A configuration file's text for a project pass, or undefined when it is not a file, larger than
 * `max` bytes or unreadable (the check reports those).
 */
export function readConfigText(abs: string, max = CONFIG_MAX_BYTES): string | undefined {
  try {
    const st = fs.statSync(abs);
    if (!st.isFile() || st.size > max) return undefined;
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** A .gitignore-syntax matcher over paths relative to the config root. */
export function patternMatcher(patterns: string[]): Ignore {
  return ignore({ allowRelativePaths: true }).add(patterns);
}
