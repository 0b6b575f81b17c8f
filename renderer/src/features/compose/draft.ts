import { z } from 'zod';
import {
  ASPECT_RATIOS,
  DURATIONS,
  MODELS,
  NEGATIVE_PROMPT_MAX_CHARS,
  PERSON_POLICIES,
  PROMPT_MAX_CHARS,
  RESIZE_MODES,
  RESOLUTIONS,
  SAMPLE_COUNT_MAX,
  SEED_MAX,
} from '../../../../shared/domain/generation.js';

/**
 * What the person is composing, exactly as the form holds it, persisted in
 * localStorage so it survives reload and restart. Loaded through zod: a draft
 * from an older build or a hand-edited one is dropped, never half-applied.
 */

export const DRAFT_KEY = 'keyframe.draft.v1';

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
  prompt: z.string().max(PROMPT_MAX_CHARS * 2),
  negativePrompt: z.string().max(NEGATIVE_PROMPT_MAX_CHARS * 2),
  model: z.enum(MODELS),
  duration: z.union([z.literal(DURATIONS[0]), z.literal(DURATIONS[1]), z.literal(DURATIONS[2])]),
  aspect: z.enum(ASPECT_RATIOS),
  resolution: z.enum(RESOLUTIONS),
  seedMode: z.enum(['random', 'fixed']),
  seed: z.number().int().min(0).max(SEED_MAX),
  sampleCount: z.number().int().min(1).max(SAMPLE_COUNT_MAX),
  audio: z.boolean(),
  person: z.enum(PERSON_POLICIES),
  resizeMode: z.enum(RESIZE_MODES),
  first: ComposeFrameSchema.optional(),
  last: ComposeFrameSchema.optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const DEFAULT_DRAFT: Draft = {
  prompt: '',
  negativePrompt: '',
  model: 'veo3.1-fast-official',
  duration: 8,
  aspect: '16:9',
  resolution: '720p',
  seedMode: 'random',
  seed: 0,
  sampleCount: 1,
  audio: false,
  person: 'allow_adult',
  resizeMode: 'pad',
};

export const randomSeed = (): number => {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] ?? 0;
};

export function loadDraft(): Draft {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return DEFAULT_DRAFT;
    const parsed = DraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_DRAFT;
  } catch {
    return DEFAULT_DRAFT;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(DraftSchema.parse(draft)));
  } catch {
    // Storage full or disabled: the draft just won't outlive this page.
  }
}

/** Only the draft fields of a bigger state object. */
export function pickDraft(s: Draft): Draft {
  const keys = Object.keys(DraftSchema.shape) as (keyof Draft)[];
  return Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]])) as Draft;
}
