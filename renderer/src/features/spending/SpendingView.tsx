import { useState } from 'react';
import { errorText } from '../../error-text';
import { useLanguageStore, useT } from '../../i18n';
import { useNavigationStore } from '../../navigation-store';
import { buildChart, chartDays } from './chart-model';
import { DayChart } from './DayChart';
import { MonthPicker } from './MonthPicker';
import { monthName, monthOf } from './spend-calendar';
import { SpendJobs } from './SpendJobs';
import { SpendTotals } from './SpendTotals';
import { useSpending } from './use-spending';
import './spending.css';

/**
 * What live jobs cost: today, the month shown and all time, each day of the
 * last 30 (or of a past month), and every job's estimate against its charge.
 * All figures are main's (the spending ledger); the page only lays them out.
 */
export function SpendingView() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  // undefined: the current month, as main's calendar has it (the page's clock may disagree at midnight).
  const [month, setMonth] = useState<string | undefined>(undefined);
  const { summary, previous, error } = useSpending(month, { withPrevious: true });
  const current = summary ? monthOf(summary.today.day) : undefined;

  return (
    <section className="panel spending" aria-labelledby="spending-title" aria-busy={!summary && !error}>
      <div className="spending-head">
        <h2 id="spending-title">{t('spending.title')}</h2>
        {current ? <MonthPicker month={month ?? current} current={current} onChange={(m) => setMonth(m === current ? undefined : m)} /> : null}
        <button type="button" className="quiet spending-caps-link" onClick={() => useNavigationStore.getState().go('settings')}>
          {t('spending.cap.edit')}
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
      {!summary && !error ? <p className="empty">{t('spending.loading')}</p> : null}
      {summary ? (
        <>
          <SpendTotals summary={summary} />
          <p className="hint spending-explain">{t('spending.explain')}</p>
          <DayChart
            key={summary.month.month}
            model={buildChart(chartDays(summary.today.day, summary.month.month), [...(previous?.days ?? []), ...summary.days], summary.caps.dailyUsd)}
            today={summary.today.day}
            title={summary.month.month === current ? t('spending.chart.recent') : t('spending.chart.month', { month: monthName(summary.month.month, language) })}
          />
          <SpendJobs jobs={summary.jobs} monthLabel={monthName(summary.month.month, language)} />
        </>
      ) : null}
    </section>
  );
}
