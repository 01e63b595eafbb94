/**
 * Whether a Makefile can take part in a finding at all, told from as little of it as possible
 * (issue 15: CPython's Makefile runs `./python` and `python3.11` on ~150 of its 1,200 recipe lines
 * and has no venv; expanding every line to learn that was most of its check). A finding needs a
 * venv made by a recipe, activated, or exported as VIRTUAL_ENV, or an environment manager
 * (front-end.ts's words): a recipe line can hold one only when its text as written has such a word,
 * names a variable whose value (through the variables that value names) has one, or belongs to a
 * rule whose targets or prerequisites have one (`$@`, `$<`). Only those lines are expanded here.
 */
import { mentionsEnvironment, shellLineMayMatterWithoutVenv } from '../front-end.js';
import type { ParsedMakefile, RecipeLine, Rule } from './parse.js';

/**
 * Text every command createdVenv (config/facts.ts) recognises holds: `-m venv` or `-m virtualenv`,
 * the program `virtualenv`, `uv venv`. A recipe line without it creates no venv; `venv` as a word
 * alone (CPython's Makefile lists the stdlib package among its install folders) does not.
 */
export const CREATES_VENV = /-m\s*['"]?(?:venv|virtualenv)(?![\w.-])|(?:^|[^\w.-])virtualenv(?![\w.-])|\buv\s+['"]?venv(?![\w.-])/;

/** Words of a value that may name a variable (`$(NAME)`, `${NAME}`, `$(call NAME,…)`, `$N`): a superset. */
function namesIn(text: string): string[] {
  const out = text.split(/[\s$(){},:=#'"\\;|&<>]+/).filter(Boolean);
  for (let k = text.indexOf('$'); k >= 0; k = text.indexOf('$', k + 1)) if (k + 1 < text.length && text[k + 1] !== '(' && text[k + 1] !== '{') out.push(text[k + 1]);
  return out;
}

/** The variables whose value, or a value it names, has one of the words (a walk of the names' reverse edges). */
function environmentVariables(parsed: ParsedMakefile): Set<string> {
  const tainted = new Set<string>();
  const usedBy = new Map<string, string[]>();
  const consider = (name: string, texts: string[]) => {
    if (texts.some(mentionsEnvironment)) tainted.add(name);
    else {
      for (const t of texts) {
        if (!t.includes('$')) continue;
        for (const n of namesIn(t)) {
          let users = usedBy.get(n);
          if (!users) usedBy.set(n, (users = []));
          users.push(name);
        }
      }
    }
  };
  for (const [name, v] of parsed.vars) consider(name, [v.raw.s, v.value.s]);
  for (const list of parsed.targetVars.values()) for (const a of list) consider(a.name, [a.value.s]);
  const todo = [...tainted];
  while (todo.length) {
    for (const user of usedBy.get(todo.pop()!) ?? []) {
      if (tainted.has(user)) continue;
      tainted.add(user);
      todo.push(user);
    }
  }
  return tainted;
}

/**
 * False when no recipe line can take part in a finding: none, expanded (`expand`), creates a venv
 * or holds an activation or environment manager's word, and VIRTUAL_ENV is not a variable of the
 * file. True as soon as one may.
 */
export function mayHaveVenv(parsed: ParsedMakefile, expand: (rule: Rule, line: RecipeLine) => string): boolean {
  if (parsed.vars.has('VIRTUAL_ENV') || [...parsed.targetVars.values()].some((l) => l.some((a) => a.name === 'VIRTUAL_ENV'))) return true;
  const tainted = environmentVariables(parsed);
  // Few such variables (CPython's: its install folders, which list the `venv` package): each looked
  // for as text, a superset of naming it.
  const few = tainted.size <= 32 ? [...tainted] : undefined;
  const namesTainted = (t: string) => t.includes('$') && (few ? few.some((n) => t.includes(n)) : namesIn(t).some((n) => tainted.has(n)));
  for (const rule of parsed.rules) {
    if (!rule.recipe.length) continue;
    const named = rule.targets.some(mentionsEnvironment) || rule.prereqs.some(mentionsEnvironment);
    for (const rl of rule.recipe) {
      const t = rl.text.s;
      if (!named && !mentionsEnvironment(t) && !namesTainted(t)) continue;
      const s = expand(rule, rl);
      if (CREATES_VENV.test(s) || shellLineMayMatterWithoutVenv(s)) return true;
    }
  }
  return false;
}
