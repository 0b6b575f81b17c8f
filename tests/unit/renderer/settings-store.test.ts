import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BalanceView, Settings, SettingsView } from '../../../shared/ipc/views.js';
import { ApiError } from '../../../renderer/src/app-error.js';
import { useSettingsStore } from '../../../renderer/src/features/settings/settings-store.js';
import { loadLanguage, useLanguageStore } from '../../../renderer/src/i18n/index.js';
import { settingsView } from './view-samples.js';

// Korean's messages load when first wanted; these cases read them directly.
beforeAll(() => loadLanguage('ko'));

/**
 * The settings store shows main's settings and nothing of its own: every
 * change is main's answer, applied to the page (language, <html data-theme>);
 * a refusal comes back as words plus the field main named, and changes nothing.
 */

const api = vi.hoisted(() => ({
  settings: {
    get: vi.fn<(input: object) => Promise<SettingsView>>(),
    update: vi.fn<(patch: Partial<Settings>) => Promise<SettingsView>>(),
    setApiKey: vi.fn<(input: { key: string }) => Promise<SettingsView>>(),
    clearApiKey: vi.fn<(input: object) => Promise<SettingsView>>(),
    chooseOutputDir: vi.fn<(input: object) => Promise<SettingsView>>(),
    testApiKey: vi.fn<(input: object) => Promise<BalanceView>>(),
  },
}));
vi.mock('../../../renderer/src/api', () => ({ api }));

const initial = useSettingsStore.getState();
const store = () => useSettingsStore.getState();

/** Just the part of `document` the store writes to: <html lang> and <html data-theme>. */
interface FakeRoot {
  lang: string;
  dataset: Record<string, string>;
}
let root: FakeRoot;

beforeEach(() => {
  useSettingsStore.setState(initial, true);
  useLanguageStore.setState({ language: 'en' });
  vi.clearAllMocks();
  root = { lang: 'en', dataset: {} };
  vi.stubGlobal('document', { documentElement: root });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('load', () => {
  it('shows the settings and applies their language and theme to the page', async () => {
    api.settings.get.mockResolvedValue(settingsView({ language: 'ko', theme: 'dark' }));
    await store().load();
    expect(store().settings?.language).toBe('ko');
    expect(store().error).toBeUndefined();
    expect(useLanguageStore.getState().language).toBe('ko');
    expect(root.lang).toBe('ko');
    expect(root.dataset.theme).toBe('dark');
  });

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', undefined],
  ] as const)('theme %s → data-theme %s', async (theme, attribute) => {
    // A page that had a forced theme before: "system" must remove it, leaving the choice to the OS.
    root.dataset.theme = 'light';
    api.settings.get.mockResolvedValue(settingsView({ theme }));
    await store().load();
    expect(root.dataset.theme).toBe(attribute);
    expect('theme' in root.dataset).toBe(attribute !== undefined);
  });

  it('says why the settings could not be read and keeps what it showed', async () => {
    api.settings.get.mockResolvedValueOnce(settingsView({ outputDir: '/kept' }));
    await store().load();
    api.settings.get.mockRejectedValueOnce(new ApiError({ code: 'io', message: 'The settings file cannot be read.' }));
    await store().load();
    expect(store().error).toMatchObject({ code: 'io', message: 'The settings file cannot be read.' });
    expect(store().settings?.outputDir).toBe('/kept');
  });

  it('clears the error once a later load succeeds', async () => {
    api.settings.get.mockRejectedValueOnce({ code: 'network', message: 'offline' });
    await store().load();
    expect(store().error).toMatchObject({ code: 'network', message: 'offline' });
    api.settings.get.mockResolvedValueOnce(settingsView());
    await store().load();
    expect(store().error).toBeUndefined();
  });
});

describe('changes', () => {
  it('update sends the patch and shows main’s answer', async () => {
    api.settings.update.mockResolvedValue(settingsView({ concurrency: 5, theme: 'light' }));
    await expect(store().update({ concurrency: 5, theme: 'light' })).resolves.toBeUndefined();
    expect(api.settings.update).toHaveBeenCalledWith({ concurrency: 5, theme: 'light' });
    expect(store().settings?.concurrency).toBe(5);
    expect(root.dataset.theme).toBe('light');
  });

  it('a refused update answers with the words and the field, and changes nothing', async () => {
    api.settings.get.mockResolvedValue(settingsView({ nameTemplate: '{date}' }));
    await store().load();
    api.settings.update.mockRejectedValue(new ApiError({ code: 'invalid_request', message: 'Unknown token {nope}.', field: 'nameTemplate' }));
    await expect(store().update({ nameTemplate: '{nope}' })).resolves.toEqual({ code: 'invalid_request', message: 'Unknown token {nope}.', field: 'nameTemplate' });
    expect(store().settings?.nameTemplate).toBe('{date}');
    // The page-level error line is for a failed load, not for one refused field.
    expect(store().error).toBeUndefined();
  });

  it('a refusal without a field answers with the words only', async () => {
    api.settings.chooseOutputDir.mockRejectedValue({ code: 'permission', message: 'That folder cannot be written.' });
    await expect(store().chooseOutputDir()).resolves.toEqual({ code: 'permission', message: 'That folder cannot be written.' });
  });

  it('setApiKey sends the key as { key } and shows the answer', async () => {
    api.settings.setApiKey.mockResolvedValue(settingsView({ hasApiKey: true, keyStorage: 'plain-file' }));
    await expect(store().setApiKey('sk-new')).resolves.toBeUndefined();
    expect(api.settings.setApiKey).toHaveBeenCalledWith({ key: 'sk-new' });
    expect(store().settings?.keyStorage).toBe('plain-file');
  });

  it('clearApiKey shows the answer', async () => {
    api.settings.clearApiKey.mockResolvedValue(settingsView({ hasApiKey: false, keyStorage: 'none' }));
    await expect(store().clearApiKey()).resolves.toBeUndefined();
    expect(store().settings?.hasApiKey).toBe(false);
  });

  it('chooseOutputDir shows the folder main chose', async () => {
    api.settings.chooseOutputDir.mockResolvedValue(settingsView({ outputDir: '/Volumes/Big/Keyframe' }));
    await expect(store().chooseOutputDir()).resolves.toBeUndefined();
    expect(store().settings?.outputDir).toBe('/Volumes/Big/Keyframe');
  });

  it('a successful change clears an earlier load error', async () => {
    api.settings.get.mockRejectedValue({ code: 'network', message: 'offline' });
    await store().load();
    api.settings.update.mockResolvedValue(settingsView());
    await store().update({ demoMode: false });
    expect(store().error).toBeUndefined();
  });
});

describe('testApiKey', () => {
  it('answers with the balance', async () => {
    const balance: BalanceView = { remainUsd: 12.5, unlimited: false, demo: false };
    api.settings.testApiKey.mockResolvedValue(balance);
    await expect(store().testApiKey()).resolves.toEqual({ balance });
  });

  it('answers with the problem in words (and never throws)', async () => {
    api.settings.testApiKey.mockRejectedValue(new ApiError({ code: 'auth', message: 'APIMart did not accept this key.', field: 'key' }));
    await expect(store().testApiKey()).resolves.toEqual({ problem: { code: 'auth', message: 'APIMart did not accept this key.', field: 'key' } });
    expect(store().settings).toBeUndefined();
  });
});
