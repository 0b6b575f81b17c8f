import { create } from 'zustand';
import type { BalanceView } from '../../../shared/ipc/views.js';
import { api } from '../api';

/**
 * The provider balance, when main can tell it. A failed lookup (no key, offline)
 * just leaves it unknown: the header and compose then show nothing about money left.
 */
interface BalanceState {
  balance: BalanceView | undefined;
  refresh(): Promise<void>;
}

let inFlight: Promise<void> | undefined;

export const useBalanceStore = create<BalanceState>()((set) => ({
  balance: undefined,
  refresh() {
    inFlight ??= api.balance
      .get({})
      .then((balance) => set({ balance }))
      .catch(() => set({ balance: undefined }))
      .finally(() => (inFlight = undefined));
    return inFlight;
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
