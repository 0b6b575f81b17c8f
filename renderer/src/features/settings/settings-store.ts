import { create } from 'zustand';
import type { SettingsView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import { toAppError } from '../../app-error';
import { useLanguageStore } from '../../i18n';

/** The settings as main reports them; the page never keeps its own copy of the truth. */
interface SettingsState {
  settings: SettingsView | undefined;
  error: string | undefined;
  load(): Promise<void>;
  update(patch: Partial<Pick<SettingsView, 'demoMode' | 'language' | 'theme'>>): Promise<void>;
}

function applyToDocument(s: SettingsView): void {
  useLanguageStore.getState().setLanguage(s.language);
  // 'system' leaves the choice to prefers-color-scheme in the stylesheet.
  if (s.theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = s.theme;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: undefined,
  error: undefined,
  async load() {
    try {
      const settings = await api.settings.get({});
      applyToDocument(settings);
      set({ settings, error: undefined });
    } catch (err) {
      set({ error: toAppError(err).message });
    }
  },
  async update(patch) {
    try {
      const settings = await api.settings.update(patch);
      applyToDocument(settings);
      set({ settings, error: undefined });
    } catch (err) {
      set({ error: toAppError(err).message });
    }
  },
}));
