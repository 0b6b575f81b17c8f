import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness;
let videoId: string;

beforeEach(async () => {
  h = await createServiceHarness({ key: TEST_KEY });
  const job = await h.call('jobs:submit', { request: { prompt: 'a harbour crane at night', duration: 4 } });
  await h.drive(isFinished(h, job.id));
  videoId = `${job.id}-0`;
});
afterEach(async () => {
  await h.close();
});

// A real JPEG (the fake provider's thumbnail fixture) stands in for a still grabbed by the page.
const jpeg = () => readFile(new URL('../../../electron/core/demo/fixtures/demo-16x9-testsrc2.jpg', import.meta.url));

describe('posters and drag-out', () => {
  it('has no poster until the page saves one, then serves it by id', async () => {
    expect((await h.call('library:get', { id: videoId })).posterUrl).toBeUndefined();
    const bytes = await jpeg();
    const view = await h.call('library:savePoster', { id: videoId, dataBase64: bytes.toString('base64') });
    expect(view.posterUrl).toBe(`keyframe-media://poster/${videoId}`);
    const file = await h.services.resolveMedia('poster', videoId);
    expect(file?.mime).toBe('image/jpeg');
    expect(file?.size).toBe(bytes.length);
    expect((await h.call('library:query', {})).items[0]?.posterUrl).toBe(view.posterUrl);
  });

  it('lists the videos still needing a poster with the counts, and pushes the counts as posters are saved', async () => {
    const backlog = await h.call('library:posterBacklog', { limit: 10 });
    expect(backlog).toMatchObject({ total: 1, missing: 1 });
    expect(backlog.items.map((v) => v.id)).toEqual([videoId]);
    // A video the page failed on is passed over, not served again and again.
    expect((await h.call('library:posterBacklog', { limit: 10, skip: [videoId] })).items).toEqual([]);

    await h.call('library:savePoster', { id: videoId, dataBase64: (await jpeg()).toString('base64') });
    const pushed = () => h.events.filter((e) => e.channel === 'library:posters').at(-1)?.payload;
    await h.drive(() => (pushed() as { missing?: number } | undefined)?.missing === 0);
    expect(pushed()).toEqual({ total: 1, missing: 0 });
    expect(await h.call('library:posterBacklog', { limit: 10 })).toEqual({ total: 1, missing: 0, items: [] });
  });

  it('refuses a poster that is not an image, or for an unknown video', async () => {
    expect((await callError(h, 'library:savePoster', { id: videoId, dataBase64: Buffer.from('%PDF-1.7 nope').toString('base64') })).code).toBe(
      'unsupported_media',
    );
    expect((await callError(h, 'library:savePoster', { id: 'nope-0', dataBase64: (await jpeg()).toString('base64') })).code).toBe('not_found');
    expect(await h.services.resolveMedia('poster', 'nope-0')).toBeUndefined();
  });

  it('drag-out is refused with a clear message where the shell cannot drag', async () => {
    const err = await callError(h, 'library:startDrag', { id: videoId });
    expect(err.code).toBe('permission');
    expect(err.message).toContain('desktop app');
  });

  it('sends nothing while the system is suspended, and looks at jobs again on wake', async () => {
    const job = await h.call('jobs:submit', { request: { prompt: 'a slow tide', duration: 4 } });
    h.services.setSuspended(true);
    const before = h.fake.stats.apiRequests.length;
    for (let i = 0; i < 20 && h.clock.runNext(); i++) await h.engine.queue.settled();
    expect(h.fake.stats.apiRequests.length).toBe(before);
    h.services.setSuspended(false);
    await h.drive(isFinished(h, job.id));
    expect(h.engine.queue.get(job.id)?.state).toBe('done');
  });
});
