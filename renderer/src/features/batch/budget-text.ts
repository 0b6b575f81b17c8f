import type { BudgetCheckView } from '../../../../shared/ipc/views.js';
import type { Translate } from '../../i18n';
import { formatUsd } from './plan-table';

/**
 * The dry run's money line: the batch's total against the caps and the
 * balance, in the words and tone the person must read before queueing
 * (`tone` picks the colour: fits, some jobs would wait, or refused).
 */
export interface BudgetLine {
  tone: 'ok' | 'warn' | 'bad';
  text: string;
}

export function budgetLine(t: Translate, b: BudgetCheckView): BudgetLine {
  if (b.provider === 'demo') return { tone: 'ok', text: t('batch.budget.demo') };
  if (b.verdict === 'refuse') {
    return { tone: 'bad', text: t('batch.budget.balance', { balance: formatUsd(b.balanceUsd ?? 0), total: formatUsd(b.estimateUsd) }) };
  }
  const spans: string[] = [];
  if (b.dailyCapUsd !== undefined) spans.push(t('batch.budget.today', { after: formatUsd(b.spentTodayUsd + b.estimateUsd), cap: formatUsd(b.dailyCapUsd) }));
  if (b.monthlyCapUsd !== undefined) spans.push(t('batch.budget.month', { after: formatUsd(b.spentMonthUsd + b.estimateUsd), cap: formatUsd(b.monthlyCapUsd) }));
  const figures = spans.join(' · ');
  if (b.verdict === 'hold') {
    const which = b.exceeded.includes('daily') && b.exceeded.includes('monthly') ? 'both' : b.exceeded.includes('daily') ? 'daily' : 'monthly';
    return { tone: 'warn', text: t(`batch.budget.over.${which}`, { figures }) };
  }
  if (spans.length === 0) return { tone: 'ok', text: t('batch.budget.noCap') };
  return { tone: 'ok', text: t('batch.budget.within', { figures }) };
}
