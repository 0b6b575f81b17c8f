import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiCalls, apiRequestsFor, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const sidecarOf = async (jobId: string, index = 0): Promise<Record<string, unknown>> => {
  const job = h.job(jobId);
  const name = job.outputs[index]?.sidecarName ?? 'missing';
  return JSON.parse(await readFile(join(job.outputDir, name), 'utf8')) as Record<string, unknown>;
};

describe('what a submit reply says, kept with the job', () => {
  it('a submit answered as a replay (Idempotency-Replayed: true) is recorded on the job and in the sidecar', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    const job = await h.submit({ prompt: 'the reply that came the second time' });
    await h.drive(finished(h, job.id));
    const done = await expectSavedVideos(h, job.id);
    expect(done.submitReplayed).toBe(true);
    expect(await sidecarOf(job.id)).toMatchObject({ submitReplayed: true, taskId: done.taskId });
  });

  it('a first-time submit is recorded as not replayed, with the reply’s request id', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'first time lucky' });
    await h.drive(finished(h, job.id));
    const done = await expectSavedVideos(h, job.id);
    expect(done.submitReplayed).toBe(false);
    const submit = apiCalls(h, '/v1/videos/generations')[0];
    expect(submit?.headers['x-apimart-response-version']).toBe('2026-07-27');
    expect(done.requestIds[0]).toMatch(/^req_/);
    expect(await sidecarOf(job.id)).toMatchObject({ submitReplayed: false });
  });

  it('a synchronous result goes straight to downloading: never re-sent, never polled, saved with its sidecar', async () => {
    h = await createHarness({ fake: { submitShape: 'result' } });
    const job = await h.submit({ prompt: 'done at once', sample_count: 2, duration: 4 });
    await h.drive(finished(h, job.id));
    const done = await expectSavedVideos(h, job.id);
    expect(done.outputs).toHaveLength(2);
    expect(done.taskId).toBeUndefined();
    expect(done.costUsd).toBeCloseTo(0.064 * 4 * 2);
    expect(h.fake.stats.submits).toBe(1);
    expect(h.fake.stats.taskPolls).toBe(0);
    expect(await sidecarOf(job.id, 1)).toMatchObject({ taskId: '', requestIds: done.requestIds, cost: { usd: 0.256 } });
  });

  it('a failed synchronous result fails the job like a failed task (content policy, nothing charged), never re-sent', async () => {
    h = await createHarness({ fake: { submitShape: 'result' } });
    const job = await h.submit({ prompt: 'a refused shot [demo:fail]' });
    await h.drive(finished(h, job.id));
    expect(h.job(job.id)).toMatchObject({ state: 'failed', error: { code: 'content_policy', key: 'task.content_policy' } });
    expect(h.fake.stats.submits).toBe(1);
    expect(h.fake.stats.taskPolls).toBe(0);
  });

  it('a synchronous result whose link has expired ends expired: there is no task to ask for fresh links', async () => {
    h = await createHarness({ fake: { submitShape: 'result' } });
    h.fake.fault({ route: 'file', kind: 'status', status: 403, times: 5 });
    const job = await h.submit({ prompt: 'too late' });
    await h.drive(finished(h, job.id));
    expect(h.job(job.id)).toMatchObject({ state: 'expired', error: { code: 'link_expired' } });
    expect(h.fake.stats.taskPolls).toBe(0);
  });
});

describe('polling no sooner than the provider asks', () => {
  const taskQueryTimes = () => apiCalls(h, '/v1/tasks/').map((r) => r.at);
  const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0));

  it('a longer next_poll_after_seconds is honoured from the submit on, whatever the jitter draws', async () => {
    for (const draw of [0, 0.5, 0.999]) {
      h = await createHarness({ fake: { nextPollAfterS: 7, progress: { mode: 'polls', pollsToComplete: 6 } }, random: () => draw });
      const job = await h.submit({ prompt: `patient ${draw}` });
      await h.drive(finished(h, job.id));
      await expectSavedVideos(h, job.id);
      const submittedAt = apiCalls(h, '/v1/videos/generations')[0]?.at ?? 0;
      const times = taskQueryTimes();
      expect(times.length).toBe(6);
      expect((times[0] ?? 0) - submittedAt).toBeGreaterThanOrEqual(7000);
      for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(7000);
      await h.close();
    }
  });

  it('“look again now” (a key change, a wake from sleep) still waits out the provider’s interval since the last query', async () => {
    h = await createHarness({ fake: { nextPollAfterS: 5, progress: { mode: 'polls', pollsToComplete: 4 } } });
    const job = await h.submit({ prompt: 'woken up' });
    await h.drive(() => taskQueryTimes().length === 1);
    h.clock.advance(1000);
    h.engine.queue.pollNow();
    await h.drive(() => taskQueryTimes().length === 2);
    const [first, second] = taskQueryTimes();
    expect((second ?? 0) - (first ?? 0)).toBe(5000);
    await h.drive(finished(h, job.id));
    expect(h.job(job.id).state).toBe('done');
  });

  it('the demo suggests 2 s, and no two queries of one task are ever closer', async () => {
    h = await createHarness({ fake: { progress: { mode: 'polls', pollsToComplete: 8 } }, random: () => 0 });
    const job = await h.submit({ prompt: 'steady' });
    await h.drive(finished(h, job.id));
    expect(apiRequestsFor(h, '/v1/tasks/')).toHaveLength(8);
    expect(Math.min(...gaps(taskQueryTimes()))).toBeGreaterThanOrEqual(2000);
  });
});
