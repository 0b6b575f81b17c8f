import { afterEach, describe, expect, it } from 'vitest';
import { ApimartClient, MAX_REPLY_BYTES, type ApimartClientOptions } from '../../../electron/core/apimart/client.js';
import { startFakeApimart, type ApiRoute, type FakeApimart, type FakeEvents } from '../../../electron/core/demo/fake-apimart.js';
import { FakeClock } from '../../support/fake-clock.js';
import { CapturingLogger, failureOf, jsonResponse, SAMPLE_BODY, stubFetch } from './helpers.js';

/**
 * Replies are read with a size cap: past it the body is cancelled (the
 * connection closes) instead of being read into memory, and the call fails
 * as a retryable bad_response.
 */
const KEY = 'sk-unit-reply-cap-5e6f7a8b';
const MIB = 1024 * 1024;
const CAP = 1 * MIB;
/**
 * Far more than the cap plus every buffer between the two ends (socket buffers
 * on loopback may hold tens of MiB): if the fake finishes sending this, the
 * client read it all.
 */
const FLOOD = 256 * MIB;
const IMAGE = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1]), filename: 'first-frame.jpg', contentType: 'image/jpeg' };

const open: FakeApimart[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function setup(over: Partial<ApimartClientOptions> = {}) {
  const clock = new FakeClock();
  const fake = await startFakeApimart({ apiKey: KEY, clock });
  open.push(fake);
  const logger = new CapturingLogger();
  const client = new ApimartClient({ fetch: (u, i) => fetch(u, i), baseUrl: fake.apiUrl, apiKey: async () => KEY, clock, logger, maxReplyBytes: CAP, ...over });
  const ended = () => new Promise<FakeEvents['huge-reply-ended']>((resolve) => fake.on('huge-reply-ended', resolve));
  return { fake, client, logger, ended };
}

const calls: [ApiRoute, (c: ApimartClient) => Promise<unknown>][] = [
  ['submit', (c) => c.submit(SAMPLE_BODY, 'key-huge')],
  ['task', (c) => c.getTask('task_huge')],
  ['upload', (c) => c.uploadImage(IMAGE)],
  ['balance', (c) => c.balance()],
  ['models', (c) => c.models()],
];

describe('ApimartClient: reply size cap against the fake APIMart', () => {
  it.each(calls)('a %s reply streamed past the cap is cut off: bad_response, retryable, connection closed early', async (route, call) => {
    const { fake, client, ended } = await setup();
    fake.fault({ route, kind: 'huge-reply', bytes: FLOOD });
    const end = ended();
    const err = await failureOf(call(client));
    expect(err).toMatchObject({ code: 'bad_response', retryable: true, httpStatus: 200 });
    expect(err.message).toContain('1 MiB');
    const sent = await end;
    expect(sent.complete).toBe(false);
    expect(sent.bytesSent).toBeLessThan(FLOOD);
  });

  it('refuses at once a reply whose Content-Length is over the cap', async () => {
    const { fake, client, ended } = await setup();
    fake.fault({ route: 'models', kind: 'huge-reply', bytes: FLOOD, declareLength: true });
    const end = ended();
    expect(await failureOf(client.models())).toMatchObject({ code: 'bad_response', retryable: true, httpStatus: 200 });
    expect((await end).complete).toBe(false);
  });

  it('an error status with an oversized body is cut off the same way', async () => {
    const { fake, client, ended } = await setup();
    fake.fault({ route: 'task', kind: 'huge-reply', bytes: FLOOD, status: 502 });
    const end = ended();
    expect(await failureOf(client.getTask('task_x'))).toMatchObject({ code: 'bad_response', retryable: true, httpStatus: 502 });
    expect((await end).complete).toBe(false);
  });

  it.each([false, true])('reads a reply of exactly the cap and refuses one byte more (Content-Length declared: %s)', async (declareLength) => {
    const { fake, client, ended } = await setup();
    fake.fault({ route: 'models', kind: 'huge-reply', bytes: CAP, declareLength });
    const whole = ended();
    expect(await client.models()).toEqual(['padded-model']);
    expect(await whole).toMatchObject({ complete: true, bytesSent: CAP });
    fake.fault({ route: 'models', kind: 'huge-reply', bytes: CAP + 1, declareLength });
    expect(await failureOf(client.models())).toMatchObject({ code: 'bad_response', retryable: true });
  });

  it('logs the refusal without the key', async () => {
    const { fake, client, logger } = await setup();
    fake.fault({ route: 'balance', kind: 'huge-reply', bytes: 4 * MIB });
    await failureOf(client.balance());
    expect(logger.lines).toContainEqual({ level: 'warn', message: 'apimart reply too large', fields: expect.objectContaining({ method: 'GET', path: '/v1/balance', status: 200, limitBytes: CAP }) });
    expect(logger.text()).not.toContain(KEY);
  });

  it('the default cap is 32 MiB, as in the provider’s own client', async () => {
    expect(MAX_REPLY_BYTES).toBe(32 * MIB);
    const { fake, client, ended } = await setup({ maxReplyBytes: undefined });
    fake.fault({ route: 'models', kind: 'huge-reply', bytes: FLOOD });
    const end = ended();
    const err = await failureOf(client.models());
    expect(err).toMatchObject({ code: 'bad_response', retryable: true });
    expect(err.message).toContain('32 MiB');
    expect((await end).complete).toBe(false);
    fake.fault({ route: 'models', kind: 'huge-reply', bytes: 32 * MIB, declareLength: true });
    expect(await client.models()).toEqual(['padded-model']);
  });
});

describe('ApimartClient: reply size cap (stub fetch)', () => {
  /** A body of `chunks` × 64 KiB that counts how much was pulled and whether it was cancelled. */
  function countedBody(chunks: number) {
    const state = { pulled: 0, cancelled: false };
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= chunks) return controller.close();
        state.pulled += 1;
        controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    });
    return { stream, state };
  }

  function stubClient(res: () => Response) {
    const stub = stubFetch(res);
    const client = new ApimartClient({ fetch: stub.fetch, baseUrl: 'http://127.0.0.1:45678', apiKey: async () => KEY, clock: new FakeClock(), maxReplyBytes: CAP });
    return { client, seen: stub.seen };
  }

  it('stops pulling and cancels the body just past the cap, and aborts the request', async () => {
    const { stream, state } = countedBody(1024); // 64 MiB on offer
    const { client, seen } = stubClient(() => new Response(stream, { status: 200 }));
    expect(await failureOf(client.models())).toMatchObject({ code: 'bad_response', retryable: true });
    expect(state.cancelled).toBe(true);
    // 16 chunks fill the cap exactly; the 17th goes over. Allow the one chunk a stream reads ahead.
    expect(state.pulled).toBeLessThanOrEqual(CAP / (64 * 1024) + 2);
    expect(seen[0]?.signal?.aborted).toBe(true);
  });

  it('trusts a Content-Length over the cap without reading a byte', async () => {
    const { stream, state } = countedBody(1024);
    const { client } = stubClient(() => new Response(stream, { status: 200, headers: { 'content-length': String(64 * MIB) } }));
    expect(await failureOf(client.submit(SAMPLE_BODY, 'key-declared'))).toMatchObject({ code: 'bad_response', retryable: true });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('reads a small reply as before', async () => {
    const { client } = stubClient(() => jsonResponse(200, { object: 'list', data: [{ id: 'veo3.1-fast-official' }] }));
    expect(await client.models()).toEqual(['veo3.1-fast-official']);
  });
});
