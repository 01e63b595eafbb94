/** The config-file rule tester (config-lint.ts) for GitHub Actions workflows. */
export { applyEdits, siteAt, type Found } from './config-lint.js';
import { configLinter } from './config-lint.js';

export const { analyze, lint, assertSilent } = configLinter('.github/workflows/ci.yml');
