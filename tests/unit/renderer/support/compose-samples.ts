import type { ComposeFrame, Draft } from '../../../../renderer/src/features/compose/draft.js';
import { DEFAULT_DRAFT } from '../../../../renderer/src/features/compose/request.js';

export const FRAME_A = 'a'.repeat(64);
export const FRAME_B = 'b'.repeat(64);

export const storedFrame = (frameId: string): ComposeFrame => ({ ref: { kind: 'frame', frameId }, name: `${frameId.slice(0, 4)}.png`, mime: 'image/png', bytes: 1234, width: 1280, height: 720 });
export const urlFrame = (url: string): ComposeFrame => ({ ref: { kind: 'url', url } });

/** A draft with every setting away from its default. */
export const FULL_DRAFT: Draft = {
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
  enhance_prompt: true,
  first: storedFrame(FRAME_A),
  last: urlFrame('https://cdn.example.com/end.png'),
};

export const draftWith = (patch: Partial<Draft>): Draft => ({ ...DEFAULT_DRAFT, ...patch });
