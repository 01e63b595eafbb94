/**
 * Programs that import a project module into their own process, so that their start is the module's:
 *
 * - Application servers that import the module named by a `MODULE:APP` word (gunicorn, uvicorn,
 *   hypercorn, daphne, waitress-serve, granian): the module runs on the server's interpreter
 *   (misp-modules' website unit, `ExecStart=… poetry run gunicorn … "main:app"`; a unit's
 *   `ExecStart=/srv/app/venv/bin/gunicorn app:app` is the by-path start the findings then name).
 * - Django's `manage.py NAME`, which runs the management command `<app>/management/commands/NAME.py`
 *   of an app under its folder (oncall's `python manage.py start_celery` in a Makefile recipe that
 *   activates the venv).
 *
 * Only the module named: what it imports is not followed (a module nobody starts inheriting its
 * importers' starters was tried on the corpus in session 26 and lost a true finding).
 */
import path from 'node:path';
import type { Resolve, RunnerTarget, RunnerWhere } from './test-runners.js';

const NAMES = 'gunicorn|uvicorn|hypercorn|daphne|waitress-serve|granian';
/** A program that is one of them. */
export const APP_SERVERS = new RegExp(`^(?:${NAMES})$`);
/** A text that names one of them (who-runs reads only configuration that may start a file). */
export const MENTIONS_APP_SERVER = new RegExp(NAMES, 'i');

/** The server's options that name the folder the module is imported from. */
const FOLDER_OPTIONS = new Set(['--chdir', '--app-dir']);
/** `pkg.module:app`, `app:create_app()`: a module, a colon, an attribute (a call for a factory). */
const APP_REFERENCE = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*):[A-Za-z_][\w.]*(?:\(.*\))?$/;

/** The module file the server's arguments name, found from the folder it imports from. */
export function appServerTargets(args: readonly (string | undefined)[], where: RunnerWhere, resolve: Resolve): RunnerTarget[] {
  let dirs = where.dirs;
  for (let j = 0; j < args.length; j++) {
    const w = args[j];
    if (w === undefined) continue; // an option's value the shell computes (`--bind ${HOST}:${PORT}`)
    const eq = w.indexOf('=');
    const opt = w.startsWith('--') && eq > 0 ? w.slice(0, eq) : w;
    if (FOLDER_OPTIONS.has(opt)) {
      const dir = eq > 0 && opt !== w ? w.slice(eq + 1) : args[++j];
      if (dir === undefined) return [];
      const hit = resolve(dir, dirs, where.root);
      if (!hit?.folder) return [];
      dirs = [hit.path];
      continue;
    }
    const m = APP_REFERENCE.exec(w);
    if (!m) continue;
    const rel = m[1].replace(/\./g, '/');
    const hit = resolve(`${rel}.py`, dirs, where.root) ?? resolve(path.join(rel, '__init__.py'), dirs, where.root);
    return hit && !hit.folder ? [{ file: hit.path }] : [];
  }
  return [];
}

/** A file where Django finds a management command (`<app>/management/commands/NAME.py`). */
export const isManagementCommand = (file: string): boolean => /[\\/]management[\\/]commands[\\/][^\\/]+\.py$/.test(file);

/** A management command's name: what `manage.py` takes before its options. */
const COMMAND_NAME = /^[A-Za-z_][\w-]*$/;

/**
 * The management command files `manage.py NAME` runs: `management/commands/NAME.py` of the apps
 * under manage.py's own folder (where Django projects keep them), found among the project's files.
 */
export function managementCommandTargets(manage: string, name: string | undefined, where: RunnerWhere): RunnerTarget[] {
  if (path.basename(manage) !== 'manage.py' || name === undefined || !COMMAND_NAME.test(name) || !where.anywhere) return [];
  const under = path.dirname(manage) + path.sep;
  return where.anywhere(path.join('management', 'commands', `${name}.py`)).filter((f) => f.startsWith(under)).map((file) => ({ file }));
}
