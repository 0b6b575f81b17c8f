import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
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
    if (!st.isFile()) throw new AppFailure({ code: 'invalid_file', retryable: false, message: `Frame “${name}” is not a file.` });
    size = st.size;
  } catch (err) {
    if (err instanceof AppFailure) throw err;
    throw new AppFailure({ code: 'invalid_file', retryable: false, message: `Frame image “${name}” cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).` });
  }
  if (size > IMAGE_MAX_BYTES) {
    // Fix: "is 20.0 MB; the limit is 20 MB" for a file just over the limit; give exact bytes too.
    throw new AppFailure({
      code: 'too_large',
      retryable: false,
      message: `Frame image “${name}” is ${mb(size)} (${size} bytes); the limit is 20 MB (${IMAGE_MAX_BYTES} bytes).`,
    });
  }
  if (size === 0) throw new AppFailure({ code: 'invalid_file', retryable: false, message: `Frame image “${name}” is empty.` });
  const bytes = await readWhole(path);
  const contentType = sniffImageType(bytes.subarray(0, 16));
  if (!contentType) {
    throw new AppFailure({ code: 'unsupported_media', retryable: false, message: `Frame “${name}” is not a JPEG, PNG, WebP or GIF image.` });
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
