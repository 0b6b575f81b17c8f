import { z } from 'zod';
import { FrameUrlSchema, generationRequestSchemaWith } from '../domain/generation.js';
import { LineageFrameSchema } from '../domain/shot.js';
import { schemaMessage } from '../issue-message.js';

/**
 * The contract's generation request as the page sends it, in a module of its
 * own: the page's draft and compose form check against these from their first
 * render, without building the rest of the contract (contract.ts re-exports them).
 */

/** An id the page names a job, video or batch by. */
export const REQUEST_ID = z.string().min(1).max(120).regex(/^[A-Za-z0-9_-]+$/, schemaMessage('request.id'));

/** Frames from the page: an imported image by opaque id (its sha256), or a public URL. */
export const IpcFrameRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('frame'), frameId: z.string().regex(/^[a-f0-9]{64}$/, schemaMessage('request.frame_id')) }),
  z.strictObject({ kind: z.literal('url'), url: FrameUrlSchema }),
]);
export const IpcGenerationRequestSchema = generationRequestSchemaWith(IpcFrameRefSchema);

/** Where a generation came from: the library video it continues (its frame was grabbed by the page and imported). */
export const IpcLineageSchema = z.strictObject({ parentId: REQUEST_ID, frame: LineageFrameSchema });

/** The largest batch text the page may send (a CSV of 500 long rows fits many times over). */
export const BATCH_TEXT_MAX = 1_000_000;
