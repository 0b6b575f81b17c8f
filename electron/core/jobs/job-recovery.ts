import type { Job, JobState } from '../../../shared/domain/job.js';
import { pollSpacingMs } from './poll-budget.js';

/**
 * What a job found in the journal at start does next. Pure: (job, now, its
 * place among the recovered polls) → the job to schedule, so every journal
 * state's recovery is a table row in the tests, with no queue and no clock.
 */

export type RestartPlan =
  /** Runs again from its step now: a queued job starts when a slot is free, uploads skip frames already cached, downloads resume their .part. */
  | 'run'
  /** Re-sends the identical body under the same idempotency key, keeping one attempt of unknown outcome. */
  | 'resend'
  /** Polls its task, spread at the poll budget's rate so a restart with many tasks does not fire every poll at once. */
  | 'poll'
  /** Waits for the person as it was; one waiting for disk space is picked up by the queue's disk-full tick. */
  | 'wait'
  /** Finished: nothing to do. */
  | 'none';

export const RESTART_PLAN: Readonly<Record<JobState, RestartPlan>> = {
  queued: 'run',
  uploading: 'run',
  // The journal records 'submitting' before each submit is sent, so the job may already have a task.
  submitting: 'resend',
  generating: 'poll',
  downloading: 'run',
  needs_attention: 'wait',
  // Held for a spending cap: it waits for approval; the services release it if the caps now allow it.
  needs_approval: 'wait',
  done: 'none',
  failed: 'none',
  expired: 'none',
  stopped: 'none',
};

/**
 * The journal's `job` as the queue should hold it after a restart at `now`.
 * `pollSlot` is how many generating jobs were recovered before this one.
 */
export function recoverJob(job: Job, now: number, pollSlot: number): Job {
  switch (RESTART_PLAN[job.state]) {
    case 'run':
      return { ...job, nextActionAt: now, attempts: 0 };
    case 'resend':
      // One attempt of unknown outcome: a final refusal of the re-send (402, 401…) then asks the
      // person instead of failing the job (see onStepFailed in job-machine.ts), because retrying it
      // under a new key could pay for a second task.
      return { ...job, nextActionAt: now, attempts: 1 };
    case 'poll':
      // Never sooner than the provider's interval after the last poll before the restart.
      return { ...job, nextActionAt: Math.max(now + pollSpacingMs(pollSlot), job.pollNotBefore ?? 0), attempts: 0 };
    case 'wait':
    case 'none':
      return job;
  }
}

export interface RecoveredJournal {
  jobs: Job[];
  /** How many jobs the scheduler will run again. */
  resumed: number;
}

/** Every journal job recovered, in the journal's order. */
export function recoverJournal(jobs: readonly Job[], now: number): RecoveredJournal {
  let pollSlot = 0;
  let resumed = 0;
  const recovered = jobs.map((job) => {
    const plan = RESTART_PLAN[job.state];
    if (plan === 'run' || plan === 'resend' || plan === 'poll') resumed++;
    return recoverJob(job, now, plan === 'poll' ? pollSlot++ : 0);
  });
  return { jobs: recovered, resumed };
}
