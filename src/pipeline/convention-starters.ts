/**
 * Starters that no configuration file of the repository names: programs that run a file found by
 * its name and place, by convention (who-runs pre-pass, issue 15). Each runs the file with PATH's
 * interpreter or with its environment first on PATH, so a name the file starts is found there too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInterpreterName } from '../judge/python-tools.js';

/** The interpreter a file's shebang names: `env python3` → on PATH, a venv's → by path. */
export function shebangOf(file: string): string | undefined {
  let head = '';
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(256);
      head = buf.subarray(0, fs.readSync(fd, buf, 0, 256, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const m = /^#!\s*(\S+)(?:[ \t]+(?:-S[ \t]+)?(\S+))?/.exec(head);
  if (!m) return undefined;
  return path.basename(m[1]) === 'env' ? m[2] : m[1];
}

const GIT_HOOKS = new Set(['applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'pre-receive', 'update', 'post-receive', 'post-update', 'push-to-checkout', 'pre-auto-gc', 'post-rewrite']);

/**
 * A git hook kept in the repository (`.githooks/pre-push`, installed with `core.hooksPath`): git runs
 * it as a program, and a `#!/usr/bin/env python` shebang finds its interpreter on PATH (ploomber's
 * pre-push runs flake8 by name from that same PATH). Outside a hooks folder, a file named as a hook
 * is one a developer copies or links into `.git/hooks` (unknown-horizons' `development/pre-commit`);
 * not `update`, a name many other files have.
 */
function gitHook(file: string): string | undefined {
  const name = path.basename(file);
  if (!GIT_HOOKS.has(name) || (!/hooks$/i.test(path.basename(path.dirname(file))) && name === 'update')) return undefined;
  const interp = shebangOf(file);
  if (interp === undefined || interp.includes('/') || !isInterpreterName(interp)) return undefined;
  return `git runs this file as its ${name} hook, by its shebang, as "${interp}" from PATH`;
}

/**
 * repo2docker (Binder) runs a repository's `postBuild` and `start` (in `binder/` or `.binder/`, else
 * at the root) after building its environment, with that environment first on PATH: a name the
 * file starts is found there (jupyterlab-code-formatter's binder/postBuild runs `jupyter`).
 */
function binderHook(file: string, root: string): string | undefined {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const m = /^(?:(\.?binder)\/)?(postBuild|start)$/.exec(rel);
  if (!m || (!m[1] && ['binder', '.binder'].some((d) => fs.existsSync(path.join(root, d))))) return undefined;
  return `repo2docker (Binder) runs this file as its ${m[2]} script, with the environment it built first on PATH`;
}

/** What starts a Python file by convention (a git hook, repo2docker's scripts): each on PATH. */
export function conventionStarts(file: string, root: string): string[] {
  return [gitHook(file), binderHook(file, root)].filter((t): t is string => t !== undefined);
}
