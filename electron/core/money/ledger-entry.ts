import { z } from 'zod';
import { ID_MAX, SHORT_TEXT_MAX, boundedText } from '../../../shared/domain/bounds.js';
import { isStarted, type Job } from '../../../shared/domain/job.js';
import { IsoDateSchema, roundUsd } from '../../../shared/domain/prices.js';
import { SPEND_STATUSES } from '../../../shared/ipc/views.js';

/**
 * One live job's money, as the spending ledger keeps it: the estimate it was
 * queued with, whether it was sent (from then on it counts against the caps at
 * its estimate), and what the provider charged. Derived from the job's own
 * snapshots (entryFromJob), so the ledger can always be rebuilt from the
 * journal, and read back from disk through a bounded schema.
 *
 *   waiting      queued or held for approval: nothing sent, nothing counted
 *   estimated    sent (or about to be): counts at its estimate until a charge is known
 *   charged      the provider reported the cost: counts at that
 *   not_charged  failed, refused, or stopped before it was sent: counts 0
 */

const Usd = z.number().nonnegative().max(1_000_000);

export const LedgerEntrySchema = z.object({
  jobId: boundedText('Job id', ID_MAX),
  createdAt: z.number(),
  estimateUsd: Usd,
  priceAsOf: boundedText('Price table date', SHORT_TEXT_MAX).optional(),
  status: z.enum(SPEND_STATUSES),
  /** When the job was cleared to be sent: the moment it started to count. */
  sentAt: z.number().optional(),
  /** When the provider accepted the task (the job's own record, so a rebuild dates it the same). */
  submittedAt: z.number().optional(),
  /** The job reached the submit step: a task may exist, so stopping it no longer means "not charged". */
  submitted: z.boolean(),
  chargedUsd: Usd.optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** A day folded out of the per-job list (the ledger is bounded): its totals survive. */
export const ArchivedDaySchema = z.object({
  day: IsoDateSchema,
  chargedUsd: Usd,
  estimatedUsd: Usd,
  jobs: z.number().int().nonnegative(),
  /** The newest job folded into it (by creation): an older job not in the ledger was folded, and is not entered twice. */
  throughCreatedAt: z.number(),
});
export type ArchivedDay = z.infer<typeof ArchivedDaySchema>;

/** What an entry counts for (the caps and the totals): the charge where known, else the estimate once sent. */
export function spentOf(e: LedgerEntry): { chargedUsd: number; estimatedUsd: number } {
  if (e.status === 'charged') return { chargedUsd: e.chargedUsd ?? 0, estimatedUsd: 0 };
  if (e.status === 'estimated') return { chargedUsd: 0, estimatedUsd: e.estimateUsd };
  return { chargedUsd: 0, estimatedUsd: 0 };
}

/** Whether an entry counts as money spent or on its way. */
export const counts = (e: LedgerEntry): boolean => e.status === 'estimated' || e.status === 'charged';

/**
 * The moment an entry belongs to (its day): when the provider accepted it, else when it was
 * cleared to be sent, else when it was queued. The journal and the sidecars record the first,
 * so a ledger rebuilt from them puts every job on the same day as before.
 */
export const momentOf = (e: LedgerEntry): number => e.submittedAt ?? e.sentAt ?? e.createdAt;

/** Steps at or after which the job's body may have reached the provider. */
const SUBMITTED_STATES: readonly Job['state'][] = ['submitting', 'generating', 'downloading', 'done', 'expired'];

/**
 * The entry for a live job's latest snapshot, given its previous entry. `now`
 * stamps `sentAt` when the ledger first sees the job started (a job recovered
 * from the journal already past queued); the budget check stamps it first in
 * the normal course (markSent). `fallbackEstimate` prices a job journaled
 * before estimates were recorded.
 */
export function entryFromJob(job: Job, prev: LedgerEntry | undefined, now: number, fallbackEstimate: () => { usd: number; asOf: string }): LedgerEntry {
  const fallback = job.estimateUsd === undefined && prev === undefined ? fallbackEstimate() : undefined;
  const estimateUsd = job.estimateUsd ?? prev?.estimateUsd ?? fallback?.usd ?? 0;
  const priceAsOf = job.priceAsOf ?? prev?.priceAsOf ?? fallback?.asOf;
  const submitted =
    (prev?.submitted ?? false) ||
    SUBMITTED_STATES.includes(job.state) ||
    job.taskId !== undefined ||
    (job.state === 'needs_attention' && job.attentionFrom !== undefined && SUBMITTED_STATES.includes(job.attentionFrom));
  const started = submitted || isStarted(job.state) || (job.state === 'needs_attention' && job.attentionFrom !== undefined && job.attentionFrom !== 'queued');
  // Held for approval: not sent, whatever an earlier check cleared; it counts again once cleared anew.
  const held = job.state === 'needs_approval' && !submitted;
  const sentAt = held ? undefined : (prev?.sentAt ?? (started ? (job.submittedAt ?? now) : undefined));
  const base = {
    jobId: job.id,
    createdAt: job.createdAt,
    estimateUsd: roundUsd(estimateUsd),
    ...(priceAsOf === undefined ? {} : { priceAsOf }),
    submitted,
    ...(sentAt === undefined ? {} : { sentAt }),
    ...(job.submittedAt === undefined ? {} : { submittedAt: job.submittedAt }),
  };
  if (job.costUsd !== undefined && job.costUsd >= 0) return { ...base, status: 'charged', chargedUsd: roundUsd(job.costUsd) };
  // Failed tasks (refusals included) are not charged, and a job that failed before its task existed never reached the provider.
  if (job.state === 'failed') return { ...base, status: 'not_charged', chargedUsd: 0 };
  if (job.state === 'stopped' && !submitted) return { ...base, status: 'not_charged', chargedUsd: 0 };
  if (sentAt !== undefined) return { ...base, status: 'estimated' };
  return { ...base, status: 'waiting' };
}

/** The same entry, cleared to be sent at `at` (it counts from now on). */
export function markSent(e: LedgerEntry, at: number): LedgerEntry {
  if (e.sentAt !== undefined || e.status !== 'waiting') return e;
  return { ...e, sentAt: at, status: 'estimated' };
}

export const sameEntry = (a: LedgerEntry | undefined, b: LedgerEntry): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
