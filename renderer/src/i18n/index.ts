import { create } from 'zustand';
import { en, type MessageKey } from './en';

/**
 * `t('compose.generate')` in the current language. The language comes from
 * the settings (main decides the default from the system locale); until they
 * load, from the browser. English is always here (it is also every key's
 * definition); another language's table loads when it is first wanted, so a
 * page in English never parses the Korean one, and one in Korean waits for its
 * table before its first render (start-app.tsx).
 */

export type Language = 'en' | 'ko';
export type { MessageKey };
type Table = Record<MessageKey, string>;

const tables: Partial<Record<Language, Table>> = { en };
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Table>> = {
  ko: () => import('./ko').then((m) => m.ko),
};
const loading = new Map<Language, Promise<void>>();

/** Loads a language's table (once); resolves at once for one already here. */
export function loadLanguage(language: Language): Promise<void> {
  if (tables[language]) return Promise.resolve();
  const pending =
    loading.get(language) ??
    loaders[language as Exclude<Language, 'en'>]().then((table) => {
      tables[language] = table;
    });
  loading.set(language, pending);
  return pending;
}

interface LanguageState {
  /** The language the page is shown in: only ever one whose table is loaded. */
  language: Language;
  /** Switches once the language's table is here (at once when it already is); the last one asked for wins. */
  setLanguage(language: Language): void;
}

/** The browser's language, for the first render before the settings arrive. */
export const browserLanguage: Language = typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';

let wanted: Language = 'en';

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: 'en',
  setLanguage: (language) => {
    wanted = language;
    const show = (): void => {
      if (wanted !== language) return;
      document.documentElement.lang = language;
      set({ language });
    };
    if (tables[language]) show();
    else void loadLanguage(language).then(show, () => console.warn(`Keyframe: the ${language} messages could not be loaded`));
  },
}));

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Whether a key made at run time (`error.field.<name>`) has words in the tables. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message in `language`, in English while that language's table is not loaded. */
export function translate(language: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = (tables[language] ?? en)[key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

export function useT(): Translate {
  const language = useLanguageStore((s) => s.language);
  return (key, vars) => translate(language, key, vars);
}
