import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_DURATION_MS, startFakeApimart } from './fake-apimart.js';

/**
 * Runs the fake APIMart as the app's demo provider: time-driven progress, any
 * bearer token accepted, nothing charged. Prints one JSON line with the two
 * URLs so a parent process can pick them up, and stays up until SIGINT/SIGTERM
 * (or `signal` aborts, which is how tests and embedding callers stop it).
 *
 * Options: --port N, --file-port N, --duration-ms N (time to "generate" a video).
 */

export interface DemoServerIo {
  /** Where the URL line goes (default: process.stdout). */
  write?: (line: string) => void;
  /** Stops the server when aborted, in addition to SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

export async function main(argv: readonly string[], io: DemoServerIo = {}): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'file-port': { type: 'string' },
      'duration-ms': { type: 'string' },
    },
    strict: true,
  });
  const port = toInt(values.port, 0, '--port');
  const filePort = toInt(values['file-port'], 0, '--file-port');
  const durationMs = toInt(values['duration-ms'], DEFAULT_DEMO_DURATION_MS, '--duration-ms');

  const fake = await startFakeApimart({ apiKey: null, progress: { mode: 'time', durationMs }, port, filePort });
  const write = io.write ?? ((line: string) => void process.stdout.write(line));
  write(`${JSON.stringify({ apiUrl: fake.apiUrl, fileUrl: fake.fileUrl })}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop);
  });
  await fake.close();
  return 0;
}

function toInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

// Allow `node dist/electron/core/demo/run-demo-server.js` without the CLI.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
