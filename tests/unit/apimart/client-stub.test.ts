import { describe, expect, it } from 'vitest';
import { ApimartClient, DEFAULT_TIMEOUTS, type ApimartClientOptions } from '../../../electron/core/apimart/client.js';
import type { AppErrorCode } from '../../../shared/errors.js';
import type { ApiGenerationBody } from '../../../shared/domain/generation.js';
import { FakeClock } from '../../support/fake-clock.js';
import { CapturingLogger, failureOf, flush, jsonResponse, stubFetch, type SeenRequest, SAMPLE_BODY } from './helpers.js';

const KEY = 'sk-stub-key-0a1b2c3d4e5f';
const BASE = 'http://127.0.0.1:45678';
const BODY: ApiGenerationBody = SAMPLE_BODY;
const IMAGE = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1]), filename: 'first-frame.jpg', contentType: 'image/jpeg' };

function makeClient(handler: (req: SeenRequest) => Response | Promise<Response>, over: Partial<ApimartClientOptions> = {}) {
  const clock = new FakeClock();
  const logger = new CapturingLogger();
  const stub = stubFetch(handler);
  const client = new ApimartClient({ fetch: stub.fetch, baseUrl: BASE, apiKey: async () => KEY, clock, logger, ...over });
  return { client, clock, logger, seen: stub.seen };
}

const envelope = (type: string, message: string, code: string | number = '') => ({ error: { code, message, type } });

interface Row {
  name: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  code: AppErrorCode;
  retryable: boolean;
  retryAfterMs?: number;
}

