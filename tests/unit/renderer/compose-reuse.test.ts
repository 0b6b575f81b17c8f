import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ASPECT_RATIOS,
  MODELS,
  PERSON_POLICIES,
  RESIZE_MODES,
  RESOLUTIONS,
  RecordedGenerationRequestSchema,
  type RequestKey,
} from '../../../shared/domain/generation.js';
import { publicHttpsUrlProblem } from '../../../shared/domain/public-url.js';
import { IpcGenerationRequestSchema } from '../../../shared/ipc/contract.js';
import { DraftSchema } from '../../../renderer/src/features/compose/draft.js';
import { loadDraft, saveDraft } from '../../../renderer/src/features/compose/draft-storage.js';
import { draftFromRequest, toRequestInput, type IpcRequest, type RecordedRequest } from '../../../renderer/src/features/compose/request.js';
import { validate } from '../../../renderer/src/features/compose/request-check.js';
import { FRAME_A, FRAME_B } from './support/compose-samples.js';
import { MemoryStorage } from './support/memory-storage.js';

/** Reuse settings: a past job's request → the draft → the same request again. */

beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
afterEach(() => vi.unstubAllGlobals());

const FRAME_DIR = '/home/me/.config/Keyframe/frames';
/** What main records for a request from the page: an imported frame becomes its file in the frame store. */
function recorded(request: IpcRequest): RecordedRequest {
  const onDisk = (ref: IpcRequest['first_frame_image']) =>
    ref?.kind === 'frame' ? { kind: 'file' as const, path: `${FRAME_DIR}/${ref.frameId}.png` } : ref;
  return RecordedGenerationRequestSchema.parse({
    ...request,
    first_frame_image: onDisk(request.first_frame_image),
    last_frame_image: onDisk(request.last_frame_image),
  });
}
const recordedFrom = (input: Record<string, unknown>): RecordedRequest => RecordedGenerationRequestSchema.parse(input);

