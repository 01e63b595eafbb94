/**
 * The who-runs pre-pass (issue 15): before files are checked, find every place the project starts
 * one of its own Python files, and how. A launch by name inside that file escapes only when the
 * file runs without its environment on PATH, so its starters decide:
 *
 * - **on PATH**: a tox env, a nox session, or a pdm or hatch script of the project runs it (each
 *   puts the env's `bin` first on PATH), or Read the Docs a Sphinx `conf.py`; a
 *   Makefile recipe, CI step, script, service or another Python file runs it with an interpreter or test runner found by
 *   name (`python3 scripts/x.py`, `pytest tests/`, `python -m pkg.tool`), or through `uv run`,
 *   `poetry run`, `hatch run`, `pdm run` …; a venv's interpreter by path with that same venv on
 *   PATH (activated, `$GITHUB_PATH`, `ENV PATH`); or the file itself by its `#!/usr/bin/env python3`
 *   shebang. The parent is then PATH's interpreter, and a child it starts by name on the same
 *   PATH resolves to the same environment.
 * - **by path**: a venv's interpreter (or pytest) by its path without that venv on PATH
 *   (`ExecStart=/srv/app/venv/bin/python worker.py`): exactly the escape VG101–VG103 exist for.
 * - anything else (a system interpreter by path, a program word not known statically) is unknown.
 *
 * A module nothing starts that is no program of its own runs in the processes of the files that
 * import it (imports-reliant.ts, usersOnly): when each of them has starters, all on PATH, so has it.
 *
 * The configuration files are read by their own front ends, so the shell model's PATH state
 * (activation, `$GITHUB_PATH`, `ENV PATH`, `export PATH`) is the one the checks use; tox and nox
 * files by tox-commands.ts. The policy (src/judge/policy.ts) holds a file's findings back when every
 * starter is on PATH, and names a by-path starter in the findings it keeps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CI_LANGUAGES, type FileStarters, type Language, type LaunchSite } from '../kernel/launch-site.js';
import { STAND_IN_ROOT } from '../kernel/stand-ins.js';
import { isTestPath } from '../kernel/test-paths.js';
import { SourceFile } from '../kernel/source.js';
import { wordText } from '../kernel/word.js';
import { frontEndByLanguage } from '../frontends/index.js';
import { readConfigText } from './config.js';
import { loadParsers, parsersDamaged } from '../frontends/tree-sitter.js';
import { isInterpreterName, isSystemInterpreterPath } from '../judge/python-tools.js';
import { noxCommands, pipenvScripts, pixiTasks, projectScripts, tbumpHooks, toxCommands, type ToolCommand } from './tox-commands.js';
import { contextFromSettings, type RunSettings } from './context.js';
import { importIndex, moduleUsers, relianceByImports, startedByUsers } from './imports-reliant.js';
import { mentionTest } from './mention.js';
import { behaveTargets, forwardsToPytest, unwrapRunner, unwrapStarter, PYTEST, PYTEST_VALUE_OPTIONS, testFileTargets, unittestDiscovers, unittestTargets, type RunnerTarget, type RunnerWhere } from './test-runners.js';
import type { FileCheckResult } from './check-file.js';
import { findingCodesOf } from './packed.js';
import { containerRunCommands } from './docker-run.js';
import { documentedCommands } from './doc-starters.js';
import { windowsStepCommands } from './windows-steps.js';
import { conventionStarts, shebangOf } from './convention-starters.js';
import { START_DIR } from '../frontends/config/services.js';
import { ACTION_PATH } from '../frontends/actions/folders.js';
import { notebookRuns, readTheDocsConf, SPHINX, sphinxConf, sphinxNotebooks } from './docs-builds.js';
import { APP_SERVERS, appServerTargets, isManagementCommand, managementCommandTargets, MENTIONS_APP_SERVER } from './app-servers.js';

type How = 'on-path' | 'by-path' | 'unknown';

interface Start {
  how: How;
  /** `tox.ini:12 runs it in a tox env`, `deploy/app.service:7 runs it as "/srv/app/venv/bin/python" …`. */
  text: string;
}

type Target = RunnerTarget;

