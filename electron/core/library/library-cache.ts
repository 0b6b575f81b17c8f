import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LibraryEntrySchema, type LibraryEntry } from '../../../shared/domain/video.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * The on-disk index cache: every entry plus the stat of its sidecar when it
 * was read, so a start-up refresh re-reads only sidecars that changed. It is
 * a cache and nothing more: any doubt about it means a rescan, never an error.
 */

export const LIBRARY_CACHE_SCHEMA = 'keyframe.library-cache/1';

export interface CacheRecord {
  mtimeMs: number;
  size: number;
  /** An atomic rewrite is a new inode even when mtime and size look unchanged. */
  ino: number;
  entry: LibraryEntry;
}

const RecordSchema = z.object({
  mtimeMs: z.number(),
  size: z.number().int().nonnegative(),
  ino: z.number(),
  entry: LibraryEntrySchema,
});

const CacheFileSchema = z.object({
  schema: z.literal(LIBRARY_CACHE_SCHEMA),
  savedAt: z.number(),
  records: z.array(z.unknown()),
});

export interface LoadedCache {
  records: CacheRecord[];
  /** Why the cache was not used in full (missing, unreadable, bad records), for the log. */
  problem?: string;
}

export async function readLibraryCache(path: string): Promise<LoadedCache> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { records: [], problem: 'no cache' };
  }
  let file: z.infer<typeof CacheFileSchema>;
  try {
    file = CacheFileSchema.parse(JSON.parse(text));
  } catch {
    return { records: [], problem: 'cache unreadable' };
  }
  // A bad record costs only that sidecar being read again, not the whole cache.
  const records: CacheRecord[] = [];
  let bad = 0;
  for (const raw of file.records) {
    const r = RecordSchema.safeParse(raw);
    if (r.success) records.push(r.data);
    else bad += 1;
  }
  return bad > 0 ? { records, problem: `${bad} cache records invalid` } : { records };
}

export async function writeLibraryCache(path: string, records: Iterable<CacheRecord>, savedAt: number): Promise<void> {
  // Compact JSON: with 10 000 entries pretty-printing would roughly double the file.
  await writeFileAtomic(path, JSON.stringify({ schema: LIBRARY_CACHE_SCHEMA, savedAt, records: [...records] }));
}
