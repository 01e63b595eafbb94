/**
 * SARIF 2.1.0 report (`--format sarif`) for GitHub code scanning and other SARIF viewers: one run
 * whose driver carries the enabled rules' metadata and docs, one result per diagnostic (with related
 * locations, fixes and a partial fingerprint that survives lines moving above it), and file problems
 * as tool execution notifications. URIs are relative to %SRCROOT% (the working directory); columns
 * are UTF-16 code units, SARIF's default column kind, which is what diagnostics carry.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, FileProblem } from '../kernel/diagnostic.js';
import { fingerprints } from '../kernel/fingerprint.js';
import type { RuleDocs, RuleMeta } from '../kernel/rule.js';
import type { Location, SourceFile, Span } from '../kernel/source.js';
import { editRange, fullMessage, ITEMS_PLACE, pathInside, prettyJsonChunks, shownFix } from './common.js';
import type { ReportInput, ReportOptions, Reporter } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/venvguard/venvguard';
export const FINGERPRINT_KEY = 'venvguardFingerprint/v1';
const SRCROOT = '%SRCROOT%';

export function ruleHelpUri(rule: Pick<RuleMeta, 'name'>): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${rule.name}.md`;
}

export function toSarifLog(r: ReportInput, o: ReportOptions): Sarif.Log {
  const ruleIndex = new Map(r.rules.map((rule, i) => [rule.code, i]));
  const all = [...r.diagnostics];
  const prints = fingerprintAll(r, all);
  return sarifLog(r, o, all.map((d, i) => result(d, r, o, ruleIndex.get(d.code), prints[i])));
}

/** The log around its results (`ITEMS_PLACE` when they are streamed). */
function sarifLog(r: ReportInput, o: ReportOptions, results: unknown): Sarif.Log {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'venvguard',
            informationUri: INFORMATION_URI,
            version: o.version,
            rules: r.rules.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: r.problems.map((p) => notification(p, r.cwd)),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUrl(r.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: results as Sarif.Result[],
      },
    ],
  };
}

/** The log in pieces (`prettyJsonChunks`), for the CLI to write as they come. */
export function sarifLogChunks(r: ReportInput, o: ReportOptions): Generator<string> {
  const ruleIndex = new Map(r.rules.map((rule, i) => [rule.code, i]));
  const results = { length: r.diagnostics.length, [Symbol.iterator]: () => withFingerprints(r) };
  return prettyJsonChunks(sarifLog(r, o, ITEMS_PLACE), results, ([d, print]) => result(d, r, o, ruleIndex.get(d.code), print));
}

/**
 * The findings with their fingerprints. A fingerprint counts the findings before it in its own file
 * only (kernel/fingerprint.ts): a packed list, sorted by path, is read one file at a time; an array
 * (in any order) at once.
 */
function* withFingerprints(r: ReportInput): Generator<[Diagnostic, string]> {
  if (Array.isArray(r.diagnostics)) {
    const prints = fingerprintAll(r);
    for (let i = 0; i < r.diagnostics.length; i++) yield [r.diagnostics[i] as Diagnostic, prints[i]];
    return;
  }
  let file: Diagnostic[] = [];
  const flush = function* () {
    const prints = fingerprintAll(r, file);
    for (let i = 0; i < file.length; i++) yield [file[i], prints[i]] as [Diagnostic, string];
    file = [];
  };
  for (const d of r.diagnostics) {
    if (file.length && file[0].path !== d.path) yield* flush();
    file.push(d);
  }
  yield* flush();
}

export const renderSarif: Reporter = (r, o) => [...sarifLogChunks(r, o)].join('');

function sarifRule(rule: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.docs.mentalModel },
    help: { text: helpText(rule.docs), markdown: helpMarkdown(rule.docs) },
    helpUri: ruleHelpUri(rule),
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['correctness', 'virtualenv', rule.docs.exampleLanguage], fixable: rule.fixable },
  };
}

