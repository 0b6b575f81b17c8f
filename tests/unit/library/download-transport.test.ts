import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadToFile, type DownloadOptions, type OpenPartFile } from '../../../electron/core/library/downloader.js';
import { socketHttpGet } from '../../../electron/core/library/socket-http-get.js';
import { systemClock, type HttpGet, type HttpGetResponse } from '../../../electron/core/ports.js';
import { isAppFailure, type AppError } from '../../../shared/errors.js';
import { FakeClock } from '../../support/fake-clock.js';
import { RangeServer, fakeMp4 } from './range-server.js';

/**
 * How a result link is fetched: redirects, content codings, links with
 * credentials, hosts that never answer, and faults injected through the
 * HttpGet port the downloader reads every response from.
 */

const SIZE = 2 * 1024 * 1024 + 4321;
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let server: RangeServer;
/** A second host, as the CDN a result link may redirect to. */
let cdn: RangeServer;
let dir: string;
let dest: string;

beforeAll(async () => {
  server = await RangeServer.start(fakeMp4(SIZE));
  cdn = await RangeServer.start(fakeMp4(SIZE + 17));
});
afterAll(async () => {
  await server.close();
  await cdn.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-dl-transport-'));
  dest = join(dir, 'clip.mp4');
  for (const s of [server, cdn]) {
    s.behaviour = {};
    s.requests.length = 0;
    s.paths.length = 0;
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function opts(extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return { url: server.url, dest, httpGet: socketHttpGet, clock: systemClock, ...extra };
}

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

describe('redirects', () => {
  it('are followed up to 5 hops with the same headers on each, and never an Authorization header', async () => {
    await writeFile(`${dest}.part`, server.body.subarray(0, 1000));
    server.behaviour = { redirectHops: 5 };
    const result = await downloadToFile(opts());
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: true });
    expect(server.paths.map((p) => new URL(p, 'http://x').searchParams.get('hop'))).toEqual([null, '1', '2', '3', '4', '5']);
    for (const h of server.requests) {
      expect(h.authorization).toBeUndefined();
      expect(h.range).toBe('bytes=1000-');
      expect(h['accept-encoding']).toBe('identity');
    }
  });

  it('lead to another host, which gets no credential either', async () => {
    server.behaviour = { redirectTo: cdn.url };
    const result = await downloadToFile(opts());
    expect(result.sha256).toBe(sha(cdn.body));
    expect((await readFile(dest)).equals(cdn.body)).toBe(true);
    expect(cdn.requests).toHaveLength(1);
    expect(cdn.requests[0]?.authorization).toBeUndefined();
  });

  it('a sixth redirect is a retryable connection failure and nothing is written', async () => {
    server.behaviour = { redirectHops: 6 };
    const err = await failure(opts());
    expect(err).toMatchObject({ code: 'network', retryable: true });
    expect(err.detail).toMatch(/redirected more than 5 times/);
    expect(JSON.stringify(err)).not.toContain('sig=secret');
    expect(server.requests).toHaveLength(6);
    expect(await readdir(dir)).toEqual([]);
  });

  it('to an address that is not http(s) is not followed', async () => {
    server.behaviour = { redirectTo: 'file:///etc/passwd' };
    const err = await failure(opts());
    expect(err).toMatchObject({ code: 'network', retryable: true });
    expect(JSON.stringify(err)).not.toContain('passwd');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a content coding the host applies although identity was asked for', () => {
  it('is undone: the saved file is the video, not the compressed bytes', async () => {
    server.behaviour = { body: gzipSync(server.body), headers: { 'content-encoding': 'gzip' } };
    const result = await downloadToFile(opts());
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: false });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
  });

  it('cut short but ended cleanly is a retryable failure, never a shorter video under the final name', async () => {
    const gz = gzipSync(server.body);
    server.behaviour = { body: gz.subarray(0, gz.length >> 1), headers: { 'content-encoding': 'gzip' } };
    const err = await failure(opts());
    expect(err).toMatchObject({ code: 'download_failed', retryable: true });
    expect(await exists(dest)).toBe(false);
  });
});

it('a link carrying a user name and password is refused before anything is sent', async () => {
  const url = server.url.replace('http://', 'http://keyframe:hunter2@');
  const err = await failure(opts({ url }));
  expect(err).toMatchObject({ code: 'network', retryable: true });
  expect(JSON.stringify(err)).not.toContain('hunter2');
  expect(server.requests).toHaveLength(0);
});

it('a host that takes the request and never answers is a stall on the injected clock', async () => {
  const clock = new FakeClock();
  server.behaviour = { silent: true };
  const silent = server.stalled();
  const run = failure(opts({ clock, stallTimeoutMs: 5000 }));
  await silent;
  clock.advance(4999);
  expect(clock.pending()).toBe(1);
  clock.advance(1);
  const err = await run;
  expect(err).toMatchObject({ code: 'download_failed', retryable: true });
  expect(err.message).toMatch(/did not respond for 5 s/);
  expect(await readdir(dir)).toEqual([]);
});

describe('faults injected through the HttpGet port', () => {
  /** A response whose body the test feeds by hand. */
  function handFedResponse(headers: Record<string, string>): HttpGetResponse {
    return Object.assign(new Readable({ read: () => undefined }), { statusCode: 200, headers });
  }

  it('a body that fails while a write is still running keeps every byte that arrived, then resumes from them', async () => {
    const body = handFedResponse({ 'content-length': String(SIZE) });
    const first = server.body.subarray(0, 300_000);
    const second = server.body.subarray(300_000, 700_000);
    let opened!: () => void;
    const partOpen = new Promise<void>((resolve) => (opened = resolve));
    let writing!: () => void;
    const firstWrite = new Promise<void>((resolve) => (writing = resolve));
    let releaseWrite!: () => void;
    const writeGate = new Promise<void>((resolve) => (releaseWrite = resolve));
    const openFile: OpenPartFile = async (path, mode) => {
      const fh = await open(path, mode);
      opened();
      return {
        async writev(buffers) {
          writing();
          await writeGate;
          return fh.writev(buffers);
        },
        sync: () => fh.sync(),
        close: () => fh.close(),
      };
    };
    const httpGet: HttpGet = async () => body;
    const run = failure(opts({ httpGet, openFile }));

    await partOpen;
    body.push(first);
    await firstWrite;
    // Arrives while the first write is stuck on the disk, then the connection resets.
    body.push(second);
    body.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    releaseWrite();

    const err = await run;
    expect(err).toMatchObject({ code: 'download_failed', retryable: true });
    expect(err.message).toMatch(/stopped after 700\.0 kB of 2\.1 MB; it will resume/);
    expect(err.detail).toContain('ECONNRESET');
    expect((await readFile(`${dest}.part`)).equals(server.body.subarray(0, 700_000))).toBe(true);

    const result = await downloadToFile(opts());
    expect(server.requests[0]?.range).toBe('bytes=700000-');
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: true });
  });

  it('a port that fails before any response is a connection failure', async () => {
    const httpGet: HttpGet = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND cdn.example'), { code: 'ENOTFOUND' });
    };
    const err = await failure(opts({ httpGet }));
    expect(err).toMatchObject({ code: 'network', retryable: true });
    expect(err.detail).toContain('ENOTFOUND');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the fsync that runs beside the read-back', () => {
  it('a full disk at fsync is disk_full, keeps the part and renames nothing', async () => {
    const openFile: OpenPartFile = async (path, mode) => {
      const fh = await open(path, mode);
      return {
        writev: (buffers) => fh.writev(buffers),
        sync: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC', syscall: 'fsync' });
        },
        close: () => fh.close(),
      };
    };
    const err = await failure(opts({ openFile }));
    expect(err).toMatchObject({ code: 'disk_full', retryable: true });
    expect(await readdir(dir)).toEqual(['clip.mp4.part']);
    expect((await stat(`${dest}.part`)).size).toBe(SIZE);
  });
});
