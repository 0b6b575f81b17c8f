import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain/job.js';
import { estimateCost } from '../../../shared/domain/prices.js';
import type { VideoSidecar } from '../../../shared/domain/video.js';
import { fixedOffsetCalendar } from '../../../electron/core/money/calendar.js';
import { LEDGER_FILE } from '../../../electron/core/money/ledger-file.js';
import { SpendingLedger, type LedgerSources } from '../../../electron/core/money/ledger.js';
import { summarizeSpending } from '../../../electron/core/money/spend-summary.js';
import { FakeClock } from '../../support/fake-clock.js';
import { makeSidecar } from '../library/make-sidecar.js';
import { HOUR, T0, charged, failedTask, generating, liveJob } from './money-jobs.js';

/** The spending ledger on disk: its sums survive a restart, a damaged file is set aside and rebuilt to the same sums. */

let dataDir: string;
let clock: FakeClock;
const calendar = fixedOffsetCalendar(0);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'keyframe-ledger-'));
  clock = new FakeClock(T0 + 10 * HOUR);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const open = (opts: { maxEntries?: number; readOnly?: boolean } = {}) =>
  new SpendingLedger({ dataDir, clock, calendar, estimate: (r) => estimateCost(r), ...opts });
const sources = (jobs: readonly Job[] = [], sidecars: readonly VideoSidecar[] = []): LedgerSources => ({ jobs: () => jobs, sidecars: async () => sidecars });
const summary = (l: SpendingLedger, month?: string) => summarizeSpending(l.spending(), month ? { month } : {});
const path = () => join(dataDir, LEDGER_FILE);

/** Three live jobs on 2026-09-14 (one charged, one sent, one failed), one charged the day before, one still queued. */
function history(): { final: Job[]; steps: Job[] } {
  const a = liveJob('job-a');
  const b = liveJob('job-b', { createdAt: T0 + HOUR });
  const c = liveJob('job-c', { createdAt: T0 + 2 * HOUR });
  const d = liveJob('job-d', { createdAt: T0 - 24 * HOUR });
  const e = liveJob('job-e', { createdAt: T0 + 3 * HOUR });
  const final = [charged(generating(a, T0), 0.5, T0 + HOUR), generating(b, T0 + 2 * HOUR), failedTask(generating(c, T0 + 3 * HOUR), T0 + 4 * HOUR), charged(generating(d, T0 - 23 * HOUR), 0.512, T0 - 22 * HOUR), e];
  const steps = [a, generating(a, T0), final[0]!, b, final[1]!, c, generating(c, T0 + 3 * HOUR), final[2]!, d, generating(d, T0 - 23 * HOUR), final[3]!, e];
  return { final, steps };
}

