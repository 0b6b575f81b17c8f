/**
 * Prices and the fake account balance. List prices from contract.md §6: fast
 * 0.064 USD/s (0.08 with audio); quality 0.16 USD/s (0.32 with audio, our pick
 * inside the published 0.16–0.32 range). Charged per second × sample_count.
 */

export const PRICE_PER_SECOND = {
  fast: { silent: 0.064, audio: 0.08 },
  quality: { silent: 0.16, audio: 0.32 },
} as const;

/** Rounds away float noise (0.064 × 8 × 3) the way a billing system would. */
export function roundUsd(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function taskCost(tier: 'fast' | 'quality', audio: boolean, seconds: number, samples: number): number {
  const rate = PRICE_PER_SECOND[tier][audio ? 'audio' : 'silent'];
  return roundUsd(rate * seconds * samples);
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
