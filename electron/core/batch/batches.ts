import { randomUUID } from 'node:crypto';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import type { GenerationRequest } from '../../../shared/domain/generation.js';
import { isTerminal, type Job, type JobState, type Provider } from '../../../shared/domain/job.js';
import { batchRowShotKey, sweepShotKey, type ShotRef } from '../../../shared/domain/shot.js';
import type { JobQueue, QueueHolds } from '../jobs/job-queue.js';
import type { Clock, Logger } from '../ports.js';
import { errnoCode } from '../util/fs-errors.js';
import { fsRefusal } from '../util/fs-refusal.js';
import { BATCH_RECORD_SCHEMA, type BatchRecord, type BatchSourceName, type BatchStore } from './batch-store.js';

/**
 * Batches as units of the queue: a batch's jobs are created together (all
 * or none), wait together while it is paused, and report their progress as
 * "n of m". A paused batch holds only its jobs that have not started: a job
 * already with the provider may be paid for, and continues.
 */

export interface BatchRowToQueue {
  row: number;
  label?: string;
  request: GenerationRequest;
}

export interface QueueBatchInput {
  source: BatchSourceName;
  name?: string;
  rows: readonly BatchRowToQueue[];
  provider: Provider;
  outputDir: string;
  nameTemplate: string;
}

export type BatchState = 'opening' | 'running' | 'paused' | 'finished';

export interface BatchProgress {
  record: BatchRecord;
  state: BatchState;
  /** Jobs of the batch, and how many ended each way. */
  jobs: number;
  done: number;
  failed: number;
  needsAttention: number;
  active: number;
}

export interface BatchesDeps {
  store: BatchStore;
  /** The queue is built with this object as its holds, so it is reached once built. */
  queue: () => JobQueue;
  clock: Clock;
  logger: Logger;
}

const ENDED_BADLY: readonly JobState[] = ['failed', 'expired', 'stopped'];

export class Batches implements QueueHolds {
  private readonly records = new Map<string, BatchRecord>();
  private readonly listeners = new Set<(id: string) => void>();
  private unwatch: (() => void) | undefined;

  constructor(private readonly deps: BatchesDeps) {}

  /** Read before the queue's first step (it is the queue's holds). */
  async load(): Promise<void> {
    for (const r of await this.deps.store.loadAll()) this.records.set(r.id, r);
    this.unwatch ??= this.deps.queue().onJob((job) => {
      if (job.batch && this.records.has(job.batch.id)) this.emit(job.batch.id);
    });
  }

  isHeld(job: Job): boolean {
    const state = job.batch ? this.records.get(job.batch.id)?.state : undefined;
    return state === 'opening' || state === 'paused';
  }

  /**
   * Queues every row as a job. All jobs are built first (one bad request or frame queues
   * none) and held while they are journaled, then released together.
   */
  async queue(input: QueueBatchInput): Promise<BatchProgress> {
    const queue = this.deps.queue();
    const now = this.deps.clock.now();
    const id = randomUUID();
    let record: BatchRecord = {
      schema: BATCH_RECORD_SCHEMA,
      id,
      createdAt: now,
      updatedAt: now,
      source: input.source,
      ...(input.name ? { name: input.name } : {}),
      state: 'opening',
      rows: [],
    };
    await this.write(record);
    const shots = shotsFor(id, input);
    let jobs: Job[];
    try {
      jobs = [];
      for (const [i, r] of input.rows.entries()) {
        jobs.push(
          await queue.prepare(r.request, {
            provider: input.provider,
            outputDir: input.outputDir,
            nameTemplate: input.nameTemplate,
            batch: { id, row: r.row, ...(r.label ? { label: r.label } : {}) },
            shot: shots[i] as ShotRef,
          }),
        );
      }
    } catch (err) {
      await this.forget(id);
      throw err;
    }
    const queued: Job[] = [];
    try {
      for (const job of jobs) {
        await queue.add(job);
        queued.push(job);
      }
    } catch (err) {
      await this.abandon(record, queued);
      throw err;
    }
    record = { ...record, state: 'active', updatedAt: this.deps.clock.now(), rows: input.rows.map((r, i) => ({ row: r.row, ...(r.label ? { label: r.label } : {}), jobId: (jobs[i] as Job).id })) };
    await this.write(record);
    queue.reschedule();
    return this.progress(record);
  }

