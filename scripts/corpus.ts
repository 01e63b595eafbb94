/**
 * Real-repository regression corpus: runs a venvguard CLI build over checkouts of the public
 * repositories listed in corpus/repos.json and writes a normalised, stable JSON of what it found, so
 * that two builds (before and after a refactor) can be compared finding by finding. Not part of
 * `npm test`: it needs the checkouts (or bare mirrors to make them from), which CI does not have.
 *
 *   node dist/scripts/corpus.js [--venvguard CLI] [--out FILE] [--only a,b] [--timeout SECONDS] [--mutate]
 *   node dist/scripts/corpus.js --compare A.json B.json
 *   node dist/scripts/corpus.js --summary A.json
 *
 * Checkouts live in ${VG_CORPUS_DIR:-/work/corpus}/<name>. A missing one is made from a bare mirror
 * in ${VG_MIRROR_DIR:-/work/.mirror} whose folder name starts with `owner+name`, by `git archive` of
 * the recorded commit (blobs the mirror lacks, e.g. files it dropped for size, are left out and
 * listed). A repository with neither is reported as missing and the run goes on.
 *
 * The output holds no timings and no absolute paths, so two runs of the same build on the same
 * checkouts write the same bytes. Exit codes: 0 done (or, with --compare, identical), 1 (with
 * --compare) something differs, 2 usage error or a repository the CLI could not check.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../src/kernel/own-package.js';

const root = repositoryRoot(import.meta.url);

export const CORPUS_FORMAT = 1;

export interface RepoEntry {
  name: string;
  repo: string;
  commit: string;
  why: string;
  /** Which batch the repository belongs to ("unseen", "unseen3", …: added to measure on code the rules were not tuned to, issue 15); absent: the baseline 18. The precision table has a row per set. */
  set?: string;
}

/** A reviewed finding (corpus/verdicts.json). */
export interface Verdict {
  repo: string;
  path: string;
  line: number;
  code: string;
  verdict: 'true' | 'false' | 'unsure';
  reason: string;
  fix?: 'right' | 'wrong' | 'none';
  class?: string;
}

export interface Loc {
  line: number;
  column: number;
}

export interface NormFix {
  title: string;
  applicability: string;
  edits: { start: Loc; end: Loc; content: string }[];
}

export interface NormDiagnostic {
  code: string;
  path: string;
  line: number;
  column: number;
  message: string;
  fix: NormFix | null;
}

export interface NormProblem {
  path: string;
  kind: string;
  message: string;
}

export interface RepoResult {
  name: string;
  repo: string;
  commit: string;
  /** ok: the CLI ran and printed a report; missing: no checkout; timeout / error: no usable report. */
  status: 'ok' | 'missing' | 'timeout' | 'error';
  exitCode: number | null;
  /** Files the mirror lacked when the script made the checkout (empty when complete or made by hand). */
  omitted: string[];
  filesChecked: number | null;
  filesSkipped: number | null;
  diagnostics: NormDiagnostic[];
  problems: NormProblem[];
  /** Why the status is not ok (first lines of stderr, the timeout, the missing path). */
  note: string | null;
}

export interface CorpusResult {
  format: number;
  venvguardVersion: string | null;
  repos: RepoResult[];
}

// ---------------------------------------------------------------------------------------------
// Mutation: more configuration findings from the same real files

/**
 * A copy of a checkout where every configuration file that can hold one gets a venv to be escaped
 * from: a `RUN python3 -m venv /opt/venv` after each Dockerfile `FROM`, a `python3 -m venv .vgvenv`
 * as the first line of each Makefile recipe, the same command as the first line of each shell script
 * (after its shebang). Two builds compared on it must agree on every finding the real commands then
 * give; nothing here judges whether they are right (verdicts.json is for the unmutated files).
 */
export function mutatedCopy(checkout: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-corpus-'));
  const dest = path.join(dir, name);
  fs.cpSync(checkout, dest, { recursive: true, verbatimSymlinks: true });
  mutateTree(dest);
  return dest;
}

export function mutateTree(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) mutateTree(p);
    if (!e.isFile()) continue;
    const mutated = mutateFile(e.name, fs.readFileSync(p));
    if (mutated !== undefined) fs.writeFileSync(p, mutated);
  }
}

