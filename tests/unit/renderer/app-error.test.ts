import { describe, expect, it } from 'vitest';
import { ApiError, toAppError } from '../../../renderer/src/app-error.js';

/** Whatever a call rejects with becomes `{ code, message, field? }` with words a person can read. */

describe('toAppError', () => {
  it('keeps an ApiError as it is', () => {
    expect(toAppError(new ApiError({ code: 'invalid_request', message: 'The prompt is empty.', field: 'prompt', retryable: false }))).toEqual({
      code: 'invalid_request',
      message: 'The prompt is empty.',
      field: 'prompt',
    });
  });

  it('leaves out the field of an ApiError that names none', () => {
    const e = toAppError(new ApiError({ code: 'network', message: 'Offline.' }));
    expect(e).toEqual({ code: 'network', message: 'Offline.' });
    expect('field' in e).toBe(false);
  });

  it('reads a plain { code, message, field } reply', () => {
    expect(toAppError({ code: 'auth', message: 'Key refused.', field: 'key' })).toEqual({ code: 'auth', message: 'Key refused.', field: 'key' });
  });

  it.each([
    ["Error invoking remote method 'jobs:submit': Error: The balance is too low.", 'The balance is too low.'],
    ["Error invoking remote method 'jobs:submit': TypeError: x is not a function", 'x is not a function'],
    ["Error invoking remote method 'settings:update': The folder is read-only.", 'The folder is read-only.'],
    ['No access token.', 'No access token.'],
  ])('takes Electron’s prefix off a preload error: %s', (raw, want) => {
    expect(toAppError(new Error(raw))).toEqual({ code: 'internal', message: want });
  });

  it('keeps the code an Error carries', () => {
    expect(toAppError(Object.assign(new Error('Disk full.'), { code: 'disk_full' }))).toEqual({ code: 'disk_full', message: 'Disk full.' });
  });

  it.each([
    ['an object without words', { code: 'io' }, { code: 'io', message: 'Something went wrong.' }],
    ['an empty message', { code: 'io', message: '' }, { code: 'io', message: 'Something went wrong.' }],
    ['a message that is not text', { message: 42 }, { code: 'internal', message: 'Something went wrong.' }],
    ['a code that is not text', { code: 7, message: 'Odd.' }, { code: 'internal', message: 'Odd.' }],
    ['a field that is not text', { code: 'io', message: 'Odd.', field: 3 }, { code: 'io', message: 'Odd.' }],
    ['a string', 'plain words', { code: 'internal', message: 'plain words' }],
    ['null', null, { code: 'internal', message: 'Something went wrong.' }],
    ['undefined', undefined, { code: 'internal', message: 'Something went wrong.' }],
    ['a number', 404, { code: 'internal', message: 'Something went wrong.' }],
  ])('makes sense of %s', (_name, raw, want) => {
    expect(toAppError(raw)).toEqual(want);
  });
});

describe('ApiError', () => {
  it('is an Error whose message is the words main sent', () => {
    const e = new ApiError({ code: 'rate_limited', message: 'Slow down.', retryable: true });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ApiError');
    expect(e.message).toBe('Slow down.');
    expect(e.code).toBe('rate_limited');
    expect(e.retryable).toBe(true);
    expect(e.field).toBeUndefined();
  });
});
