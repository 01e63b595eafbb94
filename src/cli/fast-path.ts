/**
 * The invocations the entry point (entry.ts) serves without loading the command-line parser: `--version`
 * alone, and `doctor` with well-formed options. Everything else — help, a usage error, an option
 * value that starts with `-` or is empty, any other command — returns undefined and goes to the
 * commander program (main.ts), which prints the help and the errors. So a fast invocation means
 * what commander would make of it: `--python V` and `--python=V`, `--format text|json` (also with
 * `=`), `--static`, the last of a repeated option winning.
 */
import type { DoctorCommand } from './doctor.js';

export type FastCommand = { command: 'version' } | ({ command: 'doctor' } & DoctorCommand);

export function fastCommand(args: readonly string[]): FastCommand | undefined {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return { command: 'version' };
  if (args[0] !== 'doctor') return undefined;
  const o: FastCommand = { command: 'doctor', static: false, format: 'text' };
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '--static') {
      o.static = true;
      continue;
    }
    const m = /^--(python|format)(?:=([^]*))?$/.exec(args[i]);
    if (!m) return undefined;
    const value = m[2] ?? args[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (m[1] === 'python') o.python = value;
    else if (value === 'text' || value === 'json') o.format = value;
    else return undefined;
  }
  return o;
}
