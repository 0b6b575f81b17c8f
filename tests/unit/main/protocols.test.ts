import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../../electron/main/csp.js';
import { confinedPath, createAppFileHandler } from '../../../electron/main/protocol/app-files.js';
import { createMediaHandler } from '../../../electron/main/protocol/media-files.js';
import type { MediaFile } from '../../../electron/services/types.js';
import type { MediaKind } from '../../../shared/ipc/views.js';

let base: string;
let root: string;
const video = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'kf-proto-'));
  root = join(base, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Keyframe</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  writeFileSync(join(base, 'clip.mp4'), video);
});

const get = (url: string, init?: RequestInit): Request => new Request(url, init);

describe('keyframe://app', () => {
  it('serves renderer files with their MIME type and the CSP header', async () => {
    const handle = createAppFileHandler(root);
    const html = await handle(get('keyframe://app/index.html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe(CSP);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await html.text()).toContain('<title>Keyframe</title>');
    expect((await handle(get('keyframe://app/'))).status).toBe(200);
    expect((await handle(get('keyframe://app/assets/app.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(get('keyframe://app/assets/app.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('refuses traversal, encoded separators, backslashes and absolute paths', async () => {
    const handle = createAppFileHandler(root);
    for (const url of [
      'keyframe://app/..%2Fsecret.txt',
      'keyframe://app/assets/..%2F..%2Fsecret.txt',
      'keyframe://app/%2Fetc%2Fpasswd',
      `keyframe://app/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'keyframe://app/..%5Csecret.txt',
      'keyframe://app/C:%5CWindows%5Cwin.ini',
      'keyframe://app/index.html%00.js',
      'keyframe://app/%E0%A4%A',
    ]) {
      const res = await handle(get(url));
      expect(res.status, url).toBe(403);
      expect(await res.text()).not.toContain('outside the root');
    }
    // URL parsing folds plain `..` away: it lands inside the root, where no such file exists.
    expect((await handle(get('keyframe://app/../secret.txt'))).status).toBe(404);
    expect((await handle(get('keyframe://app/%2e%2e/secret.txt'))).status).toBe(404);
  });

  it('confines paths lexically', () => {
    expect(confinedPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(confinedPath(root, '/')).toBe(join(root, 'index.html'));
    for (const p of ['/../secret.txt', '/a/../../x', '//etc/passwd', '/./index.html', '/C:/x', '/a\\b', '/assets/']) expect(confinedPath(root, p), p).toBeUndefined();
  });

  it('answers other hosts with 404, other methods with 405, HEAD without a body', async () => {
    const handle = createAppFileHandler(root);
    expect((await handle(get('keyframe://evil/index.html'))).status).toBe(404);
    expect((await handle(get('keyframe://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(get('keyframe://app/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('38');
    expect(await head.text()).toBe('');
  });
});

describe('keyframe-media://', () => {
  const file = (): MediaFile => ({ path: join(base, 'clip.mp4'), size: video.length, mime: 'video/mp4' });
  const resolver = () => vi.fn(async (kind: MediaKind, id: string) => (kind === 'video' && id === 'job1-0' ? file() : undefined));
  const bytes = async (res: Response): Promise<Buffer> => Buffer.from(await res.arrayBuffer());

  it('serves the whole file, byte ranges, suffix ranges, 416 and HEAD', async () => {
    const handle = createMediaHandler(resolver());
    const full = await handle(get('keyframe-media://video/job1-0'));
    expect(full.status).toBe(200);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(full.headers.get('content-security-policy')).toBe(CSP);
    expect(full.headers.get('access-control-allow-origin')).toBe('keyframe://app');
    // The viewer's frame-rate reader fetches with Range and must see the range and size it got.
    expect(full.headers.get('access-control-expose-headers')).toBe('Content-Range, Content-Length, Accept-Ranges');
    expect((await bytes(full)).equals(video)).toBe(true);

    const ranged = await handle(get('keyframe-media://video/job1-0', { headers: { Range: 'bytes=100-199' } }));
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect((await bytes(ranged)).equals(video.subarray(100, 200))).toBe(true);

    const suffix = await handle(get('keyframe-media://video/job1-0', { headers: { Range: 'bytes=-50' } }));
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe('bytes 950-999/1000');
    expect((await bytes(suffix)).equals(video.subarray(950))).toBe(true);

    const beyond = await handle(get('keyframe-media://video/job1-0', { headers: { Range: 'bytes=5000-' } }));
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');

    const head = await handle(get('keyframe-media://video/job1-0', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect((await bytes(head)).length).toBe(0);
  });

  it('addresses files by opaque id only: paths and unknown ids never resolve', async () => {
    const resolve = resolver();
    const handle = createMediaHandler(resolve);
    expect((await handle(get('keyframe-media://video/nope'))).status).toBe(404);
    expect(resolve).toHaveBeenCalledTimes(1);
    for (const url of [
      'keyframe-media://video/..%2F..%2Fsecret.txt',
      `keyframe-media://video/${encodeURIComponent(join(base, 'clip.mp4'))}`,
      'keyframe-media://video/a/b',
      'keyframe-media://file/job1-0',
      'keyframe-media://video/job1-0?path=/etc/passwd',
      'keyframe-media://video/',
    ]) {
      expect((await handle(get(url))).status, url).toBe(404);
    }
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('answers a resolver failure with 404, not a crash', async () => {
    const handle = createMediaHandler(async () => {
      throw new Error('index unreadable');
    });
    expect((await handle(get('keyframe-media://frame/abc'))).status).toBe(404);
  });
});
