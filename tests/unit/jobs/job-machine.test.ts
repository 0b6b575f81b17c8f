import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidTransition,
  MAX_SERVER_ERROR_ATTEMPTS,
  MAX_UPLOAD_ATTEMPTS,
  TRANSITIONS,
  accepts,
  transition,
  type JobEvent,
  type JobEventType,
} from '../../../electron/core/jobs/job-machine.js';
import { GenerationRequestSchema, type ApiGenerationBody } from '../../../shared/domain/generation.js';
import {
  JOB_STATES,
  JobSchema,
  TERMINAL_STATES,
  isActive,
  isStarted,
  isTerminal,
  needsAttention,
  type Job,
  type JobApproval,
  type JobOutput,
  type JobState,
} from '../../../shared/domain/job.js';
import { AppErrorCodeSchema, type AppError, type AppErrorCode } from '../../../shared/errors.js';

const NOW = Date.UTC(2026, 0, 1);
const HOUR = 3600_000;
const KEY = 'keyframe-0d9c7a52-3f1e-4b6a-9a51-1c2d3e4f5a6b';

const BODY: ApiGenerationBody = {
  model: 'veo3.1-fast-official',
  prompt: 'a paper boat',
  duration: 8,
  aspect_ratio: '16:9',
  resolution: '720p',
  first_frame_image: 'https://upload.apimart.ai/f/image/first.png',
  sample_count: 1,
  generate_audio: false,
  person_generation: 'allow_adult',
};
const OTHER_BODY: ApiGenerationBody = { ...BODY, prompt: 'a different prompt', duration: 4 };
/** The figures of a job held for passing its daily cap. */
const APPROVAL: JobApproval = { estimateUsd: 0.64, spentTodayUsd: 4.8, spentMonthUsd: 20, dailyCapUsd: 5, exceeded: ['daily'], heldAt: NOW - 60_000 };

const err = (code: AppErrorCode, retryable: boolean, extra: Partial<AppError> = {}): AppError => ({ code, retryable, message: `${code} happened.`, ...extra });
const NET = err('network', true);

const output = (index: number, patch: Partial<JobOutput> = {}): JobOutput => ({
  index,
  fileName: `video-${index + 1}.mp4`,
  url: `https://cdn.example.com/v${index}.mp4`,
  bytesDone: 0,
  saved: false,
  ...patch,
});

