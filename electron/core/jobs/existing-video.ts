import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * If a finished video already sits at `dest` with no `.part` beside it (the
 * process died after the rename, before the sidecar), returns its size and
 * hash so the job can adopt it instead of downloading (and renaming) again.
 */
export async function hashExistingVideo(dest: string): Promise<{ bytes: number; sha256: string } | undefined> {
  const [video, part] = await Promise.all([stat(dest).catch(() => undefined), stat(`${dest}.part`).catch(() => undefined)]);
  if (!video?.isFile() || part) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(dest, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { bytes: video.size, sha256: hash.digest('hex') };
}
