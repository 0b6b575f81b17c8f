import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeFolderWatcher } from '../../../electron/core/library/watch-native.js';
import type { FolderWatcher } from '../../../electron/core/library/watch-folders.js';

/**
 * The OS-notified watch of a library folder: its own watch and one per
 * subfolder, speaking the events LibraryWatch reads. Each wait ends at the
 * first event that satisfies it and fails after 5 s.
 */

const GIVE_UP_MS = 5000;

let root: string;
let watcher: FolderWatcher | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-native-watch-'));
});
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(root, { recursive: true, force: true });
});

interface Seen {
  raw: string[];
  dirs: string[];
}

/** The watcher started and ready, with every file named by a raw event (as the full path) and every subfolder event. */
async function started(dir: string): Promise<{ seen: Seen; until: (holds: (s: Seen) => boolean) => Promise<void> }> {
  const seen: Seen = { raw: [], dirs: [] };
  const waits = new Set<() => void>();
  const w = nativeFolderWatcher(dir);
  watcher = w;
  w.on('raw', ((_event: string, name: string | null, details: { watchedPath: string }) => {
    if (name !== null) seen.raw.push(join(details.watchedPath, name));
    for (const look of waits) look();
  }) as (...args: never[]) => void);
  w.on('all', ((event: string, path: string) => {
    seen.dirs.push(`${event} ${path}`);
    for (const look of waits) look();
  }) as (...args: never[]) => void);
  await new Promise<void>((resolve, reject) => {
    w.on('ready', () => resolve());
    w.on('error', ((err: unknown) => reject(err)) as (...args: never[]) => void);
  });
  const until = (holds: (s: Seen) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not seen in ${GIVE_UP_MS} ms: ${JSON.stringify(seen)}`)), GIVE_UP_MS);
      const look = () => {
        if (!holds(seen)) return;
        waits.delete(look);
        clearTimeout(timer);
        resolve();
      };
      waits.add(look);
      look();
    });
  return { seen, until };
}

describe('nativeFolderWatcher', () => {
  it('names files changed in the folder and in a subfolder that was there at start', async () => {
    await mkdir(join(root, 'keepers'));
    const { until } = await started(root);
    await writeFile(join(root, 'a.mp4'), 'x');
    await writeFile(join(root, 'keepers', 'b.keyframe.json'), '{}');
    await until((s) => s.raw.includes(join(root, 'a.mp4')) && s.raw.includes(join(root, 'keepers', 'b.keyframe.json')));
  });

  it('follows a subfolder made after it started, and tells when it goes', async () => {
    const { until } = await started(root);
    const sub = join(root, 'later');
    await mkdir(sub);
    await until((s) => s.dirs.includes(`addDir ${sub}`));
    await writeFile(join(sub, 'c.mp4'), 'x');
    await until((s) => s.raw.includes(join(sub, 'c.mp4')));
    await rm(sub, { recursive: true });
    await until((s) => s.dirs.includes(`unlinkDir ${sub}`));
  });

  it('does not watch hidden folders (the trash) nor folders two levels down', async () => {
    await mkdir(join(root, '.keyframe-trash'));
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    const { seen, until } = await started(root);
    await writeFile(join(root, '.keyframe-trash', 'gone.mp4'), 'x');
    await writeFile(join(root, 'a', 'b', 'deep.mp4'), 'x');
    // A file written after both, in a watched folder: once it is seen, the others would have been too.
    await writeFile(join(root, 'a', 'last.mp4'), 'x');
    await until((s) => s.raw.includes(join(root, 'a', 'last.mp4')));
    expect(seen.raw.filter((p) => p.endsWith('gone.mp4') || p.endsWith('deep.mp4'))).toEqual([]);
  });

  it('reports a folder that cannot be watched as an error, not a throw', async () => {
    const w = nativeFolderWatcher(join(root, 'missing'));
    watcher = w;
    const err = await new Promise<unknown>((resolve) => w.on('error', ((e: unknown) => resolve(e)) as (...args: never[]) => void));
    expect((err as { code?: string }).code).toBe('ENOENT');
  });
});
