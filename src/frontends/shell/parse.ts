/**
 * Shell front end, level one: turns a shell command line held in a Word (a `shell=True` string,
 * an `sh -c` argument, a Dockerfile RUN line …) into the simple commands it runs, each as Words
 * after quote removal, with every literal character still mapped to its offset in the original
 * file. Non-text fragments of the input (sys.executable, unknown values) survive the round trip
 * through tree-sitter-bash as placeholder identifiers. What the commands mean is decided elsewhere.
 */
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import { loadedParser, type SyntaxNode } from '../tree-sitter.js';
import { type OpaqueFragment, type Unit, unitsSpan, unitsToWord, wordUnits } from '../../kernel/word-units.js';

export type ShellDialect = 'sh' | 'bash';

export interface ShellParseOptions {
  /** `sh` (POSIX: no `$'…'` / `$"…"` quoting) or `bash` (the default). */
  dialect?: ShellDialect;
  /** Known values of shell variables; `$NAME` / `${NAME}` expand to them, everything else is unknown. */
  vars?: Map<string, string>;
  /**
   * Called with each command as it is collected, in execution order, before later commands are
   * converted: a caller that updates `vars` here (`VENV=.venv`, then `$VENV/bin/pip`) makes the
   * new value visible to the commands that follow.
   */
  onCommand?: (cmd: ShellCommand) => void;
}

export interface ShellAssignment {
  name: string;
  value: Word;
}

export interface ShellCommand {
  /** argv after quote removal; may be empty for an assignment-only command (`PATH=/x`). */
  words: Word[];
  /** Prefix assignments (`FOO=1 cmd`), or the assignments of an assignment-only command. */
  assignments: ShellAssignment[];
  /** Source span of the whole command (mapped through the input Word's offsets). */
  span?: Span;
  /**
   * False when the number of words is not known statically: an unquoted unknown expansion or
   * placeholder may split into several words or none, and globs / brace expansions multiply words.
   */
  complete: boolean;
}

export interface ShellParseError {
  message: string;
  span?: Span;
}

export interface ShellParseResult {
  commands: ShellCommand[];
  errors: ShellParseError[];
}

/** Parse errors are for reporting a file as partially checked; a handful is plenty. */
const MAX_ERRORS = 20;

/** Unquoted reserved words in command position only ever appear in broken input (`if then …`). */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'select', 'function', '{', '}', '!', '[[', ']]']);

/** Parents under which a bare `variable_assignment(s)` node is a statement of its own. */
const STATEMENT_PARENTS = new Set([
  'program', 'list', 'pipeline', 'compound_statement', 'subshell', 'do_group', 'if_statement', 'elif_clause', 'else_clause',
  'case_item', 'command_substitution', 'process_substitution', 'redirected_statement', 'negated_command', 'while_statement', 'ERROR',
]);

/** The script text handed to tree-sitter, and where each of its characters came from. */
interface Script {
  text: string;
  /** Index into `units` for each character of `text`; placeholder characters share their fragment's index. */
  at: number[];
  units: Unit[];
}

export function parseShellWord(script: Word, opts: ShellParseOptions = {}): ShellParseResult {
  const result: ShellParseResult = { commands: [], errors: [] };
  const parser = loadedParser('tree-sitter-bash');
  let tree: ReturnType<typeof parser.parse> = null;
  try {
    let s = buildScript(script);
    if (/\\\r?\n/.test(s.text)) s = removeLineContinuations(s);
    tree = parser.parse(s.text);
    if (!tree) {
      result.errors.push({ message: 'the shell parser gave up on this script', span: script.span });
      return result;
    }
    new Collector(s, opts.dialect ?? 'bash', opts.vars, result, opts.onCommand).run(tree.rootNode);
  } catch (e) {
    // Pathological nesting can exhaust the JS or WASM stack; report it as a parse problem and keep
    // whatever commands were already collected rather than failing the whole file.
    if (e instanceof RangeError || e instanceof WebAssembly.RuntimeError) {
      result.errors.push({ message: `shell script too complex to analyse (${e.message})`, span: script.span });
    } else {
      throw e;
    }
  } finally {
    tree?.delete();
  }
  return result;
}

