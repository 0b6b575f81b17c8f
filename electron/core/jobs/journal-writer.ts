import type { Job } from '../../../shared/domain/job.js';
import type { Logger } from '../ports.js';
import { errnoCode } from '../util/fs-errors.js';
import type { JobStore } from './job-store.js';

/**
 * The queue's writes to the job journal. Writes of one job run one at a time,
 * so an older snapshot never lands after a newer one. A write that fails (a
 * full disk) leaves the journal at its last good state; the job is marked
 * unsaved so the queue can write its current state once there is room, and
 * a restart before then recovers that last good state.
 */
export class JournalWriter {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly unsaved = new Set<string>();

  constructor(
    private readonly store: JobStore,
    /** The job as the queue holds it now (what a catch-up write writes). */
    private readonly current: (id: string) => Job | undefined,
    private readonly log: Logger,
  ) {}

  /**
   * Writes the job as it is when this write's turn comes. On failure the job
   * stays marked unsaved and the store's error is rethrown.
   */
  saveLatest(id: string): Promise<void> {
    return this.enqueue(id, async () => {
      const job = this.current(id);
      if (!job) return;
      try {
        await this.store.save(job);
      } catch (err) {
        // Logged once per stretch of failures: a disk that stays full for an hour must not fill the log too.
        if (!this.unsaved.has(id)) {
          this.log.log('error', 'journal write failed; the job goes on from memory and is written once that works again', {
            id,
            state: job.state,
            error: errnoCode(err) ?? String(err),
          });
        }
        this.unsaved.add(id);
        throw err;
      }
      if (this.unsaved.delete(id)) this.log.log('info', 'journal write caught up', { id, state: job.state });
    });
  }

  /**
   * Writes exactly `job`: for a change the caller applies only once it is on
   * disk. A failure changes nothing (the caller keeps the previous state).
   */
  saveSnapshot(job: Job): Promise<void> {
    return this.enqueue(job.id, async () => {
      await this.store.save(job);
      this.unsaved.delete(job.id);
    });
  }

  hasUnsaved(): boolean {
    return this.unsaved.size > 0;
  }

  /** Writes every unsaved job again; true once the journal holds them all. */
  async retryUnsaved(): Promise<boolean> {
    for (const id of [...this.unsaved]) await this.saveLatest(id).catch(() => undefined);
    return this.unsaved.size === 0;
  }

  /** Resolves once every write queued so far has finished (failed ones included). */
  async settled(): Promise<void> {
    await Promise.all(this.chains.values());
  }

  private enqueue(id: string, write: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(id) ?? Promise.resolve()).then(write);
    this.chains.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }
}
