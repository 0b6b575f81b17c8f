import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiRequestsFor, expectSavedVideos, tinyPng } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

const FAST = 'veo3.1-fast-official';
const QUALITY = 'veo3.1-quality-official';
const modelListings = () => apiRequestsFor(h, '/v1/models').length;

describe('the model check before the first submit', () => {
  it('a model the key may not use fails the job before anything is sent: no upload, no submit, nothing charged', async () => {
    h = await createHarness({ fake: { models: [FAST] } });
    const frame = join(h.outDir, '..', 'first.png');
    await writeFile(frame, tinyPng(3));
    const job = await h.submit({ prompt: 'a quality shot', model: QUALITY, first_frame_image: { kind: 'file', path: frame } });
    await h.drive(finished(h, job.id));
    const failed = h.job(job.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'permission', key: 'model.not_available', params: { model: QUALITY }, retryable: false });
    expect(h.fake.stats.uploads).toHaveLength(0);
    expect(h.fake.stats.submits).toBe(0);
    expect(h.fake.stats.tasksCreated).toBe(0);
  });

  it('is asked once a day: three jobs with one model cost one model listing and one schema query', async () => {
    h = await createHarness();
    for (const prompt of ['one', 'two', 'three']) {
      const job = await h.submit({ prompt });
      await h.drive(finished(h, job.id));
      await expectSavedVideos(h, job.id);
    }
    expect(modelListings()).toBe(1);
    expect(apiRequestsFor(h, '/v1/model-schema')).toHaveLength(1);
    // And it is asked before the first submit, not after.
    const paths = h.fake.stats.apiRequests.map((r) => r.path.split('?')[0]);
    expect(paths.indexOf('/v1/model-schema')).toBeLessThan(paths.indexOf('/v1/videos/generations'));
  });

  it('a check that fails for a moment (503) is retried; the job then runs', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'model-schema', kind: 'status', status: 503, times: 2 });
    const job = await h.submit({ prompt: 'after a hiccup' });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(apiRequestsFor(h, '/v1/model-schema')).toHaveLength(3);
  });

  it('model_not_found on a submit fails that job in plain words and drops the cached check: the next job asks again, and is refused before its submit', async () => {
    h = await createHarness();
    const first = await h.submit({ prompt: 'while the model was there' });
    await h.drive(finished(h, first.id));
    await expectSavedVideos(h, first.id);
    expect(modelListings()).toBe(1);

    // The key loses the model while the check is still cached.
    h.fake.setModels([QUALITY]);
    const second = await h.submit({ prompt: 'right after it went' });
    await h.drive(finished(h, second.id));
    expect(h.job(second.id)).toMatchObject({ state: 'failed', error: { code: 'not_found', key: 'apimart.model_unavailable.said', retryable: false } });
    const submitsSoFar = h.fake.stats.submits;
    expect(submitsSoFar).toBe(2);

    const third = await h.submit({ prompt: 'the next job' });
    await h.drive(finished(h, third.id));
    expect(modelListings()).toBe(2);
    expect(h.job(third.id)).toMatchObject({ state: 'failed', error: { key: 'model.not_available' } });
    expect(h.fake.stats.submits).toBe(submitsSoFar);
  });

  it('the engine checks for the settings’ “Test key” the same way, and shares the cache with the queue', async () => {
    h = await createHarness({ fake: { models: [FAST] } });
    await h.engine.checkModel('apimart', FAST);
    await expect(h.engine.checkModel('apimart', QUALITY)).rejects.toMatchObject({ app: { key: 'model.not_available' } });
    const job = await h.submit({ prompt: 'already checked' });
    await h.drive(finished(h, job.id));
    expect(h.job(job.id).state).toBe('done');
    expect(apiRequestsFor(h, '/v1/model-schema')).toHaveLength(1);
  });
});
