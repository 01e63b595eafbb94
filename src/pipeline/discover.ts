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

export function discoverFiles(inputs: string[], cfg: Config): Discovery {
  const files: string[] = [];
  const claimed = new Map<string, Language>();
  const problems: FileProblem[] = [];
  const buildFiles: string[] = [];
  const exclude = patternMatcher([...cfg.exclude, ...cfg.extendExclude]);
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  /** A folder's path relative to `base`, '/'-separated ('' for base itself; '..' first when outside it). */
  const relativeDir = (base: string, dir: string) => path.relative(base, path.resolve(dir)).split(path.sep).join('/');
  // Exclusion patterns match paths relative to the project root, or the name for paths outside it.
  // Relative paths are computed once per folder, not once per entry (1,740 files: 80 → ~40 ms).
  const excluded = (rootRel: string, name: string, isDir: boolean): boolean => {
    if (rootRel.startsWith('..')) return exclude.ignores(name + (isDir ? '/' : ''));
    const r = rootRel ? `${rootRel}/${name}` : name;
    return exclude.ignores(isDir ? `${r}/` : r);
  };

  const addFile = (p: string, language?: Language) => {
    const key = path.resolve(p);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(p);
    if (language) claimed.set(p, language);
  };

  /** The real paths of the folders being walked, outermost first: a link back to one of them is a loop. */
  const ancestors = new Set<string>();
  const walk = (dir: string, gitignores: { base: string; ig: Ignore }[]) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ path: dir, kind: code === 'ELOOP' ? 'symlink-loop' : 'unreadable', message: code === 'ELOOP' ? 'symbolic link loop; skipped' : `cannot resolve folder: ${code}`, partial: false });
      return;
    }
    if (ancestors.has(real)) {
      problems.push({ path: dir, kind: 'symlink-loop', message: `symbolic link loop (already visited as ${real}); skipped`, partial: false });
      return;
    }
    // A second name for a folder checked elsewhere (`config -> conf`): nothing is left unchecked.
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
    let scoped = gitignores;
    if (cfg.respectGitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        scoped = [...gitignores, { base: dir, ig: patternMatcher(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split(/\r?\n/)) }];
      } catch {
        /* an unreadable .gitignore ignores nothing */
      }
    }
    const rootRel = relativeDir(cfg.root, dir);
    const scopes = scoped.map(({ base, ig }) => ({ ig, rel: relativeDir(base, dir) })).filter((s) => !s.rel.startsWith('..'));
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
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') problems.push({ path: p, kind: 'symlink-loop', message: 'symbolic link loop; skipped', partial: false });
          else if (claimingFrontEnd(p)) problems.push({ path: p, kind: 'unreadable', message: `broken symbolic link (${code}); skipped`, partial: false });
          continue;
        }
      }
      if (excluded(rootRel, e.name, isDir) || gitIgnored(e.name, isDir)) continue;
      if (isDir) {
        ancestors.add(real);
        walk(p, scoped);
        ancestors.delete(real);
      }
      else if (isFile) {
        const fe = GENERIC_SCRIPT_NAME.test(e.name)
          ? claimingFrontEnd(p, firstLineOf(p))
          : (claimingFrontEnd(p) ?? (e.name.includes('.') ? undefined : claimingFrontEnd(p, firstLineOf(p))));
        if (fe) addFile(p, fe.language);
        else if (isBuildFile(e.name)) buildFiles.push(p);
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
    if (st.isDirectory()) walk(input, []);
    else addFile(input); // named explicitly: checked even if excluded
  }
  return { files, claimed, problems, buildFiles };
}
