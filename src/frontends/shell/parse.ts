/**
 * Shell front end, level one: turns a shell command line held in a Word (a `shell=True` string,
 * an `sh -c` argument, a Dockerfile RUN line …) into the simple commands it runs, each as Words
 * after quote removal, with every literal character still mapped to its offset in the original
 * file. Non-text fragments of the input (sys.executable, unknown values) survive the round trip
 * through tree-sitter-bash as placeholder identifiers. What the commands mean is decided elsewhere.
 * This file is the entry point and the tree walker (which nodes are commands, assignments,
 * declarations, errors); the script text and its source map are in script.ts, the expansion of
 * each word into argv words in words.ts, the result types in types.ts.
 */
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import { SHELL_COMMANDS, SHELL_FILE_CHARS, SHELL_NESTING, SHELL_SCRIPT_CHARS, within, type BudgetMeter } from '../../kernel/budgets.js';
import { childNodes, isParserTrap, loadedParser, type SyntaxNode } from '../tree-sitter.js';
import { ScriptMap, separateCompoundEnds, type Script } from './script.js';
import { batchedParse, prepareScript, scriptLength, substitutionDepth } from './batch.js';
import { keepParse, keptParse } from './kept-parses.js';
import { endAtExec, repairCasePatterns } from './grammar-repair.js';
import type { ShellAssignment, ShellCommand, ShellDialect, ShellParseOptions, ShellParseResult } from './types.js';
import { WordExpander } from './words.js';

export { keepParses } from './kept-parses.js';
export { parseShellBatch } from './batch.js';
export type { ShellAssignment, ShellCommand, ShellDialect, ShellParseError, ShellParseOptions, ShellParseResult } from './types.js';

/** Parse errors are for reporting a file as partially checked; a handful is plenty. */
const MAX_ERRORS = 20;

/** Unquoted reserved words in command position only ever appear in broken input (`if then …`). */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'select', 'function', '{', '}', '!', '[[', ']]']);

/** Parents under which a bare `variable_assignment(s)` node is a statement of its own. */
const STATEMENT_PARENTS = new Set([
  'program', 'list', 'pipeline', 'compound_statement', 'subshell', 'do_group', 'if_statement', 'elif_clause', 'else_clause',
  'case_item', 'command_substitution', 'process_substitution', 'redirected_statement', 'negated_command', 'while_statement', 'ERROR',
]);

