import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GenerationRequestSchema, type GenerationRequestInput } from '../../../shared/domain/generation.js';
import { JobSchema, type Job } from '../../../shared/domain/job.js';
import { BUNDLED_PRICE_TABLE, estimateCost, roundUsd } from '../../../shared/domain/prices.js';

/**
 * A month of live jobs, written to the job journal before the host starts, as
 * a person who has used Keyframe for a few weeks would have it. The host finds
 * no spending ledger and rebuilds it from these (every figure the Spending
 * view shows comes through main, as in use). Days count back from `now`.
 */

const DAY_MS = 86_400_000;

interface PastJob {
  daysAgo: number;
  prompt: string;
  request?: Omit<GenerationRequestInput, 'prompt'>;
  /** What the provider charged, as a share of the estimate; 'failed': not charged. */
  billed?: number | 'failed';
}

const QUALITY = { model: 'veo3.1-quality-official' } as const;

export const PAST_JOBS: readonly PastJob[] = [
  { daysAgo: 27, prompt: 'Drone shot over a misty pine forest at dawn, slow descent' },
  { daysAgo: 26, prompt: 'Neon-lit ramen stall in the rain, handheld, shallow focus', request: { resolution: '1080p' } },
  { daysAgo: 22, prompt: 'A paper boat drifting down a rainy street, cinematic', request: { ...QUALITY } },
  { daysAgo: 22, prompt: 'A paper boat drifting down a rainy street, close-up', request: { ...QUALITY }, billed: 'failed' },
  { daysAgo: 19, prompt: 'Lanterns rising over a dark lake, slow pan', request: { sample_count: 2 } },
  { daysAgo: 15, prompt: 'Macro shot of ink blooming in water, black background', request: { ...QUALITY, generate_audio: true } },
  { daysAgo: 12, prompt: 'A cyclist crossing a bridge at golden hour, tracking shot' },
  { daysAgo: 9, prompt: 'Waves rolling onto a black sand beach, aerial', request: { resolution: '1080p', duration: 6 } },
  { daysAgo: 8, prompt: 'Snow falling on a quiet city square at night', request: { ...QUALITY }, billed: 1.05 },
  { daysAgo: 5, prompt: 'Time-lapse of clouds over a mountain ridge', request: { duration: 4, sample_count: 3 } },
  { daysAgo: 3, prompt: 'A chef plating a dessert, overhead, soft light', request: { ...QUALITY, resolution: '1080p' } },
  { daysAgo: 2, prompt: 'Koi fish circling in a garden pond, top-down', billed: 0.95 },
  { daysAgo: 1, prompt: 'Hot air balloons over a valley at sunrise', request: { ...QUALITY, generate_audio: true, duration: 6 } },
];

function pastJob(p: PastJob, index: number, now: number): Job {
  const request = GenerationRequestSchema.parse({ prompt: p.prompt, ...p.request });
  const estimate = estimateCost(request, BUNDLED_PRICE_TABLE);
  const at = now - p.daysAgo * DAY_MS;
  const id = `job-past-${String(index).padStart(2, '0')}`;
  const sent = { taskId: `task-past-${index}`, submittedAt: at, updatedAt: at + 90_000 };
  const end =
    p.billed === 'failed'
      ? { state: 'failed' as const }
      : { state: 'done' as const, costUsd: roundUsd(estimate.usd * (p.billed ?? 1)), completedAt: at + 90_000 };
  return JobSchema.parse({
    schema: 'keyframe.job/1',
    id,
    provider: 'apimart',
    createdAt: at - 5_000,
    request,
    idempotencyKey: `idem-${id}`,
    frames: [],
    outputDir: '/videos',
    nameTemplate: '{prompt}',
    requestIds: [],
    outputs: [],
    appVersion: '0.1.0',
    estimateUsd: estimate.usd,
    priceAsOf: estimate.asOf,
    ...sent,
    ...end,
  });
}

/** Writes the past jobs into `<data>/jobs/`, dated back from `now`. */
export function writePastJobs(dataDir: string, now: number): void {
  const dir = join(dataDir, 'jobs');
  mkdirSync(dir, { recursive: true });
  PAST_JOBS.forEach((p, i) => {
    const job = pastJob(p, i, now);
    writeFileSync(join(dir, `${job.id}.json`), JSON.stringify(job));
  });
}

