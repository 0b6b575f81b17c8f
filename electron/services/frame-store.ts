import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { IMAGE_MAX_BYTES } from '../../shared/domain/generation.js';
import { EXTENSION_FOR, sniffImageType, type ImageType } from '../core/frames/image-type.js';
import { writeFileAtomic } from '../core/util/atomic-write.js';
import { imageSize } from './image-size.js';

/**
 * Images the page hands over (dropped, pasted, grabbed from a video), kept as
 * `<dataDir>/frames/<sha256>.<ext>`. Content-addressed, so importing the same
 * image twice stores it once and the id can never name a file outside the
 * store: the page only ever holds the hash.
 */

export interface StoredFrame {
  sha256: string;
  path: string;
  mime: ImageType;
  bytes: number;
  width?: number;
  height?: number;
}

export interface FoundFrame {
  path: string;
  mime: ImageType;
  size: number;
}

const SHA256 = /^[a-f0-9]{64}$/;
const TYPES = Object.entries(EXTENSION_FOR) as [ImageType, string][];

export class FrameStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'frames');
  }

  async put(bytes: Uint8Array, name: string): Promise<StoredFrame> {
    // `name` only words the messages: the page chose it, the file system never sees it.
    const label = name.slice(0, 80);
    if (bytes.length === 0) throw appFailure('invalid_file', errorMessage('image.empty', { name: label }), { retryable: false });
    if (bytes.length > IMAGE_MAX_BYTES) {
      throw appFailure('too_large', errorMessage('image.too_large', { name: label }), { retryable: false });
    }
    const mime = sniffImageType(bytes.subarray(0, 16));
    if (!mime) {
      throw appFailure('unsupported_media', errorMessage('image.not_image', { name: label }), { retryable: false });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = join(this.dir, `${sha256}.${EXTENSION_FOR[mime]}`);
    // Same name, same bytes: an existing file is already the right one.
    const existing = await stat(path).catch(() => undefined);
    if (!existing?.isFile()) await writeFileAtomic(path, bytes);
    return { sha256, path, mime, bytes: bytes.length, ...imageSize(bytes) };
  }

  /** The stored file for an id, or undefined (also for anything that is not a sha256). */
  async find(id: string): Promise<FoundFrame | undefined> {
    if (!SHA256.test(id)) return undefined;
    for (const [mime, ext] of TYPES) {
      const path = join(this.dir, `${id}.${ext}`);
      const st = await stat(path).catch(() => undefined);
      if (st?.isFile()) return { path, mime, size: st.size };
    }
    return undefined;
  }
}