describe('ApimartClient: the contract error table (stub fetch)', () => {
  const NOW = new FakeClock().now();
  const rows: Row[] = [
    { name: '400 invalid_request_error', status: 400, body: envelope('invalid_request_error', 'duration must be an integer'), code: 'invalid_request', retryable: false },
    {
      name: '400 unsupported image type',
      status: 400,
      body: envelope('invalid_request_error', 'unsupported image type: application/pdf, allowed: jpeg, png, gif, webp'),
      code: 'unsupported_media',
      retryable: false,
    },
    { name: '401 authentication_error', status: 401, body: envelope('authentication_error', 'Invalid token'), code: 'auth', retryable: false },
    { name: '401 apimart_error with code ""', status: 401, body: envelope('apimart_error', 'Invalid token (request id: x)', ''), code: 'auth', retryable: false },
    { name: '402 payment_required', status: 402, body: envelope('payment_required', 'Insufficient balance'), code: 'payment_required', retryable: false },
    { name: '403 permission_error', status: 403, body: envelope('permission_error', 'model not allowed'), code: 'permission', retryable: false },
    { name: '404 not found', status: 404, body: envelope('not_found_error', 'task not found'), code: 'not_found', retryable: false },
    {
      name: '409 idempotency_in_progress',
      status: 409,
      body: envelope('idempotency_in_progress', 'A request with this Idempotency-Key is in progress'),
      code: 'idempotency_in_progress',
      retryable: true,
    },
    {
      name: '409 idempotency_key_reused',
      status: 409,
      body: envelope('idempotency_key_reused', 'Idempotency-Key has already been used with a different request body'),
      code: 'idempotency_conflict',
      retryable: false,
    },
    {
      name: '409 idempotency_result_indeterminate',
      status: 409,
      body: envelope('idempotency_result_indeterminate', 'The result of the original request is indeterminate'),
      code: 'idempotency_indeterminate',
      retryable: false,
    },
    {
      // The type decides, even when the message mentions "in progress".
      name: '409 indeterminate whose message says "in progress"',
      status: 409,
      body: envelope('idempotency_result_indeterminate', 'The original request may still be in progress; its result is unknown'),
      code: 'idempotency_indeterminate',
      retryable: false,
    },
    {
      name: '409 key_reused whose message says "in progress"',
      status: 409,
      body: envelope('idempotency_key_reused', 'another request with this key is in progress with a different body'),
      code: 'idempotency_conflict',
      retryable: false,
    },
    { name: '409 with no type, message only', status: 409, body: { error: { message: 'request in progress' } }, code: 'idempotency_in_progress', retryable: true },
    { name: '413 too large', status: 413, body: envelope('invalid_request_error', 'Request entity too large'), code: 'too_large', retryable: false },
    { name: '429 without Retry-After', status: 429, body: envelope('rate_limit_error', 'slow down'), code: 'rate_limited', retryable: true },
    {
      name: '429 Retry-After in seconds',
      status: 429,
      body: envelope('rate_limit_error', 'slow down'),
      headers: { 'Retry-After': '7' },
      code: 'rate_limited',
      retryable: true,
      retryAfterMs: 7000,
    },
    {
      name: '429 Retry-After as an HTTP date',
      status: 429,
      body: envelope('rate_limit_error', 'slow down'),
      headers: { 'Retry-After': new Date(NOW + 90_000).toUTCString() },
      code: 'rate_limited',
      retryable: true,
      retryAfterMs: 90_000,
    },
    { name: '500 server_error', status: 500, body: envelope('server_error', 'Internal server error'), code: 'server_error', retryable: true },
    {
      name: '500 build_request_failed',
      status: 500,
      body: envelope('server_error', 'build_request_failed: field duration: expected number'),
      code: 'invalid_request',
      retryable: false,
    },
    { name: '500 with an empty body', status: 500, body: null, code: 'server_error', retryable: true },
    { name: '502 bad gateway', status: 502, body: envelope('bad_gateway', 'upstream error'), code: 'unavailable', retryable: true },
    { name: '502 with an HTML page', status: 502, body: '<html><body>Bad Gateway</body></html>', code: 'unavailable', retryable: true },
    {
      name: '503 with Retry-After',
      status: 503,
      body: envelope('service_unavailable', 'try later'),
      headers: { 'Retry-After': '120' },
      code: 'unavailable',
      retryable: true,
      retryAfterMs: 120_000,
    },
    { name: '504 gateway timeout', status: 504, body: envelope('service_unavailable', 'Gateway timeout'), code: 'unavailable', retryable: true },
    { name: '520 from a CDN in front', status: 520, body: null, code: 'server_error', retryable: true },
    { name: '418 other 4xx', status: 418, body: envelope('invalid_request_error', 'teapot'), code: 'invalid_request', retryable: false },
    // The model is not available to this key: by type or by code, whatever the status (contract §7).
    { name: '404 model_not_found (code)', status: 404, body: envelope('invalid_request_error', 'model not found', 'model_not_found'), code: 'not_found', retryable: false },
    { name: '400 model_not_found (type)', status: 400, body: envelope('model_not_found', 'no such model'), code: 'not_found', retryable: false },
    {
      name: '400 unsupported_generation_model',
      status: 400,
      body: envelope('invalid_request_error', 'model does not support video generation', 'unsupported_generation_model'),
      code: 'not_found',
      retryable: false,
    },
    { name: '403 model_not_found', status: 403, body: envelope('permission_error', 'not enabled', 'model_not_found'), code: 'not_found', retryable: false },
  ];

  it.each(rows)('$name → $code (retryable $retryable)', async (row) => {
    const { client } = makeClient(() =>
      jsonResponse(row.status, row.body, { 'X-Oneapi-Request-Id': 'req_table_1', ...row.headers }),
    );
    const err = await failureOf(client.submit(BODY, 'key-table'));
    expect(err.code).toBe(row.code);
    expect(err.retryable).toBe(row.retryable);
    expect(err.retryAfterMs).toBe(row.retryAfterMs);
    expect(err.httpStatus).toBe(row.status);
    expect(err.requestId).toBe('req_table_1');
    expect(err.message.length).toBeGreaterThan(10);
  });

  it('keeps the provider words as detail and shows the message where it helps', async () => {
    const { client } = makeClient(() => jsonResponse(403, envelope('permission_error', 'veo3.1-quality-official is not enabled', 'model_not_allowed')));
    const err = await failureOf(client.submit(BODY, 'k'));
    expect(err.detail).toBe('permission_error · model_not_allowed · veo3.1-quality-official is not enabled');
    expect(err.message).toContain('veo3.1-quality-official is not enabled');
  });

  it('a 500 with an empty body has no detail (so the queue retries it without a cap)', async () => {
    const { client } = makeClient(() => new Response('', { status: 500 }));
    const err = await failureOf(client.getTask('task_1'));
    expect(err).toMatchObject({ code: 'server_error', retryable: true });
    expect(err.detail).toBeUndefined();
  });

  it('takes the request id from the body when the header is missing', async () => {
    const { client } = makeClient(() => jsonResponse(400, { error: { message: 'bad', type: 'invalid_request_error', request_id: 'req_in_body' } }));
    expect((await failureOf(client.submit(BODY, 'k'))).requestId).toBe('req_in_body');
  });

  it('classifies the same way on every endpoint', async () => {
    const { client } = makeClient(() => jsonResponse(402, envelope('payment_required', 'Insufficient balance')));
    for (const call of [() => client.getTask('t'), () => client.uploadImage(IMAGE), () => client.balance(), () => client.models()]) {
      expect((await failureOf(call())).code).toBe('payment_required');
    }
  });
});

