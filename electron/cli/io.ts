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

export const fail = (io: CliIo, message: string) => io.stderr.write(`keyframe: ${message}\n`);
