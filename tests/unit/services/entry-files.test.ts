import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../../shared/domain/video.js';
import { isAppFailure } from '../../../shared/errors.js';
import { entryFiles } from '../../../electron/services/media.js';

let root: string;
let lib: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-entry-files-'));
  lib = join(root, 'library');
  await mkdir(lib);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Only the fields entryFiles reads; the rest of a sidecar does not matter here. */
const entryFor = (sidecarName: string, file: string) =>
  ({ id: 'e', dir: lib, sidecarName, videoMissing: false, sidecar: { file } }) as unknown as LibraryEntry;

const refusal = async (entry: LibraryEntry) => {
  try {
    await entryFiles(entry, [lib]);
  } catch (err) {
    if (isAppFailure(err)) return err.app;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('entryFiles', () => {
  it('gives the video beside its sidecar, and says whether it is there now', async () => {
    await writeFile(join(lib, 'a.keyframe.json'), '{}');
    expect(await entryFiles(entryFor('a.keyframe.json', 'a.mp4'), [lib])).toEqual({ sidecar: join(lib, 'a.keyframe.json'), video: join(lib, 'a.mp4'), videoPresent: false });
    await writeFile(join(lib, 'a.mp4'), 'x');
    expect((await entryFiles(entryFor('a.keyframe.json', 'a.mp4'), [lib]))?.videoPresent).toBe(true);
  });

  it.each(['sub/a.mp4', '../a.mp4', 'x\\..\\a.mp4', '..', '.'])('refuses a video name that is not a plain file name beside the sidecar: %s', async (file) => {
    await writeFile(join(lib, 'a.keyframe.json'), '{}');
    expect(await refusal(entryFor('a.keyframe.json', file))).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/not a (file in the same folder|video file)/) });
  });

  it('does not act on a sidecar that is a symlink (it would act on the file it leads to)', async () => {
    await writeFile(join(lib, 'other.keyframe.json'), '{}');
    await symlink(join(lib, 'other.keyframe.json'), join(lib, 'a.keyframe.json'));
    await writeFile(join(lib, 'a.mp4'), 'x');
    expect(await entryFiles(entryFor('a.keyframe.json', 'a.mp4'), [lib])).toBeUndefined();
  });

  it('a symlinked video leading out of the library is simply not there', async () => {
    await writeFile(join(lib, 'a.keyframe.json'), '{}');
    await writeFile(join(root, 'outside.mp4'), 'x');
    await symlink(join(root, 'outside.mp4'), join(lib, 'a.mp4'));
    expect(await entryFiles(entryFor('a.keyframe.json', 'a.mp4'), [lib])).toBeUndefined();
  });
});
