import { describe, expect, it } from 'vitest';
import { drawSeeds, expandSweep } from '../../../electron/core/batch/sweep.js';
import { SEED_MAX } from '../../../shared/domain/generation.js';

const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};

describe('sweeps expand into batch rows', () => {
  it('a seed list gives one row per seed, in order, duplicates dropped', () => {
    const read = expandSweep({ kind: 'sweep', seeds: { list: [7, 9, 7] } }, () => 0);
    expect(read.rows.map((r) => [r.row, r.fields, r.label])).toEqual([
      [1, { seed: 7 }, 'seed 7'],
      [2, { seed: 9 }, 'seed 9'],
    ]);
  });

  it('draws N different seeds from the injected random source', () => {
    const seeds = drawSeeds(3, sequence(0, 0, 0.5, 0.999999999));
    expect(seeds).toEqual([0, Math.floor(0.5 * (SEED_MAX + 1)), Math.floor(0.999999999 * (SEED_MAX + 1))]);
    // A source that keeps repeating itself gives fewer seeds instead of hanging.
    expect(drawSeeds(5, () => 0.25)).toEqual([Math.floor(0.25 * (SEED_MAX + 1))]);
  });

  it('a grid is every combination (the last setting varies fastest), each with every seed', () => {
    const read = expandSweep({ kind: 'sweep', grid: { model: ['veo3.1-fast-official', 'veo3.1-quality-official'], duration: [4, 8] }, seeds: { list: [1] } }, () => 0);
    expect(read.rows.map((r) => r.fields)).toEqual([
      { model: 'veo3.1-fast-official', duration: 4, seed: 1 },
      { model: 'veo3.1-fast-official', duration: 8, seed: 1 },
      { model: 'veo3.1-quality-official', duration: 4, seed: 1 },
      { model: 'veo3.1-quality-official', duration: 8, seed: 1 },
    ]);
    expect(read.rows[3]?.label).toBe('model veo3.1-quality-official · duration 8 · seed 1');
  });

  it('refuses a sweep that varies nothing, or makes more jobs than a batch takes', () => {
    expect(expandSweep({ kind: 'sweep' }, () => 0).problems.map((p) => p.key)).toEqual(['batch.sweep_empty']);
    const big = expandSweep({ kind: 'sweep', seeds: { count: 50 }, grid: { duration: [4, 6, 8], resolution: ['720p', '1080p', '4K'], generate_audio: [true, false] } }, Math.random);
    expect(big.problems).toEqual([expect.objectContaining({ key: 'batch.sweep_too_large', params: { count: 900, max: 500 } })]);
    expect(big.rows).toEqual([]);
  });
});
