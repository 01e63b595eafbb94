/**
 * Valid shell tree-sitter-bash cannot parse, found from where its parse failed rather than from the
 * text alone (grammar-gaps.ts has the text-level rewrites): a case pattern with a quoted string
 * followed by more pattern text after a glob, autoconf's standard
 *
 *     case $ac_user_opts in
 *       *"
 *     "enable_$ac_useropt"
 *     "*) ;;
 *
 * in every `configure` script. The grammar reads `*"…"` and then fails on the word after it. The
 * shell model never reads a case pattern's value (only the commands of its items), so the
 * pattern's quotes and quoted characters (newlines included) become `_`: the same length, every
 * character keeping its place in the script → source map. The caller keeps the result only when it
 * parses with fewer errors, so a real syntax error elsewhere is still reported.
 */
import { childNodes, type SyntaxNode } from '../tree-sitter.js';
import type { Script } from './script.js';

/** A case pattern longer than this is not one (an unclosed quote ran on): left alone. */
const MAX_PATTERN = 1000;

/** The script with the patterns of case items that hold a parse error rewritten, or `s` when none is. */
export function repairCasePatterns(s: Script, root: SyntaxNode): Script {
  if (!s.text.includes('case')) return s;
  const t = s.text;
  let out: string[] | undefined;
  const starts = new Set<number>();
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.isError) {
      const p = n.parent;
      // Under the item (`*"…"` then the ERROR), or under the statement when the item never formed.
      if (p?.type === 'case_item') starts.add(p.startIndex);
      else if (p?.type === 'case_statement') starts.add(n.startIndex);
      continue;
    }
    if (n.hasError) for (const c of childNodes(n)) if (c) stack.push(c);
  }
  for (const start of starts) {
    const quoted = patternQuotes(t, start);
    if (!quoted?.length) continue;
    out ??= t.split('');
    for (const k of quoted) out[k] = '_';
  }
  if (!out) return s;
  const text = out.join('');
  return text === t ? s : { ...s, text, orig: s.orig ?? t };
}

/**
 * The indexes of the quotes and quoted characters of the case pattern that starts at `start` (up to
 * its unquoted `)`), or undefined when the text there is no pattern that can be rewritten: no `)`
 * within MAX_PATTERN, a `;;` before it, or a quoted expansion that runs a command.
 */
function patternQuotes(t: string, start: number): number[] | undefined {
  const out: number[] = [];
  let q = '';
  let depth = 0;
  const end = Math.min(t.length, start + MAX_PATTERN);
  for (let k = start; k < end; k++) {
    const c = t[k];
    if (k === start && c === '(') continue; // `(a|b) cmd ;;`: the optional opening parenthesis
    if (q) {
      if (c === '\\' && q === '"') {
        out.push(k, k + 1);
        k++;
        continue;
      }
      if (c === '`' || (c === '$' && t[k + 1] === '(')) return undefined;
      out.push(k);
      if (c === q) q = '';
      continue;
    }
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      out.push(k);
    } else if (c === ';' && t[k + 1] === ';') return undefined;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return out;
      depth--;
    }
  }
  return undefined;
}

/**
 * The script cut after its first top-level `exec PROGRAM …` or `exit` when the parse failed only
 * after it: exec replaces the shell and exit ends it, so nothing after either runs. bup's tools are
 * such files (`#!/bin/sh`, a few lines that `exec` an interpreter on the file itself, or look for one
 * in a loop and `exit 2` when none is found, then Python; bash -n rejects them, but they run). The
 * text after the command becomes blanks (newlines kept: the same length, every character keeping
 * its place in the script → source map). `exec 3>&1` (redirections only) replaces nothing.
 */
export function endAtExec(s: Script, root: SyntaxNode): Script {
  if (!s.text.includes('exec') && !s.text.includes('exit')) return s;
  for (const c of childNodes(root)) {
    if (!c || c.isError || c.hasError) return s;
    if (c.type !== 'command' || c.firstChild?.type !== 'command_name') continue;
    const name = c.firstChild.text;
    if (name !== 'exit' && (name !== 'exec' || !childNodes(c).some((a, i) => i > 0 && a && !/redirect$/.test(a.type) && a.type !== 'comment'))) continue;
    const t = s.text;
    const text = t.slice(0, c.endIndex) + t.slice(c.endIndex).replace(/[^\n]/g, ' ');
    return text === t ? s : { ...s, text, orig: s.orig ?? t };
  }
  return s;
}

