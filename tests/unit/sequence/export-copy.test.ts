import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSequence, prepareExport, type ExportOptions } from '../../../electron/core/sequence/run-export.js';
import type { ExportProgress } from '../../../electron/core/sequence/export-progress.js';
import { ExportSidecarSchema, type SequenceDocument } from '../../../shared/domain/sequence.js';
import { isAppFailure, type AppError } from '../../../shared/errors.js';
import { FakeClock } from '../../support/fake-clock.js';
import { itWithFfmpeg } from '../../support/ffmpeg.js';

const FIXTURES = join(import.meta.dirname, '../../../electron/core/demo/fixtures');
const FRAME = 1 / 24;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-export-'));
  await mkdir(join(dir, 'takes'));
  for (const f of ['clip-16x9-4s.mp4', 'clip-16x9-6s.mp4', 'clip-9x16-4s.mp4']) await copyFile(join(FIXTURES, f), join(dir, f));
  await copyFile(join(FIXTURES, 'clip-16x9-8s.mp4'), join(dir, 'takes', 'clip-16x9-8s.mp4'));
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

function options(document: SequenceDocument, extra: Partial<ExportOptions> = {}): ExportOptions {
  return { sequencePath: join(dir, 'scene.keyframe-sequence.json'), document, sequenceSha256: 'f'.repeat(64), out: join(dir, 'scene.mp4'), clock: new FakeClock(), appVersion: '9.9.9', ...extra };
}

const seq = (clips: SequenceDocument['clips'], title?: string): SequenceDocument => ({ schema: 'keyframe.sequence/1', ...(title ? { title } : {}), clips });

/** What a plain reader (mediabunny) finds in the file: duration, shown frames, audio. */
async function readBack(path: string) {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    const audio = await input.getPrimaryAudioTrack();
    if (!video) throw new Error('no video track');
    let shown = 0;
    for await (const p of new EncodedPacketSink(video).packets()) if (p.timestamp + p.duration > 1e-6) shown++;
    return { duration: await input.computeDuration(), shown, width: video.codedWidth, audio: audio !== null, tags: await input.getMetadataTags() };
  } finally {
    input.dispose();
  }
}


// Key frames of the fixtures are 2 s apart (-g 48 at 24 fps).
const THREE = seq(
  [
    { file: 'clip-16x9-4s.mp4', in: 0, out: 1.5, title: 'boat' },
    { file: 'clip-16x9-6s.mp4', in: 2, out: 3.3 },
    { file: 'takes/clip-16x9-8s.mp4', in: 4, out: 5.25 },
  ],
  'Harbour',
);

