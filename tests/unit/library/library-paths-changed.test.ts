import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryIndex, type LibraryChange } from '../../../electron/core/library/library-index.js';
import { writeSidecar } from '../../../electron/core/library/sidecar.js';
import { FakeClock } from '../../support/fake-clock.js';
import { sidecarEntry } from '../../support/library-kinds.js';
import { makeSidecar } from './make-sidecar.js';

/**
 * LibraryIndex.pathsChanged, the watcher's way in: only the folders of the
 * changed paths are listed and only the changed files read, however large
 * the library; paths that are not the library's change nothing.
 */

let root: string;
let out: string;
let index: LibraryIndex;
let changes: LibraryChange[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-paths-'));
  out = join(root, 'out');
  await mkdir(join(out, 'keepers'), { recursive: true });
  for (let n = 1; n <= 40; n++) await addVideo(n % 2 === 0 ? out : join(out, 'keepers'), n);
  index = new LibraryIndex({ cachePath: join(root, 'cache.json'), dirs: [out], clock: new FakeClock() });
  await index.load();
  changes = [];
  index.on('changed', (c) => changes.push(c));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function addVideo(dir: string, n: number, prompt?: string): Promise<string> {
  const sc = makeSidecar(n, prompt ? { request: { prompt } } : {});
  await writeFile(join(dir, sc.file), 'video');
  return join(dir, await writeSidecar(dir, sc));
}

describe('LibraryIndex.pathsChanged', () => {
  it('reads only the sidecar that changed, not the other 39', async () => {
    const path = await addVideo(out, 2, 'rewritten prompt');
    expect(await index.pathsChanged([path])).toEqual({ added: 0, updated: 1, removed: 0, corrupt: [], parsed: 1 });
    expect(sidecarEntry(index.get('job00002-0'))?.sidecar.request.prompt).toBe('rewritten prompt');
    expect(changes).toEqual([{ added: [], updated: ['job00002-0'], removed: [] }]);
  });

  it('adds a new video, drops a deleted one and marks a video gone, in the folder named only', async () => {
    const added = await addVideo(join(out, 'keepers'), 41);
    await rm(join(out, 'keepers', 'clip-1.keyframe.json'));
    await rm(join(out, 'keepers', 'clip-3.mp4'));
    const report = await index.pathsChanged([added, join(out, 'keepers', 'clip-41.mp4'), join(out, 'keepers', 'clip-1.keyframe.json'), join(out, 'keepers', 'clip-3.mp4')]);
    expect(report).toMatchObject({ added: 1, updated: 1, removed: 1, parsed: 1 });
    expect(changes).toEqual([{ added: ['job00041-0'], updated: ['job00003-0'], removed: ['job00001-0'] }]);
    expect(sidecarEntry(index.get('job00003-0'))?.videoMissing).toBe(true);
    expect(index.all()).toHaveLength(40);
  });

  it('follows a subfolder renamed: the same videos, updated, none lost or doubled', async () => {
    await rename(join(out, 'keepers'), join(out, 'best'));
    await index.pathsChanged([join(out, 'keepers'), join(out, 'best')]);
    expect(index.all()).toHaveLength(40);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.added).toEqual([]);
    expect(changes[0]?.removed).toEqual([]);
    expect(changes[0]?.updated).toHaveLength(20);
    expect(index.get('job00001-0')?.dir).toBe(join(out, 'best'));
  });

  it('changes nothing for a path outside the folders, in a hidden folder (the trash) or two subfolders deep', async () => {
    await mkdir(join(out, '.keyframe-trash'));
    await mkdir(join(out, 'keepers', 'deeper'));
    const trashed = await addVideo(join(out, '.keyframe-trash'), 50);
    const deep = await addVideo(join(out, 'keepers', 'deeper'), 51);
    const outside = await addVideo(root, 52);
    for (const path of [trashed, deep, outside]) {
      expect(await index.pathsChanged([path])).toEqual({ added: 0, updated: 0, removed: 0, corrupt: [], parsed: 0 });
    }
    expect(changes).toEqual([]);
  });
});
