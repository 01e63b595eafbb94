#!/usr/bin/env node
/**
 * The `venvguard` command (the package's `bin`, bundled as dist/cli/main.js): `doctor` and
 * `--version` run from here without loading the command-line parser and the check pipeline, since
 * doctor's whole cost should be a Node start plus a Python start (README "doctor"); everything
 * else, and every invocation fast-path.ts does not recognise, goes to the commander program
 * (main.ts). No top-level await: the bundle of this file is a CommonJS script (scripts/bundle.ts).
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

const fast = fastCommand(process.argv.slice(2));
void (fast ? runFast(fast) : import('./main.js'));
