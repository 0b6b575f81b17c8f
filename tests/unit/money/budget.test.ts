import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../shared/error-messages.js';
import { approvalOf, balanceError, balanceTooLow, capError, checkCaps, type BudgetCaps } from '../../../electron/core/money/budget.js';

/** The cap and balance rules at their edges: reaching a cap is allowed, passing it by a millionth is not. */

const check = (estimateUsd: number, spentTodayUsd: number, spentMonthUsd: number, caps: BudgetCaps) => checkCaps({ estimateUsd, spentTodayUsd, spentMonthUsd, caps });

describe('checkCaps', () => {
  it.each([
    ['no caps at all', 0.64, 100, 1000, {}, []],
    ['landing exactly on the daily cap', 0.64, 4.36, 4.36, { dailyUsd: 5 }, []],
    ['a millionth past the daily cap', 0.640001, 4.36, 4.36, { dailyUsd: 5 }, ['daily']],
    ['a cent past the daily cap', 0.65, 4.36, 4.36, { dailyUsd: 5 }, ['daily']],
    ['float noise that only looks past the cap (0.1 + 0.2 against 0.3)', 0.2, 0.1, 0.1, { dailyUsd: 0.3 }, []],
    ['a cap of 0: every live job waits', 0.256, 0, 0, { dailyUsd: 0 }, ['daily']],
    ['landing exactly on the monthly cap', 1.5, 0, 48.5, { monthlyUsd: 50 }, []],
    ['past the monthly cap only', 1.5, 0, 48.51, { dailyUsd: 5, monthlyUsd: 50 }, ['monthly']],
    ['past both', 6, 0, 48, { dailyUsd: 5, monthlyUsd: 50 }, ['daily', 'monthly']],
    ['a job alone larger than the daily cap', 15.36, 0, 0, { dailyUsd: 10 }, ['daily']],
  ] as const)('%s', (_name, estimate, today, month, given, exceeded) => {
    const caps: BudgetCaps = given;
    const c = check(estimate, today, month, caps);
    expect(c.exceeded).toEqual(exceeded);
    expect(c).toMatchObject({ estimateUsd: estimate, spentTodayUsd: today, spentMonthUsd: month });
    expect(c.dailyCapUsd).toBe(caps.dailyUsd);
    expect(c.monthlyCapUsd).toBe(caps.monthlyUsd);
  });
});

describe('balanceTooLow', () => {
  const at = 0;
  it.each([
    ['below the estimate', { remainUsd: 0.4, unlimited: false, at }, 0.512, true],
    ['exactly the estimate', { remainUsd: 0.512, unlimited: false, at }, 0.512, false],
    ['above it', { remainUsd: 25, unlimited: false, at }, 0.512, false],
    ['an unlimited account, whatever the figure', { remainUsd: 0, unlimited: true, at }, 0.512, false],
    ['a balance without a figure', { unlimited: false, at }, 0.512, false],
    ['no known balance', undefined, 0.512, false],
  ] as const)('%s → %s', (_name, balance, estimate, low) => {
    expect(balanceTooLow(estimate, balance)).toBe(low);
  });
});

describe('the messages and figures of a held or refused job', () => {
  it('a held job says which cap, with the estimate, the cap and what is spent, from the catalog', () => {
    const daily = capError(check(0.64, 4.8, 20, { dailyUsd: 5, monthlyUsd: 100 }));
    expect(daily).toMatchObject({ code: 'payment_required', key: 'budget.over_daily_cap', params: { estimate: '0.64', cap: '5.00', spent: '4.80' }, retryable: false });
    expect(daily.message).toContain('$0.64');
    const monthly = capError(check(1, 0, 99.5, { monthlyUsd: 100 }));
    expect(monthly).toMatchObject({ key: 'budget.over_monthly_cap', params: { estimate: '1.00', cap: '100.00', spent: '99.50' } });
    expect(Object.keys(ERROR_MESSAGES)).toContain(monthly.key);
  });

  it('a refused job shows the balance and the estimate', () => {
    const e = balanceError(0.512, { remainUsd: 0.4, unlimited: false, at: 0 });
    expect(e).toMatchObject({ code: 'payment_required', key: 'budget.balance_too_low', params: { balance: '0.40', estimate: '0.51' } });
    expect(e.message).toBe('Your APIMart balance ($0.40) is less than this job’s estimate ($0.51), so it was not sent. Top up your balance, then retry.');
  });

  it('the approval keeps the figures, and a job that fits is never held', () => {
    expect(approvalOf(check(0.64, 4.8, 20, { dailyUsd: 5 }), 123)).toEqual({
      estimateUsd: 0.64,
      spentTodayUsd: 4.8,
      spentMonthUsd: 20,
      dailyCapUsd: 5,
      exceeded: ['daily'],
      heldAt: 123,
    });
    expect(() => approvalOf(check(0.1, 0, 0, { dailyUsd: 5 }), 1)).toThrow();
  });
});
