import { describe, expect, it } from 'vitest';
import { classifyHttpError, classifyNetworkError } from '../../../electron/core/apimart/errors.js';
import { diskFullError } from '../../../electron/core/util/fs-errors.js';
import { fsRefusal } from '../../../electron/core/util/fs-refusal.js';
import { errorMessage } from '../../../shared/error-messages.js';

/**
 * Which catalog message each refusal travels as: the page words it from the
 * key (tests/unit/renderer/error-text.test.ts), APIMart's own words travel as
 * `{provider}`, and the English `message` is unchanged.
 */

const http = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  classifyHttpError({ status, bodyText: JSON.stringify(body), headers: new Headers(headers) }, 0);

describe('APIMart refusals', () => {
  it.each([
    [401, 'auth', 'apimart.auth', 'APIMart did not accept the API key. Check the key in Settings.'],
    [402, 'payment_required', 'apimart.payment', 'Your APIMart balance is too low for this job. Top up your balance, then retry.'],
    [429, 'rate_limited', 'apimart.rate_limited', 'APIMart is rate limiting requests; Keyframe will retry shortly.'],
    [413, 'too_large', 'apimart.too_large', 'The image is too large for APIMart (20 MB at most).'],
    [503, 'unavailable', 'apimart.unavailable', 'APIMart is temporarily unavailable; Keyframe will retry.'],
  ])('%i → %s as %s', (status, code, key, message) => {
    const e = http(status, { error: { message: 'whatever the gateway said', type: 'x' } });
    expect(e).toMatchObject({ code, key, message, httpStatus: status });
    expect(e.params).toBeUndefined();
  });

  it('APIMart’s own words travel as {provider}, and only when it said any', () => {
    const said = http(400, { error: { message: 'duration must be 4, 6 or 8', type: 'invalid_request_error' } });
    expect(said).toMatchObject({
      code: 'invalid_request',
      key: 'apimart.rejected.said',
      params: { provider: 'duration must be 4, 6 or 8' },
      message: 'APIMart rejected the request. APIMart said: “duration must be 4, 6 or 8”',
    });
    expect(classifyHttpError({ status: 400, bodyText: '', headers: new Headers() }, 0)).toMatchObject({ key: 'apimart.rejected', message: 'APIMart rejected the request.' });
  });

  it('a 409 by its kind', () => {
    expect(http(409, { error: { type: 'idempotency_result_indeterminate', message: 'may still be in progress' } }).key).toBe('apimart.idempotency_indeterminate');
    expect(http(409, { error: { type: 'idempotency_key_reused' } }).key).toBe('apimart.idempotency_conflict');
    expect(http(409, { error: { type: 'idempotency_in_progress' } }).key).toBe('apimart.idempotency_in_progress');
  });

  it('no reply at all', () => {
    expect(classifyNetworkError(new Error('fetch failed'), false)).toMatchObject({ code: 'network', key: 'apimart.network' });
    expect(classifyNetworkError(new Error('aborted'), true)).toMatchObject({ code: 'timeout', key: 'apimart.no_answer' });
  });
});

describe('a full disk', () => {
  it('a job waiting for space, by disk', () => {
    expect(diskFullError('output')).toMatchObject({ code: 'disk_full', key: 'disk_full.waiting.output' });
    expect(diskFullError('data')).toMatchObject({ key: 'disk_full.waiting.data' });
    expect(diskFullError()).toMatchObject({ key: 'disk_full.waiting', message: 'The disk is full: free some space; Keyframe continues by itself once there is room.' });
  });

  it('an operation that did not happen asks to try again, by disk', () => {
    const enospc = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(fsRefusal(enospc, errorMessage('fs.write_failed'), 'data').app).toMatchObject({
      code: 'disk_full',
      key: 'disk_full.retry.data',
      message: 'The disk is full (the disk of Keyframe’s data folder): free some space, then try again.',
    });
    const eacces = Object.assign(new Error('denied'), { code: 'EACCES' });
    expect(fsRefusal(eacces, errorMessage('journal.new_job_failed'), 'data').app).toMatchObject({ code: 'io', key: 'journal.new_job_failed', detail: 'EACCES' });
  });
});
