import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mediaResponse, resolveInside, type MediaResponse } from '../../../electron/services/media-response.js';
import type { MediaFile } from '../../../electron/services/types.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-media-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 1000 bytes whose values tell their offset (mod 256), so a wrong slice is visible.
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
const path = join(dir, 'clip.mp4');
writeFileSync(path, bytes);
const file: MediaFile = { path, size: bytes.length, mime: 'video/mp4' };

async function bodyOf(res: MediaResponse): Promise<Buffer> {
  if (!res.body) throw new Error('no body');
  const chunks: Buffer[] = [];
  for await (const c of res.body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks);
}

describe('mediaResponse', () => {
  it('serves the whole file with 200 and the safety headers', async () => {
    const res = mediaResponse(file, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'Accept-Ranges': 'bytes',
      'Content-Length': '1000',
      'Content-Type': 'video/mp4',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(res.headers['Content-Range']).toBeUndefined();
    expect((await bodyOf(res)).equals(bytes)).toBe(true);
  });

  it('serves bytes=a-b as 206 with Content-Range', async () => {
    const res = mediaResponse(file, { method: 'GET', range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers['Content-Range']).toBe('bytes 100-199/1000');
    expect(res.headers['Content-Length']).toBe('100');
    expect((await bodyOf(res)).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('clamps an end past the file and serves open-ended ranges', async () => {
    const open = mediaResponse(file, { method: 'GET', range: 'bytes=900-' });
    expect(open.status).toBe(206);
    expect(open.headers['Content-Range']).toBe('bytes 900-999/1000');
    expect((await bodyOf(open)).equals(bytes.subarray(900))).toBe(true);
    const past = mediaResponse(file, { method: 'GET', range: 'bytes=990-5000' });
    expect(past.headers['Content-Range']).toBe('bytes 990-999/1000');
    expect(await bodyOf(past)).toHaveLength(10);
  });

  it('serves a suffix range (the last n bytes)', async () => {
    const res = mediaResponse(file, { method: 'GET', range: 'bytes=-10' });
    expect(res.status).toBe(206);
    expect(res.headers['Content-Range']).toBe('bytes 990-999/1000');
    expect((await bodyOf(res)).equals(bytes.subarray(990))).toBe(true);
    const whole = mediaResponse(file, { method: 'GET', range: 'bytes=-5000' });
    expect(whole.headers['Content-Range']).toBe('bytes 0-999/1000');
  });

  it('answers an unsatisfiable range with 416 and bytes */size', () => {
    for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=-0']) {
      const res = mediaResponse(file, { method: 'GET', range });
      expect(res.status, range).toBe(416);
      expect(res.headers['Content-Range']).toBe('bytes */1000');
      expect(res.body).toBeUndefined();
    }
  });

  it('answers HEAD with the headers and no body', () => {
    const full = mediaResponse(file, { method: 'HEAD' });
    expect(full.status).toBe(200);
    expect(full.headers['Content-Length']).toBe('1000');
    expect(full.body).toBeUndefined();
    const part = mediaResponse(file, { method: 'head', range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers['Content-Length']).toBe('10');
    expect(part.body).toBeUndefined();
  });

  it('ignores bad syntax and multi-range (full 200, as RFC 9110 allows)', async () => {
    for (const range of ['bytes=abc', 'items=0-9', 'bytes=9-3', 'bytes=0-1,5-6', 'bytes=', 'bytes=-']) {
      const res = mediaResponse(file, { method: 'GET', range });
      expect(res.status, range).toBe(200);
      expect(res.headers['Content-Length']).toBe('1000');
      await bodyOf(res);
    }
  });

  it('refuses other methods', () => {
    const res = mediaResponse(file, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.Allow).toBe('GET, HEAD');
    expect(res.body).toBeUndefined();
  });

  it('serves an empty file as an empty 200', () => {
    const empty = join(dir, 'empty.mp4');
    writeFileSync(empty, '');
    const res = mediaResponse({ path: empty, size: 0, mime: 'video/mp4' }, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers['Content-Length']).toBe('0');
  });
});

describe('resolveInside', () => {
  const root = resolve(dir, 'root');
  it('resolves relative names inside the root', () => {
    expect(resolveInside(root, 'a/b.mp4')).toBe(join(root, 'a', 'b.mp4'));
    expect(resolveInside(root, './x/../y.png')).toBe(join(root, 'y.png'));
    expect(resolveInside(root, '')).toBe(root);
    expect(resolveInside(root, join(root, 'c.mp4'))).toBe(join(root, 'c.mp4'));
  });
  it('refuses .. escapes, absolute paths elsewhere and NUL bytes', () => {
    for (const bad of ['..', '../x', 'a/../../x', '../root-sibling/x', '/etc/passwd', resolve(root, '..', 'root2', 'f'), 'a\0b']) {
      expect(resolveInside(root, bad), bad).toBeUndefined();
    }
  });
  it('does not mistake a sibling sharing the prefix for the root', () => {
    expect(resolveInside(root, `${root}-evil/file`)).toBeUndefined();
  });
});
