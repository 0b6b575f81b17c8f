import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiCalls, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const submitCalls = () => apiCalls(h, '/v1/videos/generations');

describe('submits whose outcome is unknown', () => {
  it('POST accepted then connection dropped → same key, byte-identical body, replayed, one task', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    const job = await h.submit({ prompt: 'the reply that never came', seed: 42, negative_prompt: 'blur', duration: 4 });
    await h.drive(finished(h, job.id));
    const done = await expectSavedVideos(h, job.id);

    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.fake.stats.replays).toBeGreaterThanOrEqual(1);
    const recorded = h.fake.stats.submitBodies;
    expect(recorded).toHaveLength(2);
    expect(recorded.map((r) => r.idempotencyKey)).toEqual([job.idempotencyKey, job.idempotencyKey]);
    expect(JSON.stringify(recorded[1]?.body)).toBe(JSON.stringify(recorded[0]?.body));
    // Byte-identical on the wire, as the engine sent them.
    const sent = submitCalls();
    expect(sent).toHaveLength(2);
    expect(sent[0]?.body).toBeDefined();
    expect(sent[1]?.body).toBe(sent[0]?.body);
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual([job.idempotencyKey, job.idempotencyKey]);
    // The task the engine tracks is the one the dropped request created.
    expect(done.taskId).toBeDefined();
    expect(h.fake.stats.apiRequests.filter((r) => r.path.startsWith('/v1/tasks/')).every((r) => r.path.includes(done.taskId ?? '?'))).toBe(true);
  });

  it('several drops in a row still create exactly one task', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'drop-after-accept', times: 3 });
    const job = await h.submit({ prompt: 'three lost replies' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.fake.stats.replays).toBe(3);
    expect(new Set(submitCalls().map((r) => r.body)).size).toBe(1);
  });

  it('a drop before the request is processed is retried with the same key', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'drop', times: 2 });
    const job = await h.submit({ prompt: 'never reached the gateway' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.fake.stats.submits).toBe(3);
    expect(new Set(submitCalls().map((r) => r.headers['idempotency-key']))).toEqual(new Set([job.idempotencyKey]));
  });

  it('an unreadable 2xx reply is treated as unknown and re-asked under the same key', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'status', status: 200, body: '<html>gateway maintenance</html>' });
    const job = await h.submit({ prompt: 'a reply in the wrong language' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(submitCalls().map((r) => r.status)).toEqual([200, 200]);
  });

  it('409 idempotency_in_progress → polls later with the same key', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'status', status: 409, times: 2 });
    const job = await h.submit({ prompt: 'still being processed' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(submitCalls().map((r) => r.status)).toEqual([409, 409, 200]);
  });

  it('409 idempotency_result_indeterminate → stops and waits for the person, keeping the key', async () => {
    h = await createHarness();
    h.fake.fault({
      route: 'submit',
      kind: 'status',
      status: 409,
      body: { error: { code: 'idempotency_result_indeterminate', type: 'idempotency_result_indeterminate', message: 'result indeterminate' } },
    });
    const job = await h.submit({ prompt: 'nobody knows' });
    await h.drive(finished(h, job.id));
    expect(h.job(job.id)).toMatchObject({ state: 'needs_attention', attentionFrom: 'submitting', idempotencyKey: job.idempotencyKey });
    expect(h.job(job.id).error?.code).toBe('idempotency_indeterminate');
    expect(h.fake.stats.submits).toBe(1);
  });
});
