/**
 * The tools the benchmark compares, each as: how to find out whether it is installed (and its version),
 * the command that checks the corpus, and how to read the number of findings from its output. A tool
 * that is missing is skipped with an install hint; a tool that misbehaves is reported as failed. Nothing
 * here throws for a tool's sake: the bench must always print its table.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findPythonForAstWalk } from './corpus.js';
import type { RunResult } from './measure.js';
import { BANDIT_TESTS, RUFF_PACKAGE, RUFF_RULES } from './peer-config.js';

export type ToolName = 'venvguard' | 'bandit' | 'ruff-wasm' | 'ast-walk' | 'floor';
export const TOOL_NAMES: readonly ToolName[] = ['venvguard', 'bandit', 'ruff-wasm', 'ast-walk', 'floor'];
/** Other spellings accepted by --only. */
export const TOOL_ALIASES: Readonly<Record<string, ToolName>> = {
  vg: 'venvguard',
  ruff: 'ruff-wasm',
  ast: 'ast-walk',
  ast_walk: 'ast-walk',
};

export interface ToolContext {
  repoRoot: string;
  /** Folder holding the compiled bench scripts (dist/bench). */
  benchDist: string;
  corpusRoot: string;
  /** venvguard's CLI entry point (default dist/cli/main.js, the bundled bin; --venvguard overrides it). */
  venvguardCli: string;
  /** Extra arguments for `venvguard check` (--venvguard-args), e.g. --no-prefilter or --jobs 1. */
  venvguardArgs: string[];
}

export interface Outcome {
  /** What the tool reported; null when it reports nothing comparable (the floor) or could not be read. */
  findings: number | null;
  /** Files the tool says it looked at, when it says. */
  files: number | null;
  /** Files it could not parse (or only partly), when it says. */
  parseErrors: number | null;
  byCode: Record<string, number>;
  notes: string[];
}

export interface PreparedTool {
  version: string;
  command: string;
  args: string[];
  /** Reads one run's output; returns a string when the run failed. */
  read(run: RunResult): Outcome | string;
}

export interface Skip {
  skip: string;
}

export interface Tool {
  name: ToolName;
  /** What it is configured to count, for the table. */
  detects: string;
  installHint: string;
  prepare(ctx: ToolContext): PreparedTool | Skip;
}

/** The most telling part of a tool's stderr: its error message line if it printed one, else its last lines. */
function stderrGist(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const message = lines.find((l) => /^([A-Z]\w*)?(Error|Exception)\b.*:/.test(l) || /^error:/i.test(l));
  return (message ?? lines.slice(-3).join(' | ')).slice(0, 400);
}

/** The common checks on a finished run: started, not timed out, an accepted exit code. */
function runProblem(run: RunResult, okExitCodes: readonly number[]): string | null {
  if (run.spawnError) return `could not start: ${run.spawnError}`;
  if (run.timedOut) return `timed out after ${run.wallSeconds.toFixed(0)} s`;
  if (run.exitCode === null) return `killed by ${run.signal ?? 'a signal'}`;
  if (!okExitCodes.includes(run.exitCode)) {
    return `exit ${run.exitCode}${run.stderr.trim() ? `: ${stderrGist(run.stderr)}` : ''}`;
  }
  return null;
}

