/** The config-file rule tester (config-lint.ts) for files named Makefile. */
export { applyEdits, siteAt, type Found } from './config-lint.js';
import { configLinter } from './config-lint.js';

export const { analyze, lint, assertSilent } = configLinter('Makefile');
