import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobView } from '../../../shared/ipc/views.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { rowsShape } from '../money/price-shapes.js';
import { startPriceServer, type PriceServer } from '../money/price-server.js';
import { callError, createServiceHarness, isFinished, jobState, type ServiceHarness } from './service-harness.js';

/**
 * Money through the IPC contract: caps in the settings, a held job's figures
 * in its view, jobs:approve, a raised cap, spend:summary, the balance fetched
 * at submit, and the price list fetched without the key.
 */

const JOB_USD = 0.512;
let h: ServiceHarness | undefined;
let prices: PriceServer | undefined;
afterEach(async () => {
  await h?.close();
  await prices?.close();
  h = undefined;
  prices = undefined;
});

const held = (s: ServiceHarness, id: string) => () => isFinished(s, id)() || jobState(s, id) === 'needs_approval';

async function runJob(s: ServiceHarness, prompt: string): Promise<JobView> {
  const job = await s.call('jobs:submit', { request: { prompt } });
  await s.drive(held(s, job.id));
  const view = (await s.call('jobs:list')).find((j) => j.id === job.id);
  if (!view) throw new Error('job gone');
  return view;
}

describe('spending through the services', () => {
  it('a live job over the daily cap waits with its figures in its view; jobs:approve sends it once', async () => {
    h = await createServiceHarness({ key: TEST_KEY, settings: { dailyCapUsd: 1 } });
    const s = h;
    expect(await s.call('settings:get')).toMatchObject({ dailyCapUsd: 1, monthlyCapUsd: null });
    expect((await runJob(s, 'first clip')).state).toBe('done');
    const second = await runJob(s, 'second clip');
    expect(second).toMatchObject({
      state: 'needs_approval',
      estimateUsd: JOB_USD,
      priceAsOf: '2026-09-14',
      approval: { estimateUsd: JOB_USD, spentTodayUsd: JOB_USD, dailyCapUsd: 1, exceeded: ['daily'] },
      error: { code: 'payment_required', key: 'budget.over_daily_cap' },
    });
    expect(s.fake.stats.tasksCreated).toBe(1);

    expect(await s.call('jobs:approve', { id: second.id })).toMatchObject({ state: 'queued', approval: { approvedAt: s.clock.now() } });
    await s.drive(isFinished(s, second.id));
    expect(jobState(s, second.id)).toBe('done');
    expect(s.fake.stats.tasksCreated).toBe(2);
    expect(await callError(s, 'jobs:approve', { id: second.id })).toMatchObject({ code: 'invalid_request', key: 'budget.not_waiting', field: 'id' });
    expect(s.fake.stats.tasksCreated).toBe(2);
  });

  it('raising the cap in the settings lets waiting jobs continue by themselves', async () => {
    h = await createServiceHarness({ key: TEST_KEY, settings: { dailyCapUsd: 0.6 } });
    const s = h;
    await runJob(s, 'first clip');
    const second = await runJob(s, 'second clip');
    expect(second.state).toBe('needs_approval');
    expect(await s.call('settings:update', { dailyCapUsd: 5 })).toMatchObject({ dailyCapUsd: 5 });
    // Released before the reply: it is on its way, not waiting.
    expect(jobState(s, second.id)).not.toBe('needs_approval');
    await s.drive(isFinished(s, second.id));
    expect(jobState(s, second.id)).toBe('done');
    // Clearing a cap is a change too: null is no cap.
    expect(await s.call('settings:update', { dailyCapUsd: null })).toMatchObject({ dailyCapUsd: null });
  });

  it('refuses a cap that is not an amount, naming the field, in the catalog’s words', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    expect(await callError(h, 'settings:update', { monthlyCapUsd: -5 })).toMatchObject({ code: 'invalid_request', field: 'monthlyCapUsd', key: 'settings.spending_cap' });
    expect(h.settings.get().monthlyCapUsd).toBeUndefined();
  });

  it('spend:summary gives today, the month, all time, the days and each job’s estimate against its charge', async () => {
    h = await createServiceHarness({ key: TEST_KEY, settings: { monthlyCapUsd: 20 } });
    const done = await runJob(h, 'a charged clip');
    const summary = await h.call('spend:summary');
    expect(summary.today).toMatchObject({ spentUsd: JOB_USD, chargedUsd: JOB_USD, estimatedUsd: 0, jobs: 1 });
    expect(summary.month).toMatchObject({ month: '2026-01', spentUsd: JOB_USD });
    expect(summary.allTime.spentUsd).toBe(JOB_USD);
    expect(summary.days).toHaveLength(1);
    expect(summary.jobs).toEqual([{ jobId: done.id, day: summary.today.day, status: 'charged', estimateUsd: JOB_USD, chargedUsd: JOB_USD, differenceUsd: 0, priceAsOf: '2026-09-14' }]);
    expect(summary.caps).toEqual({ monthlyUsd: 20 });
    expect((await h.call('spend:summary', { month: '2025-12' })).month).toMatchObject({ month: '2025-12', spentUsd: 0, jobs: 0 });
  });

  it('fetches the balance at submit and refuses a job it cannot pay for, before anything is sent', async () => {
    h = await createServiceHarness({ key: TEST_KEY, fake: { balanceUsd: 0.4 } });
    const job = await runJob(h, 'a clip the balance cannot pay for');
    expect(job).toMatchObject({ state: 'failed', error: { code: 'payment_required', key: 'budget.balance_too_low', params: { balance: '0.40', estimate: '0.51' } } });
    expect(h.fake.stats.apiRequests.map((r) => r.path)).toEqual(['/v1/balance']);
    expect(h.fake.stats.submits).toBe(0);
  });

  it('fetches the provider’s price list at start without the key; estimates then name the fetched table', async () => {
    prices = await startPriceServer();
    prices.reply({ json: rowsShape() });
    h = await createServiceHarness({ key: TEST_KEY, ports: { priceListUrl: prices.url } });
    const s = h;
    await vi.waitFor(async () => expect((await s.call('cost:prices')).source).toBe('fetched'), { timeout: 10_000 });
    expect(await s.call('cost:prices')).toMatchObject({ asOf: '2026-10-02', source: 'fetched', fetchedAt: s.clock.now() });
    expect(await s.call('cost:estimate', { request: { prompt: 'x' } })).toMatchObject({ usd: 0.48, perSecondUsd: 0.06, asOf: '2026-10-02', source: 'fetched' });
    expect(prices.requests).toHaveLength(1);
    const headers = JSON.stringify(prices.requests[0]?.headers);
    expect(headers).not.toContain(TEST_KEY);
    expect(prices.requests[0]?.headers.authorization).toBeUndefined();
  });
});