function mutateFile(name: string, bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  const text = bytes.toString('utf8');
  if (name === 'Dockerfile' || name.startsWith('Dockerfile.') || name.endsWith('.dockerfile')) {
    return text.replace(/^(FROM .*)$/gm, '$1\nRUN python3 -m venv /opt/venv');
  }
  if (['Makefile', 'makefile', 'GNUmakefile'].includes(name) || name.endsWith('.mk')) {
    // Each recipe creates the venv first: its later lines (other shells) then run without it.
    const lines = text.split('\n');
    const out: string[] = [];
    let header = false;
    for (const line of lines) {
      if (header && line.startsWith('\t')) out.push('\tpython3 -m venv .vgvenv');
      header = !line.startsWith('\t') && /^[^#=\s][^=]*:(?!=)/.test(line) && !line.trimEnd().endsWith('\\');
      out.push(line);
    }
    return out.join('\n');
  }
  if (name.endsWith('.sh')) {
    const lines = text.split('\n');
    lines.splice(lines[0]?.startsWith('#!') ? 1 : 0, 0, 'python3 -m venv .vgvenv');
    return lines.join('\n');
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Arguments

interface Options {
  venvguard: string;
  out: string | null;
  only: string[] | null;
  timeoutMs: number;
  reposFile: string;
  compare: [string, string] | null;
  summary: string | null;
  /** Check a mutated copy of each checkout (see `mutateTree`), for refactor parity with more findings. */
  mutate: boolean;
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: corpus [--venvguard CLI] [--out FILE] [--only a,b] [--timeout SECONDS] [--repos FILE] [--mutate]\n` +
      '       corpus --compare A.json B.json\n       corpus --summary A.json\n',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    venvguard: path.join(root, 'dist/cli/main.js'),
    out: null,
    only: null,
    timeoutMs: 600_000,
    reposFile: path.join(root, 'corpus/repos.json'),
    compare: null,
    summary: null,
    mutate: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--venvguard') o.venvguard = path.resolve(value());
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--only') o.only = value().split(',').filter(Boolean);
    else if (a === '--timeout') {
      const s = Number(value());
      if (!(s > 0)) usage('--timeout takes a positive number of seconds');
      o.timeoutMs = s * 1000;
    } else if (a === '--repos') o.reposFile = path.resolve(value());
    else if (a === '--compare') o.compare = [path.resolve(value()), path.resolve(value())];
    else if (a === '--summary') o.summary = path.resolve(value());
    else if (a === '--mutate') o.mutate = true;
    else if (a === '-h' || a === '--help') usage('');
    else usage(`unknown argument ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Checkouts

export function readRepos(file: string): RepoEntry[] {
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as RepoEntry[];
  if (!Array.isArray(list)) throw new Error(`${file}: expected a JSON list`);
  const names = new Set<string>();
  for (const r of list) {
    if (typeof r.name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(r.name)) throw new Error(`${file}: bad name ${JSON.stringify(r.name)}`);
    if (typeof r.repo !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(r.repo)) throw new Error(`${file}: ${r.name}: repo must be owner/name`);
    if (typeof r.commit !== 'string' || !/^[0-9a-f]{40}$/.test(r.commit)) throw new Error(`${file}: ${r.name}: commit must be 40 hex digits`);
    if (names.has(r.name)) throw new Error(`${file}: ${r.name} is listed twice`);
    names.add(r.name);
  }
  return list;
}

function git(gitDir: string, args: string[], input?: string, env?: NodeJS.ProcessEnv): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', ['--git-dir', gitDir, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  return { ok: r.status === 0, out: r.stdout ?? '', err: r.stderr ?? '' };
}

/** The bare git directory of the mirror of owner/name, if there is one. */
function findMirror(mirrorDir: string, repo: string): string | null {
  const prefix = repo.replace('/', '+').toLowerCase();
  let folders: string[] = [];
  try {
    folders = fs.readdirSync(mirrorDir).filter((f) => f.toLowerCase().startsWith(prefix)).sort();
  } catch {
    return null;
  }
  for (const f of folders) {
    const base = path.join(mirrorDir, f);
    // (`repo/.git`: a mirror stored as a clone with a work tree, as aws-sam-cli's was)
    for (const candidate of [base, path.join(base, 'repo'), path.join(base, 'repo.git'), path.join(base, 'repo', '.git')]) {
      if (fs.existsSync(path.join(candidate, 'objects')) && fs.existsSync(path.join(candidate, 'HEAD'))) return candidate;
    }
  }
  return null;
}

/**
 * Writes the tree of `commit` into `dest` with git archive. Blobs the mirror lacks are dropped from
 * a temporary index first (its objects go to a temporary object folder, never into the mirror), and
 * their paths are returned.
 */
function materialise(gitDir: string, commit: string, dest: string): { omitted: string[] } | { error: string } {
  if (!git(gitDir, ['cat-file', '-e', `${commit}^{commit}`]).ok) return { error: `commit ${commit} is not in ${gitDir}` };
  const tree = git(gitDir, ['ls-tree', '-r', '-z', commit]);
  if (!tree.ok) return { error: tree.err.trim() };
  const blobs = new Map<string, string[]>();
  for (const rec of tree.out.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(rec);
    if (!m) continue;
    const list = blobs.get(m[1]) ?? [];
    list.push(m[2]);
    blobs.set(m[1], list);
  }
  const check = git(gitDir, ['cat-file', '--batch-check'], [...blobs.keys()].join('\n') + '\n');
  const omitted: string[] = [];
  for (const line of check.out.split('\n')) {
    const m = /^([0-9a-f]+) missing$/.exec(line);
    if (m) omitted.push(...(blobs.get(m[1]) ?? []));
  }
  omitted.sort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-corpus-'));
  try {
    let treeish = commit;
    const env: NodeJS.ProcessEnv = {};
    if (omitted.length) {
      Object.assign(env, {
        GIT_INDEX_FILE: path.join(tmp, 'index'),
        GIT_OBJECT_DIRECTORY: path.join(tmp, 'objects'),
        GIT_ALTERNATE_OBJECT_DIRECTORIES: path.resolve(gitDir, 'objects'),
      });
      fs.mkdirSync(path.join(tmp, 'objects'));
      for (const step of [
        { args: ['read-tree', commit] },
        { args: ['update-index', '--force-remove', '-z', '--stdin'], input: omitted.join('\0') + '\0' },
      ]) {
        const r = git(gitDir, step.args, step.input, env);
        if (!r.ok) return { error: `git ${step.args[0]}: ${r.err.trim()}` };
      }
      const w = git(gitDir, ['write-tree'], undefined, env);
      if (!w.ok) return { error: `git write-tree: ${w.err.trim()}` };
      treeish = w.out.trim();
    }
    const archive = path.join(tmp, 'tree.tar');
    const a = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', '-o', archive, treeish], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    if (a.status !== 0) return { error: `git archive: ${(a.stderr ?? '').trim()}` };
    fs.mkdirSync(dest, { recursive: true });
    const t = spawnSync('tar', ['-x', '-f', archive, '-C', dest], { encoding: 'utf8' });
    if (t.status !== 0) {
      fs.rmSync(dest, { recursive: true, force: true });
      return { error: `tar: ${(t.stderr ?? '').trim()}` };
    }
    return { omitted };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Beside the checkout (not in it, where venvguard would see it): the paths the mirror lacked when the
 * checkout was made, so every later run reports the same `omitted` list.
 */
function omittedFile(corpusDir: string, name: string): string {
  return path.join(corpusDir, `.${name}.omitted.json`);
}

// ---------------------------------------------------------------------------------------------
// Running the CLI

interface RawReport {
  version?: string;
  diagnostics: {
    code: string;
    path: string;
    message: string;
    start: Loc;
    fix: { title: string; applicability: string; edits: { start: Loc; end: Loc; content: string }[] } | null;
  }[];
  problems: { path: string; kind: string; message: string }[];
  summary?: { filesChecked?: number; filesSkipped?: number };
}

function runCli(cli: string, checkout: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'check', '--format', 'json', '--no-config', checkout], {
      cwd: checkout,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: NormDiagnostic, b: NormDiagnostic): number {
  return (
    cmp(a.path, b.path) ||
    cmp(a.line, b.line) ||
    cmp(a.column, b.column) ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message) ||
    cmp(JSON.stringify(a.fix), JSON.stringify(b.fix))
  );
}

function compareProblems(a: NormProblem, b: NormProblem): number {
  return cmp(a.path, b.path) || cmp(a.kind, b.kind) || cmp(a.message, b.message);
}

/** Absolute paths of the checkout in messages become `.`, so results do not depend on where it lives. */
function scrub(text: string, checkout: string): string {
  return text.split(checkout + path.sep).join('./').split(checkout).join('.');
}

export function normalise(report: RawReport, checkout: string): Pick<RepoResult, 'diagnostics' | 'problems' | 'filesChecked' | 'filesSkipped'> {
  const diagnostics: NormDiagnostic[] = report.diagnostics.map((d) => ({
    code: d.code,
    path: scrub(d.path, checkout),
    line: d.start.line,
    column: d.start.column,
    message: scrub(d.message, checkout),
    fix: d.fix
      ? {
          title: d.fix.title,
          applicability: d.fix.applicability,
          edits: d.fix.edits.map((e) => ({
            start: { line: e.start.line, column: e.start.column },
            end: { line: e.end.line, column: e.end.column },
            content: e.content,
          })),
        }
      : null,
  }));
  const problems: NormProblem[] = report.problems.map((p) => ({ path: scrub(p.path, checkout), kind: p.kind, message: scrub(p.message, checkout) }));
  return {
    diagnostics: diagnostics.sort(compareDiagnostics),
    problems: problems.sort(compareProblems),
    filesChecked: report.summary?.filesChecked ?? null,
    filesSkipped: report.summary?.filesSkipped ?? null,
  };
}

async function runCorpus(o: Options): Promise<{ result: CorpusResult; times: Map<string, number> }> {
  if (!fs.existsSync(o.venvguard)) usage(`no venvguard CLI at ${o.venvguard} (run npm run build, or pass --venvguard)`);
  let repos = readRepos(o.reposFile);
  if (o.only) {
    const unknown = o.only.filter((n) => !repos.some((r) => r.name === n));
    if (unknown.length) usage(`--only: not in ${o.reposFile}: ${unknown.join(', ')}`);
    repos = repos.filter((r) => o.only!.includes(r.name));
  }
  const corpusDir = process.env.VG_CORPUS_DIR || '/work/corpus';
  const mirrorDir = process.env.VG_MIRROR_DIR || '/work/.mirror';
  const results: RepoResult[] = [];
  const times = new Map<string, number>();
  let version: string | null = null;
  for (const r of repos) {
    const base: RepoResult = {
      name: r.name,
      repo: r.repo,
      commit: r.commit,
      status: 'ok',
      exitCode: null,
      omitted: [],
      filesChecked: null,
      filesSkipped: null,
      diagnostics: [],
      problems: [],
      note: null,
    };
    const checkout = path.resolve(corpusDir, r.name);
    if (!fs.existsSync(checkout)) {
      const mirror = findMirror(mirrorDir, r.repo);
      if (!mirror) {
        results.push({ ...base, status: 'missing', note: `no checkout at ${checkout} and no mirror of ${r.repo} in ${mirrorDir}` });
        process.stderr.write(`${r.name}: missing\n`);
        continue;
      }
      process.stderr.write(`${r.name}: making ${checkout} from ${mirror}\n`);
      const m = materialise(mirror, r.commit, checkout);
      if ('error' in m) {
        results.push({ ...base, status: 'missing', note: m.error });
        process.stderr.write(`${r.name}: missing (${m.error})\n`);
        continue;
      }
      fs.writeFileSync(omittedFile(corpusDir, r.name), JSON.stringify(m.omitted) + '\n');
    }
    try {
      base.omitted = JSON.parse(fs.readFileSync(omittedFile(corpusDir, r.name), 'utf8')) as string[];
    } catch {
      base.omitted = [];
    }
    process.stderr.write(`${r.name}: checking${o.mutate ? ' (mutated copy)' : ''}\n`);
    const target = o.mutate ? mutatedCopy(checkout, r.name) : checkout;
    const t0 = performance.now();
    const run = await runCli(o.venvguard, target, o.timeoutMs);
    times.set(r.name, performance.now() - t0);
    if (o.mutate) fs.rmSync(path.dirname(target), { recursive: true, force: true });
    base.exitCode = run.code;
    if (run.timedOut) {
      results.push({ ...base, status: 'timeout', exitCode: null, note: `killed after ${o.timeoutMs / 1000} s` });
      continue;
    }
    let report: RawReport | null = null;
    try {
      report = JSON.parse(run.stdout) as RawReport;
    } catch {
      report = null;
    }
    if (!report || !Array.isArray(report.diagnostics)) {
      const first = run.stderr.trim().split('\n').slice(0, 5).join('\n');
      results.push({ ...base, status: 'error', note: scrub(first || 'no JSON report on stdout', target) });
      continue;
    }
    version ??= report.version ?? null;
    results.push({ ...base, ...normalise(report, target) });
  }
  return { result: { format: CORPUS_FORMAT, venvguardVersion: version, repos: results }, times };
}

// ---------------------------------------------------------------------------------------------
// Tables

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

export function summaryTable(result: CorpusResult, times?: Map<string, number>): string {
  const codes = [...new Set(result.repos.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const header = ['repo', 'status', 'exit', ...(times ? ['time s'] : []), 'files', ...codes, 'total', 'problems'];
  const totals = new Map<string, number>();
  const rows = result.repos.map((r) => {
    const byCode = new Map<string, number>();
    for (const d of r.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
    for (const [c, n] of byCode) totals.set(c, (totals.get(c) ?? 0) + n);
    const t = times?.get(r.name);
    return [
      r.name,
      r.status,
      r.exitCode === null ? '-' : String(r.exitCode),
      ...(times ? [t === undefined ? '-' : (t / 1000).toFixed(1)] : []),
      r.filesChecked === null ? '-' : String(r.filesChecked),
      ...codes.map((c) => String(byCode.get(c) ?? 0)),
      String(r.diagnostics.length),
      String(r.problems.length),
    ];
  });
  const sumTime = times ? [...times.values()].reduce((a, b) => a + b, 0) : 0;
  rows.push([
    'TOTAL',
    '',
    '',
    ...(times ? [(sumTime / 1000).toFixed(1)] : []),
    String(result.repos.reduce((a, r) => a + (r.filesChecked ?? 0), 0)),
    ...codes.map((c) => String(totals.get(c) ?? 0)),
    String(result.repos.reduce((a, r) => a + r.diagnostics.length, 0)),
    String(result.repos.reduce((a, r) => a + r.problems.length, 0)),
  ]);
  return table(header, rows);
}

/**
 * Precision from the verdicts: each diagnostic of the result is matched to a verdict by repository,
 * path, line and code; per set of repositories and per family (configuration VG2xx, Python VG1xx),
 * how many are true, false, unsure, or not reviewed yet, and the valid files reported as problems.
 */
export function precisionTable(result: CorpusResult, verdicts: Verdict[], repos: RepoEntry[]): string {
  const key = (repo: string, p: string, line: number, code: string) => `${repo}\0${p}\0${line}\0${code}`;
  const byKey = new Map(verdicts.map((v) => [key(v.repo, v.path, v.line, v.code), v]));
  const setOf = new Map(repos.map((r) => [r.name, r.set ?? 'baseline']));
  const rows = new Map<string, { t: number; f: number; u: number; n: number; wrongFix: number; problems: number; exit3: number; repos: number }>();
  const rowOf = (k: string) => rows.get(k) ?? rows.set(k, { t: 0, f: 0, u: 0, n: 0, wrongFix: 0, problems: 0, exit3: 0, repos: 0 }).get(k)!;
  for (const r of result.repos) {
    const set = setOf.get(r.name) ?? 'baseline';
    for (const fam of ['configuration', 'python']) {
      const row = rowOf(`${set}\0${fam}`);
      if (fam === 'configuration') {
        row.repos++;
        row.problems += r.problems.length;
        if (r.exitCode === 3) row.exit3++;
      }
    }
    for (const d of r.diagnostics) {
      const row = rowOf(`${set}\0${d.code.startsWith('VG1') ? 'python' : 'configuration'}`);
      const v = byKey.get(key(r.name, d.path, d.line, d.code));
      if (!v) row.n++;
      else if (v.verdict === 'true') row.t++;
      else if (v.verdict === 'false') row.f++;
      else row.u++;
      if (v?.fix === 'wrong' && d.fix) row.wrongFix++;
    }
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');
  const out = [...rows.entries()].sort().map(([k, x]) => {
    const [set, fam] = k.split('\0');
    return [set, fam, String(x.t + x.f + x.u + x.n), String(x.t), String(x.f), String(x.u), String(x.n), pct(x.t, x.t + x.f + x.u), String(x.wrongFix), fam === 'configuration' ? `${x.problems} in ${x.repos} repos, ${x.exit3} exit 3` : ''];
  });
  return table(['set', 'findings', 'total', 'true', 'false', 'unsure', 'unreviewed', 'true %', 'wrong fixes', 'problems'], out);
}

// ---------------------------------------------------------------------------------------------
// Comparing two results

export interface RepoDiff {
  name: string;
  added: NormDiagnostic[];
  removed: NormDiagnostic[];
  changed: { before: NormDiagnostic; after: NormDiagnostic }[];
  problemsAdded: NormProblem[];
  problemsRemoved: NormProblem[];
  problemsChanged: { before: NormProblem; after: NormProblem }[];
  /** Differences in status, exit code, file counts, or presence in one result only. */
  other: string[];
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k) ?? [];
    list.push(t);
    m.set(k, list);
  }
  return m;
}

/**
 * Pairs items that share a key (a diagnostic's code and position; a problem's path and kind):
 * equal ones cancel, the rest pair up in order as changed, and what is left over is added or removed.
 */
function pairUp<T>(before: T[], after: T[], key: (t: T) => string): { added: T[]; removed: T[]; changed: { before: T; after: T }[] } {
  const added: T[] = [];
  const removed: T[] = [];
  const changed: { before: T; after: T }[] = [];
  const a = groupBy(before, key);
  const b = groupBy(after, key);
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const left = [...(a.get(k) ?? [])];
    const right = [...(b.get(k) ?? [])];
    for (let i = left.length - 1; i >= 0; i--) {
      const j = right.findIndex((r) => JSON.stringify(r) === JSON.stringify(left[i]));
      if (j >= 0) {
        left.splice(i, 1);
        right.splice(j, 1);
      }
    }
    const n = Math.min(left.length, right.length);
    for (let i = 0; i < n; i++) changed.push({ before: left[i], after: right[i] });
    removed.push(...left.slice(n));
    added.push(...right.slice(n));
  }
  return { added, removed, changed };
}

export function compareResults(a: CorpusResult, b: CorpusResult): RepoDiff[] {
  const names = [...new Set([...a.repos.map((r) => r.name), ...b.repos.map((r) => r.name)])];
  return names.map((name) => {
    const ra = a.repos.find((r) => r.name === name);
    const rb = b.repos.find((r) => r.name === name);
    const other: string[] = [];
    if (!ra || !rb) other.push(`only in ${ra ? 'A' : 'B'}`);
    if (ra && rb) {
      if (ra.commit !== rb.commit) other.push(`commit ${ra.commit.slice(0, 12)} → ${rb.commit.slice(0, 12)}`);
      if (ra.status !== rb.status) other.push(`status ${ra.status} → ${rb.status}`);
      if (ra.exitCode !== rb.exitCode) other.push(`exit ${ra.exitCode} → ${rb.exitCode}`);
      if (ra.filesChecked !== rb.filesChecked) other.push(`files checked ${ra.filesChecked} → ${rb.filesChecked}`);
      if (ra.filesSkipped !== rb.filesSkipped) other.push(`files skipped ${ra.filesSkipped} → ${rb.filesSkipped}`);
    }
    const d = pairUp(ra?.diagnostics ?? [], rb?.diagnostics ?? [], (x) => `${x.path}\0${x.line}\0${x.column}\0${x.code}`);
    const p = pairUp(ra?.problems ?? [], rb?.problems ?? [], (x) => `${x.path}\0${x.kind}`);
    return {
      name,
      added: d.added,
      removed: d.removed,
      changed: d.changed,
      problemsAdded: p.added,
      problemsRemoved: p.removed,
      problemsChanged: p.changed,
      other,
    };
  });
}

function diffIsEmpty(d: RepoDiff): boolean {
  return !(d.added.length || d.removed.length || d.changed.length || d.problemsAdded.length || d.problemsRemoved.length || d.problemsChanged.length || d.other.length);
}

function where(d: NormDiagnostic): string {
  return `${d.path}:${d.line}:${d.column} ${d.code}`;
}

function changedFields(a: NormDiagnostic, b: NormDiagnostic): string {
  const fields: string[] = [];
  if (a.message !== b.message) fields.push('message');
  if (JSON.stringify(a.fix) !== JSON.stringify(b.fix)) fields.push(!a.fix || !b.fix ? (a.fix ? 'fix removed' : 'fix added') : 'fix');
  return fields.join(', ');
}

export function renderComparison(diffs: RepoDiff[], labelA: string, labelB: string): string {
  let out = `A: ${labelA}\nB: ${labelB}\n\n`;
  out += table(
    ['repo', '+diag', '-diag', '~diag', '+prob', '-prob', '~prob', 'other'],
    diffs.map((d) => [
      d.name,
      String(d.added.length),
      String(d.removed.length),
      String(d.changed.length),
      String(d.problemsAdded.length),
      String(d.problemsRemoved.length),
      String(d.problemsChanged.length),
      d.other.join('; ') || '-',
    ]),
  );
  for (const d of diffs) {
    if (diffIsEmpty(d)) continue;
    out += `\n## ${d.name}\n`;
    for (const x of d.other) out += `  * ${x}\n`;
    for (const x of d.removed) out += `  - ${where(x)} ${x.message}\n`;
    for (const x of d.added) out += `  + ${where(x)} ${x.message}\n`;
    for (const x of d.changed) {
      out += `  ~ ${where(x.after)} (${changedFields(x.before, x.after)})\n`;
      if (x.before.message !== x.after.message) out += `      A: ${x.before.message}\n      B: ${x.after.message}\n`;
      if (JSON.stringify(x.before.fix) !== JSON.stringify(x.after.fix))
        out += `      A fix: ${JSON.stringify(x.before.fix)}\n      B fix: ${JSON.stringify(x.after.fix)}\n`;
    }
    for (const x of d.problemsRemoved) out += `  - problem ${x.path} ${x.kind}: ${x.message}\n`;
    for (const x of d.problemsAdded) out += `  + problem ${x.path} ${x.kind}: ${x.message}\n`;
    for (const x of d.problemsChanged) out += `  ~ problem ${x.after.path} ${x.after.kind}\n      A: ${x.before.message}\n      B: ${x.after.message}\n`;
  }
  const differing = diffs.filter((d) => !diffIsEmpty(d)).length;
  out += differing ? `\n${differing} of ${diffs.length} repositories differ\n` : `\nidentical (${diffs.length} repositories)\n`;
  return out;
}

function readResult(file: string): CorpusResult {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as CorpusResult;
  if (r.format !== CORPUS_FORMAT || !Array.isArray(r.repos)) usage(`${file}: not a corpus result (format ${CORPUS_FORMAT})`);
  return r;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.compare) {
    const [fa, fb] = o.compare;
    const diffs = compareResults(readResult(fa), readResult(fb));
    process.stdout.write(renderComparison(diffs, fa, fb));
    process.exitCode = diffs.every(diffIsEmpty) ? 0 : 1;
    return;
  }
  const verdictsFile = path.join(path.dirname(o.reposFile), 'verdicts.json');
  const precision = (r: CorpusResult) => (fs.existsSync(verdictsFile) ? '\n' + precisionTable(r, JSON.parse(fs.readFileSync(verdictsFile, 'utf8')) as Verdict[], readRepos(o.reposFile)) : '');
  if (o.summary) {
    const r = readResult(o.summary);
    process.stdout.write(summaryTable(r) + precision(r));
    return;
  }
  const { result, times } = await runCorpus(o);
  const text = JSON.stringify(result, null, 2) + '\n';
  if (o.out) {
    fs.writeFileSync(o.out, text);
    process.stderr.write(`wrote ${o.out}\n`);
  }
  process.stdout.write(summaryTable(result, times));
  if (!o.mutate) process.stdout.write(precision(result));
  for (const r of result.repos) {
    if (r.status !== 'ok') process.stdout.write(`${r.name}: ${r.status}: ${r.note}\n`);
    if (r.omitted.length) process.stdout.write(`${r.name}: the mirror lacked ${r.omitted.length} file(s): ${r.omitted.join(', ')}\n`);
  }
  if (result.repos.some((r) => r.status === 'error' || r.status === 'timeout')) process.exitCode = 2;
}

await main();