/** Modules of notebook runners (`python -m nbconvert --execute x.ipynb`), as their programs. */
const NOTEBOOK_MODULES: ReadonlyMap<string, string> = new Map([['jupyter', 'jupyter'], ['nbconvert', 'jupyter-nbconvert'], ['papermill', 'papermill'], ['mkdocs', 'mkdocs'], ['treon', 'treon']]);
/** Programs that execute notebooks (docs-builds.ts), as a Python file writes them. */
const NOTEBOOK_RUNNER = /\b(?:py\.?test|jupyter|nbconvert|papermill|treon|jb|mkdocs)\b/;
/** Whether a program word is one of those by name (pytest as test-runners.ts knows it). */
const notebookProgram = (prog: string) => PYTEST.test(prog) || /^(?:jupyter(?:-nbconvert|-execute|-book)?|papermill|treon|jb|mkdocs)$/.test(prog);
/** A Python file's name in a text; only from the start of a name, so that a long run of name characters (a notebook's base64 image) is read once, not once per character. */
const PY_NAME = /(?<![\w.-])[\w.-]+\.py\b/g;
/** What a configuration file mentions to run a notebook. */
const NOTEBOOK_MENTION = /nbval|nbmake|nbconvert|papermill|treon|jupyter[- ](?:execute|book)|\bjb\s+build|mkdocs\s+(?:build|gh-deploy|serve)/;

/** Python files read for their launches of the wanted files, at most (each one is parsed). */
const MAX_PYTHON_STARTERS = 200;
/** Options of python that take the next word as a value. */
const PYTHON_VALUE_OPTIONS = new Set(['-W', '-X', '-Q']);
export class WhoRuns {
  private readonly files = new Map<string, Start[]>();
  private readonly folders = new Map<string, { start: Start; testsOnly: boolean | 'unittest' }[]>();
  constructor(private readonly root: string) {}

  /** A project path for messages, '/'-separated. */
  shown(file: string): string {
    const r = path.relative(this.root, file);
    return (r && !r.startsWith('..') ? r : file).split(path.sep).join('/');
  }

  add(target: Target, start: Start): void {
    if ('file' in target) {
      const list = this.files.get(target.file);
      if (list) list.push(start);
      else this.files.set(target.file, [start]);
    } else {
      const list = this.folders.get(target.folder);
      const entry = { start, testsOnly: target.testsOnly };
      if (list) list.push(entry);
      else this.folders.set(target.folder, [entry]);
    }
  }

  get empty(): boolean {
    return this.files.size === 0 && this.folders.size === 0;
  }

  /** What the starters of one file say, or undefined when nothing known starts it. */
  of(file: string): FileStarters | undefined {
    const starts = [...(this.files.get(file) ?? [])];
    // Its folders, up to the root: one lookup per level (not a notebook's: its runners name it, docs-builds.ts).
    if (!file.endsWith('.ipynb')) {
      for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        for (const f of this.folders.get(dir) ?? []) if (!f.testsOnly || (f.testsOnly === 'unittest' ? unittestDiscovers(file) : isTestPath(path.relative(dir, file)))) starts.push(f.start);
        if (dir === this.root || path.dirname(dir) === dir || !dir.startsWith(this.root)) break;
      }
    }
    if (!starts.length) return undefined;
    const byPath = starts.find((s) => s.how === 'by-path');
    if (byPath) return { byPath: byPath.text };
    // pip and the build front ends also run a setup.py, by their own interpreter's path, PATH untouched.
    if (path.basename(file) === 'setup.py') return undefined;
    if (starts.every((s) => s.how === 'on-path')) return { onPath: starts[0].text };
    return undefined;
  }
}

/** Where a command's path names a project file or folder: from `dirs` in turn, or an absolute path's tail under the root. */
function resolveIn(p: string, dirs: readonly string[], root: string): { path: string; folder: boolean } | undefined {
  const kind = (x: string) => {
    try {
      const st = fs.statSync(x, { throwIfNoEntry: false });
      return st?.isDirectory() ? 'folder' : st?.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  };
  const clean = p.replace(/::.*$/, '');
  if (!clean) return undefined;
  if (path.isAbsolute(clean)) {
    const k = kind(clean);
    if (k && (clean === root || clean.startsWith(root + path.sep))) return { path: path.normalize(clean), folder: k === 'folder' };
    // `/srv/app/scripts/worker.py` of a unit or image: the longest tail that exists under the root.
    const parts = clean.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const c = path.join(root, ...parts.slice(i));
      const kc = kind(c);
      if (kc) return { path: c, folder: kc === 'folder' };
    }
    return undefined;
  }
  for (const d of dirs) {
    const c = path.resolve(d, clean);
    const k = kind(c);
    if (k && (c === root || c.startsWith(root + path.sep))) return { path: c, folder: k === 'folder' };
  }
  return undefined;
}

