import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain/generation.js';
import type { Job } from '../../../shared/domain/job.js';
import { estimateCost } from '../../../shared/domain/prices.js';

/** Journal jobs for the money tests, at the points of their life the ledger cares about. */

export const T0 = Date.UTC(2026, 8, 14, 9);
export const HOUR = 3600_000;

export function liveJob(id: string, patch: Partial<Job> = {}, request: GenerationRequestInput = { prompt: `clip ${id}` }): Job {
  const req = GenerationRequestSchema.parse(request);
  const est = estimateCost(req);
  return {
    schema: 'keyframe.job/1',
    id,
    provider: 'apimart',
    createdAt: T0,
    updatedAt: T0,
    state: 'queued',
    request: req,
    idempotencyKey: `key-${id}`,
    frames: [],
    outputDir: '/videos',
    nameTemplate: '{prompt}',
    requestIds: [],
    outputs: [],
    linkRefreshed: false,
    attempts: 0,
    polls: 0,
    parked: false,
    appVersion: '0.0.0-test',
    estimateUsd: est.usd,
    priceAsOf: est.asOf,
    ...patch,
  };
}

/** The same job sent and accepted (a task exists) at `at`. */
export const generating = (job: Job, at: number): Job => ({ ...job, state: 'generating', taskId: `task-${job.id}`, submittedAt: at, updatedAt: at });
/** Done, with the provider's reported cost. */
export const charged = (job: Job, costUsd: number, at: number): Job => ({ ...generating(job, job.submittedAt ?? at), state: 'done', costUsd, completedAt: at, updatedAt: at });
/** The task failed (refusals are not charged). */
export const failedTask = (job: Job, at: number): Job => ({ ...generating(job, job.submittedAt ?? at), state: 'failed', updatedAt: at });
