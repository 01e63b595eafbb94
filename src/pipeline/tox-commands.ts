/**
 * The commands a tox env or a nox session runs, read from the files that declare them, for the
 * who-runs pre-pass (who-runs.ts). Both tools make an environment and put its `bin` first on PATH
 * before they run a command, so every command they run, and every program those commands start by
 * name, resolves in that environment.
 *
 * - tox: `commands`, `commands_pre`, `commands_post` of `[testenv]` / `[testenv:NAME]` in `tox.ini`,
 *   in `setup.cfg` when it has `[tox:tox]`, and in `[tool.tox] legacy_tox_ini` of `pyproject.toml`;
 *   `env_run_base` / `env.NAME` of `tox.toml` and `[tool.tox]`. Substitutions that name the env's
 *   interpreter or the project folder are replaced (`{envpython}` → `python`, `{toxinidir}/x` →
 *   `x`, `{posargs:tests}` → `tests`); a word with any other substitution is left unknown. An env's
 *   `change_dir` (`changedir`) is where its commands run.
 * - pdm and hatch: the scripts of `[tool.pdm.scripts]` and `[tool.hatch.envs.*.scripts]`.
 * - nox: `session.run("python", "x.py")` (and `run_always`/`run_install`) in `noxfile.py`, up to its
 *   first argument that is not a string literal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { escapeRegExp } from '../kernel/regexp.js';

export interface ToolCommand {
  /** The command's words; undefined where a word is not known statically. */
  words: (string | undefined)[];
  /** 1-based line of the command in `file`. */
  line: number;
  file: string;
  /** The runner that starts it with its environment first on PATH; none: it runs on its caller's PATH (tbump's hooks). */
  tool?: 'tox' | 'nox' | 'pdm' | 'hatch' | 'dev-cmd' | 'pixi' | 'poetry' | 'poe' | 'pipenv';
  /** The folder the command runs in, relative to the file's (tox's `change_dir`/`changedir`), when not the file's own. */
  cwd?: string;
}

/** Files larger than this declare no commands worth reading (real tox.ini files are a few KB). */
const MAX_BYTES = 1024 * 1024;

