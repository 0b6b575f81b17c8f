import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_PRICE_TABLE } from '../../../shared/domain/prices.js';
import { InvalidTransition } from '../../../electron/core/jobs/job-machine.js';
import { BALANCE_FRESH_MS } from '../../../electron/core/money/balance-memo.js';
import type { BudgetCaps } from '../../../electron/core/money/budget.js';
import { fixedOffsetCalendar } from '../../../electron/core/money/calendar.js';
import { LEDGER_FILE } from '../../../electron/core/money/ledger-file.js';
import type { Money } from '../../../electron/core/money/money.js';
import { createHarness, finished, type Harness } from '../../support/engine-harness.js';
import { apiRequestsFor } from '../../support/queue-helpers.js';

/**
 * Spending caps enforced in the queue: a live job that would pass a cap is
 * held before anything is sent, approved once it is sent once, a raised cap
 * lets waiting jobs go by themselves, and a known low balance refuses a job.
 * An 8 s fast 720p job is estimated (and charged by the fake) at 0.512 USD.
 */

const JOB_USD = 0.512;
let h: Harness;
let caps: BudgetCaps;
afterEach(async () => h?.close());

async function open(initial: BudgetCaps, opts: { concurrency?: number } = {}): Promise<Harness> {
  caps = initial;
  h = await createHarness({
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    money: { prices: () => BUNDLED_PRICE_TABLE, caps: () => caps, calendar: fixedOffsetCalendar(0) },
  });
  return h;
}

const money = (): Money => {
  const m = h.engine.money;
  if (!m) throw new Error('the harness was opened without money');
  return m;
};
const submits = () => apiRequestsFor(h, '/v1/videos/generations').length;
const settledOrHeld = (id: string) => () => finished(h, id)() || h.job(id).state === 'needs_approval';

/** Runs one job to the end; returns its id. */
async function runJob(prompt: string): Promise<string> {
  const job = await h.submit({ prompt });
  await h.drive(settledOrHeld(job.id));
  return job.id;
}

