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

  it('a model the key may not use, named by type or by code, whatever the status: not found, never retried, pointing at the model', () => {
    for (const [status, error] of [
      [404, { code: 'model_not_found', type: 'invalid_request_error', message: 'model not found: veo9' }],
      [400, { type: 'unsupported_generation_model', message: 'model not found: veo9' }],
      [403, { code: 'unsupported_generation_model', type: 'permission_error', message: 'model not found: veo9' }],
    ] as const) {
      expect(http(status, { error })).toMatchObject({
        code: 'not_found',
        retryable: false,
        field: 'model',
        key: 'apimart.model_unavailable.said',
        params: { provider: 'model not found: veo9' },
      });
    }
    expect(http(404, { error: { code: 'model_not_found' } })).toMatchObject({ key: 'apimart.model_unavailable', retryable: false });
    // Only the envelope's type or code says so: a message that merely mentions it is an ordinary refusal.
    expect(http(400, { error: { type: 'invalid_request_error', message: 'model_not_found' } }).key).toBe('apimart.rejected.said');
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
