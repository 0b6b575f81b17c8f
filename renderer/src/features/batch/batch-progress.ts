import type { BatchView } from '../../../../shared/ipc/views.js';

/** A batch's progress as the page shows it: "done of jobs", and how much of it has ended any way. */
export function batchProgress(b: BatchView): { done: number; jobs: number; ended: number; fraction: number } {
  const ended = b.done + b.failed;
  return { done: b.done, jobs: b.jobs, ended, fraction: b.jobs === 0 ? 1 : ended / b.jobs };
}

/** The newest batch still under way (running, paused or opening), if any: the one the Batch button tells of. */
export function newestUnfinished(order: readonly string[], batches: Readonly<Record<string, BatchView>>): BatchView | undefined {
  for (const id of order) {
    const b = batches[id];
    if (b && b.state !== 'finished') return b;
  }
  return undefined;
}
