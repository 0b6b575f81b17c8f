import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode } from '../util/fs-errors.js';
import { identityOf, stillRunning, type ProcessIdentity } from './process-identity.js';

/**
 * One queue per data folder: the desktop app and a `keyframe resume` in a
 * terminal must not both drive the same journal (they would double-poll and
 * race on the same .part files).
 *
 * The lock is a folder of numbered records, `queue-lock/<n>`; the record with
 * the highest number says who holds the queue ("held" by a process, or
 * "free"). Every change is the creation of the next number, made with link():
 * it fails atomically when the number exists, and the record is complete the
 * instant it appears. So when two processes find the same stale holder, only
 * one creates the next number and the other reads the winner's record. No
 * step ever has to delete "the lock, if it is still the stale one", which
 * the file system cannot do atomically. The highest record is never deleted
 * (release writes a "free" record above it); older ones are collected, and a
 * process that recreates a collected number on stale knowledge sees a higher
 * one and backs off.
 */

export const LOCK_DIR_NAME = 'queue-lock';

export class QueueLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `Another Keyframe process (pid ${pid}) is running this job queue; its lock file is ${lockFile}. ` +
        'Close it first, or wait for it to finish.',
    );
    this.name = 'QueueLockedError';
  }
}

interface LockRecord extends ProcessIdentity {
  state: 'held' | 'free';
  nonce: string;
  /** When it was written, for a person reading the file. */
  at: string;
}

const RECORD_NAME = /^\d{1,15}$/;
const MAX_ATTEMPTS = 64;
// Filesystems without hard links (FAT/exFAT drives, some network shares).
const NO_LINK_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

const recordName = (n: number) => String(n).padStart(12, '0');

async function recordNumbers(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  return names.filter((n) => RECORD_NAME.test(n)).map(Number).sort((a, b) => b - a);
}

/** The record in `file`; `undefined` when it is gone; `null` when it cannot be read as one. */
async function readRecord(file: string): Promise<LockRecord | undefined | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const r = JSON.parse(text) as Partial<LockRecord>;
    if ((r.state === 'held' || r.state === 'free') && Number.isInteger(r.pid) && (r.pid ?? 0) > 0) return r as LockRecord;
  } catch {
    // Damaged below: records appear whole, so only a broken disk or a hand edit leaves one like this.
  }
  return null;
}

/** Creates `file` holding `text` only if it does not exist; false when it does. */
async function createRecord(dir: string, file: string, text: string, nonce: string): Promise<boolean> {
  const tmp = join(dir, `.tmp-${process.pid}-${nonce}`);
  await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, file);
    return true;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') return false;
    if (code === undefined || !NO_LINK_CODES.has(code)) throw err;
    // No hard links here: an exclusive create still lets one process win, though a
    // reader may briefly see the record empty (it then counts as damaged, i.e. free).
    try {
      await writeFile(file, text, { mode: 0o600, flag: 'wx' });
      return true;
    } catch (e) {
      if (errnoCode(e) === 'EEXIST') return false;
      throw e;
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** True when the record's holder still runs (a lock this very process left is not a live holder). */
function liveHolder(r: LockRecord, me: ProcessIdentity): boolean {
  if (r.state !== 'held') return false;
  if (r.pid === me.pid && (r.start === undefined || r.start === me.start)) return false;
  return stillRunning(r);
}

/** Deletes records below `keepFrom` and temp files of processes that are gone; all best effort. */
async function collect(dir: string, keepFrom: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const tmpOwner = /^\.tmp-(\d+)-/.exec(name)?.[1];
    const stale = RECORD_NAME.test(name) ? Number(name) < keepFrom : tmpOwner !== undefined && !stillRunning({ pid: Number(tmpOwner) });
    if (stale) await unlink(join(dir, name)).catch(() => undefined);
  }
}

/** Takes the queue lock of `dataDir`, or throws QueueLockedError naming the holder. Resolves to the release. */
export async function acquireQueueLock(dataDir: string): Promise<() => Promise<void>> {
  const dir = join(dataDir, LOCK_DIR_NAME);
  await mkdir(dir, { recursive: true });
  const me = identityOf(process.pid);
  const record = (state: LockRecord['state'], nonce: string) =>
    JSON.stringify({ state, ...me, nonce, at: new Date().toISOString() } satisfies LockRecord);

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const top = (await recordNumbers(dir))[0];
    if (top !== undefined) {
      const file = join(dir, recordName(top));
      const current = await readRecord(file);
      if (current === undefined) continue; // collected meanwhile: look again
      if (current !== null && liveHolder(current, me)) throw new QueueLockedError(current.pid, file);
    }
    const mine = (top ?? 0) + 1;
    const nonce = randomBytes(12).toString('hex');
    if (!(await createRecord(dir, join(dir, recordName(mine)), record('held', nonce), nonce))) continue;
    // A number collected after we last looked can be created again: only the highest one counts.
    if ((await recordNumbers(dir))[0] !== mine) {
      await unlink(join(dir, recordName(mine))).catch(() => undefined);
      continue;
    }
    await collect(dir, mine);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      const freeNonce = randomBytes(12).toString('hex');
      await createRecord(dir, join(dir, recordName(mine + 1)), record('free', freeNonce), freeNonce).catch(() => false);
      await collect(dir, mine + 1);
    };
  }
  throw new Error(`Keyframe could not take the job queue lock in ${dir}: other processes kept changing it.`);
}
