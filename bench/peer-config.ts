/**
 * What each peer of the benchmark is asked to detect, in one place, so the harness, the worker scripts
 * and bench/README.md agree. Every peer is narrowed to its process-launch checks: the same kind of finding
 * venvguard looks for (a program started by name), so no peer pays for rules venvguard does not have.
 */

/** Bandit's process-launch plugins: subprocess with/without shell, shell-ish calls, os.exec/spawn, partial paths. */
export const BANDIT_TESTS = ['B602', 'B603', 'B604', 'B605', 'B606', 'B607'] as const;

/** Ruff's flake8-bandit ports of the same six checks. */
export const RUFF_RULES = ['S602', 'S603', 'S604', 'S605', 'S606', 'S607'] as const;

/** The npm package holding Ruff's WebAssembly build (Ruff's native binary is not installable here). */
export const RUFF_PACKAGE = '@astral-sh/ruff-wasm-nodejs';
