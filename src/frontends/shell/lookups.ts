/**
 * Computed program names that are PATH lookups: `$(which python)`, `` `command -v python3` ``,
 * `$(type -P pip)`, alone in a command substitution (a `2>/dev/null` and a trailing `|| true` may
 * follow). The shell prints what PATH finds for the name, so the substitution used as a program
 * is that name looked up on PATH: a `path-lookup` fragment, as `shutil.which("python")` is in
 * Python, and the judge treats it as the bare name. A variable that holds one (`PY=$(which
 * python3)`, then `$PY x.py`) keeps it: the shell variables are text, so the lookup is written
 * into the value between two marker characters and read back where the value is expanded.
 */
import type { Span } from '../../kernel/source.js';
import type { Fragment, Word } from '../../kernel/word.js';

const LOOKUP = /^\s*(?:which|command\s+-v|type\s+-[pP])\s+(['"]?)([A-Za-z_][\w.+-]*)\1\s*(?:[12]?>\s*\/dev\/null\s*|2>&1\s*)*(?:\|\|\s*true\s*)?$/;

/**
 * The name a command substitution's source text (`$(which python)`, `` `command -v pip` ``) looks
 * up on PATH, when that is all it does.
 */
export function lookedUpName(substitution: string): string | undefined {
  let inner: string | undefined;
  if (substitution.startsWith('$(') && substitution.endsWith(')') && !substitution.startsWith('$((')) inner = substitution.slice(2, -1);
  else if (substitution.length >= 2 && substitution.startsWith('`') && substitution.endsWith('`')) inner = substitution.slice(1, -1);
  if (inner === undefined) return undefined;
  return LOOKUP.exec(inner)?.[2];
}

export function lookupFragment(name: string, span: Span | undefined): Fragment & { kind: 'path-lookup' } {
  const s = span ?? { start: 0, end: 0 };
  return { kind: 'path-lookup', name: { fragments: [{ kind: 'text', text: name }], span: s }, span: s };
}

/** Marks a PATH lookup inside a variable's text value (control characters no real value holds, and none of the markers of config/facts.ts). */
const OPEN = '\u0005';
const CLOSE = '\u0006';

/** A word as a variable's text: literal text as is, a PATH lookup marked; undefined when any other part is unknown. */
export function lookupAwareText(w: Word, other: (f: Fragment) => string): string {
  let s = '';
  for (const f of w.fragments) {
    if (f.kind === 'path-lookup') {
      const n = f.name.fragments.length === 1 && f.name.fragments[0].kind === 'text' ? f.name.fragments[0].text : undefined;
      s += n !== undefined ? `${OPEN}${n}${CLOSE}` : other(f);
    } else s += f.kind === 'text' ? f.text : other(f);
  }
  return s;
}

/** A variable's value split into text and the PATH lookups marked in it. */
export function splitLookups(value: string): (string | { lookup: string })[] | undefined {
  if (!value.includes(OPEN)) return undefined;
  const out: (string | { lookup: string })[] = [];
  const re = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g');
  let p = 0;
  for (const m of value.matchAll(re)) {
    if (m.index! > p) out.push(value.slice(p, m.index));
    out.push({ lookup: m[1] });
    p = m.index! + m[0].length;
  }
  if (p < value.length) out.push(value.slice(p));
  return out;
}

/**
 * The whole shell word a program that is only a PATH lookup is written as (`$(which python)`,
 * `"$(command -v pip)"`, `` `which python3` ``, `$PY`, `"${PY}"`), for a fix that replaces it
 * with the venv's program; undefined for any other word.
 */
export function lookupWordSpan(source: string, w: Word): Span | undefined {
  if (w.fragments.length !== 1 || w.fragments[0].kind !== 'path-lookup' || !w.span) return undefined;
  const text = source.slice(w.span.start, w.span.end);
  const bare = /^"(.*)"$/s.exec(text)?.[1] ?? text;
  if (lookedUpName(bare) !== undefined || /^\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})$/.test(bare)) return w.span;
  return undefined;
}
