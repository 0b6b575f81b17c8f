import { errorMessage, withNote } from '../../../shared/error-messages.js';
import type { AppError } from '../../../shared/errors.js';
import { ACTIVE_STATES, type Job, type JobApproval, type JobOutput, type JobState, type ResultVideo } from '../../../shared/domain/job.js';
import type { ApiGenerationBody } from '../../../shared/domain/generation.js';

/**
 * The job state machine as a pure function: (job, event, now) → job. No I/O,
 * no timers: the scheduler performs the side effects and feeds their outcomes
 * back as events. TRANSITIONS below lists every legal (state, event) pair;
 * any other is refused, and the tests run every pair against the table.
 *
 *   queued → uploading → submitting → generating → downloading → done
 *                 ↘           ↘      ↘_____________________↗      ↘
 *                  failed · needs_attention · failed/expired · needs_attention
 *   a submit answered with a finished result (no task) goes straight to downloading
 *   a full disk in any step → needs_attention (resume continues that step)
 *   queued → needs_approval (it would pass a spending cap) → queued (approve, or resume once it fits)
 *   any non-terminal → stopped (stop tracking; the API has no cancel)
 */

export type JobEvent =
  | { type: 'start'; needsUpload: boolean; body?: ApiGenerationBody }
  | { type: 'frame_uploaded'; role: 'first' | 'last'; url: string; expiresAt: number }
  | { type: 'body_frozen'; body: ApiGenerationBody }
  | { type: 'submit_accepted'; taskId: string; requestIds: readonly string[]; replayed: boolean; estimatedTimeS?: number; firstPollAt: number }
  | {
      type: 'submit_completed';
      requestIds: readonly string[];
      replayed: boolean;
      videos: ResultVideo[];
      outputs: JobOutput[];
      thumbnailUrl?: string;
      costUsd?: number;
      credits?: number;
      actualTimeS?: number;
      completedAt: number;
    }
  | { type: 'step_failed'; error: AppError; retryAt: number }
  | { type: 'rate_limited'; error: AppError; retryAt: number }
  | {
      type: 'polled';
      status: string;
      progress?: number;
      estimatedTimeS?: number;
      requestId?: string;
      nextPollAt: number;
      /** The provider asked not to be queried about the task before this (never after nextPollAt). */
      notBefore: number;
      parked: boolean;
    }
  | {
      type: 'task_completed';
      videos: ResultVideo[];
      outputs: JobOutput[];
      thumbnailUrl?: string;
      costUsd?: number;
      credits?: number;
      actualTimeS?: number;
      completedAt: number;
    }
  | { type: 'task_failed'; error: AppError }
  | { type: 'download_progress'; index: number; bytesDone: number; bytesTotal?: number }
  | { type: 'output_saved'; index: number; bytes: number; sidecarName: string }
  | { type: 'link_expired'; error: AppError }
  | { type: 'links_refreshed'; videos: ResultVideo[] }
  | { type: 'stop' }
  | { type: 'resume' }
  // Spending caps (electron/core/money): held before it is sent, approved once by the person.
  | { type: 'approval_needed'; approval: JobApproval; error: AppError }
  | { type: 'approve' };

export type JobEventType = JobEvent['type'];

export class InvalidTransition extends Error {
  constructor(
    readonly state: JobState,
    readonly event: JobEventType,
  ) {
    super(`event ${event} is not valid in state ${state}`);
    this.name = 'InvalidTransition';
  }
}

/** Transient failures of these steps never fail a job: they wait and retry. */
const RETRY_FOREVER: readonly JobState[] = ['submitting', 'generating', 'downloading'];
/** How often an upload with an unknown outcome is retried before asking the user. */
export const MAX_UPLOAD_ATTEMPTS = 4;
/** A 500 that carries a message is retried this often, then the user is asked. */
export const MAX_SERVER_ERROR_ATTEMPTS = 5;

/**
 * The legal moves: for each state, the events it accepts and the states each
 * may lead to. transition() refuses every pair missing here; which of the
 * listed states an event leads to depends on the job and the event (see the
 * cases below). A terminal state accepts nothing.
 */
