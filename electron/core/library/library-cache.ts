import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { LibraryEntry } from '../../../shared/domain/video.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * The on-disk index cache: every entry plus the stat of its file when it
 * was read, so a start-up refresh re-reads only files that changed. It is
 * a cache and nothing more: any doubt about it means a rescan, never an error.
 *
 * Checking 100,000 records one by one against the entry schema costs seconds
 * at every start, so the file carries a checksum of its records instead:
 * only what this version wrote (every entry validated when its file was
 * read) is taken back, and a damaged, truncated, hand-edited or older file
 * is refused whole and rebuilt from the folders.
 */

export const LIBRARY_CACHE_SCHEMA = 'keyframe.library-cache/2';

export interface CacheRecord {
  mtimeMs: number;
  size: number;
  /** An atomic rewrite is a new inode even when mtime and size look unchanged. */
  ino: number;
  entry: LibraryEntry;
}

export interface LoadedCache {
  records: CacheRecord[];
  /** Why the cache was not used (missing, unreadable, damaged, another version), for the log. */
  problem?: string;
}

/** Written last in the file, so everything after it (less the closing brace) is the checksummed text. */
const RECORDS_KEY = '"records":';

const checksumOf = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

interface CacheHeader {
  schema: string;
  savedAt: number;
  checksum: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape every reader of a record relies on; the checksum already vouches for the rest. */
function isRecordShape(r: unknown): r is CacheRecord {
  if (!isObject(r) || typeof r.mtimeMs !== 'number' || typeof r.size !== 'number' || typeof r.ino !== 'number') return false;
  const e = r.entry;
  if (!isObject(e) || typeof e.id !== 'string' || typeof e.dir !== 'string') return false;
  return e.kind === 'bare' ? typeof e.fileName === 'string' && isObject(e.container) : typeof e.sidecarName === 'string' && isObject(e.sidecar);
}

export async function readLibraryCache(path: string): Promise<LoadedCache> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { records: [], problem: 'no cache' };
  }
  const at = bytes.indexOf(RECORDS_KEY);
  if (at < 0 || bytes[bytes.length - 1] !== 0x7d) return { records: [], problem: 'cache unreadable' };
  let file: unknown;
  try {
    file = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { records: [], problem: 'cache unreadable' };
  }
  if (!isObject(file) || file.schema !== LIBRARY_CACHE_SCHEMA) return { records: [], problem: 'cache of another version' };
  const header = file as unknown as CacheHeader & { records: unknown };
  if (typeof header.checksum !== 'string' || checksumOf(bytes.subarray(at + RECORDS_KEY.length, bytes.length - 1)) !== header.checksum) {
    return { records: [], problem: 'cache damaged' };
  }
  const records = header.records;
  if (!Array.isArray(records) || !records.every(isRecordShape)) return { records: [], problem: 'cache damaged' };
  return { records };
}

export async function writeLibraryCache(path: string, records: Iterable<CacheRecord>, savedAt: number): Promise<void> {
  // Compact JSON: with 10 000 entries pretty-printing would roughly double the file.
  const body = JSON.stringify([...records]);
  const header: CacheHeader = { schema: LIBRARY_CACHE_SCHEMA, savedAt, checksum: checksumOf(body) };
  await writeFileAtomic(path, `${JSON.stringify(header).slice(0, -1)},${RECORDS_KEY}${body}}`);
}
