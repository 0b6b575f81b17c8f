import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryQuery } from '../../../shared/domain/library-query.js';
import type { LibraryPage, LineageView, VideoView } from '../../../shared/ipc/views.js';
import { compareTakes, leaveCompare, openCompare, pick, reject } from '../../../renderer/src/features/compare/compare-actions.js';
import { commandFor } from '../../../renderer/src/features/compare/compare-keys.js';
import { useCompareStore } from '../../../renderer/src/features/compare/compare-store.js';
import { takesWindow } from '../../../renderer/src/features/compare/takes-window.js';
import { trashRejected } from '../../../renderer/src/features/compare/trash-rejected.js';
import { useLibraryStore } from '../../../renderer/src/features/library/library-store.js';
import { useToastStore } from '../../../renderer/src/features/library/toast-store.js';
import { useNavigationStore } from '../../../renderer/src/navigation-store.js';
import { formatRoute, parseRoute } from '../../../renderer/src/selection/route.js';
import { many } from '../../../renderer/src/selection/selection-rules.js';
import { useSelectionStore } from '../../../renderer/src/selection/selection-store.js';
import { startUrlSync, type AddressBar } from '../../../renderer/src/selection/url-sync.js';
import { videoView } from './view-samples.js';

/**
 * The comparison around its view: its address, how it is opened (a multi-selection, "Compare takes")
 * and left (Escape: back where it came from), its keys, and the verdicts against a fake main: a pick
 * is a favourite, rejected takes are trashed together and Undo puts them back in their places.
 */

