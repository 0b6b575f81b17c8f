import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { LibraryEntry } from '../../../shared/domain/video.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { decodeRows, encodeRows } from './library-cache-rows.js';
import { StringPool } from './library-sidecar.js';

/**
 * The on-disk index cache: every entry plus the stat of its file when it
 * was read, so a start-up refresh re-reads only files that changed. It is
 * a cache and nothing more: any doubt about it means a rescan, never an error.
 *
 * Checking 100,000 records one by one against the entry schema costs seconds
 * at every start, so the file carries a checksum of its records instead:
 * only what this version wrote (every entry validated when its file was
 * read) is taken back, and a damaged, truncated, hand-edited or older file
 * is refused whole and rebuilt from the folders. The records are written as
 * rows (library-cache-rows.ts), the entries as the library keeps them.
 */

export const LIBRARY_CACHE_SCHEMA = 'keyframe.library-cache/3';

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

/** The header (everything before the records), or undefined when it is not one this version wrote. */
function headerOf(bytes: Buffer, recordsAt: number): CacheHeader | 'other version' | undefined {
  // The header ends with the comma before the records key.
  if (recordsAt < 2 || bytes[recordsAt - 1] !== 0x2c) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(`${bytes.subarray(0, recordsAt - 1).toString('utf8')}}`);
  } catch {
    return undefined;
  }
  if (!isObject(header)) return undefined;
  if (header.schema !== LIBRARY_CACHE_SCHEMA) return 'other version';
  return typeof header.checksum === 'string' && typeof header.savedAt === 'number' ? (header as unknown as CacheHeader) : undefined;
}

/**
 * The records' text once the checksum vouches for it. Kept apart so the
 * file's bytes (as large again as the text with 100,000 entries) are let go
 * before the parse peaks.
 */
async function verifiedRecordsText(path: string): Promise<{ text: string } | { problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { problem: 'no cache' };
  }
  const at = bytes.indexOf(RECORDS_KEY);
  const header = at < 0 || bytes[bytes.length - 1] !== 0x7d ? undefined : headerOf(bytes, at);
  if (header === 'other version') return { problem: 'cache of another version' };
  if (!header) return { problem: 'cache unreadable' };
  const body = bytes.subarray(at + RECORDS_KEY.length, bytes.length - 1);
  if (checksumOf(body) !== header.checksum) return { problem: 'cache damaged' };
  return { text: body.toString('utf8') };
}

/** `pool` shares the texts many entries repeat (see StringPool); the index passes its own. */
export async function readLibraryCache(path: string, pool = new StringPool()): Promise<LoadedCache> {
  const verified = await verifiedRecordsText(path);
  if ('problem' in verified) return { records: [], problem: verified.problem };
  let body: unknown;
  try {
    body = JSON.parse(verified.text);
  } catch {
    return { records: [], problem: 'cache unreadable' };
  }
  const records = isObject(body) ? decodeRows(body.dirs, body.rows, pool) : undefined;
  return records ? { records } : { records: [], problem: 'cache damaged' };
}

export async function writeLibraryCache(path: string, records: Iterable<CacheRecord>, savedAt: number): Promise<void> {
  const body = JSON.stringify(encodeRows(records));
  const header: CacheHeader = { schema: LIBRARY_CACHE_SCHEMA, savedAt, checksum: checksumOf(body) };
  await writeFileAtomic(path, `${JSON.stringify(header).slice(0, -1)},${RECORDS_KEY}${body}}`);
}
