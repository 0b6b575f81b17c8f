import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordedGenerationRequestSchema } from '../../../shared/domain/generation.js';
import { MemoryStorage } from './support/memory-storage.js';

/**
 * The library's and the queue's way to the compose draft, which loads with the
 * Studio: the draft is changed before the Studio is shown, never after.
 */

vi.mock('../../../renderer/src/api', () => ({ api: {} }));

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

describe('editDraftInStudio', () => {
  it('shows the Studio only once the draft holds the change', async () => {
    const { editDraftInStudio } = await import('../../../renderer/src/features/compose/compose-handoff.js');
    const { useNavigationStore } = await import('../../../renderer/src/navigation-store.js');
    const { useComposeStore } = await import('../../../renderer/src/features/compose/compose-store.js');
    useNavigationStore.getState().go('library');
    const promptWhenShown: string[] = [];
    useNavigationStore.subscribe((s) => {
      if (s.view === 'studio') promptWhenShown.push(useComposeStore.getState().prompt);
    });

    await editDraftInStudio((compose) => compose.loadRequest(RecordedGenerationRequestSchema.parse({ prompt: 'a fox at dawn' })));

    expect(promptWhenShown).toEqual(['a fox at dawn']);
  });

  it('hands back what the change returns', async () => {
    const { withCompose } = await import('../../../renderer/src/features/compose/compose-handoff.js');
    expect(await withCompose((compose) => compose.undoDraft())).toBe(false);
  });
});
