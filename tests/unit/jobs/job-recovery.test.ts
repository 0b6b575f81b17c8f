import { describe, expect, it } from 'vitest';
import { RESTART_PLAN, recoverJob, recoverJournal, type RestartPlan } from '../../../electron/core/jobs/job-recovery.js';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import { JOB_STATES, isActive, type Job, type JobState } from '../../../shared/domain/job.js';

/** What a journal state does after a restart, as a table: no queue, no clock, no disk. */

const NOW = Date.UTC(2026, 0, 1);
const HOUR = 3600_000;

function makeJob(state: JobState, patch: Partial<Job> = {}): Job {
  return {
    schema: 'keyframe.job/1',
    id: `job-${state}`,
    provider: 'apimart',
    createdAt: NOW - HOUR,
    updatedAt: NOW - HOUR,
    state,
    request: GenerationRequestSchema.parse({ prompt: 'a paper boat' }),
    idempotencyKey: 'keyframe-0d9c7a52-3f1e-4b6a-9a51-1c2d3e4f5a6b',
    frames: [],
    outputDir: '/videos',
    nameTemplate: '{prompt}',
    requestIds: [],
    outputs: [],
    linkRefreshed: false,
    attempts: 0,
    polls: 0,
    parked: false,
    appVersion: '0.0.0-test',
    ...patch,
  };
}

const diskFull = { code: 'disk_full' as const, retryable: true, message: 'The disk is full.' };
const UNCHANGED = 'unchanged' as const;

/** [journal state, what the journal holds, its place among recovered polls, plan, attempts after, next action after (ms from now)] */
const TABLE: [JobState, Partial<Job>, number, RestartPlan, number | typeof UNCHANGED, number | typeof UNCHANGED][] = [
  ['queued', { attempts: 0, nextActionAt: NOW + HOUR }, 0, 'run', 0, 0],
  ['uploading', { attempts: 3, nextActionAt: NOW + HOUR }, 0, 'run', 0, 0],
  // The send may have reached the provider before the crash: one attempt of unknown outcome.
  ['submitting', { attempts: 0 }, 0, 'resend', 1, 0],
  ['submitting', { attempts: 6, nextActionAt: NOW - HOUR }, 0, 'resend', 1, 0],
  // Polls are spread at 5 a second across the recovered tasks.
  ['generating', { attempts: 2, taskId: 'task_1', nextActionAt: NOW + HOUR }, 0, 'poll', 0, 0],
  ['generating', { taskId: 'task_1' }, 1, 'poll', 0, 200],
  ['generating', { taskId: 'task_1' }, 7, 'poll', 0, 1400],
  ['generating', { taskId: 'task_1' }, 500, 'poll', 0, 100_000],
  // The last poll before the restart asked for 2 s: the first poll after it waits for that too.
  ['generating', { taskId: 'task_1', pollNotBefore: NOW + 1500 }, 0, 'poll', 0, 1500],
  ['generating', { taskId: 'task_1', pollNotBefore: NOW - 5000 }, 1, 'poll', 0, 200],
  ['downloading', { attempts: 4, taskId: 'task_1', nextActionAt: NOW + HOUR }, 0, 'run', 0, 0],
  // Waiting for the person stays so; a full disk is looked at again by the queue's disk-full tick, not here.
  ['needs_attention', { attentionFrom: 'generating', attempts: 2, error: diskFull }, 0, 'wait', UNCHANGED, UNCHANGED],
  ['needs_attention', { attentionFrom: 'submitting', attempts: 1, nextActionAt: NOW - HOUR }, 0, 'wait', UNCHANGED, UNCHANGED],
  // Held for a spending cap: nothing was sent; it waits for approval (the services let it go if the caps now allow it).
  [
    'needs_approval',
    { approval: { estimateUsd: 0.64, spentTodayUsd: 4.8, spentMonthUsd: 4.8, dailyCapUsd: 5, exceeded: ['daily'], heldAt: NOW - HOUR } },
    0,
    'wait',
    UNCHANGED,
    UNCHANGED,
  ],
  ['done', { attempts: 0 }, 0, 'none', UNCHANGED, UNCHANGED],
  ['failed', { attempts: 1 }, 0, 'none', UNCHANGED, UNCHANGED],
  ['expired', { linkRefreshed: true }, 0, 'none', UNCHANGED, UNCHANGED],
  ['stopped', { nextActionAt: NOW - HOUR }, 0, 'none', UNCHANGED, UNCHANGED],
];

describe('job recovery: each journal state after a restart', () => {
  it('the table covers every state', () => {
    expect([...new Set(TABLE.map(([state]) => state))].sort()).toEqual([...JOB_STATES].sort());
  });

  it.each(TABLE)('%s %j (poll slot %i) → %s, attempts %s, next action at now + %s', (state, journal, slot, plan, attempts, delay) => {
    expect(RESTART_PLAN[state]).toBe(plan);
    const before = makeJob(state, journal);
    const after = recoverJob(before, NOW, slot);
    if (attempts === UNCHANGED) {
      expect(after).toBe(before);
      return;
    }
    expect(after).toEqual({ ...before, attempts, nextActionAt: NOW + (delay as number) });
  });

  it('runs again exactly the states the scheduler runs', () => {
    for (const state of JOB_STATES) expect(RESTART_PLAN[state] !== 'wait' && RESTART_PLAN[state] !== 'none', state).toBe(isActive(state));
  });
});

describe('job recovery: the whole journal', () => {
  it('keeps the order, counts the jobs it resumes and spreads the polls in journal order', () => {
    const journal = [
      makeJob('done', { id: 'a' }),
      makeJob('generating', { id: 'b', taskId: 't1' }),
      makeJob('submitting', { id: 'c' }),
      makeJob('needs_attention', { id: 'd', attentionFrom: 'downloading', error: diskFull }),
      makeJob('generating', { id: 'e', taskId: 't2' }),
      makeJob('queued', { id: 'f' }),
      makeJob('generating', { id: 'g', taskId: 't3' }),
    ];
    const { jobs, resumed } = recoverJournal(journal, NOW);
    expect(jobs.map((j) => j.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(resumed).toBe(5);
    expect(jobs.map((j) => [j.id, j.nextActionAt === undefined ? undefined : j.nextActionAt - NOW, j.attempts])).toEqual([
      ['a', undefined, 0],
      ['b', 0, 0],
      ['c', 0, 1],
      ['d', undefined, 0],
      ['e', 200, 0],
      ['f', 0, 0],
      ['g', 400, 0],
    ]);
    expect(jobs[0]).toBe(journal[0]);
    expect(jobs[3]).toBe(journal[3]);
  });

  it('an empty journal resumes nothing', () => {
    expect(recoverJournal([], NOW)).toEqual({ jobs: [], resumed: 0 });
  });
});
