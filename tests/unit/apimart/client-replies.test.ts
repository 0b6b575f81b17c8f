import { describe, expect, it } from 'vitest';
import { ApimartClient } from '../../../electron/core/apimart/client.js';
import { isModelUnavailable } from '../../../electron/core/apimart/errors.js';
import { FakeClock } from '../../support/fake-clock.js';
import { failureOf, jsonResponse, SAMPLE_BODY, stubFetch, type SeenRequest } from './helpers.js';

/** What the client reads from replies beyond the task id: request ids, replays, poll hints, results. */

const KEY = 'sk-replies-key-5e6f7a8b';

function clientAnswering(handler: (req: SeenRequest) => Response) {
  const stub = stubFetch(handler);
  const client = new ApimartClient({ fetch: stub.fetch, baseUrl: 'http://127.0.0.1:45678', apiKey: async () => KEY, clock: new FakeClock() });
  return { client, seen: stub.seen };
}

describe('submit replies', () => {
  it('keeps the header’s request id and the body’s request_id, each once', async () => {
    const both = clientAnswering(() =>
      jsonResponse(200, { code: 200, data: { id: 'task_1', status: 'submitted' }, request_id: 'req_body' }, { 'X-Oneapi-Request-Id': 'req_header' }),
    );
    expect(await both.client.submit(SAMPLE_BODY, 'k')).toMatchObject({ kind: 'task', requestIds: ['req_header', 'req_body'] });
    const same = clientAnswering(() => jsonResponse(200, { code: 200, data: [{ task_id: 'task_1' }], request_id: 'req_x' }, { 'X-Oneapi-Request-Id': 'req_x' }));
    expect(await same.client.submit(SAMPLE_BODY, 'k')).toMatchObject({ requestIds: ['req_x'] });
    const bodyOnly = clientAnswering(() => jsonResponse(200, { code: 200, data: [{ task_id: 'task_1' }], request_id: 'req_only_body' }));
    expect(await bodyOnly.client.submit(SAMPLE_BODY, 'k')).toMatchObject({ requestIds: ['req_only_body'] });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    [' true ', true],
    ['false', false],
  ])('Idempotency-Replayed: %j → replayed %s', async (value, replayed) => {
    const { client } = clientAnswering(() => jsonResponse(200, { code: 200, data: [{ task_id: 'task_1' }] }, { 'Idempotency-Replayed': value }));
    expect((await client.submit(SAMPLE_BODY, 'k')).replayed).toBe(replayed);
  });

  it('reads next_poll_after_seconds from data or from the envelope; a 0 or a negative is no hint', async () => {
    const inData = clientAnswering(() => jsonResponse(200, { code: 200, data: { id: 't', next_poll_after_seconds: 5 }, next_poll_after_seconds: 9 }));
    expect(await inData.client.submit(SAMPLE_BODY, 'k')).toMatchObject({ nextPollAfterS: 5 });
    const inEnvelope = clientAnswering(() => jsonResponse(200, { code: 200, data: [{ task_id: 't' }], next_poll_after_seconds: '3' }));
    expect(await inEnvelope.client.submit(SAMPLE_BODY, 'k')).toMatchObject({ nextPollAfterS: 3 });
    for (const hint of [0, -2, 'soon', null]) {
      const odd = clientAnswering(() => jsonResponse(200, { code: 200, data: { id: 't', next_poll_after_seconds: hint } }));
      const res = await odd.client.submit(SAMPLE_BODY, 'k');
      expect(res.kind === 'task' ? res.nextPollAfterS : 'not a task').toBeUndefined();
    }
  });

  it('a synchronous result (generation.result) is a result with its videos, cost and times, not a bad reply', async () => {
    const { client, seen } = clientAnswering(() =>
      jsonResponse(200, {
        code: 200,
        data: {
          object: 'generation.result',
          status: 'completed',
          result: { thumbnail_url: 'https://cdn.example/t.jpg', videos: [{ url: ['https://cdn.example/a.mp4'], expires_at: 1_800_000_000 }] },
          cost: 0.512,
          credits_cost: 5.12,
          actual_time: 31,
          completed: 1_799_740_800,
        },
        request_id: 'req_result',
      }),
    );
    const res = await client.submit(SAMPLE_BODY, 'k');
    if (res.kind !== 'result') throw new Error('expected a result');
    expect(res.requestIds).toEqual(['req_result']);
    expect(res.result).toMatchObject({
      phase: 'completed',
      videos: [{ urls: ['https://cdn.example/a.mp4'], expiresAt: 1_800_000_000_000 }],
      thumbnailUrl: 'https://cdn.example/t.jpg',
      costUsd: 0.512,
      credits: 5.12,
      actualTimeS: 31,
      completedAt: 1_799_740_800_000,
    });
    expect(seen).toHaveLength(1);
  });

  it('reads a result whose videos sit beside its other fields, and a result without a status as completed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { data: { object: 'generation.result', videos: [{ url: 'https://cdn.example/b.mp4' }] } }));
    const res = await client.submit(SAMPLE_BODY, 'k');
    expect(res).toMatchObject({ kind: 'result', result: { phase: 'completed', videos: [{ urls: ['https://cdn.example/b.mp4'] }] } });
  });

  it('a finished result with no usable link is refused once, not retried: re-sending would only replay it', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { code: 200, data: { object: 'generation.result', status: 'completed', result: { videos: [] } } }));
    const err = await failureOf(client.submit(SAMPLE_BODY, 'k'));
    expect(err).toMatchObject({ code: 'bad_response', key: 'apimart.result_without_media', retryable: false });
  });

  it('a failed synchronous result is handed back as a failed result (the job words it like a failed task)', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { data: { object: 'generation.result', status: 'failed', error: { message: 'blocked by policy' } } }));
    expect(await client.submit(SAMPLE_BODY, 'k')).toMatchObject({ kind: 'result', result: { phase: 'failed', error: { message: 'blocked by policy' } } });
  });
});

