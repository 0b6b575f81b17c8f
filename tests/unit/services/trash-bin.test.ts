import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrashBin } from '../../../electron/services/trash-bin.js';
import { TRASH_DIR } from '../../../electron/services/trash-folder.js';
import { FakeClock } from '../../support/fake-clock.js';
import { FakeShell, MemoryLogger } from './fakes.js';

/** The trash bin on its own: what a failed hold leaves, what a crash leaves, and who wins a race with the window. */

let root: string;
let out: string;
let clock: FakeClock;
let shell: FakeShell;
let logger: MemoryLogger;
let bin: TrashBin;

const exists = (path: string) => access(path).then(() => true, () => false);
const place = { dir: '', sidecarName: 'clip.keyframe.json' };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'keyframe-trash-bin-'));
  out = join(root, 'out');
  await mkdir(out);
  clock = new FakeClock();
  shell = new FakeShell(join(root, 'os-trash'));
  logger = new MemoryLogger();
  bin = new TrashBin({ shell, clock, logger, undoWindowMs: 1000 });
  place.dir = out;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('TrashBin', () => {
  it('a hold that cannot move its second file puts the first back: never half in the trash', async () => {
    await writeFile(join(out, 'clip.mp4'), 'video');
    await expect(bin.hold('c1', place, [join(out, 'clip.mp4'), join(out, 'clip.keyframe.json')])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await exists(join(out, 'clip.mp4'))).toBe(true);
    expect(await readdir(join(out, TRASH_DIR))).toEqual([]);
    expect(bin.holds('c1')).toBe(false);
  });

  it('two clips with the same file name are held side by side; each restore brings back its own bytes', async () => {
    await writeFile(join(out, 'clip.mp4'), 'first');
    await bin.hold('c1', place, [join(out, 'clip.mp4')]);
    await writeFile(join(out, 'clip.mp4'), 'second');
    await bin.hold('c2', place, [join(out, 'clip.mp4')]);
    expect((await readdir(join(out, TRASH_DIR))).sort()).toEqual(['clip (2).mp4', 'clip.mp4']);
    expect(await bin.restore('c1')).toEqual(place);
    expect(await readFile(join(out, 'clip.mp4'), 'utf8')).toBe('first');
    // c2's place is taken by c1 now: refused, nothing overwritten, c2 still held.
    await expect(bin.restore('c2')).rejects.toMatchObject({ app: { key: 'library.restore_taken' } });
    expect(await readFile(join(out, 'clip.mp4'), 'utf8')).toBe('first');
    expect(bin.holds('c2')).toBe(true);
  });

  it('a refused restore keeps the original deadline: the window does not grow with each try', async () => {
    await writeFile(join(out, 'clip.mp4'), 'video');
    await bin.hold('c1', place, [join(out, 'clip.mp4')]);
    clock.advance(600);
    await writeFile(join(out, 'clip.mp4'), 'in the way');
    await expect(bin.restore('c1')).rejects.toBeDefined();
    clock.advance(400);
    await bin.close();
    expect(bin.holds('c1')).toBe(false);
    // The original's place was taken, so it went to the OS trash from the trash folder.
    expect(shell.trashed).toEqual([join(out, TRASH_DIR, 'clip.mp4')]);
  });

  it('a start after a crash hands what is left in the trash folder to the OS trash, sidecars last', async () => {
    await mkdir(join(out, TRASH_DIR));
    await writeFile(join(out, TRASH_DIR, 'left.keyframe.json'), '{}');
    await writeFile(join(out, TRASH_DIR, 'left.mp4'), 'video');
    await bin.sweep([out, join(root, 'no-such-folder')]);
    expect(shell.trashed).toEqual([join(out, 'left.mp4'), join(out, 'left.keyframe.json')]);
  });

  it('no sweep where the trash folder is the trash itself (browser host)', async () => {
    const hostBin = new TrashBin({ shell: Object.assign(shell, { trashIsAppFolder: true }), clock, logger });
    await mkdir(join(out, TRASH_DIR));
    await writeFile(join(out, TRASH_DIR, 'kept.mp4'), 'video');
    await hostBin.sweep([out]);
    expect(shell.trashed).toEqual([]);
    expect(await exists(join(out, TRASH_DIR, 'kept.mp4'))).toBe(true);
  });
});
