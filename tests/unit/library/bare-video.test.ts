import { copyFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matroskaDateUtc } from '../../../electron/core/library/bare-video-ebml.js';
import { probeBareVideo } from '../../../electron/core/library/bare-video-probe.js';
import { provenanceFromTags } from '../../../electron/core/library/bare-video-provenance.js';
import { LibraryIndex } from '../../../electron/core/library/library-index.js';
import { queryLibrary } from '../../../electron/core/library/library-query.js';
import { writeSidecar } from '../../../electron/core/library/sidecar.js';
import { EMBEDDED_PROMPT_MAX } from '../../../shared/domain/bare-video.js';
import { isBareEntry } from '../../../shared/domain/video.js';
import { FakeClock } from '../../support/fake-clock.js';
import { fixture, otherContainer, writeTaggedMp4 } from '../../support/tagged-mp4.js';
import { makeSidecar } from './make-sidecar.js';

/**
 * Videos without a sidecar, read from what their container says: real MP4s
 * (the demo fixtures, H.264 + AAC at 24 fps) and copies re-muxed with the
 * provenance Keyframe writes into its own downloads.
 */

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kf-bare-'));
  out = join(root, 'out');
  await mkdir(out);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const FRAME_S = 1 / 24;
const PROVENANCE = { keyframe: 1, prompt: 'a paper boat drifting down a rainy street', model: 'veo3.1-fast-official', seed: 3_221_225_472, taskId: 'task_7Hq2', appVersion: '0.1.0' };

