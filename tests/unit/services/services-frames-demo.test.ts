import { readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { tinyPng } from '../../support/queue-helpers.js';
import { callError, createServiceHarness, isFinished, jobState, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('frames:import', () => {
  it('refuses empty, oversized and non-image data by content, not by name', async () => {
    h = await createServiceHarness();
    expect((await callError(h, 'frames:import', { name: 'empty.png', dataBase64: '' })).code).toBe('invalid_file');
    const pdf = Buffer.from('%PDF-1.7 renamed to look like an image');
    expect(await callError(h, 'frames:import', { name: 'photo.png', dataBase64: b64(pdf) })).toMatchObject({ code: 'unsupported_media', message: expect.stringContaining('photo.png') });
    const big = Buffer.alloc(20_971_521);
    tinyPng().copy(big);
    expect((await callError(h, 'frames:import', { name: 'big.png', dataBase64: b64(big) })).code).toBe('too_large');
    expect(await readdir(join(h.dataDir, 'frames')).catch(() => [])).toEqual([]);
  });

  it('stores each image once under its hash, with the extension of its real type, and no temp files', async () => {
    h = await createServiceHarness();
    const png = tinyPng(3);
    const a = await h.call('frames:import', { name: 'misnamed.jpg', dataBase64: b64(png) });
    await h.call('frames:import', { name: 'again.png', dataBase64: b64(png) });
    expect(a.mime).toBe('image/png');
    expect(await readdir(join(h.dataDir, 'frames'))).toEqual([`${a.frameId}.png`]);
  });
});

describe('demo provider wiring', () => {
  it('never starts the demo server when no demo job needs it', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const job = await s.call('jobs:submit', { request: { prompt: 'real job', duration: 4 } });
    await s.drive(isFinished(s, job.id));
    expect(s.logger.text()).not.toContain('demo provider started');
  });

  it('switches providers at runtime without rebuilding anything', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    await s.call('settings:update', { demoMode: true });
    const demo = await s.call('jobs:submit', { request: { prompt: 'demo after toggle', duration: 4 } });
    await s.call('settings:update', { demoMode: false });
    const real = await s.call('jobs:submit', { request: { prompt: 'real after toggle', duration: 4 } });
    expect([demo.provider, real.provider]).toEqual(['demo', 'apimart']);
    // The demo job keeps running on the demo provider after demo mode is turned off.
    await s.drive(() => isFinished(s, demo.id)() && isFinished(s, real.id)());
    expect([jobState(s, demo.id), jobState(s, real.id)]).toEqual(['done', 'done']);
    expect(s.fake.stats.tasksCreated).toBe(1);
    expect(s.logger.text()).toContain('demo provider started');
  });

  it('uses an already running provider when ports.demoBaseUrl is given', async () => {
    const external = await startFakeApimart({ apiKey: null });
    try {
      h = await createServiceHarness({ settings: { demoMode: true }, ports: { demoBaseUrl: external.apiUrl } });
      const s = h;
      const job = await s.call('jobs:submit', { request: { prompt: 'external demo', duration: 4 } });
      await s.drive(() => external.stats.submits > 0);
      expect(external.stats.submits).toBe(1);
      expect(s.logger.text()).not.toContain('demo provider started');
      await s.call('jobs:stop', { id: job.id });
    } finally {
      await h?.close();
      h = undefined;
      await external.close();
    }
  });
});

describe('start-up notices', () => {
  it('tells the first window about damaged journal entries moved aside, naming files only', async () => {
    h = await createServiceHarness({
      prepare: async ({ dataDir }) => {
        await mkdir(join(dataDir, 'jobs'), { recursive: true });
        await writeFile(join(dataDir, 'jobs', 'broken-job.json'), '{ not json');
      },
    });
    const s = h;
    s.clock.advance(100);
    const notices = s.events.filter((e) => e.channel === 'app:notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.payload).toMatchObject({ kind: 'warning', message: expect.stringMatching(/damaged/), detail: expect.stringContaining('broken-job.json') });
    // The page words it in its own language from the key.
    expect(notices[0]?.payload).toMatchObject({ key: 'notice.damaged_jobs.one', params: { count: 1 }, message: '1 saved job record was damaged and moved aside; the other jobs continue.' });
    expect(JSON.stringify(notices)).not.toContain(s.root);
  });
});
