/**
 * `venvguard run [options] -- CMD ARGS…`: runs CMD traced (api.trace), prints the report on stderr
 * (CMD's own stdout and stderr pass through untouched), writes --format json|sarif to --output
 * (or stdout) and --html to its file, and sets the exit code:
 *   CMD's own when CMD failed (128+N when a signal N ended it); otherwise 1 when escapes were
 *   seen, 3 when none were seen but tracing could not be installed everywhere, 0 when none;
 *   --no-fail keeps CMD's code always. 2: bad input; 127: CMD names nothing; 126: CMD cannot run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../kernel/errors.js';

export interface RunCommandOptions {
  venv?: string;
  format: 'text' | 'json' | 'sarif';
  output?: string;
  html?: string;
  fail: boolean;
  keep?: boolean;
  version: string;
}

const EXIT = { clean: 0, escapes: 1, error: 2, incomplete: 3 } as const;

/** Where a report file goes: its folder must exist (checked before CMD runs, not after). */
function writable(file: string, option: string): string {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${option} ${file}: the folder ${dir} does not exist`);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) throw new UsageError(`${option} ${file}: is a folder`);
  return abs;
}

export async function runCommand(command: string[], o: RunCommandOptions): Promise<number> {
  if (!command.length) throw new UsageError('no command to run: venvguard run [options] -- CMD [ARGS…]');
  const output = o.output !== undefined ? writable(o.output, '--output') : undefined;
  const html = o.html !== undefined ? writable(o.html, '--html') : undefined;
  if (output && o.format === 'text') throw new UsageError('--output writes --format json or sarif; the text report goes to stderr');
  const [{ trace, CommandError, LaunchError, RULES }, { renderRunText, renderRunJson, renderRunSarif }, { renderRunHtml }] = await Promise.all([
    import('../api.js'),
    import('../env/trace/report.js'),
    import('../env/trace/report-html.js'),
  ]);
  let outcome: Awaited<ReturnType<typeof trace>>;
  try {
    outcome = await trace({ command, venv: o.venv, keep: o.keep });
  } catch (e) {
    if (e instanceof CommandError) {
      process.stderr.write(`venvguard: error: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof LaunchError) {
      process.stderr.write(`venvguard: error: ${e.message}\n`);
      return e.code === 'ENOENT' ? 127 : 126;
    }
    throw e;
  }
  const report = { command, cwd: process.cwd(), expected: outcome.expected, exitCode: outcome.exitCode, signal: outcome.signal, judgement: outcome.judgement, notWatched: outcome.notWatched };
  process.stderr.write(renderRunText(report));
  if (o.keep && outcome.folder) process.stderr.write(`Records kept in ${outcome.folder}\n`);
  if (o.format !== 'text') {
    const text = o.format === 'json' ? renderRunJson(report, o.version) : renderRunSarif(report, RULES, o.version);
    if (output) fs.writeFileSync(output, text);
    else process.stdout.write(text);
  }
  if (html) fs.writeFileSync(html, renderRunHtml(report));
  const own = outcome.signal ? 128 + (os.constants.signals[outcome.signal] ?? 0) : (outcome.exitCode ?? 1);
  if (!o.fail || own !== 0) return own;
  if (outcome.judgement.escapes.length) return EXIT.escapes;
  return outcome.notWatched.length ? EXIT.incomplete : EXIT.clean;
}
