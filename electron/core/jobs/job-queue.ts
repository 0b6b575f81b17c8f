import { appError, appFailure, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import type { GenerationRequestInput } from '../../../shared/domain/generation.js';
import { isActive, isStarted, isTerminal, type Job, type Provider } from '../../../shared/domain/job.js';
import type { BatchRef, Lineage, ShotRef } from '../../../shared/domain/shot.js';
import type { ApimartClient } from '../apimart/client.js';
import { ModelAccess } from '../apimart/model-access.js';
import type { UploadCache } from '../frames/upload-cache.js';
import type { BudgetGate } from '../money/budget-gate.js';
import type { Clock, HttpGet, Logger, RandomSource, TimerHandle } from '../ports.js';
import { silentLogger } from '../ports.js';
import { errnoCode, fsFailure } from '../util/fs-errors.js';
import { fsRefusal } from '../util/fs-refusal.js';
import { decideStepFailure, describeStepError } from './failure-policy.js';
import { createJob } from './job-factory.js';
import { InvalidTransition, transition, type JobEvent } from './job-machine.js';
import { runStep } from './job-steps.js';
import type { CorruptJournalEntry, JobStore } from './job-store.js';
import { recoverJournal } from './job-recovery.js';
import { JournalWriter } from './journal-writer.js';
import { cleanStrayParts, loadPaused, savePaused } from './queue-persistence.js';

export interface JobQueueDeps {
  store: JobStore;
  dataDir: string;
  clientFor: (provider: Provider) => ApimartClient;
  /** Streamed GET for result files: never carries the API key. */
  fileGet: HttpGet;
  uploads: UploadCache;
  library: { add(dir: string, sidecarName: string): Promise<unknown> };
  clock: Clock;
  random?: RandomSource;
  logger?: Logger;
  concurrency?: number;
  appVersion: string;
  stallTimeoutMs?: number;
  /** How often jobs waiting for disk space, and journal writes a full disk refused, are tried again. */
  diskFullRetryMs?: number;
  /** Queued jobs held back from starting (a paused batch's); loaded before the first job runs. */
  holds?: QueueHolds;
  /** Told of every job submitted, once it is journaled (the prompt history keeps what was sent). */
  submitted?: (job: Job) => void;
  /** Which models the key may use, checked before the first submit with each (default: in memory only). */
  modelAccess?: ModelAccess;
  /** Spending caps and the balance (core/money): a queued live job is checked before it starts. */
  budget?: BudgetGate;
}

/** Which queued jobs may not start yet. Jobs already past queued are never held: they may be paid for. */
export interface QueueHolds {
  load(): Promise<void>;
  isHeld(job: Job): boolean;
}

export interface SubmitOptions {
  provider: Provider;
  outputDir: string;
  nameTemplate: string;
  retryOf?: string;
  lineage?: Lineage;
  batch?: BatchRef;
  shot?: ShotRef;
}

export interface QueueState {
  paused: boolean;
  rateLimitedUntil?: number;
  concurrency: number;
  counts: Record<string, number>;
}

export interface RecoveryReport {
  resumed: number;
  corrupt: CorruptJournalEntry[];
  strayPartsRemoved: string[];
}

/** Freeing space is something a person does; looking again twice a minute costs nothing and notices soon enough. */
export const DISK_FULL_RETRY_MS = 30_000;
const STOP_NOTE = appError('cancelled', errorMessage('job.stopped'));

/**
 * One scheduler for all jobs. A single timer wakes it at the earliest due job;
 * each job has at most one step in flight; a concurrency cap limits started
 * jobs; a 429 pauses the whole queue; no client-side timeout ever fails a job.
 * A full disk never fails a job either: it waits (needs_attention, disk_full)
 * and a slow tick carries it on once there is room. No error ever escapes the
 * scheduler: whatever a step throws ends as the job's state and a log line.
 * What a journal state does after a restart (job-recovery.ts) and what a
 * failed step becomes (failure-policy.ts) are decided outside, as pure rules.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  /** File names a job picked and has not recorded yet → that job's id (see pickNames). */
  private readonly claimedNames = new Map<string, string>();
  private namePicking: Promise<unknown> = Promise.resolve();
  private readonly running = new Map<string, AbortController>();
  private readonly journal: JournalWriter;
  private readonly jobListeners = new Set<(job: Job) => void>();
  private readonly queueListeners = new Set<(s: QueueState) => void>();
  private readonly settleWaiters: (() => void)[] = [];
  private readonly random: RandomSource;
  private readonly log: Logger;
  private readonly modelAccess: ModelAccess;
  private concurrency: number;
  private timer?: TimerHandle;
  private diskTimer?: TimerHandle;
  /** The disk-full tick in progress, so settled() also waits for the steps it starts. */
  private retrying?: Promise<void>;
  /** Pause writes run in order, so the last one asked for is the one on disk. */
  private pauseWrites: Promise<unknown> = Promise.resolve();
  private paused = false;
  private rateLimitedUntil = 0;
  private consecutive429 = 0;
  private closed = false;
  private inert = false;
  /** The machine is asleep: nothing is sent (not persisted; the person's pause is separate). */
  private suspended = false;

  constructor(private readonly deps: JobQueueDeps) {
    this.random = deps.random ?? Math.random;
    this.log = deps.logger ?? silentLogger;
    this.modelAccess = deps.modelAccess ?? new ModelAccess({ clock: deps.clock, logger: this.log });
    this.concurrency = Math.max(1, deps.concurrency ?? 3);
    this.journal = new JournalWriter(deps.store, (id) => this.jobs.get(id), this.log);
  }

  // ── lifecycle ────────────────────────────────────────────────────────────

  /** Loads the journal and picks every unfinished job up where it stopped. */
  async start(opts: { drive?: boolean } = {}): Promise<RecoveryReport> {
    // An inert queue loads and edits the journal without running any step (CLI stop/retry).
    this.inert = opts.drive === false;
    const now = this.deps.clock.now();
    const { jobs, corrupt } = await this.deps.store.loadAll(now);
    // Before the first pump: a paused batch's jobs must not start in the moment before its record is read.
    await this.deps.holds?.load();
    for (const c of corrupt) this.log.log('error', 'corrupt journal entry moved aside', { movedTo: c.movedTo, reason: c.reason });
    const { jobs: recovered, resumed } = recoverJournal(jobs, now);
    for (const job of recovered) this.jobs.set(job.id, job);
    const strayPartsRemoved = await cleanStrayParts(jobs, this.deps.dataDir);
    this.paused = await loadPaused(this.deps.dataDir);
    this.pump();
    return { resumed, corrupt, strayPartsRemoved };
  }

  /** Stops timers and aborts steps in flight (downloads keep their .part for later). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    if (this.diskTimer !== undefined) this.deps.clock.clearTimeout(this.diskTimer);
    for (const c of this.running.values()) c.abort();
    await this.settled();
    await this.journal.settled();
    // A last try for states a full disk kept out of the journal; whatever still fails is
    // recovered from the journal's last good state at the next start.
    if (this.journal.hasUnsaved()) await this.journal.retryUnsaved();
  }

  /** Resolves once no step is in flight (tests drive a fake clock with it). */
  settled(): Promise<void> {
    if (this.retrying) return this.retrying.then(() => this.settled());
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.settleWaiters.push(resolve));
  }

  // ── commands ─────────────────────────────────────────────────────────────

  async submit(input: GenerationRequestInput, opts: SubmitOptions): Promise<Job> {
    const job = await this.prepare(input, opts);
    await this.add(job);
    return job;
  }

  /** Builds a job (request, frames and output folder checked) without queueing it: see add(). */
  async prepare(input: GenerationRequestInput, opts: SubmitOptions): Promise<Job> {
    const created = await createJob(input, { ...opts, appVersion: this.deps.appVersion, now: this.deps.clock.now(), random: this.random });
    // The estimate is stamped on the job before it is journaled: the ledger and the caps read it.
    return this.deps.budget ? this.deps.budget.stamp(created) : created;
  }

  /** Queues a job built by prepare(). Several can be built before any is queued, so one bad entry queues none. */
  async add(job: Job): Promise<void> {
    await this.enqueue(job);
    this.pump();
  }

  /** Journal first: the job exists on disk before its first request. */
  private async enqueue(job: Job): Promise<void> {
    try {
      await this.journal.saveSnapshot(job);
    } catch (err) {
      this.log.log('error', 'a new job could not be journaled; it was not queued', { error: errnoCode(err) ?? String(err) });
      throw fsRefusal(err, errorMessage('journal.new_job_failed'), 'data');
    }
    this.jobs.set(job.id, job);
    this.emitJob(job);
    this.notify(() => this.deps.submitted?.(job));
  }

  async stop(id: string): Promise<Job> {
    const job = this.require(id);
    this.running.get(id)?.abort();
    const stopped = { ...transition(job, { type: 'stop' }, this.deps.clock.now()), error: STOP_NOTE };
    // Memory first (the step in flight is already aborted); if the disk refuses the write,
    // the person hears so and the stop is written once there is room.
    try {
      await this.commit(stopped, true);
    } finally {
      this.pump();
    }
    return stopped;
  }

  /** Retries a finished job as a new job with the same settings (new key: a new task). */
  async retry(id: string): Promise<Job> {
    const old = this.require(id);
    if (!isTerminal(old.state) && old.state !== 'needs_attention') {
      throw appFailure('invalid_request', errorMessage('job.still_running'), { retryable: false });
    }
    // A retry continues the same parent: it keeps the lineage (not the batch row, which has its own job).
    return this.submit(old.request, {
      provider: old.provider,
      outputDir: old.outputDir,
      nameTemplate: old.nameTemplate,
      retryOf: old.id,
      ...(old.lineage ? { lineage: old.lineage } : {}),
    });
  }

  /** Continues a needs_attention job from the step it was in (same key, same task). */
  async resumeJob(id: string): Promise<Job> {
    const current = this.require(id);
    const job = transition(current, { type: 'resume' }, this.deps.clock.now());
    try {
      await this.commitDurably(current, job);
    } catch (err) {
      this.log.log('error', 'a resumed job could not be journaled; it keeps waiting', { id, error: errnoCode(err) ?? String(err) });
      throw fsRefusal(err, errorMessage('journal.continue_failed'), 'data');
    }
    this.pump();
    return job;
  }

  /** On disk first: a pause that is shown but not saved would be gone after a restart, and the reverse. */
  async setPaused(paused: boolean): Promise<void> {
    const write = this.pauseWrites.then(() => savePaused(this.deps.dataDir, paused));
    this.pauseWrites = write.catch(() => undefined);
    try {
      await write;
    } catch (err) {
      this.log.log('error', 'the queue’s pause could not be saved; nothing changed', { paused, error: errnoCode(err) ?? String(err) });
      throw fsRefusal(err, errorMessage(paused ? 'journal.pause_failed' : 'journal.resume_failed'), 'data');
    }
    this.paused = paused;
    this.emitQueue();
    this.pump();
  }

  /** System suspend/resume. On resume every waiting job is looked at at once. */
  setSuspended(suspended: boolean): void {
    this.suspended = suspended;
    if (suspended) return;
    this.pollNow();
  }

  setConcurrency(n: number): void {
    this.concurrency = Math.max(1, Math.min(16, Math.floor(n)));
    this.emitQueue();
    this.pump();
  }

  /** Schedules again after a hold was lifted (a batch resumed): its queued jobs may start now. */
  reschedule(): void {
    this.pump();
  }

  /** Look at every waiting job now (after system resume, or a key change). */
  pollNow(): void {
    const now = this.deps.clock.now();
    for (const [id, job] of this.jobs) {
      if (!isStarted(job.state) || this.running.has(id)) continue;
      // Not even now may a task be queried sooner than the provider asked.
      const at = job.state === 'generating' ? Math.max(now, job.pollNotBefore ?? now) : now;
      this.jobs.set(id, { ...job, nextActionAt: at });
    }
    this.pump();
  }

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.createdAt - a.createdAt);
  }
  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }
  state(): QueueState {
    const counts: Record<string, number> = {};
    for (const j of this.jobs.values()) counts[j.state] = (counts[j.state] ?? 0) + 1;
    const now = this.deps.clock.now();
    return {
      paused: this.paused,
      concurrency: this.concurrency,
      counts,
      ...(this.rateLimitedUntil > now ? { rateLimitedUntil: this.rateLimitedUntil } : {}),
    };
  }

  onJob(cb: (job: Job) => void): () => void {
    this.jobListeners.add(cb);
    return () => this.jobListeners.delete(cb);
  }
  onQueue(cb: (s: QueueState) => void): () => void {
    this.queueListeners.add(cb);
    return () => this.queueListeners.delete(cb);
  }

  // ── spending caps ────────────────────────────────────────────────────────

  /** Sends a job held for a spending cap, once, past the caps (the person approved it). */
  async approve(id: string): Promise<Job> {
    const current = this.require(id);
    const job = transition(current, { type: 'approve' }, this.deps.clock.now());
    try {
      await this.commitDurably(current, job);
    } catch (err) {
      this.log.log('error', 'an approved job could not be journaled; it keeps waiting', { id, error: errnoCode(err) ?? String(err) });
      throw fsRefusal(err, errorMessage('journal.continue_failed'), 'data');
    }
    this.pump();
    return job;
  }

  /** Jobs held for a cap that the caps now allow (one was raised) go back to the queue, oldest first. */
  async releaseApprovals(): Promise<Job[]> {
    if (!this.deps.budget || this.inert) return [];
    const held = [...this.jobs.values()].filter((j) => j.state === 'needs_approval' && j.approval?.approvedAt === undefined);
    const released: Job[] = [];
    for (const id of await this.deps.budget.releasable(held)) {
      const current = this.jobs.get(id);
      if (current?.state !== 'needs_approval') continue;
      const job = transition(current, { type: 'resume' }, this.deps.clock.now());
      try {
        await this.commitDurably(current, job);
        released.push(job);
      } catch (err) {
        this.log.log('error', 'a job the caps now allow could not be journaled; it keeps waiting', { id, error: errnoCode(err) ?? String(err) });
      }
    }
    this.pump();
    return released;
  }

  /**
   * Before a queued job starts: held when it would pass a cap (journaled, nothing sent), refused
   * when the balance is known to be too low (it fails as a step, before any request). True: go on.
   */
  private async clearBudget(job: Job): Promise<boolean> {
    if (!this.deps.budget) return true;
    const verdict = await this.deps.budget.clear(job);
    if (verdict.kind === 'send') return true;
    if (verdict.kind === 'refuse') throw new AppFailure(verdict.error);
    await this.dispatch(job.id, { type: 'approval_needed', approval: verdict.approval, error: verdict.error }, true);
    return false;
  }

  // ── scheduling ───────────────────────────────────────────────────────────

  private pump(): void {
    if (this.closed || this.inert) return;
    const now = this.deps.clock.now();
    if (!this.paused && !this.suspended && now >= this.rateLimitedUntil) {
      let started = [...this.jobs.values()].filter((j) => isStarted(j.state)).length;
      // The map keeps creation order (the journal loads sorted, new jobs append): oldest first, no sort.
      for (const job of this.jobs.values()) {
        if (this.running.has(job.id) || !this.isDue(job, now)) continue;
        if (job.state === 'queued') {
          if (started >= this.concurrency) continue;
          started++;
        }
        this.launch(job);
      }
    }
    this.armTimer(now);
  }

  private isDue(job: Job, now: number): boolean {
    return isActive(job.state) && (job.nextActionAt ?? 0) <= now && !this.isHeld(job);
  }

  private isHeld(job: Job): boolean {
    return job.state === 'queued' && this.deps.holds !== undefined && this.deps.holds.isHeld(job);
  }

  private armTimer(now: number): void {
    this.armDiskRetry();
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.paused || this.suspended || this.closed) return;
    const slotFree = [...this.jobs.values()].filter((j) => isStarted(j.state)).length < this.concurrency;
    let at = Infinity;
    for (const job of this.jobs.values()) {
      if (this.running.has(job.id)) continue;
      // Queued jobs without a free slot are woken by the step that frees one, not by the timer.
      if (isStarted(job.state) || (job.state === 'queued' && slotFree && !this.isHeld(job))) at = Math.min(at, job.nextActionAt ?? now);
    }
    if (at === Infinity) return;
    at = Math.max(at, this.rateLimitedUntil);
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.max(0, at - now));
  }

  private launch(job: Job): void {
    const controller = new AbortController();
    this.running.set(job.id, controller);
    // execute() handles its own failures; this catch is the last guard, so nothing a step does
    // can become an unhandled rejection (which ends the browser host's process).
    void this.execute(job, controller)
      .catch((err: unknown) => this.log.log('error', 'a job step failed outside its error handling', { id: job.id, error: errorText(err) }))
      .finally(() => this.afterStep(job.id));
  }

  private afterStep(id: string): void {
    this.running.delete(id);
    try {
      this.pump();
    } catch (err) {
      this.log.log('error', 'the scheduler failed after a step', { id, error: errorText(err) });
    } finally {
      if (this.running.size === 0) for (const w of this.settleWaiters.splice(0)) w();
    }
  }

  private async execute(job: Job, controller: AbortController): Promise<void> {
    try {
      if (job.state === 'queued' && !(await this.clearBudget(job))) return;
      const client = this.deps.clientFor(job.provider);
      await runStep(job, {
        client,
        fileGet: this.deps.fileGet,
        uploads: this.deps.uploads,
        clock: this.deps.clock,
        random: this.random,
        stallTimeoutMs: this.deps.stallTimeoutMs ?? 30_000,
        signal: controller.signal,
        checkModel: (model) => this.modelAccess.ensure(client, model),
        forgetModel: (model) => this.modelAccess.forget(client, model),
        dispatch: (event, persist) => (persist ? this.dispatch(job.id, event, true) : this.dispatchInMemory(job.id, event)),
        pickNames: (pick) => this.pickNames(job.id, pick),
        generatingCount: () => this.countIn('generating'),
        addToLibrary: async (dir, name) => {
          await this.deps.library.add(dir, name);
        },
      });
      // A step that got through ends the run of 429s the queue-wide backoff grows with.
      this.consecutive429 = 0;
    } catch (err) {
      if (controller.signal.aborted && (this.closed || this.jobs.get(job.id)?.state === 'stopped')) return;
      await this.onStepError(job, err);
    }
  }

  /** Never throws: the failure becomes the job's state, and what cannot be journaled is logged and written later. */
  private async onStepError(job: Job, err: unknown): Promise<void> {
    try {
      await this.recordStepFailure(job, err);
    } catch (failure) {
      this.log.log('error', 'a step failure was applied but could not be journaled', { id: job.id, error: errorText(failure) });
    }
  }

  private async recordStepFailure(started: Job, err: unknown): Promise<void> {
    const id = started.id;
    const now = this.deps.clock.now();
    const error = describeStepError(err, { dataDir: this.deps.dataDir, outputDir: started.outputDir });
    const job = this.jobs.get(id);
    if (!job || !isActive(job.state)) {
      this.log.log('error', 'step failed outside an active state', { id, state: job?.state, code: error.code, detail: error.detail });
      return;
    }
    this.log.log('warn', 'job step failed', { id, state: job.state, code: error.code, retryable: error.retryable, requestId: error.requestId });
    const decision = decideStepFailure(job, error, { rateLimitedUntil: this.rateLimitedUntil, consecutive429: this.consecutive429 }, now, this.random);
    this.rateLimitedUntil = decision.queue.rateLimitedUntil;
    this.consecutive429 = decision.queue.consecutive429;
    if (decision.event.type === 'rate_limited') this.emitQueue();
    await this.dispatch(id, decision.event, decision.persist);
  }

  private async dispatch(id: string, event: JobEvent, persist: boolean): Promise<Job> {
    const current = this.require(id);
    let next: Job;
    try {
      next = transition(current, event, this.deps.clock.now());
    } catch (err) {
      // A step finishing after its job was stopped: the stop wins.
      if (err instanceof InvalidTransition && current.state === 'stopped') return current;
      throw err;
    }
    await this.commit(next, persist);
    return next;
  }

  /**
   * Events that are not journaled (progress, polls) are reported without waiting; one the job
   * can no longer take is logged, never left to reject where nobody awaits it.
   */
  private async dispatchInMemory(id: string, event: JobEvent): Promise<Job> {
    try {
      return await this.dispatch(id, event, false);
    } catch (err) {
      this.log.log('error', 'a step event could not be applied', { id, event: event.type, error: errorText(err) });
      return this.require(id);
    }
  }

  private async commit(job: Job, persist: boolean): Promise<void> {
    this.jobs.set(job.id, job);
    this.releaseClaims(job);
    // Listeners hear of a change when it happens, in the order changes happen. Emitted after the
    // journal write instead, writes of different jobs finishing out of order would show stale
    // states (a job already 'done' still active while queued jobs start in its slot: concurrency
    // + 1 running). The step still awaits the write below before its next request, and close()
    // waits for pending writes.
    this.emitJob(job);
    if (!isActive(job.state)) this.emitQueue();
    if (!persist) return;
    try {
      await this.journal.saveLatest(job.id);
    } catch (err) {
      // The state stays in memory and is written by the disk-full tick. The caller (a step)
      // stops here: nothing is sent to the provider that the journal has not recorded.
      this.armDiskRetry();
      throw fsFailure(err, errorMessage('journal.write_failed'), 'data');
    }
  }

  /**
   * Applies `next` only once it is on disk: for changes that start work again (resume), which
   * must not run on a state the journal does not hold. Throws the store's error, changing nothing.
   */
  private async commitDurably(current: Job, next: Job): Promise<void> {
    await this.journal.saveSnapshot(next);
    if (this.jobs.get(next.id) !== current) {
      // Changed while the write was in flight (stopped): that change wins; make sure it is the one on disk.
      await this.journal.saveLatest(next.id).catch(() => this.armDiskRetry());
      return;
    }
    this.jobs.set(next.id, next);
    this.emitJob(next);
    this.emitQueue();
  }

  // ── a full disk ──────────────────────────────────────────────────────────

  private waitsForSpace(job: Job): boolean {
    return job.state === 'needs_attention' && job.error?.code === 'disk_full' && !this.running.has(job.id);
  }

  /** Arms the slow tick while a job waits for space or a journal write is pending. */
  private armDiskRetry(): void {
    if (this.closed || this.inert || this.diskTimer !== undefined) return;
    const waiting = !this.paused && !this.suspended && [...this.jobs.values()].some((j) => this.waitsForSpace(j));
    if (!waiting && !this.journal.hasUnsaved()) return;
    this.diskTimer = this.deps.clock.setTimeout(() => {
      this.diskTimer = undefined;
      const run = this.retryAfterDiskFull().finally(() => {
        if (this.retrying === run) this.retrying = undefined;
      });
      this.retrying = run;
    }, this.deps.diskFullRetryMs ?? DISK_FULL_RETRY_MS);
  }

  /** Never throws. The journal first: a job runs again only once the journal holds all it did so far. */
  private async retryAfterDiskFull(): Promise<void> {
    try {
      const caughtUp = await this.journal.retryUnsaved();
      if (caughtUp && !this.paused && !this.suspended && !this.closed) {
        for (const job of [...this.jobs.values()]) {
          if (!this.waitsForSpace(job)) continue;
          try {
            await this.commitDurably(job, transition(job, { type: 'resume' }, this.deps.clock.now()));
            this.log.log('info', 'job continues after waiting for disk space', { id: job.id, state: job.attentionFrom });
          } catch {
            // Still no room for even the journal: the next tick looks again.
            break;
          }
        }
      }
    } catch (err) {
      this.log.log('error', 'retrying after a full disk failed', { error: errorText(err) });
    }
    try {
      this.pump();
    } catch (err) {
      this.log.log('error', 'the scheduler failed after the disk-full tick', { error: errorText(err) });
    }
  }

  private countIn(state: Job['state']): number {
    let n = 0;
    for (const j of this.jobs.values()) if (j.state === state) n++;
    return n;
  }

  /** File names held by unfinished jobs, and names picked but not yet recorded in their job. */
  private reservedNames(): Set<string> {
    const names = new Set<string>(this.claimedNames.keys());
    for (const j of this.jobs.values()) if (!isTerminal(j.state)) for (const o of j.outputs) names.add(o.fileName);
    return names;
  }

  /** One job picks names at a time (see StepContext.pickNames); its claims last until its outputs hold the names. */
  private pickNames<T>(jobId: string, pick: (held: ReadonlySet<string>, claim: (name: string) => void) => Promise<T>): Promise<T> {
    const mine: string[] = [];
    const claim = (name: string): void => {
      this.claimedNames.set(name, jobId);
      mine.push(name);
    };
    const run = this.namePicking.then(() => pick(this.reservedNames(), claim));
    // A pick that failed part-way records nothing: its claims would only keep names from the next try.
    this.namePicking = run.catch(() => {
      for (const name of mine) this.claimedNames.delete(name);
    });
    return run;
  }

  /** A job's claims end once its outputs name the files (or it ends without them). */
  private releaseClaims(job: Job): void {
    if (this.claimedNames.size === 0) return;
    const recorded = new Set(job.outputs.map((o) => o.fileName));
    for (const [name, owner] of this.claimedNames) {
      if (owner === job.id && (recorded.has(name) || isTerminal(job.state))) this.claimedNames.delete(name);
    }
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw appFailure('not_found', errorMessage('job.no_such_id', { id }), { retryable: false });
    return job;
  }

  // A listener's bug must not become a step failure, or escape from the scheduler.
  private emitJob(job: Job): void {
    for (const cb of this.jobListeners) this.notify(() => cb(job));
  }
  private emitQueue(): void {
    const s = this.state();
    for (const cb of this.queueListeners) this.notify(() => cb(s));
  }
  private notify(call: () => void): void {
    try {
      call();
    } catch (err) {
      this.log.log('error', 'a queue listener threw', { error: errorText(err) });
    }
  }
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
