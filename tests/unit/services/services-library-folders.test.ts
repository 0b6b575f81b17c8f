import { copyFile, mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../../electron/services/app-services.js';
import type { BareVideoView, VideoView } from '../../../shared/ipc/views.js';
import { fixture, writeTaggedMp4 } from '../../support/tagged-mp4.js';
import { callError, createServiceHarness, type ServiceHarness } from './service-harness.js';

/**
 * Library folders through the contract (list, add by path or dialog, remove)
 * and videos without a sidecar served like any other: by id, inside the
 * library folders only, trashed and put back.
 */

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const bareOf = (v: VideoView): BareVideoView => {
  if (v.kind !== 'bare') throw new Error(`${v.id} is not a bare video`);
  return v;
};

async function open(): Promise<ServiceHarness> {
  h = await createServiceHarness({
    prepare: async ({ outDir }) => {
      await mkdir(outDir, { recursive: true });
    },
  });
  return h;
}

describe('library folders', () => {
  it('lists the output folder, adds a folder by its path (its videos join the library) and remembers it', async () => {
    const s = await open();
    expect((await s.call('library:folders')).folders.map((f) => [f.path, f.output])).toEqual([[s.outDir, true]]);

    const flow = join(s.root, 'Flow exports');
    await mkdir(flow);
    await copyFile(fixture('clip-16x9-8s.mp4'), join(flow, 'veo take 1.mp4'));
    const view = await s.call('library:addFolder', { path: flow });
    expect(view.folders.map((f) => [f.path, f.output])).toEqual([
      [s.outDir, true],
      [flow, false],
    ]);
    const page = await s.call('library:query', {});
    expect(page.items.map((v) => [v.kind, v.fileName])).toEqual([['bare', 'veo take 1.mp4']]);
    expect(bareOf(page.items[0] as VideoView).container.durationS).toBeCloseTo(8, 1);

    const remembered = JSON.parse(await readFile(join(s.dataDir, 'library-folders.json'), 'utf8')) as { dirs: string[] };
    expect(remembered.dirs).toEqual([s.outDir, flow]);
    // Added twice is added once.
    expect((await s.call('library:addFolder', { path: flow })).folders).toHaveLength(2);
  });

  it('adds the folder picked in the dialog; a cancelled dialog changes nothing', async () => {
    const s = await open();
    s.shell.nextFolder = undefined;
    expect((await s.call('library:chooseFolder')).folders).toHaveLength(1);
    const picked = join(s.root, 'picked');
    await mkdir(picked);
    s.shell.nextFolder = picked;
    expect((await s.call('library:chooseFolder')).folders.map((f) => f.path)).toEqual([s.outDir, picked]);
  });

  it('refuses a relative path, a missing folder, and a folder inside (or holding) one already listed', async () => {
    const s = await open();
    expect(await callError(s, 'library:addFolder', { path: 'videos/flow' })).toMatchObject({ code: 'invalid_request', key: 'library.folder_relative', field: 'path' });
    expect(await callError(s, 'library:addFolder', { path: join(s.root, 'nowhere') })).toMatchObject({ code: 'invalid_request', key: 'library.folder_missing' });
    await mkdir(join(s.outDir, 'keepers'));
    expect(await callError(s, 'library:addFolder', { path: join(s.outDir, 'keepers') })).toMatchObject({ key: 'library.folder_nested' });
    expect(await callError(s, 'library:addFolder', { path: s.root })).toMatchObject({ key: 'library.folder_nested' });
    expect((await s.call('library:folders')).folders).toHaveLength(1);
  });

  it('removes an added folder (its videos leave the list, the files stay), never the output folder', async () => {
    const s = await open();
    const other = join(s.root, 'other');
    await mkdir(other);
    await copyFile(fixture('clip-9x16-4s.mp4'), join(other, 'tall.mp4'));
    await s.call('library:addFolder', { path: other });
    expect((await s.call('library:query', {})).total).toBe(1);

    expect((await s.call('library:removeFolder', { path: other })).folders.map((f) => f.path)).toEqual([s.outDir]);
    expect((await s.call('library:query', {})).total).toBe(0);
    expect(await readdir(other)).toEqual(['tall.mp4']);
    expect(await callError(s, 'library:removeFolder', { path: s.outDir })).toMatchObject({ key: 'library.folder_is_output' });
    expect(await callError(s, 'library:removeFolder', { path: other })).toMatchObject({ code: 'not_found', key: 'library.folder_unknown' });

    // Forgotten across a restart too.
    await s.services.close();
    const reopened = await openAppServices(s.ports, { watchFolders: false });
    s.services = reopened.services;
    expect((await reopened.services.handlers.library.folders({})).folders.map((f) => f.path)).toEqual([s.outDir]);
  });
});

describe('videos without a sidecar', () => {
  it('are served by id with their container type, and never from outside the library folders', async () => {
    const s = await open();
    await copyFile(fixture('clip-16x9-4s.mp4'), join(s.outDir, 'plain.mp4'));
    const outside = join(s.root, 'outside.mp4');
    await copyFile(fixture('clip-16x9-6s.mp4'), outside);
    await symlink(outside, join(s.outDir, 'link.mp4'));
    await s.engine.library.refresh();

    const items = (await s.call('library:query', {})).items;
    // A symlink is not followed out of the folder: only the real file is listed.
    expect(items.map((v) => v.fileName)).toEqual(['plain.mp4']);
    const plain = bareOf(items[0] as VideoView);
    expect(plain).toMatchObject({ favorite: false, tags: [], videoMissing: false, mediaUrl: `keyframe-media://video/${plain.id}`, takes: 1 });
    expect(await s.services.resolveMedia('video', plain.id)).toMatchObject({ mime: 'video/mp4', size: plain.bytes });
    // Posters are kept for it like for any video.
    const jpeg = await readFile(fixture('clip-16x9-4s.jpg'));
    expect((await s.call('library:savePoster', { id: plain.id, dataBase64: jpeg.toString('base64') })).posterUrl).toBe(`keyframe-media://poster/${plain.id}`);
    // Favorites need a sidecar to live in.
    expect(await callError(s, 'library:setFavorite', { id: plain.id, favorite: true })).toMatchObject({ key: 'library.bare_no_record' });
  });

  it('show the prompt, model and seed Keyframe embedded in the file', async () => {
    const s = await open();
    const provenance = { keyframe: 1, prompt: 'a paper boat drifting down a rainy street', model: 'veo3.1-fast-official', seed: 1234, taskId: 'task_9', appVersion: '0.1.0' };
    await writeTaggedMp4(fixture('clip-16x9-4s.mp4'), join(s.outDir, 'lost its sidecar.mp4'), { title: provenance.prompt, comment: JSON.stringify(provenance) });
    await s.engine.library.refresh();
    const [video] = (await s.call('library:query', { text: 'rainy street' })).items;
    expect(bareOf(video as VideoView).provenance).toEqual({ prompt: provenance.prompt, model: provenance.model, seed: 1234, taskId: 'task_9', appVersion: '0.1.0' });
  });

  it('go to the trash and come back with the same id', async () => {
    const s = await open();
    await copyFile(fixture('clip-16x9-4s.mp4'), join(s.outDir, 'to trash.mp4'));
    await s.engine.library.refresh();
    const id = (await s.call('library:query', {})).items[0]?.id ?? '';
    expect(await s.call('library:trash', { id })).toMatchObject({ ok: true });
    expect((await s.call('library:query', {})).total).toBe(0);
    expect(await readdir(s.outDir)).not.toContain('to trash.mp4');
    const back = await s.call('library:restore', { id });
    expect([back.id, back.kind, back.fileName]).toEqual([id, 'bare', 'to trash.mp4']);
    expect(await s.call('library:reveal', { id })).toEqual({ ok: true });
    expect(s.shell.revealed).toEqual([join(s.outDir, 'to trash.mp4')]);
  });
});
