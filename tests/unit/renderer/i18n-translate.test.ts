import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { loadLanguage, translate, useLanguageStore } from '../../../renderer/src/i18n/index.js';
import { ko } from '../../../renderer/src/i18n/ko.js';

// Korean's messages load when first wanted; these cases read them directly.
beforeAll(() => loadLanguage('ko'));

/** `translate` fills `{placeholders}` from the vars it is given and leaves the rest readable as they are. */

describe('translate', () => {
  it('returns the text of the key in the language asked for', () => {
    expect(translate('en', 'app.title')).toBe(en['app.title']);
    expect(translate('ko', 'library.error', { message: 'x' })).toBe('문제가 생겼습니다: x');
  });

  it('fills every placeholder, with numbers as text', () => {
    expect(translate('en', 'queue.counts', { active: 2, queued: 0 })).toBe('2 running · 0 waiting');
    expect(translate('ko', 'queue.counts', { active: 2, queued: 5 })).toBe('실행 중 2 · 대기 5');
    expect(translate('en', 'queue.progress', { percent: 91 })).toBe('91%');
  });

  it('leaves a placeholder it has no value for as it is', () => {
    expect(translate('en', 'queue.counts', { active: 1 })).toBe('1 running · {queued} waiting');
  });

  it('without vars, returns the text untouched, placeholders included', () => {
    expect(translate('en', 'queue.counts')).toBe('{active} running · {queued} waiting');
  });

  it('ignores vars the text does not use', () => {
    expect(translate('en', 'queue.progress', { percent: 5, extra: 'unused' })).toBe('5%');
  });

  it('inserts values literally: a value that looks like a placeholder or a $ pattern stays as written', () => {
    expect(translate('en', 'library.error', { message: '{percent} $& $1' })).toBe('Something went wrong: {percent} $& $1');
  });

  it('fills an empty string and zero (not treated as missing)', () => {
    expect(translate('en', 'library.error', { message: '' })).toBe('Something went wrong: ');
    expect(translate('en', 'queue.progress', { percent: 0 })).toBe('0%');
  });

  it('has a text for every key in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(translate('en', key)).toBe(en[key]);
      expect(translate('ko', key)).toBe(ko[key]);
    }
  });
});

describe('language store', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sets <html lang> with the language, for screen readers and :lang() styles', () => {
    const root = { lang: 'en' };
    vi.stubGlobal('document', { documentElement: root });
    useLanguageStore.getState().setLanguage('ko');
    expect(useLanguageStore.getState().language).toBe('ko');
    expect(root.lang).toBe('ko');
  });
});
