import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from '../../../shared/domain/job.js';
import { removeStrayPartFiles } from '../library/downloader.js';
import { writeJsonAtomic } from '../util/atomic-write.js';

/**
 * The queue's own state on disk beyond the per-job journal: whether the person
 * paused it, and the clean-up of partial downloads nobody owns any more.
 */

const stateFile = (dataDir: string) => join(dataDir, 'queue-state.json');

export async function loadPaused(dataDir: string): Promise<boolean> {
  try {
    return JSON.parse(await readFile(stateFile(dataDir), 'utf8')).paused === true;
  } catch {
    // No file yet, or unreadable: an unpaused queue loses nothing.
    return false;
  }
}

export async function savePaused(dataDir: string, paused: boolean): Promise<void> {
  await writeJsonAtomic(stateFile(dataDir), { paused });
}

/**
 * Deletes `*.mp4.part` files in the jobs' output folders that no unfinished
 * job will resume (left by a job that was stopped, retried or lost).
 */
export async function cleanStrayParts(jobs: readonly Job[]): Promise<string[]> {
  const keepByDir = new Map<string, Set<string>>();
  for (const j of jobs) {
    const keep = keepByDir.get(j.outputDir) ?? new Set<string>();
    if (j.state === 'downloading' || j.state === 'generating' || j.state === 'needs_attention') {
      for (const o of j.outputs) if (!o.saved) keep.add(`${o.fileName}.part`);
    }
    keepByDir.set(j.outputDir, keep);
  }
  const removed: string[] = [];
  for (const [dir, keep] of keepByDir) removed.push(...(await removeStrayPartFiles(dir, keep).catch(() => [])));
  return removed;
}