/**
 * Concatenates the literal text and stands in an identifier for each non-text fragment. The
 * identifier is made of word characters only, so the shell grammar keeps it inside whatever word
 * it appears in (`"$HOME/<sys.executable>"` stays one string). Identity is by position, not by
 * text, so the placeholders do not have to be unlikely strings.
 */
function buildScript(w: Word): Script {
  const units = wordUnits(w);
  let text = '';
  const at: number[] = [];
  let n = 0;
  units.forEach((u, i) => {
    const piece = 'frag' in u ? `_vgfrag${n++}_` : u.ch;
    text += piece;
    for (let k = 0; k < piece.length; k++) at.push(i);
  });
  return { text, at, units };
}

/**
 * tree-sitter-bash treats backslash-newline as plain whitespace, so `ec\<newline>ho` would become
 * two words. The shell removes such pairs before tokenising, except inside single quotes, comments
 * and here-doc bodies; a first parse tells us where those are, then the pairs are dropped (keeping
 * the character → source map) and the text is parsed again.
 */
function removeLineContinuations(s: Script): Script {
  const parser = loadedParser('tree-sitter-bash');
  const tree = parser.parse(s.text);
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
        for (const c of n.children) if (c) stack.push(c);
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
  let text = '';
  const at: number[] = [];
  const t = s.text;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && !protectedAt(i)) {
      const nl = t[i + 1] === '\n' ? 1 : t[i + 1] === '\r' && t[i + 2] === '\n' ? 2 : 0;
      if (nl) {
        i += nl;
        continue;
      }
      // An escaped character (maybe a backslash) cannot start a continuation: copy the pair.
      if (i + 1 < t.length) {
        text += t[i] + t[i + 1];
        at.push(s.at[i], s.at[i + 1]);
        i++;
        continue;
      }
    }
    text += t[i];
    at.push(s.at[i]);
  }
  return { text, at, units: s.units };
}

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

/** Walks one parse tree and collects its commands in source order. */
class Collector {
  /** For each script index: the nearest source position at or after / before it, for span mapping. */
  private nextPos: Int32Array;
  private prevPos: Int32Array;

  constructor(
    private readonly s: Script,
    private readonly dialect: ShellDialect,
    private readonly vars: Map<string, string> | undefined,
    private readonly out: ShellParseResult,
    private readonly onCommand?: (cmd: ShellCommand) => void,
  ) {
    // Precomputed so every span lookup is O(1): deeply nested input has many commands spanning it all.
    const n = s.text.length;
    this.nextPos = new Int32Array(n + 1).fill(-1);
    this.prevPos = new Int32Array(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) this.nextPos[i] = this.startPos(i) >= 0 ? i : this.nextPos[i + 1];
    for (let i = 0; i < n; i++) this.prevPos[i + 1] = this.endPos(i) >= 0 ? i : this.prevPos[i];
  }

  private unit(i: number): Unit {
    return this.s.units[this.s.at[i]];
  }

  private startPos(i: number): number {
    const u = this.unit(i);
    return 'frag' in u ? (u.frag.span?.start ?? -1) : u.off;
  }

  private endPos(i: number): number {
    const u = this.unit(i);
    return 'frag' in u ? (u.frag.span?.end ?? -1) : u.off >= 0 ? u.off + 1 : -1;
  }

  /** Source span of script range [start, end): first to last character that has a source position. */
  private span(start: number, end: number): Span | undefined {
    const a = this.nextPos[start];
    const b = this.prevPos[end];
    if (a < 0 || b < 0 || a >= end || b < start) return undefined;
    const sp = this.startPos(a);
    const ep = this.endPos(b);
    return ep >= sp ? { start: sp, end: ep } : { start: sp, end: sp };
  }

