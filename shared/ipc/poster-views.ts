import { z } from 'zod';

/**
 * How far poster making has got: of the library's videos whose file is there (`total`), how many
 * still have no poster (`missing`). Main sends it when either changes; the page shows it while
 * posters are being made in the background and hides it once caught up.
 */
export const PosterProgressSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
});
export type PosterProgress = z.infer<typeof PosterProgressSchema>;

/** At most this many videos per backlog page: the page makes posters two at a time. */
export const POSTER_BACKLOG_LIMIT_MAX = 50;
/** Ids the page already failed to make a poster for (it sends them so the backlog moves past them). */
export const POSTER_BACKLOG_SKIP_MAX = 500;
