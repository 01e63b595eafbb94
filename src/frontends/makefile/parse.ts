/**
 * The makefile model: `parseMakefile` reads the whole file as make does (variables with their
 * final values, rules and their recipe lines, target-specific variables, conditionals, `define`,
 * `export`/`unexport`, `.ONESHELL`, `.EXPORT_ALL_VARIABLES`) before any recipe is run.
 */
import type { Span } from '../../kernel/source.js';
import { pushAll } from '../../kernel/word-units.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';
import { defaultVars, Expander, sameVar, synth, text, unknown, words, type MakeVar, type Vars } from './expander.js';
import {
  collapseContinuations,
  isWs,
  logicalLines,
  matchClose,
  parseAssignment,
  stripComment,
  topLevelIndex,
  trimChars,
  type AssignOp,
  type Char,
  type LogicalLine,
} from './reader.js';

// ---------------------------------------------------------------------------------------------
// Parsing the makefile

export interface RecipeLine {
  /** The line after its recipe prefix, continuation lines' prefixes removed, `\`-newline kept. */
  chars: Char[];
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
  targetVars: Map<string, { name: string; op: AssignOp; value: Char[]; exported?: boolean; span: Span }[]>;
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
}

export const cloneVars = (v: Vars): Vars => new Map(v);

/** Whether a value as written names the variable: `$(X)`, `${X}`. */
function refersTo(value: Char[], name: string): boolean {
  const t = value.map((c) => c.ch).join('');
  return t.includes(`$(${name})`) || t.includes(`\${${name}}`);
}

