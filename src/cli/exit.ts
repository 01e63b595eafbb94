/**
 * The command line's exit codes, and how a failure that reached the top is told: shared by the
 * commander program (main.ts) and the entry point's fast path (entry.ts), which must end the same.
 * Imports nothing beyond the error classes, so that the entry point loads it for nothing.
 */
import { ConfigError, UsageError } from '../kernel/errors.js';

export const EXIT = { clean: 0, findings: 1, error: 2, incomplete: 3 } as const;

/**
 * Say what went wrong (nothing for commander's own errors, which it has already printed) and return
 * the exit code: 0 after `--help` or `--version`, 2 otherwise.
 */
export function reportFailure(e: unknown): number {
  const err = e as Error & { code?: string; exitCode?: number };
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
  if (typeof err.code === 'string' && err.code.startsWith('commander.')) return EXIT.error;
  if (err instanceof UsageError || err instanceof ConfigError) process.stderr.write(`venvguard: error: ${err.message}\n`);
  else process.stderr.write(`venvguard: internal error: ${err.stack ?? err.message}\n`);
  return EXIT.error;
}
