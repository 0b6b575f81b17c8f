import { createHash } from 'node:crypto';
import { open, mkdtemp, readFile, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FLUSH_EVERY_BYTES } from '../../../electron/core/library/body-pump.js';
import { downloadToFile, type DownloadOptions, type OpenPartFile } from '../../../electron/core/library/downloader.js';
import { socketHttpGet } from '../../../electron/core/library/socket-http-get.js';
import { systemClock } from '../../../electron/core/ports.js';
import { isAppFailure, type AppError } from '../../../shared/errors.js';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../../support/small-disk.js';
import { RangeServer, fakeMp4 } from './range-server.js';

/**
 * The bytes a download reports as saved are the bytes on disk: short writes,
 * writers that lose or change bytes, and full disks never end in a renamed
 * file that differs from what the host sent.
 */

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
  dir = await mkdtemp(join(tmpdir(), 'kf-dl-integrity-'));
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

/** What one writev call puts on disk and what count it reports back, or the error it throws. */
type WriteShape = (given: Buffer, call: number, storedBefore: number) => { toDisk: Buffer; reported: number } | Error;

interface TappedWriter {
  openFile: OpenPartFile;
  /** Bytes that really reached the part so far. */
  stored: number;
}

/** A real part file whose writev is shaped by `shape`: the seam the downloader opens its part through. */
function tappedWriter(shape: WriteShape): TappedWriter {
  let calls = 0;
  const tap: TappedWriter = {
    stored: 0,
    openFile: async (path, mode) => {
      const fh = await open(path, mode);
      return {
        async writev(buffers) {
          const shaped = shape(Buffer.concat(buffers), calls++, tap.stored);
          if (shaped instanceof Error) throw shaped;
          if (shaped.toDisk.length > 0) await fh.write(shaped.toDisk);
          tap.stored += shaped.toDisk.length;
          return { bytesWritten: shaped.reported };
        },
        sync: () => fh.sync(),
        close: () => fh.close(),
      };
    },
  };
  return tap;
}

const errnoError = (code: string): Error => Object.assign(new Error(`${code}: write failed`), { code, syscall: 'write' });

describe('short writes', () => {
  it('are written again until every byte is on disk, and progress never runs ahead of the disk', async () => {
    // An odd size so the stored prefix ends inside a network chunk, not on a boundary.
    const tap = tappedWriter((given) => {
      const toDisk = given.subarray(0, 10_007);
      return { toDisk, reported: toDisk.length };
    });
    const aheadOfDisk: string[] = [];
    let last = 0;
    const result = await downloadToFile(
      opts({
        openFile: tap.openFile,
        onProgress: (done) => {
          last = done;
          if (done > tap.stored) aheadOfDisk.push(`${done} reported with ${tap.stored} on disk`);
        },
      }),
    );
    expect(aheadOfDisk).toEqual([]);
    expect(last).toBe(SIZE);
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: false });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
  });

  it('a writer that keeps storing nothing fails the step with a clear error instead of looping', async () => {
    const tap = tappedWriter(() => ({ toDisk: Buffer.alloc(0), reported: 0 }));
    const err = await failure(opts({ openFile: tap.openFile }));
    expect(err).toMatchObject({ code: 'io', retryable: false });
    expect(err.detail).toMatch(/accepted none of the remaining \d+ bytes/);
    expect(await exists(dest)).toBe(false);
  });
});

describe('every write is read back before the next one, and the part before it is renamed', () => {
  it('a part shorter on disk than the bytes written is discarded, never renamed, and downloaded again', async () => {
    // Claims every byte but loses the last 1000 of the first write.
    let firstWrite = 0;
    const lossy = tappedWriter((given, call) => {
      if (call === 0) firstWrite = given.length;
      return { toDisk: call === 0 ? given.subarray(0, given.length - 1000) : given, reported: given.length };
    });
    const err = await failure(opts({ openFile: lossy.openFile }));
    expect(err).toMatchObject({ code: 'download_failed', retryable: true });
    expect(err.detail).toContain(`Bytes from offset ${firstWrite - 1000} on disk differ from the bytes written there`);
    // Caught at the write it happened in: the rest of the file was not written on top of it.
    expect(lossy.stored).toBeLessThan(SIZE);
    expect(await readdir(dir)).toEqual([]);

    const result = await downloadToFile(opts());
    // Nothing of the bad part was kept to build on.
    expect(server.requests[1]?.range).toBeUndefined();
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: false });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
  });

  it('a write whose bytes changed on the way to the disk is named by its offset, and the part is discarded', async () => {
    let firstWrite = 0;
    const corrupting = tappedWriter((given, call) => {
      const toDisk = Buffer.from(given);
      if (call === 0) {
        firstWrite = given.length;
        toDisk[toDisk.length - 1] = (toDisk[toDisk.length - 1] ?? 0) ^ 0xff;
      }
      return { toDisk, reported: given.length };
    });
    const err = await failure(opts({ openFile: corrupting.openFile }));
    expect(err).toMatchObject({ code: 'download_failed', retryable: true });
    expect(err.detail).toContain(`Bytes from offset ${firstWrite - 1} on disk differ`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('the last write losing its tail is caught too: nothing comes after it to hide the gap', async () => {
    const lossyLast = tappedWriter((given, _call, storedBefore) => ({
      toDisk: storedBefore + given.length === SIZE ? given.subarray(0, given.length - 1) : given,
      reported: given.length,
    }));
    const err = await failure(opts({ openFile: lossyLast.openFile }));
    expect(err).toMatchObject({ code: 'download_failed', retryable: true });
    expect(err.detail).toContain(`Bytes from offset ${SIZE - 1} on disk differ`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a resumed part is checked from where it resumes: the bytes already there are hashed, the new ones compared', async () => {
    await writeFile(`${dest}.part`, server.body.subarray(0, 123_457));
    const result = await downloadToFile(opts());
    expect(server.requests.at(-1)?.range).toBe('bytes=123457-');
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: true });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
  });
});

