import { afterEach, describe, expect, it } from 'vitest';
import { DUPLICATE_WINDOW_MS } from '../../../electron/services/recent-submits.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { tinyPng } from '../../support/queue-helpers.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';

/**
 * jobs:submit holds back the same job sent again within seconds (a double
 * Ctrl+Enter would otherwise pay twice): refused as duplicate_submit with how
 * long ago, queued only when the page says the person confirmed it.
 */

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('jobs:submit, the same job twice', () => {
  it('refuses the second within the window with seconds-ago, queues nothing, and the provider sees one task', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const first = await s.call('jobs:submit', { request: { prompt: 'a paper boat', duration: 4 } });
    s.clock.advance(2000);
    expect(await callError(s, 'jobs:submit', { request: { prompt: 'a paper boat', duration: 4 } })).toMatchObject({
      code: 'duplicate_submit',
      key: 'job.duplicate_submit',
      params: { seconds: 2 },
      retryable: false,
    });
    expect((await s.call('jobs:list')).map((j) => j.id)).toEqual([first.id]);
    await s.drive(isFinished(s, first.id));
    expect(s.fake.stats.tasksCreated).toBe(1);
  });

  it('queues it again when the page says the person confirmed', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    await s.call('jobs:submit', { request: { prompt: 'a paper boat' } });
    const again = await s.call('jobs:submit', { request: { prompt: 'a paper boat' }, confirmDuplicate: true });
    expect(again.state).toBe('queued');
    expect(await s.call('jobs:list')).toHaveLength(2);
    // The confirmed one starts the window over: a third press is asked about too.
    s.clock.advance(DUPLICATE_WINDOW_MS - 1);
    expect((await callError(s, 'jobs:submit', { request: { prompt: 'a paper boat' } })).code).toBe('duplicate_submit');
    expect((await callError(s, 'jobs:submit', { request: { prompt: 'a paper boat' }, confirmDuplicate: false })).code).toBe('duplicate_submit');
  });

  it('takes the same job after the window as a deliberate one', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    await s.call('jobs:submit', { request: { prompt: 'a paper boat' } });
    s.clock.advance(DUPLICATE_WINDOW_MS);
    expect((await s.call('jobs:submit', { request: { prompt: 'a paper boat' } })).state).toBe('queued');
  });

  it('knows a request written differently and a frame imported twice for the same job', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const png = tinyPng(5);
    const a = await s.call('frames:import', { name: 'start.png', dataBase64: b64(png) });
    const b = await s.call('frames:import', { name: 'same-picture-again.png', dataBase64: b64(png) });
    await s.call('jobs:submit', { request: { prompt: 'a paper boat', first_frame_image: { kind: 'frame', frameId: a.frameId } } });
    const written = { first_frame_image: { frameId: b.frameId, kind: 'frame' }, duration: 8, prompt: '  a paper boat ', sample_count: 1 };
    expect((await callError(s, 'jobs:submit', { request: written })).code).toBe('duplicate_submit');
    // Another seed is another video.
    expect((await s.call('jobs:submit', { request: { ...written, seed: 3 } })).state).toBe('queued');
  });

  it('does not count a submit that failed: nothing was queued', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const png = tinyPng(9);
    const frameId = (await s.call('frames:import', { name: 'f.png', dataBase64: b64(png) })).frameId;
    const missing = { prompt: 'a paper boat', first_frame_image: { kind: 'frame', frameId: 'e'.repeat(64) } };
    expect((await callError(s, 'jobs:submit', { request: missing })).code).toBe('not_found');
    expect((await callError(s, 'jobs:submit', { request: missing })).code).toBe('not_found');
    expect((await s.call('jobs:submit', { request: { ...missing, first_frame_image: { kind: 'frame', frameId } } })).state).toBe('queued');
  });

  it('lets the same request through on the other provider: a demo job costs nothing', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    await s.call('jobs:submit', { request: { prompt: 'a paper boat' } });
    await s.call('settings:update', { demoMode: true });
    expect((await s.call('jobs:submit', { request: { prompt: 'a paper boat' } })).provider).toBe('demo');
  });

  it('leaves the core queue alone: the CLI queues what each command asks for', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const options = { provider: 'apimart' as const, outputDir: s.outDir, nameTemplate: '{prompt}_{id}' };
    await s.engine.queue.submit({ prompt: 'a paper boat' }, options);
    await s.engine.queue.submit({ prompt: 'a paper boat' }, options);
    expect(s.engine.queue.list()).toHaveLength(2);
  });
});
