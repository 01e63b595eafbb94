/**
 * `ln -s /opt/app/venv/bin/app /usr/local/bin/app`: a script that links a venv's programs into a
 * folder every PATH holds makes them found by name afterwards, as the venv's own (iiab's
 * scripts/ansible links /usr/local/ansible/bin/ansible* into /usr/local/bin, then runs
 * `ansible-galaxy` by name; certbot's instructions link /opt/certbot/bin/certbot the same way).
 * What the link names: a program of a known venv's bin, and the name it gets on PATH (undefined
 * when a variable or a glob decides it: `ln -sf venv/bin/"$bin" /usr/local/bin/"$bin"` in a loop).
 */
import path from 'node:path';
import type { Fragment, Word } from '../../kernel/word.js';
import { wordText } from '../../kernel/word.js';

/** Folders on every PATH a service, a login shell or sudo has. */
const PATH_DIRS = new Set(['/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin', '/usr/sbin', '/sbin', '~/.local/bin', '~/bin']);

/** The word's text with a `*` for each part not known statically (a variable, a substitution). */
function textOrStar(w: Word): string {
  return w.fragments.map((f: Fragment) => (f.kind === 'text' ? f.text : '*')).join('');
}

export interface LinkedTool {
  venv: string;
  /** The name on PATH, or undefined when it is not known statically. */
  name?: string;
}

/**
 * The venv programs an `ln` command puts on PATH; `venvs` are the venvs known at this point,
 * `resolve` turns a path of the script into an absolute one (undefined when unknown).
 */
export function linkedIntoPath(argv: readonly Word[], venvs: Iterable<string>, resolve: (p: string) => string | undefined): LinkedTool[] {
  if (argv.length < 3 || wordText(argv[0]) !== 'ln') return [];
  const operands: string[] = [];
  let targetDir: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = textOrStar(argv[i]);
    if (t === '--') continue;
    if (t.startsWith('--target-directory=')) targetDir = t.slice('--target-directory='.length);
    else if (t === '-t' && i + 1 < argv.length) targetDir = textOrStar(argv[++i]);
    else if (t.startsWith('-') && t.length > 1) continue;
    else operands.push(t);
  }
  const sources = targetDir !== undefined ? operands : operands.slice(0, -1);
  const dest = targetDir ?? operands[operands.length - 1];
  if (!sources.length || dest === undefined) return [];
  const destClean = dest.replace(/\/+$/, '');
  const intoDir = targetDir !== undefined || PATH_DIRS.has(destClean) || sources.length > 1;
  const dir = intoDir ? destClean : path.posix.dirname(destClean);
  if (!PATH_DIRS.has(dir)) return [];
  const known = [...venvs];
  const out: LinkedTool[] = [];
  for (const s of sources) {
    const binAt = s.lastIndexOf('/bin/');
    if (binAt < 0) continue;
    const venv = s.slice(0, binAt).includes('*') ? undefined : resolve(s.slice(0, binAt));
    if (venv === undefined || !known.includes(venv)) continue;
    const name = intoDir ? s.slice(binAt + 5) : path.posix.basename(destClean);
    out.push({ venv, name: name && !/[*?[/]/.test(name) ? name : undefined });
  }
  return out;
}
