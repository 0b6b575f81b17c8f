import { z } from 'zod';
import { AppErrorSchema, clipAppError, clipText } from '../errors.js';
import {
  FRAMES_MAX,
  ID_MAX,
  NAME_TEMPLATE_MAX,
  OUTPUTS_MAX,
  PATH_MAX,
  PROVIDER_ID_MAX,
  REQUEST_IDS_MAX,
  SHORT_TEXT_MAX,
  URL_MAX,
  boundedBody,
  boundedList,
  boundedText,
  plainFileName,
} from './bounds.js';
import { RecordedGenerationRequestSchema } from './generation.js';
import { JOB_STATES } from './job-states.js';
import { BatchRefSchema, LineageSchema, ShotRefSchema } from './shot.js';

// The states and their sets live in a zod-free module the page can load; they stay part of this one's surface.
export * from './job-states.js';

/**
 * A generation job as main knows it. The renderer and the CLI only ever see
 * snapshots of this; main owns the truth and the journal on disk. The journal
 * is read back at every start, so every field is bounded (see bounds.ts).
 */

export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

/** Money figures in the journal: USD, never negative, far above any real job (4 × 8 s × 0.48 = 15.36). */
const UsdSchema = z.number().nonnegative().max(1_000_000);

/**
 * Why a job waits in needs_approval, as the figures stood when it was held:
 * its estimate, what was already spent today and this month (charged where
 * known, else estimated), and the caps it would pass.
 */
export const JobApprovalSchema = z.object({
  estimateUsd: UsdSchema,
  spentTodayUsd: UsdSchema,
  spentMonthUsd: UsdSchema,
  dailyCapUsd: UsdSchema.optional(),
  monthlyCapUsd: UsdSchema.optional(),
  /** The caps this job would pass (at least one). */
  exceeded: z.array(z.enum(['daily', 'monthly'])).min(1).max(2),
  heldAt: z.number(),
  /** Set when the person approved it: the job is sent once, past the caps. */
  approvedAt: z.number().optional(),
});
export type JobApproval = z.infer<typeof JobApprovalSchema>;

export const ProviderSchema = z.enum(['apimart', 'demo']);
export type Provider = z.infer<typeof ProviderSchema>;

export const FrameRoleSchema = z.enum(['first', 'last']);
export type FrameRole = z.infer<typeof FrameRoleSchema>;

/** A frame as recorded in the journal before any request is made. */
export const JobFrameSchema = z.object({
  role: FrameRoleSchema,
  /** Local path, when the frame came from a file. */
  path: boundedText('Frame path', PATH_MAX).optional(),
  /** Public URL, when the frame was given as one (no upload needed). */
  sourceUrl: boundedText('Frame source URL', URL_MAX).optional(),
  sha256: boundedText('Frame hash', SHORT_TEXT_MAX).optional(),
  bytes: z.number().int().nonnegative().optional(),
  contentType: boundedText('Frame content type', SHORT_TEXT_MAX).optional(),
  uploadedUrl: boundedText('Frame upload URL', URL_MAX).optional(),
  uploadedExpiresAt: z.number().optional(),
});
export type JobFrame = z.infer<typeof JobFrameSchema>;

export const ResultVideoSchema = z.object({
  urls: boundedList('Result links', boundedText('Result link', URL_MAX), OUTPUTS_MAX),
  expiresAt: z.number().optional(),
});
export type ResultVideo = z.infer<typeof ResultVideoSchema>;

/** One output file of a job (sample_count > 1 gives several). */
export const JobOutputSchema = z.object({
  index: z.number().int().nonnegative(),
  /** File name (no directory) reserved in the output folder. */
  fileName: plainFileName('Output file name'),
  url: boundedText('Output link', URL_MAX).optional(),
  bytesDone: z.number().int().nonnegative().default(0),
  bytesTotal: z.number().int().nonnegative().optional(),
  saved: z.boolean().default(false),
  sidecarName: plainFileName('Sidecar file name').optional(),
});
export type JobOutput = z.infer<typeof JobOutputSchema>;

