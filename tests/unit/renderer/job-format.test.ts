import { describe, expect, it } from 'vitest';
import { ACTIVE_STATES, JOB_STATES, type JobState } from '../../../shared/domain/job.js';
import { AppErrorCodeSchema, type AppErrorCode } from '../../../shared/errors.js';
import type { JobView } from '../../../shared/ipc/views.js';
import {
  firstVideoId,
  formatBytes,
  formatSeconds,
  isActive,
  jobBytes,
  jobFraction,
  problemOf,
  type Problem,
} from '../../../renderer/src/features/queue/job-format.js';
import { jobView, output } from './view-samples.js';

/** The queue row's numbers and words: progress, times, sizes, and which explanation a failed job gets. */

describe('isActive', () => {
  const active: Record<JobState, boolean> = {
    queued: true,
    uploading: true,
    submitting: true,
    generating: true,
    downloading: true,
    done: false,
    failed: false,
    expired: false,
    needs_attention: false,
    needs_approval: false,
    stopped: false,
  };
  it.each(JOB_STATES.map((state) => [state, active[state]] as const))('%s → %s', (state, want) => {
    expect(isActive(jobView({ state }))).toBe(want);
    expect(ACTIVE_STATES.includes(state)).toBe(want);
  });
});

describe('jobFraction', () => {
  it.each([
    ['done, whatever the outputs say', jobView({ state: 'done', outputs: [output({ bytesDone: 0 })] }), 1],
    ['generating at 45%', jobView({ state: 'generating', progress: 45 }), 0.45],
    ['generating at 100%', jobView({ state: 'generating', progress: 100 }), 1],
    ['generating at 0% (just submitted: the bar keeps moving)', jobView({ state: 'generating', progress: 0 }), undefined],
    ['generating before the provider reports', jobView({ state: 'generating' }), undefined],
    ['queued', jobView({ state: 'queued', progress: 50 }), undefined],
    ['uploading', jobView({ state: 'uploading' }), undefined],
    ['submitting', jobView({ state: 'submitting' }), undefined],
    ['failed with a last known progress', jobView({ state: 'failed', progress: 80 }), undefined],
    ['needs attention', jobView({ state: 'needs_attention', progress: 80 }), undefined],
    ['downloading one file, a quarter in', jobView({ state: 'downloading', outputs: [output({ bytesDone: 250, bytesTotal: 1000 })] }), 0.25],
    ['downloading one file, nothing received yet', jobView({ state: 'downloading', outputs: [output({ bytesDone: 0, bytesTotal: 1000 })] }), 0],
    ['downloading with no length known (no Content-Length)', jobView({ state: 'downloading', outputs: [output({ bytesDone: 500 })] }), undefined],
    ['downloading before the first response', jobView({ state: 'downloading', outputs: [output()] }), undefined],
    ['downloading with no outputs listed', jobView({ state: 'downloading', outputs: [] }), undefined],
    [
      'downloading two files of known size',
      jobView({ state: 'downloading', outputs: [output({ bytesDone: 1000, bytesTotal: 1000, saved: true }), output({ index: 1, bytesDone: 500, bytesTotal: 1000 })] }),
      0.75,
    ],
  ])('%s', (_name, job, want) => {
    expect(jobFraction(job)).toBe(want);
  });

  it('never says 100% while a later sample has not started downloading', () => {
    // Samples download one after another: the second one's size is unknown until its response arrives.
    const job = jobView({
      state: 'downloading',
      outputs: [output({ bytesDone: 1000, bytesTotal: 1000, saved: true }), output({ index: 1 }), output({ index: 2 })],
    });
    const fraction = jobFraction(job);
    expect(fraction).toBeDefined();
    expect(fraction).toBeCloseTo(1 / 3);
  });

  it('never goes past 100% when a sample is received without a known length', () => {
    const job = jobView({
      state: 'downloading',
      outputs: [output({ bytesDone: 1000, bytesTotal: 1000, saved: true }), output({ index: 1, bytesDone: 1500 })],
    });
    const fraction = jobFraction(job);
    expect(fraction === undefined || fraction <= 1).toBe(true);
  });

  it('only grows while samples download one after another', () => {
    const total = 1000;
    const steps: JobView['outputs'][] = [
      [output({ bytesDone: 0, bytesTotal: total }), output({ index: 1 })],
      [output({ bytesDone: 600, bytesTotal: total }), output({ index: 1 })],
      [output({ bytesDone: total, bytesTotal: total }), output({ index: 1 })],
      [output({ bytesDone: total, bytesTotal: total, saved: true }), output({ index: 1 })],
      [output({ bytesDone: total, bytesTotal: total, saved: true }), output({ index: 1, bytesDone: 0, bytesTotal: total })],
      [output({ bytesDone: total, bytesTotal: total, saved: true }), output({ index: 1, bytesDone: 400, bytesTotal: total })],
      [output({ bytesDone: total, bytesTotal: total, saved: true }), output({ index: 1, bytesDone: total, bytesTotal: total, saved: true })],
    ];
    const fractions = steps.map((outputs) => jobFraction(jobView({ state: 'downloading', outputs })) ?? -1);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe('jobBytes', () => {
  it('adds up the received and the expected bytes of every output', () => {
    const job = jobView({ outputs: [output({ bytesDone: 100, bytesTotal: 400 }), output({ index: 1, bytesDone: 50, bytesTotal: 600 }), output({ index: 2, bytesDone: 7 })] });
    expect(jobBytes(job)).toEqual({ done: 157, total: 1000 });
  });

  it('is zero for a job with no outputs yet', () => {
    expect(jobBytes(jobView())).toEqual({ done: 0, total: 0 });
  });
});

describe('formatSeconds', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [59, '0:59'],
    [59.4, '0:59'],
    [59.5, '1:00'],
    [60, '1:00'],
    [75, '1:15'],
    [599, '9:59'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [36_000, '10:00:00'],
    [-3, '0:00'],
  ])('%s s → %s', (seconds, want) => {
    expect(formatSeconds(seconds)).toBe(want);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '2 KB'],
    [24_000, '23 KB'],
    [1024 * 1024, '1.0 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [26 * 1024 * 1024, '26.0 MB'],
    [3 * 1024 * 1024 * 1024, '3072.0 MB'],
  ])('%s → %s', (bytes, want) => {
    expect(formatBytes(bytes)).toBe(want);
  });
});

describe('problemOf', () => {
  const byCode: Record<AppErrorCode, Problem> = {
    invalid_request: 'other',
    auth: 'key',
    payment_required: 'payment',
    permission: 'other',
    not_found: 'other',
    idempotency_in_progress: 'other',
    idempotency_conflict: 'other',
    idempotency_indeterminate: 'other',
    too_large: 'other',
    unsupported_media: 'other',
    rate_limited: 'rateLimited',
    server_error: 'other',
    unavailable: 'network',
    network: 'network',
    timeout: 'network',
    bad_response: 'other',
    content_policy: 'contentPolicy',
    generation_failed: 'other',
    cancelled: 'other',
    link_expired: 'expired',
    download_failed: 'other',
    invalid_file: 'other',
    missing_key: 'missingKey',
    io: 'other',
    disk_full: 'other',
    busy: 'other',
    duplicate_submit: 'other',
    corrupt_data: 'other',
    internal: 'other',
  };

  const failed = (code: AppErrorCode, state: JobState = 'failed') => jobView({ state, error: { code, message: `${code} happened` } });

  it.each(AppErrorCodeSchema.options.map((code) => [code, byCode[code]] as const))('a failed job with %s → %s', (code, want) => {
    expect(problemOf(failed(code))).toBe(want);
  });

  it.each(AppErrorCodeSchema.options.map((code) => [code, byCode[code]] as const))('a waiting job (needs_attention) with %s → %s', (code, want) => {
    expect(problemOf(failed(code, 'needs_attention'))).toBe(want);
  });

  it('names the same problem while a job is still running (a rate limit while queued)', () => {
    expect(problemOf(failed('rate_limited', 'queued'))).toBe('rateLimited');
    expect(problemOf(failed('network', 'downloading'))).toBe('network');
  });

  it('a job held for a spending cap is "approval", not a balance problem, though its code is payment_required', () => {
    expect(problemOf(failed('payment_required', 'needs_approval'))).toBe('approval');
    expect(problemOf(jobView({ state: 'needs_approval' }))).toBe('approval');
    expect(problemOf(failed('payment_required', 'failed'))).toBe('payment');
  });

  it.each(AppErrorCodeSchema.options)('a stopped job is "stopped", whatever its last error (%s)', (code) => {
    expect(problemOf(failed(code, 'stopped'))).toBe('stopped');
  });

  it('a stopped job without an error is "stopped"', () => {
    expect(problemOf(jobView({ state: 'stopped' }))).toBe('stopped');
  });

  it.each(AppErrorCodeSchema.options)('an expired job is "expired", whatever its last error (%s)', (code) => {
    expect(problemOf(failed(code, 'expired'))).toBe('expired');
  });

  it('an expired job without an error is "expired"', () => {
    expect(problemOf(jobView({ state: 'expired' }))).toBe('expired');
  });

  // Stopped, expired and held-for-approval jobs say why by their state alone.
  it.each(JOB_STATES.filter((s) => s !== 'stopped' && s !== 'expired' && s !== 'needs_approval'))('a %s job without an error has no problem', (state) => {
    expect(problemOf(jobView({ state }))).toBeUndefined();
  });
});

describe('firstVideoId', () => {
  it('is the library id of the first saved output', () => {
    const job = jobView({
      state: 'done',
      outputs: [output({ index: 0, saved: false, videoId: 'job-1-0' }), output({ index: 1, saved: true }), output({ index: 2, saved: true, videoId: 'job-1-2' }), output({ index: 3, saved: true, videoId: 'job-1-3' })],
    });
    expect(firstVideoId(job)).toBe('job-1-2');
  });

  it('is undefined until an output is saved with an id', () => {
    expect(firstVideoId(jobView({ outputs: [] }))).toBeUndefined();
    expect(firstVideoId(jobView({ outputs: [output({ saved: false, videoId: 'job-1-0' })] }))).toBeUndefined();
    expect(firstVideoId(jobView({ outputs: [output({ saved: true })] }))).toBeUndefined();
  });
});
