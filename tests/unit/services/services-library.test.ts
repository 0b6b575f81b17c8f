import { access, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostShell } from '../../../electron/host/host-shell.js';
import { UNDO_WINDOW_MS } from '../../../electron/services/trash-bin.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';
import { sidecarEntry } from '../../support/library-kinds.js';

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

const exists = (path: string) => access(path).then(() => true, () => false);

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

  /** The entry's video and sidecar paths, and where the trash bin holds them during the undo window. */
  const pathsOf = (id: string) => {
    const entry = sidecarEntry(h.engine.library.get(id));
    if (!entry) throw new Error('no entry');
    const held = join(entry.dir, '.keyframe-trash');
    return {
      video: join(entry.dir, entry.sidecar.file),
      sidecar: join(entry.dir, entry.sidecarName),
      heldVideo: join(held, entry.sidecar.file),
      heldSidecar: join(held, entry.sidecarName),
    };
  };

  it('trash takes the clip out of the library at once, holds its files for the undo window, then hands them to the OS trash', async () => {
    const p = pathsOf(videoId);
    expect(await h.call('library:trash', { id: videoId })).toEqual({ ok: true, undoMs: UNDO_WINDOW_MS });
    expect((await callError(h, 'library:get', { id: videoId })).code).toBe('not_found');
    expect((await h.call('library:query', {})).total).toBe(0);
    expect(await h.services.resolveMedia('video', videoId)).toBeUndefined();
    expect(await exists(p.heldVideo)).toBe(true);
    expect(await exists(p.heldSidecar)).toBe(true);
    expect(await exists(p.video)).toBe(false);
    // Nothing has reached the OS trash yet: from there the app could not take it back.
    expect(h.shell.trashed).toEqual([]);
    const removedPushed = () => h.events.some((e) => e.channel === 'library:changed' && (e.payload as { removed: string[] }).removed.includes(videoId));
    await h.drive(removedPushed);

    h.clock.advance(UNDO_WINDOW_MS);
    await vi.waitFor(() => expect(h.shell.trashed).toHaveLength(2), { timeout: 10_000 });
    // Handed over from their original place, so the OS trash's "Put back" returns them to the output folder.
    expect(h.shell.trashed).toEqual([p.video, p.sidecar]);
    expect(await exists(p.heldVideo)).toBe(false);
    expect((await callError(h, 'library:restore', { id: videoId })).key).toBe('library.restore_expired');
  });

  it('restore inside the undo window puts both files back and lists the clip again, favourite and tags kept', async () => {
    await h.call('library:setFavorite', { id: videoId, favorite: true });
    await h.call('library:setTags', { id: videoId, tags: ['sea'] });
    const p = pathsOf(videoId);
    await h.call('library:trash', { id: videoId });
    h.clock.advance(UNDO_WINDOW_MS - 1);
    const back = await h.call('library:restore', { id: videoId });
    expect(back).toMatchObject({ id: videoId, favorite: true, tags: ['sea'], videoMissing: false });
    expect(await exists(p.video)).toBe(true);
    expect(await exists(p.sidecar)).toBe(true);
    expect(await readdir(join(h.outDir, '.keyframe-trash'))).toEqual([]);
    expect((await h.call('library:query', {})).total).toBe(1);
    expect(await h.services.resolveMedia('video', videoId)).toMatchObject({ mime: 'video/mp4' });
    // The window's timer is gone with the hold: nothing goes to the OS trash later.
    h.clock.advance(UNDO_WINDOW_MS * 2);
    await h.engine.queue.settled();
    expect(h.shell.trashed).toEqual([]);
    // And it can be trashed again.
    expect((await h.call('library:trash', { id: videoId })).ok).toBe(true);
  });

  it('restore refuses to overwrite a file that took the clip’s place, and the clip stays restorable', async () => {
    const p = pathsOf(videoId);
    await h.call('library:trash', { id: videoId });
    await writeFile(p.video, 'a new file with the same name');
    const err = await callError(h, 'library:restore', { id: videoId });
    expect(err).toMatchObject({ code: 'invalid_file', key: 'library.restore_taken' });
    expect(await readFile(p.video, 'utf8')).toBe('a new file with the same name');
    expect(await exists(p.heldVideo)).toBe(true);
    await rm(p.video);
    expect((await h.call('library:restore', { id: videoId })).id).toBe(videoId);
  });

  it('closing the app ends every undo window: held clips go to the OS trash', async () => {
    const p = pathsOf(videoId);
    await h.call('library:trash', { id: videoId });
    await h.services.close();
    expect(h.shell.trashed).toEqual([p.video, p.sidecar]);
  });

  it('an OS trash that fails leaves the file back in the output folder, never lost', async () => {
    const p = pathsOf(videoId);
    await h.call('library:trash', { id: videoId });
    h.shell.trashFails = true;
    await h.services.close();
    expect(await exists(p.video)).toBe(true);
    expect(await exists(p.sidecar)).toBe(true);
    expect(h.logger.text()).toContain('could not hand a file to the trash');
  });

  it('in the browser host the trash folder is the trash: files stay there after the window', async () => {
    await h.close();
    h = await createServiceHarness({ key: TEST_KEY, ports: { shell: createHostShell() } });
    const job = await h.call('jobs:submit', { request: { prompt: 'a lighthouse at dusk', duration: 4 } });
    await h.drive(isFinished(h, job.id));
    const id = `${job.id}-0`;
    const p = pathsOf(id);
    await h.call('library:trash', { id });
    h.clock.advance(UNDO_WINDOW_MS);
    await h.services.close();
    expect(await exists(p.heldVideo)).toBe(true);
    expect(await exists(p.heldSidecar)).toBe(true);
    expect(await exists(p.video)).toBe(false);
  });

  it('reveals the video file', async () => {
    expect(await h.call('library:reveal', { id: videoId })).toEqual({ ok: true });
    const entry = sidecarEntry(h.engine.library.get(videoId));
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
      const e = sidecarEntry(h.engine.library.get(videoId));
      if (!e) throw new Error('no entry');
      return { video: e.sidecar.file, sidecar: e.sidecarName };
    };
    const expectRefusedAndNothingTrashed = async (id: string, why: RegExp) => {
      const err = await callError(h, 'library:trash', { id });
      expect(err.code).toBe('invalid_file');
      expect(err.message).toMatch(why);
      expect(h.shell.trashed).toEqual([]);
      expect(await exists(join(h.outDir, '.keyframe-trash'))).toBe(false);
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
      expect(sidecarEntry(h.engine.library.get(videoId))?.videoMissing).toBe(false);
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
      expect((await h.call('library:trash', { id: 'crafted-renamed' })).ok).toBe(true);
      expect((await readdir(join(h.outDir, '.keyframe-trash'))).sort()).toEqual(['crafted-renamed.keyframe.json', 'renamed.MOV']);
    });
  });

  it('trashes only the sidecar when the video is already gone', async () => {
    await craftSidecar('crafted-2', 'never-downloaded.mp4');
    expect(sidecarEntry(h.engine.library.get('crafted-2'))?.videoMissing).toBe(true);
    await h.call('library:trash', { id: 'crafted-2' });
    expect(await readdir(join(h.outDir, '.keyframe-trash'))).toEqual(['crafted-2.keyframe.json']);
  });
});
