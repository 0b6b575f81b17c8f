import { z } from 'zod';

export { POSTER_BACKLOG_LIMIT_MAX, POSTER_BACKLOG_SKIP_MAX } from './poster-limits.js';

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