function parseJson(run: RunResult): unknown | string {
  try {
    return JSON.parse(run.stdout) as unknown;
  } catch {
    const head = run.stdout.trim().slice(0, 200);
    return `stdout is not JSON${head ? `: ${head}` : ' (empty)'}${run.stderr.trim() ? ` [stderr: ${stderrGist(run.stderr)}]` : ''}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function countBy(items: readonly unknown[], key: (item: Record<string, unknown>) => unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    if (!isRecord(item)) continue;
    const k = key(item);
    if (typeof k === 'string') counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

function numberAt(obj: unknown, key: string): number | null {
  return isRecord(obj) && typeof obj[key] === 'number' ? obj[key] : null;
}

/**
 * Reads venvguard's JSON report (`--format json`, schemaVersion 1): `diagnostics`, `problems` (files not
 * fully checked) and `summary` (filesChecked, filesSkipped). Returns a string when the shape is not that.
 */
function readVenvguardReport(json: unknown): Outcome | string {
  if (!isRecord(json) || !Array.isArray(json.diagnostics)) {
    const top = isRecord(json) ? Object.keys(json).join(', ') : Array.isArray(json) ? 'an array' : typeof json;
    return `JSON report has no "diagnostics" array (top level: ${top})`;
  }
  const notes: string[] = [];
  if (json.schemaVersion !== 1) notes.push(`Report schemaVersion ${String(json.schemaVersion)}; this harness reads version 1`);
  const problems = Array.isArray(json.problems) ? json.problems : [];
  const unparsed = problems.filter((p) => isRecord(p) && (p.kind === 'syntax' || p.kind === 'decode'));
  if (problems.length !== unparsed.length) notes.push(`${problems.length} file problems in all`);
  let files = numberAt(json.summary, 'filesChecked');
  const skipped = numberAt(json.summary, 'filesSkipped');
  // Files the prefilter (or a size limit) let through unanalysed still count as files venvguard looked at.
  if (files !== null && skipped !== null && skipped > 0) {
    notes.push(`Of ${files + skipped} files, ${files} analysed, ${skipped} skipped (prefilter: cannot hold an escape, or limits)`);
    files += skipped;
  }
  return {
    findings: json.diagnostics.length,
    files,
    parseErrors: unparsed.length,
    byCode: countBy(json.diagnostics, (d) => d.code),
    notes,
  };
}

function gitDescribe(repoRoot: string): string | null {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' });
  return r.stdout.trim() + (dirty.status === 0 && dirty.stdout.trim() ? '+src changes' : '');
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const venvguard: Tool = {
  name: 'venvguard',
  detects: 'launches of python/pip/console scripts by bare name (all rules, default config)',
  installHint: '`npm run build` to produce dist/cli/main.js',
  prepare(ctx) {
    const main = ctx.venvguardCli;
    if (!fs.existsSync(main)) {
      const shown = main.startsWith(ctx.repoRoot + path.sep) ? path.relative(ctx.repoRoot, main) : main;
      return { skip: `${shown} does not exist (not built yet?)` };
    }
    let version = 'unknown';
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(ctx.repoRoot, 'package.json'), 'utf8')) as { version?: string };
      version = pkg.version ?? version;
    } catch {
      /* keep unknown */
    }
    const git = gitDescribe(ctx.repoRoot);
    return {
      version: git ? `${version} (${git})` : version,
      // Run the bin as a user's shell does, so its shebang's Node flags apply.
      ...(isExecutable(main)
        ? { command: main, args: ['check', ctx.corpusRoot, '--format', 'json', ...ctx.venvguardArgs] }
        : { command: process.execPath, args: [main, 'check', ctx.corpusRoot, '--format', 'json', ...ctx.venvguardArgs] }),
      read(run) {
        // venvguard's exit codes: 0 clean, 1 findings, 2 error, 3 incomplete (some files could not be
        // fully checked, e.g. the stdlib's deliberately broken test files). Only 2 is a failed run.
        const problem = runProblem(run, [0, 1, 3]);
        if (problem) return problem;
        const json = parseJson(run);
        if (typeof json === 'string') return json;
        const outcome = readVenvguardReport(json);
        if (typeof outcome === 'string') return outcome;
        if (ctx.venvguardArgs.length > 0) outcome.notes.unshift(`Run with extra arguments: ${ctx.venvguardArgs.join(' ')}`);
        return outcome;
      },
    };
  },
};

const bandit: Tool = {
  name: 'bandit',
  detects: `Bandit ${BANDIT_TESTS[0]}–${BANDIT_TESTS[BANDIT_TESTS.length - 1]} (subprocess/os process launches), all severities`,
  installHint: '`apt-get install -y bandit` (Debian) or `pip install bandit`',
  prepare(ctx) {
    const probe = spawnSync('bandit', ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.error || probe.status !== 0) {
      return { skip: probe.error ? 'bandit is not on PATH' : `\`bandit --version\` exited ${probe.status ?? 'abnormally'}` };
    }
    const lines = `${probe.stdout}\n${probe.stderr}`.split('\n').map((l) => l.trim());
    const banditVersion = lines.find((l) => /^bandit\s/.test(l)) ?? 'bandit';
    const pythonVersion = /python version = (\S+)/.exec(lines.join('\n'))?.[1];
    return {
      version: pythonVersion ? `${banditVersion.replace(/^bandit\s+/, '')} (on Python ${pythonVersion})` : banditVersion,
      command: 'bandit',
      args: ['-r', ctx.corpusRoot, '-t', BANDIT_TESTS.join(','), '-f', 'json', '-q'],
      read(run) {
        // Bandit exits 1 when it reports issues.
        const problem = runProblem(run, [0, 1]);
        if (problem) return problem;
        const json = parseJson(run);
        if (typeof json === 'string') return json;
        if (!isRecord(json) || !Array.isArray(json.results)) return 'JSON report has no "results" array';
        const errors = Array.isArray(json.errors) ? json.errors : [];
        const metrics = isRecord(json.metrics) ? Object.keys(json.metrics).filter((k) => k !== '_totals').length : null;
        const notes: string[] = [];
        if (pythonVersion && !pythonVersion.startsWith('3.12') && errors.length > 0) {
          notes.push(`Runs on Python ${pythonVersion}, whose parser rejects 3.12-only syntax: those files are among its parse errors and go unchecked`);
        }
        return {
          findings: json.results.length,
          files: metrics,
          parseErrors: errors.length,
          byCode: countBy(json.results, (r) => r.test_id),
          notes,
        };
      },
    };
  },
};

