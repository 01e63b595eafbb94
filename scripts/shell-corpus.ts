/**
 * Shell-script corpus: does the shell model call valid scripts broken? Gathers every shell script it
 * can find (`*.sh`, `*.bash`, and extensionless files whose shebang names sh or bash) in local folders
 * and in the bare git mirrors' newest commits, keeps those the real shell accepts (`dash -n` for a
 * `#!…sh` script, `bash -n` for the rest), checks them with a venvguard CLI build (every file parsed:
 * --no-prefilter) and counts the "shell syntax error" problems. On scripts the shell accepts, every
 * such problem is our bug (or tree-sitter-bash's). Not part of `npm test`: the sources are this
 * machine's.
 *
 *   node dist/scripts/shell-corpus.js [--dirs a:b] [--mirrors DIR] [--venvguard CLI] [--out FILE] [--keep]
 *
 * Nothing is copied into the repository: the scripts are written to a temporary folder (removed
 * unless --keep) and the output names each source by path, or by mirror, commit and path.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../src/kernel/own-package.js';

const root = repositoryRoot(import.meta.url);

const MAX_BYTES = 1 << 20;
const SHEBANG = /^#![ \t]*(\S*\/)?(?:env[ \t]+(?:-\S+[ \t]+)*)?(sh|bash|dash)\b/;

interface Source {
  /** `path` for a local file, `owner+name@commit:path` for a mirror's blob. */
  ref: string;
  name: string;
  bytes: Buffer;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A shell script by its name and first line, or undefined. */
function scriptKind(name: string, bytes: Buffer): 'sh' | 'bash' | undefined {
  const first = bytes.subarray(0, 200).toString('latin1').split(/\r?\n/, 1)[0];
  const m = SHEBANG.exec(first);
  if (/\.(sh|bash)$/.test(name)) return m && m[2] !== 'bash' ? 'sh' : 'bash';
  if (name.includes('.') || !m) return undefined;
  return m[2] === 'bash' ? 'bash' : 'sh';
}

function walkLocal(dir: string, out: Source[]): void {
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') stack.push(p);
        continue;
      }
      if (!e.isFile()) continue;
      if (e.name.includes('.') && !/\.(sh|bash)$/.test(e.name)) continue;
      try {
        const st = fs.statSync(p);
        if (st.size > MAX_BYTES || st.size === 0) continue;
        const bytes = fs.readFileSync(p);
        if (scriptKind(e.name, bytes)) out.push({ ref: p, name: e.name, bytes });
      } catch {
        /* unreadable: not a source */
      }
    }
  }
}

/** The newest commit of each bare mirror: candidate blobs read in one `git cat-file --batch`. */
function walkMirrors(mirrorDir: string, out: Source[]): void {
  for (const m of fs.existsSync(mirrorDir) ? fs.readdirSync(mirrorDir).sort() : []) {
    const base = path.join(mirrorDir, m);
    const gitDir = fs.existsSync(path.join(base, 'repo')) ? path.join(base, 'repo') : base;
    const head = spawnSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
    if (head.status !== 0) continue;
    const commit = head.stdout.trim();
    const ls = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-l', '-z', commit], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (ls.status !== 0) continue;
    const want: Array<{ sha: string; p: string }> = [];
    for (const rec of ls.stdout.split('\0')) {
      const mm = /^\d+ blob ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(rec);
      if (!mm || mm[2] === '-' || +mm[2] > MAX_BYTES || +mm[2] === 0) continue;
      const name = path.posix.basename(mm[3]);
      if (name.includes('.') && !/\.(sh|bash)$/.test(name)) continue;
      want.push({ sha: mm[1], p: mm[3] });
    }
    const batch = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: want.map((w) => w.sha).join('\n') + '\n', maxBuffer: 2 ** 31 });
    const buf = batch.stdout;
    let pos = 0;
    for (const w of want) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      const header = buf.subarray(pos, nl).toString();
      const hm = /^[0-9a-f]+ blob (\d+)$/.exec(header);
      if (!hm) {
        pos = nl + 1; // "<sha> missing": a blob the mirror dropped
        continue;
      }
      const bytes = buf.subarray(nl + 1, nl + 1 + +hm[1]);
      pos = nl + 1 + +hm[1] + 1;
      const name = path.posix.basename(w.p);
      if (scriptKind(name, bytes)) out.push({ ref: `${m}@${commit}:${w.p}`, name, bytes: Buffer.from(bytes) });
    }
  }
}

