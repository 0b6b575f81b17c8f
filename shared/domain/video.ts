import { z } from 'zod';
import { RecordedGenerationRequestSchema } from './generation.js';
import { ProviderSchema, FrameRoleSchema } from './job.js';

/**
 * The sidecar written beside every video (`<name>.keyframe.json`). It holds
 * everything needed to reproduce and audit the clip, so that the output
 * folder alone can rebuild the library.
 */
export const SIDECAR_SCHEMA = 'keyframe.video/1';

export const SidecarFrameSchema = z.object({
  role: FrameRoleSchema,
  path: z.string().optional(),
  sourceUrl: z.string().optional(),
  sha256: z.string().optional(),
  uploadedUrl: z.string().optional(),
});

export const VideoSidecarSchema = z.object({
  schema: z.literal(SIDECAR_SCHEMA),
  /** Stable id: `<jobId>-<index>`. */
  id: z.string().min(1),
  jobId: z.string(),
  index: z.number().int().nonnegative(),
  /** Video file name, relative to the sidecar's folder. */
  file: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().optional(),
  provider: ProviderSchema,
  model: z.string(),
  request: RecordedGenerationRequestSchema,
  body: z.record(z.string(), z.unknown()),
  taskId: z.string(),
  requestIds: z.array(z.string()),
  seed: z.number().int().optional(),
  frames: z.array(SidecarFrameSchema),
  cost: z.object({ usd: z.number().optional(), credits: z.number().optional() }),
  timings: z.object({
    createdAt: z.number(),
    submittedAt: z.number().optional(),
    completedAt: z.number().optional(),
    savedAt: z.number(),
    providerActualS: z.number().optional(),
  }),
  appVersion: z.string(),
  user: z.object({
    favorite: z.boolean().default(false),
    tags: z.array(z.string()).default([]),
  }),
});
export type VideoSidecar = z.infer<typeof VideoSidecarSchema>;

/** A library entry: the sidecar plus where it lives on disk. */
export const LibraryEntrySchema = z.object({
  id: z.string(),
  dir: z.string(),
  sidecarName: z.string(),
  videoMissing: z.boolean(),
  sidecar: VideoSidecarSchema,
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;
