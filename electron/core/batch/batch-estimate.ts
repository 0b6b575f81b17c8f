import { estimateCost, roundUsd, type CostEstimateResult, type CostRequest } from '../../../shared/domain/prices.js';

/**
 * The batch planner's one door to the price table. Prices (and the budget
 * caps that will read them) are kept elsewhere; everything a batch says about
 * money goes through these two functions, so a change there lands here only.
 */

export type RowEstimate = CostEstimateResult;

export interface BatchTotal {
  /** The sum of every row's estimate. */
  usd: number;
  isEstimate: true;
}

export function estimateRow(request: CostRequest): RowEstimate {
  return estimateCost(request);
}


export function totalOf(estimates: readonly RowEstimate[]): BatchTotal {
  let usd = 0;
  for (const e of estimates) usd += e.usd;
  return { usd: roundUsd(usd), isEstimate: true };
}
