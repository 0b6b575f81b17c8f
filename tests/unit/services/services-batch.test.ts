import { afterEach, describe, expect, it } from 'vitest';
import { isTerminal } from '../../../shared/domain/job.js';
import { TEST_KEY } from '../../support/engine-harness.js';
import { callError, createServiceHarness, isFinished, type ServiceHarness } from './service-harness.js';
import { keyframeViews } from '../../support/library-kinds.js';

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const allDone = (s: ServiceHarness) => () => s.engine.queue.list().length === 3 && s.engine.queue.list().every((j) => isTerminal(j.state));

describe('batches through the services', () => {
  it('a pasted 3-prompt batch with one bad row shows the row’s error and queues nothing until it is fixed', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const defaults = { duration: 4 };
    const bad = `a paper boat\na crane folding itself\n${'x'.repeat(4001)}\n`;

    const plan = await s.call('batch:plan', { source: { kind: 'text', text: bad }, defaults });
    expect(plan.ok).toBe(false);
    expect(plan.jobs).toBe(3);
    expect(plan.rows.map((r) => r.errors.map((e) => [e.field, e.key]))).toEqual([[], [], [['prompt', 'request.prompt.too_long']]]);
    expect(plan.rows[0]?.estimate?.usd).toBe(0.256);

    const refused = await callError(s, 'batch:queue', { source: { kind: 'text', text: bad }, defaults });
    expect(refused).toMatchObject({ code: 'invalid_request', key: 'batch.has_errors.one', params: { count: 1 } });
    expect(refused.detail).toContain('row 3: prompt:');
    expect(await s.call('jobs:list')).toEqual([]);
    expect(await s.call('batch:list')).toEqual([]);
    expect(s.fake.stats.submits).toBe(0);

    const fixed = 'a paper boat\na crane folding itself\na kite over the dunes\n';
    const fixedPlan = await s.call('batch:plan', { source: { kind: 'text', text: fixed }, defaults });
    expect(fixedPlan).toMatchObject({ ok: true, jobs: 3, videos: 3, total: { usd: 0.768 } });
    const batch = await s.call('batch:queue', { source: { kind: 'text', text: fixed }, defaults, name: 'storyboard' });
    expect(batch).toMatchObject({ state: 'running', jobs: 3, done: 0, name: 'storyboard', source: 'text' });
    await s.drive(allDone(s));
    expect(s.fake.stats.tasksCreated).toBe(3);
    const [listed] = await s.call('batch:list');
    expect(listed).toMatchObject({ id: batch.id, state: 'finished', jobs: 3, done: 3 });

    // Each video knows its batch row and its shot; the page heard of the batch's progress.
    const page = await s.call('library:query', {});
    const byRow = keyframeViews(page.items).sort((a, b) => (a.batch?.row ?? 0) - (b.batch?.row ?? 0));
    expect(byRow.map((v) => [v.batch?.row, v.shotKey, v.take, v.takes])).toEqual([
      [1, `batch-${batch.id}-r1`, 1, 1],
      [2, `batch-${batch.id}-r2`, 1, 1],
      [3, `batch-${batch.id}-r3`, 1, 1],
    ]);
    await s.drive(() => s.events.some((e) => e.channel === 'batches:updated' && (e.payload as { done: number }[]).some((b) => b.done === 3)));

    // Pausing a finished batch is allowed and harmless; an unknown batch is not found.
    expect((await callError(s, 'batch:pause', { id: 'nope' })).code).toBe('not_found');
  });

  it('the dry run checks the total against the caps: within them, past the daily cap, and in the demo (no cap)', async () => {
    h = await createServiceHarness({ key: TEST_KEY, settings: { dailyCapUsd: 0.5, monthlyCapUsd: 10 } });
    const s = h;
    const defaults = { duration: 4 };
    const one = await s.call('batch:plan', { source: { kind: 'text', text: 'a paper boat\n' }, defaults });
    expect(one.budget).toMatchObject({ provider: 'apimart', estimateUsd: 0.256, spentTodayUsd: 0, dailyCapUsd: 0.5, monthlyCapUsd: 10, exceeded: [], verdict: 'send' });

    const three = await s.call('batch:plan', { source: { kind: 'text', text: 'a paper boat\na crane\na kite\n' }, defaults });
    expect(three.budget).toMatchObject({ estimateUsd: 0.768, exceeded: ['daily'], verdict: 'hold' });
    expect(s.fake.stats.submits).toBe(0);

    await s.call('settings:update', { demoMode: true });
    const demo = await s.call('batch:plan', { source: { kind: 'text', text: 'a paper boat\na crane\na kite\n' }, defaults });
    expect(demo.budget).toMatchObject({ provider: 'demo', exceeded: [], verdict: 'send' });
  });

  it('a job submitted with lineage: the library’s lineage op names parent and child', async () => {
    h = await createServiceHarness({ key: TEST_KEY });
    const s = h;
    const parent = await s.call('jobs:submit', { request: { prompt: 'a boat sets off', duration: 4 } });
    await s.drive(isFinished(s, parent.id));
    const parentId = `${parent.id}-0`;
    const child = await s.call('jobs:submit', { request: { prompt: 'the boat reaches the sea', duration: 4 }, lineage: { parentId, frame: 7.5 } });
    expect(child.lineage).toEqual({ parentId, frame: 7.5 });
    await s.drive(isFinished(s, child.id));
    const family = await s.call('library:lineage', { id: parentId });
    expect(keyframeViews(family.children).map((v) => [v.id, v.lineage])).toEqual([[`${child.id}-0`, { parentId, frame: 7.5 }]]);
    expect((await s.call('library:lineage', { id: `${child.id}-0` })).parent?.id).toBe(parentId);
    expect((await callError(s, 'library:lineage', { id: 'gone-0' })).code).toBe('not_found');

    const history = await s.call('history:list', { limit: 10, search: 'boat' });
    expect(history.items.map((e) => e.request.prompt)).toEqual(['the boat reaches the sea', 'a boat sets off']);
  });
});
