import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import type { FakeApimart, FakeApimartOptions, FakeEvents } from '../../../electron/core/demo/fake-apimart.js';
import { demoFixtures } from '../../../electron/core/demo/fixtures.js';
import { AUTH, createTask, firstVideoUrl, getTask, manualClock, useFakes } from './helpers.js';

const start = useFakes();
// The first 16:9 task of an instance gets the first 16:9 fixture.
const fixture = demoFixtures()[0];
if (!fixture) throw new Error('no fixtures');
const fixtureBytes = readFileSync(fixture.video);
const size = fixtureBytes.length;

async function withVideo(opts: FakeApimartOptions = {}): Promise<{ fake: FakeApimart; id: string; url: string }> {
  const fake = await start({ progress: { mode: 'polls', pollsToComplete: 1 }, ...opts });
  const id = await createTask(fake);
  return { fake, id, url: firstVideoUrl(await getTask(fake, id)) };
}

/** Reads a body until it ends or breaks; returns the bytes and whether it broke. */
async function drain(res: Response): Promise<{ bytes: number; broke: boolean }> {
  if (!res.body) throw new Error('no body');
  const reader = res.body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return { bytes, broke: false };
      bytes += chunk.value.length;
    }
  } catch {
    return { bytes, broke: true };
  }
}

/**
 * GET with node:http, counting bytes as they arrive: unlike fetch's body
 * stream, which drops queued chunks once it errors, 'data' events are all
 * delivered before 'close', so the count after a cut connection is exact.
 */
function rawGet(url: string): Promise<{ status: number; length: string | undefined; bytes: number; complete: boolean }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('error', () => undefined);
      res.on('close', () =>
        resolve({ status: res.statusCode ?? 0, length: res.headers['content-length'], bytes, complete: res.complete }),
      );
    }).on('error', reject);
  });
}

