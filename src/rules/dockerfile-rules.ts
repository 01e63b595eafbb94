/** The Dockerfile rules, for the registry (src/rules/index.ts). */
import type { Rule } from '../core/rule.js';
import { activationDoesNotPersist } from './activation-does-not-persist.js';
import { venvNotOnPath } from './venv-not-on-path.js';

export const DOCKERFILE_RULES: Rule[] = [venvNotOnPath, activationDoesNotPersist];
