import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { loadLanguage, translate, useLanguageStore } from '../../../renderer/src/i18n/index.js';
import { ko } from '../../../renderer/src/i18n/ko.js';

/**
 * Korean's table loads the first time Korean is wanted, not with the page:
 * until it is here the page stays in the language it is shown in, and when
 * two languages are asked for in turn the last one wins.
 */

afterEach(() => vi.unstubAllGlobals());

describe('a language loaded when first wanted', () => {
  it('stays in English until the Korean table is here, then switches; the last language asked for wins', async () => {
    const root = { lang: 'en' };
    vi.stubGlobal('document', { documentElement: root });
    // Not loaded yet: a Korean text reads in English meanwhile, and the page is still shown in English.
    expect(translate('ko', 'app.title')).toBe(en['app.title']);
    useLanguageStore.getState().setLanguage('ko');
    expect(useLanguageStore.getState().language).toBe('en');
    expect(root.lang).toBe('en');
    // Asked for English again before Korean arrived: Korean's late arrival does not switch the page.
    useLanguageStore.getState().setLanguage('en');
    await loadLanguage('ko');
    await Promise.resolve();
    expect(useLanguageStore.getState().language).toBe('en');
    // Asked for now that it is here: at once.
    useLanguageStore.getState().setLanguage('ko');
    expect(useLanguageStore.getState().language).toBe('ko');
    expect(root.lang).toBe('ko');
    expect(translate('ko', 'library.error', { message: 'x' })).toBe(ko['library.error'].replace('{message}', 'x'));
  });
});
