import { create } from 'zustand';
import type { VideoView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { addVideoLookup, refreshSelectedVideo, showVideo } from '../../selection/selected-video';
import { useSelectionStore } from '../../selection/selection-store';
import { clearedFilters, DEFAULT_FILTERS, toQuery, type Filters } from './library-filters';
import { findIn, itemAt, missingPages, orderedIds, PAGE, pageOf, withVideo, type Pages } from './library-pages';
import { applyDraft } from './search-draft';

/**
 * The library as the grid sees it: the filters, the total main reported for
 * them, and the pages fetched so far (PAGE items each, fetched around the
 * visible range as the person scrolls). Every reply carries the generation it
 * was asked for; a reply for older filters is dropped, so a slow answer to "ca"
 * can never overwrite the answer to "cat". Which clips are selected is not
 * kept here: that is the app's one selection (selection/selection-store.ts).
 */

export type { Filters };
/** How a click or key picks: a plain click, Ctrl/Cmd (add or take out), Shift (a range from the anchor). */
export type PickMode = 'only' | 'toggle' | 'range';

interface LibraryState {
  filters: Filters;
  /** The filters the shown results answer (what the grid displays right now). */
  shownText: string;
  total: number | undefined;
  pages: Pages;
  generation: number;
  visible: [number, number];
  /** Where the primary clip was picked in the grid (a hint: the grid re-finds the id after the list changes). */
  primaryIndex: number;
  /** The search box's text: words searched as typed, and a filter word not finished yet (see search-draft.ts). */
  draft: string;
  /** The person finished the draft (Enter, left the box): its last word is judged too. */
  draftDone: boolean;
  /** What the expanded shot's chip calls it (its prompt), while `filters.shot` is set. */
  shotLabel: string;
  error: CallError | undefined;
  /** Re-reads the visible pages and the primary clip (after library:changed or a reconnect). */
  load(): Promise<void>;
  setFilters(patch: Partial<Filters>): void;
  /** The search box changed (`done`: Enter or leaving the box). Finished filter words become chips. */
  typeSearch(value: string, done: boolean): void;
  /** Adds one filter (a tag group is added to the others; any other filter replaces its value). */
  addFilter(patch: Partial<Filters>): void;
  /** Shows every take of one shot (a stack's ×N), whatever the grouping. */
  expandShot(shotKey: string, label: string): void;
  clearFilters(): void;
  /** Takes out only these filters (the ones that would hide a clip being opened), keeping the rest. */
  dropFilters(keys: readonly (keyof Filters)[]): void;
  setVisible(first: number, last: number): void;
  /** Picks the video at a grid position, fetching it when its page is not loaded yet. */
  selectAt(index: number, mode?: PickMode): Promise<void>;
  /** Notes where the primary is in the grid (after a pick made elsewhere: a trash, an undo). */
  setPrimaryIndex(index: number): void;
  /** Replaces one video wherever it is shown (after favourite, tags, poster). */
  patch(video: VideoView): void;
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
    primaryIndex: -1,
    draft: '',
    draftDone: true,
    shotLabel: '',
    error: undefined,
    async load() {
      set((s) => ({ generation: s.generation + 1 }));
      await requery();
      await refreshSelectedVideo();
    },
    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch }, generation: s.generation + 1, visible: [0, 0], primaryIndex: -1 }));
      void requery();
    },
    typeSearch(value, done) {
      const s = get();
      const next = applyDraft(value, s.filters, done);
      set({ draft: next.draft, draftDone: done });
      const sameText = (s.filters.text ?? '') === next.text;
      if (sameText && next.filters === s.filters) return;
      get().setFilters({ ...next.filters, text: next.text });
    },
    addFilter(patch) {
      const f = get().filters;
      get().setFilters(patch.tags ? { tags: [...(f.tags ?? []), ...patch.tags] } : patch);
    },
    expandShot(shotKey, label) {
      set({ shotLabel: label });
      get().setFilters({ shot: shotKey });
    },
    clearFilters() {
      set((s) => ({ filters: clearedFilters(s.filters), draft: '', draftDone: true, generation: s.generation + 1, visible: [0, 0], primaryIndex: -1 }));
      void requery();
    },
    dropFilters(keys) {
      if (keys.length === 0) return;
      // The search words live in the box: dropping them empties it.
      if (keys.includes('text')) set({ draft: '', draftDone: true });
      get().setFilters(Object.fromEntries(keys.map((k) => [k, undefined])));
    },
    setVisible(first, last) {
      const { total, pages, generation } = get();
      set({ visible: [first, last] });
      for (const p of missingPages(pages, first, last, total)) void fetchPage(p, generation);
    },
    async selectAt(index, mode = 'only') {
      if (index < 0) return;
      const s = get();
      let v = itemAt(s.pages, index);
      if (!v) {
        const gen = s.generation;
        try {
          const { items } = await api.library.query({ ...toQuery(s.filters), offset: pageOf(index) * PAGE, limit: PAGE });
          if (get().generation !== gen) return;
          v = items[index % PAGE];
        } catch {
          // Main did not answer (disconnected, busy): the selection stays where it was; the next key press asks again.
          return;
        }
      }
      if (!v) return;
      // Known before the selection moves, so the viewer shows it at once instead of asking main.
      offered = v;
      const sel = useSelectionStore.getState();
      if (mode === 'toggle') sel.toggle(v.id);
      else if (mode === 'range') sel.range(v.id, orderedIds(get().pages));
      else sel.select(v.id);
      offered = undefined;
      set({ primaryIndex: useSelectionStore.getState().primary === v.id ? index : -1 });
    },
    setPrimaryIndex: (primaryIndex) => set({ primaryIndex }),
    patch(video) {
      set((s) => ({ pages: withVideo(s.pages, video) }));
      showVideo(video);
    },
  };
});

/** The record being picked right now (it may come from a page fetched just for this pick). */
let offered: VideoView | undefined;
addVideoLookup((id) => (offered?.id === id ? offered : findIn(useLibraryStore.getState().pages, id)));
