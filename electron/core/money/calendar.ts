/**
 * Which local day and month a moment belongs to. Spending is counted per
 * local day and calendar month (a daily cap resets at the person's midnight,
 * not UTC's), and the zone is injected so tests and the CLI agree with the
 * app and a test never depends on the machine's zone.
 */
export interface Calendar {
  /** `YYYY-MM-DD` of the local day holding `ms`. */
  dayOf(ms: number): string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The machine's own time zone (what the person's clock shows). */
export const localCalendar: Calendar = {
  dayOf(ms) {
    const d = new Date(ms);
    return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  },
};

/** A zone at a fixed offset from UTC (minutes east), for tests: `fixedOffsetCalendar(540)` is Seoul. */
export function fixedOffsetCalendar(offsetMinutes: number): Calendar {
  return {
    dayOf(ms) {
      const d = new Date(ms + offsetMinutes * 60_000);
      return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    },
  };
}

/** `YYYY-MM` of a `YYYY-MM-DD` day. */
export const monthOfDay = (day: string): string => day.slice(0, 7);
