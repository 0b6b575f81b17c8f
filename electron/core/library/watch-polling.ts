import { statfs } from 'node:fs/promises';

/**
 * Whether a folder must be watched by polling. OS change notifications
 * (inotify, FSEvents, ReadDirectoryChangesW) say nothing of what another
 * machine writes to a network share, and nothing at all on some FUSE and VM
 * shares, so those are polled. `KEYFRAME_WATCH_POLLING=1` polls every folder
 * (and `0` none) where the guess is wrong.
 */

/** Linux `statfs` f_type values of file systems whose changes may not be notified. */
const REMOTE_FS_TYPES: ReadonlySet<number> = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, rclone, cloud drives)
  0x01021997, // 9P (WSL drives, VM shares)
  0x5346414f, // AFS
  0x00c36400, // Ceph
  0x786f4256, // VirtualBox shared folders
]);

export type PollingChoice = 'auto' | 'always' | 'never';

export function pollingFromEnv(value: string | undefined): PollingChoice {
  if (value === '1' || value === 'true') return 'always';
  if (value === '0' || value === 'false') return 'never';
  return 'auto';
}

export async function needsPolling(dir: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  // A UNC path is a network share by definition.
  if (platform === 'win32') return dir.startsWith('\\\\');
  if (platform !== 'linux') return false;
  try {
    const { type } = await statfs(dir);
    return REMOTE_FS_TYPES.has(type >>> 0);
  } catch {
    return false;
  }
}
