import { create } from 'zustand';
import type { BalanceView } from '../../../shared/ipc/views.js';
import { api } from '../api';

/**
 * The provider balance, when main can tell it. A failed lookup (no key, offline)
 * just leaves it unknown: the header and compose then show nothing about money left.
 */
interface BalanceState {
  balance: BalanceView | undefined;
  /**
   * Asks main again. Calls made while a request is on its way share it, unless
   * `fresh`: after a switch between demo and live, an answer to a request sent
   * before the switch would be the other provider's balance, so it is ignored.
   */
  refresh(opts?: { fresh?: boolean }): Promise<void>;
}

let inFlight: Promise<void> | undefined;
let latest = 0;

export const useBalanceStore = create<BalanceState>()((set) => ({
  balance: undefined,
  refresh(opts = {}) {
    if (inFlight && !opts.fresh) return inFlight;
    const asked = ++latest;
    const request: Promise<void> = api.balance
      .get({})
      .then(
        (balance) => {
          if (asked === latest) set({ balance });
        },
        () => {
          if (asked === latest) set({ balance: undefined });
        },
      )
      .finally(() => {
        if (inFlight === request) inFlight = undefined;
      });
    inFlight = request;
    return request;
  },
}));

/** "$12.34", "Demo", "Unlimited", or undefined when the figure is unknown. */
export function balanceLabel(b: BalanceView | undefined, words: { demo: string; unlimited: string }): string | undefined {
  if (!b) return undefined;
  if (b.demo) return words.demo;
  if (b.unlimited) return words.unlimited;
  if (b.remainUsd === undefined) return undefined;
  return `$${b.remainUsd.toFixed(2)}`;
}