export const TRANSITIONS: Readonly<Record<JobState, Readonly<Partial<Record<JobEventType, readonly JobState[]>>>>> = {
  queued: {
    start: ['uploading', 'submitting'],
    step_failed: ['queued', 'failed', 'needs_attention'],
    approval_needed: ['needs_approval'],
    stop: ['stopped'],
  },
  uploading: {
    frame_uploaded: ['uploading'],
    body_frozen: ['submitting'],
    step_failed: ['uploading', 'failed', 'needs_attention'],
    rate_limited: ['uploading'],
    stop: ['stopped'],
  },
  submitting: {
    submit_accepted: ['generating'],
    // A synchronous result: there is no task to poll, the media are in the reply.
    submit_completed: ['downloading'],
    step_failed: ['submitting', 'failed', 'needs_attention'],
    rate_limited: ['submitting'],
    stop: ['stopped'],
  },
  generating: {
    polled: ['generating'],
    task_completed: ['downloading'],
    task_failed: ['failed'],
    links_refreshed: ['downloading'],
    // Once a task exists a step failure never fails the job: it retries or waits for the person.
    step_failed: ['generating', 'needs_attention'],
    rate_limited: ['generating'],
    stop: ['stopped'],
  },
  downloading: {
    download_progress: ['downloading'],
    output_saved: ['downloading', 'done'],
    link_expired: ['generating', 'expired'],
    step_failed: ['downloading', 'needs_attention'],
    rate_limited: ['downloading'],
    stop: ['stopped'],
  },
  needs_attention: {
    // Back to the step it was in (queued when that is unknown).
    resume: ACTIVE_STATES,
    stop: ['stopped'],
  },
  needs_approval: {
    // Sent once past the caps; or checked against them again (a raised cap).
    approve: ['queued'],
    resume: ['queued'],
    stop: ['stopped'],
  },
  done: {},
  failed: {},
  expired: {},
  stopped: {},
};

/** Whether `state` accepts `event` at all (TRANSITIONS lists it). */
export function accepts(state: JobState, event: JobEventType): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

export function transition(job: Job, event: JobEvent, now: number): Job {
  if (!accepts(job.state, event.type)) throw new InvalidTransition(job.state, event.type);
  const next = (patch: Partial<Job>): Job => ({ ...job, ...patch, updatedAt: now });

  switch (event.type) {
    case 'start':
      if (event.needsUpload) return next({ state: 'uploading', attempts: 0, nextActionAt: now, error: undefined });
      if (!event.body && !job.body) throw new Error('start without upload needs the body');
      return next({ state: 'submitting', body: job.body ?? { ...event.body }, attempts: 0, nextActionAt: now, error: undefined });

    case 'frame_uploaded':
      return next({
        frames: job.frames.map((f) => (f.role === event.role ? { ...f, uploadedUrl: event.url, uploadedExpiresAt: event.expiresAt } : f)),
        attempts: 0,
        error: undefined,
      });

    case 'body_frozen':
      // The body is frozen once: a re-sent submit must be byte-identical to the first.
      return next({ state: 'submitting', body: job.body ?? { ...event.body }, attempts: 0, nextActionAt: now, error: undefined });

    case 'submit_accepted':
      return next({
        state: 'generating',
        taskId: event.taskId,
        requestIds: withIds(job.requestIds, event.requestIds),
        submitReplayed: event.replayed,
        submittedAt: now,
        estimatedTimeS: event.estimatedTimeS ?? job.estimatedTimeS,
        providerStatus: 'submitted',
        progress: 0,
        polls: 0,
        attempts: 0,
        nextActionAt: event.firstPollAt,
        pollNotBefore: event.firstPollAt,
        error: undefined,
      });

    case 'submit_completed':
      return next({
        state: 'downloading',
        requestIds: withIds(job.requestIds, event.requestIds),
        submitReplayed: event.replayed,
        submittedAt: now,
        providerStatus: 'completed',
        progress: 100,
        videos: event.videos,
        outputs: event.outputs,
        thumbnailUrl: event.thumbnailUrl,
        costUsd: event.costUsd,
        credits: event.credits,
        actualTimeS: event.actualTimeS,
        completedAt: event.completedAt,
        attempts: 0,
        parked: false,
        nextActionAt: now,
        error: undefined,
      });

    case 'rate_limited':
      // The whole queue waits; this does not count against the job's own retry budget.
      return next({ error: event.error, nextActionAt: event.retryAt });

    case 'step_failed':
      return onStepFailed(job, event.error, event.retryAt, next);

    case 'polled':
      return next({
        providerStatus: event.status,
        progress: event.progress ?? job.progress,
        estimatedTimeS: event.estimatedTimeS ?? job.estimatedTimeS,
        requestIds: event.requestId && !job.requestIds.includes(event.requestId) ? [...job.requestIds, event.requestId].slice(-20) : job.requestIds,
        polls: job.polls + 1,
        attempts: 0,
        parked: event.parked,
        nextActionAt: event.nextPollAt,
        pollNotBefore: event.notBefore,
        error: undefined,
      });

    case 'task_completed':
      return next({
        state: 'downloading',
        providerStatus: 'completed',
        progress: 100,
        videos: event.videos,
        // Names reserved before a refresh are kept so .part files can resume.
        outputs: job.outputs.length > 0 ? job.outputs.map((o, i) => ({ ...o, url: event.outputs[i]?.url ?? o.url })) : event.outputs,
        thumbnailUrl: event.thumbnailUrl,
        costUsd: event.costUsd,
        credits: event.credits,
        actualTimeS: event.actualTimeS,
        completedAt: job.completedAt ?? event.completedAt,
        attempts: 0,
        parked: false,
        nextActionAt: now,
        error: undefined,
      });

    case 'task_failed':
      return next({ state: 'failed', error: event.error, nextActionAt: undefined, providerStatus: 'failed' });

    case 'download_progress':
      return next({
        outputs: job.outputs.map((o) =>
          o.index === event.index ? { ...o, bytesDone: event.bytesDone, bytesTotal: event.bytesTotal ?? o.bytesTotal } : o,
        ),
      });

    case 'output_saved': {
      const outputs = job.outputs.map((o) =>
        o.index === event.index ? { ...o, saved: true, bytesDone: event.bytes, bytesTotal: event.bytes, sidecarName: event.sidecarName } : o,
      );
      const allSaved = outputs.every((o) => o.saved);
      return next({ outputs, state: allSaved ? 'done' : 'downloading', attempts: 0, error: undefined, nextActionAt: allSaved ? undefined : now });
    }

    case 'link_expired':
      // One fresh look at the task for new links; a second expiry is final, and so is the first
      // when there is no task to look at (a synchronous result's links come only once).
      if (!job.linkRefreshed && job.taskId !== undefined) return next({ state: 'generating', linkRefreshed: true, attempts: 0, nextActionAt: now, error: event.error });
      return next({ state: 'expired', error: event.error, nextActionAt: undefined });

    case 'links_refreshed':
      return next({
        state: 'downloading',
        videos: event.videos,
        outputs: job.outputs.map((o, i) => ({ ...o, url: event.videos[i]?.urls[0] ?? o.url })),
        attempts: 0,
        nextActionAt: now,
        // The link-expired notice is resolved by the fresh links.
        error: undefined,
      });

    case 'stop':
      return next({ state: 'stopped', nextActionAt: undefined, attentionFrom: undefined });

    case 'resume':
      return next({
        state: job.attentionFrom ?? 'queued',
        attentionFrom: undefined,
        attempts: 0,
        nextActionAt: now,
        error: undefined,
        // A held job goes back to be checked anew; an approved one keeps its approval.
        approval: job.state === 'needs_approval' ? undefined : job.approval,
      });

    case 'approval_needed':
      return next({ state: 'needs_approval', approval: event.approval, error: event.error, attempts: 0, nextActionAt: undefined });

    case 'approve':
      return next({ state: 'queued', approval: job.approval && { ...job.approval, approvedAt: now }, error: undefined, attempts: 0, nextActionAt: now });
  }
}

