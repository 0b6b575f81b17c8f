import { create } from 'zustand';
import type { JobView, QueueStateView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';

/**
 * Snapshots of the jobs main pushes. Rows read `jobs[id]` through their own
 * selector, so a progress tick re-renders one row; `order` only changes when a
 * job appears or leaves, so the list itself rarely re-renders. The queue's own
 * state (paused, rate limit) lives here too; all of it comes from main, so a
 * reload loses nothing.
 */
interface QueueState {
  jobs: Record<string, JobView>;
  /** Newest first. */
  order: string[];
  loaded: boolean;
  error: CallError | undefined;
  queue: QueueStateView | undefined;
  load(): Promise<void>;
  apply(updated: readonly JobView[]): void;
  loadQueueState(): Promise<void>;
  setQueueState(queue: QueueStateView): void;
  setPaused(paused: boolean): Promise<void>;
}

const newestFirst = (jobs: Record<string, JobView>): string[] =>
  Object.values(jobs)
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    .map((j) => j.id);

const sameOrder = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

export const useQueueStore = create<QueueState>()((set, get) => ({
  jobs: {},
  order: [],
  loaded: false,
  error: undefined,
  queue: undefined,
  async load() {
    try {
      const list = await api.jobs.list({});
      const current = get().jobs;
      // An event applied while the list was on its way is newer than the list's copy: keep it.
      const jobs = Object.fromEntries(list.map((j) => [j.id, (current[j.id]?.updatedAt ?? -1) > j.updatedAt ? (current[j.id] as JobView) : j]));
      set({ jobs, order: newestFirst(jobs), loaded: true, error: undefined });
    } catch (err) {
      set({ loaded: true, error: toAppError(err) });
    }
  },
  apply(updated) {
    if (updated.length === 0) return;
    const jobs = { ...get().jobs };
    // An older snapshot arriving late (a reply racing an event) must not undo a newer one.
    for (const j of updated) if (!jobs[j.id] || (jobs[j.id]?.updatedAt ?? 0) <= j.updatedAt) jobs[j.id] = j;
    const order = newestFirst(jobs);
    set(sameOrder(order, get().order) ? { jobs } : { jobs, order });
  },
  async loadQueueState() {
    try {
      set({ queue: await api.jobs.queueState({}) });
    } catch {
      // The panel still works without it; the next queue:changed event fills it in.
    }
  },
  setQueueState: (queue) => set({ queue }),
  async setPaused(paused) {
    const queue = paused ? await api.jobs.pauseQueue({}) : await api.jobs.resumeQueue({});
    set({ queue });
  },
}));
