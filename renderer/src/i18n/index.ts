import { create } from 'zustand';
import { en, type MessageKey } from './en';
import { ko } from './ko';

/**
 * `t('compose.generate')` in the current language. The language comes from
 * the settings (main decides the default from the system locale); until they
 * load, from the browser.
 */

export type Language = 'en' | 'ko';
export type { MessageKey };

const tables: Record<Language, Record<MessageKey, string>> = { en, ko };

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

const initial: Language = typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: initial,
  setLanguage: (language) => {
    document.documentElement.lang = language;
    set({ language });
  },
}));

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Whether a key made at run time (`error.field.<name>`) has words in the tables. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function translate(language: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = tables[language][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

export function useT(): Translate {
  const language = useLanguageStore((s) => s.language);
  return (key, vars) => translate(language, key, vars);
}
