import { afterEach, describe, expect, it } from 'vitest';
import type { FakeApimartOptions } from '../../../electron/core/demo/fake-apimart.js';
import { createHarness, finished, type Harness, type HarnessOptions } from '../../support/engine-harness.js';
import { apiCalls, expectSavedVideos } from '../../support/queue-helpers.js';

let h: Harness;
afterEach(async () => h?.close());

async function runOne(prompt: string, opts: HarnessOptions = {}, setup?: () => void): Promise<string> {
  h = await createHarness(opts);
  setup?.();
  const job = await h.submit({ prompt });
  await h.drive(finished(h, job.id));
  return job.id;
}

describe('provider verdicts on a task', () => {
  it('a content-policy refusal fails the job with content_policy and the provider words as detail', async () => {
    const id = await runOne('something the provider refuses', {}, () =>
      h.fake.fault({ route: 'task', kind: 'fail', message: 'The prompt was blocked by the content safety policy' }),
    );
    const job = h.job(id);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'content_policy', retryable: false });
    expect(job.error?.message).toMatch(/content policy/i);
    expect(job.error?.detail).toContain('blocked by the content safety policy');
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.clock.pending()).toBe(0);
    expect(h.fake.stats.fileRequests).toHaveLength(0);
  });

  it('the [demo:fail] marker ends in a content-policy failure too', async () => {
    const id = await runOne('[demo:fail] a refused prompt');
    expect(h.job(id).state).toBe('failed');
    expect(h.job(id).error?.code).toBe('content_policy');
  });

  it('in Korean, the provider words the [demo:fail] refusal in Korean, and it is still a content-policy refusal', async () => {
    const id = await runOne('[demo:fail] 거절되는 프롬프트', { language: () => 'ko' });
    const error = h.job(id).error;
    expect(error).toMatchObject({ code: 'content_policy', key: 'task.content_policy' });
    expect(error?.detail).toContain('콘텐츠 안전 정책');
    expect(h.requests.filter((r) => r.url.includes('/v1/tasks/')).every((r) => r.url.endsWith('?language=ko'))).toBe(true);
  });

  it('a generation failure carries the provider words as a param, in the language it was asked in', async () => {
    const id = await runOne('an unlucky render in Korean', { language: () => 'ko' }, () =>
      h.fake.fault({ route: 'task', kind: 'fail', message: 'upstream render crashed', localized: { ko: '렌더링 서버가 중단되었습니다' }, code: 500 }),
    );
    expect(h.job(id).error).toMatchObject({
      code: 'generation_failed',
      key: 'task.failed',
      params: { provider: '렌더링 서버가 중단되었습니다' },
      message: 'The generation failed: 렌더링 서버가 중단되었습니다 Failed generations are not charged.',
    });
  });

  it('any other failure is generation_failed with the provider message', async () => {
    const id = await runOne('an unlucky render', {}, () =>
      h.fake.fault({ route: 'task', kind: 'fail', message: 'upstream render crashed', code: 500 }),
    );
    expect(h.job(id).error?.code).toBe('generation_failed');
    expect(h.job(id).error?.message).toContain('upstream render crashed');
  });

  it('unknown statuses mean "still running": the job keeps polling and finishes', async () => {
    const id = await runOne('a task that is warming up', {}, () =>
      h.fake.fault({ route: 'task', kind: 'unknown-status', status: 'warming_up', times: 5 }),
    );
    await expectSavedVideos(h, id);
    expect(h.fake.stats.taskPolls).toBe(5 + 3);
    expect(h.fake.stats.tasksCreated).toBe(1);
  });
});

describe('submit refusals that are final', () => {
  it('401 fails the job with auth, without retrying', async () => {
    const id = await runOne('a bad key', {}, () => h.fake.fault({ route: 'submit', kind: 'status', status: 401 }));
    expect(h.job(id).state).toBe('failed');
    expect(h.job(id).error).toMatchObject({ code: 'auth', httpStatus: 401 });
    expect(h.job(id).error?.message).toMatch(/key/i);
    expect(h.fake.stats.submits).toBe(1);
    expect(h.fake.stats.tasksCreated).toBe(0);
  });

  it('402 fails the job with payment_required, without retrying', async () => {
    const id = await runOne('an empty wallet', {}, () => h.fake.fault({ route: 'submit', kind: 'status', status: 402 }));
    expect(h.job(id).state).toBe('failed');
    expect(h.job(id).error).toMatchObject({ code: 'payment_required', httpStatus: 402 });
    expect(h.job(id).error?.message).toMatch(/balance/i);
    expect(h.fake.stats.submits).toBe(1);
  });

  it('a wrong key rejected by the real auth check (not a scripted fault) fails with auth', async () => {
    const id = await runOne('the gateway does not know this key', { fake: { apiKey: 'sk-some-other-key' } });
    expect(h.job(id).error?.code).toBe('auth');
    expect(h.fake.stats.tasksCreated).toBe(0);
  });
});

describe('reply shapes', () => {
  it.each<[string, FakeApimartOptions]>([
    ['submitShape object', { submitShape: 'object' }],
    ['submitShape accepted202', { submitShape: 'accepted202' }],
    ['urlShape string', { urlShape: 'string' }],
  ])('%s finishes with one valid file', async (_name, fake) => {
    const id = await runOne('shapes shift', { fake });
    await expectSavedVideos(h, id);
    expect(h.fake.stats.tasksCreated).toBe(1);
    const first = apiCalls(h, '/v1/videos/generations')[0];
    expect(first?.status).toBe(fake.submitShape === 'accepted202' ? 202 : 200);
  });

  it('the object shape carries an estimate the job keeps', async () => {
    const id = await runOne('an estimate', { fake: { submitShape: 'object', estimatedTimeS: 123 } });
    expect(h.job(id).estimatedTimeS).toBe(123);
  });
});
