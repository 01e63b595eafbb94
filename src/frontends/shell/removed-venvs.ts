/** Venvs a script made and then removed, remembered per venv map (shell/session.ts writes, config/services.ts reads). */

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
