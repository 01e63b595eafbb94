/**
 * venvguard's benchmark: venvguard against its peers (Bandit B602–B607, Ruff-WASM S602–S607, a CPython
 * `ast` walk) and a floor (Node reading every file), on one corpus in one run. Each tool runs --runs times,
 * interleaved, as its own process; the report gives the median wall time, the peak RSS, the number of
 * findings and time ratios against venvguard and the floor, as a markdown table (and JSON with --out).
 * Not a test: nothing is asserted; missing tools are reported as skipped. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type StagedCorpus, resolveCorpus, stageCorpus, unstagedCorpus } from './corpus.js';
import { type RunResult, describeRssMethod, detectRssMethod, median, runMeasured, stopActiveRuns } from './measure.js';
import { type Outcome, type PreparedTool, TOOL_ALIASES, TOOL_NAMES, TOOLS, type Tool, type ToolName } from './tools.js';

const USAGE = `usage: node dist/bench/run.js [options]   (or: npm run bench -- [options])

  --corpus DIR     folder of Python code to check (default: the CPython 3.12 standard
                   library found via pyenv or python3.12 on PATH, site-packages excluded)
  --runs N         timed runs per tool, reported as the median (default 3)
  --only LIST      comma-separated tools: ${TOOL_NAMES.join(', ')}
  --out FILE       also write the results as JSON to FILE
  --timeout SEC    time limit for one run of one tool (default 900)
  --venvguard JS   venvguard CLI entry point to run (default dist/cli/main.js, the bundled bin)
  --venvguard-args="ARGS"
                   extra arguments for venvguard check, e.g. --venvguard-args="--no-prefilter --jobs 1"
  --no-stage       point the tools at DIR itself instead of a staged copy of its .py files
  -h, --help       this text`;

interface ToolReport {
  name: ToolName;
  detects: string;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  installHint?: string;
  version?: string;
  command?: string;
  wallSeconds: number[];
  medianSeconds: number | null;
  peakRssKiB: number | null;
  findings: number | null;
  files: number | null;
  parseErrors: number | null;
  byCode: Record<string, number>;
  notes: string[];
  timeVsVenvguard: number | null;
  timeVsFloor: number | null;
}

interface Options {
  corpus?: string;
  runs: number;
  only: ToolName[];
  out?: string;
  timeoutSeconds: number;
  stage: boolean;
  venvguardCli?: string;
  venvguardArgs: string[];
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function parseOptions(argv: string[]): Options | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        runs: { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        timeout: { type: 'string' },
        venvguard: { type: 'string' },
        'venvguard-args': { type: 'string' },
        'no-stage': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  if (values.help) return '';
  const runs = values.runs === undefined ? 3 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) return `--runs must be a positive integer, got ${values.runs}`;
  const timeoutSeconds = values.timeout === undefined ? 900 : Number(values.timeout);
  if (!(timeoutSeconds > 0)) return `--timeout must be a positive number of seconds, got ${values.timeout}`;
  let only: ToolName[] = [...TOOL_NAMES];
  if (values.only !== undefined) {
    only = [];
    for (const raw of values.only.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
      const name = (TOOL_NAMES as readonly string[]).includes(raw) ? (raw as ToolName) : TOOL_ALIASES[raw];
      if (!name) return `--only: unknown tool "${raw}" (known: ${TOOL_NAMES.join(', ')})`;
      if (!only.includes(name)) only.push(name);
    }
    if (only.length === 0) return '--only: no tool named';
  }
  return {
    corpus: values.corpus,
    runs,
    only,
    out: values.out,
    timeoutSeconds,
    stage: !values['no-stage'],
    venvguardCli: values.venvguard,
    venvguardArgs: (values['venvguard-args'] ?? '').split(/\s+/).filter(Boolean),
  };
}

function repoRootFrom(dir: string): string {
  let current = dir;
  while (!fs.existsSync(path.join(current, 'package.json'))) {
    const parent = path.dirname(current);
    if (parent === current) return dir;
    current = parent;
  }
  return current;
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const fmtSeconds = (s: number | null): string => (s === null ? '—' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtRatio = (r: number | null): string => (r === null ? '—' : r < 10 ? `${r.toFixed(2)}×` : `${r.toFixed(1)}×`);
const fmtMiB = (kib: number | null): string => (kib === null ? '—' : (kib / 1024).toFixed(0));
const fmtInt = (n: number | null): string => (n === null ? '—' : n.toLocaleString('en-US'));
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderMarkdown(reports: ToolReport[], header: string[], runs: number): string {
  const lines = [...header, ''];
  lines.push(`| Tool | Version | Wall, median (s) | Runs (s) | Peak RSS (MiB) | Findings | Files | Parse errors | Time ÷ venvguard | Time ÷ floor |`);
  lines.push(`| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const r of reports) {
    if (r.status !== 'ok') {
      lines.push(`| ${r.name} | ${cell(r.version ?? '—')} | ${cell(`${r.status}: ${r.reason ?? ''}`)} | — | — | — | — | — | — | — |`);
      continue;
    }
    const findings = r.name === 'floor' ? 'n/a' : fmtInt(r.findings);
    lines.push(
      `| ${r.name} | ${cell(r.version ?? '—')} | ${fmtSeconds(r.medianSeconds)} | ${r.wallSeconds.map((s) => fmtSeconds(s)).join(', ')} | ` +
        `${fmtMiB(r.peakRssKiB)} | ${findings} | ${fmtInt(r.files)} | ${fmtInt(r.parseErrors)} | ${fmtRatio(r.timeVsVenvguard)} | ${fmtRatio(r.timeVsFloor)} |`,
    );
  }
  const vg = reports.find((r) => r.name === 'venvguard');
  lines.push('');
  lines.push(
    vg?.timeVsFloor != null
      ? `venvguard ÷ floor: ${fmtRatio(vg.timeVsFloor)} (venvguard ${fmtSeconds(vg.medianSeconds)} s, floor ${fmtSeconds(reports.find((r) => r.name === 'floor')?.medianSeconds ?? null)} s)`
      : 'venvguard ÷ floor: — (needs both venvguard and the floor measured)',
  );
  lines.push('');
  lines.push(`Median of ${runs} run${runs === 1 ? '' : 's'} per tool, interleaved. What each tool counts:`);
  for (const r of reports) {
    const parts = [`- **${r.name}**: ${r.detects}.`];
    const codes = Object.entries(r.byCode).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (codes.length > 0) {
      const shown = codes.slice(0, 8).map(([code, n]) => `${code} ${n}`);
      parts.push(`By code: ${shown.join(', ')}${codes.length > 8 ? `, … (${codes.length - 8} more)` : ''}.`);
    }
    for (const note of r.notes) parts.push(`${note.replace(/\.$/, '')}.`);
    if (r.status === 'skipped' && r.installHint) parts.push(`Install: ${r.installHint}.`);
    lines.push(parts.join(' '));
  }
  return lines.join('\n') + '\n';
}

function emptyReport(tool: Tool): ToolReport {
  return {
    name: tool.name,
    detects: tool.detects,
    status: 'ok',
    wallSeconds: [],
    medianSeconds: null,
    peakRssKiB: null,
    findings: null,
    files: null,
    parseErrors: null,
    byCode: {},
    notes: [],
    timeVsVenvguard: null,
    timeVsFloor: null,
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (typeof options === 'string') {
    if (options === '') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    process.stderr.write(`${options}\n\n${USAGE}\n`);
    return 2;
  }

  const benchDist = path.dirname(fileURLToPath(import.meta.url));
  const repoRoot = repoRootFrom(benchDist);

  const source = resolveCorpus(options.corpus);
  if ('error' in source) {
    process.stderr.write(`bench: ${source.error}\n`);
    return 2;
  }
  for (const warning of source.warnings) log(`warning: ${warning}`);

  let corpus: StagedCorpus;
  if (options.stage) {
    log(`staging the .py files of ${source.dir} ...`);
    corpus = stageCorpus(source);
  } else {
    corpus = unstagedCorpus(source);
  }
  const cleanup = (): void => {
    if (corpus.cleanup) fs.rmSync(corpus.cleanup, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    stopActiveRuns();
    cleanup();
    process.exit(130);
  });

  try {
    log(`corpus: ${corpus.files} .py files, ${(corpus.bytes / 1e6).toFixed(1)} MB, at ${corpus.root}`);
    const rss = detectRssMethod();
    log(`peak RSS: ${describeRssMethod(rss)}`);

    const venvguardCli = options.venvguardCli
      ? path.resolve(options.venvguardCli)
      : path.join(repoRoot, 'dist', 'cli', 'main.js');
    const ctx = { repoRoot, benchDist, corpusRoot: corpus.root, venvguardCli, venvguardArgs: options.venvguardArgs };
    const selected = TOOLS.filter((t) => options.only.includes(t.name));
    const reports = new Map<ToolName, ToolReport>();
    const prepared = new Map<ToolName, PreparedTool>();
    const firstOutcome = new Map<ToolName, Outcome>();
    for (const tool of selected) {
      const report = emptyReport(tool);
      reports.set(tool.name, report);
      let p: PreparedTool | { skip: string };
      try {
        p = tool.prepare(ctx);
      } catch (error) {
        p = { skip: `could not be set up: ${(error as Error).message}` };
      }
      if ('skip' in p) {
        report.status = 'skipped';
        report.reason = p.skip;
        report.installHint = tool.installHint;
        log(`${tool.name}: skipped: ${p.skip} (install: ${tool.installHint})`);
        continue;
      }
      report.version = p.version;
      report.command = [p.command, ...p.args].map(shellQuote).join(' ');
      prepared.set(tool.name, p);
      log(`${tool.name} ${p.version}: ${report.command}`);
    }

    // Runs are interleaved (run 1 of every tool, then run 2, ...) so drift on the machine hits all tools alike.
    const cwd = path.dirname(corpus.root);
    for (let run = 1; run <= options.runs; run++) {
      for (const [name, tool] of prepared) {
        const report = reports.get(name)!;
        if (report.status !== 'ok') continue;
        const result: RunResult = await runMeasured(tool.command, tool.args, { cwd, timeoutSeconds: options.timeoutSeconds, rss });
        const outcome = tool.read(result);
        if (typeof outcome === 'string') {
          report.status = 'failed';
          report.reason = outcome;
          log(`${name} run ${run}/${options.runs}: failed: ${outcome}`);
          continue;
        }
        report.wallSeconds.push(result.wallSeconds);
        if (result.peakRssKiB !== null) report.peakRssKiB = Math.max(report.peakRssKiB ?? 0, result.peakRssKiB);
        const first = firstOutcome.get(name);
        if (!first) {
          firstOutcome.set(name, outcome);
          Object.assign(report, {
            findings: outcome.findings,
            files: outcome.files,
            parseErrors: outcome.parseErrors,
            byCode: outcome.byCode,
            notes: [...outcome.notes],
          });
        } else if (first.findings !== outcome.findings) {
          report.notes.push(`findings differed between runs (${first.findings} vs ${outcome.findings} in run ${run})`);
        }
        log(
          `${name} run ${run}/${options.runs}: ${fmtSeconds(result.wallSeconds)} s, ${fmtMiB(result.peakRssKiB)} MiB, ` +
            `${outcome.findings === null ? 'no findings count' : `${outcome.findings} findings`}`,
        );
      }
    }

    for (const report of reports.values()) {
      if (report.status === 'ok' && report.wallSeconds.length > 0) report.medianSeconds = median(report.wallSeconds);
    }
    const baseline = (name: ToolName): number | null => {
      const r = reports.get(name);
      return r && r.status === 'ok' && r.medianSeconds ? r.medianSeconds : null;
    };
    const vgTime = baseline('venvguard');
    const floorTime = baseline('floor');
    for (const report of reports.values()) {
      if (report.status !== 'ok' || report.medianSeconds === null) continue;
      report.timeVsVenvguard = vgTime ? report.medianSeconds / vgTime : null;
      report.timeVsFloor = floorTime ? report.medianSeconds / floorTime : null;
    }

    const cpus = os.cpus();
    const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
    const corpusLine =
      `${source.description}: ${corpus.files.toLocaleString('en-US')} .py files, ${(corpus.bytes / 1e6).toFixed(1)} MB` +
      (options.stage ? ' (staged copy: every tool walks the same files)' : ' (not staged: each tool applies its own file selection)');
    const header = [
      `## venvguard benchmark — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `- Corpus: ${corpusLine}`,
      `- Machine: ${machine}`,
      `- Peak RSS: ${describeRssMethod(rss)}`,
      ...source.warnings.map((w) => `- Warning: ${w}`),
    ];
    const ordered = [...reports.values()];
    process.stdout.write(renderMarkdown(ordered, header, options.runs));

    if (options.out) {
      const out = path.resolve(options.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const json = {
        schema: 1,
        date: new Date().toISOString(),
        machine: { description: machine, cpus: cpus.length, memBytes: os.totalmem(), node: process.version },
        corpus: { source: source.dir, description: source.description, staged: options.stage, files: corpus.files, bytes: corpus.bytes, warnings: source.warnings },
        runs: options.runs,
        rssMethod: describeRssMethod(rss),
        tools: ordered,
      };
      fs.writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
      log(`wrote ${out}`);
    }
    return 0;
  } finally {
    cleanup();
  }
}

process.exitCode = await main();
