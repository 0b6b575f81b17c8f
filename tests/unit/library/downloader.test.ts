import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadToFile, type DownloadOptions } from '../../../electron/core/library/downloader.js';
import { isAppFailure, type AppError } from '../../../shared/errors.js';
import { socketHttpGet } from '../../../electron/core/library/socket-http-get.js';
import { systemClock } from '../../../electron/core/ports.js';
import { FakeClock } from '../../support/fake-clock.js';
import { RangeServer, fakeMp4 } from './range-server.js';

const SIZE = 3 * 1024 * 1024 + 12345;
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let server: RangeServer;
let dir: string;
let dest: string;

beforeAll(async () => {
  server = await RangeServer.start(fakeMp4(SIZE));
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-dl-'));
  dest = join(dir, 'clip.mp4');
  server.behaviour = {};
  server.requests.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function opts(extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return { url: server.url, dest, httpGet: socketHttpGet, clock: systemClock, ...extra };
}

/** Runs a download expected to fail and returns its AppError. */
async function failure(o: DownloadOptions): Promise<AppError> {
  try {
    await downloadToFile(o);
  } catch (err) {
    if (isAppFailure(err)) return err.app;
    throw err;
  }
  throw new Error('download unexpectedly succeeded');
}

const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

describe('downloadToFile', () => {
  it('downloads the whole file, hashes it and leaves no .part', async () => {
    const progress: [number, number | undefined][] = [];
    const result = await downloadToFile(opts({ onProgress: (d, t) => progress.push([d, t]) }));
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: false });
    expect(sha(await readFile(dest))).toBe(sha(server.body));
    expect(await exists(`${dest}.part`)).toBe(false);
    expect(progress.at(-1)).toEqual([SIZE, SIZE]);
    expect(server.requests[0]?.range).toBeUndefined();
  });

  it('never sends an Authorization header', async () => {
    await downloadToFile(opts());
    expect(server.requests).toHaveLength(1);
    for (const h of server.requests) expect(h.authorization).toBeUndefined();
    // identity: byte ranges must refer to the bytes we store, not a compressed form.
    expect(server.requests[0]?.['accept-encoding']).toBe('identity');
  });

  it('keeps the .part after a cut connection and resumes it with Range', async () => {
    server.behaviour = { truncateAfter: 1_000_000 };
    const err = await failure(opts());
    expect(err.code).toBe('download_failed');
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/stopped after .* of .*; it will resume/);
    const partSize = (await stat(`${dest}.part`)).size;
    expect(partSize).toBeGreaterThan(0);
    expect(partSize).toBeLessThanOrEqual(1_000_000);

    server.behaviour = {};
    const result = await downloadToFile(opts());
    expect(server.requests[1]?.range).toBe(`bytes=${partSize}-`);
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: true });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
    expect(await exists(`${dest}.part`)).toBe(false);
  });

  it('starts over when the server ignores Range', async () => {
    await writeFile(`${dest}.part`, fakeMp4(5000)); // bytes that do not match the file
    server.behaviour = { ignoreRange: true };
    const result = await downloadToFile(opts());
    expect(server.requests[0]?.range).toBe('bytes=5000-');
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: false });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
  });

  it('finishes without a body when a 416 says the part is already complete', async () => {
    await writeFile(`${dest}.part`, server.body);
    const result = await downloadToFile(opts());
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: true });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
  });

  it('deletes an impossible part on 416 and restarts from 0', async () => {
    await writeFile(`${dest}.part`, Buffer.alloc(SIZE + 10));
    const result = await downloadToFile(opts());
    expect(server.requests.map((h) => h.range)).toEqual([`bytes=${SIZE + 10}-`, undefined]);
    expect(result.sha256).toBe(sha(server.body));
  });

  it('aborts a stalled download when the clock passes the stall timeout', async () => {
    const clock = new FakeClock();
    server.behaviour = { stallAfter: 200_000 };
    const stalled = server.stalled();
    let gotAll!: () => void;
    const received = new Promise<void>((resolve) => (gotAll = resolve));
    const run = failure(opts({ clock, stallTimeoutMs: 5000, onProgress: (d) => d === 200_000 && gotAll() }));
    await Promise.all([stalled, received]);
    clock.advance(4999);
    expect(clock.pending()).toBe(1); // not yet
    clock.advance(1);
    const err = await run;
    expect(err).toMatchObject({ code: 'download_failed', retryable: true });
    expect(err.message).toMatch(/no data arrived for 5 s after 200\.0 kB of/);
    expect(clock.pending()).toBe(0);
    // What did arrive is kept for a Range resume.
    expect((await stat(`${dest}.part`)).size).toBe(200_000);
  });

  it('aborts a stall that happens before the first byte is read', async () => {
    const clock = new FakeClock();
    server.behaviour = { stallAfter: 0 };
    const stalled = server.stalled();
    const run = failure(opts({ clock, stallTimeoutMs: 5000 }));
    await stalled;
    clock.advance(5000);
    expect(await run).toMatchObject({ code: 'download_failed', retryable: true });
  });

  it('maps 403 to link_expired and writes nothing', async () => {
    server.behaviour = { status: 403 };
    const err = await failure(opts());
    expect(err).toMatchObject({ code: 'link_expired', retryable: false, httpStatus: 403 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('maps 500 to a retryable failure and 503 Retry-After to retryAfterMs', async () => {
    server.behaviour = { status: 500 };
    expect(await failure(opts())).toMatchObject({ code: 'download_failed', retryable: true, httpStatus: 500 });
    server.behaviour = { status: 503, headers: { 'retry-after': '7' } };
    expect(await failure(opts())).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    server.behaviour = { status: 400 };
    expect(await failure(opts())).toMatchObject({ code: 'download_failed', retryable: false });
  });

  it('rejects a body that is not an MP4 and removes the .part', async () => {
    server.behaviour = { body: Buffer.from('<html>error page</html>') };
    const err = await failure(opts());
    expect(err).toMatchObject({ code: 'invalid_file', retryable: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('never overwrites an existing file', async () => {
    await writeFile(dest, 'mine');
    const err = await failure(opts());
    expect(err.code).toBe('io');
    expect(await readFile(dest, 'utf8')).toBe('mine');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses to rename over a file that appeared during the download', async () => {
    const err = await failure(
      opts({
        verify: async () => {
          await writeFile(dest, 'raced');
        },
      }),
    );
    expect(err.code).toBe('io');
    expect(await readFile(dest, 'utf8')).toBe('raced');
  });

  it('reports a cancellation through the caller signal and keeps the part', async () => {
    const ac = new AbortController();
    const err = await failure(opts({ signal: ac.signal, onProgress: (d) => d > 100_000 && ac.abort() }));
    expect(err.code).toBe('cancelled');
    expect(await exists(`${dest}.part`)).toBe(true);
  });

  it('reports an unreachable host as a retryable network error', async () => {
    const err = await failure(opts({ url: 'http://127.0.0.1:1/x.mp4' }));
    expect(err).toMatchObject({ code: 'network', retryable: true });
  });
});

describe('isAppFailure sanity', () => {
  it('errors carry no URL', async () => {
    server.behaviour = { truncateAfter: 10 };
    const err = await failure(opts());
    expect(JSON.stringify(err)).not.toContain('sig=secret');
  });
});
