/**
 * Where the benchmark's input comes from. Finds a CPython 3.12 on this machine (pyenv first, then
 * `python3.12` on PATH, each probed once with `-I -c` printing JSON, since a pyenv shim can be on PATH
 * and still fail), takes its standard library as the default corpus, and stages a copy of the corpus's
 * `.py` files (bench/walk.ts's rule) in a temporary folder. Every tool then walks that same folder: the
 * same files, no config files, no site-packages, nothing any one tool would skip or add on its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPythonFiles } from './walk.js';

export interface PythonInfo {
  executable: string;
  version: string;
  implementation: string;
  stdlib: string;
}

const PROBE_SCRIPT = [
  'import json, sys, sysconfig',
  'print(json.dumps({"executable": sys.executable, "version": sys.version.split()[0],',
  '  "implementation": sys.implementation.name, "stdlib": sysconfig.get_paths()["stdlib"]}))',
].join('\n');

/** Runs the interpreter once; null when it does not start or does not answer with JSON. */
export function probePython(executable: string): PythonInfo | null {
  const r = spawnSync(executable, ['-I', '-c', PROBE_SCRIPT], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0 || typeof r.stdout !== 'string') return null;
  try {
    const info = JSON.parse(r.stdout) as PythonInfo;
    return typeof info.version === 'string' && typeof info.stdlib === 'string' ? info : null;
  } catch {
    return null;
  }
}

function pyenvRoot(): string | null {
  if (process.env.PYENV_ROOT && fs.existsSync(process.env.PYENV_ROOT)) return process.env.PYENV_ROOT;
  const r = spawnSync('pyenv', ['root'], { encoding: 'utf8', timeout: 30_000 });
  const fromCommand = r.status === 0 && typeof r.stdout === 'string' ? r.stdout.trim() : '';
  if (fromCommand && fs.existsSync(fromCommand)) return fromCommand;
  const inHome = path.join(os.homedir(), '.pyenv');
  return fs.existsSync(inHome) ? inHome : null;
}

function compareVersionsDescending(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Interpreters that claim to be 3.12, best first: pyenv's newest 3.12.x, then python3.12 on PATH. */
function python312Candidates(): string[] {
  const candidates: string[] = [];
  const root = pyenvRoot();
  if (root) {
    const versionsDir = path.join(root, 'versions');
    let names: string[] = [];
    try {
      names = fs.readdirSync(versionsDir).filter((name) => /^3\.12(\.\d+)?$/.test(name));
    } catch {
      /* no versions installed */
    }
    for (const name of names.sort(compareVersionsDescending)) {
      candidates.push(path.join(versionsDir, name, 'bin', 'python3.12'));
    }
  }
  candidates.push('python3.12');
  return candidates;
}

/** The first CPython 3.12 that actually runs, or null. */
export function findCPython312(): PythonInfo | null {
  for (const candidate of python312Candidates()) {
    const info = probePython(candidate);
    if (info && info.implementation === 'cpython' && info.version.startsWith('3.12')) return info;
  }
  return null;
}

/** For the ast baseline: CPython 3.12 if there is one (it parses all of the 3.12 stdlib), else python3. */
export function findPythonForAstWalk(): PythonInfo | null {
  return findCPython312() ?? probePython('python3');
}

export interface CorpusSource {
  /** The folder the files come from. */
  dir: string;
  /** One line for the report, e.g. "CPython 3.12.1 standard library (...)". */
  description: string;
  /** Things the reader should know (a fallback was used, ...). */
  warnings: string[];
}

/** The corpus folder: --corpus DIR if given, else the CPython 3.12 standard library, else python3's. */
export function resolveCorpus(explicitDir: string | undefined): CorpusSource | { error: string } {
  if (explicitDir !== undefined) {
    const dir = path.resolve(explicitDir);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { error: `--corpus ${explicitDir}: not a folder` };
    return { dir, description: dir, warnings: [] };
  }
  const py312 = findCPython312();
  if (py312) {
    return {
      dir: py312.stdlib,
      description: `CPython ${py312.version} standard library (${py312.stdlib}), site-packages excluded`,
      warnings: [],
    };
  }
  const fallback = probePython('python3');
  if (fallback) {
    return {
      dir: fallback.stdlib,
      description: `${fallback.implementation} ${fallback.version} standard library (${fallback.stdlib}), site-packages excluded`,
      warnings: [
        `no working CPython 3.12 found (pyenv or python3.12 on PATH); fell back to python3 ${fallback.version}'s standard library, so numbers are not comparable with 3.12 runs`,
      ],
    };
  }
  return { error: 'no Python interpreter found to locate a standard library; pass --corpus DIR' };
}

export interface StagedCorpus {
  /** The folder every tool is pointed at. */
  root: string;
  /** The temporary folder to delete afterwards (null when not staged). */
  cleanup: string | null;
  files: number;
  bytes: number;
}

/** Copies the corpus's .py files into a fresh temporary folder (keeping the relative layout). */
export function stageCorpus(source: CorpusSource): StagedCorpus {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bench-corpus-'));
  const root = path.join(parent, path.basename(source.dir) || 'corpus');
  let files = 0;
  let bytes = 0;
  try {
    for (const file of listPythonFiles(source.dir)) {
      const target = path.join(root, path.relative(source.dir, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      files += 1;
      bytes += fs.statSync(target).size;
    }
  } catch (error) {
    fs.rmSync(parent, { recursive: true, force: true });
    throw error;
  }
  fs.mkdirSync(root, { recursive: true });
  return { root, cleanup: parent, files, bytes };
}

/** Uses the folder as it is (--no-stage): each tool then applies its own file-selection rules. */
export function unstagedCorpus(source: CorpusSource): StagedCorpus {
  let files = 0;
  let bytes = 0;
  for (const file of listPythonFiles(source.dir)) {
    files += 1;
    bytes += fs.statSync(file).size;
  }
  return { root: source.dir, cleanup: null, files, bytes };
}
