import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFileInto, measureFile, removeStrayPartFiles } from '../../../electron/core/library/part-files.js';

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

describe('reading a part back', () => {
  const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
  const MiB = 1024 * 1024;

  it('measures length and sha256 across block boundaries, for an empty file and a file of one byte', async () => {
    for (const size of [0, 1, MiB - 1, MiB, MiB + 1, 3 * MiB + 12_345]) {
      const bytes = randomBytes(size);
      const path = join(dir, `part-${size}`);
      await writeFile(path, bytes);
      expect(await measureFile(path)).toEqual({ bytes: size, sha256: sha(bytes) });
    }
  });

  it('hashes exactly the first n bytes for a resume, wherever n falls', async () => {
    const bytes = randomBytes(2 * MiB + 777);
    const path = join(dir, 'part');
    await writeFile(path, bytes);
    for (const n of [1, MiB - 3, MiB, 2 * MiB + 1, bytes.length]) {
      const hash = createHash('sha256');
      await hashFileInto(path, n, hash);
      expect(hash.digest('hex')).toBe(sha(bytes.subarray(0, n)));
    }
  });

  it('a missing part is an error, not an empty file', async () => {
    await expect(measureFile(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
