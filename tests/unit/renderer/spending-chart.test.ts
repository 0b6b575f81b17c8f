import { describe, expect, it } from 'vitest';
import { barFraction, buildChart, CAP_SCALE_LIMIT, chartDays, niceCeiling, RECENT_DAYS } from '../../../renderer/src/features/spending/chart-model.js';
import {
  addDays,
  daysEndingOn,
  daysOfMonth,
  longDay,
  monthName,
  nextMonth,
  previousMonth,
  shortDay,
} from '../../../renderer/src/features/spending/spend-calendar.js';

/** The per-day chart's days and scale, and the calendar it counts along (main's day names, never the page's zone). */

const day = (d: string, spentUsd: number, jobs = 1) => ({ day: d, spentUsd, chargedUsd: spentUsd, estimatedUsd: 0, jobs });

describe('calendar names', () => {
  it('count across months, years and leap days', () => {
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-01')).toBe('2026-02');
    expect(daysOfMonth('2026-02')).toHaveLength(28);
    expect(daysOfMonth('2028-02').at(-1)).toBe('2028-02-29');
    expect(daysOfMonth('2026-09')[0]).toBe('2026-09-01');
  });

  it('are not moved by a daylight-saving change (the page counts names, not its own clock)', () => {
    // Europe and the US change clocks in late March and early November.
    expect(daysEndingOn('2026-04-02', 10)).toEqual(['2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
    expect(new Set(daysEndingOn('2026-11-15', 30)).size).toBe(30);
  });

  it('read in English and Korean', () => {
    expect(shortDay('2026-09-14', 'en')).toBe('Sep 14');
    expect(shortDay('2026-09-14', 'ko')).toBe('9월 14일');
    expect(longDay('2026-09-14', 'en')).toBe('Monday, September 14');
    expect(longDay('2026-09-14', 'ko')).toBe('9월 14일 월요일');
    expect(monthName('2026-09', 'en')).toBe('September 2026');
    expect(monthName('2026-09', 'ko')).toBe('2026년 9월');
  });
});

describe('the chart’s days', () => {
  it('are the last 30, ending today, for the current month (reaching into the month before)', () => {
    const days = chartDays('2026-09-05', '2026-09');
    expect(days).toHaveLength(RECENT_DAYS);
    expect(days[0]).toBe('2026-08-07');
    expect(days.at(-1)).toBe('2026-09-05');
  });

  it('are every day of a past month', () => {
    expect(chartDays('2026-09-05', '2026-02')).toEqual(daysOfMonth('2026-02'));
  });

  it('are zero where nothing was spent, and ignore totals outside them', () => {
    const chart = buildChart(['2026-09-01', '2026-09-02', '2026-09-03'], [day('2026-09-02', 1.28), day('2026-08-31', 9)], undefined);
    expect(chart.days.map((d) => [d.day, d.spentUsd, d.jobs])).toEqual([
      ['2026-09-01', 0, 0],
      ['2026-09-02', 1.28, 1],
      ['2026-09-03', 0, 0],
    ]);
    expect(chart.topUsd).toBe(2);
  });
});

describe('the chart’s scale', () => {
  it.each([
    [0, 1],
    [0.51, 1],
    [1, 1],
    [1.28, 2],
    [2.01, 5],
    [7.5, 10],
    [0.3, 0.5],
    [0.1 + 0.2, 0.5],
    [0.02, 0.02],
    [0.021, 0.05],
    [120, 200],
    [1234.5, 2000],
  ])('the top above a busiest day of %d is %d', (max, top) => {
    expect(niceCeiling(max)).toBe(top);
  });

  it('puts gridlines at half and at the top, and bars in proportion (never past the top, never below zero)', () => {
    const chart = buildChart(['2026-09-01'], [day('2026-09-01', 3)], undefined);
    expect(chart.topUsd).toBe(5);
    expect(chart.ticks).toEqual([2.5, 5]);
    expect(barFraction(3, 5)).toBe(0.6);
    expect(barFraction(9, 5)).toBe(1);
    expect(barFraction(-1, 5)).toBe(0);
    expect(barFraction(1, 0)).toBe(0);
  });

  it('stretches to the daily cap and draws it, while the cap is near the bars', () => {
    const chart = buildChart(['2026-09-01'], [day('2026-09-01', 0.6)], 1.5);
    expect(chart.capUsd).toBe(1.5);
    expect(chart.topUsd).toBe(2);
  });

  it('leaves a cap far above every bar off the chart, so the bars are not squashed flat', () => {
    const chart = buildChart(['2026-09-01'], [day('2026-09-01', 1)], CAP_SCALE_LIMIT * 1 + 0.01);
    expect(chart.capUsd).toBeUndefined();
    expect(chart.topUsd).toBe(1);
  });

  it('draws the cap of an empty chart on a scale of its own', () => {
    const chart = buildChart(['2026-09-01', '2026-09-02'], [], 20);
    expect(chart.capUsd).toBe(20);
    expect(chart.topUsd).toBe(20);
  });

  it('draws no cap of 0 (every job waits; there is no line to stay under)', () => {
    expect(buildChart(['2026-09-01'], [day('2026-09-01', 1)], 0).capUsd).toBeUndefined();
  });
});
