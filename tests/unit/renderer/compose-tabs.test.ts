import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordedGenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { JobView } from '../../../shared/ipc/views.js';
import { FULL_DRAFT } from './support/compose-samples.js';
import { MemoryStorage } from './support/memory-storage.js';

/** The compose store's draft tabs: "Reuse settings" never overwrites a draft being written, and Ctrl+Z brings it back. */

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

describe('loadRequest (Reuse settings)', () => {
  it('opens a new tab when the current draft has words, and leaves that draft whole', async () => {
    const compose = await store();
    compose.getState().update(FULL_DRAFT);
    compose.getState().loadRequest(request({ prompt: 'a fox', duration: 4 }));
    const s = compose.getState();
    expect(s.tabs).toHaveLength(2);
    expect(s.prompt).toBe('a fox');
    expect(s.duration).toBe(4);
    expect(s.tabs.find((t) => t.id !== s.activeTab)?.draft).toEqual(FULL_DRAFT);
  });

  it('Ctrl+Z (undoDraft) closes the reused tab and puts the earlier draft back in the form', async () => {
    const compose = await store();
    compose.getState().update(FULL_DRAFT);
    compose.getState().loadRequest(request({ prompt: 'a fox' }));
    expect(compose.getState().undoDraft()).toBe(true);
    const s = compose.getState();
    expect(s.tabs).toHaveLength(1);
    expect(s.prompt).toBe(FULL_DRAFT.prompt);
    expect(s.first).toEqual(FULL_DRAFT.first);
    expect(compose.getState().undoDraft()).toBe(false);
  });

  it('keeps every tab across a reload, the active one in front', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'being written' });
    compose.getState().loadRequest(request({ prompt: 'a fox' }));
    vi.resetModules();
    const reloaded = (await store()).getState();
    expect(reloaded.prompt).toBe('a fox');
    expect(reloaded.tabs.map((t) => (t.id === reloaded.activeTab ? 'a fox' : t.draft.prompt))).toEqual(['being written', 'a fox']);
  });
});

describe('openWithFrame ("Continue from this frame")', () => {
  it('opens a new tab with the settings, no words and the frame; the draft being written stays', async () => {
    const compose = await store();
    compose.getState().update(FULL_DRAFT);
    compose.getState().openWithFrame('first', { frameId: 'c'.repeat(64), mime: 'image/png', bytes: 10, width: 1280, height: 720, mediaUrl: 'keyframe-media://frame/c' });
    const s = compose.getState();
    expect(s.tabs).toHaveLength(2);
    expect(s.prompt).toBe('');
    expect(s.first?.ref).toEqual({ kind: 'frame', frameId: 'c'.repeat(64) });
    expect(s.last).toBeUndefined();
    expect(s.model).toBe(FULL_DRAFT.model);
    expect(s.tabs.find((t) => t.id !== s.activeTab)?.draft).toEqual(FULL_DRAFT);
  });
});

describe('newTab, switchTab, closeTab', () => {
  it('a new tab keeps the settings and starts without words or frames', async () => {
    const compose = await store();
    compose.getState().update(FULL_DRAFT);
    compose.getState().newTab();
    const s = compose.getState();
    expect(s.prompt).toBe('');
    expect(s.negative_prompt).toBe('');
    expect(s.first).toBeUndefined();
    expect(s.model).toBe(FULL_DRAFT.model);
    expect(s.duration).toBe(FULL_DRAFT.duration);
  });

  it('switching tabs carries each draft with it; closing one can be undone', async () => {
    const compose = await store();
    compose.getState().update({ prompt: 'one' });
    compose.getState().newTab();
    compose.getState().update({ prompt: 'two' });
    const [first, second] = compose.getState().tabs;
    compose.getState().switchTab(first?.id ?? '');
    expect(compose.getState().prompt).toBe('one');
    compose.getState().closeTab(second?.id ?? '');
    expect(compose.getState().tabs).toHaveLength(1);
    compose.getState().undoDraft();
    expect(compose.getState().prompt).toBe('two');
    expect(compose.getState().tabs).toHaveLength(2);
  });
});
