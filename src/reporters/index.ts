/**
 * The reporters by `--format` name. Each renders the same CheckResult; the CLI picks one and writes
 * its string to stdout.
 */
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { Reporter } from './types.js';

export type ReporterName = 'text' | 'json' | 'sarif' | 'github';

export const reporters: Record<ReporterName, Reporter> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  github: renderGithub,
};

export type { CheckResult, ReportOptions, Reporter } from './types.js';