const ruffWasm: Tool = {
  name: 'ruff-wasm',
  detects: `Ruff ${RUFF_RULES[0]}–${RUFF_RULES[RUFF_RULES.length - 1]} (flake8-bandit process launches), WebAssembly build`,
  installHint: `\`npm install --save-dev ${RUFF_PACKAGE}\` (a devDependency: \`npm ci\` installs it)`,
  prepare(ctx) {
    const require = createRequire(path.join(ctx.repoRoot, 'package.json'));
    let version = 'unknown';
    try {
      require.resolve(RUFF_PACKAGE);
      const pkg = JSON.parse(fs.readFileSync(require.resolve(`${RUFF_PACKAGE}/package.json`), 'utf8')) as { version?: string };
      version = pkg.version ?? version;
    } catch {
      return { skip: `npm package ${RUFF_PACKAGE} is not installed` };
    }
    const script = path.join(ctx.benchDist, 'ruff-wasm.js');
    if (!fs.existsSync(script)) return { skip: `${script} is not built` };
    return {
      version,
      command: process.execPath,
      args: [script, ctx.corpusRoot],
      read(run) {
        const problem = runProblem(run, [0]);
        if (problem) return problem;
        const json = parseJson(run);
        if (typeof json === 'string') return json;
        const r = json as { findings: number; files: number; syntaxErrorFiles: number; crashedFiles: number; byCode: Record<string, number> };
        return {
          findings: r.findings,
          files: r.files,
          parseErrors: r.syntaxErrorFiles,
          byCode: r.byCode,
          notes: r.crashedFiles > 0 ? [`${r.crashedFiles} files made the WASM module throw`] : [],
        };
      },
    };
  },
};

const astWalk: Tool = {
  name: 'ast-walk',
  detects: 'calls to subprocess.Popen/run/call/check_*/getoutput, os.system/popen/exec*/spawn*/posix_spawn* (aliases followed)',
  installHint: '`apt-get install -y python3` (CPython 3.12, e.g. via pyenv, is preferred: it parses all of the 3.12 stdlib)',
  prepare(ctx) {
    const script = path.join(ctx.repoRoot, 'bench', 'ast_walk.py');
    if (!fs.existsSync(script)) return { skip: `${script} is missing` };
    const python = findPythonForAstWalk();
    if (!python) return { skip: 'no working python3.12 or python3 found' };
    return {
      version: `${python.implementation} ${python.version}`,
      command: python.executable,
      args: ['-I', script, ctx.corpusRoot],
      read(run) {
        const problem = runProblem(run, [0]);
        if (problem) return problem;
        const json = parseJson(run);
        if (typeof json === 'string') return json;
        const r = json as { findings: number; files: number; parseErrors: number; byCallee: Record<string, number> };
        const notes = python.version.startsWith('3.12') ? [] : [`Parses with Python ${python.version}'s grammar`];
        return { findings: r.findings, files: r.files, parseErrors: r.parseErrors, byCode: r.byCallee, notes };
      },
    };
  },
};

const floor: Tool = {
  name: 'floor',
  detects: 'nothing: Node reads every file and runs /subprocess|os\\.system/ once (the cost floor)',
  installHint: '`npm run build` (it is bench/floor.ts)',
  prepare(ctx) {
    const script = path.join(ctx.benchDist, 'floor.js');
    if (!fs.existsSync(script)) return { skip: `${script} is not built` };
    return {
      version: `node ${process.version}`,
      command: process.execPath,
      args: [script, ctx.corpusRoot],
      read(run) {
        const problem = runProblem(run, [0]);
        if (problem) return problem;
        const json = parseJson(run);
        if (typeof json === 'string') return json;
        const r = json as { files: number; matchingFiles: number };
        return {
          findings: null,
          files: r.files,
          parseErrors: null,
          byCode: {},
          notes: [`The regex matches in ${r.matchingFiles} file${r.matchingFiles === 1 ? '' : 's'}`],
        };
      },
    };
  },
};

export const TOOLS: readonly Tool[] = [venvguard, bandit, ruffWasm, astWalk, floor];
