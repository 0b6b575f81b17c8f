import { estimateCost } from '../../shared/domain/prices.js';
import type { BalanceView } from '../../shared/ipc/views.js';
import type { ServiceContext } from './context.js';
import { missingKey } from './failures.js';
import type { Handlers } from './types.js';

/** cost:* — an estimate from the one price table; frames do not change the price, so none are resolved. */
export function costHandlers(): Handlers['cost'] {
  return { estimate: async ({ request }) => estimateCost(request) };
}

/** balance:* — the account of whichever provider new jobs would use. */
export function balanceHandlers(ctx: ServiceContext): Handlers['balance'] {
  return { get: () => balanceView(ctx) };
}

/** The balance of the provider new jobs would use: the demo provider's in demo mode. */
export async function balanceView(ctx: ServiceContext): Promise<BalanceView> {
  const demo = ctx.settings().demoMode;
  if (!demo && !(await ctx.keys.has())) throw missingKey();
  return toBalanceView(await ctx.engine.clientFor(demo ? 'demo' : 'apimart').balance(), demo);
}

/** Answers settings:testApiKey: a balance call is the cheapest request that proves a key works, in demo mode too. */
export async function keyBalanceView(ctx: ServiceContext): Promise<BalanceView> {
  if (!(await ctx.keys.has())) throw missingKey();
  return toBalanceView(await ctx.engine.clientFor('apimart').balance(), false);
}

function toBalanceView(b: { remainUsd?: number; usedUsd?: number; unlimited: boolean }, demo: boolean): BalanceView {
  return {
    ...(b.remainUsd === undefined ? {} : { remainUsd: b.remainUsd }),
    ...(b.usedUsd === undefined ? {} : { usedUsd: b.usedUsd }),
    unlimited: b.unlimited,
    demo,
  };
}
