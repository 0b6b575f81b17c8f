import { useId, useState } from 'react';
import type { SettingsView } from '../../../../shared/ipc/views.js';
import { useT, type MessageKey } from '../../i18n';
import { useNavigationStore } from '../../navigation-store';
import { capRoom, formatUsd } from '../spending/money-format';
import { priceSourceKey, usePriceTable } from '../spending/use-price-table';
import { useSpending } from '../spending/use-spending';
import { capText, parseCapInput, type CapInput, type CapProblem } from './cap-input';
import { SaveStatus } from './SaveStatus';
import { useSettingsStore, type SettingsProblem } from './settings-store';

const PROBLEM_TEXT: Record<CapProblem, MessageKey> = {
  not_number: 'settings.caps.notNumber',
  negative: 'settings.caps.negative',
  too_large: 'settings.caps.tooLarge',
  too_precise: 'settings.caps.tooPrecise',
};

/**
 * The daily and monthly spending caps (empty: none), each beside what was
 * spent so far in its span, and the date and source of the prices every
 * estimate uses. Both caps are saved together, through main.
 */
export function CapsSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [daily, setDaily] = useState(capText(settings.dailyCapUsd));
  const [monthly, setMonthly] = useState(capText(settings.monthlyCapUsd));
  const [problem, setProblem] = useState<SettingsProblem | undefined>();
  const [done, setDone] = useState(false);
  const { summary } = useSpending(undefined);
  const prices = usePriceTable();
  const dailyIn = parseCapInput(daily);
  const monthlyIn = parseCapInput(monthly);
  const valid = dailyIn.ok && monthlyIn.ok;
  const changed = valid && (dailyIn.usd !== (settings.dailyCapUsd ?? null) || monthlyIn.usd !== (settings.monthlyCapUsd ?? null));

  const save = async (): Promise<void> => {
    if (!dailyIn.ok || !monthlyIn.ok) return;
    const p = await useSettingsStore.getState().update({ dailyCapUsd: dailyIn.usd, monthlyCapUsd: monthlyIn.usd });
    setProblem(p ? { field: p.field ?? 'dailyCapUsd', ...p } : undefined);
    setDone(!p);
    const saved = useSettingsStore.getState().settings;
    if (!p && saved) {
      // Shown as main keeps them ("5.5" reads back as "5.50").
      setDaily(capText(saved.dailyCapUsd));
      setMonthly(capText(saved.monthlyCapUsd));
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-caps-title">
      <h3 id="settings-caps-title">{t('settings.caps.title')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="settings-grid settings-caps">
          <CapField
            label={t('settings.caps.daily')}
            value={daily}
            input={dailyIn}
            spent={summary ? { text: t('settings.caps.spentToday', { spent: formatUsd(summary.today.spentUsd) }), usd: summary.today.spentUsd } : undefined}
            savedCap={settings.dailyCapUsd ?? undefined}
            onChange={(v) => {
              setDaily(v);
              setDone(false);
            }}
          />
          <CapField
            label={t('settings.caps.monthly')}
            value={monthly}
            input={monthlyIn}
            spent={summary ? { text: t('settings.caps.spentMonth', { spent: formatUsd(summary.month.spentUsd) }), usd: summary.month.spentUsd } : undefined}
            savedCap={settings.monthlyCapUsd ?? undefined}
            onChange={(v) => {
              setMonthly(v);
              setDone(false);
            }}
          />
        </div>
        <p className="hint settings-caps-hint">{t('settings.caps.hint')}</p>
        <div className="settings-actions">
          <button type="submit" disabled={!changed}>
            {t('settings.caps.save')}
          </button>
          <button type="button" className="quiet" onClick={() => useNavigationStore.getState().go('spending')}>
            {t('settings.caps.open')}
          </button>
        </div>
      </form>
      <SaveStatus problem={problem} done={done} />
      <p className="hint settings-prices" data-price-source={prices?.source}>
        {t(priceSourceKey(prices), { date: prices?.asOf ?? '' })}
      </p>
    </section>
  );
}

function CapField(props: {
  label: string;
  value: string;
  input: CapInput;
  spent: { text: string; usd: number } | undefined;
  savedCap: number | undefined;
  onChange(value: string): void;
}) {
  const t = useT();
  const id = useId();
  const ids = { input: `${id}-input`, spent: `${id}-spent`, error: `${id}-error` };
  const { input, spent, savedCap } = props;
  const room = spent && savedCap !== undefined ? capRoom(savedCap, spent.usd) : undefined;
  return (
    <>
      <label className="field-label" htmlFor={ids.input}>
        {props.label}
      </label>
      <div>
        <div className="settings-inline">
          <span className="settings-cap-input">
            <span aria-hidden="true">$</span>
            <input
              id={ids.input}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('settings.caps.none')}
              value={props.value}
              aria-invalid={!input.ok}
              aria-describedby={`${input.ok ? '' : `${ids.error} `}${ids.spent}`}
              onChange={(e) => props.onChange(e.target.value)}
            />
          </span>
          <span id={ids.spent} className="settings-cap-spent" data-over={room?.kind === 'over' || undefined}>
            {spent ? spent.text : null}
            {room ? ` · ${t(room.kind === 'over' ? 'settings.caps.over' : 'settings.caps.left', { usd: formatUsd(room.usd) })}` : null}
          </span>
        </div>
        {input.ok ? null : (
          <p id={ids.error} className="form-error settings-cap-error">
            {t(PROBLEM_TEXT[input.problem])}
          </p>
        )}
      </div>
    </>
  );
}
