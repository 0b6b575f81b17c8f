import { create } from 'zustand';
import type { JobView } from '../../../../shared/ipc/views.js';

/**
 * The activity drawer: open or not, and which finished jobs the person cleared
 * from it. Clearing only hides: the jobs, their journal entries and their
 * videos stay where they are, and the results feed still shows them.
 */

export const ACTIVITY_DRAWER_ID = 'activity-drawer';
export const CLEARED_KEY = 'keyframe.activity.cleared.v1';
/** Far more than a drawer ever lists; the oldest cleared ids drop off first. */
export const CLEARED_MAX = 5000;

const FINISHED = new Set<JobView['state']>(['done', 'failed', 'expired', 'stopped']);
export const isFinished = (job: JobView): boolean => FINISHED.has(job.state);

export function loadCleared(): Set<string> {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(CLEARED_KEY) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function saveCleared(ids: ReadonlySet<string>): void {
  try {
    localStorage.setItem(CLEARED_KEY, JSON.stringify([...ids].slice(-CLEARED_MAX)));
  } catch {
    // Not remembered: the cleared jobs come back to the drawer after a reload, nothing else.
  }
}

/** The ids to hide once the finished ones among `jobs` are cleared too. */
export function withCleared(cleared: ReadonlySet<string>, jobs: Iterable<JobView>): Set<string> {
  const next = new Set(cleared);
  for (const j of jobs) if (isFinished(j)) next.add(j.id);
  return next;
}

interface ActivityState {
  open: boolean;
  cleared: Set<string>;
  /** The job the drawer was opened for ("Details" on a feed tile): scrolled to and shown even if cleared. */
  focus: string | undefined;
  toggle(): void;
  setOpen(open: boolean): void;
  openAt(jobId: string): void;
  clearFinished(jobs: Iterable<JobView>): void;
}

export const useActivityStore = create<ActivityState>()((set, get) => ({
  open: false,
  cleared: loadCleared(),
  focus: undefined,
  toggle: () => set((s) => ({ open: !s.open, focus: undefined })),
  setOpen: (open) => set({ open, focus: undefined }),
  openAt: (focus) => set({ open: true, focus }),
  clearFinished(jobs) {
    const cleared = withCleared(get().cleared, jobs);
    saveCleared(cleared);
    set({ cleared });
  },
}));
