import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetCheckView } from '../../../shared/ipc/views.js';
import { budgetLine } from '../../../renderer/src/features/batch/budget-text.js';
import { loadLanguage, translate, type Translate } from '../../../renderer/src/i18n/index.js';

// Korean's messages load when first wanted; these cases read them directly.
beforeAll(() => loadLanguage('ko'));

/** The dry run's money line: within the caps, past one (jobs will wait), the balance too low, the demo. */
const check = (over: Partial<BudgetCheckView> = {}): BudgetCheckView => ({
  provider: 'apimart',
  estimateUsd: 0.77,
  spentTodayUsd: 0.2,
  spentMonthUsd: 3,
  exceeded: [],
  verdict: 'send',
  ...over,
});

describe('budgetLine', () => {
  const en: Translate = (key, vars) => translate('en', key, vars);
  const ko: Translate = (key, vars) => translate('ko', key, vars);

  it('within the caps: what today and the month come to with the batch', () => {
    expect(budgetLine(en, check({ dailyCapUsd: 5, monthlyCapUsd: 50 }))).toEqual({ tone: 'ok', text: 'Within your caps: today $0.97 of $5.00 · this month $3.77 of $50.00.' });
  });

  it('no cap set says so', () => {
    expect(budgetLine(en, check())).toEqual({ tone: 'ok', text: 'No spending cap is set.' });
  });

  it('past the daily cap warns that the jobs past it wait for approval, in English and Korean', () => {
    const over = check({ dailyCapUsd: 0.5, exceeded: ['daily'], verdict: 'hold' });
    expect(budgetLine(en, over)).toEqual({ tone: 'warn', text: 'Past your daily cap (today $0.97 of $0.50): the jobs past it will wait for your approval.' });
    expect(budgetLine(ko, over)).toEqual({ tone: 'warn', text: '일일 한도를 넘습니다(오늘 $0.50 중 $0.97). 한도를 넘는 작업은 승인을 기다립니다.' });
  });

  it('a balance below the total is refused, with both figures', () => {
    expect(budgetLine(en, check({ balanceUsd: 0.4, verdict: 'refuse' })).tone).toBe('bad');
    expect(budgetLine(en, check({ balanceUsd: 0.4, verdict: 'refuse' })).text).toContain('($0.40) is below this batch’s total ($0.77)');
  });

  it('the demo meets no cap', () => {
    expect(budgetLine(en, check({ provider: 'demo', dailyCapUsd: 0.1 }))).toEqual({ tone: 'ok', text: 'Demo provider: nothing is charged, and no cap applies.' });
  });
});