/** A realistic job in `state`; deep-frozen so any mutation of the input by the machine throws. */
function makeJob(state: JobState, patch: Partial<Job> = {}): Job {
  const base: Job = {
    schema: 'keyframe.job/1',
    id: 'job-1',
    provider: 'apimart',
    createdAt: NOW - HOUR,
    updatedAt: NOW - HOUR,
    state,
    request: GenerationRequestSchema.parse({ prompt: 'a paper boat', first_frame_image: { kind: 'file', path: '/frames/first.png' } }),
    idempotencyKey: KEY,
    frames: [{ role: 'first', path: '/frames/first.png', sha256: 'ab'.repeat(32), bytes: 1234, contentType: 'image/png' }],
    outputDir: '/videos',
    nameTemplate: '{date}-{prompt}',
    requestIds: [],
    outputs: [],
    linkRefreshed: false,
    attempts: 0,
    polls: 0,
    parked: false,
    appVersion: '0.0.0-test',
  };
  const afterSubmit: Partial<Job> = { body: { ...BODY }, frames: [{ ...base.frames[0]!, uploadedUrl: BODY.first_frame_image }] };
  const withTask: Partial<Job> = { ...afterSubmit, taskId: 'task_1', submittedAt: NOW - 60_000, requestIds: ['req_0'], providerStatus: 'processing', polls: 3 };
  const withOutputs: Partial<Job> = { ...withTask, videos: [{ urls: ['https://cdn.example.com/v0.mp4'], expiresAt: NOW + 24 * HOUR }], outputs: [output(0)] };
  const byState: Record<JobState, Partial<Job>> = {
    queued: {},
    uploading: {},
    submitting: afterSubmit,
    generating: withTask,
    downloading: withOutputs,
    done: { ...withOutputs, outputs: [output(0, { saved: true, bytesDone: 1000, bytesTotal: 1000, sidecarName: 'video-1.keyframe.json' })] },
    failed: { ...withTask, error: err('content_policy', false) },
    expired: { ...withOutputs, linkRefreshed: true, error: err('link_expired', false) },
    needs_attention: { ...withTask, attentionFrom: 'generating', error: err('auth', false) },
    needs_approval: { approval: APPROVAL, error: err('payment_required', false) },
    stopped: withTask,
  };
  return deepFreeze({ ...base, ...byState[state], ...patch });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** One representative event of every type. The mapped type makes a new event type a compile error here. */
const SAMPLE: { [K in JobEventType]: Extract<JobEvent, { type: K }> } = {
  start: { type: 'start', needsUpload: false, body: BODY },
  frame_uploaded: { type: 'frame_uploaded', role: 'first', url: 'https://upload.apimart.ai/f/image/new.png', expiresAt: NOW + 72 * HOUR },
  body_frozen: { type: 'body_frozen', body: BODY },
  submit_accepted: { type: 'submit_accepted', taskId: 'task_new', requestIds: ['req_submit', 'req_body'], replayed: true, estimatedTimeS: 90, firstPollAt: NOW + 2000 },
  submit_completed: {
    type: 'submit_completed',
    requestIds: ['req_result'],
    replayed: false,
    videos: [{ urls: ['https://cdn.example.com/result.mp4'], expiresAt: NOW + 72 * HOUR }],
    outputs: [output(0, { url: 'https://cdn.example.com/result.mp4' })],
    thumbnailUrl: 'https://cdn.example.com/result.jpg',
    costUsd: 0.512,
    credits: 5.12,
    actualTimeS: 40,
    completedAt: NOW - 1000,
  },
  step_failed: { type: 'step_failed', error: NET, retryAt: NOW + 5000 },
  rate_limited: { type: 'rate_limited', error: err('rate_limited', true, { retryAfterMs: 30_000 }), retryAt: NOW + 30_000 },
  polled: { type: 'polled', status: 'processing', progress: 40, estimatedTimeS: 120, requestId: 'req_poll', nextPollAt: NOW + 3000, notBefore: NOW + 2000, parked: false },
  task_completed: {
    type: 'task_completed',
    videos: [{ urls: ['https://cdn.example.com/new.mp4'], expiresAt: NOW + 24 * HOUR }],
    outputs: [output(0, { url: 'https://cdn.example.com/new.mp4' })],
    thumbnailUrl: 'https://cdn.example.com/thumb.jpg',
    costUsd: 0.512,
    credits: 5.12,
    actualTimeS: 70,
    completedAt: NOW - 10_000,
  },
  task_failed: { type: 'task_failed', error: err('content_policy', false) },
  download_progress: { type: 'download_progress', index: 0, bytesDone: 100, bytesTotal: 1000 },
  output_saved: { type: 'output_saved', index: 0, bytes: 1000, sidecarName: 'video-1.keyframe.json' },
  link_expired: { type: 'link_expired', error: err('link_expired', true) },
  links_refreshed: { type: 'links_refreshed', videos: [{ urls: ['https://cdn.example.com/fresh.mp4'] }] },
  stop: { type: 'stop' },
  resume: { type: 'resume' },
  approval_needed: { type: 'approval_needed', approval: APPROVAL, error: err('payment_required', false) },
  approve: { type: 'approve' },
};

/** Every event type, listed by hand; the checks below make the list, SAMPLE and TRANSITIONS agree. */
const ALL_EVENT_TYPES = [
  'start',
  'frame_uploaded',
  'body_frozen',
  'submit_accepted',
  'submit_completed',
  'step_failed',
  'rate_limited',
  'polled',
  'task_completed',
  'task_failed',
  'download_progress',
  'output_saved',
  'link_expired',
  'links_refreshed',
  'stop',
  'resume',
  'approval_needed',
  'approve',
] as const satisfies readonly JobEventType[];
// Compile-time: a JobEventType missing from the list above fails the typecheck.
type MissingEventType = Exclude<JobEventType, (typeof ALL_EVENT_TYPES)[number]>;
const _everyEventListed: [MissingEventType] extends [never] ? true : false = true;

/** What the SAMPLE event does in a state that accepts it: the state it lands in, and what else must hold. */
type Outcome = { to: JobState; check?: (after: Job, before: Job) => void };
const to = (state: JobState, check?: (after: Job, before: Job) => void): Outcome => ({ to: state, ...(check ? { check } : {}) });

const sameStateRetry = (after: Job, before: Job) => {
  expect(after.attempts).toBe(before.attempts + 1);
  expect(after.nextActionAt).toBe(NOW + 5000);
  expect(after.error).toEqual(NET);
};
const rateLimitedWait = (after: Job, before: Job) => {
  expect(after.attempts).toBe(before.attempts);
  expect(after.nextActionAt).toBe(NOW + 30_000);
  expect(after.error?.code).toBe('rate_limited');
};
const stopped = (after: Job, before: Job) => {
  expect(after.nextActionAt).toBeUndefined();
  expect(after.attentionFrom).toBeUndefined();
  expect(after.taskId).toBe(before.taskId);
  expect(after.idempotencyKey).toBe(KEY);
};

/** The sample events' outcomes; which pairs are legal at all is the module's TRANSITIONS, not this. */
const SAMPLE_OUTCOMES: Record<JobState, Partial<Record<JobEventType, Outcome>>> = {
  queued: {
    start: to('submitting', (a) => {
      expect(a.body).toEqual(BODY);
      expect(a.attempts).toBe(0);
      expect(a.nextActionAt).toBe(NOW);
    }),
    step_failed: to('queued', sameStateRetry),
    approval_needed: to('needs_approval', (a) => {
      expect(a.approval).toEqual(APPROVAL);
      expect(a.error?.code).toBe('payment_required');
      expect(a.nextActionAt).toBeUndefined();
      expect(a.body).toBeUndefined();
    }),
    stop: to('stopped', stopped),
  },
  uploading: {
    frame_uploaded: to('uploading', (a) => {
      expect(a.frames[0]?.uploadedUrl).toBe('https://upload.apimart.ai/f/image/new.png');
      expect(a.frames[0]?.uploadedExpiresAt).toBe(NOW + 72 * HOUR);
      expect(a.frames[0]?.sha256).toBe('ab'.repeat(32));
    }),
    body_frozen: to('submitting', (a) => {
      expect(a.body).toEqual(BODY);
      expect(a.nextActionAt).toBe(NOW);
    }),
    step_failed: to('uploading', sameStateRetry),
    rate_limited: to('uploading', rateLimitedWait),
    stop: to('stopped', stopped),
  },
  submitting: {
    submit_accepted: to('generating', (a) => {
      expect(a).toMatchObject({ taskId: 'task_new', providerStatus: 'submitted', progress: 0, polls: 0, attempts: 0, submittedAt: NOW, estimatedTimeS: 90 });
      expect(a.nextActionAt).toBe(NOW + 2000);
      expect(a.pollNotBefore).toBe(NOW + 2000);
      expect(a.requestIds).toEqual(['req_submit', 'req_body']);
      expect(a.submitReplayed).toBe(true);
      expect(a.body).toEqual(BODY);
    }),
    submit_completed: to('downloading', (a) => {
      expect(a).toMatchObject({ providerStatus: 'completed', progress: 100, costUsd: 0.512, credits: 5.12, actualTimeS: 40, completedAt: NOW - 1000 });
      expect(a.taskId).toBeUndefined();
      expect(a.submittedAt).toBe(NOW);
      expect(a.submitReplayed).toBe(false);
      expect(a.requestIds).toEqual(['req_result']);
      expect(a.videos).toEqual(SAMPLE.submit_completed.videos);
      expect(a.outputs).toEqual([output(0, { url: 'https://cdn.example.com/result.mp4' })]);
      expect(a.thumbnailUrl).toBe('https://cdn.example.com/result.jpg');
      expect(a.nextActionAt).toBe(NOW);
      expect(a.body).toEqual(BODY);
    }),
    step_failed: to('submitting', sameStateRetry),
    rate_limited: to('submitting', rateLimitedWait),
    stop: to('stopped', stopped),
  },
  generating: {
    step_failed: to('generating', sameStateRetry),
    rate_limited: to('generating', rateLimitedWait),
    polled: to('generating', (a, b) => {
      expect(a).toMatchObject({ providerStatus: 'processing', progress: 40, estimatedTimeS: 120, polls: b.polls + 1, parked: false, nextActionAt: NOW + 3000, pollNotBefore: NOW + 2000 });
      expect(a.requestIds).toEqual(['req_0', 'req_poll']);
    }),
    task_completed: to('downloading', (a) => {
      expect(a).toMatchObject({ providerStatus: 'completed', progress: 100, costUsd: 0.512, credits: 5.12, actualTimeS: 70, completedAt: NOW - 10_000 });
      expect(a.thumbnailUrl).toBe('https://cdn.example.com/thumb.jpg');
      expect(a.outputs).toEqual([output(0, { url: 'https://cdn.example.com/new.mp4' })]);
      expect(a.videos).toEqual(SAMPLE.task_completed.videos);
      expect(a.nextActionAt).toBe(NOW);
    }),
    task_failed: to('failed', (a) => {
      expect(a.error?.code).toBe('content_policy');
      expect(a.providerStatus).toBe('failed');
      expect(a.nextActionAt).toBeUndefined();
    }),
    links_refreshed: to('downloading', (a) => expect(a.videos).toEqual([{ urls: ['https://cdn.example.com/fresh.mp4'] }])),
    stop: to('stopped', stopped),
  },
  downloading: {
    step_failed: to('downloading', sameStateRetry),
    rate_limited: to('downloading', rateLimitedWait),
    download_progress: to('downloading', (a) => expect(a.outputs[0]).toMatchObject({ bytesDone: 100, bytesTotal: 1000, saved: false })),
    output_saved: to('done', (a) => {
      expect(a.outputs[0]).toMatchObject({ saved: true, bytesDone: 1000, bytesTotal: 1000, sidecarName: 'video-1.keyframe.json' });
      expect(a.nextActionAt).toBeUndefined();
    }),
    link_expired: to('generating', (a) => {
      expect(a.linkRefreshed).toBe(true);
      expect(a.nextActionAt).toBe(NOW);
      expect(a.outputs).toEqual([output(0)]);
    }),
    stop: to('stopped', stopped),
  },
  done: {},
  failed: {},
  expired: {},
  needs_attention: {
    stop: to('stopped', stopped),
    resume: to('generating', (a) => {
      expect(a.attentionFrom).toBeUndefined();
      expect(a.attempts).toBe(0);
      expect(a.error).toBeUndefined();
      expect(a.nextActionAt).toBe(NOW);
    }),
  },
  needs_approval: {
    // Approved once: back to the queue, the figures kept with the time of approval.
    approve: to('queued', (a) => {
      expect(a.approval).toEqual({ ...APPROVAL, approvedAt: NOW });
      expect(a.error).toBeUndefined();
      expect(a.nextActionAt).toBe(NOW);
    }),
    // Checked against the caps again: the old figures go.
    resume: to('queued', (a) => {
      expect(a.approval).toBeUndefined();
      expect(a.error).toBeUndefined();
      expect(a.nextActionAt).toBe(NOW);
    }),
    stop: to('stopped', stopped),
  },
  stopped: {},
};

/**
 * For every state a TRANSITIONS entry lists, a job and event that lead there, so the table
 * claims no move the machine cannot make. Keyed `state event → target`.
 */
const REACHES: Record<string, [Job, JobEvent]> = {
  'queued start → uploading': [makeJob('queued'), { type: 'start', needsUpload: true }],
  'queued start → submitting': [makeJob('queued'), SAMPLE.start],
  'queued step_failed → queued': [makeJob('queued'), SAMPLE.step_failed],
  'queued step_failed → failed': [makeJob('queued'), { type: 'step_failed', error: err('invalid_request', false), retryAt: NOW }],
  'queued step_failed → needs_attention': [makeJob('queued'), { type: 'step_failed', error: err('disk_full', false), retryAt: NOW }],
  'uploading step_failed → failed': [makeJob('uploading'), { type: 'step_failed', error: err('unsupported_media', false), retryAt: NOW }],
  'uploading step_failed → needs_attention': [makeJob('uploading', { attempts: MAX_UPLOAD_ATTEMPTS - 1 }), { type: 'step_failed', error: err('timeout', true), retryAt: NOW }],
  'submitting step_failed → failed': [makeJob('submitting'), { type: 'step_failed', error: err('payment_required', false), retryAt: NOW }],
  'submitting step_failed → needs_attention': [makeJob('submitting', { attempts: 1 }), { type: 'step_failed', error: err('auth', false), retryAt: NOW }],
  'generating step_failed → needs_attention': [makeJob('generating'), { type: 'step_failed', error: err('auth', false), retryAt: NOW }],
  'downloading step_failed → needs_attention': [makeJob('downloading'), { type: 'step_failed', error: err('io', false), retryAt: NOW }],
  'downloading output_saved → downloading': [makeJob('downloading', { outputs: [output(0), output(1)] }), SAMPLE.output_saved],
  'downloading link_expired → expired': [makeJob('downloading', { linkRefreshed: true }), SAMPLE.link_expired],
  'needs_attention resume → queued': [makeJob('needs_attention', { attentionFrom: 'queued' }), SAMPLE.resume],
  'needs_attention resume → uploading': [makeJob('needs_attention', { attentionFrom: 'uploading' }), SAMPLE.resume],
  'needs_attention resume → submitting': [makeJob('needs_attention', { attentionFrom: 'submitting' }), SAMPLE.resume],
  'needs_attention resume → downloading': [makeJob('needs_attention', { attentionFrom: 'downloading' }), SAMPLE.resume],
};

describe('job machine: TRANSITIONS against transition(), every state × every event', () => {
  it('the event list and the samples cover every event type, the tables every state', () => {
    expect(_everyEventListed).toBe(true);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...JOB_STATES].sort());
    expect(Object.keys(SAMPLE_OUTCOMES).sort()).toEqual([...JOB_STATES].sort());
    expect(Object.keys(SAMPLE).sort()).toEqual([...ALL_EVENT_TYPES].sort());
    expect(JOB_STATES.length * ALL_EVENT_TYPES.length).toBe(198);
  });

  it('there is a sample outcome for exactly the pairs the table accepts', () => {
    for (const state of JOB_STATES) expect(Object.keys(SAMPLE_OUTCOMES[state]).sort(), state).toEqual(Object.keys(TRANSITIONS[state]).sort());
  });

  const pairs = JOB_STATES.flatMap((state) => ALL_EVENT_TYPES.map((event) => [state, event] as const));

  it.each(pairs)('%s + %s', (state, eventType) => {
    const targets = TRANSITIONS[state][eventType];
    expect(accepts(state, eventType)).toBe(targets !== undefined);
    const before = makeJob(state);
    const event = SAMPLE[eventType];
    if (targets === undefined) {
      let thrown: unknown;
      try {
        transition(before, event, NOW);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(InvalidTransition);
      expect((thrown as InvalidTransition).state).toBe(state);
      expect((thrown as InvalidTransition).event).toBe(eventType);
      expect((thrown as Error).message).toBe(`event ${eventType} is not valid in state ${state}`);
      return;
    }
    const outcome = SAMPLE_OUTCOMES[state][eventType];
    if (!outcome) throw new Error(`no sample outcome for ${state} + ${eventType}`);
    const after = transition(before, event, NOW);
    expect(targets).toContain(after.state);
    expect(after.state).toBe(outcome.to);
    expect(after.updatedAt).toBe(NOW);
    expect(after.idempotencyKey).toBe(KEY);
    expect(after.id).toBe(before.id);
    if (before.body) expect(after.body).toEqual(before.body);
    // Every result is still a valid journal record.
    const valid = JobSchema.safeParse(after);
    expect(valid.success, valid.success ? '' : JSON.stringify(valid.error.issues)).toBe(true);
    outcome.check?.(after, before);
  });

  it('every state the table lists for an event is one that event really leads to', () => {
    const shown = new Set<string>();
    for (const state of JOB_STATES) {
      for (const [eventType, outcome] of Object.entries(SAMPLE_OUTCOMES[state])) if (outcome) shown.add(`${state} ${eventType} → ${outcome.to}`);
    }
    for (const [name, [job, event]] of Object.entries(REACHES)) {
      expect(`${job.state} ${event.type} → ${transition(job, event, NOW).state}`).toBe(name);
      shown.add(name);
    }
    const listed = JOB_STATES.flatMap((state) =>
      Object.entries(TRANSITIONS[state]).flatMap(([eventType, targets]) => (targets ?? []).map((target) => `${state} ${eventType} → ${target}`)),
    );
    expect(listed.filter((move) => !shown.has(move))).toEqual([]);
  });

  it('agrees with the shared state sets: terminal states accept nothing, active ones fail and stop, started ones wait out a 429', () => {
    for (const state of JOB_STATES) {
      expect(Object.keys(TRANSITIONS[state]).length === 0, state).toBe(isTerminal(state));
      expect(accepts(state, 'step_failed'), state).toBe(isActive(state));
      expect(accepts(state, 'rate_limited'), state).toBe(isStarted(state));
      expect(accepts(state, 'stop'), state).toBe(isActive(state) || needsAttention(state));
      expect(accepts(state, 'resume'), state).toBe(needsAttention(state));
    }
  });
});