function read(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every tox command declared in `dir` (tox.ini, tox.toml, setup.cfg, pyproject.toml). */
export function toxCommands(dir: string): ToolCommand[] {
  const out: ToolCommand[] = [];
  const ini = path.join(dir, 'tox.ini');
  const iniText = read(ini);
  if (iniText !== undefined) out.push(...iniCommands(iniText, ini, 0));
  const cfg = path.join(dir, 'setup.cfg');
  const cfgText = read(cfg);
  if (cfgText !== undefined && /^\[tox:tox\]/m.test(cfgText)) out.push(...iniCommands(cfgText, cfg, 0));
  for (const name of ['tox.toml', 'pyproject.toml']) {
    const file = path.join(dir, name);
    const text = read(file);
    if (text === undefined || (name === 'pyproject.toml' && !/^\[tool\.tox\b/m.test(text))) continue;
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(text) as Record<string, unknown>;
    } catch {
      continue;
    }
    const tox = (name === 'tox.toml' ? doc : (doc.tool as Record<string, unknown> | undefined)?.tox) as Record<string, unknown> | undefined;
    if (!tox || typeof tox !== 'object') continue;
    if (typeof tox.legacy_tox_ini === 'string') {
      const at = text.indexOf('legacy_tox_ini');
      out.push(...iniCommands(tox.legacy_tox_ini, file, at < 0 ? 0 : lineAt(text, at)));
    }
    const base = tox.env_run_base as Record<string, unknown> | undefined;
    const envs = [base, ...Object.values((tox.env as Record<string, unknown> | undefined) ?? {})];
    for (const env of envs) {
      if (!env || typeof env !== 'object') continue;
      const changeDir = (env as Record<string, unknown>).change_dir ?? base?.change_dir;
      const cwd = typeof changeDir === 'string' ? substitute(changeDir.replace(/\{\/\}/g, '/')) : undefined;
      for (const key of ['commands_pre', 'commands', 'commands_post']) {
        const cmds = (env as Record<string, unknown>)[key];
        if (!Array.isArray(cmds)) continue;
        for (const cmd of cmds) {
          if (!Array.isArray(cmd)) continue;
          const words = cmd.flatMap((w): (string | undefined)[] => {
            if (typeof w === 'string') return toxWords([w]);
            // `{ replace = "posargs", default = ["tests"] }`: the default, when there are no posargs.
            const r = w as { replace?: unknown; default?: unknown } | null;
            if (Array.isArray(r?.default)) return r.default.map((x) => (typeof x === 'string' ? substitute(x) : undefined));
            return r?.replace === 'posargs' ? [] : [undefined];
          });
          out.push({ words: stripMarkers(words), line: lineOf(text, cmd), file, tool: 'tox', ...(cwd !== undefined && cwd !== '.' ? { cwd } : {}) });
        }
      }
    }
  }
  return out;
}

/**
 * The scripts a project declares for its own runner in `pyproject.toml`: `[tool.pdm.scripts]`
 * (`pdm run NAME`; a string, or a table's `cmd` or `shell`) and hatch's `[tool.hatch.envs.ENV.scripts]`
 * (`hatch run ENV:NAME`; a string or a list of them). Both runners put the project environment's
 * `bin` first on PATH before they run one. And Poetry's development tasks (poetryTasks).
 */
export function projectScripts(dir: string): ToolCommand[] {
  const file = path.join(dir, 'pyproject.toml');
  const text = read(file);
  if (text === undefined || !/^\[tool\.(?:pdm|hatch|dev-cmd|poetry\.scripts|poe)\b/m.test(text)) return [];
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const tool = (doc.tool ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const out: ToolCommand[] = [];
  const add = (cmd: unknown, runner: 'pdm' | 'hatch') => {
    const line = typeof cmd === 'string' ? cmd.replace(/\{args(?::[^{}]*)?\}/g, '').trim() : undefined;
    const words = line !== undefined ? splitCommand(line) : Array.isArray(cmd) && cmd.every((w) => typeof w === 'string') ? (cmd as string[]) : undefined;
    if (!words?.length || line?.includes('&&') || line?.includes(';')) return;
    const at = text.indexOf(typeof cmd === 'string' ? cmd : String((cmd as string[])[0]));
    out.push({ words, line: at < 0 ? 1 : lineAt(text, at), file, tool: runner });
  };
  for (const s of Object.values((tool.pdm?.scripts ?? {}) as Record<string, unknown>)) {
    if (typeof s === 'string') add(s, 'pdm');
    else if (s && typeof s === 'object') add((s as Record<string, unknown>).cmd ?? (s as Record<string, unknown>).shell, 'pdm');
  }
  for (const env of Object.values((tool.hatch?.envs ?? {}) as Record<string, unknown>)) {
    const scripts = (env as Record<string, unknown> | undefined)?.scripts;
    if (!scripts || typeof scripts !== 'object') continue;
    for (const s of Object.values(scripts as Record<string, unknown>)) for (const c of Array.isArray(s) ? s : [s]) if (typeof c === 'string') add(c, 'hatch');
  }
  // dev-cmd (pex's runner): a command with `python = "…"` runs in a venv of that interpreter, whose
  // bin dev-cmd puts first on PATH; an `args` list starting with a .py file runs it with that venv's
  // python. (Without `python`, PATH is dev-cmd's caller's: not counted.)
  for (const c of Object.values((tool['dev-cmd']?.commands ?? {}) as Record<string, unknown>)) {
    if (!c || typeof c !== 'object' || Array.isArray(c)) continue;
    const { python, args } = c as Record<string, unknown>;
    if (typeof python !== 'string' || !Array.isArray(args) || !args.length || !args.every((w) => typeof w === 'string')) continue;
    const words = (args[0] as string).endsWith('.py') ? ['python', ...(args as string[])] : (args as string[]);
    out.push({ words, line: lineOf(text, args), file, tool: 'dev-cmd' });
  }
  out.push(...poetryTasks(tool.poetry, (doc.project as Record<string, unknown> | undefined)?.name, text, file));
  out.push(...poeTasks(tool, dir, text, file));
  return out;
}

/** Poe the Poet's executors that put the project's environment first on PATH for a task. */
const POE_ENV_EXECUTORS = new Set(['poetry', 'uv', 'virtualenv']);

/**
 * Poe the Poet's tasks (`poe test`, `[tool.poe.tasks]`): its executor runs each task in the
 * project's environment, with that environment's bin first on PATH (`poetry run`, `uv run`, or the
 * virtualenv's bin added to PATH: cc-poetry-minimal's `coverage` task). Only where the executor is
 * one of those: named in `[tool.poe.executor]` or the task's own `executor`, or chosen by poe's
 * `auto` for a Poetry or uv project (a `[tool.poetry]` or `[tool.uv]` table, a poetry.lock or
 * uv.lock beside the pyproject). A `cmd` task is read as its words, a `script` task
 * (`"pkg.tasks:lint"`) as `python -m pkg.tasks`, each line of a `shell` task as a command.
 */
function poeTasks(tool: Record<string, Record<string, unknown> | undefined>, dir: string, text: string, file: string): ToolCommand[] {
  const poe = tool.poe;
  const tasks = poe?.tasks;
  if (!tasks || typeof tasks !== 'object') return [];
  const typeOf = (e: unknown) => (typeof e === 'string' ? e : e && typeof e === 'object' ? (e as Record<string, unknown>).type : undefined);
  const executor = typeOf(poe.executor);
  const auto = executor === undefined || executor === 'auto';
  const envByAuto = auto && (tool.poetry !== undefined || tool.uv !== undefined || ['poetry.lock', 'uv.lock'].some((f) => fs.existsSync(path.join(dir, f))));
  const out: ToolCommand[] = [];
  const at = (needle: string) => {
    const i = text.indexOf(needle);
    return i < 0 ? 1 : lineAt(text, i);
  };
  for (const task of Object.values(tasks as Record<string, unknown>)) {
    const t = task && typeof task === 'object' && !Array.isArray(task) ? (task as Record<string, unknown>) : typeof task === 'string' ? { cmd: task } : undefined;
    if (!t) continue;
    const own = typeOf(t.executor);
    if (own !== undefined ? !POE_ENV_EXECUTORS.has(String(own)) : !(envByAuto || POE_ENV_EXECUTORS.has(String(executor)))) continue;
    if (typeof t.cmd === 'string') {
      const words = splitCommand(t.cmd.trim());
      if (words?.length && !/&&|;|\|/.test(t.cmd)) out.push({ words, line: at(t.cmd), file, tool: 'poe' });
    } else if (typeof t.script === 'string') {
      const module = /^\s*([A-Za-z_][\w.]*)\s*:/.exec(t.script)?.[1];
      if (module) out.push({ words: ['python', '-m', module], line: at(t.script), file, tool: 'poe' });
    } else if (typeof t.shell === 'string') {
      for (const line of t.shell.split('\n')) {
        for (const part of line.split(/&&|;/)) {
          const words = splitCommand(part.trim());
          if (words?.length && !/[|<>$`(]/.test(part)) out.push({ words, line: at(line.trim() || t.shell), file, tool: 'poe' });
        }
      }
    }
  }
  return out;
}

/**
 * Poetry's development tasks: a `[tool.poetry.scripts]` entry whose module is a top-level file
 * beside the pyproject (`test = "scripts:test"` for `scripts.py`), or a module of a folder there
 * (`lint = "scripts.lint:main"` for `scripts/lint.py`), that the project's package does not hold (not its name, nor in `packages`): a wheel would not carry it, so the script runs only
 * where `poetry install` made the project's own environment, as `poetry run test`, with that
 * environment's `bin` first on PATH (tirelire's, finance-sim's `test`, `report` and `format`). A
 * module inside the package is the project's real command, which its users also run by its path.
 */
function poetryTasks(poetry: Record<string, unknown> | undefined, projectName: unknown, text: string, file: string): ToolCommand[] {
  const scripts = poetry?.scripts;
  if (!scripts || typeof scripts !== 'object') return [];
  const norm = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '_');
  // The package is the project's name (`[tool.poetry] name`, or `[project] name` under Poetry 2) unless `packages` says.
  const packaged = new Set<string>([poetry.name, projectName].filter((n): n is string => typeof n === 'string').map(norm));
  for (const p of Array.isArray(poetry.packages) ? poetry.packages : []) {
    const include = (p as Record<string, unknown> | undefined)?.include;
    if (typeof include === 'string') packaged.add(norm(include.replace(/\.py$/, '').split('/')[0]));
  }
  const out: ToolCommand[] = [];
  for (const target of Object.values(scripts as Record<string, unknown>)) {
    // A module of a folder beside the pyproject too (toolfuse's `lint = "scripts.lint:main"`).
    const module = typeof target === 'string' ? /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*:/.exec(target)?.[1] : undefined;
    if (!module || packaged.has(norm(module.split('.')[0]))) continue;
    const at = text.indexOf(target as string);
    out.push({ words: ['python', `${module.replace(/\./g, '/')}.py`], line: at < 0 ? 1 : lineAt(text, at), file, tool: 'poetry' });
  }
  return out;
}

/**
 * pixi's tasks (`pixi run test-all`), which run with the pixi environment activated, its bin first
 * on PATH: `[tool.pixi.tasks]` in pyproject.toml or `[tasks]` in pixi.toml, and the same under a
 * feature (`[tool.pixi.feature.test.tasks.test-all]`) or a platform target
 * (`[feature.test.target.osx-arm64.tasks]`). A task is a string or a table whose `cmd` is a string or
 * a list of words (snakemake's `cmd = ["pytest", …, "tests/test_linting.py"]`).
 */
export function pixiTasks(dir: string): ToolCommand[] {
  const out: ToolCommand[] = [];
  for (const [name, table] of [['pixi.toml', (d: Record<string, unknown>) => d], ['pyproject.toml', (d: Record<string, unknown>) => (d.tool as Record<string, unknown> | undefined)?.pixi]] as const) {
    const file = path.join(dir, name);
    const text = read(file);
    if (text === undefined || !/^\s*\[(?:tool\.pixi\.)?(?:[\w.-]+\.)?tasks\b/m.test(text)) continue;
    let doc: Record<string, unknown> | undefined;
    try {
      doc = table(parseToml(text) as Record<string, unknown>) as Record<string, unknown> | undefined;
    } catch {
      continue;
    }
    const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
    const withTargets = (scope: Record<string, unknown> | undefined) => [scope, ...Object.values(obj(scope?.target) ?? {}).map(obj)];
    const scopes = [...withTargets(doc), ...Object.values(obj(doc?.feature) ?? {}).flatMap((f) => withTargets(obj(f)))];
    for (const scope of scopes) {
      for (const task of Object.values(obj(scope?.tasks) ?? {})) {
        const cmd = typeof task === 'string' ? task : obj(task)?.cmd;
        const line = typeof cmd === 'string' ? cmd.trim() : undefined;
        const words = line !== undefined ? splitCommand(line) : Array.isArray(cmd) && cmd.every((w) => typeof w === 'string') ? (cmd as string[]) : undefined;
        if (!words?.length || line?.includes('&&') || line?.includes(';')) continue;
        out.push({ words, line: Array.isArray(cmd) ? listLine(text, words) : lineAt(text, Math.max(0, text.indexOf(line!))), file, tool: 'pixi' });
      }
    }
  }
  return out;
}

/**
 * Pipenv's scripts (`[scripts]` of a `Pipfile`: `start = "python manage.py start"`), which `pipenv
 * run NAME` runs with the project's virtualenv activated, its `bin` first on PATH (the SaBai
 * backend's `start` and `offline`, Django commands that start `python` by name).
 */
export function pipenvScripts(dir: string): ToolCommand[] {
  const file = path.join(dir, 'Pipfile');
  const text = read(file);
  if (text === undefined || !/^\[scripts\]/m.test(text)) return [];
  let scripts: unknown;
  try {
    scripts = (parseToml(text) as Record<string, unknown>).scripts;
  } catch {
    return [];
  }
  const out: ToolCommand[] = [];
  for (const cmd of Object.values((scripts ?? {}) as Record<string, unknown>)) {
    if (typeof cmd !== 'string') continue;
    const line = cmd.trim();
    const words = splitCommand(line);
    if (!words?.length || /&&|;|\|/.test(line)) continue;
    out.push({ words, line: lineAt(text, Math.max(0, text.indexOf(cmd))), file, tool: 'pipenv' });
  }
  return out;
}

/**
 * tbump's hooks (`tbump.toml`, or `[tool.tbump]` in `pyproject.toml`): the `cmd` of each
 * `[[before_commit]]` and `[[after_push]]`, which tbump runs through the shell of whoever runs
 * tbump, on their PATH (pylint's `python3 script/bump_changelog.py {new_version}`). `{new_version}`
 * and the like are filled in by tbump: left out.
 */
export function tbumpHooks(dir: string): ToolCommand[] {
  const out: ToolCommand[] = [];
  for (const [name, table] of [['tbump.toml', (d: Record<string, unknown>) => d], ['pyproject.toml', (d: Record<string, unknown>) => (d.tool as Record<string, unknown> | undefined)?.tbump]] as const) {
    const file = path.join(dir, name);
    const text = read(file);
    if (text === undefined || !/^\s*\[\[(?:tool\.tbump\.)?(?:before_commit|after_push)\]\]/m.test(text)) continue;
    let doc: Record<string, unknown> | undefined;
    try {
      doc = table(parseToml(text) as Record<string, unknown>) as Record<string, unknown> | undefined;
    } catch {
      continue;
    }
    for (const key of ['before_commit', 'after_push']) {
      const hooks = doc?.[key];
      if (!Array.isArray(hooks)) continue;
      for (const h of hooks) {
        const cmd = (h as Record<string, unknown> | undefined)?.cmd;
        if (typeof cmd !== 'string' || /[;&|<>`$]/.test(cmd)) continue;
        const words = splitCommand(cmd.replace(/\{\w+\}/g, '').trim());
        const at = text.indexOf(cmd);
        if (words?.length) out.push({ words, line: at < 0 ? 1 : lineAt(text, at), file });
      }
    }
  }
  return out;
}

/** The 1-based line of offset `at`. */
function lineAt(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The line of a TOML command: where its first two string words appear together, else where the first does. */
/** The line where a TOML list of exactly these strings starts (comments between them allowed), else lineOf's guess. */
function listLine(text: string, words: string[]): number {
  const between = String.raw`[\s,]*(?:#[^\n]*\n[\s,]*)*`;
  const m = new RegExp(String.raw`\[\s*` + words.map((w) => `(?:${escapeRegExp(JSON.stringify(w))}|${escapeRegExp(`'${w}'`)})`).join(between)).exec(text);
  return m ? lineAt(text, m.index) : lineOf(text, words);
}

function lineOf(text: string, cmd: unknown[]): number {
  const strings = cmd.filter((w): w is string => typeof w === 'string');
  const q = (s: string) => JSON.stringify(s);
  for (const probe of [strings.length > 1 ? new RegExp(`${escapeRegExp(q(strings[0]))}\\s*,\\s*${escapeRegExp(q(strings[1]))}`) : undefined, strings[0] ? new RegExp(escapeRegExp(q(strings[0]))) : undefined]) {
    const m = probe?.exec(text);
    if (m) return lineAt(text, m.index);
  }
  return 1;
}


/** tox's substitutions that name the env's interpreter or the project folder; any other one is unknown. */
function substitute(word: string): string | undefined {
  const w = word
    .replace(/\{envpython\}/g, 'python')
    .replace(/\{(?:envbindir|env_bin_dir)\}[/\\]/g, '')
    .replace(/\{(?:toxinidir|tox_root)\}[/\\]/g, '')
    .replace(/\{(?:toxinidir|tox_root)\}/g, '.')
    .replace(/\{posargs:([^{}]*)\}/g, '$1');
  return /[{}]/.test(w) ? undefined : w;
}

/** tox commands' words: `{posargs}` alone (empty unless the user passes some) is dropped. */
function toxWords(words: readonly string[]): (string | undefined)[] {
  return words.filter((w) => w !== '{posargs}').map(substitute);
}

/** `- python x.py` / `-python x.py` / `!python` (tox ignores the exit code or inverts it): the command. */
function stripMarkers(words: (string | undefined)[]): (string | undefined)[] {
  const first = words[0];
  if (first === '-' || first === '!') return words.slice(1);
  if (first && /^[-!][A-Za-z]/.test(first) && !/^-[-\w]*=/.test(first)) return [first.slice(1), ...words.slice(1)];
  return words;
}

/** tox.ini-style text: each line of a `commands*` key of a testenv section is one command. */
function iniCommands(text: string, file: string, lineOffset: number): ToolCommand[] {
  const out: ToolCommand[] = [];
  const lines = text.split(/\r?\n/);
  let inEnv = false;
  // `changedir` of each testenv section, `[testenv]`'s the default of the others: read first,
  // since it may follow the commands in its section.
  const changeDirs = new Map<string, string | undefined>();
  let sectionName = '';
  for (const l of lines) {
    const s = /^\[([^\]]+)\]/.exec(l);
    if (s) sectionName = s[1].trim();
    const m = /^changedir\s*[=:](.*)$/.exec(l);
    if (m && /^testenv(?::|$)/.test(sectionName)) changeDirs.set(sectionName, substitute(m[1].trim().replace(/\{\/\}/g, '/')));
  }
  let cwd: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const section = /^\[([^\]]+)\]/.exec(lines[i]);
    if (section) {
      const name = section[1].trim();
      inEnv = /^testenv(?::|$)/.test(name);
      cwd = changeDirs.has(name) ? changeDirs.get(name) : changeDirs.get('testenv');
      continue;
    }
    const key = inEnv ? /^(commands(?:_pre|_post)?)\s*[=:]\s*(.*)$/.exec(lines[i]) : null;
    if (!key) continue;
    // The value: the rest of the line, then every following indented (or blank) line.
    const values: { text: string; line: number }[] = [{ text: key[2], line: i }];
    while (i + 1 < lines.length && (/^[ \t]/.test(lines[i + 1]) || lines[i + 1].trim() === '')) values.push({ text: lines[++i], line: i });
    for (let j = 0; j < values.length; j++) {
      let cmd = values[j].text.trim();
      const line = values[j].line;
      // A backslash at the end continues the command on the next line.
      while (cmd.endsWith('\\') && j + 1 < values.length) cmd = cmd.slice(0, -1) + ' ' + values[++j].text.trim();
      if (!cmd || cmd.startsWith('#')) continue;
      // Factor conditions (`py312,lint: pytest`) select envs; the command is the same.
      cmd = cmd.replace(/^[\w.{},!-]+:\s+/, '');
      const words = splitCommand(cmd);
      if (words) out.push({ words: stripMarkers(toxWords(words)), line: line + 1 + lineOffset, file, tool: 'tox', ...(cwd !== undefined && cwd !== '.' ? { cwd } : {}) });
    }
  }
  return out;
}

/** Shell-like words (quotes removed, pieces glued as in `--x="a b"`); undefined on an unclosed quote. */
function splitCommand(cmd: string): string[] | undefined {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (c === ' ' || c === '\t') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '"' || c === "'") {
      const end = cmd.indexOf(c, i + 1);
      if (end < 0) return undefined;
      word = (word ?? '') + cmd.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < cmd.length) word = (word ?? '') + cmd[++i];
    else word = (word ?? '') + c;
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** A string literal of Python source, simply quoted (no prefix but r, no triple quotes). */
const PY_STRING = /^\s*[rR]?(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')\s*(,|\))/;

/** `session.run(…)` calls of a noxfile: their leading string-literal arguments. */
export function noxCommands(file: string): ToolCommand[] {
  const text = read(file);
  if (text === undefined) return [];
  const out: ToolCommand[] = [];
  const call = /\bsession\.run(?:_always|_install)?\s*\(/g;
  for (let m = call.exec(text); m; m = call.exec(text)) {
    const words: (string | undefined)[] = [];
    let rest = text.slice(call.lastIndex, call.lastIndex + 2000);
    for (;;) {
      const s = PY_STRING.exec(rest);
      if (!s) {
        if (!/^\s*\)/.test(rest)) words.push(undefined);
        break;
      }
      words.push((s[1] ?? s[2]).replace(/\\(.)/g, '$1'));
      rest = rest.slice(s[0].length);
      if (s[3] === ')') break;
    }
    if (words.length && words[0] !== undefined) out.push({ words, line: lineAt(text, m.index), file, tool: 'nox' });
  }
  return out;
}
