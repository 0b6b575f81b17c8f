import { unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sidecarNameFor } from '../../../electron/core/library/file-naming.js';
import { RECONCILE_SLICE, reconcile, type ReconcileScope } from '../../../electron/core/library/library-reconcile.js';
import { wholeScope } from '../../../electron/core/library/library-scope.js';
import { StringPool } from '../../../electron/core/library/library-sidecar.js';
import { listLibraryFolders } from '../../../electron/core/library/scanner.js';
import { fullGarbageCollector } from '../../../electron/core/util/full-gc.js';
import { makeSidecar } from './make-sidecar.js';

/**
 * The check of the library folders at start-up goes over every file, 110,000
 * of them in a large library: whatever it holds per file, for all of them at
 * once, is the process's peak memory. The listing holds the names (not a path
 * and an object per file), and the files are looked at a slice at a time,
 * each slice done with before the next is begun.
 */

let out: string;

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'kf-libcheck-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Sidecars alone (their videos missing): the check reads them all the same, in a third of the files. */
function writeSidecars(count: number): void {
  for (let n = 1; n <= count; n++) {
    const sc = makeSidecar(n);
    writeFileSync(join(out, sidecarNameFor(sc.file)), JSON.stringify(sc));
  }
}

/** Heap held after a full collection. */
function heldHeap(collect: () => void): number {
  collect();
  return process.memoryUsage().heapUsed;
}

describe('listing the library folders', () => {
  it('holds little more than the names of a folder of 10,000 files', async () => {
    const count = 10_000;
    for (let i = 0; i < count; i++) writeFileSync(join(out, `clip-${String(i).padStart(5, '0')}.${i % 2 === 0 ? 'mp4' : 'keyframe.json'}`), '');
    const collect = fullGarbageCollector();
    const before = heldHeap(collect);
    const listing = await listLibraryFolders([{ dir: out, subfolders: true }]);
    const perFile = (heldHeap(collect) - before) / count;
    expect(listing.namesByDir.get(out)?.size).toBe(count);
    // A name is some 40 bytes and its place in the folder's set about as much; a path per file made by
    // path.join (a string per path segment) and an object to hold it are 400 more.
    expect(perFile).toBeLessThan(200);
  }, 60_000);
});

describe('checking the folders against the records', () => {
  it('is done with a slice of files (stat, read, record) before it looks at the next', async () => {
    // One more than a slice: the last sidecar begins the next slice.
    writeSidecars(RECONCILE_SLICE + 1);
    const pool = new StringPool();
    const first = await reconcile(new Map(), wholeScope([out]), pool);
    const paths = [...first.records.keys()];
    expect(paths).toHaveLength(RECONCILE_SLICE + 1);
    const [firstPath, nextSlicePath] = [paths[0] as string, paths[RECONCILE_SLICE] as string];

    // Nothing trusted: every file is stat'ed again. When the next slice's first file is looked at, the
    // first slice's first file is deleted: it was already checked and recorded, so it is still listed
    // (the next check drops it). Stamps taken for every file before any is recorded would miss it.
    const scope: ReconcileScope = {
      ...wholeScope([out]),
      trusted: (path) => {
        if (path === nextSlicePath) unlinkSync(firstPath);
        return false;
      },
    };
    const again = await reconcile(first.records, scope, pool);
    expect(again.records.has(firstPath)).toBe(true);
    expect(again.change).toEqual({ added: [], updated: [], removed: [] });
    expect(again.records.size).toBe(RECONCILE_SLICE + 1);
  }, 60_000);
});
