import { createHash, type Hash } from 'node:crypto';
import { link, lstat, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errnoCode } from '../util/fs-errors.js';
import { destExistsFailure } from './download-errors.js';

/** File-system helpers for `.part` files: opening, sizing, hashing, final rename, cleanup. */

/**
 * What the downloader needs of an open `.part`: node's FileHandle fits, and
 * tests substitute writers that store fewer bytes than they are handed.
 * `writev` may store fewer bytes than given (a nearly full disk takes what
 * fits) and says how many in `bytesWritten`.
 */
export interface PartFile {
  writev(buffers: Uint8Array[]): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** 'a' appends to a part being resumed; 'w' starts it over from byte 0. */
export type PartOpenMode = 'a' | 'w';
export type OpenPartFile = (path: string, mode: PartOpenMode) => Promise<PartFile>;

export const openPartFile: OpenPartFile = (path, mode) => open(path, mode);

const PART_SUFFIX = '.mp4.part';
/**
 * Read-back block size. Blocks of 1 MiB stay in the CPU cache between the
 * read that fills them and the hash that reads them; 2-8 MiB blocks measured
 * slower on a 1 GiB part, not faster (the hash, not the read, bounds it).
 */
const READ_CHUNK = 1024 * 1024;

/** Size of a file, or 0 when it does not exist. */
export async function fileSizeOrZero(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 0;
    throw err;
  }
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

export async function unlinkIfExists(path: string): Promise<void> {
  await unlink(path).catch((err: unknown) => {
    if (errnoCode(err) !== 'ENOENT') throw err;
  });
}

/** Feeds the first `bytes` bytes of a file into `hash` (resume: the part's bytes come first). */
export async function hashFileInto(path: string, bytes: number, hash: Hash): Promise<void> {
  if (bytes <= 0) return;
  await hashFromDisk(path, hash, bytes);
}

/** Length and sha256 of a file as read back from disk, to the end of the file. */
export async function measureFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const bytes = await hashFromDisk(path, hash, Infinity);
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Hashes up to `limit` bytes from the start of a file; returns how many it read.
 * Two reused buffers: the next block is read (on the thread pool) while this
 * one is hashed, so the pass costs about one sha256 of the file. A stream's
 * fresh buffer per chunk added 20–30 MiB of RSS when reading back a 256 MiB
 * video, for no gain in speed.
 */
async function hashFromDisk(path: string, hash: Hash, limit: number): Promise<number> {
  const fh = await open(path, 'r');
  const blocks = [Buffer.allocUnsafe(READ_CHUNK), Buffer.allocUnsafe(READ_CHUNK)] as const;
  const readBlock = (which: 0 | 1, at: number): Promise<number> =>
    at >= limit ? Promise.resolve(0) : fh.read(blocks[which], 0, Math.min(READ_CHUNK, limit - at), at).then((r) => r.bytesRead);
  let next = readBlock(0, 0);
  try {
    let done = 0;
    for (let which: 0 | 1 = 0; ; which = which === 0 ? 1 : 0) {
      const bytesRead = await next;
      if (bytesRead === 0) return done;
      next = readBlock(which === 0 ? 1 : 0, done + bytesRead);
      hash.update(blocks[which].subarray(0, bytesRead));
      done += bytesRead;
    }
  } finally {
    // A read still in flight when another failed must settle before its file closes.
    await next.catch(() => undefined);
    await fh.close();
  }
}

// Filesystems without hard links (FAT/exFAT drives, some network shares).
const NO_LINK_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EACCES']);

/**
 * Moves `src` to `dest` but never replaces an existing `dest`. rename() would
 * silently overwrite; link() fails with EEXIST atomically, so it is tried
 * first, with an exists-check + rename fallback where links are unsupported.
 */
export async function renameNoReplace(src: string, dest: string): Promise<void> {
  try {
    await link(src, dest);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') throw destExistsFailure(basename(dest));
    if (code === undefined || !NO_LINK_CODES.has(code)) throw err;
    if (await pathExists(dest)) throw destExistsFailure(basename(dest));
    await rename(src, dest);
    return;
  }
  await unlink(src);
}

/**
 * Deletes the named `*.mp4.part` files in `dir`: parts the caller's own
 * journal abandoned. An output folder may be shared with other data folders
 * whose downloads are running, so nothing is deleted by pattern; a name that
 * is not a plain part name, or a path that is not a regular file, is left
 * alone. Returns the deleted file names.
 */
export async function removeStrayPartFiles(dir: string, abandoned: Iterable<string>): Promise<string[]> {
  const deleted: string[] = [];
  for (const name of abandoned) {
    if (!name.endsWith(PART_SUFFIX) || basename(name) !== name || name.includes('\\')) continue;
    const path = join(dir, name);
    const st = await lstat(path).catch((err: unknown) => {
      if (errnoCode(err) === 'ENOENT') return undefined;
      throw err;
    });
    if (!st?.isFile()) continue;
    await unlinkIfExists(path);
    deleted.push(name);
  }
  return deleted;
}
