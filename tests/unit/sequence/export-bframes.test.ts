import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSequence, prepareExport } from '../../../electron/core/sequence/run-export.js';
import type { SequenceDocument } from '../../../shared/domain/sequence.js';
import { FakeClock } from '../../support/fake-clock.js';
import { runFfmpegChecks } from '../../support/ffmpeg.js';

/** Cuts in a stream whose frames are stored out of presentation order (B-frames, as in Veo's H.264 High). */

const FIXTURE = join(import.meta.dirname, 'fixtures', 'bframes-16x9-2s.mp4');
const FRAME = 1 / 24;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-bframes-'));
  await copyFile(FIXTURE, join(dir, 'b.mp4'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const seq = (clips: SequenceDocument['clips']): SequenceDocument => ({ schema: 'keyframe.sequence/1', clips });


describe('packet copy with B-frames', () => {
  it('joins cuts that end on a group boundary as they are: right length, every frame shown once', async () => {
    // Frames 0–3 are stored I0 P3 B1 B2: cutting after frame 3 (at 4/24 s) keeps a closed run.
    const doc = seq([{ file: 'b.mp4', out: 4 * FRAME }, { file: 'b.mp4', in: 1, out: 1 + 7 * FRAME }]);
    const prepared = await prepareExport(dir, doc);
    prepared.close();
    expect(prepared.plan.method).toBe('copy');
    const result = await exportSequence({ sequencePath: join(dir, 's.keyframe-sequence.json'), document: doc, sequenceSha256: 'a'.repeat(64), out: join(dir, 'out.mp4'), clock: new FakeClock(), appVersion: '1' });
    const input = new Input({ source: new FilePathSource(result.path), formats: ALL_FORMATS });
    try {
      const video = await input.getPrimaryVideoTrack();
      if (!video) throw new Error('no video');
      const times: number[] = [];
      for await (const p of new EncodedPacketSink(video).packets()) times.push(Math.round(p.timestamp / FRAME));
      // Stored out of order, shown in order: frames 0..10 of the output, each once.
      expect(times).not.toEqual([...times].sort((a, b) => a - b));
      expect([...times].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(Math.abs((await video.computeDuration()) - 11 * FRAME)).toBeLessThan(FRAME / 2);
    } finally {
      input.dispose();
    }
    if (runFfmpegChecks) {
      const decoded = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', result.path]).toString().trim();
      expect(Number(decoded)).toBe(11);
    }
  });

  it('plans a re-encode for an out-point inside a reordered group (a kept frame would lose its reference)', async () => {
    // Frames 0–1 need P3 (shown at frame 3), which the cut drops.
    const prepared = await prepareExport(dir, seq([{ file: 'b.mp4', out: 2 * FRAME }, { file: 'b.mp4', in: 1 }]));
    prepared.close();
    expect(prepared.plan.method === 'reencode' && prepared.plan.reasons.map((r) => [r.key, r.params])).toEqual([['sequence.reencode.reordered', { index: 1 }]]);
  });
});
