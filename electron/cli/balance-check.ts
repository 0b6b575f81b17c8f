import type { Money } from '../core/money/money.js';
import { systemClock } from '../core/ports.js';

/**
 * Fetches the balance before a live job is checked, so the budget check can
 * refuse one the balance cannot pay for. Best effort: a failure (network, a
 * refused key) leaves the balance unknown, and the job meets the provider's
 * own answer instead.
 */
export async function noteBalance(money: Money, fetchBalance: () => Promise<{ remainUsd?: number; unlimited: boolean }>): Promise<void> {
  try {
    money.balance.note(await fetchBalance(), systemClock.now());
  } catch {
    // Unknown balance: nothing is refused for it.
  }
}
