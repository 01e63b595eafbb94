/** The rule registry: every rule, in code order. Docs and SARIF metadata are generated from it. */
import type { Rule } from '../core/rule.js';
import { bareConsoleScript } from './bare-console-script.js';
import { barePip } from './bare-pip.js';
import { barePythonInterpreter } from './bare-python-interpreter.js';
import { envWithoutPath } from './env-without-path.js';
import { DOCKERFILE_RULES } from './dockerfile-rules.js';
import { systemInterpreterPath } from './system-interpreter-path.js';

export const RULES: readonly Rule[] = [barePythonInterpreter, barePip, bareConsoleScript, systemInterpreterPath, envWithoutPath, ...DOCKERFILE_RULES];

export function ruleByCodeOrName(key: string): Rule | undefined {
  return RULES.find((r) => r.code === key.toUpperCase() || r.name === key);
}
