import { describe, expect, it } from 'vitest';
import { capText, parseCapInput } from '../../../renderer/src/features/settings/cap-input.js';

/** A spending cap as typed in Settings: empty is none, dollars with at most cents, and what is wrong named. */

describe('a typed spending cap', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['0', 0],
    ['1', 1],
    ['5.5', 5.5],
    ['12.50', 12.5],
    ['.5', 0.5],
    ['5.', 5],
    ['$5', 5],
    ['$ 20', 20],
    [' 7 ', 7],
    ['1,000', 1000],
    ['1,000,000', 1_000_000],
  ])('%j is %j', (text, usd) => {
    expect(parseCapInput(text)).toEqual({ ok: true, usd });
  });

  it.each([
    ['abc', 'not_number'],
    ['.', 'not_number'],
    ['1.2.3', 'not_number'],
    ['5 dollars', 'not_number'],
    ['1,00', 'not_number'],
    ['1e3', 'not_number'],
    ['-5', 'negative'],
    ['-$5', 'negative'],
    ['1.234', 'too_precise'],
    ['1000001', 'too_large'],
  ])('%j is refused as %s', (text, problem) => {
    expect(parseCapInput(text)).toEqual({ ok: false, problem });
  });

  it('shows a saved cap as typed: whole dollars bare, cents with two digits, none as empty', () => {
    expect(capText(5)).toBe('5');
    expect(capText(5.5)).toBe('5.50');
    expect(capText(0)).toBe('0');
    expect(capText(null)).toBe('');
    expect(capText(undefined)).toBe('');
  });
});
