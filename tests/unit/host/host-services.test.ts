import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startFakeApimart } from '../../../electron/core/demo/fake-apimart.js';
import { KEY_FILE_NAME } from '../../../electron/host/file-secret-store.js';
import { startHost } from '../../../electron/host/server.js';
import type { JobView, LibraryPage, SettingsView } from '../../../shared/ipc/views.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { call, fakeRendererDir, onCleanup, openSocket, rawGet, tempDir } from './helpers.js';

/** Waits for a pushed jobs:updated event in which `id` reached `state`. */
function waitForJobState(ws: WebSocket, id: string, state: string, timeoutMs = 20_000): Promise<JobView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`job ${id} did not reach ${state}`)), timeoutMs);
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { event?: string; payload?: JobView[] };
      const job = msg.event === 'jobs:updated' ? msg.payload?.find((j) => j.id === id) : undefined;
      if (job?.state === state) {
        clearTimeout(timer);
        resolve(job);
      }
      if (job && ['failed', 'needs_attention', 'expired'].includes(job.state)) {
        clearTimeout(timer);
        reject(new Error(`job ended ${job.state}: ${job.error?.message}`));
      }
    });
  });
}

describe('browser host with the real services on plain-Node ports', () => {
  it('runs a text-to-video job end to end over the socket and serves the video with Range', async () => {
    const fake = await startFakeApimart({ apiKey: TEST_KEY, progress: { mode: 'polls', pollsToComplete: 1 } });
    onCleanup(() => fake.close());
    const dataDir = tempDir('kf-host-data-');
    const outDir = tempDir('kf-host-out-');
    writeFileSync(join(dataDir, KEY_FILE_NAME), `${TEST_KEY}\n`, { mode: 0o600 });
    const host = await startHost({
      dataDir,
      rendererDir: fakeRendererDir(),
      env: { LANG: 'ko_KR.UTF-8', KEYFRAME_OUTPUT_DIR: outDir },
      apiBaseUrl: fake.apiUrl,
      appVersion: '0.0.0-test',
    });
    onCleanup(() => host.close());
    const opened = await openSocket(host);
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
    const { ws } = opened;

    const settings = (await call(ws, 'settings:get', {})).reply.value as SettingsView;
    expect(settings).toMatchObject({ hasApiKey: true, keyStorage: 'plain-file', demoMode: false, language: 'ko', outputDir: outDir });

    const submitted = await call(ws, 'jobs:submit', { request: { prompt: 'a paper boat on a rainy street' } });
    expect(submitted.reply.ok).toBe(true);
    const job = submitted.reply.value as JobView;
    expect(job.provider).toBe('apimart');
    const done = await waitForJobState(ws, job.id, 'done');
    const videoId = done.outputs[0]?.videoId;
    expect(videoId).toBeDefined();

    const page = (await call(ws, 'library:query', {})).reply.value as LibraryPage;
    const video = page.items.find((v) => v.id === videoId);
    if (!video) throw new Error('video not in the library');
    expect(video.mediaUrl).toMatch(new RegExp(`^/media/video/${videoId}\\?t=`));
    const onDisk = readFileSync(join(outDir, video.fileName));
    const ranged = await rawGet(host.port, video.mediaUrl, { Range: 'bytes=0-99' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 0-99/${onDisk.length}`);
    expect(ranged.body.equals(onDisk.subarray(0, 100))).toBe(true);
    expect((await rawGet(host.port, video.mediaUrl.replace(/\?t=.*/, ''))).status).toBe(401);

    // The key is set through the same socket and lands in an owner-only file; it is never sent back.
    const setKey = await call(ws, 'settings:setApiKey', { key: 'sk-another-key-123456' });
    expect(JSON.stringify(setKey)).not.toContain('sk-another');
    if (process.platform !== 'win32') expect(statSync(join(dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, KEY_FILE_NAME), 'utf8').trim()).toBe('sk-another-key-123456');
  });

  it('starts in demo mode without a key, and --demo forces it without rewriting the saved setting', async () => {
    const dataDir = tempDir('kf-host-data-');
    const host = await startHost({ dataDir, rendererDir: fakeRendererDir(), env: { KEYFRAME_OUTPUT_DIR: tempDir() }, forceDemo: true });
    onCleanup(() => host.close());
    const opened = await openSocket(host);
    if (!opened.ok) throw new Error('refused');
    const settings = (await call(opened.ws, 'settings:get', {})).reply.value as SettingsView;
    expect(settings).toMatchObject({ hasApiKey: false, demoMode: true, keyStorage: 'plain-file' });
    await call(opened.ws, 'settings:update', { theme: 'dark' });
    const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { demoMode: boolean; theme: string };
    expect(saved.theme).toBe('dark');
    // Without a key the default is demo mode anyway; the flag did not write anything of its own.
    expect(saved.demoMode).toBe(true);
  });
});