describe('job machine: retries', () => {
  const RETRYABLE: AppError[] = [
    err('network', true),
    err('timeout', true),
    err('unavailable', true, { retryAfterMs: 10_000 }),
    err('bad_response', true),
    err('idempotency_in_progress', true),
    err('server_error', true), // no detail: an empty 500
    err('download_failed', true),
  ];

  it.each(['submitting', 'generating', 'downloading'] as const)('retryable errors in %s never fail the job, even after 1000 attempts', (state) => {
    let job = makeJob(state);
    for (let i = 0; i < 1000; i++) {
      const error = RETRYABLE[i % RETRYABLE.length]!;
      job = transition(job, { type: 'step_failed', error, retryAt: NOW + i }, NOW);
      expect(job.state).toBe(state);
      expect(job.attempts).toBe(i + 1);
      expect(job.nextActionAt).toBe(NOW + i);
      expect(job.error).toEqual(error);
    }
    expect(job.taskId).toBe(makeJob(state).taskId);
    expect(job.body).toEqual(makeJob(state).body);
  });

  it('rate limiting never counts against the job: 1000 waits leave attempts unchanged', () => {
    for (const state of ['uploading', 'submitting', 'generating', 'downloading'] as const) {
      let job = makeJob(state, { attempts: 2 });
      for (let i = 0; i < 1000; i++) job = transition(job, { type: 'rate_limited', error: err('rate_limited', true), retryAt: NOW + i }, NOW);
      expect(job.state).toBe(state);
      expect(job.attempts).toBe(2);
      expect(job.nextActionAt).toBe(NOW + 999);
    }
  });

  it(`uploads give up to needs_attention after ${MAX_UPLOAD_ATTEMPTS} attempts, and resume restarts the count`, () => {
    expect(MAX_UPLOAD_ATTEMPTS).toBe(4);
    let job = makeJob('uploading');
    for (let i = 1; i < MAX_UPLOAD_ATTEMPTS; i++) {
      job = transition(job, { type: 'step_failed', error: err('timeout', true), retryAt: NOW + i }, NOW);
      expect(job.state).toBe('uploading');
      expect(job.attempts).toBe(i);
    }
    job = transition(job, { type: 'step_failed', error: err('timeout', true), retryAt: NOW }, NOW);
    expect(job.state).toBe('needs_attention');
    expect(job.attentionFrom).toBe('uploading');
    expect(job.attempts).toBe(MAX_UPLOAD_ATTEMPTS);
    expect(job.nextActionAt).toBeUndefined();
    expect(job.error?.code).toBe('timeout');
    expect(job.error?.message).toMatch(/failed 4 times/);
    const resumed = transition(job, { type: 'resume' }, NOW);
    expect(resumed).toMatchObject({ state: 'uploading', attempts: 0, nextActionAt: NOW });
    expect(resumed.error).toBeUndefined();
  });

  it('a successful frame upload resets the upload attempt count', () => {
    let job = makeJob('uploading', { attempts: MAX_UPLOAD_ATTEMPTS - 1 });
    job = transition(job, SAMPLE.frame_uploaded, NOW);
    expect(job.attempts).toBe(0);
    job = transition(job, { type: 'step_failed', error: NET, retryAt: NOW }, NOW);
    expect(job.state).toBe('uploading');
  });

  it(`a 500 with detail goes to needs_attention after ${MAX_SERVER_ERROR_ATTEMPTS} attempts, in every active step`, () => {
    expect(MAX_SERVER_ERROR_ATTEMPTS).toBe(5);
    const e500 = err('server_error', true, { detail: 'server_error · build_request_failed: something', httpStatus: 500 });
    for (const state of ['queued', 'submitting', 'generating', 'downloading'] as const) {
      let job = makeJob(state);
      for (let i = 1; i < MAX_SERVER_ERROR_ATTEMPTS; i++) {
        job = transition(job, { type: 'step_failed', error: e500, retryAt: NOW }, NOW);
        expect(job.state, `${state} attempt ${i}`).toBe(state);
      }
      job = transition(job, { type: 'step_failed', error: e500, retryAt: NOW }, NOW);
      expect(job.state).toBe('needs_attention');
      expect(job.attentionFrom).toBe(state);
      expect(job.error).toEqual(e500);
    }
  });

  it('retryable errors in queued and uploading wait and retry too', () => {
    expect(transition(makeJob('queued'), { type: 'step_failed', error: NET, retryAt: NOW + 1 }, NOW)).toMatchObject({ state: 'queued', attempts: 1, nextActionAt: NOW + 1 });
    expect(transition(makeJob('uploading'), { type: 'step_failed', error: NET, retryAt: NOW + 1 }, NOW)).toMatchObject({ state: 'uploading', attempts: 1 });
  });
});

