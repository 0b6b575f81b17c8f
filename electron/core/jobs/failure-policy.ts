import { resolve, sep } from 'node:path';
import { appError, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure, type AppError } from '../../../shared/errors.js';
import type { Job } from '../../../shared/domain/job.js';
import type { RandomSource } from '../ports.js';
import { diskFullError, errnoCode, isDiskFull } from '../util/fs-errors.js';
import type { DiskPlace } from '../util/fs-refusal.js';
import type { JobEvent } from './job-machine.js';
import { RATE_LIMIT_BACKOFF, backoffMs } from './poll-policy.js';

/**
 * What a failed step means, decided without a queue or a clock: which error a
 * thrown value is, which event it becomes, when the job is tried again, and
 * whether the whole queue waits. These decide money and data (a retry that
 * re-submits, a link lost for good), so they are pure functions the tests run
 * as tables; JobQueue only applies the decision.
 */

/** The queue-wide rate-limit state a decision reads and replaces. */
export interface RateLimitState {
  /** The queue sends nothing before this time (ms since the epoch; 0 when not limited). */
  rateLimitedUntil: number;
  /** 429s in a row without a step succeeding in between (drives the queue-wide backoff). */
  consecutive429: number;
}

export interface FailureDecision {
  event: Extract<JobEvent, { type: 'rate_limited' | 'link_expired' | 'step_failed' }>;
  /** Whether the event is journaled first. A rate-limit wait is not: a restart schedules every job afresh anyway. */
  persist: boolean;
  /** The queue's rate-limit state after this failure. */
  queue: RateLimitState;
}

/**
 * The event a step failure of `job` becomes. `now` and `random` are the only
 * sources of time and jitter; `random` is drawn only when a backoff is needed
 * and the provider gave no Retry-After.
 */
export function decideStepFailure(job: Job, error: AppError, queue: RateLimitState, now: number, random: RandomSource): FailureDecision {
  if (error.code === 'rate_limited') {
    // One 429 pauses everyone: hammering a rate limit from N jobs only extends it.
    const consecutive429 = queue.consecutive429 + 1;
    const wait = error.retryAfterMs ?? backoffMs(consecutive429, random, RATE_LIMIT_BACKOFF);
    const rateLimitedUntil = Math.max(queue.rateLimitedUntil, now + wait);
    return { event: { type: 'rate_limited', error, retryAt: rateLimitedUntil }, persist: false, queue: { rateLimitedUntil, consecutive429 } };
  }
  if (error.code === 'link_expired') {
    return { event: { type: 'link_expired', error }, persist: true, queue };
  }
  // The state machine decides retry, fail or ask the person; this only says when a retry may run.
  const retryAt = now + (error.retryAfterMs ?? backoffMs(job.attempts + 1, random));
  return { event: { type: 'step_failed', error, retryAt }, persist: true, queue };
}

/** Where a job keeps its files, to tell which disk a full-disk error is about. */
export interface JobDisks {
  dataDir: string;
  outputDir: string;
}

/** A step's thrown value as the job will show it; a full disk reads as such wherever it was hit. */
export function describeStepError(err: unknown, disks: JobDisks): AppError {
  if (err instanceof AppFailure) return err.app;
  if (isDiskFull(err)) return diskFullError(diskOf(err, disks), errnoCode(err));
  return appError('internal', errorMessage('internal.step'), { retryable: false, detail: errorText(err) });
}

/** Which disk an errno error is about, from the path Node puts on it. */
function diskOf(err: unknown, disks: JobDisks): DiskPlace {
  const path = typeof err === 'object' && err !== null && 'path' in err && typeof err.path === 'string' ? resolve(err.path) : undefined;
  if (path === undefined) return 'unknown';
  const inside = (dir: string) => path === resolve(dir) || path.startsWith(resolve(dir) + sep);
  if (inside(disks.dataDir)) return 'data';
  if (inside(disks.outputDir)) return 'output';
  return 'unknown';
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
