import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobView, QueueStateView } from '../../../shared/ipc/views.js';
import { useQueueStore } from '../../../renderer/src/features/queue/queue-store.js';
import { jobView } from './view-samples.js';

/**
 * The queue store mirrors main's jobs: `jobs:updated` snapshots merge by
 * `updatedAt` (a late, older snapshot never undoes a newer one), the list is
 * newest first, and `order` keeps its identity when only a job's contents
 * changed (so a progress tick re-renders one row, not the list).
 */

const api = vi.hoisted(() => ({
  jobs: {
    list: vi.fn<(input: object) => Promise<JobView[]>>(),
    queueState: vi.fn<(input: object) => Promise<QueueStateView>>(),
    pauseQueue: vi.fn<(input: object) => Promise<QueueStateView>>(),
    resumeQueue: vi.fn<(input: object) => Promise<QueueStateView>>(),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

const initial = useQueueStore.getState();
const store = () => useQueueStore.getState();

const queueState = (paused: boolean): QueueStateView => ({ paused, concurrency: 3, counts: {} });

beforeEach(() => {
  useQueueStore.setState(initial, true);
  vi.clearAllMocks();
});

describe('apply (jobs:updated)', () => {
  it('adds new jobs, newest first', () => {
    store().apply([jobView({ id: 'a', createdAt: 100 }), jobView({ id: 'c', createdAt: 300 })]);
    store().apply([jobView({ id: 'b', createdAt: 200 })]);
    expect(store().order).toEqual(['c', 'b', 'a']);
    expect(Object.keys(store().jobs).sort()).toEqual(['a', 'b', 'c']);
  });

  it('orders jobs created in the same millisecond by id, highest first', () => {
    store().apply([jobView({ id: 'job-a', createdAt: 100 }), jobView({ id: 'job-c', createdAt: 100 }), jobView({ id: 'job-b', createdAt: 100 })]);
    expect(store().order).toEqual(['job-c', 'job-b', 'job-a']);
  });

  it('replaces a job with a newer snapshot', () => {
    store().apply([jobView({ id: 'a', state: 'generating', progress: 10, updatedAt: 10 })]);
    store().apply([jobView({ id: 'a', state: 'generating', progress: 60, updatedAt: 20 })]);
    expect(store().jobs.a?.progress).toBe(60);
  });

  it('takes a snapshot with the same updatedAt (the later message wins a tie)', () => {
    store().apply([jobView({ id: 'a', state: 'generating', updatedAt: 10 })]);
    store().apply([jobView({ id: 'a', state: 'downloading', updatedAt: 10 })]);
    expect(store().jobs.a?.state).toBe('downloading');
  });

  it('ignores an older snapshot that arrives late', () => {
    store().apply([jobView({ id: 'a', state: 'done', updatedAt: 30 })]);
    store().apply([jobView({ id: 'a', state: 'downloading', updatedAt: 20 })]);
    expect(store().jobs.a?.state).toBe('done');
  });

  it('merges each job of a batch on its own: newer ones win, older ones are dropped', () => {
    store().apply([jobView({ id: 'a', state: 'generating', updatedAt: 10 }), jobView({ id: 'b', state: 'done', updatedAt: 50 })]);
    store().apply([jobView({ id: 'a', state: 'downloading', updatedAt: 11 }), jobView({ id: 'b', state: 'generating', updatedAt: 40 }), jobView({ id: 'c', updatedAt: 1 })]);
    expect(store().jobs.a?.state).toBe('downloading');
    expect(store().jobs.b?.state).toBe('done');
    expect(store().jobs.c).toBeDefined();
  });

  it('keeps the same order array when only job contents change', () => {
    store().apply([jobView({ id: 'a', createdAt: 100 }), jobView({ id: 'b', createdAt: 200 })]);
    const order = store().order;
    store().apply([jobView({ id: 'a', createdAt: 100, state: 'generating', progress: 40, updatedAt: 5_000 })]);
    expect(store().order).toBe(order);
    expect(store().jobs.a?.progress).toBe(40);
  });

  it('builds a new order array when a job appears', () => {
    store().apply([jobView({ id: 'a', createdAt: 100 })]);
    const order = store().order;
    store().apply([jobView({ id: 'b', createdAt: 200 })]);
    expect(store().order).not.toBe(order);
    expect(store().order).toEqual(['b', 'a']);
  });

  it('does nothing at all for an empty batch', () => {
    store().apply([jobView({ id: 'a' })]);
    const before = store();
    const listener = vi.fn();
    const off = useQueueStore.subscribe(listener);
    store().apply([]);
    off();
    expect(listener).not.toHaveBeenCalled();
    expect(store()).toBe(before);
  });
});

describe('load (jobs.list)', () => {
  it('takes the list, newest first, and marks the store loaded', async () => {
    api.jobs.list.mockResolvedValue([jobView({ id: 'old', createdAt: 1 }), jobView({ id: 'new', createdAt: 2 })]);
    await store().load();
    expect(store().order).toEqual(['new', 'old']);
    expect(store().loaded).toBe(true);
    expect(store().error).toBeUndefined();
  });

  it('keeps an event that arrived while the list was on its way when it is newer than the list copy', async () => {
    let reply!: (jobs: JobView[]) => void;
    api.jobs.list.mockReturnValue(new Promise((r) => (reply = r)));
    const loading = store().load();
    store().apply([jobView({ id: 'a', state: 'done', updatedAt: 50 }), jobView({ id: 'b', state: 'generating', updatedAt: 5 })]);
    reply([jobView({ id: 'a', state: 'downloading', updatedAt: 40 }), jobView({ id: 'b', state: 'downloading', updatedAt: 6 })]);
    await loading;
    expect(store().jobs.a?.state).toBe('done');
    expect(store().jobs.b?.state).toBe('downloading');
  });

  it('drops jobs main no longer lists', async () => {
    store().apply([jobView({ id: 'gone', updatedAt: 99 }), jobView({ id: 'kept' })]);
    api.jobs.list.mockResolvedValue([jobView({ id: 'kept' })]);
    await store().load();
    expect(Object.keys(store().jobs)).toEqual(['kept']);
    expect(store().order).toEqual(['kept']);
  });

  it('clears an earlier load error once the list arrives', async () => {
    api.jobs.list.mockRejectedValueOnce({ code: 'network', message: 'offline' });
    await store().load();
    api.jobs.list.mockResolvedValueOnce([]);
    await store().load();
    expect(store().error).toBeUndefined();
  });

  it('reports a failed list in words, keeps the jobs it had, and still counts as loaded', async () => {
    store().apply([jobView({ id: 'a' })]);
    api.jobs.list.mockRejectedValue(new Error("Error invoking remote method 'jobs:list': Error: main is busy"));
    await store().load();
    expect(store().loaded).toBe(true);
    expect(store().error).toMatchObject({ message: 'main is busy' });
    expect(store().order).toEqual(['a']);
  });
});

describe('queue state', () => {
  it('loads the queue state', async () => {
    api.jobs.queueState.mockResolvedValue(queueState(true));
    await store().loadQueueState();
    expect(store().queue).toEqual(queueState(true));
  });

  it('keeps what it had when the queue state cannot be read (the next queue:changed fills it in)', async () => {
    store().setQueueState(queueState(false));
    api.jobs.queueState.mockRejectedValue({ code: 'network', message: 'offline' });
    await expect(store().loadQueueState()).resolves.toBeUndefined();
    expect(store().queue).toEqual(queueState(false));
  });

  it('pauses and resumes through main and shows what main answered', async () => {
    api.jobs.pauseQueue.mockResolvedValue(queueState(true));
    api.jobs.resumeQueue.mockResolvedValue(queueState(false));
    await store().setPaused(true);
    expect(api.jobs.pauseQueue).toHaveBeenCalledTimes(1);
    expect(api.jobs.resumeQueue).not.toHaveBeenCalled();
    expect(store().queue?.paused).toBe(true);
    await store().setPaused(false);
    expect(api.jobs.resumeQueue).toHaveBeenCalledTimes(1);
    expect(store().queue?.paused).toBe(false);
  });

  it('lets a refused pause reach the caller and keeps the state it had', async () => {
    store().setQueueState(queueState(false));
    api.jobs.pauseQueue.mockRejectedValue({ code: 'internal', message: 'no' });
    await expect(store().setPaused(true)).rejects.toEqual({ code: 'internal', message: 'no' });
    expect(store().queue?.paused).toBe(false);
  });
});
