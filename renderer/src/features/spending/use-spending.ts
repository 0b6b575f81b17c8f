import { useEffect, useState } from 'react';
import type { SpendSummary } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { useQueueStore } from '../queue/queue-store';
import { useSettingsStore } from '../settings/settings-store';
import { monthOf, previousMonth } from './spend-calendar';
import { spendingMayHaveChanged } from './spend-refresh';

export interface SpendingState {
  summary?: SpendSummary;
  /** The month before the summary's, asked for when the chart's last 30 days reach into it. */
  previous?: SpendSummary;
  error?: CallError;
}

/** Queue updates come in bursts (a job sent, then accepted): one question to main per burst. */
const RELOAD_DELAY_MS = 300;

/**
 * Main's spending summary for `month` (the current one when undefined), asked
 * again whenever a job's money may have changed or the caps were changed.
 * `withPrevious`: for the current month, the month before too (the chart).
 * An answer to an earlier question is dropped once a newer one was asked.
 */
export function useSpending(month: string | undefined, opts: { withPrevious?: boolean } = {}): SpendingState {
  const [state, setState] = useState<SpendingState>({});
  const withPrevious = opts.withPrevious ?? false;

  useEffect(() => {
    let asked = 0;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      const n = ++asked;
      try {
        const summary = await api.spend.summary(month ? { month } : {});
        const current = summary.month.month === monthOf(summary.today.day);
        const previous = withPrevious && current ? await api.spend.summary({ month: previousMonth(summary.month.month) }) : undefined;
        if (alive && n === asked) setState({ summary, ...(previous ? { previous } : {}) });
      } catch (err) {
        if (alive && n === asked) setState((s) => ({ ...s, error: toAppError(err) }));
      }
    };
    const reloadSoon = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), RELOAD_DELAY_MS);
    };
    // The figures on show stay until the new month's arrive: the month picker (and its focus) must not vanish meanwhile.
    void load();
    const offQueue = useQueueStore.subscribe((s, prev) => {
      if (spendingMayHaveChanged(prev.jobs, s.jobs)) reloadSoon();
    });
    const offSettings = useSettingsStore.subscribe((s, prev) => {
      const a = s.settings;
      const b = prev.settings;
      if (a?.dailyCapUsd !== b?.dailyCapUsd || a?.monthlyCapUsd !== b?.monthlyCapUsd) reloadSoon();
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      offQueue();
      offSettings();
    };
  }, [month, withPrevious]);

  return state;
}
