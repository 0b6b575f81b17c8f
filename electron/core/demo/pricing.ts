import type { Resolution } from '../../../shared/domain/generation.js';
import { BUNDLED_PRICE_TABLE, estimateCost, roundUsd } from '../../../shared/domain/prices.js';

/**
 * What the fake provider charges, and its account balance. Charges follow the
 * same dated price table the app estimates with (shared/domain/prices.ts, the
 * bundled one: this server cannot know what the app fetched), per model ×
 * resolution × audio, per second × sample_count, so a job's charge equals its
 * estimate and a difference in the spending view always means a real one.
 */

export { roundUsd };

const MODEL_OF_TIER = { fast: 'veo3.1-fast-official', quality: 'veo3.1-quality-official' } as const;

export function taskCost(tier: 'fast' | 'quality', resolution: Resolution, audio: boolean, seconds: number, samples: number): number {
  return estimateCost({ model: MODEL_OF_TIER[tier], resolution, duration: seconds, sample_count: samples, generate_audio: audio }, BUNDLED_PRICE_TABLE).usd;
}

export class Balance {
  private used = 0;

  constructor(private readonly initialUsd: number) {}

  charge(usd: number): void {
    this.used = roundUsd(this.used + usd);
  }

  /** The body of GET /v1/balance and /v1/user/balance. */
  snapshot(): { success: true; remain_balance: number; used_balance: number; unlimited_quota: false } {
    return {
      success: true,
      remain_balance: roundUsd(this.initialUsd - this.used),
      used_balance: this.used,
      unlimited_quota: false,
    };
  }
}
