import { DEFAULT_FILTERS, toQuery } from '../features/library/library-filters';
import { PAGE } from '../features/library/library-pages';

/**
 * What the page asks main before the app has loaded: the library's first page
 * for the default filters, exactly as the library store asks for it on start
 * (the reply is only handed over for an identical call). Channel names are
 * spelled here because importing the contract would evaluate every schema
 * first; a unit test keeps them equal to it.
 */
export const LIBRARY_QUERY = 'library:query';
export const LIBRARY_CHANGED = 'library:changed';
export const FIRST_LIBRARY_QUERY = { ...toQuery(DEFAULT_FILTERS), offset: 0, limit: PAGE };
