/**
 * The choices and limits of a Veo 3.1 generation request, without its schema
 * (generation.ts builds the schema from these and re-exports them). The page's
 * form, filters and labels need them from the first paint on, and zod must not
 * load for that.
 */

export const MODELS = ['veo3.1-fast-official', 'veo3.1-quality-official'] as const;
export type Model = (typeof MODELS)[number];
/** The short names people type for the models (`--model fast`, a batch's model column). */
export const MODEL_ALIASES: Readonly<Record<string, Model>> = { fast: MODELS[0], quality: MODELS[1] };

export const DURATIONS = [4, 6, 8] as const;
export type Duration = (typeof DURATIONS)[number];

export const ASPECT_RATIOS = ['16:9', '9:16'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const RESOLUTIONS = ['720p', '1080p', '4K'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const PERSON_POLICIES = ['allow_adult', 'disallow'] as const;
export type PersonGeneration = (typeof PERSON_POLICIES)[number];

export const RESIZE_MODES = ['pad', 'crop'] as const;
export type ResizeMode = (typeof RESIZE_MODES)[number];

export const SEED_MAX = 4_294_967_295;
export const PROMPT_MAX_CHARS = 4000;
export const NEGATIVE_PROMPT_MAX_CHARS = 2000;
export const SAMPLE_COUNT_MAX = 4;
export const IMAGE_MAX_BYTES = 20_971_520;

/** The settings a request leaves out and what each then is. */
export interface RequestDefaults {
  model: Model;
  duration: Duration;
  aspect_ratio: AspectRatio;
  resolution: Resolution;
  sample_count: number;
  generate_audio: boolean;
  person_generation: PersonGeneration;
}

/**
 * What each setting is when a request leaves it out (settings without a default
 * are absent). The request schema takes its defaults from here, so no other
 * module repeats one.
 */
export const REQUEST_DEFAULTS: Readonly<RequestDefaults> = Object.freeze({
  model: 'veo3.1-fast-official',
  duration: 8,
  aspect_ratio: '16:9',
  resolution: '720p',
  sample_count: 1,
  generate_audio: false,
  person_generation: 'allow_adult',
});
