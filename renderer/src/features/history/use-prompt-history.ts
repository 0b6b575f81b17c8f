import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useHistoryStore, type HistoryEntry } from './history-store';

export interface PromptHistory {
  /** Prompts sent, newest first (the most recent RECENT_LIMIT). */
  entries: HistoryEntry[];
  loaded: boolean;
  refresh(): Promise<void>;
}

/**
 * The recent prompt history for any part of the page (↑ in the prompt bar,
 * the history panel): fetched on first use, cached, and fetched again once a
 * new job was queued while something still reads it.
 */
export function usePromptHistory(): PromptHistory {
  const { entries, loaded, loading, stale, load } = useHistoryStore(
    useShallow((s) => ({ entries: s.entries, loaded: s.loaded, loading: s.loading, stale: s.stale, load: s.load })),
  );
  useEffect(() => {
    // A job queued while a fetch was on its way leaves the copy stale: fetched again once that one is in.
    if ((!loaded || stale) && !loading) void load();
  }, [loaded, stale, loading, load]);
  return { entries, loaded, refresh: load };
}
