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
import { ComposeFrameSchema, DraftSchema, type Draft } from './draft';
import { DEFAULT_DRAFT } from './request';

/**
 * The draft in localStorage, so it survives reload and restart. Whatever is
 * stored is read through zod: a draft with any bad value is dropped whole
 * (never half-applied); a setting it does not name (one added since it was
 * saved) takes its default, so adding a setting never throws a draft away.
 */

export const DRAFT_KEY = 'keyframe.draft.v2';
/** Drafts saved before the settings took the request's own names (negativePrompt, aspect, audio…). */
export const DRAFT_KEY_V1 = 'keyframe.draft.v1';

/** The v1 draft exactly as those builds wrote and checked it. */
const DraftV1Schema = z.object({
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Defaults for the fields a draft must have. An optional field left out of a
 * stored draft stays unset: unset is a value of its own (resize_mode unset is
 * "the provider's default", which a reused job may have asked for).
 */
const REQUIRED_DEFAULTS = Object.fromEntries(
  Object.entries(DEFAULT_DRAFT).filter(([key]) => !DraftSchema.shape[key as keyof Draft].safeParse(undefined).success),
);

/** A stored v2 draft, or undefined when any of its values is wrong. */
export function parseDraft(stored: unknown): Draft | undefined {
  if (!isRecord(stored)) return undefined;
  const parsed = DraftSchema.safeParse({ ...REQUIRED_DEFAULTS, ...stored });
  return parsed.success ? parsed.data : undefined;
}

/** A stored v1 draft under today's names, or undefined when it is not a whole, valid v1 draft. */
export function migrateDraftV1(stored: unknown): Draft | undefined {
  const v1 = DraftV1Schema.safeParse(stored);
  if (!v1.success) return undefined;
  const d = v1.data;
  return parseDraft({
    prompt: d.prompt,
    negative_prompt: d.negativePrompt,
    model: d.model,
    duration: d.duration,
    aspect_ratio: d.aspect,
    resolution: d.resolution,
    seedMode: d.seedMode,
    seed: d.seed,
    sample_count: d.sampleCount,
    generate_audio: d.audio,
    person_generation: d.person,
    resize_mode: d.resizeMode,
    ...(d.first ? { first: d.first } : {}),
    ...(d.last ? { last: d.last } : {}),
  } satisfies Partial<Draft>);
}

const CORRUPT = Symbol('corrupt');

/** JSON.parse of a stored item: undefined when absent, CORRUPT when it is not JSON. */
function readJson(key: string): unknown {
  const raw = localStorage.getItem(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return CORRUPT;
  }
}

export function loadDraft(): Draft {
  try {
    const current = readJson(DRAFT_KEY);
    if (current !== undefined) return parseDraft(current) ?? DEFAULT_DRAFT;
    const old = readJson(DRAFT_KEY_V1);
    if (old === undefined) return DEFAULT_DRAFT;
    const migrated = migrateDraftV1(old);
    if (!migrated) return DEFAULT_DRAFT;
    // The old copy goes only once the new one is stored: a full storage must not cost the draft.
    if (saveDraft(migrated)) localStorage.removeItem(DRAFT_KEY_V1);
    return migrated;
  } catch {
    // Storage disabled (or absent): start from the defaults.
    return DEFAULT_DRAFT;
  }
}

/** True once the draft is stored. */
export function saveDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(DraftSchema.parse(draft)));
    return true;
  } catch {
    // Storage full or disabled: the draft just won't outlive this page.
    return false;
  }
}
