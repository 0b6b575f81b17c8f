import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

/** Calls `fn` once, synchronously, the moment the job enters 'downloading' (before its download step runs). */
function onFirstDownloading(id: string, fn: () => void): { pollsAtExpiry: () => number } {
  let polls = -1;
  const off = h.engine.queue.onJob((j) => {
    if (j.id !== id || j.state !== 'downloading') return;
    off();
    polls = h.fake.stats.taskPolls;
    fn();
  });
  return { pollsAtExpiry: () => polls };
}

const videoRequests = () => h.fake.stats.fileRequests.filter((r) => r.path.includes('video_task_'));

describe('result links that expire', () => {
  it('re-queries the task once, gets fresh links and finishes', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'a link that dies on arrival' });
    const probe = onFirstDownloading(job.id, () => h.fake.expireLinks());
    await h.drive(finished(h, job.id));
    const done = await expectSavedVideos(h, job.id);
    expect(probe.pollsAtExpiry()).toBeGreaterThan(0);
    expect(h.fake.stats.taskPolls - probe.pollsAtExpiry()).toBe(1);
    expect(done.linkRefreshed).toBe(true);
    const [first, second] = videoRequests();
    expect(videoRequests()).toHaveLength(2);
    expect(second?.path).not.toBe(first?.path);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });

  it('a 403 from the file host is treated as an expired link too', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'status', status: 403 });
    const job = await h.submit({ prompt: 'access denied once' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.taskPolls).toBe(4);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });

  it('when the provider hands out the same dead links again, the job ends expired after exactly one re-query', async () => {
    h = await createHarness();
    h.fake.setRefreshLinksOnRequery(false);
    const job = await h.submit({ prompt: 'a link that stays dead' });
    const probe = onFirstDownloading(job.id, () => h.fake.expireLinks());
    await h.drive(finished(h, job.id));
    const expired = h.job(job.id);
    expect(expired.state).toBe('expired');
    expect(expired.linkRefreshed).toBe(true);
    expect(expired.error?.code).toBe('link_expired');
    expect(expired.error?.message).toMatch(/link .*expired/i);
    expect(h.fake.stats.taskPolls - probe.pollsAtExpiry()).toBe(1);
    expect(videoRequests()).toHaveLength(2);
    expect(h.fake.stats.tasksCreated).toBe(1);
    // Nothing half-written is left behind and nothing more is scheduled.
    expect(h.clock.pending()).toBe(0);
    h.clock.advance(3_600_000);
    await h.engine.queue.settled();
    expect(h.fake.stats.taskPolls - probe.pollsAtExpiry()).toBe(1);
  });

  it('a link expiring after a partial download resumes on the fresh link', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 6000 });
    const job = await h.submit({ prompt: 'half a file, then a dead link' });
    await h.drive(() => h.job(job.id).state === 'downloading' && h.job(job.id).attempts > 0);
    h.fake.expireLinks();
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    const reqs = videoRequests();
    expect(reqs).toHaveLength(3);
    expect(reqs[2]?.headers.range).toBe('bytes=6000-');
    expect(reqs[2]?.path).not.toBe(reqs[0]?.path);
  });
});