describe('spending caps in the queue', () => {
  it('holds a job that would pass the daily cap before anything is sent, with its figures', async () => {
    await open({ dailyUsd: 1 });
    const first = await runJob('first clip');
    expect(h.job(first)).toMatchObject({ state: 'done', costUsd: JOB_USD, estimateUsd: JOB_USD, priceAsOf: '2026-09-14' });

    const second = await runJob('second clip');
    const held = h.job(second);
    expect(held.state).toBe('needs_approval');
    expect(held.approval).toEqual({ estimateUsd: JOB_USD, spentTodayUsd: JOB_USD, spentMonthUsd: JOB_USD, dailyCapUsd: 1, exceeded: ['daily'], heldAt: h.clock.now() });
    expect(held.error).toMatchObject({ code: 'payment_required', key: 'budget.over_daily_cap', params: { estimate: '0.51', cap: '1.00', spent: '0.51' } });
    expect(submits()).toBe(1);
    expect(h.fake.stats.tasksCreated).toBe(1);
    // Nothing is scheduled for it: it waits for the person.
    expect(held.nextActionAt).toBeUndefined();
    expect(money().ledger.get(second)).toMatchObject({ status: 'waiting' });
  });

  it('sends a job that lands exactly on the cap', async () => {
    await open({ dailyUsd: 2 * JOB_USD });
    await runJob('first clip');
    const second = await runJob('second clip, exactly on the cap');
    expect(h.job(second).state).toBe('done');
    expect(submits()).toBe(2);
  });

  it('holds on the monthly cap too, counting earlier days of the month', async () => {
    await open({ monthlyUsd: 1.1 });
    await runJob('on the first');
    h.clock.advance(24 * 3600_000);
    const later = await runJob('the next day');
    expect(h.job(later).state).toBe('done');
    h.clock.advance(24 * 3600_000);
    const third = await runJob('a third day');
    expect(h.job(third)).toMatchObject({ state: 'needs_approval', approval: { spentTodayUsd: 0, spentMonthUsd: 2 * JOB_USD, monthlyCapUsd: 1.1, exceeded: ['monthly'] } });
  });

  it('approve sends a held job exactly once, past the cap; a second approve is refused', async () => {
    await open({ dailyUsd: 1 });
    await runJob('first clip');
    const held = await runJob('held clip');
    expect(h.job(held).state).toBe('needs_approval');

    const approved = await h.engine.queue.approve(held);
    expect(approved).toMatchObject({ state: 'queued', approval: { approvedAt: h.clock.now() } });
    expect(approved.error).toBeUndefined();
    await h.drive(finished(h, held));
    expect(h.job(held).state).toBe('done');
    expect(submits()).toBe(2);
    expect(h.fake.stats.tasksCreated).toBe(2);
    await expect(h.engine.queue.approve(held)).rejects.toBeInstanceOf(InvalidTransition);
    expect(submits()).toBe(2);
    // It now counts: what it was charged is today's spending.
    expect(money().summary().today.chargedUsd).toBe(2 * JOB_USD);
  });

  it('a raised cap lets waiting jobs go by themselves, oldest first, each counted against the next', async () => {
    await open({ dailyUsd: 1 });
    await runJob('first clip');
    const b = await runJob('second clip');
    const c = await runJob('third clip');
    expect([h.job(b).state, h.job(c).state]).toEqual(['needs_approval', 'needs_approval']);

    // 0.512 spent + b (0.512) fits 1.3; c would make it 1.536.
    caps = { dailyUsd: 1.3 };
    const released = await h.engine.queue.releaseApprovals();
    expect(released.map((j) => j.id)).toEqual([b]);
    await h.drive(() => finished(h, b)());
    expect(h.job(b).state).toBe('done');
    expect(h.job(c).state).toBe('needs_approval');
    expect(submits()).toBe(2);

    caps = {};
    expect((await h.engine.queue.releaseApprovals()).map((j) => j.id)).toEqual([c]);
    await h.drive(finished(h, c));
    expect(h.job(c).state).toBe('done');
    expect(submits()).toBe(3);
  });

  it('two jobs queued together cannot pass a cap together: they are checked one at a time', async () => {
    await open({ dailyUsd: 0.6 }, { concurrency: 3 });
    // Queued while paused, so one pump starts both at once.
    await h.engine.queue.setPaused(true);
    const a = await h.submit({ prompt: 'together one' });
    const b = await h.submit({ prompt: 'together two' });
    await h.engine.queue.setPaused(false);
    await h.drive(() => settledOrHeld(a.id)() && settledOrHeld(b.id)());
    expect([h.job(a.id).state, h.job(b.id).state].sort()).toEqual(['done', 'needs_approval']);
    expect(submits()).toBe(1);
  });

  it('refuses a job whose estimate is above a freshly known balance, showing the balance; nothing is sent', async () => {
    await open({});
    money().balance.note({ remainUsd: 0.4, unlimited: false }, h.clock.now());
    const id = await runJob('too dear for the balance');
    expect(h.job(id)).toMatchObject({
      state: 'failed',
      error: { code: 'payment_required', key: 'budget.balance_too_low', params: { balance: '0.40', estimate: '0.51' }, retryable: false },
    });
    expect(apiRequestsFor(h, '/v1/').length).toBe(0);
    expect(money().ledger.get(id)).toMatchObject({ status: 'not_charged', chargedUsd: 0 });
  });

  it('does not refuse on a balance that is no longer fresh, or one that covers the estimate', async () => {
    await open({});
    money().balance.note({ remainUsd: 0.4, unlimited: false }, h.clock.now());
    h.clock.advance(BALANCE_FRESH_MS + 1);
    expect(h.job(await runJob('stale balance')).state).toBe('done');
    money().balance.note({ remainUsd: JOB_USD, unlimited: false }, h.clock.now());
    expect(h.job(await runJob('balance exactly the estimate')).state).toBe('done');
  });

  it('a held job stays held across a restart, and the ledger’s sums survive it', async () => {
    await open({ dailyUsd: 1 });
    await runJob('first clip');
    const held = await runJob('held clip');
    const before = money().summary();
    await h.restart();
    expect(h.job(held).state).toBe('needs_approval');
    expect(money().summary()).toEqual(before);
    expect(await readFile(join(h.dataDir, LEDGER_FILE), 'utf8')).toContain(held);
    expect(submits()).toBe(1);
  });

  it('records the provider’s charge, and nothing for a task that failed', async () => {
    await open({});
    const done = await runJob('a fine clip');
    h.fake.fault({ route: 'task', kind: 'fail', message: 'The prompt was blocked by the content safety policy' });
    const refused = await runJob('a refused clip');
    expect(h.job(refused).state).toBe('failed');
    expect(money().ledger.get(done)).toMatchObject({ status: 'charged', chargedUsd: JOB_USD, estimateUsd: JOB_USD });
    expect(money().ledger.get(refused)).toMatchObject({ status: 'not_charged', chargedUsd: 0 });
    expect(money().summary().today).toMatchObject({ spentUsd: JOB_USD, chargedUsd: JOB_USD, estimatedUsd: 0, jobs: 1 });
  });

  it('never holds a demo job, and keeps it out of the ledger: the demo provider charges nothing', async () => {
    await open({ dailyUsd: 0 });
    const job = await h.submit({ prompt: 'a demo clip' }, { provider: 'demo' });
    await h.drive(() => h.job(job.id).state !== 'queued');
    expect(h.job(job.id).state).not.toBe('needs_approval');
    expect(await money().clear(h.job(job.id))).toEqual({ kind: 'send' });
    expect(money().ledger.get(job.id)).toBeUndefined();
  });
});
