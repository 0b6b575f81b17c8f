import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain/job.js';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiRequestsFor, appFailure, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const HOUR = 3_600_000;

describe('queue commands', () => {
  it('stop(id) stops tracking with an honest note, and nothing more is asked about that task', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'a job the person gives up on' });
    await h.drive(() => h.job(job.id).state === 'generating');
    const taskId = h.job(job.id).taskId ?? '?';
    const stopped = await h.engine.queue.stop(job.id);
    expect(stopped.state).toBe('stopped');
    expect(stopped.error?.code).toBe('cancelled');
    expect(stopped.error?.message).toMatch(/may still finish/);
    expect(stopped.error?.message).toMatch(/charge/);

    const before = apiRequestsFor(h, taskId).length;
    h.clock.advance(HOUR);
    await h.engine.queue.settled();
    expect(apiRequestsFor(h, taskId)).toHaveLength(before);
    expect(h.fake.stats.fileRequests).toHaveLength(0);
    expect(h.clock.pending()).toBe(0);
    // The stop is journaled: still stopped after a restart.
    await h.restart();
    expect(h.job(job.id).state).toBe('stopped');
  });

  it('stop(id) while a poll is in flight: the late answer does not revive the job', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'stopped mid-request' });
    await h.drive(() => h.job(job.id).state === 'generating');
    const polled = new Promise<void>((resolve) => h.fake.on('request', (r) => r.path.startsWith('/v1/tasks/') && resolve()));
    h.clock.runNext();
    await polled;
    await h.engine.queue.stop(job.id);
    await h.engine.queue.settled();
    expect(h.job(job.id).state).toBe('stopped');
    h.clock.advance(HOUR);
    await h.engine.queue.settled();
    expect(h.fake.stats.taskPolls).toBe(1);
  });

  it('retry(id) of a failed job makes a new job with a new id and key and the same request, which finishes', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'status', status: 402 });
    const request = { prompt: 'try again after topping up', seed: 99, duration: 6 as const, aspect_ratio: '9:16' as const };
    const first = await h.submit(request);
    await h.drive(finished(h, first.id));
    expect(h.job(first.id).state).toBe('failed');

    const second = await h.engine.queue.retry(first.id);
    expect(second.id).not.toBe(first.id);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(second.retryOf).toBe(first.id);
    expect(second.request).toEqual(h.job(first.id).request);
    expect(second.body).toEqual(h.job(first.id).body);
    await h.drive(finished(h, second.id));
    await expectSavedVideos(h, second.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.fake.stats.submitBodies.at(-1)?.idempotencyKey).toBe(second.idempotencyKey);
    expect(h.job(first.id).state).toBe('failed');
  });

  it('retry(id) of a running job is refused', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'still running' });
    await h.drive(() => h.job(job.id).state === 'generating');
    const err = await appFailure(() => h.engine.queue.retry(job.id));
    expect(err.code).toBe('invalid_request');
  });

  it('setPaused(true) stops every request until setPaused(false)', async () => {
    h = await createHarness();
    const a = await h.submit({ prompt: 'paused mid-generation' });
    await h.drive(() => h.job(a.id).state === 'generating');
    await h.engine.queue.setPaused(true);
    const b = await h.submit({ prompt: 'queued while paused' });
    const before = h.fake.stats.apiRequests.length;
    h.clock.advance(10 * HOUR);
    await h.engine.queue.settled();
    expect(h.fake.stats.apiRequests).toHaveLength(before);
    expect(h.engine.queue.state().paused).toBe(true);
    expect(h.job(b.id).state).toBe('queued');

    await h.engine.queue.setPaused(false);
    await h.drive(() => finished(h, a.id)() && finished(h, b.id)());
    await expectSavedVideos(h, a.id);
    await expectSavedVideos(h, b.id);
    expect(h.fake.stats.tasksCreated).toBe(2);
  });

  it('the paused state survives a restart', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'paused across a relaunch' });
    await h.drive(() => h.job(job.id).state === 'generating');
    await h.engine.queue.setPaused(true);
    await h.restart();
    expect(h.engine.queue.state().paused).toBe(true);
    const before = h.fake.stats.apiRequests.length;
    h.clock.advance(HOUR);
    await h.engine.queue.settled();
    expect(h.fake.stats.apiRequests).toHaveLength(before);

    await h.engine.queue.setPaused(false);
    await h.restart();
    expect(h.engine.queue.state().paused).toBe(false);
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
  });

  it.each([
    ['submitted one by one', false],
    ['all queued at once (queued while paused)', true],
  ])('concurrency 2 with 4 jobs %s: never more than 2 jobs between uploading and downloading', async (_name, queuedAtOnce) => {
    h = await createHarness({ concurrency: 2 });
    const peak = trackActivePeak(h);
    if (queuedAtOnce) await h.engine.queue.setPaused(true);
    const jobs: Job[] = [];
    for (let i = 0; i < 4; i++) jobs.push(await h.submit({ prompt: `capped job ${i}` }));
    if (queuedAtOnce) await h.engine.queue.setPaused(false);
    await h.drive(() => jobs.every((j) => finished(h, j.id)()));
    for (const j of jobs) await expectSavedVideos(h, j.id);
    expect(peak()).toBe(2);
    expect(h.fake.stats.tasksCreated).toBe(4);
  });

  it('concurrency 2 holds for queued jobs picked up after a restart', async () => {
    h = await createHarness({ concurrency: 2 });
    await h.engine.queue.setPaused(true);
    const jobs: Job[] = [];
    for (let i = 0; i < 5; i++) jobs.push(await h.submit({ prompt: `relaunched job ${i}` }));
    await h.engine.queue.setPaused(false);
    await h.engine.queue.close();
    await h.restart();
    const peak = trackActivePeak(h);
    await h.drive(() => jobs.every((j) => finished(h, j.id)()));
    expect(peak()).toBeLessThanOrEqual(2);
    for (const j of jobs) await expectSavedVideos(h, j.id);
  });
});

/** Largest number of jobs seen at once in uploading..downloading, from the queue's own job events. */
function trackActivePeak(harness: Harness): () => number {
  const ACTIVE = ['uploading', 'submitting', 'generating', 'downloading'];
  const active = new Set<string>();
  let peak = 0;
  harness.engine.queue.onJob((j: Job) => {
    if (ACTIVE.includes(j.state)) active.add(j.id);
    else active.delete(j.id);
    peak = Math.max(peak, active.size);
  });
  return () => peak;
}
