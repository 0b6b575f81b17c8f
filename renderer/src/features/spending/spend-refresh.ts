import type { JobView } from '../../../../shared/ipc/views.js';

/**
 * Whether a queue update can have changed what was spent: a job appeared or
 * left, changed state (sent, held, failed, done) or got its charge. Progress
 * ticks and download bytes cannot, and must not make the money views ask main
 * again ten times a second.
 */
export function spendingMayHaveChanged(prev: Readonly<Record<string, JobView>>, next: Readonly<Record<string, JobView>>): boolean {
  if (prev === next) return false;
  let seen = 0;
  for (const [id, job] of Object.entries(next)) {
    const before = prev[id];
    if (!before) return true;
    seen++;
    if (before === job) continue;
    if (before.state !== job.state || before.costUsd !== job.costUsd || before.estimateUsd !== job.estimateUsd) return true;
  }
  return seen !== Object.keys(prev).length;
}
