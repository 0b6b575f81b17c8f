import { estimateCost, type CostEstimateResult, type CostRequest } from '../../../shared/domain/prices.js';

/**
 * The batch planner's one door to the price table. Prices (and the budget
 * caps that will read them) are kept elsewhere; everything a batch says about
 * money goes through these two functions, so a change there lands here only.
 */

export type RowEstimate = CostEstimateResult;

export interface BatchTotal {
  /** The sum of every priced row's estimate. */
  usd: number;
  /** Rows with no published price (4K): the total leaves them out and says how many. */
  unpricedRows: number;
  isEstimate: true;
}

export function estimateRow(request: CostRequest): RowEstimate {
  return estimateCost(request);
}

/** Rounds away float noise in the sum, the way a bill would. */
const roundUsd = (x: number): number => Math.round(x * 1e6) / 1e6;

export function totalOf(estimates: readonly RowEstimate[]): BatchTotal {
  let usd = 0;
  let unpricedRows = 0;
  for (const e of estimates) {
    if (e.usd === undefined) unpricedRows += 1;
    else usd += e.usd;
  }
  return { usd: roundUsd(usd), unpricedRows, isEstimate: true };
}
