import { describe, expect, it } from 'vitest';
import { MODELS, RESOLUTIONS } from '../../../shared/domain/generation.js';
import { BUNDLED_PRICE_TABLE, rateFor } from '../../../shared/domain/prices.js';
import { parsePriceList } from '../../../electron/core/money/price-feed.js';
import { FETCHED_FAST_720P, flatKeysShape, mapShape, rowsShape } from './price-shapes.js';

/** The provider's price list, read defensively: three plausible shapes read alike; anything doubtful is refused. */

describe('parsePriceList', () => {
  it.each([
    ['rows under data, with a unit, a currency and an ISO date', rowsShape(), '2026-10-02'],
    ['an object keyed by model id, prices as text, an epoch date', mapShape(), '2026-10-03'],
    ['a bare array with "<res>_audio" keys and no date', flatKeysShape(), undefined],
  ])('reads %s into the full grid', (_name, json, asOf) => {
    const parsed = parsePriceList(json);
    expect(parsed).toBeDefined();
    expect(parsed?.asOf).toBe(asOf);
    expect(parsed?.grid['veo3.1-fast-official']['720p']).toEqual(FETCHED_FAST_720P);
    for (const model of MODELS) {
      for (const resolution of RESOLUTIONS) {
        if (model === 'veo3.1-fast-official' && resolution === '720p') continue;
        expect(parsed?.grid[model][resolution]).toEqual(BUNDLED_PRICE_TABLE.grid[model][resolution]);
      }
    }
  });

  it('refuses a list missing any cell (a 4K tier, one model)', () => {
    const rows = rowsShape() as { data: { model: string; prices: { resolution: string }[] }[] };
    const no4k = structuredClone(rows);
    for (const m of no4k.data) m.prices = m.prices.filter((p) => p.resolution !== '4K');
    expect(parsePriceList(no4k)).toBeUndefined();
    const oneModel = structuredClone(rows);
    oneModel.data = oneModel.data.filter((m) => m.model !== 'veo3.1-quality-official');
    expect(parsePriceList(oneModel)).toBeUndefined();
  });

  it('refuses figures that cannot be dollars per second (cents, a price per video), and units or currencies that are not', () => {
    const scaled = (factor: number) => {
      const rows = structuredClone(rowsShape()) as { data: { prices: { price: number }[] }[] };
      for (const m of rows.data) for (const p of m.prices) p.price = Math.round(p.price * factor * 1e6) / 1e6;
      return rows;
    };
    expect(parsePriceList(scaled(100))).toBeUndefined();
    expect(parsePriceList(scaled(8))).toBeDefined();
    const perVideo = structuredClone(rowsShape()) as { data: { unit?: string }[] };
    for (const m of perVideo.data) m.unit = 'per_video';
    expect(parsePriceList(perVideo)).toBeUndefined();
    const yuan = structuredClone(rowsShape()) as { data: { currency?: string }[] };
    for (const m of yuan.data) m.currency = 'CNY';
    expect(parsePriceList(yuan)).toBeUndefined();
  });

  it.each([null, 'text', 42, [], {}, { data: 'x' }, { data: [{ model: 'veo3.1-fast-official', prices: 'free' }] }, { data: [{ model: 7 }] }])(
    'refuses %j without throwing',
    (json) => {
      expect(parsePriceList(json)).toBeUndefined();
    },
  );

  it('ignores the figure of another model under the same list', () => {
    const rows = structuredClone(rowsShape()) as { data: { model: string; prices: { price: number }[] }[] };
    expect(rows.data[0]?.model).toBe('gpt-image-1');
    expect(parsePriceList(rows)?.grid['veo3.1-quality-official']['4K'].audio).toBe(rateFor(BUNDLED_PRICE_TABLE, 'veo3.1-quality-official', '4K', true));
  });
});
