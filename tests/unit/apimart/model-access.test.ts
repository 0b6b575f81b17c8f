import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApimartClient } from '../../../electron/core/apimart/client.js';
import { MODEL_CHECK_TTL_MS, ModelAccess, type ModelCheckClient } from '../../../electron/core/apimart/model-access.js';
import { startFakeApimart, type FakeApimartOptions } from '../../../electron/core/demo/fake-apimart.js';
import { FakeClock } from '../../support/fake-clock.js';
import { failureOf } from './helpers.js';

const KEY = 'sk-model-check-1a2b3c4d';
const FAST = 'veo3.1-fast-official';
const QUALITY = 'veo3.1-quality-official';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

async function setup(opts: FakeApimartOptions = {}) {
  const clock = new FakeClock();
  const fake = await startFakeApimart({ apiKey: null, clock, ...opts });
  const dir = await mkdtemp(join(tmpdir(), 'keyframe-model-check-'));
  cleanup.push(() => fake.close(), () => rm(dir, { recursive: true, force: true }));
  const cachePath = join(dir, 'model-check-cache.json');
  const clientWith = (key: string, baseUrl = fake.apiUrl) => new ApimartClient({ fetch: (u, i) => fetch(u, i), baseUrl, apiKey: async () => key, clock });
  const client = clientWith(KEY);
  /** The model-check requests the fake saw. */
  const checks = () => fake.stats.apiRequests.filter((r) => r.path.startsWith('/v1/models') || r.path.startsWith('/v1/model-schema')).map((r) => r.path);
  return { clock, fake, cachePath, client, clientWith, checks, access: new ModelAccess({ cachePath, clock }) };
}

describe('ModelAccess: the check before a first submit', () => {
  it('asks /v1/models and /v1/model-schema (video_generation) once, then answers from its cache for a day', async () => {
    const { access, client, clock, checks } = await setup();
    await access.ensure(client, FAST);
    expect(checks()).toEqual(['/v1/models', `/v1/model-schema?model=${FAST}&operation=video_generation`]);
    for (let i = 0; i < 5; i++) await access.ensure(client, FAST);
    clock.advance(MODEL_CHECK_TTL_MS - 1);
    await access.ensure(client, FAST);
    expect(checks()).toHaveLength(2);
    clock.advance(1);
    await access.ensure(client, FAST);
    expect(checks()).toHaveLength(4);
  });

  it('keeps what it learnt in a small file: a restart (a new instance) asks nothing within the day', async () => {
    const { access, client, clock, cachePath, checks } = await setup();
    await access.ensure(client, FAST);
    const saved = JSON.parse(await readFile(cachePath, 'utf8')) as { version: number; checked: Record<string, number> };
    expect(saved.version).toBe(1);
    expect(Object.values(saved.checked)).toEqual([clock.now()]);
    // The key itself is never written, only a fingerprint of it.
    expect(await readFile(cachePath, 'utf8')).not.toContain(KEY);
    await new ModelAccess({ cachePath, clock }).ensure(client, FAST);
    expect(checks()).toHaveLength(2);
  });

  it('a check is per origin, key and model: another key or model is asked about again', async () => {
    const { access, client, clientWith, checks } = await setup();
    await access.ensure(client, FAST);
    await access.ensure(client, QUALITY);
    await access.ensure(clientWith('sk-another-key-99'), FAST);
    expect(checks()).toHaveLength(6);
  });

  it('jobs starting together share one check', async () => {
    const { access, client, checks } = await setup();
    await Promise.all(Array.from({ length: 8 }, () => access.ensure(client, FAST)));
    expect(checks()).toHaveLength(2);
  });

  it('a model the key may not use is refused in plain words (permission, model.not_available), and not remembered', async () => {
    const { access, client, fake, checks } = await setup({ models: [FAST] });
    const err = await failureOf(access.ensure(client, QUALITY));
    expect(err).toMatchObject({ code: 'permission', key: 'model.not_available', params: { model: QUALITY }, retryable: false, field: 'model' });
    expect(err.message).toContain('Nothing was sent or charged');
    // Once enabled, the next job passes at once.
    fake.setModels([FAST, QUALITY]);
    await access.ensure(client, QUALITY);
    expect(checks().filter((p) => p === '/v1/models')).toHaveLength(2);
  });

  it('a key allowed no model at all (an empty list) is refused the same way', async () => {
    const { access, client } = await setup({ models: [] });
    expect(await failureOf(access.ensure(client, FAST))).toMatchObject({ code: 'permission', key: 'model.not_available' });
  });

  it('a failed check (503) is not remembered: it is retryable and asked again', async () => {
    const { access, client, fake, checks } = await setup();
    fake.fault({ route: 'models', kind: 'status', status: 503 });
    expect(await failureOf(access.ensure(client, FAST))).toMatchObject({ code: 'unavailable', retryable: true });
    await access.ensure(client, FAST);
    expect(checks()).toHaveLength(3);
  });

  it('forget() drops what was learnt, so the next ensure asks again', async () => {
    const { access, client, checks, cachePath, clock } = await setup();
    await access.ensure(client, FAST);
    await access.forget(client, FAST);
    expect(JSON.parse(await readFile(cachePath, 'utf8'))).toEqual({ version: 1, checked: {} });
    await new ModelAccess({ cachePath, clock }).ensure(client, FAST);
    expect(checks()).toHaveLength(4);
  });

  it('a cache file that cannot be written is no failure: the check still passes', async () => {
    const { client, clock, checks, cachePath } = await setup();
    // A folder that is a file: neither the folder nor the cache in it can be made.
    await writeFile(cachePath, 'not a folder');
    const access = new ModelAccess({ cachePath: join(cachePath, 'model-check-cache.json'), clock });
    await access.ensure(client, FAST);
    await access.ensure(client, FAST);
    expect(checks()).toHaveLength(2);
  });
});

describe('ModelAccess: what the schema must say', () => {
  const stubClient = (schema: { operation: string; inputSchema: unknown }, models = [FAST]): ModelCheckClient => ({
    baseUrl: 'https://api.apimart.ai/',
    keyFingerprint: async () => 'f00dfeed00000000',
    models: async () => models,
    modelSchema: async (model) => ({ model, ...schema }),
  });

  it('a model offered for another operation is refused: model.wrong_operation', async () => {
    const access = new ModelAccess({ clock: new FakeClock() });
    const err = await failureOf(access.ensure(stubClient({ operation: 'image_generation', inputSchema: {} }), FAST));
    expect(err).toMatchObject({ code: 'permission', key: 'model.wrong_operation', retryable: false, detail: 'operation: image_generation' });
  });

  it.each([[null], [[{ type: 'object' }]], ['object'], [undefined]])('an input schema that is no object (%j) is refused, not retried', async (inputSchema) => {
    const access = new ModelAccess({ clock: new FakeClock() });
    const err = await failureOf(access.ensure(stubClient({ operation: 'video_generation', inputSchema }), FAST));
    expect(err).toMatchObject({ code: 'bad_response', key: 'model.schema_unreadable', retryable: false });
  });

  it('model ids are compared exactly', async () => {
    const access = new ModelAccess({ clock: new FakeClock() });
    const err = await failureOf(access.ensure(stubClient({ operation: 'video_generation', inputSchema: {} }, [FAST.toUpperCase(), `${FAST} `]), FAST));
    expect(err.key).toBe('model.not_available');
  });
});
