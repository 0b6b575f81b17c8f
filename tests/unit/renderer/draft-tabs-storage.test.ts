import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_KEY, DRAFT_KEY_V1, saveDraft } from '../../../renderer/src/features/compose/draft-storage.js';
import { DRAFT_TABS_KEY, loadDraftTabs, saveDraftTabs } from '../../../renderer/src/features/compose/draft-tabs-storage.js';
import { DEFAULT_DRAFT } from '../../../renderer/src/features/compose/request.js';
import { draftWith, FULL_DRAFT } from './support/compose-samples.js';
import { MemoryStorage } from './support/memory-storage.js';

/** The draft tabs in localStorage: carried over from the single draft, each tab checked on its own, the active one mirrored. */

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const stored = (key: string): unknown => JSON.parse(storage.getItem(key) ?? 'null');

describe('loadDraftTabs', () => {
  it('starts with one blank "Draft 1" when nothing is stored', () => {
    const { tabs, active } = loadDraftTabs();
    expect(tabs).toHaveLength(1);
    expect(tabs[0]).toMatchObject({ n: 1, draft: DEFAULT_DRAFT, id: active });
  });

  it('carries the single (v2) draft over as Draft 1 and stores the tabs', () => {
    saveDraft(FULL_DRAFT);
    const { tabs, active } = loadDraftTabs();
    expect(tabs.map((t) => t.draft)).toEqual([FULL_DRAFT]);
    expect(stored(DRAFT_TABS_KEY)).toEqual({ active, tabs: [{ id: active, n: 1, draft: FULL_DRAFT }] });
  });

  it('carries a v1 draft over too, through the single draft’s own migration', () => {
    storage.setItem(DRAFT_KEY_V1, JSON.stringify({ ...v1Draft, prompt: 'from v1' }));
    const { tabs } = loadDraftTabs();
    expect(tabs[0]?.draft.prompt).toBe('from v1');
    expect(storage.getItem(DRAFT_KEY_V1)).toBeNull();
  });

  it('gives back every tab and the active one, as saved', () => {
    const saved = { active: 'b', tabs: [{ id: 'a', n: 1, draft: draftWith({ prompt: 'one' }) }, { id: 'b', n: 3, draft: FULL_DRAFT }] };
    expect(saveDraftTabs(saved)).toBe(true);
    expect(loadDraftTabs()).toEqual(saved);
  });

  it('resets one bad tab to the defaults without touching the others (never half-applied)', () => {
    storage.setItem(
      DRAFT_TABS_KEY,
      JSON.stringify({ active: 'a', tabs: [{ id: 'a', n: 1, draft: { prompt: 42 } }, { id: 'b', n: 2, draft: { ...FULL_DRAFT, model: 'veo2' } }, { id: 'c', n: 3, draft: FULL_DRAFT }] }),
    );
    const { tabs, active } = loadDraftTabs();
    expect(active).toBe('a');
    expect(tabs.map((t) => t.draft)).toEqual([DEFAULT_DRAFT, DEFAULT_DRAFT, FULL_DRAFT]);
  });

  it.each([
    ['not JSON', '{"active": "a"'],
    ['no tabs', '{"active": "a", "tabs": []}'],
    ['a wrong shape', '["a"]'],
  ])('falls back to the single draft (the active tab’s mirror) when the list is %s', (_what, raw) => {
    saveDraft(FULL_DRAFT);
    storage.setItem(DRAFT_TABS_KEY, raw);
    expect(loadDraftTabs().tabs.map((t) => t.draft)).toEqual([FULL_DRAFT]);
  });

  it('drops a repeated id, renumbers a repeated number, and picks the first tab when the active one is unknown', () => {
    storage.setItem(
      DRAFT_TABS_KEY,
      JSON.stringify({ active: 'gone', tabs: [{ id: 'a', n: 1, draft: FULL_DRAFT }, { id: 'a', n: 2, draft: DEFAULT_DRAFT }, { id: 'b', n: 1, draft: DEFAULT_DRAFT }] }),
    );
    const { tabs, active } = loadDraftTabs();
    expect(tabs.map((t) => [t.id, t.n])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(active).toBe('a');
  });

  it('starts from the defaults when storage refuses to be read', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(loadDraftTabs().tabs.map((t) => t.draft)).toEqual([DEFAULT_DRAFT]);
  });
});

describe('saveDraftTabs', () => {
  it('mirrors the active tab under the single-draft key, so a build from before tabs opens on it', () => {
    saveDraftTabs({ active: 'b', tabs: [{ id: 'a', n: 1, draft: DEFAULT_DRAFT }, { id: 'b', n: 2, draft: FULL_DRAFT }] });
    expect(stored(DRAFT_KEY)).toEqual(FULL_DRAFT);
  });

  it('says false, without throwing, when the storage is full', () => {
    storage.failWrites = true;
    expect(saveDraftTabs({ active: 'a', tabs: [{ id: 'a', n: 1, draft: FULL_DRAFT }] })).toBe(false);
  });
});

/** A draft exactly as a v1 build stored it. */
const v1Draft = {
  prompt: 'x',
  negativePrompt: '',
  model: 'veo3.1-fast-official',
  duration: 8,
  aspect: '16:9',
  resolution: '720p',
  seedMode: 'random',
  seed: 0,
  sampleCount: 1,
  audio: false,
  person: 'allow_adult',
  resizeMode: 'pad',
};
