import { create } from 'zustand';
import type { LibraryQuery } from '../../../../shared/domain/library-query.js';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';

/**
 * The library as the grid sees it: the filters, the total main reported for
 * them, and the pages fetched so far (PAGE items each, fetched around the
 * visible range as the person scrolls). Every reply carries the generation it
 * was asked for; a reply for older filters is dropped, so a slow answer to "ca"
 * can never overwrite the answer to "cat".
 */

export const PAGE = 100;
export type Filters = Omit<LibraryQuery, 'offset' | 'limit'>;
export type CellSize = 'S' | 'M' | 'L';

interface LibraryState {
  filters: Filters;
  /** The filters the shown results answer (what the grid displays right now). */
  shownText: string;
  total: number | undefined;
  pages: Record<number, VideoView[]>;
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
  setSize(size: CellSize): void;
  /** Replaces one video wherever it is shown (after favourite, tags, poster). */
  patch(video: VideoView): void;
  remove(id: string): void;
}

const loading = new Set<string>();
let inFlight = false;
let pendingGen = 0;

export const toQuery = (f: Filters): LibraryQuery => {
  const q: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q[k] = v;
  return q as LibraryQuery;
};

export const isFiltered = (f: Filters): boolean => Object.entries(f).some(([k, v]) => k !== 'sort' && v !== undefined && v !== '');

export function itemAt(pages: Record<number, VideoView[]>, index: number): VideoView | undefined {
  return pages[Math.floor(index / PAGE)]?.[index % PAGE];
}

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
        const page = Math.floor(first / PAGE);
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
    filters: { sort: 'newest' },
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
      if (id) {
        try {
          set({ selected: await api.library.get({ id }) });
        } catch {
          set({ selected: undefined, selectedId: undefined });
        }
      }
    },
    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch }, generation: s.generation + 1, visible: [0, 0], selectedIndex: -1 }));
      void requery();
    },
    clearFilters() {
      set((s) => ({ filters: { sort: s.filters.sort ?? 'newest' }, generation: s.generation + 1, visible: [0, 0], selectedIndex: -1 }));
      void requery();
    },
    setVisible(first, last) {
      const { total, pages, generation } = get();
      set({ visible: [first, last] });
      if (total === undefined) return;
      const lastIndex = Math.min(last, total - 1);
      for (let p = Math.floor(first / PAGE); p <= Math.floor(lastIndex / PAGE); p++) {
        if (!pages[p]) void fetchPage(p, generation);
      }
    },
    select(video, index = -1) {
      set({ selected: video, selectedId: video?.id, selectedIndex: index, confirmingDelete: false });
    },
    setSize: (size) => set({ size }),
    patch(video) {
      set((s) => {
        const pages: Record<number, VideoView[]> = {};
        for (const [k, items] of Object.entries(s.pages)) pages[Number(k)] = items.some((v) => v.id === video.id) ? items.map((v) => (v.id === video.id ? video : v)) : items;
        return { pages, ...(s.selectedId === video.id ? { selected: video } : {}) };
      });
    },
    remove(id) {
      if (get().selectedId === id) set({ selected: undefined, selectedId: undefined });
      void get().load();
    },
  };
});