function accepted(kind: 'sh' | 'bash', file: string): boolean {
  const r = spawnSync(kind === 'sh' ? 'dash' : 'bash', ['-n', file], { stdio: 'ignore', timeout: 10_000 });
  return r.status === 0;
}

function main(): void {
  const dirs = (arg('--dirs') ?? '/work/corpus:/usr/bin:/usr/sbin:/usr/share:/usr/lib:/usr/libexec:/etc').split(':').filter(Boolean);
  const mirrors = arg('--mirrors') ?? process.env.VG_MIRROR_DIR ?? '/work/.mirror';
  const cli = path.resolve(arg('--venvguard') ?? path.join(root, 'dist/cli/main.js'));
  const all: Source[] = [];
  for (const d of dirs) walkLocal(d, all);
  walkMirrors(mirrors, all);
  // One copy of each content (the corpus checkouts and their mirrors hold the same files).
  const seen = new Set<string>();
  const unique = all.filter((s) => {
    const h = crypto.createHash('sha1').update(s.bytes).digest('hex');
    if (seen.has(h)) return false;
    seen.add(h);
    return true;
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-shell-corpus-'));
  const kept: Array<Source & { kind: 'sh' | 'bash'; rel: string }> = [];
  let rejected = 0;
  unique.forEach((s, i) => {
    const kind = scriptKind(s.name, s.bytes)!;
    const rel = `${i}/${s.name}`;
    fs.mkdirSync(path.join(tmp, String(i)));
    fs.writeFileSync(path.join(tmp, rel), s.bytes);
    if (accepted(kind, path.join(tmp, rel))) kept.push({ ...s, kind, rel });
    else {
      rejected++;
      fs.rmSync(path.join(tmp, String(i)), { recursive: true });
    }
  });
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-config', '--no-prefilter', '.'], { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 30 });
  let report: { problems: Array<{ path: string; kind: string; message: string; start?: { line: number; column: number } }>; summary: { filesChecked: number; filesSkipped: number } };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error(`the CLI gave no JSON (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
    process.exit(2);
  }
  const byRel = new Map(kept.map((k) => [k.rel, k]));
  const syntax = report.problems.filter((p) => /shell syntax error|shell parser gave up/.test(p.message));
  const other = report.problems.filter((p) => !syntax.includes(p));
  const show = (p: (typeof report.problems)[number]) => ({
    source: byRel.get(p.path)?.ref ?? p.path,
    line: p.start?.line,
    column: p.start?.column,
    kind: p.kind,
    message: p.message,
  });
  const out = {
    found: all.length,
    unique: unique.length,
    rejectedByShell: rejected,
    checked: kept.length,
    bySource: Object.fromEntries(
      [...new Set(kept.map((k) => (k.ref.startsWith('/') ? k.ref.split('/').slice(0, k.ref.startsWith('/work/corpus/') ? 4 : 3).join('/') : k.ref.split('@')[0])))].map((g) => [
        g,
        kept.filter((k) => k.ref.startsWith(g)).length,
      ]),
    ),
    filesChecked: report.summary.filesChecked,
    filesSkipped: report.summary.filesSkipped,
    shellSyntaxErrors: syntax.length,
    filesWithShellSyntaxErrors: new Set(syntax.map((p) => p.path)).size,
    syntax: syntax.map(show),
    otherProblems: other.map(show),
    sources: kept.map((k) => ({ ref: k.ref, kind: k.kind })),
  };
  const outFile = arg('--out');
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
  console.log(`found ${out.found}, unique ${out.unique}, rejected by ${'bash/dash -n'} ${rejected}, checked ${out.checked} (CLI: ${out.filesChecked} checked, ${out.filesSkipped} skipped)`);
  console.log(`shell syntax errors: ${out.shellSyntaxErrors} in ${out.filesWithShellSyntaxErrors} files; other problems: ${other.length}`);
  for (const p of out.syntax) console.log(`  ${p.source}:${p.line}:${p.column}: ${p.message}`);
  for (const p of out.otherProblems) console.log(`  (other) ${p.source}: ${p.kind}: ${p.message}`);
  if (process.argv.includes('--keep')) console.log(`scripts kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

main();