describe('job machine: non-retryable errors', () => {
  it('before a task can exist, the job fails with the error (nothing was charged)', () => {
    for (const state of ['queued', 'uploading'] as const) {
      const job = transition(makeJob(state), { type: 'step_failed', error: err('unsupported_media', false), retryAt: NOW }, NOW);
      expect(job).toMatchObject({ state: 'failed', attempts: 1 });
      expect(job.error?.code).toBe('unsupported_media');
      expect(job.nextActionAt).toBeUndefined();
    }
  });

  it('a first submit rejected outright fails the job', () => {
    for (const code of ['invalid_request', 'auth', 'payment_required', 'permission'] as const) {
      const job = transition(makeJob('submitting'), { type: 'step_failed', error: err(code, false), retryAt: NOW }, NOW);
      expect(job.state).toBe('failed');
      expect(job.error?.code).toBe(code);
    }
  });

  it('a submit rejected after an attempt with an unknown outcome waits for the person instead', () => {
    let job = makeJob('submitting');
    job = transition(job, { type: 'step_failed', error: err('timeout', true), retryAt: NOW }, NOW);
    job = transition(job, { type: 'step_failed', error: err('invalid_request', false), retryAt: NOW }, NOW);
    expect(job.state).toBe('needs_attention');
    expect(job.attentionFrom).toBe('submitting');
    expect(job.body).toEqual(BODY);
    expect(job.idempotencyKey).toBe(KEY);
  });

  it.each(['idempotency_indeterminate', 'idempotency_conflict'] as const)('%s on the very first submit goes to needs_attention, keeping key and body', (code) => {
    const job = transition(makeJob('submitting'), { type: 'step_failed', error: err(code, false), retryAt: NOW }, NOW);
    expect(job.state).toBe('needs_attention');
    expect(job.attentionFrom).toBe('submitting');
    expect(job.idempotencyKey).toBe(KEY);
    expect(job.body).toEqual(BODY);
    const resumed = transition(job, { type: 'resume' }, NOW);
    expect(resumed.state).toBe('submitting');
    expect(resumed.body).toEqual(BODY);
  });

  it('once a task exists, a non-retryable error never fails the job: it waits for the person', () => {
    for (const state of ['generating', 'downloading'] as const) {
      for (const code of ['auth', 'invalid_file', 'io', 'permission'] as const) {
        const job = transition(makeJob(state), { type: 'step_failed', error: err(code, false), retryAt: NOW }, NOW);
        expect(job.state).toBe('needs_attention');
        expect(job.attentionFrom).toBe(state);
        expect(job.taskId).toBe('task_1');
      }
    }
  });

  it('only task_failed fails a generating job', () => {
    const job = transition(makeJob('generating'), { type: 'task_failed', error: err('content_policy', false) }, NOW);
    expect(job.state).toBe('failed');
  });
});

