import { execFile } from 'node:child_process';
import { mkdtemp, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A real, tiny disk for tests of what happens when it fills: a tmpfs mounted
 * over a folder. The kernel then answers writes the way a full drive does
 * (short writes, then ENOSPC), which no mock of node:fs reproduces faithfully.
 * Mounting needs Linux and root; tests call `smallDiskUnavailable()` first and
 * skip with its reason when it is not possible.
 */

const run = promisify(execFile);

export interface SmallDisk {
  /** The mount point: everything under it counts against the disk's size. */
  readonly dir: string;
  /** Changes the size (tmpfs rounds up to whole 4 KiB pages); growing it is "freeing space". */
  resize(bytes: number): Promise<void>;
  /** Unmounts; the folder stays (empty, as before the mount). Safe to call twice. */
  unmount(): Promise<void>;
}

let probe: Promise<string | undefined> | undefined;

/** Why a small disk cannot be mounted here, or undefined when it can. Probed once per process. */
export function smallDiskUnavailable(): Promise<string | undefined> {
  probe ??= probeMount();
  return probe;
}

async function probeMount(): Promise<string | undefined> {
  if (process.platform !== 'linux') return `mounting a tmpfs needs Linux (this is ${process.platform})`;
  const uid = process.getuid?.();
  if (uid !== 0) return `mounting a tmpfs needs root (running as uid ${uid ?? 'unknown'})`;
  const dir = await mkdtemp(join(tmpdir(), 'kf-small-disk-probe-'));
  try {
    const disk = await mountSmallDisk(dir, 4096);
    await disk.unmount();
    return undefined;
  } catch (err) {
    return `mount -t tmpfs failed (${describe(err)})`;
  } finally {
    await rmdir(dir).catch(() => undefined);
  }
}

/** Mounts a tmpfs of `bytes` over the existing folder `dir`. */
export async function mountSmallDisk(dir: string, bytes: number): Promise<SmallDisk> {
  await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'keyframe-test-disk', dir]);
  let mounted = true;
  return {
    dir,
    async resize(size) {
      await run('mount', ['-o', `remount,size=${size}`, dir]);
    },
    async unmount() {
      if (!mounted) return;
      // A lazy unmount if something still holds a file open: a test must never leave a mount behind.
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
      mounted = false;
    },
  };
}

function describe(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'stderr' in err && typeof err.stderr === 'string' && err.stderr.trim() !== '') {
    return err.stderr.trim();
  }
  return err instanceof Error ? err.message : String(err);
}
