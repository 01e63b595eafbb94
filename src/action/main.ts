/**
 * The GitHub Action: `check` once over the workspace, then workflow annotations on stdout, a SARIF
 * file for github/codeql-action/upload-sarif, a job summary and step outputs, from the one result.
 * Inputs arrive as INPUT_<NAME> variables (actions/runner: the name upper-cased, spaces as `_`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { check, UsageError, ConfigError } from '../api.js';
import { reporters } from '../reporters/index.js';
import { countProblemFiles, plural } from '../reporters/common.js';
import { escapeData } from '../reporters/github.js';
import type { CheckResult } from '../reporters/types.js';
import { ownPackage } from '../kernel/own-package.js';

const VERSION = ownPackage(import.meta.url).version;

export function input(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  const v = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return v === undefined || v.trim() === '' ? fallback : v.trim();
}

/** Words of an input, split on white space outside quotes ('…' and "…", as a shell would). */
export function words(s: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+)/g;
  let m: RegExpExecArray | null;
  let current = '';
  let last = -1;
  while ((m = re.exec(s))) {
    const piece = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]);
    if (m.index === last) current += piece;
    else {
      if (last >= 0) out.push(current);
      current = piece;
    }
    last = re.lastIndex;
  }
  if (last >= 0) out.push(current);
  return out;
}

/** The `args` input: the `check` options that make sense in CI (fixes do not). */
export function checkOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      select: { type: 'string' },
      ignore: { type: 'string' },
      'extend-exclude': { type: 'string' },
      config: { type: 'string' },
      'no-config': { type: 'boolean' },
      'no-respect-gitignore': { type: 'boolean' },
      'max-file-size': { type: 'string' },
      baseline: { type: 'string' },
    },
  });
  const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const size = values['max-file-size'] === undefined ? undefined : Number(values['max-file-size']);
  if (size !== undefined && !(Number.isInteger(size) && size > 0)) throw new UsageError(`args: --max-file-size must be a positive whole number of bytes, not ${values['max-file-size']}`);
  return {
    extraPaths: positionals,
    select: list(values.select),
    ignore: list(values.ignore),
    extendExclude: list(values['extend-exclude']),
    config: values.config,
    noConfig: values['no-config'],
    respectGitignore: values['no-respect-gitignore'] ? false : undefined,
    maxFileSize: size,
    baseline: values.baseline,
  };
}

/** The job summary: counts, then a table of the findings (at most 50 rows). */
export function jobSummary(r: CheckResult): string {
  const lines = ['## venvguard', ''];
  const files = plural(r.filesChecked + r.filesSkipped, 'file');
  const unchecked = countProblemFiles(r.problems.filter((p) => p.kind !== 'not-fixed'));
  if (!r.diagnostics.length && !unchecked) lines.push(`No venv escapes found in ${files}.`);
  else lines.push(`${plural(r.diagnostics.length, 'finding')} in ${files} checked${unchecked ? `; ${plural(unchecked, 'file')} could not be checked completely` : ''}.`);
  if (r.baseline?.hidden) lines.push('', `${plural(r.baseline.hidden, 'finding')} recorded in the baseline \`${r.baseline.file}\` not shown.`);
  if (r.diagnostics.length) {
    lines.push('', '| where | rule | message |', '| --- | --- | --- |');
    const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    for (const d of r.diagnostics.slice(0, 50)) lines.push(`| \`${cell(path.relative(r.cwd, path.resolve(r.cwd, d.path)))}:${d.start.line}\` | ${d.code} \`${d.rule}\` | ${cell(d.message)} |`);
    if (r.diagnostics.length > 50) lines.push('', `…and ${r.diagnostics.length - 50} more (see the annotations or the SARIF file).`);
  }
  return lines.join('\n') + '\n';
}

/** Append `name=value` to the file GITHUB_OUTPUT names (values here are one line). */
function setOutput(env: NodeJS.ProcessEnv, name: string, value: string) {
  if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

/** Runs the action; returns the exit code (0 clean, 1 findings, 2 bad input, 3 not fully checked). */
export async function runAction(env: NodeJS.ProcessEnv = process.env, out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  try {
    const opts = checkOptions(words(input(env, 'args')));
    const paths = [...words(input(env, 'paths', '.')), ...opts.extraPaths];
    const failOnFindings = !/^(false|no|0|off)$/i.test(input(env, 'fail-on-findings', 'true'));
    const sarifPath = input(env, 'sarif', 'venvguard.sarif');
    for (const p of paths) if (!fs.existsSync(path.resolve(workspace, p))) throw new UsageError(`paths: ${p}: no such file or folder in ${workspace}`);
    const { extraPaths: _, ...rest } = opts;
    const result = await check({ ...rest, paths, cwd: workspace });
    const report = { showFixes: 'all' as const, unsafeFixesEnabled: false, version: VERSION, color: false };
    out(reporters.github(result, report));
    if (sarifPath !== 'none') {
      const target = path.resolve(workspace, sarifPath);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, reporters.sarif(result, report));
      setOutput(env, 'sarif', target);
    }
    setOutput(env, 'findings', String(result.diagnostics.length));
    if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(result));
    if (result.diagnostics.length) return failOnFindings ? 1 : 0;
    return result.problems.some((p) => p.kind !== 'not-fixed') ? 3 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out(`::error title=venvguard::${escapeData((e as Error).message)}\n`);
      return 2;
    }
    throw e;
  }
}
