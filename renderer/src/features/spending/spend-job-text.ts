import type { JobView, SpendJob } from '../../../../shared/ipc/views.js';
import type { MessageKey } from '../../i18n';

/**
 * How a row of the spending list names its status. The ledger knows four
 * (waiting, estimated, charged, not charged); the job itself, when the queue
 * still holds it, says why a job was not charged or is still waiting.
 */
export function spendStatusKey(entry: Pick<SpendJob, 'status'>, job: Pick<JobView, 'state'> | undefined): MessageKey {
  switch (entry.status) {
    case 'charged':
      return 'spending.status.charged';
    case 'estimated':
      return 'spending.status.estimated';
    case 'waiting':
      return job?.state === 'needs_approval' ? 'spending.status.approval' : 'spending.status.waiting';
    case 'not_charged':
      if (job?.state === 'failed') return 'spending.status.failed';
      if (job?.state === 'stopped') return 'spending.status.stopped';
      return 'spending.status.notCharged';
  }
}

/** Which way the bill went from the estimate; `even` within half a cent. */
export function differenceSign(differenceUsd: number): 'more' | 'less' | 'even' {
  if (differenceUsd >= 0.005) return 'more';
  if (differenceUsd <= -0.005) return 'less';
  return 'even';
}