describe('job machine: body, links, outputs, stop and resume', () => {
  it('the body is frozen once: body_frozen and start never replace an existing body', () => {
    const frozen = transition(makeJob('uploading', { body: { ...BODY } }), { type: 'body_frozen', body: OTHER_BODY }, NOW);
    expect(frozen.state).toBe('submitting');
    expect(frozen.body).toEqual(BODY);
    const started = transition(makeJob('queued', { body: { ...BODY } }), { type: 'start', needsUpload: false, body: OTHER_BODY }, NOW);
    expect(started.body).toEqual(BODY);
    const startedNoEventBody = transition(makeJob('queued', { body: { ...BODY } }), { type: 'start', needsUpload: false }, NOW);
    expect(startedNoEventBody.body).toEqual(BODY);
  });

  it('a frozen body is a copy: changing the event body later does not change the job', () => {
    const eventBody: ApiGenerationBody = { ...BODY };
    const job = transition(makeJob('uploading'), { type: 'body_frozen', body: eventBody }, NOW);
    eventBody.prompt = 'mutated';
    expect(job.body?.prompt).toBe('a paper boat');
  });

  it('start with uploads goes to uploading; without uploads it needs a body', () => {
    expect(transition(makeJob('queued'), { type: 'start', needsUpload: true }, NOW)).toMatchObject({ state: 'uploading', attempts: 0, nextActionAt: NOW });
    expect(() => transition(makeJob('queued'), { type: 'start', needsUpload: false }, NOW)).toThrow(/needs the body/);
  });

  it('link_expired: the first time looks for fresh links, the second time is final', () => {
    let job = makeJob('downloading', { outputs: [output(0), output(1)] });
    job = transition(job, { type: 'link_expired', error: err('link_expired', true) }, NOW);
    expect(job).toMatchObject({ state: 'generating', linkRefreshed: true });
    job = transition(job, { type: 'links_refreshed', videos: [{ urls: ['https://cdn.example.com/fresh0.mp4'] }, { urls: ['https://cdn.example.com/fresh1.mp4'] }] }, NOW);
    expect(job.state).toBe('downloading');
    expect(job.error).toBeUndefined();
    // Fresh URLs, same reserved file names (so .part files resume).
    expect(job.outputs.map((o) => [o.fileName, o.url])).toEqual([
      ['video-1.mp4', 'https://cdn.example.com/fresh0.mp4'],
      ['video-2.mp4', 'https://cdn.example.com/fresh1.mp4'],
    ]);
    expect(job.linkRefreshed).toBe(true);
    job = transition(job, { type: 'link_expired', error: err('link_expired', false) }, NOW);
    expect(job.state).toBe('expired');
    expect(job.nextActionAt).toBeUndefined();
    expect(() => transition(job, { type: 'resume' }, NOW)).toThrow(InvalidTransition);
  });

  it('task_completed after a refresh keeps the reserved file names', () => {
    const job = transition(makeJob('generating', { outputs: [output(0, { bytesDone: 500 })], linkRefreshed: true }), SAMPLE.task_completed, NOW);
    expect(job.outputs).toEqual([output(0, { bytesDone: 500, url: 'https://cdn.example.com/new.mp4' })]);
  });

  it('done only when every output is saved', () => {
    let job = makeJob('downloading', { outputs: [output(0), output(1), output(2)] });
    job = transition(job, { type: 'output_saved', index: 1, bytes: 10, sidecarName: 's1' }, NOW);
    expect(job).toMatchObject({ state: 'downloading', nextActionAt: NOW });
    job = transition(job, { type: 'output_saved', index: 0, bytes: 10, sidecarName: 's0' }, NOW);
    expect(job.state).toBe('downloading');
    job = transition(job, { type: 'output_saved', index: 2, bytes: 10, sidecarName: 's2' }, NOW);
    expect(job.state).toBe('done');
    expect(job.outputs.every((o) => o.saved)).toBe(true);
    expect(job.nextActionAt).toBeUndefined();
  });

  it('download_progress only touches its own output and keeps a known total', () => {
    let job = makeJob('downloading', { outputs: [output(0, { bytesTotal: 900 }), output(1)] });
    job = transition(job, { type: 'download_progress', index: 0, bytesDone: 300 }, NOW);
    expect(job.outputs).toEqual([output(0, { bytesTotal: 900, bytesDone: 300 }), output(1)]);
  });

  it('polled keeps request ids unique and at most 20', () => {
    let job = makeJob('generating');
    for (let i = 0; i < 30; i++) job = transition(job, { ...SAMPLE.polled, requestId: `req_${i % 25}` }, NOW);
    // The most recent 20 distinct ids, oldest first (ids that fell off may come back).
    expect(job.requestIds).toEqual([...Array.from({ length: 15 }, (_, i) => `req_${i + 10}`), 'req_0', 'req_1', 'req_2', 'req_3', 'req_4']);
    expect(new Set(job.requestIds).size).toBe(20);
    expect(job.polls).toBe(33);
  });

  it('stop works from every active state and needs_attention; from a terminal state it throws', () => {
    for (const state of ['queued', 'uploading', 'submitting', 'generating', 'downloading', 'needs_attention'] as const) {
      const job = transition(makeJob(state), { type: 'stop' }, NOW);
      expect(job.state).toBe('stopped');
      expect(job.nextActionAt).toBeUndefined();
    }
    for (const state of TERMINAL_STATES) expect(() => transition(makeJob(state), { type: 'stop' }, NOW)).toThrow(InvalidTransition);
  });

  it('resume returns to the step the job was in, or to queued if unknown', () => {
    for (const from of ['queued', 'uploading', 'submitting', 'generating', 'downloading'] as const) {
      const job = transition(makeJob('needs_attention', { attentionFrom: from, attempts: 7 }), { type: 'resume' }, NOW);
      expect(job).toMatchObject({ state: from, attempts: 0, nextActionAt: NOW });
      expect(job.attentionFrom).toBeUndefined();
    }
    expect(transition(makeJob('needs_attention', { attentionFrom: undefined }), { type: 'resume' }, NOW).state).toBe('queued');
  });
});