describe('sequence export (packet copy)', () => {
  it('joins three trimmed clips: duration is the sum of the trims within a frame, with the right frame count', async () => {
    const result = await exportSequence(options(THREE));
    expect(result.method).toBe('copy');
    const sum = 1.5 + 1.3 + 1.25;
    const back = await readBack(result.path);
    expect(Math.abs(back.duration - sum)).toBeLessThanOrEqual(FRAME);
    expect(Math.abs(result.durationS - sum)).toBeLessThanOrEqual(FRAME / 2);
    expect(back.shown).toBe(Math.round(sum * 24));
    expect(back.width).toBe(320);
    expect(back.audio).toBe(true);
    // The file says where it came from even without its record.
    expect(back.tags.title).toBe('Harbour');
    expect(back.tags.raw?.['©too']).toBe('Keyframe 9.9.9');
    expect(JSON.parse(back.tags.comment ?? '{}')).toMatchObject({ keyframe: 1, kind: 'export', sources: [{ file: 'clip-16x9-4s.mp4' }, { file: 'clip-16x9-6s.mp4' }, { file: 'takes/clip-16x9-8s.mp4' }] });
  });

  it('copies the very packets of each trim, byte for byte and in decode order', async () => {
    const result = await exportSequence(options(THREE));
    const videoPackets = async (path: string) => {
      const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
      try {
        const track = await input.getPrimaryVideoTrack();
        const out: { t: number; data: string }[] = [];
        if (track) for await (const p of new EncodedPacketSink(track).packets()) out.push({ t: p.timestamp, data: Buffer.from(p.data).toString('base64') });
        return out;
      } finally {
        input.dispose();
      }
    };
    // Key frames every 2 s, no reordering: each trim is a run of whole frames from its in-point, as many as
    // keep the running total on the frame grid (1.5 s → 36 frames, then 2.8 s → 67, then 4.05 s → 97).
    const expected: string[] = [];
    const totals = [36, 67, 97];
    for (const [i, c] of THREE.clips.entries()) {
      const count = (totals[i] ?? 0) - (totals[i - 1] ?? 0);
      const source = await videoPackets(join(dir, c.file));
      expected.push(...source.filter((p) => p.t >= (c.in ?? 0) - 1e-6).slice(0, count).map((p) => p.data));
    }
    expect((await videoPackets(result.path)).map((p) => p.data)).toEqual(expected);
  });

  it('writes a sidecar naming the sequence and every source with its trim and hash', async () => {
    const result = await exportSequence(options(THREE));
    expect(result.sidecarName).toBe('scene.keyframe-export.json');
    const sidecar = ExportSidecarSchema.parse(JSON.parse(await readFile(join(dir, result.sidecarName), 'utf8')));
    expect(sidecar).toMatchObject({ schema: 'keyframe.export/1', file: 'scene.mp4', method: 'copy', bytes: result.bytes, sha256: result.sha256, appVersion: '9.9.9' });
    expect(sidecar.sequence).toEqual({ file: 'scene.keyframe-sequence.json', title: 'Harbour', sha256: 'f'.repeat(64) });
    expect(sidecar.sources.map((s) => [s.file, s.in, s.out, s.title])).toEqual([
      ['clip-16x9-4s.mp4', 0, 1.5, 'boat'],
      ['clip-16x9-6s.mp4', 2, 3.291667, undefined],
      ['takes/clip-16x9-8s.mp4', 4, 5.25, undefined],
    ]);
    const fixtureHash = execFileSync('sha256sum', [join(dir, 'clip-16x9-4s.mp4')]).toString().split(' ')[0];
    expect(sidecar.sources[0]?.sha256).toBe(fixtureHash);
    // Nothing else left behind: no part file.
    expect((await readdir(dir)).sort()).toEqual(['clip-16x9-4s.mp4', 'clip-16x9-6s.mp4', 'clip-9x16-4s.mp4', 'scene.keyframe-export.json', 'scene.mp4', 'takes']);
  });

  itWithFfmpeg('writes a file ffmpeg decodes without an error, with the same frame count', async () => {
    const result = await exportSequence(options(THREE));
    execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', result.path, '-f', 'null', '-']);
    const frames = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', result.path]).toString().trim();
    expect(Number(frames)).toBe(97);
  });

  it('starts the first clip between key frames exactly, hiding the frames before its in-point with an edit list', async () => {
    const result = await exportSequence(options(seq([{ file: 'clip-16x9-4s.mp4', in: 0.5, out: 2.5 }, { file: 'clip-16x9-6s.mp4', in: 2, out: 3 }])));
    expect(result.method).toBe('copy');
    const back = await readBack(result.path);
    expect(Math.abs(back.duration - 3)).toBeLessThanOrEqual(FRAME);
    expect(back.shown).toBe(72);
  });

  it('whole clips when in and out are left out', async () => {
    const result = await exportSequence(options(seq([{ file: 'clip-16x9-4s.mp4' }, { file: 'clip-16x9-6s.mp4' }])));
    const back = await readBack(result.path);
    expect(Math.abs(back.duration - 10)).toBeLessThanOrEqual(FRAME);
    expect(back.shown).toBe(240);
  });

  it('reports progress up to 1 with an estimate of the time left', async () => {
    const clock = new FakeClock();
    const seen: ExportProgress[] = [];
    // Time passes as packets are written, so the estimate has a rate to work from.
    const result = await exportSequence(options(seq([{ file: 'clip-16x9-6s.mp4' }, { file: 'takes/clip-16x9-8s.mp4' }]), {
      clock,
      onProgress: (p) => {
        seen.push(p);
        clock.advance(100);
      },
    }));
    expect(result.method).toBe('copy');
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.length).toBeGreaterThan(3);
    expect(writing.map((p) => p.fraction)).toEqual([...writing.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(writing.at(-1)?.fraction).toBe(1);
    expect(writing.some((p) => p.etaMs !== undefined && p.etaMs > 0)).toBe(true);
    expect(seen.at(-1)?.phase).toBe('finishing');
  });

  it('stops on cancel: no output, no part file', async () => {
    const controller = new AbortController();
    const err = await appError(
      exportSequence(options(THREE, { signal: controller.signal, onProgress: (p) => { if (p.phase === 'writing' && p.fraction > 0.3) controller.abort(); } })),
    );
    expect([err.code, err.key]).toEqual(['cancelled', 'export.cancelled']);
    expect((await readdir(dir)).filter((n) => n.startsWith('scene'))).toEqual([]);
  });

  it('never overwrites an existing file', async () => {
    await writeFile(join(dir, 'scene.mp4'), 'mine');
    const err = await appError(exportSequence(options(THREE)));
    expect(err.key).toBe('export.exists');
    expect(await readFile(join(dir, 'scene.mp4'), 'utf8')).toBe('mine');
  });
});

describe('sequence export: when the clips cannot be joined as they are', () => {
  it('plans a re-encode for a 16:9 and a 9:16 clip, naming the clip', async () => {
    const prepared = await prepareExport(dir, seq([{ file: 'clip-16x9-4s.mp4' }, { file: 'clip-9x16-4s.mp4', out: 2 }]));
    prepared.close();
    expect(prepared.plan.method).toBe('reencode');
    if (prepared.plan.method !== 'reencode') return;
    expect(prepared.plan.reasons.map((r) => [r.key, r.params])).toEqual([['sequence.reencode.size', { index: 2 }]]);
    expect(prepared.plan.trims).toEqual([{ in: 0, out: 4 }, { in: 0, out: 2 }]);
    expect(prepared.plan.durationS).toBe(6);
    // Here (no WebCodecs) such a sequence is refused with that reason and what to do.
    const err = await appError(exportSequence(options(seq([{ file: 'clip-16x9-4s.mp4' }, { file: 'clip-9x16-4s.mp4' }]))));
    expect([err.code, err.key, err.note?.key]).toEqual(['unsupported_media', 'sequence.reencode.size', 'sequence.needs_app']);
    expect((await readdir(dir)).filter((n) => n.startsWith('scene'))).toEqual([]);
  });

  it('plans a re-encode when a later clip starts between key frames', async () => {
    const prepared = await prepareExport(dir, seq([{ file: 'clip-16x9-4s.mp4', out: 1 }, { file: 'clip-16x9-6s.mp4', in: 1, out: 2 }]));
    prepared.close();
    expect(prepared.plan.method === 'reencode' && prepared.plan.reasons.map((r) => [r.key, r.params])).toEqual([['sequence.reencode.in_point', { index: 2 }]]);
  });

  it('refuses a clip path leading out of the folder through a symlink, and a trim past the clip', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'kf-outside-'));
    try {
      await copyFile(join(FIXTURES, 'clip-16x9-4s.mp4'), join(outside, 'x.mp4'));
      await symlink(join(outside, 'x.mp4'), join(dir, 'link.mp4'));
      expect((await appError(prepareExport(dir, seq([{ file: 'link.mp4' }])))).key).toBe('sequence.clip_outside');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
    expect((await appError(prepareExport(dir, seq([{ file: 'clip-16x9-4s.mp4', in: 5 }])))).key).toBe('sequence.trim_past_end');
    expect((await appError(prepareExport(dir, seq([{ file: 'gone.mp4' }])))).key).toBe('sequence.clip_missing');
    expect((await appError(prepareExport(dir, seq([])))).key).toBe('sequence.empty');
  });

  it('refuses a clip that is not a video', async () => {
    await writeFile(join(dir, 'notes.mp4'), 'not a video at all');
    expect((await appError(prepareExport(dir, seq([{ file: 'notes.mp4' }])))).key).toBe('sequence.clip_unreadable');
  });
});
