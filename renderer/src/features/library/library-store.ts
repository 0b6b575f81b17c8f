import { create } from 'zustand';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { clearedFilters, DEFAULT_FILTERS, toQuery, type Filters } from './library-filters';
import { itemAt, missingPages, PAGE, pageOf, withVideo, type Pages } from './library-pages';

/**
 * The library as the grid sees it: the filters, the total main reported for
 * them, and the pages fetched so far (PAGE items each, fetched around the
 * visible range as the person scrolls). Every reply carries the generation it
 * was asked for; a reply for older filters is dropped, so a slow answer to "ca"
 * can never overwrite the answer to "cat".
 */

export type { Filters };
export type CellSize = 'S' | 'M' | 'L';

interface LibraryState {
  filters: Filters;
  /** The filters the shown results answer (what the grid displays right now). */
  shownText: string;
  total: number | undefined;
  pages: Pages;
  generation: number;
  visible: [number, number];
  selectedId: string | undefined;
  /** Where the selection was picked (a hint: the grid re-finds the id after the list changes). */
  selectedIndex: number;
  selected: VideoView | undefined;
  size: CellSize;
  error: CallError | undefined;
  /** The delete confirmation is open (the Delete key opens it too). */
  confirmingDelete: boolean;
  setConfirmingDelete(open: boolean): void;
  /** Re-reads the visible pages (after library:changed or a reconnect). */
  load(): Promise<void>;
  setFilters(patch: Partial<Filters>): void;
  clearFilters(): void;
  setVisible(first: number, last: number): void;
  select(video: VideoView | undefined, index?: number): void;
  /** Selects the video at a grid position, fetching it when its page is not loaded yet. */
  selectAt(index: number): Promise<void>;
  setSize(size: CellSize): void;
  /** Replaces one video wherever it is shown (after favourite, tags, poster). */
  patch(video: VideoView): void;
  remove(id: string): void;
}

const loading = new Set<string>();
let inFlight = false;
let pendingGen = 0;

export const useLibraryStore = create<LibraryState>()((set, get) => {
  async function fetchPage(page: number, gen: number): Promise<void> {
    const key = `${gen}:${page}`;
    if (loading.has(key)) return;
    loading.add(key);
    try {
      const reply = await api.library.query({ ...toQuery(get().filters), offset: page * PAGE, limit: PAGE });
      if (get().generation !== gen) return;
      set((s) => ({ total: reply.total, pages: { ...s.pages, [page]: reply.items }, error: undefined }));
    } catch (err) {
      if (get().generation === gen) set({ error: toAppError(err) });
    } finally {
      loading.delete(key);
    }
  }

  /** A new query: at most one in flight; typing faster than main answers sends only the latest text. */
  async function requery(): Promise<void> {
    pendingGen = get().generation;
    if (inFlight) return;
    inFlight = true;
    try {
      while (pendingGen !== 0) {
        const gen = pendingGen;
        pendingGen = 0;
        const [first] = get().visible;
        const page = pageOf(first);
        const filters = get().filters;
        try {
          const reply = await api.library.query({ ...toQuery(filters), offset: page * PAGE, limit: PAGE });
          if (get().generation !== gen) continue;
          set({ total: reply.total, pages: { [page]: reply.items }, shownText: filters.text ?? '', error: undefined });
          get().setVisible(...get().visible);
        } catch (err) {
          if (get().generation === gen) set({ error: toAppError(err) });
        }
      }
    } finally {
      inFlight = false;
    }
  }

  return {
    filters: DEFAULT_FILTERS,
    shownText: '',
    total: undefined,
    pages: {},
    generation: 1,
    visible: [0, 0],
    selectedId: undefined,
    selectedIndex: -1,
    selected: undefined,
    size: 'M',
    error: undefined,
    confirmingDelete: false,
    setConfirmingDelete: (confirmingDelete) => set({ confirmingDelete }),
    async load() {
      set((s) => ({ generation: s.generation + 1 }));
      await requery();
      const id = get().selectedId;
      if (!id) return;
      // Re-read while the person may pick another video: an answer about the old one must not replace it.
      const stillSelected = () => get().selectedId === id;
      try {
        const fresh = await api.library.get({ id });
        if (stillSelected()) set({ selected: fresh });
      } catch {
        if (stillSelected()) set({ selected: undefined, selectedId: undefined });
      }
    },
    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch }, generation: s.generation + 1, visible: [0, 0], selectedIndex: -1 }));
      void requery();
    },
    clearFilters() {
      set((s) => ({ filters: clearedFilters(s.filters), generation: s.generation + 1, visible: [0, 0], selectedIndex: -1 }));
      void requery();
    },
    setVisible(first, last) {
      const { total, pages, generation } = get();
      set({ visible: [first, last] });
      for (const p of missingPages(pages, first, last, total)) void fetchPage(p, generation);
    },
    select(video, index = -1) {
      set({ selected: video, selectedId: video?.id, selectedIndex: index, confirmingDelete: false });
    },
    async selectAt(index) {
      if (index < 0) return;
      const s = get();
      const v = itemAt(s.pages, index);
      if (v) return s.select(v, index);
      const gen = s.generation;
      try {
        const { items } = await api.library.query({ ...toQuery(s.filters), offset: pageOf(index) * PAGE, limit: PAGE });
        const picked = items[index % PAGE];
        if (picked && get().generation === gen) get().select(picked, index);
      } catch {
        // Main did not answer (disconnected, busy): the selection stays where it was; the next key press asks again.
      }
    },
    setSize: (size) => set({ size }),
    patch(video) {
      set((s) => ({ pages: withVideo(s.pages, video), ...(s.selectedId === video.id ? { selected: video } : {}) }));
    },
    remove(id) {
      if (get().selectedId === id) set({ selected: undefined, selectedId: undefined });
      void get().load();
    },
  };
});
