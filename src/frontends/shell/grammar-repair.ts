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

/** A here-document's operator and word (`<<EOF`, `<<-'END'`, `<< "X"`): group 1 the `-`, group 3 the word. */
const HEREDOC_START = /<<(-?)[ \t]*(["']?)([A-Za-z_][\w-]*)\2/g;

/**
 * The script with the blanks of a here-document body's last line turned into line breaks, when
 * that line holds nothing but blanks. tree-sitter-bash fails on such a body inside a compound
 * command (`case`, `if`, `{ … }`) once the body holds an expansion (nav's mergedb.sh: a usage text
 * with `$(basename $0)` in a case item, its last line one space); an empty line there parses.
 * Blanks and line breaks are both nothing to every reader of the text, and the length is the same.
 * Lexical (a `<<` in arithmetic may be taken for a here-document): the caller keeps the result only
 * when it parses with fewer errors.
 */
export function blankHeredocEnds(s: Script): Script {
  const t = s.text;
  if (!t.includes('<<')) return s;
  let out: string[] | undefined;
  // Per word (and `-`): its end-line pattern, and the point after which it has no end line: a
  // search that found none from p finds none from later, so no text is searched twice for it.
  const ends = new Map<string, { re: RegExp; noneFrom: number }>();
  for (const m of t.matchAll(HEREDOC_START)) {
    const bodyStart = t.indexOf('\n', m.index) + 1;
    if (bodyStart === 0) break;
    const key = m[1] + m[3];
    let end = ends.get(key);
    if (!end) ends.set(key, (end = { re: new RegExp(`^${m[1] ? '\\t*' : ''}${m[3]}[ \\t]*$`, 'gm'), noneFrom: Infinity }));
    if (bodyStart >= end.noneFrom) continue;
    end.re.lastIndex = bodyStart;
    const found = end.re.exec(t);
    if (!found) {
      end.noneFrom = bodyStart;
      continue;
    }
    const delim = found.index;
    if (delim === bodyStart) continue; // an empty body
    const lastStart = t.lastIndexOf('\n', delim - 2) + 1;
    if (lastStart < bodyStart || !/^[ \t]+$/.test(t.slice(lastStart, delim - 1))) continue;
    out ??= t.split('');
    for (let k = lastStart; k < delim - 1; k++) out[k] = '\n';
  }
  if (!out) return s;
  const text = out.join('');
  return { ...s, text, orig: s.orig ?? t };
}
