import type { LibraryQuery } from '../../../../shared/domain/library-query.js';

/** The library's search and filters as the toolbar holds them, and how they become a query. */

export type Filters = Omit<LibraryQuery, 'offset' | 'limit'>;

export const DEFAULT_FILTERS: Filters = { sort: 'newest' };

/** How the list is read (its order, takes stacked per shot): kept by "Clear filters", never counted as narrowing it. */
const VIEW_KEYS = new Set<string>(['sort', 'group']);

/**
 * The query main validates: an empty field (undefined, '' from a cleared input, no tag groups) is left out,
 * not sent. The takes of one shot are shown all together, so a shot asked for is never also stacked.
 */
export const toQuery = (f: Filters): LibraryQuery => {
  const q: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) q[k] = v;
  if (q.shot !== undefined) delete q.group;
  return q as LibraryQuery;
};

/** Whether anything narrows the list (the sort order and grouping only arrange it): decides which empty state to show. */
export const isFiltered = (f: Filters): boolean => Object.keys(toQuery(f)).some((k) => !VIEW_KEYS.has(k));

/** "Clear filters" keeps the sort order and the grouping: they are how the person reads the list, not something that hides videos. */
export const clearedFilters = (f: Filters): Filters => ({ sort: f.sort ?? 'newest', ...(f.group ? { group: f.group } : {}) });
