import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/**
 * The id of a video without a sidecar. It comes from the bytes, not the
 * name: a clip renamed or moved to another library folder keeps its id (so
 * its poster and any video continuing it still find it), and a clip whose
 * bytes change is a new video. The first MiB and the size tell two clips
 * apart: their headers hold their own sample tables and timestamps.
 */

const HEAD_BYTES = 1024 * 1024;

export async function bareVideoId(fh: FileHandle, size: number): Promise<string> {
  const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  const hash = createHash('sha256').update(`${size}\n`).update(head.subarray(0, bytesRead)).digest('hex');
  return `bare-${hash.slice(0, 32)}`;
}
