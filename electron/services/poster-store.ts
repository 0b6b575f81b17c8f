import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { sniffImageType, EXTENSION_FOR, type ImageType } from '../core/frames/image-type.js';
import { writeFileAtomic } from '../core/util/atomic-write.js';

/** A poster is a still for the library grid; a few hundred kB is plenty. */
export const POSTER_MAX_BYTES = 2 * 1024 * 1024;
const ID = /^[A-Za-z0-9_-]{1,120}$/;

/**
 * Poster frames for library videos, made once by the page from the video
 * itself (main cannot decode H.264 without shipping a codec) and cached in
 * `<dataDir>/posters/<videoId>.<ext>`. The grid then shows plain images, never
 * a <video> per cell. Which ids have one is kept in memory so views stay sync.
 */
export class PosterStore {
  private readonly dir: string;
  private readonly known = new Map<string, string>();
  private readonly listeners = new Set<(id: string) => void>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'posters');
  }

  async load(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const m = /^([A-Za-z0-9_-]{1,120})\.(jpg|png|webp)$/.exec(name);
      if (m?.[1]) this.known.set(m[1], name);
    }
  }

  /** Called with each id a poster is saved for (the poster progress event follows them). */
  onSaved(cb: (id: string) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  has(id: string): boolean {
    return this.known.has(id);
  }

  async put(id: string, bytes: Uint8Array): Promise<void> {
    if (!ID.test(id)) throw appFailure('invalid_request', errorMessage('poster.bad_id'), { retryable: false });
    if (bytes.length === 0 || bytes.length > POSTER_MAX_BYTES) {
      throw appFailure('too_large', errorMessage('poster.size'), { retryable: false });
    }
    const type = sniffImageType(bytes.subarray(0, 16));
    if (type !== 'image/jpeg' && type !== 'image/png' && type !== 'image/webp') {
      throw appFailure('unsupported_media', errorMessage('poster.type'), { retryable: false });
    }
    await mkdir(this.dir, { recursive: true });
    const name = `${id}.${EXTENSION_FOR[type]}`;
    await writeFileAtomic(join(this.dir, name), bytes);
    this.known.set(id, name);
    for (const cb of this.listeners) cb(id);
  }

  async find(id: string): Promise<{ path: string; size: number; mime: ImageType } | undefined> {
    const name = this.known.get(id);
    if (!name) return undefined;
    const path = join(this.dir, name);
    const st = await stat(path).catch(() => undefined);
    if (!st?.isFile()) return undefined;
    const mime: ImageType = name.endsWith('.png') ? 'image/png' : name.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
    return { path, size: st.size, mime };
  }
}
