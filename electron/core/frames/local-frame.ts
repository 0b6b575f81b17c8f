import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { appFailure, errorMessage } from '../../../shared/error-messages.js';
import { AppFailure } from '../../../shared/errors.js';
import { IMAGE_MAX_BYTES } from '../../../shared/domain/generation.js';
import { sniffImageType, type ImageType } from './image-type.js';

export interface LocalFrameInfo {
  path: string;
  bytes: number;
  sha256: string;
  contentType: ImageType;
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

/**
 * Checks a local frame image before anything is sent: it exists, is a file,
 * is ≤ 20 MB and is really a JPEG/PNG/WebP/GIF by content. Returns its hash,
 * which keys the upload cache and is recorded in the job journal.
 */
export async function inspectLocalFrame(path: string): Promise<LocalFrameInfo> {
  return (await loadLocalFrame(path)).info;
}

/** Like inspectLocalFrame, also returning the bytes (for the upload). */
export async function loadLocalFrame(path: string): Promise<{ info: LocalFrameInfo; bytes: Uint8Array }> {
  const name = basename(path);
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw appFailure('invalid_file', errorMessage('frame.not_file', { name }), { retryable: false });
    size = st.size;
  } catch (err) {
    if (err instanceof AppFailure) throw err;
    throw appFailure('invalid_file', errorMessage('frame.unreadable', { name, errno: (err as NodeJS.ErrnoException).code ?? 'error' }), { retryable: false });
  }
  if (size > IMAGE_MAX_BYTES) {
    // Exact bytes too: rounded, a file just over the limit would read "is 20.0 MB; the limit is 20 MB".
    throw appFailure('too_large', errorMessage('frame.too_large', { name, size: mb(size), bytes: size, limit: IMAGE_MAX_BYTES }), { retryable: false });
  }
  if (size === 0) throw appFailure('invalid_file', errorMessage('frame.empty', { name }), { retryable: false });
  const bytes = await readWhole(path);
  const contentType = sniffImageType(bytes.subarray(0, 16));
  if (!contentType) {
    throw appFailure('unsupported_media', errorMessage('frame.not_image', { name }), { retryable: false });
  }
  return { info: { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), contentType }, bytes };
}

export async function readWhole(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    return new Uint8Array(await fh.readFile());
  } finally {
    await fh.close();
  }
}
