/** Shared test helpers: where the repository is, and temporary folders that clean themselves up. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../src/kernel/own-package.js';
import { check } from '../src/api.js';

/** Compiled tests live in dist/test/…; the repository root is two levels above dist/. */
export const repoRoot = repositoryRoot(import.meta.url);

/** The CLI as installed: the bundle the package's `bin` names (scripts/bundle.ts). */
export const CLI = path.join(repoRoot, 'dist/cli/main.js');

export const sharedDir = path.resolve(repoRoot, '..', 'shared');

export function tempDir(prefix = 'venvguard-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh folder holding the given files (relative path → text), folders made as needed. */
export function writeProject(prefix: string, files: Record<string, string>): string {
  const root = tempDir(prefix);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Any Python 3 that can make a venv: pyenv's newest, else python3 on PATH (never a fixed path). */
export function python3(): string | undefined {
  const r = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (r.status === 0) {
    const versions = path.join(r.stdout.trim(), 'versions');
    const found = (fs.existsSync(versions) ? fs.readdirSync(versions) : [])
      .filter((v) => /^3\.\d+\.\d+$/.test(v))
      .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
      .map((v) => path.join(versions, v, 'bin', 'python3'))
      .find((p) => fs.existsSync(p));
    if (found) return found;
  }
  const w = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' });
  return w.status === 0 && w.stdout.trim() ? w.stdout.trim() : undefined;
}

/** The built CLI as a user runs it (no colour variables, CI set), from `cwd` (default: the repository). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A notebook as Jupyter writes it: one code cell per string (list-form sources), with `metadata`. */
export function notebookWith(metadata: object, cells: string[]): string {
  const source = (s: string) => s.split(/(?<=\n)/);
  return `${JSON.stringify({ cells: cells.map((c) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: source(c) })), metadata, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

/** A Python 3 notebook, one code cell per argument. */
export function pythonNotebook(...cells: string[]): string {
  return notebookWith({ kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } }, cells);
}

/**
 * The findings of `check` over a project made of `files` (VG106 included, so held findings show
 * with the signal that held them), as `path:line CODE message`; the project is removed after.
 */
export async function projectFindings(files: Record<string, string>, prefix = 'venvguard-proj-'): Promise<string[]> {
  const root = writeProject(prefix, files);
  try {
    const r = await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] });
    return r.diagnostics.map((d) => `${d.path.split(path.sep).join('/')}:${d.start.line} ${d.code} ${d.message}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** `path:line CODE` of each projectFindings line. */
export const findingCodes = (list: string[]): string[] => list.map((f) => f.split(' ').slice(0, 2).join(' '));
