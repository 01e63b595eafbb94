/**
 * Which files to check: the paths given, walked recursively, minus excluded and .gitignored
 * paths and venvs (any folder holding pyvenv.cfg). Symlink loops and unreadable folders are
 * reported, never fatal.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ignore } from 'ignore';
import type { FileProblem } from '../kernel/diagnostic.js';
import type { Language } from '../kernel/launch-site.js';
import { patternMatcher, type Config } from './config.js';
import { claimingFrontEnd, GENERIC_SCRIPT_NAME, headOf } from '../frontends/index.js';
import { isBuildFile } from './container-images.js';

export interface Discovery {
  files: string[];
  /** The front end that claimed each walked file (by name or first line): reading uses the same one. */
  claimed: Map<string, Language>;
  problems: FileProblem[];
  /** Compose and bake files met while walking, for the container pre-pass (container-images.ts). */
  buildFiles: string[];
}


/**
 * The first line of a file (for shebangs); empty when it cannot be read, or when a NUL byte in its
 * first 8,000 bytes (git's test) shows a binary file: met while walking, that is no script to report.
 */
function firstLineOf(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(8000);
    const n = fs.readSync(fd, buf, 0, 8000, 0);
    return buf.subarray(0, n).includes(0) ? '' : headOf(file, buf.subarray(0, n));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Folders nested deeper than this below a walked path are not walked (reported once, as
 * `too-complex`). Real trees stay far below it (node_modules chains and Java packages: tens of
 * levels); 2,000 levels of a hostile checkout would otherwise overflow paths and the stack.
 */
export const FOLDER_DEPTH_BUDGET = 256;

/**
 * `settings`: one Config for every file, or a function giving each folder's (resolver.ts: the
 * settings file nearest to it). A folder's exclusion patterns, .gitignore choice and root are those
 * of its own settings, as Ruff applies each configuration file to its own subtree.
 */
export function discoverFiles(inputs: string[], settings: Config | ((dir: string, names?: ReadonlySet<string>) => Config)): Discovery {
  const configFor = typeof settings === 'function' ? settings : () => settings;
  const files: string[] = [];
  const claimed = new Map<string, Language>();
  const problems: FileProblem[] = [];
  const buildFiles: string[] = [];
  const matchers = new Map<Config, Ignore>();
  const excludeOf = (cfg: Config) => {
    let m = matchers.get(cfg);
    if (!m) matchers.set(cfg, (m = patternMatcher([...cfg.exclude, ...cfg.extendExclude])));
    return m;
  };
  /**
   * The folders walked, by device and inode (one stat, where a real path costs a look-up per
   * component of an ever longer path, at every level).
   */
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  /** A folder's path relative to `base`, '/'-separated ('' for base itself; '..' first when outside it). */
  const relativeDir = (base: string, dir: string) => path.relative(base, path.resolve(dir)).split(path.sep).join('/');
  // Exclusion patterns match paths relative to the settings' root, or the name for paths outside it.
  // Relative paths are computed once per folder, not once per entry (1,740 files: 80 → ~40 ms).
  const excluded = (exclude: Ignore, rootRel: string, name: string, isDir: boolean): boolean => {
    if (rootRel.startsWith('..')) return exclude.ignores(name + (isDir ? '/' : ''));
    const r = rootRel ? `${rootRel}/${name}` : name;
    return exclude.ignores(isDir ? `${r}/` : r);
  };

  const links: { p: string; target: string; language: Language }[] = [];
  const addFile = (p: string, language?: Language) => {
    const key = path.resolve(p);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(p);
    if (language) claimed.set(p, language);
  };

  /** Folders past the depth budget: the first one's path and how many there were. */
  let tooDeep: { path: string; count: number } | undefined;
  /**
   * `gitignores`: the .gitignore files in force, each with this folder's path relative to its own
   * folder; `rootRel`: this folder's path relative to the project root when the parent knew it.
   * Both grow by one name per level (computing them from the full path at each level costs a
   * pass over an ever longer path).
   */
  const walk = (dir: string, gitignores: { ig: Ignore; rel: string }[], depth: number, knownRootRel?: string, parentCfg?: Config) => {
    let real: string;
    try {
      const st = fs.statSync(dir, { bigint: true }); // 64-bit inode numbers exceed a double
      real = `${st.dev}:${st.ino}`;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ path: dir, kind: code === 'ELOOP' ? 'symlink-loop' : 'unreadable', message: code === 'ELOOP' ? 'symbolic link loop; skipped' : `cannot resolve folder: ${code}`, partial: false });
      return;
    }
    // A second name for a folder checked elsewhere (`config -> conf`), or a link back to a folder
    // being walked (bup's Documentation/man1 -> .): its files are checked under the folder's own
    // name, so nothing is left unchecked, and it is not followed.
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, kind: 'unreadable', message: `cannot list folder: ${(e as NodeJS.ErrnoException).code}`, partial: false });
      return;
    }
    if (entries.some((e) => e.name === 'pyvenv.cfg')) return; // a venv: third-party code, not the project's
    const cfg = configFor(dir, new Set(entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name)));
    const exclude = excludeOf(cfg);
    if (cfg !== parentCfg) knownRootRel = undefined; // another settings file: paths relative to its root
    let scoped = gitignores;
    if (cfg.respectGitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        scoped = [...gitignores, { rel: '', ig: patternMatcher(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split(/\r?\n/)) }];
      } catch {
        /* an unreadable .gitignore ignores nothing */
      }
    }
    const rootRel = knownRootRel ?? relativeDir(cfg.root, dir);
    const scopes = scoped;
    const gitIgnored = (name: string, isDir: boolean) =>
      scopes.some(({ ig, rel }) => {
        const r = rel ? `${rel}/${name}` : name;
        return ig.ignores(isDir ? `${r}/` : r);
      });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let linkTo: string | undefined;
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (isFile) linkTo = fs.realpathSync(p);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') problems.push({ path: p, kind: 'symlink-loop', message: 'symbolic link loop; skipped', partial: false });
          // A link to nothing (ENOENT: a generated file, a venv's activate not made yet in this
          // checkout) has no content to check, so it is left out like a binary; any other
          // failure (EACCES on the way) may hide a file, and is reported.
          else if (code !== 'ENOENT' && claimingFrontEnd(p)) problems.push({ path: p, kind: 'unreadable', message: `broken symbolic link (${code}); skipped`, partial: false });
          continue;
        }
      }
      if (excluded(exclude, rootRel, e.name, isDir) || gitIgnored(e.name, isDir)) continue;
      if (isDir && depth >= FOLDER_DEPTH_BUDGET) {
        if (tooDeep) tooDeep.count++;
        else tooDeep = { path: p, count: 1 };
      } else if (isDir) {
        const under = (rel: string) => (rel ? `${rel}/${e.name}` : e.name);
        walk(p, scoped.map(({ ig, rel }) => ({ ig, rel: under(rel) })), depth + 1, rootRel.startsWith('..') ? undefined : under(rootRel), cfg);
      }
      else if (isFile) {
        const fe = GENERIC_SCRIPT_NAME.test(e.name)
          ? claimingFrontEnd(p, firstLineOf(p))
          : (claimingFrontEnd(p) ?? (e.name.includes('.') ? undefined : claimingFrontEnd(p, firstLineOf(p))));
        // A second name for a file (salt-bootstrap's bootstrap-salt-minion.sh -> bootstrap-salt.sh):
        // decided after the walk, when it is known whether the file is walked under its own name.
        if (fe && linkTo !== undefined) links.push({ p, target: linkTo, language: fe.language });
        else if (fe) addFile(p, fe.language);
        // A Compose file is also checked itself (its front end), and read by the container pre-pass.
        if (isBuildFile(e.name)) buildFiles.push(p);
      }
      if (!isFile && !isDir && claimingFrontEnd(p)) problems.push({ path: p, kind: 'not-a-file', message: 'not a regular file; skipped', partial: false });
    }
  };

  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ path: input, kind: code === 'ELOOP' ? 'symlink-loop' : 'unreadable', message: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code}`, partial: false });
      continue;
    }
    const cfg = st.isDirectory() ? undefined : configFor(path.dirname(path.resolve(input)));
    if (!cfg) walk(input, [], 0);
    else if (!cfg.forceExclude) addFile(input); // named explicitly: checked even if excluded
    else {
      // --force-exclude: as if met while walking its folder (a pre-commit hook names every changed file).
      const name = path.basename(input);
      const rel = relativeDir(cfg.root, input);
      const exclude = excludeOf(cfg);
      if (rel.startsWith('..') ? exclude.ignores(name) : exclude.ignores(rel)) continue;
      const fe = GENERIC_SCRIPT_NAME.test(name)
        ? claimingFrontEnd(input, firstLineOf(input))
        : (claimingFrontEnd(input) ?? (name.includes('.') ? undefined : claimingFrontEnd(input, firstLineOf(input))));
      if (fe) addFile(input, fe.language);
      if (isBuildFile(name)) buildFiles.push(input);
    }
  }
  // A link to a file that is walked under its own name is that file: checked once, under its real
  // path (reported and fixed there). A link to a file outside what is walked is checked by its name.
  for (const l of links) if (!seenFiles.has(l.target)) addFile(l.p, l.language);
  if (tooDeep) {
    const more = tooDeep.count > 1 ? ` (and ${tooDeep.count - 1} more folder${tooDeep.count > 2 ? 's' : ''} as deep)` : '';
    problems.push({ path: tooDeep.path, kind: 'too-complex', message: `folder nested more than ${FOLDER_DEPTH_BUDGET} levels deep, over the folder-depth budget of ${FOLDER_DEPTH_BUDGET}; not checked${more}`, partial: false });
  }
  return { files, claimed, problems, buildFiles };
}
