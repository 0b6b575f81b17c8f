import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as AtomicWrite from '../../../electron/core/util/atomic-write.js';
import type * as Downloader from '../../../electron/core/library/downloader.js';
import { DISK_FULL_RETRY_MS } from '../../../electron/core/jobs/job-queue.js';
import type { Job } from '../../../shared/domain/job.js';
import { createHarness, type Harness } from '../../support/engine-harness.js';
import { allFiles, appFailure, expectSavedVideos } from '../../support/queue-helpers.js';

/**
 * A full disk under a running queue. Writes into a folder listed in
 * `full.dirs` fail with ENOSPC the way Node reports it (an errno error naming
 * the path); with `full.downloads` the result download fails the way the
 * downloader reports a full output disk (AppFailure `disk_full`). Everything
 * else is real: the fake APIMart, the journal, the files.
 */
const full = vi.hoisted(() => ({ dirs: new Set<string>(), downloads: false, downloadAttempts: 0 }));

vi.mock('../../../electron/core/util/atomic-write.js', async (importOriginal) => {
  const real = await importOriginal<typeof AtomicWrite>();
  const refuse = (path: string) => {
    if (![...full.dirs].some((d) => path.startsWith(d))) return;
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', errno: -28, syscall: 'write', path });
  };
  return {
    ...real,
    writeFileAtomic: async (...args: Parameters<typeof real.writeFileAtomic>) => (refuse(args[0]), real.writeFileAtomic(...args)),
    writeJsonAtomic: async (...args: Parameters<typeof real.writeJsonAtomic>) => (refuse(args[0]), real.writeJsonAtomic(...args)),
  };
});

vi.mock('../../../electron/core/library/downloader.js', async (importOriginal) => {
  const real = await importOriginal<typeof Downloader>();
  const { AppFailure } = await import('../../../shared/errors.js');
  const { diskFullError } = await import('../../../electron/core/util/fs-errors.js');
  return {
    ...real,
    downloadToFile: async (...args: Parameters<typeof real.downloadToFile>) => {
      full.downloadAttempts++;
      if (full.downloads) throw new AppFailure(diskFullError('output', 'ENOSPC'));
      return real.downloadToFile(...args);
    },
  };
});

let h: Harness | undefined;
afterEach(async () => {
  full.dirs.clear();
  full.downloads = false;
  full.downloadAttempts = 0;
  await h?.close();
  h = undefined;
});

const journalOnDisk = async (s: Harness, id: string): Promise<Job> => JSON.parse(await readFile(join(s.dataDir, 'jobs', `${id}.json`), 'utf8')) as Job;
const videosIn = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.mp4')).sort();
const sidecarsIn = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.keyframe.json')).sort();
const tmpFilesUnder = async (...dirs: string[]) => (await Promise.all(dirs.map(allFiles))).flat().filter((f) => f.endsWith('.tmp'));

/** The job is done once: one video, one sidecar, one library entry, one download, one task. */
async function expectFinishedOnce(s: Harness, id: string): Promise<void> {
  const job = await expectSavedVideos(s, id);
  expect(await videosIn(s.outDir)).toEqual([job.outputs[0]?.fileName]);
  expect(await sidecarsIn(s.outDir)).toEqual([job.outputs[0]?.sidecarName]);
  expect(s.engine.library.all().map((e) => e.id)).toEqual([`${id}-0`]);
  expect(s.fake.stats.tasksCreated).toBe(1);
  expect(s.fake.stats.fileRequests.filter((r) => r.path.includes('video_task_'))).toHaveLength(1);
  expect((await journalOnDisk(s, id)).state).toBe('done');
  expect(await tmpFilesUnder(s.dataDir, s.outDir)).toEqual([]);
}