describe('spending ledger', () => {
  it('follows each job: its estimate when queued, counted once sent, the charge once reported, nothing for a failed task', async () => {
    const l = open();
    await l.load(sources());
    const a = liveJob('job-a');
    l.observe(a);
    expect(l.get('job-a')).toMatchObject({ status: 'waiting', estimateUsd: 0.512, priceAsOf: '2026-09-14' });
    l.markSent('job-a', T0 + 1);
    expect(l.get('job-a')).toMatchObject({ status: 'estimated', sentAt: T0 + 1 });
    l.observe(charged(generating(a, T0 + 2), 0.48, T0 + 3));
    expect(l.get('job-a')).toMatchObject({ status: 'charged', chargedUsd: 0.48, submittedAt: T0 + 2 });
    l.observe(failedTask(liveJob('job-c'), T0 + 4));
    expect(l.get('job-c')).toMatchObject({ status: 'not_charged', chargedUsd: 0 });
    // Stopped before it was sent: never charged. Stopped after: it may still be, so its estimate stays counted.
    l.observe({ ...liveJob('job-s'), state: 'stopped' });
    expect(l.get('job-s')?.status).toBe('not_charged');
    l.observe({ ...generating(liveJob('job-t'), T0), state: 'stopped' });
    expect(l.get('job-t')?.status).toBe('estimated');
    // The demo provider charges nothing: not in the ledger.
    l.observe(liveJob('job-demo', { provider: 'demo' }));
    expect(l.get('job-demo')).toBeUndefined();
  });

  it('sums today, the month and all time, by local day, with each job’s estimate against its charge', async () => {
    const l = open();
    await l.load(sources());
    for (const j of history().steps) l.observe(j);
    const s = summary(l);
    expect(s.today).toEqual({ day: '2026-09-14', spentUsd: 1.012, chargedUsd: 0.5, estimatedUsd: 0.512, jobs: 2 });
    expect(s.month).toEqual({ month: '2026-09', spentUsd: 1.524, chargedUsd: 1.012, estimatedUsd: 0.512, jobs: 3 });
    expect(s.allTime.spentUsd).toBe(1.524);
    expect(s.days.map((d) => [d.day, d.spentUsd])).toEqual([
      ['2026-09-13', 0.512],
      ['2026-09-14', 1.012],
    ]);
    expect(s.jobs.find((j) => j.jobId === 'job-a')).toEqual({ jobId: 'job-a', day: '2026-09-14', status: 'charged', estimateUsd: 0.512, chargedUsd: 0.5, differenceUsd: -0.012, priceAsOf: '2026-09-14' });
    expect(s.jobs.find((j) => j.jobId === 'job-c')).toMatchObject({ status: 'not_charged', chargedUsd: 0 });
    expect(s.jobs.find((j) => j.jobId === 'job-c')?.differenceUsd).toBeUndefined();
    expect(s.jobs.find((j) => j.jobId === 'job-e')).toMatchObject({ status: 'waiting', estimateUsd: 0.512 });
    // Another month has nothing.
    expect(summary(l, '2026-08').month).toEqual({ month: '2026-08', spentUsd: 0, chargedUsd: 0, estimatedUsd: 0, jobs: 0 });
  });

  it('keeps its sums across a restart, from the file alone', async () => {
    const l = open();
    await l.load(sources());
    for (const j of history().steps) l.observe(j);
    await l.flush();
    const before = summary(l);
    const again = open();
    const report = await again.load(sources());
    expect(report.rebuilt).toBe(false);
    expect(summary(again)).toEqual(before);
  });

  it('brings back a change a crash kept off the disk, from the journal', async () => {
    const { final } = history();
    const l = open();
    await l.load(sources());
    for (const j of history().steps.slice(0, -4)) l.observe(j);
    await l.flush();
    const full = open();
    await full.load(sources());
    for (const j of history().steps) full.observe(j);
    const again = open();
    await again.load(sources(final));
    expect(summary(again)).toEqual(summary(full));
  });

  it('moves a damaged ledger aside (kept) and rebuilds it from the journal and the sidecars, with the same sums', async () => {
    const { final, steps } = history();
    // job-d left the journal long ago; its sidecar beside the video still records what it cost.
    const journal = final.filter((j) => j.id !== 'job-d');
    const d = final.find((j) => j.id === 'job-d');
    if (!d) throw new Error('no job-d');
    const sidecarOfD = makeSidecar(1, {
      sidecar: { jobId: 'job-d', id: 'job-d-0', provider: 'apimart', cost: { usd: 0.512 }, timings: { createdAt: d.createdAt, submittedAt: d.submittedAt, savedAt: d.updatedAt } },
    });
    const l = open();
    await l.load(sources());
    for (const j of steps) l.observe(j);
    await l.flush();
    const before = summary(l);

    const text = await readFile(path(), 'utf8');
    const lines = text.split('\n');
    lines[2] = '{"v":1,"entry":{"jobId":"job-a","createdAt":"yesterday"}}';
    await writeFile(path(), lines.join('\n'));

    const rebuilt = open();
    const report = await rebuilt.load(sources(journal, [sidecarOfD, makeSidecar(2)]));
    expect(report).toMatchObject({ rebuilt: true, movedTo: `${path()}.corrupt-${clock.now()}`, reason: 'line 3 is not a ledger record' });
    expect(await readFile(`${path()}.corrupt-${clock.now()}`, 'utf8')).toBe(lines.join('\n'));
    expect(summary(rebuilt).today).toEqual(before.today);
    expect(summary(rebuilt).month).toEqual(before.month);
    expect(summary(rebuilt).allTime).toEqual(before.allTime);
    expect(summary(rebuilt).days).toEqual(before.days);
    // The rebuilt file reads back to the same sums.
    const reread = open();
    expect((await reread.load(sources(journal))).rebuilt).toBe(false);
    expect(summary(reread).allTime).toEqual(before.allTime);
  });

  it('a file that is not JSON at all is set aside the same way', async () => {
    await writeFile(path(), '\u0000\u0001garbage\n');
    const { final } = history();
    const report = await open().load(sources(final));
    expect(report.movedTo).toBeDefined();
    expect((await readdir(dataDir)).filter((n) => n.startsWith(`${LEDGER_FILE}.corrupt-`))).toHaveLength(1);
  });

  it('drops an append a crash cut short, and rewrites the file so the next line is not glued to it', async () => {
    const l = open();
    await l.load(sources());
    for (const j of history().steps) l.observe(j);
    await l.flush();
    const before = summary(l);
    await appendFile(path(), '{"v":1,"entry":{"jobId":"job-x","crea');
    const again = open();
    expect((await again.load(sources())).rebuilt).toBe(false);
    expect(summary(again)).toEqual(before);
    again.observe(liveJob('job-f', { createdAt: T0 + 5 * HOUR }));
    await again.flush();
    const third = open();
    expect((await third.load(sources())).rebuilt).toBe(false);
    expect(third.get('job-f')).toBeDefined();
  });

  it('stays bounded: old settled jobs fold into day totals that keep every sum, and are not counted twice after a restart', async () => {
    const jobs: Job[] = [];
    for (let i = 0; i < 12; i++) {
      const at = T0 - (12 - i) * 6 * HOUR;
      jobs.push(charged(generating(liveJob(`job-${String(i).padStart(2, '0')}`, { createdAt: at }), at + 1), 0.25 + i / 100, at + 2));
    }
    const unbounded = open();
    await unbounded.load(sources());
    for (const j of jobs) unbounded.observe(j);

    await rm(path(), { force: true });
    const small = open({ maxEntries: 4 });
    await small.load(sources());
    for (const j of jobs) small.observe(j);
    await small.flush();
    expect(small.list().length).toBeLessThanOrEqual(4);
    const again = open({ maxEntries: 4 });
    // The journal still holds every job: the folded ones must not come back as entries.
    await again.load(sources(jobs));
    expect(again.list().length).toBeLessThanOrEqual(4);
    expect(again.archivedDays().length).toBeGreaterThan(0);
    for (const month of ['2026-09', undefined]) {
      const a = summary(again, month);
      const u = summary(unbounded, month);
      expect(a.allTime).toEqual(u.allTime);
      expect(a.month).toEqual(u.month);
      expect(a.today).toEqual(u.today);
      expect(a.days).toEqual(u.days);
    }
  });

  it('read-only: sums a damaged or missing ledger in memory and never writes', async () => {
    const { final } = history();
    expect((await open({ readOnly: true }).load(sources(final))).rebuilt).toBe(true);
    expect(await readdir(dataDir)).toEqual([]);
    await writeFile(path(), 'damaged\n');
    const l = open({ readOnly: true });
    const report = await l.load(sources(final));
    expect(report.movedTo).toBeUndefined();
    expect(summary(l).allTime.spentUsd).toBe(1.524);
    expect(await readFile(path(), 'utf8')).toBe('damaged\n');
  });
});