describe('task replies', () => {
  it('reads next_poll_after_seconds from data, else from the envelope', async () => {
    const inData = clientAnswering(() => jsonResponse(200, { data: { id: 't', status: 'processing', next_poll_after_seconds: 6 }, next_poll_after_seconds: 2 }));
    expect(await inData.client.getTask('t')).toMatchObject({ phase: 'running', nextPollAfterS: 6 });
    const inEnvelope = clientAnswering(() => jsonResponse(200, { data: { id: 't', status: 'processing' }, next_poll_after_seconds: 4 }));
    expect(await inEnvelope.client.getTask('t')).toMatchObject({ nextPollAfterS: 4 });
    const none = clientAnswering(() => jsonResponse(200, { data: { id: 't', status: 'processing' } }));
    expect((await none.client.getTask('t')).nextPollAfterS).toBeUndefined();
  });

  it('takes the request id from the header, else from the body', async () => {
    const header = clientAnswering(() => jsonResponse(200, { data: { id: 't' }, request_id: 'req_b' }, { 'X-Oneapi-Request-Id': 'req_h' }));
    expect((await header.client.getTask('t')).requestId).toBe('req_h');
    const body = clientAnswering(() => jsonResponse(200, { data: { id: 't' }, request_id: 'req_b' }));
    expect((await body.client.getTask('t')).requestId).toBe('req_b');
  });
});

describe('model-schema and the key fingerprint', () => {
  it('asks GET /v1/model-schema with the model and the operation, and hands back the input schema as it is', async () => {
    const { client, seen } = clientAnswering(() => jsonResponse(200, { model: 'm/1', operation: 'video_generation', input_schema: [1, 2] }));
    expect(await client.modelSchema('m/1', 'video_generation')).toEqual({ model: 'm/1', operation: 'video_generation', inputSchema: [1, 2] });
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/model-schema');
    expect(Object.fromEntries(url.searchParams)).toEqual({ model: 'm/1', operation: 'video_generation' });
  });

  it('a schema reply without model or operation is a retryable bad_response', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, '<html>login</html>'));
    expect(await failureOf(client.modelSchema('m', 'video_generation'))).toMatchObject({ code: 'bad_response', key: 'apimart.unreadable.model_schema', retryable: true });
  });

  it('model_not_found from any endpoint is recognised as the model being unavailable', async () => {
    const { client } = clientAnswering(() => jsonResponse(404, { error: { code: 'model_not_found', type: 'invalid_request_error', message: 'model not found: x' } }));
    const err = await failureOf(client.modelSchema('x', 'video_generation'));
    expect(isModelUnavailable(err)).toBe(true);
    expect(err.message).toContain('model not found: x');
  });

  it('fingerprints the key: stable for one key, different for another, never containing it', async () => {
    const a = clientAnswering(() => jsonResponse(200, {})).client;
    const again = await a.keyFingerprint();
    expect(await a.keyFingerprint()).toBe(again);
    expect(again).toMatch(/^[0-9a-f]{16}$/);
    expect(again).not.toContain(KEY.slice(3, 11));
    const other = new ApimartClient({ fetch: stubFetch(() => jsonResponse(200, {})).fetch, baseUrl: 'http://127.0.0.1:1', apiKey: async () => 'sk-other', clock: new FakeClock() });
    expect(await other.keyFingerprint()).not.toBe(again);
    const none = new ApimartClient({ fetch: stubFetch(() => jsonResponse(200, {})).fetch, baseUrl: 'http://127.0.0.1:1', apiKey: async () => undefined, clock: new FakeClock() });
    expect(await failureOf(none.keyFingerprint())).toMatchObject({ code: 'missing_key' });
  });
});
