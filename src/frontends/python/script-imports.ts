/**
 * A Python script of the repository that a launch runs by PATH's interpreter (`sudo python
 * switch_camera.py`, `os.system("python packaging/version.py")`): when all it imports is the
 * standard library, it runs the same in any Python of that version, as inline code does
 * (inline-imports.ts; judge.ts): it needs no venv. The script is looked up as a sourced shell script
 * is (shell/sourced.ts): from the launching file's folder and each folder above it; only regular
 * `.py` files up to 64 KB are read, and a script that imports anything else (a module of its own
 * project, a third-party package), uses the interpreter's own place (ENVIRONMENT_USE), is a
 * `setup.py`, or cannot be read that far, keeps the launch judged.
 */
import path from 'node:path';
import type { Word } from '../../kernel/word.js';
import { wordText } from '../../kernel/word.js';
import { interpreterTarget } from '../../judge/judge.js';
import { isInterpreterName } from '../../judge/python-tools.js';
import { inlineImports } from './inline-imports.js';
import { fileAnswer, fromFolderUp } from '../repo-files.js';

const MAX_BYTES = 64 * 1024;

/**
 * What makes a standard-library script depend on the interpreter that runs it: where it installs or
 * looks (`sys.executable -m pip`, `sys.prefix`, `site`, `sysconfig`; a `setup.py`, which installs
 * into it), so which Python PATH finds is the point.
 */
const ENVIRONMENT_USE = /\bsys\.(?:executable|prefix|exec_prefix|base_prefix|base_exec_prefix|path)\b/;
const ENVIRONMENT_MODULES = new Set(['site', 'sysconfig', 'distutils', 'ensurepip', 'venv', 'importlib']);

const cache = new Map<string, string[] | null>();

/** The modules the repository script `argv` (an interpreter and its arguments) runs imports, when that can be read. */
export function launchedScriptImports(from: string, argv: readonly Word[]): string[] | undefined {
  const program = argv[0] ? wordText(argv[0]) : undefined;
  if (program === undefined || !isInterpreterName(path.posix.basename(program))) return undefined;
  // The files that run: a script, or a module with the `__init__.py` of each package above it.
  const target = interpreterTarget(argv.slice(1));
  let files: string[] | undefined;
  if (target && 'module' in target) {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(target.module)) return undefined;
    const parts = target.module.split('.');
    files = [...parts.slice(0, -1).map((_, k) => `${parts.slice(0, k + 1).join('/')}/__init__.py`), `${parts.join('/')}.py`];
  } else if (target) {
    const w = target.script;
    if (!w.endsWith('.py') || path.isAbsolute(w) || w.startsWith('~') || /[$`*?\u0001]/.test(w)) return undefined;
    files = [w];
  }
  // A setup.py installs into the interpreter that runs it: which one is the point.
  if (!files || path.posix.basename(files[files.length - 1]) === 'setup.py') return undefined;
  const wanted = files;
  return fromFolderUp(from, (dir) => {
    const found = wanted.map((f) => fileAnswer(cache, path.join(dir, f), MAX_BYTES, importsIn));
    // Found where the script (or the module's own file) is; a package without `__init__.py` adds nothing.
    if (found[found.length - 1] === undefined) return undefined;
    return found.some((x) => x === null) ? null : found.flatMap((x) => x ?? []);
  }) ?? undefined;
}

/** A script's imports, or null when they cannot be read, or the script depends on the interpreter that runs it. */
function importsIn(text: string | undefined): string[] | null {
  const imports = text === undefined || ENVIRONMENT_USE.test(text) ? undefined : inlineImports(text, MAX_BYTES);
  return imports && !imports.some((m) => ENVIRONMENT_MODULES.has(m)) ? imports : null;
}
