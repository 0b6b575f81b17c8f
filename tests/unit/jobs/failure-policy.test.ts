import { describe, expect, it } from 'vitest';
import { decideStepFailure, describeStepError, type FailureDecision, type RateLimitState } from '../../../electron/core/jobs/failure-policy.js';
import { diskFullError } from '../../../electron/core/util/fs-errors.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { Job } from '../../../shared/domain/job.js';
import { AppFailure, type AppError, type AppErrorCode } from '../../../shared/errors.js';

/** Which event a failed step becomes, when it runs again, and when the whole queue waits: tables, no queue, no clock. */

const NOW = Date.UTC(2026, 0, 1);
const SEC = 1000;

function makeJob(attempts: number): Job {
  return {
    schema: 'keyframe.job/1',
    id: 'job-1',
    provider: 'apimart',
    createdAt: NOW,
    updatedAt: NOW,
    state: 'generating',
    request: GenerationRequestSchema.parse({ prompt: 'a paper boat' }),
    idempotencyKey: 'keyframe-0d9c7a52-3f1e-4b6a-9a51-1c2d3e4f5a6b',
    frames: [],
    outputDir: '/videos',
    nameTemplate: '{prompt}',
    taskId: 'task_1',
    requestIds: [],
    outputs: [],
    linkRefreshed: false,
    attempts,
    polls: 0,
    parked: false,
    appVersion: '0.0.0-test',
  };
}

const err = (code: AppErrorCode, retryable: boolean, extra: Partial<AppError> = {}): AppError => ({ code, retryable, message: `${code} happened.`, ...extra });
const CALM: RateLimitState = { rateLimitedUntil: 0, consecutive429: 0 };
/** For rows where no jitter may be drawn: drawing one fails the row. */
const NO_RANDOM = (): number => {
  throw new Error('random drawn where no backoff was needed');
};
const fixed = (value: number) => () => value;

type Row = [what: string, error: AppError, attempts: number, queue: RateLimitState, random: () => number, expected: FailureDecision];

const stepFailed = (error: AppError, afterMs: number, queue: RateLimitState = CALM): FailureDecision => ({
  event: { type: 'step_failed', error, retryAt: NOW + afterMs },
  persist: true,
  queue,
});
const rateLimited = (error: AppError, untilMs: number, consecutive429: number): FailureDecision => ({
  event: { type: 'rate_limited', error, retryAt: NOW + untilMs },
  persist: false,
  queue: { rateLimitedUntil: NOW + untilMs, consecutive429 },
});

const NET = err('network', true);
const UNAVAILABLE = err('unavailable', true, { retryAfterMs: 10 * SEC });
const AUTH = err('auth', false);
const DISK = diskFullError('output', 'ENOSPC');
const EXPIRED = err('link_expired', true);
const LIMIT = err('rate_limited', true);
const LIMIT_30S = err('rate_limited', true, { retryAfterMs: 30 * SEC });
const LIMIT_5S = err('rate_limited', true, { retryAfterMs: 5 * SEC });
const LIMITED: RateLimitState = { rateLimitedUntil: NOW + 100 * SEC, consecutive429: 1 };