function helpText(docs: RuleDocs): string {
  const indent = (s: string) => s.replace(/^(?=.)/gm, '    ');
  return [
    docs.mentalModel,
    `Example:\n\n${indent(docs.example.trimEnd())}`,
    `Why:\n${docs.why}`,
    `Use instead:\n\n${indent(docs.useInstead.trimEnd())}`,
    `Fix safety:\n${docs.fixSafety}`,
    `Key takeaway: ${docs.keyTakeaway}`,
    ...(docs.references.length > 0 ? [`References:\n${docs.references.map((ref) => `- ${ref}`).join('\n')}`] : []),
  ].join('\n\n');
}

function helpMarkdown(docs: RuleDocs): string {
  const code = (s: string) => {
    const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${docs.exampleLanguage}\n${s.trimEnd()}\n${fence}`;
  };
  return [
    docs.mentalModel,
    `## Example\n\n${code(docs.example)}`,
    `## Why\n\n${docs.why}`,
    `## Use instead\n\n${code(docs.useInstead)}`,
    `## Fix safety\n\n${docs.fixSafety}`,
    `## Key takeaway\n\n${docs.keyTakeaway}`,
    ...(docs.references.length > 0 ? [`## References\n\n${docs.references.map((ref) => `- ${autolink(ref)}`).join('\n')}`] : []),
  ].join('\n\n');
}

/** A bare URL as a Markdown autolink; anything else (e.g. "PEP 405") as written. */
function autolink(ref: string): string {
  return /^https?:\/\/\S+$/.test(ref) ? `<${ref}>` : ref;
}

function result(d: Diagnostic, r: ReportInput, o: ReportOptions, ruleIndex: number | undefined, fingerprint: string): Sarif.Result {
  const source = r.sources.get(d.path);
  const artifactLocation = artifact(d.path, r.cwd);
  const out: Sarif.Result = {
    ruleId: d.code,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: d.severity,
    message: { text: fullMessage(d) },
    locations: [{ physicalLocation: { artifactLocation, region: region(d.start, d.end, source, d.span) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  if (d.related.length > 0) {
    out.relatedLocations = d.related.map((rel, i) => ({
      id: i + 1,
      message: { text: rel.message },
      physicalLocation: rel.path
        ? { artifactLocation: artifact(rel.path, r.cwd), region: region(rel.start, rel.end, r.sources.get(rel.path), rel.span) }
        : { artifactLocation, region: region(rel.start, rel.end, source, rel.span) },
    }));
  }
  const fix = shownFix(d, o);
  if (fix && source) {
    out.fixes = [
      {
        description: { text: fix.title },
        artifactChanges: [
          {
            artifactLocation,
            replacements: fix.edits.map((e) => {
              const { start, end } = editRange(source, e);
              return { deletedRegion: region(start, end), insertedContent: { text: e.text } };
            }),
          },
        ],
        properties: { applicability: fix.applicability, ...(fix.reason !== undefined ? { reason: fix.reason } : {}) },
      },
    ];
  }
  return out;
}

function region(start: Location, end: Location, source?: SourceFile, span?: Span): Sarif.Region {
  const out: Sarif.Region = { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  if (source && span) out.snippet = { text: source.text.slice(span.start, span.end) };
  return out;
}

function notification(p: FileProblem, cwd: string): Sarif.Notification {
  const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: artifact(p.path, cwd) };
  if (p.start) physicalLocation.region = { startLine: p.start.line, startColumn: p.start.column };
  return {
    level: 'warning',
    message: { text: p.message },
    locations: [{ physicalLocation }],
    properties: { kind: p.kind, partial: p.partial },
  };
}

/** Relative to %SRCROOT% when inside the working directory, else an absolute file URL. */
function artifact(p: string, cwd: string): Sarif.ArtifactLocation {
  const rel = pathInside(p, cwd);
  if (rel === undefined) return { uri: pathToFileURL(path.resolve(cwd, p)).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUrl(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : href + '/';
}

/** One fingerprint per diagnostic (same order), by the file's URI (kernel/fingerprint.ts). */
export function fingerprintAll(r: ReportInput, all: readonly Diagnostic[] = [...r.diagnostics]): string[] {
  return fingerprints(all, (d) => artifact(d.path, r.cwd).uri ?? d.path, (d) => r.sources.get(d.path)?.lineText(d.start.line) ?? '');
}