describe('ApimartClient: success replies (stub fetch)', () => {
  it('captures X-Oneapi-Request-Id and Idempotency-Replayed on a submit', async () => {
    const { client } = makeClient(() =>
      jsonResponse(200, { code: 200, data: [{ status: 'submitted', task_id: 'task_A' }] }, { 'X-Oneapi-Request-Id': 'req_ok', 'Idempotency-Replayed': 'true' }),
    );
    expect(await client.submit(BODY, 'k')).toEqual({ kind: 'task', taskId: 'task_A', requestIds: ['req_ok'], replayed: true, status: 'submitted' });
  });

  it('reads the object shape with task_info.estimated_time, and with task_id instead of id', async () => {
    const a = makeClient(() => jsonResponse(200, { code: 200, data: { id: 'task_B', status: 'pending', progress: 0, task_info: { estimated_time: '600' } } }));
    expect(await a.client.submit(BODY, 'k')).toMatchObject({ taskId: 'task_B', status: 'pending', estimatedTimeS: 600, replayed: false });
    const b = makeClient(() => jsonResponse(202, { data: { task_id: 'task_C', poll_url: 'https://api.apimart.ai/v1/tasks/task_C' } }));
    expect(await b.client.submit(BODY, 'k')).toMatchObject({ kind: 'task', taskId: 'task_C' });
  });

  it('tolerates nulls in informational submit fields', async () => {
    const { client } = makeClient(() => jsonResponse(200, { code: 200, data: { id: 'task_D', status: 'submitted', progress: null, task_info: null, poll_url: null } }));
    expect(await client.submit(BODY, 'k')).toMatchObject({ kind: 'task', taskId: 'task_D' });
  });

  it('tolerates nulls in a running task reply (completed, cost, fail_reason, result …)', async () => {
    const { client } = makeClient(() =>
      jsonResponse(200, {
        code: 200,
        data: { id: 'task_E', status: 'processing', progress: 40, result: null, completed: null, actual_time: null, cost: null, credits_cost: null, error: null, fail_reason: null },
      }),
    );
    const snap = await client.getTask('task_E');
    expect(snap).toMatchObject({ taskId: 'task_E', phase: 'running', progress: 40, videos: [] });
    expect(snap.completedAt).toBeUndefined();
    expect(snap.costUsd).toBeUndefined();
    expect(snap.error).toBeUndefined();
  });

  it('a 2xx submit reply that is not JSON is a retryable bad_response (outcome unknown)', async () => {
    const { client } = makeClient(() => new Response('<html>gateway hiccup</html>', { status: 200, headers: { 'X-Oneapi-Request-Id': 'req_bad' } }));
    const err = await failureOf(client.submit(BODY, 'k'));
    expect(err).toMatchObject({ code: 'bad_response', retryable: true, httpStatus: 200, requestId: 'req_bad' });
  });

  it('a 2xx submit reply without a task id is a retryable bad_response', async () => {
    for (const body of [{ code: 200, data: [] }, { code: 200, data: {} }, { code: 200 }, { code: 200, data: [{ status: 'submitted' }] }]) {
      const { client } = makeClient(() => jsonResponse(200, body));
      expect(await failureOf(client.submit(BODY, 'k'))).toMatchObject({ code: 'bad_response', retryable: true });
    }
  });

  it('a task reply without data is a retryable bad_response', async () => {
    const { client } = makeClient(() => jsonResponse(200, { code: 200, data: null }));
    expect(await failureOf(client.getTask('t'))).toMatchObject({ code: 'bad_response', retryable: true });
  });

  it('a balance reply with success:false is a non-retryable error carrying the message', async () => {
    const { client } = makeClient(() => jsonResponse(200, { success: false, message: 'token quota exhausted' }));
    const err = await failureOf(client.balance());
    expect(err).toMatchObject({ code: 'server_error', retryable: false });
    expect(err.message).toContain('token quota exhausted');
  });

  it('reads an unlimited balance with a null remainder', async () => {
    const { client } = makeClient(() => jsonResponse(200, { success: true, remain_balance: null, used_balance: '2.3', unlimited_quota: true }));
    expect(await client.balance()).toEqual({ remainUsd: undefined, usedUsd: 2.3, unlimited: true });
  });

  it('an upload reply without created_at expires 72 h from the clock', async () => {
    const { client, clock } = makeClient(() => jsonResponse(200, { url: 'https://upload.apimart.ai/f/image/1-a.jpg' }));
    expect(await client.uploadImage(IMAGE)).toMatchObject({ url: 'https://upload.apimart.ai/f/image/1-a.jpg', expiresAt: clock.now() + 72 * 3600_000 });
  });

  it('sends the upload as multipart with one "file" field carrying the bytes and type', async () => {
    const { client, seen } = makeClient(() => jsonResponse(200, { url: 'https://upload.apimart.ai/f/image/1-a.jpg', created_at: 1_767_225_600 }));
    const res = await client.uploadImage(IMAGE);
    expect(res.expiresAt).toBe(1_767_225_600_000 + 72 * 3600_000);
    const form = seen[0]?.body;
    expect(form).toBeInstanceOf(FormData);
    const file = (form as FormData).get('file');
    expect(file).toBeInstanceOf(Blob);
    expect((file as File).name).toBe('first-frame.jpg');
    expect((file as File).type).toBe('image/jpeg');
    expect(new Uint8Array(await (file as File).arrayBuffer())).toEqual(IMAGE.bytes);
  });
});

