import { create } from 'zustand';
import type { BalanceView, Settings, SettingsView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError, type CallError } from '../../app-error';
import { useLanguageStore } from '../../i18n';

/** A failed settings call, with the field main named (`error.field`) when it named one. */
export type SettingsProblem = CallError;

/** The settings as main reports them; the page never keeps its own copy of the truth. */
interface SettingsState {
  settings: SettingsView | undefined;
  /** Loading the settings failed (shown at the top by StatusNotices). */
  error: CallError | undefined;
  load(): Promise<void>;
  /** Applies a patch; resolves to the problem (with its field) when main refused it. */
  update(patch: Partial<Settings>): Promise<SettingsProblem | undefined>;
  setApiKey(key: string): Promise<SettingsProblem | undefined>;
  clearApiKey(): Promise<SettingsProblem | undefined>;
  chooseOutputDir(): Promise<SettingsProblem | undefined>;
  testApiKey(): Promise<{ balance: BalanceView } | { problem: SettingsProblem }>;
}

function applyToDocument(s: SettingsView): void {
  useLanguageStore.getState().setLanguage(s.language);
  // 'system' leaves the choice to prefers-color-scheme in the stylesheet.
  if (s.theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = s.theme;
}

const problemOf = (err: unknown): SettingsProblem => toAppError(err);

export const useSettingsStore = create<SettingsState>()((set) => {
  /** Runs a call that answers with the new settings view; never throws. */
  const apply = async (call: () => Promise<SettingsView>): Promise<SettingsProblem | undefined> => {
    try {
      const settings = await call();
      applyToDocument(settings);
      set({ settings, error: undefined });
      return undefined;
    } catch (err) {
      return problemOf(err);
    }
  };
  return {
    settings: undefined,
    error: undefined,
    async load() {
      try {
        const settings = await api.settings.get({});
        applyToDocument(settings);
        set({ settings, error: undefined });
      } catch (err) {
        set({ error: toAppError(err) });
      }
    },
    update: (patch) => apply(() => api.settings.update(patch)),
    setApiKey: (key) => apply(() => api.settings.setApiKey({ key })),
    clearApiKey: () => apply(() => api.settings.clearApiKey({})),
    chooseOutputDir: () => apply(() => api.settings.chooseOutputDir({})),
    async testApiKey() {
      try {
        return { balance: await api.settings.testApiKey({}) };
      } catch (err) {
        return { problem: problemOf(err) };
      }
    },
  };
});
