import type { RequestKey } from '../../../../shared/domain/generation.js';
import type { FieldErrors } from './request';

/**
 * Where the form shows each setting's error: beside the setting's own control,
 * or under Generate for a setting that has none. Every setting is listed, so a
 * new one does not compile until it has a place; an error with no place would
 * leave Generate doing nothing, silently.
 */
export const ERROR_PLACES = {
  prompt: 'control',
  negative_prompt: 'control',
  model: 'control',
  duration: 'control',
  aspect_ratio: 'control',
  resolution: 'control',
  first_frame_image: 'control',
  last_frame_image: 'control',
  seed: 'control',
  sample_count: 'control',
  generate_audio: 'control',
  person_generation: 'control',
  resize_mode: 'submit',
  enhance_prompt: 'submit',
} as const satisfies { [K in RequestKey]-?: 'control' | 'submit' };

const SUBMIT_PLACED = (Object.keys(ERROR_PLACES) as RequestKey[]).filter((k) => ERROR_PLACES[k] === 'submit');

/** The error shown under Generate: the request's own, else the first of a setting without a control. */
export function submitError(errors: FieldErrors): string | undefined {
  return errors.request ?? SUBMIT_PLACED.map((k) => errors[k]).find((m) => m !== undefined);
}