describe('fake APIMart: file host', () => {
  it('serves the whole MP4 from another origin, an ISO-BMFF file starting with ftyp', async () => {
    const { fake, url } = await withVideo();
    expect(new URL(url).origin).toBe(fake.fileUrl);
    expect(fake.fileUrl).not.toBe(fake.apiUrl);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(size));
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(buf.equals(fixtureBytes)).toBe(true);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-', 100, size - 1],
    ['bytes=-50', size - 50, size - 1],
    [`bytes=10-${size + 1000}`, 10, size - 1],
  ])('answers Range %s with 206 and Content-Range', async (range, from, to) => {
    const { url } = await withVideo();
    const res = await fetch(url, { headers: { range } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${from}-${to}/${size}`);
    expect(res.headers.get('content-length')).toBe(String(to - from + 1));
    expect(Buffer.from(await res.arrayBuffer()).equals(fixtureBytes.subarray(from, to + 1))).toBe(true);
  });

  it('answers an unsatisfiable range with 416 and bytes */size', async () => {
    const { url } = await withVideo();
    const res = await fetch(url, { headers: { range: `bytes=${size}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${size}`);
    await res.arrayBuffer();
  });

  it('answers HEAD with the headers only', async () => {
    const { url } = await withVideo();
    const res = await fetch(url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(size));
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('ignores Range under a no-range fault', async () => {
    const { fake, url } = await withVideo();
    fake.fault({ route: 'file', kind: 'no-range' });
    const res = await fetch(url, { headers: { range: 'bytes=0-9' } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(size);
  });

  it('answers 403 after expireLinks, and a re-query hands out fresh working links', async () => {
    const { fake, id, url } = await withVideo();
    const thumb = (await getTask(fake, id)).result?.thumbnail_url ?? '';
    expect((await fetch(thumb)).status).toBe(200);
    fake.expireLinks();
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
    expect((await fetch(thumb)).status).toBe(403);
    const again = await getTask(fake, id);
    const fresh = firstVideoUrl(again);
    expect(fresh).not.toBe(url);
    expect((await fetch(fresh)).status).toBe(200);
    expect((await fetch(again.result?.thumbnail_url ?? '')).status).toBe(200);
    expect((await fetch(url)).status).toBe(403);
  });

  it('keeps handing out the dead links when refresh on re-query is off', async () => {
    const { fake, id, url } = await withVideo();
    fake.setRefreshLinksOnRequery(false);
    fake.expireLinks();
    const again = firstVideoUrl(await getTask(fake, id));
    expect(again).toBe(url);
    expect((await fetch(again)).status).toBe(403);
  });

  it('expires links at expires_at by the injected clock, and refuses a tampered expiry', async () => {
    const clock = manualClock();
    const { fake, id, url } = await withVideo({ clock, urlTtlMs: 60_000 });
    const expiresAt = (await getTask(fake, id)).result?.videos[0]?.expires_at;
    expect(new URL(url).searchParams.get('e')).toBe(String(expiresAt));
    const tampered = new URL(url);
    tampered.searchParams.set('e', String((expiresAt ?? 0) + 3600));
    expect((await fetch(tampered)).status).toBe(403);
    clock.advance(59_999);
    expect((await fetch(url)).status).toBe(200);
    clock.advance(1);
    expect((await fetch(url)).status).toBe(403);
  });

  it('truncates after the given bytes while promising the full length', async () => {
    const { fake, url } = await withVideo();
    fake.fault({ route: 'file', kind: 'truncate', afterBytes: 1000 });
    expect(await rawGet(url)).toEqual({ status: 200, length: String(size), bytes: 1000, complete: false });
    // fetch sees the same cut as a broken body.
    fake.fault({ route: 'file', kind: 'truncate', afterBytes: 10 });
    expect((await drain(await fetch(url))).broke).toBe(true);
    expect(await rawGet(url)).toEqual({ status: 200, length: String(size), bytes: size, complete: true });
  });

  it('stalls after the given bytes, emits stalled, and close() cuts the socket', async () => {
    const { fake, url } = await withVideo();
    fake.fault({ route: 'file', kind: 'stall', afterBytes: 1000 });
    const stalled = new Promise<FakeEvents['stalled']>((resolve) => fake.on('stalled', resolve));
    const res = await fetch(url);
    const info = await stalled;
    expect(info.bytesSent).toBe(1000);
    if (!res.body) throw new Error('no body');
    const reader = res.body.getReader();
    let got = 0;
    while (got < 1000) {
      const chunk = await reader.read();
      if (chunk.done) break;
      got += chunk.value.length;
    }
    expect(got).toBe(1000);
    const next = reader.read();
    await fake.close();
    await expect(next).rejects.toThrow();
  });

  it('applies status and drop faults to the file route', async () => {
    const { fake, url } = await withVideo();
    fake.fault({ route: 'file', kind: 'status', status: 503, body: null, headers: { 'Retry-After': '2' } });
    fake.fault({ route: 'file', kind: 'drop' });
    const res = await fetch(url);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.text()).toBe('');
    await expect(fetch(url)).rejects.toThrow();
    expect((await fetch(url)).status).toBe(200);
  });

  it('records file requests, and the client never needs to send an authorization header', async () => {
    const { fake, url } = await withVideo();
    await (await fetch(url, { headers: { range: 'bytes=0-1' } })).arrayBuffer();
    expect(fake.stats.fileRequests).toHaveLength(1);
    const rec = fake.stats.fileRequests[0];
    expect(rec?.method).toBe('GET');
    expect(rec?.path).toBe(new URL(url).pathname + new URL(url).search);
    expect(rec?.headers.range).toBe('bytes=0-1');
    expect(fake.stats.fileRequests.some((r) => 'authorization' in r.headers)).toBe(false);
    expect(fake.stats.apiRequests.every((r) => r.headers.authorization === AUTH.authorization)).toBe(true);
  });

  it('answers 404 for unknown paths', async () => {
    const fake = await start();
    expect((await fetch(`${fake.fileUrl}/files/nope/video.mp4`)).status).toBe(404);
  });

  it('streams a registered local file with range support', async () => {
    const fake = await start();
    const dir = mkdtempSync(join(tmpdir(), 'fake-apimart-test-'));
    try {
      const path = join(dir, 'big.mp4');
      const data = Buffer.alloc(3 * 1024 * 1024, 7);
      data.write('tail', data.length - 4);
      writeFileSync(path, data);
      const url = fake.registerFile(path);
      expect(url.startsWith(fake.fileUrl)).toBe(true);
      const full = await fetch(url);
      expect(full.headers.get('content-length')).toBe(String(data.length));
      expect((await full.arrayBuffer()).byteLength).toBe(data.length);
      const tail = await fetch(url, { headers: { range: 'bytes=-4' } });
      expect(await tail.text()).toBe('tail');
      fake.expireLinks();
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
