import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { balanceLabel, useBalanceStore } from '../../components/balance-store';
import { useT } from '../../i18n';
import { formatRate } from '../spending/money-format';
import { useComposeStore } from './compose-store';
import { useCostEstimate } from './use-cost-estimate';

/**
 * main's estimate for the settings chosen on one line ("≈ $0.51 · 8 s × 1 × $0.064/s"): the table
 * may be the provider's fetched list, so the page never prices on its own. The date and source of
 * the table, and the balance, are in its tooltip and description.
 */
export function CostEstimate() {
  const t = useT();
  const r = useComposeStore(
    useShallow((s) => ({ model: s.model, resolution: s.resolution, duration: s.duration, sample_count: s.sample_count, generate_audio: s.generate_audio })),
  );
  const { estimate: est, pending, failed } = useCostEstimate(r);
  const asOfId = useId();
  const view = useBalanceStore((s) => s.balance);
  const balance = view?.demo ? undefined : balanceLabel(view, { demo: t('balance.demo'), unlimited: t('balance.unlimited') });
  const asOf = est ? t(est.source === 'fetched' ? 'estimate.asOf.fetched' : 'estimate.asOf.bundled', { date: est.asOf }) : undefined;
  const tip = [asOf, view?.demo ? t('compose.cost.demo') : balance ? t('compose.cost.balance', { balance }) : undefined].filter(Boolean).join('\n');
  return (
    <>
      <div className="cost" aria-live="polite" aria-busy={pending} data-cost data-price-as-of={est?.asOf}>
        <span className="visually-hidden">{t('compose.cost.label')}: </span>
        {est ? (
          // Focusable, so the table's date is reachable without a pointer too (read from its description).
          <span className="cost-figures" title={tip} tabIndex={0} aria-describedby={asOfId}>
            <strong className="cost-value">{t('compose.cost.value', { usd: est.usd.toFixed(2) })}</strong>
            <span className="cost-detail">
              {' · '}
              {t('compose.cost.detail', { seconds: est.seconds, count: est.samples, rate: formatRate(est.perSecondUsd) })}
            </span>
          </span>
        ) : (
          <span className="cost-unknown">{failed ? t('estimate.failed') : t('estimate.pending')}</span>
        )}
        {view?.demo ? <span className="cost-note">{t('compose.cost.demoShort')}</span> : null}
      </div>
      {/* Outside the live region: a change of figures is announced without the whole sentence about the table. */}
      <span id={asOfId} className="visually-hidden">
        {tip}
      </span>
    </>
  );
}
