import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportProgressView } from '../../../shared/ipc/sequence-views.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';
import { isBareEntry } from '../../../shared/domain/video.js';

const FIXTURES = join(import.meta.dirname, '../../../electron/core/demo/fixtures');

let h: ServiceHarness;
beforeEach(async () => {
  h = await createServiceHarness({ key: TEST_KEY });
  await mkdir(join(h.outDir, 'takes'), { recursive: true });
  for (const f of ['clip-16x9-6s.mp4', 'clip-9x16-4s.mp4']) await copyFile(join(FIXTURES, f), join(h.outDir, 'takes', f));
});
afterEach(async () => {
  await h.close();
});

const progressEvents = (): ExportProgressView[] => h.events.filter((e) => e.channel === 'sequence:exportProgress').flatMap((e) => e.payload as ExportProgressView[]);

/**
 * Lets the export's file work (real disk I/O, off the fake clock) run, moving the fake clock so the
 * event coalescer flushes, until `done` holds; gives up after 20 s of real time.
 */
async function until(done: () => boolean): Promise<void> {
  const giveUpAt = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > giveUpAt) throw new Error(`condition not met; events: ${JSON.stringify(progressEvents()).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
    h.clock.advance(100);
  }
}

describe('sequences through the services', () => {
  it('creates, lists, reads and edits a sequence; a library video is known by its id', async () => {
    const job = await h.call('jobs:submit', { request: { prompt: 'a gull over the harbour', duration: 4 } });
    await h.drive(isFinished(h, job.id));
    const entry = h.engine.library.get(`${job.id}-0`);
    const videoFile = entry && !isBareEntry(entry) ? entry.sidecar.file : '';
    const created = await h.call('sequence:save', { name: 'Harbour', title: 'Harbour', clips: [{ file: videoFile, out: 2 }, { file: 'takes/clip-16x9-6s.mp4', in: 2 }] });
    expect(created.clips).toEqual([
      { ref: 0, file: videoFile, out: 2, videoId: `${job.id}-0` },
      { ref: 1, file: 'takes/clip-16x9-6s.mp4', in: 2 },
    ]);
    expect((await h.call('sequence:list')).items).toEqual([{ name: 'Harbour', title: 'Harbour', clips: 2, modifiedAt: expect.any(Number), damaged: false }]);
    // Reorder with the revision read: accepted, and the revision moves on.
    const edited = await h.call('sequence:save', { name: 'Harbour', revision: created.revision, clips: [{ ref: 1, file: 'takes/clip-16x9-6s.mp4', in: 2 }, { ref: 0, file: videoFile, out: 2 }] });
    expect(edited.clips.map((c) => c.file)).toEqual(['takes/clip-16x9-6s.mp4', videoFile]);
    expect(edited.revision).not.toBe(created.revision);
  });

  it('a clip named by its library video is saved under that video’s path in the folder; an unknown video is refused', async () => {
    const job = await h.call('jobs:submit', { request: { prompt: 'a heron in the reeds', duration: 4 } });
    await h.drive(isFinished(h, job.id));
    const entry = h.engine.library.get(`${job.id}-0`);
    const videoFile = entry && !isBareEntry(entry) ? entry.sidecar.file : '';
    // The page knows only a file name, which may not be the clip's path; main places it by the video.
    const saved = await h.call('sequence:save', { name: 'Reeds', clips: [{ file: 'whatever.mp4', videoId: `${job.id}-0`, in: 0.5 }] });
    expect(saved.clips).toEqual([{ ref: 0, file: videoFile, in: 0.5, videoId: `${job.id}-0` }]);
    expect(JSON.parse(await readFile(join(h.outDir, 'Reeds.keyframe-sequence.json'), 'utf8')).clips).toEqual([{ file: videoFile, in: 0.5 }]);

    const gone = await callError(h, 'sequence:save', { name: 'Gone', clips: [{ file: 'a.mp4', videoId: 'no-such-video' }] });
    expect(gone).toMatchObject({ code: 'not_found', key: 'sequence.clip_unknown' });
    expect(await readdir(h.outDir)).not.toContain('Gone.keyframe-sequence.json');
  });

  it('keeps the fields another tool wrote, and refuses an edit of a file changed meanwhile', async () => {
    const path = join(h.outDir, 'storyboard.keyframe-sequence.json');
    await writeFile(path, JSON.stringify({ schema: 'keyframe.sequence/1', by: 'other-tool', clips: [{ file: 'takes/clip-16x9-6s.mp4', in: 0, out: 1.5, lut: 'warm' }] }));
    const read = await h.call('sequence:get', { name: 'storyboard' });
    await h.call('sequence:save', { name: 'storyboard', revision: read.revision, clips: [{ ref: 0, file: 'takes/clip-16x9-6s.mp4', in: 0.5, out: 1.5 }] });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schema: 'keyframe.sequence/1', by: 'other-tool', clips: [{ file: 'takes/clip-16x9-6s.mp4', in: 0.5, out: 1.5, lut: 'warm' }] });
    // The revision read before that save is stale now; creating over an existing one is refused too.
    expect((await callError(h, 'sequence:save', { name: 'storyboard', revision: read.revision, clips: [] })).key).toBe('sequence.changed');
    expect((await callError(h, 'sequence:save', { name: 'storyboard', clips: [] })).key).toBe('sequence.changed');
    expect((await callError(h, 'sequence:delete', { name: 'storyboard', revision: read.revision })).key).toBe('sequence.changed');
    const now = await h.call('sequence:get', { name: 'storyboard' });
    await h.call('sequence:delete', { name: 'storyboard', revision: now.revision });
    expect(h.shell.trashed).toEqual([path]);
    expect((await callError(h, 'sequence:get', { name: 'storyboard' })).code).toBe('not_found');
  });

  it('a damaged sequence is listed as damaged, and its reading refused by name', async () => {
    await writeFile(join(h.outDir, 'torn.keyframe-sequence.json'), '{"schema":"keyframe.seq');
    expect((await h.call('sequence:list')).items).toEqual([{ name: 'torn', clips: 0, modifiedAt: expect.any(Number), damaged: true }]);
    expect((await callError(h, 'sequence:get', { name: 'torn' })).key).toBe('sequence.damaged');
  });

  it('plans and runs a lossless export with progress events, then the result', async () => {
    const saved = await h.call('sequence:save', { name: 'Cut', clips: [{ file: 'takes/clip-16x9-6s.mp4', out: 1 }, { file: 'takes/clip-16x9-6s.mp4', in: 4, out: 5.5 }] });
    expect(saved.clips).toHaveLength(2);
    const plan = await h.call('sequence:plan', { name: 'Cut' });
    expect(plan).toMatchObject({ method: 'copy', durationS: 2.5, reasons: [], target: { width: 320, height: 180, frameRate: 24, sampleRate: 22050, channels: 1 } });
    const started = await h.call('sequence:export', { exportId: plan.exportId });
    expect(started.fileName).toBe('Cut.mp4');
    expect((await callError(h, 'sequence:export', { exportId: plan.exportId })).key).toBe('export.running');
    await until(() => progressEvents().some((p) => p.phase === 'done' || p.phase === 'failed'));
    const last = progressEvents().at(-1);
    expect(last).toMatchObject({ exportId: plan.exportId, phase: 'done', done: { fileName: 'Cut.mp4', sidecarName: 'Cut.keyframe-export.json', method: 'copy' } });
    expect(progressEvents().some((p) => p.phase === 'writing')).toBe(true);
    const record = JSON.parse(await readFile(join(h.outDir, 'Cut.keyframe-export.json'), 'utf8')) as { sources: { file: string }[] };
    expect(record.sources.map((s) => s.file)).toEqual(['takes/clip-16x9-6s.mp4', 'takes/clip-16x9-6s.mp4']);
    // The plan is spent: its id no longer serves clips or starts anything.
    expect(await h.services.resolveMedia('clip', `${plan.exportId}_0`)).toBeUndefined();
    expect((await callError(h, 'sequence:export', { exportId: plan.exportId })).code).toBe('not_found');
  });

  it('a re-encode is planned for mismatched clips; the page reads them by clip media id and hands its file back in pieces', async () => {
    await h.call('sequence:save', { name: 'Mixed', clips: [{ file: 'takes/clip-16x9-6s.mp4', out: 4 }, { file: 'takes/clip-9x16-4s.mp4' }] });
    const plan = await h.call('sequence:plan', { name: 'Mixed' });
    expect(plan).toMatchObject({ method: 'reencode', durationS: 8, reasons: [{ key: 'sequence.reencode.size', params: { index: 2 } }] });
    expect(plan.clips.map((c) => [c.file, c.in, c.out, c.mediaUrl])).toEqual([
      ['takes/clip-16x9-6s.mp4', 0, 4, `keyframe-media://clip/${plan.exportId}_0`],
      ['takes/clip-9x16-4s.mp4', 0, 4, `keyframe-media://clip/${plan.exportId}_1`],
    ]);
    expect((await h.services.resolveMedia('clip', `${plan.exportId}_1`))?.path).toBe(join(h.outDir, 'takes', 'clip-9x16-4s.mp4'));
    expect(await h.services.resolveMedia('clip', `${plan.exportId}_2`)).toBeUndefined();
    expect((await callError(h, 'sequence:export', { exportId: plan.exportId })).key).toBe('sequence.reencode.size');

    // Stands in for the page's encoder: an 8 s MP4, sent in pieces, the last piece first (a muxer patches its header last).
    const made = await readFile(join(FIXTURES, 'clip-16x9-8s.mp4'));
    const half = Math.floor(made.length / 2);
    await h.call('sequence:writeChunk', { exportId: plan.exportId, position: half, dataBase64: made.subarray(half).toString('base64') });
    await h.call('sequence:writeChunk', { exportId: plan.exportId, position: 0, dataBase64: made.subarray(0, half).toString('base64') });
    const done = await h.call('sequence:finish', { exportId: plan.exportId, fileName: 'mixed cut.mp4' });
    expect(done).toMatchObject({ fileName: 'mixed cut.mp4', sidecarName: 'mixed cut.keyframe-export.json', method: 'reencode', bytes: made.length });
    expect(await readFile(join(h.outDir, 'mixed cut.mp4'))).toEqual(made);
    const record = JSON.parse(await readFile(join(h.outDir, 'mixed cut.keyframe-export.json'), 'utf8')) as { method: string; sources: { file: string; in: number; out: number }[] };
    expect(record.method).toBe('reencode');
    expect(record.sources.map((s) => [s.file, s.in, s.out])).toEqual([['takes/clip-16x9-6s.mp4', 0, 4], ['takes/clip-9x16-4s.mp4', 0, 4]]);
    expect((await readdir(h.outDir)).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('keeps at most 8 plans, forgetting the least recently used idle one, and none unused for an hour', async () => {
    await h.call('sequence:save', { name: 'One', clips: [{ file: 'takes/clip-16x9-6s.mp4' }] });
    const plans = [];
    for (let i = 0; i < 8; i++) {
      plans.push(await h.call('sequence:plan', { name: 'One' }));
      h.clock.advance(1000);
    }
    // The oldest is written to, so the least recently used is the second.
    await h.call('sequence:writeChunk', { exportId: plans[0]?.exportId, position: 0, dataBase64: 'AAAA' });
    const ninth = await h.call('sequence:plan', { name: 'One' });
    const known = async (id: string | undefined) => (await h.services.resolveMedia('clip', `${id}_0`)) !== undefined;
    expect(await known(plans[0]?.exportId)).toBe(true);
    expect(await known(plans[1]?.exportId)).toBe(false);
    expect(await known(ninth.exportId)).toBe(true);
    h.clock.advance(61 * 60 * 1000);
    await h.call('sequence:plan', { name: 'One' });
    expect(await known(ninth.exportId)).toBe(false);
    expect((await readdir(h.outDir)).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('a handed-back file that is not the sequence is discarded; a cancelled one leaves nothing', async () => {
    await h.call('sequence:save', { name: 'Mixed', clips: [{ file: 'takes/clip-16x9-6s.mp4', out: 4 }, { file: 'takes/clip-9x16-4s.mp4' }] });
    const first = await h.call('sequence:plan', { name: 'Mixed' });
    const short = await readFile(join(FIXTURES, 'clip-16x9-4s.mp4'));
    await h.call('sequence:writeChunk', { exportId: first.exportId, position: 0, dataBase64: short.toString('base64') });
    expect((await callError(h, 'sequence:finish', { exportId: first.exportId })).key).toBe('export.invalid');
    const second = await h.call('sequence:plan', { name: 'Mixed' });
    await h.call('sequence:writeChunk', { exportId: second.exportId, position: 0, dataBase64: short.toString('base64') });
    await h.call('sequence:cancel', { exportId: second.exportId });
    expect((await callError(h, 'sequence:writeChunk', { exportId: second.exportId, position: 0, dataBase64: 'AAAA' })).code).toBe('not_found');
    expect((await readdir(h.outDir)).filter((n) => !n.endsWith('.keyframe-sequence.json') && n !== 'takes')).toEqual([]);
  });
});
