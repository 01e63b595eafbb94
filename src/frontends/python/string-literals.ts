/**
 * String literals for the Python evaluator (evaluate.ts): a `string` node's Value, with its
 * escapes decoded and each character mapped back to the source, f-string fields evaluated, and
 * the literal recorded (LiteralRef) so that a fix can rewrite it.
 */
import type { Node } from 'web-tree-sitter';
import { mergeText, type Fragment } from '../../kernel/word.js';
import { parentOf } from './ancestry.js';
import { spanOf, type Evaluator, type Scope } from './scopes.js';
import { mapEach, strValue, UNKNOWN, type LiteralRef, type Value } from './values.js';

/** The Value of a string literal (one `string` node, not a concatenation), recorded in ev.literals. */
export function evalString(ev: Evaluator, n: Node, scope: Scope, pos: number): Value {
  const startTok = n.child(0);
  const startText = startTok?.text ?? '"';
  const m = /^([A-Za-z]*)('''|"""|'|")$/.exec(startText);
  const prefix = (m?.[1] ?? '').toLowerCase();
  const quote = m?.[2] ?? '"';
  const raw = prefix.includes('r');
  const isF = prefix.includes('f') || prefix.includes('t');
  const frags: Fragment[] = [];
  // Fields whose value is one of several strings (`f"python{v}"`, v "3" or ""): where each sits in frags.
  const choices: { at: number; value: Value }[] = [];
  let verbatim = true;
  const contentStart = startTok ? startTok.endIndex : n.startIndex;
  const endTok = n.child(n.childCount - 1);
  const contentEnd = endTok && endTok.type === 'string_end' ? endTok.startIndex : n.endIndex;
  for (const c of n.children) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'string_content') {
      const { text, offsets, exact } = decodeContent(c, raw, isF, ev.file.text);
      if (!exact) verbatim = false;
      frags.push({ kind: 'text', text, offsets });
    } else if (c.type === 'interpolation') {
      verbatim = false;
      const expr = c.childForFieldName('expression');
      const hasSpec = c.childForFieldName('format_specifier') || c.childForFieldName('type_conversion');
      const v = expr && !hasSpec ? ev.evalIn(expr, scope, pos) : UNKNOWN;
      if (v.k === 'str') frags.push(...v.word.fragments);
      else if (v.k === 'union' && v.options.every((o) => o.k === 'str')) {
        choices.push({ at: frags.length, value: v });
        frags.push({ kind: 'unknown', span: spanOf(c) });
      } else frags.push({ kind: 'unknown', span: spanOf(c) });
    } else if (c.type === 'escape_sequence') {
      // Some grammar versions put escapes beside string_content.
      verbatim = false;
      const d = decodeEscape(c.text, isF);
      frags.push({ kind: 'text', text: d, offsets: Array.from({ length: d.length }, () => c.startIndex) });
    }
  }
  const span = spanOf(n);
  const literal: LiteralRef = {
    span,
    contentSpan: { start: contentStart, end: contentEnd },
    prefix: m?.[1] ?? '',
    quote,
    verbatim,
    parentType: parentOf(n)?.type ?? '',
  };
  ev.literals.set(n.startIndex, literal);
  if (prefix.includes('b')) verbatim = false;
  if (choices.length === 0) return strValue({ fragments: mergeText(frags), span }, literal);
  return mapEach(
    choices.map((x) => x.value),
    (vs) => {
      const out = frags.slice();
      // From the last field back, so the earlier positions still hold.
      for (let i = choices.length - 1; i >= 0; i--) {
        const v = vs[i];
        out.splice(choices[i].at, 1, ...(v.k === 'str' ? v.word.fragments : [frags[choices[i].at]]));
      }
      return strValue({ fragments: mergeText(out), span }, literal);
    },
  );
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

function decodeEscape(esc: string, isF: boolean): string {
  if (isF && (esc === '{{' || esc === '}}')) return esc[0];
  const body = esc.slice(1);
  if (body.startsWith('\n') || body.startsWith('\r')) return '';
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body];
  if (/^x[0-9a-fA-F]{2}$/.test(body) || /^u[0-9a-fA-F]{4}$/.test(body) || /^U[0-9a-fA-F]{8}$/.test(body)) {
    const cp = parseInt(body.slice(1), 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd'; // out of range: CPython refuses the literal
  }
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  return esc; // unknown escapes stay as written (\N{...} is rare in commands)
}

/** Decode a string_content node: its escape_sequence children, mapped char by char to the source. */
function decodeContent(c: Node, raw: boolean, isF: boolean, source: string): { text: string; offsets: number[]; exact: boolean } {
  let text = '';
  const offsets: number[] = [];
  let exact = true;
  let cursor = c.startIndex;
  const copy = (to: number) => {
    for (let i = cursor; i < to; i++) {
      text += source[i];
      offsets.push(i);
    }
  };
  // `{{` and `}}` of an f-string are their own nodes (escape_interpolation), raw f-strings included.
  if (!raw || isF) {
    for (const e of c.children) {
      if (!e || !((e.type === 'escape_sequence' && !raw) || (e.type === 'escape_interpolation' && isF))) continue;
      copy(e.startIndex);
      const d = decodeEscape(e.text, isF);
      if (d !== e.text) exact = false;
      for (const ch of d) {
        text += ch;
        offsets.push(e.startIndex);
      }
      cursor = e.endIndex;
    }
  }
  copy(c.endIndex);
  return { text, offsets, exact };
}
