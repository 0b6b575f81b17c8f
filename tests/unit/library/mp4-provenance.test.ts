import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMp4Provenance, readMp4Tags, writeMp4Provenance, type Mp4Provenance } from '../../../electron/core/library/mp4-provenance.js';
import { verifyMp4 } from '../../../electron/core/library/verify-mp4.js';
import { itWithFfmpeg } from '../../support/ffmpeg.js';

const FIXTURES = join(import.meta.dirname, '../../../electron/core/demo/fixtures');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kf-prov-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PROVENANCE: Mp4Provenance = {
  prompt: 'a paper boat drifting down a rainy street, “cinematic” — 종이배',
  model: 'veo3.1-fast-official',
  seed: 424242,
  taskId: 'task_01JABCDEF',
  appVersion: '0.1.0',
};

/** Every packet's bytes and timing, as a plain reader sees them: equal before and after means no media moved. */
async function packetDigest(path: string): Promise<string[]> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const out: string[] = [];
    for (const track of await input.getTracks()) {
      for await (const p of new EncodedPacketSink(track).packets()) out.push(`${track.type}:${p.timestamp.toFixed(6)}:${Buffer.from(p.data).toString('base64')}`);
    }
    return out;
  } finally {
    input.dispose();
  }
}

async function mediabunnyTags(path: string) {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    return await input.getMetadataTags();
  } finally {
    input.dispose();
  }
}

/** The fixtures are fast start (moov before mdat); this makes the other layout from one. */
function moovAtEnd(src: string, dest: string): void {
  execFileSync('ffmpeg', ['-v', 'error', '-i', src, '-c', 'copy', '-map_metadata', '-1', dest]);
}


describe('MP4 provenance', () => {
  it('writes prompt, model, seed, task id and version into a fast-start file, moving no media byte', async () => {
    const path = join(dir, 'v.mp4');
    await copyFile(join(FIXTURES, 'clip-16x9-4s.mp4'), path);
    const before = await packetDigest(path);
    expect(await writeMp4Provenance(path, PROVENANCE)).toEqual({ written: true });
    // Our reader.
    expect(await readMp4Provenance(path)).toEqual(PROVENANCE);
    const tags = await readMp4Tags(path);
    expect(tags.get('\u00a9nam')).toBe(PROVENANCE.prompt);
    expect(tags.get('\u00a9too')).toBe('Keyframe 0.1.0');
    expect(JSON.parse(tags.get('\u00a9cmt') ?? '')).toEqual({ keyframe: 1, ...PROVENANCE });
    // A plain MP4 reader: the same tags, and every packet where it was (chunk offsets moved with the moov).
    const read = await mediabunnyTags(path);
    expect(read.title).toBe(PROVENANCE.prompt);
    expect(JSON.parse(read.comment ?? '')).toMatchObject({ keyframe: 1, taskId: 'task_01JABCDEF', seed: 424242 });
    expect(await packetDigest(path)).toEqual(before);
    await verifyMp4(path);
    // Replaced atomically: no temp file left.
    expect(await readdir(dir)).toEqual(['v.mp4']);
  });

  it('replaces its own tags when written again, keeping other tools’ items', async () => {
    const path = join(dir, 'v.mp4');
    await copyFile(join(FIXTURES, 'clip-16x9-6s.mp4'), path);
    await writeMp4Provenance(path, PROVENANCE);
    await writeMp4Provenance(path, { ...PROVENANCE, seed: undefined, prompt: 'second' });
    expect(await readMp4Provenance(path)).toEqual({ ...PROVENANCE, seed: undefined, prompt: 'second' });
    const tags = await readMp4Tags(path);
    expect([...tags.keys()].filter((k) => k === '\u00a9nam')).toHaveLength(1);
    // ffmpeg wrote ©too "Lavf…" into the fixture: ours replaced it, nothing else was dropped.
    expect(tags.get('\u00a9too')).toBe('Keyframe 0.1.0');
  });

  itWithFfmpeg('is read by ffprobe, and the file still decodes, in both layouts', async () => {
    const fast = join(dir, 'fast.mp4');
    const slow = join(dir, 'slow.mp4');
    await copyFile(join(FIXTURES, 'clip-9x16-4s.mp4'), fast);
    moovAtEnd(fast, slow);
    for (const path of [fast, slow]) {
      const before = await packetDigest(path);
      expect(await writeMp4Provenance(path, PROVENANCE)).toEqual({ written: true });
      const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format_tags', '-of', 'json', path]).toString()) as { format: { tags: Record<string, string> } };
      expect(probe.format.tags.title).toBe(PROVENANCE.prompt);
      expect(probe.format.tags.encoder).toBe('Keyframe 0.1.0');
      expect(JSON.parse(probe.format.tags.comment ?? '')).toMatchObject({ keyframe: 1, model: PROVENANCE.model });
      execFileSync('ffmpeg', ['-v', 'error', '-xerror', '-i', path, '-f', 'null', '-']);
      expect(await packetDigest(path)).toEqual(before);
    }
  });

  it('leaves a file it cannot label as it is, saying why', async () => {
    const path = join(dir, 'x.mp4');
    const notBoxes = Buffer.from('\0\0\0\x20ftypisom and then nothing that makes sense');
    await writeFile(path, notBoxes);
    expect(await writeMp4Provenance(path, PROVENANCE)).toMatchObject({ written: false });
    expect(await readFile(path)).toEqual(notBoxes);
    expect(await readMp4Provenance(path)).toBeUndefined();
  });

  it('reads nothing from a video without our comment', async () => {
    const path = join(dir, 'v.mp4');
    await copyFile(join(FIXTURES, 'clip-16x9-4s.mp4'), path);
    expect(await readMp4Provenance(path)).toBeUndefined();
  });
});
