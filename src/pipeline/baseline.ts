/**
 * The baseline (`--baseline FILE`): the findings a project already has, recorded once, so that later
 * runs report only new ones (adopting venvguard in an old codebase without fixing everything on day
 * one). Findings are matched by fingerprint (kernel/fingerprint.ts): the rule, the file's path
 * relative to the baseline's folder, the flagged line's text and its occurrence in that file — so
 * a recorded finding stays recorded when lines are inserted or removed above it, or when the run
 * starts from another folder. Editing the flagged line itself makes it a new finding.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../kernel/diagnostic.js';
import { UsageError } from '../kernel/errors.js';
import { fingerprints } from '../kernel/fingerprint.js';
import type { SourceFile } from '../kernel/source.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  code: string;
  /** Relative to the baseline's folder, '/'-separated; for people reading the file. */
  path: string;
  line: number;
  message: string;
}

export interface BaselineFile {
  tool: 'venvguard';
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** Each diagnostic's entry, keyed by its path relative to `file`'s folder (cwd resolves `d.path`). */
function entries(file: string, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, cwd: string): BaselineEntry[] {
  const base = path.dirname(path.resolve(cwd, file));
  const rel = (d: Diagnostic) => path.relative(base, path.resolve(cwd, d.path)).split(path.sep).join('/');
  const prints = fingerprints(diagnostics, rel, (d) => sources.get(d.path)?.lineText(d.start.line) ?? '');
  return diagnostics.map((d, i) => ({ fingerprint: prints[i], code: d.code, path: rel(d), line: d.start.line, message: d.message }));
}

/** The recorded fingerprints; a missing or malformed file is a usage error naming it. */
export function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such baseline (record one with \`venvguard check --baseline ${file} --update-baseline\`)`);
    throw new UsageError(`${file}: cannot read the baseline: ${code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: the baseline is not valid JSON: ${(e as Error).message}`);
  }
  const b = data as Partial<BaselineFile>;
  if (!b || typeof b !== 'object' || b.tool !== 'venvguard' || !Array.isArray(b.findings)) throw new UsageError(`${file}: not a venvguard baseline (no "tool": "venvguard" and "findings" list)`);
  if (b.version !== BASELINE_VERSION) throw new UsageError(`${file}: baseline version ${JSON.stringify(b.version)} is not supported (this venvguard writes version ${BASELINE_VERSION}); record it again with --update-baseline`);
  const out = new Set<string>();
  for (const f of b.findings) {
    if (!f || typeof f.fingerprint !== 'string') throw new UsageError(`${file}: a baseline finding without a "fingerprint"`);
    out.add(f.fingerprint);
  }
  return out;
}

/** Record these findings as the baseline (sorted, one per line of JSON, so diffs stay readable). */
export function writeBaseline(file: string, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, cwd: string): number {
  const list = entries(file, diagnostics, sources, cwd).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.code.localeCompare(b.code)));
  const body = list.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const text = `{\n  "tool": "venvguard",\n  "version": ${BASELINE_VERSION},\n  "findings": [${list.length ? `\n${body}\n  ` : ''}]\n}\n`;
  const target = path.resolve(cwd, file);
  const tmp = `${target}.venvguard-${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { mode: 0o644 });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new UsageError(`${file}: cannot write the baseline: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return list.length;
}

/** The diagnostics the baseline does not hold, and how many it held. */
export function applyBaseline(recorded: ReadonlySet<string>, file: string, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, cwd: string): { kept: Diagnostic[]; hidden: number } {
  const prints = entries(file, diagnostics, sources, cwd).map((e) => e.fingerprint);
  const kept = diagnostics.filter((_, i) => !recorded.has(prints[i]));
  return { kept, hidden: diagnostics.length - kept.length };
}