  /** A zero-width source position near script index i (for MISSING nodes). */
  private point(i: number): Span | undefined {
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

  private error(message: string, span: Span | undefined): void {
    if (this.out.errors.length < MAX_ERRORS) this.out.errors.push({ message, span });
  }

  /** Script index where each collected command starts, to put them in source order at the end. */
  private starts = new Map<ShellCommand, number>();

  private emit(c: ShellCommand, start: number): void {
    this.out.commands.push(c);
    this.starts.set(c, start);
    this.onCommand?.(c);
  }

  /** Iterative pre-order walk: nesting depth is unbounded in hostile input. */
  run(root: SyntaxNode): void {
    try {
      this.walk(root);
    } finally {
      // Pre-order is source order except where the grammar nests a later part under an earlier
      // node (a here-string inside the command, a redirection outside it); a stable sort fixes that.
      this.out.commands.sort((a, b) => (this.starts.get(a) ?? 0) - (this.starts.get(b) ?? 0));
    }
  }

  private walk(root: SyntaxNode): void {
    // Each entry carries its parent and next sibling: asking tree-sitter for them costs O(depth).
    const stack: Array<{ n: SyntaxNode; parent?: SyntaxNode; next?: SyntaxNode }> = [{ n: root }];
    while (stack.length) {
      const { n, parent, next } = stack.pop()!;
      if (n.isError) {
        const snippet = this.s.text.slice(n.startIndex, Math.min(n.endIndex, n.startIndex + 30)).split('\n')[0];
        this.error(`shell syntax error near ${JSON.stringify(snippet)}`, this.span(n.startIndex, n.endIndex));
      } else if (n.isMissing) {
        this.error(`shell syntax error: missing ${JSON.stringify(n.type)}`, this.point(n.startIndex));
      }
      switch (n.type) {
        case 'command':
          this.command(n, parent?.type === 'redirected_statement' ? next : undefined);
          break;
        case 'declaration_command':
        case 'unset_command':
          this.declaration(n);
          break;
        case 'variable_assignment':
        case 'variable_assignments':
          if (parent && STATEMENT_PARENTS.has(parent.type)) this.assignmentStatement(n);
          break;
        case 'comment':
          continue;
      }
      // Children are visited even below commands: `$(…)` in arguments and redirections run too.
      // Here-doc bodies contain only their expansions as nodes, so their text is never a command.
      const children = n.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const c = children[i];
        if (c) stack.push({ n: c, parent: n, next: children[i + 1] ?? undefined });
      }
    }
  }

