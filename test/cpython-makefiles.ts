/**
 * CPython's own Makefiles on this machine (every CPython install has one, in its
 * `lib/python3.X/config-3.X-…` folder): the interpreters pyenv knows, then `python3`'s sysconfig. Never a
 * hard-coded path: found at run time, newest version first; empty when there is none.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function cpythonMakefiles(): string[] {
  const found: string[] = [];
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' }).stdout?.trim();
  if (root && fs.existsSync(path.join(root, 'versions'))) {
    for (const v of fs.readdirSync(path.join(root, 'versions'))) {
      const lib = path.join(root, 'versions', v, 'lib');
      if (!fs.existsSync(lib)) continue;
      for (const py of fs.readdirSync(lib).filter((d) => /^python3\.\d+$/.test(d))) {
        for (const c of fs.readdirSync(path.join(lib, py)).filter((d) => d.startsWith('config-'))) found.push(path.join(lib, py, c, 'Makefile'));
      }
    }
  }
  const sys = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_makefile_filename())'], { encoding: 'utf8' }).stdout?.trim();
  if (sys) found.push(sys);
  const minor = (f: string) => Number(/python3\.(\d+)/.exec(f)?.[1] ?? 0);
  return [...new Set(found.filter((f) => fs.existsSync(f)))].sort((a, b) => minor(b) - minor(a));
}
