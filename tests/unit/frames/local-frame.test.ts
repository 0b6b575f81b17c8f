import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectLocalFrame, loadLocalFrame } from '../../../electron/core/frames/local-frame.js';
import { IMAGE_MAX_BYTES } from '../../../shared/domain/generation.js';
import { AppFailure, type AppError } from '../../../shared/errors.js';
import { HEADS } from './heads.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyframe-frames-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function failure(path: string): Promise<AppError> {
  try {
    await inspectLocalFrame(path);
  } catch (err) {
    expect(err).toBeInstanceOf(AppFailure);
    return (err as AppFailure).app;
  }
  throw new Error('expected inspectLocalFrame to fail');
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('inspectLocalFrame', () => {
  it.each([
    ['photo.jpg', HEADS.jpeg, 'image/jpeg'],
    ['frame.png', HEADS.png, 'image/png'],
    ['anim.gif', HEADS.gif89, 'image/gif'],
    ['still.webp', HEADS.webp, 'image/webp'],
  ] as const)('accepts %s and reports its size, type and SHA-256', async (name, head, type) => {
    const content = new Uint8Array([...head, ...new Uint8Array(500).fill(7)]);
    const path = await put(name, content);
    const info = await inspectLocalFrame(path);
    expect(info).toEqual({ path, bytes: content.length, contentType: type, sha256: sha256(content) });
  });

  it('computes the known SHA-256 of a fixed file', async () => {
    const path = await put('fixed.png', new Uint8Array([...HEADS.png, ...new TextEncoder().encode('abc')]));
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from(HEADS.png), Buffer.from('abc')])).digest('hex');
    expect((await inspectLocalFrame(path)).sha256).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('trusts content, not the extension: a JPEG named .png is a JPEG', async () => {
    const path = await put('really-a-jpeg.png', HEADS.jpeg);
    expect((await inspectLocalFrame(path)).contentType).toBe('image/jpeg');
  });

  it('rejects a PDF renamed to .png as unsupported media, naming the file', async () => {
    const path = await put('renamed.png', '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    const e = await failure(path);
    expect(e).toMatchObject({ code: 'unsupported_media', retryable: false });
    expect(e.message).toContain('renamed.png');
    expect(e.message).toMatch(/JPEG, PNG, WebP or GIF/);
  });

  it('rejects a file one byte over 20 MB, naming its size and the limit', async () => {
    const path = join(dir, 'huge.png');
    await writeFile(path, HEADS.png);
    await truncate(path, IMAGE_MAX_BYTES + 1); // sparse: no 20 MB actually written
    const e = await failure(path);
    expect(e).toMatchObject({ code: 'too_large', retryable: false });
    expect(e.message).toContain('huge.png');
    expect(e.message).toContain('20971521 bytes');
    expect(e.message).toMatch(/limit is 20 MB/);
  });

  it('accepts a file of exactly 20 MB', async () => {
    const path = join(dir, 'limit.png');
    await writeFile(path, HEADS.png);
    await truncate(path, IMAGE_MAX_BYTES);
    const { info, bytes } = await loadLocalFrame(path);
    expect(info.bytes).toBe(20_971_520);
    expect(bytes.length).toBe(20_971_520);
    expect(info.contentType).toBe('image/png');
  });

  it('rejects an empty file', async () => {
    const e = await failure(await put('empty.png', new Uint8Array(0)));
    expect(e).toMatchObject({ code: 'invalid_file', retryable: false });
    expect(e.message).toMatch(/“empty\.png” is empty/);
  });

  it('rejects a directory', async () => {
    const path = join(dir, 'folder.png');
    await mkdir(path);
    const e = await failure(path);
    expect(e).toMatchObject({ code: 'invalid_file', retryable: false });
    expect(e.message).toMatch(/“folder\.png” is not a file/);
  });

  it('rejects a missing file, naming it and the reason', async () => {
    const e = await failure(join(dir, 'nope.png'));
    expect(e).toMatchObject({ code: 'invalid_file', retryable: false });
    expect(e.message).toContain('nope.png');
    expect(e.message).toContain('ENOENT');
    // Only the base name is shown, not the local path.
    expect(e.message).not.toContain(dir);
  });

  it('loadLocalFrame returns exactly the bytes it hashed', async () => {
    const content = new Uint8Array([...HEADS.gif87, 1, 2, 3, 4, 5]);
    const { info, bytes } = await loadLocalFrame(await put('tiny.gif', content));
    expect(bytes).toEqual(content);
    expect(info.sha256).toBe(sha256(bytes));
  });
});
