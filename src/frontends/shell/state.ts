/**
 * What a command does to its own shell's state — the part of "activation lasts one shell" that every
 * configuration front end (Dockerfile RUN, workflow step …) shares: `PATH=…` alone, `export PATH=…`,
 * `cd`, `pushd`/`popd`, `deactivate`, and `source …/bin/activate`. Front ends keep what persists beyond the shell.
 */
import path from 'node:path';
import type { Word } from '../../kernel/word.js';
import { wordText } from '../../kernel/word.js';
import { hasUnknown } from '../config/facts.js';
import { STAND_IN_ROOT } from '../../kernel/stand-ins.js';
import type { ShellCommand } from './parse.js';

export interface ShellState {
  /** PATH inside this shell. */
  path: string;
  cwd: string | undefined;
  /** Venv activated in this shell (its bin put first on PATH by `activate`). */
  activated?: string;
  /** PATH before the activation, restored by `deactivate`. */
  saved?: string;
  /**
   * An environment this shell runs in that the file does not show (`conda activate NAME`, or a
   * guard that exits unless $VIRTUAL_ENV is set): python, pip and console scripts by name are its.
   * A label for messages, never a path.
   */
  unseen?: string;
  /**
   * The folders `pushd` left (bash's directory stack without its top), newest last; `popd` goes back
   * to the last. Replaced, never changed in place: a saved state (a subshell's) keeps its own.
   */
  dirs?: (string | undefined)[];
}

