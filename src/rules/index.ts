/** The rule registry: every rule, in code order. Docs and SARIF metadata are generated from it. */
import type { Rule } from '../kernel/rule.js';
import { bareConsoleScript } from './bare-console-script.js';
import { barePip } from './bare-pip.js';
import { barePythonInterpreter } from './bare-python-interpreter.js';
import { envWithoutPath } from './env-without-path.js';
import { pathReliantLaunch } from './path-reliant-launch.js';
import { nameNotLookedUp } from './name-not-looked-up.js';
import { activationDoesNotPersist } from './activation-does-not-persist.js';
import { venvNotOnPath } from './venv-not-on-path.js';
import { systemInterpreterPath } from './system-interpreter-path.js';
import { sourceInSh } from './source-in-sh.js';
import { activateNotSourced } from './activate-not-sourced.js';
import { virtualEnvWithoutPath } from './virtual-env-without-path.js';

export const RULES: readonly Rule[] = [
  // Python source
  barePythonInterpreter,
  barePip,
  bareConsoleScript,
  systemInterpreterPath,
  envWithoutPath,
  pathReliantLaunch,
  nameNotLookedUp,
  // CI/CD and container configuration
  venvNotOnPath,
  activationDoesNotPersist,
  sourceInSh,
  activateNotSourced,
  virtualEnvWithoutPath,
];

/** The rules that judge configuration files (Dockerfile …), where a venv must be in scope. */
export const CONFIG_RULES: readonly Rule[] = RULES.filter((r) => r.judges === 'config');

export function ruleByCodeOrName(key: string): Rule | undefined {
  return RULES.find((r) => r.code === key.toUpperCase() || r.name === key);
}
