/**
 * The branches of an `if` in the shell model: each branch runs from the state before the `if`, and
 * after it a variable the branches left with different values is remembered with each value, and
 * the venvs only some branches made are marked.
 */
import type { VenvOrigin } from '../../kernel/launch-site.js';
import type { ExpandedCommand } from '../command/expand.js';

/** A value of a branch-dependent variable, with the venvs only the other branches created. */
export interface BranchValue {
  value: string;
  absent: Set<string>;
}

/** What a shell keeps for its `if` statements (a session's frame). */
export interface BranchScope {
  vars: Map<string, string>;
  /**
   * Variables whose value depends on which branch of an `if` ran (see branchEvent): each value with
   * the venvs only the other branches created, which do not exist where this value holds.
   */
  alts?: Map<string, BranchValue[]>;
  /** The `if` statements open in this shell: the state before each, and its branches' ends. */
  ifs?: { vars: Map<string, string>; alts?: Map<string, BranchValue[]>; venvs: Set<string>; ends: { vars: Map<string, string>; created: Set<string> }[]; made?: Map<string, VenvOrigin> }[];
}

/**
 * Each branch of an `if` runs from the variables before it; after it, a variable the branches
 * left with different known values is unknown to the word expander and remembered with each value
 * (httpx's `scripts/install`: `PIP=venv/bin/pip` where it creates ./venv, `PIP=pip` on GitHub
 * Actions, where it creates none). A command run by such a variable is judged once per value, each
 * with the venvs that exist where that value holds. Returns true at an `if`'s end, where the
 * merged variables are new to the caller.
 */
export function branchEvent(frame: BranchScope, venvs: Map<string, VenvOrigin>, event: 'open' | 'next' | 'close', hasElse: boolean): boolean {
  const ifs = (frame.ifs ??= []);
  if (event === 'open') {
    ifs.push({ vars: new Map(frame.vars), alts: frame.alts && new Map(frame.alts), venvs: new Set(venvs.keys()), ends: [] });
    return false;
  }
  const top = ifs[ifs.length - 1];
  if (!top) return false;
  // Each branch starts with the venvs before the `if`: one a sibling branch made does not exist
  // in this one (gimp-ml's installer makes gimpenv with Python 2 when it finds one, and otherwise
  // installs pip into the system's Python 2). After the `if`, any branch's may exist.
  const created = new Set([...venvs.keys()].filter((v) => !top.venvs.has(v)));
  for (const v of created) {
    if (!(top.made ??= new Map()).has(v)) top.made.set(v, venvs.get(v)!);
    venvs.delete(v);
  }
  top.ends.push({ vars: new Map(frame.vars), created });
  // A venv one branch makes and its `else` does not (iiab: apt's ansible on i386, a venv
  // elsewhere) may not exist after the `if`: no fix writes its path. Without an `else` it is the
  // make-if-missing idiom (`if [ ! -d venv ]; then python3 -m venv venv; fi`): it exists.
  if (event === 'close') for (const [v, origin] of top.made ?? []) venvs.set(v, hasElse && !top.ends.every((e) => e.created.has(v)) ? { ...origin, inBranch: true } : origin);
  if (event === 'close' && !hasElse) top.ends.push({ vars: top.vars, created: new Set() });
  // The next branch, and the merge, start from the variables before the `if`.
  frame.vars.clear();
  for (const [k, v] of top.vars) frame.vars.set(k, v);
  frame.alts = top.alts && new Map(top.alts);
  if (event === 'next') return false;
  ifs.pop();
  const names = new Set(top.ends.flatMap((e) => [...e.vars.keys()]));
  for (const name of names) {
    const values = top.ends.map((e) => e.vars.get(name));
    if (values.every((v) => v === values[0])) {
      frame.vars.set(name, values[0]!);
      frame.alts?.delete(name);
      continue;
    }
    frame.vars.delete(name);
    frame.alts?.delete(name);
    if (values.some((v) => v === undefined)) {
      // Unknown on some path (`if [ -z "$VENV" ]; then VENV=.venv; fi`): the value assigned last
      // stands, as when the branches are followed in order (the default the script gives itself).
      const last = values.filter((v): v is string => v !== undefined).pop();
      if (last !== undefined) frame.vars.set(name, last);
      continue;
    }
    const alts = top.ends.map((e, i) => ({
      value: values[i]!,
      absent: new Set(top.ends.flatMap((o, j) => (j === i ? [] : [...o.created])).filter((v) => !e.created.has(v))),
    }));
    (frame.alts ??= new Map()).set(name, alts);
  }
  for (const name of [...frame.vars.keys()]) if (!names.has(name)) frame.vars.delete(name);
  return true;
}

/**
 * The command once per value of the branch-dependent variable its program word names (see
 * branchEvent), with the venvs absent where that value holds; undefined when it names none.
 */
export function perBranch(alts: Map<string, BranchValue[]> | undefined, ex: ExpandedCommand): { ex: ExpandedCommand; absent: Set<string> }[] | undefined {
  const program = ex.argv[0];
  if (!alts?.size || !program) return undefined;
  const refs = program.fragments.flatMap((f, i) => {
    const m = f.kind === 'unknown' && f.why ? /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(f.why) : null;
    return m && alts.has(m[1]) ? [{ i, name: m[1] }] : [];
  });
  if (refs.length !== 1) return undefined;
  const out: { ex: ExpandedCommand; absent: Set<string> }[] = [];
  const seen = new Set<string>();
  for (const alt of alts.get(refs[0].name)!) {
    if (/\s/.test(alt.value) || (alt.value === '' && program.fragments.length === 1) || seen.has(alt.value)) continue;
    seen.add(alt.value);
    const fragments = program.fragments.map((f, i) => (i === refs[0].i ? { kind: 'text' as const, text: alt.value } : f));
    out.push({ ex: { ...ex, argv: [{ ...program, fragments }, ...ex.argv.slice(1)] }, absent: alt.absent });
  }
  return out;
}
