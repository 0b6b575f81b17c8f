import { useShallow } from 'zustand/react/shallow';
import { estimateCost } from '../../../../shared/domain/prices.js';
import { balanceLabel, useBalanceStore } from '../../components/balance-store';
import { useT } from '../../i18n';
import { useComposeStore } from './compose-store';

const usd = (n: number): string => n.toFixed(2);

/** The estimate from the shared price table on one line ("≈ $0.51 · 8 s × 1 × $0.064/s"); balance and reasons in its tooltip. */
export function CostEstimate() {
  const t = useT();
  const r = useComposeStore(
    useShallow((s) => ({ model: s.model, resolution: s.resolution, duration: s.duration, sample_count: s.sample_count, generate_audio: s.generate_audio })),
  );
  const view = useBalanceStore((s) => s.balance);
  const balance = view?.demo ? undefined : balanceLabel(view, { demo: t('balance.demo'), unlimited: t('balance.unlimited') });
  const est = estimateCost(r);
  const known = est.usd !== undefined && est.perSecondUsd !== undefined;
  const detail = known ? t('compose.cost.detail', { seconds: r.duration, count: r.sample_count, rate: (est.perSecondUsd ?? 0).toFixed(3) }) : undefined;
  const tip = [
    t('compose.cost.label'),
    known ? `${t('compose.cost.value', { usd: usd(est.usd ?? 0) })} = ${detail ?? ''}` : t('compose.cost.unknownWhy'),
    view?.demo ? t('compose.cost.demo') : balance ? t('compose.cost.balance', { balance }) : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <div className="cost" aria-live="polite" data-cost title={tip}>
      <span className="visually-hidden">{t('compose.cost.label')}: </span>
      {known ? (
        <>
          <strong className="cost-value">{t('compose.cost.value', { usd: usd(est.usd ?? 0) })}</strong>
          <span className="cost-detail">{detail}</span>
        </>
      ) : (
        <span className="cost-unknown">{t('compose.cost.unknown', { resolution: r.resolution })}</span>
      )}
      {view?.demo ? <span className="cost-note">{t('compose.cost.demoShort')}</span> : null}
    </div>
  );
}