export const JobSchema = z.object({
  schema: z.literal('keyframe.job/1'),
  id: boundedText('Job id', ID_MAX),
  provider: ProviderSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  state: JobStateSchema,
  request: RecordedGenerationRequestSchema,
  idempotencyKey: boundedText('Idempotency key', ID_MAX),
  /** The exact body submitted; frozen before the first submit and never changed. */
  body: boundedBody('Request body').optional(),
  frames: boundedList('Frames', JobFrameSchema, FRAMES_MAX),
  outputDir: boundedText('Output folder', PATH_MAX),
  nameTemplate: boundedText('Name template', NAME_TEMPLATE_MAX),
  taskId: boundedText('Task id', PROVIDER_ID_MAX).optional(),
  /** The provider answered the submit as a replay of an earlier one (`Idempotency-Replayed: true`). */
  submitReplayed: z.boolean().optional(),
  requestIds: boundedList('Request ids', boundedText('Request id', PROVIDER_ID_MAX), REQUEST_IDS_MAX),
  providerStatus: boundedText('Provider status', SHORT_TEXT_MAX).optional(),
  progress: z.number().min(0).max(100).optional(),
  estimatedTimeS: z.number().optional(),
  submittedAt: z.number().optional(),
  completedAt: z.number().optional(),
  thumbnailUrl: boundedText('Thumbnail link', URL_MAX).optional(),
  videos: boundedList('Result videos', ResultVideoSchema, OUTPUTS_MAX).optional(),
  costUsd: z.number().optional(),
  credits: z.number().optional(),
  /** The estimate recorded when the job was queued, and the date of the price table it came from. */
  estimateUsd: UsdSchema.optional(),
  priceAsOf: boundedText('Price table date', SHORT_TEXT_MAX).optional(),
  /** Set while (and after) the job was held for passing a spending cap. */
  approval: JobApprovalSchema.optional(),
  actualTimeS: z.number().optional(),
  outputs: boundedList('Outputs', JobOutputSchema, OUTPUTS_MAX),
  /** Whether the current result URLs have been refreshed once after a 403. */
  linkRefreshed: z.boolean().default(false),
  /** Consecutive transient failures of the current step (drives backoff). */
  attempts: z.number().int().nonnegative().default(0),
  /** Polls made since submit (drives the poll interval). */
  polls: z.number().int().nonnegative().default(0),
  /** Earliest time the scheduler may act on this job again. */
  nextActionAt: z.number().optional(),
  /** The provider asked not to be queried about the task before this (at least 2 s after the last query). */
  pollNotBefore: z.number().optional(),
  /** True once a job ran far past its estimate: checked rarely, never failed for it. */
  parked: z.boolean().default(false),
  error: AppErrorSchema.optional(),
  /** The step a needs_attention job was in, so resuming it continues there. */
  attentionFrom: JobStateSchema.optional(),
  /** The job this one was retried from. */
  retryOf: boundedText('Retried job id', ID_MAX).optional(),
  /** The library video this generation continues, and the frame it starts from. */
  lineage: LineageSchema.optional(),
  /** The batch and row this job was queued from. */
  batch: BatchRefSchema.optional(),
  /** The shot its videos are takes of, when not the job's own (a sweep's rows share one). */
  shot: ShotRefSchema.optional(),
  appVersion: boundedText('App version', SHORT_TEXT_MAX),
});
export type Job = z.infer<typeof JobSchema>;

/**
 * The job with the values it picked up along the way brought within the
 * journal's bounds, so a job Keyframe saves always loads again: error texts
 * and the provider's status are clipped, request ids beyond the bounds
 * dropped (the newest kept), and a thumbnail link too long to keep dropped
 * (nothing but the provider's preview depends on it). Ids and links the job
 * still needs are left as they are.
 */
export function fitJobToBounds(job: Job): Job {
  const requestIds = job.requestIds.filter((id) => id.length <= PROVIDER_ID_MAX).slice(-REQUEST_IDS_MAX);
  const fitted: Job = { ...job, requestIds };
  if (job.error) fitted.error = clipAppError(job.error);
  if (job.providerStatus !== undefined) fitted.providerStatus = clipText(job.providerStatus, SHORT_TEXT_MAX);
  if (job.thumbnailUrl !== undefined && job.thumbnailUrl.length > URL_MAX) delete fitted.thumbnailUrl;
  return fitted;
}
