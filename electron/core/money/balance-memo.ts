import type { KnownBalance } from './budget.js';

/**
 * The account balance as last fetched. The budget check refuses a job whose
 * estimate is above it only while it is fresh (fetched in the last few
 * minutes, or fetched when the job was submitted): an old figure says little
 * about an account others may be spending from or topping up.
 */

export const BALANCE_FRESH_MS = 5 * 60_000;

export type BalanceFetch = () => Promise<{ remainUsd?: number; unlimited: boolean }>;

export class BalanceMemo {
  private last?: KnownBalance;
  private inFlight?: Promise<void>;

  note(balance: { remainUsd?: number; unlimited: boolean }, at: number): void {
    this.last = { ...(balance.remainUsd === undefined ? {} : { remainUsd: balance.remainUsd }), unlimited: balance.unlimited, at };
  }

  /** Starts fetching unless a fresh balance is known or a fetch is on its way. Never throws: a failed fetch leaves it unknown. */
  refresh(fetchBalance: BalanceFetch, now: () => number): void {
    if (this.inFlight || this.fresh(now())) return;
    this.inFlight = fetchBalance()
      .then(
        (b) => this.note(b, now()),
        () => undefined,
      )
      .then(() => {
        this.inFlight = undefined;
      });
  }

  /** The balance if it is fresh at `now()`, once any fetch on its way has settled. */
  async recent(now: () => number): Promise<KnownBalance | undefined> {
    if (this.inFlight) await this.inFlight;
    return this.fresh(now());
  }

  private fresh(now: number): KnownBalance | undefined {
    return this.last !== undefined && now - this.last.at <= BALANCE_FRESH_MS ? this.last : undefined;
  }
}