describe('ApimartClient: network failures and timeouts', () => {
  it('a rejected fetch is a retryable network error with the cause as detail', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:45678'), { code: 'ECONNREFUSED' });
    const { client, clock } = makeClient(() => Promise.reject(new TypeError('fetch failed', { cause })));
    const err = await failureOf(client.submit(BODY, 'k'));
    expect(err).toMatchObject({ code: 'network', retryable: true });
    expect(err.detail).toContain('ECONNREFUSED');
    expect(clock.pending()).toBe(0);
  });

  /** A fetch that answers only when its signal aborts. */
  const hang = (req: SeenRequest): Promise<Response> =>
    new Promise((_resolve, reject) => req.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError'))));

  const cases = [
    ['submit', DEFAULT_TIMEOUTS.submitMs, (c: ApimartClient) => c.submit(BODY, 'k')],
    ['getTask', DEFAULT_TIMEOUTS.readMs, (c: ApimartClient) => c.getTask('task_1')],
    ['balance', DEFAULT_TIMEOUTS.readMs, (c: ApimartClient) => c.balance()],
    ['models', DEFAULT_TIMEOUTS.readMs, (c: ApimartClient) => c.models()],
    ['uploadImage', DEFAULT_TIMEOUTS.uploadMs, (c: ApimartClient) => c.uploadImage(IMAGE)],
  ] as const;

  it('uses the contract timeouts: submit 45 s, read 15 s, upload 120 s', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ submitMs: 45_000, readMs: 15_000, uploadMs: 120_000 });
  });

  it.each(cases)('%s times out after exactly %d ms of fake time, as a retryable timeout', async (_name, limit, call) => {
    const { client, clock, seen } = makeClient(hang);
    let settled = false;
    const outcome = failureOf(call(client)).finally(() => (settled = true));
    await flush();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.signal?.aborted).toBe(false);
    clock.advance(limit - 1);
    await flush();
    expect(settled).toBe(false);
    clock.advance(1);
    const err = await outcome;
    expect(err).toMatchObject({ code: 'timeout', retryable: true });
    expect(seen[0]?.signal?.aborted).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('honours custom timeouts', async () => {
    const { client, clock } = makeClient(hang, { timeouts: { readMs: 1_000 } });
    const outcome = failureOf(client.getTask('t'));
    await flush();
    clock.advance(1_000);
    expect((await outcome).code).toBe('timeout');
  });

  it('clears its timer after a reply, so no stray abort fires later', async () => {
    const { client, clock, seen } = makeClient(() => jsonResponse(200, { object: 'list', data: [{ id: 'veo3.1-fast-official' }] }));
    expect(await client.models()).toEqual(['veo3.1-fast-official']);
    expect(clock.pending()).toBe(0);
    clock.advance(DEFAULT_TIMEOUTS.readMs * 2);
    expect(seen[0]?.signal?.aborted).toBe(false);
  });
});