export function parseMakefile(src: string): ParsedMakefile {
  const lines = logicalLines(src);
  const out: ParsedMakefile = { rules: [], vars: defaultVars(), targetVars: new Map(), oneShell: false, exportAll: false, commentLines: new Set(), problems: [] };
  const problems = out.problems;
  let vars = out.vars;
  let recipePrefix = '\t';
  let rule: Rule | undefined;
  const conds: CondFrame[] = [];
  /** An `include` was met: what it defines is not known. */
  let included = false;
  const ex = () => new Expander(vars, undefined, problems);
  const lineSpan = (ll: LogicalLine): Span => ({ start: ll.chars[0]?.off ?? ll.starts[0], end: (ll.chars.at(-1)?.off ?? ll.starts[0]) + 1 });

  const assign = (name: string, op: AssignOp, value: Char[], span: Span, exported?: boolean, override = false) => {
    void override;
    const prev = vars.get(name);
    let nv: MakeVar;
    if (op === '?=' && prev && prev.origin !== 'default') return; // assumes the environment does not set it
    if (op === '?=' && included && refersTo(value, name)) {
      // `X ?= $(X)` after an `include` (not followed): X comes from the included file (mayan-edms's
      // docker/Makefile and its config.env), not a recursive variable; its value is not known here.
      vars.set(name, { flavor: 'simple', raw: value, value: [unknown(span, `$(${name}) (from an included file)`)], origin: 'file', span, exported: exported ?? prev?.exported });
      return;
    }
    if (op === '+=' && prev) {
      nv =
        prev.flavor === 'simple'
          ? { ...prev, value: [...prev.value, ...(prev.value.length ? synth(' ') : []), ...ex().expand(value)], span }
          : { ...prev, raw: [...prev.raw, ...(prev.raw.length ? [{ ch: ' ', off: -1 }] : []), ...value], span };
    } else if (op === ':=' || op === '::=') {
      nv = { flavor: 'simple', raw: value, value: ex().expand(value), origin: 'file', span, exported: prev?.exported };
    } else if (op === '!=') {
      nv = { flavor: 'simple', raw: value, value: [unknown(span, '!= (shell assignment)')], origin: 'file', span, exported: prev?.exported };
    } else {
      nv = { flavor: 'recursive', raw: value, value: [], origin: 'file', span, exported: prev?.exported };
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
  const evalCondition = (kw: string, rest: Char[]): boolean | undefined => {
    if (kw === 'ifdef' || kw === 'ifndef') {
      const name = ex().expandText(rest).trim();
      if (name.includes(UNKNOWN)) return undefined;
      const v = vars.get(name);
      let defined: boolean | undefined;
      if (!v) defined = false; // the file does not define it: assumed absent from the environment
      else if (v.origin === 'environment') defined = true;
      else defined = v.flavor === 'recursive' ? text(v.raw) !== '' : v.value.length > 0;
      return kw === 'ifdef' ? defined : !defined;
    }
    const args = conditionArgs(rest);
    if (!args) {
      problems.push({ message: `invalid syntax in conditional`, offset: rest[0]?.off ?? 0 });
      return undefined;
    }
    const [a, b] = args.map((cs) => new Expander(vars, undefined, problems, true).expandText(cs));
    if (a.includes(UNKNOWN) || b.includes(UNKNOWN) || a.includes(DEFAULT_PATH) || b.includes(DEFAULT_PATH)) return undefined;
    return (a === b) === (kw === 'ifeq');
  };

  const endRuleContext = () => {
    rule = undefined;
  };

  for (let li = 0; li < lines.length; li++) {
    const ll = lines[li];
    // Recipe line: starts with the recipe prefix while a rule is open.
    if (rule && ll.chars[0]?.ch === recipePrefix) {
      const chars: Char[] = [];
      for (let k = 1; k < ll.chars.length; k++) {
        chars.push(ll.chars[k]);
        // The prefix at the start of a continued line is removed (GNU make manual, "Splitting Recipe Lines").
        if (ll.chars[k].ch === '\n' && ll.chars[k + 1]?.ch === recipePrefix) k++;
      }
      rule.recipe.push({ chars, firstLine: ll.firstLine, lastLine: ll.lastLine, span: lineSpan(ll) });
      if (firstNonBlank(chars) === '#') out.commentLines.add(ll.firstLine);
      continue;
    }
    const noComment = stripComment(ll.chars);
    if (noComment.length < ll.chars.length && /^\s*#/.test(ll.chars.map((c) => c.ch).join(''))) {
      for (let l = ll.firstLine; l <= ll.lastLine; l++) out.commentLines.add(l);
    }
    // Leading white space goes; trailing white space is part of a variable's value (measured).
    const collapsed = collapseContinuations(noComment);
    const line = collapsed.slice(collapsed.findIndex((c) => !/\s/.test(c.ch)));
    if (!collapsed.some((c) => !/\s/.test(c.ch))) continue; // blank and comment lines do not end a rule's recipe
    // A directive is a short word: its line's first characters are all the test reads.
    const kwm = /^(-?[a-z]+)(?=\s|$|\()/.exec(head(line));
    let kw = kwm?.[1] ?? '';
    const afterKw = () => trimChars(line.slice(kw.length));

    // Conditionals (allowed inside a recipe: they do not end it).
    if (kw === 'ifeq' || kw === 'ifneq' || kw === 'ifdef' || kw === 'ifndef') {
      conds.push({ snapshot: cloneVars(vars), results: [], decisions: [evalCondition(kw, afterKw())], hasElse: false, line: ll.firstLine, offset: line[0].off });
      continue;
    }
    if (kw === 'else') {
      const f = conds.at(-1);
      if (!f || f.hasElse) {
        problems.push({ message: f ? "only one 'else' per conditional" : "extraneous 'else'", offset: line[0].off });
        continue;
      }
      f.results.push(vars);
      vars = cloneVars(f.snapshot);
      const rest = afterKw();
      const m = /^(ifeq|ifneq|ifdef|ifndef)(?=\s|\()/.exec(rest.map((c) => c.ch).join(''));
      if (m) f.decisions.push(evalCondition(m[1], trimChars(rest.slice(m[1].length))));
      else {
        f.decisions.push(true);
        f.hasElse = true;
      }
      continue;
    }
    if (kw === 'endif') {
      const f = conds.pop();
      if (!f) {
        problems.push({ message: "extraneous 'endif'", offset: line[0].off });
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
          vars.set(n, { flavor: 'simple', raw: [], value: [unknown(any.span, `$(${n}) (set differently in the branches of a conditional)`)], origin: any.origin, exported: vs.some((v) => v?.exported) ? true : any.exported, span: any.span });
        }
      }
      out.vars = vars;
      continue;
    }

    if (kw === 'define') {
      endRuleContext();
      const head = afterKw();
      const a = parseDefineHead(head);
      const body: Char[] = [];
      let depth = 1;
      let closed = false;
      let j = li + 1;
      for (; j < lines.length; j++) {
        const bt = lines[j].chars.map((c) => c.ch).join('');
        const w = /^\s*(\S+)/.exec(bt)?.[1];
        if (w === 'define' || /^\s*(override|export)\s+define(\s|$)/.test(bt)) depth++;
        if (w === 'endef' && --depth === 0) {
          closed = true;
          break;
        }
        if (body.length || j > li + 1) body.push({ ch: '\n', off: lines[j].starts[0] - 1 });
        pushAll(body, lines[j].chars);
      }
      if (!closed) problems.push({ message: "missing 'endef', unterminated 'define'", offset: line[0].off });
      li = j;
      if (a) assign(a.name, a.op, body, lineSpan(ll));
      continue;
    }
    if (kw === 'endef') {
      problems.push({ message: "extraneous 'endef'", offset: line[0].off });
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
      rest = trimChars(rest.slice(m[1].length));
      kw = '';
    }
    if (exported !== undefined || override) {
      const restText = rest.map((c) => c.ch).join('');
      if (/^define(\s|$)/.test(restText)) {
        // `export define NAME`: handled as a define next time round.
        lines[li] = { ...ll, chars: rest };
        li--;
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
          else vars.set(n, { flavor: 'recursive', raw: [], value: [], origin: 'file', exported });
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
    const colon = topLevelIndex(rest, ':');
    if (colon < 0) {
      // make expands the line first: a line that is only references to empty variables is fine, and
      // so is one whose value is unknown here ($(shell …), $(foreach x,…,$(info …)) on a line of its
      // own): make would complain only if it expanded to text that is not a rule or an assignment.
      if (ex().expandText(rest).replaceAll(UNKNOWN, '').trim() === '') continue;
      problems.push({ message: ll.chars[0]?.ch === recipePrefix ? 'recipe commences before first target' : 'missing separator', offset: line[0].off });
      endRuleContext();
      continue;
    }
    const targetsText = rest.slice(0, colon).map((c) => c.ch).join('').trim();
    const targets = words(ex().expandText(rest.slice(0, colon)));
    let after = colon + 1;
    let doubleColon = false;
    if (rest[after]?.ch === ':') {
      doubleColon = true;
      after++;
    }
    const tail = rest.slice(after);
    const semi = topLevelIndex(tail, ';');
    const prereqPart = semi < 0 ? tail : tail.slice(0, semi);
    // Target-specific variable: `target: [export] VAR op value`.
    let tsExport: boolean | undefined;
    let tsPart = trimChars(prereqPart);
    for (;;) {
      const m = /^(export|unexport|override|private)(?=\s)/.exec(head(tsPart));
      if (!m) break;
      if (m[1] === 'export') tsExport = true;
      if (m[1] === 'unexport') tsExport = false;
      tsPart = trimChars(tsPart.slice(m[1].length));
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
    const prereqs = words(ex().expandText(prereqPart.filter((c) => c.ch !== '|')));
    if (targets.includes('.ONESHELL')) out.oneShell = true;
    if (targets.includes('.EXPORT_ALL_VARIABLES')) out.exportAll = true;
    rule = { targetsText, targets, prereqs, doubleColon, recipe: [], line: ll.firstLine };
    out.rules.push(rule);
    if (semi >= 0) {
      // `target: prereqs ; recipe`: the first recipe line, from the raw line (comments are the shell's).
      const semiOff = tail[semi].off;
      const at = ll.chars.findIndex((c) => c.off === semiOff);
      let chars = ll.chars.slice(at + 1);
      while (chars.length && isWs(chars[0].ch)) chars = chars.slice(1);
      if (chars.length) rule.recipe.push({ chars, firstLine: ll.firstLine, lastLine: ll.lastLine, span: { start: chars[0].off, end: (chars.at(-1)?.off ?? chars[0].off) + 1 } });
    }
  }
  for (const f of conds) problems.push({ message: "missing 'endif'", offset: f.offset });
  out.vars = vars;
  return out;
}

/** The first characters of `cs` (enough for any directive and the character after it). */
function head(cs: readonly Char[]): string {
  let t = '';
  for (let k = 0; k < cs.length && k < 16; k++) t += cs[k].ch;
  return t;
}

/** The first character of `cs` that is not white space, or '' when there is none. */
function firstNonBlank(cs: readonly Char[]): string {
  for (const c of cs) if (!/\s/.test(c.ch)) return c.ch[0];
  return '';
}

/** `define NAME [op]`: the name and the flavour. */
function parseDefineHead(cs: Char[]): { name: string; op: AssignOp } | undefined {
  const t = cs.map((c) => c.ch).join('').trim();
  const m = /^(\S+?)\s*(=|:=|::=|\?=|\+=|!=)?$/.exec(t);
  if (!m) return undefined;
  return { name: m[1], op: (m[2] as AssignOp | undefined) ?? '=' };
}

/** `(a,b)`, `"a" "b"`, `'a' 'b'` after ifeq/ifneq. */
function conditionArgs(cs: Char[]): [Char[], Char[]] | undefined {
  if (cs[0]?.ch === '(') {
    const end = matchClose(cs, 0);
    if (end < 0) return undefined;
    const inner = cs.slice(1, end);
    const comma = topLevelIndex(inner, ',');
    if (comma < 0) return undefined;
    return [trimChars(inner.slice(0, comma)), trimChars(inner.slice(comma + 1))];
  }
  const q = cs[0]?.ch;
  if (q !== '"' && q !== "'") return undefined;
  const e1 = cs.findIndex((c, i) => i > 0 && c.ch === q);
  if (e1 < 0) return undefined;
  const rest = trimChars(cs.slice(e1 + 1));
  const q2 = rest[0]?.ch;
  if (q2 !== '"' && q2 !== "'") return undefined;
  const e2 = rest.findIndex((c, i) => i > 0 && c.ch === q2);
  if (e2 < 0) return undefined;
  return [cs.slice(1, e1), rest.slice(1, e2)];
}
