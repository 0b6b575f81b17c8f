import type { Settings } from '../../shared/ipc/views.js';
import type { BudgetCaps } from '../core/money/budget.js';

/** The caps the settings hold (null or absent: none), as the budget check reads them. */
export function capsFromSettings(s: Pick<Settings, 'dailyCapUsd' | 'monthlyCapUsd'>): BudgetCaps {
  return {
    ...(s.dailyCapUsd === undefined || s.dailyCapUsd === null ? {} : { dailyUsd: s.dailyCapUsd }),
    ...(s.monthlyCapUsd === undefined || s.monthlyCapUsd === null ? {} : { monthlyUsd: s.monthlyCapUsd }),
  };
}