const api = vi.hoisted(() => ({
  library: {
    query: vi.fn<(q: LibraryQuery) => Promise<LibraryPage>>(),
    get: vi.fn<(input: { id: string }) => Promise<VideoView>>(),
    lineage: vi.fn<(input: { id: string }) => Promise<LineageView>>(),
    setFavorite: vi.fn<(input: { id: string; favorite: boolean }) => Promise<VideoView>>(),
    trash: vi.fn<(input: { id: string }) => Promise<{ ok: true; undoMs: number }>>(),
    restore: vi.fn<(input: { id: string }) => Promise<VideoView>>(),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

const takes = (n: number) => Array.from({ length: n }, (_, i) => videoView(`shot-${i}`, { shotKey: 'job-shot', take: i + 1, takes: n }));
let library: VideoView[] = [];
let trashed: VideoView[] = [];
const sel = () => useSelectionStore.getState();
const nav = () => useNavigationStore.getState();
const cmp = () => useCompareStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useSelectionStore.getState().clear();
  useNavigationStore.setState({ view: 'library' });
  useCompareStore.setState({ videos: {}, returnTo: undefined });
  useCompareStore.getState().reset(undefined);
  useToastStore.getState().dismiss();
  library = [...takes(6), videoView('solo')];
  trashed = [];
  api.library.query.mockImplementation(async () => ({ total: library.length, items: library }));
  api.library.get.mockImplementation(async ({ id }) => {
    const v = library.find((x) => x.id === id);
    if (!v) throw { code: 'not_found', message: 'gone' };
    return v;
  });
  api.library.lineage.mockImplementation(async ({ id }) => {
    const self = library.find((x) => x.id === id);
    return { children: [], siblings: library.filter((x) => x.shotKey === self?.shotKey && x.id !== id).reverse() };
  });
  api.library.setFavorite.mockImplementation(async ({ id, favorite }) => {
    library = library.map((x) => (x.id === id ? { ...x, favorite } : x));
    return library.find((x) => x.id === id)!;
  });
  api.library.trash.mockImplementation(async ({ id }) => {
    const v = library.find((x) => x.id === id)!;
    library = library.filter((x) => x.id !== id);
    trashed.push(v);
    return { ok: true, undoMs: 15_000 };
  });
  api.library.restore.mockImplementation(async ({ id }) => {
    const v = trashed.find((x) => x.id === id)!;
    library = [...library, v];
    return v;
  });
});

describe('the compare route', () => {
  it.each([
    ['#/compare?ids=a,b,c', { view: 'compare', ids: ['a', 'b', 'c'], clip: 'a' }],
    ['#/compare?ids=a,b&v=b', { view: 'compare', ids: ['a', 'b'], clip: 'b' }],
    // A focus that is not compared falls back to the first; bad ids and repeats are dropped; four at most.
    ['#/compare?ids=a,b&v=z', { view: 'compare', ids: ['a', 'b'], clip: 'a' }],
    ['#/compare?ids=a,../x,a,b,c,d,e', { view: 'compare', ids: ['a', 'b', 'c', 'd'], clip: 'a' }],
    ['#/compare?ids=a%2Cb', { view: 'compare', ids: ['a', 'b'], clip: 'a' }],
    // Naming nothing to compare, it is the library.
    ['#/compare', { view: 'library' }],
    ['#/compare?ids=../etc', { view: 'library' }],
  ] as const)('%j → %j', (hash, want) => {
    expect(parseRoute(hash)).toEqual(want);
  });

  it('round-trips, writing the focus only when it is not the first clip', () => {
    expect(formatRoute({ view: 'compare', ids: ['a', 'b'], clip: 'a' })).toBe('#/compare?ids=a,b');
    expect(formatRoute({ view: 'compare', ids: ['a', 'b'], clip: 'b' })).toBe('#/compare?ids=a,b&v=b');
    for (const r of [{ view: 'compare', ids: ['a', 'b', 'c'], clip: 'c' }] as const) expect(parseRoute(formatRoute(r))).toEqual(r);
  });
});

/** An address bar in memory (see route.test.ts). */
class FakeBar implements AddressBar {
  entries: string[];
  at = 0;
  private listeners = new Set<() => void>();
  constructor(initial: string) {
    this.entries = [initial];
  }
  hash = () => this.entries[this.at] ?? '';
  push = (hash: string) => {
    this.entries = [...this.entries.slice(0, this.at + 1), hash];
    this.at += 1;
  };
  replace = (hash: string) => {
    this.entries[this.at] = hash;
  };
  onChange(cb: () => void) {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }
  back() {
    this.at -= 1;
    for (const cb of this.listeners) cb();
  }
}

describe('the address follows the comparison', () => {
  it('a reload of a compare address compares those clips, focused as it said', () => {
    const bar = new FakeBar('#/compare?ids=a,b,c&v=b');
    const stop = startUrlSync(bar);
    expect(nav().view).toBe('compare');
    expect(sel()).toMatchObject({ ids: ['a', 'b', 'c'], primary: 'b' });
    stop();
  });

  it('opening is a new entry; focusing and trashing replace it; Back returns to the library', () => {
    const bar = new FakeBar('#/library?v=a');
    const stop = startUrlSync(bar);
    sel().selectMany(['a', 'b', 'c']);
    openCompare(sel().ids, 'a');
    expect(bar.entries).toEqual(['#/library?v=a', '#/compare?ids=a,b,c']);
    sel().selectMany(sel().ids, 'c');
    sel().selectMany(['a', 'c'], 'c');
    expect(bar.entries).toEqual(['#/library?v=a', '#/compare?ids=a,c&v=c']);
    bar.back();
    expect(nav().view).toBe('library');
    expect(sel().primary).toBe('a');
    stop();
  });
});

describe('opening and leaving', () => {
  it('many(): exactly these clips, each once, in order; the primary among them or the first', () => {
    expect(many(['a', 'b', 'a', 'c'], 'c')).toEqual({ ids: ['a', 'b', 'c'], primary: 'c', anchor: 'c' });
    expect(many(['a', 'b'], 'z')).toEqual({ ids: ['a', 'b'], primary: 'a', anchor: 'a' });
    expect(many([])).toEqual({ ids: [], primary: undefined, anchor: undefined });
  });

  it('"Compare takes" compares the shot’s takes in take order, focused on the clip; Escape goes back to it alone', async () => {
    sel().select('shot-1');
    const six = takes(6);
    expect(await compareTakes({ ...six[1]!, takes: 6 })).toBeUndefined();
    expect(nav().view).toBe('compare');
    expect(sel()).toMatchObject({ ids: ['shot-0', 'shot-1', 'shot-2', 'shot-3'], primary: 'shot-1' });
    leaveCompare();
    expect(nav().view).toBe('library');
    expect(sel()).toMatchObject({ ids: ['shot-1'], primary: 'shot-1' });
  });

  it('a shot of more than four takes: the group of four the clip is in', () => {
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6'];
    expect(takesWindow(ids, 't2')).toEqual(['t1', 't2', 't3', 't4']);
    expect(takesWindow(ids, 't5')).toEqual(['t3', 't4', 't5', 't6']);
    expect(takesWindow(['t1', 't2', 't3'], 't3')).toEqual(['t1', 't2', 't3']);
  });

  it('a job’s takes opened from the Studio feed: compared in take order, focused on the first; Escape is back in the Studio, on the clip it had open', () => {
    useNavigationStore.setState({ view: 'studio' });
    sel().select('solo');
    openCompare(['shot-0', 'shot-1', 'shot-2', 'shot-3'], 'shot-0');
    expect(nav().view).toBe('compare');
    expect(sel()).toMatchObject({ ids: ['shot-0', 'shot-1', 'shot-2', 'shot-3'], primary: 'shot-0' });
    leaveCompare();
    expect(nav().view).toBe('studio');
    expect(sel()).toMatchObject({ ids: ['solo'], primary: 'solo' });
  });

  it('opened from an address, Escape goes to the library with the compared clips selected', () => {
    useNavigationStore.setState({ view: 'compare' });
    sel().selectMany(['a', 'b'], 'b');
    leaveCompare();
    expect(nav().view).toBe('library');
    expect(sel()).toMatchObject({ ids: ['a', 'b'], primary: 'b' });
  });
});

describe('verdicts', () => {
  /** Compares the first four takes, opened from the library with `from` selected. */
  async function compareFour(from: string[] = ['shot-0']) {
    const four = library.slice(0, 4);
    useCompareStore.getState().set({ videos: Object.fromEntries(four.map((v) => [v.id, v])) });
    sel().selectMany(from);
    openCompare(
      four.map((v) => v.id),
      'shot-0',
    );
    return four.map((v) => v.id);
  }

  it('P picks (a favourite, in the library too) and un-picks; a pick is not rejected', async () => {
    const patch = vi.spyOn(useLibraryStore.getState(), 'patch');
    const [a] = await compareFour();
    await reject(a!);
    expect(cmp().rejected).toEqual([a]);
    await pick(a!);
    expect(api.library.setFavorite).toHaveBeenLastCalledWith({ id: a, favorite: true });
    expect(cmp().videos[a!]?.favorite).toBe(true);
    expect(cmp().rejected).toEqual([]);
    expect(patch).toHaveBeenCalledWith(expect.objectContaining({ id: a, favorite: true }));
    await pick(a!);
    expect(api.library.setFavorite).toHaveBeenLastCalledWith({ id: a, favorite: false });
  });

  it('X rejects (a picked take stops being a favourite), and X again takes it back', async () => {
    const [a] = await compareFour();
    await pick(a!);
    await reject(a!);
    expect(cmp().rejected).toEqual([a]);
    expect(cmp().videos[a!]?.favorite).toBe(false);
    await reject(a!);
    expect(cmp().rejected).toEqual([]);
  });

  it('"Trash rejected" trashes them all, the rest stay compared; Undo (the toast) puts them back in their places, still rejected', async () => {
    const [a, b, c, d] = await compareFour();
    await reject(b!);
    await reject(d!);
    expect(await trashRejected()).toBeUndefined();
    expect(api.library.trash.mock.calls.map(([x]) => x.id)).toEqual([b, d]);
    expect(sel().ids).toEqual([a, c]);
    expect(useToastStore.getState().toast).toMatchObject({ text: 'compare.trashed', vars: { count: 2 } });
    await useToastStore.getState().act();
    expect(api.library.restore.mock.calls.map(([x]) => x.id)).toEqual([b, d]);
    expect(sel().ids).toEqual([a, b, c, d]);
    expect(cmp().rejected).toEqual([b, d]);
    expect(useToastStore.getState().toast).toBeUndefined();
  });

  it('Escape after a trash does not select the trashed takes again', async () => {
    const [a, b] = await compareFour(['shot-0', 'shot-1']);
    await reject(b!);
    await trashRejected();
    leaveCompare();
    expect(sel().ids).toEqual([a]);
  });

  it('a trash that fails part way keeps what was trashed undoable and the rest rejected', async () => {
    const [, b, c] = await compareFour();
    await reject(b!);
    await reject(c!);
    api.library.trash.mockImplementationOnce(async ({ id }) => {
      library = library.filter((x) => x.id !== id);
      trashed.push(takes(6).find((x) => x.id === id)!);
      return { ok: true, undoMs: 15_000 };
    });
    api.library.trash.mockRejectedValueOnce({ code: 'busy', message: 'busy' });
    const err = await trashRejected();
    expect(err).toMatchObject({ code: 'busy' });
    expect(sel().ids).not.toContain(b);
    expect(cmp().rejected).toEqual([c]);
    expect(useToastStore.getState().toast).toMatchObject({ text: 'compare.trashedOne' });
  });
});

describe('keys', () => {
  const press = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
    commandFor({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('transport keys mean what they mean in the viewer', () => {
    expect(press(' ')).toEqual({ kind: 'togglePlay' });
    expect(press('.')).toEqual({ kind: 'step', delta: 1 });
    expect(press('>', { shiftKey: true })).toEqual({ kind: 'step', delta: 10 });
    expect(press(',')).toEqual({ kind: 'step', delta: -1 });
    expect(press('L')).toEqual({ kind: 'shuttle', key: 'l' });
    expect(press('m')).toEqual({ kind: 'mute' });
  });

  it('1–4 solo, P pick, X reject, \\ flips A/B, W wipes, Escape leaves, Ctrl/Cmd+Z undoes', () => {
    expect(['1', '2', '3', '4'].map((k) => press(k))).toEqual([0, 1, 2, 3].map((index) => ({ kind: 'solo', index })));
    expect(press('5')).toBeUndefined();
    expect(press('p')).toEqual({ kind: 'pick' });
    expect(press('X')).toEqual({ kind: 'reject' });
    expect(press('\\')).toEqual({ kind: 'flip' });
    expect(press('w')).toEqual({ kind: 'wipe' });
    expect(press('Escape')).toEqual({ kind: 'leave' });
    expect(press('z', { ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(press('z', { metaKey: true })).toEqual({ kind: 'undo' });
  });

  it('a key with Alt, or Ctrl/Cmd with anything but Z, is not the comparison’s', () => {
    expect(press('p', { altKey: true })).toBeUndefined();
    expect(press('p', { ctrlKey: true })).toBeUndefined();
    expect(press('z', { ctrlKey: true, shiftKey: true })).toBeUndefined();
  });
});
