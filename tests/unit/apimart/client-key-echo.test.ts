import { afterEach, describe, expect, it } from 'vitest';
import { ApimartClient } from '../../../electron/core/apimart/client.js';
import { startFakeApimart, type ApiRoute, type FakeApimart, type Fault } from '../../../electron/core/demo/fake-apimart.js';
import { AppFailure } from '../../../shared/errors.js';
import { keyTraceIn } from '../../support/key-trace.js';
import { FakeClock } from '../../support/fake-clock.js';
import { CapturingLogger, SAMPLE_BODY, stubFetch } from './helpers.js';

/**
 * A gateway or captive proxy that echoes the Authorization header wherever a
 * reply can hold text. Whatever the client hands back (result or failure) and
 * whatever it logs (to a logger that does NOT redact) must hold no trace of
 * the key. The key has no `sk-` or `Bearer` shape, so only the client's
 * knowledge of the key it sent can remove it.
 */
const KEY = 'kf0-echo-Z9y8X7w6V5u4T3s2';
const T = '{token}';
const A = '{auth}';
const IMAGE = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1]), filename: 'first-frame.jpg', contentType: 'image/jpeg' };
/** Long enough that a 500-character excerpt ends inside the key. */
const LONG = `${'x'.repeat(480)} ${T} trailing words`;

const open: FakeApimart[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

/** Every route the client calls (it never asks for model documentation). */
type ClientRoute = Exclude<ApiRoute, 'model-docs'>;
const CALLS: Record<ClientRoute, (c: ApimartClient) => Promise<unknown>> = {
  submit: (c) => c.submit(SAMPLE_BODY, 'key-echo'),
  task: (c) => c.getTask('task_echo'),
  upload: (c) => c.uploadImage(IMAGE),
  balance: (c) => c.balance(),
  models: (c) => c.models(),
  'model-schema': (c) => c.modelSchema('veo3.1-fast-official', 'video_generation'),
};
const ROUTES = Object.keys(CALLS) as ClientRoute[];

interface EchoCase {
  name: string;
  route: ClientRoute;
  fault: Fault;
  /** Whether the result or failure itself carries the echo (else only the log line does). */
  shows?: boolean;
}

const echo = (route: ApiRoute, status: number, body: unknown, headers?: Record<string, string>): Fault => ({
  route,
  kind: 'echo-auth',
  status,
  body,
  ...(headers ? { headers } : {}),
});
const html = `<html><body><h1>Sign in to continue</h1><p>Received: ${A}</p><!-- ${T} --></body></html>`;

const cases: EchoCase[] = [
  // Response headers, on otherwise normal replies.
  ...ROUTES.map((route) => ({
    name: `${route}: request id header`,
    route,
    fault: { route, kind: 'echo-auth-headers' } as Fault,
    shows: route !== 'balance' && route !== 'models' && route !== 'model-schema',
  })),
  {
    name: 'submit: 429 with the key in Retry-After, the request id and another header',
    route: 'submit',
    fault: echo('submit', 429, { error: { message: 'slow down', type: 'rate_limit_error' } }, { 'Retry-After': T, 'X-Oneapi-Request-Id': `req_${T}`, 'X-Upstream': A }),
  },
  // 2xx bodies Keyframe can read.
  { name: 'submit: array reply', route: 'submit', fault: echo('submit', 200, { code: 200, data: [{ task_id: 'task_echo', status: `queued for ${T}` }] }, { 'X-Oneapi-Request-Id': T }) },
  { name: 'submit: object reply', route: 'submit', fault: echo('submit', 200, { code: 200, data: { id: 'task_echo', status: T, poll_url: `/v1/tasks/${T}` }, request_id: T }) },
  {
    name: 'submit: a synchronous result, the key in its links',
    route: 'submit',
    fault: echo('submit', 200, {
      code: 200,
      data: { object: 'generation.result', status: 'completed', result: { thumbnail_url: `https://cdn.example/t.jpg?k=${T}`, videos: [{ url: [`https://cdn.example/v.mp4?k=${T}`] }] } },
    }),
  },
  { name: 'task: running with an odd status', route: 'task', fault: echo('task', 200, { code: 200, data: { id: 'task_echo', status: `warming up ${T}`, progress: 5 } }) },
  {
    name: 'task: failed with an error object',
    route: 'task',
    fault: echo('task', 200, { code: 200, data: { id: 'task_echo', status: 'failed', error: { message: `blocked: ${A}`, code: T, type: T }, fail_reason: T } }),
  },
  { name: 'task: failed with an error string', route: 'task', fault: echo('task', 200, { code: 200, data: { status: 'failed', error: `bad key ${T}` } }) },
  { name: 'task: failed with fail_reason only', route: 'task', fault: echo('task', 200, { code: 200, data: { status: 'failed', fail_reason: `rejected ${T}` } }) },
  {
    name: 'task: completed, the key even in its links',
    route: 'task',
    fault: echo('task', 200, {
      code: 200,
      data: { status: 'completed', progress: 100, result: { thumbnail_url: `https://cdn.example/t.jpg?k=${T}`, videos: [{ url: [`https://cdn.example/v.mp4?k=${T}`] }] } },
    }),
  },
  { name: 'upload: reply', route: 'upload', fault: echo('upload', 200, { url: `https://upload.example/${T}.png`, filename: T }, { 'X-Oneapi-Request-Id': T }) },
  { name: 'balance: success false', route: 'balance', fault: echo('balance', 200, { success: false, message: `quota of ${T} exhausted` }) },
  { name: 'models: list', route: 'models', fault: echo('models', 200, { object: 'list', data: [{ id: `veo-${T}` }] }) },
  {
    name: 'model-schema: the key in the schema',
    route: 'model-schema',
    fault: echo('model-schema', 200, { model: 'veo3.1-fast-official', operation: 'video_generation', input_schema: { description: `for ${A}` } }),
  },
  // 2xx bodies Keyframe cannot read, HTML pages, and error bodies: on every route.
  ...ROUTES.flatMap((route): EchoCase[] => [
    { name: `${route}: unreadable 2xx JSON`, route, fault: echo(route, 200, { success: `yes ${T}`, echo: A }) },
    { name: `${route}: unreadable 2xx text cut mid-key`, route, fault: echo(route, 200, LONG) },
    { name: `${route}: 2xx HTML page`, route, fault: echo(route, 200, html, { 'Content-Type': 'text/html' }) },
    { name: `${route}: 502 HTML page`, route, fault: echo(route, 502, html, { 'Content-Type': 'text/html' }) },
    { name: `${route}: 500 text cut mid-key`, route, fault: echo(route, 500, LONG) },
    { name: `${route}: 400 envelope`, route, fault: echo(route, 400, { error: { message: `bad ${T}`, type: T, code: T, request_id: T } }) },
    { name: `${route}: 401 envelope`, route, fault: echo(route, 401, { error: { message: `Invalid token ${A}`, type: 'apimart_error', code: '' } }) },
    { name: `${route}: 409 envelope`, route, fault: echo(route, 409, { error: { message: T, type: `idempotency_${T}` } }) },
    { name: `${route}: 503 plain text`, route, fault: echo(route, 503, `upstream refused ${A}`) },
  ]),
];

async function outcomeOf(p: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await p };
  } catch (err) {
    return { ok: false, error: err instanceof AppFailure ? err.app : { name: (err as Error).name, message: (err as Error).message } };
  }
}

