/**
 * Inline suppressions: `# venvguard: ignore[VG101]`, `# venvguard: ignore`, `# noqa: VG101`
 * and bare `# noqa`. A suppression applies to findings on its line.
 */
import type { SourceFile } from './source.js';

export type Suppressions = Map<number, Set<string> | 'all'>;

const VENVGUARD_RE = /venvguard:\s*ignore(?:\[([^\]]*)\])?/i;
const NOQA_RE = /\bnoqa\b(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i;

export function parseSuppressions(file: SourceFile, comments: { offset: number; text: string }[]): Suppressions {
  const out: Suppressions = new Map();
  for (const c of comments) {
    const line = file.location(c.offset).line;
    const codes = suppressedCodes(c.text);
    if (!codes) continue;
    const prev = out.get(line);
    if (codes === 'all' || prev === 'all') out.set(line, 'all');
    else out.set(line, new Set([...(prev ?? []), ...codes]));
  }
  return out;
}

/** Codes a comment suppresses: a list, 'all', or undefined when it is not a suppression. */
export function suppressedCodes(comment: string): Set<string> | 'all' | undefined {
  const v = VENVGUARD_RE.exec(comment);
  if (v) {
    if (v[1] === undefined) return 'all';
    return new Set(v[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
  }
  const n = NOQA_RE.exec(comment);
  if (n) {
    if (!n[1]) return 'all';
    return new Set(n[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
  }
  return undefined;
}

export function isSuppressed(s: Suppressions, lines: number[], code: string, name: string): boolean {
  for (const l of lines) {
    const e = s.get(l);
    if (e === 'all' || e?.has(code) || e?.has(name.toUpperCase())) return true;
  }
  return false;
}
