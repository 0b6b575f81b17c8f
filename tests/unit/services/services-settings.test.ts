import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../../electron/services/app-services.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';
import { keyframeViews } from '../../support/library-kinds.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function runJob(s: ServiceHarness, prompt: string): Promise<string> {
  const job = await s.call('jobs:submit', { request: { prompt, duration: 4 } });
  await s.drive(isFinished(s, job.id));
  return job.id;
}

describe('settings', () => {
  it('reads settings as a view with key status and storage, never the key', async () => {
    h = await createServiceHarness();
    expect(await h.call('settings:get')).toEqual({
      outputDir: h.outDir,
      nameTemplate: '{prompt}_{id}',
      concurrency: 3,
      language: 'en',
      theme: 'system',
      demoMode: false,
      // No caps: the view says so with null rather than leaving the fields out.
      dailyCapUsd: null,
      monthlyCapUsd: null,
      hasApiKey: false,
      keyStorage: 'none',
    });
  });

  it('names the field of each refused change and stores nothing of a refused patch', async () => {
    h = await createServiceHarness();
    expect(await callError(h, 'settings:update', { nameTemplate: '{nope}', concurrency: 5 })).toMatchObject({ code: 'invalid_request', field: 'nameTemplate' });
    expect(h.settings.get().concurrency).toBe(3);
    expect(await callError(h, 'settings:update', { outputDir: 'relative/folder' })).toMatchObject({ code: 'invalid_request', field: 'outputDir' });
    const aFile = join(h.root, 'a-file');
    await writeFile(aFile, 'x');
    expect(await callError(h, 'settings:update', { outputDir: join(aFile, 'sub') })).toMatchObject({ code: 'io', field: 'outputDir' });
    expect(await callError(h, 'settings:update', { concurrency: 0 })).toMatchObject({ code: 'invalid_request', field: 'concurrency' });
    expect(h.settings.get().outputDir).toBe(h.outDir);
  });

  it('applies concurrency to the running queue at once', async () => {
    h = await createServiceHarness();
    expect(await h.call('settings:update', { concurrency: 5, theme: 'dark' })).toMatchObject({ concurrency: 5, theme: 'dark' });
    expect((await h.call('jobs:queueState')).concurrency).toBe(5);
  });

  it('keeps older output folders in the library, across a restart too', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    await runJob(s, 'first folder clip');
    const second = join(s.root, 'second');
    s.shell.nextFolder = second;
    expect((await s.call('settings:chooseOutputDir')).outputDir).toBe(second);
    await runJob(s, 'second folder clip');
    expect((await s.call('library:query', {})).total).toBe(2);
    const remembered = JSON.parse(await readFile(join(s.dataDir, 'library-folders.json'), 'utf8')) as { dirs: string[] };
    expect(remembered.dirs).toEqual([s.outDir, second]);

    await s.services.close();
    const reopened = await openAppServices(s.ports);
    s.services = reopened.services;
    s.engine = reopened.engine;
    const page = await s.services.handlers.library.query({});
    expect(keyframeViews(page.items).map((v) => v.request.prompt).sort()).toEqual(['first folder clip', 'second folder clip']);
  });

  it('leaves the folder alone when the folder dialog is cancelled', async () => {
    h = await createServiceHarness();
    h.shell.nextFolder = undefined;
    expect((await h.call('settings:chooseOutputDir')).outputDir).toBe(h.outDir);
  });

  it('stores a key without ever echoing it: not in replies, events or logs', async () => {
    h = await createServiceHarness();
    const s = h;
    expect(await s.call('settings:setApiKey', { key: `  ${TEST_KEY}  ` })).toMatchObject({ hasApiKey: true, keyStorage: 'os-encrypted' });
    expect(s.secrets.key).toBe(TEST_KEY);
    expect(await s.call('settings:hasApiKey')).toEqual({ hasApiKey: true });
    expect(await s.call('settings:testApiKey')).toEqual({ remainUsd: 25, usedUsd: 0, unlimited: false, demo: false });
    await runJob(s, 'a clip paid with the key');
    // A wrong key fails the test call with the provider's auth error, still without the key.
    await s.call('settings:setApiKey', { key: 'sk-wrong-key-000000000' });
    expect((await callError(s, 'settings:testApiKey')).code).toBe('auth');
    await s.call('settings:setApiKey', { key: TEST_KEY });
    await s.drive(() => s.events.some((e) => e.channel === 'library:changed'));

    for (const text of [JSON.stringify(s.replies), JSON.stringify(s.events), s.logger.text()]) {
      expect(text).not.toContain(TEST_KEY);
      expect(text).not.toContain('sk-wrong-key-000000000');
    }
    expect(s.logger.lines.length).toBeGreaterThan(0);
    expect(await s.call('settings:clearApiKey')).toMatchObject({ hasApiKey: false });
    expect(await s.call('settings:hasApiKey')).toEqual({ hasApiKey: false });
  });

  it('answers app facts and cost estimates from the price table', async () => {
    h = await createServiceHarness();
    expect(await h.call('app:version')).toEqual({ version: '0.0.0-test', platform: 'linux' });
    expect(await h.call('app:locale')).toEqual({ locale: 'en-US' });
    expect(await h.call('cost:estimate', { request: { prompt: 'x', duration: 8, sample_count: 2, generate_audio: true } })).toEqual({
      usd: 1.28,
      perSecondUsd: 0.08,
      seconds: 8,
      samples: 2,
      asOf: '2026-09-14',
      source: 'bundled',
      isEstimate: true,
    });
    // 4K is priced since the 2026-09-14 list.
    expect(await h.call('cost:estimate', { request: { prompt: 'x', resolution: '4K' } })).toMatchObject({ usd: 1.6, perSecondUsd: 0.2 });
    const prices = await h.call('cost:prices');
    expect(prices).toMatchObject({ asOf: '2026-09-14', source: 'bundled' });
    expect(prices.cells).toHaveLength(12);
  });
});
