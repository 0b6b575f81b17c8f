import { create } from 'zustand';
import type { OpOutput } from '../../../../shared/ipc/channels.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { useQueueStore } from '../queue/queue-store';

/**
 * The prompts sent most recently (`history:list`), fetched once and kept.
 * Main records a prompt when its job is created, so a new job in the queue
 * marks the copy stale and the next reader fetches it again.
 */

export type HistoryEntry = OpOutput<'history', 'list'>['items'][number];

/** How many recent prompts are kept in the page (↑ in the prompt bar walks back through these). */
export const RECENT_LIMIT = 200;

interface HistoryState {
  entries: HistoryEntry[];
  total: number;
  loaded: boolean;
  loading: boolean;
  /** A job was queued since the entries were fetched. */
  stale: boolean;
  error: CallError | undefined;
  load(): Promise<void>;
  invalidate(): void;
}

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  entries: [],
  total: 0,
  loaded: false,
  loading: false,
  stale: false,
  error: undefined,
  async load() {
    if (get().loading) return;
    set({ loading: true, stale: false });
    try {
      const page = await api.history.list({ limit: RECENT_LIMIT });
      set({ entries: page.items, total: page.total, loaded: true, loading: false, error: undefined });
    } catch (err) {
      set({ loaded: true, loading: false, error: toAppError(err) });
    }
  },
  invalidate: () => set({ stale: true }),
}));

// A job appearing in the queue is a prompt just recorded in the history.
useQueueStore.subscribe((s, prev) => {
  if (s.order.length > prev.order.length) useHistoryStore.getState().invalidate();
});
