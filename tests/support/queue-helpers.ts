import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Job } from '../../shared/domain/job.js';
import { AppFailure, type AppError } from '../../shared/errors.js';
import { demoFixtures } from '../../electron/core/demo/fixtures.js';
import { writeMp4Provenance } from '../../electron/core/library/mp4-provenance.js';
import { TEST_KEY, type Harness } from './engine-harness.js';

/** Helpers shared by the queue fault/recovery tests (tests/unit/jobs/queue-*.test.ts). */

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Sizes and hashes of every video the fake may serve. */
export async function fixtureVideos(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const f of demoFixtures()) {
    const bytes = await readFile(f.video);
    out.set(sha256(bytes), bytes.length);
  }
  return out;
}

/**
 * Sizes and hashes of every video the fake may serve, as the job saves it: with
 * its provenance (prompt, model, seed, task id, version) written into the MP4.
 */
export async function labelledFixtureVideos(job: Job): Promise<Map<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'kf-labelled-'));
  try {
    const out = new Map<string, number>();
    for (const [i, f] of demoFixtures().entries()) {
      const path = join(dir, `${i}.mp4`);
      await copyFile(f.video, path);
      const provenance = { prompt: job.request.prompt, model: job.request.model, seed: job.request.seed, taskId: job.taskId ?? '', appVersion: job.appVersion };
      await writeMp4Provenance(path, provenance);
      const bytes = await readFile(path);
      out.set(sha256(bytes), bytes.length);
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The job is done and every output is a real MP4 identical to a served fixture
 * with the job's provenance written into it (same size, same hash: no media
 * byte changed), its sidecar records the file's actual sha256 and size, and no
 * `.part` is left in the output folder.
 */
export async function expectSavedVideos(h: Harness, id: string): Promise<Job> {
  const job = h.job(id);
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  expect(job.outputs.length).toBeGreaterThan(0);
  const fixtures = await labelledFixtureVideos(job);
  for (const output of job.outputs) {
    expect(output.saved).toBe(true);
    const bytes = await readFile(join(job.outputDir, output.fileName));
    expect(bytes.toString('latin1', 4, 8)).toBe('ftyp');
    const hash = sha256(bytes);
    expect(fixtures.get(hash), 'the saved file is a served fixture, byte for byte, with the job’s provenance written in').toBe(bytes.length);
    const sidecar = JSON.parse(await readFile(join(job.outputDir, output.sidecarName ?? 'missing'), 'utf8')) as { sha256: string; bytes: number; jobId: string };
    expect(sidecar).toMatchObject({ sha256: hash, bytes: bytes.length, jobId: id });
  }
  expect((await readdir(job.outputDir)).filter((n) => n.endsWith('.part'))).toEqual([]);
  return job;
}

/** API requests (as the fake saw them) whose path contains `fragment`. */
export const apiRequestsFor = (h: Harness, fragment: string) => h.fake.stats.apiRequests.filter((r) => r.path.includes(fragment));

/** Fake-clock times of the requests the engine sent to the API origin, optionally filtered by path. */
export const apiCallTimes = (h: Harness, pathPart = '/v1/'): number[] => apiCalls(h, pathPart).map((r) => r.at);

/** Engine requests to the API origin (not the file host). */
export function apiCalls(h: Harness, pathPart = '/v1/') {
  const api = new URL(h.fake.apiUrl).origin;
  return h.requests.filter((r) => new URL(r.url).origin === api && r.url.includes(pathPart));
}

/**
 * Every API request answered 429 was followed by at least `quietMs` of silence
 * towards the API (requests already in flight at that instant excepted).
 * Returns how many 429s were checked.
 */
export function expectQuietAfter429(h: Harness, quietMs: number): number {
  const calls = apiCalls(h);
  const limited = calls.filter((r) => r.status === 429);
  for (const r of limited) {
    const early = calls.filter((c) => c.at > r.at && c.at < r.at + quietMs);
    expect(early.map((c) => `${c.method} ${new URL(c.url).pathname} at +${c.at - r.at} ms`)).toEqual([]);
  }
  return limited.length;
}

/** Resolves with the first job snapshot (current one included) that satisfies `pred`. */
export function waitForJob(h: Harness, id: string, pred: (j: Job) => boolean): Promise<Job> {
  const current = h.engine.queue.get(id);
  if (current && pred(current)) return Promise.resolve(current);
  return new Promise((resolve) => {
    const off = h.engine.queue.onJob((j) => {
      if (j.id !== id || !pred(j)) return;
      off();
      resolve(j);
    });
  });
}

/**
 * Like h.drive, for a download that hangs on a 'stall' fault: steps the clock
 * until the fake reports the stall (h.drive cannot, since the hung step never
 * settles), then waits until the engine has received every byte the fake sent.
 * Returns the bytes sent before the stall.
 */
export async function driveUntilStalled(h: Harness, id: string, maxSteps = 500): Promise<number> {
  let sent: number | undefined;
  const stalled = new Promise<number>((resolve) => {
    const off = h.fake.on('stalled', (info) => {
      off();
      sent = info.bytesSent;
      resolve(info.bytesSent);
    });
  });
  for (let i = 0; i < maxSteps && sent === undefined; i++) {
    await Promise.race([h.engine.queue.settled(), stalled]);
    if (sent !== undefined) break;
    if (!h.clock.runNext()) throw new Error('stuck before the stall');
  }
  const bytes = await stalled;
  await waitForJob(h, id, (j) => (j.outputs[0]?.bytesDone ?? 0) >= bytes);
  return bytes;
}

/** Runs `fn` expecting an AppFailure; returns its AppError. */
export async function appFailure(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppFailure) return err.app;
    throw err;
  }
  throw new Error('expected an AppFailure, but it succeeded');
}

/** Every regular file under `dir`, recursively (missing dir = none). */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Files under `dirs` whose bytes contain the test API key. */
export async function filesContainingKey(...dirs: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const dir of dirs) {
    for (const file of await allFiles(dir)) {
      if ((await stat(file)).size > 50_000_000) continue;
      if ((await readFile(file)).includes(TEST_KEY)) hits.push(file);
    }
  }
  return hits;
}

// ── images ────────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid 2×2 RGB PNG (signature, IHDR, IDAT, IEND); `shade` varies its pixels and so its hash. */
export function tinyPng(shade = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const row = (v: number) => Buffer.from([0, v, 255 - v, shade & 0xff, v, shade & 0xff, 255 - v]);
  const raw = Buffer.concat([row(shade & 0xff), row((shade + 64) & 0xff)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
