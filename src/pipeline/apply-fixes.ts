/**
 * Applying fixes: non-overlapping edits (identical ones merged, e.g. the same `import sys`),
 * then the caller re-parses and re-checks, and only writes a result that still parses.
 */
import type { Diagnostic, Edit, FixApplicability } from '../kernel/diagnostic.js';

export function fixableBy(d: Diagnostic, allowUnsafe: boolean): boolean {
  const a: FixApplicability | undefined = d.fix?.applicability;
  return a === 'safe' || (allowUnsafe && a === 'unsafe');
}

/** Apply the fixes of the given diagnostics that do not overlap earlier ones. Returns the new text and how many fixes were used. */
export function applyFixes(text: string, diagnostics: Diagnostic[], allowUnsafe: boolean): { text: string; applied: number; edits: Edit[] } {
  const accepted: Edit[] = [];
  let applied = 0;
  const key = (e: Edit) => `${e.start}:${e.end}:${e.text}`;
  const have = new Set<string>();
  // Accepted edits indexed by position (buckets of 256 characters) and by text, so that testing a
  // fix against them does not walk all of them (thousands of fixes in one file were quadratic).
  const buckets = new Map<number, Edit[]>();
  const bucketsOf = (e: Edit) => {
    const out: number[] = [];
    for (let k = e.start >> 8; k <= e.end >> 8; k++) out.push(k);
    return out;
  };
  const lineLike = (e: Edit) => e.text.includes('\n') || /^\s*(&&|;)/.test(e.text);
  /** Accepted edits by trimmed text: all of them, and those that write a line of their own. */
  const byText = new Map<string, Edit[]>();
  const lineByText = new Map<string, Edit[]>();
  const push = <K,>(m: Map<K, Edit[]>, k: K, e: Edit) => {
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  };
  const conflictsWith = (e: Edit) => {
    for (const k of bucketsOf(e)) if (buckets.get(k)?.some((a) => overlaps(a, e))) return true;
    const t = e.text.trim();
    if (t === '') return false;
    // Same text written twice is a conflict only when one of the two writes a line of its own.
    return ((lineLike(e) ? byText : lineByText).get(t) ?? []).some((a) => sameLine(a, e));
  };
  for (const d of diagnostics) {
    if (!d.fix || !fixableBy(d, allowUnsafe)) continue;
    const fresh = d.fix.edits.filter((e) => !have.has(key(e)));
    // Two fixes that write the same line elsewhere (VG201 and VG202 both adding one `ENV PATH=…`
    // line) conflict too: the next pass re-checks, and the second is then no longer needed.
    if (fresh.some(conflictsWith)) continue;
    for (const e of fresh) {
      accepted.push(e);
      have.add(key(e));
      for (const k of bucketsOf(e)) push(buckets, k, e);
      const t = e.text.trim();
      if (t !== '') {
        push(byText, t, e);
        if (lineLike(e)) push(lineByText, t, e);
      }
    }
    applied++;
  }
  // In order of position, insertions at one offset in the order they were accepted (and before a
  // replacement that starts there); the text is assembled once, not copied once per edit (3,000
  // fixes in a 180 KB workflow copied half a gigabyte).
  const ordered = accepted.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const { e } of ordered) {
    out.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(text.slice(at));
  return { text: out.join(''), applied, edits: ordered.map((o) => o.e) };
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Two different edits that write the same text holding a line of its own. */
function sameLine(a: Edit, b: Edit): boolean {
  if (a.start === b.start && a.end === b.end) return false;
  const t = a.text.trim();
  return t !== '' && t === b.text.trim() && (a.text.includes('\n') || b.text.includes('\n') || /^\s*(&&|;)/.test(a.text));
}