  /** `redirection`: the redirection that follows the command in a redirected statement. */
  private command(n: SyntaxNode, redirection?: SyntaxNode): void {
    const groups: SyntaxNode[][] = [];
    const assignments: ShellAssignment[] = [];
    let firstAssignment = -1;
    let complete = true;
    const children = n.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (!c) continue;
      const field = n.fieldNameForChild(i);
      if (c.type === 'variable_assignment') {
        if (firstAssignment < 0) firstAssignment = c.startIndex;
        assignments.push(this.assignment(c));
        continue;
      }
      if (field !== 'name' && field !== 'argument') continue; // redirections are not words
      // Nodes that touch belong to one shell word; the grammar splits e.g. `$"x"` into two arguments.
      const last = groups[groups.length - 1];
      if (last && last[last.length - 1].endIndex === c.startIndex) last.push(c);
      else groups.push([c]);
    }
    let start = n.startIndex;
    while (groups.length && groups[0].length === 1 && this.isReservedWord(groups[0][0])) {
      groups.shift();
      // The command proper starts after the stray keyword.
      const rest = [groups[0]?.[0].startIndex, firstAssignment].filter((x): x is number => x !== undefined && x > start);
      if (rest.length) start = Math.min(...rest);
    }
    const words: Word[] = [];
    for (const g of groups) {
      const r = this.convert(g, true);
      words.push(...r.words);
      if (r.inexact) complete = false;
    }
    const end = redirection ? this.strayWords(n, redirection, words) : n.endIndex;
    this.emit({ words, assignments, span: this.span(start, end), complete }, start);
  }

  /**
   * tree-sitter-bash drops a last lone `-` before a here-doc (`python - <<EOF`): the text sits
   * between the command and its redirection in no node. Such leftovers are plain words.
   */
  private strayWords(n: SyntaxNode, next: SyntaxNode, words: Word[]): number {
    let end = n.endIndex;
    const gap = this.s.text.slice(n.endIndex, next.startIndex);
    for (const m of gap.matchAll(/[^\s]+/g)) {
      if (m[0].startsWith('#')) break;
      const start = n.endIndex + (m.index ?? 0);
      end = start + m[0].length;
      words.push(...this.convert([], true, start, end).words);
    }
    return end;
  }

  private isReservedWord(n: SyntaxNode): boolean {
    const w = n.type === 'command_name' && n.childCount === 1 ? n.child(0)! : n;
    return w.type === 'word' && RESERVED.has(this.s.text.slice(w.startIndex, w.endIndex));
  }

  /** `export A=b`, `local x`, `unset PATH`: a command like any other, its assignments kept as words. */
  private declaration(n: SyntaxNode): void {
    const words: Word[] = [];
    let complete = true;
    for (const c of n.children) {
      if (!c || c.type === 'comment') continue;
      const r = this.convert([c], c.type !== 'variable_assignment');
      words.push(...r.words);
      if (r.inexact) complete = false;
    }
    this.emit({ words, assignments: [], span: this.span(n.startIndex, n.endIndex), complete }, n.startIndex);
  }

  private assignmentStatement(n: SyntaxNode): void {
    const nodes = n.type === 'variable_assignment' ? [n] : n.namedChildren.filter((c): c is SyntaxNode => c?.type === 'variable_assignment');
    const assignments = nodes.map((c) => this.assignment(c));
    this.emit({ words: [], assignments, span: this.span(n.startIndex, n.endIndex), complete: true }, n.startIndex);
  }

  private assignment(n: SyntaxNode): ShellAssignment {
    const nameNode = n.childForFieldName('name');
    const name = nameNode ? this.s.text.slice(nameNode.startIndex, nameNode.endIndex) : '';
    const valueNode = n.childForFieldName('value');
    const f = new Fields(false);
    if (n.children.some((c) => c?.type === '+=')) {
      // `NAME+=value` appends to the current value.
      const known = this.vars?.get(name);
      if (known !== undefined) f.value(known, true);
      else f.frag({ kind: 'unknown', span: nameNode ? this.span(nameNode.startIndex, nameNode.endIndex) : undefined, why: `$${name}` }, true);
    }
    if (valueNode) this.sequence([valueNode], f, 'unquoted');
    f.touch();
    const span = valueNode ? this.span(valueNode.startIndex, valueNode.endIndex) : undefined;
    return { name, value: f.words(span)[0] };
  }

  /** Converts the nodes of one shell word into the argv words it expands to. */
  private convert(nodes: SyntaxNode[], split: boolean, from?: number, to?: number): { words: Word[]; inexact: boolean } {
    const f = new Fields(split);
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
        const children = n.children;
        if (children.length === 0) this.literal(n.startIndex, n.endIndex, f, mode);
        else this.sequence(children, f, mode, n.startIndex, n.endIndex);
      }
    }
  }

  private unknown(n: SyntaxNode, f: Fields, mode: Mode, why: string, multi = false): void {
    f.frag({ kind: 'unknown', span: this.span(n.startIndex, n.endIndex), why }, mode !== 'unquoted', multi);
  }

  private dquoted(n: SyntaxNode, f: Fields): void {
    f.touch();
    const t = this.s.text;
    const start = t[n.startIndex] === '"' ? n.startIndex + 1 : n.startIndex;
    const end = n.endIndex - start >= 1 && t[n.endIndex - 1] === '"' ? n.endIndex - 1 : n.endIndex;
    const inner = n.children.filter((c): c is SyntaxNode => !!c && c.startIndex >= start && c.endIndex <= end && !(c.type === '"' && !c.isNamed));
    let p = start;
    for (const c of inner) {
      if (c.startIndex > p) this.literal(p, c.startIndex, f, 'dquoted');
      if (c.type === 'simple_expansion' || c.type === 'expansion') this.expansion(c, f, 'dquoted');
      else if (c.type === 'command_substitution') this.unknown(c, f, 'dquoted', 'command substitution');
      else if (c.type === 'arithmetic_expansion') this.unknown(c, f, 'dquoted', 'arithmetic expansion');
      else this.literal(c.startIndex, c.endIndex, f, 'dquoted');
      p = Math.max(p, c.endIndex);
    }
    if (end > p) this.literal(p, end, f, 'dquoted');
  }

  private expansion(n: SyntaxNode, f: Fields, mode: Mode): void {
    const kids = n.children.filter((c): c is SyntaxNode => !!c);
    let name: string | undefined;
    // Only a plain `$NAME` / `${NAME}` can be looked up; any operator makes the value unknown.
    if (n.type === 'simple_expansion' && kids.length === 2) name = this.s.text.slice(kids[1].startIndex, kids[1].endIndex);
    if (n.type === 'expansion' && kids.length === 3 && kids[0].type === '${' && kids[2].type === '}') name = this.s.text.slice(kids[1].startIndex, kids[1].endIndex);
    const known = name !== undefined ? this.vars?.get(name) : undefined;
    if (known !== undefined) {
      f.value(known, mode !== 'unquoted');
      return;
    }
    const text = this.s.text.slice(n.startIndex, n.endIndex);
    // "$@", "${a[@]}" expand to any number of words even when quoted.
    const multi = name === '@' || /\[[@*]\]\}$/.test(text) || (mode === 'unquoted' && name === '*');
    this.unknown(n, f, mode, text.length > 40 ? text.slice(0, 40) + '…' : text, multi);
  }

  /** Literal script text in the given quoting mode: backslashes removed as that mode does. */
  private literal(start: number, end: number, f: Fields, mode: Mode): void {
    const t = this.s.text;
    let lastFragUnit = -1;
    for (let i = start; i < end; i++) {
      let u = this.unit(i);
      let quoted = mode !== 'unquoted';
      let ch = t[i];
      if (!('frag' in u) && ch === '\\' && mode !== 'raw' && i + 1 < end) {
        const next = t[i + 1];
        if (mode === 'unquoted' || next === '$' || next === '`' || next === '"' || next === '\\' || next === '\n') {
          i++;
          if (next === '\n') continue; // a line continuation left in an odd place
          u = this.unit(i);
          ch = next;
          quoted = true;
        }
      }
      if ('frag' in u) {
        // A placeholder is several characters standing for one fragment.
        const idx = this.s.at[i];
        if (idx !== lastFragUnit) f.frag(u.frag, quoted);
        lastFragUnit = idx;
        continue;
      }
      lastFragUnit = -1;
      if (!quoted && ch === '[' && t.indexOf(']', i + 1) >= 0 && t.indexOf(']', i + 1) < end) f.inexact = true;
      f.char(ch, u.off, quoted);
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
      const u = this.unit(i);
      if ('frag' in u) {
        if (this.s.at[i] !== lastFragUnit) f.frag(u.frag, true);
        lastFragUnit = this.s.at[i];
        continue;
      }
      lastFragUnit = -1;
      if (t[i] !== '\\' || i + 1 >= end) {
        f.char(t[i], u.off, true);
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
      for (let k = 0; k < decoded.length; k++) f.char(decoded[k], u.off, true);
      i = next - 1;
    }
  }
}
