import type { RandomSource } from '../ports.js';

/**
 * When to look at a task again, and how long to wait after a failure. Pure
 * functions of counts, elapsed time and an injected random source, so tests
 * can check every interval exactly.
 */

/**
 * The provider asks for at least 2 s between two queries of one task (contract §2), and may suggest
 * a longer wait in `next_poll_after_seconds`: no delay here is ever shorter than the larger of the two.
 */
export const MIN_POLL_MS = 2_000;
/** APIMart's own client polls every 2 s; start there. */
export const FIRST_POLL_MS = MIN_POLL_MS;
export const MAX_POLL_MS = 30_000;
export const PARKED_POLL_MS = 5 * 60_000;
/** A job is parked (checked rarely, never failed) after this long, or 3× its estimate if longer. */
export const PARK_AFTER_MS = 30 * 60_000;
/** Jitter adds up to this fraction of a delay, never takes any away. */
export const POLL_JITTER = 0.25;

/** Spreads many jobs' polls apart by lengthening each delay a little: a delay never drops below its base. */
const jitter = (ms: number, random: RandomSource) => Math.round(ms * (1 + POLL_JITTER * Math.min(Math.max(random(), 0), 1)));

/** The shortest wait before the next query of a task: the contract's minimum, or the provider's longer hint. */
export function pollFloorMs(hintS: number | undefined): number {
  const hintMs = hintS !== undefined && Number.isFinite(hintS) && hintS > 0 ? Math.ceil(hintS * 1000) : 0;
  return Math.max(MIN_POLL_MS, hintMs);
}

export interface PollInput {
  polls: number;
  elapsedMs: number;
  estimatedTimeS?: number;
  /** `next_poll_after_seconds` from the provider's last reply about this task. */
  hintS?: number;
  random: RandomSource;
}

export function shouldPark(elapsedMs: number, estimatedTimeS: number | undefined): boolean {
  const estimateMs = (estimatedTimeS ?? 0) * 1000;
  return elapsedMs > Math.max(PARK_AFTER_MS, 3 * estimateMs);
}

/**
 * Starts at the provider's 2 s and grows 1.25× a poll to 30 s, so a 70 s job is
 * seen finishing within ~20 s of completing while a 10 min job costs ~30 requests, not 300.
 * Jitter spreads many jobs' polls so they don't arrive in bursts, only ever later.
 */
export function nextPollDelayMs({ polls, elapsedMs, estimatedTimeS, hintS, random }: PollInput): number {
  const floor = pollFloorMs(hintS);
  if (shouldPark(elapsedMs, estimatedTimeS)) return jitter(Math.max(PARKED_POLL_MS, floor), random);
  const grown = Math.min(MAX_POLL_MS, FIRST_POLL_MS * 1.25 ** polls);
  return jitter(Math.max(grown, floor), random);
}

/** The wait between a submit and the first query of its task. */
export function firstPollDelayMs(hintS: number | undefined): number {
  return Math.max(FIRST_POLL_MS, pollFloorMs(hintS));
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
