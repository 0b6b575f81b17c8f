import { priceCells } from '../../shared/domain/prices.js';
import type { BalanceView, PriceTableView } from '../../shared/ipc/views.js';
import type { ServiceContext } from './context.js';
import { missingKey } from './failures.js';
import type { Handlers } from './types.js';

/** cost:* — estimates from the price table in use (frames do not change the price, so none are resolved). */
export function costHandlers(ctx: ServiceContext): Handlers['cost'] {
  return {
    estimate: async ({ request }) => ctx.money.estimate(request),
    prices: async () => pricesView(ctx),
  };
}

function pricesView(ctx: ServiceContext): PriceTableView {
  const table = ctx.money.prices();
  return {
    asOf: table.asOf,
    source: table.source,
    ...(table.fetchedAt === undefined ? {} : { fetchedAt: table.fetchedAt }),
    cells: priceCells(table),
  };
}

/** balance:* — the account of whichever provider new jobs would use. */
export function balanceHandlers(ctx: ServiceContext): Handlers['balance'] {
  return { get: () => balanceView(ctx) };
}

/** The balance of the provider new jobs would use: the demo provider's in demo mode. */
export async function balanceView(ctx: ServiceContext): Promise<BalanceView> {
  const demo = ctx.settings().demoMode;
  if (!demo && !(await ctx.keys.has())) throw missingKey();
  const b = await ctx.engine.clientFor(demo ? 'demo' : 'apimart').balance();
  // A fresh live balance is what the budget check compares estimates with.
  if (!demo) ctx.money.balance.note(b, ctx.clock.now());
  return toBalanceView(b, demo);
}

/** Answers settings:testApiKey: a balance call is the cheapest request that proves a key works, in demo mode too. */
export async function keyBalanceView(ctx: ServiceContext): Promise<BalanceView> {
  if (!(await ctx.keys.has())) throw missingKey();
  const b = await ctx.engine.clientFor('apimart').balance();
  ctx.money.balance.note(b, ctx.clock.now());
  return toBalanceView(b, false);
}

function toBalanceView(b: { remainUsd?: number; usedUsd?: number; unlimited: boolean }, demo: boolean): BalanceView {
  return {
    ...(b.remainUsd === undefined ? {} : { remainUsd: b.remainUsd }),
    ...(b.usedUsd === undefined ? {} : { usedUsd: b.usedUsd }),
    unlimited: b.unlimited,
    demo,
  };
}
