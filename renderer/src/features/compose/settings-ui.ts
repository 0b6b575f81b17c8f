import type { RequestKey } from '../../../../shared/domain/generation.js';
import type { MessageKey } from '../../i18n';
import type { FieldErrors } from './request';

/**
 * How the form presents each setting of the request: the label its control
 * shows, and where its error appears (beside that control, or under Generate
 * for a setting without one). Every setting is listed, so a new one does not
 * compile until it has a label in the string tables and a place for its error;
 * an error with no place would leave Generate doing nothing, silently.
 */
export const SETTING_UI = {
  prompt: { label: 'compose.label', error: 'control' },
  negative_prompt: { label: 'compose.negative.label', error: 'control' },
  model: { label: 'compose.model.label', error: 'control' },
  duration: { label: 'compose.duration.label', error: 'control' },
  aspect_ratio: { label: 'compose.aspect.label', error: 'control' },
  resolution: { label: 'compose.resolution.label', error: 'control' },
  first_frame_image: { label: 'compose.frame.first', error: 'control' },
  last_frame_image: { label: 'compose.frame.last', error: 'control' },
  seed: { label: 'compose.seed.label', error: 'control' },
  sample_count: { label: 'compose.outputs.label', error: 'control' },
  generate_audio: { label: 'compose.audio.label', error: 'control' },
  person_generation: { label: 'compose.person.label', error: 'control' },
  resize_mode: { label: 'compose.resize.label', error: 'submit' },
  // No control: always on. Its label is the hint under the prompt.
  enhance_prompt: { label: 'compose.enhance', error: 'submit' },
} as const satisfies { [K in RequestKey]-?: { label: MessageKey; error: 'control' | 'submit' } };

const SHOWN_AT_SUBMIT = (Object.keys(SETTING_UI) as RequestKey[]).filter((k) => SETTING_UI[k].error === 'submit');

/** The error shown under Generate: the request's own, else the first of a setting without a control. */
export function submitError(errors: FieldErrors): string | undefined {
  return errors.request ?? SHOWN_AT_SUBMIT.map((k) => errors[k]).find((m) => m !== undefined);
}
