/**
 * Fingerprints that survive edits above a finding: a hash of the rule, where the file is, the
 * flagged line's text with whitespace normalised, and how many earlier findings in the same file
 * share those three. Line numbers are left out on purpose. SARIF's partial fingerprints (code
 * scanning) and the baseline (`--baseline`) are both made here.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostic.js';

/**
 * One fingerprint per diagnostic, in the same order. `where` names the file as it should be
 * compared across runs (a URI, a path relative to the baseline); `lineText` gives a line's text.
 */
export function fingerprints(diagnostics: readonly Diagnostic[], where: (d: Diagnostic) => string, lineText: (d: Diagnostic) => string): string[] {
  const keys = diagnostics.map((d) => [d.code, where(d), lineText(d).trim().replace(/\s+/g, ' ')].join('\0'));
  // Occurrences are counted in file order even if the caller's order differs.
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => {
      const da = diagnostics[a];
      const db = diagnostics[b];
      return da.path < db.path ? -1 : da.path > db.path ? 1 : da.start.line - db.start.line || da.start.column - db.start.column || a - b;
    });
  const seen = new Map<string, number>();
  const out: string[] = new Array(keys.length);
  for (const i of order) {
    const n = seen.get(keys[i]) ?? 0;
    seen.set(keys[i], n + 1);
    out[i] = createHash('sha256').update(`${keys[i]}\0${n}`).digest('hex').slice(0, 32);
  }
  return out;
}
