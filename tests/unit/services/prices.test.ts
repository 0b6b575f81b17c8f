import { describe, expect, it } from 'vitest';
import { MODELS, RESOLUTIONS, type Model, type Resolution } from '../../../shared/domain/generation.js';
import { BUNDLED_PRICE_TABLE, PriceTableSchema, estimateCost, priceCells, type CostRequest } from '../../../shared/domain/prices.js';

const req = (patch: Partial<CostRequest> = {}): CostRequest => ({
  model: 'veo3.1-fast-official',
  resolution: '720p',
  duration: 8,
  sample_count: 1,
  generate_audio: false,
  ...patch,
});

/** The published list of 2026-09-14 (shared/apimart/contract.md §8), USD per second, written out by hand. */
const CONTRACT: Record<Model, Record<Resolution, [silent: number, audio: number]>> = {
  'veo3.1-fast-official': { '720p': [0.064, 0.08], '1080p': [0.08, 0.096], '4K': [0.2, 0.24] },
  // The list gives quality a single "with audio" tier at 720p and 1080p.
  'veo3.1-quality-official': { '720p': [0.16, 0.32], '1080p': [0.16, 0.32], '4K': [0.32, 0.48] },
};

const cells = MODELS.flatMap((model) => RESOLUTIONS.flatMap((resolution) => [false, true].map((audio) => [model, resolution, audio] as const)));

describe('the bundled price table', () => {
  it('is dated, bundled, and valid by its own schema', () => {
    expect(BUNDLED_PRICE_TABLE).toMatchObject({ asOf: '2026-09-14', source: 'bundled' });
    expect(PriceTableSchema.safeParse(BUNDLED_PRICE_TABLE).success).toBe(true);
  });

  it.each(cells)('%s at %s, audio %s: the contract’s rate, with its breakdown and the table’s date', (model, resolution, audio) => {
    const rate = CONTRACT[model][resolution][audio ? 1 : 0];
    const e = estimateCost(req({ model, resolution, generate_audio: audio, duration: 6, sample_count: 2 }));
    expect(e).toEqual({ usd: Math.round(rate * 12 * 1e6) / 1e6, perSecondUsd: rate, seconds: 6, samples: 2, asOf: '2026-09-14', source: 'bundled', isEstimate: true });
  });

  it('lists every model × resolution × audio once', () => {
    expect(priceCells(BUNDLED_PRICE_TABLE)).toHaveLength(12);
    expect(new Set(priceCells(BUNDLED_PRICE_TABLE).map((c) => `${c.model} ${c.resolution} ${c.audio}`)).size).toBe(12);
  });
});

describe('estimateCost', () => {
  it('matches a real charge: 8 s fast 720p with audio cost 0.64 USD', () => {
    expect(estimateCost(req({ generate_audio: true })).usd).toBe(0.64);
  });

  it('scales with seconds × sample_count, without float noise', () => {
    expect(estimateCost(req({ sample_count: 3 })).usd).toBe(1.536);
    expect(estimateCost(req({ model: 'veo3.1-quality-official', duration: 6, sample_count: 4, generate_audio: true })).usd).toBe(7.68);
    expect(estimateCost(req({ model: 'veo3.1-quality-official', resolution: '4K', duration: 8, sample_count: 4, generate_audio: true })).usd).toBe(15.36);
  });

  it('prices from the table it is given and names that table', () => {
    const fetched = { ...BUNDLED_PRICE_TABLE, asOf: '2026-10-01', source: 'fetched' as const, grid: { ...BUNDLED_PRICE_TABLE.grid } };
    fetched.grid['veo3.1-fast-official'] = { ...fetched.grid['veo3.1-fast-official'], '720p': { silent: 0.05, audio: 0.07 } };
    expect(estimateCost(req(), fetched)).toMatchObject({ usd: 0.4, perSecondUsd: 0.05, asOf: '2026-10-01', source: 'fetched' });
  });
});
