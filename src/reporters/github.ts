/**
 * GitHub Actions workflow commands (`--format github`): one `::error`/`::warning` line per
 * diagnostic and per file problem, which GitHub turns into annotations on the changed lines.
 * Values are escaped as the runner expects (actions/toolkit `escapeData` / `escapeProperty`).
 */
import type { Diagnostic, FileProblem } from '../kernel/diagnostic.js';
import { fullMessage, joinedChunks, portablePath } from './common.js';
import type { ReportInput, Reporter } from './types.js';

/** Escape a command's message (after `::`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (`file=…,title=…`), where `:` and `,` are delimiters too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: [string, string | number][], message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

function diagnosticCommand(d: Diagnostic, cwd: string): string {
  const props: [string, string | number][] = [['file', portablePath(d.path, cwd)], ['line', d.start.line]];
  // The runner drops the whole annotation when col/endColumn are given for a multi-line range
  // (actions/runner: "'col' and 'endColumn' cannot be set if 'line' and 'endLine' are different").
  if (d.start.line === d.end.line) props.push(['col', d.start.column], ['endLine', d.end.line], ['endColumn', Math.max(d.start.column, d.end.column)]);
  else props.push(['endLine', d.end.line]);
  props.push(['title', `${d.code} ${d.rule}`]);
  return command(d.severity, props, fullMessage(d));
}

function problemCommand(p: FileProblem, cwd: string): string {
  const props: [string, string | number][] = [['file', portablePath(p.path, cwd)]];
  if (p.start) props.push(['line', p.start.line], ['col', p.start.column]);
  // A file --fix would not write was checked whole: its findings are reported; only the fix is not.
  props.push(['title', p.kind === 'not-fixed' ? 'checked but not fixed' : `${p.partial ? 'partially checked' : 'not checked'} (${p.kind})`]);
  return command('warning', props, p.message);
}

export const renderGithub: Reporter = (r) => [...githubPieces(r)].join('');

/** The workflow commands in pieces of about 64 KB, for the CLI to write as they are built. */
export function githubPieces(r: ReportInput): Generator<string> {
  function* lines(): Generator<string> {
    for (const d of r.diagnostics) yield diagnosticCommand(d, r.cwd) + '\n';
    for (const p of r.problems) yield problemCommand(p, r.cwd) + '\n';
  }
  return joinedChunks(lines(), '', '');
}
