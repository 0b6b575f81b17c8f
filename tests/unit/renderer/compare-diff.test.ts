import { describe, expect, it } from 'vitest';
import { paramDifferences, type ClipFacts } from '../../../renderer/src/features/compare/param-diff.js';
import { promptDifferences } from '../../../renderer/src/features/compare/prompt-diff.js';
import { gridFor, pictureSize } from '../../../renderer/src/features/compare/tile-layout.js';
import { videoView } from './view-samples.js';

/** What the compare view lists under each clip (only what differs), and how it lays 1–4 clips out. */

const base = videoView('a');
const take = (id: string, over: { seed?: number; request?: Partial<typeof base.request> } & Partial<Omit<typeof base, 'request'>> = {}): ClipFacts => {
  const { request, ...rest } = over;
  return { video: videoView(id, { ...rest, request: { ...base.request, ...request } }) };
};
const keys = (diffs: ReturnType<typeof paramDifferences>) => diffs.map((d) => d.map((x) => x.key));

describe('paramDifferences', () => {
  it('a bare file beside a generated take compares by what its container and embedded provenance say', () => {
    const { request: _request, provider: _provider, model: _model, taskId: _taskId, requestIds: _ids, ...common } = videoView('bare');
    const bare: ClipFacts = {
      video: {
        ...common,
        kind: 'bare',
        container: { format: 'MP4', durationS: 4, width: 1280, height: 720, fps: 24 },
        provenance: { prompt: base.request.prompt, model: 'veo3.1-quality-official', seed: 9 },
      },
    };
    const diffs = paramDifferences([take('a', { seed: 1, request: { duration: 8 } }), bare]);
    expect(diffs[1]).toContainEqual({ key: 'model', model: 'veo3.1-quality-official' });
    expect(diffs[1]).toContainEqual({ key: 'seed', seed: 9 });
    expect(diffs[1]).toContainEqual({ key: 'length', seconds: 4 });
    // Settings a bare file cannot know are left out, not shown as differences.
    expect(keys(diffs)[1]).not.toContain('people');
  });

  it('takes of one job that differ only in seed list the seed alone, under every clip', () => {
    const diffs = paramDifferences([take('a', { seed: 1 }), take('b', { seed: 2 }), take('c', { seed: 3 })]);
    expect(diffs).toEqual([[{ key: 'seed', seed: 1 }], [{ key: 'seed', seed: 2 }], [{ key: 'seed', seed: 3 }]]);
  });

  it('identical clips (and a single clip) list nothing', () => {
    expect(paramDifferences([take('a', { seed: 7 }), take('b', { seed: 7 })])).toEqual([[], []]);
    expect(paramDifferences([take('a', { seed: 7 })])).toEqual([[]]);
  });

  it('a seed the request left random and none recorded reads as unknown (undefined), which differs from a number', () => {
    expect(paramDifferences([take('a'), take('b', { seed: 5 })])).toEqual([[{ key: 'seed', seed: undefined }], [{ key: 'seed', seed: 5 }]]);
  });

  it('every setting that differs is listed, in a fixed order; the ones all share are not', () => {
    const a = take('a', { seed: 1, model: 'veo3.1-fast-official', request: { duration: 8, resolution: '720p', generate_audio: false, negative_prompt: 'blur' } });
    const b = take('b', { seed: 1, model: 'veo3.1-quality-official', request: { duration: 4, resolution: '1080p', generate_audio: true } });
    const diffs = paramDifferences([a, b]);
    expect(keys(diffs)).toEqual([
      ['model', 'length', 'resolution', 'audio', 'negative'],
      ['model', 'length', 'resolution', 'audio', 'negative'],
    ]);
    expect(diffs[1]).toContainEqual({ key: 'length', seconds: 4 });
    expect(diffs[0]).toContainEqual({ key: 'negative', negative: 'blur' });
    expect(diffs[1]).toContainEqual({ key: 'negative', negative: undefined });
  });

  it('with every file read, the length is the file’s own (a 2 s file asked as 4 s), and a differing frame rate shows', () => {
    const clips: ClipFacts[] = [
      { ...take('a'), clock: { fps: 24, frames: 48, start: 0 } },
      { ...take('b'), clock: { fps: 24, frames: 96, start: 0 } },
      { ...take('c'), clock: { fps: 30000 / 1001, frames: 240, start: 0 } },
    ];
    const diffs = paramDifferences(clips);
    expect(diffs.map((d) => d.find((x) => x.key === 'length'))).toEqual([
      { key: 'length', seconds: 2 },
      { key: 'length', seconds: 4 },
      { key: 'length', seconds: 8 },
    ]);
    expect(diffs.map((d) => d.find((x) => x.key === 'fps'))).toEqual([
      { key: 'fps', fps: 24 },
      { key: 'fps', fps: 24 },
      { key: 'fps', fps: 29.97 },
    ]);
  });

  it('while some file is still being read, the frame rate is left out and the length is the one asked for', () => {
    const diffs = paramDifferences([{ ...take('a', { request: { duration: 8 } }), clock: { fps: 24, frames: 48, start: 0 } }, take('b', { request: { duration: 8 } })]);
    expect(diffs).toEqual([[], []]);
  });

  it('input frames differ by name; a clip without them says so', () => {
    const diffs = paramDifferences([take('a', { frames: [{ role: 'first', name: 'dawn.png' }] }), take('b')]);
    expect(diffs).toEqual([[{ key: 'frames', first: 'dawn.png', last: undefined }], [{ key: 'frames', first: undefined, last: undefined }]]);
  });

  it('prompts that differ add a prompt summary under every clip', () => {
    const diffs = paramDifferences([take('a', { request: { prompt: 'a red fox at dawn, cinematic' } }), take('b', { request: { prompt: 'a red fox at dusk, cinematic' } })]);
    expect(diffs).toEqual([
      [{ key: 'prompt', prompt: { kind: 'edited', added: ['dawn'], removed: ['dusk'] } }],
      [{ key: 'prompt', prompt: { kind: 'edited', added: ['dusk'], removed: ['dawn'] } }],
    ]);
  });
});