describe('ApimartClient: a gateway that echoes the key', () => {
  it.each(cases)('$name', async ({ route, fault, shows = true }) => {
    const clock = new FakeClock();
    const fake = await startFakeApimart({ apiKey: KEY, clock });
    open.push(fake);
    const logger = new CapturingLogger();
    const client = new ApimartClient({ fetch: (u, i) => fetch(u, i), baseUrl: fake.apiUrl, apiKey: async () => KEY, clock, logger });
    fake.fault(fault);
    const outcome = JSON.stringify(await outcomeOf(CALLS[route](client)));
    // The echo happened (the key was there to remove) …
    expect(fake.stats.apiRequests).toHaveLength(1);
    expect(shows ? outcome : logger.text()).toContain('[redacted]');
    // … and left no trace in what the client handed back or logged.
    expect(keyTraceIn(outcome, KEY), outcome).toBeUndefined();
    expect(keyTraceIn(logger.text(), KEY), logger.text()).toBeUndefined();
  });

  it('a network failure whose text echoes the key leaves no trace either', async () => {
    const logger = new CapturingLogger();
    const { fetch } = stubFetch((req) => Promise.reject(new TypeError('fetch failed', { cause: new Error(`bad header value ${req.headers.authorization}`) })));
    const client = new ApimartClient({ fetch, baseUrl: 'http://127.0.0.1:45678', apiKey: async () => KEY, clock: new FakeClock(), logger });
    for (const call of Object.values(CALLS)) {
      const outcome = JSON.stringify(await outcomeOf(call(client)));
      expect(outcome).toContain('network');
      expect(keyTraceIn(outcome, KEY)).toBeUndefined();
    }
    expect(logger.text()).toContain('[redacted]');
    expect(keyTraceIn(logger.text(), KEY)).toBeUndefined();
  });

  it('changes nothing in a result but the key: a link that merely looks like a token is kept as it is', async () => {
    const link = 'https://cdn.example/files/sk-abcdef123456/v.mp4?sig=Bearer-Zx';
    const body = { code: 200, data: { id: 'task_1', status: 'completed', result: { videos: [{ url: [link, `https://cdn.example/v2.mp4?k=${KEY}`] }] } } };
    const { fetch } = stubFetch(() => new Response(JSON.stringify(body), { status: 200 }));
    const client = new ApimartClient({ fetch, baseUrl: 'http://127.0.0.1:45678', apiKey: async () => KEY, clock: new FakeClock() });
    const snap = await client.getTask('task_1');
    expect(snap.videos.map((v) => v.urls[0])).toEqual([link, 'https://cdn.example/v2.mp4?k=[redacted]']);
  });

  it('a stand-in key that is no secret (the demo provider) is left in replies as it is', async () => {
    const { fetch } = stubFetch(() => new Response(JSON.stringify({ data: [{ id: 'demo-model' }] }), { status: 200, headers: { 'X-Oneapi-Request-Id': 'req_demo' } }));
    const client = new ApimartClient({ fetch, baseUrl: 'http://127.0.0.1:45678', apiKey: async () => 'demo', keyIsSecret: false, clock: new FakeClock() });
    expect(await client.models()).toEqual(['demo-model']);
  });
});
