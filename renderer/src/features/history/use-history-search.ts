import { useEffect, useState } from 'react';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import type { HistoryEntry } from './history-store';
import { usePromptHistory } from './use-prompt-history';

/** How many matches a search shows; the recent list shows what the cache holds. */
const SEARCH_LIMIT = 100;
/** Typing pauses this long before main is asked: one search per word, not per key. */
const SEARCH_DELAY_MS = 200;

export interface HistorySearch {
  entries: HistoryEntry[];
  /** The entries answer the search as typed (not an earlier one, or none yet). */
  settled: boolean;
  error: CallError | undefined;
}

/** The recent prompts, or main's matches for the words typed (the last search typed wins). */
export function useHistorySearch(search: string): HistorySearch {
  const recent = usePromptHistory();
  const words = search.trim();
  const [found, setFound] = useState<{ words: string; entries: HistoryEntry[]; error?: CallError }>({ words: '', entries: [] });
  useEffect(() => {
    if (words === '') return undefined;
    let current = true;
    const timer = setTimeout(() => {
      api.history.list({ search: words.slice(0, 500), limit: SEARCH_LIMIT }).then(
        (page) => current && setFound({ words, entries: page.items }),
        (err: unknown) => current && setFound({ words, entries: [], error: toAppError(err) }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [words]);
  if (words === '') return { entries: recent.entries, settled: recent.loaded, error: undefined };
  return { entries: found.words === words ? found.entries : [], settled: found.words === words, error: found.words === words ? found.error : undefined };
}