describe('a full data disk under a running queue', () => {
  it('the journal write of a finished task fails: no crash, the job waits as disk_full, and finishes once by itself when space is freed', async () => {
    h = await createHarness();
    const s = h;
    const job = await s.submit({ prompt: 'the data disk fills while this generates' });
    await s.drive(() => s.job(job.id).state === 'generating');
    full.dirs.add(s.dataDir);

    await s.drive(() => s.job(job.id).state === 'needs_attention');
    const waiting = s.job(job.id);
    expect(waiting.error).toMatchObject({ code: 'disk_full', retryable: true });
    expect(waiting.error?.message).toMatch(/^The disk is full \(the disk of Keyframe’s data folder\)/);
    expect(waiting.attentionFrom).toBe('downloading');
    // The journal keeps its last good state; the failed write was logged.
    expect((await journalOnDisk(s, job.id)).state).toBe('generating');
    expect(s.logs.some((l) => l.level === 'error' && /journal/.test(l.msg) && l.fields?.id === job.id)).toBe(true);

    // Still full: the queue looks again every 30 s and keeps waiting without downloading.
    s.clock.advance(3 * DISK_FULL_RETRY_MS);
    await s.engine.queue.settled();
    expect(s.job(job.id)).toMatchObject({ state: 'needs_attention', error: { code: 'disk_full' } });
    expect(s.fake.stats.fileRequests).toHaveLength(0);

    full.dirs.clear();
    await s.drive(() => s.job(job.id).state === 'done');
    await expectFinishedOnce(s, job.id);
  });

  it('a step failure whose own journal write fails never escapes the scheduler: memory moves on, the write is retried later', async () => {
    h = await createHarness();
    const s = h;
    const job = await s.submit({ prompt: 'a poll fails while the disk is full' });
    await s.drive(() => s.job(job.id).state === 'generating');
    full.dirs.add(s.dataDir);
    s.fake.fault({ route: 'task', kind: 'status', status: 503 });

    await s.drive(() => s.job(job.id).error?.code === 'unavailable' || s.job(job.id).error?.code === 'server_error');
    const retrying = s.job(job.id);
    expect(retrying.state).toBe('generating');
    expect(retrying.attempts).toBe(1);
    // Not journaled (the disk is full), yet the job is consistent in memory and waits for its retry.
    expect((await journalOnDisk(s, job.id)).error).toBeUndefined();
    expect(s.logs.some((l) => l.level === 'error' && /journal/.test(l.msg))).toBe(true);

    full.dirs.clear();
    await s.drive(() => s.job(job.id).state === 'done');
    await expectFinishedOnce(s, job.id);
  });

  it('a restart while the disk is still full recovers the journal’s last good state, which then finishes once', async () => {
    h = await createHarness();
    const s = h;
    const job = await s.submit({ prompt: 'restarted on a full disk' });
    await s.drive(() => s.job(job.id).state === 'generating');
    const taskId = s.job(job.id).taskId;
    full.dirs.add(s.dataDir);
    await s.drive(() => s.job(job.id).state === 'needs_attention');

    expect(await journalOnDisk(s, job.id)).toMatchObject({ state: 'generating', taskId });

    // Closing tries the refused write once more (still refused, and quietly so); the new queue
    // starts from the journal: the same task, polled again, not a new submit.
    await s.restart();
    expect(s.recovery).toMatchObject({ resumed: 1, corrupt: [] });
    expect(s.job(job.id).taskId).toBe(taskId);
    full.dirs.clear();
    await s.drive(() => s.job(job.id).state === 'done');
    await expectFinishedOnce(s, job.id);
  });

  it('submit on a full data disk says the disk is full and queues nothing', async () => {
    h = await createHarness();
    const s = h;
    full.dirs.add(s.dataDir);
    const err = await appFailure(() => s.submit({ prompt: 'nowhere to journal this' }));
    expect(err).toMatchObject({ code: 'disk_full', retryable: true });
    expect(err.message).toMatch(/^The disk is full.*try again/);
    expect(s.engine.queue.list()).toEqual([]);
    expect(await allFiles(join(s.dataDir, 'jobs'))).toEqual([]);
    expect(s.fake.stats.submits).toBe(0);
  });

  it('pausing on a full data disk says so and changes nothing, in memory or on disk', async () => {
    h = await createHarness();
    const s = h;
    const changes: boolean[] = [];
    s.engine.queue.onQueue((q) => changes.push(q.paused));
    full.dirs.add(s.dataDir);
    const err = await appFailure(() => s.engine.queue.setPaused(true));
    expect(err.code).toBe('disk_full');
    expect(s.engine.queue.state().paused).toBe(false);
    expect(changes).toEqual([]);
    await s.restart();
    expect(s.engine.queue.state().paused).toBe(false);

    full.dirs.clear();
    await s.engine.queue.setPaused(true);
    expect(s.engine.queue.state().paused).toBe(true);
    await s.restart();
    expect(s.engine.queue.state().paused).toBe(true);
  });
});

