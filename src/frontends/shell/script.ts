/**
 * The script text the shell parser hands to tree-sitter-bash, and the way back from it to the
 * file: a Word becomes one string (each non-text fragment standing in as a placeholder
 * identifier) with, for every character, the Word unit it came from; backslash-newline pairs are
 * removed the way the shell does before tokenising; and ScriptMap turns script ranges back into
 * source spans. Used by the tree walker (parse.ts) and the word expander (words.ts).
 */
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import { childNodes, loadedParser, type SyntaxNode } from '../tree-sitter.js';
import type { OpaqueFragment } from '../../kernel/word-units.js';

/**
 * The Word's units (kernel/word-units.ts: a literal character, or one opaque fragment), held
 * compactly: a source offset per unit in one typed array, and the few fragments by unit index.
 * An object per character (`{ ch, off }`) was 34 MB of the 675 KB DietPi script's analysis.
 */
export interface ScriptUnits {
  /** Source offset of each literal unit, -1 when it has none (and for a fragment's unit). */
  readonly off: Int32Array;
  /** The opaque fragment of each unit that is one. */
  readonly frags: ReadonlyMap<number, OpaqueFragment>;
}

/** The script text handed to tree-sitter, and where each of its characters came from. */
export interface Script {
  text: string;
  /** Index into `units` for each character of `text`; placeholder characters share their fragment's index. */
  at: Int32Array;
  units: ScriptUnits;
  /**
   * The text before grammar-gaps.ts rewrote parts tree-sitter-bash cannot parse (same length), for
   * showing; and for reading, where a literal word's character was rewritten to `_`.
   */
  orig?: string;
}

/**
 * Concatenates the literal text and stands in an identifier for each non-text fragment. The
 * identifier is made of word characters only, so the shell grammar keeps it inside whatever word
 * it appears in (`"$HOME/<sys.executable>"` stays one string). Identity is by position, not by
 * text, so the placeholders do not have to be unlikely strings.
 */
export function buildScript(w: Word): Script {
  // The text's pieces first (a placeholder per non-text fragment), for the arrays' sizes.
  const pieces: string[] = new Array(w.fragments.length);
  let count = 0;
  let n = 0;
  w.fragments.forEach((f, k) => {
    pieces[k] = f.kind === 'text' ? f.text : `_vgfrag${n++}_`;
    count += f.kind === 'text' ? f.text.length : 1;
  });
  const off = new Int32Array(count);
  const frags = new Map<number, OpaqueFragment>();
  const at = new Int32Array(pieces.reduce((sum, p) => sum + p.length, 0));
  let u = 0;
  let c = 0;
  w.fragments.forEach((f, k) => {
    if (f.kind === 'text') {
      for (let i = 0; i < f.text.length; i++, u++) {
        off[u] = f.offsets?.[i] ?? -1;
        at[c++] = u;
      }
    } else {
      off[u] = -1;
      frags.set(u, f);
      for (let i = 0; i < pieces[k].length; i++) at[c++] = u;
      u++;
    }
  });
  return { text: pieces.join(''), at, units: { off, frags } };
}

/**
 * tree-sitter-bash treats backslash-newline as plain whitespace, so `ec\<newline>ho` would become
 * two words. The shell removes such pairs before tokenising, except inside single quotes, comments
 * and here-doc bodies; a first parse tells us where those are, then the pairs are dropped (keeping
 * the character → source map) and the text is parsed again.
 */
export function removeLineContinuations(s: Script): Script {
  const parser = loadedParser('tree-sitter-bash');
  // Those nodes need a `'`, a `#` or a `<<`: without any, there is nothing to protect (most
  // Makefile recipe lines), and no first parse.
  const tree = /['#]|<</.test(s.text) ? parser.parse(s.text) : null;
  const keep: Array<[number, number]> = [];
  if (tree) {
    try {
      const stack: SyntaxNode[] = [tree.rootNode];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'raw_string' || n.type === 'ansi_c_string' || n.type === 'comment' || n.type === 'heredoc_body') {
          keep.push([n.startIndex, n.endIndex]);
          continue;
        }
        for (const c of childNodes(n)) if (c) stack.push(c);
      }
    } finally {
      tree.delete();
    }
  }
  // Outermost nodes only, so the ranges are disjoint; sorted, one pointer walks them as i grows.
  keep.sort((a, b) => a[0] - b[0]);
  let r = 0;
  const protectedAt = (i: number) => {
    while (r < keep.length && keep[r][1] <= i) r++;
    return r < keep.length && i >= keep[r][0];
  };
  // The text is kept in runs between the pairs removed (a character at a time, CPython's Makefile's
  // long continued recipe lines made a rope of one-character strings).
  const parts: string[] = [];
  const at = new Int32Array(s.at.length);
  let kept = 0;
  const t = s.text;
  let from = 0;
  const keepTo = (end: number) => {
    parts.push(t.slice(from, end));
    at.set(s.at.subarray(from, end), kept);
    kept += end - from;
  };
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) === 92 && !protectedAt(i)) {
      const nl = t[i + 1] === '\n' ? 1 : t[i + 1] === '\r' && t[i + 2] === '\n' ? 2 : 0;
      if (nl) {
        keepTo(i);
        i += nl;
        from = i + 1;
        continue;
      }
      // An escaped character (maybe a backslash) cannot start a continuation: the pair stays.
      if (i + 1 < t.length) i++;
    }
  }
  keepTo(t.length);
  return { text: parts.join(''), at: kept === at.length ? at : at.slice(0, kept), units: s.units };
}

