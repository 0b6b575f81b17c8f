import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobView } from './view-samples.js';
import { MemoryStorage } from './support/memory-storage.js';

/** "Clear finished" in the activity drawer: it hides finished jobs from the drawer, remembers that, and deletes nothing. */

let storage: MemoryStorage;
beforeEach(() => {
  vi.resetModules();
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const load = async () => import('../../../renderer/src/features/queue/activity-store.js');

const jobs = [
  jobView({ id: 'done', state: 'done' }),
  jobView({ id: 'failed', state: 'failed' }),
  jobView({ id: 'expired', state: 'expired' }),
  jobView({ id: 'stopped', state: 'stopped' }),
  jobView({ id: 'running', state: 'generating' }),
  jobView({ id: 'waiting', state: 'queued' }),
  jobView({ id: 'attention', state: 'needs_attention' }),
];

describe('clearFinished', () => {
  it('hides done, failed, expired and stopped jobs; running, waiting and needing-you ones stay', async () => {
    const { useActivityStore } = await load();
    useActivityStore.getState().clearFinished(jobs);
    expect([...useActivityStore.getState().cleared].sort()).toEqual(['done', 'expired', 'failed', 'stopped']);
  });

  it('is remembered across a reload', async () => {
    (await load()).useActivityStore.getState().clearFinished(jobs);
    vi.resetModules();
    const { useActivityStore } = await load();
    expect(useActivityStore.getState().cleared.has('done')).toBe(true);
    expect(useActivityStore.getState().cleared.has('running')).toBe(false);
  });

  it('adds to what was cleared before', async () => {
    const { useActivityStore } = await load();
    useActivityStore.getState().clearFinished([jobView({ id: 'one', state: 'done' })]);
    useActivityStore.getState().clearFinished([jobView({ id: 'two', state: 'failed' })]);
    expect([...useActivityStore.getState().cleared].sort()).toEqual(['one', 'two']);
  });

  it('keeps working in the page when storage is full or the stored list is damaged', async () => {
    storage.setItem('keyframe.activity.cleared.v1', '{oops');
    const { useActivityStore, CLEARED_MAX } = await load();
    expect(useActivityStore.getState().cleared.size).toBe(0);
    storage.failWrites = true;
    useActivityStore.getState().clearFinished(jobs);
    expect(useActivityStore.getState().cleared.size).toBe(4);
    storage.failWrites = false;
    const many = Array.from({ length: CLEARED_MAX + 20 }, (_, i) => jobView({ id: `j${i}`, state: 'done' }));
    useActivityStore.getState().clearFinished(many);
    expect((JSON.parse(storage.getItem('keyframe.activity.cleared.v1') ?? '[]') as string[]).length).toBe(CLEARED_MAX);
  });
});

describe('openAt', () => {
  it('opens the drawer on one job; closing or toggling forgets it', async () => {
    const { useActivityStore } = await load();
    useActivityStore.getState().openAt('failed');
    expect(useActivityStore.getState()).toMatchObject({ open: true, focus: 'failed' });
    useActivityStore.getState().setOpen(false);
    expect(useActivityStore.getState()).toMatchObject({ open: false, focus: undefined });
  });
});
