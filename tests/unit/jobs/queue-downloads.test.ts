import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { driveUntilStalled, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const STALL_MS = 20_000;
const videoRequests = () => h.fake.stats.fileRequests.filter((r) => r.path.includes('video_task_'));

describe('result downloads that go wrong', () => {
  it('a truncated download resumes with Range and yields one valid file', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    const job = await h.submit({ prompt: 'cut off mid-file' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);

    const reqs = videoRequests();
    expect(reqs).toHaveLength(2);
    expect(reqs[0]?.headers.range).toBeUndefined();
    expect(reqs[1]?.headers.range).toBe('bytes=5000-');
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect((await readdir(h.outDir)).filter((n) => n.endsWith('.mp4'))).toHaveLength(1);
  });

  it('two truncations in a row resume from each new offset', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 4000 });
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 3000 });
    const job = await h.submit({ prompt: 'cut off twice' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(videoRequests().map((r) => r.headers.range)).toEqual([undefined, 'bytes=4000-', 'bytes=7000-']);
  });

  it('a server that ignores Range after a truncation restarts from byte 0 and still saves a valid file', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    h.fake.fault({ route: 'file', kind: 'no-range' });
    const job = await h.submit({ prompt: 'a CDN without ranges' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    const reqs = videoRequests();
    expect(reqs).toHaveLength(2);
    expect(reqs[1]?.headers.range).toBe('bytes=5000-');
  });

  it('a stalled download is abandoned after the stall timeout and resumed', async () => {
    h = await createHarness({ stallTimeoutMs: STALL_MS });
    h.fake.fault({ route: 'file', kind: 'stall', afterBytes: 3000 });
    const job = await h.submit({ prompt: 'a download that hangs' });
    const sent = await driveUntilStalled(h, job.id);
    expect(sent).toBe(3000);
    expect(h.job(job.id).state).toBe('downloading');

    // Just short of the timeout nothing happens; at the timeout the step gives up.
    h.clock.advance(STALL_MS - 1);
    expect(videoRequests()).toHaveLength(1);
    h.clock.advance(1);
    await h.engine.queue.settled();
    expect(h.job(job.id)).toMatchObject({ state: 'downloading' });
    expect(h.job(job.id).error?.message).toMatch(/stalled/);

    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(videoRequests().map((r) => r.headers.range)).toEqual([undefined, 'bytes=3000-']);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });

  it('CDN 5xx and dropped connections are retried with backoff', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'status', status: 503 });
    h.fake.fault({ route: 'file', kind: 'drop' });
    h.fake.fault({ route: 'file', kind: 'status', status: 500, body: null });
    const job = await h.submit({ prompt: 'a wobbly CDN' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(videoRequests()).toHaveLength(4);
    expect(h.fake.stats.taskPolls).toBe(3);
  });

  it('the file host never sees the API key', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    const job = await h.submit({ prompt: 'keyless downloads' });
    await h.drive(finished(h, job.id));
    for (const r of h.fake.stats.fileRequests) expect(r.headers.authorization).toBeUndefined();
  });
});
