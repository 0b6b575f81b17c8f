import { afterEach, describe, expect, it } from 'vitest';
import { MAX_POLLS_PER_SECOND, pollSpacingMs } from '../../../electron/core/jobs/poll-budget.js';
import { createHarness, type Harness } from '../../support/engine-harness.js';

let h: Harness;
afterEach(async () => h?.close());

const taskPollsBetween = (h: Harness, from: number, to: number) =>
  h.requests.filter((r) => r.url.includes('/v1/tasks/') && r.at >= from && r.at < to).length;

describe('queue-wide poll budget', () => {
  it('spacing grows with the number of jobs generating', () => {
    expect(pollSpacingMs(0)).toBe(0);
    expect(pollSpacingMs(5)).toBe(1000);
    expect(pollSpacingMs(200)).toBe(40_000);
  });

  it(`60 jobs in flight poll at most ~${MAX_POLLS_PER_SECOND}/s once past their first look`, async () => {
    h = await createHarness({ concurrency: 60, fake: { progress: { mode: 'polls', pollsToComplete: 1_000_000 } } });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await h.submit({ prompt: `budget ${i}` })).id);
    await h.drive(() => ids.every((id) => h.job(id).state === 'generating' && h.job(id).polls >= 1));
    const start = h.clock.now();
    await h.drive(() => h.clock.now() >= start + 120_000);
    const perSecond = taskPollsBetween(h, start, start + 120_000) / 120;
    expect(perSecond).toBeLessThanOrEqual(MAX_POLLS_PER_SECOND * 1.25);
    expect(perSecond).toBeGreaterThan(0);
  });

  it('after a restart, recovered jobs are polled in a spread, not all at once', async () => {
    h = await createHarness({ concurrency: 20, fake: { progress: { mode: 'polls', pollsToComplete: 1_000_000 } } });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await h.submit({ prompt: `restart ${i}` })).id);
    await h.drive(() => ids.every((id) => h.job(id).state === 'generating'));
    await h.restart();
    const t0 = h.clock.now();
    await h.drive(() => ids.every((id) => h.requests.some((r) => r.url.includes(h.job(id).taskId!) && r.at >= t0)));
    // Twenty recovered jobs at five polls a second take about four seconds to all be looked at.
    expect(taskPollsBetween(h, t0, t0 + 1)).toBeLessThanOrEqual(1);
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(pollSpacingMs(19));
  });
});
