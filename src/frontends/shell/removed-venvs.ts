/** Venvs a script made and then removed, remembered per venv map (shell/session.ts writes, config/services.ts reads). */
import type { Word } from '../../kernel/word.js';
import { wordText } from '../../kernel/word.js';
import type { VenvOrigin } from '../../kernel/launch-site.js';

/**
 * Venvs a script created and then removed (`rm -rf binary`), per venv map: gone for the commands after
 * the `rm`, but still made by the file — never a venv it only names, in scope from its first line
 * (config/services.ts analyzeWithNamedVenvs; borgmatic's scripts/release made, used and removed
 * `binary` after a by-name `twine`).
 */
const removedAfterCreation = new WeakMap<ReadonlyMap<string, unknown>, Set<string>>();

export function markRemovedAfterCreation(venvs: ReadonlyMap<string, unknown>, venv: string): void {
  let set = removedAfterCreation.get(venvs);
  if (!set) removedAfterCreation.set(venvs, (set = new Set()));
  set.add(venv);
}

/** Whether the script that filled this venv map created `venv` and removed it later. */
export function createdThenRemoved(venvs: ReadonlyMap<string, unknown>, venv: string): boolean {
  return removedAfterCreation.get(venvs)?.has(venv) ?? false;
}

/**
 * `rm -r` of a venv (or a folder holding it): gone from `venvs` for the commands after it, and
 * remembered as made then removed when the script made it. `resolve` makes a path of the script
 * absolute (undefined when unknown).
 */
export function removeVenvs(argv: readonly Word[], venvs: Map<string, VenvOrigin>, resolve: (p: string) => string | undefined): void {
  if (argv.length < 3 || wordText(argv[0]) !== 'rm') return;
  const t = argv.map((w) => wordText(w));
  const opts = t.slice(1).filter((a) => a !== undefined && /^-[A-Za-z]+$/.test(a)).join('');
  if (!/[rR]/.test(opts)) return;
  for (const a of t.slice(1)) {
    if (a === undefined || a.startsWith('-') || /[*?[]/.test(a)) continue;
    const abs = resolve(a);
    if (abs === undefined) continue;
    for (const v of [...venvs.keys()]) {
      if (v !== abs && !v.startsWith(abs === '/' ? '/' : abs + '/')) continue;
      if (venvs.get(v)?.how === 'created') markRemovedAfterCreation(venvs, v);
      venvs.delete(v);
    }
  }
}
