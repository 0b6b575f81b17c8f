import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLanguageStore, useT, type Translate } from '../../i18n';
import type { Language } from '../../i18n';
import { barFraction, type ChartModel, type DayTotal } from './chart-model';
import { formatUsd } from './money-format';
import { dayOfMonth, longDay, monthOf, shortMonth } from './spend-calendar';

/**
 * Spending per day as bars (plain elements, no chart library). The bars are a
 * list: each is one keyboard stop away (arrows, Home, End move along them, Tab
 * leaves), and each carries its day and amount as text, so the chart reads the
 * same to a screen reader as to the eye. The charged part of a bar is solid;
 * the part still at its estimate is lighter.
 */
export function DayChart({ model, today, title }: { model: ChartModel; today: string; title: string }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const ids = { title: useId(), keys: useId() };
  const todayIndex = model.days.findIndex((d) => d.day === today);
  const [active, setActive] = useState(todayIndex >= 0 ? todayIndex : model.days.length - 1);
  const bars = useRef<(HTMLLIElement | null)[]>([]);
  const shown = model.days[Math.min(active, model.days.length - 1)];
  const empty = model.days.every((d) => d.spentUsd === 0);

  const move = (e: KeyboardEvent<HTMLOListElement>): void => {
    const last = model.days.length - 1;
    const to = { ArrowLeft: active - 1, ArrowRight: active + 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(last, to));
    setActive(next);
    bars.current[next]?.focus();
  };

  return (
    <figure className="spend-chart" aria-labelledby={ids.title}>
      <figcaption className="spend-chart-head">
        <h3 id={ids.title}>{title}</h3>
        {/* What the focused or pointed-at bar holds; the bar itself says it to assistive technology. */}
        {shown ? (
          <p className="spend-chart-readout" aria-hidden="true" data-day={shown.day}>
            <span>{longDay(shown.day, language)}</span>
            <strong>{formatUsd(shown.spentUsd)}</strong>
            <span>{jobsText(t, shown.jobs)}</span>
          </p>
        ) : null}
      </figcaption>
      <div className="spend-chart-body">
        <div className="spend-chart-axis" aria-hidden="true">
          {model.ticks.map((v) => (
            <span key={v} style={{ bottom: `${barFraction(v, model.topUsd) * 100}%` }}>
              {formatUsd(v)}
            </span>
          ))}
        </div>
        <div className="spend-chart-plot">
          <div className="spend-chart-grid" aria-hidden="true">
            {model.ticks.map((v) => (
              <span key={v} style={{ bottom: `${barFraction(v, model.topUsd) * 100}%` }} />
            ))}
            {model.capUsd !== undefined ? (
              <span className="spend-chart-cap" style={{ bottom: `${barFraction(model.capUsd, model.topUsd) * 100}%` }}>
                <em>{t('spending.chart.cap', { cap: formatUsd(model.capUsd) })}</em>
              </span>
            ) : null}
            {empty ? (
              <p className="spend-chart-empty">
                <span>{t('spending.chart.empty')}</span>
              </p>
            ) : null}
          </div>
          <ol className="spend-bars" aria-label={t('spending.chart.list')} aria-describedby={ids.keys} onKeyDown={move}>
            {model.days.map((d, i) => (
              <li
                key={d.day}
                ref={(el) => {
                  bars.current[i] = el;
                }}
                className="spend-bar-slot"
                tabIndex={i === active ? 0 : -1}
                data-day={d.day}
                data-active={i === active || undefined}
                data-today={d.day === today || undefined}
                data-over={(model.capUsd !== undefined && d.spentUsd > model.capUsd) || undefined}
                onFocus={() => setActive(i)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="spend-bar-area" aria-hidden="true">
                  <Bar day={d} topUsd={model.topUsd} />
                </span>
                <span className="spend-bar-x" aria-hidden="true">
                  {xLabel(d.day, language)}
                </span>
                <span className="visually-hidden">{barText(t, d, today, language)}</span>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <p id={ids.keys} className="hint spend-chart-keys">
        {t('spending.chart.keys')}
      </p>
    </figure>
  );
}

function Bar({ day, topUsd }: { day: DayTotal; topUsd: number }) {
  if (day.spentUsd <= 0) return <span className="spend-bar spend-bar-zero" />;
  return (
    <span className="spend-bar" style={{ height: `${Math.max(barFraction(day.spentUsd, topUsd) * 100, 1.5)}%` }}>
      {/* The estimated share on top, sized; the charged share fills the rest of the bar. */}
      {day.estimatedUsd > 0 ? <span className="spend-bar-estimated" style={{ height: `${(day.estimatedUsd / day.spentUsd) * 100}%` }} /> : null}
      {day.chargedUsd > 0 ? <span className="spend-bar-charged" /> : null}
    </span>
  );
}

/** The day of the month under each bar; where a month begins, its name instead. */
function xLabel(day: string, language: Language): string {
  return dayOfMonth(day) === 1 ? shortMonth(monthOf(day), language) : String(dayOfMonth(day));
}

const jobsText = (t: Translate, jobs: number): string => (jobs === 1 ? t('spending.jobs.one') : t('spending.jobs.other', { count: jobs }));

function barText(t: Translate, d: DayTotal, today: string, language: Language): string {
  const name = d.day === today ? `${t('spending.chart.today')}, ${longDay(d.day, language)}` : longDay(d.day, language);
  const usd = formatUsd(d.spentUsd);
  return d.jobs > 0 ? t('spending.chart.dayJobs', { day: name, usd, jobs: jobsText(t, d.jobs) }) : t('spending.chart.day', { day: name, usd });
}
