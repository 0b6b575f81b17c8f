import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isTerminal, type Job } from '../../../shared/domain/job.js';
import { removeStrayPartFiles } from '../library/downloader.js';
import { pathExists } from '../library/part-files.js';
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

const releasedFile = (dataDir: string) => join(dataDir, 'parts-released.json');

async function loadReleased(dataDir: string): Promise<Set<string>> {
  try {
    const ids: unknown = JSON.parse(await readFile(releasedFile(dataDir), 'utf8')).jobs;
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    // No file yet, or unreadable: the ended jobs' parts are looked for once more.
    return new Set();
  }
}

const partOf = (o: Job['outputs'][number]) => `${o.fileName}.part`;

/**
 * Deletes the `.part` files this journal abandoned: those of unsaved outputs
 * of jobs that ended (stopped, failed, expired or done) and will not resume.
 * An output folder may be shared with other data folders whose downloads are
 * running, so a `.part` this journal does not name is never touched, and:
 * - an output that never received a byte left no part of its own, so a part
 *   under its name is someone else's;
 * - each ended job is cleaned once and recorded (`parts-released.json`): its
 *   file name is free again afterwards, and another folder's download may
 *   take it;
 * - a name a job of this journal still downloads to is kept.
 */
export async function cleanStrayParts(jobs: readonly Job[], dataDir: string): Promise<string[]> {
  const released = await loadReleased(dataDir);
  const live = new Set<string>();
  for (const j of jobs) {
    if (isTerminal(j.state)) continue;
    for (const o of j.outputs) if (!o.saved) live.add(join(resolve(j.outputDir), partOf(o)).toLowerCase());
  }
  const removed: string[] = [];
  const nowReleased = new Set<string>();
  for (const j of jobs) {
    if (!isTerminal(j.state)) continue;
    if (released.has(j.id)) {
      nowReleased.add(j.id);
      continue;
    }
    const dir = resolve(j.outputDir);
    const abandoned = j.outputs
      .filter((o) => !o.saved && o.bytesDone > 0)
      .map(partOf)
      .filter((name) => !live.has(join(dir, name).toLowerCase()));
    try {
      // A folder that is not there (an unplugged drive) may come back with the parts in it.
      if (abandoned.length > 0 && !(await pathExists(dir))) continue;
      removed.push(...(await removeStrayPartFiles(dir, abandoned)));
      nowReleased.add(j.id);
    } catch {
      // Left for the next start (a file in use, no permission); never a reason not to start.
    }
  }
  // Ids of jobs no longer in the journal are dropped, so the record stays as small as the journal.
  const changed = nowReleased.size !== released.size || [...nowReleased].some((id) => !released.has(id));
  if (changed) await writeJsonAtomic(releasedFile(dataDir), { jobs: [...nowReleased] }).catch(() => undefined);
  return removed;
}
