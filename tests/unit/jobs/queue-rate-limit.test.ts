import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiCallTimes, expectQuietAfter429, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const rateLimited = () => h.engine.queue.state().rateLimitedUntil !== undefined;
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0));

describe('429 storms', () => {
  it('honours Retry-After on submit: the whole queue pauses, then both jobs finish with one task each', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'status', status: 429, headers: { 'Retry-After': '7' }, times: 3 });
    const a = await h.submit({ prompt: 'rate limited harbour' });
    await h.drive(rateLimited);
    const limitedAt = h.clock.now();
    expect(h.engine.queue.state().rateLimitedUntil).toBe(limitedAt + 7000);
    expect(h.job(a.id)).toMatchObject({ state: 'submitting', nextActionAt: limitedAt + 7000 });
    expect(h.job(a.id).error?.code).toBe('rate_limited');

    // A second job queued during the pause sends nothing either.
    const b = await h.submit({ prompt: 'second job waits its turn' });
    const before = h.fake.stats.apiRequests.length;
    h.clock.advance(6999);
    await h.engine.queue.settled();
    expect(h.fake.stats.apiRequests.length).toBe(before);
    expect(h.job(b.id).state).toBe('queued');
    expect(h.engine.queue.state().rateLimitedUntil).toBe(limitedAt + 7000);

    await h.drive(() => finished(h, a.id)() && finished(h, b.id)());
    await expectSavedVideos(h, a.id);
    await expectSavedVideos(h, b.id);
    expect(h.fake.stats.tasksCreated).toBe(2);
    expect(h.fake.stats.submits).toBe(5);
    // Three 429s, each followed by 7 s of silence towards the API from every job.
    expect(expectQuietAfter429(h, 7000)).toBe(3);
    expect(gaps(apiCallTimes(h, '/v1/videos/generations')).slice(0, 2)).toEqual([7000, 7000]);
    expect(h.engine.queue.state().rateLimitedUntil).toBeUndefined();
  });

  it('honours Retry-After on task polls and no job polls during the pause', async () => {
    h = await createHarness();
    const a = await h.submit({ prompt: 'polling under a rate limit' });
    const b = await h.submit({ prompt: 'a neighbour that also polls' });
    await h.drive(() => h.job(a.id).state === 'generating' && h.job(b.id).state === 'generating');
    h.fake.fault({ route: 'task', kind: 'status', status: 429, headers: { 'Retry-After': '7' }, times: 4 });
    await h.drive(rateLimited);
    const until = h.engine.queue.state().rateLimitedUntil ?? 0;
    const before = h.fake.stats.apiRequests.length;
    h.clock.advance(until - h.clock.now() - 1);
    await h.engine.queue.settled();
    expect(h.fake.stats.apiRequests.length).toBe(before);
    expect(rateLimited()).toBe(true);

    await h.drive(() => finished(h, a.id)() && finished(h, b.id)());
    await expectSavedVideos(h, a.id);
    await expectSavedVideos(h, b.id);
    expect(h.fake.stats.tasksCreated).toBe(2);
    // No poll of either job ever came sooner than 7 s after a 429.
    expect(expectQuietAfter429(h, 7000)).toBe(4);
  });

  it('without Retry-After backs off with growing waits and still finishes', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'status', status: 429, times: 4 });
    const job = await h.submit({ prompt: 'no retry-after header' });
    let sawLimit = false;
    h.engine.queue.onQueue((s) => (sawLimit ||= s.rateLimitedUntil !== undefined));
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(sawLimit).toBe(true);
    expect(h.fake.stats.tasksCreated).toBe(1);
    const waits = gaps(apiCallTimes(h, '/v1/videos/generations'));
    expect(waits).toHaveLength(4);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1] ?? Infinity);
    expect(waits[0]).toBeGreaterThanOrEqual(2500);
  });

  it('a 429 storm on polls without Retry-After grows the wait too', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'poll storm' });
    await h.drive(() => h.job(job.id).state === 'generating');
    h.fake.fault({ route: 'task', kind: 'status', status: 429, times: 5 });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    const waits = gaps(apiCallTimes(h, '/v1/tasks/')).slice(0, 5);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1] ?? Infinity);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });
});
