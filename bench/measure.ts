/**
 * How the benchmark times a tool: one child process per run, wall time taken around it by Node, peak
 * resident memory taken from the kernel's rusage of the waited-for process tree. GNU time (`time -f %M`)
 * reads that rusage when it is installed; otherwise a small python3 wrapper reads
 * `getrusage(RUSAGE_CHILDREN).ru_maxrss`; with neither, memory is reported as unknown. Either way the
 * figure is the largest single process's peak in the tree (what rusage gives), not a sum over processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export type RssMethod =
  | { kind: 'gnu-time'; bin: string }
  | { kind: 'python-rusage'; python: string }
  | { kind: 'none'; reason: string };

export interface RunResult {
  wallSeconds: number;
  /** Peak RSS in KiB, or null when it could not be measured. */
  peakRssKiB: number | null;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the process (or its wrapper) could not be started at all. */
  spawnError?: string;
}

const RUSAGE_WRAPPER = [
  'import resource, subprocess, sys',
  'try:',
  '    code = subprocess.call(sys.argv[2:])',
  'except OSError as error:',
  '    sys.stderr.write("cannot start %s: %s\\n" % (sys.argv[2], error))',
  '    code = 127',
  'with open(sys.argv[1], "w") as out:',
  '    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))',
  'sys.exit(code if code >= 0 else 128 - code)',
].join('\n');

/** Reads the last integer line of the file the wrapper wrote (GNU time may put a status line first). */
function readRssFile(file: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.trim().split('\n');
  const last = lines[lines.length - 1]?.trim() ?? '';
  return /^\d+$/.test(last) ? Number(last) : null;
}

/** Picks the best way to measure peak RSS that actually works on this machine. */
export function detectRssMethod(): RssMethod {
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bench-rss-'));
  const probeFile = path.join(probeDir, 'rss');
  try {
    for (const bin of ['/usr/bin/time', '/bin/time']) {
      if (!fs.existsSync(bin)) continue;
      const r = spawnSync(bin, ['-f', '%M', '-o', probeFile, process.execPath, '-e', ''], { stdio: 'ignore' });
      if (r.status === 0 && readRssFile(probeFile) !== null) return { kind: 'gnu-time', bin };
    }
    for (const python of ['python3', 'python']) {
      const r = spawnSync(python, ['-c', RUSAGE_WRAPPER, probeFile, process.execPath, '-e', ''], { stdio: 'ignore' });
      if (r.status === 0 && readRssFile(probeFile) !== null) return { kind: 'python-rusage', python };
    }
    return { kind: 'none', reason: 'neither GNU time nor python3 is available (apt-get install -y time)' };
  } finally {
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
}

export function describeRssMethod(method: RssMethod): string {
  switch (method.kind) {
    case 'gnu-time':
      return `GNU time (${method.bin} -f %M): peak RSS of the largest process in the tree`;
    case 'python-rusage':
      return `${method.python} resource.getrusage(RUSAGE_CHILDREN).ru_maxrss: peak RSS of the largest process in the tree`;
    case 'none':
      return `not measured: ${method.reason}`;
  }
}

/** Process groups of runs still going, so an interrupted bench can end exactly the processes it started. */
const activeGroups = new Set<number>();

export function stopActiveRuns(): void {
  for (const pgid of activeGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  activeGroups.clear();
}

export interface RunOptions {
  cwd: string;
  timeoutSeconds: number;
  rss: RssMethod;
  env?: NodeJS.ProcessEnv;
}

/** Runs one command to completion (or to its time limit) and measures it. Never throws. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const rssDir = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-bench-run-'));
  const rssFile = path.join(rssDir, 'rss');
  let argv: [string, ...string[]];
  switch (options.rss.kind) {
    case 'gnu-time':
      argv = [options.rss.bin, '-f', '%M', '-o', rssFile, command, ...args];
      break;
    case 'python-rusage':
      argv = [options.rss.python, '-c', RUSAGE_WRAPPER, rssFile, command, ...args];
      break;
    case 'none':
      argv = [command, ...args];
      break;
  }
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    const start = performance.now();
    // Own process group, so a time-out ends the wrapper and the tool together (and nothing else).
    const child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid !== undefined) activeGroups.add(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }, options.timeoutSeconds * 1000);
    const finish = (result: Omit<RunResult, 'peakRssKiB' | 'stdout' | 'stderr' | 'timedOut'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.pid !== undefined) activeGroups.delete(child.pid);
      const peakRssKiB = options.rss.kind === 'none' ? null : readRssFile(rssFile);
      fs.rmSync(rssDir, { recursive: true, force: true });
      resolve({
        ...result,
        peakRssKiB,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    };
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      finish({ wallSeconds: (performance.now() - start) / 1000, exitCode: null, signal: null, spawnError: error.message });
    });
    child.on('close', (exitCode, signal) => {
      finish({ wallSeconds: (performance.now() - start) / 1000, exitCode, signal });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
