import { mkdir, mkdtemp, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLibraryCache } from '../../../electron/core/library/library-cache.js';
import { LibraryIndex, type LibraryChange } from '../../../electron/core/library/library-index.js';
import { scanLibrary } from '../../../electron/core/library/scanner.js';
import { writeSidecar } from '../../../electron/core/library/sidecar.js';
import type { VideoSidecar } from '../../../shared/domain/video.js';
import { FakeClock } from '../../support/fake-clock.js';
import { makeSidecar } from './make-sidecar.js';
import { sidecarEntry } from '../../support/library-kinds.js';

let root: string;
let out: string;
let cachePath: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-lib-'));
  out = join(root, 'out');
  cachePath = join(root, 'state', 'library-cache.json');
  await mkdir(out);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a video file and its sidecar; returns the sidecar name. */
async function addVideo(dir: string, sc: VideoSidecar, withVideo = true): Promise<string> {
  if (withVideo) await writeFile(join(dir, sc.file), 'video');
  return writeSidecar(dir, sc);
}

const newIndex = (clock = new FakeClock()): LibraryIndex => new LibraryIndex({ cachePath, dirs: [out], clock });

describe('scanLibrary', () => {
  it('rebuilds the library from the folder alone, one subfolder deep', async () => {
    await addVideo(out, makeSidecar(1));
    await mkdir(join(out, 'keepers', 'deeper'), { recursive: true });
    await addVideo(join(out, 'keepers'), makeSidecar(2));
    await addVideo(join(out, 'keepers', 'deeper'), makeSidecar(3)); // too deep: ignored
    await addVideo(out, makeSidecar(4), false);
    await writeFile(join(out, 'broken.keyframe.json'), 'not json');

    const { entries, corrupt } = await scanLibrary([out, join(root, 'absent')]);
    expect(entries.map((e) => e.id).sort()).toEqual(['job00001-0', 'job00002-0', 'job00004-0']);
    expect(entries.find((e) => e.id === 'job00002-0')?.dir).toBe(join(out, 'keepers'));
    expect(entries.find((e) => e.id === 'job00004-0')?.videoMissing).toBe(true);
    expect(entries.find((e) => e.id === 'job00001-0')?.videoMissing).toBe(false);
    expect(corrupt).toEqual([join(out, 'broken.keyframe.json')]);
  });
});

