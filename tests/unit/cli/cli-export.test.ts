import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, FilePathSource, Input } from 'mediabunny';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-in-process.js';

const FIXTURES = join(import.meta.dirname, '../../../electron/core/demo/fixtures');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyframe-cli-export-'));
  for (const f of ['clip-16x9-4s.mp4', 'clip-16x9-6s.mp4', 'clip-9x16-4s.mp4']) await copyFile(join(FIXTURES, f), join(dir, f));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writeSequence = (name: string, clips: unknown[]) =>
  writeFile(join(dir, name), JSON.stringify({ schema: 'keyframe.sequence/1', clips }));

async function durationOf(path: string): Promise<number> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    return await input.computeDuration();
  } finally {
    input.dispose();
  }
}

describe('keyframe export', () => {
  it('joins a sequence into the MP4 named by --out, prints its path, and writes the record beside it', async () => {
    await writeSequence('scene.keyframe-sequence.json', [{ file: 'clip-16x9-4s.mp4', in: 0, out: 1.5 }, { file: 'clip-16x9-6s.mp4', in: 2, out: 3 }]);
    const out = join(dir, 'cut.mp4');
    const r = await cli(['export', join(dir, 'scene.keyframe-sequence.json'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
    expect(Math.abs((await durationOf(out)) - 2.5)).toBeLessThanOrEqual(1 / 24);
    const record = JSON.parse(await readFile(join(dir, 'cut.keyframe-export.json'), 'utf8')) as { sequence: { file: string }; sources: { file: string }[] };
    expect(record.sequence.file).toBe('scene.keyframe-sequence.json');
    expect(record.sources.map((s) => s.file)).toEqual(['clip-16x9-4s.mp4', 'clip-16x9-6s.mp4']);
  });

  it('--json prints progress events and a done event; the default output is named after the sequence', async () => {
    await writeSequence('harbour.keyframe-sequence.json', [{ file: 'clip-16x9-6s.mp4' }]);
    const r = await cli(['export', join(dir, 'harbour.keyframe-sequence.json'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; fraction?: number; file?: string; method?: string });
    expect(events.some((e) => e.event === 'progress' && e.fraction === 1)).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'done', file: join(dir, 'harbour.mp4'), method: 'copy' });
  });

  it('clips that would need re-encoding: exit 2, one line naming the clip, nothing written', async () => {
    await writeSequence('mixed.json', [{ file: 'clip-16x9-4s.mp4' }, { file: 'clip-9x16-4s.mp4' }]);
    const r = await cli(['export', join(dir, 'mixed.json'), '--out', join(dir, 'mixed.mp4')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^keyframe: Clip 2 has another picture size than clip 1.* the Keyframe app/);
    expect((await readdir(dir)).filter((n) => n.startsWith('mixed.') && n !== 'mixed.json')).toEqual([]);
  });

  it('bad input is a usage error: no file, a damaged sequence, a clip outside the folder, an output that exists', async () => {
    expect((await cli(['export'])).code).toBe(2);
    await writeFile(join(dir, 'torn.json'), '{"schema":');
    const torn = await cli(['export', join(dir, 'torn.json')]);
    expect([torn.code, torn.stderr]).toEqual([2, expect.stringContaining('damaged')]);
    expect((await cli(['export', join(dir, 'missing.json')])).code).toBe(2);
    await writeSequence('escape.json', [{ file: '../clip.mp4' }]);
    expect((await cli(['export', join(dir, 'escape.json')])).stderr).toContain('damaged');
    await writeSequence('scene.json', [{ file: 'clip-16x9-4s.mp4' }]);
    await writeFile(join(dir, 'taken.mp4'), 'mine');
    const taken = await cli(['export', join(dir, 'scene.json'), '--out', join(dir, 'taken.mp4')]);
    expect([taken.code, taken.stderr]).toEqual([2, expect.stringContaining('never overwrites')]);
    expect(await readFile(join(dir, 'taken.mp4'), 'utf8')).toBe('mine');
    const notMp4 = await cli(['export', join(dir, 'scene.json'), '--out', join(dir, 'scene.mov')]);
    expect(notMp4.code).toBe(2);
  });

  it('is listed in the help', async () => {
    expect((await cli(['help'])).stdout).toContain('keyframe export SEQUENCE.json');
  });
});