describe('probeBareVideo', () => {
  it('reads duration, picture size, frame rate and codecs from the container', async () => {
    const path = join(out, 'flow clip.mp4');
    await copyFile(fixture('clip-16x9-4s.mp4'), path);
    const entry = await probeBareVideo(path);
    expect(entry?.kind).toBe('bare');
    const c = entry?.container;
    expect(Math.abs((c?.durationS ?? 0) - 4)).toBeLessThanOrEqual(FRAME_S);
    expect(c?.fps).toBe(24);
    expect([c?.width, c?.height]).toEqual([320, 180]);
    expect([c?.format, c?.videoCodec, c?.audioCodec]).toEqual(['MP4', 'avc', 'aac']);
    // The fixture's movie header holds no creation time (0, i.e. 1904): none is made up.
    expect(c?.createdAt).toBeUndefined();
    expect(entry?.provenance).toBeUndefined();
    expect(entry?.bytes).toBe((await stat(path)).size);

    const portrait = await probeBareVideo(await copyTo(fixture('clip-9x16-8s.mp4'), 'tall.mp4'));
    expect(Math.abs((portrait?.container.durationS ?? 0) - 8)).toBeLessThanOrEqual(FRAME_S);
    expect([portrait?.container.width, portrait?.container.height, portrait?.container.fps]).toEqual([180, 320, 24]);
  });

  it('reads a WebM (VP9, 30 fps, no audio) and a QuickTime MOV (25 fps, portrait), with the creation time each records', async () => {
    const recorded = Date.UTC(2025, 2, 4, 5, 6, 7);
    const webm = await probeBareVideo(await copyTo(otherContainer('clip-256x144-30fps-2s.webm'), 'screen capture.webm'));
    expect(webm?.container).toEqual({ format: 'WebM', durationS: 2, width: 256, height: 144, fps: 30, videoCodec: 'vp9', createdAt: recorded });
    const mov = await probeBareVideo(await copyTo(otherContainer('clip-144x256-25fps-3s.mov'), 'from the phone.MOV'));
    expect(mov?.container).toMatchObject({ durationS: 3, width: 144, height: 256, fps: 25, videoCodec: 'avc', audioCodec: 'aac', createdAt: recorded });
    expect(mov?.container.format).toMatch(/QuickTime/);
  });

  it('reads back the prompt, model, seed, task id and app version Keyframe wrote into the file (title + comment)', async () => {
    const path = join(out, 'keyframe made.mp4');
    const before = Date.now();
    await writeTaggedMp4(fixture('clip-16x9-4s.mp4'), path, { title: PROVENANCE.prompt, comment: JSON.stringify(PROVENANCE) });
    const entry = await probeBareVideo(path);
    expect(entry?.provenance).toEqual({ prompt: PROVENANCE.prompt, model: PROVENANCE.model, seed: PROVENANCE.seed, taskId: PROVENANCE.taskId, appVersion: '0.1.0' });
    // The writer stamped its movie header: that is when the video was made (whole seconds).
    expect(entry?.container.createdAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(entry?.container.createdAt).toBeLessThanOrEqual(Date.now());
    expect(Math.abs((entry?.container.durationS ?? 0) - 4)).toBeLessThanOrEqual(FRAME_S);
  });

  it('reads the com.keyframe.* mdta keys on their own', async () => {
    const path = join(out, 'keys only.mp4');
    const raw = { 'com.keyframe.prompt': 'neon koi in a flooded arcade', 'com.keyframe.model': 'veo3.1-quality-official', 'com.keyframe.seed': '42', 'com.keyframe.task_id': 'task_X', 'com.keyframe.app_version': '0.2.0' };
    await writeTaggedMp4(fixture('clip-9x16-4s.mp4'), path, { raw }, 'mdta');
    expect((await probeBareVideo(path))?.provenance).toEqual({ prompt: 'neon koi in a flooded arcade', model: 'veo3.1-quality-official', seed: 42, taskId: 'task_X', appVersion: '0.2.0' });
  });

  it('does not take the title of a video made elsewhere for a prompt', async () => {
    const path = join(out, 'holiday.mp4');
    await writeTaggedMp4(fixture('clip-16x9-4s.mp4'), path, { title: 'Holiday 2025', comment: 'shot on a phone' });
    expect((await probeBareVideo(path))?.provenance).toBeUndefined();
  });

  it('lists nothing for a file that is not (yet) a whole video', async () => {
    const whole = await readFile(fixture('clip-16x9-4s.mp4'));
    const half = join(out, 'copying.mp4');
    await writeFile(half, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await probeBareVideo(half)).toBeUndefined();
    const page = join(out, 'error page.mp4');
    await writeFile(page, '<html>502 Bad Gateway</html>');
    expect(await probeBareVideo(page)).toBeUndefined();
  });

  it('keeps its id when renamed or moved, and two different clips differ', async () => {
    const a = await probeBareVideo(await copyTo(fixture('clip-16x9-4s.mp4'), 'a.mp4'));
    await mkdir(join(out, 'sorted'));
    const moved = join(out, 'sorted', 'renamed.mp4');
    await copyFile(join(out, 'a.mp4'), moved);
    await utimes(moved, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const b = await probeBareVideo(moved);
    const other = await probeBareVideo(await copyTo(fixture('clip-16x9-6s.mp4'), 'c.mp4'));
    expect(a?.id).toMatch(/^bare-[0-9a-f]{32}$/);
    expect(b?.id).toBe(a?.id);
    expect(other?.id).not.toBe(a?.id);
  });
});

describe('matroskaDateUtc', () => {
  /** EBML header, a segment of unknown size, and an Info holding only DateUTC (ns since 2001-01-01). */
  const head = (ns: bigint): Buffer => {
    const date = Buffer.alloc(8);
    date.writeBigInt64BE(ns);
    return Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80]),
      Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      Buffer.from([0x15, 0x49, 0xa9, 0x66, 0x8b, 0x44, 0x61, 0x88]),
      date,
    ]);
  };

  it('reads the segment date, and makes none up from a zero date, a cut-short head or another format', () => {
    const oneDayNs = 86_400n * 1_000_000_000n;
    expect(matroskaDateUtc(head(oneDayNs))).toBe(Date.UTC(2001, 0, 2));
    expect(matroskaDateUtc(head(0n))).toBeUndefined();
    expect(matroskaDateUtc(head(oneDayNs).subarray(0, 20))).toBeUndefined();
    expect(matroskaDateUtc(Buffer.from('<html>502 Bad Gateway</html>'))).toBeUndefined();
  });
});

