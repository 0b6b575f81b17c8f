import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStrayPartFiles } from '../../../electron/core/library/part-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-parts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('removeStrayPartFiles', () => {
  it('deletes only the named .mp4.part files, and only regular files among them', async () => {
    for (const n of ['a.mp4.part', 'b.mp4.part', 'c.mp4.part', 'd.mp4', 'e.part']) await writeFile(join(dir, n), 'x');
    await mkdir(join(dir, 'folder.mp4.part'));
    await symlink(join(dir, 'd.mp4'), join(dir, 'link.mp4.part'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'f.mp4.part'), 'x');
    const named = ['a.mp4.part', 'd.mp4', 'e.part', 'folder.mp4.part', 'link.mp4.part', 'gone.mp4.part', '../c.mp4.part', 'sub/f.mp4.part', 'sub\\f.mp4.part'];
    expect(await removeStrayPartFiles(dir, named)).toEqual(['a.mp4.part']);
    expect((await readdir(dir)).sort()).toEqual(['b.mp4.part', 'c.mp4.part', 'd.mp4', 'e.part', 'folder.mp4.part', 'link.mp4.part', 'sub']);
    expect(await readdir(join(dir, 'sub'))).toEqual(['f.mp4.part']);
  });

  it('never deletes a .part it is not given, and a missing folder is nothing to do', async () => {
    await writeFile(join(dir, 'someone-elses.mp4.part'), 'x');
    expect(await removeStrayPartFiles(dir, [])).toEqual([]);
    expect(await readdir(dir)).toEqual(['someone-elses.mp4.part']);
    expect(await removeStrayPartFiles(join(dir, 'missing'), ['a.mp4.part'])).toEqual([]);
  });
});
