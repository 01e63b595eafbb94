/**
 * The shell parser's word expander: turns the tree-sitter nodes of one shell word into the argv
 * words it expands to, as the shell would — quote removal (single, double, bash `$'…'` and `$"…"`),
 * backslash escapes, known `$NAME` / `${NAME}` values substituted and field-split when unquoted,
 * and everything it cannot know (command substitutions, other expansions, placeholders) kept as
 * opaque fragments. Every literal character keeps its offset in the file. Fields says when the
 * number of words is not known statically. The tree walker (parse.ts) calls it per word.
 */
import { posix } from 'node:path';
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import { childNodes, type SyntaxNode } from '../tree-sitter.js';
import { type OpaqueFragment, type Unit, unitsSpan, unitsToWord } from '../../kernel/word-units.js';
import type { Script, ScriptMap } from './script.js';
import type { ShellAssignment, ShellDialect } from './types.js';
import { lookedUpName, lookupFragment, splitLookups } from './lookups.js';

type Mode = 'unquoted' | 'dquoted' | 'raw';

/**
 * Accumulates the fields (argv words) one shell word expands to. Usually exactly one; a known
 * variable expanded unquoted is split on whitespace, and an unquoted expansion of an empty value
 * yields none at all, as in the shell.
 */
class Fields {
  private fields: Unit[][] = [[]];
  private started = false;
  /** The number or content of fields depends on run-time values (splitting, globbing). */
  inexact = false;

  constructor(private readonly split: boolean) {}

  private get cur(): Unit[] {
    return this.fields[this.fields.length - 1];
  }

  /** Quotes count as content even when empty: `""` is an argument. */
  touch(): void {
    this.started = true;
  }

  char(ch: string, off: number, quoted: boolean): void {
    this.cur.push({ ch, off });
    this.started = true;
    if (!quoted && this.split && (ch === '*' || ch === '?')) this.inexact = true;
  }

  frag(f: OpaqueFragment, quoted: boolean, multi = false): void {
    this.cur.push({ frag: f });
    this.started = true;
    if (this.split && (multi || (!quoted && f.kind === 'unknown'))) this.inexact = true;
  }

  /** A known variable's value: synthesised characters, field-split when unquoted. */
  value(text: string, quoted: boolean): void {
    for (const ch of text) {
      if (!quoted && this.split && (ch === ' ' || ch === '\t' || ch === '\n')) this.breakField();
      else this.char(ch, -1, quoted);
    }
    if (quoted) this.started = true;
  }

  private breakField(): void {
    if (!this.started) return;
    this.fields.push([]);
    this.started = false;
  }

  words(span: Span | undefined): Word[] {
    const done = this.started ? this.fields : this.fields.slice(0, -1);
    if (done.length === 1) return [unitsToWord(done[0], span)];
    return done.map((units) => unitsToWord(units, unitsSpan(units) ?? span));
  }
}

/** Expands the words of one script, against the variables known so far. */
export class WordExpander {
  private readonly s: Script;
  /** Where the word being expanded starts and ends: a `~` there is the tilde prefix. */
  private wordStart = -1;
  private wordEnd = -1;

  constructor(
    private readonly map: ScriptMap,
    private readonly dialect: ShellDialect,
    private readonly vars: Map<string, string> | undefined,
  ) {
    this.s = map.s;
  }

  private frag(i: number): OpaqueFragment | undefined {
    return this.map.frag(i);
  }

  private span(start: number, end: number): Span | undefined {
    return this.map.span(start, end);
  }

  /** `NAME=value` / `NAME+=value` (a prefix, a statement of its own): the value as one word, never field-split. */
  assignment(n: SyntaxNode): ShellAssignment {
    const nameNode = n.childForFieldName('name');
    const name = nameNode ? this.s.text.slice(nameNode.startIndex, nameNode.endIndex) : '';
    const valueNode = n.childForFieldName('value');
    const f = new Fields(false);
    if (childNodes(n).some((c) => c?.type === '+=')) {
      // `NAME+=value` appends to the current value.
      const known = this.vars?.get(name);
      if (known !== undefined) f.value(known, true);
      else f.frag({ kind: 'unknown', span: nameNode ? this.span(nameNode.startIndex, nameNode.endIndex) : undefined, why: `$${name}` }, true);
    }
    if (valueNode) {
      this.wordStart = valueNode.startIndex;
      this.wordEnd = valueNode.endIndex;
      this.sequence([valueNode], f, 'unquoted');
    }
    f.touch();
    const span = valueNode ? this.span(valueNode.startIndex, valueNode.endIndex) : undefined;
    return { name, value: f.words(span)[0] };
  }

