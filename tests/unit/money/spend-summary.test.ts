import { describe, expect, it } from 'vitest';
import { fixedOffsetCalendar, localCalendar } from '../../../electron/core/money/calendar.js';
import type { ArchivedDay, LedgerEntry } from '../../../electron/core/money/ledger-entry.js';
import { SPEND_JOBS_MAX, spentAround, summarizeSpending } from '../../../electron/core/money/spend-summary.js';

/** Sums by the person's local day and month: the zone is injected, so midnight is where their clock says. */

const entry = (jobId: string, at: number, patch: Partial<LedgerEntry> = {}): LedgerEntry => ({
  jobId,
  createdAt: at - 1000,
  estimateUsd: 0.64,
  status: 'estimated',
  sentAt: at,
  submitted: true,
  submittedAt: at,
  ...patch,
});

// 2026-09-30 15:30 UTC is 2026-10-01 00:30 in Seoul (UTC+9) and still 2026-09-30 in New York.
const LATE = Date.UTC(2026, 8, 30, 15, 30);
const seoul = fixedOffsetCalendar(540);
const newYork = fixedOffsetCalendar(-240);

describe('summarizeSpending', () => {
  it('puts a job on the local day (and month) it was sent', () => {
    const entries = [entry('a', LATE), entry('b', LATE - 10 * 3600_000, { status: 'charged', chargedUsd: 0.6 })];
    const now = LATE + 60_000;
    const inSeoul = summarizeSpending({ entries, archived: [], calendar: seoul, now });
    expect(inSeoul.today).toMatchObject({ day: '2026-10-01', spentUsd: 0.64, jobs: 1 });
    expect(inSeoul.month).toMatchObject({ month: '2026-10', spentUsd: 0.64 });
    expect(inSeoul.allTime.spentUsd).toBe(1.24);
    const inNewYork = summarizeSpending({ entries, archived: [], calendar: newYork, now });
    expect(inNewYork.today).toMatchObject({ day: '2026-09-30', spentUsd: 1.24, chargedUsd: 0.6, estimatedUsd: 0.64, jobs: 2 });
    expect(inNewYork.month).toMatchObject({ month: '2026-09', spentUsd: 1.24 });
  });

  it('counts nothing for jobs waiting or never charged, but lists them', () => {
    const entries = [entry('w', LATE, { status: 'waiting', sentAt: undefined, submittedAt: undefined, submitted: false }), entry('n', LATE, { status: 'not_charged', chargedUsd: 0 })];
    const s = summarizeSpending({ entries, archived: [], calendar: newYork, now: LATE });
    expect(s.today).toMatchObject({ spentUsd: 0, jobs: 0 });
    // Newest first: the waiting job was only queued (a second earlier), never sent.
    expect(s.jobs.map((j) => [j.jobId, j.status])).toEqual([
      ['n', 'not_charged'],
      ['w', 'waiting'],
    ]);
  });

  it('adds folded day totals to their day, month and all time', () => {
    const archived: ArchivedDay[] = [{ day: '2026-09-02', chargedUsd: 3, estimatedUsd: 0.5, jobs: 4, throughCreatedAt: 0 }];
    const s = summarizeSpending({ entries: [entry('a', LATE)], archived, calendar: newYork, now: LATE });
    expect(s.month).toMatchObject({ spentUsd: 4.14, chargedUsd: 3, estimatedUsd: 1.14, jobs: 5 });
    expect(s.days.map((d) => d.day)).toEqual(['2026-09-02', '2026-09-30']);
    expect(spentAround({ entries: [entry('a', LATE)], archived, calendar: newYork, now: LATE }, '2026-09-30')).toEqual({ dayUsd: 0.64, monthUsd: 4.14 });
  });

  it('leaves the job being checked out of what is already spent', () => {
    const input = { entries: [entry('a', LATE), entry('b', LATE)], archived: [], calendar: newYork, now: LATE };
    expect(spentAround(input, '2026-09-30', 'b')).toEqual({ dayUsd: 0.64, monthUsd: 0.64 });
  });

  it(`lists at most ${SPEND_JOBS_MAX} jobs, newest first, while the totals count them all`, () => {
    const entries = Array.from({ length: SPEND_JOBS_MAX + 20 }, (_, i) => entry(`j${String(i).padStart(4, '0')}`, LATE - i * 1000, { estimateUsd: 0.01 }));
    const s = summarizeSpending({ entries, archived: [], calendar: localCalendar, now: LATE });
    expect(s.jobs).toHaveLength(SPEND_JOBS_MAX);
    expect(s.jobs[0]?.jobId).toBe('j0000');
    expect(s.allTime.jobs).toBe(SPEND_JOBS_MAX + 20);
  });
});
