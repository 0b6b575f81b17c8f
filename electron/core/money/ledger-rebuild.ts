import type { Job } from '../../../shared/domain/job.js';
import { roundUsd } from '../../../shared/domain/prices.js';
import type { VideoSidecar } from '../../../shared/domain/video.js';

/** What a rebuild reads of a sidecar. */
export type LedgerSidecar = Pick<VideoSidecar, 'provider' | 'jobId' | 'request' | 'cost'> & { timings: Pick<VideoSidecar['timings'], 'createdAt' | 'submittedAt'> };
import { entryFromJob, type LedgerEntry } from './ledger-entry.js';

/** Prices a request with the table in use (for jobs that carry no estimate of their own). */
export type EstimateOf = (request: Job['request']) => { usd: number; asOf: string };

/**
 * The ledger's entries rebuilt from what survives it: the job journal (every
 * job it still holds, with its own estimate, dates and charge) and the
 * sidecars beside the videos (jobs the journal no longer holds: their charge,
 * request and dates; their estimate is priced again with the table in use).
 * Only live (APIMart) jobs: the demo provider charges nothing.
 */
export function rebuildEntries(jobs: readonly Job[], sidecars: readonly LedgerSidecar[], estimate: EstimateOf): LedgerEntry[] {
  const entries = new Map<string, LedgerEntry>();
  for (const job of jobs) {
    if (job.provider !== 'apimart') continue;
    entries.set(job.id, entryFromJob(job, undefined, job.submittedAt ?? job.updatedAt, () => estimate(job.request)));
  }
  for (const s of sidecars) {
    if (s.provider !== 'apimart' || entries.has(s.jobId)) continue;
    const priced = estimate(s.request);
    const sentAt = s.timings.submittedAt ?? s.timings.createdAt;
    const base = {
      jobId: s.jobId,
      createdAt: s.timings.createdAt,
      estimateUsd: roundUsd(priced.usd),
      priceAsOf: priced.asOf,
      submitted: true,
      sentAt,
      ...(s.timings.submittedAt === undefined ? {} : { submittedAt: s.timings.submittedAt }),
    };
    // A saved video was paid for; without a reported cost it counts at its estimate, as it did before.
    entries.set(s.jobId, s.cost.usd === undefined ? { ...base, status: 'estimated' } : { ...base, status: 'charged', chargedUsd: roundUsd(s.cost.usd) });
  }
  return [...entries.values()].sort((a, b) => a.createdAt - b.createdAt || (a.jobId < b.jobId ? -1 : 1));
}
