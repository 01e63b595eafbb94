/**
 * Whether the project says it runs on Windows too. On Windows a shell string (`os.system`,
 * `shell=True`, `os.popen`) is run by cmd.exe, which does not read POSIX single quotes: a fix that
 * splices `shlex.quote(sys.executable)` into one turns `C:\…\python.exe` into a program name cmd.exe
 * cannot find. The Python rewriter then quotes for both shells (python/rewriter.ts). Said by the
 * project: a CI job on a Windows runner (GitHub Actions, Azure Pipelines, AppVeyor), or a Windows
 * trove classifier; a file that itself mentions Windows is judged in the rewriter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isFile, readConfigText } from './config.js';

/** A CI job on Windows: GitHub's `windows-latest`/`windows-2022` runners, a self-hosted `windows` label, Azure's images. */
const WINDOWS_RUNNER = /\bwindows-(?:latest|\d{4})\b|\bruns-on\s*:[^\n]*\bwindows\b|\bvmImage\s*:\s*['"]?(?:windows|vs20\d\d)/i;
const WINDOWS_CLASSIFIER = /Operating System :: Microsoft :: Windows/;

/** Files read per project, at most (a repository with hundreds of workflows is not read whole). */
const MAX_FILES = 200;
const MAX_BYTES = 1024 * 1024;

const known = new Map<string, boolean>();

function yamlFilesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** Whether the project at `root` runs on Windows by its own CI or packaging metadata (cached per root). */
export function projectRunsOnWindows(root: string | undefined): boolean {
  if (!root) return false;
  const cached = known.get(root);
  if (cached !== undefined) return cached;
  const says = (files: string[], pattern: RegExp) =>
    files.some((f) => {
      const t = readConfigText(f, MAX_BYTES);
      return t !== undefined && pattern.test(t);
    });
  const found =
    ['appveyor.yml', '.appveyor.yml'].some((n) => isFile(path.join(root, n))) ||
    says([...yamlFilesIn(path.join(root, '.github', 'workflows')), path.join(root, 'azure-pipelines.yml'), ...yamlFilesIn(path.join(root, '.azure-pipelines'))].slice(0, MAX_FILES), WINDOWS_RUNNER) ||
    says(['pyproject.toml', 'setup.cfg', 'setup.py'].map((n) => path.join(root, n)), WINDOWS_CLASSIFIER);
  known.set(root, found);
  return found;
}
