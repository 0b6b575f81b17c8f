import { z } from 'zod';
import { AppErrorSchema, ErrorKeySchema, ErrorParamsSchema } from '../errors.js';
import { SEQUENCE_CLIPS_MAX, SequenceClipEditSchema, SequenceNameSchema } from '../domain/sequence.js';
import { boundedText } from '../domain/bounds.js';

/**
 * What the page sees of sequences and their exports, and what it may send.
 * Clips are named by their path relative to the sequence's folder (what the
 * person put in it); the files themselves are reached only through media ids.
 */

/** sha256 of a sequence file as read: a save names the one it edited. */
export const RevisionSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Invalid revision.');
/** An export in progress (`exp` + 24 hex digits), from `sequence:plan`. */
export const ExportIdSchema = z.string().regex(/^exp[0-9a-f]{24}$/, 'Invalid export id.');
/** The exported file's name in the sequence's folder: a plain `.mp4` name. */
export const ExportFileNameSchema = z
  .string()
  .min(5)
  .max(200)
  .regex(/^[^/\\:*?"<>|\p{Cc}]+\.mp4$/iu, 'The exported file must be a plain .mp4 file name.')
  .refine((s) => !s.startsWith('.'), 'The exported file name must not start with a dot.');
/** Largest piece of an exported video the page sends in one call (base64 of 1 MiB). */
export const EXPORT_CHUNK_MAX_BYTES = 1024 * 1024;
/** Largest exported video the page may hand over: far above a storyboard of 8 s takes. */
export const EXPORT_UPLOAD_MAX_BYTES = 8 * 1024 * 1024 * 1024;

const MessageViewSchema = z.object({ key: ErrorKeySchema, params: ErrorParamsSchema.optional(), message: z.string() });

export const SequenceSummaryViewSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  clips: z.number().int(),
  modifiedAt: z.number(),
  /** The file is there but cannot be read as a sequence. */
  damaged: z.boolean(),
});

export const SequenceClipViewSchema = z.object({
  /** Index in the document as read: sent back with an edit so the clip's unknown fields are kept. */
  ref: z.number().int(),
  file: z.string(),
  in: z.number().optional(),
  out: z.number().optional(),
  title: z.string().optional(),
  /** The library video at that path, when there is one. */
  videoId: z.string().optional(),
});

export const SequenceViewSchema = z.object({
  name: z.string(),
  revision: z.string(),
  title: z.string().optional(),
  clips: z.array(SequenceClipViewSchema),
});
export type SequenceView = z.infer<typeof SequenceViewSchema>;

export const SequenceSaveSchema = z.strictObject({
  name: SequenceNameSchema,
  /** The revision the edit was made on; absent when creating a sequence that does not exist yet. */
  revision: RevisionSchema.optional(),
  title: boundedText('Sequence title', 200).optional(),
  clips: z.array(SequenceClipEditSchema).max(SEQUENCE_CLIPS_MAX),
});

/** How the export will go: joined as is in main, or re-encoded by the page from `clips` (media URLs) to `target`. */
export const ExportPlanViewSchema = z.object({
  exportId: z.string(),
  method: z.enum(['copy', 'reencode']),
  durationS: z.number(),
  /** Why a re-encode is needed (the first differing clip). */
  reasons: z.array(MessageViewSchema),
  clips: z.array(z.object({ file: z.string(), title: z.string().optional(), in: z.number(), out: z.number(), mediaUrl: z.string() })),
  /** The first clip's picture and sound: what the others are fitted to. */
  target: z.object({ width: z.number().int(), height: z.number().int(), frameRate: z.number(), sampleRate: z.number().int().optional(), channels: z.number().int().optional() }),
});
export type ExportPlanView = z.infer<typeof ExportPlanViewSchema>;

export const ExportDoneViewSchema = z.object({
  fileName: z.string(),
  sidecarName: z.string(),
  method: z.enum(['copy', 'reencode']),
  bytes: z.number().int(),
  durationS: z.number(),
});
export type ExportDoneView = z.infer<typeof ExportDoneViewSchema>;

export const ExportProgressViewSchema = z.object({
  exportId: z.string(),
  phase: z.enum(['reading', 'writing', 'finishing', 'done', 'failed']),
  fraction: z.number(),
  etaMs: z.number().optional(),
  done: ExportDoneViewSchema.optional(),
  error: AppErrorSchema.optional(),
});
export type ExportProgressView = z.infer<typeof ExportProgressViewSchema>;

export const sequenceInputs = {
  name: z.strictObject({ name: SequenceNameSchema }),
  delete: z.strictObject({ name: SequenceNameSchema, revision: RevisionSchema }),
  export: z.strictObject({ exportId: ExportIdSchema, fileName: ExportFileNameSchema.optional() }),
  cancel: z.strictObject({ exportId: ExportIdSchema }),
  writeChunk: z.strictObject({
    exportId: ExportIdSchema,
    position: z.number().int().min(0).max(EXPORT_UPLOAD_MAX_BYTES),
    dataBase64: z
      .string()
      .min(4)
      .max(Math.ceil((EXPORT_CHUNK_MAX_BYTES * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Export data must be base64.'),
  }),
  finish: z.strictObject({ exportId: ExportIdSchema, fileName: ExportFileNameSchema.optional() }),
};
