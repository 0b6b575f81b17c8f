import { afterEach, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../../support/engine-harness.js';
import { JobViewSchema } from '../../../shared/ipc/views.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';

/**
 * Errors through the services as a window receives them: each carries its
 * catalog key and params (the page chooses the words), and task queries ask
 * APIMart in the language the settings have at that moment.
 */

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const taskQueries = (s: ServiceHarness) => s.fake.stats.apiRequests.filter((r) => r.path.startsWith('/v1/tasks/')).map((r) => r.path);

describe('errors crossing to the page', () => {
  it('a job refused with 401 shows its key in the job view', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    s.fake.fault({ route: 'submit', kind: 'status', status: 401, times: 5 });
    const job = await s.call('jobs:submit', { request: { prompt: 'a fox in the snow' } });
    await s.drive(isFinished(s, job.id));
    const [view] = await s.call('jobs:list');
    expect(view?.error).toMatchObject({ code: 'auth', key: 'apimart.auth', message: 'APIMart did not accept the API key. Check the key in Settings.' });
    expect(JobViewSchema.safeParse(view).success).toBe(true);
  });

  it('a settings field refused by main: its key and its field', async () => {
    h = await createServiceHarness();
    const error = await callError(h, 'settings:update', { outputDir: 'relative/videos' });
    expect(error).toMatchObject({ code: 'invalid_request', key: 'settings.output_relative', field: 'outputDir', message: 'Choose the output folder by its full path.' });
  });

  it('an input refused by the contract schema: its key, params and field', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const error = await callError(h, 'jobs:submit', { request: { prompt: 'a boat', sample_count: 9 } });
    expect(error).toMatchObject({ code: 'invalid_request', key: 'request.sample_count.range', field: 'request.sample_count' });
  });
});

describe('the language of APIMart’s own words', () => {
  it('a language chosen in the settings applies from the next task query, without a restart', async () => {
    h = await createServiceHarness({ key: TEST_KEY, settings: { language: 'en' }, fake: { progress: { mode: 'polls', pollsToComplete: 6 } } });
    const s = h;
    const job = await s.call('jobs:submit', { request: { prompt: '[demo:fail] a refused prompt' } });
    await s.drive(() => taskQueries(s).length >= 2);
    expect(taskQueries(s).every((p) => p.endsWith('?language=en'))).toBe(true);

    await s.call('settings:update', { language: 'ko' });
    const before = taskQueries(s).length;
    await s.drive(isFinished(s, job.id));
    expect(taskQueries(s).slice(before).length).toBeGreaterThan(0);
    expect(taskQueries(s).slice(before).every((p) => p.endsWith('?language=ko'))).toBe(true);
    // The refusal came in Korean (as the real API localises it) and is still read as a content-policy refusal.
    const [view] = await s.call('jobs:list');
    expect(view?.error).toMatchObject({ code: 'content_policy', key: 'task.content_policy' });
    expect(view?.error?.detail).toContain('콘텐츠 안전 정책');
  });
});
