import type { Language } from '../../i18n';

/**
 * Calendar days and months as main names them (`YYYY-MM-DD`, `YYYY-MM`, in
 * the person's time zone, decided by main). The page only counts along them
 * and words them, so all arithmetic here is on the names, at UTC noon: the
 * page's own zone and a daylight-saving shift can never move a day.
 */

const DAY_MS = 86_400_000;

function utcNoon(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function dayName(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `2026-09-30` + 1 → `2026-10-01`. */
export const addDays = (day: string, n: number): string => dayName(utcNoon(day) + n * DAY_MS);

/** `YYYY-MM` of a day. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** `2026-01` → `2025-12`. */
export const previousMonth = (month: string): string => monthOf(addDays(`${month}-01`, -1));

/** `2026-12` → `2027-01`. */
export const nextMonth = (month: string): string => monthOf(addDays(`${month}-28`, 4));

/** Every day of a month, in order. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let day = `${month}-01`; monthOf(day) === month; day = addDays(day, 1)) days.push(day);
  return days;
}

/** `count` days ending with `last`, oldest first. */
export function daysEndingOn(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}

/** The day of the month, `1`–`31`. */
export const dayOfMonth = (day: string): number => Number(day.slice(8, 10));

const LOCALE: Record<Language, string> = { en: 'en-US', ko: 'ko-KR' };

const format = (language: Language, options: Intl.DateTimeFormatOptions, ms: number): string =>
  new Intl.DateTimeFormat(LOCALE[language], { ...options, timeZone: 'UTC' }).format(ms);

/** `Sep 14` / `9월 14일`. */
export const shortDay = (day: string, language: Language): string => format(language, { month: 'short', day: 'numeric' }, utcNoon(day));

/** `Monday, September 14` / `9월 14일 월요일`. */
export const longDay = (day: string, language: Language): string =>
  format(language, { weekday: 'long', month: 'long', day: 'numeric' }, utcNoon(day));

/** `September 2026` / `2026년 9월`. */
export const monthName = (month: string, language: Language): string =>
  format(language, { year: 'numeric', month: 'long' }, utcNoon(`${month}-01`));

/** `Sep` / `9월`: marks where a new month starts along the chart. */
export const shortMonth = (month: string, language: Language): string => format(language, { month: 'short' }, utcNoon(`${month}-01`));
