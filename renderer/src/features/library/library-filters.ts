import type { LibraryQuery } from '../../../../shared/domain/library-query.js';

/** The library's search and filters as the toolbar holds them, and how they become a query. */

export type Filters = Omit<LibraryQuery, 'offset' | 'limit'>;

export const DEFAULT_FILTERS: Filters = { sort: 'newest' };

/** The query main validates: an empty field (undefined, or '' from a cleared input) is left out, not sent. */
export const toQuery = (f: Filters): LibraryQuery => {
  const q: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q[k] = v;
  return q as LibraryQuery;
};

/** Whether anything narrows the list (the sort order only reorders it): decides which empty state to show. */
export const isFiltered = (f: Filters): boolean => Object.entries(f).some(([k, v]) => k !== 'sort' && v !== undefined && v !== '');

/** "Clear filters" keeps the sort order: it is how the person reads the list, not something that hides videos. */
export const clearedFilters = (f: Filters): Filters => ({ sort: f.sort ?? 'newest' });