describe('draftFromRequest: property — request → draft → request is the identity', () => {
  const hex = fc.constantFrom(...'0123456789abcdef');
  const frameArb = fc.oneof(
    fc.string({ unit: hex, minLength: 64, maxLength: 64 }).map((frameId) => ({ kind: 'frame' as const, frameId })),
    fc.webUrl({ validSchemes: ['https'] }).filter((url) => publicHttpsUrlProblem(url) === undefined).map((url) => ({ kind: 'url' as const, url })),
  );
  // Keyed by every request setting: a new one does not compile until the round trip covers it.
  const settingArbs = {
    prompt: fc.string({ minLength: 1, maxLength: 80 }),
    model: fc.constantFrom(...MODELS),
    negative_prompt: fc.string({ maxLength: 30 }),
    duration: fc.constantFrom(4 as const, 6 as const, 8 as const),
    aspect_ratio: fc.constantFrom(...ASPECT_RATIOS),
    resolution: fc.constantFrom(...RESOLUTIONS),
    first_frame_image: frameArb,
    last_frame_image: frameArb,
    seed: fc.nat({ max: 4_294_967_295 }),
    sample_count: fc.integer({ min: 1, max: 4 }),
    generate_audio: fc.boolean(),
    person_generation: fc.constantFrom(...PERSON_POLICIES),
    resize_mode: fc.constantFrom(...RESIZE_MODES),
    enhance_prompt: fc.constant(true as const),
  } satisfies { [K in RequestKey]-?: fc.Arbitrary<unknown> };
  const requestArb = fc.record(settingArbs, { requiredKeys: ['prompt'] });

  it('for every valid request, also through a saved and reloaded draft', () => {
    let checked = 0;
    fc.assert(
      fc.property(requestArb, (input) => {
        const parsed = IpcGenerationRequestSchema.safeParse(input);
        // Invalid combinations (a last frame alone, a blank prompt…) are the schema's job.
        fc.pre(parsed.success);
        if (!parsed.success) return;
        checked += 1;
        const request = parsed.data;
        const { draft, droppedFrames } = draftFromRequest(recorded(request));
        expect(droppedFrames).toBe(0);
        expect(DraftSchema.parse(draft)).toEqual(draft);
        const again = validate(draft);
        expect(again.errors).toBeUndefined();
        expect(again.request).toEqual(request);
        expect(saveDraft(draft)).toBe(true);
        expect(validate(loadDraft()).request).toEqual(request);
      }),
      { numRuns: 300, seed: 20260102 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});

describe('draftFromRequest', () => {
  it('reuses every setting of a full request', () => {
    const { draft, droppedFrames } = draftFromRequest(
      recordedFrom({
        prompt: 'a fox',
        negative_prompt: 'blur',
        model: 'veo3.1-quality-official',
        duration: 6,
        aspect_ratio: '9:16',
        resolution: '4K',
        first_frame_image: { kind: 'file', path: `${FRAME_DIR}/${FRAME_A}.jpg` },
        last_frame_image: { kind: 'url', url: 'https://cdn.example.com/end.png' },
        seed: 7,
        sample_count: 2,
        generate_audio: true,
        person_generation: 'disallow',
        resize_mode: 'crop',
        enhance_prompt: true,
      }),
    );
    expect(droppedFrames).toBe(0);
    expect(draft).toEqual({
      prompt: 'a fox',
      negative_prompt: 'blur',
      model: 'veo3.1-quality-official',
      duration: 6,
      aspect_ratio: '9:16',
      resolution: '4K',
      seedMode: 'fixed',
      seed: 7,
      sample_count: 2,
      generate_audio: true,
      person_generation: 'disallow',
      resize_mode: 'crop',
      enhance_prompt: true,
      first: { ref: { kind: 'frame', frameId: FRAME_A }, name: `${FRAME_A}.jpg` },
      last: { ref: { kind: 'url', url: 'https://cdn.example.com/end.png' } },
    });
  });

  it('turns a request without a seed into random mode', () => {
    const { draft } = draftFromRequest(recordedFrom({ prompt: 'x' }));
    expect(draft.seedMode).toBe('random');
    expect(toRequestInput(draft)).not.toHaveProperty('seed');
  });

  it('keeps an unset resize mode unset when the request has a first frame', () => {
    const { draft } = draftFromRequest(recordedFrom({ prompt: 'x', first_frame_image: { kind: 'url', url: 'https://cdn.example.com/a.png' } }));
    expect(draft).not.toHaveProperty('resize_mode');
    expect(toRequestInput(draft)).not.toHaveProperty('resize_mode');
  });

  it('reports a frame outside the frame store and leaves it out', () => {
    const { draft, droppedFrames } = draftFromRequest(recordedFrom({ prompt: 'x', first_frame_image: { kind: 'file', path: '/home/me/start.png' } }));
    expect(droppedFrames).toBe(1);
    expect(draft).not.toHaveProperty('first');
    expect(validate(draft).errors).toBeUndefined();
  });

  it('drops, and counts, a reusable last frame whose first frame cannot be reused (a last frame needs a first)', () => {
    const { draft, droppedFrames } = draftFromRequest(
      recordedFrom({
        prompt: 'x',
        first_frame_image: { kind: 'file', path: 'C:\\Users\\me\\start.png' },
        last_frame_image: { kind: 'file', path: `${FRAME_DIR}/${FRAME_B}.png` },
      }),
    );
    expect(droppedFrames).toBe(2);
    expect(draft).not.toHaveProperty('first');
    expect(draft).not.toHaveProperty('last');
  });

  it('reuses a frame from the store on Windows paths too', () => {
    const { draft, droppedFrames } = draftFromRequest(recordedFrom({ prompt: 'x', first_frame_image: { kind: 'file', path: `C:\\Keyframe\\frames\\${FRAME_B}.webp` } }));
    expect(droppedFrames).toBe(0);
    expect(draft.first?.ref).toEqual({ kind: 'frame', frameId: FRAME_B });
  });

  it('keeps an old http frame address, which the form then names as the problem', () => {
    const { draft, droppedFrames } = draftFromRequest(recordedFrom({ prompt: 'x', first_frame_image: { kind: 'url', url: 'http://example.com/a.png' } }));
    expect(droppedFrames).toBe(0);
    expect(Object.keys(validate(draft).errors ?? {})).toEqual(['first_frame_image']);
  });
});
