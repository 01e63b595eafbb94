/**
 * The makefile model: `parseMakefile` reads the whole file as make does (variables with their
 * final values, rules and their recipe lines, target-specific variables, conditionals, `define`,
 * `export`/`unexport`, `.ONESHELL`, `.EXPORT_ALL_VARIABLES`) before any recipe is run.
 */
import type { Span } from '../../kernel/source.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';
import { defaultVars, Expander, sameVar, unknown, words, type MakeVar, type Vars } from './expander.js';
import { EMPTY, firstNonBlank, MBuilder, offAt, slice, type MText } from './mtext.js';
import { collapseContinuations, isWs, LineReader, matchClose, parseAssignment, stripComment, topLevelIndex, trimChars, type AssignOp, type LogicalLine } from './reader.js';

// ---------------------------------------------------------------------------------------------
// Parsing the makefile

export interface RecipeLine {
  /** The line after its recipe prefix, continuation lines' prefixes removed, `\`-newline kept. */
  text: MText;
  firstLine: number;
  lastLine: number;
  span: Span;
}

export interface Rule {
  /** The targets as written (for messages) and expanded. */
  targetsText: string;
  targets: string[];
  prereqs: string[];
  doubleColon: boolean;
  recipe: RecipeLine[];
  line: number;
}

export interface ParsedMakefile {
  rules: Rule[];
  vars: Vars;
  /** Target-specific assignments by target name, in order. */
  targetVars: Map<string, { name: string; op: AssignOp; value: MText; exported?: boolean; span: Span }[]>;
  oneShell: boolean;
  exportAll: boolean;
  /** Comment lines (make comments and recipe-line shell comments), for suppressions. */
  commentLines: Set<number>;
  problems: { message: string; offset: number }[];
}

interface CondFrame {
  snapshot: Vars;
  results: Vars[];
  decisions: (boolean | undefined)[];
  hasElse: boolean;
  line: number;
  offset: number;
  /** The branch (0: the `if`, 1: its `else`) that only Windows takes: `ifeq ($(OS),Windows_NT)`. */
  windowsBranch?: number;
}

