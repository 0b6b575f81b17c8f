import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryQuery } from '../../../shared/domain/library-query.js';
import type { LibraryPage, VideoView } from '../../../shared/ipc/views.js';
import { FIRST_LIBRARY_QUERY } from '../../../renderer/src/boot/first-library-query.js';
import { useLibraryStore } from '../../../renderer/src/features/library/library-store.js';
import { useSelectedVideo } from '../../../renderer/src/selection/selected-video.js';
import { useSelectionStore } from '../../../renderer/src/selection/selection-store.js';
import { videos, videoView } from './view-samples.js';

/**
 * The library store against a fake main: which pages it fetches for what the
 * grid shows, which replies it drops (older filters), and what the one
 * selection and the viewer's record are after a pick, a refresh or a change
 * made elsewhere.
 */

const api = vi.hoisted(() => ({
  library: {
    query: vi.fn<(q: LibraryQuery) => Promise<LibraryPage>>(),
    get: vi.fn<(input: { id: string }) => Promise<VideoView>>(),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

/** Main's library: `search` matches ids containing the text (enough to tell two queries apart). */
let library: VideoView[] = [];
function answer(q: LibraryQuery): LibraryPage {
  const found = library.filter((v) => !q.text || v.id.includes(q.text));
  const offset = q.offset ?? 0;
  return { total: found.length, items: found.slice(offset, offset + (q.limit ?? 100)) };
}

/** While `holding`, replies wait in `held` until the test releases them, in the order it chooses. */
let holding = false;
let held: { query: LibraryQuery; release(): void; fail(err: unknown): void }[] = [];

const initial = useLibraryStore.getState();
const store = () => useLibraryStore.getState();
const selection = () => useSelectionStore.getState();
/** The record the viewer and the details pane show. */
const shown = () => useSelectedVideo.getState().video;
/** Runs every promise callback already due: the store's awaited replies land before the test looks. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));
const queried = () => api.library.query.mock.calls.map(([q]) => q);
const offsets = () => queried().map((q) => q.offset);
const pageKeys = () => Object.keys(store().pages).map(Number);

beforeEach(() => {
  useLibraryStore.setState(initial, true);
  useSelectionStore.getState().clear();
  vi.clearAllMocks();
  library = videos(0, 250);
  holding = false;
  held = [];
  api.library.query.mockImplementation((q) => {
    if (!holding) return Promise.resolve(answer(q));
    return new Promise((resolve, reject) => held.push({ query: q, release: () => resolve(answer(q)), fail: reject }));
  });
  api.library.get.mockImplementation(async ({ id }) => {
    const v = library.find((x) => x.id === id);
    if (!v) throw { code: 'not_found', message: 'That video is gone.' };
    return v;
  });
});

afterEach(async () => {
  // Nothing may stay in flight into the next test: the store keeps its one-query-at-a-time flag across tests.
  holding = false;
  while (held.length > 0) {
    for (const h of held.splice(0)) h.release();
    await settle();
  }
});

async function release(i = 0): Promise<void> {
  const [h] = held.splice(i, 1);
  if (!h) throw new Error(`no reply ${i} is waiting`);
  h.release();
  await settle();
}

describe('fetching what the grid shows', () => {
  it('load fetches the first page and reports the total', async () => {
    await store().load();
    expect(queried()).toEqual([{ sort: 'newest', offset: 0, limit: 100 }]);
    expect(store().total).toBe(250);
    expect(pageKeys()).toEqual([0]);
    expect(store().pages[0]?.[0]?.id).toBe('v0');
    expect(store().shownText).toBe('');
    expect(store().error).toBeUndefined();
  });

  it("a start's first load asks exactly what the page asked main before the app loaded (its reply is handed over only then)", async () => {
    await store().load();
    expect(queried()[0]).toEqual(FIRST_LIBRARY_QUERY);
  });

  it('fetches the other pages the visible range needs, once each', async () => {
    await store().load();
    store().setVisible(0, 150);
    await settle();
    expect(offsets()).toEqual([0, 100]);
    expect(pageKeys()).toEqual([0, 1]);
    store().setVisible(0, 150);
    store().setVisible(20, 199);
    await settle();
    expect(offsets()).toEqual([0, 100]);
  });

  it('asks for a page once while its reply is on the way', async () => {
    await store().load();
    holding = true;
    store().setVisible(0, 150);
    store().setVisible(10, 160);
    expect(offsets()).toEqual([0, 100]);
    await release();
    expect(store().pages[1]?.[0]?.id).toBe('v100');
  });

  it('fetches nothing before the total is known, but remembers the range', () => {
    store().setVisible(0, 150);
    expect(api.library.query).not.toHaveBeenCalled();
    expect(store().visible).toEqual([0, 150]);
  });

  it('never asks past the last video', async () => {
    await store().load();
    store().setVisible(0, 999);
    await settle();
    expect(offsets()).toEqual([0, 100, 200]);
  });

  it('a refresh while scrolled starts from the first visible page and drops the pages out of view', async () => {
    await store().load();
    store().setVisible(120, 230);
    await settle();
    expect(pageKeys()).toEqual([0, 1, 2]);
    api.library.query.mockClear();
    await store().load();
    await settle();
    expect(offsets()).toEqual([100, 200]);
    expect(pageKeys()).toEqual([1, 2]);
  });

  it('shows a failed query in words and clears it once a query succeeds', async () => {
    api.library.query.mockRejectedValueOnce({ code: 'io', message: 'The index cannot be read.' });
    await store().load();
    expect(store().error).toMatchObject({ code: 'io', message: 'The index cannot be read.' });
    await store().load();
    expect(store().error).toBeUndefined();
    expect(store().total).toBe(250);
  });

  it('shows a failed page fetch in words', async () => {
    await store().load();
    api.library.query.mockRejectedValueOnce({ code: 'network', message: 'Main is not answering.' });
    store().setVisible(0, 150);
    await settle();
    expect(store().error).toMatchObject({ code: 'network', message: 'Main is not answering.' });
  });
});

describe('filters', () => {
  it('new filters start over from the top with only the new results', async () => {
    await store().load();
    store().setVisible(120, 230);
    await settle();
    store().setFilters({ text: 'v2' });
    expect(store().visible).toEqual([0, 0]);
    await settle();
    expect(queried().at(-1)).toEqual({ sort: 'newest', text: 'v2', offset: 0, limit: 100 });
    const matches = library.filter((v) => v.id.includes('v2')).length;
    expect(store().total).toBe(matches);
    expect(pageKeys()).toEqual([0]);
    expect(store().shownText).toBe('v2');
  });

  it('typing faster than main answers sends only the latest text, and shows its answer', async () => {
    await store().load();
    api.library.query.mockClear();
    holding = true;
    store().setFilters({ text: 'v' });
    store().setFilters({ text: 'v1' });
    store().setFilters({ text: 'v12' });
    expect(queried().map((q) => q.text)).toEqual(['v']);
    await release();
    expect(store().shownText).toBe('');
    expect(queried().map((q) => q.text)).toEqual(['v', 'v12']);
    await release();
    expect(store().shownText).toBe('v12');
    expect(store().pages[0]?.every((v) => v.id.includes('v12'))).toBe(true);
  });

  it('drops a page that arrives for the filters it replaced', async () => {
    await store().load();
    holding = true;
    store().setVisible(0, 150);
    store().setFilters({ text: 'v2' });
    expect(held.map((h) => [h.query.offset, h.query.text])).toEqual([
      [100, undefined],
      [0, 'v2'],
    ]);
    await release(1);
    await release(0);
    expect(pageKeys()).toEqual([0]);
    expect(store().pages[0]?.every((v) => v.id.includes('v2'))).toBe(true);
  });

  it('does not show the error of a query for filters already replaced', async () => {
    await store().load();
    holding = true;
    store().setFilters({ text: 'a' });
    store().setFilters({ text: 'v3' });
    held.shift()?.fail({ code: 'io', message: 'stale failure' });
    await settle();
    await release();
    expect(store().error).toBeUndefined();
    expect(store().shownText).toBe('v3');
  });

  it('clearing the filters keeps the sort order', async () => {
    store().setFilters({ sort: 'oldest', text: 'v1', favorite: true });
    await settle();
    store().clearFilters();
    await settle();
    expect(store().filters).toEqual({ sort: 'oldest' });
    expect(queried().at(-1)).toEqual({ sort: 'oldest', offset: 0, limit: 100 });
  });

  it('the search box: words are searched as typed, a finished filter word becomes a chip and leaves the box', async () => {
    store().typeSearch('v1 fav:y', false);
    expect(store().draft).toBe('v1 fav:y');
    expect(store().filters).toMatchObject({ text: 'v1' });
    expect(store().filters.favorite).toBeUndefined();
    store().typeSearch('v1 fav:yes ', false);
    expect(store().draft).toBe('v1 ');
    expect(store().filters).toMatchObject({ text: 'v1', favorite: true });
    await settle();
    expect(queried().at(-1)).toEqual({ sort: 'newest', text: 'v1', favorite: true, offset: 0, limit: 100 });
    // Enter finishes the last word; a tag word adds to the tags in force.
    store().typeSearch('v1 tag:a', false);
    store().typeSearch('v1 tag:a', true);
    store().typeSearch('v1 tag:b,c', true);
    expect(store().filters.tags).toEqual([['a'], ['b', 'c']]);
    expect(store().draft).toBe('v1');
    await settle();
  });

  it('typing that changes neither words nor filters asks main nothing', async () => {
    store().typeSearch('v1 ', false);
    await settle();
    const asked = queried().length;
    store().typeSearch('v1  ', false);
    store().typeSearch('v1  ar:', false);
    await settle();
    expect(queried()).toHaveLength(asked);
  });

  it('a stack opened shows the shot’s takes; its chip goes and the stacks come back', async () => {
    store().setFilters({ group: 'shot' });
    store().expandShot('job-7', 'A fox');
    expect(store().shotLabel).toBe('A fox');
    await settle();
    expect(queried().at(-1)).toEqual({ sort: 'newest', shot: 'job-7', offset: 0, limit: 100 });
    store().setFilters({ shot: undefined });
    await settle();
    expect(queried().at(-1)).toEqual({ sort: 'newest', group: 'shot', offset: 0, limit: 100 });
  });

  it('clearing the filters empties the search box too (but keeps the stacking)', async () => {
    store().setFilters({ group: 'shot' });
    store().typeSearch('boat ar:9:16 colr:red', false);
    store().clearFilters();
    expect(store().draft).toBe('');
    expect(store().filters).toEqual({ sort: 'newest', group: 'shot' });
    await settle();
  });

  it('each change of filters is a new generation', async () => {
    const g = store().generation;
    store().setFilters({ text: 'x' });
    store().clearFilters();
    expect(store().generation).toBe(g + 2);
    await settle();
  });
});

describe('picking in the grid (the one selection)', () => {
  it('a plain pick selects that clip alone, remembers where it was picked and shows its record at once', async () => {
    await store().load();
    api.library.get.mockClear();
    await store().selectAt(7);
    expect(selection()).toMatchObject({ ids: ['v7'], primary: 'v7', anchor: 'v7' });
    expect(store().primaryIndex).toBe(7);
    expect(shown()?.id).toBe('v7');
    // Taken from the fetched page: no round trip to main before the viewer can show it.
    expect(api.library.get).not.toHaveBeenCalled();
  });

  it('Ctrl/Cmd adds and takes out; Shift selects the range from the anchor in grid order', async () => {
    await store().load();
    await store().selectAt(3);
    await store().selectAt(5, 'toggle');
    expect(selection()).toMatchObject({ ids: ['v3', 'v5'], primary: 'v5' });
    await store().selectAt(8, 'range');
    expect(selection()).toMatchObject({ ids: ['v5', 'v6', 'v7', 'v8'], primary: 'v8', anchor: 'v5' });
    await store().selectAt(8, 'toggle');
    // The primary taken out: the last one still picked becomes the primary, and the viewer follows it.
    expect(selection().primary).toBe('v7');
    expect(shown()?.id).toBe('v7');
    expect(store().primaryIndex).toBe(-1);
  });

  it('new filters keep the selected clip in the viewer but forget where it was in the grid', async () => {
    await store().load();
    await store().selectAt(7);
    store().setFilters({ text: 'v2' });
    expect(store().primaryIndex).toBe(-1);
    expect(selection().primary).toBe('v7');
    expect(shown()?.id).toBe('v7');
    await settle();
  });

  it('dropFilters takes out only the named filters', async () => {
    store().setFilters({ text: 'boat', favorite: true, aspect: '9:16', sort: 'oldest' });
    store().dropFilters(['favorite', 'aspect']);
    expect(store().filters).toEqual({ text: 'boat', favorite: undefined, aspect: undefined, sort: 'oldest' });
    await settle();
  });

  it('dropFilters of the search words empties the box they were typed in', async () => {
    store().typeSearch('boat tag:x ', false);
    store().dropFilters(['text']);
    expect(store().draft).toBe('');
    expect(store().filters).toMatchObject({ text: undefined, tags: [['x']] });
    await settle();
  });

  it('selectAt fetches the page of a video not fetched yet (End on a long list)', async () => {
    await store().load();
    await store().selectAt(249);
    expect(queried().at(-1)).toEqual({ sort: 'newest', offset: 200, limit: 100 });
    expect(selection().primary).toBe('v249');
    expect(store().primaryIndex).toBe(249);
    expect(shown()?.id).toBe('v249');
  });

  it('selectAt selects nothing when the filters changed while its page was on the way', async () => {
    await store().load();
    holding = true;
    const picking = store().selectAt(249);
    store().setFilters({ text: 'v24' });
    await release(0);
    await picking;
    expect(selection().primary).toBeUndefined();
  });

  it('selectAt selects nothing past the end of the list', async () => {
    await store().load();
    await store().selectAt(260);
    expect(selection().primary).toBeUndefined();
  });

  it('selectAt keeps the selection and does not throw when main cannot answer', async () => {
    await store().load();
    await store().selectAt(3);
    api.library.query.mockRejectedValueOnce({ code: 'network', message: 'Main is not answering.' });
    await expect(store().selectAt(220)).resolves.toBeUndefined();
    expect(selection().primary).toBe('v3');
  });

  it('selectAt ignores an index below 0 (an empty grid)', async () => {
    await store().load();
    api.library.query.mockClear();
    await store().selectAt(-1);
    expect(api.library.query).not.toHaveBeenCalled();
    expect(selection().primary).toBeUndefined();
  });

  it('a refresh re-reads the selected clip, so a change made elsewhere shows', async () => {
    await store().load();
    await store().selectAt(5);
    library = library.map((v) => (v.id === 'v5' ? { ...v, favorite: true, tags: ['sea'] } : v));
    await store().load();
    expect(shown()).toMatchObject({ id: 'v5', favorite: true, tags: ['sea'] });
    expect(store().primaryIndex).toBe(5);
  });

  it('a refresh drops the clip from the selection when it is gone', async () => {
    await store().load();
    await store().selectAt(5);
    library = library.filter((v) => v.id !== 'v5');
    await store().load();
    expect(selection().primary).toBeUndefined();
    expect(shown()).toBeUndefined();
  });

  it('a refresh that cannot reach main keeps the selection (only "not found" means gone)', async () => {
    await store().load();
    await store().selectAt(5);
    api.library.get.mockRejectedValueOnce({ code: 'unavailable', message: 'Lost the connection.' });
    await store().load();
    expect(selection().primary).toBe('v5');
    expect(shown()?.id).toBe('v5');
  });

  it('a refresh does not put back the old clip when another was picked while it re-read', async () => {
    await store().load();
    await store().selectAt(5);
    let reread!: (v: VideoView) => void;
    api.library.get.mockImplementationOnce(() => new Promise((r) => (reread = r)));
    const refreshing = store().load();
    await settle();
    await store().selectAt(6);
    reread(videoView('v5', { favorite: true }));
    await refreshing;
    expect(selection().primary).toBe('v6');
    expect(shown()?.id).toBe('v6');
  });

  it('a refresh does not drop a clip picked while the old one turned out gone', async () => {
    await store().load();
    await store().selectAt(5);
    let gone!: (err: unknown) => void;
    api.library.get.mockImplementationOnce(() => new Promise((_, reject) => (gone = reject)));
    const refreshing = store().load();
    await settle();
    await store().selectAt(6);
    gone({ code: 'not_found', message: 'gone' });
    await refreshing;
    expect(selection()).toMatchObject({ ids: ['v6'], primary: 'v6' });
  });

  it('a clip selected from elsewhere (a link, "Open result") that no page has is fetched for the viewer', async () => {
    await store().load();
    useSelectionStore.getState().select('v240');
    expect(shown()).toBeUndefined();
    await settle();
    expect(shown()?.id).toBe('v240');
  });

  it('patch replaces the clip in the grid and in the viewer', async () => {
    await store().load();
    await store().selectAt(5);
    const starred = videoView('v5', { favorite: true });
    store().patch(starred);
    expect(store().pages[0]?.[5]).toBe(starred);
    expect(shown()).toBe(starred);
  });

  it('patch of another clip leaves the shown one as it is', async () => {
    await store().load();
    await store().selectAt(5);
    const before = shown();
    store().patch(videoView('v6', { favorite: true }));
    expect(shown()).toBe(before);
    expect(store().pages[0]?.[6]?.favorite).toBe(true);
  });
});
