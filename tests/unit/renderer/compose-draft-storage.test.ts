import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_DEFAULTS } from '../../../shared/domain/generation.js';
import { DRAFT_KEY, DRAFT_KEY_V1, loadDraft, saveDraft } from '../../../renderer/src/features/compose/draft-storage.js';
import { DEFAULT_DRAFT } from '../../../renderer/src/features/compose/request.js';
import { FRAME_A, FULL_DRAFT, storedFrame } from './support/compose-samples.js';
import { MemoryStorage } from './support/memory-storage.js';

/** The persisted draft: loaded whole or not at all, and a v1 draft carried over under the new names. */

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A draft exactly as a v1 build stored it. */
const V1_DRAFT = {
  prompt: 'A slow dolly shot through a greenhouse',
  negativePrompt: 'blur',
  model: 'veo3.1-quality-official',
  duration: 4,
  aspect: '9:16',
  resolution: '1080p',
  seedMode: 'fixed',
  seed: 42,
  sampleCount: 3,
  audio: true,
  person: 'disallow',
  resizeMode: 'crop',
  first: storedFrame(FRAME_A),
};
const stored = (key: string): unknown => JSON.parse(storage.getItem(key) ?? 'null');

describe('DEFAULT_DRAFT', () => {
  it('takes every setting the schema has a default for from the schema', () => {
    expect(DEFAULT_DRAFT).toEqual({
      prompt: '',
      negative_prompt: '',
      ...REQUEST_DEFAULTS,
      seedMode: 'random',
      seed: 0,
      resize_mode: 'pad',
    });
  });
});

describe('loadDraft', () => {
  it('starts from the defaults when nothing is stored', () => {
    expect(loadDraft()).toEqual(DEFAULT_DRAFT);
  });

  it('gives back what was saved', () => {
    expect(saveDraft(FULL_DRAFT)).toBe(true);
    expect(loadDraft()).toEqual(FULL_DRAFT);
  });

  it('keeps an unset resize mode unset across a reload (unset asks for the provider default)', () => {
    const draft = { ...FULL_DRAFT, resize_mode: undefined };
    saveDraft(draft);
    expect(loadDraft()).not.toHaveProperty('resize_mode');
  });

  it.each([
    ['not JSON', '{"prompt": "a fox"'],
    ['a wrong type', '{"prompt": 42}'],
    ['null', 'null'],
    ['an array', '["a fox"]'],
    ['a string', '"a fox"'],
  ])('drops a stored draft that is %s, back to the defaults', (_what, raw) => {
    storage.setItem(DRAFT_KEY, raw);
    expect(loadDraft()).toEqual(DEFAULT_DRAFT);
  });

  it('drops a draft with one bad value whole, never half-applied', () => {
    storage.setItem(DRAFT_KEY, JSON.stringify({ ...FULL_DRAFT, model: 'veo2' }));
    const loaded = loadDraft();
    expect(loaded).toEqual(DEFAULT_DRAFT);
    expect(loaded.prompt).toBe('');
  });

  it('keeps a draft that lacks a setting added since it was saved, with that setting at its default', () => {
    const { generate_audio: _dropped, ...older } = FULL_DRAFT;
    storage.setItem(DRAFT_KEY, JSON.stringify(older));
    expect(loadDraft()).toEqual({ ...FULL_DRAFT, generate_audio: REQUEST_DEFAULTS.generate_audio });
  });

  it('starts from the defaults when storage is missing or refuses to be read', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(loadDraft()).toEqual(DEFAULT_DRAFT);
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(loadDraft()).toEqual(DEFAULT_DRAFT);
  });
});

describe('loadDraft: a v1 draft', () => {
  const MIGRATED = {
    prompt: 'A slow dolly shot through a greenhouse',
    negative_prompt: 'blur',
    model: 'veo3.1-quality-official',
    duration: 4,
    aspect_ratio: '9:16',
    resolution: '1080p',
    seedMode: 'fixed',
    seed: 42,
    sample_count: 3,
    generate_audio: true,
    person_generation: 'disallow',
    resize_mode: 'crop',
    first: storedFrame(FRAME_A),
  };

  it('is carried over under the new names, every field', () => {
    storage.setItem(DRAFT_KEY_V1, JSON.stringify(V1_DRAFT));
    expect(loadDraft()).toEqual(MIGRATED);
  });

  it('is stored under the new key and the old copy removed, so it is migrated once', () => {
    storage.setItem(DRAFT_KEY_V1, JSON.stringify(V1_DRAFT));
    loadDraft();
    expect(stored(DRAFT_KEY)).toEqual(MIGRATED);
    expect(storage.getItem(DRAFT_KEY_V1)).toBeNull();
    expect(loadDraft()).toEqual(MIGRATED);
  });

  it('keeps the old copy when the new one cannot be stored (a full storage must not cost the draft)', () => {
    storage.setItem(DRAFT_KEY_V1, JSON.stringify(V1_DRAFT));
    storage.failWrites = true;
    expect(loadDraft()).toEqual(MIGRATED);
    expect(storage.getItem(DRAFT_KEY_V1)).not.toBeNull();
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    storage.failWrites = false;
    expect(loadDraft()).toEqual(MIGRATED);
    expect(storage.getItem(DRAFT_KEY_V1)).toBeNull();
  });

  it('is dropped to the defaults when corrupt, not half-applied', () => {
    storage.setItem(DRAFT_KEY_V1, JSON.stringify({ ...V1_DRAFT, aspect: '4:3' }));
    expect(loadDraft()).toEqual(DEFAULT_DRAFT);
    storage.setItem(DRAFT_KEY_V1, '{"prompt": 42}');
    expect(loadDraft()).toEqual(DEFAULT_DRAFT);
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('gives way to a v2 draft when both are stored', () => {
    storage.setItem(DRAFT_KEY_V1, JSON.stringify(V1_DRAFT));
    saveDraft(FULL_DRAFT);
    expect(loadDraft()).toEqual(FULL_DRAFT);
  });
});

describe('saveDraft', () => {
  it('says false, without throwing, when the storage is full', () => {
    storage.failWrites = true;
    expect(saveDraft(FULL_DRAFT)).toBe(false);
  });

  it('stores only the draft fields', () => {
    saveDraft({ ...FULL_DRAFT, submitting: true } as typeof FULL_DRAFT);
    expect(stored(DRAFT_KEY)).not.toHaveProperty('submitting');
  });
});
