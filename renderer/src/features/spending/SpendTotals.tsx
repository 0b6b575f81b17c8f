import type { SpendSummary, SpendTotal } from '../../../../shared/ipc/views.js';
import { useLanguageStore, useT } from '../../i18n';
import { capFraction, capRoom, formatUsd } from './money-format';
import { monthName, monthOf } from './spend-calendar';

type CapKind = 'daily' | 'monthly';

/** Today, the month shown and all time: what was spent, how it splits, and the room left under the caps. */
export function SpendTotals({ summary }: { summary: SpendSummary }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const current = summary.month.month === monthOf(summary.today.day);
  return (
    <ul className="spend-totals">
      <TotalCard id="today" title={t('spending.today')} total={summary.today} cap={{ kind: 'daily', usd: summary.caps.dailyUsd }} />
      <TotalCard
        id="month"
        title={current ? t('spending.thisMonth') : monthName(summary.month.month, language)}
        total={summary.month}
        // A past month's room under today's cap means nothing.
        {...(current ? { cap: { kind: 'monthly' as const, usd: summary.caps.monthlyUsd } } : {})}
      />
      <TotalCard id="all" title={t('spending.allTime')} total={summary.allTime} />
    </ul>
  );
}

function TotalCard({ id, title, total, cap }: { id: string; title: string; total: SpendTotal; cap?: { kind: CapKind; usd: number | undefined } }) {
  const t = useT();
  const titleId = `spend-total-${id}`;
  return (
    <li className="spend-card" data-total={id} aria-labelledby={titleId}>
      <h3 id={titleId} className="spend-card-title">
        {title}
      </h3>
      <p className="spend-figure">{formatUsd(total.spentUsd)}</p>
      <p className="spend-card-line">
        {total.jobs === 1 ? t('spending.jobs.one') : t('spending.jobs.other', { count: total.jobs })}
        {total.estimatedUsd > 0 ? (
          <>
            {' · '}
            {t('spending.charged', { usd: formatUsd(total.chargedUsd) })}
            {' · '}
            <span className="spend-pending">{t('spending.estimated', { usd: formatUsd(total.estimatedUsd) })}</span>
          </>
        ) : null}
      </p>
      {cap ? <CapLine kind={cap.kind} capUsd={cap.usd} spentUsd={total.spentUsd} /> : null}
    </li>
  );
}

function CapLine({ kind, capUsd, spentUsd }: { kind: CapKind; capUsd: number | undefined; spentUsd: number }) {
  const t = useT();
  if (capUsd === undefined) {
    return <p className="spend-cap spend-cap-none">{t(kind === 'daily' ? 'spending.cap.noneDaily' : 'spending.cap.noneMonthly')}</p>;
  }
  const room = capRoom(capUsd, spentUsd);
  const capText = t(kind === 'daily' ? 'spending.cap.daily' : 'spending.cap.monthly', { cap: formatUsd(capUsd) });
  return (
    <div className="spend-cap" data-cap={kind} data-over={room.kind === 'over' || undefined}>
      <div className="spend-cap-track" aria-hidden="true">
        <div className="spend-cap-fill" style={{ width: `${capFraction(capUsd, spentUsd) * 100}%` }} />
      </div>
      <p>
        {capText}
        {' · '}
        <strong>{t(room.kind === 'over' ? 'spending.cap.over' : 'spending.cap.left', { usd: formatUsd(room.usd) })}</strong>
      </p>
    </div>
  );
}
