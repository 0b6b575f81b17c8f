import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../electron/core/apimart/retry-after.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 30 ', 30_000],
    ['1.5', 1500],
    ['2026', 2_026_000],
  ])('delay-seconds %j → %d ms', (value, ms) => expect(parseRetryAfter(value, NOW)).toBe(ms));

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter(new Date(NOW + 45_000).toUTCString(), NOW)).toBe(45_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:02:00 GMT', NOW)).toBe(120_000);
  });

  it('a date in the past means no wait', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(0);
  });

  it.each([null, undefined, ''])('absent (%j) → undefined', (value) => expect(parseRetryAfter(value, NOW)).toBeUndefined());

  it.each(['soon', '5 minutes', '120s', '-5', '1e3', '0x10', '12:00', 'Tomorrow', '-1 GMT'])('unreadable %j → undefined (the caller backs off instead)', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
