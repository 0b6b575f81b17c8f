/**
 * The bounds of a poster backlog request, apart from the schemas that check it
 * (poster-views.ts re-exports them): the page's poster maker reads them from the
 * first paint on, and zod must not load for that.
 */

/** At most this many videos per backlog page: the page makes posters two at a time. */
export const POSTER_BACKLOG_LIMIT_MAX = 50;
/** Ids the page already failed to make a poster for (it sends them so the backlog moves past them). */
export const POSTER_BACKLOG_SKIP_MAX = 500;