describe('a full output disk under a running queue', () => {
  it('a download refused for lack of space waits as disk_full, is tried every 30 s, and finishes once when space is freed', async () => {
    h = await createHarness();
    const s = h;
    const job = await s.submit({ prompt: 'the output disk is full' });
    full.downloads = true;
    await s.drive(() => s.job(job.id).state === 'needs_attention');
    expect(s.job(job.id)).toMatchObject({ attentionFrom: 'downloading', error: { code: 'disk_full' } });
    // The waiting state is journaled: the CLI's `keyframe jobs` and a restart see it too.
    expect((await journalOnDisk(s, job.id)).error?.code).toBe('disk_full');
    expect(full.downloadAttempts).toBe(1);

    s.clock.advance(DISK_FULL_RETRY_MS - 1);
    await s.engine.queue.settled();
    expect(full.downloadAttempts).toBe(1);
    s.clock.advance(1);
    await s.engine.queue.settled();
    expect(full.downloadAttempts).toBe(2);
    expect(s.job(job.id).state).toBe('needs_attention');

    full.downloads = false;
    await s.drive(() => s.job(job.id).state === 'done');
    await expectFinishedOnce(s, job.id);
  });

  it('a sidecar that cannot be written after the video landed: the retry adopts the video, nothing is fetched or listed twice', async () => {
    h = await createHarness();
    const s = h;
    const job = await s.submit({ prompt: 'room for the video, not for its sidecar' });
    full.dirs.add(s.outDir);
    await s.drive(() => s.job(job.id).state === 'needs_attention');
    const waiting = s.job(job.id);
    expect(waiting).toMatchObject({ attentionFrom: 'downloading', error: { code: 'disk_full' } });
    expect(waiting.error?.message).toMatch(/^The disk is full \(the output folder’s disk\)/);
    expect(await videosIn(s.outDir)).toHaveLength(1);
    expect(await sidecarsIn(s.outDir)).toEqual([]);

    full.dirs.clear();
    await s.drive(() => s.job(job.id).state === 'done');
    await expectFinishedOnce(s, job.id);
  });

  it('a job stopped while it waits for space is not resumed by the retry tick', async () => {
    h = await createHarness();
    const s = h;
    const job = await s.submit({ prompt: 'given up while waiting for space' });
    full.downloads = true;
    await s.drive(() => s.job(job.id).state === 'needs_attention');
    await s.engine.queue.stop(job.id);
    full.downloads = false;
    s.clock.advance(10 * DISK_FULL_RETRY_MS);
    await s.engine.queue.settled();
    expect(s.job(job.id).state).toBe('stopped');
    expect(full.downloadAttempts).toBe(1);
    expect(s.clock.pending()).toBe(0);
  });
});

describe('the scheduler never lets an error escape', () => {
  it('a job listener that throws is logged; the job still finishes', async () => {
    h = await createHarness();
    const s = h;
    s.engine.queue.onJob(() => {
      throw new Error('a listener bug');
    });
    const job = await s.submit({ prompt: 'observed by a broken listener' });
    await s.drive(() => s.job(job.id).state === 'done');
    await expectSavedVideos(s, job.id);
    expect(s.logs.some((l) => l.level === 'error' && /listener/.test(l.msg))).toBe(true);
  });
});
