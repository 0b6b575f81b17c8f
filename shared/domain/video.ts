import { z } from 'zod';
import {
  FRAMES_MAX,
  ID_MAX,
  PATH_MAX,
  PROVIDER_ID_MAX,
  REQUEST_IDS_MAX,
  SHORT_TEXT_MAX,
  TAGS_MAX,
  TAG_MAX_CHARS,
  URL_MAX,
  boundedBody,
  boundedList,
  boundedText,
  plainFileName,
} from './bounds.js';
import { BareVideoEntrySchema, type BareVideoEntry } from './bare-video.js';
import { RecordedGenerationRequestSchema } from './generation.js';
import { ProviderSchema, FrameRoleSchema } from './job.js';
import { BatchRefSchema, LineageSchema, ShotRefSchema } from './shot.js';

/**
 * The sidecar written beside every video (`<name>.keyframe.json`). It holds
 * everything needed to reproduce and audit the clip, so that the output
 * folder alone can rebuild the library. Sidecars are read back from a folder
 * anyone may write to, so every field is bounded (see bounds.ts).
 */
export const SIDECAR_SCHEMA = 'keyframe.video/1';

export const SidecarFrameSchema = z.object({
  role: FrameRoleSchema,
  path: boundedText('Frame path', PATH_MAX).optional(),
  sourceUrl: boundedText('Frame source URL', URL_MAX).optional(),
  sha256: boundedText('Frame hash', SHORT_TEXT_MAX).optional(),
  uploadedUrl: boundedText('Frame upload URL', URL_MAX).optional(),
});

/** A tag as normalizeTags leaves it: at most TAG_MAX_CHARS code points (twice that in UTF-16 units). */
const TagSchema = boundedText('Tag', TAG_MAX_CHARS * 2).refine((t) => [...t].length <= TAG_MAX_CHARS, `Tag is too long (${TAG_MAX_CHARS} characters at most).`);

export const VideoSidecarSchema = z.object({
  schema: z.literal(SIDECAR_SCHEMA),
  /** Stable id: `<jobId>-<index>`. */
  id: boundedText('Video id', ID_MAX).min(1),
  jobId: boundedText('Job id', ID_MAX),
  index: z.number().int().nonnegative(),
  /** Video file name, in the sidecar's own folder. */
  file: plainFileName('Video file name'),
  bytes: z.number().int().nonnegative(),
  sha256: boundedText('Video hash', SHORT_TEXT_MAX).optional(),
  provider: ProviderSchema,
  model: boundedText('Model', SHORT_TEXT_MAX),
  request: RecordedGenerationRequestSchema,
  body: boundedBody('Request body'),
  taskId: boundedText('Task id', PROVIDER_ID_MAX),
  /** The submit was answered as a replay of an earlier one: one task, however many submits it took. */
  submitReplayed: z.boolean().optional(),
  requestIds: boundedList('Request ids', boundedText('Request id', PROVIDER_ID_MAX), REQUEST_IDS_MAX),
  seed: z.number().int().optional(),
  frames: boundedList('Frames', SidecarFrameSchema, FRAMES_MAX),
  cost: z.object({ usd: z.number().optional(), credits: z.number().optional() }),
  timings: z.object({
    createdAt: z.number(),
    submittedAt: z.number().optional(),
    completedAt: z.number().optional(),
    savedAt: z.number(),
    providerActualS: z.number().optional(),
  }),
  appVersion: boundedText('App version', SHORT_TEXT_MAX),
  /** The video this one continues (the library's lineage is rebuilt from these). */
  lineage: LineageSchema.optional(),
  /** The batch and row it was queued from. */
  batch: BatchRefSchema.optional(),
  /** The shot it is a take of, when not its job's own (see shotOf). */
  shot: ShotRefSchema.optional(),
  user: z.object({
    favorite: z.boolean().default(false),
    tags: boundedList('Tags', TagSchema, TAGS_MAX).default([]),
  }),
});
export type VideoSidecar = z.infer<typeof VideoSidecarSchema>;

/**
 * What the library keeps in memory of a sidecar: every field a view, a
 * search, a sort or the lineage reads. The rest (the exact body sent, hashes,
 * upload addresses, the other timings, the app version) stays in the file,
 * read when asked for: at 100,000 takes each field kept costs megabytes. (The
 * submit time is kept for the spending ledger, rebuilt from the library.)
 */
export type LibrarySidecar = Omit<VideoSidecar, 'schema' | 'body' | 'sha256' | 'submitReplayed' | 'appVersion' | 'frames' | 'timings'> & {
  frames: Pick<SidecarFrame, 'role' | 'path' | 'sourceUrl'>[];
  timings: Pick<VideoSidecar['timings'], 'createdAt' | 'submittedAt' | 'completedAt'>;
};
export type SidecarFrame = z.infer<typeof SidecarFrameSchema>;

/** A video Keyframe has a record of: the sidecar plus where it lives on disk. */
export const SidecarEntrySchema = z.object({
  /** Absent in caches written before bare videos were listed; such an entry is a sidecar entry. */
  kind: z.literal('sidecar').optional(),
  id: boundedText('Video id', ID_MAX),
  dir: boundedText('Folder', PATH_MAX),
  sidecarName: plainFileName('Sidecar file name'),
  videoMissing: z.boolean(),
  sidecar: VideoSidecarSchema,
});
/** A sidecar entry as read from its file, every field there. */
export type FullSidecarEntry = z.infer<typeof SidecarEntrySchema>;
/** A sidecar entry as the library keeps it. */
export type SidecarEntry = Omit<FullSidecarEntry, 'sidecar'> & { sidecar: LibrarySidecar };

/** A library entry: a video with its sidecar, or a bare video known only by what its container says. */
export const LibraryEntrySchema = z.union([BareVideoEntrySchema, SidecarEntrySchema]);
export type LibraryEntry = SidecarEntry | BareVideoEntry;

export const isBareEntry = (e: LibraryEntry): e is BareVideoEntry => e.kind === 'bare';
