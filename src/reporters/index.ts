/**
 * The reporters by `--output-format` name. Each renders the same ReportInput; the CLI picks one and writes
 * its string to stdout.
 */
import { githubPieces, renderGithub } from './github.js';
import { jsonReportChunks, renderJson } from './json.js';
import { renderSarif, sarifLogChunks } from './sarif.js';
import { concisePieces, fullPieces, renderConcise, renderFull } from './text.js';
import type { OutputFormat } from '../kernel/output-formats.js';
import type { ReportInput, ReportOptions, Reporter } from './types.js';

/** `--output-format`: the two text styles and the machine formats. */
export type ReporterName = OutputFormat;

export const reporters: Record<ReporterName, Reporter> = {
  concise: renderConcise,
  full: renderFull,
  json: renderJson,
  sarif: renderSarif,
  github: renderGithub,
};

/**
 * Every format also in pieces of about 64 KB, which the CLI writes as they come: a report of tens
 * of thousands of findings is never one string (the pieces join to the reporter's text).
 */
export const chunkedReporters: Record<ReporterName, (r: ReportInput, o: ReportOptions) => Iterable<string>> = {
  concise: concisePieces,
  full: fullPieces,
  json: jsonReportChunks,
  sarif: sarifLogChunks,
  github: githubPieces,
};

export type { ReportInput, ReportOptions, Reporter } from './types.js';
