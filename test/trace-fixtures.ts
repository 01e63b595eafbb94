/**
 * What the tracer tests share: the interpreters of this machine by major.minor (pyenv's versions, then
 * python3/python2.7 on PATH; never a fixed path), venvs made with them, a bin folder whose `python` is
 * an interpreter outside the venv (what a bare `python` finds on PATH), and finders over the records.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcessRecord, SpawnRecord, TraceRecord } from '../src/env/trace/records.js';

/** Interpreters by major.minor: `pyenv root`/versions/*\/bin/pythonX.Y, then pythonX.Y/python3 on PATH. */
export function interpreters(): Map<string, string> {
  const out = new Map<string, string>();
  const r = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (r.status === 0) {
    const versions = path.join(r.stdout.trim(), 'versions');
    for (const v of fs.existsSync(versions) ? fs.readdirSync(versions).sort() : []) {
      const bin = path.join(versions, v, 'bin');
      for (const f of fs.existsSync(bin) ? fs.readdirSync(bin) : []) {
        const m = /^python(\d\.\d+)$/.exec(f);
        if (m && !out.has(m[1])) out.set(m[1], path.join(bin, f));
      }
    }
  }
  for (const name of ['python3', 'python2.7']) {
    const w = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const exe = w.stdout.trim();
    if (w.status !== 0 || !exe || exe.includes('/shims/')) continue;
    const v = spawnSync(exe, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
    if (v.status === 0 && !out.has(v.stdout.trim())) out.set(v.stdout.trim(), exe);
  }
  return out;
}

/** The newest Python 3 found, as [major.minor, path]. */
export function newestPython3(pythons: Map<string, string>): [string, string] | undefined {
  return [...pythons].filter(([v]) => v.startsWith('3.')).sort(([a], [b]) => b.localeCompare(a, undefined, { numeric: true }))[0];
}

/** A venv without pip (fast); returns its interpreter. */
export function makeVenv(python: string, dir: string): string {
  const r = spawnSync(python, ['-m', 'venv', '--without-pip', dir], { encoding: 'utf8', env: cleanEnv('/usr/bin:/bin') });
  if (r.status !== 0) throw new Error(`cannot make a venv with ${python}: ${r.stderr}`);
  return path.join(dir, 'bin', 'python');
}

/** A folder whose `python` is `target` (an interpreter outside the venv under test). */
export function pythonBin(dir: string, target: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(target, path.join(dir, 'python'));
  return dir;
}

/** The process environment without anything that would point Python elsewhere, with this PATH. */
export function cleanEnv(PATH: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH, HOME: process.env.HOME ?? '/', LANG: 'C.UTF-8' };
  return { ...env, ...extra };
}

/** The 1-based line of `file` that carries `# MARK name`. */
export function markLine(file: string, name: string): number {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.endsWith(`# MARK ${name}`));
  if (i < 0) throw new Error(`no '# MARK ${name}' in ${file}`);
  return i + 1;
}

export const processes = (records: TraceRecord[]) => records.filter((r): r is ProcessRecord => r.type === 'process');
export const spawns = (records: TraceRecord[]) => records.filter((r): r is SpawnRecord => r.type === 'spawn');

const hasWord = (args: string[] | string, tag: string) => (typeof args === 'string' ? args.split(/\s+/).includes(tag) : args.includes(tag));

/** The process records whose command line carries `tag` as one word. */
export const processesTagged = (records: TraceRecord[], tag: string) => processes(records).filter((r) => r.argv.includes(tag));
/** The spawn records whose argv (or command string) carries `tag` as one word. */
export const spawnsTagged = (records: TraceRecord[], tag: string) => spawns(records).filter((r) => hasWord(r.args, tag));

/** The call site of a spawn record as `file:line`. */
export function callSite(r: SpawnRecord): string | null {
  if (r.callSite === null) return null;
  const f = r.stack[r.callSite];
  return `${f.file}:${f.line}`;
}
