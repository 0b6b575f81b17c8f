import { MODELS, RESOLUTIONS } from '../../../shared/domain/generation.js';
import { BUNDLED_PRICE_TABLE, rateFor } from '../../../shared/domain/prices.js';

/**
 * Plausible shapes of the provider's public price list (its exact JSON is not
 * documented): the parser must read each of them to the same grid. Figures
 * are the bundled table's, with fast 720p changed to tell a fetched table apart.
 */

export const FETCHED_FAST_720P = { silent: 0.06, audio: 0.075 };

const rate = (model: (typeof MODELS)[number], resolution: (typeof RESOLUTIONS)[number], audio: boolean): number =>
  model === 'veo3.1-fast-official' && resolution === '720p' ? FETCHED_FAST_720P[audio ? 'audio' : 'silent'] : rateFor(BUNDLED_PRICE_TABLE, model, resolution, audio);

/** `{ data: [{ model, prices: [{ resolution, audio, price }] }], updated_at }` */
export function rowsShape(): unknown {
  return {
    success: true,
    updated_at: '2026-10-02T08:00:00Z',
    data: [
      { model: 'gpt-image-1', prices: [{ resolution: '1024', audio: false, price: 0.04 }] },
      ...MODELS.map((model) => ({
        model,
        currency: 'USD',
        unit: 'per_second',
        prices: RESOLUTIONS.flatMap((resolution) => [false, true].map((audio) => ({ resolution, audio, price: rate(model, resolution, audio) }))),
      })),
    ],
  };
}

/** `{ models: { "<id>": { pricing: { "720p": { without_audio, with_audio } } } } }` with prices as text. */
export function mapShape(): unknown {
  return {
    models: Object.fromEntries(
      MODELS.map((model) => [
        model,
        {
          pricing: Object.fromEntries(
            RESOLUTIONS.map((r) => [r.toLowerCase(), { without_audio: `$${rate(model, r, false)}`, with_audio: `${rate(model, r, true)} USD/s` }]),
          ),
        },
      ]),
    ),
    last_updated: Date.UTC(2026, 9, 3) / 1000,
  };
}

/** A bare array of `{ id, price: { "720p": n, "720p_audio": n } }`, no date. */
export function flatKeysShape(): unknown {
  return MODELS.map((model) => ({
    id: model,
    price: Object.fromEntries(RESOLUTIONS.flatMap((r) => [[r, rate(model, r, false)] as const, [`${r}_audio`, rate(model, r, true)] as const])),
  }));
}