/** Source positions of a script's characters: spans of script ranges, in O(1) per lookup. */
export class ScriptMap {
  /** For each script index: the nearest source position at or after / before it, for span mapping. */
  private nextPos: Int32Array;
  private prevPos: Int32Array;

  constructor(readonly s: Script) {
    // Precomputed so every span lookup is O(1): deeply nested input has many commands spanning it all.
    const n = s.text.length;
    this.nextPos = new Int32Array(n + 1).fill(-1);
    this.prevPos = new Int32Array(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) this.nextPos[i] = this.startPos(i) >= 0 ? i : this.nextPos[i + 1];
    for (let i = 0; i < n; i++) this.prevPos[i + 1] = this.endPos(i) >= 0 ? i : this.prevPos[i];
  }

  /** The opaque fragment script index i stands in for, if it is part of a placeholder. */
  frag(i: number): OpaqueFragment | undefined {
    const f = this.s.units.frags;
    return f.size ? f.get(this.s.at[i]) : undefined;
  }

  /** Source offset of the literal character at script index i (-1 when it has none). */
  off(i: number): number {
    return this.s.units.off[this.s.at[i]];
  }

  private startPos(i: number): number {
    const f = this.frag(i);
    return f ? (f.span?.start ?? -1) : this.off(i);
  }

  private endPos(i: number): number {
    const f = this.frag(i);
    if (f) return f.span?.end ?? -1;
    const o = this.off(i);
    return o >= 0 ? o + 1 : -1;
  }

  /** Source span of script range [start, end): first to last character that has a source position. */
  span(start: number, end: number): Span | undefined {
    const a = this.nextPos[start];
    const b = this.prevPos[end];
    if (a < 0 || b < 0 || a >= end || b < start) return undefined;
    const sp = this.startPos(a);
    const ep = this.endPos(b);
    return ep >= sp ? { start: sp, end: ep } : { start: sp, end: sp };
  }

  /** A zero-width source position near script index i (for MISSING nodes). */
  point(i: number): Span | undefined {
    const b = this.prevPos[Math.min(i, this.s.text.length)];
    if (b >= 0) {
      const p = this.endPos(b);
      return { start: p, end: p };
    }
    const a = this.nextPos[Math.min(i, this.s.text.length)];
    if (a >= 0) {
      const p = this.startPos(a);
      return { start: p, end: p };
    }
    return undefined;
  }
}

/**
 * `<<WORD;` (or `<< 'WORD' ;`, or `<<WORD > "$f" && mv "$f" "$g";`) ending a line, outside quotes:
 * the `;` the shell accepts there (a `;;` ends a case item and is left alone).
 */
const HEREDOC_SEMICOLON = /<<-?[ \t]*(["']?)[A-Za-z_][A-Za-z0-9_]*\1(?:[^\n;]|;(?![ \t]*(?:\r?\n|$)))*?(?<!;);[ \t]*(?=\r?\n|$)/g;

/**
 * bash and dash accept a `;` after a here-doc's delimiter word (`cat > f << EOF;`, or at the end of
 * the rest of its line: mailinabox's `php <<EOF > "$TMP" && mv "$TMP" "$CONF";`), which ends the
 * command as the line break does; tree-sitter-bash then never finds the here-doc's end and loses
 * the rest of the file (mailinabox's setup scripts, in the corpus). The `;` becomes a space: the
 * same length, so the character → source map is unchanged, and the same meaning.
 */
export function blankHeredocSemicolons(s: Script): Script {
  let text = s.text;
  for (const m of s.text.matchAll(HEREDOC_SEMICOLON)) {
    const lineStart = s.text.lastIndexOf('\n', m.index) + 1;
    const semi = m.index + m[0].lastIndexOf(';');
    const before = s.text.slice(lineStart, semi);
    // Inside a quoted string (an odd number of quotes before it on the line), leave it alone.
    if ((before.match(/'/g)?.length ?? 0) % 2 || (before.match(/(?<!\\)"/g)?.length ?? 0) % 2) continue;
    text = text.slice(0, semi) + ' ' + text.slice(semi + 1);
  }
  return text === s.text ? s : { ...s, text };
}

/**
 * A reserved word right after a compound command's end, on the same line (`done fi`, `) fi`,
 * `fi else`, `} done`): bash and dash read the reserved word there, so the `;` is optional.
 * Makefile recipes write it so (`done \` then `fi` on the next line, one shell line once the
 * backslash-newline goes: CPython's Makefile); tree-sitter-bash wants the `;`.
 */
const COMPOUND_END_THEN_RESERVED = /(?<=(?:^|[\s;&|])(?:done|fi|esac)|[)}])[ \t]+(?=(?:fi|done|esac|else|elif|then|do|\})(?:[\s;&|)]|$))/g;

/**
 * The script with a `;` in the first blank between a compound command's end and a reserved word
 * that follows it on the line: the same length, so the character → source map is unchanged. The
 * caller keeps it only when it parses cleanly where the script did not (an argument spelled `done`
 * in a correct script is never touched).
 */
export function separateCompoundEnds(s: Script): Script {
  const text = s.text.replace(COMPOUND_END_THEN_RESERVED, (blank) => ';' + blank.slice(1));
  return text === s.text ? s : { ...s, text };
}
