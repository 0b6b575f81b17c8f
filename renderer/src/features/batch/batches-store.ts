import { create } from 'zustand';
import type { BatchView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';

/**
 * The batches main keeps, newest first, mirrored from `batch:list` and the
 * `batches:updated` events (see sync.ts): "n of m", paused or not. Each
 * snapshot replaces the one before it, as main sends the whole batch.
 */
interface BatchesState {
  batches: Record<string, BatchView>;
  /** Newest first. */
  order: string[];
  loaded: boolean;
  /** The last pause or resume that failed, with the batch it was for. */
  actionError: { id: string; error: CallError } | undefined;
  load(): Promise<void>;
  apply(updated: readonly BatchView[]): void;
  setPaused(id: string, paused: boolean): Promise<void>;
}

const newestFirst = (batches: Record<string, BatchView>): string[] =>
  Object.values(batches)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    .map((b) => b.id);

export const useBatchesStore = create<BatchesState>()((set, get) => ({
  batches: {},
  order: [],
  loaded: false,
  actionError: undefined,
  async load() {
    try {
      const list = await api.batch.list({});
      const batches = Object.fromEntries(list.map((b) => [b.id, b]));
      set({ batches, order: newestFirst(batches), loaded: true });
    } catch {
      // The dialog works without the list; the next batches:updated event fills it in.
      set({ loaded: true });
    }
  },
  apply(updated) {
    if (updated.length === 0) return;
    const batches = { ...get().batches };
    for (const b of updated) batches[b.id] = b;
    set({ batches, order: newestFirst(batches) });
  },
  async setPaused(id, paused) {
    set({ actionError: undefined });
    try {
      const batch = paused ? await api.batch.pause({ id }) : await api.batch.resume({ id });
      get().apply([batch]);
    } catch (err) {
      set({ actionError: { id, error: toAppError(err) } });
    }
  },
}));
