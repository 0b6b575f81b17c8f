import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryQuery } from '../../../shared/domain/library-query.js';
import type { KeyframeVideoView, LibraryPage, VideoView } from '../../../shared/ipc/views.js';
import { useLibraryStore } from '../../../renderer/src/features/library/library-store.js';
import { openResult } from '../../../renderer/src/features/library/open-result.js';
import { useToastStore } from '../../../renderer/src/features/library/toast-store.js';
import { trashVideo, trashVideos } from '../../../renderer/src/features/library/trash-flow.js';
import { useNavigationStore } from '../../../renderer/src/navigation-store.js';
import { useSelectedVideo } from '../../../renderer/src/selection/selected-video.js';
import { useSelectionStore } from '../../../renderer/src/selection/selection-store.js';
import { videos } from './view-samples.js';

/**
 * Trash, Undo and "Open result" against a fake main: after a trash the clip that takes its place
 * is selected and the toast offers Undo for main's window; Undo brings the clip back selected; "Open
 * result" selects exactly the result and drops only the filters that would hide it.
 */

const UNDO_MS = 15_000;
const api = vi.hoisted(() => ({
  library: {
    query: vi.fn<(q: LibraryQuery) => Promise<LibraryPage>>(),
    get: vi.fn<(input: { id: string }) => Promise<VideoView>>(),
    trash: vi.fn<(input: { id: string }) => Promise<{ ok: true; undoMs: number }>>(),
    restore: vi.fn<(input: { id: string }) => Promise<VideoView>>(),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

let library: KeyframeVideoView[] = [];
let trashed: KeyframeVideoView[] = [];
const initial = useLibraryStore.getState();
const lib = () => useLibraryStore.getState();
const selection = () => useSelectionStore.getState();
const shown = () => useSelectedVideo.getState().video;
const toast = () => useToastStore.getState().toast;
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

beforeEach(() => {
  useLibraryStore.setState(initial, true);
  useSelectionStore.getState().clear();
  useToastStore.getState().dismiss();
  useNavigationStore.setState({ view: 'studio' });
  vi.clearAllMocks();
  library = videos(0, 150).map((v, i) => ({ ...v, request: { ...v.request, aspect_ratio: i % 2 === 0 ? '16:9' : '9:16' } }));
  trashed = [];
  api.library.query.mockImplementation(async (q) => {
    const found = library.filter((v) => (q.aspect === undefined || v.request.aspect_ratio === q.aspect) && (q.favorite === undefined || v.favorite === q.favorite));
    const offset = q.offset ?? 0;
    return { total: found.length, items: found.slice(offset, offset + (q.limit ?? 100)) };
  });
  api.library.get.mockImplementation(async ({ id }) => {
    const v = library.find((x) => x.id === id);
    if (!v) throw { code: 'not_found', message: 'gone' };
    return v;
  });
  api.library.trash.mockImplementation(async ({ id }) => {
    const v = library.find((x) => x.id === id);
    if (!v) throw { code: 'not_found', message: 'gone' };
    library = library.filter((x) => x.id !== id);
    trashed.push(v);
    return { ok: true, undoMs: UNDO_MS };
  });
  api.library.restore.mockImplementation(async ({ id }) => {
    const v = trashed.find((x) => x.id === id);
    if (!v) throw { code: 'not_found', key: 'library.restore_expired', message: 'too late' };
    library = [...library, v].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
    return v;
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('trash', () => {
  it('selects the clip that takes the trashed one’s place, and offers Undo', async () => {
    await lib().load();
    await lib().selectAt(4);
    expect(await trashVideo(shown() as VideoView)).toBeUndefined();
    expect(api.library.trash).toHaveBeenCalledWith({ id: 'v4' });
    expect(selection()).toMatchObject({ ids: ['v5'], primary: 'v5' });
    expect(shown()?.id).toBe('v5');
    expect(lib().primaryIndex).toBe(4);
    expect(lib().pages[0]?.[4]?.id).toBe('v5');
    expect(toast()).toMatchObject({ text: 'library.trashed', vars: { name: 'v4.mp4' }, action: { label: 'library.undo' } });
  });

  it('Delete, Delete, Delete walks down the grid', async () => {
    await lib().load();
    await lib().selectAt(10);
    for (let i = 0; i < 3; i++) await trashVideo(shown() as VideoView);
    expect(trashed.map((v) => v.id)).toEqual(['v10', 'v11', 'v12']);
    expect(selection().primary).toBe('v13');
  });

  it('trashing the last clip selects the one before it', async () => {
    await lib().load();
    await lib().selectAt(149);
    await trashVideo(shown() as VideoView);
    expect(selection().primary).toBe('v148');
  });

  it('when the next clip’s page is not fetched, the clip now in that place is selected after the reload', async () => {
    await lib().load();
    await lib().selectAt(99);
    expect(Object.keys(lib().pages)).toEqual(['0']);
    await trashVideo(shown() as VideoView);
    expect(selection().primary).toBe('v100');
    expect(shown()?.id).toBe('v100');
  });

  it('a refused trash changes nothing and says why', async () => {
    await lib().load();
    await lib().selectAt(4);
    api.library.trash.mockRejectedValueOnce({ code: 'io', key: 'library.trash_failed', message: 'could not' });
    expect(await trashVideo(shown() as VideoView)).toMatchObject({ code: 'io', key: 'library.trash_failed' });
    expect(selection().primary).toBe('v4');
    expect(toast()).toBeUndefined();
  });

  it('Undo puts the clip back, selected and shown, and the toast goes', async () => {
    await lib().load();
    await lib().selectAt(4);
    await trashVideo(shown() as VideoView);
    await useToastStore.getState().act();
    expect(api.library.restore).toHaveBeenCalledWith({ id: 'v4' });
    expect(selection()).toMatchObject({ ids: ['v4'], primary: 'v4' });
    expect(shown()?.id).toBe('v4');
    expect(lib().pages[0]?.[4]?.id).toBe('v4');
    expect(toast()).toBeUndefined();
  });

  it('an Undo main refuses (too late) is said in the toast; the selection stays', async () => {
    await lib().load();
    await lib().selectAt(4);
    await trashVideo(shown() as VideoView);
    trashed = [];
    await useToastStore.getState().act();
    expect(useToastStore.getState().error).toMatchObject({ key: 'library.restore_expired' });
    expect(selection().primary).toBe('v5');
  });

  it('the toast leaves a second before main’s undo window closes', async () => {
    await lib().load();
    await lib().selectAt(4);
    vi.useFakeTimers();
    const trashing = trashVideo(shown() as VideoView);
    await vi.advanceTimersByTimeAsync(0);
    await trashing;
    vi.advanceTimersByTime(UNDO_MS - 1001);
    expect(toast()).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(toast()).toBeUndefined();
  });
});

describe('trash of several clips', () => {
  const pick = async (...indexes: number[]) => {
    await lib().selectAt(indexes[0] ?? 0);
    for (const i of indexes.slice(1)) await lib().selectAt(i, 'toggle');
  };
  const records = (ids: readonly string[]) => ids.map((id) => library.find((v) => v.id === id) as VideoView);

  it('trashes them all with ONE toast whose Undo brings them all back, selected again', async () => {
    await lib().load();
    await pick(3, 5, 8);
    expect(await trashVideos(records(selection().ids))).toBeUndefined();
    expect(trashed.map((v) => v.id)).toEqual(['v3', 'v5', 'v8']);
    expect(lib().total).toBe(147);
    expect(toast()).toMatchObject({ text: 'library.trashedMany', vars: { count: 3 }, action: { label: 'library.undo' } });
    // The clip now in the first trashed one's place.
    expect(selection()).toMatchObject({ ids: ['v4'], primary: 'v4' });

    await useToastStore.getState().act();
    expect(api.library.restore.mock.calls.map(([a]) => a.id)).toEqual(['v3', 'v5', 'v8']);
    expect(lib().total).toBe(150);
    expect([...selection().ids].sort()).toEqual(['v3', 'v5', 'v8']);
    expect(selection().primary).toBe('v3');
    expect(shown()?.id).toBe('v3');
    expect(toast()).toBeUndefined();
  });

  it('stops at the first clip main refuses: the ones before it are trashed and undoable, the error is returned', async () => {
    await lib().load();
    await pick(1, 2, 3);
    const trashOne = api.library.trash.getMockImplementation();
    api.library.trash.mockImplementation(async (input) => {
      if (input.id === 'v1') throw { code: 'io', key: 'library.trash_failed', message: 'could not' };
      return (trashOne as NonNullable<typeof trashOne>)(input);
    });
    const err = await trashVideos(records(['v2', 'v1', 'v3']));
    expect(err).toMatchObject({ key: 'library.trash_failed' });
    expect(api.library.trash).toHaveBeenCalledTimes(2);
    expect(trashed.map((v) => v.id)).toEqual(['v2']);
    expect(toast()).toMatchObject({ vars: { count: 1 } });
    await useToastStore.getState().act();
    expect(api.library.restore.mock.calls.map(([a]) => a.id)).toEqual(['v2']);
    expect(useToastStore.getState().error).toBeUndefined();
  });

  it('the toast leaves a second before the shortest undo window closes', async () => {
    await lib().load();
    await pick(1, 2);
    api.library.trash.mockImplementation(async ({ id }) => {
      library = library.filter((x) => x.id !== id);
      return { ok: true, undoMs: id === 'v2' ? 5000 : UNDO_MS };
    });
    vi.useFakeTimers();
    const trashing = trashVideos(records(['v1', 'v2']));
    await vi.advanceTimersByTimeAsync(0);
    await trashing;
    vi.advanceTimersByTime(5000 - 1001);
    expect(toast()).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(toast()).toBeUndefined();
  });
});

describe('Open result', () => {
  it('opens the library on exactly that clip', async () => {
    await lib().load();
    await lib().selectAt(2);
    await openResult('v40');
    expect(useNavigationStore.getState().view).toBe('library');
    expect(selection()).toMatchObject({ ids: ['v40'], primary: 'v40' });
    expect(shown()?.id).toBe('v40');
    expect(lib().filters).toEqual({ sort: 'newest' });
    expect(toast()).toBeUndefined();
  });

  it('drops only the filters that would hide it, and says so', async () => {
    lib().setFilters({ aspect: '9:16', favorite: false });
    await settle();
    // v40 is 16:9: the aspect filter hides it, "not a favourite" does not.
    await openResult('v40');
    expect(lib().filters).toMatchObject({ aspect: undefined, favorite: false });
    expect(selection().primary).toBe('v40');
    expect(toast()).toMatchObject({ text: 'library.openResult.filtersCleared' });
    await settle();
    expect(lib().pages[0]?.some((v) => v.id === 'v40')).toBe(true);
  });

  it('a result trashed since selects nothing (no unrelated clip)', async () => {
    await lib().load();
    library = library.filter((v) => v.id !== 'v40');
    await openResult('v40');
    await settle();
    expect(selection().primary).toBeUndefined();
    expect(shown()).toBeUndefined();
    expect(toast()).toMatchObject({ text: 'library.openResult.gone' });
  });
});
