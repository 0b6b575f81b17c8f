import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../../support/engine-harness.js';
import { tinyPng } from '../../support/queue-helpers.js';
import { callError, createServiceHarness, isFinished, jobState, type ServiceHarness } from './service-harness.js';
import { keyframeView } from '../../support/library-kinds.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Replies other than settings (whose outputDir is the folder the person chose) must name no file by path. */
function expectNoPathsInReplies(s: ServiceHarness): void {
  const json = JSON.stringify(s.replies);
  expect(json).not.toContain(s.root);
  expect(json).not.toContain(tmpdir());
  expect(JSON.stringify(s.events)).not.toContain(s.root);
}

describe('jobs through the services', () => {
  it('runs a text-to-video job to done and finds it in the library with a media URL and no path', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const job = await s.call('jobs:submit', { request: { prompt: 'a paper boat on a rainy street', duration: 4 } });
    expect(job).toMatchObject({ state: 'queued', provider: 'apimart' });
    await s.drive(isFinished(s, job.id));
    expect(jobState(s, job.id)).toBe('done');

    const [listed] = await s.call('jobs:list');
    expect(listed?.outputs[0]).toMatchObject({ saved: true, videoId: `${job.id}-0` });
    const page = await s.call('library:query', { text: 'paper boat' });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: `${job.id}-0`, mediaUrl: `keyframe-media://video/${job.id}-0`, videoMissing: false });
    expect(page.items[0]?.fileName).toMatch(/^a-paper-boat-on-a-rainy_.*\.mp4$/);
    await s.call('library:get', { id: `${job.id}-0` });

    const media = await s.services.resolveMedia('video', `${job.id}-0`);
    expect(media).toMatchObject({ mime: 'video/mp4' });
    expect(media?.size).toBeGreaterThan(1000);
    expectNoPathsInReplies(s);

    // Pushed events carried the job and the library change, coalesced.
    await s.drive(() => s.events.some((e) => e.channel === 'library:changed'));
    expect(s.events.map((e) => e.channel)).toEqual(expect.arrayContaining(['jobs:updated', 'library:changed', 'queue:changed']));
    // Coalesced: per channel, pushes are ≥ 100 ms apart and a push names each job once.
    for (const channel of ['jobs:updated', 'queue:changed', 'library:changed']) {
      const at = s.events.filter((e) => e.channel === channel).map((e) => e.at);
      for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(100);
    }
    for (const e of s.events.filter((x) => x.channel === 'jobs:updated')) expect((e.payload as unknown[]).length).toBe(1);
    const lastPushed = s.events.filter((e) => e.channel === 'jobs:updated').at(-1)?.payload as { state: string }[];
    expect(lastPushed[0]?.state).toBe('done');
    expect(s.shell.notifications).toEqual([['Video ready', 'a paper boat on a rainy street']]);
    expect(s.shell.progress.at(-1)).toBeUndefined();
  });

  it('imports a frame and submits it by id: the fake receives the upload', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const png = tinyPng(7);
    const frame = await s.call('frames:import', { name: 'drop.png', dataBase64: png.toString('base64') });
    expect(frame).toMatchObject({ mime: 'image/png', bytes: png.length, width: 2, height: 2, mediaUrl: `keyframe-media://frame/${frame.frameId}` });
    // Importing the same bytes again gives the same id (content-addressed).
    expect((await s.call('frames:import', { name: 'again.png', dataBase64: png.toString('base64') })).frameId).toBe(frame.frameId);
    expect(await s.services.resolveMedia('frame', frame.frameId)).toMatchObject({ mime: 'image/png', size: png.length });

    const job = await s.call('jobs:submit', { request: { prompt: 'the boat sails', first_frame_image: { kind: 'frame', frameId: frame.frameId } } });
    expect(job.request.first_frame_image).toEqual({ kind: 'file', path: `${frame.frameId}.png` });
    await s.drive(isFinished(s, job.id));
    expect(jobState(s, job.id)).toBe('done');
    expect(s.fake.stats.uploads.map((u) => u.sha256)).toEqual([frame.frameId]);
    expectNoPathsInReplies(s);
  });

  it('refuses a frame id that was never imported, naming the field', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const err = await callError(h, 'jobs:submit', { request: { prompt: 'x', first_frame_image: { kind: 'frame', frameId: 'a'.repeat(64) } } });
    expect(err).toMatchObject({ code: 'not_found', field: 'request.first_frame_image' });
  });

  it('refuses a frame URL that is not a public https address at the IPC boundary, naming the field; nothing is sent', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    for (const url of ['http://cdn.example.com/a.png', 'https://127.0.0.1/a.png', 'https://0x7f.1/a.png', 'https://a:b@cdn.example.com/a.png']) {
      const err = await callError(h, 'jobs:submit', { request: { prompt: 'x', first_frame_image: { kind: 'url', url } } });
      expect(err).toMatchObject({ code: 'invalid_request', field: 'request.first_frame_image.url', message: expect.stringMatching(/^Frame URL must/) });
    }
    expect(h.fake.stats.apiRequests).toHaveLength(0);
  });

  it('refuses to queue a real job without a key, pointing to Settings and the demo provider', async () => {
    h = await createServiceHarness();
    const err = await callError(h, 'jobs:submit', { request: { prompt: 'no key' } });
    expect(err.code).toBe('missing_key');
    expect(err.message).toMatch(/Settings/);
    expect(err.message).toMatch(/demo/);
    expect(await h.call('jobs:list')).toEqual([]);
    expect((await callError(h, 'balance:get')).code).toBe('missing_key');
  });

  it('runs a demo-mode job on the in-process demo provider, with no key and no call to APIMart', async () => {
    h = await createServiceHarness({ settings: { demoMode: true } });
    const s = h;
    const job = await s.call('jobs:submit', { request: { prompt: 'demo clip', duration: 4 } });
    expect(job.provider).toBe('demo');
    await s.drive(isFinished(s, job.id));
    expect(jobState(s, job.id)).toBe('done');
    expect(s.fake.stats.apiRequests).toEqual([]);
    expect(keyframeView((await s.call('library:query', {})).items[0])?.provider).toBe('demo');
    expect(await s.call('balance:get')).toMatchObject({ demo: true, unlimited: false });
    // "Test key" tries the key itself, never the demo provider: with no key there is nothing to try.
    expect((await callError(s, 'settings:testApiKey')).code).toBe('missing_key');
  });

  it('stops, retries and resumes by id; unknown ids are not_found', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const job = await s.call('jobs:submit', { request: { prompt: 'stop me' } });
    expect((await s.call('jobs:stop', { id: job.id })).state).toBe('stopped');
    const again = await s.call('jobs:retry', { id: job.id });
    expect(again).toMatchObject({ retryOf: job.id, state: 'queued' });
    expect(await callError(s, 'jobs:resume', { id: job.id })).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/retry/) });
    expect((await callError(s, 'jobs:stop', { id: 'nope' })).code).toBe('not_found');
    expect(await s.call('jobs:pauseQueue')).toMatchObject({ paused: true });
    expect(await s.call('jobs:resumeQueue')).toMatchObject({ paused: false, concurrency: 3 });
    const counts = (await s.call('jobs:queueState')).counts;
    expect(counts.stopped).toBe(1);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
