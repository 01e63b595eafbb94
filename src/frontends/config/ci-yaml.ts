/**
 * Reading the YAML step-list CI formats (Azure Pipelines, CircleCI, Bitbucket Pipelines) and
 * pre-commit's configuration: YAML aliases and merge keys (`<<: *defaults`) applied by the GitLab
 * reader, each alias followed and each script's text charged to the file's budgets, every scalar
 * still the node it came from so that its characters map back to the file.
 */
import type { Document, Node as YamlNode, Scalar } from 'yaml';
import type { SourceFile, Span } from '../../kernel/source.js';
import { BudgetMeter, YAML_EXPANDED_CHARS } from '../../kernel/budgets.js';
import { Config, isMapping, scalarText, trimmedSpan, type Mapping, type Value } from '../gitlab/reader.js';
import { checkYamlNesting, isScalar, isSeq, parseLenient, scalarChars, yaml, yamlErrors } from '../yaml-scalars.js';
import type { StepItem } from './ci-steps.js';

export { isMapping, scalarText, type Mapping, type Value };

export interface CiYaml {
  cfg: Config;
  root: Mapping | undefined;
  problems: { message: string; offset: number }[];
  file: SourceFile;
  meter: BudgetMeter;
}

/** The file's first YAML document, read as the CI reads it. */
export function readCiYaml(file: SourceFile): CiYaml {
  const problems: { message: string; offset: number }[] = [];
  checkYamlNesting(file.text);
  const doc = parseLenient(file.text, (t) => yaml().parseDocument(t, { prettyErrors: false, uniqueKeys: false })) as Document.Parsed;
  for (const e of yamlErrors(doc.errors)) problems.push({ message: `YAML: ${e.message.split('\n')[0]}`, offset: e.pos[0] });
  const meter = new BudgetMeter();
  const cfg = new Config(doc, meter);
  return { cfg, root: cfg.root, problems, file, meter };
}

/** A mapping's value for `key` (aliases and merges applied). */
export function field(v: Value | undefined, key: string): Value | undefined {
  return isMapping(v) ? v.entries.get(key)?.value : undefined;
}

/** Where a mapping's `key` is written (for suppressions and spans). */
export function keyAt(v: Value | undefined, key: string): number | undefined {
  return isMapping(v) ? v.entries.get(key)?.key?.range?.[0] : undefined;
}

/** A sequence's items as Values (aliases and merges applied); a non-sequence has none. */
export function itemsOf(y: CiYaml, v: Value | undefined): Value[] {
  if (!isSeq(v)) return [];
  return v.items.map((i) => y.cfg.valueOf(i, 0));
}

/** A scalar's text with each character's place in the file, charged to the file's budget. */
export function scalarItem(y: CiYaml, v: Value | undefined): StepItem | undefined {
  if (!isScalar(v) || !v.range || v.value === null || typeof v.value === 'object') return undefined;
  y.meter.charge(YAML_EXPANDED_CHARS, String(v.value).length);
  const chars = typeof v.value === 'string' ? scalarChars(y.file.text, v as Scalar) : [...String(v.value)].map((ch) => ({ ch, off: -1 }));
  return { chars, span: trimmedSpan(y.file.text, v as YamlNode) };
}

/** `NAME: value` pairs of a mapping as text (values that are not scalars are left out). */
export function envOf(v: Value | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!isMapping(v)) return out;
  for (const [k, e] of v.entries) {
    const t = scalarText(e.value);
    if (t !== undefined) out.set(k, t);
  }
  return out;
}

/** The 1-based lines a node spans. */
export function linesOf(file: SourceFile, span: Span): { first: number; last: number } {
  const line = (o: number) => file.location(Math.min(o, file.text.length)).line;
  return { first: line(span.start), last: line(Math.max(span.start, span.end - 1)) };
}

/** The extent of a Value as written (a mapping: from its first key to its last value). */
export function spanOf(file: SourceFile, v: Value | undefined): Span | undefined {
  if (v === undefined || v === null) return undefined;
  if (isMapping(v)) {
    let start = Infinity;
    let end = -Infinity;
    for (const e of v.entries.values()) {
      const k = e.key?.range?.[0];
      if (k !== undefined) start = Math.min(start, k);
      const n = e.node as YamlNode | undefined;
      if (n?.range) end = Math.max(end, trimmedSpan(file.text, n).end);
      else if (e.key?.range) end = Math.max(end, e.key.range[1]);
    }
    return start <= end ? { start, end } : undefined;
  }
  const n = v as YamlNode;
  return n.range ? trimmedSpan(file.text, n) : undefined;
}
