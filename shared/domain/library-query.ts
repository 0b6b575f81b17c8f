import { z } from 'zod';
import { schemaMessage } from '../issue-message.js';
import { TAG_MAX_CHARS, TAGS_MAX } from './bounds.js';
import { AspectRatioSchema, DurationSchema, ResolutionSchema } from './generation.js';
import { ShotKeySchema } from './shot.js';

/** A library search: shared so the CLI, the IPC contract and the core validate it the same way. */
export const LIBRARY_QUERY_LIMIT_MAX = 500;
export const LIBRARY_QUERY_DEFAULT_LIMIT = 100;

export const LibraryQuerySchema = z
  .object({
    /** Words that must all appear in the prompt, the negative prompt or the tags. */
    text: z.string().max(500, schemaMessage('library.search_too_long', { max: 500 })).optional(),
    /** Full model id or its short form (`fast`, `quality`). */
    model: z.string().max(100).optional(),
    resolution: ResolutionSchema.optional(),
    aspect: AspectRatioSchema.optional(),
    duration: DurationSchema.optional(),
    audio: z.boolean().optional(),
    favorite: z.boolean().optional(),
    /**
     * Tags, as groups: a video matches when every group has at least one of its tags (compared
     * ignoring case). `[['hero'], ['night']]` is "hero and night", `[['hero', 'night']]` "hero or night".
     */
    tags: z
      .array(z.array(z.string().min(1).max(TAG_MAX_CHARS * 2)).min(1).max(TAGS_MAX))
      .max(TAGS_MAX)
      .optional(),
    /** Inclusive bounds on the creation time, ms since the epoch. */
    from: z.number().finite().optional(),
    to: z.number().finite().optional(),
    sort: z.enum(['newest', 'oldest', 'cost', 'duration']).optional(),
    /** Only the takes of this shot (a VideoView's shotKey). */
    shot: ShotKeySchema.optional(),
    /** `shot`: one item per shot (the first of its takes in the sort order); `total` counts shots. */
    group: z.enum(['shot']).optional(),
    offset: z.number().int().nonnegative().max(1_000_000).optional(),
    limit: z.number().int().min(1).max(LIBRARY_QUERY_LIMIT_MAX).optional(),
  })
  .strict();
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;
export type LibrarySort = NonNullable<LibraryQuery['sort']>;
