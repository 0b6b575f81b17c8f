import { z } from 'zod';
import {
  AspectRatioSchema,
  DurationSchema,
  ModelSchema,
  NEGATIVE_PROMPT_MAX_CHARS,
  PersonGenerationSchema,
  PROMPT_MAX_CHARS,
  ResizeModeSchema,
  ResolutionSchema,
  SAMPLE_COUNT_MAX,
  SEED_MAX,
} from '../../../../shared/domain/generation.js';
import { IpcLineageSchema } from '../../../../shared/ipc/request-schemas.js';

/**
 * What the person is composing, exactly as the form holds it (persisted by
 * draft-storage.ts). Each setting keeps the request's own name and value
 * schema, so compose → request is nearly the identity (request.ts); the form's
 * own additions are the seed mode (a typed seed is kept while "random" is
 * chosen), the frames with what the page knows of them, and the lineage of a
 * continuation (sent beside the request, never in it: see draft-lineage.ts).
 */

const frameId = z.string().regex(/^[a-f0-9]{64}$/);
export const ComposeFrameSchema = z.object({
  ref: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('frame'), frameId }),
    z.object({ kind: z.literal('url'), url: z.string().min(1).max(4096) }),
  ]),
  name: z.string().max(255).optional(),
  mime: z.string().max(100).optional(),
  bytes: z.number().int().nonnegative().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  mediaUrl: z.string().max(4096).optional(),
});
export type ComposeFrame = z.infer<typeof ComposeFrameSchema>;
export type FrameRole = 'first' | 'last';

export const DraftSchema = z.object({
  // Text is kept as typed, even past the limit: the form says it is too long rather than cutting it.
  prompt: z.string().max(PROMPT_MAX_CHARS * 2),
  negative_prompt: z.string().max(NEGATIVE_PROMPT_MAX_CHARS * 2),
  model: ModelSchema,
  duration: DurationSchema,
  aspect_ratio: AspectRatioSchema,
  resolution: ResolutionSchema,
  seedMode: z.enum(['random', 'fixed']),
  seed: z.number().int().min(0).max(SEED_MAX),
  sample_count: z.number().int().min(1).max(SAMPLE_COUNT_MAX),
  generate_audio: z.boolean(),
  person_generation: PersonGenerationSchema,
  // Unset means the provider's default (pad); the form shows it as pad.
  resize_mode: ResizeModeSchema.optional(),
  // No control: enhancement is always on. Kept only so reusing a job that asked for it asks again.
  enhance_prompt: z.literal(true).optional(),
  first: ComposeFrameSchema.optional(),
  last: ComposeFrameSchema.optional(),
  /** The library video this draft continues, and the frame its first frame was grabbed at. */
  lineage: IpcLineageSchema.optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const DRAFT_FIELDS = Object.keys(DraftSchema.shape) as (keyof Draft)[];

export const randomSeed = (): number => {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] ?? 0;
};

/**
 * Every draft field, unset ones as undefined: what replaces a whole draft in
 * the store, where a field left out would keep the previous draft's value.
 */
export function everyDraftField(d: Draft): { [K in keyof Draft]-?: Draft[K] | undefined } {
  return Object.fromEntries(DRAFT_FIELDS.map((k) => [k, d[k]])) as { [K in keyof Draft]-?: Draft[K] | undefined };
}

/** Only the draft fields of a bigger state object. */
export function pickDraft(s: Draft): Draft {
  return Object.fromEntries(DRAFT_FIELDS.filter((k) => s[k] !== undefined).map((k) => [k, s[k]])) as Draft;
}
