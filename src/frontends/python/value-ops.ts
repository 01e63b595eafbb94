/**
 * Operations that derive new Values from evaluated ones, for the Python evaluator (evaluate.ts
 * and its modules): string joins (os.path.join, pathlib `/`, "sep".join), `%` and `.format`
 * formatting, and the PATH state of environment mappings as keys are set or merged.
 */
import type { Span } from '../../kernel/source.js';
import { mergeText, type Fragment, type Word } from '../../kernel/word.js';
import { asWord, mapValue, strValue, type EnvPath, type Value } from './values.js';

/** PATH state after a key is set: PATH itself sets it; an unknown key may be PATH. */
export function withKey(path: EnvPath, key: string | undefined): EnvPath {
  if (key === 'PATH') return 'set';
  if (key === undefined && path === 'no') return 'unknown';
  return path;
}

/** PATH state after `{**a, **b}`-style merging of b into a. */
export function mergeEnv(a: EnvPath, b: EnvPath): EnvPath {
  if (b === 'set' || a === 'set') return 'set';
  if (b === 'inherited') return 'inherited';
  if (b === 'unknown' && a === 'no') return 'unknown';
  return a === 'no' ? b : a;
}

export function hasVenvFragment(w: Word): boolean {
  return w.fragments.some((f) => f.kind === 'sys-executable' || f.kind === 'venv-path');
}

export function wordTextOf(w: Word): string | undefined {
  let s = '';
  for (const f of w.fragments) {
    if (f.kind !== 'text') return undefined;
    s += f.text;
  }
  return s;
}

/** Derived strings are no longer one literal a fix could rewrite as a whole. */
export function stripLiteral(v: Value): Value {
  return mapValue(v, (x) => (x.k === 'str' && x.literal ? { k: 'str', word: x.word } : x));
}

function synthetic(text: string): Fragment {
  return { kind: 'text', text, offsets: new Array(text.length).fill(-1) };
}

export function joinPath(words: Word[]): Value {
  const frags: Fragment[] = [];
  words.forEach((w, i) => {
    if (i > 0) frags.push(synthetic('/'));
    frags.push(...w.fragments);
  });
  return strValue({ fragments: mergeText(frags) });
}

export function joinAll(values: Value[], span: Span): Value {
  if (values.length === 0) return { k: 'unknown', span };
  let acc: Value = values[0];
  for (const v of values.slice(1)) {
    acc = mapValue(acc, (a) => mapValue(v, (b) => (a.k === 'str' && b.k === 'str' ? joinPath([a.word, b.word]) : { k: 'unknown', span })));
  }
  return stripLiteral(acc);
}

export function joinList(list: Value, sep: string, span: Span): Value {
  if (list.k !== 'list') return { k: 'unknown', span };
  const frags: Fragment[] = [];
  list.items.forEach((it, i) => {
    if (i > 0) frags.push(synthetic(sep));
    if ('splat' in it) frags.push({ kind: 'unknown', span });
    else frags.push(...asWord(it.value, span).fragments);
  });
  return strValue({ fragments: mergeText(frags), span });
}

/** "a %s b" % value — %s/%r/%d replaced by the values, %% by %. */
export function percentFormat(fmt: Word, args: Value, span: Span): Value {
  const values = args.k === 'list' && args.items.every((i) => 'value' in i) ? args.items.map((i) => (i as { value: Value }).value) : [args];
  if (args.k === 'env') return { k: 'unknown', span };
  let next = 0;
  const out: Fragment[] = [];
  for (const f of fmt.fragments) {
    if (f.kind !== 'text') {
      out.push(f);
      continue;
    }
    let i = 0;
    let lastCut = 0;
    const t = f.text;
    const cut = (a: number, b: number) => {
      if (b > a) out.push({ kind: 'text', text: t.slice(a, b), offsets: f.offsets?.slice(a, b) });
    };
    while (i < t.length) {
      if (t[i] !== '%') {
        i++;
        continue;
      }
      const m = /^%(\([^)]*\))?[-#0 +]*(\d+|\*)?(\.\d+)?[hlL]?([diouxXeEfFgGcrsa%])/.exec(t.slice(i));
      if (!m) {
        i++;
        continue;
      }
      cut(lastCut, i);
      if (m[4] === '%') out.push({ kind: 'text', text: '%', offsets: f.offsets ? [f.offsets[i]] : undefined });
      else if (m[1]) out.push({ kind: 'unknown', span });
      else {
        const v = values[next++];
        out.push(...(v ? asWord(v, span).fragments : [{ kind: 'unknown' as const, span }]));
      }
      i += m[0].length;
      lastCut = i;
    }
    cut(lastCut, t.length);
  }
  return strValue({ fragments: mergeText(out), span });
}

/** "{} {0} {name}".format(...) */
export function braceFormat(fmt: Word, positional: Value[], keywords: Map<string, Value>, span: Span): Value {
  let auto = 0;
  const out: Fragment[] = [];
  for (const f of fmt.fragments) {
    if (f.kind !== 'text') {
      out.push(f);
      continue;
    }
    const t = f.text;
    let i = 0;
    let lastCut = 0;
    const cut = (a: number, b: number) => {
      if (b > a) out.push({ kind: 'text', text: t.slice(a, b), offsets: f.offsets?.slice(a, b) });
    };
    while (i < t.length) {
      const ch = t[i];
      if ((ch === '{' || ch === '}') && t[i + 1] === ch) {
        cut(lastCut, i + 1);
        i += 2;
        lastCut = i;
        continue;
      }
      if (ch !== '{') {
        i++;
        continue;
      }
      const close = t.indexOf('}', i);
      if (close < 0) break;
      cut(lastCut, i);
      const field = t.slice(i + 1, close);
      const name = field.split(/[!:]/)[0];
      const hasSpec = field.length !== name.length;
      let v: Value | undefined;
      if (!hasSpec) {
        if (name === '') v = positional[auto++];
        else if (/^\d+$/.test(name)) v = positional[Number(name)];
        else if (/^\w+$/.test(name)) v = keywords.get(name);
      }
      out.push(...(v ? asWord(v, span).fragments : [{ kind: 'unknown' as const, span }]));
      i = close + 1;
      lastCut = i;
    }
    cut(lastCut, t.length);
  }
  return strValue({ fragments: mergeText(out), span });
}
