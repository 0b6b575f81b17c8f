import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { LibraryEntry } from '../../shared/domain/video.js';
import type { ServiceContext } from './context.js';
import type { MediaFile } from './types.js';

/**
 * Opaque media ids → files, for the media protocol and the browser host's
 * media route. The id comes from the page, and the file name it leads to
 * comes from a sidecar anyone could have edited, so the final path (symlinks
 * resolved) must lie inside a library folder or the frame store: anything
 * else is answered as if it did not exist.
 */

/** True when `child` is `dir` itself or below it (both already resolved). */
export function isInside(dir: string, child: string): boolean {
  const rel = relative(dir, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Real path of `path` when it lies in one of `dirs` (symlinks resolved on both sides), else undefined. */
export async function containedRealPath(path: string, dirs: readonly string[]): Promise<string | undefined> {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return undefined;
  for (const dir of dirs) {
    const realDir = await realpath(dir).catch(() => undefined);
    if (realDir !== undefined && isInside(realDir, real)) return real;
  }
  return undefined;
}

/**
 * The video and sidecar of an entry, checked to lie inside the library
 * folders. A video that does not exist is checked through its folder.
 */
export async function entryFiles(entry: LibraryEntry, dirs: readonly string[]): Promise<{ video: string; sidecar: string } | undefined> {
  const sidecar = await containedRealPath(join(entry.dir, entry.sidecarName), dirs);
  if (!sidecar) return undefined;
  const videoPath = join(entry.dir, entry.sidecar.file);
  const video = entry.videoMissing ? videoPath : await containedRealPath(videoPath, dirs);
  return video ? { video, sidecar } : undefined;
}

export async function resolveMedia(ctx: ServiceContext, kind: string, id: string): Promise<MediaFile | undefined> {
  try {
    if (typeof id !== 'string') return undefined;
    if (kind === 'frame') {
      const frame = await ctx.frames.find(id);
      return frame && { path: frame.path, size: frame.size, mime: frame.mime };
    }
    if (kind === 'poster') {
      const poster = await ctx.posters.find(id);
      return poster && { path: poster.path, size: poster.size, mime: poster.mime };
    }
    if (kind !== 'video') return undefined;
    const entry = ctx.engine.library.get(id);
    if (!entry) return undefined;
    const path = await containedRealPath(join(entry.dir, entry.sidecar.file), ctx.engine.library.directories());
    if (!path) return undefined;
    const st = await stat(path);
    return st.isFile() ? { path, size: st.size, mime: 'video/mp4' } : undefined;
  } catch (err) {
    ctx.logger.log('warn', 'media lookup failed', { kind, error: err });
    return undefined;
  }
}
