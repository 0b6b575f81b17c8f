import { useId } from 'react';
import { useT } from '../i18n';
import { balanceLabel, useBalanceStore } from './balance-store';
import './provider-chip.css';
import { useBalanceRefresh } from './use-balance-refresh';
import { useProviderSwitch } from './use-provider-switch';

/**
 * The one header chip that says where new jobs run: `DEMO`, or `LIVE · $12.34`
 * with the APIMart balance when known. Pressing it asks to switch to the other.
 */
export function ProviderChip() {
  const t = useT();
  useBalanceRefresh();
  const { demo, ask, dialog } = useProviderSwitch();
  const balance = useBalanceStore((s) => s.balance);
  const hint = useId();
  if (demo === undefined) return null;
  // A figure fetched before a switch is the other provider's: shown only when it is the live one.
  const figure = !demo && balance && !balance.demo ? balanceLabel(balance, { demo: '', unlimited: t('balance.unlimited') }) : undefined;
  const label = demo ? t('provider.chip.demo') : figure ? t('provider.chip.liveBalance', { balance: figure }) : t('provider.chip.live');
  return (
    <div className="provider-chip-slot">
      <button
        type="button"
        className={`provider-chip ${demo ? 'provider-chip-demo' : 'provider-chip-live'}`}
        aria-haspopup="dialog"
        aria-describedby={hint}
        data-provider={demo ? 'demo' : 'live'}
        onClick={ask}
      >
        <span className="provider-chip-dot" aria-hidden="true" />
        {label}
      </button>
      <span id={hint} className="visually-hidden">
        {demo ? t('provider.chip.demoHint') : t('provider.chip.liveHint')}
      </span>
      {dialog}
    </div>
  );
}