describe('promptDifferences', () => {
  it('two prompts: each shows its own words and the other’s it lacks, as phrases', () => {
    expect(promptDifferences(['A paper boat drifting down a rainy street, cinematic', 'A paper boat sailing fast down a sunny street, cinematic'])).toEqual([
      { kind: 'edited', added: ['drifting', 'rainy'], removed: ['sailing fast', 'sunny'] },
      { kind: 'edited', added: ['sailing fast', 'sunny'], removed: ['drifting', 'rainy'] },
    ]);
  });

  it('case and punctuation around words do not count as changes', () => {
    expect(promptDifferences(['A fox, at dawn.', 'a fox at DAWN'])).toEqual([
      { kind: 'edited', added: [], removed: [] },
      { kind: 'edited', added: [], removed: [] },
    ]);
  });

  it('three prompts: a word is shared only if every other prompt has it', () => {
    const [a, b, c] = promptDifferences(['a red fox at dawn', 'a fox at dawn', 'a fox at dusk']);
    expect(a).toEqual({ kind: 'edited', added: ['red', 'dawn'], removed: [] });
    expect(b).toEqual({ kind: 'edited', added: ['dawn'], removed: [] });
    // The others share "dawn"; c has "dusk" instead.
    expect(c).toEqual({ kind: 'edited', added: ['dusk'], removed: ['dawn'] });
  });

  it('word order matters: the same words moved are a change', () => {
    const [a] = promptDifferences(['a fox chasing a hare', 'a hare chasing a fox']);
    expect(a?.kind).toBe('edited');
    expect(a?.kind === 'edited' && a.added.length).toBeGreaterThan(0);
  });

  it('a prompt with little in common with the others gives its opening words instead of a word list', () => {
    const [a] = promptDifferences(['a neon city at night with flying cars and rain and reflections everywhere', 'a quiet meadow at dawn']);
    expect(a).toEqual({ kind: 'rewritten', excerpt: 'a neon city at night with flying cars…' });
  });

  it('long runs are cut, and at most three are listed', () => {
    const [a] = promptDifferences(['x one two three four five six seven y alpha z beta w gamma v delta', 'x y z w v']);
    expect(a).toEqual({ kind: 'rewritten', excerpt: 'x one two three four five six seven…' });
    const [b] = promptDifferences(['the boat one two three four five six seven drifts on the quiet river at dusk today', 'the boat drifts on the quiet river at dusk today']);
    expect(b).toEqual({ kind: 'edited', added: ['one two three four five six…'], removed: [] });
  });

  it('Korean prompts diff by their words too', () => {
    const [a, b] = promptDifferences(['비 오는 거리를 떠내려가는 종이배, 영화 같은', '맑은 거리를 떠내려가는 종이배, 영화 같은']);
    expect(a).toEqual({ kind: 'edited', added: ['비 오는'], removed: ['맑은'] });
    expect(b).toEqual({ kind: 'edited', added: ['맑은'], removed: ['비 오는'] });
  });
});

describe('gridFor', () => {
  const wide = { width: 1600, height: 800, gap: 8, caption: 40 };
  const square = { width: 1000, height: 800, gap: 8, caption: 40 };
  it('two clips sit side by side', () => {
    expect(gridFor(2, wide, 16 / 9)).toEqual({ cols: 2, rows: 1 });
    expect(gridFor(2, square, 9 / 16)).toEqual({ cols: 2, rows: 1 });
  });
  it('three: a row of three when that shows them bigger (tall clips), else 2×2', () => {
    expect(gridFor(3, square, 16 / 9)).toEqual({ cols: 2, rows: 2 });
    expect(gridFor(3, wide, 9 / 16)).toEqual({ cols: 3, rows: 1 });
  });
  it('four: 2×2 for wide clips, a row for tall clips on a wide stage', () => {
    expect(gridFor(4, wide, 16 / 9)).toEqual({ cols: 2, rows: 2 });
    expect(gridFor(4, wide, 9 / 16)).toEqual({ cols: 4, rows: 1 });
  });
  it('one clip fills the stage; counts past four are laid out as four', () => {
    expect(gridFor(1, wide, 16 / 9)).toEqual({ cols: 1, rows: 1 });
    expect(gridFor(6, wide, 16 / 9)).toEqual({ cols: 2, rows: 2 });
  });
  it('the picture in each cell, in whole px: held back by the height, narrower than its share of the width', () => {
    const stage = { width: 1000, height: 700, gap: 12, caption: 68 };
    // Cells of 494 × (344 − 68) px: a 16:9 picture 276 px high is 490 px wide.
    expect(pictureSize({ cols: 2, rows: 2 }, stage, 16 / 9)).toEqual({ width: 490, height: 275 });
    // Held back by the width instead.
    expect(pictureSize({ cols: 2, rows: 1 }, { ...stage, height: 2000 }, 16 / 9)).toEqual({ width: 494, height: 277 });
  });
  it('a stage too small for a caption, or no shape, gives no picture', () => {
    expect(pictureSize({ cols: 2, rows: 2 }, { width: 400, height: 140, gap: 12, caption: 68 }, 16 / 9)).toEqual({ width: 0, height: 0 });
    expect(pictureSize({ cols: 1, rows: 1 }, { width: 400, height: 400, gap: 0, caption: 0 }, 0)).toEqual({ width: 0, height: 0 });
  });
});
