import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryIndex, type LibraryChange } from '../../../electron/core/library/library-index.js';
import { writeSidecar } from '../../../electron/core/library/sidecar.js';
import { FakeClock } from '../../support/fake-clock.js';
import { makeSidecar } from './make-sidecar.js';

/**
 * Opening the library as the app does at start: from a usable cache it
 * answers before looking at the folders, and what changed on disk while the
 * app was closed arrives right after, as an ordinary change.
 */

let root: string;
let out: string;
let kept: string;
let cachePath: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-libopen-'));
  out = join(root, 'out');
  kept = join(root, 'kept');
  cachePath = join(root, 'library-cache.json');
  await mkdir(out);
  await mkdir(kept);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const newIndex = (dirs = [out, kept]): LibraryIndex => new LibraryIndex({ cachePath, dirs, clock: new FakeClock() });

async function take(dir: string, n: number): Promise<string> {
  const sc = makeSidecar(n);
  await writeFile(join(dir, sc.file), 'video');
  await writeSidecar(dir, sc);
  return sc.id;
}

const ids = (index: LibraryIndex): string[] => index.all().map((e) => e.id).sort();

describe('LibraryIndex.open', () => {
  it('answers from the cache first; what changed while the app was closed follows as a change', async () => {
    const [a, b] = [await take(out, 1), await take(out, 2)];
    await newIndex().load();
    // While the app was closed: one take added, one deleted.
    const c = await take(out, 3);
    await unlink(join(out, 'clip-2.keyframe.json'));

    const index = newIndex();
    const changes: LibraryChange[] = [];
    index.on('changed', (ch) => changes.push(ch));
    const opened = await index.open();
    expect(opened.fromCache).toBe(true);
    expect(ids(index)).toEqual([a, b].sort());

    expect(await opened.checked).toMatchObject({ added: 1, removed: 1, parsed: 1 });
    expect(ids(index)).toEqual([a, c].sort());
    expect(changes).toEqual([{ added: [c], updated: [], removed: [b] }]);
  });

  it('does not show, even from the cache, a folder dropped from the library while the app was closed', async () => {
    const a = await take(out, 1);
    await take(kept, 2);
    await newIndex().load();

    const index = newIndex([out]);
    const opened = await index.open();
    expect(ids(index)).toEqual([a]);
    expect(await opened.checked).toMatchObject({ added: 0, removed: 0, parsed: 0 });
  });

  it('without a usable cache, resolves only once the folders were read', async () => {
    const a = await take(out, 1);
    await writeFile(cachePath, '{"schema":"not a cache"');
    const index = newIndex();
    const opened = await index.open();
    expect(opened.fromCache).toBe(false);
    expect(ids(index)).toEqual([a]);
    expect(await opened.checked).toMatchObject({ added: 1, parsed: 1 });
  });

  it('keeps an edit made during the check: the favorite waits for it and lands on the checked record', async () => {
    const a = await take(out, 1);
    await newIndex().load();
    const index = newIndex();
    const opened = await index.open();
    const favored = index.setFavorite(a, true);
    await opened.checked;
    await favored;
    expect(index.all().map((e) => (e.kind === 'bare' ? undefined : e.sidecar.user.favorite))).toEqual([true]);
  });
});
