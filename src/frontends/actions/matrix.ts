/**
 * Matrix values a step's (or its job's) `if:` pins: in a step that runs only
 * `if: matrix.package == 'prefect-ray'`, `${{ matrix.package }}` is `prefect-ray`, whatever the
 * matrix is made of (a `fromJson` of an earlier job's output, which is not known here). Only a
 * condition that is one comparison, or comparisons joined by `&&`, pins: with `||` or `!` the step
 * may run for other values too.
 */
/** Whether a condition is `&&`-joined terms only: no `||`, no negation (`!=` is a comparison, not one). */
export function conjunctionOnly(condition: string): boolean {
  return !/\|\||!/.test(condition.replace(/!=/g, ''));
}

const TERM = /^\(?\s*(?:matrix\.([\w-]+)\s*==\s*'((?:[^']|'')*)'|'((?:[^']|'')*)'\s*==\s*matrix\.([\w-]+))\s*\)?$/;

export function pinnedMatrix(condition: string | undefined): Map<string, string> {
  const pins = new Map<string, string>();
  if (condition === undefined) return pins;
  const expr = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim();
  if (!conjunctionOnly(expr)) return pins;
  for (const term of expr.split('&&')) {
    const m = TERM.exec(term.trim());
    if (!m) continue;
    const key = m[1] ?? m[4];
    const value = (m[2] ?? m[3]).replace(/''/g, "'");
    // Two different values for one key: the step never runs; pin nothing.
    if (pins.has(key) && pins.get(key) !== value) return new Map();
    pins.set(key, value);
  }
  return pins;
}

/** `${{ matrix.KEY }}` with a pinned KEY replaced by its value. */
export function pinMatrix(text: string, pins: ReadonlyMap<string, string>): string {
  if (pins.size === 0) return text;
  return text.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (whole, key: string) => pins.get(key) ?? whole);
}
