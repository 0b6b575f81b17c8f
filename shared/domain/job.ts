import { z } from 'zod';
import { AppErrorSchema } from '../errors.js';
import { RecordedGenerationRequestSchema } from './generation.js';

/**
 * A generation job as main knows it. The renderer and the CLI only ever see
 * snapshots of this; main owns the truth and the journal on disk.
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
  'stopped',
] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

export const TERMINAL_STATES: readonly JobState[] = ['done', 'failed', 'expired', 'stopped'];
export const isTerminal = (s: JobState): boolean => TERMINAL_STATES.includes(s);

export const ProviderSchema = z.enum(['apimart', 'demo']);
export type Provider = z.infer<typeof ProviderSchema>;

export const FrameRoleSchema = z.enum(['first', 'last']);
export type FrameRole = z.infer<typeof FrameRoleSchema>;

/** A frame as recorded in the journal before any request is made. */
export const JobFrameSchema = z.object({
  role: FrameRoleSchema,
  /** Local path, when the frame came from a file. */
  path: z.string().optional(),
  /** Public URL, when the frame was given as one (no upload needed). */
  sourceUrl: z.string().optional(),
  sha256: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  contentType: z.string().optional(),
  uploadedUrl: z.string().optional(),
  uploadedExpiresAt: z.number().optional(),
});
export type JobFrame = z.infer<typeof JobFrameSchema>;

export const ResultVideoSchema = z.object({
  urls: z.array(z.string()),
  expiresAt: z.number().optional(),
});
export type ResultVideo = z.infer<typeof ResultVideoSchema>;

/** One output file of a job (sample_count > 1 gives several). */
export const JobOutputSchema = z.object({
  index: z.number().int().nonnegative(),
  /** File name (no directory) reserved in the output folder. */
  fileName: z.string(),
  url: z.string().optional(),
  bytesDone: z.number().int().nonnegative().default(0),
  bytesTotal: z.number().int().nonnegative().optional(),
  saved: z.boolean().default(false),
  sidecarName: z.string().optional(),
});
export type JobOutput = z.infer<typeof JobOutputSchema>;

export const JobSchema = z.object({
  schema: z.literal('keyframe.job/1'),
  id: z.string(),
  provider: ProviderSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  state: JobStateSchema,
  request: RecordedGenerationRequestSchema,
  idempotencyKey: z.string(),
  /** The exact body submitted; frozen before the first submit and never changed. */
  body: z.record(z.string(), z.unknown()).optional(),
  frames: z.array(JobFrameSchema),
  outputDir: z.string(),
  nameTemplate: z.string(),
  taskId: z.string().optional(),
  requestIds: z.array(z.string()),
  providerStatus: z.string().optional(),
  progress: z.number().min(0).max(100).optional(),
  estimatedTimeS: z.number().optional(),
  submittedAt: z.number().optional(),
  completedAt: z.number().optional(),
  thumbnailUrl: z.string().optional(),
  videos: z.array(ResultVideoSchema).optional(),
  costUsd: z.number().optional(),
  credits: z.number().optional(),
  actualTimeS: z.number().optional(),
  outputs: z.array(JobOutputSchema),
  /** Whether the current result URLs have been refreshed once after a 403. */
  linkRefreshed: z.boolean().default(false),
  /** Consecutive transient failures of the current step (drives backoff). */
  attempts: z.number().int().nonnegative().default(0),
  /** Polls made since submit (drives the poll interval). */
  polls: z.number().int().nonnegative().default(0),
  /** Earliest time the scheduler may act on this job again. */
  nextActionAt: z.number().optional(),
  /** True once a job ran far past its estimate: checked rarely, never failed for it. */
  parked: z.boolean().default(false),
  error: AppErrorSchema.optional(),
  /** The step a needs_attention job was in, so resuming it continues there. */
  attentionFrom: JobStateSchema.optional(),
  /** The job this one was retried from. */
  retryOf: z.string().optional(),
  appVersion: z.string(),
});
export type Job = z.infer<typeof JobSchema>;
