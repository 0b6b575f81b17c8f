import { copyFile, mkdtemp, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES } from '../../../shared/domain/generation.js';
import { demoFixtures } from '../../../electron/core/demo/fixtures.js';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { appFailure, expectSavedVideos, sha256, tinyPng } from '../../support/queue-helpers.js';

let h: Harness;
let dir: string;
let png: string;
let jpg: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-frames-'));
  png = join(dir, 'first.png');
  jpg = join(dir, 'last.jpg');
  await writeFile(png, tinyPng(1));
  await copyFile(demoFixtures()[0]?.thumbnail ?? '', jpg);
});
afterEach(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

const bodyOf = (i: number) => h.fake.stats.submitBodies[i]?.body as Record<string, unknown> | undefined;
const uploadsOf = async (path: string) => {
  const hash = sha256(await readFile(path));
  return h.fake.stats.uploads.filter((u) => u.sha256 === hash);
};

describe('image-to-video with local frames', () => {
  it('uploads first and last frame, then submits both uploaded URLs', async () => {
    h = await createHarness();
    const job = await h.submit({ prompt: 'from this frame to that one', first_frame_image: { kind: 'file', path: png }, last_frame_image: { kind: 'file', path: jpg } });
    await h.drive(finished(h, job.id));
    const done = await expectSavedVideos(h, job.id);

    expect(h.fake.stats.uploads).toHaveLength(2);
    const [first] = await uploadsOf(png);
    const [last] = await uploadsOf(jpg);
    expect(first).toMatchObject({ contentType: 'image/png', bytes: tinyPng(1).length });
    expect(last?.contentType).toBe('image/jpeg');
    expect(bodyOf(0)).toMatchObject({ first_frame_image: first?.url, last_frame_image: last?.url });
    expect(h.fake.stats.tasksCreated).toBe(1);
    // The sidecar records where each frame came from and where it was uploaded.
    const sidecar = JSON.parse(await readFile(join(h.outDir, done.outputs[0]?.sidecarName ?? ''), 'utf8')) as { frames: unknown[] };
    expect(sidecar.frames).toEqual([
      { role: 'first', path: png, sha256: first?.sha256, uploadedUrl: first?.url },
      { role: 'last', path: jpg, sha256: last?.sha256, uploadedUrl: last?.url },
    ]);
  });

  it('a second job reusing the first frame does not upload it again, even after a restart', async () => {
    h = await createHarness();
    const a = await h.submit({ prompt: 'take one', first_frame_image: { kind: 'file', path: png }, last_frame_image: { kind: 'file', path: jpg } });
    await h.drive(finished(h, a.id));
    await h.restart();
    const other = join(dir, 'other-last.png');
    await writeFile(other, tinyPng(2));
    const b = await h.submit({ prompt: 'take two', first_frame_image: { kind: 'file', path: png }, last_frame_image: { kind: 'file', path: other } });
    await h.drive(finished(h, b.id));
    await expectSavedVideos(h, b.id);

    expect(await uploadsOf(png)).toHaveLength(1);
    expect(await uploadsOf(other)).toHaveLength(1);
    expect(h.fake.stats.uploads).toHaveLength(3);
    expect(bodyOf(1)?.first_frame_image).toBe(bodyOf(0)?.first_frame_image);
  });

  it('a frame given as a URL is submitted as is, with no upload', async () => {
    h = await createHarness();
    const url = 'https://example.com/frames/first.jpg';
    const job = await h.submit({ prompt: 'a public frame', first_frame_image: { kind: 'url', url } });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.uploads).toHaveLength(0);
    expect(bodyOf(0)?.first_frame_image).toBe(url);
  });

  it('an upload that fails transiently is retried; the job finishes with one upload', async () => {
    h = await createHarness();
    h.fake.fault({ route: 'upload', kind: 'status', status: 500, body: null });
    h.fake.fault({ route: 'upload', kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
    const job = await h.submit({ prompt: 'a flaky upload', first_frame_image: { kind: 'file', path: png } });
    await h.drive(finished(h, job.id));
    await expectSavedVideos(h, job.id);
    expect(h.fake.stats.uploads).toHaveLength(1);
  });
});

describe('frames refused before anything is sent', () => {
  it('a file that is not an image (a PDF) is rejected at submit()', async () => {
    h = await createHarness();
    const pdf = join(dir, 'looks-like.png');
    await writeFile(pdf, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const err = await appFailure(() => h.submit({ prompt: 'a document is not a frame', first_frame_image: { kind: 'file', path: pdf } }));
    expect(err.code).toBe('unsupported_media');
    expect(err.message).toContain('looks-like.png');
    expect(err.message).toMatch(/not a JPEG, PNG, WebP or GIF/);
    expect(h.fake.stats.apiRequests).toHaveLength(0);
    expect(h.engine.queue.list()).toHaveLength(0);
    expect(await readdir(join(h.dataDir, 'jobs'))).toEqual([]);
  });

  it('a frame over 20 MB is rejected at submit()', async () => {
    h = await createHarness();
    const big = join(dir, 'huge.png');
    const fh = await open(big, 'w');
    await fh.write(tinyPng(3));
    await fh.truncate(IMAGE_MAX_BYTES + 1); // sparse: no 20 MB actually written
    await fh.close();
    const err = await appFailure(() => h.submit({ prompt: 'too big', last_frame_image: { kind: 'file', path: jpg }, first_frame_image: { kind: 'file', path: big } }));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/20 MB/);
    expect(h.fake.stats.apiRequests).toHaveLength(0);
    expect(h.engine.queue.list()).toHaveLength(0);
  });

  it.each([
    'http://cdn.example.com/a.png',
    'https://127.0.0.1:9/a.png',
    'https://localhost/a.png',
    'https://[::1]/a.png',
    'https://10.1.2.3/a.png',
    'https://169.254.169.254/latest/meta-data/',
    'https://2130706433/a.png',
    'https://user:secret@cdn.example.com/a.png',
  ])('a frame URL the provider must not be sent (%s) is rejected at submit(), naming the field', async (url) => {
    h = await createHarness();
    const err = await appFailure(() => h.submit({ prompt: 'not a public frame', first_frame_image: { kind: 'url', url } }));
    expect(err).toMatchObject({ code: 'invalid_request', field: 'first_frame_image.url' });
    expect(err.message).toMatch(/^Frame URL must/);
    expect(JSON.stringify(err)).not.toContain('secret');
    expect(h.fake.stats.apiRequests).toHaveLength(0);
    expect(h.engine.queue.list()).toHaveLength(0);
    expect(await readdir(join(h.dataDir, 'jobs'))).toEqual([]);
  });

  it('a missing frame file is rejected at submit()', async () => {
    h = await createHarness();
    const err = await appFailure(() => h.submit({ prompt: 'nothing there', first_frame_image: { kind: 'file', path: join(dir, 'nope.png') } }));
    expect(err.code).toBe('invalid_file');
    expect(h.fake.stats.apiRequests).toHaveLength(0);
  });

  it('a frame changed on disk between submit and upload fails the job, saying the image changed', async () => {
    h = await createHarness();
    await h.engine.queue.setPaused(true); // hold the job between submit() and its upload step
    const job = await h.submit({ prompt: 'a frame edited too soon', first_frame_image: { kind: 'file', path: png } });
    await writeFile(png, tinyPng(99));
    await h.engine.queue.setPaused(false);
    await h.drive(finished(h, job.id));
    const failed = h.job(job.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('invalid_file');
    expect(failed.error?.message).toMatch(/first frame image changed/);
    expect(h.fake.stats.uploads).toHaveLength(0);
    expect(h.fake.stats.submits).toBe(0);
  });
});