export function parseShellWord(script: Word, opts: ShellParseOptions = {}): ShellParseResult {
  const result: ShellParseResult = { commands: [], errors: [] };
  const parser = loadedParser('tree-sitter-bash');
  let tree: ReturnType<typeof parser.parse> = null;
  // Budgets before any work: the model holds several objects per character of the script.
  const chars = scriptLength(script);
  within(opts.scriptBudget ?? SHELL_SCRIPT_CHARS, chars);
  opts.meter?.charge(SHELL_FILE_CHARS, chars);
  /** Walks a parsed script into `result` (`nodes`: its top-level nodes in a batch's tree). */
  const walk = (s: Script, root: SyntaxNode, nodes?: SyntaxNode[], map?: ScriptMap) => {
    const collector = new Collector(s, opts.dialect ?? 'bash', opts.vars, result, opts.onCommand, opts.onVenvGuard, opts.meter, opts.onUncalledFunction, map);
    collector.onBranch = opts.onBranch;
    collector.onSubshell = opts.onSubshell;
    collector.library = opts.library === true;
    if (opts.onScopes) opts.onScopes(collector.scopes(nodes ?? root));
    collector.run(root, nodes);
  };
  const tooComplex = (e: unknown) => {
    if (e instanceof RangeError || isParserTrap(e)) result.errors.push({ message: `shell script too complex to analyse (${e.message})`, span: script.span });
    else throw e;
  };
  // Parsed with the other scripts of its batch (parseShellBatch): the same tree, no errors. Or
  // parsed by an earlier run over this very Word (keepParses): the same script and tree.
  const batched = batchedParse(script);
  const kept = keptParse(script);
  if (batched || kept) {
    try {
      if (batched) walk(batched.s, batched.root, batched.nodes, batched.map);
      else if (kept) walk(kept.s, kept.tree.rootNode);
    } catch (e) {
      tooComplex(e);
    }
    return result;
  }
  try {
    const prepared = prepareScript(script);
    // Nesting told before the parse: tree-sitter holds every open level at once (a 0.24 MB line
    // of 80,000 nested `$(` peaked at 302–319 MiB before the walk's own count refused it).
    within(SHELL_NESTING, substitutionDepth(prepared.plain.text));
    let s = prepared.plain;
    const rewritten = prepared.rewritten;
    tree = parser.parse(rewritten.text);
    if (rewritten !== s && tree?.rootNode.hasError) {
      // A rewrite the grammar likes less than the original (a form not measured yet) is not kept.
      const plain = parser.parse(s.text);
      if (plain && errorCount(plain.rootNode) < errorCount(tree.rootNode)) {
        tree.delete();
        tree = plain;
      } else {
        plain?.delete();
        s = rewritten;
      }
    } else s = rewritten;
    // Repairs tried where the parse failed, each kept when the grammar likes it better.
    const retry = (repair: (s: Script, root: SyntaxNode) => Script, better: (again: SyntaxNode, now: SyntaxNode) => boolean) => {
      if (!tree?.rootNode.hasError) return;
      const repaired = repair(s, tree.rootNode);
      const again = repaired === s ? null : parser.parse(repaired.text);
      if (again && better(again.rootNode, tree.rootNode)) {
        tree.delete();
        tree = again;
        s = repaired;
      } else again?.delete();
    };
    const fewerErrors = (again: SyntaxNode, now: SyntaxNode) => errorCount(again) < errorCount(now);
    // A reserved word right after a compound command's end on the same line (done \ fi, ) fi).
    retry((x) => separateCompoundEnds(x), (again) => !again.hasError);
    // Where the parse failed in a case pattern (autoconf's quoted newlines): the pattern rewritten.
    retry(repairCasePatterns, fewerErrors);
    // The parse failed only after an `exec` or `exit` that ends the shell (bup's sh-then-Python files).
    retry(endAtExec, fewerErrors);
    if (!tree) {
      result.errors.push({ message: 'the shell parser gave up on this script', span: script.span });
      return result;
    }
    const root = tree.rootNode;
    if (keepParse(script, s, tree)) tree = null; // for the next run over this Word (keepParses deletes it)
    walk(s, root);
  } catch (e) {
    // Pathological nesting can exhaust the JS or WASM stack; report it as a parse problem and keep
    // whatever commands were already collected rather than failing the whole file. (A WASM trap
    // also marks the parser damaged: the checker then reports the file and rebuilds the parser.)
    tooComplex(e);
  } finally {
    tree?.delete();
  }
  return result;
}

/** Nodes that open a level of nesting, for the nesting budget. */
const NESTING = new Set(['if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'subshell', 'compound_statement', 'command_substitution', 'process_substitution', 'function_definition']);

/** ERROR and MISSING nodes in a tree (iteratively: nesting is unbounded). */
function errorCount(root: SyntaxNode): number {
  let n = 0;
  const stack = [root];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.isError || x.isMissing) n++;
    if (x.hasError) for (const c of childNodes(x)) if (c) stack.push(c);
  }
  return n;
}

/** Walks one parse tree and collects its commands in source order. */
class Collector {
  private readonly map: ScriptMap;
  private readonly expander: WordExpander;
  /** See ShellParseOptions.onBranch. */
  onBranch?: ShellParseOptions['onBranch'];
  /** See ShellParseOptions.library. */
  library = false;
  /** See ShellParseOptions.onSubshell. */
  onSubshell?: ShellParseOptions['onSubshell'];

