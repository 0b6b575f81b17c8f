import { readFile, readdir, symlink, writeFile } from 'node:fs/promises';
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

  it('trashes only the sidecar when the video is already gone', async () => {
    await craftSidecar('crafted-2', 'never-downloaded.mp4');
    expect(h.engine.library.get('crafted-2')?.videoMissing).toBe(true);
    await h.call('library:trash', { id: 'crafted-2' });
    expect(h.shell.trashed).toEqual([join(h.outDir, 'crafted-2.keyframe.json')]);
  });
});
