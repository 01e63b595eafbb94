/** The config-file rule tester (config-lint.ts) for GitLab CI pipelines (`.gitlab-ci.yml`). */
export { applyEdits, siteAt, type Found } from './config-lint.js';
import { configLinter } from './config-lint.js';

export const { analyze, lint, assertSilent } = configLinter('.gitlab-ci.yml');
