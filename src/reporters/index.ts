/**
 * The reporters by `--output-format` name. Each renders the same CheckResult; the CLI picks one and writes
 * its string to stdout.
 */
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderConcise, renderFull } from './text.js';
import type { OutputFormat } from '../kernel/output-formats.js';
import type { Reporter } from './types.js';

/** `--output-format`: the two text styles and the machine formats. */
export type ReporterName = OutputFormat;

export const reporters: Record<ReporterName, Reporter> = {
  concise: renderConcise,
  full: renderFull,
  json: renderJson,
  sarif: renderSarif,
  github: renderGithub,
};

export type { CheckResult, ReportOptions, Reporter } from './types.js';