/**
 * `stestr run` (OpenStack's test runner; bandit's tox env runs it): the tests under the
 * `test_path` of the `.stestr.conf` in its working folder (stestr's own default file).
 */
function stestrTests(where: { dirs: readonly string[]; root: string }, targets: Target[]): void {
  const dir = where.dirs[0] ?? where.root;
  let conf: string;
  try {
    conf = fs.readFileSync(path.join(dir, '.stestr.conf'), 'utf8');
  } catch {
    return;
  }
  const testPath = /^\s*test_path\s*=\s*(\S+)\s*$/m.exec(conf)?.[1];
  const hit = testPath === undefined ? undefined : resolveIn(testPath, [dir], where.root);
  if (hit?.folder) targets.push({ folder: hit.path, testsOnly: true });
}

/** Read the Docs builds the `conf.py` that `.readthedocs.yaml` names, in the environment it puts first on PATH (and the notebooks that build executes). */
function readTheDocs(who: WhoRuns, dir: string, root: string, notebooks: readonly string[]): void {
  const rtd = readTheDocsConf(dir);
  if (!rtd) return;
  const start: Start = { how: 'on-path', text: `${who.shown(rtd.file)}:${rtd.line} builds this file on Read the Docs, whose environment is first on PATH` };
  for (const t of [{ file: rtd.conf }, ...sphinxNotebooks(rtd.conf, notebooks, root)]) who.add(t, start);
}

