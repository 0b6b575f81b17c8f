import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, statfs, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A real disk that fills up: a small tmpfs mounted for one test. A full disk
 * fails in ways no stub reproduces faithfully (a write that half succeeds, a
 * temp file created and then unwritable), so the disk-full scenarios run on
 * one where they can. Mounting needs root on Linux; elsewhere `tmpfsSupport()`
 * says why not and the tests skip with that reason.
 */

const run = promisify(execFile);
const PAGE = 4096;
const FILLER = '.filler';

export type TmpfsSupport = { ok: true } | { ok: false; reason: string };

let probed: Promise<TmpfsSupport> | undefined;

/** Whether a tmpfs can be mounted here (probed once per process with a real mount). */
export function tmpfsSupport(): Promise<TmpfsSupport> {
  probed ??= probe();
  return probed;
}

async function probe(): Promise<TmpfsSupport> {
  if (process.platform !== 'linux') return { ok: false, reason: `a small tmpfs disk needs Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'mounting a small tmpfs disk needs root' };
  try {
    const disk = await mountSmallDisk(PAGE * 16);
    await disk.release();
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `mounting a tmpfs failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
}

export interface SmallDisk {
  /** The mount point: everything written under it counts against the disk's size. */
  dir: string;
  /** Takes every free byte (with a filler file), so the next write fails with ENOSPC. */
  fill(): Promise<void>;
  /** Leaves exactly `bytes` free, rounded up to whole pages. */
  leaveFree(bytes: number): Promise<void>;
  /** Deletes the filler: the space is back. */
  free(): Promise<void>;
  /** Free bytes now. */
  available(): Promise<number>;
  /** Unmounts the disk and removes the mount point. */
  release(): Promise<void>;
}

/** Mounts a tmpfs of `sizeBytes` on a fresh folder under the system temp folder. */
export async function mountSmallDisk(sizeBytes = 4 * 1024 * 1024): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'keyframe-small-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(sizeBytes / PAGE) * PAGE},mode=0755`, 'tmpfs', dir]);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const filler = join(dir, FILLER);
  const available = async () => {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  };
  const disk: SmallDisk = {
    dir,
    available,
    fill: () => disk.leaveFree(0),
    async leaveFree(bytes) {
      await unlink(filler).catch(() => undefined);
      const want = Math.ceil(bytes / PAGE) * PAGE;
      const take = (await available()) - want;
      if (take < 0) throw new Error(`cannot leave ${want} bytes free: only ${take + want} are`);
      await writeZeros(filler, take);
      const left = await available();
      if (left !== want) throw new Error(`the small disk has ${left} bytes free, expected ${want}`);
    },
    async free() {
      await unlink(filler).catch(() => undefined);
    },
    async release() {
      try {
        await run('umount', [dir]);
      } catch {
        // Something still holds a file open: detach now, the kernel frees it once closed.
        await run('umount', ['-l', dir]);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  return disk;
}

async function writeZeros(path: string, bytes: number): Promise<void> {
  const fh = await open(path, 'w');
  try {
    const chunk = Buffer.alloc(Math.min(bytes, 1024 * 1024));
    for (let left = bytes; left > 0; ) {
      const { bytesWritten } = await fh.write(chunk, 0, Math.min(left, chunk.length));
      left -= bytesWritten;
    }
  } finally {
    await fh.close();
  }
}
