#!/usr/bin/env node
/**
 * The `venvguard` command (the package's `bin`, bundled as dist/cli/main.js): `doctor` and
 * `--version` run from here (fast.ts) without loading the command-line parser and the check
 * pipeline, since doctor's whole cost should be a Node start plus a Python start (README
 * "doctor"); everything else, and every invocation fast-path.ts does not recognise, goes to the
 * commander program (main.ts). No top-level await: the bundle of this file is a CommonJS script
 * (scripts/bundle.ts).
 */
import { startFast } from './fast.js';

// In the bundle both are scripts compiled with their code caches (scripts/bundle.ts).
if (!startFast(process.argv.slice(2))) void import('./main.js');
