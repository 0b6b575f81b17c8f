import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { runFfmpegChecks } from './support/ffmpeg.js';
import { startExportBench, type ExportBench } from './support/export-bench.js';

/**
 * The page's export helpers in Chromium: the re-encode of clips that cannot be
 * joined as they are (a 16:9 and a 9:16 take), a frame as PNG, a contact
 * sheet and an animated WebP. The re-encoded file is checked in Node with a
 * plain MP4 reader: its length is the sum of the trims within a frame, every
 * frame is there, at the first clip's size.
 */

/** What the bench page exposes (renderer/src/features/export/index.ts), as far as these specs use it. */
interface PlanClip {
  file: string;
  in: number;
  out: number;
  mediaUrl: string;
}
interface Helpers {
  reencodeSequence(opts: {
    plan: { exportId: string; method: 'reencode'; durationS: number; reasons: never[]; clips: PlanClip[]; target: { width: number; height: number; frameRate: number; sampleRate?: number; channels?: number } };
    write(position: number, bytes: Uint8Array): Promise<void>;
    signal?: AbortSignal;
    onProgress?(fraction: number, etaMs: number | undefined): void;
  }): Promise<{ frames: number; durationS: number; audioCodec: string | undefined }>;
  animatedWebp(opts: { url: string; in: number; out: number; fps?: number; width?: number }): Promise<Blob>;
  contactSheetPng(spans: { url: string; in: number; out: number }[], opts: { frames: number; columns?: number; cellWidth?: number }): Promise<Blob>;
  currentFramePng(video: HTMLVideoElement): Promise<Blob>;
}
declare global {
  interface Window {
    exportHelpers: Helpers;
  }
}

let bench: ExportBench;
let dir: string;
test.beforeAll(async () => {
  bench = await startExportBench();
});
test.afterAll(async () => {
  await bench.close();
});
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyframe-export-e2e-'));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function open(page: Page): Promise<void> {
  await page.goto(bench.url);
  await expect(page).toHaveTitle('ready');
}

test('clips of two shapes are re-encoded into one MP4 of the summed trims, streamed out in pieces', async ({ page }) => {
  await open(page);
  const clips = [
    { file: 'a.mp4', in: 0, out: 1.5, mediaUrl: bench.fixtureUrl('clip-16x9-4s.mp4') },
    { file: 'b.mp4', in: 0.5, out: 2, mediaUrl: bench.fixtureUrl('clip-9x16-4s.mp4') },
  ];
  const result = await page.evaluate(async (planClips) => {
    const pieces: { position: number; bytes: number[] }[] = [];
    const progress: number[] = [];
    const r = await window.exportHelpers.reencodeSequence({
      plan: { exportId: 'exp0', method: 'reencode', durationS: 3, reasons: [], clips: planClips, target: { width: 320, height: 180, frameRate: 24, sampleRate: 22050, channels: 1 } },
      write: async (position, bytes) => {
        pieces.push({ position, bytes: Array.from(bytes) });
      },
      onProgress: (f) => progress.push(f),
    });
    return { ...r, pieces, lastProgress: progress.at(-1) };
  }, clips);
  expect(result.frames).toBe(72);
  expect(result.lastProgress).toBe(1);
  expect(result.pieces.every((p) => p.bytes.length <= 1024 * 1024)).toBe(true);
  // The pieces, written where they say, make the file (the muxer goes back to patch its header).
  const size = Math.max(...result.pieces.map((p) => p.position + p.bytes.length));
  const file = Buffer.alloc(size);
  for (const p of result.pieces) Buffer.from(p.bytes).copy(file, p.position);
  const path = join(dir, 'out.mp4');
  await writeFile(path, file);
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    expect(video?.codedWidth).toBe(320);
    expect(video?.codedHeight).toBe(180);
    let frames = 0;
    if (video) for await (const _ of new EncodedPacketSink(video).packets()) frames++;
    expect(frames).toBe(72);
    expect(Math.abs((await video!.computeDuration()) - 3)).toBeLessThanOrEqual(1 / 24);
    expect(await input.getPrimaryAudioTrack()).not.toBeNull();
  } finally {
    input.dispose();
  }
  // ffmpeg is optional on a developer's machine (the checks above already read the file back); CI requires it.
  if (!runFfmpegChecks()) return;
  execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', path, '-f', 'null', '-']);
});