describe('job machine: property — random event sequences', () => {
  const errorArb: fc.Arbitrary<AppError> = fc.record({
    code: fc.constantFrom(...AppErrorCodeSchema.options),
    retryable: fc.boolean(),
    message: fc.constant('something went wrong.'),
    detail: fc.option(fc.constant('server_error · detail'), { nil: undefined }),
  });
  const t = fc.integer({ min: 0, max: 10 * HOUR }).map((d) => NOW + d);
  const videosArb = fc.integer({ min: 1, max: 3 }).map((n) => Array.from({ length: n }, (_, i) => ({ urls: [`https://cdn.example.com/${i}.mp4`], expiresAt: NOW + 24 * HOUR })));
  const eventArb: fc.Arbitrary<JobEvent> = fc.oneof(
    fc.record({ type: fc.constant('start' as const), needsUpload: fc.boolean(), body: fc.constantFrom(BODY, OTHER_BODY) }),
    fc.record({ type: fc.constant('frame_uploaded' as const), role: fc.constantFrom('first' as const, 'last' as const), url: fc.constant('https://u.example/f.png'), expiresAt: t }),
    fc.record({ type: fc.constant('body_frozen' as const), body: fc.constantFrom(BODY, OTHER_BODY) }),
    fc.record({ type: fc.constant('submit_accepted' as const), taskId: fc.constantFrom('task_a', 'task_b'), requestIds: fc.constant(['req_a']), replayed: fc.boolean(), firstPollAt: t }),
    videosArb.map((videos): JobEvent => ({
      type: 'submit_completed',
      requestIds: ['req_result'],
      replayed: false,
      videos,
      outputs: videos.map((v, index) => ({ index, fileName: `v${index}.mp4`, url: v.urls[0], bytesDone: 0, saved: false })),
      completedAt: NOW,
    })),
    fc.record({ type: fc.constant('step_failed' as const), error: errorArb, retryAt: t }),
    fc.record({ type: fc.constant('rate_limited' as const), error: fc.constant(err('rate_limited', true)), retryAt: t }),
    fc.record({ type: fc.constant('polled' as const), status: fc.constantFrom('processing', 'weird'), progress: fc.integer({ min: 0, max: 100 }), nextPollAt: t, notBefore: t, parked: fc.boolean() }),
    videosArb.map((videos): JobEvent => ({
      type: 'task_completed',
      videos,
      outputs: videos.map((v, index) => ({ index, fileName: `v${index}.mp4`, url: v.urls[0], bytesDone: 0, saved: false })),
      completedAt: NOW,
    })),
    fc.record({ type: fc.constant('task_failed' as const), error: errorArb }),
    fc.record({ type: fc.constant('download_progress' as const), index: fc.integer({ min: 0, max: 2 }), bytesDone: fc.nat(1000) }),
    fc.record({ type: fc.constant('output_saved' as const), index: fc.integer({ min: 0, max: 2 }), bytes: fc.nat(1000), sidecarName: fc.constant('s.json') }),
    fc.record({ type: fc.constant('link_expired' as const), error: fc.constant(err('link_expired', true)) }),
    videosArb.map((videos): JobEvent => ({ type: 'links_refreshed', videos })),
    fc.constant({ type: 'stop' as const }),
    fc.constant({ type: 'resume' as const }),
  );

  it('never fails via a retryable error, never loses the key or the body, and stays a valid record', () => {
    const reached = new Set<JobState>();
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 80 }), (events) => {
        let job = makeJob('queued');
        let frozenBody: Job['body'];
        for (const [i, event] of events.entries()) {
          let after: Job;
          try {
            after = transition(job, event, NOW + i);
          } catch (e) {
            expect(e).toBeInstanceOf(InvalidTransition);
            expect((e as InvalidTransition).state).toBe(job.state);
            continue;
          }
          expect(isTerminal(job.state), `${job.state} accepted ${event.type}`).toBe(false);
          expect(TRANSITIONS[job.state][event.type], `${job.state} + ${event.type} → ${after.state}`).toContain(after.state);
          if (after.state === 'failed') {
            const legit = event.type === 'task_failed' || (event.type === 'step_failed' && !event.error.retryable);
            expect(legit, `failed via ${JSON.stringify(event)}`).toBe(true);
          }
          if (event.type === 'step_failed' && event.error.retryable) expect(after.state).not.toBe('failed');
          expect(after.idempotencyKey).toBe(KEY);
          if (frozenBody !== undefined) expect(after.body).toEqual(frozenBody);
          frozenBody ??= after.body;
          if (after.state === 'needs_attention') expect(after.attentionFrom).toBeDefined();
          if (after.state === 'generating') expect(after.taskId).toBeDefined();
          // Downloading has either a task or a synchronous result's links (and then no task to look at again).
          if (after.state === 'downloading') expect(after.taskId !== undefined || (after.videos?.length ?? 0) > 0).toBe(true);
          expect(JobSchema.safeParse(after).success).toBe(true);
          reached.add(after.state);
          job = after;
        }
      }),
      { numRuns: 500, seed: 20260101 },
    );
    // The property is only meaningful if the walks reach the interesting states.
    for (const state of ['submitting', 'generating', 'downloading', 'done', 'failed', 'needs_attention', 'stopped'] as const) {
      expect(reached.has(state), `never reached ${state}`).toBe(true);
    }
  });
});
