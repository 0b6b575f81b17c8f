import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { LibraryEntry } from '../../../shared/domain/video.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { decodeRow, encodeRows, isFolderList } from './library-cache-rows.js';
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
 * is refused whole and rebuilt from the folders.
 *
 * One line per record (library-cache-rows.ts), read a chunk at a time: the
 * file is never held whole as bytes nor as one string, whose 50 MB at
 * 100,000 takes (twice over, with the parse) would set the process's peak
 * memory for the rest of its life.
 *
 *   line 1   {"schema":…,"savedAt":…,"rows":N,"checksum":sha256 of everything after this line}
 *   line 2   the folders, as a JSON array
 *   then     N rows, one a line, each line ending with a newline
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

interface CacheHeader {
  schema: string;
  savedAt: number;
  rows: number;
  checksum: string;
}

const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;
/** How a file of another version starts (they were one JSON object, on one line). */
const SCHEMA_AT_START = /^\{"schema":"([^"]*)"/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Refused extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

function headerOf(line: string): CacheHeader {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw new Refused('cache unreadable');
  }
  if (!isObject(header)) throw new Refused('cache unreadable');
  if (header.schema !== LIBRARY_CACHE_SCHEMA) throw new Refused('cache of another version');
  const ok = typeof header.checksum === 'string' && typeof header.savedAt === 'number' && Number.isInteger(header.rows);
  if (!ok) throw new Refused('cache unreadable');
  return header as unknown as CacheHeader;
}

/** The header line, from the first chunk; a first chunk without a line end is another version's file, or no cache at all. */
function headerIn(first: Buffer): { header: CacheHeader; rest: Buffer } {
  const end = first.indexOf(NEWLINE);
  if (end < 0) {
    const schema = SCHEMA_AT_START.exec(first.subarray(0, 256).toString('utf8'))?.[1];
    throw new Refused(schema !== undefined && schema !== LIBRARY_CACHE_SCHEMA ? 'cache of another version' : 'cache unreadable');
  }
  return { header: headerOf(first.subarray(0, end).toString('utf8')), rest: first.subarray(end + 1) };
}

/** Reads the rows after the header, chunk by chunk, decoding each line as it comes. */
class RowReader {
  private readonly hash = createHash('sha256');
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private dirs: string[] | undefined;
  readonly records: CacheRecord[] = [];

  constructor(private readonly pool: StringPool) {}

  add(bytes: Buffer): void {
    this.hash.update(bytes);
    const text = this.pending + this.decoder.write(bytes);
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.pending = text;
      return;
    }
    this.pending = text.slice(end + 1);
    const lines = text.slice(0, end).split('\n');
    if (!this.dirs) {
      const dirs = parse(lines.shift() ?? '');
      if (!isFolderList(dirs)) throw new Refused('cache damaged');
      this.dirs = dirs;
    }
    if (lines.length === 0) return;
    // One parse per chunk, not per line: a few hundred rows at a time.
    const rows = parse(`[${lines.join(',')}]`) as unknown[];
    for (const row of rows) {
      const record = decodeRow(row, this.dirs, this.pool);
      if (!record) throw new Refused('cache damaged');
      this.records.push(record);
    }
  }

  finish(header: CacheHeader): CacheRecord[] {
    if (this.pending + this.decoder.end() !== '' || !this.dirs || this.records.length !== header.rows) throw new Refused('cache unreadable');
    if (this.hash.digest('hex') !== header.checksum) throw new Refused('cache damaged');
    return this.records;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Refused('cache unreadable');
  }
}

async function readOpened(fh: FileHandle, pool: StringPool): Promise<CacheRecord[]> {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let header: CacheHeader | undefined;
  const reader = new RowReader(pool);
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) break;
    const chunk = buf.subarray(0, bytesRead);
    if (header) {
      reader.add(chunk);
      continue;
    }
    const first = headerIn(chunk);
    header = first.header;
    reader.add(first.rest);
  }
  if (!header) throw new Refused('cache unreadable');
  return reader.finish(header);
}

/** `pool` shares the texts many entries repeat (see StringPool); the index passes its own. */
export async function readLibraryCache(path: string, pool = new StringPool()): Promise<LoadedCache> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    return { records: [], problem: 'no cache' };
  }
  try {
    return { records: await readOpened(fh, pool) };
  } catch (err) {
    if (err instanceof Refused) return { records: [], problem: err.problem };
    return { records: [], problem: 'cache unreadable' };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

export async function writeLibraryCache(path: string, records: Iterable<CacheRecord>, savedAt: number): Promise<void> {
  const { dirs, rows } = encodeRows(records);
  const body = `${JSON.stringify(dirs)}\n${rows.join('\n')}${rows.length > 0 ? '\n' : ''}`;
  const header: CacheHeader = { schema: LIBRARY_CACHE_SCHEMA, savedAt, rows: rows.length, checksum: createHash('sha256').update(body).digest('hex') };
  await writeFileAtomic(path, `${JSON.stringify(header)}\n${body}`);
}
