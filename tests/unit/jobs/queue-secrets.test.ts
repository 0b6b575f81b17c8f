import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoFixtures } from '../../../electron/core/demo/fixtures.js';
import { TEST_KEY, createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { filesWithKeyTrace, keyTraceIn } from '../../support/key-trace.js';
import { allFiles, expectSavedVideos, filesContainingKey } from '../../support/queue-helpers.js';

let h: Harness;
let framesDir: string | undefined;
afterEach(async () => {
  await h?.close();
  if (framesDir) await rm(framesDir, { recursive: true, force: true });
  framesDir = undefined;
});

/** Every place the key must never reach, checked after a job went through trouble. */
async function expectKeyOnlyInApiAuthHeaders(): Promise<void> {
  // Logs, redacted or not, never carry it.
  expect(h.logs.length).toBeGreaterThan(0);
  expect(JSON.stringify(h.logs)).not.toContain(TEST_KEY);
  // The file host (a foreign CDN origin) never gets an Authorization header, nor the key anywhere.
  expect(h.fake.stats.fileRequests.length).toBeGreaterThan(0);
  for (const r of h.fake.stats.fileRequests) {
    expect(r.headers.authorization).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain(TEST_KEY);
  }
  const fileOrigin = new URL(h.fake.fileUrl).origin;
  const toFileHost = h.requests.filter((r) => new URL(r.url).origin === fileOrigin);
  expect(toFileHost.length).toBeGreaterThan(0);
  for (const r of toFileHost) {
    expect(Object.keys(r.headers).map((k) => k.toLowerCase())).not.toContain('authorization');
    expect(JSON.stringify(r)).not.toContain(TEST_KEY);
  }
  // No file the engine wrote: journal, queue state, upload cache, library index, videos, sidecars.
  expect((await allFiles(h.dataDir)).length).toBeGreaterThan(0);
  expect(await filesContainingKey(h.dataDir, h.outDir)).toEqual([]);
  // And every API request did authenticate.
  expect(h.fake.stats.apiRequests.length).toBeGreaterThan(0);
  for (const r of h.fake.stats.apiRequests) expect(r.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  const apiOrigin = new URL(h.fake.apiUrl).origin;
  for (const r of h.requests.filter((q) => new URL(q.url).origin === apiOrigin)) expect(r.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
}

describe('the API key stays secret through faults', () => {
  it('429, 500, dropped submit, truncated download and expired link: key only ever in API auth headers', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'submit', kind: 'status', status: 429, headers: { 'Retry-After': '3' } });
    h.fake.fault({ route: 'submit', kind: 'status', status: 500, body: null });
    h.fake.fault({ route: 'submit', kind: 'drop-after-accept' });
    h.fake.fault({ route: 'task', kind: 'status', status: 500 });
    h.fake.fault({ route: 'file', kind: 'truncate', afterBytes: 5000 });
    const job = await h.submit({ prompt: 'a job that meets every kind of trouble' });
    let expired = false;
    h.engine.queue.onJob((j) => {
      if (j.id === job.id && j.state === 'downloading' && j.attempts > 0 && !expired) {
        expired = true;
        h.fake.expireLinks();
      }
    });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(expired).toBe(true);
    expect(h.job(job.id).linkRefreshed).toBe(true);
    expect(h.fake.stats.tasksCreated).toBe(1);
    expect(h.logs.some((l) => l.level === 'warn')).toBe(true);
    await expectKeyOnlyInApiAuthHeaders();
  });

  it('a provider error that echoes the key back is scrubbed before it is journaled or logged', async () => {
    h = await createHarness();
    const echo = { error: { message: `upstream rejected header "Authorization: Bearer ${TEST_KEY}" (key ${TEST_KEY})`, type: 'server_error' } };
    h.fake.fault({ route: 'submit', kind: 'status', status: 500, body: echo, times: 2 });
    h.fake.fault({ route: 'task', kind: 'status', status: 502, body: `bad gateway for ${TEST_KEY}` });
    const job = await h.submit({ prompt: 'a gateway with a loose tongue' });
    let sawEcho = false;
    h.engine.queue.onJob((j) => (sawEcho ||= j.id === job.id && (j.error?.message ?? '').includes('upstream rejected header')));
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(sawEcho).toBe(true);
    await expectKeyOnlyInApiAuthHeaders();
  });

  it('frame uploads authenticate, but the uploaded image URL is never fetched with the key', async () => {
    h = await createHarness();
    framesDir = await mkdtemp(join(tmpdir(), 'kf-secret-frames-'));
    const jpg = join(framesDir, 'first.jpg');
    await copyFile(demoFixtures()[0]?.thumbnail ?? '', jpg);
    h.fake.fault({ route: 'upload', kind: 'status', status: 503 });
    const job = await h.submit({ prompt: 'a frame to animate', first_frame_image: { kind: 'file', path: jpg } });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.uploads).toHaveLength(1);
    await expectKeyOnlyInApiAuthHeaders();
  });

  describe('a gateway that echoes the key into its replies', () => {
    /** Every snapshot of every job the queue published, as JSON. */
    function recordSnapshots(): string[] {
      const seen: string[] = [];
      h.engine.queue.onJob((j) => seen.push(JSON.stringify(j)));
      return seen;
    }

    async function expectNoTrace(snapshots: string[]): Promise<void> {
      expect(snapshots.length).toBeGreaterThan(0);
      expect(keyTraceIn(snapshots.join('\n'), TEST_KEY)).toBeUndefined();
      expect(keyTraceIn(JSON.stringify(h.engine.queue.list()), TEST_KEY)).toBeUndefined();
      expect(keyTraceIn(JSON.stringify(h.logs), TEST_KEY)).toBeUndefined();
      expect(await filesWithKeyTrace(TEST_KEY, h.dataDir, h.outDir)).toEqual([]);
    }

    it('in request ids, an unreadable submit reply and a task status: journal, sidecar and snapshots stay clean', async () => {
      h = await createHarness();
      framesDir = await mkdtemp(join(tmpdir(), 'kf-secret-frames-'));
      const jpg = join(framesDir, 'first.jpg');
      await copyFile(demoFixtures()[0]?.thumbnail ?? '', jpg);
      const snapshots = recordSnapshots();
      h.fake.fault({ route: 'upload', kind: 'echo-auth-headers' });
      h.fake.fault({ route: 'submit', kind: 'echo-auth', status: 200, body: { echo: 'received {auth}', token: '{token}' }, headers: { 'X-Oneapi-Request-Id': 'req_{token}' } });
      h.fake.fault({ route: 'submit', kind: 'echo-auth-headers' });
      h.fake.fault({ route: 'task', kind: 'echo-auth', status: 200, body: { code: 200, data: { status: 'warming up for {token}', progress: 5 } } });
      h.fake.fault({ route: 'task', kind: 'echo-auth-headers', times: 20 });
      const job = await h.submit({ prompt: 'a gateway that repeats everything', first_frame_image: { kind: 'file', path: jpg } });
      await h.drive(finished(h, job.id));
      const done = await expectSavedVideos(h, job.id);
      // The echoes did arrive, and were replaced where they landed.
      expect(snapshots.some((s) => s.includes('"bad_response"') && s.includes('[redacted]'))).toBe(true);
      expect(snapshots.some((s) => s.includes('"providerStatus":"warming up for [redacted]"'))).toBe(true);
      expect(done.requestIds.some((id) => id.endsWith('.[redacted]'))).toBe(true);
      expect(h.fake.stats.tasksCreated).toBe(1);
      await expectNoTrace(snapshots);
    });

    it('in a failed task’s error message and code: the failed job stays clean', async () => {
      h = await createHarness();
      const snapshots = recordSnapshots();
      h.fake.fault({
        route: 'task',
        kind: 'echo-auth',
        status: 200,
        body: { code: 200, data: { status: 'failed', error: { message: 'upstream refused header Authorization: {auth} ({token})', code: '{token}' }, fail_reason: '{token}' } },
        headers: { 'X-Oneapi-Request-Id': '{token}' },
      });
      const job = await h.submit({ prompt: 'a gateway that fails loudly' });
      await h.drive(finished(h, job.id));
      const failed = h.job(job.id);
      expect(failed.state).toBe('failed');
      expect(failed.error?.message).toContain('upstream refused header Authorization: Bearer [redacted] ([redacted])');
      await expectNoTrace(snapshots);
    });
  });
});
