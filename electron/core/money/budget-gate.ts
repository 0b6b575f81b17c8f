import type { AppError } from '../../../shared/errors.js';
import type { Job, JobApproval } from '../../../shared/domain/job.js';

/**
 * What the job queue asks before a queued job starts (see JobQueue.execute):
 * send it, hold it for the person's approval (it would pass a spending cap),
 * or refuse it (the balance is known to be too low). Money (money.ts) answers.
 */
export type BudgetVerdict = { kind: 'send' } | { kind: 'hold'; approval: JobApproval; error: AppError } | { kind: 'refuse'; error: AppError };

export interface BudgetGate {
  /** The job with the estimate it is queued with (and its price table's date). */
  stamp(job: Job): Job;
  /** Decides, and when the answer is "send", counts the job against the caps from now on. */
  clear(job: Job): Promise<BudgetVerdict>;
  /** Of the jobs held for approval (oldest first), the ids the caps now allow, each counted against the next. */
  releasable(held: readonly Job[]): Promise<string[]>;
}
