import { z } from 'zod';
import { ID_MAX, SHORT_TEXT_MAX, boundedText } from './bounds.js';

/**
 * Takes and shots. Generation is trial and selection: the videos of one job
 * (sample_count > 1), of one sweep and of one batch row are takes of one
 * shot, and a shot may continue from a frame of an earlier video (lineage).
 * These records sit in the journal and in the sidecars (read back from a
 * folder anyone may write to), so every field is bounded.
 */

/** How far into a parent video a continuation may start, in seconds (a Veo clip is at most 8 s; this is generous). */
export const LINEAGE_SECONDS_MAX = 3600;

/** Which frame of the parent a continuation starts from: its first, its last, or the frame at a time in seconds. */
export const LineageFrameSchema = z.union([z.enum(['first', 'last']), z.number().finite().min(0).max(LINEAGE_SECONDS_MAX)]);
export type LineageFrame = z.infer<typeof LineageFrameSchema>;

/** Where a generation came from: the library video it continues, and the frame it was grabbed at. */
export const LineageSchema = z.object({
  parentId: boundedText('Parent video id', ID_MAX).min(1),
  frame: LineageFrameSchema,
});
export type Lineage = z.infer<typeof LineageSchema>;

/** The batch a job was queued in, and which row of it (1-based, as the batch source numbers it). */
export const BatchRefSchema = z.object({
  id: boundedText('Batch id', ID_MAX).min(1),
  row: z.number().int().min(1),
  label: boundedText('Batch row label', SHORT_TEXT_MAX).optional(),
});
export type BatchRef = z.infer<typeof BatchRefSchema>;

/** Shot keys travel as ids (library queries take them): the id alphabet only. */
export const SHOT_KEY_MAX = 160;
export const ShotKeySchema = z.string().min(1).max(SHOT_KEY_MAX).regex(/^[A-Za-z0-9_-]+$/);

/**
 * The shot a job's videos are takes of, when it is not the job alone: every
 * row of a sweep is one shot, so each job records where its own takes start
 * in the shot's numbering.
 */
export const ShotRefSchema = z.object({
  key: ShotKeySchema,
  /** The take number of the job's first output; output `index` is take `firstTake + index`. */
  firstTake: z.number().int().min(1),
});
export type ShotRef = z.infer<typeof ShotRefSchema>;

/** The shot of one job (its own unless it names another), for keys made before any video exists. */
export const jobShotKey = (jobId: string): string => `job-${jobId}`;
export const batchRowShotKey = (batchId: string, row: number): string => `batch-${batchId}-r${row}`;
export const sweepShotKey = (batchId: string): string => `sweep-${batchId}`;

/** Which shot a saved output belongs to, and which take of it it is (1-based). */
export function shotOf(video: { jobId: string; index: number; shot?: ShotRef | undefined }): { key: string; take: number } {
  if (video.shot) return { key: video.shot.key, take: video.shot.firstTake + video.index };
  return { key: jobShotKey(video.jobId), take: video.index + 1 };
}
