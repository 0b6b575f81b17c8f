import { useEffect } from 'react';
import { api, connection } from '../api';
import { useSettingsStore } from '../features/settings/settings-store';
import { useT } from '../i18n';
import { balanceLabel, useBalanceStore } from './balance-store';

const REFRESH_MS = 5 * 60_000;

/** "$12.34" or "Demo" in the header, once main can tell. Refreshed on (re)connect, after a job ends, and every few minutes. */
export function BalanceChip() {
  const t = useT();
  const balance = useBalanceStore((s) => s.balance);
  useEffect(() => {
    const refresh = (): void => void useBalanceStore.getState().refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const offs = [
      connection.onState((s) => s === 'open' && refresh()),
      api.jobs.onUpdated((jobs) => {
        if (jobs.some((j) => j.state === 'done' || j.state === 'failed')) refresh();
      }),
      // Turning demo mode on or off, or setting a key, changes whose balance it is.
      useSettingsStore.subscribe((s, prev) => {
        if (s.settings?.demoMode !== prev.settings?.demoMode || s.settings?.hasApiKey !== prev.settings?.hasApiKey) refresh();
      }),
    ];
    return () => {
      clearInterval(timer);
      offs.forEach((off) => off());
    };
  }, []);
  const label = balanceLabel(balance, { demo: t('balance.demo'), unlimited: t('balance.unlimited') });
  if (!label) return null;
  return (
    <span className={`balance-chip${balance?.demo ? ' balance-chip-demo' : ''}`} role="status" aria-label={t('balance.label', { balance: label })} data-balance>
      {label}
    </span>
  );
}
