import type { SpendTotal } from '../../../../shared/ipc/views.js';
import { daysEndingOn, daysOfMonth, monthOf } from './spend-calendar';

/**
 * The per-day chart as numbers: which days it shows, each day's total (days
 * without spending are zero, not missing: a gap in the bars would read as
 * "no data"), the top of its scale and whether the daily cap fits on it.
 * Pure, so the scale can be tested without a page.
 */

export type DayTotal = SpendTotal & { day: string };

export interface ChartModel {
  /** Oldest first. */
  days: DayTotal[];
  /** The value at the top of the plot: a round figure at or above the busiest day. */
  topUsd: number;
  /** Gridline values, bottom to top, 0 excluded. */
  ticks: number[];
  /** The daily cap, when it is drawn (see CAP_SCALE_LIMIT). */
  capUsd?: number;
}

/** How many days the chart shows for the current month: the last 30, so the start of a month is never empty. */
export const RECENT_DAYS = 30;

/**
 * The daily cap is drawn (and the scale stretched to it) only while it is at most this many times
 * the busiest day: a cap far above every bar would squash them all into the floor.
 */
export const CAP_SCALE_LIMIT = 4;

/** The days on show: the last 30 (ending today) for the current month; every day of any other month. */
export function chartDays(today: string, month: string): string[] {
  return month === monthOf(today) ? daysEndingOn(today, RECENT_DAYS) : daysOfMonth(month);
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (and $1 for an empty chart). */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) {
    const top = m * power;
    // Float noise (0.1 × 3) must not push an exact fit to the next step.
    if (top >= max * (1 - 1e-9)) return Number(top.toPrecision(12));
  }
  return 10 * power;
}

/** A bar's height as a fraction of the plot: 0–1. */
export function barFraction(usd: number, topUsd: number): number {
  if (!(topUsd > 0) || !(usd > 0)) return 0;
  return Math.min(1, usd / topUsd);
}

const zeroDay = (day: string): DayTotal => ({ day, spentUsd: 0, chargedUsd: 0, estimatedUsd: 0, jobs: 0 });

/** The chart for `days`, from the per-day totals of one or more summaries (days outside are ignored). */
export function buildChart(days: readonly string[], totals: Iterable<DayTotal>, dailyCapUsd: number | undefined): ChartModel {
  const byDay = new Map<string, DayTotal>();
  for (const t of totals) byDay.set(t.day, t);
  const shown = days.map((d) => byDay.get(d) ?? zeroDay(d));
  const busiest = Math.max(0, ...shown.map((d) => d.spentUsd));
  const capFits = dailyCapUsd !== undefined && dailyCapUsd > 0 && (busiest === 0 || dailyCapUsd <= busiest * CAP_SCALE_LIMIT);
  const topUsd = niceCeiling(capFits ? Math.max(busiest, dailyCapUsd) : busiest);
  return { days: shown, topUsd, ticks: [topUsd / 2, topUsd], ...(capFits ? { capUsd: dailyCapUsd } : {}) };
}
