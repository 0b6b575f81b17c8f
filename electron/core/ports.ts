import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * Ports the core needs from its host. The Electron main process, the browser
 * host, the CLI and the tests each inject their own implementations, which is
 * what keeps the core runnable (and provable) under plain Node.
 */

/** The subset of WHATWG fetch the core uses (Node's global fetch satisfies it). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The answer to one GET: status, headers (lower-case names) and the body as a
 * Node stream. node:http's IncomingMessage is one; tests build others to
 * inject faults.
 */
export interface HttpGetResponse extends Readable {
  readonly statusCode?: number;
  readonly headers: IncomingHttpHeaders;
}

export interface HttpGetInit {
  headers: Record<string, string>;
  /** Aborting it ends the request; a body already handed out is destroyed by its reader. */
  signal: AbortSignal;
}

/**
 * One streamed GET, for result files. It follows no redirect (the downloader
 * decides where one may lead and how many to take) and sends only the given
 * headers: never credentials, since result files live on a host the API key
 * must not reach.
 */
export type HttpGet = (url: string, init: HttpGetInit) => Promise<HttpGetResponse>;

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