/** An absolute, normalised folder for `p` seen from `cwd`; undefined when not known statically. */
export function resolveDir(p: string, cwd: string | undefined): string | undefined {
  if (hasUnknown(p)) return undefined;
  // `~/venv` where the shell's HOME is not known (a script's): the home folder of whoever runs it,
  // not a folder named `~` under the working folder; kept as written (the shell expands it there).
  if (p === '~' || p.startsWith('~/')) return p === '~' ? p : `~/${path.posix.normalize(p.slice(2)).replace(/\/+$/, '')}`;
  if (!p.startsWith('/')) {
    // A working folder the file does not say (Jenkins' `dir(teuthDir)` on a Groovy variable) is not known either.
    if (cwd === undefined || hasUnknown(cwd)) return undefined;
    p = `${cwd}/${p}`;
  }
  // Above a stand-in folder (a script's unknown start folder, $(CURDIR), cron's HOME): `..` is
  // kept after it (`/__start_dir__/../venv`), so the path can still be written relative to it.
  const root = STAND_IN_ROOT.exec(p)?.[0];
  if (root !== undefined) {
    const rel = path.posix.normalize(`.${p.slice(root.length)}`).replace(/\/+$/, '');
    if (rel === '..' || rel.startsWith('../')) return `${root}/${rel}`;
  }
  const n = path.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/** resolveDir for one shell: a path as the script writes it (`norm`alised) made absolute from `cwd`. */
export function resolverFrom(norm: (p: string) => string, cwd: string | undefined): (p: string) => string | undefined {
  return (p) => resolveDir(norm(p), cwd);
}

/** A new PATH for this shell; an activation whose bin is no longer on it has ended. */
export function setShellPath(sh: ShellState, v: string | undefined): void {
  if (v === undefined) return;
  sh.path = v;
  if (sh.activated && !v.split(':').includes(`${sh.activated}/bin`)) sh.activated = undefined;
}

/** Makes `sh` what `to` is, in place: the parser's word expander and the driver hold the very object. */
export function assignShell(sh: ShellState, to: ShellState): void {
  for (const k of Object.keys(sh) as (keyof ShellState)[]) delete sh[k];
  Object.assign(sh, to);
}

export function activate(sh: ShellState, venv: string): void {
  sh.activated = venv;
  sh.unseen = undefined;
  sh.saved = sh.path;
  sh.path = `${venv}/bin:${sh.path}`;
}

export type ShellEffect =
  /** Only variable assignments: not a command. */
  | { kind: 'assignment' }
  /** `export`, `cd`, `deactivate`: the shell's state changed; nothing is launched. */
  | { kind: 'state' }
  /** `source X/bin/activate`: call `activate(sh, venv)` once its launch site is made. */
  | { kind: 'activation'; venv: string };

/**
 * Applies `cmd`'s effect on the shell's own state (except activation, which is returned so the
 * front end can record the site first). Undefined for an ordinary command. `valueOf` turns a word
 * into the text its value has in this shell (with $PATH and friends substituted).
 */
export function shellEffect(cmd: ShellCommand, sh: ShellState, valueOf: (w: Word) => string | undefined): ShellEffect | undefined {
  if (cmd.words.length === 0) {
    for (const a of cmd.assignments) if (a.name === 'PATH') setShellPath(sh, valueOf(a.value));
    return { kind: 'assignment' };
  }
  const w0 = wordText(cmd.words[0]);
  if (w0 === 'export') {
    for (const w of cmd.words.slice(1)) {
      const first = w.fragments[0];
      if (first?.kind === 'text' && first.text.startsWith('PATH=')) {
        setShellPath(sh, valueOf({ fragments: [{ kind: 'text', text: first.text.slice(5) }, ...w.fragments.slice(1)] }));
      }
    }
    return { kind: 'state' };
  }
  if (w0 === 'cd') {
    // `cd [-L|-P|-e|-@] [--] DIR`: the options and `--` are not the folder; `cd -` goes back to
    // $OLDPWD and `cd` alone to $HOME, neither known here.
    let k = 1;
    for (; k < cmd.words.length; k++) {
      const t = wordText(cmd.words[k]);
      if (t === '--') {
        k++;
        break;
      }
      if (t === undefined || !/^-[LPe@]+$/.test(t)) break;
    }
    const d = cmd.words[k] ? wordText(cmd.words[k]) : undefined;
    sh.cwd = d === undefined || d === '-' ? undefined : resolveDir(d, sh.cwd);
    return { kind: 'state' };
  }
  if (w0 === 'pushd' || w0 === 'popd') {
    // `pushd DIR` goes to DIR and remembers the folder it left; `popd` goes back to it (LocalAI's
    // backends, mujoco's build_steps.sh: `pushd "${TMPDIR}"`, `python -m venv venv`, `popd`). Other
    // forms (`pushd` alone or `+N` rotate the stack, `-n` keeps the folder) leave folder and stack unknown.
    const args = cmd.words.slice(1).map((w) => wordText(w));
    if (w0 === 'pushd' && args.length === 1 && (args[0] === undefined || !/^[-+]/.test(args[0]))) {
      sh.dirs = [...(sh.dirs ?? []), sh.cwd];
      sh.cwd = args[0] === undefined ? undefined : resolveDir(args[0], sh.cwd);
    } else if (w0 === 'popd' && args.length === 0 && sh.dirs?.length) {
      sh.cwd = sh.dirs[sh.dirs.length - 1];
      sh.dirs = sh.dirs.slice(0, -1);
    } else {
      sh.cwd = undefined;
      sh.dirs = undefined;
    }
    return { kind: 'state' };
  }
  if (w0 === 'deactivate') {
    if (sh.activated && sh.saved !== undefined) sh.path = sh.saved;
    sh.activated = undefined;
    sh.unseen = undefined;
    return { kind: 'state' };
  }
  const conda = condaActivation(cmd.words);
  if (conda !== undefined) {
    // conda's environment goes first on PATH, ahead of any venv; `conda deactivate` ends it.
    sh.unseen = conda || undefined;
    return { kind: 'state' };
  }
  if ((w0 === 'source' || w0 === '.') && cmd.words[1]) {
    const target = wordText(cmd.words[1]);
    const abs = target === undefined ? undefined : resolveDir(target, sh.cwd);
    // (`Scripts/activate`: a Windows venv, as Git Bash on a Windows runner sources it)
    const m = abs ? /\/(?:bin|Scripts)\/activate$/.exec(abs) : null;
    if (abs && m) return { kind: 'activation', venv: abs.slice(0, m.index) };
  }
  return undefined;
}

/**
 * `conda activate NAME`, `mamba`/`micromamba activate NAME`, and conda's old `source activate NAME`
 * (`.` too): the environment's label ('conda environment NAME'); '' for `conda deactivate`;
 * undefined for any other command. The environment is not one the file shows, but everything by
 * name after it runs from it.
 */
export function condaActivation(words: readonly Word[]): string | undefined {
  const t = words.slice(0, 3).map((w) => wordText(w));
  // A path the file builds at run time still ends in the tool's own name (`"$CONDA/condabin/conda.bat"`).
  const last = words[0]?.fragments.at(-1);
  const tail = t[0] ?? (last?.kind === 'text' && /[/\\]/.test(last.text) ? last.text : undefined);
  const tool = tail === undefined ? undefined : path.win32.basename(tail);
  let name: string | undefined;
  if (tool && /^(conda|mamba|micromamba)(\.bat|\.exe)?$/i.test(tool)) {
    if (t[1] === 'deactivate') return '';
    if (t[1] !== 'activate') return undefined;
    name = words.length > 2 ? (t[2] ?? 'a computed one') : 'base';
  } else if ((t[0] === 'source' || t[0] === '.') && t[1] === 'activate') {
    name = words.length > 2 ? (t[2] ?? 'a computed one') : 'base';
  } else return undefined;
  return `the conda environment ${name}`;
}
