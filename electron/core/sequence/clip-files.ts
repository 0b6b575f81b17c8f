import { createHash } from 'node:crypto';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { clipPathProblem } from '../../../shared/domain/sequence.js';
import { errnoCode } from '../util/fs-errors.js';

/**
 * A sequence's clips are paths relative to the sequence file's folder. The
 * schema already refuses `..` and absolute paths; a symlink inside the folder
 * could still lead out of it, so the real path is checked too before a byte
 * of the file is read.
 */

export interface ResolvedClip {
  /** 1-based, as messages name clips. */
  index: number;
  /** As written in the sequence. */
  file: string;
  /** Real path, inside the sequence's folder. */
  path: string;
}

const clipFailure = (key: 'sequence.clip_missing' | 'sequence.clip_outside', index: number, file: string) =>
  appFailure(key === 'sequence.clip_missing' ? 'not_found' : 'invalid_request', errorMessage(key, { index, file }), { retryable: false });

/** True when `child` lies below `dir` (both real paths). */
function isBelow(dir: string, child: string): boolean {
  const rel = relative(dir, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export async function resolveClipFile(folder: string, file: string, index: number): Promise<ResolvedClip> {
  if (clipPathProblem(file) !== undefined) throw clipFailure('sequence.clip_outside', index, file);
  const realFolder = await realpath(folder).catch(() => folder);
  let real: string;
  try {
    real = await realpath(join(folder, ...file.split('/')));
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') throw clipFailure('sequence.clip_missing', index, file);
    throw err;
  }
  if (!isBelow(realFolder, real)) throw clipFailure('sequence.clip_outside', index, file);
  return { index, file, path: real };
}

/** Length and sha256 of a file, for the export's record of its sources. */
export async function hashFile(path: string, signal?: AbortSignal): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1024 * 1024);
    let bytes = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await fh.read(buf, 0, buf.length, bytes);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}