/** The hooks git runs (githooks(5)), by the names their files have. */
/** The venv folder of an interpreter or tool path (`.venv/bin/python` → `.venv`), when it is one. */
function venvOfProgram(prog: string): string | undefined {
  const m = /^(.*?)[\\/](?:bin|Scripts)[\\/][^\\/]+$/.exec(prog);
  return m && m[1] ? m[1].replace(/^\.\//, '') : undefined;
}

function sameVenv(venv: string, active: string): boolean {
  const a = active.replace(/[\\/]+$/, '');
  return path.isAbsolute(venv) ? a === venv.replace(/[\\/]+$/, '') : a === venv || a.endsWith(`/${venv}`);
}

/**
 * One command of a configuration file, tox or nox: the project files it starts with Python, and
 * how. `env` is the PATH state where it runs (absent for tox and nox, which always put their env first).
 */
export function recordCommand(
  who: WhoRuns,
  words: readonly (string | undefined)[],
  where: RunnerWhere & { label: string; tool?: ToolCommand['tool']; activeVenv?: string; exclude?: string; via?: string; callerDir?: boolean; documented?: boolean; notebooks?: readonly string[] },
): void {
  words = unwrapStarter(words);
  const unwrapped = unwrapRunner(words);
  const { runner, at: i } = unwrapped;
  words = unwrapped.words;
  const prog = words[i];
  if (prog === undefined) return;
  const base = path.basename(prog);
  const targets: Target[] = [];
  let pytestArgs: readonly (string | undefined)[] | undefined;
  let sphinxArgs: readonly (string | undefined)[] | undefined;
  if (isInterpreterName(base) && !/^py(\.exe)?$/i.test(base)) {
    for (let j = i + 1; j < words.length; j++) {
      const w = words[j];
      if (w === undefined || w === '-c' || w === '-') return;
      if (w === '-m' || (/^-m\w/.test(w) && !w.startsWith('--'))) {
        const mod = w === '-m' ? words[++j] : w.slice(2);
        if (mod === undefined) return;
        if (mod === 'pytest' || mod === 'py.test') pytestArgs = words.slice(j + 1);
        else if (mod === 'sphinx' || mod === 'sphinx.cmd.build') sphinxArgs = words.slice(j + 1);
        else if (mod === 'stestr' && words[j + 1] === 'run') stestrTests(where, targets);
        else if (mod === 'behave') targets.push(...behaveTargets(words.slice(j + 1), where, resolveIn));
        else if (mod === 'unittest') targets.push(...unittestTargets(words.slice(j + 1), where, resolveIn));
        else if (NOTEBOOK_MODULES.has(mod)) targets.push(...notebookRuns([NOTEBOOK_MODULES.get(mod), ...words.slice(j + 1)], undefined, where, where.notebooks ?? []));
        // Python Fire's `python -m fire MODULE|path.py cmd`: the module it is given runs in that interpreter (cc-poetry-minimal's poe task).
        else if (mod === 'fire' && words[j + 1] !== undefined && !words[j + 1]!.startsWith('-')) {
          const w = words[j + 1]!;
          const hit = resolveIn(w.endsWith('.py') ? w : `${w.replace(/\./g, '/')}.py`, where.dirs, where.root);
          if (hit && !hit.folder) targets.push({ file: hit.path });
        } else {
          const rel = mod.replace(/\./g, '/');
          const file = resolveIn(`${rel}.py`, where.dirs, where.root);
          const main = file ? undefined : resolveIn(`${rel}/__main__.py`, where.dirs, where.root);
          if (file && !file.folder) targets.push({ file: file.path });
          // `python -m bot` runs a package: its modules run in that process, the ones `__main__`
          // imports (mirror-leech-telegram-bot's bot/modules/*.py under start.sh's activation).
          else if (main && !main.folder) targets.push({ folder: path.dirname(main.path), testsOnly: false });
        }
        break;
      }
      if (PYTHON_VALUE_OPTIONS.has(w)) j++;
      else if (!w.startsWith('-')) {
        const hit = resolveIn(w, where.dirs, where.root);
        if (hit && !hit.folder) {
          targets.push({ file: hit.path }, ...managementCommandTargets(hit.path, words[j + 1], where));
          // A runner script that hands its arguments to pytest (luigi's test/runtests.py,
          // `sys.exit(pytest.main(sys.argv[1:]))`): the command is pytest's too.
          if (forwardsToPytest(hit.path)) pytestArgs = words.slice(j + 1);
        }
        break;
      }
    }
  } else if (PYTEST.test(base)) pytestArgs = words.slice(i + 1);
  else if (SPHINX.test(base)) sphinxArgs = words.slice(i + 1);
  else if (base === 'stestr' && words[i + 1] === 'run') stestrTests(where, targets);
  else if (base === 'behave') targets.push(...behaveTargets(words.slice(i + 1), where, resolveIn));
  else if (/\.py$/.test(base)) {
    // The file itself, by its shebang.
    const hit = resolveIn(prog, where.dirs, where.root);
    if (!hit || hit.folder) return;
    targets.push({ file: hit.path });
  } else if (APP_SERVERS.test(base)) targets.push(...appServerTargets(words.slice(i + 1), where, resolveIn));
  else if (where.notebooks?.length) targets.push(...notebookRuns(words.slice(i), undefined, where, where.notebooks));
  else return;
  if (sphinxArgs) {
    const conf = sphinxConf(sphinxArgs);
    const hit = conf === undefined ? undefined : resolveIn(conf, where.dirs, where.root);
    if (hit && !hit.folder) targets.push({ file: hit.path }, ...sphinxNotebooks(hit.path, where.notebooks ?? [], where.root));
  }
  if (pytestArgs) {
    targets.push(...notebookRuns([], pytestArgs, where, where.notebooks ?? []));
    let named = false;
    for (let j = 0; j < pytestArgs.length; j++) {
      const w = pytestArgs[j];
      // `pytest "$@"`: what it collects is decided at run time. In a tox env or a nox session
      // (`session.run("pytest", *arguments)`, pip's noxfile) it is the project's own test run:
      // the tests under its folder, as a bare `pytest` (what the arguments narrow runs there too).
      if (w === undefined && !where.tool) named = true;
      if (w === undefined) continue;
      // `--` and an empty word (tox's `{posargs:}` with nothing after the colon) name nothing.
      if (w === '--' || w === '') continue;
      if (w.startsWith('-')) {
        if (PYTEST_VALUE_OPTIONS.has(w)) j++;
        continue;
      }
      named = true;
      // (A notebook it names is executed only by a notebook plugin, and only a docs notebook counts: notebookRuns above.)
      targets.push(...testFileTargets(w, where, resolveIn).filter((t) => !('file' in t) || !t.file.endsWith('.ipynb')));
    }
    // A bare `pytest` collects the tests under its folder; in a script that never changes folder,
    // the caller's: the project's root too (rl-baselines3-zoo's `make pytest` → scripts/run_tests.sh).
    if (!named && where.dirs[0]) targets.push({ folder: where.dirs[0], testsOnly: true });
    if (!named && where.callerDir && where.dirs[0] !== where.root) targets.push({ folder: where.root, testsOnly: true });
  }
  if (!targets.length) return;
  let how: How;
  let as: string;
  if (where.tool) {
    how = 'on-path';
    as = { tox: 'in a tox env', nox: 'in a nox session', pdm: 'as a pdm script (`pdm run`)', hatch: 'as a hatch script (`hatch run`)', 'dev-cmd': 'as a dev-cmd command, with its venv first on PATH', pixi: 'as a pixi task (`pixi run`), with its environment first on PATH', poetry: 'as a Poetry script (`poetry run`), with its environment first on PATH', poe: 'as a Poe the Poet task, with its environment first on PATH', pipenv: 'as a Pipenv script (`pipenv run`), with its virtualenv first on PATH' }[where.tool];
  } else if (runner) {
    how = 'on-path';
    as = `with "${runner}"`;
  } else if (/\.py$/.test(base)) {
    const interp = shebangOf((targets[0] as { file: string }).file);
    const venv = interp && venvOfProgram(interp);
    if (interp && !interp.includes('/')) {
      how = 'on-path';
      as = `by its shebang, as "${interp}" from PATH`;
    } else if (interp && venv && !isSystemInterpreterPath(interp) && !(where.activeVenv && sameVenv(venv, where.activeVenv))) {
      how = 'by-path';
      as = `by its shebang "${interp}", without that venv on PATH`;
    } else {
      how = 'unknown';
      as = '';
    }
  } else if (!prog.includes('/') && !prog.includes('\\')) {
    how = 'on-path';
    as = `as "${prog}" from PATH`;
  } else {
    const venv = venvOfProgram(prog);
    if (!venv || isSystemInterpreterPath(prog)) {
      how = 'unknown';
      as = '';
    } else if (where.activeVenv && sameVenv(venv, where.activeVenv)) {
      how = 'on-path';
      as = `as "${prog}" with that venv on PATH`;
    } else {
      how = 'by-path';
      as = `as "${prog}" without that venv on PATH`;
    }
  }
  const start = { how, text: `${where.label} ${where.documented ? 'says to run' : 'runs'} this file ${where.via ? `${where.via}, ` : ''}${as}` };
  for (const t of targets) if (!('file' in t) || t.file !== where.exclude) who.add(t, start);
}

/**
 * After the check: the Python files with a VG101–VG103 finding that the project starts are checked
 * again, with what their starters say (RunSettings.whoRuns), and their results replaced. A run
 * without such findings (most files, the whole standard library) reads no starter at all; one with
 * them reads the tox and nox files and analyses only the configuration files that name one of those
 * files (or a test runner, or a module), once more. `check` runs the files again as the first
 * check did (the same workers and fix request).
 */
export async function recheckWithStarters(
  files: readonly string[],
  claimed: ReadonlyMap<string, Language>,
  roots: readonly string[],
  settings: RunSettings,
  results: FileCheckResult[],
  check: (files: string[], settings: RunSettings) => Promise<FileCheckResult[]>,
  beforeParsing: () => void,
): Promise<void> {
  const flagged = new Map<string, number>();
  results.forEach((r, i) => {
    if ((r.language === 'python' || r.language === 'notebook') && findingCodesOf(r).some((c) => HELD_BY_STARTERS.has(c))) flagged.set(path.resolve(r.path), i);
  });
  if (!flagged.size) return;
  const root = projectRoot(roots);
  const pythonFiles = new Set(files.filter((f) => claimed.get(f) === 'python').map((f) => path.resolve(f)));
  const index = root === undefined ? undefined : importIndex(root, pythonFiles, results, contextFromSettings(settings).knowledge, beforeParsing);
  const flaggedPython = [...flagged.keys()].filter((f) => pythonFiles.has(f));
  // A flagged module that is no program of its own runs in its importers' processes: their starters are asked for too.
  const users = index ? moduleUsers(index, flaggedPython) : new Map<string, string[]>();
  const starters = new Map(await whoRuns(files, claimed, roots, beforeParsing, [...new Set([...flagged.keys(), ...[...users.values()].flat()])]));
  if (root !== undefined) startedByUsers(starters, users, root);
  for (const f of [...starters.keys()]) if (!flagged.has(f)) starters.delete(f);
  // The project modules they use (imports-reliant.ts): path-reliant across files.
  if (index) {
    const via = await relianceByImports(index, flaggedPython);
    for (const [file, found] of via) starters.set(file, { ...starters.get(file), ...found });
  }
  if (!starters.size) return;
  // Keyed as the check names the files (diagnose looks them up by SourceFile.path).
  const entries = [...starters];
  const again = entries.map(([file]) => results[flagged.get(file)!].path);
  const redone = await check(again, { ...settings, whoRuns: entries.map(([, s], k) => [again[k], s]) });
  redone.forEach((r, k) => {
    results[flagged.get(entries[k][0])!] = r;
  });
}

/** The rules whose findings the default policy weighs (src/judge/policy.ts). */
const HELD_BY_STARTERS = new Set(['VG101', 'VG102', 'VG103']);

/**
 * The pre-pass: every configuration file of the run that may name one of `wanted` (through its
 * front end), and the tox and nox files of the project's folders. `files` and `claimed` are
 * discovery's; `roots` the paths checked; `wanted` absolute paths of Python files.
 */
export async function whoRuns(files: readonly string[], claimed: ReadonlyMap<string, Language>, roots: readonly string[], beforeParsing: () => void, wanted: readonly string[]): Promise<[string, FileStarters][]> {
  const root = projectRoot(roots);
  if (root === undefined) return [];
  // What a configuration file must mention to start one of them: its name, a test runner, a module.
  const names = new Set(wanted.map((w) => path.basename(w)));
  // Scripts without the .py suffix (aws-cli's `python scripts/ci/install-check`) by their name, Django's management commands too (`manage.py NAME`).
  const namesPlain = mentionTest([...names].filter((n) => !n.endsWith('.py') && n.length > 2).concat(wanted.filter(isManagementCommand).map((w) => path.basename(w, '.py'))));
  const namesAny = mentionTest([...names].filter((n) => n.length > 2));
  // Notebooks, by what runs them (docs-builds.ts).
  const notebooks = wanted.filter((w) => w.endsWith('.ipynb'));
  const mayStart = (text: string) =>
    /py\.?test|stestr|behave|\s-m\s*\w|sphinx-(?:auto)?build/i.test(text) || MENTIONS_APP_SERVER.test(text) || [...text.matchAll(PY_NAME)].some((m) => names.has(m[0])) || namesPlain(text) || (notebooks.length > 0 && NOTEBOOK_MENTION.test(text));
  const who = new WhoRuns(root);
  // tox and nox: the project folder, and the folders of the files near it (a monorepo's packages).
  const dirs = new Set<string>([root]);
  for (const f of files) {
    // The file's folder and the folders above it, two levels below the root at most (admin/tox.ini for admin/tests/x.py).
    for (let d = path.dirname(path.resolve(f)); d.startsWith(root + path.sep); d = path.dirname(d)) {
      const rel = path.relative(root, d);
      if (rel.split(path.sep).length <= 2) dirs.add(d);
    }
  }
  const commands: ToolCommand[] = [];
  for (const d of dirs) commands.push(...toxCommands(d), ...projectScripts(d), ...pixiTasks(d), ...pipenvScripts(d), ...tbumpHooks(d));
  for (const f of files) if (path.basename(f) === 'noxfile.py') commands.push(...noxCommands(path.resolve(f)));
  for (const d of dirs) readTheDocs(who, d, root, notebooks);
  for (const w of wanted) for (const text of conventionStarts(w, root)) who.add({ file: w }, { how: 'on-path', text });
  // What the contributor guides and each file's opening say to run (doc-starters.ts).
  for (const c of documentedCommands(root, wanted)) {
    recordCommand(who, c.words, { label: `${who.shown(c.file)}:${c.line}`, dirs: [path.dirname(c.file), root], root, documented: true, notebooks });
  }
  // A test runner's file argument given from a folder decided at run time: the project's Python files of that path (test-runners.ts).
  let byName: Map<string, string[]> | undefined;
  const anywhere = (rel: string): readonly string[] => {
    if (!byName) {
      byName = new Map();
      for (const f of files) {
        if (claimed.get(f) !== 'python') continue;
        const abs = path.resolve(f);
        const list = byName.get(path.basename(abs));
        if (list) list.push(abs);
        else byName.set(path.basename(abs), [abs]);
      }
    }
    return (byName.get(path.basename(rel)) ?? []).filter((f) => f === path.join(root, rel) || f.endsWith(path.sep + rel));
  };
  // (A runner's command finds Django's management commands anywhere below manage.py: `pipenv run start`.)
  for (const c of commands) {
    const dir = path.dirname(c.file);
    const dirs = c.cwd !== undefined ? [path.resolve(dir, c.cwd), dir, root] : [dir, root];
    recordCommand(who, c.words, { label: `${who.shown(c.file)}:${c.line}`, dirs, root, tool: c.tool, anywhere, notebooks });
  }
  let loaded = false;
  /** A file's launch sites, the parsers loaded once; none when it cannot be analysed (its own check reports why). */
  const sitesOf = async (language: Language, abs: string, text: string): Promise<readonly LaunchSite[]> => {
    if (!loaded) {
      beforeParsing();
      await loadParsers();
      loaded = true;
    }
    if (parsersDamaged()) await loadParsers();
    try {
      return frontEndByLanguage(language).analyze(new SourceFile(abs, text), (a) => a.sites);
    } catch {
      return [];
    }
  };
  // Python files that name one of them (aws-cli's scripts/ci/install: `run("python
  // scripts/ci/install-dev-deps")`): their launches count once the parent itself is known to be
  // started on PATH by the configuration files (below; a workflow step runs `python
  // scripts/ci/install`): its child, started by PATH's interpreter by name, runs on that same PATH.
  // (A parent not known to run on PATH has its own `python` reported, and the fix there,
  // sys.executable, would start the child without PATH.) Relative paths are the process's working
  // folder: the project root first. Read first, each once: a Python file that runs a docs notebook
  // with a runner by name (nbgrader's tasks.py: `run("pytest --nbval-lax docs/…/*.ipynb")`) adds its
  // own name to what a configuration file must mention, so that what starts it is read too.
  const pending: { parent: string; words: (string | undefined)[]; label: string; dirs: string[] }[] = [];
  const runnerParents = new Set<string>();
  let pythonRead = 0;
  for (const f of files) {
    if (claimed.get(f) !== 'python') continue;
    const scanParents = notebooks.length > 0 && runnerParents.size < MAX_PYTHON_STARTERS;
    if (!scanParents && pythonRead >= MAX_PYTHON_STARTERS) continue;
    const abs = path.resolve(f);
    const text = readConfigText(abs);
    if (text === undefined) continue;
    if (scanParents && /\.ipynb\b/.test(text) && NOTEBOOK_RUNNER.test(text)) {
      runnerParents.add(abs);
      names.add(path.basename(abs));
    }
    if (pythonRead >= MAX_PYTHON_STARTERS || !(namesAny(text) || runnerParents.has(abs))) continue;
    pythonRead++;
    for (const s of await sitesOf('python', abs, text)) {
      const prog = s.argv[0] === undefined ? undefined : wordText(s.argv[0]);
      // Only PATH's interpreter by name: `sys.executable` (the parent's own interpreter) says what the parent's start says, which this pass does not chain.
      if (prog === undefined || !(isInterpreterName(path.basename(prog)) || (runnerParents.has(abs) && notebookProgram(prog))) || prog.includes('/') || s.env.path.kind !== 'inherited' || s.env.activeVenv !== undefined) continue;
      pending.push({ parent: abs, words: s.argv.map((w) => wordText(w)), label: `${who.shown(abs)}:${s.file.location(s.callSpan.start).line}`, dirs: [root, path.dirname(abs)] });
    }
  }
  // Configuration files, through their front ends.
  for (const f of files) {
    const language = claimed.get(f);
    // (A notebook's cells start Python files, never a notebook: with only notebooks wanted, notebooks are not read.)
    if (!language || language === 'python' || (language === 'notebook' && notebooks.length === wanted.length)) continue;
    const abs = path.resolve(f);
    const text = readConfigText(abs);
    if (text === undefined) continue;
    if (!mayStart(text)) continue;
    // CI steps run in the checkout (the root), not in the file's folder (`.github/workflows/`).
    const dir = AT_CHECKOUT.has(language) ? root : path.dirname(abs);
    for (const s of await sitesOf(language, abs, text)) recordSite(who, s, dir, root, anywhere, notebooks);
    // Windows steps run PowerShell, which the front end does not read (windows-steps.ts).
    if (language === 'github-actions') for (const c of windowsStepCommands(text)) recordCommand(who, c.words, { label: `${who.shown(abs)}:${c.line}`, dirs: c.cwd ? [path.resolve(root, c.cwd), root] : [root], root, notebooks });
  }
  const parentsOnPath = new Map<string, boolean>();
  for (const p of pending) {
    if (!parentsOnPath.has(p.parent)) parentsOnPath.set(p.parent, who.of(p.parent)?.onPath !== undefined);
    if (parentsOnPath.get(p.parent)) recordCommand(who, p.words, { label: p.label, dirs: p.dirs, root, exclude: p.parent, notebooks });
  }
  if (who.empty) return [];
  const out: [string, FileStarters][] = [];
  for (const f of wanted) {
    const s = who.of(f);
    if (s) out.push([f, s]);
  }
  return out;
}

/** Formats whose commands start in the repository's checkout, wherever the file is. */
const AT_CHECKOUT: ReadonlySet<Language> = new Set<Language>([...CI_LANGUAGES, 'pre-commit']);
const folderOf = (hit: { path: string; folder: boolean } | undefined) => (hit?.folder ? hit.path : undefined);

function recordSite(who: WhoRuns, s: LaunchSite, dir: string, root: string, anywhere: RunnerWhere['anywhere'], notebooks: readonly string[]): void {
  if (s.config?.activation) return;
  const label = `${who.shown(s.file.path)}:${s.file.location(s.callSpan.start).line}`;
  // A path below the file's stand-in folder, as a folder of the checkout.
  const real = (p: string | undefined) => {
    const at = p === undefined ? null : STAND_IN_ROOT.exec(p);
    return at ? path.resolve(dir, '.' + p!.slice(at[0].length)) : undefined;
  };
  // A path below a composite action's own folder (`${{ github.action_path }}/action.py`): beside its action.yml.
  const ownFolder = (w: string | undefined) => (w !== undefined && (w === ACTION_PATH || w.startsWith(ACTION_PATH + '/')) ? path.join(path.dirname(path.resolve(s.file.path)), w.slice(ACTION_PATH.length)) : w);
  // Its folder, when the shell model knows it below its stand-in (`cd cpython && python ../release.py`),
  // or below the action's own folder (`cd "$GITHUB_ACTION_PATH" && python action.py`).
  const cwd = s.config?.cwd;
  const inAction = cwd !== undefined && ownFolder(cwd) !== cwd ? ownFolder(cwd) : undefined;
  // Else a unit's absolute WorkingDirectory (`/home/misp/misp-modules/website`): its longest tail under the root, looked up only then.
  const below = inAction ?? real(cwd) ?? folderOf(cwd !== undefined && path.isAbsolute(cwd) ? resolveIn(cwd, [], root) : undefined);
  // The action's folder is known exactly; a folder below the stand-in may be a guess, with the file's and the root's after it.
  const dirs = inAction ? [inAction] : below && below !== dir && (below + path.sep).startsWith(root + path.sep) ? [below, dir, root] : [dir, root];
  // A container it starts (the image's PATH, which the command's own interpreter by name shares), or the command.
  const host = (p: string) => real(p) ?? (p.startsWith('.') ? path.resolve(dirs[0], p) : undefined);
  const inner = containerRunCommands(s.argv, host);
  if (inner) for (const c of inner.commands) recordCommand(who, c, { label, dirs: inner.cwd ? [inner.cwd, root] : [root], root, anywhere, via: 'in a container (`docker run`)', notebooks });
  else recordCommand(who, s.argv.map((w) => ownFolder(wordText(w))), { label, dirs, root, anywhere, callerDir: s.language === 'shell' && cwd === START_DIR, notebooks, activeVenv: s.env.path.kind === 'inherited' || s.env.path.kind === 'explicit' ? (s.env.activeVenv ?? s.env.processVenv) : undefined });
}

/** The project folder: the one folder checked (a file's folder), when there is exactly one. */
function projectRoot(roots: readonly string[]): string | undefined {
  const dirs = [...new Set(roots.map((r) => {
    try {
      return fs.statSync(r).isDirectory() ? path.resolve(r) : path.dirname(path.resolve(r));
    } catch {
      return undefined;
    }
  }))];
  return dirs.length === 1 ? dirs[0] : undefined;
}
