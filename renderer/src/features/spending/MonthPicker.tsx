import { useLanguageStore, useT } from '../../i18n';
import { monthName, nextMonth, previousMonth } from './spend-calendar';

/** Previous / next month around the month shown, and back to this month; never past the current month. */
export function MonthPicker({ month, current, onChange }: { month: string; current: string; onChange(month: string): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const atCurrent = month >= current;
  return (
    <div className="spend-month" role="group" aria-label={t('spending.month.label')}>
      <button type="button" className="spend-month-step" aria-label={t('spending.month.previous')} onClick={() => onChange(previousMonth(month))}>
        <span aria-hidden="true">‹</span>
      </button>
      <span className="spend-month-name" aria-live="polite" data-month={month}>
        {monthName(month, language)}
      </span>
      <button type="button" className="spend-month-step" aria-label={t('spending.month.next')} disabled={atCurrent} onClick={() => onChange(nextMonth(month))}>
        <span aria-hidden="true">›</span>
      </button>
      {atCurrent ? null : (
        <button type="button" className="quiet" onClick={() => onChange(current)}>
          {t('spending.month.current')}
        </button>
      )}
    </div>
  );
}
