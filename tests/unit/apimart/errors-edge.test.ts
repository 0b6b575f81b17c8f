import { describe, expect, it } from 'vitest';
import { classifyHttpError } from '../../../electron/core/apimart/errors.js';

const reply = (status: number, body: unknown) => ({
  status,
  bodyText: body === null ? '' : JSON.stringify(body),
  headers: new Headers({ 'x-oneapi-request-id': 'req-1' }),
});

describe('error classification edge cases', () => {
  it('408 is a retryable timeout, not a request error', () => {
    const e = classifyHttpError(reply(408, null), 0);
    expect(e).toMatchObject({ code: 'timeout', retryable: true, requestId: 'req-1' });
  });

  it('a 500 is a permanent request error only when it names a parameter', () => {
    const transient = classifyHttpError(reply(500, { error: { message: 'invalid response from upstream', type: 'server_error' } }), 0);
    expect(transient).toMatchObject({ code: 'server_error', retryable: true });
    for (const message of ['build_request_failed: duration', 'invalid parameter: duration', 'invalid_request: seed', 'bad param seed']) {
      expect(classifyHttpError(reply(500, { error: { message, type: 'server_error' } }), 0), message).toMatchObject({
        code: 'invalid_request',
        retryable: false,
      });
    }
  });
});
