/** Helpers for the script and service front-end tests: the shared config-file tester's. */
export { applyEdits, argvText, configLinter, positions, siteAt, type Found } from './config-lint.js';
