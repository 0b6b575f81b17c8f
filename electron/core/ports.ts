/**
 * Ports the core needs from its host. The Electron main process, the browser
 * host, the CLI and the tests each inject their own implementations, which is
 * what keeps the core runnable (and provable) under plain Node.
 */

/** The subset of WHATWG fetch the core uses (Node's global fetch satisfies it). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Opaque handle returned by Clock.setTimeout. */
export type TimerHandle = { readonly __timer: unique symbol } | number | object;

/**
 * Time, injected so that backoff, polling and timeouts can be driven by a
 * fake clock in tests instead of real sleeps.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Where the APIMart key comes from. Returns undefined when no key is set. */
export type ApiKeyProvider = () => Promise<string | undefined>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** Structured logger. Every implementation must pass lines through the redactor. */
export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

/** A random source in [0, 1), injected so jitter is deterministic in tests. */
export type RandomSource = () => number;

export const systemClock: Clock = {
  now: () => Date.now(),
  // Timers are deliberately not unref'd: a CLI waiting for its next poll must stay alive.
  // Owners clear their timers on close (JobQueue.close, LibraryIndex.flush).
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const silentLogger: Logger = { log: () => undefined };
