import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordedGenerationRequestSchema } from '../../../shared/domain/generation.js';
import type { HistoryPage } from '../../../shared/ipc/views.js';
import { FRAME_A, FULL_DRAFT } from './support/compose-samples.js';
import { MemoryStorage } from './support/memory-storage.js';
import { jobView } from './view-samples.js';

/**
 * Prompt history in the page: "Reuse" opens an entry's prompt and settings
 * as the draft through the compose store's own path, and the cached recent
 * list is marked stale when a job appears (main records its prompt then).
 */

const api = vi.hoisted(() => ({ history: { list: vi.fn<(input: { search?: string; limit: number }) => Promise<HistoryPage>>() } }));
vi.mock('../../../renderer/src/api', () => ({ api }));

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

const entry = (input: Record<string, unknown>, lastUsedAt = 5) => ({ request: RecordedGenerationRequestSchema.parse(input), lastUsedAt, uses: 1 });

describe('reuseFromHistory', () => {
  it('replaces the draft with the entry’s prompt and settings, frames from the frame store included, and shows the Studio', async () => {
    const { reuseFromHistory } = await import('../../../renderer/src/features/history/reuse.js');
    const { useComposeStore } = await import('../../../renderer/src/features/compose/compose-store.js');
    const { useNavigationStore } = await import('../../../renderer/src/navigation-store.js');
    useComposeStore.getState().update(FULL_DRAFT);
    useNavigationStore.getState().go('library');
    reuseFromHistory(
      entry({ prompt: 'a kite over the dunes', duration: 6, seed: 7, model: 'veo3.1-fast-official', first_frame_image: { kind: 'file', path: `/data/frames/${FRAME_A}.png` } }),
    );
    const s = useComposeStore.getState();
    expect([s.prompt, s.duration, s.seedMode, s.seed, s.model, s.negative_prompt, s.last]).toEqual(['a kite over the dunes', 6, 'fixed', 7, 'veo3.1-fast-official', '', undefined]);
    expect(s.first?.ref).toEqual({ kind: 'frame', frameId: FRAME_A });
    expect(useNavigationStore.getState().view).toBe('studio');
  });
});

describe('the history cache', () => {
  it('fetches the recent prompts once, and is stale once a new job appears in the queue', async () => {
    const { useHistoryStore, RECENT_LIMIT } = await import('../../../renderer/src/features/history/history-store.js');
    const { useQueueStore } = await import('../../../renderer/src/features/queue/queue-store.js');
    api.history.list.mockResolvedValueOnce({ total: 1, items: [entry({ prompt: 'a paper boat' })] });
    await useHistoryStore.getState().load();
    expect(api.history.list).toHaveBeenCalledWith({ limit: RECENT_LIMIT });
    expect(useHistoryStore.getState()).toMatchObject({ loaded: true, stale: false, total: 1 });

    // A job's progress is no new prompt; a new job is.
    useQueueStore.getState().apply([jobView({ id: 'a' })]);
    expect(useHistoryStore.getState().stale).toBe(true);
    api.history.list.mockResolvedValueOnce({ total: 2, items: [entry({ prompt: 'a crane' }, 9), entry({ prompt: 'a paper boat' })] });
    await useHistoryStore.getState().load();
    expect(useHistoryStore.getState().stale).toBe(false);
    useQueueStore.getState().apply([jobView({ id: 'a', state: 'generating', updatedAt: 2_000 })]);
    expect(useHistoryStore.getState().stale).toBe(false);
    expect(useHistoryStore.getState().entries.map((e) => e.request.prompt)).toEqual(['a crane', 'a paper boat']);
  });

  it('keeps what it had and says why when a fetch fails', async () => {
    const { useHistoryStore } = await import('../../../renderer/src/features/history/history-store.js');
    api.history.list.mockRejectedValueOnce({ code: 'io', message: 'Keyframe could not read a file.' });
    await useHistoryStore.getState().load();
    expect(useHistoryStore.getState()).toMatchObject({ loaded: true, loading: false, error: { code: 'io' } });
  });
});
