import type { ServiceContext } from './context.js';
import type { Handlers } from './types.js';

/** spend:* — the spending ledger's sums for the page (today, a month, all time, per day, per job). */
export function spendHandlers(ctx: ServiceContext): Handlers['spend'] {
  return {
    summary: async ({ month }) => ctx.money.summary(month ? { month } : {}),
  };
}
