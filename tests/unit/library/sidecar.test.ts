import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeTags, readSidecar, updateSidecarUser, writeSidecar } from '../../../electron/core/library/sidecar.js';
import { isAppFailure, type AppError } from '../../../shared/errors.js';
import type { VideoSidecar } from '../../../shared/domain/video.js';
import { makeSidecar } from './make-sidecar.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-sc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (isAppFailure(err)) return err.app;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('sidecars', () => {
  it('round-trips through disk beside the video name', async () => {
    const sc = makeSidecar(1, { request: { negative_prompt: 'blur', seed: 7 } });
    const name = await writeSidecar(dir, sc);
    expect(name).toBe('clip-1.keyframe.json');
    expect(await readSidecar(join(dir, name))).toEqual(sc);
    // Human-readable, and no temp file left behind.
    expect(await readFile(join(dir, name), 'utf8')).toContain('\n  "schema"');
    expect(await readdir(dir)).toEqual([name]);
  });

  it('refuses to write an invalid sidecar', async () => {
    const bad = { ...makeSidecar(1), bytes: -1 } as VideoSidecar;
    expect((await appError(writeSidecar(dir, bad))).code).toBe('internal');
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports bad JSON and schema mismatches as corrupt_data', async () => {
    await writeFile(join(dir, 'a.keyframe.json'), '{"schema": "keyframe.video/1",');
    const e1 = await appError(readSidecar(join(dir, 'a.keyframe.json')));
    expect(e1).toMatchObject({ code: 'corrupt_data' });
    expect(e1.message).toMatch(/"a\.keyframe\.json" is damaged \(not valid JSON\)/);

    await writeFile(join(dir, 'b.keyframe.json'), JSON.stringify({ ...makeSidecar(2), bytes: 'many' }));
    const e2 = await appError(readSidecar(join(dir, 'b.keyframe.json')));
    expect(e2.code).toBe('corrupt_data');
    expect(e2.detail).toMatch(/bytes/);
  });

  it('rejects a sidecar whose video path leaves its folder', async () => {
    await writeFile(join(dir, 'c.keyframe.json'), JSON.stringify({ ...makeSidecar(3), file: '../../etc/x.mp4' }));
    expect((await appError(readSidecar(join(dir, 'c.keyframe.json')))).code).toBe('corrupt_data');
  });

  it('reports a missing sidecar as not_found', async () => {
    expect((await appError(readSidecar(join(dir, 'none.keyframe.json')))).code).toBe('not_found');
  });

  it('patches favorite and tags, keeping everything else', async () => {
    const sc = makeSidecar(4);
    const path = join(dir, await writeSidecar(dir, sc));
    const fav = await updateSidecarUser(path, { favorite: true });
    expect(fav.user).toEqual({ favorite: true, tags: [] });
    const tagged = await updateSidecarUser(path, { tags: ['  sea ', 'Sea', 'night', ''] });
    expect(tagged.user).toEqual({ favorite: true, tags: ['sea', 'night'] });
    expect(await readSidecar(path)).toEqual({ ...sc, user: { favorite: true, tags: ['sea', 'night'] } });
  });

  it('serialises concurrent patches to the same sidecar', async () => {
    const path = join(dir, await writeSidecar(dir, makeSidecar(5)));
    await Promise.all([updateSidecarUser(path, { favorite: true }), updateSidecarUser(path, { tags: ['a'] })]);
    expect((await readSidecar(path)).user).toEqual({ favorite: true, tags: ['a'] });
  });

  it('bounds tags', () => {
    expect(() => normalizeTags(['x'.repeat(41)])).toThrow(/too long/);
    expect(normalizeTags(['x'.repeat(40)])).toHaveLength(1);
    expect(() => normalizeTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toThrow(/at most 20/);
    expect(normalizeTags([...Array.from({ length: 20 }, (_, i) => `t${i}`), 'T0'])).toHaveLength(20);
  });
});
