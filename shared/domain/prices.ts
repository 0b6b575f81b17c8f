import type { Model, Resolution } from './generation.js';

/**
 * The one editable price table (APIMart publishes no price API; see
 * shared/apimart/contract.md §6). Charges scale with seconds × sample_count.
 * Every figure here is an estimate: the task's real `cost` is shown once it
 * completes.
 */

export interface Rate {
  /** USD per second of video without audio. */
  silent: number;
  /** USD per second of video with audio. */
  audio: number;
}

export const PRICE_PER_SECOND_USD: Record<Model, Rate> = {
  // Observed: 720p and 1080p cost the same; a real 8 s call with audio cost 0.64 USD.
  'veo3.1-fast-official': { silent: 0.064, audio: 0.08 },
  // Published only as a 0.16–0.32 USD/s range; how it splits by audio or resolution is
  // unknown. We take the low end without audio and the high end with it, so an
  // estimate with audio errs on the expensive side.
  'veo3.1-quality-official': { silent: 0.16, audio: 0.32 },
};

/** Resolutions with no published price: we say so instead of guessing. */
export const UNPRICED_RESOLUTIONS: readonly Resolution[] = ['4K'];

export interface CostRequest {
  model: Model;
  resolution: Resolution;
  duration: number;
  sample_count: number;
  generate_audio: boolean;
}

export interface CostEstimateResult {
  usd?: number;
  perSecondUsd?: number;
  unknownReason?: string;
  isEstimate: true;
}

/** Rounds away float noise (0.064 × 8 × 3) the way a bill would. */
const roundUsd = (x: number): number => Math.round(x * 1e6) / 1e6;

export function estimateCost(req: CostRequest): CostEstimateResult {
  if (UNPRICED_RESOLUTIONS.includes(req.resolution)) {
    return { unknownReason: `No price has been published for ${req.resolution}; the real cost is shown when the video is done.`, isEstimate: true };
  }
  const rate = PRICE_PER_SECOND_USD[req.model];
  const perSecondUsd = req.generate_audio ? rate.audio : rate.silent;
  return { usd: roundUsd(perSecondUsd * req.duration * req.sample_count), perSecondUsd, isEstimate: true };
}
