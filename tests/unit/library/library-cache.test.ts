import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_CACHE_SCHEMA, readLibraryCache } from '../../../electron/core/library/library-cache.js';
import { sidecarNameFor } from '../../../electron/core/library/file-naming.js';
import { LibraryIndex } from '../../../electron/core/library/library-index.js';
import { stampsOf } from '../../../electron/core/library/scanner.js';
import { writeSidecar } from '../../../electron/core/library/sidecar.js';
import { FakeClock } from '../../support/fake-clock.js';
import { sidecarEntry } from '../../support/library-kinds.js';
import { makeSidecar } from './make-sidecar.js';

let root: string;
let out: string;
let cachePath: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-libcache-'));
  out = join(root, 'out');
  cachePath = join(root, 'state', 'library-cache.json');
  await mkdir(out);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const newIndex = (): LibraryIndex => new LibraryIndex({ cachePath, dirs: [out], clock: new FakeClock() });

async function addTakes(count: number): Promise<void> {
  for (let n = 1; n <= count; n += 1) {
    const sc = makeSidecar(n);
    await writeFile(join(out, sc.file), 'video');
    await writeSidecar(out, sc);
  }
}

describe('library cache', () => {
  it('is taken back whole when it is what this version wrote: nothing is read again', async () => {
    await addTakes(3);
    await newIndex().load();
    expect((await readLibraryCache(cachePath)).problem).toBeUndefined();
    expect(await newIndex().load()).toMatchObject({ parsed: 0, added: 0 });
  });

  it('refuses a cache whose records were altered (still valid JSON) and rebuilds from the folder', async () => {
    await addTakes(2);
    const first = newIndex();
    await first.load();
    const prompt = sidecarEntry(first.get('job00001-0'))?.sidecar.request.prompt ?? '';
    expect(prompt).not.toBe('');
    const text = await readFile(cachePath, 'utf8');
    await writeFile(cachePath, text.replaceAll(prompt, 'a prompt nobody wrote'));

    expect((await readLibraryCache(cachePath)).problem).toBe('cache damaged');
    const second = newIndex();
    expect(await second.load()).toMatchObject({ parsed: 2 });
    expect(sidecarEntry(second.get('job00001-0'))?.sidecar.request.prompt).toBe(prompt);
    // Rebuilt: the next start trusts it again.
    expect(await newIndex().load()).toMatchObject({ parsed: 0 });
  });

  it('refuses a truncated cache and a cache of another version', async () => {
    await addTakes(2);
    await newIndex().load();
    const text = await readFile(cachePath, 'utf8');
    await writeFile(cachePath, text.slice(0, text.length - 40));
    expect((await readLibraryCache(cachePath)).problem).toBe('cache unreadable');
    expect(await newIndex().load()).toMatchObject({ parsed: 2 });

    // Older versions wrote one JSON object on one line.
    await writeFile(cachePath, JSON.stringify({ schema: 'keyframe.library-cache/1', savedAt: 0, records: [] }));
    expect((await readLibraryCache(cachePath)).problem).toBe('cache of another version');
    expect(await newIndex().load()).toMatchObject({ parsed: 2 });

    // A header of another version on a file of this layout.
    const text2 = await readFile(cachePath, 'utf8');
    await writeFile(cachePath, text2.replace(LIBRARY_CACHE_SCHEMA, 'keyframe.library-cache/4'));
    expect((await readLibraryCache(cachePath)).problem).toBe('cache of another version');
    expect(await newIndex().load()).toMatchObject({ parsed: 2 });
  });

  it('refuses records without the shape every reader relies on, even with a matching checksum', async () => {
    await mkdir(join(root, 'state'));
    // Rows as this version lays them out, with a sidecar row cut short and a folder index out of range.
    for (const row of [[1, 2, 3, 0, 'clip-1.keyframe.json', 0, 'x'], [1, 2, 3, 5, 'clip-1.keyframe.json', 0]]) {
      const body = `${JSON.stringify([out])}\n${JSON.stringify(row)}\n`;
      const checksum = createHash('sha256').update(body).digest('hex');
      await writeFile(cachePath, `{"schema":"${LIBRARY_CACHE_SCHEMA}","savedAt":0,"rows":1,"checksum":"${checksum}"}\n${body}`);
      expect(await readLibraryCache(cachePath)).toEqual({ records: [], problem: 'cache damaged' });
    }
  });

  it('picks up a sidecar edited in place while the app was closed', async () => {
    await addTakes(2);
    await newIndex().load();
    // Rewritten where it lies (same inode, as an editor saving over it would), not replaced by a rename.
    await mkdir(join(root, 'scratch'));
    const name = await writeSidecar(join(root, 'scratch'), { ...makeSidecar(2), user: { favorite: true, tags: ['edited'] } });
    await writeFile(join(out, name), await readFile(join(root, 'scratch', name)));
    const index = newIndex();
    expect(await index.load()).toMatchObject({ parsed: 1, updated: 1 });
    expect(sidecarEntry(index.get('job00002-0'))?.sidecar.user.tags).toEqual(['edited']);
  });
});

describe('stampsOf', () => {
  it('stamps files in order across batches; a folder or a missing file has no stamp', async () => {
    const names = Array.from({ length: 2100 }, (_, i) => `f${i}.txt`);
    names.forEach((n, i) => writeFileSync(join(out, n), 'x'.repeat(i % 7)));
    const stamps = await stampsOf([...names.map((n) => join(out, n)), join(out, 'absent'), out]);
    expect(stamps).toHaveLength(2102);
    expect(stamps.slice(0, 2100).map((s) => s?.size)).toEqual(names.map((_, i) => i % 7));
    expect(stamps.slice(2100)).toEqual([undefined, undefined]);
  });
});

describe('library cache, read a chunk at a time', () => {
  it('takes back thousands of records across many chunks, with multi-byte text split between chunks', async () => {
    // Long prompts of multi-byte characters: rows cross the 1 MiB chunk boundaries, some inside a character.
    for (let n = 1; n <= 400; n += 1) {
      const sc = makeSidecar(n, { request: { prompt: `${'雪の中の赤い狐 '.repeat(200)}${n}` } });
      await writeFile(join(out, sc.file), 'v');
      await writeFile(join(out, sidecarNameFor(sc.file)), JSON.stringify(sc));
    }
    const cold = newIndex();
    await cold.load();
    const loaded = await readLibraryCache(cachePath);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.records).toHaveLength(400);
    expect((await stat(cachePath)).size).toBeGreaterThan(1.5 * 1024 * 1024);
    const warm = newIndex();
    expect(await warm.load()).toMatchObject({ parsed: 0 });
    expect(warm.all()).toEqual(cold.all());
  });

  it('refuses a file cut at a line end (rows missing) and one with a line added', async () => {
    await addTakes(3);
    await newIndex().load();
    const text = await readFile(cachePath, 'utf8');
    const lines = text.split('\n');
    await writeFile(cachePath, `${lines.slice(0, -2).join('\n')}\n`);
    expect((await readLibraryCache(cachePath)).problem).toBe('cache unreadable');
    await writeFile(cachePath, `${text}${lines[2]}\n`);
    expect((await readLibraryCache(cachePath)).problem).toBe('cache unreadable');
  });
});
