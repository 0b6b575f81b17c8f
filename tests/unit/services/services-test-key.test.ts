import { afterEach, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';

/**
 * “Test key” proves more than a working key: that it may make videos at all.
 * It runs the model check every job runs before its first submit, so a key
 * allowed no Veo model is told so in Settings, not by a failed job.
 */

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const checkRequests = (s: ServiceHarness) => s.fake.stats.apiRequests.filter((r) => r.path.startsWith('/v1/model')).map((r) => r.path.split('?')[0]);

describe('settings:testApiKey', () => {
  it('a key that may use a Veo model: the balance, after one model listing and one schema query', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    expect(await h.call('settings:testApiKey')).toEqual({ remainUsd: 25, usedUsd: 0, unlimited: false, demo: false });
    expect(checkRequests(h)).toEqual(['/v1/models', '/v1/model-schema']);
    // Cached with the queue's checks: a job with that model asks nothing more.
    const s = h;
    const job = await s.call('jobs:submit', { request: { prompt: 'after the test', duration: 4 } });
    await s.drive(isFinished(s, job.id));
    expect(checkRequests(s)).toEqual(['/v1/models', '/v1/model-schema']);
  });

  it('a key allowed only the quality model passes too', async () => {
    h = await createServiceHarness({ key: TEST_KEY, fake: { models: ['veo3.1-quality-official'] } });
    expect(await h.call('settings:testApiKey')).toMatchObject({ demo: false });
  });

  it('a key that works but may use no Veo model is refused in plain words, pointing at the key', async () => {
    h = await createServiceHarness({ key: TEST_KEY, fake: { models: ['sora-2'] } });
    const err = await callError(h, 'settings:testApiKey');
    expect(err).toMatchObject({ code: 'permission', key: 'model.none_available', field: 'key' });
    expect(h.fake.stats.submits).toBe(0);
  });

  it('a check that cannot be made (the model list is down) is reported as itself, not as a refusal', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    h.fake.fault({ route: 'models', kind: 'status', status: 503, times: 2 });
    expect(await callError(h, 'settings:testApiKey')).toMatchObject({ code: 'unavailable' });
  });

  it('a wrong key is still the provider’s auth error, before any model check', async () => {
    h = await createServiceHarness({ key: 'sk-wrong-key-000000000' });
    expect(await callError(h, 'settings:testApiKey')).toMatchObject({ code: 'auth' });
    expect(checkRequests(h)).toEqual([]);
  });

  it('a job submitted without a seed shows the drawn seed in its view and in the library', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const job = await s.call('jobs:submit', { request: { prompt: 'seeded by Keyframe', duration: 4 } });
    expect(job.request.seed).toBe(2_147_483_648);
    await s.drive(isFinished(s, job.id));
    const page = await s.call('library:query', { text: 'seeded' });
    expect(page.items[0]).toMatchObject({ seed: 2_147_483_648, request: { seed: 2_147_483_648 } });
  });
});
