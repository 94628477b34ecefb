/**
 * Writing results to standard output in a pipeline.
 *
 * - `kb … | head -1`: once the reader has gone, a write fails with EPIPE. That
 *   is the reader's choice, not an error: kb stops at once and exits 0,
 *   quietly (no stack trace, no message).
 * - A slow reader (`kb … | gzip > out`) makes writes queue up; `write` waits
 *   for the stream to drain, so memory stays constant however much is written.
 */

let onClosed: (() => void) | undefined;

/** Call once at start: a closed standard output (or error output) ends kb quietly with exit 0. */
export function exitQuietlyWhenOutputCloses(): void {
  const handle = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      onClosed?.();
      process.exit(0);
    }
    throw error;
  };
  process.stdout.on('error', handle);
  process.stderr.on('error', handle);
}

/** Runs `cleanup` (ending worker threads, say) before a quiet exit on a closed pipe. */
export function onOutputClosed(cleanup: () => void): void {
  onClosed = cleanup;
}

/** Writes `text` to standard output, waiting while the pipe is full. */
export function write(text: string): Promise<void> | void {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** Resolves once everything written so far has been handed to the operating system. */
export function flush(): Promise<void> {
  return new Promise((resolve) => process.stdout.write('', () => resolve()));
}
