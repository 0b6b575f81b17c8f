import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import { appFailure, errorMessage } from '../../shared/error-messages.js';
import { sidecarNameFor } from '../core/library/file-naming.js';
import { errnoCode } from '../core/util/fs-errors.js';
import { isBareEntry, type LibraryEntry, type SidecarEntry } from '../../shared/domain/video.js';
import { videoFileOf } from '../core/library/library-entry.js';
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

/** Extensions a video beside a sidecar may have; anything else is not acted on as "the video". */
export const VIDEO_EXTENSIONS: readonly string[] = ['.mp4', '.mov', '.webm', '.m4v'];

export interface EntryFiles {
  /** Real path of the sidecar: a regular file inside a library folder (none for a bare video). */
  sidecar?: string;
  /** The video beside it (same folder), named by the sidecar's `file`. */
  video: string;
  /** Whether the video is there now (looked at, not taken from the index). */
  videoPresent: boolean;
}

type Refusal = 'not_in_folder' | 'not_video' | 'link' | 'special';

const refuse = (entry: SidecarEntry, why: Refusal) =>
  appFailure('invalid_file', errorMessage(`record.names.${why}`, { record: entry.sidecarName, file: entry.sidecar.file }), { retryable: false });

const lstatOrMissing = (path: string) =>
  lstat(path).catch((err: unknown) => {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw err;
  });

/**
 * The video and sidecar of an entry, for acting on them (trash, reveal,
 * drag). The sidecar's `file` is text anyone could have edited, so it must
 * name a regular video file beside the sidecar: not a folder, a symlink,
 * another entry's sidecar or video, or a partial download, and not a path
 * into another folder. Undefined when the sidecar is not (or no longer) in a library
 * folder, or the video leads out of them; an AppFailure when `file` names
 * something that is not the entry's video.
 */
export async function entryFiles(entry: LibraryEntry, dirs: readonly string[]): Promise<EntryFiles | undefined> {
  if (isBareEntry(entry)) return bareFiles(entry.dir, entry.fileName, dirs);
  const sidecarPath = join(entry.dir, entry.sidecarName);
  const sidecar = await containedRealPath(sidecarPath, dirs);
  if (!sidecar) return undefined;
  const sidecarStat = await lstatOrMissing(sidecarPath);
  if (!sidecarStat?.isFile()) return undefined;

  const file = entry.sidecar.file;
  if (file !== basename(file) || file.includes('\\') || file === '.' || file === '..') throw refuse(entry, 'not_in_folder');
  if (!VIDEO_EXTENSIONS.includes(extname(file).toLowerCase())) throw refuse(entry, 'not_video');
  // A video whose own sidecar (named after it) is another file belongs to that other record.
  const ownSidecar = sidecarNameFor(file);
  if (ownSidecar !== entry.sidecarName && (await lstatOrMissing(join(dirname(sidecar), ownSidecar))) !== undefined) {
    const names = { record: entry.sidecarName, file, other: ownSidecar };
    throw appFailure('invalid_file', errorMessage('record.names.other_record', names), { retryable: false });
  }

  const video = join(dirname(sidecar), file);
  const st = await lstatOrMissing(video);
  if (st === undefined) return { sidecar, video, videoPresent: false };
  // A symlink is judged by where it leads first: one leading out of the library is simply not there.
  if (st.isSymbolicLink()) {
    if (!(await containedRealPath(video, dirs))) return undefined;
    throw refuse(entry, 'link');
  }
  if (!st.isFile()) throw refuse(entry, 'special');
  return { sidecar, video, videoPresent: true };
}

/**
 * A bare video is its own record: acted on only while it is a regular file
 * (no symlink, whatever it leads to) inside a library folder, else it is not there.
 */
async function bareFiles(dir: string, fileName: string, dirs: readonly string[]): Promise<EntryFiles | undefined> {
  const path = join(dir, fileName);
  const st = await lstatOrMissing(path);
  if (!st?.isFile()) return undefined;
  const video = await containedRealPath(path, dirs);
  return video === undefined ? undefined : { video, videoPresent: true };
}

/** A QuickTime file is served as MP4: browsers play its H.264 through their MP4 demuxer but refuse `video/quicktime`. */
const mimeOf = (file: string): string => (extname(file).toLowerCase() === '.webm' ? 'video/webm' : 'video/mp4');

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
    if (kind === 'clip') return await ctx.exports.clipFile(id);
    if (kind !== 'video') return undefined;
    const entry = ctx.engine.library.get(id);
    if (!entry) return undefined;
    const file = videoFileOf(entry);
    const path = await containedRealPath(join(entry.dir, file), ctx.engine.library.directories());
    if (!path) return undefined;
    const st = await stat(path);
    return st.isFile() ? { path, size: st.size, mime: mimeOf(file) } : undefined;
  } catch (err) {
    ctx.logger.log('warn', 'media lookup failed', { kind, error: err });
    return undefined;
  }
}
