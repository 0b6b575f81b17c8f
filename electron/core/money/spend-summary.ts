import { roundUsd } from '../../../shared/domain/prices.js';
import type { SpendJob, SpendSummary, SpendTotal } from '../../../shared/ipc/views.js';
import { monthOfDay, type Calendar } from './calendar.js';
import { counts, momentOf, spentOf, type ArchivedDay, type LedgerEntry } from './ledger-entry.js';

/**
 * Sums over the ledger, by local day and calendar month. Pure: the entries,
 * the archived day totals, the clock's `now` and the calendar in; figures out.
 * What counts: a charge where the provider reported one, else the estimate of
 * a job that was sent; nothing for jobs waiting, failed or never sent.
 */

/** The per-job list of a summary stops here (newest first); the totals still count every job. */
export const SPEND_JOBS_MAX = 500;

interface Acc {
  chargedUsd: number;
  estimatedUsd: number;
  jobs: number;
}
const zero = (): Acc => ({ chargedUsd: 0, estimatedUsd: 0, jobs: 0 });
const total = (a: Acc): SpendTotal => ({
  spentUsd: roundUsd(a.chargedUsd + a.estimatedUsd),
  chargedUsd: roundUsd(a.chargedUsd),
  estimatedUsd: roundUsd(a.estimatedUsd),
  jobs: a.jobs,
});
function add(a: Acc, chargedUsd: number, estimatedUsd: number, jobs: number): void {
  a.chargedUsd += chargedUsd;
  a.estimatedUsd += estimatedUsd;
  a.jobs += jobs;
}

export interface SpendingInput {
  entries: Iterable<LedgerEntry>;
  archived: Iterable<ArchivedDay>;
  calendar: Calendar;
  now: number;
}

/** What is spent (charged + estimated) on `day` and in its month, leaving out one job (the one being checked). */
export function spentAround(input: SpendingInput, day: string, exceptJobId?: string): { dayUsd: number; monthUsd: number } {
  const month = monthOfDay(day);
  let dayUsd = 0;
  let monthUsd = 0;
  for (const e of input.entries) {
    if (e.jobId === exceptJobId || !counts(e)) continue;
    const d = input.calendar.dayOf(momentOf(e));
    if (monthOfDay(d) !== month) continue;
    const s = spentOf(e);
    const usd = s.chargedUsd + s.estimatedUsd;
    monthUsd += usd;
    if (d === day) dayUsd += usd;
  }
  for (const a of input.archived) {
    if (monthOfDay(a.day) !== month) continue;
    monthUsd += a.chargedUsd + a.estimatedUsd;
    if (a.day === day) dayUsd += a.chargedUsd + a.estimatedUsd;
  }
  return { dayUsd: roundUsd(dayUsd), monthUsd: roundUsd(monthUsd) };
}

/** Today, a month (the current one unless asked), all time, the month's days and its jobs. */
export function summarizeSpending(input: SpendingInput, opts: { month?: string; caps?: SpendSummary['caps'] } = {}): SpendSummary {
  const today = input.calendar.dayOf(input.now);
  const month = opts.month ?? monthOfDay(today);
  const todayAcc = zero();
  const monthAcc = zero();
  const allAcc = zero();
  const days = new Map<string, Acc>();
  const jobs: (SpendJob & { at: number })[] = [];
  const dayAcc = (d: string): Acc => {
    let a = days.get(d);
    if (!a) days.set(d, (a = zero()));
    return a;
  };

  for (const e of input.entries) {
    const at = momentOf(e);
    const d = input.calendar.dayOf(at);
    const inMonth = monthOfDay(d) === month;
    if (inMonth) jobs.push({ ...spendJob(e, d), at });
    if (!counts(e)) continue;
    const s = spentOf(e);
    add(allAcc, s.chargedUsd, s.estimatedUsd, 1);
    if (d === today) add(todayAcc, s.chargedUsd, s.estimatedUsd, 1);
    if (inMonth) {
      add(monthAcc, s.chargedUsd, s.estimatedUsd, 1);
      add(dayAcc(d), s.chargedUsd, s.estimatedUsd, 1);
    }
  }
  for (const a of input.archived) {
    add(allAcc, a.chargedUsd, a.estimatedUsd, a.jobs);
    if (a.day === today) add(todayAcc, a.chargedUsd, a.estimatedUsd, a.jobs);
    if (monthOfDay(a.day) === month) {
      add(monthAcc, a.chargedUsd, a.estimatedUsd, a.jobs);
      add(dayAcc(a.day), a.chargedUsd, a.estimatedUsd, a.jobs);
    }
  }

  jobs.sort((a, b) => b.at - a.at || (a.jobId < b.jobId ? 1 : -1));
  return {
    today: { day: today, ...total(todayAcc) },
    month: { month, ...total(monthAcc) },
    allTime: total(allAcc),
    days: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, a]) => ({ day, ...total(a) })),
    jobs: jobs.slice(0, SPEND_JOBS_MAX).map(({ at: _at, ...j }) => j),
    caps: opts.caps ?? {},
  };
}

function spendJob(e: LedgerEntry, day: string): SpendJob {
  const charged = e.status === 'charged' || e.status === 'not_charged' ? (e.chargedUsd ?? 0) : undefined;
  return {
    jobId: e.jobId,
    day,
    status: e.status,
    estimateUsd: e.estimateUsd,
    ...(charged === undefined ? {} : { chargedUsd: charged }),
    // How far the bill was from the estimate; a job never charged has no bill to compare.
    ...(e.status === 'charged' && charged !== undefined ? { differenceUsd: roundUsd(charged - e.estimateUsd) } : {}),
    ...(e.priceAsOf === undefined ? {} : { priceAsOf: e.priceAsOf }),
  };
}