describe('a full disk', () => {
  it('EDQUOT mid-download is disk_full (retryable), keeps the stored bytes and resumes from them', async () => {
    const QUOTA = 100_000;
    // What the kernel does at a quota: the write that crosses it stores what fits, the next one fails.
    const quota = tappedWriter((given, _call, storedBefore) => {
      if (storedBefore >= QUOTA) return errnoError('EDQUOT');
      const toDisk = given.subarray(0, QUOTA - storedBefore);
      return { toDisk, reported: toDisk.length };
    });
    let last = 0;
    const err = await failure(opts({ openFile: quota.openFile, onProgress: (done) => (last = done) }));
    expect(err).toMatchObject({ code: 'disk_full', retryable: true });
    expect(err.message).toMatch(/disk is full/);
    expect(await exists(dest)).toBe(false);
    const partSize = (await stat(`${dest}.part`)).size;
    expect(partSize).toBe(QUOTA);
    expect(last).toBe(partSize);

    const result = await downloadToFile(opts());
    expect(server.requests[1]?.range).toBe(`bytes=${partSize}-`);
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: true });
    expect((await readFile(dest)).equals(server.body)).toBe(true);
  });
});

describe('the flushes that run beside a long download', () => {
  // Past one flush interval, so the download flushes before its last byte.
  const LONG = FLUSH_EVERY_BYTES + 2 * 1024 * 1024 + 321;
  let long: RangeServer;
  beforeAll(async () => {
    long = await RangeServer.start(fakeMp4(LONG));
  });
  afterAll(async () => {
    await long.close();
  });

  it('a full disk found by one is disk_full: the part keeps what was stored, nothing is renamed, and the next attempt resumes from it', async () => {
    let syncs = 0;
    const fullAtFirstFlush = tappedWriter((given) => ({ toDisk: given, reported: given.length }));
    const openFile: OpenPartFile = async (path, mode) => {
      const part = await fullAtFirstFlush.openFile(path, mode);
      return {
        ...part,
        writev: (buffers) => part.writev(buffers),
        async sync() {
          syncs += 1;
          throw errnoError('ENOSPC');
        },
      };
    };
    const err = await failure({ ...opts({ openFile }), url: long.url });
    expect(err).toMatchObject({ code: 'disk_full', retryable: true });
    expect(syncs).toBe(1);
    expect(await exists(dest)).toBe(false);
    const partSize = (await stat(`${dest}.part`)).size;
    expect(partSize).toBe(fullAtFirstFlush.stored);
    expect(partSize).toBeGreaterThanOrEqual(FLUSH_EVERY_BYTES);
    expect(partSize).toBeLessThan(LONG);

    const result = await downloadToFile({ ...opts(), url: long.url });
    expect(long.requests.at(-1)?.range).toBe(`bytes=${partSize}-`);
    expect(result).toEqual({ bytes: LONG, sha256: sha(long.body), resumed: true });
    expect((await readFile(dest)).equals(long.body)).toBe(true);
  });
});

const noSmallDisk = await smallDiskUnavailable();

describe('a real disk that fills during the download (tmpfs)', () => {
  let disk: SmallDisk | undefined;
  let mountDir: string;

  beforeAll(async () => {
    if (noSmallDisk !== undefined) return;
    mountDir = await mkdtemp(join(tmpdir(), 'kf-small-disk-'));
    disk = await mountSmallDisk(mountDir, 1024 * 1024);
  });
  afterAll(async () => {
    await disk?.unmount();
    if (mountDir) await rmdir(mountDir);
  });

  it('fails with disk_full and renames nothing; once space is freed it resumes to the exact source file', async (ctx) => {
    if (disk === undefined) return ctx.skip(`no small disk: ${noSmallDisk}`);
    const target = join(disk.dir, 'clip.mp4');
    let last = 0;
    const err = await failure(opts({ dest: target, onProgress: (done) => (last = done) }));
    expect(err).toMatchObject({ code: 'disk_full', retryable: true });
    expect(await readdir(disk.dir)).toEqual(['clip.mp4.part']);
    const partSize = (await stat(`${target}.part`)).size;
    expect(partSize).toBeGreaterThan(0);
    expect(partSize).toBeLessThanOrEqual(1024 * 1024);
    // What the job shows as downloaded is what the disk holds.
    expect(last).toBe(partSize);

    await disk.resize(16 * 1024 * 1024);
    const result = await downloadToFile(opts({ dest: target }));
    expect(server.requests.at(-1)?.range).toBe(`bytes=${partSize}-`);
    expect(result).toEqual({ bytes: SIZE, sha256: sha(server.body), resumed: true });
    const saved = await readFile(target);
    expect(saved.length).toBe(SIZE);
    expect(sha(saved)).toBe(sha(server.body));
    expect(await readdir(disk.dir)).toEqual(['clip.mp4']);
  });
});