/** The job's request ids with `ids` added once each (the submit's header and body ids are often the same). */
function withIds(known: readonly string[], ids: readonly string[]): string[] {
  const out = [...known];
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}

function onStepFailed(job: Job, error: AppError, retryAt: number, next: (p: Partial<Job>) => Job): Job {
  const s = job.state;
  const attempts = job.attempts + 1;
  const attention = (err: AppError) => next({ state: 'needs_attention', attentionFrom: s, error: err, attempts, nextActionAt: undefined });

  // A full disk is fixed by the person, not by backing off: the job waits, saying so, in
  // whatever step it was (a task may already be paid for), and carries on from that step
  // once there is room. Even before a task exists it never fails: nothing was wrong with it.
  if (error.code === 'disk_full') return attention(error);

  if (error.retryable) {
    if (s === 'uploading' && attempts >= MAX_UPLOAD_ATTEMPTS) {
      // Uploads carry no idempotency key; after a few unknown outcomes a person decides.
      return attention(withNote(error, errorMessage('job.upload_gave_up', { attempts })));
    }
    if (error.code === 'server_error' && error.detail && attempts >= MAX_SERVER_ERROR_ATTEMPTS) return attention(error);
    if (s === 'queued' || s === 'uploading' || RETRY_FOREVER.includes(s)) return next({ error, attempts, nextActionAt: retryAt });
  }
  // Not retryable. Before a task exists nothing was charged: the job fails with
  // a reason the person can act on. Once a task exists (or may exist), the job
  // is never dropped: it waits for the person instead.
  if (s === 'queued' || s === 'uploading') return next({ state: 'failed', error, attempts, nextActionAt: undefined });
  if (s === 'submitting') {
    if (error.code === 'idempotency_indeterminate' || error.code === 'idempotency_conflict') return attention(error);
    // An earlier attempt's outcome was unknown, so a task may exist: keep the key, ask the person.
    if (job.attempts > 0) return attention(error);
    return next({ state: 'failed', error, attempts, nextActionAt: undefined });
  }
  return attention(error);
}
