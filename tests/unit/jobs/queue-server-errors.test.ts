import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiCalls, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

describe('5xx bursts', () => {
  it('submit: 500 (empty body) ×3, 502, 503 → one task, done', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'status', status: 500, body: null, times: 3 });
    h.fake.fault({ route: 'submit', kind: 'status', status: 502 });
    h.fake.fault({ route: 'submit', kind: 'status', status: 503 });
    const job = await h.submit({ prompt: 'a gateway having a bad day' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.submits).toBe(6);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.fake.stats.replays).toBe(0);
    // Every attempt was the same request under the same key.
    const submits = apiCalls(h, '/v1/videos/generations');
    expect(submits.map((r) => r.status)).toEqual([500, 500, 500, 502, 503, 200]);
    expect(new Set(submits.map((r) => r.headers['idempotency-key']))).toEqual(new Set([job.idempotencyKey]));
    expect(new Set(submits.map((r) => r.body)).size).toBe(1);
    // Backoff between attempts, never a hot loop.
    for (let i = 1; i < submits.length; i++) expect((submits[i]?.at ?? 0) - (submits[i - 1]?.at ?? 0)).toBeGreaterThan(0);
  });

  it('task polls: 500 and 502 bursts → still done, one task', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'polls through a flaky gateway' });
    await h.drive(() => h.job(job.id).state === 'generating');
    h.fake.fault({ route: 'task', kind: 'status', status: 500, times: 3 });
    h.fake.fault({ route: 'task', kind: 'status', status: 502, body: null, times: 3 });
    h.fake.fault({ route: 'task', kind: 'status', status: 500, body: null, times: 2 });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(apiCalls(h, '/v1/tasks/').filter((r) => (r.status ?? 0) >= 500)).toHaveLength(8);
  });

  it('a dropped poll connection and a 504 are survived too', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'connections that vanish' });
    await h.drive(() => h.job(job.id).state === 'generating');
    h.fake.fault({ route: 'task', kind: 'drop', times: 2 });
    h.fake.fault({ route: 'task', kind: 'status', status: 504 });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });

  it('a 500 carrying a parameter error fails the job at once with the provider message', async () => {
    h = await createHarness();
    h.fake.fault({
      route: 'submit',
      kind: 'status',
      status: 500,
      body: { error: { message: 'build_request_failed: invalid duration', type: 'server_error' } },
      times: 10,
    });
    const job = await h.submit({ prompt: 'a request the gateway cannot build' });
    await h.drive(finished(h, job.id));
    const failed = h.job(job.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'invalid_request', retryable: false, httpStatus: 500 });
    expect(failed.error?.message).toContain('build_request_failed: invalid duration');
    // Not retried: exactly one request, nothing created, nothing left scheduled.
    expect(h.fake.stats.submits).toBe(1);
    expect(h.fake.stats.tasksCreated).toBe(0);
    expect(h.clock.pending()).toBe(0);
  });

  it('a 500 with some other message is retried a bounded number of times, then waits for the person with its key', async () => {
    h = await createHarness();
    const body = { error: { message: 'upstream model overloaded', type: 'server_error' } };
    h.fake.fault({ route: 'submit', kind: 'status', status: 500, body, times: 50 });
    const job = await h.submit({ prompt: 'an upstream that keeps failing' });
    await h.drive(finished(h, job.id));
    const stuck = h.job(job.id);
    expect(stuck).toMatchObject({ state: 'needs_attention', attentionFrom: 'submitting', idempotencyKey: job.idempotencyKey });
    expect(stuck.error?.message).toContain('upstream model overloaded');
    expect(h.fake.stats.submits).toBeLessThan(10);

    // The person resumes it once the gateway is healthy: same key, one task.
    h.fake.clearFaults();
    await h.engine.queue.resumeJob(job.id);
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(new Set(apiCalls(h, '/v1/videos/generations').map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });
});
