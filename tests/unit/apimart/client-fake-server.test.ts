import { afterEach, describe, expect, it } from 'vitest';
import { ApimartClient, UPLOAD_TTL_MS } from '../../../electron/core/apimart/client.js';
import { startFakeApimart, type FakeApimart, type FakeApimartOptions } from '../../../electron/core/demo/fake-apimart.js';
import type { ApiGenerationBody } from '../../../shared/domain/generation.js';
import { FakeClock } from '../../support/fake-clock.js';
import { CapturingLogger, failureOf, SAMPLE_BODY, submitTask } from './helpers.js';

const KEY = 'sk-unit-client-7d3f9a2b';
const BODY: ApiGenerationBody = SAMPLE_BODY;

const open: FakeApimart[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function setup(opts: FakeApimartOptions = {}) {
  const clock = new FakeClock();
  const fake = await startFakeApimart({ apiKey: KEY, clock, ...opts });
  open.push(fake);
  const logger = new CapturingLogger();
  const client = new ApimartClient({ fetch: (u, i) => fetch(u, i), baseUrl: fake.apiUrl, apiKey: async () => KEY, clock, logger });
  return { clock, fake, client, logger };
}

describe('ApimartClient against the fake APIMart: submit', () => {
  it.each(['array', 'object', 'accepted202'] as const)('takes the task id from the %s reply shape', async (submitShape) => {
    // A deployment that answers its own shape whatever the version header asks.
    const { fake, client } = await setup({ submitShape, estimatedTimeS: 77, ignoreResponseVersion: true });
    let createdId = '';
    fake.on('task-created', (t) => (createdId = t.id));
    const res = await submitTask(client, BODY, 'key-shape-1');
    expect(res.taskId).toMatch(/^task_/);
    expect(res.taskId).toBe(createdId);
    expect(res.replayed).toBe(false);
    expect(res.requestIds[0]).toMatch(/^req_/);
    if (submitShape === 'object') expect(res.estimatedTimeS).toBe(77);
    if (submitShape === 'array') expect(res.status).toBe('submitted');
    if (submitShape === 'accepted202') expect(res.status).toBe('pending');
    expect(fake.stats.tasksCreated).toBe(1);
  });

  it('asks for the 2026-07-27 reply contract on every submit, and reads the object shape it gets', async () => {
    const { fake, client } = await setup({ estimatedTimeS: 77 });
    const res = await submitTask(client, BODY, 'key-version');
    const sent = fake.stats.apiRequests.filter((r) => r.path === '/v1/videos/generations');
    expect(sent.map((r) => r.headers['x-apimart-response-version'])).toEqual(['2026-07-27']);
    // The versioned reply: data is an object with id, status and task_info.estimated_time.
    expect(res).toMatchObject({ kind: 'task', status: 'submitted', estimatedTimeS: 77, nextPollAfterS: 2, replayed: false });
    expect(res.taskId).toMatch(/^task_/);
  });

  it('reads the default array shape from a deployment that ignores the header', async () => {
    const { fake, client } = await setup({ ignoreResponseVersion: true, estimatedTimeS: 77 });
    const res = await submitTask(client, BODY, 'key-array');
    expect(fake.stats.apiRequests.find((r) => r.path === '/v1/videos/generations')?.headers['x-apimart-response-version']).toBe('2026-07-27');
    expect(res).toMatchObject({ kind: 'task', status: 'submitted', replayed: false });
    expect(res.estimatedTimeS).toBeUndefined();
  });

  it('keeps the request id of the header and of the body (one id when they agree)', async () => {
    const { client } = await setup();
    const res = await submitTask(client, BODY, 'key-ids');
    expect(res.requestIds).toHaveLength(1);
    expect(res.requestIds[0]).toMatch(/^req_/);
  });

  it('a synchronous result comes back as one, its videos read like a completed task’s, and no task is polled', async () => {
    const { fake, client } = await setup({ submitShape: 'result' });
    const res = await client.submit({ ...BODY, sample_count: 2 }, 'key-result');
    if (res.kind !== 'result') throw new Error('expected a result');
    expect(res.result.phase).toBe('completed');
    expect(res.result.videos).toHaveLength(2);
    expect(res.result.videos[0]?.urls[0]?.startsWith(fake.fileUrl)).toBe(true);
    expect(res.result.costUsd).toBeCloseTo(0.064 * 8 * 2);
    expect(res.requestIds[0]).toMatch(/^req_/);
    expect(fake.stats.taskPolls).toBe(0);
  });

  it('reads model-schema, and a model the key may not use is model_not_found: not retryable, pointing at the model', async () => {
    const { client } = await setup({ models: ['veo3.1-fast-official'] });
    const schema = await client.modelSchema('veo3.1-fast-official', 'video_generation');
    expect(schema).toMatchObject({ model: 'veo3.1-fast-official', operation: 'video_generation', inputSchema: { type: 'object' } });
    const err = await failureOf(client.modelSchema('veo3.1-quality-official', 'video_generation'));
    expect(err).toMatchObject({ code: 'not_found', key: 'apimart.model_unavailable.said', retryable: false, httpStatus: 404, field: 'model' });
  });

  it('sends the Idempotency-Key, the JSON body and the bearer key on every submit', async () => {
    const { fake, client } = await setup();
    await submitTask(client, BODY, 'key-a');
    await submitTask(client, { ...BODY, duration: 4 }, 'key-b');
    expect(fake.stats.submitBodies.map((s) => s.idempotencyKey)).toEqual(['key-a', 'key-b']);
    expect(fake.stats.submitBodies[0]?.body).toEqual(BODY);
    expect((fake.stats.submitBodies[1]?.body as { duration: unknown }).duration).toBe(4);
    const submits = fake.stats.apiRequests.filter((r) => r.path === '/v1/videos/generations');
    expect(submits).toHaveLength(2);
    for (const r of submits) {
      expect(r.headers['authorization']).toBe(`Bearer ${KEY}`);
      expect(r.headers['content-type']).toMatch(/application\/json/);
    }
  });

  it('a replay with the same key and body returns the same task, marked replayed, without a second task', async () => {
    const { fake, client } = await setup();
    const a = await submitTask(client, BODY, 'key-replay');
    const b = await submitTask(client, BODY, 'key-replay');
    expect(b.taskId).toBe(a.taskId);
    expect(b.replayed).toBe(true);
    expect(a.replayed).toBe(false);
    expect(fake.stats.tasksCreated).toBe(1);
    expect(fake.stats.replays).toBe(1);
  });

  it('the same key with another body is an idempotency conflict, not retryable', async () => {
    const { client } = await setup();
    await submitTask(client, BODY, 'key-conflict');
    const err = await failureOf(client.submit({ ...BODY, prompt: 'something else' }, 'key-conflict'));
    expect(err).toMatchObject({ code: 'idempotency_conflict', retryable: false, httpStatus: 409 });
  });

  it('a lost reply is recovered by replaying the same key: one task in total', async () => {
    const { fake, client } = await setup();
    fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    const lost = await failureOf(client.submit(BODY, 'key-lost'));
    expect(lost).toMatchObject({ code: 'network', retryable: true });
    const again = await submitTask(client, BODY, 'key-lost');
    expect(again.replayed).toBe(true);
    expect(fake.stats.tasksCreated).toBe(1);
  });

  it('refuses an invalid Idempotency-Key before sending anything', async () => {
    const { fake, client } = await setup();
    await expect(client.submit(BODY, '')).rejects.toThrow(/Idempotency-Key/);
    await expect(client.submit(BODY, 'has space')).rejects.toThrow(/Idempotency-Key/);
    await expect(client.submit(BODY, 'k'.repeat(192))).rejects.toThrow(/Idempotency-Key/);
    expect(fake.stats.submits).toBe(0);
  });

  it('a 400 from the provider is a non-retryable invalid_request carrying its words', async () => {
    const { client } = await setup();
    const err = await failureOf(client.submit({ ...BODY, duration: '8' }, 'key-bad'));
    expect(err).toMatchObject({ code: 'invalid_request', retryable: false, httpStatus: 400 });
    expect(err.message).toMatch(/duration/);
    expect(err.requestId).toMatch(/^req_/);
  });
});

describe('ApimartClient against the fake APIMart: tasks', () => {
  it.each(['array', 'string'] as const)('reads a completed task whose url is an %s', async (urlShape) => {
    const { fake, client, clock } = await setup({ urlShape, progress: { mode: 'polls', pollsToComplete: 3 } });
    const { taskId } = await submitTask(client, BODY, `key-url-${urlShape}`);
    const first = await client.getTask(taskId);
    expect(first).toMatchObject({ taskId, status: 'submitted', phase: 'pending', progress: 0, videos: [] });
    const second = await client.getTask(taskId);
    expect(second.phase).toBe('running');
    expect(second.progress).toBeGreaterThan(0);
    const done = await client.getTask(taskId);
    expect(done.phase).toBe('completed');
    expect(done.progress).toBe(100);
    expect(done.videos).toHaveLength(1);
    expect(done.videos[0]?.urls).toHaveLength(1);
    expect(done.videos[0]?.urls[0]?.startsWith(fake.fileUrl)).toBe(true);
    // expires_at = completed + 72 h, seconds on the wire → ms here.
    expect(done.completedAt).toBe(Math.floor(clock.now() / 1000) * 1000);
    expect(done.videos[0]?.expiresAt).toBe((done.completedAt ?? 0) + 72 * 3600 * 1000);
    expect(done.costUsd).toBeCloseTo(0.064 * 8);
    expect(done.credits).toBeCloseTo(0.064 * 8 * 10);
    expect(done.thumbnailUrl?.startsWith(fake.fileUrl)).toBe(true);
    expect(done.error).toBeUndefined();
  });

  it('maps an unknown status to phase running', async () => {
    const { fake, client } = await setup();
    const { taskId } = await submitTask(client, BODY, 'key-unknown');
    fake.fault({ route: 'task', kind: 'unknown-status', status: 'warming_up' });
    const snap = await client.getTask(taskId);
    expect(snap.status).toBe('warming_up');
    expect(snap.phase).toBe('running');
  });

  it.each([
    ['an empty string', '', undefined],
    ['a number', 4031, '4031'],
    ['a word', 'content_policy', 'content_policy'],
  ] as const)('reads a failed task whose error.code is %s', async (_label, code, expected) => {
    const { fake, client } = await setup({ progress: { mode: 'polls', pollsToComplete: 1 } });
    fake.fault({ route: 'task', kind: 'fail', message: 'The prompt was blocked by the safety policy.', code });
    const { taskId } = await submitTask(client, BODY, `key-fail-${String(code)}`);
    const snap = await client.getTask(taskId);
    expect(snap.phase).toBe('failed');
    expect(snap.error?.message).toBe('The prompt was blocked by the safety policy.');
    expect(snap.error?.code).toBe(expected);
    expect(snap.costUsd).toBe(0);
    expect(snap.videos).toEqual([]);
  });

  it('an unknown task id is a non-retryable not_found', async () => {
    const { client } = await setup();
    const err = await failureOf(client.getTask('task_does_not_exist'));
    expect(err).toMatchObject({ code: 'not_found', retryable: false, httpStatus: 404 });
  });

  it('asks each task query in the language of that moment, and a failed task is worded in it', async () => {
    const clock = new FakeClock();
    const fake = await startFakeApimart({ apiKey: KEY, clock, progress: { mode: 'polls', pollsToComplete: 1 } });
    open.push(fake);
    let language = 'en';
    const client = new ApimartClient({ fetch: (u, i) => fetch(u, i), baseUrl: fake.apiUrl, apiKey: async () => KEY, clock, language: () => language });
    fake.fault({ route: 'task', kind: 'fail', message: 'The prompt was blocked by the safety policy.', localized: { ko: '안전 정책에 따라 프롬프트가 차단되었습니다.' } });
    const { taskId } = await submitTask(client, BODY, 'key-lang');
    const inEnglish = await client.getTask(taskId);
    expect(fake.stats.apiRequests.at(-1)?.path).toBe(`/v1/tasks/${taskId}?language=en`);
    expect(inEnglish.error?.message).toBe('The prompt was blocked by the safety policy.');

    // The person switched the app to Korean: the same client, no restart.
    language = 'ko';
    const inKorean = await client.getTask(taskId);
    expect(fake.stats.apiRequests.at(-1)?.path).toBe(`/v1/tasks/${taskId}?language=ko`);
    expect(inKorean.phase).toBe('failed');
    expect(inKorean.error?.message).toBe('안전 정책에 따라 프롬프트가 차단되었습니다.');
  });

  it('sends no language parameter when none is set', async () => {
    const { fake, client } = await setup();
    const { taskId } = await submitTask(client, BODY, 'key-no-lang');
    await client.getTask(taskId);
    expect(fake.stats.apiRequests.at(-1)?.path).toBe(`/v1/tasks/${taskId}`);
  });
});

describe('ApimartClient against the fake APIMart: account and uploads', () => {
  it('reads the balance and the model list', async () => {
    const { client } = await setup({ balanceUsd: 12.5 });
    expect(await client.balance()).toEqual({ remainUsd: 12.5, usedUsd: 0, unlimited: false });
    expect(await client.models()).toEqual(['veo3.1-fast-official', 'veo3.1-quality-official']);
  });

  it('the balance falls after a completed task', async () => {
    const { client } = await setup({ balanceUsd: 10, progress: { mode: 'polls', pollsToComplete: 1 } });
    const { taskId } = await submitTask(client, { ...BODY, duration: 4 }, 'key-bal');
    await client.getTask(taskId);
    const b = await client.balance();
    expect(b.usedUsd).toBeCloseTo(0.256);
    expect(b.remainUsd).toBeCloseTo(10 - 0.256);
  });

  it('uploads an image: the URL is on the file host and expires created_at + 72 h', async () => {
    const { fake, client, clock } = await setup();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    clock.advance(1234); // not on a whole second: created_at is whole seconds
    const res = await client.uploadImage({ bytes, filename: 'first-frame.png', contentType: 'image/png' });
    expect(res.url.startsWith(fake.fileUrl)).toBe(true);
    const createdAtMs = Math.floor(clock.now() / 1000) * 1000;
    expect(res.expiresAt).toBe(createdAtMs + UPLOAD_TTL_MS);
    expect(UPLOAD_TTL_MS).toBe(72 * 3600 * 1000);
    expect(res.requestId).toMatch(/^req_/);
    expect(fake.stats.uploads).toHaveLength(1);
    expect(fake.stats.uploads[0]).toMatchObject({ filename: 'first-frame.png', contentType: 'image/png', bytes: 12 });
  });

  it('an upload of a refused type is unsupported_media', async () => {
    const { client } = await setup();
    const err = await failureOf(client.uploadImage({ bytes: new TextEncoder().encode('%PDF-1.7'), filename: 'x.png', contentType: 'application/pdf' }));
    expect(err).toMatchObject({ code: 'unsupported_media', retryable: false, httpStatus: 400 });
    expect(err.message).toMatch(/application\/pdf/);
  });

  it('a wrong key is an auth error; the key never reaches the logger', async () => {
    const clock = new FakeClock();
    const fake = await startFakeApimart({ apiKey: KEY, clock });
    open.push(fake);
    const logger = new CapturingLogger();
    const wrong = 'sk-wrong-key-123456';
    const client = new ApimartClient({ fetch: (u, i) => fetch(u, i), baseUrl: fake.apiUrl, apiKey: async () => wrong, clock, logger });
    const err = await failureOf(client.balance());
    expect(err).toMatchObject({ code: 'auth', retryable: false, httpStatus: 401 });
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain(wrong);
    expect(JSON.stringify(err)).not.toContain(wrong);
  });

  it('never logs the key across a whole submit → poll → upload session', async () => {
    const { client, logger } = await setup({ progress: { mode: 'polls', pollsToComplete: 1 } });
    const { taskId } = await submitTask(client, BODY, 'key-log');
    await client.getTask(taskId);
    await client.uploadImage({ bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), filename: 'a.jpg', contentType: 'image/jpeg' });
    await client.balance();
    expect(logger.lines.length).toBeGreaterThanOrEqual(4);
    expect(logger.text()).not.toContain(KEY);
  });
});