describe('LibraryIndex', () => {
  it('builds from the folder, then loads from cache and re-reads only changed sidecars', async () => {
    for (let n = 1; n <= 5; n += 1) await addVideo(out, makeSidecar(n));
    const first = newIndex();
    expect(await first.load()).toEqual({ added: 5, updated: 0, removed: 0, corrupt: [], parsed: 5 });
    expect((await readLibraryCache(cachePath)).records).toHaveLength(5);

    // Change one sidecar on disk (new content, new mtime).
    const path3 = join(out, 'clip-3.keyframe.json');
    await writeSidecar(out, makeSidecar(3, { request: { prompt: 'changed prompt here' } }));
    await utimes(path3, new Date(), new Date(Date.now() + 5000));

    const second = newIndex();
    expect(await second.load()).toEqual({ added: 0, updated: 1, removed: 0, corrupt: [], parsed: 1 });
    expect(sidecarEntry(second.get('job00003-0'))?.sidecar.request.prompt).toBe('changed prompt here');
    expect(second.all()).toHaveLength(5);
    // Nothing changed since: nothing re-read.
    expect(await second.refresh()).toEqual({ added: 0, updated: 0, removed: 0, corrupt: [], parsed: 0 });
  });

  it('adds new sidecars, drops deleted ones and flags missing videos on refresh', async () => {
    await addVideo(out, makeSidecar(1));
    await addVideo(out, makeSidecar(2));
    const index = newIndex();
    await index.load();
    const changes: LibraryChange[] = [];
    index.on('changed', (c) => changes.push(c));

    await unlink(join(out, 'clip-1.keyframe.json'));
    await unlink(join(out, 'clip-2.mp4'));
    await addVideo(out, makeSidecar(3));
    expect(await index.refresh()).toEqual({ added: 1, updated: 1, removed: 1, corrupt: [], parsed: 1 });
    expect(index.get('job00001-0')).toBeUndefined();
    expect(sidecarEntry(index.get('job00002-0'))?.videoMissing).toBe(true);
    expect(changes).toEqual([{ added: ['job00003-0'], updated: ['job00002-0'], removed: ['job00001-0'] }]);
  });

  it('ignores a corrupt cache and rebuilds it with a full scan', async () => {
    await addVideo(out, makeSidecar(1));
    await addVideo(out, makeSidecar(2));
    await mkdir(join(root, 'state'));
    await writeFile(cachePath, '{"schema":"keyframe.library-cache/1","records":[tru');
    const index = newIndex();
    expect(await index.load()).toMatchObject({ added: 2, parsed: 2 });
    expect((await readLibraryCache(cachePath)).records).toHaveLength(2);
  });

  it('reports corrupt sidecars without failing', async () => {
    await addVideo(out, makeSidecar(1));
    await writeFile(join(out, 'bad.keyframe.json'), '{}');
    const report = await newIndex().load();
    expect(report).toMatchObject({ added: 1, corrupt: [join(out, 'bad.keyframe.json')] });
  });

  it('add/remove/setFavorite/setTags update the index, the sidecar and (debounced) the cache', async () => {
    const clock = new FakeClock();
    const index = newIndex(clock);
    await index.load();
    const seen: LibraryChange[] = [];
    const off = index.on('changed', (c) => seen.push(c));

    const name = await addVideo(out, makeSidecar(7));
    const entry = await index.add(out, name);
    expect(entry).toMatchObject({ id: 'job00007-0', dir: out, sidecarName: name, videoMissing: false });
    expect(index.all().map((e) => e.id)).toEqual(['job00007-0']);

    const fav = await index.setFavorite('job00007-0', true);
    expect(fav.sidecar.user.favorite).toBe(true);
    const tagged = await index.setTags('job00007-0', [' beach ', 'Beach', 'sunset']);
    expect(tagged.sidecar.user).toEqual({ favorite: true, tags: ['beach', 'sunset'] });
    expect(JSON.parse(await readFile(join(out, name), 'utf8')).user).toEqual({ favorite: true, tags: ['beach', 'sunset'] });

    // The cache is written once the debounce timer fires.
    clock.advance(1000);
    await index.flush();
    const cached = await readLibraryCache(cachePath);
    expect(sidecarEntry(cached.records[0]?.entry)?.sidecar.user.tags).toEqual(['beach', 'sunset']);
    // The edits did not make the sidecar look changed to the next refresh.
    expect(await index.refresh()).toMatchObject({ parsed: 0, updated: 0 });

    expect(await index.remove('job00007-0')).toBe(true);
    expect(await index.remove('job00007-0')).toBe(false);
    expect(index.all()).toEqual([]);
    await expect(index.setFavorite('job00007-0', false)).rejects.toMatchObject({ app: { code: 'not_found' } });
    off();
    expect(seen.map((c) => [c.added.length, c.updated.length, c.removed.length])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('keeps the first of two sidecars with the same id', async () => {
    await addVideo(out, makeSidecar(1));
    await mkdir(join(out, 'copy'));
    await addVideo(join(out, 'copy'), makeSidecar(1));
    const index = newIndex();
    await index.load();
    expect(index.all()).toHaveLength(1);
    expect(index.get('job00001-0')?.dir).toBe(out);
  });

  it('returns the same all() array until something changes', async () => {
    await addVideo(out, makeSidecar(1));
    const index = newIndex();
    await index.load();
    const a = index.all();
    expect(index.all()).toBe(a);
    await index.setFavorite('job00001-0', true);
    expect(index.all()).not.toBe(a);
  });
});