// Transient backoff: ceiling min(5 min, 1 s × 2^(attempt−1)), half fixed and half jitter.
// Rate-limit backoff: ceiling min(2 min, 5 s × 2^(429s in a row − 1)), the same halves.
const TABLE: Row[] = [
  ['a first transient failure waits 0.5–1 s', NET, 0, CALM, fixed(0.5), stepFailed(NET, 750)],
  ['no jitter: the fixed half', NET, 0, CALM, fixed(0), stepFailed(NET, 500)],
  ['the fourth in a row waits 4–8 s', NET, 3, CALM, fixed(1), stepFailed(NET, 8 * SEC)],
  ['backoff stops growing at 5 min', NET, 40, CALM, fixed(1), stepFailed(NET, 300 * SEC)],
  ['Retry-After wins over backoff', UNAVAILABLE, 7, CALM, NO_RANDOM, stepFailed(UNAVAILABLE, 10 * SEC)],
  ['a non-retryable error is still a step_failed: the machine fails it or asks the person', AUTH, 0, CALM, fixed(0.5), stepFailed(AUTH, 750)],
  ['a full disk is a step_failed: the machine makes the job wait for space', DISK, 1, CALM, fixed(0), stepFailed(DISK, SEC)],
  ['another failure leaves a rate limit in force as it is', NET, 0, LIMITED, fixed(0), stepFailed(NET, 500, LIMITED)],
  ['an expired link becomes link_expired, journaled, with no wait', EXPIRED, 2, CALM, NO_RANDOM, { event: { type: 'link_expired', error: EXPIRED }, persist: true, queue: CALM }],
  ['a 429 pauses the queue for its Retry-After', LIMIT_30S, 0, CALM, NO_RANDOM, rateLimited(LIMIT_30S, 30 * SEC, 1)],
  ['a first 429 without Retry-After waits 2.5–5 s', LIMIT, 0, CALM, fixed(0.5), rateLimited(LIMIT, 3750, 1)],
  ['the fourth 429 in a row waits 20–40 s', LIMIT, 0, { rateLimitedUntil: 0, consecutive429: 3 }, fixed(1), rateLimited(LIMIT, 40 * SEC, 4)],
  ['429 backoff stops growing at 2 min', LIMIT, 0, { rateLimitedUntil: 0, consecutive429: 30 }, fixed(1), rateLimited(LIMIT, 120 * SEC, 31)],
  ['a 429 never counts against the job: its attempts do not matter', LIMIT, 9, CALM, fixed(0.5), rateLimited(LIMIT, 3750, 1)],
  ['a shorter Retry-After never shortens a pause already in force', LIMIT_5S, 0, LIMITED, NO_RANDOM, rateLimited(LIMIT_5S, 100 * SEC, 2)],
  ['a longer one extends it', LIMIT_30S, 0, { rateLimitedUntil: NOW + 10 * SEC, consecutive429: 1 }, NO_RANDOM, rateLimited(LIMIT_30S, 30 * SEC, 2)],
];

describe('failure policy: what a failed step becomes', () => {
  it.each(TABLE)('%s', (_what, error, attempts, queue, random, expected) => {
    expect(decideStepFailure(makeJob(attempts), error, queue, NOW, random)).toEqual(expected);
  });

  it('draws at most one random number per decision', () => {
    let draws = 0;
    const counting = () => (draws++, 0.5);
    for (const [, error, attempts, queue] of TABLE) decideStepFailure(makeJob(attempts), error, queue, NOW, counting);
    expect(draws).toBe(TABLE.filter(([, , , , random]) => random !== NO_RANDOM).length);
  });
});

const DISKS = { dataDir: '/home/me/.config/Keyframe', outputDir: '/media/videos' };
const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: something, write`), { code, ...(path === undefined ? {} : { path }) });

describe('failure policy: a thrown value as the job shows it', () => {
  const TABLE_ERRORS: [what: string, thrown: unknown, expected: AppError][] = [
    ['an AppFailure keeps its error', new AppFailure(AUTH), AUTH],
    ['a full disk under the data folder', errno('ENOSPC', '/home/me/.config/Keyframe/jobs/job-1.json'), diskFullError('data', 'ENOSPC')],
    ['a full disk at the data folder itself', errno('ENOSPC', '/home/me/.config/Keyframe'), diskFullError('data', 'ENOSPC')],
    ['a full disk under the output folder', errno('ENOSPC', '/media/videos/boat.mp4.part'), diskFullError('output', 'ENOSPC')],
    ['a quota under the output folder', errno('EDQUOT', '/media/videos/boat.mp4'), diskFullError('output', 'EDQUOT')],
    ['a full disk elsewhere', errno('ENOSPC', '/tmp/x'), diskFullError('unknown', 'ENOSPC')],
    ['a folder that only shares a prefix is elsewhere', errno('ENOSPC', '/media/videos-old/boat.mp4'), diskFullError('unknown', 'ENOSPC')],
    ['a full disk with no path', errno('ENOSPC'), diskFullError('unknown', 'ENOSPC')],
    ['another file-system error is unexpected', errno('EACCES', '/media/videos/boat.mp4'), { code: 'internal', key: 'internal.step', retryable: false, message: 'Something unexpected went wrong in this step.', detail: 'EACCES: something, write' }],
    ['a bug is unexpected', new TypeError('x is undefined'), { code: 'internal', key: 'internal.step', retryable: false, message: 'Something unexpected went wrong in this step.', detail: 'x is undefined' }],
    ['a thrown string', 'boom', { code: 'internal', key: 'internal.step', retryable: false, message: 'Something unexpected went wrong in this step.', detail: 'boom' }],
  ];

  it.each(TABLE_ERRORS)('%s', (_what, thrown, expected) => {
    expect(describeStepError(thrown, DISKS)).toEqual(expected);
  });
});
