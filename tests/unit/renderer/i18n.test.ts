import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { ko } from '../../../renderer/src/i18n/ko.js';

/**
 * Every string exists, non-empty, in both languages, and Korean keeps every
 * `{placeholder}` English uses (a dropped `{name}` would print nothing useful).
 */

const tables = { en: en as Record<string, string>, ko: ko as Record<string, string> };
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n tables', () => {
  it('have the same keys in English and Korean', () => {
    expect(Object.keys(tables.ko).sort()).toEqual(Object.keys(tables.en).sort());
  });

  for (const [lang, table] of Object.entries(tables)) {
    it(`has no empty string in ${lang}`, () => {
      const empty = Object.entries(table).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
    });
  }

  it('keeps every English placeholder in Korean', () => {
    const missing = Object.entries(tables.en).flatMap(([key, text]) => {
      const koText = tables.ko[key] ?? '';
      const want = new Set(placeholders(text));
      return [...want].filter((p) => !placeholders(koText).includes(p)).map((p) => `${key}: {${p}}`);
    });
    expect(missing).toEqual([]);
  });

  it('uses no placeholder in Korean that English does not define', () => {
    const extra = Object.entries(tables.ko).flatMap(([key, text]) => {
      const enPh = placeholders(tables.en[key] ?? '');
      return placeholders(text).filter((p) => !enPh.includes(p)).map((p) => `${key}: {${p}}`);
    });
    expect(extra).toEqual([]);
  });
});
