import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordedGenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { JobView } from '../../../shared/ipc/views.js';
import { FRAME_A, FULL_DRAFT } from './support/compose-samples.js';
import { MemoryStorage } from './support/memory-storage.js';

/** The compose store's "reuse settings" entry point, with the page's API stubbed out. */

vi.mock('../../../renderer/src/api', () => ({ api: {} }));

let storage: MemoryStorage;
beforeEach(() => {
  vi.resetModules();
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const store = async () => (await import('../../../renderer/src/features/compose/compose-store.js')).useComposeStore;
const request = (input: Record<string, unknown>): JobView['request'] => RecordedGenerationRequestSchema.parse(input);

describe('useComposeStore.loadRequest', () => {
  it('replaces the whole draft: a setting the request leaves unset does not keep the previous value', async () => {
    const compose = await store();
    compose.getState().update(FULL_DRAFT);
    compose.getState().loadRequest(request({ prompt: 'a fox', first_frame_image: { kind: 'url', url: 'https://cdn.example.com/a.png' } }));
    const s = compose.getState();
    expect(s.prompt).toBe('a fox');
    expect(s.resize_mode).toBeUndefined();
    expect(s.enhance_prompt).toBeUndefined();
    expect(s.last).toBeUndefined();
    expect(s.negative_prompt).toBe('');
    expect(s.seedMode).toBe('random');
    expect(s.first?.ref).toEqual({ kind: 'url', url: 'https://cdn.example.com/a.png' });
  });

  it('reports frames it could not reuse, and an edit clears the report', async () => {
    const compose = await store();
    compose.getState().loadRequest(request({ prompt: 'x', first_frame_image: { kind: 'file', path: '/home/me/a.png' } }));
    expect(compose.getState().droppedFrames).toBe(1);
    compose.getState().update({ prompt: 'y' });
    expect(compose.getState().droppedFrames).toBe(0);
  });

  it('saves the loaded draft, so it survives a reload', async () => {
    const compose = await store();
    compose.getState().loadRequest(request({ prompt: 'a fox', seed: 9, first_frame_image: { kind: 'file', path: `/data/frames/${FRAME_A}.png` } }));
    vi.resetModules();
    const reloaded = (await store()).getState();
    expect(reloaded.prompt).toBe('a fox');
    expect(reloaded.seed).toBe(9);
    expect(reloaded.first?.ref).toEqual({ kind: 'frame', frameId: FRAME_A });
  });
});
