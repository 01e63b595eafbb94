/**
 * What the command line does when its own output cannot be written.
 *
 * - The reader went away (EPIPE: `venvguard check . | head -1`): that is how pipes end, not an
 *   error. Nothing more is written and nothing is said; the exit code stays the one the findings
 *   deserve (0 clean, 1 findings, 3 incomplete), as it would for a command that printed it all.
 * - Any other write error (ENOSPC from `> /dev/full`, EIO, EBADF …): the output is lost, so the
 *   run failed. One line on stderr names the stream and the error, and the exit code is 2.
 *
 * Node reports these as 'error' events on process.stdout/stderr, after the write call returned;
 * unhandled, each printed a stack trace and exited 1 whatever the findings were.
 */

type Stream = NodeJS.WriteStream;

/** Install the handlers once, before anything is written; `errorExit` is the usage/internal error code. */
export function guardOutput(errorExit: number, streams: { stdout: Stream; stderr: Stream } = process): void {
  let failed = false;
  let said = false;
  const onError = (name: 'stdout' | 'stderr') => (e: NodeJS.ErrnoException) => {
    // After a broken pipe, later writes fail with ERR_STREAM_DESTROYED: the same ending.
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    failed = true;
    if (said || name === 'stderr') return; // a broken stderr cannot be told about
    said = true;
    try {
      streams.stderr.write(`venvguard: error: cannot write the output to ${name}: ${e.code ?? ''}${e.code ? ': ' : ''}${describe(e)}\n`);
    } catch {
      /* nothing more can be said */
    }
  };
  streams.stdout.on('error', onError('stdout'));
  streams.stderr.on('error', onError('stderr'));
  // Set last, so that no later `process.exitCode = …` (the findings' code) replaces it.
  process.on('exit', () => {
    if (failed) process.exitCode = errorExit;
  });
}

/** The system's words for the error, without Node's `ENOSPC: ` prefix and `, write` suffix. */
function describe(e: NodeJS.ErrnoException): string {
  return e.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
}

/**
 * Writes a report's pieces to a stream as fast as the reader takes them. To a pipe (`venvguard check
 * --output-format json | jq …`) Node writes asynchronously: pieces written faster than the reader
 * reads are queued in memory, and a 169 MB JSON report (16,000 files with eight findings each) took
 * the process to 1.3 GB, against 217 MB written to a file. So the next piece waits for 'drain'; a
 * stream that closes or fails (the reader went away: output.ts's handlers decide what that means)
 * ends the wait, and nothing more is written to it.
 */
export async function writePieces(stream: NodeJS.WritableStream & { destroyed?: boolean }, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (stream.destroyed) return;
    if (stream.write(piece)) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  }
}