  /** Converts the nodes of one shell word into the argv words it expands to. */
  convert(nodes: SyntaxNode[], split: boolean, from?: number, to?: number): { words: Word[]; inexact: boolean } {
    const f = new Fields(split);
    this.wordStart = from ?? nodes[0]?.startIndex ?? -1;
    this.wordEnd = to ?? nodes[nodes.length - 1]?.endIndex ?? -1;
    this.sequence(nodes, f, 'unquoted', from, to);
    const span = this.span(from ?? nodes[0].startIndex, to ?? nodes[nodes.length - 1].endIndex);
    return { words: f.words(span), inexact: f.inexact };
  }

  /** Adjacent parts of a word, with the gaps between them (text the grammar left unclaimed) as literal. */
  private sequence(nodes: readonly (SyntaxNode | null)[], f: Fields, mode: Mode, from?: number, to?: number): void {
    let p = from ?? nodes[0]?.startIndex ?? 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (!n) continue;
      if (n.startIndex > p) this.literal(p, n.startIndex, f, mode);
      const next = nodes[i + 1];
      // bash: `$"…"` is a translatable string, the `$` is quoting, not text.
      const localeDollar = this.dialect === 'bash' && !n.isNamed && n.type === '$' && next?.type === 'string' && next.startIndex === n.endIndex;
      if (!localeDollar) this.part(n, f, mode);
      p = Math.max(p, n.endIndex);
    }
    if (to !== undefined && to > p) this.literal(p, to, f, mode);
  }

  private part(n: SyntaxNode, f: Fields, mode: Mode): void {
    switch (n.type) {
      case 'raw_string': {
        f.touch();
        const closed = n.endIndex - n.startIndex >= 2 && this.s.text[n.endIndex - 1] === "'";
        this.literal(n.startIndex + 1, closed ? n.endIndex - 1 : n.endIndex, f, 'raw');
        return;
      }
      case 'string':
        this.dquoted(n, f);
        return;
      case 'ansi_c_string':
        if (this.dialect === 'sh') {
          // POSIX sh has no $'…': a literal `$` followed by a single-quoted string.
          this.literal(n.startIndex, n.startIndex + 1, f, mode);
          f.touch();
          const closed = n.endIndex - n.startIndex >= 3 && this.s.text[n.endIndex - 1] === "'";
          this.literal(n.startIndex + 2, closed ? n.endIndex - 1 : n.endIndex, f, 'raw');
        } else {
          this.ansiC(n, f);
        }
        return;
      case 'translated_string': {
        if (this.dialect === 'sh') this.literal(n.startIndex, n.startIndex + 1, f, mode);
        const inner = n.namedChildren.find((c) => c?.type === 'string');
        if (inner) this.dquoted(inner, f);
        return;
      }
      case 'simple_expansion':
      case 'expansion':
        this.expansion(n, f, mode);
        return;
      case 'command_substitution':
        if (this.lookup(n, f, mode !== 'unquoted')) return;
        this.unknown(n, f, mode, 'command substitution');
        return;
      case 'process_substitution':
        this.unknown(n, f, mode, 'command substitution');
        return;
      case 'arithmetic_expansion':
        this.unknown(n, f, mode, 'arithmetic expansion');
        return;
      case 'brace_expression':
        this.unknown(n, f, 'unquoted', 'brace expansion');
        return;
      case 'array':
        this.unknown(n, f, mode, 'array');
        return;
      default: {
        const children = childNodes(n);
        if (children.length === 0) this.literal(n.startIndex, n.endIndex, f, mode);
        else this.sequence(children, f, mode, n.startIndex, n.endIndex);
      }
    }
  }

  /**
   * `$(which python)`, `` `command -v pip` ``: the name looked up on PATH (lookups.ts); `$(pwd)`,
   * `` `pwd` ``: the current folder, as `$PWD` is, when it is known.
   */
  private lookup(n: SyntaxNode, f: Fields, quoted: boolean): boolean {
    const text = this.s.text.slice(n.startIndex, n.endIndex);
    const pwd = /^(?:\$\(\s*pwd(?:\s+-[LP])?\s*\)|`\s*pwd(?:\s+-[LP])?\s*`)$/.test(text) ? this.vars?.get('PWD') : undefined;
    if (pwd !== undefined) {
      f.value(pwd, quoted);
      return true;
    }
    // `$(readlink -f .venv/bin)`, `$(realpath .venv)`: a literal path made absolute from the
    // current folder when it is known (saltbox's `venv_bin=$(readlink -f .venv/bin)` written to
    // $GITHUB_PATH). A link it may resolve is taken as itself: a venv's own folders are not links.
    const canon = /^(?:\$\(\s*|`\s*)(?:readlink\s+-[fem]|realpath(?:\s+-[esm])?)\s+([\w./+-]+)\s*(?:\)|`)$/.exec(text);
    if (canon) {
      const p = canon[1];
      const base = p.startsWith('/') ? '' : this.vars?.get('PWD');
      if (base !== undefined && !/\$/.test(base)) {
        f.value(posix.normalize(p.startsWith('/') ? p : `${base}/${p}`).replace(/(.)\/$/, '$1'), quoted);
        return true;
      }
    }
    const name = lookedUpName(text);
    if (name === undefined) return false;
    f.frag(lookupFragment(name, this.span(n.startIndex, n.endIndex)), quoted);
    return true;
  }

  private unknown(n: SyntaxNode, f: Fields, mode: Mode, why: string, multi = false): void {
    f.frag({ kind: 'unknown', span: this.span(n.startIndex, n.endIndex), why }, mode !== 'unquoted', multi);
  }

  private dquoted(n: SyntaxNode, f: Fields): void {
    f.touch();
    const t = this.s.text;
    const start = t[n.startIndex] === '"' ? n.startIndex + 1 : n.startIndex;
    const end = n.endIndex - start >= 1 && t[n.endIndex - 1] === '"' ? n.endIndex - 1 : n.endIndex;
    const inner = childNodes(n).filter((c): c is SyntaxNode => !!c && c.startIndex >= start && c.endIndex <= end && !(c.type === '"' && !c.isNamed));
    let p = start;
    for (const c of inner) {
      if (c.startIndex > p) this.literal(p, c.startIndex, f, 'dquoted');
      if (c.type === 'simple_expansion' || c.type === 'expansion') this.expansion(c, f, 'dquoted');
      else if (c.type === 'command_substitution') {
        if (!this.lookup(c, f, true)) this.unknown(c, f, 'dquoted', 'command substitution');
      }
      else if (c.type === 'arithmetic_expansion') this.unknown(c, f, 'dquoted', 'arithmetic expansion');
      else this.literal(c.startIndex, c.endIndex, f, 'dquoted');
      p = Math.max(p, c.endIndex);
    }
    if (end > p) this.literal(p, end, f, 'dquoted');
  }

  private expansion(n: SyntaxNode, f: Fields, mode: Mode): void {
    const kids = childNodes(n).filter((c): c is SyntaxNode => !!c);
    let name: string | undefined;
    // Only a plain `$NAME` / `${NAME}` can be looked up; any operator makes the value unknown.
    if (n.type === 'simple_expansion' && kids.length === 2) name = this.s.text.slice(kids[1].startIndex, kids[1].endIndex);
    if (n.type === 'expansion' && kids.length === 3 && kids[0].type === '${' && kids[2].type === '}') name = this.s.text.slice(kids[1].startIndex, kids[1].endIndex);
    const known = name !== undefined ? this.vars?.get(name) : undefined;
    if (known !== undefined) {
      // A value holding a PATH lookup (`PY=$(which python3)`): the lookup, where `$PY` is.
      const parts = splitLookups(known);
      if (parts) for (const p of parts) typeof p === 'string' ? f.value(p, mode !== 'unquoted') : f.frag(lookupFragment(p.lookup, this.span(n.startIndex, n.endIndex)), mode !== 'unquoted');
      else f.value(known, mode !== 'unquoted');
      return;
    }
    const text = (this.s.orig ?? this.s.text).slice(n.startIndex, n.endIndex);
    // "$@", "${a[@]}" expand to any number of words even when quoted.
    const multi = name === '@' || /\[[@*]\]\}$/.test(text) || (mode === 'unquoted' && name === '*');
    this.unknown(n, f, mode, text.length > 40 ? text.slice(0, 40) + '…' : text, multi);
  }

  /** Literal script text in the given quoting mode: backslashes removed as that mode does. */
  private literal(start: number, end: number, f: Fields, mode: Mode): void {
    const t = this.s.text;
    let lastFragUnit = -1;
    const home = this.vars?.get('HOME');
    for (let i = start; i < end; i++) {
      let frag = this.frag(i);
      let quoted = mode !== 'unquoted';
      let ch = t[i];
      if (!frag && ch === '\\' && mode !== 'raw' && i + 1 < end) {
        const next = t[i + 1];
        if (mode === 'unquoted' || next === '$' || next === '`' || next === '"' || next === '\\' || next === '\n') {
          i++;
          if (next === '\n') continue; // a line continuation left in an odd place
          frag = this.frag(i);
          ch = next;
          quoted = true;
        }
      }
      if (frag) {
        // A placeholder is several characters standing for one fragment.
        const idx = this.s.at[i];
        if (idx !== lastFragUnit) f.frag(frag, quoted);
        lastFragUnit = idx;
        continue;
      }
      lastFragUnit = -1;
      // A `_` that grammar-gaps.ts wrote over text bash keeps as it is (`sed s/.md$//`) reads as written.
      if (ch === '_' && this.s.orig !== undefined) ch = this.s.orig[i];
      // The tilde prefix (`~/venv`, `V=~/venv`) is $HOME, when the shell's HOME is known.
      if (!quoted && ch === '~' && i === this.wordStart && home !== undefined && (i + 1 === this.wordEnd || t[i + 1] === '/')) {
        f.value(home, true);
        continue;
      }
      if (!quoted && ch === '[' && t.indexOf(']', i + 1) >= 0 && t.indexOf(']', i + 1) < end) f.inexact = true;
      f.char(ch, this.map.off(i), quoted);
    }
  }

  /** bash `$'…'`: C-style escapes; each decoded character maps to the start of its escape sequence. */
  private ansiC(n: SyntaxNode, f: Fields): void {
    f.touch();
    const t = this.s.text;
    const start = n.startIndex + 2;
    const end = n.endIndex - start >= 1 && t[n.endIndex - 1] === "'" ? n.endIndex - 1 : n.endIndex;
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    let lastFragUnit = -1;
    for (let i = start; i < end; i++) {
      const frag = this.frag(i);
      if (frag) {
        if (this.s.at[i] !== lastFragUnit) f.frag(frag, true);
        lastFragUnit = this.s.at[i];
        continue;
      }
      lastFragUnit = -1;
      if (t[i] !== '\\' || i + 1 >= end) {
        f.char(t[i], this.map.off(i), true);
        continue;
      }
      const e = t[i + 1];
      const digits = (re: RegExp, max: number, from: number) => {
        let j = from;
        while (j < end && j - from < max && re.test(t[j])) j++;
        return j;
      };
      let decoded: string;
      let next: number;
      if (e in simple) {
        decoded = simple[e];
        next = i + 2;
      } else if (e >= '0' && e <= '7') {
        next = digits(/[0-7]/, 3, i + 1);
        decoded = String.fromCharCode(parseInt(t.slice(i + 1, next), 8) & 0xff);
      } else if ((e === 'x' || e === 'u' || e === 'U') && /[0-9a-fA-F]/.test(t[i + 2] ?? '')) {
        next = digits(/[0-9a-fA-F]/, e === 'x' ? 2 : e === 'u' ? 4 : 8, i + 2);
        const cp = parseInt(t.slice(i + 2, next), 16);
        decoded = cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      } else if (e === 'c' && i + 2 < end) {
        decoded = String.fromCharCode(t.charCodeAt(i + 2) & 0x1f);
        next = i + 3;
      } else {
        decoded = '\\' + e; // unknown escapes are kept as written
        next = i + 2;
      }
      for (let k = 0; k < decoded.length; k++) f.char(decoded[k], this.map.off(i), true);
      i = next - 1;
    }
  }
}
