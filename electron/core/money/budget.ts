import { appError, errorMessage } from '../../../shared/error-messages.js';
import type { AppError } from '../../../shared/errors.js';
import type { JobApproval } from '../../../shared/domain/job.js';
import { roundUsd } from '../../../shared/domain/prices.js';

/**
 * The cap and balance rules, pure: figures in, a decision out. A job passes
 * a cap when what is already spent in the span plus its estimate is more
 * than the cap; reaching the cap exactly is allowed. Amounts are compared
 * after rounding to a millionth of a dollar, so float noise (0.1 + 0.2) never
 * holds a job that lands exactly on its cap.
 */

export interface BudgetCaps {
  /** USD per local day; undefined: no cap. */
  dailyUsd?: number;
  /** USD per calendar month; undefined: no cap. */
  monthlyUsd?: number;
}

export interface CapCheck {
  estimateUsd: number;
  spentTodayUsd: number;
  spentMonthUsd: number;
  dailyCapUsd?: number;
  monthlyCapUsd?: number;
  /** The caps the job would pass; empty: it fits. */
  exceeded: ('daily' | 'monthly')[];
}

/** A balance as the provider last reported it. */
export interface KnownBalance {
  remainUsd?: number;
  unlimited: boolean;
  /** When it was fetched (ms since the epoch). */
  at: number;
}

export function checkCaps(input: { estimateUsd: number; spentTodayUsd: number; spentMonthUsd: number; caps: BudgetCaps }): CapCheck {
  const { estimateUsd, spentTodayUsd, spentMonthUsd, caps } = input;
  const passes = (spent: number, cap: number | undefined) => cap !== undefined && roundUsd(spent + estimateUsd) > roundUsd(cap);
  const exceeded: CapCheck['exceeded'] = [];
  if (passes(spentTodayUsd, caps.dailyUsd)) exceeded.push('daily');
  if (passes(spentMonthUsd, caps.monthlyUsd)) exceeded.push('monthly');
  return {
    estimateUsd: roundUsd(estimateUsd),
    spentTodayUsd: roundUsd(spentTodayUsd),
    spentMonthUsd: roundUsd(spentMonthUsd),
    ...(caps.dailyUsd === undefined ? {} : { dailyCapUsd: caps.dailyUsd }),
    ...(caps.monthlyUsd === undefined ? {} : { monthlyCapUsd: caps.monthlyUsd }),
    exceeded,
  };
}

/** Whether a known, limited balance is below the estimate (an unknown balance never refuses: the provider's 402 still will). */
export function balanceTooLow(estimateUsd: number, balance: KnownBalance | undefined): balance is KnownBalance & { remainUsd: number } {
  return balance !== undefined && !balance.unlimited && balance.remainUsd !== undefined && roundUsd(balance.remainUsd) < roundUsd(estimateUsd);
}

/** Dollars as the messages show them: "0.64". */
export const usdText = (usd: number): string => usd.toFixed(2);

/** The message of a job held for a cap: the first cap it passes, with the figures of that span. */
export function capError(check: CapCheck): AppError {
  const daily = check.exceeded[0] === 'daily';
  const text = daily
    ? errorMessage('budget.over_daily_cap', { estimate: usdText(check.estimateUsd), cap: usdText(check.dailyCapUsd ?? 0), spent: usdText(check.spentTodayUsd) })
    : errorMessage('budget.over_monthly_cap', { estimate: usdText(check.estimateUsd), cap: usdText(check.monthlyCapUsd ?? 0), spent: usdText(check.spentMonthUsd) });
  return appError('payment_required', text, { retryable: false });
}

export function balanceError(estimateUsd: number, balance: KnownBalance & { remainUsd: number }): AppError {
  return appError('payment_required', errorMessage('budget.balance_too_low', { balance: usdText(balance.remainUsd), estimate: usdText(estimateUsd) }), {
    retryable: false,
  });
}

/** The figures a held job keeps (JobApproval). */
export function approvalOf(check: CapCheck, heldAt: number): JobApproval {
  const [first, ...rest] = check.exceeded;
  if (first === undefined) throw new Error('a job that fits its caps is not held');
  return {
    estimateUsd: check.estimateUsd,
    spentTodayUsd: check.spentTodayUsd,
    spentMonthUsd: check.spentMonthUsd,
    ...(check.dailyCapUsd === undefined ? {} : { dailyCapUsd: check.dailyCapUsd }),
    ...(check.monthlyCapUsd === undefined ? {} : { monthlyCapUsd: check.monthlyCapUsd }),
    exceeded: [first, ...rest],
    heldAt,
  };
}
