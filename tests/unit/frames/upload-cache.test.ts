import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOAD_REUSE_MARGIN_MS, UploadCache } from '../../../electron/core/frames/upload-cache.js';

const HOUR = 3600_000;
const NOW = Date.UTC(2026, 0, 1);
const API = 'https://api.apimart.ai';
const DEMO = 'http://127.0.0.1:41234';
const SHA = 'a'.repeat(64);
const SHA2 = 'b'.repeat(64);
const ENTRY = { url: 'https://upload.apimart.ai/f/image/1-a.png', expiresAt: NOW + 72 * HOUR };

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyframe-upload-cache-'));
  file = join(dir, 'upload-cache.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('UploadCache', () => {
  it('misses when empty (no file yet)', async () => {
    expect(await new UploadCache(file).get(API, SHA, NOW)).toBeUndefined();
  });

  it('hits for the same origin and hash well before expiry', async () => {
    const cache = new UploadCache(file);
    await cache.put(API, SHA, ENTRY, NOW);
    expect(await cache.get(API, SHA, NOW)).toEqual(ENTRY);
    expect(await cache.get(API, SHA, NOW + 60 * HOUR)).toEqual(ENTRY);
  });

  it('misses within the 2 h reuse margin before expiry, and after it', async () => {
    expect(UPLOAD_REUSE_MARGIN_MS).toBe(2 * HOUR);
    const cache = new UploadCache(file);
    await cache.put(API, SHA, ENTRY, NOW);
    expect(await cache.get(API, SHA, ENTRY.expiresAt - 2 * HOUR - 1)).toEqual(ENTRY);
    expect(await cache.get(API, SHA, ENTRY.expiresAt - 2 * HOUR)).toBeUndefined();
    expect(await cache.get(API, SHA, ENTRY.expiresAt - HOUR)).toBeUndefined();
    expect(await cache.get(API, SHA, ENTRY.expiresAt + 1)).toBeUndefined();
  });

  it('misses for another origin or another hash', async () => {
    const cache = new UploadCache(file);
    await cache.put(API, SHA, ENTRY, NOW);
    expect(await cache.get(DEMO, SHA, NOW)).toBeUndefined();
    expect(await cache.get(API, SHA2, NOW)).toBeUndefined();
  });

  it('keeps entries per origin apart', async () => {
    const cache = new UploadCache(file);
    const demoEntry = { url: 'http://127.0.0.1:41235/uploads/x.png', expiresAt: NOW + 72 * HOUR };
    await cache.put(API, SHA, ENTRY, NOW);
    await cache.put(DEMO, SHA, demoEntry, NOW);
    expect(await cache.get(API, SHA, NOW)).toEqual(ENTRY);
    expect(await cache.get(DEMO, SHA, NOW)).toEqual(demoEntry);
  });

  it('persists across instances (a restart)', async () => {
    await new UploadCache(file).put(API, SHA, ENTRY, NOW);
    const reopened = new UploadCache(file);
    expect(await reopened.get(API, SHA, NOW + HOUR)).toEqual(ENTRY);
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk).toEqual({ version: 1, entries: { [`${API}|${SHA}`]: ENTRY } });
  });

  it('drops expired entries when it writes', async () => {
    const cache = new UploadCache(file);
    await cache.put(API, SHA, { url: 'https://u/old.png', expiresAt: NOW + HOUR }, NOW);
    await cache.put(API, SHA2, ENTRY, NOW + 2 * HOUR);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(onDisk.entries)).toEqual([`${API}|${SHA2}`]);
  });

  it.each([
    ['not JSON', '{"version":1,"entries":'],
    ['the wrong version', JSON.stringify({ version: 2, entries: { [`${API}|${SHA}`]: ENTRY } })],
    ['a wrong entry shape', JSON.stringify({ version: 1, entries: { [`${API}|${SHA}`]: { url: 5 } } })],
    ['an empty file', ''],
    ['a JSON array', '[]'],
  ])('ignores a corrupt cache file (%s) and starts empty, then overwrites it', async (_name, content) => {
    await writeFile(file, content);
    const cache = new UploadCache(file);
    expect(await cache.get(API, SHA, NOW)).toBeUndefined();
    await cache.put(API, SHA2, ENTRY, NOW);
    expect(await new UploadCache(file).get(API, SHA2, NOW)).toEqual(ENTRY);
  });

  it('concurrent first reads all see the persisted entries', async () => {
    await new UploadCache(file).put(API, SHA, ENTRY, NOW);
    const cache = new UploadCache(file);
    const hits = await Promise.all([cache.get(API, SHA, NOW), cache.get(API, SHA, NOW), cache.get(API, SHA, NOW)]);
    expect(hits).toEqual([ENTRY, ENTRY, ENTRY]);
  });

  it('a put racing the first read neither loses the new entry nor the persisted ones', async () => {
    await new UploadCache(file).put(API, SHA, ENTRY, NOW);
    const cache = new UploadCache(file);
    const other = { url: 'https://upload.apimart.ai/f/image/2-b.png', expiresAt: NOW + 72 * HOUR };
    await Promise.all([cache.get(API, SHA, NOW), cache.put(API, SHA2, other, NOW)]);
    expect(await cache.get(API, SHA2, NOW)).toEqual(other);
    expect(await cache.get(API, SHA, NOW)).toEqual(ENTRY);
    const reopened = new UploadCache(file);
    expect(await reopened.get(API, SHA, NOW)).toEqual(ENTRY);
    expect(await reopened.get(API, SHA2, NOW)).toEqual(other);
  });

  it('concurrent puts all reach the disk', async () => {
    const cache = new UploadCache(file);
    const shas = Array.from({ length: 8 }, (_, i) => String(i).repeat(64));
    await Promise.all(shas.map((sha, i) => cache.put(API, sha, { url: `https://u/${i}.png`, expiresAt: NOW + 72 * HOUR }, NOW)));
    const reopened = new UploadCache(file);
    for (const [i, sha] of shas.entries()) expect((await reopened.get(API, sha, NOW))?.url).toBe(`https://u/${i}.png`);
  });
});