test('a cancelled re-encode stops and writes nothing more', async ({ page }) => {
  await open(page);
  const outcome = await page.evaluate(async (url) => {
    const controller = new AbortController();
    let writesAfterAbort = 0;
    try {
      await window.exportHelpers.reencodeSequence({
        plan: { exportId: 'exp0', method: 'reencode', durationS: 4, reasons: [], clips: [{ file: 'a.mp4', in: 0, out: 4, mediaUrl: url }], target: { width: 320, height: 180, frameRate: 24 } },
        write: async () => {
          if (controller.signal.aborted) writesAfterAbort++;
        },
        signal: controller.signal,
        onProgress: (f) => {
          if (f > 0.25) controller.abort();
        },
      });
      return 'finished';
    } catch (err) {
      return `${(err as Error).name}:${writesAfterAbort}`;
    }
  }, bench.fixtureUrl('clip-16x9-4s.mp4'));
  expect(outcome).toBe('AbortError:0');
});

test('an animated WebP of a trimmed range: one frame per 1/12 s, decodable by the browser', async ({ page }) => {
  await open(page);
  const info = await page.evaluate(async (url) => {
    const blob = await window.exportHelpers.animatedWebp({ url, in: 1, out: 2, fps: 12, width: 160 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const decoder = new ImageDecoder({ data: bytes, type: 'image/webp' });
    await decoder.tracks.ready;
    const track = decoder.tracks.selectedTrack;
    const first = await decoder.decode({ frameIndex: 0 });
    const out = { type: blob.type, head: String.fromCharCode(...bytes.subarray(0, 4), ...bytes.subarray(8, 16)), frames: track?.frameCount, animated: track?.animated, width: first.image.displayWidth, height: first.image.displayHeight };
    first.image.close();
    decoder.close();
    return out;
  }, bench.fixtureUrl('clip-16x9-4s.mp4'));
  expect(info).toEqual({ type: 'image/webp', head: 'RIFFWEBPVP8X', frames: 12, animated: true, width: 160, height: 90 });
});

test('a contact sheet of a sequence and the current frame of a video, as PNG', async ({ page }) => {
  await open(page);
  const sizes = await page.evaluate(async ({ a, b }) => {
    const sheet = await window.exportHelpers.contactSheetPng(
      [
        { url: a, in: 0, out: 4 },
        { url: b, in: 0, out: 2 },
      ],
      { frames: 6, columns: 3, cellWidth: 160 },
    );
    const sheetBitmap = await createImageBitmap(sheet);
    const video = document.createElement('video');
    video.muted = true;
    video.src = a;
    await new Promise((resolve, reject) => {
      video.onloadeddata = resolve;
      video.onerror = reject;
    });
    const still = await window.exportHelpers.currentFramePng(video);
    const stillBitmap = await createImageBitmap(still);
    return { sheet: [sheet.type, sheetBitmap.width, sheetBitmap.height], still: [still.type, stillBitmap.width, stillBitmap.height] };
  }, { a: bench.fixtureUrl('clip-16x9-4s.mp4'), b: bench.fixtureUrl('clip-9x16-4s.mp4') });
  // 3 columns of 160 px and 2 rows of 90 px pictures with their time labels, 4 px apart.
  expect(sizes.sheet).toEqual(['image/png', 3 * 160 + 4 * 4, 2 * (90 + 18) + 3 * 4]);
  expect(sizes.still).toEqual(['image/png', 320, 180]);
});
