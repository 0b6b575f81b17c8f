import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { AUTH, json, useFakes } from './helpers.js';
import type { FakeApimart } from '../../../electron/core/demo/fake-apimart.js';

const start = useFakes();

// A PNG signature and IHDR start: the fake checks the declared type, not the pixels.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

function upload(fake: FakeApimart, form: FormData, headers: Record<string, string> = AUTH): Promise<Response> {
  return fetch(`${fake.apiUrl}/v1/uploads/images`, { method: 'POST', headers, body: form });
}

function formWith(bytes: Uint8Array, name: string, type: string, field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

describe('fake APIMart: image upload', () => {
  it('accepts a PNG, records it with its sha256, and serves it from the file host', async () => {
    const fake = await start();
    const res = await upload(fake, formWith(PNG, 'first frame.png', 'image/png'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oneapi-request-id')).toBeTruthy();
    const body = await json(res);
    expect(body).toMatchObject({ filename: 'first frame.png', content_type: 'image/png', bytes: PNG.length });
    expect(typeof body.created_at).toBe('number');
    const url = String(body.url);
    expect(url.startsWith(`${fake.fileUrl}/uploads/`)).toBe(true);
    expect(url.endsWith('-first_frame.png')).toBe(true);
    expect(fake.stats.uploads).toEqual([
      {
        filename: 'first frame.png',
        contentType: 'image/png',
        bytes: PNG.length,
        sha256: createHash('sha256').update(PNG).digest('hex'),
        url,
      },
    ]);
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('rejects a PDF with the contract message', async () => {
    const fake = await start();
    const res = await upload(fake, formWith(Buffer.from('%PDF-1.7'), 'doc.pdf', 'application/pdf'));
    expect(res.status).toBe(400);
    expect(((await json(res)).error as { message: string }).message).toBe(
      'unsupported image type: application/pdf, allowed: jpeg, png, gif, webp',
    );
    expect(fake.stats.uploads).toHaveLength(0);
  });

  it('rejects an image over 20 MB with 413', async () => {
    const fake = await start();
    const res = await upload(fake, formWith(Buffer.alloc(20_971_521), 'huge.jpg', 'image/jpeg'));
    expect(res.status).toBe(413);
    expect(fake.stats.uploads).toHaveLength(0);
  });

  it('accepts exactly 20 MB', async () => {
    const fake = await start();
    const res = await upload(fake, formWith(Buffer.alloc(20_971_520), 'max.webp', 'image/webp'));
    expect(res.status).toBe(200);
  });

  it('rejects a form without a file field, a non-multipart body, and a missing key', async () => {
    const fake = await start();
    expect((await upload(fake, formWith(PNG, 'a.png', 'image/png', 'image'))).status).toBe(400);
    const plain = await fetch(`${fake.apiUrl}/v1/uploads/images`, { method: 'POST', headers: AUTH, body: 'hello' });
    expect(plain.status).toBe(400);
    expect((await upload(fake, formWith(PNG, 'a.png', 'image/png'), {})).status).toBe(401);
    expect(fake.stats.uploads).toHaveLength(0);
  });
});
