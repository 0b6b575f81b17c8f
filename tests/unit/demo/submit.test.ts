import { describe, it, expect } from 'vitest';
import { AUTH, BASE_BODY, createTask, json, submit, useFakes } from './helpers.js';

const start = useFakes();

describe('fake APIMart: submit', () => {
  it('answers the default array shape', async () => {
    const fake = await start();
    const res = await submit(fake, BASE_BODY);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.code).toBe(200);
    const data = body.data as { status: string; task_id: string }[];
    expect(data).toHaveLength(1);
    expect(data[0]?.status).toBe('submitted');
    expect(data[0]?.task_id).toMatch(/^task_/);
    expect(fake.stats.tasksCreated).toBe(1);
    expect(fake.stats.submitBodies[0]?.body).toEqual(BASE_BODY);
  });

  it('answers the object shape when asked by option or by the version header', async () => {
    const byOption = await start({ submitShape: 'object', estimatedTimeS: 42 });
    const a = (await json(await submit(byOption, BASE_BODY))).data as Record<string, unknown>;
    expect(a).toMatchObject({ status: 'submitted', task_info: { estimated_time: 42 } });
    expect(typeof a.id).toBe('string');

    const byHeader = await start();
    const res = await submit(byHeader, BASE_BODY, { 'X-APIMart-Response-Version': '2026-07-27' });
    const b = (await json(res)).data as Record<string, unknown>;
    expect(Array.isArray(b)).toBe(false);
    expect(b.id).toMatch(/^task_/);
  });

  it('with the version header: data is an object (object, id, status, task_info.estimated_time), request_id in the body', async () => {
    const fake = await start({ estimatedTimeS: 42 });
    const res = await submit(fake, BASE_BODY, { 'X-APIMart-Response-Version': '2026-07-27' });
    const body = await json(res);
    expect(body).toMatchObject({
      code: 200,
      data: { object: 'generation.task', status: 'submitted', task_info: { estimated_time: 42 }, next_poll_after_seconds: 2 },
      request_id: res.headers.get('x-oneapi-request-id'),
    });
    expect((body.data as { id: string }).id).toMatch(/^task_/);
    expect(res.headers.get('x-apimart-response-version')).toBe('2026-07-27');
  });

  it('without it: the default array shape, request_id in the body as well', async () => {
    const fake = await start();
    const res = await submit(fake, BASE_BODY);
    const body = await json(res);
    expect(Array.isArray(body.data)).toBe(true);
    expect(body.request_id).toBe(res.headers.get('x-oneapi-request-id'));
    expect(res.headers.get('x-apimart-response-version')).toBeNull();
  });

  it('a replay answers the original reply (its request_id included), marked Idempotency-Replayed', async () => {
    const fake = await start();
    const headers = { 'Idempotency-Key': 'replay-me', 'X-APIMart-Response-Version': '2026-07-27' };
    const first = await json(await submit(fake, BASE_BODY, headers));
    const again = await submit(fake, BASE_BODY, headers);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.headers.get('x-apimart-response-version')).toBe('2026-07-27');
    expect(await json(again)).toEqual(first);
    expect(fake.stats.tasksCreated).toBe(1);
  });

  it('answers a synchronous result in result mode: data.object generation.result, the videos in the body, no task id', async () => {
    const fake = await start({ submitShape: 'result' });
    const body = await json(await submit(fake, { ...BASE_BODY, sample_count: 2 }));
    const data = body.data as { object: string; id?: string; status: string; result: { videos: { url: string[] }[] }; cost: number };
    expect(data).toMatchObject({ object: 'generation.result', status: 'completed', cost: 1.024 });
    expect(data.id).toBeUndefined();
    expect(data.result.videos).toHaveLength(2);
    const video = await fetch(data.result.videos[0]?.url[0] ?? '');
    expect(video.status).toBe(200);
    expect(body.request_id).toMatch(/^req_/);
  });

  it('a known model the key may not use is 404 model_not_found, and no task is made', async () => {
    const fake = await start({ models: ['veo3.1-fast-official'] });
    const res = await submit(fake, { ...BASE_BODY, model: 'veo3.1-quality-official' });
    expect(res.status).toBe(404);
    expect((await json(res)).error).toMatchObject({ code: 'model_not_found', type: 'invalid_request_error', param: 'model' });
    expect(fake.stats.tasksCreated).toBe(0);
  });

  it('answers 202 with id and poll_url in accepted202 mode', async () => {
    const fake = await start({ submitShape: 'accepted202' });
    const res = await submit(fake, BASE_BODY);
    expect(res.status).toBe(202);
    const data = (await json(res)).data as { id: string; poll_url: string };
    expect(data.poll_url).toBe(`${fake.apiUrl}/v1/tasks/${data.id}`);
    const polled = await fetch(data.poll_url, { headers: AUTH });
    expect(polled.status).toBe(200);
  });

  it.each([
    ['a quoted duration', { ...BASE_BODY, duration: '8' }, 'duration'],
    ['enhance_prompt false', { ...BASE_BODY, enhance_prompt: false }, 'enhance_prompt'],
    ['a last frame without a first', { ...BASE_BODY, last_frame_image: 'https://example.com/a.png' }, 'last_frame_image'],
    ['resize_mode without a first frame', { ...BASE_BODY, resize_mode: 'crop' }, 'resize_mode'],
    ['an unknown model', { ...BASE_BODY, model: 'veo3' }, 'model'],
    ['an empty prompt', { ...BASE_BODY, prompt: '  ' }, 'prompt'],
    ['a seed out of range', { ...BASE_BODY, seed: 4_294_967_296 }, 'seed'],
    ['sample_count 5', { ...BASE_BODY, sample_count: 5 }, 'sample_count'],
    ['resolution 480p', { ...BASE_BODY, resolution: '480p' }, 'resolution'],
  ])('rejects %s with 400 invalid_request_error', async (_name, body, param) => {
    const fake = await start();
    const res = await submit(fake, body);
    expect(res.status).toBe(400);
    const err = (await json(res)).error as { type: string; message: string; param?: string };
    expect(err.type).toBe('invalid_request_error');
    expect(err.param).toBe(param);
    expect(fake.stats.tasksCreated).toBe(0);
    expect(fake.stats.submits).toBe(1);
  });

  it('rejects unknown fields and non-JSON bodies', async () => {
    const fake = await start();
    const unknown = await submit(fake, { ...BASE_BODY, fps: 24 });
    expect(unknown.status).toBe(400);
    expect(((await json(unknown)).error as { message: string }).message).toContain('fps');
    const broken = await submit(fake, '{"model":');
    expect(broken.status).toBe(400);
    expect(fake.stats.submitBodies[1]?.body).toBe('{"model":');
  });

  it('accepts a full image-to-video body, frame URLs on the fake file host included', async () => {
    const fake = await start();
    const res = await submit(fake, {
      ...BASE_BODY,
      negative_prompt: 'blur',
      duration: 4,
      aspect_ratio: '9:16',
      resolution: '1080p',
      first_frame_image: `${fake.fileUrl}/uploads/1-a.png`,
      last_frame_image: 'https://example.com/b.png',
      seed: 4_294_967_295,
      sample_count: 2,
      generate_audio: true,
      person_generation: 'disallow',
      resize_mode: 'pad',
      enhance_prompt: true,
    });
    expect(res.status).toBe(200);
  });

  it('answers 401 for a missing or wrong key, and accepts any token when apiKey is null', async () => {
    const fake = await start();
    const none = await fetch(`${fake.apiUrl}/v1/models`);
    expect(none.status).toBe(401);
    const err = (await json(none)).error as { code: string; type: string; message: string };
    expect(err).toMatchObject({ code: '', type: 'apimart_error' });
    expect(err.message).toContain(none.headers.get('x-oneapi-request-id'));
    const wrong = await submit(fake, BASE_BODY, { authorization: 'Bearer sk-wrong' });
    expect(wrong.status).toBe(401);
    expect(fake.stats.tasksCreated).toBe(0);

    const open = await start({ apiKey: null });
    expect((await fetch(`${open.apiUrl}/v1/models`, { headers: { authorization: 'Bearer anything' } })).status).toBe(200);
    expect((await fetch(`${open.apiUrl}/v1/models`, { headers: { authorization: 'Bearer ' } })).status).toBe(401);
  });

  it('replays an identical request with the same Idempotency-Key without a new task', async () => {
    const fake = await start();
    const headers = { 'Idempotency-Key': 'k-123' };
    const first = await submit(fake, BASE_BODY, headers);
    const firstBody = await json(first);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    // Same fields in another order are the same request.
    const again = await submit(fake, { prompt: BASE_BODY.prompt, model: BASE_BODY.model }, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await json(again)).toEqual(firstBody);
    expect(fake.stats).toMatchObject({ submits: 2, tasksCreated: 1, replays: 1 });
    expect(fake.stats.submitBodies.map((b) => b.idempotencyKey)).toEqual(['k-123', 'k-123']);
  });

  it('answers 409 idempotency_key_reused for the same key with a different body', async () => {
    const fake = await start();
    await createTask(fake, BASE_BODY, { 'Idempotency-Key': 'k-1' });
    const res = await submit(fake, { ...BASE_BODY, duration: 4 }, { 'Idempotency-Key': 'k-1' });
    expect(res.status).toBe(409);
    expect(((await json(res)).error as { type: string }).type).toBe('idempotency_key_reused');
    expect(fake.stats.tasksCreated).toBe(1);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const fake = await start();
    const res = await submit(fake, BASE_BODY, { 'Idempotency-Key': 'x'.repeat(192) });
    expect(res.status).toBe(400);
  });

  it('drop-after-accept creates the task, and the replay with the same key returns it: one task', async () => {
    const fake = await start();
    const created: string[] = [];
    fake.on('task-created', (info) => created.push(info.id));
    fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    const headers = { 'Idempotency-Key': 'lost-reply' };
    await expect(submit(fake, BASE_BODY, headers)).rejects.toThrow();
    expect(fake.stats.tasksCreated).toBe(1);
    const id = await createTask(fake, BASE_BODY, headers);
    expect(id).toBe(created[0]);
    expect(fake.stats).toMatchObject({ submits: 2, tasksCreated: 1, replays: 1 });
  });

  it('serves balance (both paths) and models', async () => {
    const fake = await start({ balanceUsd: 10.5 });
    for (const path of ['/v1/balance', '/v1/user/balance']) {
      const res = await fetch(`${fake.apiUrl}${path}`, { headers: AUTH });
      expect(await json(res)).toEqual({ success: true, remain_balance: 10.5, used_balance: 0, unlimited_quota: false });
    }
    const models = await json(await fetch(`${fake.apiUrl}/v1/models`, { headers: AUTH }));
    expect(models).toEqual({
      object: 'list',
      data: [
        { id: 'veo3.1-fast-official', object: 'model' },
        { id: 'veo3.1-quality-official', object: 'model' },
      ],
      request_id: expect.stringMatching(/^req_/),
    });
  });

  it('puts a unique X-Oneapi-Request-Id on every API response, errors and faults included', async () => {
    const fake = await start();
    fake.fault({ route: 'models', kind: 'status', status: 503 });
    const responses = [
      await fetch(`${fake.apiUrl}/v1/models`, { headers: AUTH }),
      await fetch(`${fake.apiUrl}/v1/models`, { headers: AUTH }),
      await fetch(`${fake.apiUrl}/v1/models`),
      await fetch(`${fake.apiUrl}/v1/nope`, { headers: AUTH }),
      await submit(fake, { ...BASE_BODY, duration: '8' }),
      await submit(fake, BASE_BODY),
      await fetch(`${fake.apiUrl}/v1/tasks/task_missing`, { headers: AUTH }),
    ];
    expect(responses.map((r) => r.status)).toEqual([503, 200, 401, 404, 400, 200, 404]);
    const ids = responses.map((r) => r.headers.get('x-oneapi-request-id'));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fake.stats.apiRequests).toHaveLength(responses.length);
  });
});
