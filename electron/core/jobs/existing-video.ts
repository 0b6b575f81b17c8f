import { stat } from 'node:fs/promises';
import { measureFile } from '../library/part-files.js';
import { verifyMp4 } from '../library/verify-mp4.js';

/**
 * If a finished video already sits at `dest` with no `.part` beside it (the
 * process died after the rename, before the sidecar), returns its size and
 * hash, read from disk, so the job can adopt it instead of downloading (and
 * renaming) again. Only an MP4 is adopted: the downloader renames nothing
 * else into place, so any other file under that name is not this job's video
 * and must not be recorded as it (the download then refuses to overwrite it).
 */
export async function hashExistingVideo(dest: string): Promise<{ bytes: number; sha256: string } | undefined> {
  const [video, part] = await Promise.all([stat(dest).catch(() => undefined), stat(`${dest}.part`).catch(() => undefined)]);
  if (!video?.isFile() || part) return undefined;
  const isMp4 = await verifyMp4(dest).then(
    () => true,
    () => false,
  );
  return isMp4 ? measureFile(dest) : undefined;
}
