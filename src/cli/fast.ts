/**
 * The commands the entry point runs itself (see fast-path.ts for which command lines): `--version`,
 * and `doctor` without commander or the check pipeline. In the bundle this is dist/cli/fast.js,
 * compiled with a V8 code cache (code-cache.ts, scripts/bundle.ts).
 */
import { EXIT, reportFailure } from './exit.js';
import { fastCommand, type FastCommand } from './fast-path.js';
import { guardOutput } from './output.js';

async function runFast(fast: FastCommand): Promise<void> {
  guardOutput(EXIT.error); // as main.ts does: EPIPE ends quietly; other write errors exit 2
  try {
    if (fast.command === 'version') {
      const { ownPackage } = await import('./version.js');
      process.stdout.write(`${ownPackage().version}\n`);
    } else {
      const { runDoctor } = await import('./doctor.js');
      await runDoctor(fast);
    }
  } catch (e) {
    process.exitCode = reportFailure(e);
  }
}

/** Start the command when `args` is one fast-path.ts recognises; false (nothing done) otherwise. */
export function startFast(args: readonly string[]): boolean {
  const fast = fastCommand(args);
  if (!fast) return false;
  void runFast(fast);
  return true;
}