  /** Pauses or resumes a batch; on disk first, as the queue's own pause. */
  async setPaused(id: string, paused: boolean): Promise<BatchProgress> {
    const current = this.records.get(id);
    if (!current) throw appFailure('not_found', errorMessage('batch.gone'), { retryable: false, field: 'id' });
    const record: BatchRecord = { ...current, state: paused ? 'paused' : 'active', updatedAt: this.deps.clock.now() };
    await this.write(record);
    if (!paused) this.deps.queue().reschedule();
    return this.progress(record);
  }

  get(id: string): BatchProgress | undefined {
    const r = this.records.get(id);
    return r ? this.progress(r) : undefined;
  }

  /** Newest first. */
  list(): BatchProgress[] {
    const byBatch = new Map<string, Job[]>();
    for (const job of this.deps.queue().list()) if (job.batch) byBatch.set(job.batch.id, [...(byBatch.get(job.batch.id) ?? []), job]);
    return [...this.records.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)).map((r) => progressOf(r, byBatch.get(r.id) ?? []));
  }

  /** Told the id of a batch whose record or one of whose jobs changed. */
  onChange(cb: (id: string) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private progress(record: BatchRecord): BatchProgress {
    return progressOf(record, this.deps.queue().list().filter((j) => j.batch?.id === record.id));
  }

  private async write(record: BatchRecord): Promise<void> {
    try {
      await this.deps.store.save(record);
    } catch (err) {
      this.deps.logger.log('error', 'a batch record could not be saved', { id: record.id, error: errnoCode(err) ?? String(err) });
      throw fsRefusal(err, errorMessage('batch.save_failed'), 'data');
    }
    this.records.set(record.id, record);
    this.emit(record.id);
  }

  /** Nothing of the batch was journaled: it never existed. */
  private async forget(id: string): Promise<void> {
    this.records.delete(id);
    await this.deps.store.remove(id).catch((err: unknown) => this.deps.logger.log('warn', 'an unused batch record could not be removed', { id, error: String(err) }));
  }

  /**
   * Journaling stopped part-way: the jobs already in are stopped (none has started: the
   * batch held them). If one cannot be, the record stays, paused, so its jobs keep waiting.
   */
  private async abandon(record: BatchRecord, queued: readonly Job[]): Promise<void> {
    const queue = this.deps.queue();
    let allStopped = true;
    for (const job of queued) {
      await queue.stop(job.id).catch(() => {
        allStopped = false;
      });
    }
    if (allStopped) return this.forget(record.id);
    const paused: BatchRecord = { ...record, state: 'paused', rows: queued.flatMap((j) => (j.batch ? [{ row: j.batch.row, jobId: j.id }] : [])) };
    await this.write(paused).catch(() => this.records.set(paused.id, paused));
  }

  private emit(id: string): void {
    for (const cb of this.listeners) {
      try {
        cb(id);
      } catch (err) {
        this.deps.logger.log('error', 'a batch listener threw', { error: String(err) });
      }
    }
  }
}

/** Each row's shot: its own, or for a sweep one shot whose takes are numbered across the rows. */
function shotsFor(batchId: string, input: QueueBatchInput): ShotRef[] {
  if (input.source !== 'sweep') return input.rows.map((r) => ({ key: batchRowShotKey(batchId, r.row), firstTake: 1 }));
  let next = 1;
  return input.rows.map((r) => {
    const shot = { key: sweepShotKey(batchId), firstTake: next };
    next += r.request.sample_count;
    return shot;
  });
}

function progressOf(record: BatchRecord, jobs: readonly Job[]): BatchProgress {
  const count = (pred: (j: Job) => boolean) => jobs.filter(pred).length;
  const finished = jobs.length > 0 && jobs.every((j) => isTerminal(j.state));
  const state: BatchState = finished ? 'finished' : record.state === 'active' ? 'running' : record.state;
  return {
    record,
    state,
    jobs: Math.max(jobs.length, record.rows.length),
    done: count((j) => j.state === 'done'),
    failed: count((j) => ENDED_BADLY.includes(j.state)),
    needsAttention: count((j) => j.state === 'needs_attention'),
    active: count((j) => !isTerminal(j.state) && j.state !== 'needs_attention'),
  };
}
