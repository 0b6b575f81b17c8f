import { z } from 'zod';
import { MODELS, RESOLUTIONS, type Model, type Resolution } from './generation.js';

/**
 * The price table: USD per second of video for every model × resolution ×
 * audio, dated. The bundled table is the provider's published list as of its
 * date (shared/apimart/contract.md §8); main may replace it with a fresher
 * copy of that list (electron/core/money/price-book.ts), and every estimate
 * says which table, of which date, it came from. Charges scale with seconds ×
 * sample_count. Every figure here is an estimate: the task's real `cost` is
 * recorded once it completes.
 */

/** The provider's public price list. No key is ever sent there: it is fetched like any public file. */
export const PRICE_LIST_URL = 'https://apimart.ai/api/pricing/models/all';

/** Where the figures in use came from: shipped with Keyframe, or fetched from the provider's list. */
export const PRICE_SOURCES = ['bundled', 'fetched'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

/**
 * A price per second no Veo tier comes near: a figure above it is a misread
 * list (a price per video, or in cents), and trusting it would make every
 * estimate and every cap check wrong.
 */
export const RATE_MAX_USD_PER_SECOND = 10;

const RateUsdSchema = z.number().positive().max(RATE_MAX_USD_PER_SECOND);

/** USD per second of video at one model and resolution. */
export const RateSchema = z.object({ silent: RateUsdSchema, audio: RateUsdSchema }).strict();
export type Rate = z.infer<typeof RateSchema>;

const byResolution = z.object({ '720p': RateSchema, '1080p': RateSchema, '4K': RateSchema }).strict();
/** Every model × resolution: a table with a hole is not a table (a cap check must never meet an unpriced job). */
export const PriceGridSchema = z.object({ 'veo3.1-fast-official': byResolution, 'veo3.1-quality-official': byResolution }).strict();
export type PriceGrid = Record<Model, Record<Resolution, Rate>>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const PriceTableSchema = z
  .object({
    /** The date the provider's list had these figures (the bundled snapshot's date, or the day it was fetched). */
    asOf: IsoDateSchema,
    source: z.enum(PRICE_SOURCES),
    /** When the list was fetched (ms since the epoch); absent for the bundled table. */
    fetchedAt: z.number().optional(),
    grid: PriceGridSchema,
  })
  .strict();
export type PriceTable = z.infer<typeof PriceTableSchema>;

/** The published list of 2026-09-14 (contract.md §8). Quality has one "with audio" tier at 720p and 1080p. */
export const BUNDLED_PRICE_TABLE: PriceTable = {
  asOf: '2026-09-14',
  source: 'bundled',
  grid: {
    'veo3.1-fast-official': {
      '720p': { silent: 0.064, audio: 0.08 },
      '1080p': { silent: 0.08, audio: 0.096 },
      '4K': { silent: 0.2, audio: 0.24 },
    },
    'veo3.1-quality-official': {
      '720p': { silent: 0.16, audio: 0.32 },
      '1080p': { silent: 0.16, audio: 0.32 },
      '4K': { silent: 0.32, audio: 0.48 },
    },
  },
};

export interface CostRequest {
  model: Model;
  resolution: Resolution;
  duration: number;
  sample_count: number;
  generate_audio: boolean;
}

/** An estimate with its breakdown: perSecondUsd × seconds × samples = usd, from the table of `asOf`. */
export interface CostEstimateResult {
  usd: number;
  perSecondUsd: number;
  seconds: number;
  samples: number;
  asOf: string;
  source: PriceSource;
  isEstimate: true;
}

/** Rounds away float noise (0.064 × 8 × 3) the way a bill would: to a millionth of a dollar. */
export const roundUsd = (x: number): number => Math.round(x * 1e6) / 1e6;

export function rateFor(table: PriceTable, model: Model, resolution: Resolution, audio: boolean): number {
  const rate = table.grid[model][resolution];
  return audio ? rate.audio : rate.silent;
}

export function estimateCost(req: CostRequest, table: PriceTable = BUNDLED_PRICE_TABLE): CostEstimateResult {
  const perSecondUsd = rateFor(table, req.model, req.resolution, req.generate_audio);
  return {
    usd: roundUsd(perSecondUsd * req.duration * req.sample_count),
    perSecondUsd,
    seconds: req.duration,
    samples: req.sample_count,
    asOf: table.asOf,
    source: table.source,
    isEstimate: true,
  };
}

/** Every cell of a table, in a fixed order (for lists and tests). */
export function priceCells(table: PriceTable): { model: Model; resolution: Resolution; audio: boolean; perSecondUsd: number }[] {
  return MODELS.flatMap((model) =>
    RESOLUTIONS.flatMap((resolution) => [false, true].map((audio) => ({ model, resolution, audio, perSecondUsd: rateFor(table, model, resolution, audio) }))),
  );
}
