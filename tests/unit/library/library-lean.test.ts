import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, parse } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLibraryCache } from '../../../electron/core/library/library-cache.js';
import { recordPathOf } from '../../../electron/core/library/library-entry.js';
import { LibraryIndex } from '../../../electron/core/library/library-index.js';
import { queryLibrary } from '../../../electron/core/library/library-query.js';
import { writeSidecar } from '../../../electron/core/library/sidecar.js';
import type { VideoSidecar } from '../../../shared/domain/video.js';
import { FakeClock } from '../../support/fake-clock.js';
import { sidecarEntry } from '../../support/library-kinds.js';
import { fixture } from '../../support/tagged-mp4.js';
import { makeSidecar } from './make-sidecar.js';

/**
 * The library keeps of each sidecar only what it shows, searches and sorts,
 * and its cache holds exactly that: what it was is what comes back, a cache
 * it cannot vouch for is rebuilt from the folders, and the rest of a sidecar
 * is read from its file when asked for.
 */

let root: string;
let out: string;
let cachePath: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-liblean-'));
  out = join(root, 'out');
  cachePath = join(root, 'library-cache.json');
  await mkdir(join(out, 'keepers'), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const newIndex = (): LibraryIndex => new LibraryIndex({ cachePath, dirs: [out], clock: new FakeClock() });

/** A sidecar with every optional field a view reads set, and the detail-only ones too. */
function richSidecar(): VideoSidecar {
  return makeSidecar(1, {
    request: { prompt: 'a red fox crossing a snowy field', negative_prompt: 'blurry', aspect_ratio: '9:16', resolution: '1080p', seed: 42 },
    sidecar: {
      seed: 42,
      requestIds: ['req_1', 'req_2'],
      submitReplayed: true,
      frames: [{ role: 'first', path: '/frames/abc.png', sha256: 'cd'.repeat(32), uploadedUrl: 'https://cdn.example/abc.png', sourceUrl: 'https://example.com/a.png' }],
      cost: { usd: 0.64, credits: 6.4 },
      timings: { createdAt: 1_700_000_000_000, submittedAt: 1_700_000_001_000, completedAt: 1_700_000_060_000, savedAt: 1_700_000_061_000, providerActualS: 55 },
      lineage: { parentId: 'job00002-0', frame: 'last' },
      batch: { id: 'batch-1', row: 3, label: 'row three' },
      shot: { key: 'shot-sweep-1', firstTake: 2 },
      user: { favorite: true, tags: ['Winter', 'hero'] },
    },
  });
}

async function fillFolder(): Promise<VideoSidecar[]> {
  const rich = richSidecar();
  const plain = makeSidecar(2, { request: { prompt: 'an old lighthouse at dawn' } });
  const inSub = makeSidecar(3, { request: { prompt: 'a koi pond in fog' } });
  for (const [dir, sc] of [[out, rich], [out, plain], [join(out, 'keepers'), inSub]] as const) {
    await writeFile(join(dir, sc.file), 'video');
    await writeSidecar(dir, sc);
  }
  // A video without a sidecar is cached too.
  await copyFile(fixture('clip-16x9-4s.mp4'), join(out, 'keepers', 'imported.mp4'));
  return [rich, plain, inSub];
}

describe('the lean library entry and its cache', () => {
  it('keeps what the views, search and lineage read, and nothing a view never shows', async () => {
    const [rich] = await fillFolder();
    const index = newIndex();
    await index.load();
    const kept = sidecarEntry(index.get(rich?.id ?? ''))?.sidecar;
    expect(kept).toMatchObject({
      request: { prompt: 'a red fox crossing a snowy field', negative_prompt: 'blurry', aspect_ratio: '9:16', resolution: '1080p' },
      seed: 42,
      requestIds: ['req_1', 'req_2'],
      cost: { usd: 0.64, credits: 6.4 },
      timings: { createdAt: 1_700_000_000_000, completedAt: 1_700_000_060_000 },
      lineage: { parentId: 'job00002-0', frame: 'last' },
      batch: { id: 'batch-1', row: 3, label: 'row three' },
      shot: { key: 'shot-sweep-1', firstTake: 2 },
      user: { favorite: true, tags: ['Winter', 'hero'] },
    });
    const present = Object.entries(kept ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [k]));
    for (const detail of ['schema', 'body', 'sha256', 'submitReplayed', 'appVersion']) expect(present).not.toContain(detail);
    expect(Object.keys(kept?.timings ?? {}).filter((k) => (kept?.timings as Record<string, unknown>)[k] !== undefined).sort()).toEqual(['completedAt', 'createdAt', 'submittedAt']);
    expect(kept?.frames.map((f) => Object.entries(f).filter(([, v]) => v !== undefined))).toEqual([
      [
        ['role', 'first'],
        ['path', '/frames/abc.png'],
        ['sourceUrl', 'https://example.com/a.png'],
      ],
    ]);
  });

  it('gives back from the cache exactly the entries it was written from, sidecars and a bare video, in every folder', async () => {
    await fillFolder();
    const cold = newIndex();
    await cold.load();
    expect(cold.all()).toHaveLength(4);
    const warm = newIndex();
    const opened = await warm.open();
    expect(opened.fromCache).toBe(true);
    expect(warm.all()).toEqual(cold.all());
    expect(await opened.checked).toMatchObject({ parsed: 0, added: 0, updated: 0, removed: 0 });
  });

  it('reads the whole sidecar from its file when asked, every field; none for a bare video or an unknown id', async () => {
    const [rich] = await fillFolder();
    await newIndex().load();
    const index = newIndex();
    const opened = await index.open();
    expect(await index.fullSidecar(rich?.id ?? '')).toEqual(rich);
    const bare = index.all().find((e) => e.kind === 'bare');
    expect(bare).toBeDefined();
    expect(await index.fullSidecar(bare?.id ?? '')).toBeUndefined();
    expect(await index.fullSidecar('no-such-video')).toBeUndefined();
    await opened.checked;
  });

  it('finds videos loaded from the cache by words of their prompt and by their tags', async () => {
    const [rich, plain] = await fillFolder();
    await newIndex().load();
    const index = newIndex();
    const opened = await index.open();
    expect(queryLibrary(index.all(), { text: 'lighthouse' }).items.map((e) => e.id)).toEqual([plain?.id]);
    expect(queryLibrary(index.all(), { text: 'FOX snowy' }).items.map((e) => e.id)).toEqual([rich?.id]);
    expect(queryLibrary(index.all(), { text: 'winter' }).items.map((e) => e.id)).toEqual([rich?.id]);
    expect(queryLibrary(index.all(), { tags: [['hero']] }).items.map((e) => e.id)).toEqual([rich?.id]);
    expect(queryLibrary(index.all(), { aspect: '9:16', favorite: true }).items.map((e) => e.id)).toEqual([rich?.id]);
    // The check of the folders runs on after open() returns; it may rewrite the cache, so it must end before the folder goes.
    await opened.checked;
  });

  it('rebuilds from the folders when a cached row was altered, or the cache is of the previous version', async () => {
    await fillFolder();
    await newIndex().load();
    const text = await readFile(cachePath, 'utf8');
    await writeFile(cachePath, text.replace('"an old lighthouse at dawn"', '"a lighthouse nobody filmed"'));
    expect((await readLibraryCache(cachePath)).problem).toBe('cache damaged');
    const damaged = newIndex();
    const opened = await damaged.open();
    expect(opened.fromCache).toBe(false);
    expect(await opened.checked).toMatchObject({ parsed: 3, added: 4 });
    expect(queryLibrary(damaged.all(), { text: 'nobody' }).total).toBe(0);

    // A well-formed, checksummed cache as the previous version wrote it: one object per record.
    const body = JSON.stringify(damaged.all().map((entry) => ({ mtimeMs: 0, size: 0, ino: 0, entry })));
    const checksum = createHash('sha256').update(body).digest('hex');
    await writeFile(cachePath, `{"schema":"keyframe.library-cache/2","savedAt":0,"checksum":"${checksum}","records":${body}}`);
    expect((await readLibraryCache(cachePath)).problem).toBe('cache of another version');
    const older = newIndex();
    expect(await older.load()).toMatchObject({ parsed: 3, added: 4 });
    expect((await readLibraryCache(cachePath)).problem).toBeUndefined();
  });
});

describe('recordPathOf', () => {
  it('is path.join of the entry folder and its file name, at the root of a drive too', () => {
    const root = parse(out).root;
    for (const dir of [out, join(out, 'keepers'), root]) {
      const entry = { kind: 'sidecar' as const, id: 'x', dir, sidecarName: 'clip-1.keyframe.json', videoMissing: false, sidecar: makeSidecar(1) };
      expect(recordPathOf(entry)).toBe(join(dir, 'clip-1.keyframe.json'));
    }
  });
});
