import type { RandomSource } from '../ports.js';

/**
 * When to look at a task again, and how long to wait after a failure. Pure
 * functions of counts, elapsed time and an injected random source, so tests
 * can check every interval exactly.
 */

/** APIMart's own client polls every 2 s; start there. */
export const FIRST_POLL_MS = 2_000;
export const MAX_POLL_MS = 30_000;
export const PARKED_POLL_MS = 5 * 60_000;
/** A job is parked (checked rarely, never failed) after this long, or 3× its estimate if longer. */
export const PARK_AFTER_MS = 30 * 60_000;

const jitter = (ms: number, random: RandomSource) => Math.round(ms * (0.8 + 0.4 * random()));

export interface PollInput {
  polls: number;
  elapsedMs: number;
  estimatedTimeS?: number;
  random: RandomSource;
}

export function shouldPark(elapsedMs: number, estimatedTimeS: number | undefined): boolean {
  const estimateMs = (estimatedTimeS ?? 0) * 1000;
  return elapsedMs > Math.max(PARK_AFTER_MS, 3 * estimateMs);
}

/**
 * Starts at the provider's 2 s and grows 1.25× a poll to 30 s, so a 70 s job is
 * seen finishing within ~20 s of completing while a 10 min job costs ~30 requests, not 300.
 * Jitter spreads many jobs' polls so they don't arrive in bursts.
 */
export function nextPollDelayMs({ polls, elapsedMs, estimatedTimeS, random }: PollInput): number {
  if (shouldPark(elapsedMs, estimatedTimeS)) return jitter(PARKED_POLL_MS, random);
  const grown = Math.min(MAX_POLL_MS, FIRST_POLL_MS * 1.25 ** polls);
  return jitter(grown, random);
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}
export const TRANSIENT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 };
export const RATE_LIMIT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 2 * 60_000 };

/** Capped exponential backoff with "equal jitter": half fixed, half random. */
export function backoffMs(attempt: number, random: RandomSource, opts: BackoffOptions = TRANSIENT_BACKOFF): number {
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