describe('ApimartClient: the API key', () => {
  it('without a key nothing is sent and the error is missing_key', async () => {
    for (const key of [undefined, '']) {
      const { client, seen } = makeClient(() => jsonResponse(200, {}), { apiKey: async () => key });
      const err = await failureOf(client.submit(BODY, 'k'));
      expect(err).toMatchObject({ code: 'missing_key', retryable: false });
      expect(seen).toHaveLength(0);
    }
  });

  it('sends the key as a bearer token only to the configured API origin', async () => {
    const { client, seen } = makeClient(() => jsonResponse(200, { code: 200, data: { id: 'x', status: 'processing' } }));
    await client.getTask('task_1');
    await client.getTask('https://evil.example/steal');
    await client.getTask('../../../v1/balance');
    await client.getTask('//evil.example/x');
    expect(seen).toHaveLength(4);
    for (const req of seen) {
      expect(new URL(req.url).origin).toBe(BASE);
      expect(new URL(req.url).pathname.startsWith('/v1/tasks/')).toBe(true);
      expect(req.headers['authorization']).toBe(`Bearer ${KEY}`);
      expect(req.headers['accept']).toBe('application/json');
    }
    expect(seen[0]?.url).toBe(`${BASE}/v1/tasks/task_1`);
  });

  it('keeps a path prefix in the base URL', async () => {
    const { client, seen } = makeClient(() => jsonResponse(200, { success: true, remain_balance: 1 }), { baseUrl: `${BASE}/gateway` });
    await client.balance();
    expect(seen[0]?.url).toBe(`${BASE}/gateway/v1/balance`);
  });

  it('refuses a base URL that is not http(s)', () => {
    const clock = new FakeClock();
    const fetch = stubFetch(() => jsonResponse(200, {})).fetch;
    expect(() => new ApimartClient({ fetch, baseUrl: 'file:///etc', apiKey: async () => KEY, clock })).toThrow(/http/);
  });

  it('never lets the key into a log line or an error, even when the provider or the network echoes it', async () => {
    const echoes: ((req: SeenRequest) => Response | Promise<Response>)[] = [
      () => jsonResponse(401, envelope('authentication_error', `Invalid token ${KEY}`), { 'X-Oneapi-Request-Id': 'req_echo' }),
      () => jsonResponse(403, envelope('permission_error', `key ${KEY} may not use this model`)),
      () => jsonResponse(500, `upstream said: Authorization: Bearer ${KEY}`),
      () => Promise.reject(new TypeError(`fetch failed for Bearer ${KEY}`, { cause: new Error(`socket hang up (${KEY})`) })),
      () => Promise.reject(new Error(`boom ${KEY}`)),
    ];
    for (const echo of echoes) {
      const { client, logger } = makeClient(echo);
      const errors = [await failureOf(client.submit(BODY, 'k')), await failureOf(client.getTask('t')), await failureOf(client.uploadImage(IMAGE))];
      expect(logger.lines.length).toBeGreaterThan(0);
      expect(logger.text()).not.toContain(KEY);
      for (const err of errors) {
        expect(JSON.stringify(err)).not.toContain(KEY);
        expect(err.message).not.toContain(KEY);
      }
    }
  });

  it('logs method, path, status and request id for each reply, without headers', async () => {
    const { client, logger } = makeClient(() => jsonResponse(200, { code: 200, data: [{ task_id: 'task_Z' }] }, { 'X-Oneapi-Request-Id': 'req_log' }));
    await client.submit(BODY, 'key-log');
    expect(logger.lines).toEqual([
      { level: 'debug', message: 'apimart reply', fields: { method: 'POST', path: '/v1/videos/generations', status: 200, requestId: 'req_log', ms: 0 } },
    ]);
  });
});
