import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachment } from '../../../electron/host/media-route.js';
import { fakeRendererDir, rawGet, startTestHost, stubServices, tempDir } from './helpers.js';

describe('browser host: static files', () => {
  it('serves index.html at / with the strict CSP and nosniff', async () => {
    const host = await startTestHost();
    const res = await rawGet(host.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(res.body)).toContain('<title>Keyframe</title>');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob:",
      `connect-src 'self' ws://127.0.0.1:${host.port}`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their type', async () => {
    const host = await startTestHost();
    const res = await rawGet(host.port, '/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('serves the build it started with from memory; a file added later is read from disk', async () => {
    const rendererDir = fakeRendererDir();
    const host = await startTestHost({ rendererDir });
    // Gone from disk after the start: still served, byte for byte (no file read per request).
    rmSync(join(rendererDir, 'assets', 'app.js'));
    const held = await rawGet(host.port, '/assets/app.js');
    expect(held.status).toBe(200);
    expect(String(held.body)).toBe('console.log(1);');
    expect(held.headers['content-length']).toBe(String('console.log(1);'.length));
    const head = await rawGet(host.port, '/assets/app.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(String(head.body)).toBe('');
    // A rebuild's new chunk (not held) is found on disk with the same checks.
    writeFileSync(join(rendererDir, 'assets', 'late.js'), 'console.log(2);');
    const late = await rawGet(host.port, '/assets/late.js');
    expect(late.status).toBe(200);
    expect(String(late.body)).toBe('console.log(2);');
  });

  it('refuses path escapes, directories and dotfiles', async () => {
    const host = await startTestHost();
    for (const path of ['/../package.json', '/assets/../../x', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets%5c..%5c..%5cx', '/assets', '/assets/', '/.secret', '/%00', '/%zz']) {
      const res = await rawGet(host.port, path);
      expect([400, 404], path).toContain(res.status);
      expect(String(res.body), path).not.toContain('outside');
      expect(res.headers['content-security-policy'], path).toBeDefined();
    }
  });

  it('refuses writes', async () => {
    const host = await startTestHost();
    const res = await rawGet(host.port, '/index.html', {}, 'POST');
    expect(res.status).toBe(405);
  });

  it('answers only to 127.0.0.1 (DNS rebinding) and sends localhost there', async () => {
    const host = await startTestHost();
    const evil = await rawGet(host.port, '/', { Host: `evil.example:${host.port}` });
    expect(evil.status).toBe(421);
    const local = await rawGet(host.port, '/x?y=1', { Host: `localhost:${host.port}` });
    expect(local.status).toBe(308);
    expect(local.headers.location).toBe(`http://127.0.0.1:${host.port}/x?y=1`);
  });

  it('tells a plain GET of /ipc to upgrade', async () => {
    const host = await startTestHost();
    expect((await rawGet(host.port, '/ipc')).status).toBe(426);
  });
});

describe('browser host: media', () => {
  async function hostWithVideo() {
    const dir = tempDir();
    const path = join(dir, 'clip.mp4');
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    writeFileSync(path, bytes);
    const services = stubServices();
    services.media.set('video/job1-0', { path, size: bytes.length, mime: 'video/mp4' });
    const host = await startTestHost({ services });
    return { host, bytes };
  }

  it('serves Range requests with 206 when the media URL carries the token', async () => {
    const { host, bytes } = await hostWithVideo();
    const url = host.mediaUrl('video', 'job1-0');
    expect(url).toMatch(/^\/media\/video\/job1-0\?t=[A-Za-z0-9_-]{43}$/);
    // The media token is not the IPC token: a copied video address cannot open the socket.
    expect(url).not.toContain(host.token);
    const res = await rawGet(host.port, url, { Range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 100-199/5000');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.equals(bytes.subarray(100, 200))).toBe(true);

    const full = await rawGet(host.port, url);
    expect(full.status).toBe(200);
    expect(full.body.length).toBe(5000);
    const head = await rawGet(host.port, url, { Range: 'bytes=-10' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers['content-length']).toBe('10');
    const past = await rawGet(host.port, url, { Range: 'bytes=9000-' });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */5000');
  });

  it('serves the clips of a sequence being exported (the page re-encodes from them) by their clip id', async () => {
    const { host, bytes } = await hostWithVideo();
    const url = host.mediaUrl('clip', `exp${'a'.repeat(24)}_0`);
    expect(url).toMatch(/^\/media\/clip\/expa{24}_0\?t=/);
    // hostWithVideo registered only a video: the clip id reaches the services, which know no such clip.
    expect((await rawGet(host.port, url)).status).toBe(404);
    const dir = tempDir();
    const path = join(dir, 'take.mp4');
    writeFileSync(path, bytes);
    const services = stubServices();
    services.media.set(`clip/exp${'a'.repeat(24)}_0`, { path, size: bytes.length, mime: 'video/mp4' });
    const withClip = await startTestHost({ services });
    const res = await rawGet(withClip.port, withClip.mediaUrl('clip', `exp${'a'.repeat(24)}_0`), { Range: 'bytes=0-9' });
    expect(res.status).toBe(206);
    expect(res.body.equals(bytes.subarray(0, 10))).toBe(true);
  });

  it('accepts the IPC token too', async () => {
    const { host } = await hostWithVideo();
    expect((await rawGet(host.port, `/media/video/job1-0?t=${host.token}`, { Range: 'bytes=0-0' })).status).toBe(206);
  });

  it('refuses media without a token (401) or with a wrong one (403)', async () => {
    const { host } = await hostWithVideo();
    const none = await rawGet(host.port, '/media/video/job1-0', { Range: 'bytes=0-9' });
    expect(none.status).toBe(401);
    expect(none.body.length).toBeLessThan(100);
    const wrong = await rawGet(host.port, '/media/video/job1-0?t=nope', { Range: 'bytes=0-9' });
    expect(wrong.status).toBe(403);
  });

  it('?download=1 answers the exact bytes as an attachment named after the file; without it, no attachment', async () => {
    const { host, bytes } = await hostWithVideo();
    const url = host.mediaUrl('video', 'job1-0');
    const saved = await rawGet(host.port, `${url}&download=1`);
    expect(saved.status).toBe(200);
    expect(saved.headers['content-disposition']).toBe(`attachment; filename="clip.mp4"; filename*=UTF-8''clip.mp4`);
    expect(saved.body.equals(bytes)).toBe(true);
    expect((await rawGet(host.port, url)).headers['content-disposition']).toBeUndefined();
    // The token rules are the same: no token, no file.
    expect((await rawGet(host.port, '/media/video/job1-0?download=1')).status).toBe(401);
  });

  it('answers 404 for unknown ids and ids outside the alphabet', async () => {
    const { host } = await hostWithVideo();
    const t = host.mediaUrl('video', 'x').split('?t=')[1] ?? '';
    expect((await rawGet(host.port, `/media/video/unknown?t=${t}`)).status).toBe(404);
    expect((await rawGet(host.port, `/media/video/..%2f..%2fetc?t=${t}`)).status).toBe(404);
    expect((await rawGet(host.port, `/media/other/job1-0?t=${t}`)).status).toBe(404);
  });
});

describe('browser host: download names', () => {
  it('keeps the exact name in filename* and a header-safe ASCII one in filename', () => {
    expect(attachment('2025-01-01_여우 "night".mp4')).toBe(
      `attachment; filename="2025-01-01___ _night_.mp4"; filename*=UTF-8''2025-01-01_%EC%97%AC%EC%9A%B0%20%22night%22.mp4`,
    );
    // No line break or quote can end the header value early.
    expect(attachment('a\r\nSet-Cookie: x=1.mp4')).not.toMatch(/[\r\n]/);
    expect(attachment(`it's (1)*.mp4`)).toContain(`filename*=UTF-8''it%27s%20%281%29%2A.mp4`);
  });
});
