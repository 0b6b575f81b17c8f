/** Where a command writes; injected so tests can capture output. */
export interface CliIo {
  stdout: { write(s: string): boolean; isTTY?: boolean };
  stderr: { write(s: string): boolean; isTTY?: boolean };
  /** Registers a Ctrl-C handler; returns an unregister function. */
  onInterrupt(cb: () => void): () => void;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt(cb) {
    process.on('SIGINT', cb);
    process.on('SIGTERM', cb);
    return () => {
      process.off('SIGINT', cb);
      process.off('SIGTERM', cb);
    };
  },
};

/** One line on stderr, prefixed; multi-line messages are folded so scripts can rely on one line. */
export const fail = (io: CliIo, message: string) => io.stderr.write(`keyframe: ${message.replace(/\s*\n\s*/g, ' ')}\n`);

/** `field: message` when the error names a field. */
export const describeAppError = (e: { message: string; field?: string }) => (e.field ? `${e.field}: ${e.message}` : e.message);

/** A promise that settles on Ctrl-C/SIGTERM, and the function that stops listening. */
export function interruption(io: CliIo): { interrupted: Promise<'interrupted'>; stop: () => void } {
  let stop = () => {};
  const interrupted = new Promise<'interrupted'>((resolve) => {
    stop = io.onInterrupt(() => resolve('interrupted'));
  });
  return { interrupted, stop: () => stop() };
}