/** `($(OS),Windows_NT)` and its spellings: make on Windows sees OS=Windows_NT in its environment. */
const WINDOWS_TEST = /^\(\s*\$[({]OS[)}]\s*,\s*Windows_NT\s*\)|^(["'])\$[({]OS[)}]\1\s+(["'])Windows_NT\2/;

export const cloneVars = (v: Vars): Vars => new Map(v);

/** Whether a value as written names the variable: `$(X)`, `${X}`. */
function refersTo(value: MText, name: string): boolean {
  const t = value.s;
  return t.includes(`$(${name})`) || t.includes(`\${${name}}`);
}

export function parseMakefile(src: string): ParsedMakefile {
  const lines = new LineReader(src);
  const out: ParsedMakefile = { rules: [], vars: defaultVars(), targetVars: new Map(), oneShell: false, exportAll: false, commentLines: new Set(), problems: [] };
  const problems = out.problems;
  let vars = out.vars;
  let recipePrefix = '\t';
  let rule: Rule | undefined;
  const conds: CondFrame[] = [];
  /** An `include` was met: what it defines is not known. */
  let included = false;
  const ex = () => new Expander(vars, undefined, problems);
  const lineSpan = (ll: LogicalLine): Span => {
    const n = ll.text.s.length;
    return { start: n ? offAt(ll.text, 0) : ll.starts[0], end: (n ? offAt(ll.text, n - 1) : ll.starts[0]) + 1 };
  };

  const assign = (name: string, op: AssignOp, value: MText, span: Span, exported?: boolean, override = false) => {
    void override;
    const prev = vars.get(name);
    let nv: MakeVar;
    if (op === '?=' && prev && prev.origin !== 'default') return; // assumes the environment does not set it
    if (op === '?=' && included && refersTo(value, name)) {
      // `X ?= $(X)` after an `include` (not followed): X comes from the included file (mayan-edms's
      // docker/Makefile and its config.env), not a recursive variable; its value is not known here.
      vars.set(name, { flavor: 'simple', raw: value, value: unknown(span, `$(${name}) (from an included file)`), origin: 'file', span, exported: exported ?? prev?.exported });
      return;
    }
    if (op === '+=' && prev) {
      nv = prev.flavor === 'simple' ? { ...prev, value: appended(prev.value, ex().expand(value)), span } : { ...prev, raw: appended(prev.raw, value), span };
    } else if (op === ':=' || op === '::=') {
      nv = { flavor: 'simple', raw: value, value: ex().expand(value), origin: 'file', span, exported: prev?.exported };
    } else if (op === '!=') {
      nv = { flavor: 'simple', raw: value, value: unknown(span, '!= (shell assignment)'), origin: 'file', span, exported: prev?.exported };
    } else {
      nv = { flavor: 'recursive', raw: value, value: EMPTY, origin: 'file', span, exported: prev?.exported };
    }
    if (prev?.origin === 'environment') nv.origin = 'environment'; // still exported (measured)
    if (exported !== undefined) nv.exported = exported;
    vars.set(name, nv);
    if (name === '.RECIPEPREFIX') {
      const t = ex().expandText(value);
      recipePrefix = t === '' ? '\t' : t[0];
    }
  };

  /** true/false when the condition is decidable from the file alone, else undefined. */
  const evalCondition = (kw: string, rest: MText): boolean | undefined => {
    if (kw === 'ifdef' || kw === 'ifndef') {
      const name = ex().expandText(rest).trim();
      if (name.includes(UNKNOWN)) return undefined;
      const v = vars.get(name);
      let defined: boolean | undefined;
      if (!v) defined = false; // the file does not define it: assumed absent from the environment
      else if (v.origin === 'environment') defined = true;
      else defined = v.flavor === 'recursive' ? v.raw.s !== '' : v.value.s.length > 0;
      return kw === 'ifdef' ? defined : !defined;
    }
    const args = conditionArgs(rest);
    if (!args) {
      problems.push({ message: `invalid syntax in conditional`, offset: rest.s.length ? offAt(rest, 0) : 0 });
      return undefined;
    }
    const [a, b] = args.map((cs) => new Expander(vars, undefined, problems, true).expandText(cs));
    if (a.includes(UNKNOWN) || b.includes(UNKNOWN) || a.includes(DEFAULT_PATH) || b.includes(DEFAULT_PATH)) return undefined;
    return (a === b) === (kw === 'ifeq');
  };

  const endRuleContext = () => {
    rule = undefined;
  };

  for (let ll = lines.next(); ll; ll = lines.next()) {
    // Recipe line: starts with the recipe prefix while a rule is open.
    if (rule && ll.text.s[0] === recipePrefix) {
      // A recipe line only make on Windows runs (`ifeq ($(OS),Windows_NT)`, buzz's `clean`) is for
      // cmd.exe or PowerShell, not a POSIX shell: not read.
      if (conds.some((f) => f.windowsBranch === f.results.length)) continue;
      const text = recipeText(ll.text, recipePrefix);
      rule.recipe.push({ text, firstLine: ll.firstLine, lastLine: ll.lastLine, span: lineSpan(ll) });
      if (firstNonBlank(text) === '#') out.commentLines.add(ll.firstLine);
      continue;
    }
    const noComment = stripComment(ll.text);
    if (noComment.s.length < ll.text.s.length && /^\s*#/.test(ll.text.s)) {
      for (let l = ll.firstLine; l <= ll.lastLine; l++) out.commentLines.add(l);
    }
    // Leading white space goes; trailing white space is part of a variable's value (measured).
    const collapsed = collapseContinuations(noComment);
    const first = collapsed.s.search(/\S/);
    if (first < 0) continue; // blank and comment lines do not end a rule's recipe
    const line = slice(collapsed, first);
    // A directive is a short word: its line's first characters are all the test reads.
    const kwm = /^(-?[a-z]+)(?=\s|$|\()/.exec(head(line));
    let kw = kwm?.[1] ?? '';
    const afterKw = () => trimChars(slice(line, kw.length));

    // Conditionals (allowed inside a recipe: they do not end it).
    if (kw === 'ifeq' || kw === 'ifneq' || kw === 'ifdef' || kw === 'ifndef') {
      const windows = (kw === 'ifeq' || kw === 'ifneq') && WINDOWS_TEST.test(afterKw().s) ? (kw === 'ifeq' ? 0 : 1) : undefined;
      conds.push({ snapshot: cloneVars(vars), results: [], decisions: [evalCondition(kw, afterKw())], hasElse: false, line: ll.firstLine, offset: offAt(line, 0), windowsBranch: windows });
      continue;
    }
    if (kw === 'else') {
      const f = conds.at(-1);
      if (!f || f.hasElse) {
        problems.push({ message: f ? "only one 'else' per conditional" : "extraneous 'else'", offset: offAt(line, 0) });
        continue;
      }
      f.results.push(vars);
      vars = cloneVars(f.snapshot);
      const rest = afterKw();
      const m = /^(ifeq|ifneq|ifdef|ifndef)(?=\s|\()/.exec(rest.s);
      if (m) {
        f.decisions.push(evalCondition(m[1], trimChars(slice(rest, m[1].length))));
        // `ifneq ($(OS),Windows_NT)` … `else ifeq (…)`: that branch has a condition of its own.
        if (f.windowsBranch === f.results.length) f.windowsBranch = undefined;
      } else {
        f.decisions.push(true);
        f.hasElse = true;
      }
      continue;
    }
    if (kw === 'endif') {
      const f = conds.pop();
      if (!f) {
        problems.push({ message: "extraneous 'endif'", offset: offAt(line, 0) });
        continue;
      }
      f.results.push(vars);
      if (!f.hasElse) {
        f.results.push(f.snapshot);
        f.decisions.push(true);
      }
      let chosen: number | undefined;
      for (let i = 0; i < f.decisions.length; i++) {
        if (f.decisions[i] === undefined) break;
        if (f.decisions[i]) {
          chosen = i;
          break;
        }
      }
      if (chosen !== undefined) vars = f.results[chosen];
      else {
        // Undecidable: what all branches agree on stays; the rest is unknown.
        vars = cloneVars(f.results[0]);
        const names = new Set(f.results.flatMap((r) => [...r.keys()]));
        for (const n of names) {
          const vs = f.results.map((r) => r.get(n));
          if (vs.every((v) => sameVar(v, vs[0]))) continue;
          const any = vs.find((v) => v)!;
          vars.set(n, { flavor: 'simple', raw: EMPTY, value: unknown(any.span, `$(${n}) (set differently in the branches of a conditional)`), origin: any.origin, exported: vs.some((v) => v?.exported) ? true : any.exported, span: any.span });
        }
      }
      out.vars = vars;
      continue;
    }

    if (kw === 'define') {
      endRuleContext();
      const head = afterKw();
      const a = parseDefineHead(head);
      const body = new MBuilder();
      let depth = 1;
      let closed = false;
      let first = true;
      for (let bl = lines.next(); bl; bl = lines.next()) {
        const bt = bl.text.s;
        const w = /^\s*(\S+)/.exec(bt)?.[1];
        if (w === 'define' || /^\s*(override|export)\s+define(\s|$)/.test(bt)) depth++;
        if (w === 'endef' && --depth === 0) {
          closed = true;
          break;
        }
        if (body.length || !first) body.char('\n', bl.starts[0] - 1);
        first = false;
        body.text(bl.text);
      }
      if (!closed) problems.push({ message: "missing 'endef', unterminated 'define'", offset: offAt(line, 0) });
      if (a) assign(a.name, a.op, body.build(), lineSpan(ll));
      continue;
    }
    if (kw === 'endef') {
      problems.push({ message: "extraneous 'endef'", offset: offAt(line, 0) });
      continue;
    }
    if (kw === 'include' || kw === '-include' || kw === 'sinclude' || kw === 'vpath' || kw === 'load' || kw === '-load') {
      if (kw !== 'vpath') included = true;
      endRuleContext(); // not followed
      continue;
    }

    // export / unexport / override / private prefixes.
    let rest = line;
    let exported: boolean | undefined;
    let override = false;
    for (;;) {
      const m = /^(export|unexport|override|private)(?=\s|$)/.exec(head(rest));
      if (!m) break;
      if (m[1] === 'export') exported = true;
      else if (m[1] === 'unexport') exported = false;
      else if (m[1] === 'override') override = true;
      rest = trimChars(slice(rest, m[1].length));
      kw = '';
    }
    if (exported !== undefined || override) {
      if (/^define(\s|$)/.test(rest.s)) {
        // `export define NAME`: handled as a define next time round.
        lines.unread({ ...ll, text: rest });
        continue;
      }
      const a = parseAssignment(rest);
      if (a) {
        endRuleContext();
        assign(ex().expandText(a.name).trim(), a.op, a.value, lineSpan(ll), exported, override);
        continue;
      }
      if (exported !== undefined) {
        endRuleContext();
        const names = words(ex().expandText(rest));
        if (!names.length) out.exportAll = exported; // `export` alone: every variable
        for (const n of names) {
          const v = vars.get(n);
          if (v) vars.set(n, { ...v, exported });
          else vars.set(n, { flavor: 'recursive', raw: EMPTY, value: EMPTY, origin: 'file', exported });
        }
        continue;
      }
    }
    if (kw === 'undefine') {
      endRuleContext();
      for (const n of words(ex().expandText(afterKw()))) vars.delete(n);
      continue;
    }

    const a = parseAssignment(rest);
    if (a) {
      endRuleContext();
      assign(ex().expandText(a.name).trim(), a.op, a.value, lineSpan(ll), exported, override);
      continue;
    }

    // A rule: `targets : prereqs [; recipe]`, `targets :: …`, `targets : VAR = value`.
    const colon = topLevelIndex(rest.s, ':');
    if (colon < 0) {
      // make expands the line first: a line that is only references to empty variables is fine, and
      // so is one whose value is unknown here ($(shell …), $(foreach x,…,$(info …)) on a line of its
      // own): make would complain only if it expanded to text that is not a rule or an assignment.
      const expanded = ex().expandText(rest);
      if (expanded.replaceAll(UNKNOWN, '').trim() === '') continue;
      // Expanded, the line may hold a `:` (or its unknown part may): make reads it as a rule then (an `=` is no help)
      // (richie's template: a recipe line indented with blanks whose `$(YARN)` expands to
      // `DOCKER_USER="$(DOCKER_UID):$(DOCKER_GID)" …`; make -n accepts the file).
      if (rest.s.includes('$') && (expanded.includes(UNKNOWN) || expanded.includes(':'))) {
        endRuleContext();
        continue;
      }
      // make stops at an `$(error …)` while it expands the line, before it reads what is left
      // (micropython's ports/alif/Makefile: `$(error Invalid MCU core specified))`, one `)` too many).
      if (/\$[({]error[\s,]/.test(rest.s)) {
        endRuleContext();
        continue;
      }
      problems.push({ message: ll.text.s[0] === recipePrefix ? 'recipe commences before first target' : 'missing separator', offset: offAt(line, 0) });
      endRuleContext();
      continue;
    }
    const targetsText = rest.s.slice(0, colon).trim();
    const targets = words(ex().expandText(slice(rest, 0, colon)));
    let after = colon + 1;
    let doubleColon = false;
    if (rest.s[after] === ':') {
      doubleColon = true;
      after++;
    }
    const tail = slice(rest, after);
    const semi = topLevelIndex(tail.s, ';');
    const prereqPart = semi < 0 ? tail : slice(tail, 0, semi);
    // Target-specific variable: `target: [export] VAR op value`.
    let tsExport: boolean | undefined;
    let tsPart = trimChars(prereqPart);
    for (;;) {
      const m = /^(export|unexport|override|private)(?=\s)/.exec(head(tsPart));
      if (!m) break;
      if (m[1] === 'export') tsExport = true;
      if (m[1] === 'unexport') tsExport = false;
      tsPart = trimChars(slice(tsPart, m[1].length));
    }
    const ts = semi < 0 ? parseAssignment(tsPart) : undefined;
    if (ts) {
      endRuleContext();
      const name = ex().expandText(ts.name).trim();
      for (const tg of targets) {
        const list = out.targetVars.get(tg) ?? [];
        list.push({ name, op: ts.op, value: ts.value, exported: tsExport, span: lineSpan(ll) });
        out.targetVars.set(tg, list);
      }
      continue;
    }
    const prereqs = words(ex().expandText(withoutBars(prereqPart)));
    if (targets.includes('.ONESHELL')) out.oneShell = true;
    if (targets.includes('.EXPORT_ALL_VARIABLES')) out.exportAll = true;
    rule = { targetsText, targets, prereqs, doubleColon, recipe: [], line: ll.firstLine };
    out.rules.push(rule);
    if (semi >= 0) {
      // `target: prereqs ; recipe`: the first recipe line, from the raw line (comments are the shell's).
      const semiOff = offAt(tail, semi);
      const at = indexOfOffset(ll.text, semiOff);
      let from = at + 1;
      while (from < ll.text.s.length && isWs(ll.text.s[from])) from++;
      const text = slice(ll.text, from);
      const n = text.s.length;
      if (n) rule.recipe.push({ text, firstLine: ll.firstLine, lastLine: ll.lastLine, span: { start: offAt(text, 0), end: offAt(text, n - 1) + 1 } });
    }
  }
  for (const f of conds) problems.push({ message: "missing 'endif'", offset: f.offset });
  out.vars = vars;
  return out;
}

/** The first characters of `t` (enough for any directive and the character after it). */
const head = (t: MText): string => t.s.slice(0, 16);

/** A recipe line's text after its recipe prefix, the prefix at the start of each continued line removed too (GNU make manual, "Splitting Recipe Lines"). */
function recipeText(t: MText, prefix: string): MText {
  const s = t.s;
  if (!s.includes('\n' + prefix)) return slice(t, 1);
  const b = new MBuilder();
  let from = 1;
  for (let k = 1; k < s.length; k++) {
    if (s[k] === '\n' && s[k + 1] === prefix) {
      b.text(t, from, k + 1);
      from = k + 2;
      k++;
    }
  }
  b.text(t, from);
  return b.build();
}

/** `+=`: the value, a space when it is not empty, then the addition. */
function appended(value: MText, more: MText): MText {
  const b = new MBuilder();
  b.text(value);
  if (value.s.length) b.synth(' ');
  b.text(more);
  return b.build();
}

/** The text without its `|` characters (the order-only separator). */
function withoutBars(t: MText): MText {
  if (!t.s.includes('|')) return t;
  const b = new MBuilder();
  let from = 0;
  for (let k = t.s.indexOf('|'); k >= 0; k = t.s.indexOf('|', k + 1)) {
    b.text(t, from, k);
    from = k + 1;
  }
  b.text(t, from);
  return b.build();
}

/** The first character of `t` at file offset `off`, or -1. */
function indexOfOffset(t: MText, off: number): number {
  for (let k = 0; k < t.s.length; k++) if (offAt(t, k) === off) return k;
  return -1;
}

/** `define NAME [op]`: the name and the flavour. */
function parseDefineHead(cs: MText): { name: string; op: AssignOp } | undefined {
  const t = cs.s.trim();
  const m = /^(\S+?)\s*(=|:=|::=|\?=|\+=|!=)?$/.exec(t);
  if (!m) return undefined;
  return { name: m[1], op: (m[2] as AssignOp | undefined) ?? '=' };
}

/** `(a,b)`, `"a" "b"`, `'a' 'b'` after ifeq/ifneq. */
function conditionArgs(cs: MText): [MText, MText] | undefined {
  const s = cs.s;
  if (s[0] === '(') {
    const end = matchClose(s, 0);
    if (end < 0) return undefined;
    const inner = slice(cs, 1, end);
    const comma = topLevelIndex(inner.s, ',');
    if (comma < 0) return undefined;
    return [trimChars(slice(inner, 0, comma)), trimChars(slice(inner, comma + 1))];
  }
  const q = s[0];
  if (q !== '"' && q !== "'") return undefined;
  const e1 = s.indexOf(q, 1);
  if (e1 < 0) return undefined;
  const rest = trimChars(slice(cs, e1 + 1));
  const q2 = rest.s[0];
  if (q2 !== '"' && q2 !== "'") return undefined;
  const e2 = rest.s.indexOf(q2, 1);
  if (e2 < 0) return undefined;
  return [slice(cs, 1, e1), slice(rest, 1, e2)];
}
