import { readFileSync } from 'node:fs';
import { open, readFile, unlink, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One queue per data folder: the desktop app and a `keyframe resume` in a
 * terminal must not both drive the same journal (they would double-poll and
 * race on the same .part files). The lock holds the owner's pid; a lock left
 * by a dead process is taken over.
 */
export class QueueLockedError extends Error {
  constructor(readonly pid: number) {
    super(`Another Keyframe process (pid ${pid}) is running this job queue. Close it first, or wait for it to finish.`);
    this.name = 'QueueLockedError';
  }
}

/** A killed process whose parent has not reaped it yet still answers kill(pid, 0); on Linux, read its state. */
const isZombie = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function acquireQueueLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'queue.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new QueueLockedError(pid);
      await unlink(path).catch(() => undefined);
    }
  }
  throw new Error('could not take the queue lock');
}
