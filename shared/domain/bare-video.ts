import { z } from 'zod';
import { ID_MAX, PATH_MAX, PROVIDER_ID_MAX, SHORT_TEXT_MAX, boundedText, plainFileName } from './bounds.js';

export { bareFacets, type BareFacets } from './bare-facets.js';

/**
 * A video in a library folder with no Keyframe sidecar beside it: a clip made
 * elsewhere (Flow, an editor, a colleague), or a Keyframe download whose
 * sidecar was lost. All the library knows of it is what its container says,
 * plus the provenance Keyframe writes into its own MP4s when that is there.
 * These records sit in the library cache, a file anyone may edit, so every
 * field is bounded.
 */

/** Extensions listed as videos; anything else in a folder is not the library's business. */
export const LIBRARY_VIDEO_EXTENSIONS: readonly string[] = ['.mp4', '.mov', '.webm', '.m4v'];

/** Longest prompt read back from a video's own metadata (the request schema's own bound is lower). */
export const EMBEDDED_PROMPT_MAX = 8000;

/** What the container says about the video. */
export const ContainerInfoSchema = z.object({
  /** `MP4`, `QuickTime`, `WebM`…, as the demuxer names it. */
  format: boundedText('Container format', SHORT_TEXT_MAX),
  durationS: z.number().finite().nonnegative(),
  width: z.number().int().nonnegative().optional(),
  height: z.number().int().nonnegative().optional(),
  /** Average frames per second of the video track. */
  fps: z.number().finite().positive().optional(),
  videoCodec: boundedText('Video codec', SHORT_TEXT_MAX).optional(),
  audioCodec: boundedText('Audio codec', SHORT_TEXT_MAX).optional(),
  /** When the container says it was made (ms since the epoch); absent when it says nothing believable. */
  createdAt: z.number().finite().optional(),
});
export type ContainerInfo = z.infer<typeof ContainerInfoSchema>;

/** How a video was made, as Keyframe wrote it into the file itself. */
export const EmbeddedProvenanceSchema = z.object({
  prompt: boundedText('Embedded prompt', EMBEDDED_PROMPT_MAX).optional(),
  model: boundedText('Embedded model', SHORT_TEXT_MAX).optional(),
  seed: z.number().int().optional(),
  taskId: boundedText('Embedded task id', PROVIDER_ID_MAX).optional(),
  appVersion: boundedText('Embedded app version', SHORT_TEXT_MAX).optional(),
});
export type EmbeddedProvenance = z.infer<typeof EmbeddedProvenanceSchema>;

export const BareVideoEntrySchema = z.object({
  kind: z.literal('bare'),
  /** Stable while the file's bytes are (see bareVideoId): renaming or moving it keeps its id. */
  id: boundedText('Video id', ID_MAX),
  dir: boundedText('Folder', PATH_MAX),
  fileName: plainFileName('Video file name'),
  bytes: z.number().int().nonnegative(),
  mtimeMs: z.number().finite(),
  container: ContainerInfoSchema,
  provenance: EmbeddedProvenanceSchema.optional(),
});
export type BareVideoEntry = z.infer<typeof BareVideoEntrySchema>;

export function isLibraryVideoName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && LIBRARY_VIDEO_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** When the video was made: the container's word for it, else the file's modification time. */
export const bareCreatedAt = (e: Pick<BareVideoEntry, 'container' | 'mtimeMs'>): number => e.container.createdAt ?? e.mtimeMs;
