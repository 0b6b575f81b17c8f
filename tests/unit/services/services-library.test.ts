import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';

let h: ServiceHarness;
let videoId: string;

beforeEach(async () => {
  h = await createServiceHarness({ key: TEST_KEY });
  const job = await h.call('jobs:submit', { request: { prompt: 'a lighthouse at dusk', duration: 4 } });
  await h.drive(isFinished(h, job.id));
  videoId = `${job.id}-0`;
});
afterEach(async () => {
  await h.close();
});

/** A copy of the saved sidecar under a new id, pointing at `file` (the kind of edit anyone can make). */
async function craftSidecar(id: string, file: string): Promise<void> {
  const name = (await readdir(h.outDir)).find((n) => n.endsWith('.keyframe.json')) ?? '';
  const sidecar = JSON.parse(await readFile(join(h.outDir, name), 'utf8')) as Record<string, unknown>;
  await writeFile(join(h.outDir, `${id}.keyframe.json`), JSON.stringify({ ...sidecar, id, file }));
  await h.engine.library.refresh();
}

describe('library through the services', () => {
  it('sets favorites and tags (trimmed, deduplicated) and filters on them', async () => {
    expect((await h.call('library:setFavorite', { id: videoId, favorite: true })).favorite).toBe(true);
    expect((await h.call('library:setTags', { id: videoId, tags: ['sea ', 'sea', 'dusk'] })).tags).toEqual(['sea', 'dusk']);
    expect((await h.call('library:query', { favorite: true })).total).toBe(1);
    expect((await h.call('library:query', { favorite: false })).total).toBe(0);
    expect((await callError(h, 'library:setFavorite', { id: 'unknown-id', favorite: true })).code).toBe('not_found');
    expect((await callError(h, 'library:get', { id: 'unknown-id' })).code).toBe('not_found');
  });

  it('trashes the video and its sidecar, then the entry is gone', async () => {
    const entry = h.engine.library.get(videoId);
    if (!entry) throw new Error('no entry');
    const video = join(entry.dir, entry.sidecar.file);
    const sidecar = join(entry.dir, entry.sidecarName);
    expect(await h.call('library:trash', { id: videoId })).toEqual({ ok: true });
    expect(h.shell.trashed).toEqual([video, sidecar]);
    expect((await callError(h, 'library:get', { id: videoId })).code).toBe('not_found');
    expect((await h.call('library:query', {})).total).toBe(0);
    expect(await h.services.resolveMedia('video', videoId)).toBeUndefined();
    const removedPushed = () => h.events.some((e) => e.channel === 'library:changed' && (e.payload as { removed: string[] }).removed.includes(videoId));
    await h.drive(removedPushed);
  });

  it('reveals the video file', async () => {
    expect(await h.call('library:reveal', { id: videoId })).toEqual({ ok: true });
    const entry = h.engine.library.get(videoId);
    expect(h.shell.revealed).toEqual([join(entry?.dir ?? '', entry?.sidecar.file ?? '')]);
  });

  it('resolves media only for library videos and stored frames', async () => {
    expect(await h.services.resolveMedia('video', videoId)).toMatchObject({ mime: 'video/mp4' });
    for (const id of ['nope', '../../etc/passwd', '..', '', '__proto__', 'constructor']) {
      expect(await h.services.resolveMedia('video', id)).toBeUndefined();
      expect(await h.services.resolveMedia('frame', id)).toBeUndefined();
    }
    expect(await h.services.resolveMedia('frame', 'a'.repeat(64))).toBeUndefined();
    expect(await h.services.resolveMedia('other' as 'video', videoId)).toBeUndefined();
  });

  it('refuses a sidecar whose video is a symlink leading out of the library', async () => {
    const outside = join(h.root, 'secret.mp4');
    await writeFile(outside, 'not yours');
    await symlink(outside, join(h.outDir, 'escape.mp4'));
    await craftSidecar('crafted-1', 'escape.mp4');
    expect(h.engine.library.get('crafted-1')).toBeDefined();
    expect(await h.services.resolveMedia('video', 'crafted-1')).toBeUndefined();
    expect((await callError(h, 'library:trash', { id: 'crafted-1' })).code).toBe('not_found');
    expect((await callError(h, 'library:reveal', { id: 'crafted-1' })).code).toBe('not_found');
    expect(h.shell.trashed).toEqual([]);
  });

  describe('trash acts only on a regular video file beside its own sidecar', () => {
    /** The saved entry's video and sidecar names. */
    const realNames = () => {
      const e = h.engine.library.get(videoId);
      if (!e) throw new Error('no entry');
      return { video: e.sidecar.file, sidecar: e.sidecarName };
    };
    const expectRefusedAndNothingTrashed = async (id: string, why: RegExp) => {
      const err = await callError(h, 'library:trash', { id });
      expect(err.code).toBe('invalid_file');
      expect(err.message).toMatch(why);
      expect(h.shell.trashed).toEqual([]);
      expect(h.engine.library.get(id)).toBeDefined();
      expect(await readdir(h.outDir)).toContain(`${id}.keyframe.json`);
    };

    it('a folder: refused, the folder and its contents stay', async () => {
      await mkdir(join(h.outDir, 'sub.mp4'));
      await writeFile(join(h.outDir, 'sub.mp4', 'keep-me.txt'), 'x');
      await mkdir(join(h.outDir, 'sub'));
      await craftSidecar('crafted-dir', 'sub');
      await expectRefusedAndNothingTrashed('crafted-dir', /not a video file/);
      await craftSidecar('crafted-dir-mp4', 'sub.mp4');
      await expectRefusedAndNothingTrashed('crafted-dir-mp4', /folder or a special file/);
      expect(await readdir(join(h.outDir, 'sub.mp4'))).toEqual(['keep-me.txt']);
      // Reveal and drag out take the same rule.
      expect((await callError(h, 'library:reveal', { id: 'crafted-dir-mp4' })).code).toBe('invalid_file');
      expect(h.shell.revealed).toEqual([]);
    });

    it("another entry's sidecar or video: refused, the other entry is untouched", async () => {
      const { video, sidecar } = realNames();
      await craftSidecar('crafted-sidecar', sidecar);
      await expectRefusedAndNothingTrashed('crafted-sidecar', /not a video file/);
      await craftSidecar('crafted-video', video);
      await expectRefusedAndNothingTrashed('crafted-video', new RegExp(`video of another record \\(${sidecar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
      expect(h.engine.library.get(videoId)?.videoMissing).toBe(false);
      expect(await readdir(h.outDir)).toEqual(expect.arrayContaining([video, sidecar]));
    });

    it('a partial download, a file in another folder, a symlink or a file that is not a video: refused', async () => {
      const { video } = realNames();
      await writeFile(join(h.outDir, 'half.mp4.part'), 'x');
      await craftSidecar('crafted-part', 'half.mp4.part');
      await expectRefusedAndNothingTrashed('crafted-part', /not a video file/);
      await mkdir(join(h.outDir, 'nested'));
      await writeFile(join(h.outDir, 'nested', 'inner.mp4'), 'x');
      // A name with a folder in it is not even listed (the sidecar reader skips it as damaged).
      for (const [id, file] of [['crafted-nested', 'nested/inner.mp4'], ['crafted-up', '../out/inner.mp4']] as const) {
        await craftSidecar(id, file);
        expect(h.engine.library.get(id)).toBeUndefined();
        expect((await callError(h, 'library:trash', { id })).code).toBe('not_found');
      }
      await symlink(join(h.outDir, video), join(h.outDir, 'alias.mp4'));
      await craftSidecar('crafted-link', 'alias.mp4');
      await expectRefusedAndNothingTrashed('crafted-link', /link to another file/);
      await writeFile(join(h.outDir, 'notes.txt'), 'x');
      await craftSidecar('crafted-text', 'notes.txt');
      await expectRefusedAndNothingTrashed('crafted-text', /not a video file/);
      expect((await readdir(h.outDir)).sort()).toEqual(expect.arrayContaining(['alias.mp4', 'half.mp4.part', 'nested', 'notes.txt', video]));
    });

    it('a regular video beside a sidecar of another name, with no record of its own, is trashed with it', async () => {
      await writeFile(join(h.outDir, 'renamed.MOV'), 'x');
      await craftSidecar('crafted-renamed', 'renamed.MOV');
      expect(await h.call('library:trash', { id: 'crafted-renamed' })).toEqual({ ok: true });
      expect(h.shell.trashed).toEqual([join(h.outDir, 'renamed.MOV'), join(h.outDir, 'crafted-renamed.keyframe.json')]);
    });
  });

  it('trashes only the sidecar when the video is already gone', async () => {
    await craftSidecar('crafted-2', 'never-downloaded.mp4');
    expect(h.engine.library.get('crafted-2')?.videoMissing).toBe(true);
    await h.call('library:trash', { id: 'crafted-2' });
    expect(h.shell.trashed).toEqual([join(h.outDir, 'crafted-2.keyframe.json')]);
  });
});