  constructor(
    private readonly s: Script,
    dialect: ShellDialect,
    vars: Map<string, string> | undefined,
    private readonly out: ShellParseResult,
    private readonly onCommand?: (cmd: ShellCommand) => void,
    private readonly onVenvGuard?: () => void,
    private readonly meter?: BudgetMeter,
    private readonly onUncalled?: () => void,
    map?: ScriptMap,
  ) {
    this.map = map ?? new ScriptMap(s);
    this.expander = new WordExpander(this.map, dialect, vars);
  }

  private span(start: number, end: number): Span | undefined {
    return this.map.span(start, end);
  }

  private point(i: number): Span | undefined {
    return this.map.point(i);
  }

  private error(message: string, span: Span | undefined): void {
    if (this.out.errors.length < MAX_ERRORS) this.out.errors.push({ message, span });
  }

  /** Script index where each collected command starts, to put them in source order at the end. */
  private starts = new Map<ShellCommand, number>();

  /**
   * Function bodies by name. A body runs where the function is first called by its literal name
   * (what it does — a venv it creates, a `cd`, an activation — happens there, not where it is
   * defined); one never called so is walked at the end of the script (a dispatch like `"$@"`).
   */
  private readonly functions = new Map<string, SyntaxNode>();
  private readonly walked = new Set<number>();

  private emit(c: ShellCommand, start: number): void {
    this.meter?.charge(SHELL_COMMANDS);
    this.out.commands.push(c);
    this.starts.set(c, start);
    this.onCommand?.(c);
  }

  /** Iterative pre-order walk: nesting depth is unbounded in hostile input. */
  run(root: SyntaxNode, nodes?: SyntaxNode[]): void {
    try {
      this.walk(root, nodes);
      const called = this.walked.size > 0 && !this.library;
      const entries = [...this.functions].filter(([name, body]) => !this.walked.has(body.id) && !(called && this.neverCalled(name, body)));
      // The ones no other of them calls first: a helper (`installreqs`, called by `install`) then runs
      // inside its caller, after what the caller did before the call (odm's configure_macos.sh).
      const helpers = new Set(entries.flatMap(([, body]) => this.callees(body)));
      const order = [...entries.filter(([, b]) => !helpers.has(b.id)), ...entries.filter(([, b]) => helpers.has(b.id))];
      for (const [, body] of order) {
        if (this.walked.has(body.id)) continue;
        this.onUncalled?.();
        this.walk(this.markWalked(body));
      }
    } finally {
      // Pre-order is source order except where the grammar nests a later part under an earlier
      // node (a here-string inside the command, a redirection outside it); a stable sort fixes that.
      this.out.commands.sort((a, b) => (this.starts.get(a) ?? 0) - (this.starts.get(b) ?? 0));
    }
  }

  /** Comments met by the walk, as [start, end) pairs of script offsets. */
  private readonly comments: number[] = [];

  /**
   * Dead code: a function the script never calls, in a script that calls some of its functions by
   * name (a program, not a library others source). Its name appears nowhere outside its own
   * definition and comments (a commented-out call, `#install_poetry;`, is none), and nothing calls a function by a computed
   * name (`"$@"`, `$1`, `$cmd`, `eval`, `install_$x`), so its body never runs and is not walked.
   */
  private neverCalled(name: string, body: SyntaxNode): boolean {
    if (this.dispatches) return false;
    const def = body.parent;
    if (!def) return false;
    // Every word of the script (a run of [\w.:-], as a name is delimited) by where it occurs, and
    // the comments sorted, built once: each function's check is then its own name's occurrences.
    if (!this.words) {
      this.words = new Map();
      for (const m of this.s.text.matchAll(/[\w.:-]+/g)) {
        const at = this.words.get(m[0]);
        if (at) at.push(m.index);
        else this.words.set(m[0], [m.index]);
      }
      const pairs: [number, number][] = [];
      for (let k = 0; k < this.comments.length; k += 2) pairs.push([this.comments[k], this.comments[k + 1]]);
      pairs.sort((x, y) => x[0] - y[0]);
      this.sortedComments = pairs;
    }
    for (const i of this.words.get(name) ?? []) {
      // Its own body naming it (a log line, recursion) does not call it from outside.
      if (i >= def.startIndex && i < def.endIndex) continue;
      if (!this.inComment(i)) return false;
    }
    return true;
  }

