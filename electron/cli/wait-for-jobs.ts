import type { Job } from '../../shared/domain/job.js';
import { isTerminal, needsAttention } from '../../shared/domain/job.js';
import type { JobQueue } from '../core/jobs/job-queue.js';

/** Finished, or waiting for the person (needs attention, or held for a spending cap): nothing more happens by itself. */
const settled = (j: Job) => isTerminal(j.state) || needsAttention(j.state);

/** Resolves with the final snapshots once every job has finished or needs the user. */
export function waitForJobs(queue: JobQueue, ids: string[], onUpdate: (job: Job) => void): Promise<Job[]> {
  return new Promise((resolve) => {
    const check = () => {
      const jobs = ids.map((id) => queue.get(id)).filter((j): j is Job => j !== undefined);
      if (jobs.every(settled)) {
        unsubscribe();
        resolve(jobs);
      }
    };
    const unsubscribe = queue.onJob((job) => {
      if (!ids.includes(job.id)) return;
      onUpdate(job);
      check();
    });
    check();
  });
}
