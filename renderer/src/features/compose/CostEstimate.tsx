import { useShallow } from 'zustand/react/shallow';
import { estimateCost } from '../../../../shared/domain/prices.js';
import { balanceLabel, useBalanceStore } from '../../components/balance-store';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';

const usd = (n: number): string => n.toFixed(2);

/** The live estimate from the shared price table, labelled as one, beside the balance when known. */
export function CostEstimate() {
  const t = useT();
  const r = useComposeStore(
    useShallow((s) => ({ model: s.model, resolution: s.resolution, duration: s.duration, sample_count: s.sample_count, generate_audio: s.generate_audio })),
  );
  const view = useBalanceStore((s) => s.balance);
  const balance = view?.demo ? undefined : balanceLabel(view, { demo: t('balance.demo'), unlimited: t('balance.unlimited') });
  const est = estimateCost(r);
  return (
    <div className="cost" aria-live="polite" data-cost>
      <span className="cost-label">{t('compose.cost.label')}</span>
      {est.usd !== undefined && est.perSecondUsd !== undefined ? (
        <>
          <strong className="cost-value">{t('compose.cost.value', { usd: usd(est.usd) })}</strong>
          <span className="cost-detail">
            {t('compose.cost.detail', { seconds: r.duration, count: r.sample_count, rate: est.perSecondUsd.toFixed(3) })}
          </span>
        </>
      ) : (
        <span className="cost-unknown">{t('compose.cost.unknown', { resolution: r.resolution })}</span>
      )}
      {view?.demo ? <span className="cost-balance">{t('compose.cost.demo')}</span> : null}
      {balance ? <span className="cost-balance">{t('compose.cost.balance', { balance })}</span> : null}
    </div>
  );
}
