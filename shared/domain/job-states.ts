/**
 * A job's states and how they group, without the job's schema (job.ts builds
 * the schema from these and re-exports them): the page's queue reads them from
 * the first paint on, and zod must not load for that.
 */

export const JOB_STATES = [
  'queued',
  'uploading',
  'submitting',
  'generating',
  'downloading',
  'done',
  'failed',
  'expired',
  'needs_attention',
  'needs_approval',
  'stopped',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/*
 * Every state is exactly one of: active (the scheduler runs it), needing
 * attention (it waits for the person), or terminal (nothing more happens).
 * These sets are the one definition; the queue, the state machine, the CLI
 * and the renderer all ask them rather than listing states of their own.
 */

/** Past queued and not finished: it holds one of the queue's concurrency slots, and a step may be talking to the provider. */
export const STARTED_STATES: readonly JobState[] = ['uploading', 'submitting', 'generating', 'downloading'];
/** The scheduler will run a step of it: waiting for a free slot (queued) or started. */
export const ACTIVE_STATES: readonly JobState[] = ['queued', ...STARTED_STATES];
/**
 * Waiting for the person: needs_attention (or, after a full disk, for space) resumes the step it
 * was in; needs_approval was never sent because it would pass a spending cap, and waits to be
 * approved once (or for a higher cap).
 */
export const NEEDS_ATTENTION_STATES: readonly JobState[] = ['needs_attention', 'needs_approval'];
/** Finished: the job takes no further event. */
export const TERMINAL_STATES: readonly JobState[] = ['done', 'failed', 'expired', 'stopped'];

export const isStarted = (s: JobState): boolean => STARTED_STATES.includes(s);
export const isActive = (s: JobState): boolean => ACTIVE_STATES.includes(s);
export const needsAttention = (s: JobState): boolean => NEEDS_ATTENTION_STATES.includes(s);
export const isTerminal = (s: JobState): boolean => TERMINAL_STATES.includes(s);
