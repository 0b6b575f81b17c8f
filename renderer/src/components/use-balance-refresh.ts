import { useEffect } from 'react';
import { api, connection } from '../api';
import { useSettingsStore } from '../features/settings/settings-store';
import { useBalanceStore } from './balance-store';

const REFRESH_MS = 5 * 60_000;

/** Keeps the balance current: on (re)connect, after a job ends, when the provider or the key changes, and every few minutes. */
export function useBalanceRefresh(): void {
  useEffect(() => {
    const refresh = (fresh = false): void => void useBalanceStore.getState().refresh({ fresh });
    const timer = setInterval(() => refresh(), REFRESH_MS);
    const offs = [
      connection.onState((s) => s === 'open' && refresh()),
      api.jobs.onUpdated((jobs) => {
        if (jobs.some((j) => j.state === 'done' || j.state === 'failed')) refresh();
      }),
      // Turning demo mode on or off, or setting a key, changes whose balance it is.
      useSettingsStore.subscribe((s, prev) => {
        if (s.settings?.demoMode !== prev.settings?.demoMode || s.settings?.hasApiKey !== prev.settings?.hasApiKey) refresh(true);
      }),
    ];
    return () => {
      clearInterval(timer);
      offs.forEach((off) => off());
    };
  }, []);
}