describe('provenanceFromTags', () => {
  it('takes each field from the mdta keys first, then the marked comment, then the title for the prompt', () => {
    const comment = JSON.stringify({ keyframe: 1, model: 'from-comment', seed: 7 });
    expect(provenanceFromTags({ title: 'the prompt', comment, raw: { 'com.keyframe.model': 'from-key' } })).toEqual({ prompt: 'the prompt', model: 'from-key', seed: 7 });
  });

  it('refuses what is not Keyframe’s: an unmarked JSON comment, a comment that is not JSON, no tags', () => {
    expect(provenanceFromTags({ title: 'x', comment: JSON.stringify({ model: 'm', seed: 1 }) })).toBeUndefined();
    expect(provenanceFromTags({ title: 'x', comment: '{not json' })).toBeUndefined();
    expect(provenanceFromTags({})).toBeUndefined();
  });

  it('bounds what it keeps: a huge prompt is cut, a seed that is not a whole number is dropped', () => {
    const p = provenanceFromTags({ comment: JSON.stringify({ keyframe: 1, prompt: 'x'.repeat(EMBEDDED_PROMPT_MAX + 50), seed: '12abc' }) });
    expect(p?.prompt).toHaveLength(EMBEDDED_PROMPT_MAX);
    expect(p?.seed).toBeUndefined();
    expect(provenanceFromTags({ raw: { 'com.keyframe.seed': 1.5 } })).toEqual({});
  });
});

describe('the library lists bare videos beside the ones with sidecars', () => {
  const newIndex = () => new LibraryIndex({ cachePath: join(root, 'cache.json'), dirs: [out], clock: new FakeClock() });

  it('lists a video without a sidecar by its container, and never a video that has one', async () => {
    const withRecord = makeSidecar(1);
    await copyFile(fixture('clip-16x9-6s.mp4'), join(out, withRecord.file));
    await writeSidecar(out, withRecord);
    await copyTo(fixture('clip-16x9-4s.mp4'), 'from flow.mp4');
    await writeFile(join(out, 'notes.txt'), 'not a video');
    await writeFile(join(out, 'half.mp4.part'), 'partial');

    const index = newIndex();
    expect((await index.load()).added).toBe(2);
    const bare = index.all().filter(isBareEntry);
    expect(bare.map((e) => e.fileName)).toEqual(['from flow.mp4']);
    expect(index.all().filter((e) => !isBareEntry(e)).map((e) => e.id)).toEqual([withRecord.id]);

    // Found by its file name, and by the filters a 4 s 16:9 clip with sound matches.
    const ids = (q: Parameters<typeof queryLibrary>[1]) => queryLibrary(index.all(), q).items.map((e) => e.id);
    expect(ids({ text: 'flow' })).toEqual([bare[0]?.id]);
    expect(ids({ duration: 4, aspect: '16:9', audio: true })).toEqual([bare[0]?.id]);
    expect(ids({ duration: 8 })).toEqual([withRecord.id]);
    expect(ids({ favorite: true })).toEqual([]);
  });

  it('finds a bare video by its embedded prompt, and keeps its probe in the cache (no second read)', async () => {
    await writeTaggedMp4(fixture('clip-16x9-4s.mp4'), join(out, 'made here.mp4'), { title: PROVENANCE.prompt, comment: JSON.stringify(PROVENANCE) });
    const first = newIndex();
    await first.load();
    await first.flush();
    expect(queryLibrary(first.all(), { text: 'rainy street' }).total).toBe(1);

    const second = newIndex();
    await second.load();
    const entry = second.all()[0];
    expect(entry && isBareEntry(entry) ? entry.provenance?.seed : undefined).toBe(PROVENANCE.seed);
  });

  it('refuses a favorite for a bare video: it has no sidecar to keep it in', async () => {
    await copyTo(fixture('clip-16x9-4s.mp4'), 'x.mp4');
    const index = newIndex();
    await index.load();
    const id = index.all()[0]?.id ?? '';
    await expect(index.setFavorite(id, true)).rejects.toMatchObject({ app: { key: 'library.bare_no_record' } });
  });
});

async function copyTo(source: string, name: string): Promise<string> {
  const path = join(out, name);
  await copyFile(source, path);
  return path;
}