  private words?: Map<string, number[]>;
  private sortedComments: [number, number][] = [];

  /** Whether script offset i lies in a comment the walk met (binary search; comments do not overlap). */
  private inComment(i: number): boolean {
    const c = this.sortedComments;
    let lo = 0;
    let hi = c.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid][1] <= i) lo = mid + 1;
      else if (c[mid][0] > i) hi = mid - 1;
      else return true;
    }
    return false;
  }

  /** A command named by an expansion was met (`"$@"`, `$1 "$2"`, `${CMD}`, `install_$x`, `eval …`): any function may run. */
  private dispatches = false;

  /** See ShellParseOptions.onScopes (iteratively: nesting is unbounded). */
  scopes(root: SyntaxNode | SyntaxNode[]): Span[] {
    const out: Span[] = [];
    const add = (start: number, end: number) => {
      const sp = start < end ? this.span(start, end) : undefined;
      if (sp) out.push(sp);
    };
    const stack: SyntaxNode[] = Array.isArray(root) ? [...root] : [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'function_definition') {
        const body = n.childForFieldName('body');
        if (body) add(body.startIndex, body.endIndex);
      } else if (n.type === 'elif_clause' || n.type === 'else_clause' || n.type === 'case_item') {
        add(n.startIndex, n.endIndex);
      } else if (n.type === 'if_statement') {
        const kids = childNodes(n);
        const iThen = kids.findIndex((c) => c?.type === 'then');
        const iEnd = kids.findIndex((c, i) => i > iThen && (c?.type === 'elif_clause' || c?.type === 'else_clause' || c?.type === 'fi'));
        if (iThen >= 0) add(kids[iThen]!.endIndex, iEnd >= 0 ? kids[iEnd]!.startIndex : n.endIndex);
      }
      for (const c of childNodes(n)) if (c && c.childCount) stack.push(c);
    }
    return out;
  }

  private markWalked(body: SyntaxNode): SyntaxNode {
    this.walked.add(body.id);
    return body;
  }

  /** Ids of the other functions' bodies a body calls (callTargets), at any depth. */
  private callees(body: SyntaxNode): number[] {
    const out: number[] = [];
    const stack = [body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'command') for (const b of this.callTargets(n)) if (b.id !== body.id) out.push(b.id);
      for (const c of childNodes(n)) if (c && c.childCount) stack.push(c);
    }
    return out;
  }

  /**
   * The bodies a command may run: the function it calls by its literal name, then the functions it
   * names as plain arguments when it is itself a function call (an indirect call:
   * `ExperimentalBootstrap "Mac OS X" BootstrapMac` runs `$2` inside).
   */
  private callTargets(cmd: SyntaxNode): SyntaxNode[] {
    const name = cmd.childForFieldName('name');
    const fn = name ? this.functions.get(this.s.text.slice(name.startIndex, name.endIndex)) : undefined;
    if (!fn) return [];
    const out = [fn];
    for (const arg of cmd.childrenForFieldName('argument')) {
      const m = arg && /^(["']?)([A-Za-z_][\w:.-]*)\1$/.exec(this.s.text.slice(arg.startIndex, arg.endIndex));
      const body = m ? this.functions.get(m[2]) : undefined;
      if (body) out.push(body);
    }
    return out;
  }

  /** The bodies a command runs (callTargets), the first time only: recursion ends there. */
  private calledBodies(cmd: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const body of this.callTargets(cmd)) if (!this.walked.has(body.id)) out.push(this.markWalked(body));
    return out;
  }

  /** From `root`, or (a script of a batch) from its top-level `nodes`, children of `root`. */
  private walk(root: SyntaxNode, nodes?: SyntaxNode[]): void {
    // Each entry carries its parent and next sibling: asking tree-sitter for them costs O(depth).
    // A `guard` entry marks where a $VIRTUAL_ENV guard ends: it is popped after the guard's commands.
    // `depth`: compound commands open around the node (the nesting budget).
    // A `close` entry marks where an `if` ends (see ShellParseOptions.onBranch), a `subshell` entry
    // where a subshell or substitution ends (onSubshell).
    const stack: Array<{ n: SyntaxNode; parent?: SyntaxNode; next?: SyntaxNode; guard?: true; close?: boolean; subshell?: true; depth?: number }> = nodes
      ? nodes.map((n, i) => ({ n, parent: root, next: nodes[i + 1] })).reverse()
      : [{ n: root }];
    while (stack.length) {
      const { n, parent, next, guard, close, subshell, depth = 0 } = stack.pop()!;
      if (guard) {
        this.onVenvGuard?.();
        continue;
      }
      if (subshell) {
        this.onSubshell?.('close');
        continue;
      }
      if (close !== undefined) {
        this.onBranch?.('close', close);
        continue;
      }
      if (n.isError) {
        const snippet = (this.s.orig ?? this.s.text).slice(n.startIndex, Math.min(n.endIndex, n.startIndex + 30)).split('\n')[0];
        this.error(`shell syntax error near ${JSON.stringify(snippet)}`, this.span(n.startIndex, n.endIndex));
      } else if (n.isMissing) {
        this.error(`shell syntax error: missing ${JSON.stringify(n.type)}`, this.point(n.startIndex));
      }
      switch (n.type) {
        case 'command': {
          const cmdName = n.childForFieldName('name');
          if (cmdName && !this.dispatches) {
            const t = this.s.text.slice(cmdName.startIndex, cmdName.endIndex);
            // (`_vgfragN_`: a value the shell string was built from, unknown here.)
            this.dispatches = t === 'eval' || /[$`]|_vgfrag\d/.test(t);
          }
          const redirected = parent?.type === 'redirected_statement';
          this.command(n, redirected ? next : undefined, redirected ? parent : undefined, parent?.type === 'pipeline' ? parent : undefined);
          // Pushed before the command's own children: its arguments' `$(…)` run first, then the body.
          const bodies = this.calledBodies(n);
          for (let i = bodies.length - 1; i >= 0; i--) stack.push({ n: bodies[i], parent: n });
          break;
        }
        case 'function_definition': {
          const name = n.childForFieldName('name');
          const body = n.childForFieldName('body');
          if (!name || !body) break;
          this.functions.set(this.s.text.slice(name.startIndex, name.endIndex), body);
          continue; // its body runs where it is called
        }
        case 'declaration_command':
        case 'unset_command':
          this.declaration(n);
          break;
        case 'variable_assignment':
        case 'variable_assignments':
          if (parent && STATEMENT_PARENTS.has(parent.type)) this.assignmentStatement(n);
          break;
        case 'if_statement':
        case 'list':
          if (this.onVenvGuard && parent?.type === 'program' && isVenvGuard(n, this.s.text)) stack.push({ n, guard: true });
          if (n.type === 'if_statement' && this.onBranch) {
            this.onBranch('open', false);
            stack.push({ n, close: childNodes(n).some((c) => c?.type === 'else_clause') });
          }
          break;
        case 'subshell':
        case 'command_substitution':
        case 'process_substitution':
          if (this.onSubshell) {
            this.onSubshell('open');
            stack.push({ n, subshell: true });
          }
          break;
        case 'elif_clause':
        case 'else_clause':
          if (parent?.type === 'if_statement') this.onBranch?.('next', false);
          break;
        case 'comment':
          this.comments.push(n.startIndex, n.endIndex);
          continue;
      }
      // Children are visited even below commands: `$(…)` in arguments and redirections run too.
      // Here-doc bodies contain only their expansions as nodes, so their text is never a command.
      const inner = NESTING.has(n.type) ? depth + 1 : depth;
      within(SHELL_NESTING, inner);
      const children = childNodes(n);
      for (let i = children.length - 1; i >= 0; i--) {
        const c = children[i];
        if (c) stack.push({ n: c, parent: n, next: children[i + 1] ?? undefined, depth: inner });
      }
    }
  }

  /**
   * `redirection`: the redirection that follows the command in a redirected statement (`statement`);
   * `pipe`: the pipeline that holds the command (for a here-doc `cat` pipes into it).
   */
  private command(n: SyntaxNode, redirection?: SyntaxNode, statement?: SyntaxNode, pipe?: SyntaxNode): void {
    const groups: SyntaxNode[][] = [];
    const assignments: ShellAssignment[] = [];
    let firstAssignment = -1;
    let complete = true;
    const children = childNodes(n);
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (!c) continue;
      const field = n.fieldNameForChild(i);
      if (c.type === 'variable_assignment') {
        if (firstAssignment < 0) firstAssignment = c.startIndex;
        assignments.push(this.expander.assignment(c));
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
      const r = this.expander.convert(g, true);
      words.push(...r.words);
      if (r.inexact) complete = false;
    }
    const end = redirection ? this.strayWords(n, redirection, words) : n.endIndex;
    const cmd: ShellCommand = { words, assignments, span: this.span(start, end), complete };
    const stdin = statement ? this.hereDoc(statement) : pipe ? this.catHereDoc(n, pipe) : undefined;
    if (stdin !== undefined) cmd.stdin = stdin;
    this.emit(cmd, start);
  }

  /**
   * The text a here-doc of the statement feeds the command's stdin, when it is literal: a quoted
   * delimiter (`<<'EOF'`), or a body with no expansion and no backslash (`<<EOF`). `<<-` strips
   * leading tabs. Undefined otherwise, and for the last of several here-docs only.
   */
  private hereDoc(statement: SyntaxNode): string | undefined {
    const redirects = statement.childrenForFieldName('redirect').filter((r): r is SyntaxNode => r?.type === 'heredoc_redirect');
    const r = redirects[redirects.length - 1];
    if (!r) return undefined;
    const start = childNodes(r).find((c) => c?.type === 'heredoc_start');
    const body = childNodes(r).find((c) => c?.type === 'heredoc_body');
    if (!start) return undefined;
    if (!body) return '';
    const quoted = /['"\\]/.test(start.text);
    if (!quoted && (body.namedChildren.some((c) => c?.type !== 'heredoc_content') || body.text.includes('\\'))) return undefined;
    const dash = /^<<-/.test(this.s.text.slice(r.startIndex, r.startIndex + 3));
    return dash ? body.text.replace(/^\t+/gm, '') : body.text;
  }

  /**
   * `cat <<'EOF' | python3` (mujoco's build_steps.sh): the here-doc `cat` copies to the command right
   * after the pipe, which the grammar puts inside the here-doc's redirection. Only a bare `cat` (or
   * `cat -`), which adds nothing of its own.
   */
  private catHereDoc(n: SyntaxNode, pipe: SyntaxNode): string | undefined {
    // (Only here, for a command that opens a pipeline: a node's parent is found by a walk from the
    // root, whose cost grows with the script — once per command of a long `&&` list was quadratic.)
    if (pipe.namedChildren[0]?.id !== n.id) return undefined;
    const redirect = pipe.parent;
    if (redirect?.type !== 'heredoc_redirect') return undefined;
    const statement = redirect.parent;
    const body = statement?.childForFieldName('body');
    if (!statement || statement.type !== 'redirected_statement' || body?.type !== 'command' || !/^cat(?:[ \t]+-)?$/.test(body.text)) return undefined;
    return this.hereDoc(statement);
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
      words.push(...this.expander.convert([], true, start, end).words);
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
    for (const c of childNodes(n)) {
      if (!c || c.type === 'comment') continue;
      const r = this.expander.convert([c], c.type !== 'variable_assignment');
      words.push(...r.words);
      if (r.inexact) complete = false;
    }
    this.emit({ words, assignments: [], span: this.span(n.startIndex, n.endIndex), complete }, n.startIndex);
  }

  private assignmentStatement(n: SyntaxNode): void {
    const nodes = n.type === 'variable_assignment' ? [n] : n.namedChildren.filter((c): c is SyntaxNode => c?.type === 'variable_assignment');
    const assignments = nodes.map((c) => this.expander.assignment(c));
    this.emit({ words: [], assignments, span: this.span(n.startIndex, n.endIndex), complete: true }, n.startIndex);
  }
}

/** `$VIRTUAL_ENV` as a test operand: `"$VIRTUAL_ENV"`, `${VIRTUAL_ENV}`, `"${VIRTUAL_ENV:-}"`. */
const VENV_VAR = String.raw`"?\$(?:VIRTUAL_ENV|\{VIRTUAL_ENV(?::?-)?\})"?`;
/** A test that is true when no venv is active: `[ -z "$VIRTUAL_ENV" ]`, `test -z …`, `[[ -z … ]]`, `! [ -n … ]`. */
const UNSET_TEST = new RegExp(String.raw`^(?:(?:\[\[?|test)\s+-z\s+${VENV_VAR}|!\s+(?:\[\[?|test)\s+-n\s+${VENV_VAR}|\[\[?\s+${VENV_VAR}\s+==?\s+(?:""|'')|\[\[?\s+(?:""|'')\s+==?\s+${VENV_VAR})\s*(?:\]\]?)?\s*;?$`);
/** A test that is true when a venv is active: `[ -n "$VIRTUAL_ENV" ]`, `[ "$VIRTUAL_ENV" ]`, `test -n …`. */
const SET_TEST = new RegExp(String.raw`^(?:(?:\[\[?|test)\s+(?:-n\s+)?${VENV_VAR})\s*(?:\]\]?)?\s*;?$`);
const EXITS = /(?:^|[\s;&|{(])(?:exit|return)(?:\s|;|$)/;

/**
 * A top-level guard after which the script runs only with a venv active (chia's scripts):
 * `if [ -z "$VIRTUAL_ENV" ]; then echo "activate first"; exit 1; fi`, `[ -n "$VIRTUAL_ENV" ] || exit 1`,
 * `test -z "${VIRTUAL_ENV:-}" && { echo …; exit 1; }`.
 */
function isVenvGuard(n: SyntaxNode, text: string): boolean {
  const src = (a: SyntaxNode, b?: SyntaxNode) => text.slice(a.endIndex, b ? b.startIndex : a.endIndex).trim();
  const kids = childNodes(n).filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  if (n.type === 'if_statement') {
    const iThen = kids.findIndex((c) => c.type === 'then');
    if (kids[0]?.type !== 'if' || iThen < 0) return false;
    let iEnd = kids.findIndex((c, i) => i > iThen && (c.type === 'elif_clause' || c.type === 'else_clause' || c.type === 'fi'));
    if (iEnd < 0) iEnd = kids.length - 1;
    return UNSET_TEST.test(src(kids[0], kids[iThen])) && EXITS.test(text.slice(kids[iThen].endIndex, kids[iEnd].startIndex));
  }
  if (kids.length !== 3) return false;
  const [left, op, right] = kids;
  const cond = text.slice(left.startIndex, left.endIndex).trim();
  const rest = text.slice(right.startIndex, right.endIndex);
  if (!EXITS.test(rest)) return false;
  return (op.type === '||' && SET_TEST.test(cond)) || (op.type === '&&' && UNSET_TEST.test(cond));
}
