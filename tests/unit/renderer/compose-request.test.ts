import { describe, expect, it } from 'vitest';
import { NEGATIVE_PROMPT_MAX_CHARS } from '../../../shared/domain/generation.js';
import { submitError } from '../../../renderer/src/features/compose/settings-ui.js';
import { DEFAULT_DRAFT, toRequestInput } from '../../../renderer/src/features/compose/request.js';
import { validate } from '../../../renderer/src/features/compose/request-check.js';
import { draftWith, FRAME_A, FULL_DRAFT, storedFrame, urlFrame } from './support/compose-samples.js';

/** Draft → request: what the form sends for each option, and the errors it shows by field. */

describe('toRequestInput', () => {
  it('sends the defaults and the prompt, and nothing the person did not set', () => {
    expect(toRequestInput(draftWith({ prompt: 'a lighthouse' }))).toEqual({
      model: 'veo3.1-fast-official',
      prompt: 'a lighthouse',
      duration: 8,
      aspect_ratio: '16:9',
      resolution: '720p',
      sample_count: 1,
      generate_audio: false,
      person_generation: 'allow_adult',
    });
  });

  it('maps every option of a full draft onto its request setting', () => {
    expect(toRequestInput(FULL_DRAFT)).toEqual({
      model: 'veo3.1-quality-official',
      prompt: 'A slow dolly shot through a greenhouse',
      negative_prompt: 'blur',
      duration: 4,
      aspect_ratio: '9:16',
      resolution: '1080p',
      first_frame_image: { kind: 'frame', frameId: FRAME_A },
      last_frame_image: { kind: 'url', url: 'https://cdn.example.com/end.png' },
      seed: 42,
      sample_count: 3,
      generate_audio: true,
      person_generation: 'disallow',
      resize_mode: 'crop',
      enhance_prompt: true,
    });
  });

  it('never carries a key whose value is undefined (main would see a stray key)', () => {
    for (const draft of [DEFAULT_DRAFT, FULL_DRAFT, draftWith({ resize_mode: undefined, first: storedFrame(FRAME_A) })]) {
      const request = toRequestInput(draft);
      expect(Object.entries(request).filter(([, v]) => v === undefined)).toEqual([]);
    }
  });

  it('sends the seed only in fixed mode, even if one is typed', () => {
    expect(toRequestInput(draftWith({ prompt: 'x', seedMode: 'random', seed: 42 }))).not.toHaveProperty('seed');
    expect(toRequestInput(draftWith({ prompt: 'x', seedMode: 'fixed', seed: 0 })).seed).toBe(0);
  });

  it('leaves out a blank negative prompt and keeps a written one as typed', () => {
    expect(toRequestInput(draftWith({ prompt: 'x', negative_prompt: '  \n ' }))).not.toHaveProperty('negative_prompt');
    expect(toRequestInput(draftWith({ prompt: 'x', negative_prompt: ' rain ' })).negative_prompt).toBe(' rain ');
  });

  it('sends the resize mode only with a first frame, and not at all when unset', () => {
    expect(toRequestInput(draftWith({ prompt: 'x', resize_mode: 'crop' }))).not.toHaveProperty('resize_mode');
    expect(toRequestInput(draftWith({ prompt: 'x', resize_mode: 'crop', first: storedFrame(FRAME_A) })).resize_mode).toBe('crop');
    expect(toRequestInput(draftWith({ prompt: 'x', resize_mode: undefined, first: storedFrame(FRAME_A) }))).not.toHaveProperty('resize_mode');
  });

  it('sends a frame as its reference only (the page never names files)', () => {
    const request = toRequestInput(draftWith({ prompt: 'x', first: storedFrame(FRAME_A) }));
    expect(request.first_frame_image).toEqual({ kind: 'frame', frameId: FRAME_A });
  });

  it('starts a new draft on pad, so a new job records how its frame was fitted', () => {
    expect(toRequestInput(draftWith({ prompt: 'x', first: storedFrame(FRAME_A) })).resize_mode).toBe('pad');
  });
});

describe('validate', () => {
  it('accepts a full draft and returns the request main will take', () => {
    const result = validate(FULL_DRAFT);
    expect(result.errors).toBeUndefined();
    expect(result.request?.prompt).toBe('A slow dolly shot through a greenhouse');
  });

  it('trims the prompt as main does', () => {
    expect(validate(draftWith({ prompt: '  a fox  ' })).request?.prompt).toBe('a fox');
  });

  it.each([
    ['an empty prompt', draftWith({ prompt: '' }), 'prompt', /required/],
    ['a whitespace prompt', draftWith({ prompt: ' \n ' }), 'prompt', /required/],
    ['a prompt with control characters', draftWith({ prompt: 'a\u0007b' }), 'prompt', /control characters/],
    ['a prompt over the limit', draftWith({ prompt: 'p'.repeat(4001) }), 'prompt', /too long/],
    ['a negative prompt over the limit', draftWith({ prompt: 'x', negative_prompt: 'n'.repeat(NEGATIVE_PROMPT_MAX_CHARS + 1) }), 'negative_prompt', /too long/],
    ['a last frame alone', draftWith({ prompt: 'x', last: storedFrame(FRAME_A) }), 'last_frame_image', /needs a first frame/],
    ['an http frame address', draftWith({ prompt: 'x', first: urlFrame('http://example.com/a.png') }), 'first_frame_image', /https/],
    ['a private frame address', draftWith({ prompt: 'x', first: urlFrame('https://192.168.1.20/a.png') }), 'first_frame_image', /private/],
  ])('names the field for %s', (_what, draft, field, words) => {
    const { errors } = validate(draft);
    expect(Object.keys(errors ?? {})).toEqual([field]);
    expect(errors?.[field as keyof typeof errors]?.message).toMatch(words);
  });

  it('reports several fields at once, the first message of each', () => {
    const { errors } = validate(draftWith({ prompt: '', negative_prompt: 'n'.repeat(NEGATIVE_PROMPT_MAX_CHARS + 1), last: storedFrame(FRAME_A) }));
    expect(Object.keys(errors ?? {}).sort()).toEqual(['last_frame_image', 'negative_prompt', 'prompt']);
  });
});

describe('submitError', () => {
  it('shows under Generate the errors of settings that have no control of their own', () => {
    expect(submitError({ resize_mode: 'Resize mode (pad or crop) only applies…' })).toMatch(/Resize mode/);
    expect(submitError({ enhance_prompt: 'Prompt enhancement is always on…' })).toMatch(/always on/);
  });

  it('prefers the request-wide error and leaves settings with a control to their control', () => {
    expect(submitError({ request: 'A generation request must be an object', resize_mode: 'r' })).toMatch(/must be an object/);
    expect(submitError({ prompt: 'Prompt is required', seed: 'Seed must be a whole number' })).toBeUndefined();
  });
});
