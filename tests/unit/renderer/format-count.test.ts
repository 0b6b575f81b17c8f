import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../renderer/src/i18n/format-count';

// The locales the app's languages are shown in: the formatter must write what Intl would.
const LOCALES = ['en', 'ko'];
const SAMPLES = [0, 1, 7, 12, 999, 1000, 1001, 9999, 10_000, 12_345, 99_999, 100_000, 123_456, 999_999, 1_000_000, 1_234_567, 987_654_321, 2 ** 40, -1, -1000, -1_234_567];

describe('formatCount', () => {
  for (const locale of LOCALES) {
    it(`writes every sample as Intl does for ${locale}`, () => {
      const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      for (const n of SAMPLES) expect(formatCount(n), String(n)).toBe(format.format(n));
    });
  }

  it('groups by three from the right', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(123)).toBe('123');
    expect(formatCount(-12345)).toBe('-12,345');
  });

  it('leaves numbers that are not whole safe integers as they are rather than guess', () => {
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
